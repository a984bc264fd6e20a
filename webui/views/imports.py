"""Uploading lists (or law texts, or guides) in the browser: checked, previewed, then imported.

    /imports/new                          the upload form (editor): one file or several, or a .zip, .rar or .7z of them
    /imports/upload/<token>[.json]        the dry run: each file's errors and warnings, per department what would
                                          change; after confirming, the import's progress and its ImportRuns
    /imports/upload/<token>/confirm       the same import as `kb import` of those files (POST, editor): each file all
                                          or nothing, the valid ones written, with its reason and, as
                                          --in-force-from, the date the lists are in force from
    /imports/upload/<token>/cancel        drops the upload (POST, editor)

An upload waits in KB_HOME/uploads/<token>/ (folder 0700, files 0600 under their own names in files/: the importer
reads the department from a file's name) with `meta.json` (who, when, the files' names) and `preview.json`.
Nothing is written to the graph before confirming. The size is checked from Content-Length and again while saving
(KB_UPLOAD_MAX bytes, all files together), each file's type from its first bytes before anything parses it; an archive is
unpacked as `kb import` unpacks one (importers.archives: its limits, its files named ARCHIVE.zip/path).
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from importers import archives, run, writer
from importers.records import FileRefused, ListDocument
from importers.workbook import container_of
from kb.analyses import diff
from kb.db import Graph
from kb.model import as_of_date
from webui import findings, store
from webui.pages import page
from webui.users import role_required

bp = Blueprint("imports_upload", __name__)

SUFFIXES = (".xls", ".xlsx", ".xlsm", ".et", ".docx", ".doc", ".wps", ".html", ".htm", ".mht", ".mhtml", ".pdf", ".ofd", ".csv",
            ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".md", ".markdown", ".zip", ".rar", ".7z")
MAX_FILES = 200  # files in one upload (a .zip holds more: archives' own limits)
TOKEN = re.compile(r"[0-9a-f]{32}")
CHUNK = 1 << 16
PREVIEW_ROWS = 500  # change rows shown per department (the JSON has them all)

# The audit entry of a confirmed upload: an Edit on the ImportRun it made.
AUDIT_IMPORT = """
MATCH (r:ImportRun {id: $run_id})
CREATE (e:Edit {id: $id, who: $who, when: datetime(), entity_key: r.id, entity_label: 'ImportRun',
                field: 'import', before: '', after: $file, reason: $reason})
CREATE (e)-[:EDITS]->(r)
"""
RUN_OF = "MATCH (r:ImportRun {path: $path}) RETURN r.id AS id ORDER BY r.finished_at DESC LIMIT 1"


class UploadForm(FlaskForm):
    file = MultipleFileField(_l("Files"))
    jurisdiction = StringField(_l("Jurisdiction (when the file does not name it)"), validators=[Length(max=200)])
    department = StringField(_l("Department (when the file does not name it)"), validators=[Length(max=200)])


class ConfirmForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(max=2000)])
    # as `kb import --in-force-from`: empty, 1 January of the list's year
    in_force_from = StringField(_l("In force from"), validators=[Length(max=10)])


class CancelForm(FlaskForm):
    pass


def upload_root() -> Path:
    configured = current_app.config.get("KB_UPLOAD_DIR")
    if configured:
        return Path(configured)
    from kb.config import load_settings

    return (current_app.config.get("KB_SETTINGS") or load_settings()).home / "uploads"


def limit() -> int:
    return int(current_app.config["KB_UPLOAD_MAX"])


def safe_name(name: str) -> str:
    """The file's own name (no folders, no control characters, no leading dots), Chinese kept, cut to fit the disk's
    limit on a name's bytes (its extension kept)."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(".")
    return archives.cut_name(name) or "upload"


def folder_of(token: str) -> Path:
    if not TOKEN.fullmatch(token):
        abort(404)
    folder = upload_root() / token
    if not (folder / "meta.json").is_file():
        abort(404)
    return folder


