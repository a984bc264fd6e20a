"""Word 97-2003 documents (.doc): a law's text read from the compound file's piece table; a list's tables on their
grid with their merged cells, from each row's cell edges and merge flags."""
from __future__ import annotations

import dataclasses
import random
import re
import struct
from pathlib import Path

import pytest

from importers import document, lists
from importers.laws import parse_law
from importers.records import FileRefused
from importers.run import _may_be_law, parse_file
from importers.source import Source
from importers.worddoc import (
    _DEF_TABLE,
    _F_MERGED,
    _F_VERT_MERGE,
    _F_VERT_RESTART,
    _MERGE,
    _VERT_MERGE,
    _columns,
    _Document,
    _document,
    _grid,
    _piece_text,
    _pieces,
    _Properties,
    _row,
    _shown,
    _sprms,
    doc_tables,
    doc_text,
)
from importers.workbook import read_workbook
from tests.conftest import SHARED_DATA, write_docx
from tests.unit.test_documents import LAW, _published, transport_list

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


def test_a_list_in_a_doc_reads_as_the_docx_it_was_saved_from(tmp_path):
    """Its title, a header over two rows, an item merged down over its two sub-items, a group heading and a second
    table whose merged name spans the columns of the first (a .doc keeps no grid: each row's cell edges give it)."""
    path = WORD97 / "某县交通运输局权责清单.doc"
    assert lists.sniff(path) == "list" and _may_be_law(path)
    word = write_docx(tmp_path / "清单.docx", transport_list(
        "某县交通运输局权责清单", "《中华人民共和国公路法》第七十六条", "《中华人民共和国公路法》第八十一条"))
    (container, sheets), (_, from_word) = read_workbook(path), read_workbook(word)
    assert (container, [s.name for s in sheets]) == ("doc", ["某县交通运输局权责清单"])
    assert sheets[0].cells == from_word[0].cells
    assert sheets[0].cells[3] == ["序号", "事项名称", "", "权力类型", "实施依据", "责任事项", "追责情形"]
    assert sheets[0].shown_value(6, 1) == "公路超限运输许可" and sheets[0].covered_from_above(6, 1)
    assert _merges(sheets[0]) == _merges(from_word[0])
    report = parse_file(path, explicit=False)
    assert (report.status, report.department, report.records) == ("valid", "某县交通运输局", 3)
    assert [(r.name, r.type, r.row) for r in report.doc.records] == [
        ("公路超限运输许可（跨县）", "行政许可", 3), ("公路超限运输许可（县内）", "行政许可", 4),
        ("对擅自占用公路的处罚", "行政处罚", 6)]
    assert [d.stage for d in report.doc.records[0].responsibilities] == ["受理", "审查", "决定", "送达", "事后监管"]


def _merges(sheet) -> list[tuple[int, int, int, int]]:
    return sorted((m.top, m.bottom, m.left, m.right) for m in sheet.merges)


def _as_read(record) -> dict:
    """A record's fields without where it was read (row, sheet), whitespace left out."""
    def clean(value):
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k not in ("row", "sheet")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return re.sub(r"\s+", "", value) if isinstance(value, str) else value
    return clean(dataclasses.asdict(record))


def test_a_published_list_saved_as_doc_reads_as_its_workbook():
    """克拉玛依市档案局's list as published (.xlsx) and as a .doc of the same table and merges (README): every field of
    every record the same."""
    workbook = lists.parse_list(SHARED_DATA / "karamay" / "克拉玛依市档案局2024年权责清单.xlsx")
    doc = lists.parse_list(WORD97 / "克拉玛依市档案局2024年权责清单.doc")
    assert (doc.container, doc.department, len(doc.records)) == ("doc", workbook.department, 12)
    assert [_as_read(r) for r in doc.records] == [_as_read(r) for r in workbook.records]
    assert {len(r.responsibilities) for r in doc.records} != {0}  # (their duties read, not only their names)


