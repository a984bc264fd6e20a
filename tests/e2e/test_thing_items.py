"""一件事 pages with their items: items named by a guide are linked to the powers of the Thing's place
at import (by code, then name, then a careful name), a guide giving only a count says so, cooperating
departments named by sector (公安部门) link to the place's department, and an editor links and unlinks
an item by search, audited. Real Neo4j (scratch)."""
from __future__ import annotations

import json
import secrets
from pathlib import Path
from urllib.parse import quote

import pytest

from kb.db import Graph
from tests.e2e.conftest import csrf_token, login
from tests.e2e.test_as_of_answers import BASE, a_list

pytestmark = pytest.mark.e2e

POLICE, MARKET, HEALTH = "浏阳市公安局", "浏阳市市场监督管理局", "浏阳市卫生健康局"
NAMED, COUNTED = "43TEST0001@430181999000", "43TEST0002@430181999000"


def a_guide(path: Path, implementations: list[dict]) -> Path:
    """A catalogue in the shape importers/onething.py reads (the Hunan crawl's)."""
    themes = [{"theme_code": impl["theme_code"], "theme_title": impl["theme_title"], "search_type_name": "个人",
               "implementations": [impl]} for impl in implementations]
    path.write_text(json.dumps({"themes": themes}, ensure_ascii=False), encoding="utf-8")
    return path


def an_implementation(code: str, title: str, summary: dict, **extra) -> dict:
    return {"theme_code": code, "theme_title": title, "area_code": "430181999000", "area_name": "浏阳市市本级",
            "area_path": ["长沙市", "浏阳市", "浏阳市市本级"], "org_level": "3", "implementation_name": title,
            "implementation_code": code,
            "guide_summary": {"title": title, "lead_department": HEALTH, **summary}, **extra}


@pytest.fixture
def site(scratch: Graph, tmp_path: Path) -> Graph:
    from importers.run import import_paths

    lists = [
        a_list(tmp_path / "police.json", POLICE, "浏阳市", "2024", [
            BASE | {"事项名称": "户口登记", "编码": "LY-GA-01"},
            BASE | {"事项名称": "居民身份证核发", "编码": "LY-GA-02"}]),
        a_list(tmp_path / "market.json", MARKET, "浏阳市", "2024", [
            BASE | {"事项名称": "个体工商户（营业执照）登记", "编码": "LY-SJ-01"}]),
        a_list(tmp_path / "health.json", HEALTH, "浏阳市", "2024", [
            BASE | {"事项名称": "出生医学证明签发", "编码": "LY-WJ-01"}]),
    ]
    guide = a_guide(tmp_path / "guides.json", [
        an_implementation("43TEST0001", "新生儿出生“一件事”", {
            "cooperating_departments": "公安部门,市监部门,医保部门", "linked_matter_count": 4,
            "linked_matters": [
                {"matter_code": "LY-WJ-01", "matter_name": "出生医学证明的签发"},  # by code (the name differs)
                {"matter_name": "户口登记", "dept_name": POLICE},  # by exact name
                {"matter_name": "个体工商户营业执照登记"},  # by the careful name: brackets gone
                {"matter_name": "社会保障卡申领"}]}),  # no power of the place: unlinked
        an_implementation("43TEST0002", "开办餐馆“一件事”", {
            "cooperating_departments": "公安部门,税务部门", "linked_matter_count": 6}),
    ])
    for path in [*lists, guide]:
        report = import_paths(scratch, [path], progress=False)
        assert [f["status"] for f in report["files"]] == ["imported"], report
    return scratch


def _client(graph: Graph):
    from webui import create_app

    return create_app({"KB_GRAPH": graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                       "KB_BACKGROUND_FINDINGS": False}).test_client()


def _links(graph: Graph, thing: str) -> dict[str, list[tuple[str, str]]]:
    rows = graph.read("MATCH (:Thing {key: $t})-[:INCLUDES]->(s:ServiceItem) OPTIONAL MATCH (s)-[r:REALISES]->(p) "
                      "RETURN s.name AS item, collect([p.name, r.how]) AS links", t=thing)
    return {r["item"]: sorted(tuple(x) for x in r["links"] if x[0]) for r in rows}


