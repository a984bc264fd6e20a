"""Editing the whole list in the browser: new powers, retiring and restoring, responsibilities, legal
bases by article, reasons, reverts, the audit trail in the office's time zone, units split."""
from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest

from kb.db import Graph
from tests.conftest import KARAMAY
from tests.e2e.conftest import csrf_token, login

pytestmark = pytest.mark.e2e

STATS = KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"
LAW = Path(__file__).resolve().parents[2] / "kb" / "demo" / "laws" / "行政处罚法(2021-01-22).md"
DEPARTMENT = "克拉玛依市统计局"


@pytest.fixture
def site(scratch: Graph, tmp_path: Path):
    """An app on a scratch database holding the statistics bureau's list and the 行政处罚法, with one user
    of each role."""
    from importers.run import import_paths
    from webui import create_app
    from webui.users import add_user

    report = import_paths(scratch, [LAW, STATS], progress=False)
    assert report["refused"] == 0
    app = create_app({"KB_GRAPH": scratch, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                      "KB_UPLOAD_DIR": str(tmp_path / "uploads")})
    users = {}
    for role in ("viewer", "editor", "admin"):
        users[role] = (f"test-{role}-{secrets.token_hex(4)}", secrets.token_urlsafe(12))
        add_user(scratch, *users[role], role)
    return app, scratch, users


def client_as(app, users: dict, role: str | None):
    client = app.test_client()
    if role:
        assert login(client, *users[role]).status_code == 302
    return client


def token_of(client) -> str:
    """A CSRF token of the client's session (the login form's, or the logout button's once logged in)."""
    page = client.get("/login").get_data(as_text=True)
    return csrf_token(page if "csrf_token" in page else client.get("/").get_data(as_text=True))


def a_power(graph: Graph) -> str:
    return graph.read("MATCH (:Department {name: $d})-[:HOLDS]->(p:Power) RETURN p.key AS k ORDER BY p.position "
                      "LIMIT 1", d=DEPARTMENT)[0]["k"]


def edits(graph: Graph) -> int:
    return graph.read("MATCH (e:Edit) RETURN count(e) AS n")[0]["n"]


