"""`kb`: the command line for everything a script needs.

Each command lives in a module of this package that is imported only when the command is needed,
so `kb --help` loads neither the analyses, the importers nor the browser.
"""
from __future__ import annotations

import importlib

import click

# Command name → (module of this package, attribute holding the click command).
COMMANDS: dict[str, tuple[str, str]] = {
    "bench": ("bench", "bench_cmd"),
    "chain": ("chains", "chain_cmd"),
    "check": ("check", "check_cmd"),
    "compare": ("chains", "compare_cmd"),
    "db": ("db", "db"),
    "demo": ("data", "demo_cmd"),
    "diff": ("diff", "diff_cmd"),
    "export": ("data", "export_cmd"),
    "import": ("data", "import_cmd"),
    "imports": ("imports", "imports_group"),
    "laws": ("laws", "laws_group"),
    "overlaps": ("overlaps", "overlaps_group"),
    "query": ("query", "query_group"),
    "restore": ("data", "restore_cmd"),
    "serve": ("web", "serve_cmd"),
    "services": ("chains", "services_cmd"),
    "stats": ("data", "stats_cmd"),
    "user": ("web", "user_group"),
    "versions": ("diff", "versions_group"),
}


class LazyGroup(click.Group):
    """A group whose commands come from the fixed table COMMANDS, each imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """kb: a knowledge base of power-and-responsibility lists (权责清单) on Neo4j."""
