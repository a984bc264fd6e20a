"""承办机构 cells that name several units are split into units (importers.writer.split_units)."""
from __future__ import annotations

import pytest

from importers.writer import split_units


@pytest.mark.parametrize(("text", "units"), [
    ("危化科、基础科、执法支队", ["危化科", "基础科", "执法支队"]),
    ("政策法规科 、社会经济统计科 、社会经济普查科、综合核算科", ["政策法规科", "社会经济统计科", "社会经济普查科", "综合核算科"]),
    ("审批科，执法支队;法规科；审批科", ["审批科", "执法支队", "法规科"]),
    ("执法支队（一大队、二大队）、法规科", ["执法支队（一大队、二大队）", "法规科"]),
    ("政策法\n规科", ["政策法规科"]),
    ("", []),
    ("、 ，", []),
])
def test_split_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units
