"""Lists published as an archive (权责清单.zip, .rar, .7z): its files imported as a folder's, named by the archive and
their place in it, names in GBK as Chinese Windows tools write them, nothing written outside the import's own folder,
and an archive that cannot be unpacked refused with why."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from importers import archives, run
from importers.archives import is_archive
from importers.source import Source
from tests.conftest import SHARED_DATA

KARAMAY = SHARED_DATA / "karamay"
LIST = KARAMAY / "克拉玛依市应急管理局2024年权责清单.xls"
LAW = SHARED_DATA / "laws" / "安全生产法(2021-06-10).md"


class _GbkName(zipfile.ZipInfo):
    """A member named as WinRAR or Windows on a Chinese system names it: GBK bytes, no UTF-8 flag."""

    def _encodeFilenameFlags(self):  # (zipfile.s own name)
        return self.filename.encode("gbk"), self.flag_bits


def write_zip(path: Path, members: dict[str, bytes], gbk: bool = True) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            info = _GbkName(name) if gbk else zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return path


def _marked_encrypted(path: Path) -> Path:
    """The archive's members marked as encrypted with a password (zipfile writes no encrypted member itself)."""
    data = bytearray(path.read_bytes())
    for signature, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        while start >= 0:
            data[start + at] |= 0x1
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))
    return path


def _dry(path: Path) -> dict[str, tuple[str, str, int, list[str]]]:
    result = run.import_paths(None, [path], dry_run=True, progress=False)
    return {f["path"]: (f["kind"], f["status"], f["records"], [e["message"] for e in f["errors"] + f["warnings"]])
            for f in result["files"]}


