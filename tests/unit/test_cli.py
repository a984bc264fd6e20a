"""The command line loads each command's module only when it is needed."""
from __future__ import annotations

import subprocess
import sys

import click

from kb.cli import COMMANDS, main

HEAVY = ("importers", "webui", "queries", "openpyxl", "flask", "waitress", "neo4j", "kb.analyses.report")


def test_help_loads_no_heavy_module() -> None:
    code = ("import sys\nfrom kb.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = proc.stdout.split("\n")[-2].split()
    heavy = [m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert not heavy, f"`kb --help` imported {heavy}"
    assert "命令：" in proc.stdout


def test_every_command_in_the_table_loads_under_its_name() -> None:
    ctx = click.Context(main)
    assert main.list_commands(ctx) == sorted(COMMANDS)
    for name in COMMANDS:
        cmd = main.get_command(ctx, name)
        assert isinstance(cmd, click.Command) and cmd.name == name
    assert main.get_command(ctx, "nosuch") is None


def test_stats_loads_only_the_driver_and_the_dump_module() -> None:
    """`kb stats` (aim: starts in < 0.5 s) loads no importer, web, analysis or progress-bar module: the
    command runs into its refusal to connect (a port nothing listens on) after its imports."""
    code = ("import os, sys\nos.environ['NEO4J_URI'] = 'bolt://127.0.0.1:9'\nos.environ['NEO4J_PASSWORD'] = 'x'\n"
            "from kb.cli import main\ntry:\n    main(['stats'])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = proc.stdout.split("\n")[-2].split()
    assert "kb.dump" in loaded and "neo4j" in loaded
    heavy = [m for m in loaded if any(m == h or m.startswith(h + ".") for h in (*HEAVY[:-2], "kb.analyses", "tqdm"))]
    assert not heavy, f"`kb stats` imported {heavy}"
