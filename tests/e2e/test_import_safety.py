"""All-or-nothing imports: bad files, repeats, new versions, a killed database, export/restore."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import neo4j.time
import openpyxl
import pytest

from kb import dump, server
from kb.db import Graph
from tests.conftest import KARAMAY, ManagedServer

STATS = KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"
TRANSPORT = KARAMAY / "附件：克拉玛依市交通运输局2024年权责清单.xlsx"
MARKET = KARAMAY / "附件：克拉玛依市市场监督管理局2024年权责清单.xls"


def kb(srv: ManagedServer, *args: str, check: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=srv.env, capture_output=True,
                          text=True, timeout=600, check=check)


def import_json(srv: ManagedServer, *paths: Path) -> tuple[int, dict]:
    proc = kb(srv, "import", "--json", *map(str, paths))
    return proc.returncode, json.loads(proc.stdout)


def everything(graph: Graph) -> dict:
    return {"nodes": graph.read("MATCH (n) WHERE NOT n:ImportRun AND NOT n:KbMeta RETURN count(n) AS n")[0]["n"],
            "rels": graph.read("MATCH (a)-[r]->() WHERE NOT a:ImportRun RETURN count(r) AS n")[0]["n"],
            "props": graph.read("MATCH (n) WHERE NOT n:ImportRun AND NOT n:KbMeta "
                                "RETURN sum(size(keys(n))) AS n")[0]["n"]}


def test_import_then_repeat_changes_nothing(scratch_server: ManagedServer) -> None:
    code, first = import_json(scratch_server, STATS)
    assert code == 0
    f = first["files"][0]
    assert (f["status"], f["department"], f["records"]) == ("imported", "克拉玛依市统计局", 3)
    assert first["nodes_created"] > 3
    before = everything(scratch_server.graph)
    code, again = import_json(scratch_server, STATS)
    assert code == 0 and again["files"][0]["status"] == "unchanged"
    assert again["nodes_created"] == 0
    assert everything(scratch_server.graph) == before


def test_duplicate_file_in_one_run_is_unchanged(scratch_server: ManagedServer, tmp_path: Path) -> None:
    copy = tmp_path / "copy.xlsx"
    shutil.copy(STATS, copy)
    code, report = import_json(scratch_server, STATS, copy)
    assert code == 0
    assert [f["status"] for f in report["files"]] == ["imported", "unchanged"]


def _bad_files(tmp: Path) -> dict[str, Path]:
    files = {}
    (tmp / "not.xlsx").write_bytes(b"%PDF-1.4 not a spreadsheet at all")
    files["not a spreadsheet"] = tmp / "not.xlsx"
    truncated = tmp / "truncated.xlsx"
    truncated.write_bytes(STATS.read_bytes()[: STATS.stat().st_size // 2])
    files["truncated xlsx"] = truncated
    (tmp / "empty.xlsx").write_bytes(b"")
    files["empty file"] = tmp / "empty.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["名字", "类别", "说明"])
    wb.active.append(["某事项", "许可", "无"])
    wb.save(tmp / "wrong_headers.xlsx")
    files["wrong headers"] = tmp / "wrong_headers.xlsx"
    # CSV, because spreadsheet writers cut cells at 32,767 characters.
    (tmp / "huge_cell.csv").write_text("序号,事项名称,权力类型,实施依据,行使主体,责任事项内容,追责情形\n"
                                       f"1,某某许可,行政许可,{'x' * 1_000_000},克拉玛依市某局,1.受理,情形\n",
                                       encoding="utf-8")
    files["1 MB cell"] = tmp / "huge_cell.csv"
    return files


def test_bad_files_are_refused_and_nothing_is_written(scratch_server: ManagedServer, tmp_path: Path) -> None:
    import_json(scratch_server, STATS)
    before = everything(scratch_server.graph)
    for what, path in _bad_files(tmp_path).items():
        code, report = import_json(scratch_server, path)
        f = report["files"][0]
        assert code != 0, what
        assert f["status"] == "refused", what
        assert f["errors"] and f["errors"][0]["message"], what
        assert everything(scratch_server.graph) == before, what
    # A refusal names where the problem is and what was found.
    _, report = import_json(scratch_server, tmp_path / "huge_cell.csv")
    err = report["files"][0]["errors"][0]
    assert err["row"] == 2 and err["column"] and err["sheet"]
    _, report = import_json(scratch_server, tmp_path / "wrong_headers.xlsx")
    assert "名字" in report["files"][0]["errors"][0]["message"]


def test_one_bad_file_does_not_stop_the_good_ones(scratch_server: ManagedServer, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04broken")
    code, report = import_json(scratch_server, bad, STATS)
    assert code == 1
    assert [f["status"] for f in report["files"]] == ["refused", "imported"]


def test_dry_run_writes_nothing(scratch_server: ManagedServer) -> None:
    before = everything(scratch_server.graph)
    code, report = import_json(scratch_server, STATS, "--dry-run")
    assert code == 0 and report["files"][0]["records"] == 3
    assert everything(scratch_server.graph) == before


def test_a_dry_run_says_which_files_the_graph_holds_already(scratch_server: ManagedServer) -> None:
    """A list, a law text and a guide the graph holds: the dry run says unchanged, as their import would."""
    from tests.conftest import SHARED_DATA

    law = min((SHARED_DATA / "laws").glob("*.md"))
    guide = min((SHARED_DATA / "hunan_onething").glob("*.json"))
    _, first = import_json(scratch_server, STATS, law, guide, "--no-check")
    assert [f["status"] for f in first["files"]] == ["imported", "imported", "imported"], first["files"]
    _, dry = import_json(scratch_server, STATS, law, guide, "--dry-run")
    assert [(f["kind"], f["status"]) for f in dry["files"]] == [("list", "unchanged"), ("law", "unchanged"),
                                                                ("guide", "unchanged")]


def test_folder_import_skips_non_lists(scratch_server: ManagedServer, tmp_path: Path) -> None:
    shutil.copy(STATS, tmp_path / STATS.name)
    (tmp_path / "README.md").write_text("# notes\nnot a list\n", encoding="utf-8")
    code, report = import_json(scratch_server, tmp_path)
    assert code == 0
    by_name = {Path(f["path"]).name: f["status"] for f in report["files"]}
    assert by_name == {"README.md": "skipped", STATS.name: "imported"}


def test_newer_version_replaces_older_and_keeps_history(scratch_server: ManagedServer, tmp_path: Path) -> None:
    import_json(scratch_server, STATS)
    wb = openpyxl.load_workbook(STATS)
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "2025年" in cell.value:
                cell.value = cell.value.replace("2025年", "2026年")
    newer = tmp_path / "2026年克拉玛依市统计局权责清单.xlsx"
    wb.save(newer)
    code, report = import_json(scratch_server, newer)
    assert code == 0 and report["files"][0]["department"] == "克拉玛依市统计局"
    g = scratch_server.graph
    versions = g.read("MATCH (v:ListVersion)-[:LIST_OF]->(:Department {name:'克拉玛依市统计局'}) "
                      "RETURN v.version AS v, v.current AS cur ORDER BY v.version")
    assert versions == [{"v": "2025", "cur": False}, {"v": "2026", "cur": True}]
    assert g.read("MATCH (new:ListVersion {version:'2026'})-[:SUPERSEDES]->(old {version:'2025'}) "
                  "RETURN count(*) AS n")[0]["n"] == 1
    assert g.read("MATCH (:Department {name:'克拉玛依市统计局'})-[:HOLDS]->(p) RETURN collect(DISTINCT p.version) AS v"
                  )[0]["v"] == ["2026"]
    assert dump.stats(g)["nodes"]["Power"] == 3  # the current data only
    assert dump.stats(g)["relationships"]["HAS_RESPONSIBILITY"] == dump.stats(g)["nodes"]["Responsibility"]
    assert g.read("MATCH (p:Power) RETURN count(p) AS n")[0]["n"] == 6  # history kept


def _variant(tmp_path: Path, name: str, year: str | None = None, item_suffix: str = "") -> Path:
    wb = openpyxl.load_workbook(STATS)
    for row in wb.worksheets[0].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and year and "2025年" in cell.value:
                cell.value = cell.value.replace("2025年", f"{year}年")
            elif isinstance(cell.value, str) and item_suffix and cell.value.startswith("对"):
                cell.value += item_suffix
    path = tmp_path / name
    wb.save(path)
    return path


def test_same_year_files_are_parts_of_one_version(scratch_server: ManagedServer, tmp_path: Path) -> None:
    import_json(scratch_server, STATS)
    code, report = import_json(scratch_server, _variant(tmp_path, "统计局2025年权责清单（第二部分）.xlsx",
                                                        item_suffix="（二）"))
    assert code == 0 and report["files"][0]["superseded"] == [] and report["files"][0]["current"] is True
    g = scratch_server.graph
    assert g.read("MATCH (:Department {name:'克拉玛依市统计局'})-[:HOLDS]->(p) RETURN count(p) AS n")[0]["n"] == 6


def test_older_list_imported_later_is_history(scratch_server: ManagedServer, tmp_path: Path) -> None:
    import_json(scratch_server, STATS)
    proc = kb(scratch_server, "import", str(_variant(tmp_path, "2023年克拉玛依市统计局权责清单.xlsx", year="2023")))
    assert proc.returncode == 0 and "作为历史版本保存" in proc.stdout
    g = scratch_server.graph
    assert g.read("MATCH (:ListVersion {version:'2025', current:true})-[:SUPERSEDES]->"
                  "(:ListVersion {version:'2023', current:false}) RETURN count(*) AS n")[0]["n"] == 1
    assert g.read("MATCH (:Department {name:'克拉玛依市统计局'})-[:HOLDS]->(p) RETURN collect(DISTINCT p.version) AS v"
                  )[0]["v"] == ["2025"]
    assert dump.stats(g)["nodes"]["Responsibility"] == g.read(
        "MATCH (:Department)-[:HOLDS]->()-[:HAS_RESPONSIBILITY]->(r) RETURN count(r) AS n")[0]["n"]


def test_killed_database_mid_import_leaves_nothing(scratch_server: ManagedServer) -> None:
    srv = scratch_server
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "import", "--json", str(MARKET), str(TRANSPORT)],
                            env=srv.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Wait until a file's transaction has written its first batch of powers, then kill the server hard.
    seen = False
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not seen:
        rows = srv.graph.read("SHOW TRANSACTIONS YIELD currentQuery, status "
                              "WHERE currentQuery CONTAINS 'Power' OR currentQuery CONTAINS 'CatalogItem' "
                              "RETURN count(*) AS n")
        seen = rows[0]["n"] > 0
    assert seen, "the import finished before it could be interrupted"
    server.kill(srv.settings)
    proc.communicate(timeout=300)
    assert proc.returncode != 0
    srv.graph.close()
    srv.start()
    g = srv.graph
    # Nothing half-written: every list version that committed holds all its records, and nothing else is there.
    whole = g.read("MATCH (v:ListVersion) RETURN v.records AS expected, COUNT { (v)-[:CONTAINS]->() } AS got")
    assert all(r["expected"] == r["got"] for r in whole)
    powers = g.read("MATCH (p:Power) RETURN count(p) AS n")[0]["n"]
    assert powers == sum(r["expected"] for r in whole)
    assert powers < 442 + 360  # the kill did stop the run
    # And the same import, run again, completes.
    code, _ = import_json(srv, MARKET, TRANSPORT)
    assert code == 0
    assert g.read("MATCH (p:Power) RETURN count(p) AS n")[0]["n"] == 442 + 360


@pytest.fixture(scope="module")
def loaded_dump(loaded: Graph, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The loaded server exported once for this file's tests (none of them changes it): the dump and its counts."""
    path = tmp_path_factory.mktemp("loaded-dump") / "all.jsonl.gz"
    return path, dump.export(loaded, path)


