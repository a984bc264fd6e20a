"""Names of the columns and parameters of saved queries as the browser shows them (Chinese first;
the names themselves are in queries/columns.py, which `kb query run` uses too).

The saved queries (`queries/`) name their columns and parameters in English snake case, which is what
the CSV/JSON exports and users' own Cypher keep; the page shows these names (a column without one as
typed, as code). Values that are codes (levels, citation fields) are shown by name too.
"""
from __future__ import annotations

from flask_babel import get_locale

from queries.columns import CODED_COLUMNS, NAMES, PARAMS, VALUES


def _pick(pair: tuple[str, str]) -> str:
    return pair[1] if str(get_locale()) == "en" else pair[0]


def column_name(name: str) -> str:
    pair = NAMES.get(name)
    return _pick(pair) if pair else name


def coded_value(column: str, value: str) -> str:
    """A level or citation field by name (市级, 实施依据); any other value as it is."""
    if column in CODED_COLUMNS and value in VALUES:
        return _pick(VALUES[value])
    return value


def param_name(name: str) -> str:
    pair = PARAMS.get(name)
    return _pick(pair) if pair else column_name(name)