def test_named_items_link_to_the_powers_of_the_place_at_import(site: Graph) -> None:
    assert _links(site, NAMED) == {
        "出生医学证明的签发": [("出生医学证明签发", "code")],
        "户口登记": [("户口登记", "name")],
        "个体工商户营业执照登记": [("个体工商户（营业执照）登记", "normalised name")],
        "社会保障卡申领": []}
    assert _links(site, COUNTED) == {}
    page = _client(site).get(f"/things/{quote(NAMED, safe='')}").get_data(as_text=True)
    assert "出生医学证明签发" in page and "按编码对应" in page and "按名称对应" in page
    assert "1 个事项未对应到权力事项" in page
    assert "指南只给出事项数" not in page
    counted = _client(site).get(f"/things/{quote(COUNTED, safe='')}").get_data(as_text=True)
    assert "指南只给出事项数 6，未列明事项" in counted


def test_cooperating_departments_by_sector_link_to_the_place(site: Graph) -> None:
    rows = site.read("MATCH (:Thing {key: $t})-[c:COOPERATING]->(d) RETURN c.as_published AS said, d.name AS dept "
                     "ORDER BY said", t=NAMED)
    assert [(r["said"], r["dept"]) for r in rows] == [("公安部门", POLICE), ("市监部门", MARKET)]
    page = _client(site).get(f"/things/{quote(NAMED, safe='')}").get_data(as_text=True)
    cooperating = page[page.index('id="cooperating"'):page.index("</table>", page.index('id="cooperating"'))]
    assert "公安部门" in cooperating and POLICE in cooperating
    assert "医保部门" in cooperating and "未对应到部门" in cooperating  # the place has no 医疗保障局


def test_an_editor_links_and_unlinks_an_item_by_search(site: Graph) -> None:
    from webui.users import add_user

    url = f"/things/{quote(NAMED, safe='')}"
    item = site.read("MATCH (s:ServiceItem {name: '社会保障卡申领'}) RETURN s.key AS k")[0]["k"]
    power = site.read("MATCH (p:Power {name: '居民身份证核发'}) RETURN p.key AS k")[0]["k"]
    data = {"item": item, "power": power, "reason": "指南附件列明此事项"}
    anonymous = _client(site)
    out = anonymous.post(f"{url}/link", data=data | {"csrf_token": csrf_token(anonymous.get("/login").get_data(as_text=True))})
    assert out.status_code == 302 and "/login" in out.headers["Location"]
    viewer, editor = _client(site), _client(site)
    for client, role in ((viewer, "viewer"), (editor, "editor")):
        name, password = f"t-{role}-{secrets.token_hex(3)}", secrets.token_urlsafe(12)
        add_user(site, name, password, role)
        assert login(client, name, password).status_code == 302
    token = csrf_token(viewer.get(url).get_data(as_text=True))
    assert viewer.post(f"{url}/link", data=data | {"csrf_token": token}).status_code == 403
    assert editor.post(f"{url}/link", data=data).status_code == 400  # no CSRF token
    assert _links(site, NAMED)["社会保障卡申领"] == []

    page = editor.get(url, query_string={"q": "身份证"}).get_data(as_text=True)
    hits = page[page.index('id="power-hits"'):]
    assert "居民身份证核发" in hits and "出生医学证明签发" not in hits[:hits.index("</table>")]
    out = editor.post(f"{url}/link", data=data | {"csrf_token": csrf_token(page)})
    assert out.status_code == 302
    assert _links(site, NAMED)["社会保障卡申领"] == [("居民身份证核发", "editor")]
    page = editor.get(url).get_data(as_text=True)
    assert "按编辑人员对应" in page and "未对应到权力事项" not in page
    edit = site.read("MATCH (e:Edit)-[:EDITS]->(:ServiceItem {key: $k}) RETURN e {.*} AS e", k=item)
    assert len(edit) == 1 and edit[0]["e"]["before"] == "" and edit[0]["e"]["after"] == power
    assert edit[0]["e"]["reason"] == "指南附件列明此事项" and edit[0]["e"]["who"].startswith("t-editor")

    out = editor.post(f"{url}/unlink", data=data | {"reason": "对应有误", "csrf_token": csrf_token(page)})
    assert out.status_code == 302
    assert _links(site, NAMED)["社会保障卡申领"] == []
    edits = site.read("MATCH (e:Edit)-[:EDITS]->(:ServiceItem {key: $k}) RETURN e.before AS before, e.after AS after, "
                      "e.reason AS reason ORDER BY e.when", k=item)
    assert [(e["before"], e["after"], e["reason"]) for e in edits] == [
        ("", power, "指南附件列明此事项"), (power, "", "对应有误")]
    assert "1 个事项未对应到权力事项" in editor.get(url).get_data(as_text=True)