def test_a_doc_that_is_neither_list_nor_law_is_skipped_in_a_folder():
    path = WORD97 / "关于权责清单的说明.doc"  # a note and a table of contacts
    assert lists.sniff(path) == "unknown"
    report = parse_file(path, explicit=False)
    assert (report.status, report.warnings[0]["message"]) == (
        "skipped", "Word 文档中既没有表头可识别的清单表格，也没有法律条文，已跳过")
    assert parse_file(path, explicit=True).status == "refused"  # (named: refused with the list reader's reason)
    assert [t.rows for t in doc_tables(Source(path))] == [[["姓名", "电话"], ["张三", "0990-1234567"]]]


def _definition(edges: list[int], flags: list[int]) -> tuple[int, bytes]:
    """A row's sprmTDefTable operand: its cells' edges and TC80s (flags, then 18 bytes of width and borders)."""
    tc80 = b"".join(struct.pack("<H", f) + bytes(18) for f in flags)
    return _DEF_TABLE, bytes([len(flags)]) + struct.pack(f"<{len(edges)}h", *edges) + tc80


def _cells(texts: list[str]) -> list[list[str]]:
    return [[t] for t in texts]  # (each cell one paragraph)


def test_the_grid_is_every_row_s_cell_edges_and_merges_follow_the_flags():
    rows = [
        _row(_cells(["序号", "名称", "类型"]), [_definition([0, 1000, 3000, 4000], [_F_VERT_MERGE | _F_VERT_RESTART, 0, 0])]),
        _row(_cells(["", "主项", "子项", "许可"]), [_definition([0, 1000, 2005, 3000, 4000], [_F_VERT_MERGE, 0, 0, 0])]),
        # an older writer's merge across (fMerged), and one down set by sprmTVertMerge after the definition
        _row(_cells(["1", "甲", "", "处罚"]), [_definition([0, 1000, 2000, 3000, 4000], [0, 0, _F_MERGED, 0]),
                                      (_VERT_MERGE, bytes([3, 3]))]),
        _row(_cells(["2", "乙", "丙", ""]), [_definition([0, 1000, 2000, 3000, 4000], [0, 0, 0, 0]),
                                    (_VERT_MERGE, bytes([3, 1]))]),
        _row(_cells(["3", "丁"]), []),  # no definition: its cells side by side
    ]
    columns = _columns(rows)
    assert columns == [0, 1000, 2000, 3000, 4000]  # (2005 is 2000: edges a few twips apart are one column's)
    table = _grid(rows, ["某局权责清单"], columns)
    assert table.rows == [["序号", "名称", "", "类型"], ["", "主项", "子项", "许可"], ["1", "甲", "", "处罚"],
                          ["2", "乙", "丙", ""], ["3", "丁", "", ""]]
    assert sorted(table.merges) == [(0, 1, 1, 3), (0, 2, 0, 1), (2, 3, 1, 3), (2, 4, 3, 4)]
    assert table.before == ["某局权责清单"]


def test_properties_read_with_their_operands_sizes():
    grpprl = (struct.pack("<HB", 0x2416, 1) + struct.pack("<HI", 0x6649, 1)  # fInTable (1 byte), itap (4)
              + struct.pack("<HH", _DEF_TABLE, 1 + 5) + bytes([1]) + struct.pack("<2h", 0, 900)  # (its size in 2 bytes)
              + struct.pack("<HB", _MERGE, 0) + bytes(1)  # (a 2-byte operand)
              + struct.pack("<HB", 0xD634, 2) + b"\x07\x08")  # a variable operand: its size first
    assert _sprms(grpprl) == [(0x2416, b"\x01"), (0x6649, b"\x01\x00\x00\x00"), (_DEF_TABLE, b"\x01\x00\x00\x84\x03"),
                              (_MERGE, b"\x00\x00"), (0xD634, b"\x07\x08")]


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


