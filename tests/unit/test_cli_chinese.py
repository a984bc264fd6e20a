"""The command line speaks Chinese (issue 10 §6): click's own words (用法, 选项, 错误 …), every command's
help, and the errors a user meets without a database: a wrong option, a missing argument, a file that
is not there, a database that does not answer."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from kb.cli import chinese, main
from kb.explain import explain

# click's English as a reader would meet it
CLICK_ENGLISH = re.compile(r"\b(?:Usage|Options|Commands|Error|Try|Missing|No such|Invalid value|Show this message|"
                           r"does not exist|is not a valid|Aborted)\b")
# English words in a row (a phrase), once what is typed is taken out: options, `kb …` in backticks,
# the values of a choice ([open|all]) and defaults
TYPED = re.compile(r"python -m kb\.cli|`[^`]*`|--?[a-z][a-z-]*(?:/--?[a-z][a-z-]*)?|\[[^\]]*\|[^\]]*\]|\bkb(?: [a-z][a-z-]*)+")
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,:;]+[A-Za-z]{2,})+")
NAMES = ("JSON Lines", "Maven Central")  # names of things, not sentences


def kb(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], capture_output=True, text=True, check=False,
                          timeout=120, env=env)


def commands(group: click.Group = main, path: tuple[str, ...] = ("kb",)):
    ctx = click.Context(group, info_name=path[-1])
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        yield (*path, name), cmd
        if isinstance(cmd, click.Group):
            yield from commands(cmd, (*path, name))


def english(text: str) -> list[str]:
    text = TYPED.sub(" ", text)
    for name in NAMES:
        text = text.replace(name, " ")
    return ENGLISH_RUN.findall(text)


def click_messages() -> tuple[set[str], set[tuple[str, str]]]:
    """Every text the installed click looks up with _() and ngettext()."""
    singles, plurals = set(), set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if node.func.id == "_" and texts:
                    singles.add(texts[0])
                elif node.func.id == "ngettext" and len(texts) >= 2:
                    plurals.add((texts[0], texts[1]))
    return singles, plurals


def test_every_text_click_looks_up_has_its_chinese() -> None:
    singles, plurals = click_messages()
    assert len(singles) > 50 and len(plurals) >= 6  # the extraction found click's texts
    assert not singles - set(chinese.CATALOGUE), "click texts without Chinese"
    assert not plurals - set(chinese.PLURALS), "click plurals without Chinese"
    for english_text, zh in chinese.CATALOGUE.items():  # the placeholders survive the translation
        assert set(re.findall(r"\{\w*(?:!r)?\}|%\(\w+\)s", english_text)) == set(
            re.findall(r"\{\w*(?:!r)?\}|%\(\w+\)s", zh)), english_text


def test_kb_help_and_import_help_are_chinese() -> None:
    top = kb("--help")
    assert top.returncode == 0
    assert top.stdout.startswith("用法：python -m kb.cli [选项] 命令 [参数]...")
    assert "选项：" in top.stdout and "命令：" in top.stdout and "显示本帮助并退出。" in top.stdout
    assert "  import    导入清单、法律文本和一件事办事指南\n" in top.stdout  # command names unchanged
    imp = kb("import", "--help")
    assert imp.returncode == 0 and "用法：python -m kb.cli import [选项] 路径..." in imp.stdout
    assert "  --dry-run                   只校验并报告，不写入。" in imp.stdout
    for proc in (top, imp):
        assert not CLICK_ENGLISH.search(proc.stdout), proc.stdout
        assert not english(proc.stdout), english(proc.stdout)


@pytest.mark.parametrize("path, cmd", list(commands()), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_commands_help_is_chinese(path: tuple[str, ...], cmd: click.Command) -> None:
    ctx = click.Context(cmd, info_name=" ".join(path))
    text = cmd.get_help(ctx)
    assert text.startswith(f"用法：{' '.join(path)} [选项]")
    assert not CLICK_ENGLISH.search(text), text
    assert not english(text), (english(text), text)
    for param in cmd.params:  # every option says what it does
        if isinstance(param, click.Option):
            assert param.help and re.search("[\u4e00-\u9fff]", param.help), (path, param.opts)


def test_chinese_help_is_laid_out_in_columns() -> None:
    """A Chinese character takes two columns: no help line runs past 80, and the option texts line up."""
    text = kb("check", "--help").stdout
    assert max(chinese.display_width(line) for line in text.splitlines()) <= 80
    starts = {chinese.display_width(line[: line.index("只看")]) for line in text.splitlines() if "只看" in line}
    assert len(starts) == 1, text
    # a docstring's line break inside a Chinese sentence adds no space; beside English it does
    assert chinese.join_lines(["最上级地区如一个", "省；加", "--threshold 时", "不保存"]) == "最上级地区如一个省；加 --threshold 时不保存"
    # lines break between Chinese characters, never before closing punctuation
    lines = chinese.wrap_text("每项结果有稳定的编号、规则（kind）、涉及的部门和权力、证据、得分和状态。" * 3, 30).splitlines()
    assert len(lines) > 3 and all(chinese.display_width(line) <= 30 for line in lines)
    assert not any(line[0] in "，。、）" for line in lines)


@pytest.mark.parametrize("args, said", [
    (("import",), "缺少参数 '路径...'。"),
    (("import", "--nope"), "没有选项 '--nope'。"),
    (("imprt",), "没有命令 'imprt'。"),
    (("serve", "--port", "abc"), "'--port' 的值无效：'abc' 不是有效的整数。"),
    (("restore", "/nonexistent/备份.jsonl.gz"), "'文件' 的值无效：文件 '/nonexistent/备份.jsonl.gz' 不存在。"),
    (("check", "--status", "done"), "'--status' 的值无效：'done' 不是 'open', 'resolved', 'accepted', 'all' 之一。"),
])
def test_usage_errors_are_chinese(args: tuple[str, ...], said: str) -> None:
    proc = kb(*args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("用法：python -m kb.cli") and "查看帮助。" in proc.stderr
    assert f"错误：{said}" in proc.stderr, proc.stderr
    assert not CLICK_ENGLISH.search(proc.stderr), proc.stderr


def test_a_missing_file_is_said_in_chinese(tmp_path: Path) -> None:
    proc = kb("import", "--dry-run", str(tmp_path / "没有的清单.xlsx"))
    assert proc.returncode == 1
    assert f"错误：找不到文件：{tmp_path / '没有的清单.xlsx'}" in proc.stderr
    assert "No such file or directory" not in proc.stderr


def test_file_errors_are_explained_in_chinese_first(tmp_path: Path) -> None:
    missing, plain = tmp_path / "无", tmp_path / "文件"
    plain.write_text("x", encoding="utf-8")
    cases = [(lambda: missing.read_text(), f"文件或文件夹不存在：{missing}（[Errno 2] No such file or directory"),
             (lambda: (plain / "x").read_text(), f"路径中有一段不是文件夹：{plain / 'x'}（[Errno 20] Not a directory"),
             (lambda: tmp_path.read_text(), f"这是文件夹，不是文件：{tmp_path}（[Errno 21] Is a directory"),
             (lambda: tmp_path.mkdir(), f"已经存在：{tmp_path}（[Errno 17] File exists")]
    for action, said in cases:
        with pytest.raises(OSError) as caught:
            action()
        assert explain(caught.value).startswith(said), explain(caught.value)
    assert explain(PermissionError(13, "Permission denied", "/etc/x")).startswith("没有访问权限：/etc/x（")
    assert explain(ValueError("something else")) == "something else"


def test_a_database_that_does_not_answer_is_said_in_chinese(tmp_path: Path) -> None:
    import os
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "KB_HOME": str(tmp_path), "NEO4J_PASSWORD": "x", "NEO4J_URI": f"bolt://127.0.0.1:{port}"}
    proc = kb("stats", env=env)
    assert proc.returncode == 1
    first = proc.stderr.strip().splitlines()[0]
    assert first.startswith(f"错误：无法连接 {env['NEO4J_URI']} 上的 Neo4j：数据库没有应答：连接被拒绝"), proc.stderr
    assert "Couldn't connect" in first.split("（", 2)[-1]  # the driver's words only as detail, after the Chinese
