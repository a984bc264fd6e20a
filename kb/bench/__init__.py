"""Benchmarks: a generated province (`generate`), and the measurements `kb bench` runs on it (`web` for
page times). A layer of its own on top, beside the CLI: it may use everything below, nothing uses it
but `kb bench`."""