def _private_temp(tmp_path: Path, monkeypatch) -> Path:
    """This test's own temporary folder for the import's unpacking (another test unpacking at the same time, in
    another process, would otherwise leave its folder where this one looks)."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(run.tempfile, "tempdir", str(temp))
    return temp


def test_a_zip_of_a_list_a_law_and_a_zip_is_read_as_a_folder_named_by_the_archive(tmp_path, monkeypatch):
    temp = _private_temp(tmp_path, monkeypatch)
    inner = io.BytesIO()
    write_zip(inner, {"统计/2025年克拉玛依市统计局权责清单.xlsx": (KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx").read_bytes()})
    archive = write_zip(tmp_path / "克拉玛依市权责清单.zip", {
        LIST.name: LIST.read_bytes(), f"法律/{LAW.name}": LAW.read_bytes(), "说明.txt": "本压缩包含权责清单。".encode("gbk"),
        "__MACOSX/._说明.txt": b"\x00\x05\x16\x07", "内层.zip": inner.getvalue()})
    assert is_archive(archive)
    z = str(archive)
    assert _dry(archive) == {
        f"{z}/{LIST.name}": ("list", "valid", 149, []),
        f"{z}/法律/{LAW.name}": ("law", "valid", 119, []),
        f"{z}/说明.txt": ("unknown", "skipped", 0, ["不是清单、法律文本或一件事指南，已跳过"]),
        f"{z}/内层.zip/统计/2025年克拉玛依市统计局权责清单.xlsx": ("list", "valid", 3, [])}
    assert not list(temp.glob("kb-archive-*"))  # the unpacked files are gone


def test_names_in_utf8_and_a_member_that_would_leave_the_folder(tmp_path):
    archive = write_zip(tmp_path / "清单.zip", {f"../../{LIST.name}": LIST.read_bytes(),
                                               f"/abs/{LAW.name}": LAW.read_bytes()}, gbk=False)
    z = str(archive)
    found = _dry(archive)
    assert found == {f"{z}/{LIST.name}": ("list", "valid", 149, []), f"{z}/abs/{LAW.name}": ("law", "valid", 119, [])}
    temp = Path(run.tempfile.gettempdir())
    assert not (temp / LIST.name).exists() and not (temp.parent / LIST.name).exists()


def test_names_that_collide_or_are_too_long_for_the_disk(tmp_path):
    long = "某" * 94 + "权责清单.xls"  # (a name Windows takes, over 255 bytes in UTF-8)
    archive = write_zip(tmp_path / "清单.zip", {"a": b"notes", "a/b.xls": LIST.read_bytes(), long: LIST.read_bytes(),
                                               "A/B.XLS": LIST.read_bytes()})
    z = str(archive)
    found = _dry(archive)
    assert [(p[len(z) + 1:], kind, status) for p, (kind, status, _, _) in found.items()] == [
        ("a", "unknown", "skipped"), ("a/b.xls", "list", "valid"), (long, "list", "unchanged"), ("A/B.XLS", "list", "unchanged")]


def test_an_ofd_or_an_archive_three_deep_is_not_unpacked(tmp_path):
    ofd = write_zip(tmp_path / "清单.ofd", {"OFD.xml": b"<ofd:OFD/>", "Doc_0/Document.xml": b"<x/>"})
    assert not is_archive(ofd)
    assert "OFD" in run.parse_file(ofd).errors[0]["message"]
    inner = write_zip(tmp_path / "三.zip", {LIST.name: LIST.read_bytes()}).read_bytes()
    middle = write_zip(tmp_path / "二.zip", {"三.zip": inner}).read_bytes()
    outer = write_zip(tmp_path / "一.zip", {"二.zip": middle})
    [(path, (_, status, _, messages))] = _dry(outer).items()
    assert (path, status) == (f"{outer}/二.zip/三.zip", "refused") and "只解开一层嵌套" in messages[0]


def test_an_archive_not_unpacked_is_refused_with_why_when_parsing_is_in_a_process_of_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_IMPORT_MAX_UNZIPPED", str(LIST.stat().st_size + 1000))
    monkeypatch.setattr(run, "PARSE_PROCESS_FILES", 1)
    monkeypatch.setattr(run, "PARSE_PROCESS_BYTES", 0)
    two = [write_zip(tmp_path / f"{n}.zip", {f"{n}.xls": LIST.read_bytes()}) for n in ("甲", "乙")]
    with run.unpacked(two) as files:
        parser = run._Parser(files, None, None, 10_000)
        reports = {Path(r.path).name: r for _, r in parser._parse_all()}
    assert reports["甲.xls"].status == "valid" and reports["乙.zip"].status == "refused"
    assert "超过上限" in reports["乙.zip"].errors[0]["message"]


def test_an_archive_that_cannot_be_unpacked_is_refused_with_why(tmp_path, monkeypatch):
    good = write_zip(tmp_path / "好.zip", {LIST.name: LIST.read_bytes()}).read_bytes()
    (tmp_path / "截断.zip").write_bytes(good[: len(good) // 2])
    _marked_encrypted(write_zip(tmp_path / "加密.zip", {LIST.name: LIST.read_bytes()}))
    write_zip(tmp_path / "空.zip", {"文件夹/": b""})
    write_zip(tmp_path / "炸弹.zip", {"a.xlsx": b"\x00" * (40 << 20)})
    said = {}
    for name in ("截断.zip", "加密.zip", "空.zip", "炸弹.zip"):
        said |= {Path(p).name: (status, messages[0]) for p, (_, status, _, messages) in _dry(tmp_path / name).items()}
    assert said["截断.zip"] == ("refused", "压缩包 截断.zip 已损坏或不完整，无法读取（BadZipFile）")
    assert said["加密.zip"][0] == "refused" and "有密码，无法解压" in said["加密.zip"][1]
    assert said["空.zip"] == ("refused", "压缩包 空.zip 中没有文件")
    assert said["炸弹.zip"][0] == "refused" and "可能是压缩炸弹" in said["炸弹.zip"][1]
    # every archive of an import together stays under the unpacking limit
    monkeypatch.setenv("KB_IMPORT_MAX_UNZIPPED", str(LIST.stat().st_size + 1000))
    two = [write_zip(tmp_path / f"{n}.zip", {f"{n}.xls": LIST.read_bytes()}) for n in ("甲", "乙")]
    result = run.import_paths(None, two, dry_run=True, progress=False)
    assert [(Path(f["path"]).name, f["status"]) for f in result["files"]] == [("甲.xls", "valid"), ("乙.zip", "refused")]
    assert "超过上限" in result["files"][1]["errors"][0]["message"]


def test_an_archive_given_to_a_reader_of_one_file_says_how_to_import_it(tmp_path):
    archive = write_zip(tmp_path / "清单.zip", {LIST.name: LIST.read_bytes(), f"法律/{LAW.name}": LAW.read_bytes()})
    report = run.parse_file(archive)
    assert report.status == "refused"
    assert report.errors[0]["message"] == "压缩包 清单.zip 中有 2 个文件：请用 kb import 导入整个压缩包，或解压后逐个导入"


def test_office_documents_are_no_archives(tmp_path):
    assert not is_archive(KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx")
    odd = write_zip(tmp_path / "清单.bin", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<x/>"})
    assert not is_archive(odd)
    assert not is_archive(LIST)


def _vint(n: int) -> bytes:
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _rar5_block(kind: int, body: bytes, data: bytes = b"", extra: bytes = b"") -> bytes:
    flags = (0x1 if extra else 0) | (0x2 if data else 0)
    fields = _vint(kind) + _vint(flags) + (_vint(len(extra)) if extra else b"") + (_vint(len(data)) if data else b"") \
        + body + extra
    header = _vint(len(fields)) + fields
    return struct.pack("<I", zlib.crc32(header)) + header + data


def write_rar5(path: Path, members: dict[str, bytes], declared: dict[str, int] | None = None,
               encrypted: bool = False, locked: tuple[str, ...] = ()) -> Path:
    """A RAR 5 archive of stored files, as the format's technical note describes it (WinRAR is not free software:
    none is at hand to write one); `declared` gives a member a size of its header's own; `encrypted`: its headers
    encrypted with a password (an archive encryption header first, the rest unreadable without the key); `locked`:
    these members' data encrypted (an encryption record in their header's extra area; their data, scrambled here,
    padded to the cipher's 16-byte blocks)."""
    out = b"Rar!\x1a\x07\x01\x00"
    if encrypted:  # (version 0, no flags, KDF count 15, salt): what follows is ciphertext
        out += _rar5_block(4, _vint(0) + _vint(0) + bytes([15]) + bytes(16)) + bytes(range(256)) * 8
    out += _rar5_block(1, _vint(0))
    for name, data in members.items():
        encoded = name.encode("utf-8")
        size = (declared or {}).get(name, len(data))
        body = _vint(0x4) + _vint(size) + _vint(0x20) + struct.pack("<I", zlib.crc32(data)) + _vint(0) + _vint(0) \
            + _vint(len(encoded)) + encoded  # (file flags: CRC32 given; stored, Windows)
        extra = b""
        if name in locked:  # (version 0, a password check, KDF count 15, salt, IV, the check's 12 bytes)
            record = _vint(1) + _vint(0) + _vint(1) + bytes([15]) + bytes(16) + bytes(16) + bytes(12)
            extra = _vint(len(record)) + record
            data = bytes(b ^ 0x5A for b in data) + bytes(-len(data) % 16)
        out += _rar5_block(2, body, data, extra)
    path.write_bytes(out + _rar5_block(5, _vint(0)))
    return path


