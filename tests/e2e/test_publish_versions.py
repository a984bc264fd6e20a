"""Publishing a department's list freezes it: an edit in the browser then starts a new version
(`<label>-修订1`), the published version keeps its powers as they were, and /diff shows the edit as a
change between the two. Real Neo4j (scratch), the real app, `kb versions`."""
from __future__ import annotations

import json
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
FIRST, SECOND = "对未如实记录安全生产教育和培训情况的处罚", "对未按规定设置安全生产管理机构的处罚"




@pytest.fixture
def published(scratch_server: ManagedServer, tmp_path: Path) -> ManagedServer:
    from importers.run import import_paths

    path = tmp_path / "list.json"
    path.write_text(json.dumps({"title": f"{DEPT}2025年权责清单", "department": DEPT, "jurisdiction": "宁乡市",
                                "version": "2025", "records": [BASE | {"事项名称": FIRST}, BASE | {"事项名称": SECOND}]},
                               ensure_ascii=False), encoding="utf-8")
    report = import_paths(scratch_server.graph, [path], progress=False, in_force_from="2025-01-01")
    assert report["files"][0]["status"] == "imported"
    return scratch_server


def _app(graph):
    from webui import create_app

    return create_app({"KB_GRAPH": graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                       "KB_BACKGROUND_FINDINGS": False, "KB_LOGIN_FAILURES_PER_CLIENT": 100_000})


def _editor(graph, client) -> str:
    from webui.users import add_user

    name = f"editor-{secrets.token_hex(3)}"
    add_user(graph, name, "a-long-password-1", "editor")
    login(client, name, "a-long-password-1")
    return name


def _power(graph, name: str, version: str) -> dict:
    return graph.read("MATCH (v:ListVersion {version: $v})-[:CONTAINS]->(p:Power {name: $n}) "
                      "OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY]->(r) "
                      "RETURN p.key AS key, p.current AS current, p.remarks AS remarks, count(r) AS duties",
                      v=version, n=name)[0]


def test_publish_then_edit_starts_a_new_version_and_keeps_the_published_one(published: ManagedServer) -> None:
    graph = published.graph
    client = _app(graph).test_client()
    who = _editor(graph, client)
    page = client.get(f"/diff/{quote(DEPT)}").get_data(as_text=True)
    assert 'id="publish-form"' in page
    # no CSRF token: refused; then published with a reason
    assert client.post(f"/publish/{quote(DEPT)}", data={"reason": "正式发布"}).status_code == 400
    out = client.post(f"/publish/{quote(DEPT)}", data={"reason": "正式发布", "csrf_token": csrf_token(page)})
    assert out.status_code == 302
    [v] = graph.read("MATCH (v:ListVersion) RETURN v.frozen AS frozen, v.published_by AS by, v.published_at AS at")
    assert v["frozen"] is True and v["by"] == who and v["at"] is not None
    audit = client.get("/edits.json").get_json()["edits"]
    assert audit[0]["field"] == "published" and audit[0]["entity_label"] == "ListVersion"
    page = client.get(f"/diff/{quote(DEPT)}").get_data(as_text=True)
    assert 'id="publish-form"' not in page and "已发布" in page

    # an edit of a power of the published list: the list gets a new version, the edit goes there
    frozen = _power(graph, FIRST, "2025")
    form = client.get(f"/edit/power/{quote(frozen['key'], safe='')}").get_data(as_text=True)
    data = {"csrf_token": csrf_token(form), "name": FIRST, "type": "行政处罚", "level": "", "unit": "", "scope": "",
            "basis_text": BASE["实施依据"], "duty_statement": "", "responsibility_text": BASE["责任事项"],
            "responsibility_basis_text": "", "remarks": "2025年发布后更正", "reason": "更正备注",
            **{f"was_{f}": v for f, v in {"name": FIRST, "type": "行政处罚", "level": "", "unit": "", "scope": "",
                                          "basis_text": BASE["实施依据"], "duty_statement": "",
                                          "responsibility_text": BASE["责任事项"], "responsibility_basis_text": "",
                                          "remarks": ""}.items()}}
    from kb.analyses import stored

    stamp = stored.data_stamp(graph)
    saved = client.post(f"/edit/power/{quote(frozen['key'], safe='')}", data=data)
    assert saved.status_code == 302 and stored.data_stamp(graph) != stamp
    versions = graph.read("MATCH (v:ListVersion) OPTIONAL MATCH (v)-[:SUPERSEDES]->(o) "
                          "RETURN v.version AS version, v.current AS current, coalesce(v.frozen, false) AS frozen, "
                          "o.version AS supersedes, v.in_force_from AS since, v.in_force_until AS until "
                          "ORDER BY version")
    assert [(v["version"], v["current"], v["frozen"], v["supersedes"]) for v in versions] == [
        ("2025", False, True, None), ("2025-修订1", True, False, "2025")]
    assert versions[0]["until"] == versions[1]["since"] and versions[1]["since"] >= "2025-01-01"
    revised = _power(graph, FIRST, "2025-修订1")
    assert quote(revised["key"], safe="") in saved.headers["Location"]
    assert revised["remarks"] == "2025年发布后更正" and revised["current"] is True and revised["duties"] == 1
    # the published version's powers are as they were, and no longer current
    again = _power(graph, FIRST, "2025")
    assert (again["key"], again["remarks"], again["current"], again["duties"]) == (frozen["key"], "", False, 1)
    assert graph.read("MATCH (d:Department {name: $d})-[:HOLDS]->(p) RETURN count(p) AS n", d=DEPT)[0]["n"] == 2
    assert graph.read("MATCH (v:ListVersion {version: '2025-修订1'})-[:CONTAINS]->(p) RETURN count(p) AS n")[0]["n"] == 2
    # the copies' citations carry their own listing order (who exercises a power elsewhere lists them by it)
    orders = graph.read("MATCH (p:Power)-[c:CITES]->() RETURN p.key AS key, c.order AS order")
    assert orders and all(r["order"] and r["order"].endswith("\u0001" + r["key"]) for r in orders)

    # a second edit (from the old page) goes to the same new version; no third version
    retire_page = client.get(f"/edit/power/{quote(_power(graph, SECOND, '2025')['key'], safe='')}")
    assert retire_page.status_code == 302  # the published power's edit form is its copy's
    form = client.get(retire_page.headers["Location"]).get_data(as_text=True)
    out = client.post(f"/edit/power/{quote(_power(graph, SECOND, '2025')['key'], safe='')}/retire",
                      data={"csrf_token": csrf_token(form), "reason": "取消"})
    assert out.status_code == 302
    assert graph.read("MATCH (v:ListVersion) RETURN count(v) AS n")[0]["n"] == 2
    assert _power(graph, SECOND, "2025")["current"] is False and _power(graph, SECOND, "2025-修订1")["current"] is False

    # /diff shows the edits as changes between the published version and the new one
    diff = client.get(f"/diff/{quote(DEPT)}.json").get_json()
    assert (diff["old"], diff["new"]) == ("2025", "2025-修订1")
    [changed] = diff["changed"]
    assert changed["new"]["name"] == FIRST and changed["changes"][0]["new"] == "2025年发布后更正"
    # as of a day before the revision, the published text answers
    before = client.get(f"/powers/{quote(revised['key'], safe='')}.json", query_string={"as_of": "2025-02-01"},
                        follow_redirects=True).get_json()
    assert before["power"]["key"] == frozen["key"] and before["power"]["remarks"] == ""


