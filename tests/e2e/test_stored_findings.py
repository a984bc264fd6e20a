"""Stored findings (kb/analyses/stored.py): `kb import` and `kb check` store them, the browser reads
them without running an analysis, pages go through them by key, a resolution changes the stored
status, and where none are stored the pages say so and a background computation starts."""
from __future__ import annotations

import json
import secrets
import subprocess
import sys

import pytest

from kb.analyses import stored
from kb.db import Graph
from tests.conftest import KARAMAY, SHARED_DATA

pytestmark = pytest.mark.e2e

SMALL = KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"
GUIDES = SHARED_DATA / "hunan_onething" / "onething_guides_changsha_subset.json"


def kb(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=env, capture_output=True, text=True,
                          check=False, timeout=300)


def app_on(graph: Graph, background: bool):
    from webui import create_app

    return create_app({"KB_GRAPH": graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                       "KB_BACKGROUND_FINDINGS": background})


def test_import_stores_the_findings_of_its_jurisdiction_tree(scratch_server) -> None:
    graph = scratch_server.graph
    proc = kb(scratch_server.env, "import", str(SMALL))
    assert proc.returncode == 0, proc.stderr
    [root] = stored.roots(graph, ["克拉玛依市"])
    # the tree's own findings counted apart from the laws to load, which are the whole graph's
    own = graph.read("MATCH (f:StoredFinding) WHERE f.area <> 'laws' RETURN count(f) AS n")[0]["n"]
    laws = graph.read("MATCH (f:StoredFinding {area: 'laws'}) RETURN count(f) AS n")[0]["n"]
    assert f"已重新计算并保存{root}的检查结果：{own} 项（另有全库共用的" in proc.stderr
    assert f"法律待入库 {laws} 项）" in proc.stderr
    runs = {r["r"]["scope"]: r["r"] for r in graph.read("MATCH (r:FindingRun) RETURN r {.*} AS r")}
    assert root in runs and "" in runs  # the tree, and the laws to load for the whole graph
    rows = graph.read("MATCH (f:StoredFinding) RETURN f.jurisdiction AS j, f.area AS area, f.kind AS kind")
    assert rows, "the import stored no findings"
    names = set(graph.read("MATCH (j:Jurisdiction {name: $r}) OPTIONAL MATCH (c)-[:WITHIN*1..]->(j) "
                           "WITH j, collect(c.name) AS below RETURN [j.name] + below AS names", r=root)[0]["names"])
    assert all(r["j"] in names or r["area"] == "laws" for r in rows)
    assert not stored.is_stale(graph)
    karamay_before = graph.read("MATCH (f:StoredFinding) WHERE f.area <> 'laws' "
                                "RETURN f.id AS id, toString(f.computed_at) AS at ORDER BY id")

    # A guide file names no single jurisdiction in its import report: every tree is recomputed, and
    # Karamay's findings stay the same ones.
    proc = kb(scratch_server.env, "import", str(GUIDES))
    assert proc.returncode == 0, proc.stderr
    assert "已重新计算并保存所有地区的检查结果" in proc.stderr
    after = graph.read("MATCH (f:StoredFinding) WHERE f.area <> 'laws' AND f.jurisdiction IN $names "
                       "RETURN f.id AS id ORDER BY id", names=sorted(names))
    assert [r["id"] for r in after] == [r["id"] for r in karamay_before]
    assert graph.read("MATCH (f:StoredFinding {area: 'services'}) RETURN count(f) AS n")[0]["n"] > 0

    # kb check --stored prints what is stored, without running the analyses
    stored_json = json.loads(kb(scratch_server.env, "check", "--stored", "--json").stdout)
    computed = json.loads(kb(scratch_server.env, "check", "--json").stdout)
    assert sorted(f["id"] for f in stored_json) == sorted(f["id"] for f in computed)
    assert {f["id"]: f["evidence"] for f in stored_json} == {f["id"]: f["evidence"] for f in computed}


def test_pages_read_stored_findings_and_run_no_analysis(scratch_server) -> None:
    from webui import findings

    graph = scratch_server.graph
    assert kb(scratch_server.env, "import", str(SMALL)).returncode == 0
    before = findings.computations
    client = app_on(graph, background=True).test_client()
    dashboard = client.get("/.json").get_json()
    assert dashboard["findings"]["available"] and not dashboard["findings"]["updating"]
    index = client.get("/reports.json").get_json()
    total = sum(a["total"] for a in index["areas"])
    assert total == graph.read("MATCH (f:StoredFinding) RETURN count(f) AS n")[0]["n"] > 0
    for area in ("overlaps", "gaps", "chains", "consistency", "services", "laws"):
        assert client.get(f"/reports/{area}.json").status_code == 200
        assert client.get(f"/reports/{area}").status_code == 200
    assert findings.computations == before, "a page ran the analyses"


