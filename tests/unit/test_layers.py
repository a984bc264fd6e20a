"""Layers import downward only (docs/architecture.md): every import of every module is read, relative
ones and those inside functions too, and one that runs back up the layers fails here."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("kb", "importers", "queries", "webui")

# Where a module sits, by its dotted name: the longest matching prefix wins.
LAYER_OF = {
    "kb": "core",
    "kb.analyses": "analyses",
    "kb.cli": "cli",
    "kb.bench": "bench",
    "queries": "queries",
    "importers": "importers",
    "webui": "webui",
}
# What each layer may import besides itself. The core is the ground; the three in the middle do not
# call each other, except that the analyses may use the saved-query library; the CLI and the browser
# are on top (with the benchmarks, which only the CLI imports), and nothing imports the CLI.
MAY_IMPORT = {
    "core": {"core"},
    "queries": {"core"},
    "importers": {"core"},
    "analyses": {"core", "queries"},
    "webui": {"core", "queries", "importers", "analyses"},
    "bench": {"core", "queries", "importers", "analyses", "webui"},
    "cli": {"core", "queries", "importers", "analyses", "webui", "bench"},
}
# Loading code by name or by path hides a dependency from readers and tools; only the CLI's lazy
# command table (fixed module names inside kb.cli) does it.
DYNAMIC_IMPORT = ("import_module", "spec_from_file_location", "__import__")
DYNAMIC_ALLOWED = {"kb.cli"}


def layer(module: str) -> str | None:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        found = LAYER_OF.get(".".join(parts[:n]))
        if found:
            return found
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, name: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file."""
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.append((node.lineno, target))
            # `from kb import cli` names a module, not an attribute
            out += [(node.lineno, f"{target}.{a.name}") for a in node.names if layer(f"{target}.{a.name}")
                    and layer(f"{target}.{a.name}") != layer(target)]
    return out


def sources() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (REPO / pkg).rglob("*.py"))


def test_the_layer_table_knows_every_package() -> None:
    assert {layer(module_name(p)) for p in sources()} == set(MAY_IMPORT)


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(REPO)))
def test_imports_run_downward(path: Path) -> None:
    own = layer(module_name(path))
    wrong = [f"line {line}: {target} ({layer(target)})" for line, target in imports(path)
             if layer(target) and layer(target) != own and layer(target) not in MAY_IMPORT[own]]
    assert not wrong, f"{path.relative_to(REPO)} ({own}) imports upward or across: {wrong}"


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(REPO)))
def test_nothing_is_loaded_by_name_or_path(path: Path) -> None:
    if layer(module_name(path)) == "cli" and module_name(path) in DYNAMIC_ALLOWED:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute | ast.Name)
             and (node.attr if isinstance(node, ast.Attribute) else node.id) in DYNAMIC_IMPORT]
    assert not calls, f"{path.relative_to(REPO)} loads modules dynamically at lines {calls}"


def test_the_checker_sees_relative_and_late_imports(tmp_path: Path) -> None:
    """The rule itself: an upward import inside a function, written relatively, is still found."""
    sample = tmp_path / "probe.py"
    sample.write_text("def f():\n    from ..kb.analyses import report\n    from ..webui import store\n",
                      encoding="utf-8")
    found = [t for _, t in imports(sample, "importers.probe")]
    assert "kb.analyses" in found and "webui" in found
    assert layer("kb.analyses.report") == "analyses" and "analyses" not in MAY_IMPORT["importers"]