def test_an_editor_links_powers_to_a_guide_that_gives_only_a_count(site: Graph, tmp_path: Path) -> None:
    """The guide of 开办餐馆 gives only its number of items: an editor finds a power of the place and links it
    as a new item, named as the power and audited; a new import of the guide keeps it."""
    from importers.run import import_paths
    from webui.users import add_user

    url = f"/things/{quote(COUNTED, safe='')}"
    editor = _client(site)
    name, password = f"t-editor-{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    add_user(site, name, password, "editor")
    assert login(editor, name, password).status_code == 302
    page = editor.get(url, query_string={"q": "营业执照"}).get_data(as_text=True)
    assert 'id="items-count-only"' in page and 'id="power-hits"' in page and 'value="new"' in page
    power = site.read("MATCH (p:Power {name: '个体工商户（营业执照）登记'}) RETURN p.key AS k")[0]["k"]
    out = editor.post(f"{url}/link", data={"item": "new", "power": power, "reason": "餐馆须先办营业执照",
                                           "csrf_token": csrf_token(page)})
    assert out.status_code == 302
    assert _links(site, COUNTED) == {"个体工商户（营业执照）登记": [("个体工商户（营业执照）登记", "editor")]}
    page = editor.get(url).get_data(as_text=True)
    assert 'id="items-count-only"' in page and "由编辑人员添加" in page  # still says the guide names none
    edit = site.read("MATCH (e:Edit)-[:EDITS]->(s:ServiceItem)<-[:INCLUDES]-(:Thing {key: $t}) "
                     "RETURN e.who AS who, e.after AS after, e.reason AS reason", t=COUNTED)
    assert edit == [{"who": name, "after": power, "reason": "餐馆须先办营业执照"}]
    again = a_guide(tmp_path / "again.json", [an_implementation("43TEST0002", "开办餐馆“一件事”", {
        "cooperating_departments": "公安部门,税务部门", "linked_matter_count": 7})])
    assert [f["status"] for f in import_paths(site, [again], progress=False)["files"]] == ["imported"]
    assert list(_links(site, COUNTED)) == ["个体工商户（营业执照）登记"]


def test_a_power_of_another_place_cannot_be_linked(site: Graph, tmp_path: Path) -> None:
    from importers.run import import_paths
    from webui.users import add_user

    other = a_list(tmp_path / "city.json", "长沙市公安局", "长沙市", "2024", [BASE | {"事项名称": "社会保障卡申领"}])
    import_paths(site, [other], progress=False)
    power = site.read("MATCH (p:Power {name: '社会保障卡申领'}) RETURN p.key AS k")[0]["k"]
    item = site.read("MATCH (s:ServiceItem {name: '社会保障卡申领'}) RETURN s.key AS k")[0]["k"]
    client = _client(site)
    name, password = f"t-editor-{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    add_user(site, name, password, "editor")
    login(client, name, password)
    url = f"/things/{quote(NAMED, safe='')}"
    token = csrf_token(client.get(url).get_data(as_text=True))
    client.post(f"{url}/link", data={"item": item, "power": power, "reason": "x", "csrf_token": token})
    assert _links(site, NAMED)["社会保障卡申领"] == []


