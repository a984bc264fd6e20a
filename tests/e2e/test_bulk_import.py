"""`kb import --bulk`: the offline importer builds the same graph as `kb import`, into an empty database only."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kb import dump
from kb.db import Graph
from kb.model import KEY_OF
from tests.conftest import REPO, ManagedServer, write_xlsx

DEMO = REPO / "kb" / "demo"
TOWNSHIP = DEMO / "example_chain" / "浏阳市集里街道办事处.json"
# Every kind of file the demo has, every layout once (laws, a four-level chain with catalogue codes and
# delegations, 一件事 guides, .xls and .xlsx lists), not the whole demo: the comparison is of what each
# path writes, and both imports of 2,200 powers took more than a minute of the suite.
SAMPLE = [DEMO / "laws", DEMO / "example_chain", DEMO / "onething", DEMO / "lists" / "2025年克拉玛依市统计局权责清单.xlsx",
          DEMO / "lists" / "克拉玛依市机关事务管理局2024年权责清单.xls", DEMO / "lists" / "国动办权责清单公示.xlsx"]
# Properties that name the run or the moment of an import: they differ between any two imports.
RUN_PROPERTIES = {"import_run", "created_by", "imported_at", "started_at", "finished_at", "id"}


def kb(srv: ManagedServer, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=env or srv.env, capture_output=True,
                          text=True, timeout=900, check=False)


def reconnect(srv: ManagedServer) -> Graph:
    """A new driver after the server restarted on a new store (the old one waits on bookmarks of the old
    store's transactions); the session's other tests use it too."""
    srv.graph.close()
    srv.graph = Graph.from_settings(srv.settings)
    return srv.graph


def other_versions(folder: Path) -> Path:
    """The township's list again as an older (2023) and a newer (2025) version: history and supersession;
    and one body's lists under two spellings (醴陵市城市管理和综合执法局 2024, 醴陵市城管执法局 2025) with its
    city's counterpart in a third (株洲市城市管理综合行政执法局): one department, and its counterpart."""
    header = ["序号", "事项名称", "权力类型", "实施依据", "行使主体", "责任事项内容"]
    for title, name in (("醴陵市城市管理和综合执法局2024年权责清单", "对城市道路的监督检查"),
                        ("醴陵市城管执法局2025年权责清单", "对户外广告设施的监督检查"),
                        ("株洲市城市管理综合行政执法局2024年权责清单", "对城市道路的监督检查")):
        write_xlsx(folder / f"{title}.xlsx", title, header,
                   [["1", name, "行政检查", "《中华人民共和国行政处罚法》第二条", "", "1.检查责任：依法检查。"]])
    # one list saved twice, as Unicode and as GBK text (a site's two downloads): one version, the copy unchanged
    text = "克拉玛依市白碱滩区统计局2024年权责清单\n" + ",".join(header) + "\n" + \
        "1,对统计调查对象的监督检查,行政检查,《中华人民共和国统计法》第三十三条,,1.检查责任：依法检查。\n"
    (folder / "白碱滩统计局清单.csv").write_text(text, encoding="utf-8")
    (folder / "白碱滩统计局清单（另存）.csv").write_text(text, encoding="gbk")
    for version in ("2023", "2025"):
        data = json.loads(TOWNSHIP.read_text(encoding="utf-8"))
        data["version"] = version
        data["title"] = data["title"].replace("2024", version)
        (folder / f"集里街道{version}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def _ref(labels: list[str], props: dict) -> tuple:
    label = labels[0]
    if label == "ImportRun":
        return (label, props["path"])
    return (label, props.get(KEY_OF.get(label, ""), props.get("key")))


def canonical(graph: Graph) -> tuple[dict, Counter]:
    """Every node by its label and natural key (an import run by its file), with its properties but
    the run's ids and times; every relationship by its type, ends and properties (a multiset: a power
    may cite one law twice)."""
    nodes, refs = {}, {}
    for row in graph.read("MATCH (n) WHERE NOT n:KbMeta RETURN elementId(n) AS id, labels(n) AS labels, "
                          "properties(n) AS p"):
        ref = _ref(row["labels"], row["p"])
        assert ref not in nodes, f"two nodes {ref}"
        refs[row["id"]] = ref
        nodes[ref] = (sorted(row["labels"]), {k: v for k, v in row["p"].items() if k not in RUN_PROPERTIES})
    rels = Counter()
    for row in graph.read("MATCH (a)-[r]->(b) WHERE NOT a:KbMeta RETURN elementId(a) AS a, elementId(b) AS b, "
                          "type(r) AS t, properties(r) AS p"):
        rels[(row["t"], refs[row["a"]], refs[row["b"]], json.dumps(row["p"], sort_keys=True, ensure_ascii=False))] += 1
    return nodes, rels


def test_bulk_builds_the_same_graph_as_import(scratch_server: ManagedServer, tmp_path: Path) -> None:
    more = other_versions(tmp_path)
    plain = kb(scratch_server, "import", "--json", "--no-check", *map(str, SAMPLE), str(more))
    assert plain.returncode == 0, plain.stderr[-2000:]
    expected_nodes, expected_rels = canonical(scratch_server.graph)
    dump.clear(scratch_server.graph)

    bulk = kb(scratch_server, "import", "--bulk", "--json", "--no-check", *map(str, SAMPLE), str(more))
    assert bulk.returncode == 0, bulk.stderr[-3000:]
    graph = reconnect(scratch_server)
    nodes, rels = canonical(graph)

    # what a user sees first: the same counts, then every node and relationship
    assert Counter(n[0][0] for n in nodes.values()) == Counter(n[0][0] for n in expected_nodes.values())
    assert sorted(set(nodes) ^ set(expected_nodes))[:10] == []
    differing = [(ref, expected_nodes[ref][1], nodes[ref][1]) for ref in nodes if nodes[ref] != expected_nodes[ref]]
    assert differing[:3] == []
    assert list((rels - expected_rels).items())[:5] == [] and list((expected_rels - rels).items())[:5] == []
    # the history and the supersession the three versions of the township's list make
    versions = {n[1]["version"]: n[1]["current"] for ref, n in nodes.items() if ref[0] == "ListVersion"
                and n[1]["department"] == "浏阳市集里街道办事处"}
    assert versions == {"2023": False, "2024": False, "2025": True}
    # one body under two spellings is one department, whose 2025 list is current; its city's is above it
    liling = {n[1]["version"]: n[1]["current"] for ref, n in nodes.items() if ref[0] == "ListVersion"
              and n[1]["department"] == "醴陵市城市管理和综合执法局"}
    assert liling == {"2024": False, "2025": True}
    assert ("Department", "醴陵市城管执法局") not in nodes
    assert [r[1:3] for r in rels if r[0] == "COUNTERPART_OF" and r[1][1].startswith("醴陵市")] == [
        (("Department", "醴陵市城市管理和综合执法局"), ("Department", "株洲市城市管理综合行政执法局"))]
    # the report says what was written, file by file, as `kb import --json` does
    plain_files = {Path(f["path"]).name: f for f in json.loads(plain.stdout)["files"]}
    for f in json.loads(bulk.stdout)["files"]:
        mine = plain_files[Path(f["path"]).name]
        assert (f["status"], f["records"], f["nodes_created"], f["relationships_created"]) == \
            (mine["status"], mine["records"], mine["nodes_created"], mine["relationships_created"]), f["path"]
    copy = next(f for f in json.loads(bulk.stdout)["files"] if f["path"].endswith("（另存）.csv"))
    assert copy["status"] == "unchanged" and any("内容与已导入的 白碱滩统计局清单.csv 相同" in w["message"]
                                                 for w in copy["warnings"]), copy
    assert [n[1]["source_file"] for ref, n in nodes.items() if ref[0] == "ListVersion"
            and n[1]["department"] == "克拉玛依市白碱滩区统计局"] == ["白碱滩统计局清单.csv"]
    # the schema is back: the full-text search finds a power
    found = graph.read("CALL db.index.fulltext.queryNodes('kb_fulltext', '食品经营') "
                                      "YIELD node RETURN count(node) AS n")
    assert found[0]["n"] > 0


def test_bulk_refuses_a_database_that_holds_data(scratch_server: ManagedServer) -> None:
    first = kb(scratch_server, "import", "--no-check", str(TOWNSHIP))
    assert first.returncode == 0, first.stderr
    before = dump.stats(scratch_server.graph)
    proc = kb(scratch_server, "import", "--bulk", "--no-check", str(DEMO / "laws"))
    assert proc.returncode != 0
    assert "数据库不是空的" in proc.stderr
    assert dump.stats(scratch_server.graph) == before


def test_bulk_writes_nothing_when_a_file_is_refused(scratch_server: ManagedServer, tmp_path: Path) -> None:
    bad = tmp_path / "坏清单.csv"
    bad.write_text("甲,乙\n1,2\n", encoding="utf-8")
    proc = kb(scratch_server, "import", "--bulk", "--json", "--no-check", str(TOWNSHIP), str(bad))
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert [f["status"] for f in report["files"]] == ["valid", "refused"]
    assert dump.is_empty(scratch_server.graph)
    assert not list(scratch_server.home.glob("bulk-*")), "the CSV folder is removed"


def test_bulk_refuses_an_external_server(scratch_server: ManagedServer) -> None:
    env = {**scratch_server.env, "NEO4J_PASSWORD": "not-used"}
    proc = kb(scratch_server, "import", "--bulk", str(TOWNSHIP), env=env)
    assert proc.returncode != 0
    assert "外部服务器" in proc.stderr
    assert dump.is_empty(scratch_server.graph)


@pytest.fixture(autouse=True)
def _no_leftovers(scratch_server: ManagedServer):
    yield
    assert not list(scratch_server.home.glob("bulk-*")), "a bulk import left its CSV files behind"
    assert os.path.isdir(scratch_server.home)
