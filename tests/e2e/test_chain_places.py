"""A chain runs along the tree of places: in a province with two cities, a county's power is linked to
its own city's, the chain page from the county shows its line up to the province (not the other city's),
the page from the province shows the whole tree, and a chain longer than the cap says what it left out."""
from __future__ import annotations

import json
import secrets
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from kb.db import Graph
from tests.conftest import run_kb

pytestmark = pytest.mark.e2e

CATALOGUE = "000199001000"
BODIES = ["湖南省市场监督管理局", "株洲市市场监督管理局", "湘潭市市场监督管理局", "荷塘区市场监督管理局",
          "雨湖区市场监督管理局"]


def _lists(folder: Path) -> list[Path]:
    paths = []
    for body in BODIES:
        path = folder / f"{body}2024年权责清单.json"
        record = {"事项名称": "特种设备使用登记", "权力类型": "行政许可", "基本编码": CATALOGUE,
                  "实施依据": "【法律】《中华人民共和国特种设备安全法》第三十三条", "责任事项": "1.受理责任：受理申请。"}
        path.write_text(json.dumps({"title": f"{body}2024年权责清单", "department": body, "records": [record]},
                                   ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def _client(graph: Graph, **config):
    from webui import create_app

    return create_app({"KB_GRAPH": graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(16), **config}).test_client()


def test_a_chain_runs_up_its_own_line_of_places(scratch: Graph, tmp_path: Path) -> None:
    from importers.run import import_paths

    report = import_paths(scratch, _lists(tmp_path), progress=False)
    assert [f["status"] for f in report["files"]] == ["imported"] * len(BODIES)
    keys = {r["d"]: r["k"] for r in scratch.read(
        "MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS d, p.key AS k")}
    client = _client(scratch)

    county = client.get(f"/chain/{quote(keys['荷塘区市场监督管理局'], safe='')}.json").get_json()
    assert [(s["level"], s["department"]) for s in county["steps"]] == [
        ("province", "湖南省市场监督管理局"), ("city", "株洲市市场监督管理局"), ("county", "荷塘区市场监督管理局")]
    assert county["total"] == 3
    edges = {(e["from"], e["to"]) for e in county["graph"]["edges"]}
    assert edges == {(keys["湖南省市场监督管理局"], keys["株洲市市场监督管理局"]),
                     (keys["株洲市市场监督管理局"], keys["荷塘区市场监督管理局"])}

    # the county's page read the bodies of its own line only; the province's page, read after it, is whole
    from kb.analyses import chains

    read = chains.around(scratch, [keys["荷塘区市场监督管理局"]])
    assert sorted(p.department for p in read.powers.values()) == ["株洲市市场监督管理局", "湖南省市场监督管理局",
                                                                 "荷塘区市场监督管理局"]
    assert len(chains.around(scratch, [keys["荷塘区市场监督管理局"]], whole_group=True).powers) == len(BODIES)
    top = client.get(f"/chain/{quote(keys['湖南省市场监督管理局'], safe='')}.json").get_json()
    assert sorted(s["department"] for s in top["steps"]) == sorted(BODIES)
    by_catalogue = client.get(f"/chain/{CATALOGUE}.json").get_json()
    assert sorted(s["department"] for s in by_catalogue["steps"]) == sorted(BODIES)

    cut = _client(scratch, KB_GRAPH_CAP=3).get(f"/chain/{CATALOGUE}").get_data(as_text=True)
    assert 'id="chain-cut"' in cut and "此链条共有 5 项权力，按层级自上而下显示前 3 项" in cut
    assert "雨湖区市场监督管理局" not in cut.split('id="chain-steps"')[1]


def test_a_power_page_shows_the_other_departments_of_its_own_place_on_its_articles(scratch: Graph,
                                                                                   tmp_path: Path) -> None:
    """株洲市's 应急管理局 and 交通运输局 both act on 《安全生产法》第六十五条, and so does 湘潭市's
    应急管理局: on the page of 株洲市's, the other department of 株洲市 is the overlap evidence; 湘潭市's
    is another place (its power page's "elsewhere" table), not a department beside it."""
    from importers.run import import_paths
    from tests.conftest import SHARED_DATA

    paths = [SHARED_DATA / "laws" / "安全生产法(2021-06-10).md"]
    for body in ("株洲市应急管理局", "株洲市交通运输局", "湘潭市应急管理局"):
        path = tmp_path / f"{body}2024年权责清单.json"
        record = {"事项名称": f"{body[3:-1]}安全生产监督检查", "权力类型": "行政检查",
                  "实施依据": "【法律】《中华人民共和国安全生产法》第六十五条", "责任事项": "1.检查责任：依法检查。"}
        path.write_text(json.dumps({"title": f"{body}2024年权责清单", "department": body, "records": [record]},
                                   ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    report = import_paths(scratch, paths, progress=False)
    assert {f["status"] for f in report["files"]} == {"imported"}
    key = scratch.read("MATCH (:Department {name: '株洲市应急管理局'})-[:HOLDS]->(p:Power) RETURN p.key AS k")[0]["k"]
    data = _client(scratch).get(f"/powers/{quote(key, safe='')}.json").get_json()
    assert [(s["n"], [o["department"] for o in s["others"]]) for s in data["shared"]] == [(1, ["株洲市交通运输局"])]
    assert "湘潭市应急管理局" in {o["department"] for o in data["elsewhere"]}


def test_a_district_body_named_with_its_city_is_the_counterpart_of_the_city_s(scratch: Graph, tmp_path: Path) -> None:
    """合肥市蜀山区住房和城乡建设局 (its title names the city before the district) is the same body one level
    below 合肥市住房和城乡建设局, whichever of the two lists comes first, and 长丰县's too."""
    from importers.run import import_paths

    bodies = ["合肥市蜀山区住房和城乡建设局", "合肥市住房和城乡建设局", "长丰县住房和城乡建设局", "合肥市蜀山区交通运输局"]
    paths = []
    for body in bodies:
        path = tmp_path / f"{body}2024年权责清单.json"
        path.write_text(json.dumps({"title": f"{body}2024年权责清单", "department": body, "records": [
            {"事项名称": "建筑工程施工许可", "权力类型": "行政许可", "实施依据": "《中华人民共和国建筑法》第七条"}]},
            ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    report = import_paths(scratch, paths, progress=False)
    assert [f["status"] for f in report["files"]] == ["imported"] * len(bodies)
    links = {(r["a"], r["b"]) for r in scratch.read(
        "MATCH (a:Department)-[:COUNTERPART_OF]->(b:Department) RETURN a.name AS a, b.name AS b")}
    assert links == {("合肥市蜀山区住房和城乡建设局", "合肥市住房和城乡建设局"), ("长丰县住房和城乡建设局", "合肥市住房和城乡建设局")}


def _record(name: str, code: str, level: str, duties: str) -> dict:
    return {"事项名称": name, "权力类型": "行政许可", "基本编码": code, "实施层级": level, "责任事项": duties,
            "实施依据": "【法律】《中华人民共和国特种设备安全法》第十四条"}


GUIDES = "指导监督责任：指导市、县两级开展相关工作，加强事中事后监管。"
DOES = "直接实施责任：1.受理责任：受理申请。2.审查责任：审查材料。3.决定责任：作出决定。"


def test_a_province_s_item_exercised_by_the_cities_heads_their_chain(scratch: Graph, tmp_path: Path) -> None:
    """山东's list catalogues 「特种设备作业人员资格认定」 with 实施层级 市级 and only guidance duties: the province's
    item (it guides; the cities decide), not a city's item of the province. 济南's item of the same code is linked
    under it: no false "no counterpart in the province's list"; an item the province says the cities exercise that
    济南's list leaves out is not implemented below, the 实施层级 named as the reason."""
    from importers.run import import_paths
    from kb.analyses import chains

    province = tmp_path / "山东省市场监督管理局权责清单（2024年版）.json"
    province.write_text(json.dumps({"title": "山东省市场监督管理局权责清单（2024年版）", "records": [
        _record("特种设备安全管理和作业人员资格认定", "000117017000", "市级", GUIDES),
        _record("食品生产许可", "000117004000", "省级、市级、县级", DOES),
        _record("工业产品生产许可证核发", "000117002000", "省级", DOES)]}, ensure_ascii=False), encoding="utf-8")
    city = tmp_path / "济南市市场监督管理局权责清单（2024年版）.json"
    city.write_text(json.dumps({"title": "济南市市场监督管理局权责清单（2024年版）", "records": [
        _record("特种设备安全管理和作业人员资格认定", "000117017000", "市级", DOES),
        _record("对发布虚假广告的行政处罚", "000217090000", "市级", DOES)]}, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "青岛市市场监督管理局权责清单（2024年版）.json"
    other.write_text(json.dumps({"title": "青岛市市场监督管理局权责清单（2024年版）", "records": [
        _record("食品生产许可", "000117004000", "市级", DOES)]}, ensure_ascii=False), encoding="utf-8")
    county = tmp_path / "济南市历城区市场监督管理局权责清单（2024年版）.json"
    county.write_text(json.dumps({"title": "济南市历城区市场监督管理局权责清单（2024年版）", "records": [
        _record("对发布虚假广告的行政处罚", "000217090000", "县级", DOES)]}, ensure_ascii=False), encoding="utf-8")
    report = import_paths(scratch, [province, city, other, county], progress=False)
    assert [f["status"] for f in report["files"]] == ["imported"] * 4
    notices = [w["message"] for w in report["files"][0]["warnings"]]
    assert any(m.startswith("1 项的实施层级只写了本清单层级之下的层级：作为本级（省级）清单所列") and "由市级实施" in m
               for m in notices), notices

    rows = {(r["d"], r["name"]): (r["level"], r["said"], r["at"]) for r in scratch.read(
        "MATCH (d:Department)-[:HOLDS]->(p:Power)-[:IMPLEMENTS]->(:CatalogItem) RETURN d.name AS d, p.name AS name, "
        "p.level AS level, p.level_original AS said, p.exercised_at AS at")}
    assert rows[("山东省市场监督管理局", "特种设备安全管理和作业人员资格认定")] == ("province", "市级", ["city"])
    assert rows[("济南市市场监督管理局", "特种设备安全管理和作业人员资格认定")] == ("city", "市级", ["city"])
    assert rows[("山东省市场监督管理局", "工业产品生产许可证核发")] == ("province", "省级", ["province"])
    assert rows[("山东省市场监督管理局", "食品生产许可")] == ("province", "", ["province", "city", "county"])

    steps = chains.chain(scratch, "000117017000")
    assert [(s["level"], s["department"]) for s in steps] == [("province", "山东省市场监督管理局"),
                                                              ("city", "济南市市场监督管理局")]
    found = chains.find(scratch)
    # only 济南's own item that the province's list has not (a real break), not the one the province catalogues
    assert [f.powers for f in found if f.kind == "no_upper_counterpart"] == [["对发布虚假广告的行政处罚"]]
    # … and checked for 济南市 alone, with the province's list above it (trial 46: 石家庄市's was found for 河北省
    # only); not for 青岛市, whose own finding it is not
    from kb.analyses import report as reports

    for place, expected in (("济南市", [["对发布虚假广告的行政处罚"]]), ("370100", [["对发布虚假广告的行政处罚"]]),
                            ("青岛市", [])):
        below = reports.run(scratch, ("chains",), place).findings
        assert [f.powers for f in below if f.kind == "no_upper_counterpart"] == expected, place
    # a place's page by its area code (at any level) or its short name (a bare 404 before)
    client = _client(scratch)
    for given in ("370100", "济南", "370112"):
        moved = client.get(f"/jurisdictions/{quote(given)}")
        assert moved.status_code == 302, given
        assert client.get(moved.headers["Location"]).status_code == 200
    assert "济南市" in unquote(client.get("/jurisdictions/370100").headers["Location"])
    assert client.get(f"/jurisdictions/{quote('不存在区')}").status_code == 404
    # each city whose list is loaded is asked for what the province says the cities exercise: 济南 lacks the permit,
    # 青岛 the certification; found in that city (its officers filter by it), with its own bureau — and 历城区, under
    # 济南, is not asked again for the permit its city lacks
    below = sorted((f.jurisdiction, f.powers[0], tuple(sorted(f.departments)), f.evidence[0]["missing_level"],
                    f.evidence[0]["note"]) for f in found if f.kind == "not_implemented_below")
    assert below == [
        ("济南市", "食品生产许可", ("山东省市场监督管理局", "济南市市场监督管理局"), "city",
         "实施层级写明由省级、市级、县级实施，济南市的市级清单中却没有对应事项"),
        ("青岛市", "特种设备安全管理和作业人员资格认定", ("山东省市场监督管理局", "青岛市市场监督管理局"), "city",
         "实施层级写明由市级实施，青岛市的市级清单中却没有对应事项")]
    assert not [f for f in chains.find(scratch, "济南市") if f.jurisdiction == "青岛市"]

    key = next(r["k"] for r in scratch.read(
        "MATCH (:Department {name: '山东省市场监督管理局'})-[:HOLDS]->(p:Power {name: '特种设备安全管理和作业人员资格认定'}) "
        "RETURN p.key AS k"))
    client = _client(scratch)
    page = client.get("/chain/000117017000", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    rows = page.split('id="chain-steps"')[1].split("</table>")[0].split("<tr")[2:]
    assert "山东省市场监督管理局" in rows[0] and "由市级实施" in rows[0]
    assert "济南市市场监督管理局" in rows[1] and "实施</div>" not in rows[1]
    power_page = client.get(f"/powers/{quote(key, safe='')}", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    row = power_page.split('id="exercised-at"')[1].split("</tr>")[0]
    assert "实施的层级" in row and "市级" in row and "本清单所列，由下级实施" in row
    listed = client.get(f"/departments/{quote('山东省市场监督管理局')}", headers={"Accept-Language": "zh"}).get_data(
        as_text=True)
    rows = {r.split("</a>")[0].rsplit(">", 1)[-1]: r for r in listed.split("<tr>")[1:] if "</a>" in r}
    assert "由市级实施" in rows["特种设备安全管理和作业人员资格认定"]
    assert "由省级、市级、县级实施" in rows["食品生产许可"] and "实施</div>" not in rows["工业产品生产许可证核发"]


def _list(folder: Path, body: str, records: list[dict]) -> Path:
    path = folder / f"{body}权责清单（2025年）.json"
    path.write_text(json.dumps({"title": f"{body}权责清单（2025年）", "records": records}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def test_a_province_s_bureau_a_city_s_and_a_county_s_merged_one_are_one_line(scratch: Graph, tmp_path: Path) -> None:
    """广东省水利厅 (厅), 肇庆市水利局 (局) and 肇庆市高要区农业农村和水利局 (a county's merged body) are one body at three
    levels, whatever order their lists come in; the county's 事项编码 is the province's 基本编码, so a chain by that code
    takes in all three; and what the province says the counties exercise is asked of the county's list."""
    from importers.run import import_paths
    from kb.analyses import chains

    def item(name: str, level: str, **codes: str) -> dict:
        return {"事项名称": name, "权力类型": "行政许可", "实施层级": level, "责任事项": DOES,
                "实施依据": "【法律】《中华人民共和国水法》第四十八条", **codes}

    county = _list(tmp_path, "肇庆市高要区农业农村和水利局", [item("取水许可", "县级", 事项编码="000117001000"),
                                                     item("农药经营许可", "县级", 基本编码="000117099000")])
    city = _list(tmp_path, "肇庆市水利局", [item("取水许可", "市级", 基本编码="000117001000"),
                                        item("河道采砂许可", "市级", 基本编码="000117005000")])
    province = _list(tmp_path, "广东省水利厅", [item("取水许可", "省级、市级、县级", 基本编码="000117001000"),
                                          item("河道采砂许可", "省级、市级、县级", 基本编码="000117005000")])
    # the agriculture bodies beside, and another county's water bureau: the merged body joins both lines, and does
    # not make them one (端州区水利局 is not asked for the agriculture item)
    farming = [item("农药经营许可", "省级、市级、县级", 基本编码="000117099000")]
    others = [_list(tmp_path, "广东省农业农村厅", farming),
              _list(tmp_path, "肇庆市农业农村局", [item("农药经营许可", "市级", 基本编码="000117099000")]),
              _list(tmp_path, "肇庆市端州区水利局", [item("取水许可", "县级", 基本编码="000117001000")])]
    for path in (county, city, province, *others):  # the county first: the city finds its merged body below it
        assert import_paths(scratch, [path], progress=False)["files"][0]["status"] == "imported"
    pairs = {(r["a"], r["b"]) for r in scratch.read(
        "MATCH (a:Department)-[:COUNTERPART_OF]->(b:Department) RETURN a.name AS a, b.name AS b")}
    assert pairs == {("肇庆市高要区农业农村和水利局", "肇庆市水利局"), ("肇庆市水利局", "广东省水利厅"),
                     ("肇庆市高要区农业农村和水利局", "肇庆市农业农村局"), ("肇庆市农业农村局", "广东省农业农村厅"),
                     ("肇庆市端州区水利局", "肇庆市水利局")}

    steps = chains.chain(scratch, "000117001000")
    assert [(s["level"], s["department"]) for s in steps] == [
        ("province", "广东省水利厅"), ("city", "肇庆市水利局"), ("county", "肇庆市端州区水利局"),
        ("county", "肇庆市高要区农业农村和水利局")]
    below = sorted((f.jurisdiction, f.powers[0], f.evidence[0]["missing_level"])
                   for f in chains.find(scratch) if f.kind == "not_implemented_below")
    assert below == [("端州区", "河道采砂许可", "county"), ("高要区", "河道采砂许可", "county")]
    # the merged body's agriculture item is linked to the city's 农业农村局's, its water item to the 水利局's
    assert [(s["level"], s["department"]) for s in chains.chain(scratch, "000117099000")] == [
        ("province", "广东省农业农村厅"), ("city", "肇庆市农业农村局"), ("county", "肇庆市高要区农业农村和水利局")]
    assert not [f for f in chains.find(scratch) if f.kind == "no_upper_counterpart"]
    from kb.analyses import elsewhere

    codes = {(r["department"], r["power"]): r["code"] for r in elsewhere.rows(scratch, steps[3]["key"], 10)}
    # (the upper lists' rows show their 基本编码 where they have no code of their own)
    assert codes[("广东省水利厅", "取水许可")] == codes[("肇庆市水利局", "取水许可")] == "000117001000"

    # data an older kb wrote (no levels named, no 厅–局 nor merged links): the schema upgrade gives them
    from kb import schema

    levels = scratch.read("MATCH (p:Power) RETURN p.key AS k, p.exercised_at AS at ORDER BY k")
    scratch.write("MATCH (:Department)-[c:COUNTERPART_OF]->() DELETE c")
    scratch.write("MATCH (d:Department) REMOVE d.merges WITH d MATCH (p:Power) REMOVE p.exercised_at")
    scratch.write("MATCH (m:KbMeta {name: 'schema'}) SET m.version = 11")
    schema.init(scratch)
    assert {(r["a"], r["b"]) for r in scratch.read(
        "MATCH (a:Department)-[:COUNTERPART_OF]->(b:Department) RETURN a.name AS a, b.name AS b")} == pairs
    assert scratch.read("MATCH (p:Power) RETURN p.key AS k, p.exercised_at AS at ORDER BY k") == levels
    assert [(s["level"], s["department"]) for s in chains.chain(scratch, "000117099000")][-1] == (
        "county", "肇庆市高要区农业农村和水利局")


def test_a_code_two_unrelated_chains_carry_shows_them_one_after_the_other(scratch: Graph, tmp_path: Path) -> None:
    """000217001000 is 山东's food penalty (province and 济南) and 广东's 擅自取水 penalty (肇庆): the page shows one
    chain, then the other under 「另一条链条」, not their levels interleaved."""
    from importers.run import import_paths

    def item(name: str, level: str) -> dict:
        return {"事项名称": name, "权力类型": "行政处罚", "实施层级": level, "事项编码": "000217001000", "责任事项": DOES,
                "实施依据": "【法律】《中华人民共和国食品安全法》第一百二十二条"}

    paths = [_list(tmp_path, "山东省市场监督管理局", [item("对未取得食品生产经营许可的处罚", "省级")]),
             _list(tmp_path, "济南市市场监督管理局", [item("对未取得食品生产经营许可的处罚", "市级")]),
             _list(tmp_path, "肇庆市水利局", [item("对未经批准擅自取水的处罚", "市级")])]
    assert [f["status"] for f in import_paths(scratch, paths, progress=False)["files"]] == ["imported"] * 3
    client = _client(scratch)
    steps = client.get("/chain/000217001000.json").get_json()["steps"]
    assert [(s["department"], s["another"]) for s in steps] == [
        ("山东省市场监督管理局", False), ("济南市市场监督管理局", False), ("肇庆市水利局", True)]
    page = client.get("/chain/000217001000", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    rows = page.split('id="chain-steps"')[1].split("</table>")[0]
    assert rows.index("济南市市场监督管理局") < rows.index("另一条链条") < rows.index("肇庆市水利局")


def test_a_county_item_linked_to_the_city_s_three_sub_items_shows_its_reason_once(scratch: Graph,
                                                                                   tmp_path: Path) -> None:
    """肇庆's list splits 取水许可 into three sub-items of one code; 高要's one item of that code is linked to all three,
    and its row says 「编码相同」 once, with the three sub-items named, not three times."""
    from importers.run import import_paths

    def item(name: str, level: str, code: str = "000117001000") -> dict:
        return {"事项名称": name, "权力类型": "行政许可", "实施层级": level, "事项编码": code, "责任事项": DOES,
                "实施依据": "【法律】《中华人民共和国水法》第四十八条"}

    subs = ["取水许可（新办）", "取水许可（延续）", "取水许可（变更）"]
    paths = [_list(tmp_path, "肇庆市水利局", [item(n, "市级") for n in subs]),
             _list(tmp_path, "肇庆市高要区水利局", [item("取水许可", "县级")])]
    assert [f["status"] for f in import_paths(scratch, paths, progress=False)["files"]] == ["imported"] * 2
    client = _client(scratch)
    steps = client.get("/chain/000117001000.json").get_json()["steps"]
    county = next(s for s in steps if s["department"] == "肇庆市高要区水利局")
    assert [(lk["via"], sorted(lk["uppers"])) for lk in county["links"]] == [("code", sorted(subs))]
    page = client.get("/chain/000117001000", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    row = next(r for r in page.split('id="chain-steps"')[1].split("</table>")[0].split("<tr")
               if "肇庆市高要区水利局" in r)
    assert row.count("编码相同") == 1 and "（上一级 3 项）" in row
    assert all(n in row for n in subs)  # (named in the count's tooltip)


def test_a_report_s_department_choice_is_the_chosen_place_s(scratch: Graph, tmp_path: Path) -> None:
    """Gaps in 山东, 济南 and 肇庆: the 部门 choice of the gaps filtered by 山东省 lists 山东's bureaus only, and the
    levels top-down."""
    from importers.run import import_paths
    from kb.analyses import stored

    def undivided(name: str) -> dict:  # (no 责任事项: a gap of its department)
        return {"事项名称": name, "权力类型": "行政检查", "实施依据": "【法律】《中华人民共和国食品安全法》第一百一十条"}

    paths = [_list(tmp_path, "济南市市场监督管理局", [undivided("对食品生产经营的监督检查")]),
             _list(tmp_path, "肇庆市水利局", [undivided("对取水的监督检查")]),
             _list(tmp_path, "山东省市场监督管理局", [undivided("对食品生产经营的监督检查")])]
    assert [f["status"] for f in import_paths(scratch, paths, progress=False)["files"]] == ["imported"] * 3
    stored.refresh(scratch)
    client = _client(scratch)
    every = client.get("/reports/gaps.json").get_json()["options"]["department"]
    assert {"济南市市场监督管理局", "肇庆市水利局"} <= set(every)
    shandong = client.get("/reports/gaps.json?jurisdiction=" + quote("山东省")).get_json()["options"]
    assert shandong["department"] == ["山东省市场监督管理局", "济南市市场监督管理局"]
    assert shandong["level"] == ["province", "city"]  # (levels top-down, not in the words' order)
    page = client.get("/reports/gaps?jurisdiction=440000", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    choice = page.split('name="department"')[1].split("</select>")[0]
    assert "肇庆市水利局" in choice and "济南市市场监督管理局" not in choice and "山东省市场监督管理局" not in choice


def test_a_city_s_own_code_that_is_the_catalogue_s_keeps_the_county_under_the_city(scratch: Graph,
                                                                                   tmp_path: Path) -> None:
    """江西's and 于都's lists give 基本编码 000123002000, 赣州's gives it as its 事项编码: the chain runs province → city →
    county (the county was linked past its city, to the province, and said the city's list lacked the item); and of
    the item's three sub-items at each level, 核发 is under 核发, not under 变更 and 延续."""
    from importers.run import import_paths
    from kb.analyses import chains

    subs = ["食品经营许可证核发", "食品经营许可证变更", "食品经营许可证延续"]

    def items(level: str, column: str) -> list[dict]:
        return [{"事项名称": "食品经营许可", "子项名称": sub, "权力类型": "行政许可", "实施层级": level, column: "000123002000",
                 "责任事项": DOES, "实施依据": "【法律】《中华人民共和国食品安全法》第三十五条"} for sub in subs]

    paths = [_list(tmp_path, "江西省市场监督管理局", items("省级", "基本编码")),
             _list(tmp_path, "赣州市市场监督管理局", items("市级", "事项编码")),
             _list(tmp_path, "于都县市场监督管理局", items("县级", "基本编码"))]
    assert [f["status"] for f in import_paths(scratch, paths, progress=False)["files"]] == ["imported"] * 3
    steps = chains.chain(scratch, "000123002000")
    by_sub: dict[str, list[str]] = {}
    for s in steps:
        by_sub.setdefault(s["power"].split("（")[1].rstrip("）"), []).append(s["level"])
    assert by_sub == {sub: ["province", "city", "county"] for sub in subs}
    ch = chains.load(scratch)
    pairs = {(ch.powers[lk.upper].name, ch.powers[lk.lower].name, ch.powers[lk.lower].level) for lk in ch.links}
    assert pairs == {(f"食品经营许可（{sub}）", f"食品经营许可（{sub}）", level) for sub in subs for level in ("city", "county")}
    assert not [f for f in chains.find(scratch) if f.kind == "no_upper_counterpart"]
    # the code finds 赣州's three powers (their own 事项编码) and the catalogue item in search, first (no word of the
    # full-text index: trial 46 found nothing by a code)
    found = _client(scratch).get("/search.json?q=000123002000").get_json()["results"]
    assert sorted((r["label"], r["department"]) for r in found if r["rank"] == 0) == [
        ("CatalogItem", ""), *[("Power", "赣州市市场监督管理局")] * 3]
    # the page lists the three sub-items' chains one after another, each said to be another sub-item of the item
    page = _client(scratch).get("/chain/000123002000", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    rows = page.split('id="chain-steps"')[1].split("</table>")[0]
    assert rows.count("同一事项的另一子项") == 2 and "另一条链条" not in rows
    assert rows.count('href="/catalog/000123002000"') == 9  # (赣州's own code too: the item's page lists it)
    item = _client(scratch).get("/catalog/000123002000.json").get_json()
    assert sorted({p["department"] for p in item["powers"]}) == ["于都县市场监督管理局", "江西省市场监督管理局",
                                                               "赣州市市场监督管理局"] and len(item["powers"]) == 9


def test_a_township_s_delegated_item_naming_no_body_joins_its_county_s_item(scratch: Graph, scratch_server,
                                                                             tmp_path: Path) -> None:
    """贡江镇's list says 权力来源 委托 and names no delegating body: its item is linked to the power of the same name in
    于都县's lists (whichever list comes first), by the body its 配合部门 names when two bodies there hold the name;
    and the chain, the CLI and the power page say how it was found."""
    from importers.run import import_paths
    from kb.analyses import chains

    def item(name: str, **more: str) -> dict:
        return {"事项名称": name, "权力类型": "行政检查", "责任事项": DOES,
                "实施依据": "【法律】《中华人民共和国食品安全法》第一百一十条", **more}

    town = _list(tmp_path, "于都县贡江镇人民政府", [
        item("对食品生产经营者的监督检查", 权力来源="委托", 配合部门="县市场监督管理局"),
        item("对燃放烟花爆竹的检查", 权力来源="委托", 配合部门="县公安局"),  # (two county bodies hold it)
        item("对违反规定野外用火的检查", 权力来源="委托")])  # (no county list holds it: stays unlinked)
    market = _list(tmp_path, "于都县市场监督管理局", [item("对食品生产经营者的监督检查"), item("对燃放烟花爆竹的检查")])
    police = _list(tmp_path, "于都县公安局", [item("对燃放烟花爆竹的检查")])
    for path in (town, market, police):  # the township's list first: linked when the county's come
        assert import_paths(scratch, [path], progress=False)["files"][0]["status"] == "imported"
    found = {r["n"]: (r["d"], r["how"]) for r in scratch.read(
        "MATCH (dl:Delegation)-[:TO_POWER]->(p:Power) OPTIONAL MATCH (dl)-[:FROM_POWER]->(u:Power) "
        "RETURN p.name AS n, u.department AS d, dl.from_found AS how")}
    assert found == {"对食品生产经营者的监督检查": ("于都县市场监督管理局", "name"),
                     "对燃放烟花爆竹的检查": ("于都县公安局", "name"), "对违反规定野外用火的检查": (None, None)}
    steps = chains.chain(scratch, "对食品生产经营者的监督检查")
    assert [(s["level"], s["department"]) for s in steps] == [("county", "于都县市场监督管理局"),
                                                              ("township", "于都县贡江镇人民政府")]
    assert steps[1]["via"] == "delegation" and steps[1]["via_detail"]["from_body"] == "于都县市场监督管理局"

    client = _client(scratch)
    page = client.get("/chain/" + quote("对食品生产经营者的监督检查"), headers={"Accept-Language": "zh"}).get_data(
        as_text=True)
    assert "清单未写下放主体，按上一级同名事项" in page
    key = steps[1]["key"]
    power = client.get(f"/powers/{quote(key, safe='')}", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert "于都县市场监督管理局" in power and "清单未写下放主体，按上一级同名事项" in power
    # a body named whose list is not loaded (正定镇's 下放 from 正定县农业农村局, trial 46): the chain says it, not a
    # township's step linked to nothing
    farm = _list(tmp_path, "于都县贡江镇人民政府（二）", [
        item("对农村村民非法占用土地建住宅的处罚", 权力来源="下放", 委托部门="于都县农业农村局")])
    assert import_paths(scratch, [farm], department="于都县贡江镇人民政府", progress=False)["files"][0]["status"] == \
        "imported"
    [step] = chains.chain(scratch, "对农村村民非法占用土地建住宅的处罚", "up")
    assert step["via"] is None and step["received"]["from_body"] == "于都县农业农村局"
    said = run_kb(scratch_server, "chain", "--up", "对农村村民非法占用土地建住宅的处罚").stdout
    assert "← 下放自 于都县农业农村局（" in said and "其清单未载入或没有此事项" in said
    page = client.get("/chain/" + quote("对农村村民非法占用土地建住宅的处罚"), headers={"Accept-Language": "zh"}
                      ).get_data(as_text=True)
    assert "于都县农业农村局 → 于都县贡江镇人民政府" in page
    # of one code's sub-items in the county, a township's sub-item of that code goes to its own
    coded = {"权力类型": "行政许可", "基本编码": "000123002000", "责任事项": DOES,
             "实施依据": "【法律】《中华人民共和国食品安全法》第三十五条"}
    def listed(body: str, year: int, records: list[dict]) -> Path:
        path = tmp_path / f"{body}权责清单（{year}年）.json"
        path.write_text(json.dumps({"title": path.stem, "records": records}, ensure_ascii=False), encoding="utf-8")
        return path

    assert import_paths(scratch, [listed("于都县市场监督管理局", 2026, [
        item("对食品生产经营者的监督检查"), item("对燃放烟花爆竹的检查"),
        *({"事项名称": f"食品经营许可（{sub}）", **coded} for sub in ("核发", "变更", "延续"))])],
        progress=False)["files"][0]["status"] == "imported"
    assert import_paths(scratch, [listed("于都县贡江镇人民政府", 2026, [
        item("对食品生产经营者的监督检查", 权力来源="委托", 配合部门="县市场监督管理局"),
        item("对燃放烟花爆竹的检查", 权力来源="委托", 配合部门="县公安局"), item("对违反规定野外用火的检查", 权力来源="委托"),
        {"事项名称": "食品经营许可（变更）", "权力来源": "委托", **coded}])], progress=False)["files"][0]["status"] == "imported"
    linked = {r["n"]: r["u"] for r in scratch.read(
        "MATCH (dl:Delegation)-[:TO_POWER]->(p:Power {current: true}) OPTIONAL MATCH (dl)-[:FROM_POWER]->(u:Power) "
        "RETURN p.name AS n, u.name AS u")}
    assert linked["食品经营许可（变更）"] == "食品经营许可（变更）"
    # the county's next list without the item: the link found by its name is undone, not left on a power gone
    newer = listed("于都县市场监督管理局", 2027, [item("对燃放烟花爆竹的检查")])
    assert import_paths(scratch, [newer], progress=False)["files"][0]["status"] == "imported"
    gone = scratch.read("MATCH (dl:Delegation)-[:TO_POWER]->(p:Power {current: true, name: '对食品生产经营者的监督检查'}) "
                        "RETURN dl.from_found AS how, [(dl)-[:FROM_POWER]->(u) | u.key] AS up")
    assert gone == [{"how": None, "up": []}]
    unlinked = next(r["k"] for r in scratch.read("MATCH (p:Power {name: '对违反规定野外用火的检查', current: true}) "
                                                 "RETURN p.key AS k"))
    power = client.get(f"/powers/{quote(unlinked, safe='')}", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert "清单未写下放或委托的部门" in power and "来自" not in power.split("清单未写下放或委托的部门")[0][-80:]


def test_a_city_bureau_s_branch_in_a_county_is_under_the_city_bureau(scratch: Graph, tmp_path: Path) -> None:
    """石家庄市生态环境局正定县分局 (河北's 垂改) is 正定县's 生态环境 body: the city bureau's counterpart below, whichever list
    comes first, so an item of the same name runs city → county (trial 46: no link, the chain stopped at the city)."""
    from importers.run import import_paths
    from kb.analyses import chains

    record = {"事项名称": "对排污单位的监督检查", "权力类型": "行政检查", "责任事项": DOES,
              "实施依据": "【法律】《中华人民共和国环境保护法》第二十四条"}
    short = _list(tmp_path, "石家庄市生态环境局藁城分局", [record])  # (藁城区's, its name short)
    city = _list(tmp_path, "石家庄市生态环境局", [record])
    branch = _list(tmp_path, "石家庄市生态环境局正定县分局", [record])
    for path in (short, city, branch):  # (a branch before the city, linked from the city's side; one after, from its own)
        assert import_paths(scratch, [path], progress=False)["files"][0]["status"] == "imported"
    assert scratch.read("MATCH (a:Department)-[:COUNTERPART_OF]->(b:Department) RETURN a.name AS a, b.name AS b "
                        "ORDER BY a") == [{"a": "石家庄市生态环境局正定县分局", "b": "石家庄市生态环境局"},
                                          {"a": "石家庄市生态环境局藁城分局", "b": "石家庄市生态环境局"}]
    assert scratch.read("MATCH (d:Department {name: '石家庄市生态环境局正定县分局'})-[:IN_JURISDICTION]->(j) "
                        "RETURN j.name AS j") == [{"j": "正定县"}]
    steps = chains.chain(scratch, "对排污单位的监督检查")
    assert sorted((s["level"], s["department"]) for s in steps) == [
        ("city", "石家庄市生态环境局"), ("county", "石家庄市生态环境局正定县分局"), ("county", "石家庄市生态环境局藁城分局")]
    # data an older kb wrote (no branch linked): schema 13 links them
    from kb import schema

    scratch.write("MATCH (:Department)-[c:COUNTERPART_OF]->() DELETE c")
    scratch.write("MATCH (m:KbMeta {name: 'schema'}) SET m.version = 12")
    schema.init(scratch)
    assert scratch.read("MATCH (a:Department)-[:COUNTERPART_OF]->(b:Department) RETURN count(*) AS n")[0]["n"] == 2
