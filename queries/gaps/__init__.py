"""Saved queries: gaps (one .cypher file per query; see queries/loader.py)."""