def test_every_new_write_route_needs_its_role_a_csrf_token_and_leaves_an_audit_entry(site):
    app, graph, users = site
    key = a_power(graph)
    k = quote(key, safe="")
    duty = graph.read("MATCH (:Power {key: $k})-[:HAS_RESPONSIBILITY]->(r) RETURN r.key AS key ORDER BY r.seq LIMIT 1",
                      k=key)[0]["key"]
    held = graph.read("MATCH (:Power {key: $k})-[:HAS_ACCOUNTABILITY]->(a) RETURN a.key AS key, a.subjects AS s, "
                      "a.text AS t", k=key)[0]
    accountability = quote(held["key"], safe="")

    def in_force() -> dict | None:
        rows = graph.read("MATCH (:Power {key: $k})-[:HAS_ACCOUNTABILITY]->(a) RETURN a.subjects AS s", k=key)
        return rows[0] if rows else None
    routes: list[tuple[str, dict, str, Callable[[], bool]]] = [
        (f"/edit/power/{k}/responsibility", {"text": "测试责任：依法受理。", "stage": "受理"}, "editor",
         lambda: bool(graph.read("MATCH (:Power {key: $k})-[:HAS_RESPONSIBILITY]->(r {text: '测试责任：依法受理。'}) "
                                 "RETURN r", k=key))),
        (f"/edit/responsibility/{quote(duty, safe='')}/retire", {}, "editor",
         lambda: graph.read("MATCH (r:Responsibility {key: $r}) RETURN r.retired AS x", r=duty)[0]["x"] is True),
        (f"/edit/responsibility/{quote(duty, safe='')}/restore", {}, "editor",
         lambda: graph.read("MATCH (r:Responsibility {key: $r}) RETURN r.current AS x", r=duty)[0]["x"] is True),
        (f"/edit/power/{k}/accountability", {"subjects": "具体承办人（测试）", "text": held["t"],
                                             "was_subjects": held["s"], "was_text": held["t"]}, "editor",
         lambda: in_force() == {"s": "具体承办人（测试）"}),
        (f"/edit/accountability/{accountability}/retire", {}, "editor", lambda: in_force() is None),
        (f"/edit/accountability/{accountability}/restore", {}, "editor", lambda: in_force() is not None),
        (f"/edit/power/{k}/article", {"law": "行政处罚法", "number": "1"}, "editor",
         lambda: bool(graph.read("MATCH (:Power {key: $k})-[:BASED_ON]->(:Article {key: '行政处罚法#1'}) RETURN 1",
                                 k=key))),
        (f"/edit/department/{quote(DEPARTMENT)}/power", {"name": "测试新事项", "type": "行政检查", "level": "city",
                                                          "unit": "危化科、基础科、执法支队"}, "editor",
         lambda: bool(graph.read("MATCH (:Department {name: $d})-[:HOLDS]->(p:Power {name: '测试新事项'}) RETURN p",
                                 d=DEPARTMENT))),
        (f"/edit/power/{k}/retire", {}, "editor",
         lambda: not graph.read("MATCH (:Department)-[:HOLDS]->(p:Power {key: $k}) RETURN p", k=key)),
        (f"/edit/power/{k}/restore", {}, "editor",
         lambda: bool(graph.read("MATCH (:Department)-[:HOLDS]->(p:Power {key: $k}) RETURN p", k=key))),
    ]
    anonymous, viewer = client_as(app, users, None), client_as(app, users, "viewer")
    editor, admin = client_as(app, users, "editor"), client_as(app, users, "admin")
    for url, data, role, done in routes:
        before = edits(graph)
        response = anonymous.post(url, data=data | {"reason": "r", "csrf_token": token_of(anonymous)})
        assert response.status_code == 302 and "/login" in response.headers["Location"], url
        assert viewer.post(url, data=data | {"reason": "r", "csrf_token": token_of(viewer)}).status_code == 403, url
        assert editor.post(url, data=data | {"reason": "r"}).status_code == 400, url  # no CSRF token
        assert editor.post(url, data=data | {"csrf_token": token_of(editor)}).status_code in (302, 400), url
        assert edits(graph) == before, f"{url}: written without a reason"
        response = editor.post(url, data=data | {"reason": f"测试 {url}", "csrf_token": token_of(editor)})
        assert response.status_code == 302, url
        assert done(), url
        assert graph.read("MATCH (e:Edit {reason: $r}) RETURN e.who AS who", r=f"测试 {url}") == \
            [{"who": users["editor"][0]}], url
    # The revert: admins only.
    edit = graph.read("MATCH (e:Edit {entity_label: 'Power', field: 'retired', after: 'false'}) RETURN e.id AS id")[0]["id"]
    url = f"/edits/{edit}/revert"
    response = anonymous.post(url, data={"reason": "r", "csrf_token": token_of(anonymous)})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert editor.post(url, data={"reason": "r", "csrf_token": token_of(editor)}).status_code == 403
    assert admin.post(url, data={"reason": "r"}).status_code == 400
    assert admin.post(url, data={"reason": "撤销恢复", "csrf_token": token_of(admin)}).status_code == 302
    assert graph.read("MATCH (e:Edit {reverts: $id}) RETURN e.who AS who, e.field AS f, e.after AS a",
                      id=edit) == [{"who": users["admin"][0], "f": "retired", "a": "true"}]
    assert not graph.read("MATCH (:Department)-[:HOLDS]->(p:Power {key: $k}) RETURN p", k=key)
    # A legal basis linked by article is reverted by removing that citation.
    link = graph.read("MATCH (e:Edit {field: 'basis_article'}) RETURN e.id AS id")[0]["id"]
    assert graph.read("MATCH (:Power {key: $k})-[c:CITES {field: 'basis'}]->(:Law {key: '行政处罚法'}) "
                      "WHERE c.article = 1 RETURN c.article_key AS key", k=key) == [{"key": "行政处罚法#1"}]
    assert admin.post(f"/edits/{link}/revert", data={"reason": "关联错了", "csrf_token": token_of(admin)}).status_code == 302
    assert not graph.read("MATCH (:Power {key: $k})-[c:CITES {field: 'basis'}]->(:Law {key: '行政处罚法'}) "
                          "WHERE c.article = 1 RETURN c", k=key)
    assert graph.read("MATCH (e:Edit {reverts: $id}) RETURN e.before AS b", id=link)[0]["b"].endswith("第一条")


