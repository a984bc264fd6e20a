"""`kb`: the command line for everything a script needs."""
from __future__ import annotations

import json
import sys
import time
from importlib import resources
from pathlib import Path

import click
import neo4j.exceptions

from kb import dump, schema, server
from kb.config import load_settings
from kb.db import Graph, NotConfigured


def _graph() -> Graph:
    settings = load_settings()
    try:
        graph = Graph.from_settings(settings)
        graph.driver.verify_connectivity()
        return graph
    except NotConfigured as exc:
        raise click.ClickException(str(exc)) from exc
    except neo4j.exceptions.AuthError as exc:
        where = "NEO4J_USER / NEO4J_PASSWORD" if settings.external else f"the password in {settings.config_file}"
        raise click.ClickException(f"Neo4j at {settings.uri} refused the login: check {where}") from exc
    except (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError, OSError, ValueError) as exc:
        hint = "" if settings.external else " (start it with `kb db start`)"
        raise click.ClickException(f"cannot reach Neo4j at {settings.uri}: {exc}{hint}") from exc


def _graph_if_up() -> Graph | None:
    """A dry run validates without a database, and says `unchanged` when one answers."""
    try:
        return _graph()
    except click.ClickException:
        return None


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """kb: a knowledge base of power-and-responsibility lists (权责清单) on Neo4j."""


# --- database ---------------------------------------------------------------------------------

@main.group()
def db() -> None:
    """Start, stop and prepare the database."""


@db.command("start")
@click.option("--timeout", default=180.0, show_default=True, help="Seconds to wait for Bolt to answer.")
def db_start(timeout: float) -> None:
    """Start the managed Neo4j server in the background (fetching it on first use) and init the schema."""
    settings = load_settings(create=True)
    if settings.external:
        click.echo(f"NEO4J_PASSWORD is set: {settings.uri} is an external server; kb does not start it.")
        return
    try:
        click.echo(server.start(settings, timeout=timeout))
    except server.ServerError as exc:
        raise click.ClickException(str(exc)) from exc
    with Graph.from_settings(settings) as graph:
        schema.init(graph)


@db.command("stop")
def db_stop() -> None:
    """Stop the managed Neo4j server cleanly."""
    settings = load_settings()
    if settings.external:
        click.echo(f"NEO4J_PASSWORD is set: {settings.uri} is an external server; kb does not stop it.")
        return
    click.echo(server.stop(settings))


@db.command("status")
def db_status() -> None:
    """Exit 0 when the database answers, 1 when it does not."""
    settings = load_settings()
    mode = "external" if settings.external else f"managed, KB_HOME {settings.home}"
    if server.bolt_answers(settings):
        click.echo(f"Neo4j answers at {settings.uri} ({mode})")
        return
    click.echo(f"Neo4j does not answer at {settings.uri} ({mode})")
    sys.exit(1)


@db.command("init")
def db_init() -> None:
    """Create constraints, indexes and the CJK full-text index (idempotent, versioned)."""
    with _graph() as graph:
        click.echo(schema.init(graph))


@db.command("fetch")
def db_fetch() -> None:
    """Resolve the Neo4j server jars from Maven Central into the shared cache."""
    try:
        click.echo(f"Neo4j jars in {server.fetch_jars(load_settings())}")
    except server.ServerError as exc:
        raise click.ClickException(str(exc)) from exc


# --- import -----------------------------------------------------------------------------------

