"""Data files for the list importer, loaded with importlib.resources.

- Column mappings: every ``*.toml`` here with a ``[columns]`` table (see ``standard.toml``).
- Vocabularies: ``power_types.toml``, ``levels.toml``, ``stages.toml``.
- Naming: ``departments.toml`` (aliases for oddly spelt publishers), ``jurisdictions.toml``.
"""