def test_export_restore_round_trip(loaded: Graph, loaded_dump: tuple[Path, dict], scratch_server: ManagedServer,
                                   tmp_path: Path) -> None:
    path, counts = loaded_dump
    assert counts["nodes"] > 10_000
    dump.restore(scratch_server.graph, path)
    assert dump.stats(scratch_server.graph) == dump.stats(loaded)
    again = tmp_path / "again.jsonl.gz"
    dump.export(scratch_server.graph, again)

    def content(p: Path) -> list[str]:
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            items = [json.loads(line) for line in fh][1:]
        # element ids differ between servers; compare labels/types and properties
        return sorted(json.dumps([i.get("labels") or i.get("r"), i["props"]], sort_keys=True, ensure_ascii=False)
                      for i in items)

    assert content(path) == content(again)


def test_round_trip_keeps_value_types(scratch: Graph, tmp_path: Path) -> None:
    scratch.write("CREATE (:Power {key:'t', name:'名称', n: 3, f: 0.25, yes: true, tags: ['a','b'], nums: [1, 2],"
                  " d: date('2024-05-01'), ldt: localdatetime('2024-05-01T08:30:00'),"
                  " zdt: datetime('2024-05-01T08:30:00[Asia/Shanghai]'), odt: datetime('2024-05-01T08:30:00+02:00'),"
                  " lt: localtime('08:30'), dur: duration('P1DT2H')})-[:HANDLED_BY {since: date('2020-01-01')}]->"
                  "(:Unit {key: 'u'})")
    query = ("MATCH (p:Power {key:'t'})-[r]->(u) RETURN properties(p) AS p, properties(r) AS r, "
             "[k IN keys(p) | [k, valueType(p[k])]] AS types")
    before = scratch.read(query)
    indexes = scratch.read("SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name")
    path = tmp_path / "types.jsonl.gz"
    dump.export(scratch, path)
    dump.clear(scratch)
    dump.restore(scratch, path)
    after = scratch.read(query)
    # the schema is as it was: the index the restore matches by is part of it (a restore that made and dropped one
    # had the server plan every query again)
    assert scratch.read("SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name") == indexes
    assert {"name": "kb_restore_id", "state": "ONLINE"} in indexes
    assert after[0]["p"] == before[0]["p"] and after[0]["r"] == before[0]["r"]
    assert sorted(map(tuple, after[0]["types"])) == sorted(map(tuple, before[0]["types"]))


