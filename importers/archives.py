"""Archives of lists: what a portal publishes as one attachment (权责清单.zip or .rar: a workbook or a Word document per
department, a folder per power type).

An import unpacks an archive into a private temporary folder and imports its files as a folder's (each file alone,
all or nothing; those that are no list, law or guide skipped with a notice), naming each by the archive's path and
its own inside it (清单.zip/交通运输局.xlsx). Before a byte is unpacked the archive is checked as a workbook is
(`workbook.check_zip`: members, total size, ratio), and the bytes written across every archive of an import stay under
the same limit. Names are decoded as Chinese Windows tools write them (GBK without the zip's UTF-8 flag), never
placed outside the folder (「../」, absolute paths), and a folder's own furniture (__MACOSX, .DS_Store) is left out.
An archive inside an archive is unpacked too, one level deep.

Zip is read by Python's zipfile. RAR (RAR 5, and RAR 4 unless solid) and 7-Zip are read by libarchive, the C library
Debian installs with cmake and bsdtar (`libarchive-c`, its binding, finds it); where it is missing they are refused with
"unpack first", as before. Their headers give no member's packed size: the whole archive's ratio is checked, and no
member is written beyond the size its header declares (a header that lies is refused as damage). A RAR whose headers
are encrypted is refused as having a password (libarchive says so); so is one whose files alone are, found from its
headers (`encrypted_rar_member`: libarchive 3.6 does not tell, and unpacks their ciphertext).

A zip that is an Office document (an .xlsx, a .docx: [Content_Types].xml), an OpenDocument one (mimetype) or an OFD
(OFD.xml) is no archive here: its readers read it, or refuse it with what it is.
"""
from __future__ import annotations

import functools
import shutil
import struct
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from importers.records import FileRefused, RowError
from importers.source import MB, Source

_DOCUMENT_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".docx", ".docm", ".dotx", ".et", ".ods", ".odt", ".ofd"}
_FURNITURE = {"__MACOSX", "Thumbs.db", "desktop.ini"}
DEPTH = 2  # an archive inside an archive is unpacked; one inside that is refused

_roots: dict[str, str] = {}  # a file unpacked for an import -> its name: the archive's path as given / its own
_refusals: dict[str, FileRefused] = {}  # an archive an import did not unpack -> why
_lock = threading.Lock()


# A file's first bytes -> what a reader calls it, and libarchive's reader of it (only that one: with every reader
# allowed, libarchive took a RAR storing an .xlsx for the zip at its end)
_LIBARCHIVE_FORMATS = {b"Rar!\x1a\x07\x01\x00": ("RAR", "rar5"), b"Rar!\x1a\x07\x00": ("RAR", "rar"),
                       b"7z\xbc\xaf\x27\x1c": ("7-Zip", "7zip")}


def _libarchive_format(head: bytes) -> tuple[str, str] | None:
    """(what a reader calls it, libarchive's format) of a RAR or a 7-Zip from its first bytes, else None."""
    return next((kind for magic, kind in _LIBARCHIVE_FORMATS.items() if head.startswith(magic)), None)


def _other_format(head: bytes) -> str | None:
    """RAR or 7-Zip from a file's first bytes, else None."""
    kind = _libarchive_format(head)
    return kind[0] if kind else None


def _reader(source: Source):
    """libarchive's reader of the archive, with its own format's reader only."""
    import libarchive

    return libarchive.file_reader(source.path, format_name=_libarchive_format(source.head)[1])


@functools.cache
def libarchive_found() -> bool:
    """Whether libarchive (the C library) can be loaded: RAR and 7-Zip are unpacked only then."""
    try:
        import libarchive  # noqa: F401 - (loading it finds the library, or raises)
    except Exception:  # noqa: BLE001 - OSError, AttributeError: no library, or one too old for the binding
        return False
    return True


def is_archive(path: str | Path | Source) -> bool:
    """Whether the file is an archive of files kb unpacks (a zip that is not a zipped Office or OpenDocument document;
    RAR and 7-Zip where libarchive is found), from its bytes: the first few and, for a zip, its directory (a file given
    by its path is not read whole)."""
    source = path if isinstance(path, Source) else None
    name = Path(source.path if source else path)
    if name.suffix.lower() in _DOCUMENT_SUFFIXES:
        return False
    try:
        if source is not None:
            head, opened = source.head[:8], source.stream()
        else:
            with open(name, "rb") as fh:
                head = fh.read(8)
            opened = name
        if _other_format(head):
            return libarchive_found()
        if head[:4] not in (b"PK\x03\x04", b"PK\x05\x06"):
            return False
        with zipfile.ZipFile(opened) as zf:
            names = set(zf.namelist())
    except Exception:  # noqa: BLE001 - whatever a damaged zip raises: a .zip is refused as an archive, with why
        return name.suffix.lower() == ".zip"
    return not names & {"[Content_Types].xml", "mimetype", "OFD.xml"}  # (Office, OpenDocument, OFD: documents)


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its writer meant it: zip tools on Chinese Windows write GBK without the UTF-8 flag,
    which zipfile decodes as code page 437."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _relative(name: str) -> PurePosixPath | None:
    """The member's path inside the folder, or None for a folder, furniture or a hidden file; never one that
    leaves the folder."""
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    if not parts or name.endswith(("/", "\\")) or any(p in _FURNITURE or p.startswith(".") for p in parts):
        return None
    parts[0] = parts[0].replace(":", "_")  # (C:…)
    return PurePosixPath(*parts)


