"""Places from China's divisions (kb.places) as the graph names them, and the chain down to one."""
from __future__ import annotations

import pytest

from importers.jurisdictions import Ambiguous, by_code, jurisdiction_chain, leading_place, overrides, resolve
from kb.places import divisions


def test_no_place_has_no_chain():
    assert jurisdiction_chain("") == []
    assert jurisdiction_chain("", "county") == []


def test_chain_of_any_place_in_china():
    assert jurisdiction_chain("天心区") == [
        {"name": "湖南省", "level": "province", "code": "430000"},
        {"name": "长沙市", "level": "city", "code": "430100"},
        {"name": "天心区", "level": "county", "code": "430103"},
    ]
    assert jurisdiction_chain("克拉玛依")[-1]["name"] == "克拉玛依市"  # a short name
    assert [j["name"] for j in jurisdiction_chain("荷塘区")] == ["湖南省", "株洲市", "荷塘区"]  # in no table
    # A township is named with its county in front; 城关镇 alone is the name of 88 places.
    assert [(j["name"], j["level"]) for j in jurisdiction_chain("浏阳市集里街道")][-2:] == [
        ("浏阳市", "county"), ("浏阳市集里街道", "township")]


def test_unknown_places_get_their_level_from_the_ending_and_a_known_parent_by_name():
    assert resolve("某某县") == {"name": "某某县", "level": "county", "code": None, "parent": None}
    assert resolve("长沙市某某区")["parent"] == "长沙市"
    assert jurisdiction_chain("某镇", "township") == [{"name": "某镇", "level": "township", "code": None}]


def test_overrides_hold_only_what_the_divisions_lack():
    assert set(overrides()) == {"湖南湘江新区", "湘江新区"}
    assert [j["name"] for j in jurisdiction_chain("湘江新区")] == ["湖南省", "长沙市", "湖南湘江新区"]


def test_by_code_at_any_level():
    assert by_code("650200") == "克拉玛依市"
    assert by_code("430103000000") == "天心区"  # 12 digits, as the portals write them
    assert by_code("430202999000") == "荷塘区"  # a county's own office
    assert by_code("430200000000") == "株洲市"
    assert by_code("43") == "湖南省"
    assert by_code("999999") is None
    assert by_code("") is None
    assert by_code("000000") is None


def test_a_repeated_name_is_decided_by_the_file_or_refused():
    with pytest.raises(Ambiguous) as exc:
        leading_place("新华区市场监督管理局")
    assert {p.code for p in exc.value.candidates} == {"130105", "130902", "410402"}
    found, n = leading_place("新华区市场监督管理局", [divisions().get("410000")])
    assert (found["name"], found["code"], n) == ("平顶山市新华区", "410402", 3)
    assert leading_place("河南省新华区市场监督管理局")[0]["code"] == "410402"
    assert [j["name"] for j in jurisdiction_chain("平顶山市新华区")] == ["河南省", "平顶山市", "平顶山市新华区"]
