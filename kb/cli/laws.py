"""`kb laws`: what a new version of a law changed for the powers citing it (the review queue)."""
from __future__ import annotations

import click

from kb.cli.common import connect, echo_json, short
from kb.times import shown_time

CHANGE_NAMES = {"renumbered": "条号变动", "changed": "内容修改", "repealed": "已删除"}
STATUS_NAMES = {"open": "待复核", "confirmed": "已确认", "changed": "已改引"}


@click.group("laws")
def laws_group() -> None:
    """法律文本：新版本对引用它的权力有什么影响。"""


@laws_group.command("impact")
@click.argument("law", metavar="法律")
@click.option("--status", type=click.Choice(["open", "confirmed", "changed"]), default=None,
              help="只看该状态的条目：open 待复核，confirmed 已确认，changed 已改引（默认：全部）。")
@click.option("--json", "as_json", is_flag=True, help="以一个 JSON 对象输出待复核队列。")
def impact_cmd(law: str, status: str | None, as_json: bool) -> None:
    """一部法律的新版本留下的待复核队列。

    法律 是其键或标题（如 安全生产法）。列出引用了被最新文本重新编号、修改或删除的条文的每项
    现行权力，附新旧文本和可能对应的新条文。"""
    from kb.analyses import law_changes

    with connect() as graph:
        try:
            result = law_changes.impact(graph, law, status or "")
        except law_changes.ReviewError as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        echo_json(result.as_dict())
        return
    counts = result.as_dict()["counts"]
    versions = " → ".join(v["date"] or "?" for v in result.versions) or result.version_date or "未载入"
    click.echo(f"《{result.title}》版本 {versions}：待复核 {counts['open']}，已确认 {counts['confirmed']}，"
               f"已改引 {counts['changed']}")
    for r in result.reviews:
        likely = f"，现行文本可能为{r['likely_label']}" if r.get("likely_label") else ""
        click.echo(f"\n[{STATUS_NAMES.get(r['status'], r['status'])}] {r['key']}")
        click.echo(f"  {r['department']}「{r['power_name']}」")
        click.echo(f"  引用{r['article_label'] or r['article']}：{CHANGE_NAMES.get(r['change'], r['change'])}{likely}"
                   f"（相似度 {r['similarity']:.2f}）")
        click.echo(f"  旧（{r['from_version']}）：{short(r['old_text'] or '', 80)}")
        click.echo(f"  新（{r['to_version']}）：{short(r['new_text'] or '（无）', 80)}")
        if r["status"] != "open":
            click.echo(f"  由 {r['resolved_by']} 于 {shown_time(r['resolved_at'])} 处理，现引第{r['resolved_article']}条"
                       + (f"：{r['note']}" if r.get("note") else ""))


@laws_group.command("resolve")
@click.argument("key", metavar="键")
@click.option("--by", "by", required=True, metavar="姓名", help="确认或改引的人。")
@click.option("--article", type=str, default=None, metavar="条",
              help="该权力现在应引用的条文（62 或 第六十二条，如可能对应的新条文）；不给出则按原样确认引用。")
@click.option("--note", required=True, metavar="理由", help="处理的理由（与结果一起保存，如浏览器中每项改动都要写理由）。")
def resolve_cmd(key: str, by: str, article: str | None, note: str) -> None:
    """处理一个待复核条目：确认引用，或改引为 --article 给出的条文。

    键 见 `kb laws impact` 的输出。"""
    from importers.numerals import chinese_to_int
    from kb.analyses import law_changes

    if not note.strip():
        raise click.BadParameter("请写明处理的理由", param_hint="--note")
    number = None
    if article:
        text = article.strip().removeprefix("第").removesuffix("条")
        try:
            number = int(text) if text.isdecimal() else chinese_to_int(text)
        except (ValueError, KeyError) as exc:
            raise click.BadParameter(f"不是条文编号：{article}", param_hint="--article") from exc
    with connect() as graph:
        try:
            record = law_changes.resolve(graph, key, by, number, note)
        except law_changes.ReviewError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{STATUS_NAMES[record['status']]}：{record['department']}「{record['power_name']}」"
               f"现引《{record['law_title']}》第{record['resolved_article']}条（{record['resolved_by']}）")
