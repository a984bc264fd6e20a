"""Saved queries: overlaps (one .cypher file per query; see queries/loader.py)."""