def write_rar4(path: Path, members: dict[str, bytes], locked: tuple[str, ...] = ()) -> Path:
    """A RAR 4 archive of stored files (the marker, an archive header, each file's header and data, the end), names
    in GBK as Chinese Windows WinRAR writes them; `locked`: these members flagged as encrypted (0x04), data scrambled."""
    def block(kind: int, flags: int, fields: bytes) -> bytes:
        body = bytes([kind]) + struct.pack("<HH", flags, 7 + len(fields)) + fields
        return struct.pack("<H", zlib.crc32(body) & 0xFFFF) + body

    out = b"Rar!\x1a\x07\x00" + block(0x73, 0, bytes(6))
    for name, data in members.items():
        encoded = name.encode("gb18030")
        flags = 0x8000 | (0x04 if name in locked else 0)
        packed = bytes(b ^ 0x5A for b in data) if name in locked else data
        out += block(0x74, flags, struct.pack("<IIBIIBBHI", len(packed), len(data), 2, zlib.crc32(data), 0x5A000000, 20,
                                              0x30, len(encoded), 0x20) + encoded) + packed
    path.write_bytes(out + block(0x7B, 0x4000, b""))
    return path


def write_7z(path: Path, members: dict[str, bytes]) -> Path:
    import libarchive

    with libarchive.file_writer(str(path), "7zip") as archive:
        for name, data in members.items():
            archive.add_file_from_memory(name, len(data), data)
    return path