def test_failed_restore_leaves_the_database_empty(scratch: Graph, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write('{"format": "kb-dump/1"}\n')
        fh.write('{"n": "1", "labels": ["Power"], "props": {"key": "a"}}\n')
        fh.write('{"n": "2", "labels": ["Power"], "props": {"key": "a"}}\n')  # breaks the unique key
    with pytest.raises(Exception):  # noqa: B017 - whatever the server says, nothing may remain
        dump.restore(scratch, path)
    assert dump.is_empty(scratch)


def _all(graph: Graph) -> dict:
    return graph.read("CALL { MATCH (n) WHERE NOT n:KbMeta RETURN count(n) AS nodes } "
                      "CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels")[0]


def test_a_restore_whose_process_is_killed_is_undone_at_the_next_start(loaded_dump: tuple[Path, dict],
                                                                        scratch_server: ManagedServer) -> None:
    """`kb restore --reset` killed (kill -9) after its first batch: the database holds part of the dump
    and the journal; `kb db start` puts the data from before it back, whole."""
    srv = scratch_server
    path, _ = loaded_dump
    kb(srv, "import", str(KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"), check=True)
    before = _all(srv.graph)
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "restore", "--reset", str(path)], env=srv.env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while proc.poll() is None and not srv.graph.read("MATCH (n:KbRestore) RETURN count(n) AS n")[0]["n"]:
        time.sleep(0.02)
    running = proc.poll() is None
    proc.kill()
    proc.communicate(timeout=60)
    assert running, "the restore finished before the kill"
    assert _all(srv.graph) != before  # the kill left part of the dump ...
    assert srv.graph.read("MATCH (m:KbMeta {name: 'restore'}) RETURN m.phase AS p")[0]["p"] == "loading"
    started = kb(srv, "db", "start")
    assert started.returncode == 0, started.stderr
    assert "已撤销" in started.stdout and "已还原恢复前的数据" in started.stdout
    assert _all(srv.graph) == before  # ... and the next start puts back what was there
    assert not srv.graph.read("MATCH (n:KbRestore) RETURN n LIMIT 1")
    assert not srv.graph.read("MATCH (m:KbMeta {name: 'restore'}) RETURN m")


def test_a_restore_stopped_while_finishing_is_completed(loaded_dump: tuple[Path, dict], scratch: Graph) -> None:
    """Every item written, the marks not yet removed: recovering completes it rather than undoing it."""
    path, counts = loaded_dump
    dump._journal(scratch, phase="loading", dump=str(path), backup=None)
    dump._load(scratch, path)
    dump._journal(scratch, phase="finishing")
    scratch.write("MATCH (m:KbMeta {name: 'restore'}) SET m.pid = -1")  # as if its process were gone
    assert "现已完成" in dump.recover(scratch)
    assert _all(scratch) == {"nodes": counts["nodes"], "rels": counts["relationships"]}
    assert not scratch.read("MATCH (n:KbRestore) RETURN n LIMIT 1")
    assert dump.recover(scratch) is None


def test_a_running_restore_is_left_alone(scratch: Graph, tmp_path: Path) -> None:
    """Another process's restore under way (its process is alive on this machine) is not undone under it."""
    scratch.write("CREATE (:Power {key: 'half-restored'})")
    dump._journal(scratch, phase="loading", dump="elsewhere.jsonl.gz", backup=None)
    scratch.write("MATCH (m:KbMeta {name: 'restore'}) SET m.pid = $pid", pid=os.getppid())
    assert "正在进行" in dump.recover(scratch)
    assert scratch.read("MATCH (p:Power {key: 'half-restored'}) RETURN p")
    with pytest.raises(dump.DumpError, match="另一次恢复正在进行"):  # a second restore is refused
        dump.restore(scratch, tmp_path / "any.jsonl.gz", backup=tmp_path / "b.jsonl.gz")
    assert scratch.read("MATCH (p:Power {key: 'half-restored'}) RETURN p")
    scratch.write("MATCH (m:KbMeta {name: 'restore'}) DELETE m")


def test_cli_restore_refuses_non_empty_database(loaded_server: ManagedServer, tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        fh.write('{"format": "kb-dump/1"}\n')
    proc = kb(loaded_server, "restore", str(path))
    assert proc.returncode != 0 and "数据库不是空的" in proc.stderr


@pytest.mark.parametrize("bad", [b"", b"not json"])
def test_restore_rejects_non_dump(scratch_server: ManagedServer, tmp_path: Path, bad: bytes) -> None:
    path = tmp_path / "x.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(bad)
    proc = kb(scratch_server, "restore", str(path))
    assert proc.returncode != 0


def test_xlsx_zip_without_workbook_is_refused(scratch_server: ManagedServer, tmp_path: Path) -> None:
    path = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    code, report = import_json(scratch_server, path)
    assert code == 1 and report["files"][0]["status"] == "refused"


def _a_dump(path: Path, lines: list[str], truncate: int = 0) -> Path:
    raw = gzip.compress(("\n".join(['{"format": "kb-dump/1"}', *lines]) + "\n").encode("utf-8"))
    path.write_bytes(raw[:-truncate] if truncate else raw)
    return path


GOOD_LINES = ['{"n": "1", "labels": ["Department"], "props": {"name": "乙市交通运输局"}}',
              '{"n": "2", "labels": ["Power"], "props": {"key": "k#1", "name": "对道路运输的检查", "d": {"$date": "2024-01-01"}}}',
              '{"r": "HOLDS", "from": "1", "to": "2", "props": {}}']
BROKEN = {
    "truncated": (GOOD_LINES, 12),
    "bad_line": ([GOOD_LINES[0], "{not json", GOOD_LINES[1]], 0),
    "same_key_twice": ([GOOD_LINES[0], GOOD_LINES[0].replace('"1"', '"9"')], 0),
    "dangling_relationship": ([GOOD_LINES[0], '{"r": "HOLDS", "from": "1", "to": "77", "props": {}}'], 0),
    "nested_value": (['{"n": "1", "labels": ["Power"], "props": {"key": "x", "bad": {"a": 1}}}'], 0),
    "bad_label": (['{"n": "1", "labels": ["Power` SET x"], "props": {"key": "x"}}'], 0),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_dump_leaves_the_database_as_it_was(scratch_server: ManagedServer, tmp_path: Path,
                                                      kind: str) -> None:
    """kb restore --reset checks the whole dump before it deletes anything."""
    g = scratch_server.graph
    g.write("CREATE (:Department {name: '甲市应急管理局'})-[:HOLDS]->(:Power {key: 'p#1', name: '安全生产监督检查'})")
    before = everything(g)
    lines, truncate = BROKEN[kind]
    proc = kb(scratch_server, "restore", "--reset", str(_a_dump(tmp_path / f"{kind}.jsonl.gz", lines, truncate)))
    assert proc.returncode == 1 and "未恢复任何内容，数据库未改动" in proc.stderr, proc.stderr
    assert everything(g) == before
    assert g.read("MATCH (d:Department) RETURN d.name AS name") == [{"name": "甲市应急管理局"}]


def test_a_good_dump_replaces_the_data_and_keeps_a_private_copy(scratch_server: ManagedServer,
                                                                 tmp_path: Path) -> None:
    g = scratch_server.graph
    g.write("CREATE (:Department {name: '甲市应急管理局'})")
    earlier = set((scratch_server.home / "backups").glob("before-restore-*.jsonl.gz"))  # other tests' restores
    proc = kb(scratch_server, "restore", "--reset", str(_a_dump(tmp_path / "good.jsonl.gz", GOOD_LINES)))
    assert proc.returncode == 0, proc.stderr
    assert "恢复 2 个节点、1 条关系" in proc.stdout
    assert g.read("MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS d, p.d AS date") == \
        [{"d": "乙市交通运输局", "date": neo4j.time.Date(2024, 1, 1)}]
    [backup] = set((scratch_server.home / "backups").glob("before-restore-*.jsonl.gz")) - earlier
    assert (backup.stat().st_mode & 0o777) == 0o600 and str(backup) in proc.stdout
    assert dump.validate(backup)["nodes"] == 1  # the data before the restore, restorable


def test_the_same_list_saved_again_in_another_encoding_is_not_imported_twice(scratch_server: ManagedServer,
                                                                             tmp_path: Path) -> None:
    """郑州's CSV and the same list saved by Excel as Unicode text: other bytes, the same records — the second is
    unchanged (saying which file it repeats), not a second part doubling the department's powers."""
    text = ("郑州市金水区卫生健康委员会权责清单\n序号\t事项名称\t权力类型\t实施依据\n"
            "1\t医疗机构执业登记\t行政许可\t《医疗机构管理条例》第九条\n2\t对医疗机构的监督检查\t行政检查\t《医疗机构管理条例》第四十条\n")
    first = tmp_path / "郑州市金水区卫生健康委员会权责清单.csv"
    first.write_text(text.replace("\t", ","), encoding="utf-8")
    again = tmp_path / "郑州市金水区卫生健康委员会权责清单（Unicode文本）.csv"
    again.write_text(text, encoding="utf-16")
    code, report = import_json(scratch_server, first, again, "--no-check")
    by_status = {f["status"]: f for f in report["files"]}
    assert code == 0 and sorted(by_status) == ["imported", "unchanged"], report["files"]
    imported = Path(by_status["imported"]["path"]).name
    assert any(f"内容与已导入的 {imported} 相同" in w["message"] for w in by_status["unchanged"]["warnings"])
    held = scratch_server.graph.read("MATCH (:Department {name: '郑州市金水区卫生健康委员会'})-[:HOLDS]->(p) "
                                     "RETURN count(p) AS n")
    assert held[0]["n"] == 2
    _, dry = import_json(scratch_server, again, "--dry-run")  # (and a dry run says so too)
    assert dry["files"][0]["status"] == "unchanged"
