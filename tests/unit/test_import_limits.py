"""Huge files and zip bombs are refused by their size, before a parser sees them, with the file named."""
from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from importers.run import parse_file
from tests.conftest import KARAMAY

STATS = KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"
MB = 1024 * 1024


def _refusal(path: Path) -> str:
    report = parse_file(path)
    assert report.status == "refused" and report.doc is None, report
    return report.errors[0]["message"]


def test_a_file_over_the_limit_is_refused_by_its_size_unread(tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "省级权责清单.xlsx"
    with big.open("wb") as fh:  # sparse: 201 MB on paper, nothing on disk
        fh.truncate(201 * MB)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    message = _refusal(big)
    assert "省级权责清单.xlsx" in message and "201.0 MB" in message and "200 MB" in message


def test_the_size_limit_is_a_setting(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KB_IMPORT_MAX_BYTES", str(STATS.stat().st_size - 1))
    assert "KB_IMPORT_MAX_BYTES" in _refusal(STATS)
    monkeypatch.setenv("KB_IMPORT_MAX_BYTES", str(STATS.stat().st_size))
    assert parse_file(STATS).status == "valid"


def _bomb(path: Path, size: int = 64 * MB) -> Path:
    """A real workbook with one extra member of zeros that deflates about 1,000 times."""
    with zipfile.ZipFile(STATS) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        with out.open("xl/media/zeros.bin", "w") as fh:
            chunk = b"\0" * MB
            for _ in range(size // MB):
                fh.write(chunk)
    return path


def test_a_zip_bomb_is_refused_from_the_central_directory(tmp_path: Path, monkeypatch) -> None:
    bomb = _bomb(tmp_path / "bomb.xlsx")
    assert bomb.stat().st_size < MB
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("openpyxl opened a zip bomb"))
    monkeypatch.setattr(zipfile.ZipFile, "testzip", lambda self: pytest.fail("a member was unpacked"))
    message = _refusal(bomb)
    assert "bomb.xlsx" in message and "xl/media/zeros.bin" in message and "KB_IMPORT_MAX_RATIO" in message


def test_too_much_in_all_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KB_IMPORT_MAX_UNZIPPED", str(MB))
    message = _refusal(_bomb(tmp_path / "many.xlsx", 2 * MB))
    assert "many.xlsx" in message and "KB_IMPORT_MAX_UNZIPPED" in message


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "members.xlsx"
    with zipfile.ZipFile(STATS) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        for i in range(10_001):
            out.writestr(f"xl/x/{i}", b"")
    message = _refusal(path)
    assert "members.xlsx 内含 10,0" in message and "超过上限 10,000 个" in message


def test_real_workbooks_are_under_every_limit() -> None:
    for path in KARAMAY.glob("*.xls*"):
        assert parse_file(path).status == "valid", path