def test_rar_and_7z_archives_are_read_as_folders_too(tmp_path):
    stats = KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"  # (a zip stored whole at the archive's end: still a RAR's)
    members = {LIST.name: LIST.read_bytes(), f"法律/{LAW.name}": LAW.read_bytes(), stats.name: stats.read_bytes()}
    for archive in (write_rar5(tmp_path / "克拉玛依市权责清单.rar", members), write_7z(tmp_path / "附件.7z", members)):
        assert is_archive(archive)
        z = str(archive)
        assert _dry(archive) == {f"{z}/{LIST.name}": ("list", "valid", 149, []),
                                 f"{z}/法律/{LAW.name}": ("law", "valid", 119, []),
                                 f"{z}/{stats.name}": ("list", "valid", 3, [])}
    # a zip inside a RAR, and a RAR inside a zip: one level of nesting, whatever the kinds
    inner = write_rar5(tmp_path / "内层.rar", {LIST.name: LIST.read_bytes()})
    outer = write_zip(tmp_path / "外层.zip", {"内层.rar": inner.read_bytes()})
    assert _dry(outer) == {f"{outer}/内层.rar/{LIST.name}": ("list", "valid", 149, [])}


def test_a_rar_or_7z_that_cannot_be_unpacked_is_refused_with_why(tmp_path, monkeypatch):
    temp = _private_temp(tmp_path, monkeypatch)
    good = write_rar5(tmp_path / "好.rar", {LIST.name: LIST.read_bytes()}).read_bytes()
    (tmp_path / "截断.rar").write_bytes(good[: len(good) // 2])
    write_rar5(tmp_path / "加密.rar", {LIST.name: LIST.read_bytes()}, encrypted=True)
    write_rar5(tmp_path / "炸弹.rar", {"a.xlsx": b"\x00" * 1000}, declared={"a.xlsx": 50 << 30})  # 50 GB said
    write_7z(tmp_path / "空.7z", {})
    said = {}
    for name in ("截断.rar", "加密.rar", "炸弹.rar", "空.7z"):
        said |= {Path(p).name: (status, messages[0]) for p, (_, status, _, messages) in _dry(tmp_path / name).items()}
    assert said["截断.rar"] == ("refused", ("压缩包 截断.rar 已损坏、不完整或是分卷压缩包的一部分，无法解开：请先用解压软件解压"
                                          "（分卷的从第一卷解），再导入解压出的文件"))
    assert said["加密.rar"] == ("refused", "压缩包 加密.rar 有密码，无法解压：请先用解压软件输入密码解压，再导入解压出的文件")
    assert said["炸弹.rar"][0] == "refused" and "超过上限" in said["炸弹.rar"][1] and "未解压即拒绝" in said["炸弹.rar"][1]
    assert said["空.7z"] == ("refused", "压缩包 空.7z 中没有文件")
    assert not list(temp.glob("kb-archive-*"))


def test_a_rar_whose_files_have_a_password_is_refused_as_such(tmp_path):
    """Headers readable, a file's data encrypted: libarchive would unpack the ciphertext (read as a damaged workbook);
    the file's header says it is encrypted, and the archive is refused naming it. RAR 5 and RAR 4 alike; the same
    archives without the password unpack."""
    members = {"说明.txt": "本压缩包收录两个部门的权责清单。".encode("gb18030"), LIST.name: LIST.read_bytes()}
    for write in (write_rar5, write_rar4):
        plain = write(tmp_path / f"{write.__name__}.rar", members)
        assert _dry(plain)[f"{plain}/{LIST.name}"] == ("list", "valid", 149, [])
        locked = write(tmp_path / f"{write.__name__}加密.rar", members, locked=(LIST.name,))
        assert archives.encrypted_rar_member(Source(locked)) == LIST.name
        assert _dry(locked) == {str(locked): ("unknown", "refused", 0, [
            f"压缩包 {locked.name} 中的 {LIST.name} 有密码，无法解压：请先用解压软件输入密码解压，再导入解压出的文件"])}


def test_without_libarchive_a_rar_or_7z_is_refused_with_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(archives, "libarchive_found", lambda: False)  # (a machine without the library)
    members = {LIST.name: LIST.read_bytes()}
    for archive in (write_rar5(tmp_path / "清单.rar", members), write_7z(tmp_path / "清单.7z", members)):
        assert not is_archive(archive)
        report = run.parse_file(archive)
        assert report.status == "refused"
        assert "没有 libarchive 库，kb 解不开：请先解压，再导入解压出的文件夹" in report.errors[0]["message"], report.errors
