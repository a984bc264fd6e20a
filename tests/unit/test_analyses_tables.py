"""CSV and XLSX writing with formula injection neutralised (no database)."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from kb.analyses.tables import safe_cell, write_csv, write_xlsx

ROWS = [{"name": "=HYPERLINK(\"http://x\")", "n": -3, "list": ["甲", "乙"], "note": "+1", "ok": "普通文字"},
        {"name": "@SUM(A1)", "n": 2.5, "list": [], "note": "\tx", "ok": None}]
COLUMNS = [("name", "名称"), ("n", "数量"), ("list", "部门"), ("note", "备注"), ("ok", "说明")]


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-x", "'-x"), ("@a", "'@a"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("文字", "文字"), (None, ""), (-3, -3), (True, True), (["a", "=b"], "a；=b"), ({"k": 1}, '{"k": 1}'),
])
def test_safe_cell(value, expected) -> None:
    assert safe_cell(value) == expected


def test_csv_to_path_has_bom_headers_and_safe_cells(tmp_path) -> None:
    path = tmp_path / "out.csv"
    assert write_csv(ROWS, COLUMNS, path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["名称", "数量", "部门", "备注", "说明"]
    assert rows[1][0].startswith("'=") and rows[1][1] == "-3" and rows[1][2] == "甲；乙" and rows[1][3] == "'+1"
    assert rows[2][0] == "'@SUM(A1)" and rows[2][3] == "'\tx"


def test_csv_to_streams() -> None:
    text = io.StringIO()
    write_csv([["=a", 1]], ["x", "y"], text)
    assert text.getvalue().splitlines() == ["x,y", "'=a,1"]
    binary = io.BytesIO()
    write_csv(ROWS, COLUMNS, binary)
    assert binary.getvalue().startswith(b"\xef\xbb\xbf")


def test_xlsx_has_frozen_filtered_header_and_no_formulas(tmp_path) -> None:
    path = tmp_path / "out.xlsx"
    assert write_xlsx(ROWS, COLUMNS, path, sheet="检查结果") == 2
    ws = load_workbook(path).active
    assert ws.title == "检查结果"
    assert [c.value for c in ws[1]] == ["名称", "数量", "部门", "备注", "说明"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:E3"
    assert ws["A2"].value.startswith("'=") and ws["A2"].data_type == "s"
    assert ws["B2"].value == -3 and ws["A3"].value == "'@SUM(A1)"


def test_xlsx_to_a_stream() -> None:
    buf = io.BytesIO()
    write_xlsx(ROWS, COLUMNS, buf)
    assert load_workbook(io.BytesIO(buf.getvalue())).active.max_row == 3
