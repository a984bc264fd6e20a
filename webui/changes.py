"""Two versions of a text side by side with what changed marked: the parts only the old one has in
<del>, the parts only the new one has in <ins>, and long stretches both share shortened to their ends
(a 实施依据 of 2,000 characters that gained one line shows that line, not the first 200 characters).
"""
from __future__ import annotations

from difflib import SequenceMatcher

from markupsafe import Markup, escape

CONTEXT = 40  # characters of an unchanged stretch kept on each side of a change
WHOLE = 200  # a text only one side has is shown up to this many characters
MATCHED_UP_TO = 4000  # longer texts are compared by their common start and end only (SequenceMatcher is quadratic)
ELLIPSIS = "…"


def marked(old: str | None, new: str | None, context: int | None = CONTEXT) -> tuple[Markup, Markup]:
    """(old, new) as HTML with the changes marked; `context=None` keeps the unchanged parts whole."""
    old, new = old or "", new or ""
    if not old or not new:  # added or removed as a whole: nothing to compare
        return _shown(old, context), _shown(new, context)
    if old == new:
        return _kept(old, context, True, True), _kept(new, context, True, True)
    if len(old) > MATCHED_UP_TO or len(new) > MATCHED_UP_TO:
        ops = _ends(old, new)
    else:
        ops = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    left, right = [], []
    for i, (tag, i1, i2, j1, j2) in enumerate(ops):
        first, last = i == 0, i == len(ops) - 1
        if tag == "equal":
            left.append(_kept(old[i1:i2], context, first, last))
            right.append(_kept(new[j1:j2], context, first, last))
            continue
        if i2 > i1:
            left.append(Markup("<del>%s</del>") % old[i1:i2])
        if j2 > j1:
            right.append(Markup("<ins>%s</ins>") % new[j1:j2])
    return Markup("").join(left), Markup("").join(right)


def _ends(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """One change between the common start and the common end."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    ops = [("equal", 0, start, 0, start)] if start else []
    ops.append(("replace", start, len(old) - end, start, len(new) - end))
    if end:
        ops.append(("equal", len(old) - end, len(old), len(new) - end, len(new)))
    return ops


def _kept(text: str, context: int | None, first: bool, last: bool) -> Markup:
    """An unchanged stretch: its ends next to a change, the middle left out when it is long."""
    if context is None:
        return escape(text)
    head = 0 if first else context  # kept after the change before it
    tail = 0 if last else context  # kept before the change after it
    if len(text) <= head + tail + len(ELLIPSIS) * 2 or (first and last and len(text) <= WHOLE):
        return escape(text)
    parts = [text[:head]] if head else []
    parts.append(ELLIPSIS)
    if tail:
        parts.append(text[-tail:])
    return escape("".join(parts))


def _shown(text: str, context: int | None) -> Markup:
    if context is None or len(text) <= WHOLE:
        return escape(text)
    return escape(text[:WHOLE] + ELLIPSIS)
