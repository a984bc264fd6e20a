"""Import files: each file is parsed and validated, then written in its own all-or-nothing transaction
(small lists several to a transaction, all or none of them). A dry run validates every file and writes
nothing; an import parses the next files while the database writes the ones before (two cores busy,
not one after the other), laws before lists and guides after them."""
from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import shutil
import sys
import tempfile
import threading
import time
import tomllib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import neo4j.exceptions
from tqdm import tqdm

from importers import archives, laws, writer
from importers.document import DOCUMENT_SUFFIXES
from importers.records import FileRefused, GuideDocument, LawDocument, ListDocument, RowError
from importers.source import Source, decode_text
from importers.workbook import TABLE_TEXTS
from kb import schema
from kb.db import Graph
from kb.explain import explain, reason

Parsed = ListDocument | LawDocument | GuideDocument
LIST_SUFFIXES = {".xls", ".xlsx", ".xlsm", ".csv", ".tsv", ".json", ".jsonl", ".ndjson"}


class NotAList(Exception):
    """A file in a folder that is known not to be a list (skipped with a notice)."""


def _skip_raw_portal_reply(source: Source) -> None:
    """NotAList for a raw portal reply of the one-thing crawl (parse_guides tells it by its JSON)."""
    from importers import onething

    if source.suffix.lower() == ".json":
        try:
            onething.parse_guides(source)
        except onething.NotAGuide as exc:
            raise NotAList(str(exc)) from exc
        except FileRefused:
            pass


@dataclass
class FileReport:
    path: str
    kind: str = "unknown"  # list / law / guide / unknown
    status: str = "refused"  # imported / unchanged / refused / skipped / valid (dry run)
    department: str | None = None
    jurisdiction: str | None = None
    records: int = 0
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    nodes_created: int = 0
    relationships_created: int = 0
    superseded: list[str] = field(default_factory=list)
    current: bool | None = None  # lists: False when imported as history (a newer version is current)
    departments: list[dict] = field(default_factory=list)  # lists: {name, jurisdiction, records} per department
    moved: int = 0  # lists: records put under another department than the file's (their 行使主体's)
    compiled: bool = False  # lists: the file names no body of its own, its records under several (ListDocument.compiled)
    unmapped_columns: list[dict] = field(default_factory=list)  # lists: {sheet, column, header, kept_as}
    # lists: departments the graph held under another spelling of the same body, which the records joined
    # ({as the file names it: as the graph does}; writer.settle_departments)
    same_body: dict[str, str] = field(default_factory=dict)
    reviews: int = 0  # laws: citations of changed articles queued for review (kb laws impact)
    doc: Parsed | None = None

    def as_dict(self) -> dict:
        return {"path": self.path, "kind": self.kind, "status": self.status, "department": self.department,
                "jurisdiction": self.jurisdiction, "records": self.records, "errors": self.errors,
                "warnings": self.warnings, "nodes_created": self.nodes_created,
                "relationships_created": self.relationships_created, "superseded": self.superseded,
                "current": self.current, "departments": self.departments, "moved": self.moved,
                "compiled": self.compiled, "unmapped_columns": self.unmapped_columns, "same_body": self.same_body, "reviews": self.reviews}

    def settled(self, doc: ListDocument) -> None:
        """The departments as written (writer.settle_departments renamed some to the graph's spelling)."""
        if not doc.settled:
            return
        self.same_body = dict(doc.settled)
        self.department = doc.department
        self.departments = [{"name": d["name"], "jurisdiction": d["jurisdiction"], "records": d["records"]}
                            for d in doc.departments]
        self.moved, self.compiled = doc.moved, doc.compiled


# A folder's lists may say where they are from in a file beside them (`jurisdiction = "克拉玛依市"`): for a
# portal's lists whose names say no place (2024年市农业农村局权责清单.xls), as --jurisdiction says for one import.
DECLARATION = "kb-import.toml"


