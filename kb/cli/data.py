"""`kb import`, `kb demo`, `kb stats`, `kb export`, `kb restore`: data in and out of the graph."""
from __future__ import annotations

import os
import sys
import time
from importlib import resources
from pathlib import Path

import click

from kb.cli.common import connect, connect_if_up, echo_json
from kb.explain import explain

STATUS_TEXT = {"imported": "已导入", "unchanged": "未改动", "refused": "已拒绝", "skipped": "已跳过",
               "valid": "校验通过"}
SEVERITY_TEXT = {"error": "错误", "warning": "警告", "notice": "提示"}
WHERE_TEXT = (("sheet", "工作表"), ("row", "行"), ("column", "列"))


def _where(problem: dict, document: bool = False) -> str:
    """（工作表 X，行 N，列 C） for a row error or warning (表格 X in a Word document or a page); "" when it names no
    place."""
    where = "，".join(f"{'表格' if document and k == 'sheet' else label} {problem[k]}"
                     for k, label in WHERE_TEXT if problem.get(k))
    return f"（{where}）" if where else ""


def _one_stream() -> bool:
    """Whether standard output and standard error go to one place (a terminal, or one file: `kb import … > log 2>&1`)."""
    try:
        out, err = os.fstat(sys.stdout.fileno()), os.fstat(sys.stderr.fileno())
    except (OSError, ValueError, AttributeError):  # (a stream without a file: captured)
        return False
    return (out.st_dev, out.st_ino) == (err.st_dev, err.st_ino) or (sys.stdout.isatty() and sys.stderr.isatty())


def _print_import(report: dict) -> None:
    """The report on standard output (`kb import … > 报告.txt` keeps it, a refused file's reason with it), its errors
    on standard error too, and the progress bars there."""
    from importers.document import DOCUMENT_SUFFIXES  # (a document's "sheets" are its tables: 表格)

    unmapped = [(_file_name(f["path"]), c) for f in report["files"] for c in f.get("unmapped_columns") or []]
    if unmapped:
        click.echo("列映射中没有的列（作为附加字段保存在每项权力上）：")
        for name, c in unmapped:
            click.echo(f"    {name} [{c['sheet']}] {c['column']} {c['header']} → {c['kept_as']}")
    for f in report["files"]:
        name = _file_name(f["path"])
        document = name.lower().endswith(tuple(DOCUMENT_SUFFIXES))
        several = len(f.get("departments") or [])
        who = f" → {several} 个部门" if several > 1 else f" → {f['department']}" if f.get("department") else ""
        status = STATUS_TEXT.get(f["status"], f["status"])
        click.echo(f"[{status}] {name}{who}：{f['records']} 条")
        if f.get("compiled"):  # (a compilation naming no body of its own: nothing moved from anyone)
            click.echo("    各部门的事项（文件未写明所属部门：每条按其行使主体、所在分组或工作表的部门）：")
        elif len(f.get("departments") or []) > 1 or f.get("moved"):  # one body, but not the file's: say so
            click.echo(f"    各部门的事项（其中 {f['moved']} 条按行使主体、所在分组或工作表的部门从 {f['department']} 移出）：")
        if f.get("compiled") or len(f.get("departments") or []) > 1 or f.get("moved"):
            for d in f["departments"]:
                click.echo(f"      {d['name']}（{d['jurisdiction'] or '地区不明'}）：{d['records']}")
        for spelled, known in (f.get("same_body") or {}).items():
            click.echo(f"    {spelled} 即库中已有的 {known}（同一机构的另一写法），事项记入 {known}")
        if f.get("superseded"):
            click.echo(f"    取代旧版本：{'、'.join(f['superseded'])}")
        if f.get("current") is False:
            what = "这部法律的文本" if f.get("kind") == "law" else "这个部门的清单"
            click.echo(f"    作为历史版本保存：{what}已有更新的现行版本")
        if f.get("reviews"):
            click.echo(f"    {f['reviews']} 处引用的条文已修改、重新编号或废止，已列入待审核（kb laws impact）")
        for e in f["errors"]:  # in the report (a refused file's reason kept with it), and where errors go
            line = f"    错误：{e['message']}{_where(e, document)}"
            click.echo(line)
            if not _one_stream():  # (one terminal, or `> log 2>&1`: said once)
                click.echo(line, err=True)
        warnings = f["warnings"]
        for w in warnings[:5]:
            severity = w.get("severity", "warning")
            click.echo(f"    {SEVERITY_TEXT.get(severity, severity)}：{w['message']}{_where(w, document)}")
        if len(warnings) > 5:
            click.echo(f"    …… 另有 {len(warnings) - 5} 条警告（见 --json）")
    for notice in report.get("notices", []):
        click.echo(f"提示：{notice}")
    click.echo(f"新建 {report['nodes_created']} 个节点、{report['relationships_created']} 条关系"
               + ("（试运行：未写入任何内容）" if report["dry_run"] else ""))


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="路径...")
@click.option("--jurisdiction", "-j", metavar="地区", help="地区名称或行政区划代码（默认：从文件中读出）。")
@click.option("--department", metavar="部门", help="部门全称（默认：从文件的标题、文件名或行使主体中读出）。")
@click.option("--dry-run", is_flag=True, help="只校验并报告，不写入。")
@click.option("--json", "as_json", is_flag=True, help="在标准输出上以一个 JSON 对象输出报告。")
@click.option("--in-force-from", "in_force_from", metavar="YYYY-MM-DD",
              help="清单自该日起有效（默认：版本年份的 1 月 1 日），至同一部门的下一版本生效时止。")
