"""CLI commands of the browser: `kb serve`, `kb user add`, `kb bench`."""
from __future__ import annotations

import threading

import click


def _graph():
    from kb.cli import _graph as connect

    return connect()


def _warm(app) -> None:
    """Run the analyses once in the background, so the first visitor of the reports does not wait."""
    from webui import findings

    with app.app_context():
        findings.all_findings()
        findings.all_chains()


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=int, help="Worker threads.")
def serve_cmd(host: str, port: int, threads: int) -> None:
    """Serve the browser on waitress (a production WSGI server) and print its URL."""
    from waitress import create_server

    from webui import create_app

    graph = _graph()
    app = create_app({"KB_GRAPH": graph})
    server = create_server(app, host=host, port=port, threads=threads, ident="kb")
    threading.Thread(target=_warm, args=(app,), daemon=True).start()
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"kb browser at http://{shown}:{server.effective_port}/  (Ctrl-C stops it)")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        graph.close()


@click.group("user")
def user_group() -> None:
    """Logins of the browser (reading needs none; editing does)."""


@user_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "editor", "admin"]),
              help="Role of a new user (default viewer); given for an existing user, changes it.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Prompted for when not given (at least 8 characters).")
def user_add(name: str, role: str | None, password: str) -> None:
    """Create a user, or change an existing user's password (and role, when --role is given)."""
    from webui.users import add_user

    with _graph() as graph:
        try:
            created, role = add_user(graph, name, password, role)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{'created' if created else 'updated'} user {name} ({role})")


@user_group.command("list")
def user_list() -> None:
    """List the users and their roles."""
    with _graph() as graph:
        for row in graph.read("MATCH (u:User) RETURN u.name AS name, u.role AS role ORDER BY name"):
            click.echo(f"{row['name']}\t{row['role']}")


@click.command("bench")
@click.option("--rounds", default=20, show_default=True, type=int, help="Requests per page.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench_cmd(rounds: int, as_json: bool) -> None:
    """Server time per page type on the loaded data (median and 95th percentile, in ms)."""
    import importlib.util
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "bench_web.py"
    if not path.exists():
        raise click.ClickException(f"{path} is missing: `kb bench` runs from a source checkout")
    spec = importlib.util.spec_from_file_location("bench_web", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    run_bench = module.run_bench

    with _graph() as graph:
        figures = run_bench(graph, rounds=rounds, progress=not as_json)
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'page':<22}{'median ms':>10}{'p95 ms':>10}{'max ms':>10}  example")
    for row in figures["pages"]:
        click.echo(f"{row['page']:<22}{row['median_ms']:>10.1f}{row['p95_ms']:>10.1f}{row['max_ms']:>10.1f}  "
                   f"{row['example']}")
    worst = max((r["p95_ms"] for r in figures["pages"]), default=0)
    click.echo(f"worst p95: {worst:.1f} ms (aim: under 100 ms)")


def register(main: click.Group) -> None:
    main.add_command(serve_cmd)
    main.add_command(user_group)
    main.add_command(bench_cmd)
