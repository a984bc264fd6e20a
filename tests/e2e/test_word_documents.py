"""A folder as an office has it: its list as a Word table, the laws it cites as the national law database gives them
(Word) and as copied from a site (GBK text, no marks), and a Word note beside them. One `kb import` reads each as
what it is, links the list's citations to the laws' articles in the same run, and says why the note was skipped."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.db import Graph
from tests.conftest import SHARED_DATA, ManagedServer, run_kb, write_docx
from tests.unit.test_documents import _published, transport_list

pytestmark = pytest.mark.e2e

LAWS = SHARED_DATA / "laws"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "醴陵"
    folder.mkdir()
    write_docx(folder / "行政许可法.docx", _published(LAWS / "行政许可法(2019-04-23).md", spaced=False))
    (folder / "中华人民共和国行政处罚法.txt").write_bytes(
        "\r\n".join(_published(LAWS / "行政处罚法(2021-01-22).md")).encode("gb18030"))
    write_docx(folder / "醴陵市交通运输局权责清单.docx", transport_list(
        "醴陵市交通运输局权责清单", "《中华人民共和国行政许可法》第二十九条", "《中华人民共和国行政处罚法》第五十一条"))
    write_docx(folder / "关于公布权责清单的说明.docx", ["关于公布权责清单的说明", "本清单自公布之日起施行。"])
    return folder


def test_a_folder_of_word_lists_and_laws_as_published_is_imported_and_linked(scratch_server: ManagedServer,
                                                                            tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    proc = run_kb(scratch_server, "import", "--json", str(folder))
    assert proc.returncode == 0, proc.stderr
    files = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    assert {name: (f["kind"], f["status"], f["records"]) for name, f in files.items()} == {
        "行政许可法.docx": ("law", "imported", 83), "中华人民共和国行政处罚法.txt": ("law", "imported", 86),
        "醴陵市交通运输局权责清单.docx": ("list", "imported", 3),
        "关于公布权责清单的说明.docx": ("unknown", "skipped", 0)}
    assert files["关于公布权责清单的说明.docx"]["warnings"][0]["message"].startswith("Word 文档中既没有")
    g = scratch_server.graph
    laws = g.read("MATCH (l:Law) WHERE l.loaded RETURN l.title AS t, l.version_date AS d, l.article_count AS n ORDER BY t")
    assert [(r["t"], r["d"], r["n"]) for r in laws] == [("中华人民共和国行政处罚法", "2021-01-22", 86),
                                                        ("中华人民共和国行政许可法", "2019-04-23", 83)]
    # the department placed in its city and province; each power based on the article it cites, in the same run
    place = g.read("MATCH (:Department {name: '醴陵市交通运输局'})-[:IN_JURISDICTION]->(j)-[:WITHIN*]->(up) "
                   "RETURN j.name AS j, collect(up.name) AS up")
    assert (place[0]["j"], place[0]["up"]) == ("醴陵市", ["株洲市", "湖南省"])
    based = g.read("MATCH (p:Power)-[:BASED_ON]->(a:Article) RETURN p.name AS p, a.key AS a, p.source_row AS row, "
                   "p.source_sheet AS sheet ORDER BY p.name")
    assert [(r["p"], r["a"].split("#")[1], r["row"], r["sheet"]) for r in based] == [
        ("公路超限运输许可（县内）", "29", 4, "醴陵市交通运输局权责清单"),
        ("公路超限运输许可（跨县）", "29", 3, "醴陵市交通运输局权责清单"),
        ("对擅自占用公路的处罚", "51", 6, "醴陵市交通运输局权责清单")]
    # the article as the power page shows it: its text, read from the Word document
    text = g.read("MATCH (:Law {title: '中华人民共和国行政许可法'})-[:HAS_ARTICLE]->(a:Article {number: 29}) "
                  "RETURN a.text AS t")[0]["t"]
    assert text.startswith("公民、法人或者其他组织从事特定活动，依法需要取得行政许可的")
    # the same folder again: nothing changes
    again = json.loads(run_kb(scratch_server, "import", "--json", str(folder)).stdout)
    assert [f["status"] for f in again["files"] if f["kind"] != "unknown"] == ["unchanged"] * 3
    assert again["nodes_created"] == 0


def test_an_editor_uploads_a_word_list_and_sees_what_it_would_add(scratch: Graph, tmp_path: Path) -> None:
    from tests.e2e.test_web_imports import editor_client, upload

    client, _ = editor_client(scratch, tmp_path)
    assert ".docx" in client.get("/imports/new").get_data(as_text=True)  # the form says it takes one
    path = _folder(tmp_path) / "醴陵市交通运输局权责清单.docx"
    token = upload(client, path).headers["Location"].rsplit("/", 1)[-1]
    preview = client.get(f"/imports/upload/{token}.json").get_json()["preview"]
    assert preview["status"] == "valid"
    [change] = preview["changes"]
    assert (change["department"], change["counts"]["added"]) == ("醴陵市交通运输局", 3)


def test_a_list_and_a_law_published_as_pdf_are_imported_linked_and_shown(scratch_server: ManagedServer,
                                                                          tmp_path: Path) -> None:
    from urllib.parse import quote

    from tests.conftest import write_pdf
    from tests.e2e.test_web_imports import editor_client

    folder = tmp_path / "攸县"
    folder.mkdir()
    write_pdf(folder / "行政许可法.pdf", _published(LAWS / "行政许可法(2019-04-23).md"))
    write_pdf(folder / "攸县交通运输局权责清单.pdf", transport_list(
        "攸县交通运输局权责清单", "《中华人民共和国行政许可法》第二十九条", "《中华人民共和国公路法》第八十一条"),
        running="攸县交通运输局权责清单")
    proc = run_kb(scratch_server, "import", "--json", str(folder))
    assert proc.returncode == 0, proc.stderr
    files = {Path(f["path"]).name: (f["kind"], f["status"], f["records"]) for f in json.loads(proc.stdout)["files"]}
    assert files == {"行政许可法.pdf": ("law", "imported", 83), "攸县交通运输局权责清单.pdf": ("list", "imported", 3)}
    g = scratch_server.graph
    based = g.read("MATCH (:Department {name: '攸县交通运输局'})-[:HOLDS]->(p:Power)-[:BASED_ON]->(a:Article) "
                   "RETURN p.name AS p, a.key AS a, p.source_row AS row, p.key AS key ORDER BY p.name")
    assert [(r["p"], r["a"].split("#")[1], r["row"]) for r in based] == [
        ("公路超限运输许可（县内）", "29", 4), ("公路超限运输许可（跨县）", "29", 3)]
    place = g.read("MATCH (:Department {name: '攸县交通运输局'})-[:IN_JURISDICTION]->(j)-[:WITHIN*]->(up) "
                   "RETURN j.name AS j, collect(up.name) AS up")
    assert (place[0]["j"], place[0]["up"]) == ("攸县", ["株洲市", "湖南省"])
    client, _ = editor_client(g, tmp_path)
    page = client.get(f"/powers/{quote(based[0]['key'], safe='')}").get_data(as_text=True)
    assert "攸县交通运输局权责清单.pdf · 表格 攸县交通运输局权责清单 · 行 4" in page  # where a reader finds the row
    assert ".pdf" in client.get("/imports/new").get_data(as_text=True)  # the upload form takes a PDF


def test_a_folder_published_as_one_zip_is_imported_as_the_folder(scratch_server: ManagedServer, tmp_path: Path) -> None:
    """The same folder as one attachment (醴陵.zip, names in GBK as Chinese Windows writes them): each file imported
    and linked as from the folder, each named by the archive and its name inside it; again, nothing changes; an
    archive with a password refused and nothing of it written."""
    from tests.unit.test_archives import _marked_encrypted, write_zip

    folder = _folder(tmp_path)
    archive = write_zip(tmp_path / "醴陵.zip", {f"醴陵/{p.name}": p.read_bytes() for p in sorted(folder.iterdir())})
    proc = run_kb(scratch_server, "import", "--json", str(archive))
    assert proc.returncode == 0, proc.stderr
    files = {f["path"]: (f["kind"], f["status"], f["records"]) for f in json.loads(proc.stdout)["files"]}
    inside = f"{archive}/醴陵"
    assert files == {f"{inside}/行政许可法.docx": ("law", "imported", 83),
                     f"{inside}/中华人民共和国行政处罚法.txt": ("law", "imported", 86),
                     f"{inside}/醴陵市交通运输局权责清单.docx": ("list", "imported", 3),
                     f"{inside}/关于公布权责清单的说明.docx": ("unknown", "skipped", 0)}
    g = scratch_server.graph
    based = g.read("MATCH (:Department {name: '醴陵市交通运输局'})-[:HOLDS]->(p:Power)-[:BASED_ON]->(a:Article) "
                   "RETURN p.name AS p, a.key AS a, p.source_file AS f ORDER BY p.name")
    assert [(r["p"], r["a"].split("#")[1], r["f"]) for r in based] == [
        ("公路超限运输许可（县内）", "29", "醴陵市交通运输局权责清单.docx"),
        ("公路超限运输许可（跨县）", "29", "醴陵市交通运输局权责清单.docx"),
        ("对擅自占用公路的处罚", "51", "醴陵市交通运输局权责清单.docx")]
    runs = g.read("MATCH (r:ImportRun {status: 'imported'}) RETURN r.path AS path ORDER BY path")
    assert [r["path"] for r in runs] == sorted(p for p, (_, status, _) in files.items() if status == "imported")
    again = run_kb(scratch_server, "import", str(archive)).stdout  # (as a reader sees it: each file in the archive)
    assert "[未改动] 醴陵.zip/醴陵/醴陵市交通运输局权责清单.docx → 醴陵市交通运输局：3 条" in again
    assert "[未改动] 醴陵.zip/醴陵/行政许可法.docx：83 条" in again and "新建 0 个节点、0 条关系" in again
    locked = _marked_encrypted(write_zip(tmp_path / "攸县.zip", {p.name: p.read_bytes() for p in folder.iterdir()}))
    before = g.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    proc = run_kb(scratch_server, "import", "--json", str(locked))
    assert proc.returncode != 0
    refused = json.loads(proc.stdout)["files"]
    assert [(f["path"], f["status"]) for f in refused] == [(str(locked), "refused")]
    assert "有密码，无法解压" in refused[0]["errors"][0]["message"]
    assert g.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == before
