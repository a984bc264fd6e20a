"""Saved queries: consistency (one .cypher file per query; see queries/loader.py)."""
