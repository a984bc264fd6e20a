"""Downloads of a table as CSV, XLSX or JSON; kb.analyses.tables neutralises cells a spreadsheet would
run as formulas."""
from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from flask import Response

from kb.analyses.tables import write_csv, write_xlsx
from webui.jsondata import plain

FORMATS = ("csv", "xlsx", "json")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(fmt: str, filename: str, columns: Sequence[tuple[str, str] | str],
             rows: Sequence[Mapping | Sequence]) -> Response:
    """``rows`` are dicts keyed like ``columns`` (or sequences in their order)."""
    rows = [plain(r) for r in rows]
    buffer = io.BytesIO()
    if fmt == "json":
        response = Response(json.dumps(rows, ensure_ascii=False, indent=2), mimetype="application/json")
    elif fmt == "csv":
        write_csv(rows, columns, buffer)
        response = Response(buffer.getvalue(), mimetype="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        write_xlsx(rows, columns, buffer, sheet=filename[:31])
        response = Response(buffer.getvalue(), mimetype=XLSX)
    else:
        raise ValueError(f"unknown format {fmt}")
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}.{fmt}"
    return response


def split_format(name: str) -> tuple[str, str | None]:
    """`overlaps.csv` -> (`overlaps`, `csv`); names without an export suffix -> (name, None)."""
    for fmt in ("csv", "xlsx"):
        if name.endswith("." + fmt):
            return name[: -len(fmt) - 1], fmt
    return name, None


def as_rows(columns: list[str], records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{c: r.get(c) for c in columns} for r in records]