@click.option("--no-check", is_flag=True,
              help="导入后不重新计算检查结果（浏览器或 `kb check` 会计算）。")
@click.option("--bulk", is_flag=True,
              help="只用于由 kb 管理的服务器上的空数据库：用 neo4j-admin 的离线导入工具建库（期间服务器停止）；"
                   "得到的图相同，快很多倍。")
def import_cmd(paths: tuple[Path, ...], jurisdiction: str | None, department: str | None, dry_run: bool,
               as_json: bool, in_force_from: str | None, no_check: bool, bulk: bool) -> None:
    """导入清单、法律文本和一件事办事指南。

    清单可以是 XLS、XLSX、CSV、JSON、JSONL、Word（DOCX、DOC）、PDF、OFD 或网页（HTML、MHT）文件，也可以是
    ZIP、RAR、7Z 压缩包；给出文件夹则导入其中的文件。

    导入后，重新计算并保存所导入文件所属地区树的检查结果（导入了法律文本时为全部地区），
    供浏览器读取。"""
    from importers.run import import_paths
    from kb.model import as_of_date

    if jurisdiction:
        jurisdiction = _place_option(jurisdiction)
    try:
        in_force_from = as_of_date(in_force_from)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--in-force-from") from exc
    started = time.monotonic()
    if bulk and not dry_run:
        _bulk_import(paths, jurisdiction, department, in_force_from, no_check, as_json, started)
        return
    graph = connect() if not dry_run else connect_if_up()
    try:
        report = import_paths(graph, paths, jurisdiction=jurisdiction, department=department, dry_run=dry_run,
                              in_force_from=in_force_from)
        if graph and not dry_run and not no_check:
            report["findings"] = _recompute_findings(graph, report)
        if graph and not dry_run and any(f["status"] == "imported" for f in report["files"]):
            from kb.cli.web import count_page_stats

            count_page_stats(graph)
    finally:
        if graph:
            graph.close()
    _report_import(report, as_json, started)


def _file_name(path: str) -> str:
    """A file's name as a report line gives it; a file from an archive by the archive's name and its path inside it
    (清单.zip/法律/安全生产法.md)."""
    p = Path(path)
    archive = next((up for up in p.parents if up.is_file()), None)  # (a path through a file: the archive's)
    return str(p.relative_to(archive.parent)) if archive is not None else p.name


def _report_import(report: dict, as_json: bool, started: float, refused_note: str = "") -> None:
    """Print what `kb import` (or `--bulk`) did; exit 1 when a file was refused."""
    report["seconds"] = round(time.monotonic() - started, 2)
    if as_json:
        echo_json(report)
    else:
        _print_import(report)
        if report["refused"] and refused_note:
            click.echo(refused_note, err=True)
    if report["refused"]:
        sys.exit(1)


