"""Logins, CSRF and editing a power with an audit trail."""
from __future__ import annotations

import html as html_module
import re
from urllib.parse import quote

import pytest

from tests.e2e.conftest import csrf_token, login

pytestmark = pytest.mark.e2e


EDITABLE = ("name", "type", "level", "unit", "scope", "basis_text", "duty_statement", "responsibility_text",
            "responsibility_basis_text", "remarks")


def _form_data(before: dict) -> dict:
    """The edit form as opened: every field with its current value, and the value it was opened with."""
    data = {f: before.get(f) or "" for f in EDITABLE}
    return data | {f"was_{k}": v for k, v in data.items()} | {"reason": "测试修改"}


@pytest.fixture
def power(restored_power):
    """A power whose editable fields are restored, and its Edit nodes removed, after the test."""
    return restored_power


def test_login_with_a_wrong_password_is_refused(client, make_user):
    name, _ = make_user("editor")
    response = login(client, name, "wrong-password")
    assert response.status_code == 401
    assert client.get("/login.json").get_json()["user"] is None


def test_a_post_without_the_csrf_token_is_refused(client, make_user):
    name, password = make_user("editor")
    response = client.post("/login", data={"name": name, "password": password})
    assert response.status_code == 400
    assert client.get("/login.json").get_json()["user"] is None


def test_login_and_logout(client, make_user):
    name, password = make_user("viewer")
    assert login(client, name, password).status_code == 302
    assert client.get("/login.json").get_json()["user"] == {"name": name, "role": "viewer"}
    page = client.get("/").get_data(as_text=True)
    assert name in page
    client.post("/logout", data={"csrf_token": csrf_token(page)})
    assert client.get("/login.json").get_json()["user"] is None


def test_editing_needs_a_login_and_the_editor_role(client, make_user, power):
    url = f"/edit/power/{quote(power, safe='')}"
    assert client.get(url).status_code == 302  # to the login page
    name, password = make_user("viewer")
    login(client, name, password)
    assert client.get(url).status_code == 403


def test_an_edit_changes_the_power_and_leaves_an_audit_trail(client, make_user, power, loaded):
    name, password = make_user("editor")
    login(client, name, password)
    url = f"/edit/power/{quote(power, safe='')}"
    form = client.get(url).get_data(as_text=True)
    before = loaded.read("MATCH (p:Power {key: $k}) RETURN p {.*} AS p", k=power)[0]["p"]
    data = _form_data(before)
    data["csrf_token"] = csrf_token(form)
    data["remarks"] = "测试备注 <b>not bold</b>"
    data["type"] = "行政检查" if before["type"] != "行政检查" else "行政处罚"
    response = client.post(url, data=data)
    assert response.status_code == 302
    after = loaded.read("MATCH (p:Power {key: $k}) RETURN p {.*} AS p", k=power)[0]["p"]
    assert after["remarks"] == "测试备注 <b>not bold</b>" and after["type"] == data["type"]
    assert after["type_code"] == {"行政检查": "06", "行政处罚": "02"}[data["type"]]
    edits = loaded.read("MATCH (e:Edit)-[:EDITS]->(:Power {key: $k}) RETURN e {.*} AS e ORDER BY e.field", k=power)
    fields = {e["e"]["field"]: e["e"] for e in edits}
    assert set(fields) == {"remarks", "type", "type_code"}
    assert fields["remarks"]["who"] == name and fields["remarks"]["before"] == before.get("remarks")
    assert fields["type"]["before"] == before["type"] and fields["type"]["after"] == data["type"]
    assert {e["reason"] for e in fields.values()} == {"测试修改"}
    page = client.get(f"/powers/{quote(power, safe='')}").get_data(as_text=True)
    assert "&lt;b&gt;not bold&lt;/b&gt;" in page and "<b>not bold</b>" not in page
    trail = client.get("/edits.json?key=" + quote(power)).get_json()
    assert len(trail["edits"]) == 3
    one = client.get(f"/edits/{fields['remarks']['id']}.json").get_json()
    assert one["edit"]["after"] == "测试备注 <b>not bold</b>"


def test_a_stale_form_is_refused_and_nothing_is_saved(client, make_user, power, loaded):
    name, password = make_user("editor")
    login(client, name, password)
    url = f"/edit/power/{quote(power, safe='')}"
    form = client.get(url).get_data(as_text=True)
    before = loaded.read("MATCH (p:Power {key: $k}) RETURN p {.*} AS p", k=power)[0]["p"]
    loaded.write("MATCH (p:Power {key: $k}) SET p.remarks = 'changed meanwhile'", k=power)
    data = _form_data(before)
    data.update(csrf_token=csrf_token(form), remarks="mine")
    response = client.post(url, data=data)
    assert response.status_code == 409
    assert loaded.read("MATCH (p:Power {key: $k}) RETURN p.remarks AS r", k=power)[0]["r"] == "changed meanwhile"
    assert not loaded.read("MATCH (e:Edit)-[:EDITS]->(:Power {key: $k}) RETURN e", k=power)
    # The form comes back with what the user typed, and the saved version beside it.
    html = response.get_data(as_text=True)
    assert re.search(r'<textarea[^>]*id="remarks"[^>]*>\s*mine</textarea>', html)
    assert re.search(r'id="conflict-remarks".*changed meanwhile', html)
    # Saving that form again keeps the user's version: it was opened with the saved one.
    again = {k: html_module.unescape(v) for k, v in re.findall(r'name="(was_\w+)" type="hidden" value="([^"]*)"', html)}
    assert again["was_remarks"] == "changed meanwhile"
    resubmitted = client.post(url, data={**data, **again, "csrf_token": csrf_token(html)})
    assert resubmitted.status_code == 302
    assert loaded.read("MATCH (p:Power {key: $k}) RETURN p.remarks AS r", k=power)[0]["r"] == "mine"


