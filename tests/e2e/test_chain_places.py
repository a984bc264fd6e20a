"""A chain runs along the tree of places: in a province with two cities, a county's power is linked to
its own city's, the chain page from the county shows its line up to the province (not the other city's),
the page from the province shows the whole tree, and a chain longer than the cap says what it left out."""
from __future__ import annotations

import json
import secrets
from pathlib import Path
from urllib.parse import quote

import pytest

from kb.db import Graph

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
