"""Small lists are written several to a transaction (importers/run.py `_groups`): the graph is the same
as when each is written alone, each file still has its run, and a file the database refuses while its
group is written is refused alone: the group is rolled back and its files written one by one.

The lists are written here, for three departments of 榆林市 (a city ../shared/data does not have)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from importers import writer
from importers.run import parse_file
from kb.db import Graph
from tests.conftest import ManagedServer, run_kb, write_xlsx

HEADER = ["序号", "事项名称", "权力类型", "实施依据", "行使主体", "责任事项内容", "追责情形"]
BASIS = "【法律】《中华人民共和国行政处罚法》第八条 公民、法人或者其他组织因违法行为受到行政处罚……"


def _lists(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for dept in ("榆林市林业局", "榆林市水利局", "榆林市统计局"):
        rows = [[str(i), f"{dept[3:-1]}事项{i}", "行政处罚", BASIS, dept, "1.立案责任：依法立案。\n2.决定责任：依法决定。",
                 "未依法立案的"] for i in range(1, 6)]
        out.append(write_xlsx(folder / f"{dept}2024年权责清单.xlsx", f"{dept}2024年权责清单", HEADER, rows))
    return out


def _graph_shape(graph: Graph) -> dict:
    return {
        "labels": graph.read("MATCH (n) WHERE NOT n:ImportRun AND NOT n:KbMeta UNWIND labels(n) AS l "
                             "RETURN l, count(*) AS n ORDER BY l"),
        "rels": graph.read("MATCH (a)-[r]->() WHERE NOT a:ImportRun RETURN type(r) AS t, count(*) AS n ORDER BY t"),
        "powers": graph.read("MATCH (d:Department)-[:HOLDS]->(p:Power)-[:HAS_RESPONSIBILITY]->(r) "
                             "RETURN d.name AS d, p.key AS p, count(r) AS r ORDER BY p"),
    }


def _graph(srv: ManagedServer) -> Graph:
    return Graph.from_settings(srv.settings)


def _import(srv: ManagedServer, *paths: Path) -> dict:
    proc = run_kb(srv, "import", "--json", "--no-check", *map(str, paths))
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_lists_written_together_make_the_graph_they_make_one_by_one(scratch_server: ManagedServer,
                                                                     tmp_path: Path) -> None:
    files = _lists(tmp_path / "lists")
    report = _import(scratch_server, *files)  # one run: the three are one group
    assert [f["status"] for f in report["files"]] == ["imported"] * 3
    with _graph(scratch_server) as graph:
        together = _graph_shape(graph)
        runs = graph.read("MATCH (r:ImportRun)-[:PRODUCED]->(v:ListVersion) RETURN r.file AS file ORDER BY file")
        assert [r["file"] for r in runs] == sorted(f.name for f in files)  # each file has its run
        graph.write("MATCH (n) DETACH DELETE n")
    for f in files:  # one run per file: each written alone
        assert _import(scratch_server, f)["files"][0]["status"] == "imported"
    with _graph(scratch_server) as graph:
        assert _graph_shape(graph) == together
    again = _import(scratch_server, *files)
    assert [f["status"] for f in again["files"]] == ["unchanged"] * 3


def test_a_file_refused_by_the_database_is_refused_alone(scratch_server: ManagedServer, tmp_path: Path) -> None:
    files = _lists(tmp_path / "lists")
    # the database itself refuses the second file: a power with the key its first record will have
    doc = parse_file(files[1]).doc
    taken = f"{writer.version_key(doc, doc.department)}#{doc.records[0].position:05d}"
    with _graph(scratch_server) as graph:
        graph.write("CREATE (:Power {key: $key, name: '占用此键的事项'})", key=taken)
    report = _import(scratch_server, *files)
    assert [f["status"] for f in report["files"]] == ["imported", "refused", "imported"]
    assert "数据库出错" in report["files"][1]["errors"][0]["message"]
    with _graph(scratch_server) as graph:
        held = graph.read("MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS d, count(p) AS n ORDER BY d")
        assert held == [{"d": "榆林市林业局", "n": 5}, {"d": "榆林市统计局", "n": 5}]
        assert not graph.read("MATCH (v:ListVersion {department: '榆林市水利局'}) RETURN v")


def test_parsing_beside_writing_makes_the_graph_of_parsing_first(scratch_server: ManagedServer, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """`kb import` parses the next files (in a process of its own) while the database writes the ones
    before. A folder given in the order guide, lists, law: the law is still written before the lists
    (their citations are linked to its articles at once, no review queued) and the guide after them,
    and the graph and report are those of parsing every file first."""
    from importers import run
    from importers.run import Spool, _validate, _write_all, expand, import_paths
    from kb import dump

    monkeypatch.setattr(run, "PARSE_PROCESS_BYTES", 0)  # these 460 kB are parsed in the process, as a big run's are
    from tests.conftest import KARAMAY, SHARED_DATA

    folder = tmp_path / "run"
    folder.mkdir()
    sources = [SHARED_DATA / "hunan_onething" / "onething_guides_changsha_subset.json",
               KARAMAY / "克拉玛依市应急管理局2024年权责清单.xls", KARAMAY / "国动办权责清单公示.xlsx",
               KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx", SHARED_DATA / "laws" / "安全生产法(2021-06-10).md"]
    for n, src in enumerate(sources):  # the names keep this order: the law comes last
        (folder / f"{n}-{src.name}").write_bytes(src.read_bytes())
    graph = scratch_server.graph

    side_by_side = import_paths(graph, [folder], progress=False)
    shape = _graph_shape(graph)
    linked = graph.read("MATCH (:Power)-[b:BASED_ON]->(:Article {law_key: '安全生产法'}) RETURN count(b) AS n")[0]["n"]
    reviews = graph.read("MATCH (r:LawReview) RETURN count(r) AS n")[0]["n"]
    written = [r["kind"] for r in graph.read("MATCH (r:ImportRun) RETURN r.kind AS kind ORDER BY r.started_at")]
    dump.clear(graph)
    with Spool(10**9) as spool:
        parsed_first = _write_all(graph, _validate(expand([folder]), None, None, spool), spool, False, False)

    assert side_by_side["refused"] == 0 and linked > 0 and reviews == 0
    assert written == ["law", "list", "list", "list", "guide"]
    assert [(Path(f["path"]).name, f["kind"], f["status"], f["records"]) for f in side_by_side["files"]] == [
        (Path(f["path"]).name, f["kind"], f["status"], f["records"]) for f in parsed_first["files"]]
    assert [Path(f["path"]).name[0] for f in side_by_side["files"]] == ["0", "1", "2", "3", "4"]
    assert _graph_shape(graph) == shape
    assert graph.read("MATCH (:Power)-[b:BASED_ON]->(:Article {law_key: '安全生产法'}) RETURN count(b) AS n")[0]["n"] == linked
