"""Lists and laws published as OFD (GB/T 33190, China's fixed-layout format): read as the same records and articles
as their PDF and Word forms, from the characters and ruling lines on its pages; what cannot be read refused with why.

The OFD files are written by `tests.conftest.write_ofd` from the pages `write_pdf` draws, with what OFD writers use
(text codes with compressed advances, a CTM, page blocks, rectangles as closed paths, a template page)."""
from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from importers import archives, lists, run
from importers.laws import parse_law
from importers.ofd import _deltas, is_ofd, ofd_pages
from importers.run import parse_file
from importers.source import Source
from importers.workbook import container_of, read_workbook
from tests.conftest import SHARED_DATA, write_docx, write_ofd, write_pdf
from tests.unit.test_documents import _published, _same_articles, transport_list
from tests.unit.test_pdf import WIDE_HEADER, _records, _wide_rows, write_wide_pdf

LAWS = SHARED_DATA / "laws"
TRANSPORT = ("某县交通运输局权责清单", "《中华人民共和国公路法》第七十六条", "《中华人民共和国公路法》第八十一条")


def test_a_list_published_as_ofd_reads_as_its_pdf_and_word_forms(tmp_path):
    blocks = transport_list(*TRANSPORT)
    path = write_ofd(tmp_path / "某县交通运输局权责清单.ofd", blocks, running="某县交通运输局权责清单")
    assert is_ofd(Source(path)) and container_of(path) == "ofd" and lists.sniff(path) == "list"
    pdf = write_pdf(tmp_path / "清单.pdf", blocks, running="某县交通运输局权责清单")
    (container, sheets), (_, printed) = read_workbook(path), read_workbook(pdf)
    assert (container, [s.cells for s in sheets]) == ("ofd", [s.cells for s in printed])
    doc, expected = lists.parse_list(path), lists.parse_list(write_docx(tmp_path / "清单.docx", blocks))
    assert (doc.container, doc.department, doc.title) == ("ofd", "某县交通运输局", "某县交通运输局权责清单")
    assert _records(doc) == _records(expected) and len(doc.records) == 3
    report = parse_file(path, explicit=False)
    assert (report.kind, report.status, report.records) == ("list", "valid", 3)


def test_a_law_published_as_ofd_reads_as_its_markdown(tmp_path):
    law = LAWS / "行政许可法(2019-04-23).md"
    path = write_ofd(tmp_path / "行政许可法.ofd", _published(law), running="国家法律法规数据库")
    assert lists.sniff(path) == "law"
    doc = parse_law(path)
    assert (doc.title, doc.version_date, len(doc.articles)) == ("中华人民共和国行政许可法", "2019-04-23", 83)
    _same_articles(doc, law)  # (no page's number, no running header from the template, in any article)


def test_a_wide_sheet_printed_to_ofd_without_fit_to_width_reads_as_one_table(tmp_path):
    rows = _wide_rows(8)
    pdf = write_wide_pdf(tmp_path / "宽表.pdf", "佛山市南海区环境保护局权责清单", rows, split=5, per_page=5)
    path = write_ofd(tmp_path / "佛山市南海区环境保护局权责清单.ofd", [], from_pdf=pdf)
    doc = lists.parse_list(path)
    assert len(doc.records) == 8 and _records(doc) == _records(lists.parse_list(pdf))
    assert [(r.code, r.holder) for r in doc.records] == [(row[1], row[6]) for row in rows]
    assert WIDE_HEADER in read_workbook(path)[1][0].cells


def test_text_codes_advances_and_transformations():
    assert _deltas("3.175 g 3 4.2 1") == [3.175, 4.2, 4.2, 4.2, 1.0]
    assert _deltas("g 2 5 g x") == [5.0, 5.0]  # (a broken repetition is left out)