def declared_place(path: Path) -> str | None:
    """The jurisdiction the nearest DECLARATION in the file's folder or above it names (None: none does); an
    archive's file by the archive's folder (it is unpacked elsewhere)."""
    shown = archives.shown_path(str(path))
    if shown != str(path):
        path = next((p for p in Path(shown).parents if p.is_file()), path)
    return _declared(path.resolve().parent)


def _declared(folder: Path) -> str | None:
    for here in (folder, *folder.parents):
        declaration = here / DECLARATION
        if declaration.is_file():
            try:
                place = tomllib.loads(declaration.read_text(encoding="utf-8")).get("jurisdiction")
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                return None
            return place.strip() or None if isinstance(place, str) else None
    return None


def expand(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """(file, named explicitly): a folder's files are only candidates, so those that are not lists
    are skipped; a file named on the command line must import or be refused."""
    out: list[tuple[Path, bool]] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += [(f, False) for f in sorted(p.rglob("*")) if f.is_file() and f.name != DECLARATION
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)]
        else:
            out.append((p, True))
    return out


@contextlib.contextmanager
def unpacked(paths: Iterable[str | Path]) -> Iterator[list[tuple[Path, bool]]]:
    """`expand`'s files, with each zip archive's files in its place (unpacked into a private folder deleted when the
    run ends; one inside an archive too, `archives.DEPTH`). An archive that cannot be unpacked stays as named, for
    `parse_file` to refuse with the reason. Reports name an archive's files by `archives.shown_path`."""
    from importers.workbook import MAX_ZIP_MEMBERS, max_unzipped_bytes

    folder: Path | None = None  # made for the first archive
    shown: dict[str, str] = {}
    refused: dict[str, FileRefused] = {}
    budget = archives.Budget(max_unzipped_bytes(), MAX_ZIP_MEMBERS)
    try:
        out: list[tuple[Path, bool]] = []
        queue = deque((path, explicit, 0) for path, explicit in expand(paths))
        unpacked_archives = 0
        while queue:
            path, explicit, depth = queue.popleft()
            if not archives.is_archive(path):
                out.append((path, explicit))
                continue
            if depth >= archives.DEPTH:  # an archive inside an archive inside an archive
                refused[str(path)] = FileRefused(str(path), [RowError(
                    f"{path.name} 是压缩包中的压缩包中的压缩包：kb 只解开一层嵌套，请先解压后再导入")])
                out.append((path, True))
                continue
            unpacked_archives += 1
            folder = folder or Path(tempfile.mkdtemp(prefix="kb-archive-"))
            try:
                found = archives.unpack(Source(path), folder / str(unpacked_archives), budget)
            except FileRefused as exc:
                refused[str(path)] = exc
                out.append((path, True))  # parse_file says why
                continue
            within = shown.get(str(path), str(path))  # (an archive inside one: named inside the outer one)
            for member, name in found:
                shown[str(member)] = within + name[len(str(path)):]
            queue.extendleft(reversed([(member, False, depth + 1) for member, _ in found]))
        archives.register(shown, refused)
        yield out
    finally:
        archives.forget(shown, refused)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def parse_file(path: Path, jurisdiction: str | None = None, department: str | None = None,
               explicit: bool = True) -> FileReport:
    """Parse and validate one file; never touches the database. The file is read once: sniffing,
    the portal-reply check and the parser share one Source (its bytes, text and parsed JSON)."""
    from importers import lists, onething

    report = FileReport(str(path))
    if not path.exists():
        report.errors = [RowError(f"找不到文件：{path}").as_dict()]
        return report
    source = Source(path)
    try:
        if archives.is_archive(source):
            raise archives.refusal(source)
        kind = lists.sniff(source)
        report.kind = kind
        if kind == "unknown" and not explicit and path.suffix.lower() in LIST_SUFFIXES:
            # In a folder, a spreadsheet or JSON file that is not recognised is a broken list far more
            # often than something else: refuse it with the parser's reason (raw portal replies excepted).
            _skip_raw_portal_reply(source)
            kind = report.kind = "list"
        if kind == "list" or (kind == "unknown" and explicit):  # the list parser says what is wrong
            doc = _list_or_guide_table(source, jurisdiction or declared_place(path), department)
            if isinstance(doc, GuideDocument):
                report.kind = "guide"
            else:
                report.department, report.jurisdiction = doc.department, doc.jurisdiction
                report.departments = [{"name": d["name"], "jurisdiction": d["jurisdiction"], "records": d["records"]}
                                      for d in doc.departments]
                report.moved, report.compiled = doc.moved, doc.compiled
                report.unmapped_columns = list(doc.unmapped)
                report.warnings = [w.as_dict() for w in doc.warnings]
        elif kind == "law":
            doc = laws.parse_law(source)
        elif kind == "guide":
            doc = onething.parse_guides(source)
        else:
            report.status = "skipped"
            document = DOCUMENT_SUFFIXES.get(path.suffix.lower())
            said = (f"{document}中既没有表头可识别的清单表格，也没有法律条文，已跳过" if document
                    else "不是清单、法律文本或一件事指南，已跳过")
            report.warnings = [RowError(said, severity="notice").as_dict()]
            return report
    except NotAList as exc:
        report.kind, report.status = "unknown", "skipped"
        report.warnings = [RowError(str(exc), severity="notice").as_dict()]
        return report
    except FileRefused as exc:
        report.errors = [e.as_dict() for e in exc.errors if e.severity == "error"]
        report.warnings = [e.as_dict() for e in exc.errors if e.severity != "error"]
        return report
    except Exception as exc:  # noqa: BLE001 - a file we cannot read is refused, never a crash mid-run
        said = explain(exc) if reason(exc) else f"{type(exc).__name__}: {exc}"
        report.errors = [RowError(f"读取 {path.name} 时出错：{said}").as_dict()]
        return report
    report.doc = doc
    report.records = _count(doc)
    report.status = "valid"
    return report


