"""click's own texts in Chinese, and help laid out for Chinese text.

click looks its texts up with ``gettext.gettext`` / ``gettext.ngettext``, imported into each of its
modules as ``_`` and ``ngettext``. `install` rebinds those names in click's modules to lookups in the
catalogue below, so `Usage:`, `Options:`, `Error:`, `Missing argument` … print in Chinese whatever the
locale, without a compiled catalogue or touching site-packages. tests/unit/test_cli_chinese.py checks
that every text the installed click looks up has its Chinese here.

click measures and wraps text by characters and breaks lines only at spaces; a Chinese character takes
two columns and a Chinese sentence has no spaces. `install` also has click measure by columns, break
between Chinese characters (never before closing or after opening punctuation), and cut a command's
one-line summary at its first 。.
"""
from __future__ import annotations

import re
import sys

import click
import click._textwrap
import click.core
import click.exceptions
import click.formatting
import click.types

from kb.textwidth import display_width

CATALOGUE: dict[str, str] = {
    # help pages
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Confirm the action without prompting.": "不再询问，直接确认。",
    "Do you want to continue?": "要继续吗？",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "deprecated": "已弃用",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Choice({choices})": "Choice({choices})",
    # errors
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Aborted!": "已中止。",
    "unknown error": "未知错误",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Invalid value: {message}": "值无效：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid start character for option ({option})": "选项的开头字符无效（{option}）",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Value must be an iterable.": "值必须是可迭代的。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的布尔值。可用的值：{states}",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{filename!r} 是文件，不是{name}。",
    "{name} {filename!r} is a directory.": "{filename!r} 是文件夹，不是{name}。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读（没有读取权限）。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写（没有写入权限）。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Unknown standard stream '{name}'": "未知的标准流 '{name}'",
    "Unknown color {colour!r}": "未知的颜色 {colour!r}",
    # prompts
    "Repeat for confirmation": "请再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入的值不一致。",
    "Error: invalid input": "错误：输入无效",
    "Press any key to continue...": "按任意键继续……",
    "d": "天",
    "{editor}: Editing failed": "{editor}：编辑失败",
    "{editor}: Editing failed: {e}": "{editor}：编辑失败：{e}",
    "Windows error: {error}": "Windows 错误：{error}",
    "Couldn't detect Bash version, shell completion is not supported.": "无法检测 Bash 的版本，不支持命令补全。",
    "Shell completion is not supported for Bash versions older than 4.4.": "4.4 以前的 Bash 不支持命令补全。",
    # mistakes in a program's own declarations (the programmer reads them)
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "弃用警告：命令 {name!r} 已弃用。{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "弃用警告：{param_type} {name!r} 已弃用。{extra_message}",
    "Could not determine name for option with declarations {decls!r}": "无法确定选项的名称（声明为 {decls!r}）",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?": "没有声明选项，却给了名称（{name}）。是要声明参数，还是要写 '--{name}'？",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "参数只能有一个声明，却有 {length} 个：{decls}。",
    "Name '{name}' defined twice": "名称 '{name}' 定义了两次",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "布尔选项 {decl!r} 的真、假开关不能相同。",
}

# (singular, plural) → (Chinese for one, Chinese for several)
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("多余的参数（{args}）", "多余的参数（{args}）"),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("需要 {nargs} 个值，只给了 1 个。", "需要 {nargs} 个值，给了 {len} 个。"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("是不是 {possibility}？", "（是不是其中之一：{possibilities}？）"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("选项 {name!r} 需要一个值。", "选项 {name!r} 需要 {nargs} 个值。"),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} 不是 {choice}。", "{value!r} 不是 {choices} 之一。"),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} 不符合格式 {format}。", "{value!r} 不符合以下任一格式：{formats}。"),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("需要 {len_type} 个值，给了 {len_value} 个。", "需要 {len_type} 个值，给了 {len_value} 个。"),
}

# The placeholders click shows for a value of each type (`--port INTEGER`), and names in its errors.
TYPE_NAMES = {"StringParamType": "文本", "UnprocessedParamType": "文本", "IntParamType": "整数",
              "IntRange": "整数", "FloatParamType": "数值", "FloatRange": "数值", "BoolParamType": "布尔值",
              "DateTime": "日期时间", "File": "文件"}
OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."

# click's modules that look texts up. Those `import click` does not load (shell_completion,
# _termui_impl, _winconsole: completion, progress bars, the editor, the Windows console) are rebound
# only when already loaded: kb uses none of them, and importing them would slow `kb --help`.
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "shell_completion", "termui",
                 "types", "utils", "_termui_impl", "_winconsole")


def gettext(message: str) -> str:
    return CATALOGUE.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    one, other = PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else other


# --- Chinese text in columns ----------------------------------------------------------------------------

CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
OPENING = "（《「『【〈“‘"
CLOSING = "，。、；：！？）》」』】〉”’…—"
# the pieces a line may break between: one Chinese character with the punctuation that stays with it
# (the opening punctuation before it, the closing after it), or a run of other characters
PIECE = re.compile(rf"[{OPENING}]*(?:[{CJK}][{CLOSING})\]}}>,.;:!?]*|[^\s{CJK}]+[{CLOSING}]*)")
PUNCTUATION = OPENING + CLOSING


class ChineseTextWrapper(click._textwrap.TextWrapper):
    """click's wrapper, breaking between Chinese characters too."""

    def _split(self, text: str) -> list[str]:
        out = []
        for chunk in super()._split(text):
            pieces = [] if chunk.isascii() else PIECE.findall(chunk)
            out += pieces if "".join(pieces) == chunk else [chunk]
        return out


def join_lines(lines: list[str]) -> str:
    """A paragraph's lines as one, as click joins them (with a space) except between two Chinese
    characters or beside Chinese punctuation, where Chinese text has none."""
    out = ""
    for line in lines:
        line = line.strip()
        if out and line:
            before, after = out[-1], line[0]
            chinese = re.match(f"[{CJK}]", before) and re.match(f"[{CJK}]", after)
            out += "" if chinese or before in PUNCTUATION or after in PUNCTUATION else " "
        out += line
    return out


def wrap_text(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
              preserve_paragraphs: bool = False) -> str:
    """click.formatting.wrap_text, joining a paragraph's lines with `join_lines`."""
    text = text.expandtabs()
    wrapper = ChineseTextWrapper(width, initial_indent=initial_indent, subsequent_indent=subsequent_indent,
                                 replace_whitespace=False)
    if not preserve_paragraphs:
        return wrapper.fill(text)
    paragraphs: list[tuple[int, bool, str]] = []  # (indent, kept as written (\b), text)
    lines: list[str] = []
    indent = 0
    for line in [*text.splitlines(), ""]:
        if line:
            if not lines:
                indent = display_width(line) - display_width(line.lstrip())
            lines.append(line)
        elif lines:
            raw = lines[0].strip() == "\b"
            paragraphs.append((indent, raw, "\n".join(lines[1:]) if raw else join_lines(lines)))
            lines = []
    out = []
    for indent, raw, paragraph in paragraphs:
        with wrapper.extra_indent(" " * indent):
            out.append(wrapper.indent_only(paragraph) if raw else wrapper.fill(paragraph))
    return "\n\n".join(out)


def short_help(help_text: str, max_length: int = 45) -> str:
    """A command's line in its group's list: its first sentence (up to the first 。), cut to
    ``max_length`` columns. English help keeps click's own rule."""
    paragraph = help_text.partition("\n\n")[0].replace("\b", "")
    if not re.search(f"[{CJK}]", paragraph):
        return _english_short_help(help_text, max_length)
    text = join_lines(paragraph.splitlines())
    text = text.split("。", 1)[0].rstrip("。")
    if display_width(text) <= max_length:
        return text
    while display_width(text) > max_length - 1:
        text = text[:-1]
    return text + "…"


class ChineseHelpFormatter(click.formatting.HelpFormatter):
    """Headings end with a Chinese colon (选项：), which no space follows (用法：kb …)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, gettext("Usage:") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")


def _missing_parameter_message(self: click.exceptions.MissingParameter) -> str:
    """click ends 缺少参数 '路径...' with its own full stop: a Chinese one instead."""
    return re.sub(r"(?<=')\.(?= |$)", "。", _english_missing_parameter_message(self), count=1)


def localize(command: click.Command) -> click.Command:
    """Chinese placeholders in a command's usage line ([选项], 命令 [参数]...), for it and its subcommands."""
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = OPTIONS_METAVAR
    if isinstance(command, click.Group):
        command.subcommand_metavar = command.subcommand_metavar.replace("COMMAND", "命令").replace("ARGS", "参数")
        for sub in command.commands.values():
            localize(sub)
    return command


_english_short_help = click.core._make_default_short_help
_english_missing_parameter_message = click.exceptions.MissingParameter.format_message


def install() -> None:
    """Rebind click's text lookups and layout to the Chinese ones (idempotent)."""
    for name in CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if getattr(module, "_", None) is not None:
            module._ = gettext
        if getattr(module, "ngettext", None) is not None:
            module.ngettext = ngettext
    for type_name, title in TYPE_NAMES.items():
        getattr(click.types, type_name).name = title
    click._textwrap.term_len = display_width
    click.formatting.term_len = display_width
    click.formatting.wrap_text = wrap_text
    click.core._make_default_short_help = short_help
    click.Context.formatter_class = ChineseHelpFormatter
    click.exceptions.MissingParameter.format_message = _missing_parameter_message