def _refused(source: Source, said: str) -> FileRefused:
    return FileRefused(source.path, [RowError(f"压缩包 {source.name} {said}")])


@dataclass
class Member:
    """A file in an archive: where it goes, its size as its header declares it, and how its reader finds it (a
    ZipInfo, or its place among libarchive's entries)."""

    relative: PurePosixPath
    size: int
    key: Any


def members(source: Source) -> list[Member]:
    """The archive's files and where each goes, checked before anything is unpacked; FileRefused for a damaged
    archive, a bomb, a password or one that holds no file."""
    what = _other_format(source.head[:8])
    out = _other_members(source, what) if what else _zip_members(source)
    if not out:
        raise _refused(source, "中没有文件")
    return out


def _zip_members(source: Source) -> list[Member]:
    from importers.workbook import check_zip

    try:
        with zipfile.ZipFile(source.stream()) as zf:
            check_zip(source, zf)
            infos = zf.infolist()
    except FileRefused:
        raise
    except Exception as exc:  # BadZipFile, a truncated directory: a damaged archive
        raise _refused(source, f"已损坏或不完整，无法读取（{type(exc).__name__}）") from exc
    out: list[Member] = []
    for info in infos:
        relative = _relative(member_name(info))
        if relative is None or info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise _password(source, relative)
        out.append(Member(relative, info.file_size, info))
    return out


def _password(source: Source, relative: PurePosixPath | None = None) -> FileRefused:
    where = f"中的 {relative} " if relative else ""
    return _refused(source, f"{where}有密码，无法解压：请先用解压软件输入密码解压，再导入解压出的文件")


def _entry_name(entry) -> str:
    """An entry's path: libarchive's Unicode name, else its bytes as a Chinese Windows tool wrote them (GBK)."""
    from libarchive import ffi

    raw = ffi.entry_pathname(entry._entry_p) or b""
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return entry.pathname or ""


@functools.cache
def _encrypted():
    from libarchive import ffi

    return ffi.ffi("entry_is_encrypted", [ffi.c_archive_entry_p], ffi.c_int)


def _is_encrypted(entry_p) -> int:
    """libarchive's archive_entry_is_encrypted (the binding does not declare it)."""
    return _encrypted()(entry_p)


def _libarchive_refusal(source: Source, what: str, exc: Exception) -> FileRefused:
    """What libarchive's error (in English) means to a reader: a password, a kind it cannot unpack, a split or a
    damaged file."""
    said = str(exc)
    if "ncrypt" in said or "assword" in said:
        return _password(source)
    if "solid" in said.lower():
        return _refused(source, "是 RAR 4 的固实压缩包，kb 解不开：请先用解压软件解压，再导入解压出的文件")
    if "nsupported" in said or "unavailable" in said:
        return _refused(source, f"用了 kb 解不开的 {what} 压缩方式或加了密码：请先用解压软件解压，再导入解压出的文件")
    return _refused(source, "已损坏、不完整或是分卷压缩包的一部分，无法解开：请先用解压软件解压（分卷的从第一卷解），"
                            "再导入解压出的文件")


def _other_members(source: Source, what: str) -> list[Member]:
    """A RAR's or a 7-Zip's files from their headers (libarchive skips their data), checked as a zip's are by
    `workbook.check_unpacked`: every entry counted (folders and furniture too: unpacking the files after them
    unpacks them), every declared size, and the whole archive's ratio (a member's packed size is not in its header)."""
    from importers.workbook import MAX_ZIP_MEMBERS, check_unpacked

    out: list[Member] = []
    count = total = 0
    if what == "RAR":
        locked = encrypted_rar_member(source)
        if locked:
            raise _password(source, _relative(locked))
    try:
        with _reader(source) as archive:
            for entry in archive:
                count += 1
                total += entry.size or 0
                if count > MAX_ZIP_MEMBERS:
                    break  # (refused below, without reading the rest)
                if _is_encrypted(entry._entry_p) > 0:  # (-1: not known yet)
                    raise _password(source, _relative(_entry_name(entry)))
                relative = _relative(_entry_name(entry))
                if relative is not None and entry.isfile:
                    out.append(Member(relative, entry.size or 0, count - 1))
    except FileRefused:
        raise
    except Exception as exc:  # libarchive.ArchiveError: damage, a password, a kind it cannot read
        raise _libarchive_refusal(source, what, exc) from exc
    check_unpacked(source, count, total, [(None, total, Path(source.path).stat().st_size)])
    return out


