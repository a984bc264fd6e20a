"""Uploading a list in the browser: checked, previewed per department, confirmed or cancelled."""
from __future__ import annotations

import io
import secrets
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kb.db import Graph
from tests.conftest import KARAMAY, SHARED_DATA
from tests.e2e.conftest import csrf_token, login
from tests.unit.test_archives import write_rar5

pytestmark = pytest.mark.e2e

STATS = KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"


def broken(tmp_path: Path) -> Path:
    """The statistics bureau's list with an empty 事项名称 in row 5 (an error) and an unknown type (a warning)."""
    wb = openpyxl.load_workbook(STATS)
    ws = wb.worksheets[0]
    ws.cell(3, 4).value = "随便什么"
    ws.cell(5, 2).value = None
    path = tmp_path / "broken" / STATS.name
    path.parent.mkdir()
    wb.save(path)
    return path


def renamed(tmp_path: Path) -> Path:
    """A 2026 version of the same list with one power's 备注 changed."""
    wb = openpyxl.load_workbook(STATS)
    ws = wb.worksheets[0]
    ws.cell(1, 5).value = str(ws.cell(1, 5).value).replace("2025", "2026")
    ws.cell(3, 15).value = "新备注"
    path = tmp_path / "2026" / STATS.name.replace("2025", "2026")
    path.parent.mkdir()
    wb.save(path)
    return path


def upload(client, path: Path | None = None, *, data: bytes | None = None, name: str | None = None,
           token: bool = True, more: tuple[Path, ...] = ()):
    form = client.get("/imports/new").get_data(as_text=True)
    body = {"file": [(io.BytesIO(data if data is not None else path.read_bytes()), name or path.name),
                     *((io.BytesIO(p.read_bytes()), p.name) for p in more)]}
    if token:
        body["csrf_token"] = csrf_token(form)
    return client.post("/imports/new", data=body, content_type="multipart/form-data")