def files_of(folder: Path, meta: dict) -> list[Path]:
    """The uploaded files (an upload made before several were taken: its one file beside meta.json)."""
    if "files" in meta:
        return [folder / "files" / name for name in meta["files"]]
    return [folder / meta["file"]]


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, default=str)
    os.replace(tmp, path)


class TooLarge(Exception):
    pass


def _save(stream: Any, target: Path, most: int) -> None:
    """Write the upload (0600), refusing it past `most` bytes or when its first bytes are no format we read."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    size, first = 0, True
    with os.fdopen(fd, "wb") as fh:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > most:
                raise TooLarge
            fh.write(chunk)
            if first and size >= 8192:
                fh.flush()
                _check_type(target)
                first = False
    if first:
        _check_type(target)


def _check_type(path: Path) -> None:
    """FileRefused when the file is no spreadsheet, document or text kb reads, nor an archive it unpacks."""
    if not archives.is_archive(path):
        container_of(path)


@bp.route("/imports/new", methods=["GET"])
@role_required("editor")
def new():
    return render_template("imports/new.html", _form=UploadForm(), limit_mb=limit() // (1 << 20),
                           suffixes=SUFFIXES)


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or 名称（2）.xlsx when another file of the upload has it."""
    stem, dot, suffix = name.rpartition(".")
    n, unique = 1, name
    while unique.lower() in taken:
        n += 1
        unique = f"{stem}（{n}）.{suffix}" if dot else f"{name}（{n}）"
    taken.add(unique.lower())
    return unique