def said_same(report: FileReport, same_as: str) -> None:
    """An unchanged file whose records another file gave already (the same list saved again in another encoding)."""
    if same_as:
        report.warnings.append(RowError(f"内容与已导入的 {same_as} 相同（同一版本、同样的事项）：未重复导入",
                                        severity="notice").as_dict())


GUIDE_TABLES = (".xlsx", ".xls", ".xlsm", ".et", ".csv")  # the containers a 一件事 spreadsheet comes in


def _list_or_guide_table(source: Source, jurisdiction: str | None, department: str | None) -> Parsed:
    """The list a file holds; or, when no list's columns fit it, the 一件事 a spreadsheet of them holds (海安's
    一件事名称 | 牵头部门 | 配合部门 | 涉及事项); the list parser's refusal otherwise."""
    from importers import lists, onething

    try:
        return lists.parse_list(source, jurisdiction=jurisdiction, department=department)
    except FileRefused:
        guide = onething.guide_table(source, jurisdiction) if source.suffix.lower() in GUIDE_TABLES else None
        if guide is None:
            raise
        return guide


def _count(doc: Parsed) -> int:
    if isinstance(doc, ListDocument):
        return len(doc.records)
    if isinstance(doc, LawDocument):
        return len(doc.articles)
    return len(doc.implementations)


SPOOL_AFTER = 50_000  # records of parsed files kept in memory before the rest wait on disk


