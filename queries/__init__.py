"""The saved-query library: Cypher files by area, loaded by `queries.loader`."""
