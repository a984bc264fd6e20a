"""Saved queries: services (one .cypher file per query; see queries/loader.py)."""
