"""Every CLI command and option is documented in the README."""
from __future__ import annotations

from pathlib import Path

import click

from kb.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "kb") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in group.commands.items():
        path = f"{prefix} {name}"
        out.append((path, cmd))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, path)
    return out


def test_every_command_is_documented() -> None:
    missing = [path for path, cmd in _commands(main) if not isinstance(cmd, click.Group) and f"`{path}" not in README]
    assert not missing, f"not in README: {missing}"


def test_every_option_is_documented() -> None:
    missing = []
    for path, cmd in _commands(main):
        for param in cmd.params:
            documented = any(opt in README for opt in param.opts if opt.startswith("--"))
            if isinstance(param, click.Option) and not documented and param.name != "help":
                missing.append(f"{path} {param.opts}")
    assert not missing, f"options not in README: {missing}"
