"""Laws published as Word 97-2003 documents (.doc): their text read from the compound file's piece table; a list in
such a document still refused with what to do (its merged cells are not read)."""
from __future__ import annotations

from pathlib import Path

from importers import lists
from importers.laws import parse_law
from importers.run import _may_be_law, parse_file
from importers.source import Source
from importers.worddoc import _piece_text, _shown, doc_text
from tests.conftest import write_docx
from tests.unit.test_documents import LAW, _published

WORD97 = Path(__file__).parent.parent / "fixtures" / "word97"


def _articles(doc) -> list[tuple]:
    return [(a.number, a.label, a.chapter, a.section, a.text) for a in doc.articles]


def test_a_law_in_a_doc_reads_as_the_docx_it_was_saved_from(tmp_path):
    path = WORD97 / "行政许可法.doc"
    assert lists.sniff(path) == "law" and _may_be_law(path)
    doc = parse_law(path)
    assert (doc.title, doc.version_date, len(doc.articles)) == ("中华人民共和国行政许可法", "2019-04-23", 83)
    lines = _published(LAW, spaced=False)
    lines[-1] += "\n"
    word = parse_law(write_docx(tmp_path / "行政许可法.docx", [*lines, [["序号", "名称"], ["1", "对表格的说明"]],
                                                                "English words and ASCII 123"]))
    assert _articles(doc)[:82] == _articles(word)[:82] == _articles(parse_law(LAW))[:82]
    # the last goes on with the table after it: in a .doc each cell a line (a .docx's row is a line, its cells tabbed)
    assert doc.articles[-1].text == word.articles[-1].text.replace("\t", "\n")
    text = doc_text(Source(path))
    assert text.endswith("\n序号\n名称\n\n1\n对表格的说明\n\nEnglish words and ASCII 123\n")  # (cells a line each)


def test_a_list_in_a_doc_is_refused_with_what_to_do():
    report = parse_file(WORD97 / "某县交通运输局权责清单.doc", explicit=True)
    assert report.status == "refused"
    assert "只读取法律法规的条文" in report.errors[0]["message"] and "另存为 .docx" in report.errors[0]["message"]


def test_a_damaged_doc_is_refused_in_chinese(tmp_path):
    data = (WORD97 / "行政许可法.doc").read_bytes()
    damaged = tmp_path / "损坏.doc"
    damaged.write_bytes(data[:9000])  # (the compound file's directory is at its end)
    report = parse_file(damaged, explicit=True)
    assert report.status == "refused"
    assert report.errors[0]["message"].startswith("损坏.doc 是损坏或不完整的 Word 97-2003 文档，无法读取（")


def test_a_field_shows_its_result_not_its_code():
    assert _shown('见\x13 HYPERLINK "http://example.cn" \x14第一条\x15和\x13 PAGE \x14\x13 =1 \x143\x15\x15页。\r'
                  "甲\x07乙\x07\x07丙\x0b丁\x0c") == "见第一条和3页。\n甲\n乙\n\n丙\n丁\n"


def test_an_8_bit_piece_reads_as_code_page_1252():
    word = b"\x00" * 16 + "Law No. 5 — ".encode("cp1252") + "第五条".encode("utf-16-le")
    assert _piece_text(word, 0, 12, 16, True, 100) + _piece_text(word, 12, 15, 28, False, 100) == "Law No. 5 — 第五条"
    assert _piece_text(word, 0, 12, 16, True, 5) == "Law N"  # (only the main document's characters)
