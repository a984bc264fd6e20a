"""Every piece of evidence the analyses write is shown by name on a finding's page: its kind (`type`) and each of its
fields have a name in webui.entities (the JSON keeps the keys). A reader saw `same_name normalised` and a list's
`file mapping fields missing_columns` on two finding pages."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from webui.entities import EVIDENCE_FIELDS, EVIDENCE_TYPES

ANALYSES = Path(__file__).resolve().parents[2] / "kb" / "analyses"


def _evidence_dicts() -> list[tuple[str, str, set[str]]]:
    """(file, type, keys) of each dict literal in kb/analyses with a "type" naming a kind of evidence."""
    found = []
    for path in sorted(ANALYSES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict):
                continue
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
            kind = next((v.value for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant)
                         and k.value == "type" and isinstance(v, ast.Constant) and isinstance(v.value, str)), None)
            if kind and re.fullmatch(r"[a-z_]+", kind):
                found.append((path.name, kind, keys))
    return found


def test_every_kind_and_field_of_evidence_has_a_name():
    pieces = _evidence_dicts()
    assert len(pieces) >= 15 and {"shared_article", "list", "delegation", "stages"} <= {k for _, k, _ in pieces}
    unnamed_kinds = sorted({(f, k) for f, k, _ in pieces if k not in EVIDENCE_TYPES})
    unnamed_fields = sorted({(f, k, key) for f, k, keys in pieces for key in keys if key not in EVIDENCE_FIELDS})
    assert not unnamed_kinds and not unnamed_fields, (unnamed_kinds, unnamed_fields)
