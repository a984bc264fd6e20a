"""The files of a run that may be law texts are parsed (and written) before the lists: only those, so a folder of
CSV lists is written as it is parsed, not held back until the last of them is read."""
from __future__ import annotations

from pathlib import Path

from importers.lists import sniff
from importers.run import _may_be_law
from tests.conftest import KARAMAY, SHARED_DATA

LAW = SHARED_DATA / "laws" / "安全生产法(2021-06-10).md"
CSV_LIST = "事项编码,事项名称,事项类型,实施依据,责任事项\n001,对违法行为的行政处罚,行政处罚,《安全生产法》第九十条,1.立案阶段责任\n"


def test_only_what_may_be_a_law_is_parsed_first(tmp_path: Path) -> None:
    text = LAW.read_text(encoding="utf-8")
    files = {
        "law.md": text.encode("utf-8"),
        "law.txt": text.encode("utf-8"),  # a law's text in a .txt: it starts with its heading
        "law-bom.txt": b"\xef\xbb\xbf\n  " + text.encode("utf-8"),
        "law-indented.txt": "\u3000\u3000".encode("utf-8") + text.encode("utf-8"),  # (ideographic spaces, as sniff strips)
        "list.csv": CSV_LIST.encode("utf-8"),
        "list-gbk.csv": CSV_LIST.encode("gb18030"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    kinds = {name: sniff(tmp_path / name) for name in files}
    assert kinds == {"law.md": "law", "law.txt": "law", "law-bom.txt": "law", "law-indented.txt": "law",
                     "list.csv": "list", "list-gbk.csv": "list"}
    assert {name: _may_be_law(tmp_path / name) for name in files} == {name: kind == "law" for name, kind in kinds.items()}
    assert not _may_be_law(KARAMAY / "国动办权责清单公示.xlsx")
    assert _may_be_law(tmp_path / "gone.txt")  # unread: parsed first, as before
