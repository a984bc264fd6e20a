"""Reports of the analyses: lists, filters, exports, a page per finding, and recording a resolution."""
from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from tests.e2e.conftest import csrf_token, login

pytestmark = pytest.mark.e2e


def test_index_counts_findings_by_area_and_rule(client):
    data = client.get("/reports.json").get_json()
    areas = {a["area"]: a for a in data["areas"]}
    assert set(areas) == {"overlaps", "gaps", "chains", "consistency", "services", "laws"}
    kinds = {k["kind"]: k for k in areas["overlaps"]["kinds"]}
    assert kinds["shared_article"]["open"] > 50
    assert not [k for k in areas["gaps"]["kinds"] if k["kind"] == "law_not_loaded"]


def test_laws_to_load_are_a_ranked_worklist_outside_the_gaps(client):
    data = client.get("/reports/laws.json").get_json()
    ranked = data["laws"]
    assert len(ranked) > 500 and ranked[0]["powers"] >= ranked[-1]["powers"]
    assert ranked[0]["law"] == "《国土资源部关于印发〈国土资源违法行为查处工作规程〉的通知》" and ranked[0]["powers"] == 120
    html = client.get("/reports/laws").get_data(as_text=True)
    assert 'id="laws-to-load"' in html and "法律待入库" in html
    dashboard = client.get("/").get_data(as_text=True)
    assert 'id="laws-to-load"' in dashboard


def test_area_filters_sorts_and_paginates(client):
    data = client.get("/reports/overlaps.json").get_json()
    assert data["total"] > 50 and len(data["findings"]) == 50 and data["pager"]["pages"] >= 2
    scores = [f["score"] for f in data["findings"]]
    assert scores == sorted(scores, reverse=True)
    department = data["findings"][0]["departments"][0]
    mine = client.get("/reports/overlaps.json?department=" + quote(department)).get_json()
    assert 0 < mine["total"] <= data["total"] and all(department in f["departments"] for f in mine["findings"])
    similar = client.get("/reports/overlaps.json?kind=similar_name").get_json()
    assert all(f["kind"] == "similar_name" for f in similar["findings"])
    by_kind = client.get("/reports/gaps.json?sort=kind").get_json()
    kinds = [f["kind"] for f in by_kind["findings"]]
    assert kinds == sorted(kinds)


def test_a_report_filtered_by_a_place_takes_in_the_places_within_it(client):
    every = client.get("/reports/gaps.json").get_json()["total"]
    city = client.get("/reports/gaps.json?jurisdiction=" + quote("克拉玛依市")).get_json()
    assert 0 < city["total"] and {f["jurisdiction"] for f in city["findings"]} == {"克拉玛依市"}
    region = client.get("/reports/gaps.json?jurisdiction=650000").get_json()  # 新疆's area code: the city within it
    assert region["total"] == city["total"] <= every
    assert client.get("/reports/gaps.json?jurisdiction=" + quote("湖南省")).get_json()["total"] == 0
    services = client.get("/reports/services.json?jurisdiction=430000&all=1").get_json()
    assert services["total"] > 0 and all(f["jurisdiction"] != "克拉玛依市" for f in services["findings"])
    html = client.get("/reports/gaps?jurisdiction=" + quote("克拉玛依市")).get_data(as_text=True)
    assert 'name="jurisdiction" value="克拉玛依市"' in html
    text = client.get("/reports/gaps.csv?jurisdiction=" + quote("湖南省")).get_data(as_text=True).lstrip("\ufeff")
    assert len(list(csv.reader(io.StringIO(text)))) == 1  # the header alone

    # the 部门 choice lists the chosen place's departments (test_chain_places: of two places' findings in one area)
    for area in ("overlaps", "gaps", "chains", "consistency", "services"):
        every_department = set(client.get(f"/reports/{area}.json").get_json()["options"]["department"] or [])
        for place, in_xinjiang in (("克拉玛依市", True), ("湖南省", False)):
            here = set(client.get(f"/reports/{area}.json?jurisdiction=" + quote(place)).get_json()["options"][
                "department"])
            assert here <= every_department, (area, here)
            assert all(d.startswith("克拉玛依") == in_xinjiang for d in here), (area, place, here)
    hunan = client.get("/reports/gaps.json?jurisdiction=" + quote("湖南省") + "&department=" + quote("浏阳市财政局"))
    assert hunan.get_json()["options"]["department"] == ["浏阳市财政局"]  # (the choice in force stays shown)