def _bulk_import(paths: tuple[Path, ...], jurisdiction: str | None, department: str | None,
                 in_force_from: str | None, no_check: bool, as_json: bool, started: float) -> None:
    """`kb import --bulk`: importers/bulk.py builds the store offline, then the findings as after `kb import`."""
    from importers.bulk import BulkRefused, bulk_import
    from kb.config import load_settings
    from kb.server import ServerError

    try:
        report = bulk_import(load_settings(), paths, jurisdiction=jurisdiction, department=department,
                             in_force_from=in_force_from, progress=not as_json,
                             say=lambda text: click.echo(text, err=True))
    except (BulkRefused, ServerError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not report["refused"]:
        from kb.cli.web import count_page_stats

        with connect() as graph:
            if not no_check:
                report["findings"] = _recompute_findings(graph, report)
            count_page_stats(graph)
    _report_import(report, as_json, started, "--bulk：有文件被拒绝，什么都没有写入（数据库未改动）")


def _place_option(text: str) -> str:
    """--jurisdiction as a Jurisdiction name: a name (湖南省, 荷塘区, 平顶山市新华区) or an area code at any
    level (430200, 430202999000); a repeated name without its province or city is refused with the
    candidates and their codes."""
    from importers import jurisdictions

    text = text.strip()
    if text.isdecimal():
        name = jurisdictions.by_code(text)
        if not name:
            raise click.ClickException(f"未知的行政区划代码 {text}：行政区划中没有这个代码")
        return name
    try:
        return jurisdictions.resolve(text)["name"]
    except jurisdictions.Ambiguous as exc:
        raise click.ClickException(str(exc)) from exc


def _recompute_findings(graph, report: dict) -> dict | None:
    """Store the findings of what the import touched: the trees of the imported lists' and guides'
    jurisdictions; every tree when a law text came in (its citations may be anywhere)."""
    from kb.analyses import stored

    imported = [f for f in report["files"] if f["status"] == "imported"]
    if not imported:  # nothing new: what is stored stands (the browser and kb check catch up if stale)
        return None
    if any(f["kind"] == "law" or not f.get("jurisdiction") for f in imported):
        scopes = None
    else:
        scopes = stored.roots(graph, {f["jurisdiction"] for f in imported})
    started = time.monotonic()
    done = stored.refresh(graph, scopes)
    click.echo(stored.refreshed_line(scopes, done, time.monotonic() - started), err=True)
    return {"scopes": scopes, "areas": done}


def demo_dir() -> Path:
    """The bundled demo data (kb/demo)."""
    return Path(str(resources.files("kb").joinpath("demo")))


@click.command("demo")
@click.option("--reset", is_flag=True, help="先删除数据库中的全部数据。")
@click.option("--if-empty", is_flag=True, help="只在数据库为空时载入；否则说明一句并正常退出。")
def demo_cmd(reset: bool, if_empty: bool) -> None:
    """载入自带的演示数据。

    包括真实公布的清单、法律、一件事办事指南，以及一条标明为示例的链条。"""
    from importers.run import import_paths
    from kb import dump, schema

    with connect(check_schema=False) as graph:
        if not dump.is_empty(graph):
            if if_empty and not reset:
                click.echo("数据库中已有数据，未载入演示数据（`kb demo --reset` 会重新载入）。")
                return
            if not reset:
                raise click.ClickException("数据库不是空的；`kb demo --reset` 会先删除全部数据")
            dump.clear(graph)
        schema.init(graph)
        report = import_paths(graph, [demo_dir()])
        if not report["refused"]:
            _recompute_findings(graph, report)
        _print_import(report)
        if report["refused"]:
            sys.exit(1)
        counts = dump.stats(graph)["nodes"]
    click.echo(f"演示数据已载入：{counts.get('Department', 0)} 个部门、{counts.get('Power', 0)} 项权力、"
               f"{counts.get('Article', 0)} 条法律条文、{counts.get('Thing', 0)} 个一件事。")


@click.command("stats")
@click.option("--json", "as_json", is_flag=True,
              help='输出 {"nodes": {标签: 数量}, "relationships": {关系类型: 数量}}。')
def stats_cmd(as_json: bool) -> None:
    """按节点标签和关系类型统计当前数据。"""
    from kb import dump

    with connect() as graph:
        data = dump.stats(graph)
    if as_json:
        echo_json(data)
        return
    from kb.cli.common import print_table
    from kb.model import LABEL_TITLES, RELATIONSHIP_TITLES

    for section, title, names in (("nodes", "节点", LABEL_TITLES), ("relationships", "关系", RELATIONSHIP_TITLES)):
        print_table([title, "数量"], [{title: names.get(name, name), "数量": f"{n:,}"}
                                      for name, n in sorted(data[section].items())])
        click.echo("")


@click.command("export")
@click.argument("path", type=click.Path(path_type=Path), metavar="文件")
def export_cmd(path: Path) -> None:
    """把整个图导出为一个可移植的文件（gzip 压缩的 JSON Lines）。"""
    from kb import dump

    with connect() as graph:
        try:
            counts = dump.export(graph, path, progress=True)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            raise click.ClickException(f"无法写入 {path}：{explain(exc)}") from exc
    click.echo(f"已导出 {counts['nodes']} 个节点、{counts['relationships']} 条关系到 {path}")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="文件")
