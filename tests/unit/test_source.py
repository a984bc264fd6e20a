"""A file is read from disk once and its JSON parsed once per import (run.parse_file), whatever the
sniffers, the portal-reply check and the parser each need from it."""
from __future__ import annotations

import builtins
import io
import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from importers.run import parse_file
from importers.source import Source, as_source
from tests.conftest import KARAMAY, SHARED_DATA

RAW_REPLY = SHARED_DATA / "hunan_onething/raw/onething/implementations/43PCN0009/430181999000.json"
RECORDS = [{"序号": 1, "事项名称": "对违法排污的处罚", "权力类型": "行政处罚", "实施主体": "克拉玛依市生态环境局"},
           {"序号": 2, "事项名称": "排污许可", "权力类型": "行政许可", "实施主体": "克拉玛依市生态环境局"}]


@pytest.fixture
def opens(monkeypatch) -> Counter:
    """How often each file is opened for reading, by resolved path: every way in (open(),
    Path.read_bytes, Path.open, zipfile, openpyxl, xlrd) goes through builtins.open or io.open."""
    counts: Counter = Counter()
    real_open = io.open

    def counting_open(file, mode="r", *args, **kwargs):
        if isinstance(file, str | bytes | os.PathLike) and not set(mode) & set("wax+"):
            counts[Path(os.fsdecode(file)).resolve()] += 1
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(io, "open", counting_open)
    return counts


@pytest.fixture
def parses(monkeypatch) -> Counter:
    """How often json.loads is given each text."""
    counts: Counter = Counter()
    real_loads = json.loads

    def counting_loads(s, *args, **kwargs):
        counts[s] += 1
        return real_loads(s, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting_loads)
    return counts


def _in_folder(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_json_list_sniffed_then_parsed_is_read_and_parsed_once(tmp_path, opens, parses):
    text = json.dumps({"title": "克拉玛依市生态环境局权责清单", "records": RECORDS}, ensure_ascii=False)
    path = _in_folder(tmp_path, "list.json", text.encode())
    report = parse_file(path, explicit=False)
    assert (report.kind, report.status, report.records) == ("list", "valid", 2)
    assert opens[path.resolve()] == 1
    assert parses[text] == 1


def test_unrecognised_json_in_a_folder_is_read_and_parsed_once(tmp_path, opens, parses):
    # sniff says unknown, the portal-reply check reads it as a guide, the list parser refuses it:
    # three readers, one read and one parse.
    text = json.dumps([{"a": 1, "b": 2}])
    path = _in_folder(tmp_path, "other.json", text.encode())
    report = parse_file(path, explicit=False)
    assert (report.kind, report.status) == ("list", "refused")
    assert report.errors[0]["message"].startswith("没有可识别的表头")
    assert opens[path.resolve()] == 1
    assert parses[text] == 1


def test_broken_json_is_parsed_once_and_its_lines_once(tmp_path, opens, parses):
    text = '{"records": [1, 2\n{"x": 1}'
    path = _in_folder(tmp_path, "broken.json", text.encode())
    report = parse_file(path, explicit=False)
    assert report.status == "refused"
    assert report.errors[0]["message"] == "broken.json：第 1 行不是 JSON（第 18 列：Expecting ',' delimiter）"
    assert opens[path.resolve()] == 1
    assert parses[text] == 1  # the error is kept: the portal check and the list reader get it again
    assert parses['{"records": [1, 2'] == 1  # and the first line, tried by sniff and the reader


def test_json_lines_are_parsed_once(tmp_path, opens, parses):
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    path = _in_folder(tmp_path, "list.jsonl", "\n".join(lines).encode())
    report = parse_file(path, explicit=False, department="克拉玛依市生态环境局")
    assert (report.kind, report.status, report.records) == ("list", "valid", 2)
    assert opens[path.resolve()] == 1
    assert [parses[line] for line in lines] == [1, 1]


def test_raw_portal_reply_is_read_and_parsed_once(tmp_path, opens, parses):
    path = tmp_path / RAW_REPLY.name
    shutil.copy(RAW_REPLY, path)
    report = parse_file(path, explicit=False)
    assert report.status == "skipped"
    assert "政务服务网站" in report.warnings[0]["message"] and "原始答复" in report.warnings[0]["message"]
    assert opens[path.resolve()] == 1
    assert parses[RAW_REPLY.read_text(encoding="utf-8")] == 1


@pytest.mark.parametrize("name", ["国动办权责清单公示.xlsx",  # OOXML: zipfile and openpyxl
                                  "克拉玛依市发展和改革委员会2024年权责清单.xls",  # BIFF: xlrd
                                  "附件：克拉玛依市财政局2025年权责清单 (1).xlsx"])  # BIFF named .xlsx
def test_spreadsheet_is_read_once(name, opens):
    path = KARAMAY / name
    report = parse_file(path, explicit=False)
    assert (report.kind, report.status) == ("list", "valid")
    assert opens[path.resolve()] == 1


def test_guide_and_law_are_read_once(opens, parses):
    guide = SHARED_DATA / "hunan_onething" / "themes.json"
    law = next((SHARED_DATA / "laws").glob("*.md"))
    assert parse_file(guide, explicit=False).kind == "guide"
    assert parse_file(law, explicit=False).kind == "law"
    assert (opens[guide.resolve()], opens[law.resolve()]) == (1, 1)
    assert parses[guide.read_text(encoding="utf-8")] == 1


def test_sha256_and_text_come_from_the_one_read(tmp_path):
    path = _in_folder(tmp_path, "a.csv", "序号,事项名称\n".encode("gb18030"))
    source = as_source(path)
    assert as_source(source) is source
    assert (source.path, source.name, source.suffix, source.stem) == (str(path), "a.csv", ".csv", "a")
    path.unlink()  # nothing read yet: the first use reads; later ones use what was read
    with pytest.raises(FileNotFoundError):
        _ = source.data
    path.write_bytes("序号,事项名称\n".encode("gb18030"))
    assert source.text == "序号,事项名称\n" and source.encoding == "gb18030"
    path.unlink()
    assert len(source.sha256) == 64 and source.stream().read() == source.data


def test_a_json_error_is_raised_again_with_its_position(tmp_path):
    source = Source(_in_folder(tmp_path, "x.json", b'{"a": 1,\n  oops}'))
    errors = []
    for _ in range(2):
        with pytest.raises(json.JSONDecodeError) as exc:
            source.json()
        errors.append((exc.value.msg, exc.value.lineno, exc.value.colno))
    assert errors[0] == errors[1] == ("Expecting property name enclosed in double quotes", 2, 3)