class Spool:
    """Parsed documents between the validation pass and the write pass: in memory up to a budget of
    records, beyond it pickled to a private temporary folder, deleted when the run ends."""

    def __init__(self, budget: int):
        self.budget = budget
        self.in_memory = 0
        self.folder: Path | None = None
        self.on_disk: dict[int, Path] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def keep(self, report: FileReport) -> None:
        if self.in_memory + report.records <= self.budget:
            self.in_memory += report.records
            return
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="kb-import-"))
        path = self.folder / f"{len(self.on_disk)}.pickle"
        with path.open("wb") as fh:
            pickle.dump(report.doc, fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.on_disk[id(report)] = path
        report.doc = None

    def holds(self, report: FileReport) -> bool:
        return report.doc is not None or id(report) in self.on_disk

    def take(self, report: FileReport) -> Parsed:
        path = self.on_disk.pop(id(report), None)
        if path is None:
            return report.doc
        with path.open("rb") as fh:
            doc = pickle.load(fh)  # our own file, written by this run in a 0700 folder
        path.unlink()
        return doc


def import_paths(graph: Graph | None, paths: Iterable[str | Path], *, jurisdiction: str | None = None,
                 department: str | None = None, dry_run: bool = False, progress: bool = True,
                 memory_records: int = SPOOL_AFTER, in_force_from: str | None = None,
                 on_progress: Callable[[int, int], None] | None = None) -> dict:
    """Validate every file and write each valid one. Returns the `kb import --json` report.

    `on_progress(done, total)` hears of every batch of records written (the browser's progress page;
    `total` grows as the files are parsed). Parsed files wait to be written in memory up to
    `memory_records` records: the parser waits beyond that, and what waits longer (lists parsed before
    the last law, guides) goes to disk, so memory does not grow with the number of files."""
    with Spool(memory_records) as spool, unpacked(paths) as files:
        if dry_run or graph is None:
            reports = _validate(files, jurisdiction, department, spool)
            return _write_all(graph, reports, spool, dry_run, progress, in_force_from, on_progress)
        parser = _Parser(files, jurisdiction, department, memory_records)
        bar = _bar(0, progress, on_progress, growing=True)
        parser.start()
        try:
            notices = _write_ordered(graph, _in_order(parser, spool, bar, len(parser.files)), spool, False, bar,
                                     in_force_from)
        finally:
            parser.stop()
        if any(r.status == "imported" for r in parser.reports):
            schema.resample(graph)  # the planner's estimates, from what is there now (kb.schema.resample)
        return _summary(parser.reports, False, notices)


def _validate(files: list[tuple[Path, bool]], jurisdiction: str | None, department: str | None,
              spool: Spool, on_valid: Callable[[FileReport], None] | None = None) -> list[FileReport]:
    """Parse every file; `on_valid` sees each valid document before it may be spooled to disk."""
    reports: list[FileReport] = []
    seen: dict[str, str] = {}
    for path, explicit in files:
        report = deduplicated(parse_file(path, jurisdiction, department, explicit), seen)
        if report.doc is not None and on_valid is not None:
            on_valid(report)  # (which may leave the file out)
        if report.doc is not None:
            spool.keep(report)
        reports.append(report)
    return reports


def deduplicated(report: FileReport, seen: dict[str, str]) -> FileReport:
    """A byte-identical copy of a file parsed earlier in the run (`seen`: digest -> path) is left unchanged. A file
    from an archive is named by the archive's path and its own inside it."""
    path = report.path = archives.shown_path(report.path)
    if report.doc is not None:
        digest = report.doc.sha256
        if digest in seen:
            report.status = "unchanged"
            report.warnings.append(RowError(f"与 {seen[digest]} 内容完全相同", severity="notice").as_dict())
            report.doc = None
        else:
            seen[digest] = str(path)
    return report


PARSE_PROCESS_FILES = 4  # from this many files on, they are parsed in a process of their own
# ... when they hold this many bytes: starting that process takes about a second (a new interpreter and the
# readers' imports), parsing 2 MB here under half of one (the generated county: 25 MB in 5.5 s of CPU).
PARSE_PROCESS_BYTES = 2_000_000
PARSE_AHEAD = 2  # files given to that process before the first is taken back

# Files that are never law texts (a law is Markdown, or text starting with a heading: lists.sniff): parsed after
# the others, so that every law of a run is parsed, and written, before its first list.
NEVER_LAWS = {".xls", ".xlsx", ".xlsm", ".et", ".json", ".jsonl", ".ndjson"}
_UTF16 = (b"\xff\xfe", b"\xfe\xff")


_ZIPPED = {".xlsx", ".xlsm", ".et"}  # a workbook's cells compressed about five to one


def _size(path: Path) -> int:
    """The file's bytes as parsing sees them (a zipped workbook's about five times its size on disk)."""
    try:
        return path.stat().st_size * (5 if path.suffix.lower() in _ZIPPED else 1)
    except OSError:  # gone or unreadable: parse_file refuses it
        return 0


def _may_be_law(path: Path) -> bool:
    """Whether lists.sniff may take the file for a law: Markdown, a Word document or a page, or a text whose first
    character is # or (not a CSV) whose first line may be a law's title as published. A CSV list is not held back
    until every other text is parsed (a province's thousands of them were)."""
    suffix = path.suffix.lower()
    if suffix in NEVER_LAWS:
        return False
    if suffix in (".md", ".markdown", *DOCUMENT_SUFFIXES):  # (a Word document, a page: a law's as often
        # as a list's)
        return True
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return True
    if head.startswith(_UTF16):
        return True  # UTF-16: not read here
    text = decode_text(head, strict=False) or ""
    text = text.removeprefix("\ufeff").lstrip()  # (as sniff strips: 「　　# …」 too)
    # a law as published opens with its title (中华人民共和国…法), a list's CSV with its header or its own title
    first = text.split("\n", 1)[0].strip()
    return not text or text.startswith("#") or (suffix not in TABLE_TEXTS and laws.plain_title_line(first))


class _Parser(threading.Thread):
    """Parses the files of an import while the database writes those parsed before (parsing is
    Python's work, writing mostly the server's: side by side they take about the time of the longer).
    Files that may be laws are parsed first. Valid documents wait in order for the writer; the parser
    waits while more than `budget` records wait."""

    def __init__(self, files: list[tuple[Path, bool]], jurisdiction: str | None, department: str | None,
                 budget: int):
        super().__init__(name="kb-import-parser", daemon=True)
        self.files, self.jurisdiction, self.department, self.budget = files, jurisdiction, department, budget
        # the files that may be laws first, each group in the order given
        late = [not _may_be_law(path) for path, _ in files]
        self.order = sorted(range(len(files)), key=lambda i: late[i])
        self.first_late = next((n for n, i in enumerate(self.order) if late[i]), len(self.order))
        self.slots: list[FileReport | None] = [None] * len(files)
        self.waiting: deque[tuple[FileReport, bool]] = deque()  # (report, a law may still come after it)
        self.waiting_records = 0
        self.finished = self.stopped = False
        self.error: BaseException | None = None
        self.cond = threading.Condition()

    @property
    def reports(self) -> list[FileReport]:
        """Every file's report, in the order the files were given (complete once the parser is done)."""
        return [r for r in self.slots if r is not None]

    def run(self) -> None:
        seen: dict[str, str] = {}
        try:
            for n, (i, report) in enumerate(self._parse_all()):
                report = deduplicated(report, seen)
                self.slots[i] = report
                if report.doc is None:
                    continue
                with self.cond:
                    while self.waiting and self.waiting_records + report.records > self.budget and not self.stopped:
                        self.cond.wait()
                    if self.stopped:
                        return
                    self.waiting.append((report, n < self.first_late - 1))
                    self.waiting_records += report.records
                    self.cond.notify_all()
        except BaseException as exc:  # noqa: BLE001 - handed to the writer's thread, raised there
            self.error = exc
        finally:
            with self.cond:
                self.finished = True
                self.cond.notify_all()

    def _parse_all(self) -> Iterator[tuple[int, FileReport]]:
        """(index, report) in the parser's order. With several files of some size, in a process of its own:
        this thread would hold the interpreter's lock and hold up the writer's every reply from the server."""
        if len(self.order) < PARSE_PROCESS_FILES or sum(_size(p) for p, _ in self.files) < PARSE_PROCESS_BYTES:
            for i in self.order:
                yield i, parse_file(self.files[i][0], self.jurisdiction, self.department, self.files[i][1])
            return
        spawn = multiprocessing.get_context("spawn")  # no fork of a process holding a driver's sockets
        with ProcessPoolExecutor(1, mp_context=spawn) as pool:
            ahead: deque[tuple[int, Future[FileReport]]] = deque()
            for i in self.order:
                if self.stopped:
                    break
                path, explicit = self.files[i]
                if archives.kept_refusal(str(path)) is not None:  # (why it was not unpacked is known in this process only)
                    done: Future[FileReport] = Future()
                    done.set_result(parse_file(path, self.jurisdiction, self.department, explicit))
                    ahead.append((i, done))
                else:
                    ahead.append((i, pool.submit(parse_file, path, self.jurisdiction, self.department, explicit)))
                if len(ahead) > PARSE_AHEAD:
                    yield self._result(*ahead.popleft())
            while ahead and not self.stopped:
                yield self._result(*ahead.popleft())
            for _, future in ahead:
                future.cancel()

    def _result(self, i: int, future: Future[FileReport]) -> tuple[int, FileReport]:
        try:
            return i, future.result()
        except BrokenProcessPool:  # the parsing process died (out of memory, killed): parse it here
            return i, parse_file(self.files[i][0], self.jurisdiction, self.department, self.files[i][1])

    def __iter__(self) -> Iterator[tuple[FileReport, bool]]:
        """(report, whether a file that may be a law is still to be parsed) as they are parsed."""
        while True:
            with self.cond:
                while not self.waiting and not self.finished:
                    self.cond.wait()
                if not self.waiting:
                    break
                item = self.waiting.popleft()
                self.waiting_records -= item[0].records
                self.cond.notify_all()
            yield item
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        with self.cond:
            self.stopped = True
            self.cond.notify_all()
        self.join()


def _in_order(parser: _Parser, spool: Spool, bar: tqdm, files: int = 0) -> Iterator[FileReport]:
    """The parsed files in the order they are written: laws as they come; lists once every file that
    may be a law is parsed (those parsed before wait, on disk beyond the budget); guides last, after
    the lists their items link to. The bar's total grows by each file's records; it says how many of the
    `files` are parsed."""
    held: list[FileReport] = []
    guides: list[FileReport] = []
    for parsed, (report, laws_may_follow) in enumerate(parser, start=1):
        bar.total += report.records
        bar.set_description_str(f"导入（已读取 {parsed}/{files} 个文件）", refresh=False)
        if sys.stderr.isatty():  # (a log is drawn every progress_interval only)
            bar.refresh()
        if report.kind == "law":
            yield report
        elif report.kind == "guide" or laws_may_follow:
            spool.keep(report)
            (guides if report.kind == "guide" else held).append(report)
        else:
            yield from held
            held.clear()
            yield report
    yield from held
    yield from guides


def _write_all(graph: Graph | None, reports: list[FileReport], spool: Spool, dry_run: bool,
               progress: bool, in_force_from: str | None = None,
               on_progress: Callable[[int, int], None] | None = None) -> dict:
    """Write the valid files of `reports`, all parsed already: laws first, so lists imported in the
    same run link their citations to articles at once; guides last."""
    order = sorted((r for r in reports if spool.holds(r)), key=lambda r: {"law": 0, "list": 1}.get(r.kind, 2))
    total = sum(r.records for r in order)
    bar = _bar(total, progress and not dry_run and total > 0, on_progress)
    return _summary(reports, dry_run, _write_ordered(graph, iter(order), spool, dry_run, bar, in_force_from))


# While files are still parsed the total grows with each: no percentage or bar then (it would go back each time a
# file is read), but the records written of those read, and how many files are read (a new user found 100 % fall to 42 %).
GROWING_FORMAT = "{desc}：已写入 {n_fmt}/{total_fmt} 条 [{elapsed}，{rate_fmt}]"


def progress_interval() -> float:
    """Seconds between two drawings of a progress bar: a terminal's every tenth of a second; a log's (standard error
    sent to a file: `make run > run.log`) every 15 s, not a line a tenth of a second."""
    return 0.1 if sys.stderr.isatty() else 15.0


def _bar(total: int, shown: bool, on_progress: Callable[[int, int], None] | None, growing: bool = False) -> tqdm:
    # (a growing bar is first drawn once there is something to say: not 「已写入 0/0 条 [00:00，?条/s]」 before any file
    # is read)
    bar = tqdm(total=total, unit="条", file=sys.stderr, disable=not shown, dynamic_ncols=True, desc="导入",
               bar_format=GROWING_FORMAT if growing else None, mininterval=progress_interval(),
               delay=progress_interval() if growing else 0)
    if on_progress is not None:
        _report_progress(bar, on_progress)
    return bar


def _write_ordered(graph: Graph | None, order: Iterator[FileReport], spool: Spool, dry_run: bool, bar: tqdm,
                   in_force_from: str | None = None) -> list[str]:
    """Write the files `order` gives, in that order (a dry run: say which are in the graph already);
    the notices for the report."""
    notices: list[str] = []
    written: list[FileReport] = []
    gone = False
    try:
        for group in _groups(order):
            written += group
            for report in group:
                report.doc = spool.take(report)
            if dry_run:
                for report in group:
                    if graph is not None:  # (a list, a law text or a guide the graph holds already)
                        if writer.held(graph, report.doc):
                            report.status = "unchanged"
                        if isinstance(report.doc, ListDocument):
                            report.settled(report.doc)
                    report.doc = None
                continue
            if gone:  # the database stopped answering: the files after it are not tried one by one
                for report in group:
                    _refuse(report, UNREACHED)
                continue
            if len(group) > 1:
                gone = _write_group(graph, group, bar, in_force_from)
            else:
                gone = _write_one(graph, group[0], bar, in_force_from)
        if not dry_run and written and not gone:
            try:
                writer.link_pending(graph, {d["name"] for r in written if r.status == "imported"
                                            for d in (r.departments or [{"name": r.department}]) if d["name"]})
            except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
                notices.append(f"委托关系尚未关联（请再导入一次）：{exc}")
            # search finds what was written before the import says it is done (kb.schema.FULLTEXT_STATEMENT)
            with contextlib.suppress(neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError):
                graph.searchable()
    finally:
        bar.close()
    return notices


def _summary(reports: list[FileReport], dry_run: bool, notices: list[str]) -> dict:
    """The `kb import --json` report of a run."""
    return {
        "files": [r.as_dict() for r in reports],
        "nodes_created": sum(r.nodes_created for r in reports),
        "relationships_created": sum(r.relationships_created for r in reports),
        "dry_run": dry_run,
        "refused": sum(r.status == "refused" for r in reports),
        "notices": notices,
    }


def _report_progress(bar: tqdm, on_progress: Callable[[int, int], None]) -> None:
    """Tell `on_progress` of every update of the bar (counted here: a disabled bar counts nothing)."""
    update, done = bar.update, [0]

    def counted(n: float | None = 1) -> bool | None:
        done[0] += int(n or 0)
        total = int(bar.total or 0)
        on_progress(min(done[0], total), total)
        return update(n)

    bar.update = counted  # type: ignore[method-assign]


GROUP_RECORDS = 2_000  # small lists are written this many records to a transaction (one commit for several files)
GROUP_FILES = 50


def _groups(order: Iterable[FileReport]) -> Iterator[list[FileReport]]:
    """Consecutive lists of up to GROUP_RECORDS records together (a commit costs about as much as
    writing a hundred records: a county's hundred-record lists are written many to a commit); a law,
    a guide or a bigger list alone."""
    group: list[FileReport] = []
    size = 0
    for report in order:
        if report.kind != "list" or report.records > GROUP_RECORDS // 2:
            if group:
                yield group
                group, size = [], 0
            yield [report]
            continue
        if group and (size + report.records > GROUP_RECORDS or len(group) >= GROUP_FILES):
            yield group
            group, size = [], 0
        group.append(report)
        size += report.records
    if group:
        yield group


UNREACHED = "数据库无法连接，未写入任何内容（前一个文件写入时数据库停止响应）"


def _refuse(report: FileReport, message: str) -> None:
    """A file the run did not write (its transaction rolled back, or the database gone before it)."""
    report.doc = None
    report.status = "refused"
    report.errors.append(RowError(message).as_dict())


def _write_group(graph: Graph, group: list[FileReport], bar: tqdm, in_force_from: str | None = None) -> bool:
    """Several lists in one transaction, each with its run: all or none of them. When the group fails,
    it is rolled back and its files are written one by one, so that a file's error is its own and the
    files beside it are imported. True when the database stopped answering."""
    counted = 0

    def progress(n: int) -> None:
        nonlocal counted
        counted += n
        bar.update(n)

    results = []
    try:
        with graph.transaction(timeout=writer.IMPORT_TX_TIMEOUT) as tx:
            for report in group:
                bar.set_postfix_str(Path(report.path).name[:40], refresh=sys.stderr.isatty())
                run_id, started = writer.new_run_id(), time.time()
                result = writer.write_list(graph, report.doc, run_id, progress=progress, in_force_from=in_force_from,
                                           tx=tx)
                report.settled(report.doc)
                if result.status == "imported":
                    writer.record_run(graph, run_id, report.path, report.doc.sha256, report.kind, result.status,
                                      result, report.errors, started, tx=tx)
                results.append(result)
            tx.commit()
    except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired) as exc:
        for report in group:  # rolled back: nothing of these files was written
            _refuse(report, f"数据库出错，未写入任何内容：{explain(exc)}")
        return True
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError):
        bar.update(-counted)  # rolled back: each file again in a transaction of its own
        gone = False
        for report in group:
            if gone:
                _refuse(report, UNREACHED)
                continue
            gone = _write_one(graph, report, bar, in_force_from)
        return gone
    for report, result in zip(group, results, strict=True):
        if result.status == "unchanged":
            bar.update(report.records)
            run_id = writer.new_run_id()
            writer.record_run(graph, run_id, report.path, report.doc.sha256, report.kind, result.status, result,
                              report.errors, time.time())
        report.doc = None
        report.status = result.status
        said_same(report, result.same_as)
        report.superseded, report.current = result.superseded, result.current
        report.nodes_created, report.relationships_created = result.nodes_created, result.relationships_created
    return False


