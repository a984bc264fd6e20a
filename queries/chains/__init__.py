"""Saved queries: chains (one .cypher file per query; see queries/loader.py)."""
