"""Zip archives of lists: what a portal publishes as one attachment (权责清单.zip: a workbook or a Word document per
department, a folder per power type).

An import unpacks an archive into a private temporary folder and imports its files as a folder's (each file alone,
all or nothing; those that are no list, law or guide skipped with a notice), naming each by the archive's path and
its own inside it (清单.zip/交通运输局.xlsx). Before a byte is unpacked the archive is checked as a workbook is
(`workbook.check_zip`: members, total size, ratio), and the bytes written across every archive of an import stay under
the same limit. Names are decoded as Chinese Windows tools write them (GBK without the zip's UTF-8 flag), never
placed outside the folder (「../」, absolute paths), and a folder's own furniture (__MACOSX, .DS_Store) is left out.
An archive inside an archive is unpacked too, one level deep.

A zip that is an Office document (an .xlsx, a .docx: [Content_Types].xml), an OpenDocument one (mimetype) or an OFD
(OFD.xml) is no archive here: its readers read it, or refuse it with what it is.
"""
from __future__ import annotations

import shutil
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from importers.records import FileRefused, RowError
from importers.source import MB, Source

_DOCUMENT_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".docx", ".docm", ".dotx", ".et", ".ods", ".odt"}
_FURNITURE = {"__MACOSX", "Thumbs.db", "desktop.ini"}
DEPTH = 2  # an archive inside an archive is unpacked; one inside that is refused

_roots: dict[str, str] = {}  # a file unpacked for an import -> its name: the archive's path as given / its own
_refusals: dict[str, FileRefused] = {}  # an archive an import did not unpack -> why
_lock = threading.Lock()


def is_archive(path: str | Path | Source) -> bool:
    """Whether the file is a zip of files (not a zipped Office or OpenDocument document), from its bytes: the first four
    and, for a zip, its directory (a file given by its path is not read whole)."""
    source = path if isinstance(path, Source) else None
    name = Path(source.path if source else path)
    if name.suffix.lower() in _DOCUMENT_SUFFIXES:
        return False
    try:
        if source is not None:
            head, opened = source.head[:4], source.stream()
        else:
            with open(name, "rb") as fh:
                head = fh.read(4)
            opened = name
        if head not in (b"PK\x03\x04", b"PK\x05\x06"):
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


def members(source: Source) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    """The archive's files and where each goes, checked before anything is unpacked; FileRefused for a damaged
    archive, a bomb, a password or one that holds no file."""
    from importers.workbook import check_zip

    try:
        with zipfile.ZipFile(source.stream()) as zf:
            check_zip(source, zf)
            infos = zf.infolist()
    except FileRefused:
        raise
    except Exception as exc:  # BadZipFile, a truncated directory: a damaged archive
        raise _refused(source, f"已损坏或不完整，无法读取（{type(exc).__name__}）") from exc
    out: list[tuple[zipfile.ZipInfo, PurePosixPath]] = []
    for info in infos:
        relative = _relative(member_name(info))
        if relative is None or info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise _refused(source, f"中的 {relative} 有密码，无法解压：请先用解压软件输入密码解压，再导入解压出的文件")
        out.append((info, relative))
    if not out:
        raise _refused(source, "中没有文件")
    return out


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
    size = sum(max(info.file_size, MEMBER_FLOOR) for info, _ in wanted)
    if size > budget.bytes or len(wanted) > budget.files:
        raise _refused(source, f"解压后将有 {len(wanted):,} 个文件、{size / MB:,.0f} MB，连同本次导入的其他压缩包超过上限"
                               f"（KB_IMPORT_MAX_UNZIPPED；文件数 {MAX_ZIP_MEMBERS:,}）")
    budget.bytes -= size
    budget.files -= len(wanted)
    out: list[tuple[Path, str]] = []
    try:
        with zipfile.ZipFile(source.stream()) as zf:
            for n, (info, relative) in enumerate(wanted):
                target = folder / str(n) / _cut(relative.name)
                target.parent.mkdir(parents=True)
                with zf.open(info) as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)  # (zipfile gives no more than the size checked above)
                out.append((target, f"{source.path}/{relative}"))
    except FileRefused:
        raise
    except Exception as exc:  # a bad CRC, a member cut short, an unknown compression
        raise _refused(source, f"解压时出错，可能已损坏（{type(exc).__name__}）") from exc
    return out


def _cut(name: str) -> str:
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
    """Why an archive reached a reader of files (the browser's upload, a caller that did not unpack it): what is
    wrong with it, else that it is to be imported by `kb import` or unpacked first."""
    kept = kept_refusal(source.path)
    if kept is not None:
        return kept
    found = members(source)
    return _refused(source, f"中有 {len(found)} 个文件：请用 kb import 导入整个压缩包，或解压后逐个导入")