def test_a_retired_power_stays_in_its_version_and_comes_back(site):
    app, graph, users = site
    key = a_power(graph)
    editor = client_as(app, users, "editor")
    editor.post(f"/edit/power/{quote(key, safe='')}/retire", data={"reason": "合并", "csrf_token": token_of(editor)})
    row = graph.read("MATCH (v:ListVersion)-[:CONTAINS]->(p:Power {key: $k}) "
                     "RETURN p.current AS current, p.retired AS retired, "
                     "COUNT { (:Department)-[:HOLDS]->(p) } AS held, "
                     "[(p)-[:HAS_RESPONSIBILITY]->(r) | r.current] AS duties", k=key)[0]
    assert row == {"current": False, "retired": True, "held": 0, "duties": [False] * len(row["duties"])}
    assert graph.read("MATCH (:Department {name: $d})-[:HOLDS]->(p) RETURN count(p) AS n", d=DEPARTMENT)[0]["n"] == 2
    editor.post(f"/edit/power/{quote(key, safe='')}/restore", data={"reason": "误操作", "csrf_token": token_of(editor)})
    row = graph.read("MATCH (p:Power {key: $k}) RETURN p.current AS current, p.retired AS retired, "
                     "COUNT { (:Department)-[:HOLDS]->(p) } AS held", k=key)[0]
    assert row == {"current": True, "retired": False, "held": 1}


def test_a_retired_responsibility_leaves_the_power_and_its_gaps_until_restored(site):
    app, graph, users = site
    from queries import loader

    key = a_power(graph)
    k = quote(key, safe="")
    duties = graph.read("MATCH (:Power {key: $k})-[:HAS_RESPONSIBILITY]->(r) RETURN r.key AS key, r.text AS text "
                        "ORDER BY r.seq", k=key)
    assert duties
    editor = client_as(app, users, "editor")

    def shown() -> list[str]:
        return [r["key"] for r in editor.get(f"/powers/{k}.json").get_json()["responsibilities"]]

    def without_responsibility() -> bool:
        return key in {r["key"] for r in graph.read(
            "MATCH (p:Power {key: $k}) WHERE NOT (p)-[:HAS_RESPONSIBILITY]->() RETURN p.key AS key", k=key)} and \
            any(r["power"] == graph.read("MATCH (p:Power {key: $k}) RETURN p.name AS n", k=key)[0]["n"]
                for r in loader.run(graph, "powers_without_responsibility").rows)

    assert sorted(shown()) == sorted(d["key"] for d in duties) and not without_responsibility()
    for d in duties:
        url = f"/edit/responsibility/{quote(d['key'], safe='')}/retire"
        assert editor.post(url, data={"reason": "职责调整", "csrf_token": token_of(editor)}).status_code == 302
    assert shown() == [] and without_responsibility()  # the pages and the gap query no longer see them
    page = editor.get(f"/responsibilities/{quote(duties[0]['key'], safe='')}").get_data(as_text=True)
    assert 'id="retired-notice"' in page  # its own page says so, and still names its power
    assert f"/powers/{k}" in page
    form = editor.get(f"/edit/power/{k}").get_data(as_text=True)
    assert duties[0]["text"][:20] in form  # the editor still lists it, to restore it
    url = f"/edit/responsibility/{quote(duties[0]['key'], safe='')}/restore"
    assert editor.post(url, data={"reason": "恢复", "csrf_token": token_of(editor)}).status_code == 302
    assert shown() == [duties[0]["key"]] and not without_responsibility()


