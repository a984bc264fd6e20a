"""Word 97-2003 documents (.doc; WPS's .wps of the same form): the text of a law published in the old format.

Many local regulations and laws are still published as .doc attachments. Its text lies in the WordDocument stream of
a compound file (read here by xlrd's reader of that container, already a dependency for .xls), in pieces the table
stream's piece table lists: each a run of character positions stored either as UTF-16 or as 8-bit text. This module
reads the main document's text in order (not its headers, footnotes or comments) and gives it as lines: a paragraph a
line, a table's cells each a line, a field's shown result without its code (a page number's PAGE, a link's
HYPERLINK …). What it does not read is the formatting: a list laid out in a .doc table (merged cells, spans) is
refused, as before, with the advice to save it as .docx (`workbook._read_xls`).

The layout follows Microsoft's published specification of the format ([MS-DOC]): the FIB at the stream's start
(wIdent 0xA5EC, fWhichTblStm, fEncrypted, ccpText, fcClx/lcbClx), the Clx's Pcdt and its PlcPcd.
"""
from __future__ import annotations

import io
import re
import struct

from importers.records import FileRefused, RowError
from importers.source import Source

_WORD_IDENT = 0xA5EC
_FC_CLX = 0x1A2  # fcClx and lcbClx in the FIB of every Word 97 and later document
_CCP_TEXT = 0x4C
# What the main text holds beside characters: a paragraph's end, a cell's or a row's end, a line break, a page or
# section break, a field's start, separator and end, objects (a picture, a note's reference) and hyphens.
_SHOWN = {"\r": "\n", "\x07": "\n", "\x0b": "\n", "\x0c": "\n", "\x1e": "-", "\x1f": "", "\xa0": " "}
_OBJECTS = re.compile(r"[\x00-\x06\x08\x0e-\x12\x16-\x1d]")


def is_word_97(data: bytes) -> bool:
    """Whether a compound file holds a Word 97-2003 document (its directory names a WordDocument stream)."""
    return "WordDocument".encode("utf-16-le") in data


def _refused(source: Source, said: str) -> FileRefused:
    return FileRefused(source.path, [RowError(f"{source.name} {said}")])


def doc_text(source: Source) -> str:
    """The main document's text as lines (a paragraph, or a table's cell, a line); FileRefused for an encrypted or a
    damaged document."""
    return source.kept("doc text", lambda: _read_text(source))


def _read_text(source: Source) -> str:
    from xlrd.compdoc import CompDoc

    try:
        container = CompDoc(source.data, logfile=io.StringIO())
        word = bytes(container.get_named_stream("WordDocument") or b"")
        if len(word) < _FC_CLX + 8:
            raise ValueError("WordDocument 流过短")
        ident, flags = struct.unpack_from("<H", word, 0)[0], struct.unpack_from("<H", word, 0x0A)[0]
        if ident != _WORD_IDENT:
            raise ValueError(f"不是 Word 文档的标识 {ident:#06x}")
        if flags & 0x0100:
            raise _refused(source, "有打开密码（已加密）：kb 不能读取加密的文档，请用发布机关公布的未加密版本")
        table = bytes(container.get_named_stream("1Table" if flags & 0x0200 else "0Table") or b"")
        ccp_text = struct.unpack_from("<i", word, _CCP_TEXT)[0]
        fc_clx, lcb_clx = struct.unpack_from("<II", word, _FC_CLX)
        pieces = _pieces(table[fc_clx: fc_clx + lcb_clx])
        text = "".join(_piece_text(word, start, end, fc, compressed, ccp_text)
                       for start, end, fc, compressed in pieces)
    except FileRefused:
        raise
    except Exception as exc:  # a damaged container or stream: whatever the readers raise
        said = f"是损坏或不完整的 Word 97-2003 文档，无法读取（{type(exc).__name__}）"
        raise _refused(source, said) from exc
    return _shown(text)


def _pieces(clx: bytes) -> list[tuple[int, int, int, bool]]:
    """(first character position, end, file offset, 8-bit) of each piece of the text, from the Clx: property runs
    (Prc, 0x01) skipped, then the piece table (Pcdt, 0x02)."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    if at >= len(clx) or clx[at] != 0x02:
        raise ValueError("没有文本块表（Pcdt）")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5: at + 5 + size]
    count = (len(plc) - 4) // 12  # n + 1 positions of 4 bytes, n descriptors of 8
    positions = struct.unpack_from(f"<{count + 1}I", plc, 0)
    out = []
    for i in range(count):
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)[0]
        compressed = bool(fc & 0x40000000)
        out.append((positions[i], positions[i + 1], (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF,
                    compressed))
    return out


def _piece_text(word: bytes, start: int, end: int, fc: int, compressed: bool, ccp_text: int) -> str:
    """The piece's characters within the main document (positions before `ccp_text`)."""
    end = min(end, ccp_text)
    if end <= start:
        return ""
    if compressed:  # 8-bit text (Word's "compressed" pieces: Latin text in code page 1252)
        return word[fc: fc + end - start].decode("cp1252", "replace")
    return word[fc: fc + 2 * (end - start)].decode("utf-16-le", "replace")


def _shown(text: str) -> str:
    """The text as a reader sees it: a field's result without its code (\\x13 code \\x14 result \\x15, nested), the
    marks of paragraphs, cells and breaks as line ends, objects left out."""
    out: list[str] = []
    depth_code: list[bool] = []  # for each open field: whether its code is still being read
    for ch in text:
        if ch == "\x13":
            depth_code.append(True)
        elif ch == "\x14":
            if depth_code:
                depth_code[-1] = False
        elif ch == "\x15":
            if depth_code:
                depth_code.pop()
        elif not any(depth_code):
            out.append(_SHOWN.get(ch, ch))
    return _OBJECTS.sub("", "".join(out))