def test_kb_versions_publish_and_list(published: ManagedServer) -> None:
    from kb.analyses import stored

    stamp = stored.data_stamp(published.graph)
    out = kb(published, "versions", "publish", DEPT, "2024")
    assert out.returncode != 0 and "2025" in out.stderr and "Traceback" not in out.stderr
    out = kb(published, "versions", "publish", DEPT, "2025", "--by", "法制科", "--reason", "年度发布")
    assert out.returncode == 0 and "已发布" in out.stdout, out.stderr
    again = kb(published, "versions", "publish", DEPT)
    assert again.returncode == 0 and "早已发布" in again.stdout and "法制科" in again.stdout
    listed = json.loads(kb(published, "versions", "list", DEPT, "--json").stdout)
    assert [(v["version"], v["frozen"], v["published_by"]) for v in listed] == [("2025", True, "法制科")]
    [edit] = published.graph.read("MATCH (e:Edit {field: 'published'})-[:EDITS]->(v:ListVersion) "
                                  "RETURN e.who AS who, e.reason AS reason")
    assert edit == {"who": "法制科", "reason": "年度发布"}
    assert stored.data_stamp(published.graph) == stamp  # publishing changes no finding: nothing to recompute
    assert kb(published, "versions", "publish", "没有这个部门").returncode != 0


def test_a_new_power_or_a_responsibility_in_a_published_list_goes_to_a_new_version(published: ManagedServer) -> None:
    from importers import revisions

    graph = published.graph
    client = _app(graph).test_client()
    who = _editor(graph, client)
    assert revisions.publish(graph, DEPT, who, "正式发布").parts == 1
    url = f"/edit/department/{quote(DEPT)}/power"
    token = csrf_token(client.get(url).get_data(as_text=True))
    out = client.post(url, data={"name": "新增的检查事项", "type": "行政检查", "level": "", "reason": "补充",
                                 "csrf_token": token})
    assert out.status_code == 302
    counts = {r["v"]: r["n"] for r in graph.read(
        "MATCH (v:ListVersion)-[:CONTAINS]->(p) RETURN v.version AS v, count(p) AS n")}
    assert counts == {"2025": 2, "2025-修订1": 3}
    # the revision is not published: a responsibility added to a copied power stays in it
    copy = _power(graph, SECOND, "2025-修订1")["key"]
    form = client.get(f"/edit/power/{quote(copy, safe='')}").get_data(as_text=True)
    out = client.post(f"/edit/power/{quote(copy, safe='')}/responsibility",
                      data={"text": "2.调查责任：调查取证。", "kind": "", "stage": "调查", "reason": "补充责任",
                            "csrf_token": csrf_token(form)})
    assert out.status_code == 302
    assert graph.read("MATCH (v:ListVersion) RETURN count(v) AS n")[0]["n"] == 2
    assert (_power(graph, SECOND, "2025")["duties"], _power(graph, SECOND, "2025-修订1")["duties"]) == (1, 2)
    # a published version that is no longer current (as after an import) cannot be edited
    graph.write("MATCH (v:ListVersion {version: '2025-修订1'}) SET v.frozen = true, v.current = false")
    frozen = quote(_power(graph, FIRST, "2025")["key"], safe="")
    out = client.post(f"/edit/power/{frozen}/retire", data={"reason": "取消", "csrf_token": token})
    assert out.status_code == 302 and "已发布且已不是现行清单" in client.get(out.headers["Location"]).get_data(as_text=True)
    assert graph.read("MATCH (v:ListVersion) RETURN count(v) AS n")[0]["n"] == 2
    assert graph.read("MATCH (e:Edit {field: 'retired'}) RETURN count(e) AS n")[0]["n"] == 0