def test_an_admin_reverts_links_and_unlinks_from_the_audit_list(site: Graph) -> None:
    """A link or unlink an editor made on a Thing is an entry of /edits: an admin reverts it there, and
    the revert is itself an audited change (who, why, which change it reverts)."""
    from importers import revisions
    from webui.users import add_user

    url = f"/things/{quote(NAMED, safe='')}"
    social = site.read("MATCH (s:ServiceItem {name: '社会保障卡申领'}) RETURN s.key AS k")[0]["k"]
    household = site.read("MATCH (s:ServiceItem {name: '户口登记'}) RETURN s.key AS k")[0]["k"]
    card = site.read("MATCH (p:Power {name: '居民身份证核发'}) RETURN p.key AS k")[0]["k"]
    registration = site.read("MATCH (p:Power {name: '户口登记'}) RETURN p.key AS k")[0]["k"]
    editor, admin = _client(site), _client(site)
    names = {}
    for client, role in ((editor, "editor"), (admin, "admin")):
        names[role], password = f"t-{role}-{secrets.token_hex(3)}", secrets.token_urlsafe(12)
        add_user(site, names[role], password, role)
        assert login(client, names[role], password).status_code == 302
    token = csrf_token(editor.get(url).get_data(as_text=True))
    assert editor.post(f"{url}/link", data={"item": social, "power": card, "reason": "补充对应",
                                            "csrf_token": token}).status_code == 302
    assert editor.post(f"{url}/unlink", data={"item": household, "power": registration, "reason": "对应有误",
                                              "csrf_token": token}).status_code == 302
    assert _links(site, NAMED)["户口登记"] == [] and _links(site, NAMED)["社会保障卡申领"] == [("居民身份证核发", "editor")]

    listing = admin.get("/edits").get_data(as_text=True)
    assert "关联的权力事项" in listing and "社会保障卡申领 → 居民身份证核发" in listing
    assert card not in listing and registration not in listing  # powers by their names, never their keys
    linked, unlinked = (site.read("MATCH (e:Edit {field: 'realises', entity_key: $k}) RETURN e.id AS id", k=k)[0]["id"]
                        for k in (social, household))
    page = admin.get(f"/edits/{linked}").get_data(as_text=True)
    assert 'id="revert-form"' in page and "社会保障卡申领" in page
    assert card not in page.split('id="revert-form"')[0].replace(quote(card, safe=""), "")  # the power by name, not key
    assert "居民身份证核发" in page
    assert editor.post(f"/edits/{linked}/revert", data={"reason": "x", "csrf_token": token}).status_code == 403
    # the unlink reverted: the link made at import is back as it was made (by name)
    out = admin.post(f"/edits/{unlinked}/revert", data={"reason": "原对应无误", "csrf_token": csrf_token(page)})
    assert out.status_code == 302 and "已撤销" in admin.get(out.headers["Location"]).get_data(as_text=True)
    assert _links(site, NAMED)["户口登记"] == [("户口登记", "name")]
    # the link reverted, after the police list was published and revised (the link went to the copy too)
    revisions.publish(site, POLICE, names["editor"], "发布")
    with site.transaction() as tx:
        revisions.revise(tx, POLICE, names["editor"], "2025-01-01", "更正")
        tx.commit()
    assert len(_links(site, NAMED)["社会保障卡申领"]) == 2
    out = admin.post(f"/edits/{linked}/revert", data={"reason": "不属于本事项", "csrf_token": csrf_token(page)})
    assert out.status_code == 302 and _links(site, NAMED)["社会保障卡申领"] == []
    reverts = site.read("MATCH (e:Edit {field: 'realises'}) WHERE e.reverts IS NOT NULL "
                        "RETURN e.reverts AS reverts, e.who AS who, e.reason AS reason, e.before AS before, "
                        "e.after AS after ORDER BY e.when")
    assert [(r["reverts"], r["who"], r["before"], r["after"]) for r in reverts] == [
        (unlinked, names["admin"], "", registration), (linked, names["admin"], card, "")]
    assert [r["reason"] for r in reverts] == [f"撤销 {unlinked}：原对应无误", f"撤销 {linked}：不属于本事项"]
    # once only
    again = admin.post(f"/edits/{linked}/revert", data={"reason": "再来", "csrf_token": csrf_token(page)})
    assert "这项修改已被撤销" in admin.get(again.headers["Location"]).get_data(as_text=True)
    assert site.read("MATCH (e:Edit {reverts: $id}) RETURN count(e) AS n", id=linked)[0]["n"] == 1


