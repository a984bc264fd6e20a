"""Chain links follow the tree of places (kb.analyses.chains.build with `WITHIN` rows): a county's
power is linked to its own city's, not to every city's of the province; places outside the tree are
linked as before."""
from __future__ import annotations

from kb.analyses.chains import Tree, analyse, build
from kb.analyses.powers import PowerRow

# 湖南省 > 株洲市 > 荷塘区 > 某街道, and 湖南省 > 湘潭市 > 雨湖区
PARENTS = [{"name": "株洲市", "parent": "湖南省"}, {"name": "湘潭市", "parent": "湖南省"},
           {"name": "荷塘区", "parent": "株洲市"}, {"name": "雨湖区", "parent": "湘潭市"},
           {"name": "某街道", "parent": "荷塘区"}]
PLACES = {"湖南省": "province", "株洲市": "city", "湘潭市": "city", "荷塘区": "county", "雨湖区": "county",
          "某街道": "township", "外地市": "city"}


def power(place: str, name: str, catalog: str | None = None, body: str = "市场监督管理局") -> PowerRow:
    return PowerRow(key=f"{place}|{name}", name=name, item_name=name, sub_item_name="", type="行政许可", code="",
                    level=PLACES[place], department=place + body, jurisdiction=place,
                    catalog=[catalog] if catalog else [])


def counterparts(*places: str, body: str = "市场监督管理局") -> list[dict]:
    """Each place's body to its parent's (as the importer links them)."""
    parent = {r["name"]: r["parent"] for r in PARENTS}
    return [{"lower": p + body, "upper": parent[p] + body} for p in places if p in parent]


def uppers(ch, key: str) -> set[str]:
    return {lk.upper for lk in ch.up.get(key, [])}


def test_a_catalogue_item_is_linked_up_its_own_line_only():
    rows = [power(p, "食品经营许可", "C1") for p in ("湖南省", "株洲市", "湘潭市", "荷塘区", "雨湖区", "某街道")]
    ch = build(rows, [], [], PARENTS)
    assert uppers(ch, "荷塘区|食品经营许可") == {"株洲市|食品经营许可"}
    assert uppers(ch, "雨湖区|食品经营许可") == {"湘潭市|食品经营许可"}
    assert uppers(ch, "某街道|食品经营许可") == {"荷塘区|食品经营许可"}
    assert uppers(ch, "株洲市|食品经营许可") == {"湖南省|食品经营许可"}


def test_a_level_missing_on_the_line_links_to_the_nearest_one_above_on_it():
    """株洲市 does not implement the item (湘潭市 does): 荷塘区's is linked to the province's."""
    rows = [power(p, "食品经营许可", "C1") for p in ("湖南省", "湘潭市", "荷塘区", "雨湖区")]
    ch = build(rows, [], [], PARENTS)
    assert uppers(ch, "荷塘区|食品经营许可") == {"湖南省|食品经营许可"}
    assert uppers(ch, "雨湖区|食品经营许可") == {"湘潭市|食品经营许可"}


def test_places_outside_the_tree_are_linked_as_before():
    rows = [power("湖南省", "食品经营许可", "C1"), power("外地市", "食品经营许可", "C1")]
    assert uppers(build(rows, [], [], PARENTS), "外地市|食品经营许可") == {"湖南省|食品经营许可"}
    rows = [power(p, "食品经营许可", "C1") for p in ("株洲市", "湘潭市", "荷塘区")]
    assert uppers(build(rows, [], []), "荷塘区|食品经营许可") == {"株洲市|食品经营许可", "湘潭市|食品经营许可"}


def test_one_body_is_linked_by_name_along_its_line_and_a_break_is_found_where_it_is():
    """The 市场监督管理局 of every place is one body. 湘潭市's list has the item, 株洲市's does not: the
    荷塘区 item has no counterpart above on its own line (a chain break), 雨湖区's has."""
    filler = [power(p, f"事项{i}") for p in ("株洲市", "湘潭市", "荷塘区", "雨湖区") for i in range(25)]
    rows = filler + [power("湘潭市", "特种设备使用登记"), power("荷塘区", "特种设备使用登记"),
                     power("雨湖区", "特种设备使用登记")]
    ch = build(rows, [], counterparts("株洲市", "湘潭市", "荷塘区", "雨湖区"), PARENTS)
    assert uppers(ch, "雨湖区|特种设备使用登记") == {"湘潭市|特种设备使用登记"}
    assert uppers(ch, "荷塘区|事项3") == {"株洲市|事项3"}
    assert uppers(ch, "荷塘区|特种设备使用登记") == set()
    breaks = {p for f in analyse(ch) if f.kind == "no_upper_counterpart" for p in f.power_keys}
    assert breaks == {"荷塘区|特种设备使用登记"}