@click.option("--reset", is_flag=True, help="替换数据库中已有的数据（恢复成功之前，原有数据另存一份）。")
def restore_cmd(path: Path, reset: bool) -> None:
    """把 `kb export` 导出的文件恢复到空数据库中。

    动数据库之前先检查整个导出文件。加 --reset 时，先把数据库中已有的数据导出到
    KB_HOME/backups，恢复失败则放回：恢复失败时以 1 退出，数据库保持原样。"""
    import neo4j.exceptions

    from kb import dump, schema
    from kb.config import load_settings

    try:
        expected = dump.validate(path, progress=True)
    except dump.DumpError as exc:
        raise click.ClickException(f"未恢复任何内容，数据库未改动：{exc}") from exc
    backup = None
    with connect(check_schema=False) as graph:
        try:  # a restore stopped before is finished or undone
            recovered = dump.recover(graph, progress=True)
        except dump.DumpError as exc:  # its backup is gone: the data is part of a dump, whatever is done
            if not reset:
                raise click.ClickException(f"{exc}（`kb restore --reset` 放弃该次恢复，以本导出文件替换）") from exc
            dump.drop_journal(graph)
            recovered = f"放弃了中断的恢复：{exc}"
        if recovered:
            click.echo(recovered, err=True)
        if dump.journal(graph):  # still there: another restore runs
            raise click.ClickException(f"{recovered}；未恢复任何内容，数据库未改动")
        schema.init(graph)
        if not dump.is_empty(graph):
            if not reset:
                raise click.ClickException("数据库不是空的；`kb restore --reset` 会先删除全部数据")
            backup = _backup_path(load_settings().home).resolve()
            try:  # the data before it, read back whole before anything is deleted
                dump.export(graph, backup, progress=True)
                dump.validate(backup)
            except (ValueError, OSError, neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
                backup.unlink(missing_ok=True)
                raise click.ClickException(f"未能导出恢复前的数据，未恢复任何内容，数据库未改动：{explain(exc)}") from exc
        try:
            counts = dump.restore(graph, path, progress=True, backup=backup)
        except (ValueError, OSError, neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            notes = "；".join(getattr(exc, "__notes__", []))
            raise click.ClickException(f"{path}：未恢复任何内容：{explain(exc)}；{notes}") from exc
    if counts != expected:
        raise click.ClickException(f"恢复了 {counts}，但导出文件中有 {expected}")
    click.echo((f"恢复前的数据保存在 {backup}\n" if backup else "")
               + f"已从 {path} 恢复 {counts['nodes']} 个节点、{counts['relationships']} 条关系")


def _backup_path(home: Path) -> Path:
    """KB_HOME/backups/before-restore-<time>.jsonl.gz, in a folder only this user can read."""
    import time

    folder = home / "backups"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder / time.strftime("before-restore-%Y%m%d-%H%M%S.jsonl.gz")
