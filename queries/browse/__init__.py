"""Saved queries: browse (one .cypher file per query; see queries/loader.py)."""
