"""`kb`: the command line for everything a script needs.

Each command lives in a module of this package that is imported only when the command is needed,
so `kb --help` loads neither the analyses, the importers nor the browser.
"""
from __future__ import annotations

import errno
import importlib

import click

from kb.cli import chinese
from kb.explain import explain, is_connection_error

chinese.install()  # before any command is declared: click's texts and placeholders in Chinese

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
        return chinese.localize(command)

    def invoke(self, ctx: click.Context) -> object:
        """A file that cannot be read or written, or a database that stopped answering, is said in
        Chinese (what happened, then the original message), not as a traceback."""
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # the reader went away (`kb … | head`): click handles it
                raise
            raise click.ClickException(explain(exc)) from exc
        except Exception as exc:
            if not is_connection_error(exc):
                raise
            raise click.ClickException(explain(exc)) from exc


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             options_metavar=chinese.OPTIONS_METAVAR, subcommand_metavar=chinese.SUBCOMMAND_METAVAR)
def main() -> None:
    """kb：基于 Neo4j 的权责清单知识库。

    导入各地公布的权责清单、法律文本和一件事办事指南，检查职责交叉、职责空白、纵向链条和四级四同，
    并在浏览器中查阅。`kb 命令 --help` 显示各命令的说明。"""