def _print_import(report: dict) -> None:
    for f in report["files"]:
        name = Path(f["path"]).name
        who = f" → {f['department']}" if f.get("department") else ""
        click.echo(f"[{f['status']}] {name}{who}: {f['records']} records", err=True)
        if f.get("superseded"):
            click.echo(f"    replaces the older version(s): {', '.join(f['superseded'])}", err=True)
        if f.get("current") is False:
            click.echo("    kept as history: a newer version of this department's list is current", err=True)
        for e in f["errors"]:
            where = ", ".join(f"{k} {e[k]}" for k in ("sheet", "row", "column") if e.get(k))
            click.echo(f"    error: {e['message']}" + (f" ({where})" if where else ""), err=True)
        warnings = f["warnings"]
        for w in warnings[:5]:
            where = ", ".join(f"{k} {w[k]}" for k in ("sheet", "row", "column") if w.get(k))
            click.echo(f"    {w.get('severity', 'warning')}: {w['message']}" + (f" ({where})" if where else ""),
                       err=True)
        if len(warnings) > 5:
            click.echo(f"    … and {len(warnings) - 5} more warnings (see --json)", err=True)
    for notice in report.get("notices", []):
        click.echo(f"notice: {notice}", err=True)
    click.echo(f"{report['nodes_created']} nodes and {report['relationships_created']} relationships created"
               + (" (dry run: nothing written)" if report["dry_run"] else ""), err=True)


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--jurisdiction", "-j", help="Jurisdiction name or area code (default: from the file).")
@click.option("--department", help="Full department name (default: from the file's title, name or 行使主体).")
@click.option("--dry-run", is_flag=True, help="Validate and report without writing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object on stdout.")
def import_cmd(paths: tuple[Path, ...], jurisdiction: str | None, department: str | None, dry_run: bool,
               as_json: bool) -> None:
    """Import lists (XLS/XLSX/CSV/JSON/JSONL), law texts and 一件事 guides; a folder imports its files."""
    from importers.run import import_paths

    if jurisdiction and jurisdiction.isdigit():
        from importers.jurisdictions import by_code

        name = by_code(jurisdiction)
        if not name:
            raise click.ClickException(f"unknown area code {jurisdiction}: add the place to "
                                       "importers/mappings/jurisdictions.toml or give its name")
        jurisdiction = name
    started = time.monotonic()
    graph = _graph() if not dry_run else _graph_if_up()
    try:
        report = import_paths(graph, paths, jurisdiction=jurisdiction, department=department, dry_run=dry_run)
    finally:
        if graph:
            graph.close()
    report["seconds"] = round(time.monotonic() - started, 2)
    if as_json:
        _echo_json(report)
    else:
        _print_import(report)
    if report["refused"]:
        sys.exit(1)


def demo_dir() -> Path:
    return Path(str(resources.files("kb").joinpath("demo")))


@main.command("demo")
@click.option("--reset", is_flag=True, help="Delete everything in the database first.")
@click.option("--if-empty", is_flag=True, help="Load only into an empty database; otherwise say so and succeed.")
def demo_cmd(reset: bool, if_empty: bool) -> None:
    """Load the bundled demo (real published lists, laws, 一件事 guides, a labelled example chain)."""
    from importers.run import import_paths

    with _graph() as graph:
        if not dump.is_empty(graph):
            if if_empty and not reset:
                click.echo("The database already holds data; the demo is not loaded (`kb demo --reset` reloads it).")
                return
            if not reset:
                raise click.ClickException("the database is not empty; `kb demo --reset` deletes everything first")
            dump.clear(graph)
        schema.init(graph)
        report = import_paths(graph, [demo_dir()])
        _print_import(report)
        if report["refused"]:
            sys.exit(1)
        counts = dump.stats(graph)["nodes"]
    click.echo(f"Demo loaded: {counts.get('Department', 0)} departments, {counts.get('Power', 0)} powers, "
               f"{counts.get('Article', 0)} law articles, {counts.get('Thing', 0)} integrated services.")


# --- counts, export, restore ---------------------------------------------------------------------

@main.command("stats")
@click.option("--json", "as_json", is_flag=True, help='Print {"nodes": {label: n}, "relationships": {type: n}}.')
def stats_cmd(as_json: bool) -> None:
    """Count the current data by label and relationship type."""
    with _graph() as graph:
        data = dump.stats(graph)
    if as_json:
        _echo_json(data)
        return
    for section in ("nodes", "relationships"):
        click.echo(f"{section}:")
        for name, n in sorted(data[section].items()):
            click.echo(f"  {name:<24}{n:>10,}")


@main.command("export")
@click.argument("path", type=click.Path(path_type=Path))
def export_cmd(path: Path) -> None:
    """Write a portable dump (gzip'd JSON Lines) of the whole graph."""
    with _graph() as graph:
        try:
            counts = dump.export(graph, path, progress=True)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"exported {counts['nodes']} nodes and {counts['relationships']} relationships to {path}")


@main.command("restore")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--reset", is_flag=True, help="Delete everything in the database first.")
def restore_cmd(path: Path, reset: bool) -> None:
    """Load a dump made by `kb export` into an empty database."""
    with _graph() as graph:
        if not dump.is_empty(graph):
            if not reset:
                raise click.ClickException("the database is not empty; `kb restore --reset` deletes everything first")
            dump.clear(graph)
        schema.init(graph)
        try:
            counts = dump.restore(graph, path, progress=True)
        except (ValueError, OSError, neo4j.exceptions.Neo4jError) as exc:
            raise click.ClickException(f"{path}: nothing restored: {exc}") from exc
    click.echo(f"restored {counts['nodes']} nodes and {counts['relationships']} relationships from {path}")


# Commands of the analyses (check, query, overlaps) and of the browser (serve, user) live beside
# their code; each module exposes register(main).
def _register(modules: tuple[str, ...] = ("kb.analyses.cli", "webui.cli")) -> None:
    import importlib

    for name in modules:
        importlib.import_module(name).register(main)


_register()

if __name__ == "__main__":
    main()
