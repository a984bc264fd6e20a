"""China's divisions shipped with kb (国家统计局 2023): codes, the hierarchy, names that repeat."""
from __future__ import annotations

import pytest

from kb.places import Ambiguous, area_code, divisions


def test_every_level_is_there_with_its_parent():
    d = divisions()
    assert len(d) > 44_000
    hunan = d.get("430000")
    below = [p.level for p in d.below(hunan)]
    assert below.count("city") == 14 and below.count("county") > 120 and below.count("township") > 1_900
    assert [p.name for p in d.chain(d.resolve("集里街道"))] == ["湖南省", "长沙市", "浏阳市", "集里街道"]


def test_municipalities_have_no_statistical_level_in_between():
    d = divisions()
    assert [p.name for p in d.chain(d.resolve("北京市", None))] == ["北京市"]
    assert d.get("110101").parent == "110000" and d.get("110101").name == "东城区"


def test_cities_without_counties_hold_their_towns_directly():
    """东莞市, 中山市 and 儋州市 have no counties: their towns sit under the city (the source lists each city
    again as a county of its own code, which made it its own parent and a list of 虎门镇 loop forever)."""
    d = divisions()
    for city, town in (("东莞市", "虎门镇"), ("中山市", "小榄镇"), ("儋州市", "那大镇")):
        [place] = d.named(city)
        assert (place.level, d.get(place.parent).level) == ("city", "province"), city
        found = d.resolve(town, [place])
        assert [p.name for p in d.chain(found)][1:] == [city, town]
    import gzip
    from importlib import resources

    rows = gzip.decompress(resources.files("kb").joinpath("vocab", "divisions.tsv.gz").read_bytes()).decode().splitlines()
    assert not [r for r in rows[1:] if r.split("\t")[0] == r.split("\t")[3]]  # the data file itself


@pytest.mark.parametrize(("code", "expected"), [("430000000000", "430000"), ("43", "430000"),
                                                ("430100000000", "430100"), ("430181999000", "430181"),
                                                ("430181002000", "430181002"), ("650200", "650200"), ("", "")])
def test_area_codes_of_the_portals(code, expected):
    assert area_code(code) == expected


def test_short_names_of_provinces_and_cities():
    d = divisions()
    assert d.resolve("新疆").name == "新疆维吾尔自治区" and d.resolve("长沙").name == "长沙市"


def test_autonomous_places_go_by_their_everyday_names():
    from kb.places import everyday_name

    d = divisions()
    assert {n: everyday_name(d.resolve(n)) for n in (
        "门源回族自治县", "积石山保安族东乡族撒拉族自治县", "长阳土家族自治县", "巴里坤哈萨克自治县", "黔南布依族苗族自治州",
        "莫力达瓦达斡尔族自治旗", "东乡族自治县", "浏阳市")} == {
        "门源回族自治县": "门源县", "积石山保安族东乡族撒拉族自治县": "积石山县", "长阳土家族自治县": "长阳县",
        "巴里坤哈萨克自治县": "巴里坤县", "黔南布依族苗族自治州": "黔南州", "莫力达瓦达斡尔族自治旗": "莫力达瓦旗",
        "东乡族自治县": "", "浏阳市": ""}  # 东乡族自治县 is named by its people alone
    assert d.resolve("门源县").name == "门源回族自治县" and d.resolve("黔南州").name == "黔南布依族苗族自治州"
    # no everyday name is another place's own name
    auto = [p for p in d.by_code.values() if everyday_name(p)]
    assert len(auto) > 140 and all(d.named(everyday_name(p)) == [p] for p in auto)


def test_a_repeated_name_is_never_guessed():
    d = divisions()
    with pytest.raises(Ambiguous) as exc:
        d.resolve("新华区")
    assert {p.code for p in exc.value.candidates} >= {"130105", "130902", "410402"}
    assert "130105" in str(exc.value)
    assert d.resolve("新华区", [d.get("410000")]).code == "410402"  # the rest of the file says 河南省
    assert d.resolve("不存在的地方") is None


def test_a_city_and_its_one_district_s_entry_of_its_name_are_the_city():
    """嘉峪关市 (620200) has no counties; the source lists 620201, also 嘉峪关市, under it (the seventy-fourth sample's
    嘉峪关市市场监督管理局 was refused as ambiguous): the name is the city's. Two places of one name apart stay ambiguous."""
    d = divisions()
    assert d.resolve("嘉峪关市").code == "620200"
    with pytest.raises(Ambiguous):
        d.resolve("新华区")


def test_a_word_for_a_kind_of_place_names_no_place(tmp_path):
    """Two townships of the national list are named 街道 alone; a list's 实施主体 「计划财务股、各镇（街道）」 stopped 沂水's import on
    街道 as an ambiguous place. Such words name no place (the two are found by their codes)."""
    from importers.lists import parse_list

    d = divisions()
    assert d.named("街道") == [] and d.named("镇") == [] and d.named("社区") == []
    assert d.get("130273001") is not None and d.get("130273001").name == "街道"
    path = tmp_path / "沂水县农业农村局权责清单.csv"
    path.write_text("沂水县农业农村局权责清单\n事项名称,权力类型,实施依据,实施主体\n"
                    "耕地地力保护补贴发放,行政给付,《农业法》第三十八条,计划财务股、各镇（街道）\n"
                    "农药经营许可,行政许可,《农药管理条例》第二十四条,县农业综合行政执法大队\n", encoding="utf-8")
    doc = parse_list(path)
    assert [r.item_name for r in doc.records] == ["耕地地力保护补贴发放", "农药经营许可"]
    assert doc.department == "沂水县农业农村局" and doc.jurisdiction == "沂水县"