def test_a_doc_damaged_anywhere_is_read_or_refused_in_words(tmp_path):
    """Bytes changed at random across the file (its properties, tables, text): never an exception, a refusal in
    words (the file's, or a row's)."""
    original = (WORD97 / "某县交通运输局权责清单.doc").read_bytes()
    for i in range(80):
        rng = random.Random(i)
        data = bytearray(original)
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(512, len(data))] = rng.randrange(256)
        path = tmp_path / f"清单{i}.doc"
        path.write_bytes(bytes(data))
        report = parse_file(path, explicit=True)
        assert report.status in ("valid", "refused"), report.as_dict()
        messages = [e["message"] for e in report.errors]
        assert report.status == "valid" or messages and all(m.strip() and not m.startswith("读取 ") for m in messages)


@pytest.mark.parametrize("name", ["nested_frame", "box_title", "contacts_after", "nested_in_cell"])
def test_frames_boxes_nested_tables_and_a_table_after_read_as_in_the_docx(name):
    """A list inside a one-cell frame table; a title in a box above it; a contacts table after the list (narrower:
    not laid on the list's grid, not read as its records); a table nested in a cell (its rows a line each, cells by
    tabs). Each .doc saved by LibreOffice from the .docx beside it."""
    doc, word = WORD97 / f"{name}.doc", WORD97 / f"{name}.docx"
    assert [s.cells for s in read_workbook(doc)[1]] == [s.cells for s in read_workbook(word)[1]]
    read, expected = parse_file(doc), parse_file(word)
    assert (read.status, read.department, read.records) == (expected.status, expected.department, 2)
    assert [r.name for r in read.doc.records] == [r.name for r in expected.doc.records]


def test_a_page_of_properties_listed_again_and_again_is_read_once():
    """PlcBtePapx may name one FKP page many times (a 2 MB file took 6 GB): each page is read once, and a table naming
    more pages than the document holds is damage."""
    page = bytearray(512)
    struct.pack_into("<3I", page, 0, 0x800, 0x804, 0x808)  # two runs
    page[4 * 3], page[4 * 3 + 13] = 0, 0  # (default properties)
    page[511] = 2
    word = bytes(0x800) + bytes(8) + bytes(512 - 8) + bytes(page)  # the page is the document's page 5

    def properties(pages: list[int]) -> _Properties:
        table = struct.pack(f"<{len(pages) + 1}I", *range(len(pages) + 1)) + struct.pack(f"<{len(pages)}I", *pages)
        word_with = bytearray(word)
        struct.pack_into("<II", word_with, 0x102, 0, len(table))
        return _Properties(_Document(bytes(word_with), table, b"", [], ""))

    assert len(properties([5]).runs) == len(properties([5] * 10_000).runs) == 2
    with pytest.raises(ValueError):
        properties(list(range(1, 40)))  # (39 pages named, the document holds 6)


def test_a_piece_table_whose_positions_go_back_is_damage():
    def clx(positions: list[int]) -> bytes:
        plc = struct.pack(f"<{len(positions)}I", *positions) + b"".join(
            struct.pack("<HIH", 0, 0x800, 0) for _ in positions[1:])
        return b"\x02" + struct.pack("<I", len(plc)) + plc

    assert [p[:2] for p in _pieces(clx([0, 10, 25]), 20)] == [(0, 10), (10, 25)]  # (read up to the text's end)
    with pytest.raises(ValueError):
        _pieces(clx([0, 200_000, 0, 200_000]), 200_000)  # (the same text listed again and again)


def test_a_table_too_large_is_refused_as_such_not_as_damage(monkeypatch):
    monkeypatch.setattr(document, "MAX_CELLS", 20)
    report = parse_file(WORD97 / "某县交通运输局权责清单.doc", explicit=True)
    assert report.status == "refused" and "表格过大" in report.errors[0]["message"], report.errors


# Word's automatic numbering: each .doc saved by LibreOffice from the .docx that tests/unit/test_documents.py writes
# for the same test there (README); LibreOffice's own text export of each .doc draws the same numbers.

