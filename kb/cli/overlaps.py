"""`kb overlaps`: list overlaps and record who leads and who cooperates."""
from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING

import click

from kb.analyses.findings import KINDS, STATUSES, Finding
from kb.cli.common import connect, echo_json, short

if TYPE_CHECKING:
    from kb.db import Graph


@click.group("overlaps")
def overlaps_group() -> None:
    """Overlaps (职责交叉): list them, and record who leads and who cooperates."""


def _overlaps(graph: Graph, jurisdiction: str | None = None) -> list[Finding]:
    from kb.analyses import report

    return report.run(graph, ("overlaps",), jurisdiction).findings


def _find(findings: list[Finding], finding_id: str) -> Finding:
    hits = [f for f in findings if f.id == finding_id or f.id.startswith(finding_id)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise click.ClickException(f"no overlap with id {finding_id!r}; `kb overlaps list` shows them")
    raise click.ClickException(f"{finding_id!r} matches several findings: {', '.join(f.id for f in hits)}")


@overlaps_group.command("list")
@click.option("--status", type=click.Choice([*STATUSES, "all"]), default="open", show_default=True)
@click.option("--jurisdiction", "-j")
@click.option("--json", "as_json", is_flag=True)
def overlaps_list(status: str, jurisdiction: str | None, as_json: bool) -> None:
    """The overlaps with their status (open by default); resolved ones show their resolution."""
    from kb.analyses import resolutions

    with connect() as graph:
        findings = _overlaps(graph, jurisdiction)
        stored = resolutions.records(graph)
    shown = [f for f in findings if status in ("all", f.status)]
    current = {f.id for f in findings}
    # resolutions whose overlap is no longer found keep their record
    gone = [r for i, r in stored.items() if i not in current and KINDS.get(r.get("kind") or "") == "overlaps"
            and status in ("all", r.get("status"))]
    if as_json:
        echo_json([f.as_dict() for f in shown] + [r | {"no_longer_found": True} for r in gone])
        return
    for f in shown:
        extra = ""
        if f.resolution:
            extra = f"  [{f.status}: lead {f.resolution.get('lead') or '-'}, by {f.resolution.get('resolved_by')}]"
        click.echo(f"{f.id}  {f.score:.2f}  {f.kind:<16}{short(f.summary, 100)}{extra}")
    for r in gone:
        click.echo(f"{r['id']}  ----  {r.get('kind', ''):<16}{short(r.get('summary') or '', 100)}"
                   f"  [{r.get('status')}, no longer found: lead {r.get('lead') or '-'}]")
    click.echo(f"-- {len(shown)} overlaps" + (f", {len(gone)} stored records no longer found" if gone else ""),
               err=True)


@overlaps_group.command("show")
@click.argument("finding_id")
def overlaps_show(finding_id: str) -> None:
    """One overlap with all its evidence, as JSON."""
    from kb.analyses import resolutions

    with connect() as graph:
        f = _find(_overlaps(graph), finding_id)
        data = f.as_dict() | {"history": resolutions.history(graph, f.id)}
    echo_json(data)


def _who(by: str | None) -> str:
    return by or os.environ.get("KB_USER") or getpass.getuser()


@overlaps_group.command("resolve")
@click.argument("finding_id")
@click.option("--lead", required=True, help="The department that leads (牵头); full or unique short name.")
@click.option("--cooperating", multiple=True,
              help="A cooperating department (配合), repeatable; default: the overlap's other departments.")
@click.option("--basis", required=True, help="The decision or document that assigns the lead.")
@click.option("--by", help="Who records it (default: $KB_USER or the login name).")
def overlaps_resolve(finding_id: str, lead: str, cooperating: tuple[str, ...], basis: str, by: str | None) -> None:
    """Resolve an overlap: record who leads and who cooperates; it leaves the open list."""
    from kb.analyses import resolutions

    with connect() as graph:
        f = _find(_overlaps(graph), finding_id)
        try:
            rec = resolutions.resolve(graph, f, lead, list(cooperating), basis, _who(by))
        except resolutions.ResolutionError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{f.id} resolved: lead {rec['lead']}; cooperating {', '.join(rec['cooperating']) or '-'}; "
               f"by {rec['resolved_by']} at {rec['resolved_at']}")


@overlaps_group.command("accept")
@click.argument("finding_id")
@click.option("--basis", required=True, help="Why this is not an overlap to resolve.")
@click.option("--by", help="Who records it (default: $KB_USER or the login name).")
def overlaps_accept(finding_id: str, basis: str, by: str | None) -> None:
    """Mark an overlap as reviewed and acceptable (e.g. the same article, different objects)."""
    from kb.analyses import resolutions

    with connect() as graph:
        f = _find(_overlaps(graph), finding_id)
        try:
            rec = resolutions.accept(graph, f, basis, _who(by))
        except resolutions.ResolutionError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{f.id} accepted by {rec['resolved_by']} at {rec['resolved_at']}")


@overlaps_group.command("reopen")
@click.argument("finding_id")
@click.option("--by", help="Who reopens it (default: $KB_USER or the login name).")
def overlaps_reopen(finding_id: str, by: str | None) -> None:
    """Open an overlap again; its earlier resolution stays in its history."""
    from kb.analyses import resolutions

    with connect() as graph:
        if not resolutions.reopen(graph, finding_id, _who(by)):
            raise click.ClickException(f"no resolution recorded for {finding_id!r}")
    click.echo(f"{finding_id} is open again")
