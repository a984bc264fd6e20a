"""Every CLI command and option is documented in the README."""
from __future__ import annotations

from pathlib import Path

import click

from kb.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "kb") -> list[tuple[str, click.Command]]:
    """Every command below the group; kb's own commands are loaded lazily, so ask the group for them."""
    ctx = click.Context(group)
    out = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        assert cmd is not None, f"{prefix} {name} is listed but cannot be loaded"
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