def test_an_item_its_own_levels_keep_from_the_level_above_is_no_break():
    """荷塘区's item says 实施层级 「县级、乡镇级」: 株洲市's list leaving it out is what it says, not a break (石家庄's
    「市级、县级」 item was 「在省级清单中没有对应事项」, trial 46); one that names no levels, or names the city, is."""
    from dataclasses import replace

    filler = [power(p, f"事项{i}") for p in ("株洲市", "荷塘区") for i in range(25)]
    item = power("荷塘区", "特种设备使用登记")

    def breaks(exercised_at: list[str]) -> list[list[str]]:
        ch = build(filler + [replace(item, exercised_at=exercised_at)], [], counterparts("荷塘区"), PARENTS)
        return [f.power_keys for f in analyse(ch) if f.kind == "no_upper_counterpart"]

    assert breaks(["county", "township"]) == []
    assert breaks([]) == breaks(["county"]) == breaks(["city", "county"]) == [[item.key]]


def test_the_line_of_a_place():
    tree = Tree(PARENTS)
    assert tree.line("某街道") == {"某街道", "荷塘区", "株洲市", "湖南省"}
    assert tree.on_line("株洲市", "某街道") and not tree.on_line("湘潭市", "某街道")
    assert tree.on_line("外地市", "某街道") and tree.on_line("湘潭市", "")


def test_a_catalogue_link_that_passes_a_level_by_is_a_break():
    """株洲市's list (it publishes the city level) leaves the catalogue item out: 荷塘区's item is linked
    to the province's, and is still a break at the city level; 雨湖区's, under 湘潭市 that has it, is not."""
    filler = [power(p, f"事项{i}") for p in ("湖南省", "株洲市", "湘潭市", "荷塘区", "雨湖区") for i in range(25)]
    rows = filler + [power(p, "食品经营许可", "C1") for p in ("湖南省", "湘潭市", "荷塘区", "雨湖区")]
    ch = build(rows, [], counterparts("株洲市", "湘潭市", "荷塘区", "雨湖区"), PARENTS)
    assert uppers(ch, "荷塘区|食品经营许可") == {"湖南省|食品经营许可"}
    breaks = [f for f in analyse(ch) if f.kind == "no_upper_counterpart"]
    assert [(f.power_keys, f.evidence[0]["missing_level"]) for f in breaks] == [(["荷塘区|食品经营许可"], "city")]


def test_names_alike_but_for_their_own_parentheticals_are_two_items():
    """荷塘区 lists 「X（一般类）」: never linked to 株洲市's 「X（特殊类）」 (another class); linked to a 「X」
    that 株洲市 lists whole, and to its own class written with other brackets."""
    filler = [power(p, f"事项{i}") for p in ("株洲市", "荷塘区") for i in range(25)]
    county = power("荷塘区", "对违法行为的处罚（一般类）")
    special = power("株洲市", "对违法行为的处罚(特殊类)")
    ch = build(filler + [county, special], [], counterparts("荷塘区"), PARENTS)
    assert uppers(ch, county.key) == set()
    assert [f.power_keys for f in analyse(ch) if f.kind == "no_upper_counterpart"] == [[county.key]]
    whole = power("株洲市", "对违法行为的处罚")
    assert uppers(build(filler + [county, whole], [], counterparts("荷塘区"), PARENTS), county.key) == {whole.key}
    same = power("株洲市", "对违法行为的处罚(一般类)")
    assert uppers(build(filler + [county, same], [], counterparts("荷塘区"), PARENTS), county.key) == {same.key}


def test_a_class_the_upper_list_splits_out_but_leaves_out_is_a_break():
    """株洲市 lists 「X」 whole and 「X（特殊类）」 apart: its list splits X into classes, so 荷塘区's 「X（一般类）」
    has no counterpart there (a 「X」 alone, with no class split out, would be the item whole)."""
    filler = [power(p, f"事项{i}") for p in ("株洲市", "荷塘区") for i in range(25)]
    county = power("荷塘区", "对违法行为的处罚（一般类）")
    whole, special = power("株洲市", "对违法行为的处罚"), power("株洲市", "对违法行为的处罚（特殊类）")
    ch = build(filler + [county, whole, special], [], counterparts("荷塘区"), PARENTS)
    assert uppers(ch, county.key) == set()
    assert [f.power_keys for f in analyse(ch) if f.kind == "no_upper_counterpart"] == [[county.key]]


def test_an_item_the_city_s_list_leaves_out_is_linked_to_the_province_s_by_name_and_is_a_break():
    """One body at three levels, no catalogue codes: 株洲市's list leaves the item out, 湖南省's has it. 荷塘区's item is
    linked to the province's (it was linked to none: `kb chain --up` stopped at the county), and is still a break at
    the city level."""
    filler = [power(p, f"事项{i}") for p in ("湖南省", "株洲市", "荷塘区") for i in range(25)]
    rows = filler + [power("湖南省", "企业登记注册"), power("荷塘区", "企业登记注册")]
    ch = build(rows, [], counterparts("株洲市", "荷塘区") + [{"lower": "株洲市市场监督管理局", "upper": "湖南省市场监督管理局"}],
               PARENTS)
    assert uppers(ch, "荷塘区|企业登记注册") == {"湖南省|企业登记注册"}
    assert uppers(ch, "荷塘区|事项3") == {"株洲市|事项3"}  # (the nearest level still first)
    breaks = [f for f in analyse(ch) if f.kind == "no_upper_counterpart"]
    assert [(f.power_keys, f.evidence[0]["missing_level"]) for f in breaks] == [(["荷塘区|企业登记注册"], "city")]