RAR5, RAR4 = b"Rar!\x1a\x07\x01\x00", b"Rar!\x1a\x07\x00"
_RAR_HEADERS = 100_000  # headers read at most before giving up (a file bigger than any list's archive)


def encrypted_rar_member(source: Source) -> str | None:
    """The name of the first file of a RAR whose data (not its headers) is encrypted, from the headers as the
    format's technical notes describe them (RAR 5: a file header's extra area holds an encryption record, type 1;
    RAR 4: a file header's flag 0x04); None when none is, or the headers cannot be read (libarchive says why then).
    libarchive unpacks such a file's ciphertext as if it were its content."""
    try:
        with source.stream() as f:
            signature = f.read(8)
            if signature == RAR5:
                return _rar5_encrypted(f)
            if signature[:7] == RAR4:
                f.seek(7)
                return _rar4_encrypted(f)
    except (OSError, ValueError, IndexError, struct.error):
        return None
    return None


def _vint(data: bytes, at: int) -> tuple[int, int]:
    """A RAR 5 variable-length integer at `at`: (its value, where the next field begins)."""
    value = shift = 0
    while True:
        byte = data[at]
        value |= (byte & 0x7F) << shift
        at, shift = at + 1, shift + 7
        if not byte & 0x80 or shift > 63:
            return value, at


def _rar5_encrypted(f) -> str | None:
    for _ in range(_RAR_HEADERS):
        start = f.read(4 + 3)  # CRC32, then the header's size (a vint of at most 3 bytes: a header is under 2 MB)
        if len(start) < 5:
            return None
        size, at = _vint(start, 4)
        if size < 2:
            return None  # (no header is that short: damage, which libarchive reports)
        header = start[at:] + f.read(max(size - (len(start) - at), 0))
        kind, at = _vint(header, 0)
        flags, at = _vint(header, at)
        extra = data = 0
        if flags & 0x1:
            extra, at = _vint(header, at)
        if flags & 0x2:
            data, at = _vint(header, at)
        if kind == 2 and extra:  # a file's header: its name, then its extra area's records
            file_flags, at = _vint(header, at)
            for _field in range(2):  # unpacked size, attributes
                _, at = _vint(header, at)
            at += (4 if file_flags & 0x2 else 0) + (4 if file_flags & 0x4 else 0)
            for _field in range(2):  # compression, host
                _, at = _vint(header, at)
            length, at = _vint(header, at)
            name = header[at: at + length].decode("utf-8", "replace")
            records = header[len(header) - extra:]
            i = 0
            while i < len(records):
                record_size, j = _vint(records, i)
                record_type, _ = _vint(records, j)
                if record_type == 1:
                    return name
                i = j + record_size
        if kind in (4, 5):  # the archive's headers encrypted (libarchive says so), or its end
            return None
        f.seek(data, 1)
    return None


def _rar4_encrypted(f) -> str | None:
    for _ in range(_RAR_HEADERS):
        base = f.read(7)  # CRC (2), type (1), flags (2), size (2)
        if len(base) < 7:
            return None
        kind, flags, size = base[2], struct.unpack_from("<H", base, 3)[0], struct.unpack_from("<H", base, 5)[0]
        if kind == 0x73 and flags & 0x80:
            return None  # the archive's headers are encrypted: what follows is ciphertext (libarchive says so)
        rest = f.read(max(size - 7, 0))
        added = struct.unpack_from("<I", rest)[0] if flags & 0x8000 or kind == 0x74 else 0
        if kind == 0x74:  # a file: packed size, …, its name (OEM bytes, then a zero and its Unicode form when flagged)
            if flags & 0x100:
                added += struct.unpack_from("<I", rest, 25)[0] << 32
            if flags & 0x04:
                length = struct.unpack_from("<H", rest, 19)[0]
                at = 25 + (8 if flags & 0x100 else 0)
                return rest[at: at + length].split(b"\0")[0].decode("gb18030", "replace")
        elif kind == 0x7B:  # the archive's end
            return None
        f.seek(added, 1)
    return None