def test_accountability_is_added_changed_retired_and_reverted(site):
    app, graph, users = site
    editor, admin = client_as(app, users, "editor"), client_as(app, users, "admin")
    data = {"name": "追责测试事项", "type": "行政检查", "level": "city", "reason": "新增", "csrf_token": token_of(editor)}
    assert editor.post(f"/edit/department/{quote(DEPARTMENT)}/power", data=data).status_code == 302
    key = graph.read("MATCH (p:Power {name: '追责测试事项'}) RETURN p.key AS k")[0]["k"]
    k = quote(key, safe="")

    def shown() -> dict | None:
        return editor.get(f"/powers/{k}.json").get_json()["accountability"]

    def post(data: dict) -> None:
        response = editor.post(f"/edit/power/{k}/accountability", data=data | {"csrf_token": token_of(editor)})
        assert response.status_code == 302

    assert shown() is None
    post({"subjects": " ", "text": "", "reason": "空的"})  # the importer's rule: one of the two at least
    assert shown() is None and not graph.read("MATCH (e:Edit {reason: '空的'}) RETURN e")
    post({"subjects": "具体承办人", "text": "未依法受理的", "was_subjects": "", "was_text": "", "reason": "补充追责"})
    assert {k: v for k, v in shown().items() if k != "key"} == {"subjects": "具体承办人", "text": "未依法受理的"}
    post({"subjects": "具体承办人；\r\n科室负责人", "text": "未依法受理的", "was_subjects": "具体承办人",
          "was_text": "未依法受理的", "reason": "扩大追责对象"})  # a browser sends lines as CRLF
    assert shown()["subjects"] == "具体承办人；\n科室负责人"
    post({"subjects": "具体承办人；\r\n科室负责人", "text": "未依法受理的；\r\n未依法审查的",
          "was_subjects": "具体承办人；\r\n科室负责人", "was_text": "未依法受理的", "reason": "增加情形"})
    assert shown()["text"] == "未依法受理的；\n未依法审查的"  # the lines it was opened with came back as CRLF: not stale
    assert graph.read("MATCH (e:Edit {reason: '增加情形'}) RETURN e.field AS f") == [{"f": "text"}]
    assert graph.read("MATCH (e:Edit {reason: '扩大追责对象'}) RETURN e.field AS f, e.before AS b") == \
        [{"f": "subjects", "b": "具体承办人"}]  # one change, one entry
    post({"subjects": "别人", "text": "未依法受理的", "was_subjects": "具体承办人", "was_text": "未依法受理的",
          "reason": "过时的表单"})  # opened before the last save: nothing is saved
    assert shown()["subjects"] == "具体承办人；\n科室负责人"
    trail = admin.get("/edits").get_data(as_text=True)
    assert "追责对象范围" in trail and "追责测试事项" in trail and "扩大追责对象" in trail
    changed = graph.read("MATCH (e:Edit {reason: '扩大追责对象'}) RETURN e.id AS id")[0]["id"]
    page = admin.get(f"/edits/{changed}").get_data(as_text=True)
    assert "追责测试事项" in page and 'id="revert-form"' in page
    assert admin.post(f"/edits/{changed}/revert", data={"reason": "改回", "csrf_token": csrf_token(page)}).status_code == 302
    assert shown()["subjects"] == "具体承办人"
    created = graph.read("MATCH (e:Edit {reason: '补充追责'}) RETURN e.id AS id")[0]["id"]
    assert admin.post(f"/edits/{created}/revert", data={"reason": "不该加",
                                                         "csrf_token": token_of(admin)}).status_code == 302
    assert shown() is None  # the revert of its creation retires it; it is kept
    row = graph.read("MATCH (p:Power {key: $k}) RETURN COUNT { (p)-[:RETIRED_ACCOUNTABILITY]->() } AS retired, "
                     "COLLECT { MATCH (e:Edit {reverts: $id}) RETURN e.who } AS by", k=key, id=created)[0]
    assert row == {"retired": 1, "by": [users["admin"][0]]}
    form = editor.get(f"/edit/power/{k}").get_data(as_text=True)
    assert 'id="retired-accountability"' in form and 'id="no-accountability"' in form
    made = graph.read("MATCH (e:Edit {entity_label: 'Power', field: 'created'}) RETURN e.id AS id")[0]["id"]
    assert 'id="revert-form"' in admin.get(f"/edits/{made}").get_data(as_text=True)
    graph.write("CREATE (:Edit {id: 'publish-test', who: 'x', when: datetime(), entity_label: 'ListVersion', "
                "field: 'published', before: 'false', after: 'true', reason: '发布', entity_key: 'v'})")
    page = admin.get("/edits/publish-test").get_data(as_text=True)
    assert 'id="not-revertable"' in page and 'id="revert-form"' not in page  # no button that cannot work