def test_editing_the_unit_moves_the_handled_by_link(client, make_user, power, loaded):
    """承办机构: the power page reads HANDLED_BY; after the edit it names the new unit only."""
    links = "MATCH (p:Power {key: $k})-[:HANDLED_BY]->(u:Unit) RETURN u.key AS key, u.name AS name"
    old = loaded.read(links, k=power)
    name, password = make_user("editor")
    login(client, name, password)
    url = f"/edit/power/{quote(power, safe='')}"
    form = client.get(url).get_data(as_text=True)
    before = loaded.read("MATCH (p:Power {key: $k}) RETURN p {.*} AS p", k=power)[0]["p"]
    data = _form_data(before) | {"csrf_token": csrf_token(form), "unit": "测试新承办科室"}
    try:
        assert client.post(url, data=data).status_code == 302
        now = loaded.read(links, k=power)
        assert [u["name"] for u in now] == ["测试新承办科室"]
        assert now[0]["key"] == f"{before['department']}/测试新承办科室"
        assert loaded.read("MATCH (:Unit {key: $u})-[:PART_OF]->(d:Department) RETURN d.name AS d",
                           u=now[0]["key"])[0]["d"] == before["department"]
        page = client.get(f"/powers/{quote(power, safe='')}.json").get_json()
        assert page["unit_node"]["name"] == "测试新承办科室"
    finally:
        loaded.write("MATCH (p:Power {key: $k})-[h:HANDLED_BY]->() DELETE h", k=power)
        loaded.write("UNWIND $old AS o MATCH (p:Power {key: $k}), (u:Unit {key: o}) CREATE (p)-[:HANDLED_BY]->(u)",
                     k=power, old=[u["key"] for u in old])
        loaded.write("MATCH (u:Unit) WHERE u.name = '测试新承办科室' DETACH DELETE u")


def test_admins_manage_users_in_the_browser(client, make_user, loaded):
    viewer, password = make_user("viewer")
    login(client, viewer, password)
    assert client.get("/users").status_code == 403
    admin, password = make_user("admin")
    other = client.application.test_client()
    login(other, admin, password)
    page = other.get("/users").get_data(as_text=True)
    assert viewer in page and 'id="user-form"' in page
    try:
        short = other.post("/users", data={"csrf_token": csrf_token(page), "name": "web-made", "password": "short",
                                           "role": "editor"})
        assert short.status_code == 400
        made = other.post("/users", data={"csrf_token": csrf_token(page), "name": "web-made",
                                          "password": "long-enough-9", "role": "editor"})
        assert made.status_code == 302
        assert loaded.read("MATCH (u:User {name: 'web-made'}) RETURN u.role AS r")[0]["r"] == "editor"
        assert login(client.application.test_client(), "web-made", "long-enough-9").status_code == 302
    finally:
        loaded.write("MATCH (u:User {name: 'web-made'}) DETACH DELETE u")


def test_error_pages_use_the_layout_and_json_stays_json(client):
    page = client.get("/powers/does-not-exist")
    assert page.status_code == 404 and 'id="error-message"' in page.get_data(as_text=True)
    assert "没有这个页面" in page.get_data(as_text=True)
    data = client.get("/departments/nope.json")
    assert data.status_code == 404 and data.get_json()["error"] == 404


def test_editing_the_legal_basis_rebuilds_its_citations(client, make_user, power, loaded):
    """The power page and the analyses read CITES/BASED_ON and Responsibility nodes, not the text."""
    from importers.writer import rederive

    before = loaded.read("MATCH (p:Power {key: $k}) RETURN p {.*} AS p", k=power)[0]["p"]
    name, password = make_user("editor")
    login(client, name, password)
    url = f"/edit/power/{quote(power, safe='')}"
    data = _form_data(before)
    data["csrf_token"] = csrf_token(client.get(url).get_data(as_text=True))
    data["basis_text"] = "【法律】《中华人民共和国安全生产法》第一条 为了加强安全生产工作……编辑所写依据"
    data["responsibility_text"] = "直接实施责任：\n1.受理责任：依法受理编辑所写职责。\n2.决定责任：依法决定。"
    try:
        assert client.post(url, data=data).status_code == 302
        cites = loaded.read("MATCH (p:Power {key: $k})-[c:CITES {field: 'basis'}]->(l) "
                            "RETURN l.key AS law, c.article AS article", k=power)
        assert cites == [{"law": "安全生产法", "article": 1}]
        assert loaded.read("MATCH (p:Power {key: $k})-[:BASED_ON {field: 'basis'}]->(a) RETURN a.key AS a",
                           k=power) == [{"a": "安全生产法#1"}]
        duties = loaded.read("MATCH (p:Power {key: $k})-[:HAS_RESPONSIBILITY]->(r) RETURN r.stage AS s "
                             "ORDER BY r.seq", k=power)
        assert [d["s"] for d in duties] == ["受理", "决定"]
        # search finds the power by the words of its new basis, its responsibility by the new duty's
        found = client.get("/search.json?q=" + quote("编辑所写依据")).get_json()["results"]
        assert [(r["label"], r["key"]) for r in found] == [("Power", power)]
        found = client.get("/search.json?q=" + quote("编辑所写职责")).get_json()["results"]
        assert [r["label"] for r in found] == ["Responsibility"] and found[0]["key"].startswith(power)
    finally:  # put back what the import derived from the original texts
        with loaded.session() as session:
            session.execute_write(lambda tx: [rederive(tx, power, f, before.get(f) or "")
                                              for f in ("basis_text", "responsibility_text")])