def test_without_stored_findings_pages_say_so_and_a_computation_starts(scratch_server) -> None:
    from importers.run import import_paths
    from webui import findings

    graph = scratch_server.graph
    import_paths(graph, [SMALL], progress=False)  # the importer alone stores no findings
    assert not graph.read("MATCH (f:StoredFinding) RETURN f LIMIT 1")
    quiet = app_on(graph, background=False).test_client()
    data = quiet.get("/.json").get_json()["findings"]
    assert data["available"] is False and data["computed"] is False
    html = quiet.get("/reports").get_data(as_text=True)
    assert 'id="findings-state"' in html and "kb check" in html
    assert quiet.get("/reports/gaps.json").get_json()["computed"] is False
    assert not graph.read("MATCH (f:StoredFinding) RETURN f LIMIT 1")

    before = findings.computations
    app = app_on(graph, background=True)
    with app.app_context():
        assert app.test_client().get("/").status_code == 200  # answers at once, and starts the computation
        findings.wait(240)
    assert findings.computations == before + 1
    assert not stored.is_stale(graph)
    assert app.test_client().get("/.json").get_json()["findings"]["available"] is True


def test_keyset_pages_give_every_finding_once(client) -> None:
    for area, sort in (("gaps", "score"), ("laws", "score"), ("overlaps", "kind"), ("overlaps", "department"),
                       ("chains", "status")):
        first = client.get(f"/reports/{area}.json?sort={sort}&all=1").get_json()
        expected = [f["id"] for f in first["findings"]]
        assert len(expected) == first["total"] > 0

        def key(f: dict, sort: str = sort) -> tuple:  # the sort's key, then the best score, then the id
            return ({"score": f["area"], "kind": f["kind"], "status": f["status"]}.get(sort)
                    or (f["departments"] or [""])[0], -f["score"], f["id"])
        assert expected == [f["id"] for f in sorted(first["findings"], key=key)]
        if area == "laws":
            continue  # one ranked table, not paged
        seen: list[str] = []
        url = f"/reports/{area}.json?sort={sort}"
        for _ in range(1000):
            page = client.get(url).get_json()
            assert page["total"] == len(expected)
            seen += [f["id"] for f in page["findings"]]
            if not page["next"]:
                break
            url = f"/reports/{area}.json?sort={sort}&after={page['next']}&page={page['pager']['page'] + 1}"
        assert seen == expected and len(set(seen)) == len(seen)
    # one kind (or one status) is paged by its own index: the same findings, best first
    everything = client.get("/reports/overlaps.json?all=1").get_json()["findings"]
    for name in ("kind", "status"):
        value = max({f[name] for f in everything}, key=lambda v: sum(f[name] == v for f in everything))
        expected = [f["id"] for f in sorted((f for f in everything if f[name] == value),
                                            key=lambda f: (-f["score"], f["id"]))]
        seen, url = [], f"/reports/overlaps.json?{name}={value}"
        for _ in range(1000):
            page = client.get(url).get_json()
            seen += [f["id"] for f in page["findings"]]
            if not page["next"]:
                break
            url = f"/reports/overlaps.json?{name}={value}&after={page['next']}"
        assert seen == expected and page["total"] == len(expected) > 0
    # page numbers (SKIP) still answer, and a broken cursor is the first page, not an error
    assert client.get("/reports/gaps.json?page=2").get_json()["findings"]
    assert client.get("/reports/gaps.json?after=bm9wZQ").status_code == 200
    html = client.get("/reports/overlaps").get_data(as_text=True)
    assert 'id="next-page"' in html and "after=" in html


def test_an_area_is_read_a_few_findings_at_a_time_in_the_order_of_one_read(client, loaded) -> None:
    """kb check --json and the exports read an area's stored findings a page at a time by key (one read
    streaming a province's overlaps outlived the server's transaction timeout): every finding once,
    best first, ties of score in id order, across page boundaries that fall inside a tie."""
    assert client.get("/reports/overlaps.json").status_code == 200  # the findings are stored
    for area in ("overlaps", "gaps"):
        expected = loaded.read("MATCH (f:StoredFinding {area: $area}) RETURN f.id AS id, f.score AS score "
                               "ORDER BY f.score DESC, f.id", area=area)
        assert len(expected) > 10
        page = 3
        ties = [i for i in range(page, len(expected), page) if expected[i - 1]["score"] == expected[i]["score"]]
        assert ties, "no page boundary falls inside a tie of score: the test would not show the keys at work"
        read = [(f.id, f.score) for f in stored.area_findings(loaded, area, page=page)]
        assert read == [(r["id"], r["score"]) for r in expected]