def test_schema_6_moves_responsibilities_retired_before_it(scratch: Graph):
    from kb import schema

    scratch.write("CREATE (p:Power {key: 'mig#1', name: '迁移'})-[:HAS_RESPONSIBILITY]->"
                  "(:Responsibility {key: 'mig#1#r0', retired: true}), "
                  "(p)-[:HAS_RESPONSIBILITY]->(:Responsibility {key: 'mig#1#r1', retired: false})")
    scratch.write("MATCH (m:KbMeta {name: 'schema'}) SET m.version = 5")
    schema.init(scratch)
    rows = scratch.read("MATCH (:Power {key: 'mig#1'})-[h]->(r) RETURN r.key AS r, type(h) AS t ORDER BY r")
    assert rows == [{"r": "mig#1#r0", "t": "RETIRED_RESPONSIBILITY"}, {"r": "mig#1#r1", "t": "HAS_RESPONSIBILITY"}]


def test_a_new_power_follows_the_importers_rules_and_splits_its_units(site):
    app, graph, users = site
    editor = client_as(app, users, "editor")
    url = f"/edit/department/{quote(DEPARTMENT)}/power"
    assert editor.get(url).status_code == 200
    data = {"name": "测试新事项", "type": "行政检查", "level": "city", "unit": "危化科、基础科，执法支队（一大队、二大队）",
            "basis_text": "【法律】《中华人民共和国行政处罚法》第一条", "reason": "新增", "csrf_token": token_of(editor)}
    assert editor.post(url, data=data | {"type": "随便什么"}).status_code == 400
    assert editor.post(url, data=data | {"name": ""}).status_code == 400
    assert editor.post(url, data=data | {"level": "galaxy"}).status_code == 400
    assert editor.post(url, data=data).status_code == 302
    row = graph.read("""
        MATCH (v:ListVersion {current: true})-[:CONTAINS]->(p:Power {name: '测试新事项'})<-[:HOLDS]-(d:Department)
        RETURN p.key STARTS WITH v.key AS keyed, p.type_code AS code, d.name AS d,
               [(p)-[:HANDLED_BY]->(u) | u.name] AS units, [(p)-[:BASED_ON]->(a) | a.key] AS articles""")[0]
    assert row["keyed"] and row["code"] == "06" and row["d"] == DEPARTMENT
    assert sorted(row["units"]) == sorted(["危化科", "基础科", "执法支队（一大队、二大队）"])
    assert row["articles"] == ["行政处罚法#1"]
    # The import splits 承办机构 the same way: 政策法规科 、社会经济统计科 、… are units of their own.
    units = graph.read("MATCH (u:Unit)-[:PART_OF]->(:Department {name: $d}) RETURN u.name AS n", d=DEPARTMENT)
    assert {"政策法规科", "社会经济统计科", "综合核算科"} <= {u["n"] for u in units}


