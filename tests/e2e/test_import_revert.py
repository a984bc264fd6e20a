"""Reverting a whole import run: the version it made leaves the lists (kept as history), the version it
had replaced is current again, and the change is in the audit trail with who, when and why; refused
when the department's list was imported again since, or its version was published and then edited.
Real Neo4j (scratch), the real app, `kb imports`."""
from __future__ import annotations

import json
import re
import secrets
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import ManagedServer
from tests.conftest import run_kb as kb
from tests.e2e.conftest import csrf_token, login

pytestmark = pytest.mark.e2e

DEPT = "宁乡市应急管理局"
BASE = {"权力类型": "行政处罚", "实施依据": "《中华人民共和国安全生产法》第九十七条", "责任事项": "1.立案责任：依法立案。",
        "追责对象范围": "具体承办人", "追责情形": "未依法履职的"}
KEPT, DROPPED, ADDED = "对未如实记录安全生产教育和培训情况的处罚", "对未按规定设置安全生产管理机构的处罚", "对生产经营单位未建立事故隐患排查治理制度的处罚"


def _list(path: Path, version: str, names: list[str]) -> Path:
    path.write_text(json.dumps({"title": f"{DEPT}{version}年权责清单", "department": DEPT, "jurisdiction": "宁乡市",
                                "version": version, "records": [BASE | {"事项名称": n} for n in names]},
                               ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def two_imports(scratch_server: ManagedServer, tmp_path: Path) -> ManagedServer:
    """2024 (two powers, in force from 2024-01-01), then 2025 (one kept, one added) from 2025-03-01."""
    from importers.run import import_paths

    for version, names, start in (("2024", [KEPT, DROPPED], "2024-01-01"), ("2025", [KEPT, ADDED], "2025-03-01")):
        report = import_paths(scratch_server.graph, [_list(tmp_path / f"{version}.json", version, names)],
                              progress=False, in_force_from=start)
        assert report["files"][0]["status"] == "imported", report
    return scratch_server


def _run(graph, version: str) -> str:
    return graph.read("MATCH (r:ImportRun)-[:PRODUCED]->(v:ListVersion {version: $v}) WHERE v.import_run = r.id "
                      "RETURN r.id AS id", v=version)[0]["id"]


def _held(graph) -> list[str]:
    return sorted(r["name"] for r in graph.read(
        "MATCH (:Department {name: $d})-[:HOLDS]->(p:Power) WHERE p.current RETURN p.name AS name", d=DEPT))


def _versions(graph) -> dict[str, tuple]:
    return {r["v"]: (r["current"], r["retired"], r["until"]) for r in graph.read(
        "MATCH (v:ListVersion {department: $d}) RETURN v.version AS v, v.current AS current, "
        "coalesce(v.retired, false) AS retired, v.in_force_until AS until", d=DEPT)}


def _app(graph):
    from webui import create_app

    return create_app({"KB_GRAPH": graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                       "KB_BACKGROUND_FINDINGS": False, "KB_LOGIN_FAILURES_PER_CLIENT": 100_000})


def _login(graph, client, role: str) -> str:
    from webui.users import add_user

    name = f"{role}-{secrets.token_hex(3)}"
    add_user(graph, name, "a-long-password-1", role)
    login(client, name, "a-long-password-1")
    return name


def test_kb_imports_revert_brings_the_previous_version_back(two_imports: ManagedServer) -> None:
    graph = two_imports.graph
    first, second = _run(graph, "2024"), _run(graph, "2025")
    assert _held(graph) == sorted([KEPT, ADDED])
    listed = kb(two_imports, "imports", "list")
    assert listed.returncode == 0 and first in listed.stdout and second in listed.stdout and "现行" in listed.stdout

    # the older run cannot go first: the department's list was imported again after it
    out = kb(two_imports, "imports", "revert", first, "--reason", "导错了")
    assert out.returncode != 0 and "之后又导入了清单" in out.stderr and second in out.stderr
    assert "Traceback" not in out.stderr
    # a reason is required
    assert kb(two_imports, "imports", "revert", second).returncode != 0

    out = kb(two_imports, "imports", "revert", second, "--by", "法制科", "--reason", "2025年清单尚未印发")
    assert out.returncode == 0, out.stderr
    assert "已撤销" in out.stdout and "恢复现行版本 2024" in out.stdout
    # the 2024 list is current again, in force with no end; 2025 is kept, retired, never in force
    assert _held(graph) == sorted([KEPT, DROPPED])
    assert _versions(graph) == {"2024": (True, False, None), "2025": (False, True, "2025-03-01")}
    assert graph.read("MATCH (:ListVersion {version: '2025'})-[:CONTAINS]->(p:Power) "
                      "RETURN count(p) AS n, sum(CASE WHEN p.current THEN 1 ELSE 0 END) AS live")[0] == {"n": 2, "live": 0}
    # who, when, why
    [edit] = graph.read("MATCH (e:Edit {field: 'import_reverted'})-[:EDITS]->(v:ListVersion) "
                        "RETURN e.who AS who, e.reason AS reason, e.before AS before, e.after AS after, "
                        "e.import_run AS run, e.when IS NOT NULL AS dated, v.version AS version")
    assert edit == {"who": "法制科", "reason": "2025年清单尚未印发", "before": "2025", "after": "2024", "run": second,
                    "dated": True, "version": "2025"}
    # as of a day in 2025 the 2024 list answers again
    rows = json.loads(kb(two_imports, "query", "run", "powers_by_department", "--param", f"department={DEPT}",
                         "--as-of", "2025-06-01", "--format", "json").stdout)
    assert sorted(r["power"] for r in rows) == sorted([KEPT, DROPPED])

    versions = kb(two_imports, "versions", "list", DEPT)
    assert "已撤销导入" in versions.stdout and second in versions.stdout
    diff = kb(two_imports, "diff", DEPT)  # one live version left: the reverted one takes no part
    assert diff.returncode != 0 and "只有一个清单版本（2024）" in diff.stderr
    again = kb(two_imports, "imports", "revert", second, "--reason", "再撤一次")
    assert again.returncode != 0 and "已于" in again.stderr and "撤销" in again.stderr
    # now the first run may go too: the department then has no current list, and history stays
    assert kb(two_imports, "imports", "revert", first, "--reason", "全部重来", "--no-check").returncode == 0
    assert _held(graph) == [] and graph.read("MATCH (v:ListVersion) RETURN count(v) AS n")[0]["n"] == 2


def test_a_law_text_run_or_a_repeated_file_cannot_be_reverted(two_imports: ManagedServer, tmp_path: Path) -> None:
    from importers.run import import_paths

    graph = two_imports.graph
    report = import_paths(graph, [tmp_path / "2025.json"], progress=False)
    assert report["files"][0]["status"] == "unchanged"
    unchanged = graph.read("MATCH (r:ImportRun {status: 'unchanged'}) RETURN r.id AS id")[0]["id"]
    out = kb(two_imports, "imports", "revert", unchanged, "--reason", "试试")
    assert out.returncode != 0 and "没有改动清单" in out.stderr and _run(graph, "2025") in out.stderr
    out = kb(two_imports, "imports", "revert", "no-such-run", "--reason", "试试")
    assert out.returncode != 0 and "没有导入运行" in out.stderr


def test_an_admin_reverts_an_import_in_the_browser(two_imports: ManagedServer) -> None:
    graph = two_imports.graph
    second = _run(graph, "2025")
    app = _app(graph)
    editor = app.test_client()
    _login(graph, editor, "editor")
    page = editor.get(f"/imports/{second}").get_data(as_text=True)
    assert 'id="revert-import-form"' not in page  # editors do not revert imports
    assert editor.post(f"/imports/{second}/revert",
                       data={"reason": "x", "csrf_token": csrf_token(editor.get("/").get_data(as_text=True))}
                       ).status_code == 403

    admin = app.test_client()
    who = _login(graph, admin, "admin")
    versions_page = admin.get(f"/diff/{quote(DEPT)}").get_data(as_text=True)
    assert f"/imports/{second}#revert-import-form" in versions_page
    page = admin.get(f"/imports/{second}").get_data(as_text=True)
    assert 'id="revert-import-form"' in page
    assert admin.post(f"/imports/{second}/revert", data={"reason": "重复导入"}).status_code == 400  # no CSRF token
    out = admin.post(f"/imports/{second}/revert", data={"reason": "", "csrf_token": csrf_token(page)})
    assert out.status_code == 302 and _held(graph) == sorted([KEPT, ADDED])  # no reason: nothing done
    out = admin.post(f"/imports/{second}/revert", data={"reason": "重复导入", "csrf_token": csrf_token(page)})
    assert out.status_code == 302
    after = admin.get(out.headers["Location"]).get_data(as_text=True)
    assert "已撤销" in after and "2024" in after and 'id="reverted-banner"' in after
    assert 'id="revert-import-form"' not in after
    assert _held(graph) == sorted([KEPT, DROPPED])

    audit = admin.get("/edits.json").get_json()["edits"]
    assert (audit[0]["field"], audit[0]["who"], audit[0]["reason"]) == ("import_reverted", who, "重复导入")
    listing = admin.get("/edits").get_data(as_text=True)
    assert "撤销导入" in listing
    history = admin.get(f"/diff/{quote(DEPT)}.json").get_json()["history"]
    assert [(v["version"], v["current"], v["retired"]) for v in history] == [("2024", True, False),
                                                                          ("2025", False, True)]
    shown = admin.get(f"/diff/{quote(DEPT)}").get_data(as_text=True)
    assert "已撤销导入" in shown and re.search(r"2024\s*</option>", shown) and "2025</option>" not in shown
    # the older import may be reverted now; the page says why not when it may not
    first = _run(graph, "2024")
    assert 'id="revert-import-form"' in admin.get(f"/imports/{first}").get_data(as_text=True)


def test_a_published_and_edited_version_cannot_be_reverted(two_imports: ManagedServer) -> None:
    from importers import revisions

    graph = two_imports.graph
    second = _run(graph, "2025")
    assert revisions.publish(graph, DEPT, "法制科", "发布").parts == 1
    # published but not edited: still revertible
    app = _app(graph)
    admin = app.test_client()
    _login(graph, admin, "admin")
    assert 'id="revert-import-form"' in admin.get(f"/imports/{second}").get_data(as_text=True)
    with graph.transaction() as tx:  # an edit after publishing starts 2025-修订1
        revisions.revise(tx, DEPT, "法制科", "2025-06-01", "更正")
        tx.commit()
    page = admin.get(f"/imports/{second}").get_data(as_text=True)
    assert 'id="revert-import-form"' not in page and "已发布，且发布后已修改" in page and "2025-修订1" in page
    out = kb(two_imports, "imports", "revert", second, "--reason", "撤销")
    assert out.returncode != 0 and "已发布，且发布后已修改" in out.stderr
    assert _versions(graph)["2025-修订1"][0] is True and _held(graph) == sorted([KEPT, ADDED])


def test_reverting_an_upload_from_its_audit_entry(two_imports: ManagedServer) -> None:
    """An upload confirmed in the browser is an Edit on its run: its revert button reverts the run."""
    graph = two_imports.graph
    second = _run(graph, "2025")
    graph.write("MATCH (r:ImportRun {id: $id}) CREATE (e:Edit {id: 'upload-1', who: 'someone', when: datetime(), "
                "entity_key: r.id, entity_label: 'ImportRun', field: 'import', before: '', after: '2025.json', "
                "reason: '年度清单'}) CREATE (e)-[:EDITS]->(r)", id=second)
    admin = _app(graph).test_client()
    _login(graph, admin, "admin")
    page = admin.get("/edits/upload-1").get_data(as_text=True)
    out = admin.post("/edits/upload-1/revert", data={"reason": "传错了", "csrf_token": csrf_token(page)})
    assert out.status_code == 302 and _held(graph) == sorted([KEPT, DROPPED])
    [edit] = graph.read("MATCH (e:Edit {field: 'import_reverted'}) RETURN e.reverts AS reverts, e.reason AS reason")
    assert edit["reverts"] == "upload-1" and "传错了" in edit["reason"]
    again = admin.post("/edits/upload-1/revert", data={"reason": "再来", "csrf_token": csrf_token(page)})
    assert again.status_code == 302
    assert graph.read("MATCH (e:Edit {field: 'import_reverted'}) RETURN count(e) AS n")[0]["n"] == 1
