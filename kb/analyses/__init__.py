"""Analyses: overlaps, gaps, vertical chains, four-level consistency, integrated services."""
