"""Write rows to CSV and XLSX for people who open them in a spreadsheet program.

Used by `kb check`, `kb query run` and the browser's exports. The API is three functions:

    safe_cell(value)                        -> a value that is safe to put in a cell
    write_csv(rows, columns, target)        -> CSV, UTF-8 with a BOM (Excel opens it right)
    write_xlsx(rows, columns, target, sheet="…")

`rows` is an iterable of mappings (dicts) or sequences; `columns` is a sequence of `(key, header)`
pairs, or plain keys (the key is then the header). For sequence rows the columns are positional.
`target` is a path, a binary stream (BytesIO, a Flask response buffer) or, for CSV only, a text stream.

Every cell goes through `safe_cell`: a text starting with = + - @, a tab or a carriage return gets a
leading apostrophe, so a spreadsheet program shows it as text instead of running it as a formula
(CSV/formula injection). Lists are joined with "；", dicts become JSON, None becomes "". The XLSX
sheet has a bold, frozen header row and an auto-filter over all columns.
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_CELL = 32767  # characters; longer texts are cut with a marker

Columns = Sequence[tuple[str, str] | str]
Target = str | os.PathLike | IO[bytes] | IO[str]


def safe_cell(value: Any) -> Any:
    """Text that cannot be read as a formula; numbers and booleans stay as they are."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        value = "；".join(str(v) for v in value if v is not None and v != "")
    elif isinstance(value, Mapping):
        value = json.dumps(value, ensure_ascii=False, default=str)
    else:
        value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _columns(columns: Columns) -> list[tuple[str, str]]:
    return [(c, c) if isinstance(c, str) else (c[0], c[1]) for c in columns]


def _values(row: Mapping | Sequence, keys: list[str]) -> list[Any]:
    if isinstance(row, Mapping):
        return [safe_cell(row.get(k)) for k in keys]
    return [safe_cell(v) for v in list(row)[: len(keys)]]


def write_csv(rows: Iterable[Mapping | Sequence], columns: Columns, target: Target) -> int:
    """Write a header row and the rows; returns the number of data rows written."""
    cols = _columns(columns)
    keys = [k for k, _ in cols]

    def emit(fh: IO[str]) -> int:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow([safe_cell(h) for _, h in cols])
        n = 0
        for row in rows:
            writer.writerow(_values(row, keys))
            n += 1
        return n

    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8-sig", newline="") as fh:
            return emit(fh)
    if isinstance(target, io.TextIOBase):
        return emit(target)
    wrapper = io.TextIOWrapper(target, encoding="utf-8-sig", newline="")  # binary stream
    try:
        return emit(wrapper)
    finally:
        wrapper.flush()
        wrapper.detach()


def _xlsx_text(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > XLSX_MAX_CELL:
            value = value[: XLSX_MAX_CELL - 6] + "…（截断）"
    return value


def write_xlsx(rows: Iterable[Mapping | Sequence], columns: Columns, target: str | os.PathLike | IO[bytes],
               sheet: str = "数据") -> int:
    """One sheet: bold frozen header, auto-filter, sensible column widths; returns the data rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    cols = _columns(columns)
    keys = [k for k, _ in cols]
    wb = Workbook()
    ws = wb.active
    ws.title = (sheet or "数据")[:31]
    ws.append([_xlsx_text(safe_cell(h)) for _, h in cols])
    widths = [min(60, max(8, len(str(h)) * 2 + 2)) for _, h in cols]
    n = 0
    for row in rows:
        values = [_xlsx_text(v) for v in _values(row, keys)]
        ws.append(values)
        for i, v in enumerate(values):
            widths[i] = min(60, max(widths[i], len(str(v)) * 2 if len(str(v)) < 30 else 60))
        n += 1
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    last = get_column_letter(max(1, len(cols)))
    ws.auto_filter.ref = f"A1:{last}{n + 1}"
    if isinstance(target, str | os.PathLike):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return n