def test_a_guide_imported_before_its_lists_is_linked_when_they_come(scratch: Graph, tmp_path: Path) -> None:
    """泸州's guide came before 合江's list: its items are linked once the list is imported (they were 未对应 until then),
    and move to the powers of a newer version of the list; an item no list has stays unlinked."""
    from importers.run import import_paths

    def realised() -> dict[str, list[str]]:
        rows = scratch.read("MATCH (s:ServiceItem) OPTIONAL MATCH (s)-[:REALISES]->(p:Power) "
                            "RETURN s.name AS item, collect(p.key) AS powers")
        return {r["item"]: sorted(r["powers"]) for r in rows}

    guide = a_guide(tmp_path / "guides.json", [an_implementation("43TEST0001", "新生儿出生“一件事”", {
        "linked_matter_count": 2, "linked_matters": [
            {"matter_code": "LY-WJ-01", "matter_name": "出生医学证明的签发"},
            {"matter_name": "社会保障卡申领"}]})])
    assert import_paths(scratch, [guide], progress=False)["files"][0]["status"] == "imported"
    assert realised() == {"出生医学证明的签发": [], "社会保障卡申领": []}
    health = a_list(tmp_path / "health.json", HEALTH, "浏阳市", "2024", [
        BASE | {"事项名称": "出生医学证明签发", "编码": "LY-WJ-01"}])
    assert import_paths(scratch, [health], progress=False)["files"][0]["status"] == "imported"
    [first] = realised()["出生医学证明的签发"]
    assert realised()["社会保障卡申领"] == []
    newer = a_list(tmp_path / "health2025.json", HEALTH, "浏阳市", "2025", [
        BASE | {"事项名称": "出生医学证明签发", "编码": "LY-WJ-01"}])
    assert import_paths(scratch, [newer], progress=False)["files"][0]["status"] == "imported"
    [second] = realised()["出生医学证明的签发"]
    assert second != first and second.startswith(scratch.read(
        "MATCH (v:ListVersion {version: '2025'}) RETURN v.key AS k")[0]["k"])
    # an editor's unlink stands: a later list of the place does not link the item again
    from webui.service_links import unlink

    [item] = scratch.read("MATCH (s:ServiceItem {name: '出生医学证明的签发'}) RETURN s.key AS k")
    with scratch.transaction() as tx:
        assert unlink(tx, NAMED, item["k"], second, "editor", "不是这一项") == 1
        tx.commit()
    latest = a_list(tmp_path / "health2026.json", HEALTH, "浏阳市", "2026", [
        BASE | {"事项名称": "出生医学证明签发", "编码": "LY-WJ-01"}])
    assert import_paths(scratch, [latest], progress=False)["files"][0]["status"] == "imported"
    assert realised()["出生医学证明的签发"] == []
    # a name two departments' powers carry is not linked to either, as the guide's import would not
    police = a_list(tmp_path / "police.json", POLICE, "浏阳市", "2024", [
        BASE | {"事项名称": "社会保障卡申领", "编码": "LY-GA-09"}])
    other = a_list(tmp_path / "market.json", MARKET, "浏阳市", "2024", [
        BASE | {"事项名称": "社会保障卡申领", "编码": "LY-SJ-09"}])
    assert import_paths(scratch, [police], progress=False)["files"][0]["status"] == "imported"
    assert len(realised()["社会保障卡申领"]) == 1  # the one power of that name so far
    assert import_paths(scratch, [other], progress=False)["files"][0]["status"] == "imported"
    assert realised()["社会保障卡申领"] == []  # now two departments': no longer said which


