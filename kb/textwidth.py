"""Terminal columns of a text (a Chinese character takes two), for the CLI's tables and help."""
from __future__ import annotations

import re
from unicodedata import east_asian_width

_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: a Chinese character two, ANSI colour codes none."""
    text = _ANSI.sub("", text)
    if text.isascii():
        return len(text)
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """The text followed by spaces up to `width` columns."""
    return text + " " * (width - display_width(text))