def _ofd(path: Path, content: str, pages: int = 1) -> Path:
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("OFD.xml", f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        zf.writestr("Doc_0/Document.xml", f"<ofd:Document {ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
                    "</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>"
                    + "".join(f'<ofd:Page ID="{n}" BaseLoc="Pages/Page_0/Content.xml"/>' for n in range(pages))
                    + "</ofd:Pages></ofd:Document>")
        zf.writestr("Doc_0/Pages/Page_0/Content.xml", f'<ofd:Page {ns}><ofd:Content><ofd:Layer ID="1">{content}'
                                                      "</ofd:Layer></ofd:Content></ofd:Page>")
    return path


def test_characters_are_placed_through_the_ctm_and_their_advances(tmp_path):
    """The same line written plainly, and at half scale through a CTM with its size and positions doubled: the same
    characters at the same places (millimetres to points)."""
    plain = '<ofd:TextObject ID="1" Boundary="20 30 60 6" Size="5"><ofd:TextCode X="1" Y="4" DeltaX="g 3 5">权责清单</ofd:TextCode></ofd:TextObject>'
    scaled = plain.replace('Size="5"', 'Size="10" CTM="0.5 0 0 0.5 0 0"').replace('X="1" Y="4" DeltaX="g 3 5"', 'X="2" Y="8" DeltaX="g 3 10"')
    found = []
    for name, content in (("plain", plain), ("scaled", scaled)):
        [page] = ofd_pages(Source(_ofd(tmp_path / f"{name}.ofd", content)))
        found.append([(c["text"], round(c["x0"], 2), round(c["size"], 2)) for c in page.chars])
    assert found[0] == found[1]
    assert [x for _, x, _ in found[0]] == [round((20 + 1 + 5 * i) * 72 / 25.4, 2) for i in range(4)]


def test_a_scan_a_damaged_file_and_too_many_pages_are_refused_with_why(tmp_path, monkeypatch):
    image = '<ofd:ImageObject ID="1" Boundary="0 0 210 297" ResourceID="2"/>'
    scan = _ofd(tmp_path / "扫描件.ofd", image)
    assert lists.sniff(scan) == "list"  # (named alone: refused with why, not skipped)
    assert "扫描件或图片版 OFD" in parse_file(scan, explicit=True).errors[0]["message"]
    whole = write_ofd(tmp_path / "清单.ofd", transport_list(*TRANSPORT)).read_bytes()
    cut = tmp_path / "损坏.ofd"
    cut.write_bytes(whole[: len(whole) // 2])
    report = parse_file(cut, explicit=True)
    assert report.status == "refused" and report.errors[0]["message"], report.as_dict()
    missing = tmp_path / "缺页.ofd"
    with zipfile.ZipFile(missing, "w") as zf, zipfile.ZipFile(tmp_path / "清单.ofd") as good:
        for name in good.namelist():
            if "Page_0" not in name:
                zf.writestr(name, good.read(name))
    assert "损坏或不完整的 OFD 文档" in parse_file(missing, explicit=True).errors[0]["message"]
    monkeypatch.setenv("KB_IMPORT_MAX_PDF_PAGES", "3")
    many = _ofd(tmp_path / "多页.ofd", image, pages=5)
    assert "有 5 页，超过上限 3 页" in parse_file(many, explicit=True).errors[0]["message"]


def test_an_ofd_damaged_anywhere_is_read_or_refused_in_words(tmp_path):
    """Bytes changed at random in each part (the XML, its numbers): never an exception, a refusal in words."""
    source = write_ofd(tmp_path / "清单.ofd", transport_list(*TRANSPORT))
    with zipfile.ZipFile(source) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    for i in range(60):
        rng = random.Random(i)
        changed = dict(parts)
        name = rng.choice(sorted(parts))
        data = bytearray(changed[name])
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.choice(b"0123456789 .-<>gMLC\"")
        changed[name] = bytes(data)
        path = tmp_path / f"损坏{i}.ofd"
        with zipfile.ZipFile(path, "w") as zf:
            for member, content in changed.items():
                zf.writestr(member, content)
        report = parse_file(path, explicit=True)
        assert report.status in ("valid", "refused"), report.as_dict()
        assert report.status == "valid" or all(e["message"].strip() for e in report.errors)


def test_an_ofd_in_an_archive_is_a_document_not_an_archive(tmp_path):
    path = write_ofd(tmp_path / "清单.ofd", transport_list(*TRANSPORT))
    assert not archives.is_archive(path)
    bundle = tmp_path / "附件.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("交通运输局/清单.ofd", path.read_bytes())
    result = run.import_paths(None, [bundle], dry_run=True, progress=False)
    assert [(f["kind"], f["status"], f["records"]) for f in result["files"]] == [("list", "valid", 3)]


@pytest.mark.parametrize("name", ["清单.ofd", "清单.xlsx"])
def test_an_ofd_under_any_name_is_read_as_what_it_is(tmp_path, name):
    path = write_ofd(tmp_path / "x.ofd", transport_list(*TRANSPORT))
    renamed = path.rename(tmp_path / name)
    assert container_of(renamed) == "ofd" and len(lists.parse_list(renamed).records) == 3


def test_a_text_code_without_x_takes_the_one_before_s_and_vertical_text_goes_down(tmp_path):
    """GB/T 33190: a TextCode without X (or Y) takes the previous TextCode's, not where its text ended (a cell's second
    line starts under its first); DeltaY without DeltaX sets the characters one under another."""
    two_lines = ('<ofd:TextObject ID="1" Boundary="20 30 60 12" Size="4"><ofd:TextCode X="1" Y="4" DeltaX="g 2 4">第一行'
                 '</ofd:TextCode><ofd:TextCode Y="9" DeltaX="g 2 4">第二行</ofd:TextCode></ofd:TextObject>')
    [page] = ofd_pages(Source(_ofd(tmp_path / "两行.ofd", two_lines)))
    starts = [c["x0"] for c in page.chars if c["text"] in "第"]
    assert len(starts) == 2 and abs(starts[0] - starts[1]) < 0.01
    vertical = ('<ofd:TextObject ID="1" Boundary="20 30 6 20" Size="4"><ofd:TextCode X="1" Y="4" DeltaY="g 1 5">序号'
                '</ofd:TextCode></ofd:TextObject>')
    [page] = ofd_pages(Source(_ofd(tmp_path / "竖排.ofd", vertical)))
    (a, b) = page.chars
    assert abs(a["x0"] - b["x0"]) < 0.01 and round(b["top"] - a["top"], 2) == round(5 * 72 / 25.4, 2)