def test_sub_items_of_an_item_are_created_and_retired_like_powers(site):
    app, graph, users = site
    editor = client_as(app, users, "editor")
    key = a_power(graph)
    form = editor.get(f"/edit/power/{quote(key, safe='')}").get_data(as_text=True)
    assert 'id="new-sub-item-link"' in form
    url = f"/edit/department/{quote(DEPARTMENT)}/power"
    page = editor.get(url, query_string={"item": "统计执法检查", "type": "行政检查", "level": "city"}).get_data(as_text=True)
    assert 'value="统计执法检查"' in page  # the item's name and type filled in
    for sub_item in ("对统计调查对象的检查", "对统计机构的检查"):
        data = {"name": "统计执法检查", "sub_item_name": sub_item, "type": "行政检查", "level": "city",
                "reason": "新增子项", "csrf_token": token_of(editor)}
        assert editor.post(url, data=data).status_code == 302
    rows = graph.read("MATCH (:Department {name: $d})-[:HOLDS]->(p:Power {item_name: '统计执法检查'}) "
                      "RETURN p.key AS key, p.name AS name, p.sub_item_name AS sub ORDER BY p.position", d=DEPARTMENT)
    assert [(r["name"], r["sub"]) for r in rows] == [("统计执法检查（对统计调查对象的检查）", "对统计调查对象的检查"),
                                                      ("统计执法检查（对统计机构的检查）", "对统计机构的检查")]
    first, second = (quote(r["key"], safe="") for r in rows)
    assert [s["sub_item_name"] for s in editor.get(f"/powers/{first}.json").get_json()["sub_items"]] == \
        ["对统计调查对象的检查", "对统计机构的检查"]
    assert editor.post(f"/edit/power/{second}/retire", data={"reason": "子项取消",
                                                             "csrf_token": token_of(editor)}).status_code == 302
    assert editor.get(f"/powers/{first}.json").get_json()["sub_items"] == []  # one sub-item left: no list


def test_an_admin_reverts_a_field_edit_and_the_audit_trail_shows_it_in_shanghai_time(site):
    app, graph, users = site
    key = a_power(graph)
    before = graph.read("MATCH (p:Power {key: $k}) RETURN p.remarks AS r", k=key)[0]["r"] or ""
    editor = client_as(app, users, "editor")
    url = f"/edit/power/{quote(key, safe='')}"
    form = editor.get(url).get_data(as_text=True)
    fields = ("name", "type", "level", "unit", "scope", "basis_text", "duty_statement", "responsibility_text",
              "responsibility_basis_text", "remarks")
    power = graph.read("MATCH (p:Power {key: $k}) RETURN p {.*} AS p", k=key)[0]["p"]
    data = {f: power.get(f) or "" for f in fields}
    data |= {f"was_{f}": v for f, v in data.items()} | {"csrf_token": csrf_token(form), "remarks": "改了"}
    assert editor.post(url, data=data).status_code == 400  # no reason
    assert editor.post(url, data=data | {"reason": "更正备注"}).status_code == 302
    edit = graph.read("MATCH (e:Edit {field: 'remarks'}) RETURN e.id AS id, e.reason AS r")[0]
    assert edit["r"] == "更正备注"
    admin = client_as(app, users, "admin")
    page = admin.get(f"/edits/{edit['id']}").get_data(as_text=True)
    assert 'id="revert-form"' in page
    assert admin.post(f"/edits/{edit['id']}/revert", data={"reason": "不需要",
                                                           "csrf_token": csrf_token(page)}).status_code == 302
    assert (graph.read("MATCH (p:Power {key: $k}) RETURN p.remarks AS r", k=key)[0]["r"] or "") == before
    graph.write("CREATE (:Finding {id: 'test-finding', status: 'resolved', resolved_by: 'someone', "
                "resolved_at: datetime('2026-01-01T00:30:00Z'), basis: '会议纪要', summary: '测试交叉'})")
    trail = admin.get("/edits.json").get_json()
    assert trail["timezone"] == "Asia/Shanghai"
    assert [e["field"] for e in trail["edits"][:2]] == ["remarks", "remarks"]
    assert trail["edits"][0]["reverts"] == edit["id"] and trail["edits"][0]["after"] == before
    assert all(e["when"].endswith("+08:00") for e in trail["edits"])
    finding = next(e for e in trail["edits"] if e["entity_label"] == "Finding")
    assert finding["when"] == "2026-01-01T08:30:00+08:00" and finding["reason"] == "会议纪要"
    assert "测试交叉" in admin.get("/edits").get_data(as_text=True)
