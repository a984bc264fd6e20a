"""`kb imports`: the import runs, and reverting one (importers.revert)."""
from __future__ import annotations

import time

import click

from kb.cli.common import connect, echo_json
from kb.times import shown_time

STATUS_TITLES = {"imported": "已导入", "unchanged": "未改动", "failed": "失败"}
KIND_TITLES = {"list": "清单", "law": "法律文本", "guide": "一件事指南"}


@click.group("imports")
def imports_group() -> None:
    """导入记录：列出导入，撤销其中一次（它产生的清单版本退出现行清单，此前的版本恢复为现行）。"""


@imports_group.command("list")
@click.option("--department", default="", metavar="部门", help="只列出产生过该部门清单版本的导入。")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True, metavar="条数",
              help="最多列出的导入数。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def imports_list(department: str, limit: int, as_json: bool) -> None:
    """最近的导入，最新的在前：编号、文件、状态、各自产生的清单版本。"""
    from importers import revert

    with connect() as graph:
        rows = revert.recent(graph, limit, department)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("没有导入记录" + (f"（{department}）" if department else ""))
        return
    for row in rows:
        run = row["run"]
        state = f"已撤销（{shown_time(run['reverted_at'])}）" if run.get("reverted_at") is not None else \
            STATUS_TITLES.get(run.get("status") or "", run.get("status") or "")
        click.echo(f"{run['id']}　{shown_time(run.get('started_at'))}　{KIND_TITLES.get(run.get('kind') or '', '')}　"
                   f"{state}　{run.get('file') or ''}")
        for v in row["versions"]:
            if v.get("key"):
                mark = "已撤销" if v.get("retired") else ("现行" if v.get("current") else "已替代")
                click.echo(f"    {v['department']} {v.get('version') or '（无标签）'}　{mark}")


@imports_group.command("revert")
@click.argument("run_id", metavar="导入编号")
@click.option("--by", "who", metavar="姓名", help="撤销人（默认：当前登录名）。")
@click.option("--reason", required=True, metavar="理由", help="撤销理由（记入审计记录）。")
@click.option("--no-check", is_flag=True, help="现在不重新计算保存的检查结果。")
def imports_revert(run_id: str, who: str | None, reason: str, no_check: bool) -> None:
    """撤销一次导入（编号见 `kb imports list`）。

    它产生的清单版本不再现行，保留为历史；被它取代的版本恢复为现行。该部门的清单此后又导入过，
    或其版本已发布后又被修改时，拒绝撤销。"""
    import getpass

    from importers import revert

    with connect() as graph:
        try:
            done = revert.revert_run(graph, run_id, who or getpass.getuser(), reason)
        except revert.RevertRefused as exc:
            raise click.ClickException(str(exc)) from exc
        for v in done.versions:
            back = f"，恢复现行版本 {'、'.join(v['restored'])}" if v["restored"] else "，没有更早的版本可恢复"
            click.echo(f"已撤销 {v['department']} 的清单版本 {v['version'] or '（无标签）'}（保留为历史）{back}")
        if not no_check and done.jurisdictions:
            _recompute(graph, done.jurisdictions)


def _recompute(graph, jurisdictions: set[str]) -> None:
    """The stored findings of the jurisdiction trees the revert changed, as `kb import` does."""
    from kb.analyses import stored

    scopes = stored.roots(graph, jurisdictions)
    started = time.monotonic()
    done = stored.refresh(graph, scopes)
    click.echo(stored.refreshed_line(scopes, done, time.monotonic() - started), err=True)