def test_exports_hold_every_filtered_finding(client):
    data = client.get("/reports/overlaps.json?kind=similar_name").get_json()
    text = client.get("/reports/overlaps.csv?kind=similar_name").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "编号" and len(rows) == data["total"] + 1
    book = load_workbook(io.BytesIO(client.get("/reports/overlaps.xlsx").data))
    assert book.active.max_row == client.get("/reports/overlaps.json").get_json()["total"] + 1
    everything = client.get("/reports/overlaps.json?all=1").get_json()
    assert len(everything["findings"]) == everything["total"] and everything["findings"][0]["evidence"]


def test_a_finding_shows_its_powers_and_evidence_side_by_side(client, samples):
    data = client.get(f"/reports/finding/{samples['finding']}.json").get_json()
    assert data["finding"]["kind"] == "shared_article" and len(data["powers"]) >= 2
    assert {p["power"]["department"] for p in data["powers"]} == set(data["finding"]["departments"])
    html = client.get(f"/reports/finding/{samples['finding']}").get_data(as_text=True)
    assert 'id="powers-side-by-side"' in html and 'id="evidence"' in html
    assert client.get("/reports/finding/000000000000").status_code == 404


def test_recording_a_resolution_needs_an_editor_and_a_token(client, make_user, samples, loaded):
    fid = samples["finding"]
    url = f"/reports/finding/{fid}/status"
    assert client.post(url, data={}).status_code in (302, 400)  # not logged in: to the login page
    viewer, password = make_user("viewer")
    login(client, viewer, password)
    token = csrf_token(client.get("/").get_data(as_text=True))
    assert client.post(url, data={"accept-action": "accept", "accept-basis": "x"}).status_code == 400  # no token
    assert client.post(url, data={"csrf_token": token, "accept-action": "accept",
                                  "accept-basis": "x"}).status_code == 403  # a viewer may not
    assert 'id="accept-form"' not in client.get(f"/reports/finding/{fid}").get_data(as_text=True)
    editor, password = make_user("editor")
    client2 = client.application.test_client()
    login(client2, editor, password)
    page = client2.get(f"/reports/finding/{fid}").get_data(as_text=True)
    assert 'id="resolve-form"' in page
    departments = client2.get(f"/reports/finding/{fid}.json").get_json()["finding"]["departments"]
    try:
        response = client2.post(url, data={"csrf_token": csrf_token(page), "resolve-action": "resolve",
                                           "resolve-lead": departments[0], "resolve-cooperating": departments[1:],
                                           "resolve-basis": "测试：编办协调会议纪要"})
        assert response.status_code == 302
        data = client2.get(f"/reports/finding/{fid}.json").get_json()["finding"]
        assert data["status"] == "resolved" and data["resolution"]["lead"] == departments[0]
        assert data["resolution"]["resolved_by"] == editor
        audit = client2.get("/edits.json").get_json()["edits"]  # in the audit list, with who and why
        assert {(e["entity_key"], e["who"], e["reason"]) for e in audit if e["entity_label"] == "Finding"} >= \
            {(fid, editor, "测试：编办协调会议纪要")}
        opened = client2.get("/reports/overlaps.json?status=open&all=1").get_json()
        assert fid not in {f["id"] for f in opened["findings"]}
        page = client2.get(f"/reports/finding/{fid}").get_data(as_text=True)
        client2.post(url, data={"csrf_token": csrf_token(page), "reopen-action": "reopen"})
        assert client2.get(f"/reports/finding/{fid}.json").get_json()["finding"]["status"] == "open"
    finally:
        loaded.write("MATCH (f:Finding {id: $id}) DETACH DELETE f", id=fid)


def _editor(client, make_user):
    assert login(client, *make_user("editor")).status_code == 302
    return client


def _outsider(loaded, finding: dict) -> str:
    """A department of the finding's jurisdiction that the overlap does not involve."""
    rows = loaded.read("MATCH (d:Department)-[:IN_JURISDICTION]->(:Jurisdiction {name: $j}) "
                       "WHERE NOT d.name IN $involved RETURN d.name AS name ORDER BY name LIMIT 1",
                       j=finding["jurisdiction"], involved=finding["departments"])
    assert rows, "the jurisdiction has only the departments involved"
    return rows[0]["name"]


def _reopen(loaded, ids: list[str]) -> None:
    from kb.analyses import stored

    loaded.write("MATCH (f:Finding) WHERE f.id IN $ids DETACH DELETE f", ids=ids)
    for i in ids:
        stored.set_status(loaded, i, "open", None)