MEMBER_FLOOR = 4096  # bytes each file counts for against the budget, however small (a file costs its parsing too)
NAME_BYTES = 200  # a file's name on disk cut to this many bytes of UTF-8 (the shown name is whole)


@dataclass
class Budget:
    """What every archive of one import may still unpack to, together: bytes and files."""

    bytes: int
    files: int


def unpack(source: Source, folder: Path, budget: Budget) -> list[tuple[Path, str]]:
    """Unpack the archive's files into `folder`: (the file, its name as shown: the archive's path / its own). Each file
    is written in a folder of its own under its name (cut to `NAME_BYTES`), so no two names collide and no name leaves
    `folder`; `budget` is used up here."""
    from importers.workbook import MAX_ZIP_MEMBERS

    wanted = members(source)
    size = sum(max(m.size, MEMBER_FLOOR) for m in wanted)
    if size > budget.bytes or len(wanted) > budget.files:
        raise _refused(source, f"解压后将有 {len(wanted):,} 个文件、{size / MB:,.0f} MB，连同本次导入的其他压缩包超过上限"
                               f"（KB_IMPORT_MAX_UNZIPPED；文件数 {MAX_ZIP_MEMBERS:,}）")
    budget.bytes -= size
    budget.files -= len(wanted)
    targets = {id(m): folder / str(n) / cut_name(m.relative.name) for n, m in enumerate(wanted)}
    what = _other_format(source.head[:8])
    try:
        if what:
            _unpack_other(source, wanted, targets)
        else:
            with zipfile.ZipFile(source.stream()) as zf:
                for m in wanted:
                    target = targets[id(m)]
                    target.parent.mkdir(parents=True)
                    with zf.open(m.key) as src, target.open("wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)  # (zipfile gives no more than the size checked above)
    except FileRefused:
        raise
    except Exception as exc:  # a bad CRC, a member cut short, an unknown compression
        if what:
            raise _libarchive_refusal(source, what, exc) from exc
        raise _refused(source, f"解压时出错，可能已损坏（{type(exc).__name__}）") from exc
    return [(targets[id(m)], f"{source.path}/{m.relative}") for m in wanted]


def _unpack_other(source: Source, wanted: list[Member], targets: dict[int, Path]) -> None:
    """Write a RAR's or a 7-Zip's wanted files, in the archive's order (a solid archive is read through once); a
    member that gives more than its header declared is refused as damage."""
    by_place = {m.key: m for m in wanted}
    with _reader(source) as archive:
        for n, entry in enumerate(archive):
            member = by_place.get(n)
            if member is None:
                continue
            target = targets[id(member)]
            target.parent.mkdir(parents=True)
            written = 0
            with target.open("wb") as dst:
                for block in entry.get_blocks():
                    written += len(block)
                    if written > member.size:
                        raise _refused(source, f"中的 {member.relative} 解压出的内容多于其文件头所写的 {member.size:,} "
                                               "字节：压缩包已损坏或是伪造的")
                    dst.write(block)


def cut_name(name: str) -> str:
    """A file name no longer than `NAME_BYTES` in UTF-8, its extension kept."""
    if len(name.encode("utf-8")) <= NAME_BYTES:
        return name
    stem, dot, suffix = name.rpartition(".") if "." in name[1:] else (name, "", "")
    suffix = (dot + suffix)[:16]
    while len((stem + suffix).encode("utf-8")) > NAME_BYTES:
        stem = stem[:-1]
    return stem + suffix


def register(shown: dict[str, str], refused: dict[str, FileRefused]) -> None:
    """The names of the files unpacked for an import, and why the archives that were not unpacked were not."""
    with _lock:
        _roots.update(shown)
        _refusals.update(refused)


def forget(shown: dict[str, str], refused: dict[str, FileRefused]) -> None:
    with _lock:
        for path in shown:
            _roots.pop(path, None)
        for path in refused:
            _refusals.pop(path, None)


def shown_path(path: str) -> str:
    """A file's path as the user knows it: an archive's member by the archive's path and its name inside it."""
    return _roots.get(path, path)


def kept_refusal(path: str) -> FileRefused | None:
    """Why an import did not unpack the archive at `path`, if it did not."""
    with _lock:
        return _refusals.get(path)


def refusal(source: Source) -> FileRefused:
    """Why an archive reached a reader of one file (a caller that did not unpack it: `kb import` and the browser's
    upload do): what is wrong with it, else that it is to be imported by `kb import` or unpacked first."""
    kept = kept_refusal(source.path)
    if kept is not None:
        return kept
    found = members(source)
    return _refused(source, f"中有 {len(found)} 个文件：请用 kb import 导入整个压缩包，或解压后逐个导入")
