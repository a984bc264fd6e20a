"""Known places and the chain from a province down to one."""
from __future__ import annotations

from importers.jurisdictions import by_code, jurisdiction_chain, known, resolve


def test_no_place_has_no_chain():
    assert jurisdiction_chain("") == []
    assert jurisdiction_chain("", "county") == []


def test_chain_of_known_places():
    assert jurisdiction_chain("天心区") == [
        {"name": "湖南省", "level": "province", "code": "430000"},
        {"name": "长沙市", "level": "city", "code": "430100"},
        {"name": "天心区", "level": "county", "code": "430103"},
    ]
    assert jurisdiction_chain("克拉玛依")[-1]["name"] == "克拉玛依市"  # an alias


def test_unknown_places_get_their_level_from_the_ending_and_a_known_parent_by_name():
    assert resolve("宁化县") == {"name": "宁化县", "level": "county", "code": None, "parent": None}
    assert resolve("长沙市某某区")["parent"] == "长沙市"
    assert jurisdiction_chain("某镇", "township") == [{"name": "某镇", "level": "township", "code": None}]


def test_by_code():
    assert by_code("650200") == "克拉玛依市"
    assert by_code("430103000000") == "天心区"  # 12 digits, trailing zeros ignored
    assert by_code("999999") is None
    assert by_code("") is None
    assert by_code("000000") is None


def test_known_reads_the_data_file():
    assert known()["克拉玛依"]["name"] == "克拉玛依市"
    assert known()["浏阳市"]["level"] == "county"