@bp.route("/imports/new", methods=["POST"])
@role_required("editor")
def upload():
    form = UploadForm()
    most = limit()

    def again(message: str, status: int):
        flash(message, "error")
        return render_template("imports/new.html", _form=form, limit_mb=most // (1 << 20), suffixes=SUFFIXES), status

    if request.content_length is not None and request.content_length > most + (1 << 20):
        return again(_("The upload is larger than %(mb)d MB.", mb=most // (1 << 20)), 413)
    if not form.validate():
        return render_template("imports/new.html", _form=form, limit_mb=most // (1 << 20), suffixes=SUFFIXES), 400
    given = [f for f in form.file.data or [] if f and f.filename]
    if not given:
        return again(_("Choose a file to upload."), 400)
    if len(given) > MAX_FILES:
        return again(_("At most %(n)d files at once: put more in a .zip.", n=MAX_FILES), 400)
    taken: set[str] = set()
    names = [_unique(safe_name(f.filename), taken) for f in given]
    for name in names:
        if not name.lower().endswith(SUFFIXES):
            return again(_("Not a format kb reads: %(name)s (it reads %(suffixes)s).", name=name,
                           suffixes=" ".join(SUFFIXES)), 400)
    token = secrets.token_hex(16)
    root = upload_root()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = root / token
    (folder / "files").mkdir(mode=0o700, parents=True)
    os.chmod(folder, 0o700)
    left = most
    try:
        for storage, name in zip(given, names, strict=True):
            target = folder / "files" / name
            _save(storage.stream, target, left)
            left -= target.stat().st_size
        meta = {"token": token, "files": names, "who": g.user["name"], "uploaded_at": time.time(),
                "file": names[0] if len(names) == 1 else _("%(first)s and others, %(n)d files", first=names[0],
                                                             n=len(names)),
                "size": most - left, "jurisdiction": (form.jurisdiction.data or "").strip() or None,
                "department": (form.department.data or "").strip() or None}
        _write_json(folder / "preview.json", dry_run(store.graph(), files_of(folder, meta), meta["jurisdiction"],
                                                     meta["department"]))
        _write_json(folder / "meta.json", meta)  # (last: an upload is shown only once its check is written)
    except TooLarge:
        shutil.rmtree(folder, ignore_errors=True)
        return again(_("The upload is larger than %(mb)d MB.", mb=most // (1 << 20)), 413)
    except FileRefused as exc:
        shutil.rmtree(folder, ignore_errors=True)
        return again(exc.errors[0].message, 400)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # nothing of an upload that failed is kept
        raise
    return redirect(url_for("imports_upload.preview", token=token))


def dry_run(graph: Graph, paths: list[Path], jurisdiction: str | None, department: str | None) -> dict:
    """The files validated as `kb import` validates them (a .zip's files in its place), what each would change in
    each department, and the whole: valid when at least one file can be imported."""
    base = paths[0].parent
    found = []
    seen: dict[str, str] = {}  # (a file uploaded twice, or also inside an archive, is checked once, as kb import does)
    with run.unpacked(paths) as files:
        for path, explicit in files:
            found.append(_dry_run_file(graph, path, explicit, base, jurisdiction, department, seen))
    statuses = {f["status"] for f in found}
    kinds = {f["kind"] for f in found if f["status"] == "valid"} or {f["kind"] for f in found}
    return {"files": found, "status": "valid" if "valid" in statuses else "refused" if "refused" in statuses
            else "skipped", "kind": kinds.pop() if len(kinds) == 1 else "mixed",
            "records": sum(f["records"] or 0 for f in found),
            "errors": [e | {"file": f["path"]} for f in found for e in f["errors"]],
            "warnings": [w | {"file": f["path"]} for f in found for w in f["warnings"]],
            "changes": [c | {"file": f["path"]} for f in found for c in f.pop("changes")],
            "already_imported": any(f.get("already_imported") for f in found)
            and all(f.get("already_imported") for f in found if f["status"] == "valid")}


def _dry_run_file(graph: Graph, path: Path, explicit: bool, base: Path, jurisdiction: str | None,
                  department: str | None, seen: dict[str, str]) -> dict:
    report = run.deduplicated(run.parse_file(path, jurisdiction, department, explicit), seen)
    doc = report.doc
    out = report.as_dict()
    out["path"] = _shown_in(report.path, base)
    out["warnings"] = [w | {"message": w["message"].replace(str(base) + "/", "")} for w in out["warnings"]]
    out["changes"] = []
    if isinstance(doc, ListDocument):
        key = writer.version_key(doc, writer.departments_of(doc)[0]["name"])
        out["already_imported"] = bool(graph.read(writer.FIND_VERSION, key=key))
        for dep in [] if out["already_imported"] else writer.departments_of(doc):  # (imported before: changes nothing)
            result = diff.preview(graph, dep["name"], doc.version or "", _after(doc, dep["name"]))
            out["changes"].append(result.as_dict() | {"rows": result.rows()})
    return out


def _shown_in(path: str, base: Path) -> str:
    """A file's name as the uploader knows it: its path within the upload (ARCHIVE.zip/its/path)."""
    shown = Path(path)
    return str(shown.relative_to(base)) if shown.is_relative_to(base) else shown.name


def _after(doc: ListDocument, department: str) -> list[dict]:
    """The department's parsed records as power dicts, the fields named as the writer names them."""
    key = writer.version_key(doc, department)
    powers = []
    for rec in doc.records:
        if (rec.department or doc.department) != department:
            continue
        row = writer.power_row(doc, key, rec, "")
        accountability = row["accountability"][0] if row["accountability"] else {}
        powers.append(row["props"] | {"accountability_subjects": accountability.get("subjects", ""),
                                      "accountability_situations": accountability.get("text", ""),
                                      "duties": row["duties"]})
    return powers


def _progress(token: str) -> dict | None:
    return current_app.extensions.setdefault("kb_uploads", {}).get(token)


@page(bp, "/imports/upload/<token>", "imports/preview.html")
@role_required("editor")
def preview(token: str) -> dict:
    folder = folder_of(token)
    meta = _read_json(folder / "meta.json")
    found = _read_json(folder / "preview.json")
    state = _progress(token) or (_read_json(folder / "status.json") if (folder / "status.json").is_file() else None)
    changes = found.get("changes", [])
    if not request.path.endswith(".json"):
        for c in changes:
            c["shown"] = c["rows"][:PREVIEW_ROWS]
    return {"token": token, "meta": meta, "preview": found, "state": state, "_confirm": ConfirmForm(),
            "_cancel": CancelForm(), "_limit": PREVIEW_ROWS}


@bp.route("/imports/upload/<token>/confirm", methods=["POST"])
@role_required("editor")
def confirm(token: str):
    folder = folder_of(token)
    form = ConfirmForm()
    if not form.validate():
        flash(_("Give a reason for this import."), "error")
        return redirect(url_for("imports_upload.preview", token=token))
    try:
        in_force_from = as_of_date(form.in_force_from.data)
    except ValueError:
        flash(_("Give the date the list is in force from as YYYY-MM-DD, or leave it empty."), "error")
        return redirect(url_for("imports_upload.preview", token=token))
    meta = _read_json(folder / "meta.json") | {"in_force_from": in_force_from}
    uploads = current_app.extensions.setdefault("kb_uploads", {})
    with _lock:
        if token in uploads or (folder / "status.json").is_file():
            flash(_("This upload is already being imported."), "info")
            return redirect(url_for("imports_upload.preview", token=token))
        state = uploads[token] = {"state": "running", "done": 0, "total": 0, "run_id": None, "result": None}
    worker = threading.Thread(target=_import, daemon=True, name=f"kb-upload-{token[:8]}",
                              args=(store.graph(), folder, meta, state, g.user["name"], form.reason.data.strip()))
    worker.start()
    return redirect(url_for("imports_upload.preview", token=token))


_lock = threading.Lock()


def _import(graph: Graph, folder: Path, meta: dict, state: dict, who: str, reason: str) -> None:
    paths = files_of(folder, meta)
    base = paths[0].parent

    def progress(done: int, total: int) -> None:
        state.update(done=done, total=total)

    try:
        result = run.import_paths(graph, paths, jurisdiction=meta["jurisdiction"], department=meta["department"],
                                  progress=False, on_progress=progress, in_force_from=meta.get("in_force_from"))
        files = []
        for report in result["files"]:
            found = graph.read(RUN_OF, path=str(report["path"]))
            run_id = found[0]["id"] if found else None
            name = _shown_in(report["path"], base)
            if run_id and report["status"] == "imported":
                graph.write(AUDIT_IMPORT, run_id=run_id, id=uuid.uuid4().hex, who=who, file=name, reason=reason)
            files.append({"path": name, "status": report["status"], "run_id": run_id, "errors": report["errors"]})
        statuses = {f["status"] for f in files}
        status = "imported" if "imported" in statuses else "unchanged" if statuses <= {"unchanged", "skipped"} \
            else "refused"
        imported = [f["run_id"] for f in files if f["status"] == status and f["run_id"]]
        state.update(state="done", status=status, files=files, run_id=imported[0] if imported else None,
                     errors=[e | {"file": f["path"]} for f in files for e in f["errors"]],
                     nodes_created=result["nodes_created"], relationships_created=result["relationships_created"])
    except Exception as exc:  # noqa: BLE001 - shown on the page; the import itself rolled back
        state.update(state="failed", status="refused", errors=[{"message": f"{type(exc).__name__}: {exc}"}])
    findings.invalidate()
    _write_json(folder / "status.json", state)


@bp.route("/imports/upload/<token>/cancel", methods=["POST"])
@role_required("editor")
def cancel(token: str):
    folder = folder_of(token)
    if not CancelForm().validate():
        abort(400)
    if token in current_app.extensions.get("kb_uploads", {}) or (folder / "status.json").is_file():
        flash(_("This upload was imported already; it cannot be cancelled."), "error")
        return redirect(url_for("imports_upload.preview", token=token))
    shutil.rmtree(folder, ignore_errors=True)
    flash(_("The upload was cancelled and deleted; nothing was imported."), "info")
    return redirect(url_for("imports_upload.new"))