def _write_one(graph: Graph, report: FileReport, bar: tqdm, in_force_from: str | None = None) -> bool:
    """Write one file in its transaction; True when the database stopped answering (the run stops there:
    each further statement would wait out the driver's retries)."""
    assert graph is not None
    run_id = writer.new_run_id()
    started = time.time()
    doc = report.doc
    bar.set_postfix_str(Path(report.path).name[:40], refresh=sys.stderr.isatty())
    try:
        if isinstance(doc, ListDocument):
            result = writer.write_list(graph, doc, run_id, progress=bar.update, in_force_from=in_force_from)
            report.settled(doc)
            report.superseded = result.superseded
            report.current = result.current
        elif isinstance(doc, LawDocument):
            result = writer.write_law(graph, doc, run_id)
            report.current, report.reviews = result.current, result.reviews
            if result.status == "imported":
                bar.update(result.records)
        else:
            result = writer.write_guides(graph, doc, run_id, progress=bar.update)
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as exc:  # rolled back: nothing of this file was written
        report.status = "refused"
        report.errors.append(RowError(f"数据库出错，未写入任何内容：{explain(exc)}").as_dict())
        if isinstance(exc, neo4j.exceptions.ServiceUnavailable | neo4j.exceptions.SessionExpired):
            return True  # nobody to record the run with
        with contextlib.suppress(neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError):
            # the database may be the thing that failed; the run is then not recorded
            writer.record_run(graph, run_id, report.path, doc.sha256, report.kind, "failed", None,
                              report.errors, started)
        return False
    finally:
        report.doc = None
    if result.status == "unchanged":
        bar.update(report.records)
    report.status = result.status
    said_same(report, result.same_as)
    report.nodes_created, report.relationships_created = result.nodes_created, result.relationships_created
    writer.record_run(graph, run_id, report.path, doc.sha256, report.kind, result.status, result,
                      report.errors, started)
    return False