def test_a_resolution_changes_the_stored_status(client, make_user, samples, loaded) -> None:
    from tests.e2e.conftest import csrf_token, login

    fid = samples["finding"]
    editor, password = make_user("editor")
    login(client, editor, password)
    page = client.get(f"/reports/finding/{fid}").get_data(as_text=True)
    try:
        response = client.post(f"/reports/finding/{fid}/status", data={
            "csrf_token": csrf_token(page), "accept-action": "accept", "accept-basis": "测试：已核实无需处理"})
        assert response.status_code == 302
        row = loaded.read("MATCH (f:StoredFinding {id: $id}) RETURN f.status AS s, f.resolution AS r", id=fid)[0]
        assert row["s"] == "accepted" and json.loads(row["r"])["resolved_by"] == editor
        index = {k["kind"]: k for a in client.get("/reports.json").get_json()["areas"] for k in a["kinds"]}
        assert index["shared_article"]["accepted"] >= 1
        page = client.get(f"/reports/finding/{fid}").get_data(as_text=True)
        client.post(f"/reports/finding/{fid}/status", data={"csrf_token": csrf_token(page), "reopen-action": "reopen"})
        assert loaded.read("MATCH (f:StoredFinding {id: $id}) RETURN f.status AS s", id=fid)[0]["s"] == "open"
    finally:
        loaded.write("MATCH (f:Finding {id: $id}) DETACH DELETE f", id=fid)
        stored.refresh_stats(loaded)


def test_schema_7_ranks_findings_stored_before_it(scratch_server) -> None:
    """Findings stored by an older kb have no rank: the upgrade gives them one, and the reports page
    through them in order."""
    from kb import schema

    graph = scratch_server.graph
    graph.write("UNWIND $rows AS row CREATE (f:StoredFinding) SET f = row",
                rows=[{"id": f"old{i}", "area": "gaps", "kind": "no_basis", "status": "open", "department": "",
                       "score": score, "jurisdiction": "", "level": ""} for i, score in enumerate((0.5, 0.9, 0.7))])
    graph.write("MATCH (m:KbMeta {name: 'schema'}) SET m.version = 6")
    schema.init(graph)
    rows, _ = stored.query(graph, "gaps", {}, "score", None, 10, evidence=False)
    assert [r["id"] for r in rows] == ["old1", "old2", "old0"]
    assert graph.read("MATCH (f:StoredFinding) RETURN collect(f.rank) AS r")[0]["r"] != [None] * 3
    assert not graph.read("SHOW INDEXES YIELD name WHERE name = 'storedfinding_page' RETURN name")


def test_schema_8_makes_the_search_index_eventually_consistent_and_an_import_waits_for_it(scratch_server) -> None:
    """An older kb made the full-text index consistent at every commit; the upgrade makes it again,
    updated beside the commit, and what an import wrote is found by search when `kb import` returns."""
    from kb import schema

    graph = scratch_server.graph
    graph.write("DROP INDEX kb_fulltext IF EXISTS")
    graph.write(schema.FULLTEXT_STATEMENT.replace("eventually_consistent`: true", "eventually_consistent`: false"))
    graph.write("MATCH (m:KbMeta {name: 'schema'}) SET m.version = 7")

    def consistent_at_commit() -> bool:
        [row] = graph.read("SHOW INDEXES YIELD name, options WHERE name = 'kb_fulltext' RETURN options")
        return not row["options"]["indexConfig"]["fulltext.eventually_consistent"]

    assert consistent_at_commit()
    schema.init(graph)
    assert not consistent_at_commit()
    assert graph.read("MATCH (m:KbMeta {name: 'schema'}) RETURN m.version AS v")[0]["v"] == schema.SCHEMA_VERSION
    assert kb(scratch_server.env, "import", "--no-check", str(SMALL)).returncode == 0
    names = {r["name"] for r in graph.read("MATCH (p:Power) RETURN p.name AS name")}
    found = {r["name"] for r in graph.read("CALL db.index.fulltext.queryNodes('kb_fulltext', '统计') YIELD node "
                                           "WHERE node:Power RETURN node.name AS name")}
    assert found and found <= names and len(found) == sum("统计" in n for n in names)


