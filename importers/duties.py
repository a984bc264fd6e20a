"""Split a 责任事项内容 cell into numbered duties.

A typical cell: "直接实施责任：\\n1.受理责任：…\\n2.…\\n指导监督责任：\\n3.…". Some files hard-wrap every
few characters (统计局: "直接实施责\\n任：\\n1.执行上级统\\n计部门…"), so headings and numbers are found on
the text with line breaks kept, but a duty's text re-joins wrapped lines.
"""
from __future__ import annotations

import re

from importers.numerals import chinese_to_int
from importers.records import Duty
from kb.model import duty_kind_words, heading_stages

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Number markers by style. Only the style of the first marker in a cell splits it, so a nested
# "（1）" inside "1." duties stays inside its duty.
_STYLES = {
    "arabic": r"(?P<n>\d{1,3})\s*[.、．，,](?!\d)",
    "paren": r"[（(]\s*(?P<n>\d{1,3})\s*[)）]",
    "chinese": r"(?P<n>[一二三四五六七八九十]{1,3})\s*[、.．，,]",
    "chinese_paren": r"[（(](?P<n>[一二三四五六七八九十]{1,3})[)）]",
    "circled": rf"(?P<n>[{_CIRCLED}])",
}
# A marker counts at the start of a line, or after a sentence end when it continues the numbering.
_LINE_START = r"(?:(?<=\n)|^)[ \t\u3000]*"
_AFTER_STOP = r"(?<=[。；;：:])[ \t\u3000]*"


def _number(token: str) -> int:
    if token in _CIRCLED:
        return _CIRCLED.index(token) + 1
    return chinese_to_int(token)


def _heading_pattern() -> re.Pattern:
    # Allow line breaks between the characters of a heading (hard-wrapped cells), and an outline
    # number in front of it (一、直接实施责任：).
    words = sorted(duty_kind_words(), key=len, reverse=True)
    spaced = "|".join(r"\s*".join(map(re.escape, w)) for w in words)
    return re.compile(
        rf"(?:(?<=\n)|^|(?<=[。；;]))[ \t\u3000]*(?:[一二三四五六七八九十]{{1,2}}\s*[、.．]\s*)?"
        rf"(?P<kind>{spaced})\s*责\s*任\s*[：:]?"
    )


def _first_style(text: str) -> str | None:
    best: tuple[int, str] | None = None
    for style, pat in _STYLES.items():
        m = re.search(_LINE_START + pat, text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), style)
    return best[1] if best else None


def _marker_start(m: re.Match) -> int:
    """Where the marker itself starts (its match may begin with indentation or a blanked heading)."""
    return m.start() + len(m.group(0)) - len(m.group(0).lstrip())


def _join_lines(text: str) -> str:
    """Re-join hard-wrapped lines; keep a line break only after a sentence end or a colon."""
    lines = [ln.strip() for ln in text.split("\n")]
    out = ""
    for ln in lines:
        if not ln:
            continue
        if out and out[-1] in "。；;：:！!？?":
            out += "\n"
        out += ln
    return out.strip()


def _stage_of(text: str) -> str | None:
    """The stage a duty's heading names; the first one of a heading naming two ("审查和决定阶段责任"),
    whose other stages the missing_stage rule reads from the duty's text (kb.model.heading_stages)."""
    stages = heading_stages(text)
    return stages[0] if stages else None


def split_duties(text: str) -> list[Duty]:
    """Duties of one cell: one per numbered item, with kind from the preceding heading and a stage
    when the duty names one. An unnumbered cell is one duty (seq 1).

    `seq` is the published number while the numbering runs on; when a part restarts at 1 (e.g. the
    指导监督 part) seq keeps counting, so seq is unique within the cell.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return []
    kinds = duty_kind_words()
    marks: list[tuple[int, int, str, str]] = []  # (start, end, "kind" | "num", kind or number)
    masked = list(text)
    for m in _heading_pattern().finditer(text):
        marks.append((m.start(), m.end(), "kind", kinds[re.sub(r"\s+", "", m.group("kind"))]))
        masked[m.start():m.end()] = " " * (m.end() - m.start())
    # Headings are blanked out before looking for numbers, so "一、直接实施责任：" does not make the
    # cell look numbered 一、二、 and "直接实施责任：1.…" has its 1. at the start of a line.
    masked_text = "".join(masked)
    style = _first_style(masked_text)
    if style:
        pat = _STYLES[style]
        found = [(_marker_start(m), m.end(), "line", m.group("n"))
                 for m in re.finditer(_LINE_START + pat, masked_text)]
        found += [(_marker_start(m), m.end(), "inline", m.group("n"))
                  for m in re.finditer(_AFTER_STOP + pat, masked_text)]
        last = 0
        # Inline markers count only when they continue the numbering (…。2.…), so "第3.2条" or a
        # number inside a sentence does not split a duty.
        for start, end, where, value in sorted(found):
            n = _number(value)
            if where == "inline" and n != last + 1:
                continue
            marks.append((start, end, "num", value))
            last = n
    marks.sort()

    pieces: list[tuple[int | None, str, str | None]] = []  # (published number, raw text, kind)
    kind: str | None = None
    number: int | None = None
    pos = 0
    for start, end, what, value in marks:
        if start < pos:
            continue
        pieces.append((number, text[pos:start], kind))
        if what == "kind":
            kind, number = value, None
        else:
            number = _number(value)
        pos = end
    pieces.append((number, text[pos:], kind))

    numbered = any(num is not None for num, _, _ in pieces)
    duties: list[Duty] = []
    seq = 0
    for i, (num, raw, k) in enumerate(pieces):
        body = _join_lines(raw)
        if not body:
            continue
        lead_in = num is None and numbered and body.endswith(("：", ":"))
        if lead_in and any(p[0] is not None for p in pieces[i + 1:]):
            continue  # "…有下列责任：" introduces the numbered duties after it
        seq = num if num is not None and num > seq else seq + 1
        duties.append(Duty(seq=seq, text=body, kind=k, stage=_stage_of(body)))
    return duties