@pytest.fixture
def uploads(web_app, tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "uploads"
    monkeypatch.setitem(web_app.config, "KB_UPLOAD_DIR", str(folder))
    return folder


def test_the_upload_routes_need_an_editor_and_a_csrf_token(client, make_user, uploads, loaded: Graph):
    runs = loaded.read("MATCH (r:ImportRun) RETURN count(r) AS n")[0]["n"]
    assert client.get("/imports/new").status_code == 302
    page = client.get("/login").get_data(as_text=True)
    anonymous = client.post("/imports/new", data={"csrf_token": csrf_token(page),
                                                  "file": (io.BytesIO(STATS.read_bytes()), STATS.name)},
                            content_type="multipart/form-data")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    for route in ("confirm", "cancel"):
        response = client.post(f"/imports/upload/{'0' * 32}/{route}", data={"csrf_token": csrf_token(page)})
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    name, password = make_user("viewer")
    login(client, name, password)
    assert client.get("/imports/new").status_code == 403
    page = client.get("/").get_data(as_text=True)
    assert client.post("/imports/new", data={"csrf_token": csrf_token(page)}).status_code == 403
    assert client.post(f"/imports/upload/{'0' * 32}/confirm", data={"csrf_token": csrf_token(page)}).status_code == 403
    client.post("/logout", data={"csrf_token": csrf_token(page)})
    name, password = make_user("editor")
    login(client, name, password)
    assert upload(client, STATS, token=False).status_code == 400
    assert not uploads.exists() or not any(uploads.iterdir())
    assert loaded.read("MATCH (r:ImportRun) RETURN count(r) AS n")[0]["n"] == runs


def test_an_upload_with_errors_shows_them_and_writes_nothing(client, make_user, uploads, tmp_path, loaded: Graph):
    login(client, *make_user("editor"))
    before = loaded.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    response = upload(client, broken(tmp_path))
    assert response.status_code == 302
    token = response.headers["Location"].rstrip("/").rsplit("/", 1)[-1]
    folder = uploads / token
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert oct((folder / "files" / STATS.name).stat().st_mode & 0o777) == "0o600"
    html = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    assert "事项名称为空" in html and 'id="confirm-form"' not in html
    found = client.get(f"/imports/upload/{token}.json").get_json()
    assert found["preview"]["status"] == "refused"
    assert {(e["sheet"], e["row"], e["column"]) for e in found["preview"]["errors"]} == {("Sheet1", 5, "B")}
    assert found["preview"]["warnings"][0]["row"] == 3
    assert loaded.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == before
    page = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    assert client.post(f"/imports/upload/{token}/cancel", data={"csrf_token": csrf_token(page)}).status_code == 302
    assert not folder.exists()
    assert client.get(f"/imports/upload/{token}").status_code == 404


def test_type_and_size_are_checked_before_parsing(client, make_user, uploads, web_app, monkeypatch):
    login(client, *make_user("editor"))
    response = upload(client, data=b"\x89PNG\r\n\x1a\n" + b"\x00" * 9000, name="清单.xlsx")
    assert response.status_code == 400 and "不是表格文件" in response.get_data(as_text=True)
    assert upload(client, data=b"x", name="清单.exe").status_code == 400
    rar = write_rar5(uploads.parent / "清单.rar", {STATS.name: STATS.read_bytes()})
    accepted = upload(client, rar)  # (an archive passes the type check: it is unpacked as kb import unpacks it)
    assert accepted.status_code == 302
    token = accepted.headers["Location"].rsplit("/", 1)[-1]
    [found] = client.get(f"/imports/upload/{token}.json").get_json()["preview"]["files"]
    assert (found["path"], found["status"], found["records"]) == (f"清单.rar/{STATS.name}", "valid", 3)
    page = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    client.post(f"/imports/upload/{token}/cancel", data={"csrf_token": csrf_token(page)})
    long = "克拉玛依市" * 30 + "统计局权责清单.xlsx"  # (450 bytes in UTF-8: more than a disk takes in a name)
    accepted = upload(client, STATS, name=long)
    assert accepted.status_code == 302
    token = accepted.headers["Location"].rsplit("/", 1)[-1]
    [kept] = client.get(f"/imports/upload/{token}.json").get_json()["meta"]["files"]
    assert kept.endswith(".xlsx") and len(kept.encode()) <= 200 and long.startswith(kept[:-5])
    page = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    client.post(f"/imports/upload/{token}/cancel", data={"csrf_token": csrf_token(page)})
    monkeypatch.setitem(web_app.config, "KB_UPLOAD_MAX", 1000)
    assert upload(client, STATS).status_code == 413
    assert not any(uploads.iterdir())


def editor_client(graph: Graph, tmp_path: Path):
    """(a test client of an app on `graph` that takes uploads into tmp_path, logged in as a new editor; the editor's name)."""
    from webui import create_app
    from webui.users import add_user

    app = create_app({"KB_GRAPH": graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                      "KB_UPLOAD_DIR": str(tmp_path / "uploads")})
    client = app.test_client()
    name, password = f"test-editor-{secrets.token_hex(4)}", secrets.token_urlsafe(12)
    add_user(graph, name, password, "editor")
    login(client, name, password)
    return client, name


def test_an_editor_previews_confirms_and_sees_the_import(scratch: Graph, tmp_path: Path):
    client, name = editor_client(scratch, tmp_path)

    token = upload(client, STATS).headers["Location"].rsplit("/", 1)[-1]
    found = client.get(f"/imports/upload/{token}.json").get_json()["preview"]
    assert found["status"] == "valid"
    [change] = found["changes"]
    assert change["department"] == "克拉玛依市统计局" and change["counts"]["added"] == 3 and change["old"] == ""
    assert scratch.read("MATCH (p:Power) RETURN count(p) AS n")[0]["n"] == 0  # nothing written yet

    page = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    client.post(f"/imports/upload/{token}/confirm", data={"csrf_token": csrf_token(page), "reason": ""})
    assert scratch.read("MATCH (p:Power) RETURN count(p) AS n")[0]["n"] == 0  # a reason is required
    response = client.post(f"/imports/upload/{token}/confirm", data={"csrf_token": csrf_token(page),
                                                                     "reason": "2025年清单发布"})
    assert response.status_code == 302
    state = _finished(client, token)
    assert state["status"] == "imported" and state["run_id"]
    assert scratch.read("MATCH (d:Department {name: '克拉玛依市统计局'})-[:HOLDS]->(p) RETURN count(p) AS n")[0]["n"] == 3
    audit = scratch.read("MATCH (e:Edit)-[:EDITS]->(r:ImportRun {id: $id}) RETURN e {.*} AS e", id=state["run_id"])
    assert audit and audit[0]["e"]["who"] == name and audit[0]["e"]["reason"] == "2025年清单发布"
    html = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    assert f"/imports/{state['run_id']}" in html

    token = upload(client, renamed(tmp_path)).headers["Location"].rsplit("/", 1)[-1]
    [change] = client.get(f"/imports/upload/{token}.json").get_json()["preview"]["changes"]
    assert (change["old"], change["new"]) == ("2025", "2026")
    assert change["effect"] == "replaces"
    assert change["counts"] == {"added": 0, "removed": 0, "renamed": 0, "changed": 1, "unchanged": 2, "duplicates": 0}
    assert change["changed"][0]["changes"][0]["field"] == "remarks"
    assert change["changed"][0]["changes"][0]["new"] == "新备注"
    # Confirmed with the date it is in force from, as `kb import --in-force-from`: a bad date imports nothing.
    page = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    assert 'id="in-force-from"' in page
    client.post(f"/imports/upload/{token}/confirm", data={"csrf_token": csrf_token(page), "reason": "2026年清单",
                                                          "in_force_from": "2026-13-01"})
    assert not scratch.read("MATCH (v:ListVersion {version: '2026'}) RETURN v")
    client.post(f"/imports/upload/{token}/confirm", data={"csrf_token": csrf_token(page), "reason": "2026年清单",
                                                          "in_force_from": "2026-03-01"})
    assert _finished(client, token)["status"] == "imported"
    dates = scratch.read("MATCH (v:ListVersion) RETURN v.version AS v, v.in_force_from AS start, "
                         "v.in_force_until AS until ORDER BY v.version")
    assert dates == [{"v": "2025", "start": "2025-01-01", "until": "2026-03-01"},
                     {"v": "2026", "start": "2026-03-01", "until": None}]


def _finished(client, token: str) -> dict:
    deadline = time.time() + 120
    while time.time() < deadline:
        state = client.get(f"/imports/upload/{token}.json").get_json()["state"]
        if state and state["state"] != "running":
            return state
        time.sleep(0.3)
    raise AssertionError("the import did not finish")


ARCHIVES = KARAMAY / "克拉玛依市档案局2024年权责清单.xlsx"
LAW = SHARED_DATA / "laws" / "行政许可法(2019-04-23).md"


def test_several_files_and_a_zip_are_previewed_each_and_the_valid_ones_imported(scratch: Graph, tmp_path: Path):
    """A .zip of two lists (one with an error) and a law beside it: each file checked and shown with its department;
    confirming imports the valid ones, each with its own run and audit entry; the broken one writes nothing."""
    client, name = editor_client(scratch, tmp_path)
    bundle = tmp_path / "附件.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr(STATS.name, STATS.read_bytes())
        zf.writestr("有错误/" + STATS.name.replace("统计局", "档案局"), broken(tmp_path).read_bytes())
        zf.writestr(ARCHIVES.name, ARCHIVES.read_bytes())
    token = upload(client, bundle, more=(LAW, STATS)).headers["Location"].rsplit("/", 1)[-1]
    found = client.get(f"/imports/upload/{token}.json").get_json()
    preview = found["preview"]
    assert found["meta"]["files"] == ["附件.zip", LAW.name, STATS.name]
    assert [(f["path"], f["status"]) for f in preview["files"]] == [
        (f"附件.zip/{STATS.name}", "valid"), (f"附件.zip/有错误/{STATS.name.replace('统计局', '档案局')}", "refused"),
        (f"附件.zip/{ARCHIVES.name}", "valid"), (LAW.name, "valid"), (STATS.name, "unchanged")]
    assert preview["files"][-1]["warnings"][0]["message"] == f"与 附件.zip/{STATS.name} 内容完全相同"  # (checked once)
    assert preview["status"] == "valid" and preview["kind"] == "mixed"
    assert {e["file"] for e in preview["errors"]} == {f"附件.zip/有错误/{STATS.name.replace('统计局', '档案局')}"}
    assert sorted((c["department"], c["counts"]["added"]) for c in preview["changes"]) == [
        ("克拉玛依市档案局", 12), ("克拉玛依市统计局", 3)]
    html = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    assert 'id="files"' in html and "有错误的文件不导入" in html and 'id="confirm-form"' in html
    assert scratch.read("MATCH (n) WHERE n:Power OR n:Law OR n:ImportRun RETURN count(n) AS n")[0]["n"] == 0

    client.post(f"/imports/upload/{token}/confirm", data={"csrf_token": csrf_token(html), "reason": "批量上传"})
    state = _finished(client, token)
    assert state["status"] == "imported"
    assert sorted((f["path"], f["status"]) for f in state["files"]) == sorted([
        (LAW.name, "imported"), (f"附件.zip/{STATS.name}", "imported"), (f"附件.zip/{ARCHIVES.name}", "imported"),
        (f"附件.zip/有错误/{STATS.name.replace('统计局', '档案局')}", "refused"), (STATS.name, "unchanged")])
    held = scratch.read("MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS d, count(p) AS n ORDER BY d")
    assert held == [{"d": "克拉玛依市档案局", "n": 12}, {"d": "克拉玛依市统计局", "n": 3}]
    audit = scratch.read("MATCH (e:Edit)-[:EDITS]->(r:ImportRun) RETURN e.who AS who, e.reason AS why, "
                         "e.after AS file ORDER BY file")
    assert [(a["who"], a["why"]) for a in audit] == [(name, "批量上传")] * 3
    assert sorted(a["file"] for a in audit) == sorted([LAW.name, f"附件.zip/{STATS.name}", f"附件.zip/{ARCHIVES.name}"])
    html = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    assert html.count("/imports/20") >= 3  # (each file's run linked)


def relabelled(tmp_path: Path, year: str, remark: str) -> Path:
    """The statistics bureau's list labelled `year`, one 备注 changed (so it is another file)."""
    wb = openpyxl.load_workbook(STATS)
    ws = wb.worksheets[0]
    ws.cell(1, 5).value = str(ws.cell(1, 5).value).replace("2025", year)
    ws.cell(3, 15).value = remark
    path = tmp_path / f"{year}-{remark}" / STATS.name.replace("2025", year)
    path.parent.mkdir()
    wb.save(path)
    return path


def test_the_preview_says_what_the_import_does_to_the_current_list(scratch: Graph, tmp_path: Path):
    """A second file of the same version is another part of it (nothing removed: its powers that are already
    listed are shown as duplicates, and importing it lists them twice, as previewed); an older version is kept
    as history and changes nothing. A new user saw "删除 3" for a file whose import removed nothing."""
    client, _name = editor_client(scratch, tmp_path)
    first = upload(client, STATS).headers["Location"].rsplit("/", 1)[-1]
    page = client.get(f"/imports/upload/{first}").get_data(as_text=True)
    client.post(f"/imports/upload/{first}/confirm", data={"csrf_token": csrf_token(page), "reason": "2025年清单"})
    assert _finished(client, first)["status"] == "imported"

    again = upload(client, STATS).headers["Location"].rsplit("/", 1)[-1]  # the same file: it changes nothing
    found = client.get(f"/imports/upload/{again}.json").get_json()["preview"]
    assert found["already_imported"] and found["changes"] == []
    assert "导入后将列出两次" not in client.get(f"/imports/upload/{again}").get_data(as_text=True)

    token = upload(client, relabelled(tmp_path, "2025", "更正")).headers["Location"].rsplit("/", 1)[-1]
    [change] = client.get(f"/imports/upload/{token}.json").get_json()["preview"]["changes"]
    assert change["effect"] == "part" and (change["old"], change["new"]) == ("2025", "2025")
    assert change["counts"]["removed"] == 0 and change["counts"]["added"] == 0 and change["counts"]["duplicates"] == 3
    assert {d["matched_by"] for d in change["duplicates"]} == {"name"}  # (the list has no codes)
    html = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    assert "现行版本 2025 的另一部分" in html and "导入后将列出两次" in html and "删除 0" not in html
    assert "名称相同" in html  # each duplicate is a row, with how it matched
    client.post(f"/imports/upload/{token}/confirm", data={"csrf_token": csrf_token(html), "reason": "更正"})
    assert _finished(client, token)["status"] == "imported"
    held = "MATCH (:Department {name: '克拉玛依市统计局'})-[:HOLDS]->(p) RETURN count(p) AS n"
    assert scratch.read(held)[0]["n"] == 6  # as the preview said: nothing removed, the three listed twice

    token = upload(client, relabelled(tmp_path, "2024", "旧")).headers["Location"].rsplit("/", 1)[-1]
    [change] = client.get(f"/imports/upload/{token}.json").get_json()["preview"]["changes"]
    assert change["effect"] == "history" and change["counts"]["removed"] == change["counts"]["added"] == 0
    html = client.get(f"/imports/upload/{token}").get_data(as_text=True)
    assert "早于现行清单 2025：作为历史版本保存，现行清单不变" in html
    client.post(f"/imports/upload/{token}/confirm", data={"csrf_token": csrf_token(html), "reason": "旧清单"})
    assert _finished(client, token)["status"] == "imported"
    assert scratch.read(held)[0]["n"] == 6