def test_a_process_keeps_a_bounded_number_of_counts_and_reads_a_dropped_one_back(scratch_server,
                                                                                  monkeypatch) -> None:
    """A province's pages count per law and per article: the process keeps the most recently used
    (stats.KEPT); one it dropped is read back from the database, not counted again."""
    from webui import stats

    def counted_again() -> None:
        raise AssertionError("counted again although kept in the database for this data")

    monkeypatch.setattr(stats, "KEPT", 3)
    stats._cache.clear()
    with app_on(scratch_server.graph, False).app_context():
        for i in range(5):
            assert stats.cached(f"bounded-{i}", lambda i=i: {"n": i}) == {"n": i}
        assert stats.cached("bounded-2", counted_again) == {"n": 2}  # used again: the most recent
        assert stats.cached("bounded-5", lambda: {"n": 5}) == {"n": 5}
        assert list(stats._cache) == ["bounded-4", "bounded-2", "bounded-5"]
        assert stats.cached("bounded-0", counted_again) == {"n": 0}  # dropped, read back
        assert len(stats._cache) == 3


def test_page_counts_are_kept_for_the_next_process(scratch_server) -> None:
    """The counts beside the list pages are counted once per change of the data and kept in the
    database: a process started later (its memory empty) reads them instead of counting; an import
    makes them counted again."""
    from webui import stats

    graph = scratch_server.graph
    assert kb(scratch_server.env, "import", "--no-check", str(SMALL)).returncode == 0
    assert app_on(graph, False).test_client().get("/").status_code == 200
    [row] = graph.read("MATCH (s:PageStats {name: 'dashboard_departments'}) RETURN s.stamp AS stamp, s.value AS value")
    assert row["stamp"] == stored.data_stamp(graph) and json.loads(row["value"])["count"] == 1

    def counted_again() -> None:
        raise AssertionError("counted again although kept for this data")

    stats._cache.clear()  # as in a process started now
    with app_on(graph, False).app_context():
        assert stats.cached("dashboard_departments", counted_again) == json.loads(row["value"])
    assert kb(scratch_server.env, "import", "--no-check", str(KARAMAY / "国动办权责清单公示.xlsx")).returncode == 0
    stats._cache.clear()
    with app_on(graph, False).app_context():
        assert stats.cached("dashboard_departments", lambda: {"count": 2})["count"] == 2


def test_two_computations_at_once_lose_no_finding(scratch) -> None:
    """`kb check` while the browser recomputes in the background: each marks the rows it writes and
    then deletes the rows it did not write. The second wrote over every row of the first, so the first
    deleted them all (the stored findings were gone until the next computation)."""
    from importers.run import import_paths
    from kb.analyses import report

    import_paths(scratch, [SMALL], progress=False)
    found = report.run(scratch).findings
    assert found

    def first_computation():
        yield found
        stored.save(scratch, [found], None)  # the other one, all of it, between the first's writes and its delete

    stored.save(scratch, first_computation(), None)
    ids = {r["id"] for r in scratch.read("MATCH (f:StoredFinding) RETURN f.id AS id")}
    assert ids == {f.id for f in found}


def test_a_status_changed_changes_the_counts_the_pages_show_at_once(scratch) -> None:
    """Resolving, accepting or reopening a finding moves it between the stored counts by kind and status (and the
    open ones by department) in the same transaction: a report's total for one status agrees with its pages before
    the next recomputation (the total of the open overlaps stayed one too many or too few until then)."""
    from importers.run import import_paths

    import_paths(scratch, [KARAMAY], progress=False)
    stored.refresh(scratch)
    before = stored.state(scratch)["stats"]
    open_ones = scratch.read("MATCH (f:StoredFinding) WHERE f.area = 'overlaps' AND f.status = 'open' "
                             "RETURN f.id AS id ORDER BY f.id LIMIT 2")
    assert len(open_ones) == 2
    stored.set_status(scratch, open_ones[0]["id"], "resolved", {"lead": "甲"})
    stored.set_status(scratch, open_ones[1]["id"], "accepted", None)
    stored.set_status(scratch, open_ones[1]["id"], "open", None)  # (reopened)
    shown = stored.state(scratch)["stats"]  # (the version changed: read again, not this process's parse)
    truth = stored.refresh_stats(scratch)  # counted afresh from the stored findings

    def by_kind(stats):
        return sorted((r["kind"], r["status"], r["n"]) for r in stats["by_kind"])

    def by_department(stats):
        return sorted((r["department"], r["area"], r["n"]) for r in stats["by_department"])

    assert by_kind(shown) == by_kind(truth) != by_kind(before)
    assert by_department(shown) == by_department(truth) != by_department(before)
    app = app_on(scratch, background=False)
    with app.test_client() as client:
        total = client.get("/reports/overlaps.json?status=open").get_json()["total"]
    assert total == scratch.read("MATCH (f:StoredFinding) WHERE f.area = 'overlaps' AND f.status = 'open' "
                                 "RETURN count(f) AS n")[0]["n"]