def test_a_law_whose_articles_word_numbers_reads_as_its_markdown_from_a_doc():
    """第%1条 and 第%1章 drawn by Word's lists: the text holds no 第一条, the law reads as published."""
    path = WORD97 / "行政许可法（自动编号）.doc"
    assert "第一条".encode("utf-16-le") not in path.read_bytes()
    assert lists.sniff(path) == "law"
    doc = parse_law(path)
    assert (doc.title, doc.version_date, len(doc.articles)) == ("中华人民共和国行政许可法", "2019-04-23", 83)
    assert _articles(doc) == _articles(parse_law(LAW))
    assert "\n第一章\t总\u3000则\n第一条\t为了规范行政许可的设定和实施" in doc_text(Source(path))


def test_a_list_whose_numbers_word_draws_reads_as_the_one_typed_from_a_doc(tmp_path):
    path = WORD97 / "某县交通运输局权责清单（自动编号）.doc"
    typed = lists.parse_list(WORD97 / "某县交通运输局权责清单.doc")
    doc = lists.parse_list(path)
    assert [(r.name, r.type, r.row, r.seq, r.basis_text) for r in doc.records] == \
           [(r.name, r.type, r.row, r.seq, r.basis_text) for r in typed.records]
    assert [r.seq for r in doc.records] == ["1", "2", "3"]
    assert read_workbook(path)[1][0].cells[6][0] == "2"  # the number Word draws (a .doc's cell is read stripped)


def test_levels_formats_instances_and_bullets_of_a_doc_s_lists():
    """Two levels (一、 and 一.1: a parent's counter in its own format), a paragraph in no list between items, a second
    list starting again, bullets left out: as the .docx reads (test_word_numbers_levels_restarts_and_formats)."""
    assert doc_text(Source(WORD97 / "编号的级别与格式.doc")).split("\n") == [
        "一、\t总则", "一.1\t目的", "一.2\t适用", "二、\t许可", "二.1\t条件", "（不在列表中）", "二.2\t程序",
        "一、\t另起", "一.1\t又一", "项目", "项目", ""]


def test_articles_numbered_by_their_paragraph_style_in_a_doc(tmp_path):
    """The paragraphs' list given by their style (based on one whose list is 第%1条); one paragraph switches it off
    (ilfo 0). LibreOffice writes the list on each paragraph too: here it is taken off them (sprmPIlfo changed to a
    property kb does not read), so the number comes from the style sheet alone, as Word writes a styled list."""
    original = (WORD97 / "条例（样式编号）.doc").read_bytes()
    styled = bytes.fromhex("16000a26000b460100")  # style 22, level 0, list instance 1: the articles' properties
    assert original.count(styled) == 3
    path = tmp_path / "条例.doc"
    path.write_bytes(original.replace(styled, bytes.fromhex("16000a2600004601 00".replace(" ", ""))))
    for source in (WORD97 / "条例（样式编号）.doc", path):
        assert [(a.label, a.text) for a in parse_law(source).articles] == [
            ("第一条", "为了测试，制定本条例。"), ("第二条", "本条例适用于示例。\n（不编号）"), ("第三条", "本条例自公布之日起施行。")]


def test_a_doc_whose_lists_are_damaged_is_read_without_its_numbers_or_refused_in_words(tmp_path):
    """Bytes changed at random where the lists and their instances are (found in the file by their bytes in the table
    stream), 0, 255 or any: never an exception; the text read, or the file refused in words."""
    path = WORD97 / "编号的级别与格式.doc"
    original, doc = path.read_bytes(), _document(Source(path))
    fc_lst, _, fc_lfo, lcb_lfo = struct.unpack_from("<IIII", doc.word, 0x2E2)
    lists_bytes = doc.table[fc_lst: fc_lfo + lcb_lfo]
    at = original.find(lists_bytes[:64])
    assert at > 0 and len(lists_bytes) > 1000
    for i in range(300):
        rng = random.Random(i)
        data = bytearray(original)
        for _ in range(rng.randint(1, 8)):
            data[at + rng.randrange(len(lists_bytes))] = rng.choice([0, 255, rng.randrange(256)])
        damaged = tmp_path / f"编号{i}.doc"
        damaged.write_bytes(bytes(data))
        try:
            assert "总则" in doc_text(Source(damaged))  # (the law reader's way in)
        except FileRefused as exc:
            assert exc.errors[0].message.strip()