def test_a_spreadsheet_of_integrated_services_is_imported_as_guides(scratch: Graph, tmp_path: Path) -> None:
    """海安's 一件事集成服务清单 as a workbook (a title, 申请材料（份） and 跑动次数（次） over 整合前 | 整合后, the items in one
    cell): each row a 一件事 of 海安市, with its lead, cooperating bodies, items and counts before and after."""
    import openpyxl

    from importers.run import import_paths

    path = tmp_path / "海安市一件事集成服务清单（2025年）.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["海安市“一件事”集成服务清单（2025年）"])
    ws.append(["序号", "一件事名称", "牵头部门", "配合部门", "涉及事项", "申请材料（份）", None, "跑动次数（次）", None,
               "承诺时限（工作日）", "办理环节", None, "法定时限"])
    ws.append([None, None, None, None, None, "整合前", "整合后", "整合前", "整合后", None, "整合前", "整合后", None])
    ws.append([1, "退休一件事", "海安市人力资源和社会保障局", "海安市医疗保障局、海安市公安局",
               "职工正常退休（职）申请；基本养老保险待遇申领", 15, 3, 4, 0, 10, 7, 2, 30])
    for cells in ("F2:G2", "H2:I2", "K2:L2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "J2:J3", "M2:M3"):
        ws.merge_cells(cells)
    wb.save(path)
    report = import_paths(scratch, [path], progress=False)
    [f] = report["files"]
    assert (f["kind"], f["status"], f["records"]) == ("guide", "imported", 1), f
    [t] = scratch.read("MATCH (t:Thing)-[:IN_JURISDICTION]->(j) MATCH (t)-[:LED_BY]->(lead) "
                       "RETURN t.name AS name, j.name AS place, lead.name AS lead, t.materials_before AS mb, "
                       "t.materials_after AS ma, t.visits_before AS vb, t.visits_after AS va, t.days_after AS days, "
                       "t.days_before AS days_before, t.steps_before AS sb, t.steps_after AS sa, t.legal_days AS legal, "
                       "[(t)-[:INCLUDES]->(s) | s.name] AS items")
    assert (t["name"], t["place"], t["lead"], t["mb"], t["ma"], t["vb"], t["va"], t["days"]) == (
        "退休一件事", "海安市", "海安市人力资源和社会保障局", 15, 3, 4, 0, 10)
    # the steps before and after, and the law's own time limit: not the time it took before (no such figure here)
    assert (t["sb"], t["sa"], t["legal"], t["days_before"]) == (7, 2, 30, None)
    assert sorted(t["items"]) == ["基本养老保险待遇申领", "职工正常退休（职）申请"]


def test_a_spreadsheet_s_service_over_several_rows_and_a_boundary_list_that_is_no_guide(scratch: Graph,
                                                                                         tmp_path: Path) -> None:
    """A 一件事 whose name and lead are merged down over its items' rows is one service with every item (「建设工程消防验收、
    备案」 one item); a 职责边界 list (事项名称 | 牵头部门 | 配合部门 | 职责边界) is no guide; the place may be given."""
    import openpyxl

    from importers.run import parse_file

    path = tmp_path / "一件事集成服务清单.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一件事名称", "牵头部门", "配合部门", "涉及事项"])
    ws.append(["开办餐馆一件事", "海安市市场监督管理局", "海安市消防救援大队", "食品经营许可"])
    ws.append([None, None, None, "建设工程消防验收、备案"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    wb.save(path)
    report = parse_file(path, jurisdiction="海安市")
    assert (report.kind, report.status) == ("guide", "valid"), report.errors
    [impl] = report.doc.implementations
    assert impl.jurisdiction == "海安市" and [i["name"] for i in impl.items] == ["食品经营许可", "建设工程消防验收、备案"]

    boundary = tmp_path / "职责边界清单.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["株洲市部门职责边界清单"])
    ws.append(["序号", "事项名称", "牵头部门", "配合部门", "职责边界"])
    ws.append([1, "城市道路挖掘管理", "株洲市城市管理和综合执法局", "株洲市公安局", "城管负责审批，公安配合"])
    wb.save(boundary)
    assert parse_file(boundary).kind != "guide"