def test_naming_a_department_not_involved_needs_a_reason(client, make_user, samples, loaded):
    fid = samples["finding"]
    editor = _editor(client, make_user)
    finding = editor.get(f"/reports/finding/{fid}.json").get_json()["finding"]
    outsider = _outsider(loaded, finding)
    page = editor.get(f"/reports/finding/{fid}").get_data(as_text=True)
    assert 'name="resolve-other_reason"' in page and "其他部门（须说明理由）" in page and f">{outsider}<" in page
    form = {"csrf_token": csrf_token(page), "resolve-action": "resolve", "resolve-lead": outsider,
            "resolve-cooperating": finding["departments"], "resolve-basis": "市编办协调会议纪要"}
    try:
        refused = editor.post(f"/reports/finding/{fid}/status", data=form)
        assert refused.status_code == 400
        html = refused.get_data(as_text=True)
        assert "不是本项职责交叉涉及的部门" in html and "必填：所选部门不在涉及的部门之中" in html
        assert "市编办协调会议纪要" in html  # what was typed is kept
        assert editor.get(f"/reports/finding/{fid}.json").get_json()["finding"]["status"] == "open"
        assert not loaded.read("MATCH (f:Finding {id: $id}) RETURN f", id=fid)
        done = editor.post(f"/reports/finding/{fid}/status", data=form | {"resolve-other_reason": "市政府指定由其统筹"})
        assert done.status_code == 302
        data = editor.get(f"/reports/finding/{fid}.json").get_json()["finding"]
        assert data["status"] == "resolved" and data["resolution"]["lead"] == outsider
        assert "市政府指定由其统筹" in data["resolution"]["basis"]
    finally:
        _reopen(loaded, [fid])


def _group_with_several_open(loaded) -> tuple[str, list[str]]:
    row = loaded.read("MATCH (f:StoredFinding) WHERE f.area = 'overlaps' AND f.status = 'open' AND f.group <> '' "
                      "WITH f.group AS g, collect(f.id) AS ids WHERE size(ids) >= 3 "
                      "RETURN g, ids ORDER BY size(ids), g LIMIT 1")[0]
    return row["g"], sorted(row["ids"])


def test_a_group_of_overlaps_is_resolved_at_once(client, make_user, loaded):
    group, ids = _group_with_several_open(loaded)
    url = f"/reports/group/{group}/resolve"
    assert client.post(url, data={}).status_code in (302, 400)  # not logged in
    viewer = client.application.test_client()
    login(viewer, *make_user("viewer"))
    token = csrf_token(viewer.get("/").get_data(as_text=True))
    assert viewer.post(url, data={"csrf_token": token}).status_code == 403
    editor = _editor(client.application.test_client(), make_user)
    page = editor.get(f"/reports/finding/{ids[0]}").get_data(as_text=True)
    assert 'id="group-resolve-form"' in page and 'id="group"' in page
    assert f"待处理的职责交叉共{len(ids)}项" in page
    departments = editor.get(f"/reports/finding/{ids[0]}.json").get_json()["finding"]["departments"]
    form = {"csrf_token": csrf_token(page), "finding": ids[0], "group-lead": departments[0],
            "group-cooperating": departments[1:], "group-basis": "x"}
    try:
        assert editor.post(url, data={k: v for k, v in form.items() if k != "csrf_token"}).status_code == 400
        short = editor.post(url, data=form)  # a one-character basis is refused, nothing recorded
        assert short.status_code == 302
        assert "过短" in editor.get(f"/reports/finding/{ids[0]}").get_data(as_text=True)
        assert not loaded.read("MATCH (f:Finding) WHERE f.id IN $ids RETURN f", ids=ids)
        done = editor.post(url, data=form | {"group-basis": "编办关于职责分工的通知"})
        assert done.status_code == 302 and done.headers["Location"].endswith(f"/reports/finding/{ids[0]}")
        records = loaded.read("MATCH (f:Finding) WHERE f.id IN $ids RETURN f.id AS id, f.lead AS lead, "
                              "f.resolved_by AS who, f.basis AS basis", ids=ids)
        assert sorted(r["id"] for r in records) == ids  # one record per finding, each audited
        assert {(r["lead"], r["basis"]) for r in records} == {(departments[0], "编办关于职责分工的通知")}
        assert len({r["who"] for r in records}) == 1
        audit = editor.get("/edits.json").get_json()["edits"]
        assert set(ids) <= {e["entity_key"] for e in audit if e["entity_label"] == "Finding"}
        statuses = {i: editor.get(f"/reports/finding/{i}.json").get_json()["finding"]["status"] for i in ids}
        assert set(statuses.values()) == {"resolved"}
    finally:
        _reopen(loaded, ids)
