"""Split a 责任事项内容 cell into numbered duties.

A typical cell: "直接实施责任：\\n1.受理责任：…\\n2.…\\n指导监督责任：\\n3.…". Some files hard-wrap every
few characters (统计局: "直接实施责\\n任：\\n1.执行上级统\\n计部门…"), so headings and numbers are found on
the text with line breaks kept, but a duty's text re-joins wrapped lines.

Stage headings other layouts write, each starting a duty of its stage:
- alone on a line without a colon (北京: "1.受理环节\\n接收申请人提交的材料…\\n2.审查环节\\n…", or
  "一、受理阶段责任\\n…"); the duty's text keeps the heading as its first line;
- run on after the text before it, without a sentence end (和林格尔: "…受理乡镇上报的材料2.审核责任:对…");
- in a column of their own, one row per stage (办理环节 | 责任事项内容): `stage_row_duty`.
"""
from __future__ import annotations

import re

from importers.numerals import chinese_to_int
from importers.records import Duty
from kb.model import (
    SUPERVISION_HEADING,
    TRAILING_NOTE,
    bracketed_stage,
    chained_stages,
    duty_kind_words,
    heading_stages,
    leading_stage,
    line_heading_stages,
    listed_stages,
    opens_with_heading,
    opens_with_step,
    squeeze,
)

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Number markers by style. Only the style of the first marker in a cell splits it, so a nested
# "（1）" inside "1." duties stays inside its duty.
_STYLES = {
    "arabic": r"(?P<n>\d{1,3})\s*[.、．，,](?!\d)",
    "paren": r"[（(]\s*(?P<n>\d{1,3})\s*[)）]",
    "chinese": r"(?P<n>[一二三四五六七八九十]{1,3})\s*[、.．，,]",
    "chinese_paren": r"[（(](?P<n>[一二三四五六七八九十]{1,3})[)）]",
    "circled": rf"(?P<n>[{_CIRCLED}])",
    # 「一是公示…；二是审查…；三是…」 (宝坻's 城市管理委员会, 2026-12-05): government prose numbering its steps
    "shi": r"(?<![之唯统其第单])(?P<n>[一二三四五六七八九十]{1,3})是(?=[\u4e00-\u9fff])",
}
# A marker counts at the start of a line, or after a sentence end when it continues the numbering.
_LINE_START = r"(?:(?<=\n)|^)[ \t\u3000]*"
_AFTER_STOP = r"(?<=[。；;：:])[ \t\u3000]*"
# A marker anywhere in the text (not inside a number: 12.) counts only before a stage heading with a
# colon ("…的材料2.审核责任:…"), never before other text ("第2条", "2.5万元") or after 第.
_RUN_ON = r"(?<![\d.．一二三四五六七八九十第])"
_SENTENCE_END = "。；;：:！!？?"
# A line that continues the heading of the line before it (a hard-wrapped "受理阶段\\n责任：").
_HEADING_TAIL = re.compile(r"\s*(?:阶段|环节|责任|[：:])")


def _number(token: str) -> int:
    if token in _CIRCLED:
        return _CIRCLED.index(token) + 1
    return chinese_to_int(token)


def _heading_pattern() -> re.Pattern:
    # Allow line breaks between the characters of a heading (hard-wrapped cells), an outline number in
    # front of it (一、直接实施责任：) and brackets around it (【指导监督责任】).
    words = sorted(duty_kind_words(), key=len, reverse=True)
    spaced = "|".join(r"\s*".join(map(re.escape, w)) for w in words)
    return re.compile(
        rf"(?:(?<=\n)|^|(?<=[。；;]))[ \t\u3000]*(?:[一二三四五六七八九十]{{1,2}}\s*[、.．]\s*)?"
        rf"【?(?P<kind>{spaced})\s*责\s*任\s*】?\s*[：:]?"
    )


def _run_on(text: str, style: str) -> list[re.Match]:
    """Markers of `style` inside a sentence that stand before a stage heading with a colon. Not for
    一、二、: 统一、唯一、 are words."""
    if style == "chinese":
        return []
    return [m for m in re.finditer(_RUN_ON + _STYLES[style], text)
            if heading_stages(text[m.end():m.end() + 60], colon=True)]


def _run_on_own(text: str, style: str) -> list[re.Match]:
    """Markers of `style` inside a sentence that stand before a heading in the procedure's own word with a
    colon ("…告知理由) 2.现场鉴定阶段责任:…"); they count only where they continue the numbering."""
    if style == "chinese":
        return []
    return [m for m in re.finditer(_RUN_ON + _STYLES[style], text) if opens_with_heading(text[m.end():m.end() + 60])]


def _first_style(text: str) -> str | None:
    best: tuple[int, str] | None = None
    for style, pat in _STYLES.items():
        if style == "shi" and not re.match(r"\s*一是", text):
            continue  # (一是 … 二是 … number a cell's steps only from its start: under 「事后监管责任：」 they are its own)
        m = re.search(_LINE_START + pat, text)
        run_on = _run_on(text, style)
        first = min(([m.start()] if m else []) + [r.start() for r in run_on[:1]], default=None)
        if first is not None and (best is None or first < best[0]):
            best = (first, style)
    return best[1] if best else None


def _leading_number(line: str) -> tuple[str | None, str | None, int]:
    """(number, its style, where the text after it starts) of a line that starts with a number marker;
    (None, None, 0) for a line that does not."""
    for style, pat in _STYLES.items():
        m = re.match(pat + r"[ \t\u3000]*", line)
        if m:
            return m.group("n"), style, m.end()
    return None, None, 0


def _heading_lines(text: str) -> list[tuple[int, int, str | None, str | None]]:
    """Stage headings alone on their line without a colon ("1.受理环节", "一、受理阶段责任", "审查环节"):
    (where the line's number or heading starts, where the heading starts, the number, its style).

    A line that is only a stage word ("受理", no 环节/阶段/责任) is a heading when it is numbered or the
    line before ends a sentence, so that a hard-wrapped "…依法作出\\n决定\\n…" is not one. A line whose
    next line goes on with 责任 or a colon is a hard-wrapped heading ("受理阶段\\n责任：…"), not one
    alone on its line."""
    out = []
    lines = text.split("\n")
    offset, before = 0, ""
    for i, line in enumerate(lines):
        start = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        number, style, after = _leading_number(stripped)
        words = stripped[after:]
        following = next((ln for ln in lines[i + 1:] if ln.strip()), "")
        bare = not re.search(r"(?:阶段|环节|责任)$", squeeze(words))
        if (line_heading_stages(words) and not _HEADING_TAIL.match(following)
                and not (bare and number is None and before and before[-1] not in _SENTENCE_END)):
            out.append((start, start + after, number, style))
        before = stripped
    return out


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
    # … or a duty that is nothing but its stages (「审查；」), or one opening with a chain of them (「立案——调查取证——…」)
    stages = heading_stages(text) or listed_stages(text) or chained_stages(text, opening=True)
    return stages[0] if stages else None


def _heading_and_body(raw: str) -> str:
    """A duty under a heading alone on its line: the heading, then the text below it re-joined."""
    heading, _, rest = raw.partition("\n")
    body = _join_lines(rest)
    return heading.strip() + ("\n" + body if body else "")


def _unquoted(text: str) -> str:
    """A cell without the quote an export left around it or in front of it ('"1.立案责任:…', '"…"' as
    林芝's stored page gives it); quotes the text itself opens and closes stay."""
    stripped = text.strip()
    if stripped.startswith('"') and (stripped.count('"') == 1 or (stripped.count('"') == 2 and stripped.endswith('"'))):
        return stripped.strip('"')
    return text


def _own_step(text: str) -> bool:
    """A step named in the procedure's own word with a colon at the start of `text` ("通知阶段：…", "放线验收：…"),
    not a note (办理时限：…, 其他：…, 责任主体：…), a condition (准予许可的：…) nor a line alone."""
    line = text.lstrip().split("\n", 1)[0]
    word = re.match(r"[\u4e00-\u9fff]{2,10}(?=[：:])", line)  # not a condition (准予许可的：, 不予受理的：)
    return bool(word) and not word.group(0).endswith("的") and opens_with_step(line)


# (… with stages joined or a note: 内蒙古's 【送达、执行】, 【审查（含法制审核）】)
_BRACKETED = re.compile(r"【[\u4e00-\u9fff][\u4e00-\u9fff、（）()]{1,13}】")


# An export's bar between steps (伊犁's 「受理:…|审查:…|决定:…」): a step's end, as a semicolon is
_BAR_SPLIT = re.compile(r"\s*[|｜]\s*(?=[^|｜\n]{1,12}[：:])")
# … and before a step named alone between bars or at a line's end (江苏's 「立案｜调查取证｜审查」, 「决定：…的决定｜送达｜执行」):
# a line of its own, each such step a duty
_BAR_STEP = re.compile(r"[ \t]*[|｜][ \t]*(?=[^|｜\n：:，,。；;]{2,6}[ \t]*(?:[|｜]|[。；;]?[ \t]*$))", re.MULTILINE)


# A step named, then what it does in brackets, the steps parted by semicolons (永济's 「接件（核对申请材料，一次告知补正）；
# 核查（…）；批办（…）；发证（…）。」): read as 「接件：…；核查：…」
_STEP_IN_BRACKETS = re.compile(r"^([\u4e00-\u9fff]{2,6})[（(](.+)[)）]$", re.DOTALL)


def _bracketed_steps(text: str) -> str:
    """A cell of steps each in the form 「步骤（内容）」, two or more of them stages: each as 「步骤：内容」; else the text."""
    parts = [p.strip() for p in re.split(r"[；;]\s*", text.strip().rstrip("。.；;")) if p.strip()]
    found = [_STEP_IN_BRACKETS.match(p) for p in parts]
    if len(parts) < 2 or not all(found) or sum(1 for m in found if _stage_of(m.group(1) + "：")) < 2:
        return text
    return "；".join(f"{m.group(1)}：{m.group(2)}" for m in found) + "。"


# Steps joined by arrows (虹口's 办理流程及责任（“→”连接）: 「受理：…→调查：…→审批：…」): a line each
_ARROW = re.compile(r"[ \t]*(?:→|->|—>|⇒|➝|➔)[ \t]*")


def _arrowed_steps(text: str) -> str:
    """A cell of three steps or more joined by arrows, each short and headed by its step's name and a colon (a step, not an
    arrow inside a sentence; not a chain of bare names, 「受理→审查→决定→公告」, read as it was): a line each."""
    parts = _ARROW.split(text.strip())
    # (a step named alone, the last one mostly: 泗洪's 「…→执行：依法送拘留所执行…→结案归档」)
    heads = [re.match(r"([\u4e00-\u9fff]{2,10})[：:]", p.strip()) or re.fullmatch(r"([\u4e00-\u9fff]{2,8})[。；;]?", p.strip())
             for p in parts]
    # (each part one step, headed by its name — half of them a stage's at least, two or more (舒兰's 「审批：…→执行：…→询问查证：…
    # →通知：…」): not 「窗口：…→科室：…→分管领导：…」, who does what, nor
    # a cell whose steps are written before the arrows start, 「…决定责任：作出决定。\n时限：法定20日→承诺：10日」)
    if len(parts) < 3 or any(not p.strip() or len(p) > 200 or "\n" in p.strip() or h is None for p, h in zip(parts, heads)) \
            or sum(1 for h in heads if h.group(0) == h.group(1)) * 2 >= len(parts) \
            or 2 * (staged := sum(1 for h in heads if line_heading_stages(h.group(1)))) < len(parts) or staged < 2:
        return text
    return "；\n".join(p.strip().rstrip("；;。") for p in parts) + "。"


# a stage cell naming several steps in turn (宁阳's 责任环节 「受理→审查→决定→送达」), its text cell their parts in that order
# (各环节责任内容（按左栏环节顺序以“｜”分隔）: 「受理申请｜审查…｜作出决定｜颁发证书」)
_STEP_NAMES = re.compile(r"\s*(?:→|->|—>|⇒|➝|➔|[、｜|/；;])\s*")
_STEP_ARROW = re.compile(r"→|->|—>|⇒|➝|➔")
_STEP_TEXTS = (re.compile(r"\s*[｜|]\s*"), re.compile(r"\s*[；;]\s*|\n+"))


def paired_steps(stage: str, text: str) -> list[tuple[str, str]] | None:
    """The steps a stage cell names in turn, each with its part of the text cell, where the parts are as many as the
    names (split at bars, 「｜」; at semicolons or lines only where arrows join the names); None where the cell names one
    step, its parts are no steps' names (short, no bracket left open: 「调查（必要时→听证）」 is one step; joined by arrows,
    or most of them a stage's: not 「市级、县级」), or the text does not split so (「审查→告知」 beside 「审查案件」: read as
    it was)."""
    names = [n for n in _STEP_NAMES.split(stage.strip()) if n]
    arrows = bool(_STEP_ARROW.search(stage))
    if len(names) < 2 or any(len(n) > 8 or n.count("（") + n.count("(") != n.count("）") + n.count(")") for n in names) \
            or (not arrows and 3 * sum(1 for n in names if line_heading_stages(n)) < 2 * len(names)):
        return None
    for splitter in _STEP_TEXTS if arrows else _STEP_TEXTS[:1]:
        parts = [p.strip() for p in splitter.split(text.strip())]
        if len(parts) == len(names):
            return list(zip(names, parts))
    return None


def split_duties(text: str) -> list[Duty]:
    """Duties of one cell: one per numbered item or stage heading, with kind from the preceding
    heading and a stage when the duty names one. An unnumbered cell is one duty (seq 1).

    `seq` is the published number while the numbering runs on; when a part restarts at 1 (e.g. the
    指导监督 part) seq keeps counting, so seq is unique within the cell.
    """
    text = _unquoted((text or "").replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return []
    text = _bracketed_steps(_BAR_SPLIT.sub("；", _BAR_STEP.sub("；\n", _arrowed_steps(text))))
    kinds = duty_kind_words()
    # (start, end, "kind" | "num" | "head" | "stage", kind | number | (number, style) | None); a "head" mark
    # ends where its heading starts, so the heading stays in the duty's text, as a "stage" mark does.
    marks: list[tuple[int, int, str, object]] = []
    masked = list(text)
    for m in _heading_pattern().finditer(text):
        marks.append((m.start(), m.end(), "kind", kinds[re.sub(r"\s+", "", m.group("kind"))]))
        masked[m.start():m.end()] = " " * (m.end() - m.start())
    for m in _PHASE_HEAD.finditer(text):  # 「责任事项（事前）：…\n责任事项（事中）：…」: a list's phase columns, each its own part
        marks.append((m.start(), m.end(), "kind", m.group("phase")))
        masked[m.start():m.end()] = " " * (m.end() - m.start())
    for m in _BRACKETED.finditer(text):  # 「…；【调查】…」 split as 「…；调查：…」 (the text keeps its brackets)
        if bracketed_stage(m.group(0)):  # a step's heading, not a label (【依据】) or a citation's kind (【法律】)
            masked[m.start()], masked[m.end() - 1] = " ", "："
            if (note := TRAILING_NOTE.search(m.group(0)[:-1])) is not None:  # 【审查（含法制审核）】: its note aside
                masked[m.start() + note.start():m.start() + note.end()] = " " * (note.end() - note.start())
    heads = {start: (start, words, (number, style)) for start, words, number, style in _heading_lines(text)}
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
        found += [(m.start(), m.end(), "run_on", m.group("n")) for m in _run_on(masked_text, style)]
        found += [(m.start(), m.end(), "inline", m.group("n")) for m in _run_on_own(masked_text, style)]
        last = 0
        taken: set[int] = set()
        # Inline markers count only when they continue the numbering (…。2.…), so "第3.2条" or a
        # number inside a sentence does not split a duty.
        for start, end, where, value in sorted(found):
            n = _number(value)
            if start in taken or (where == "inline" and n != last + 1):
                continue
            taken.add(start)
            last = n
            if start not in heads:  # a numbered heading alone on its line is marked below
                marks.append((start, end, "num", value))
    else:
        # no numbers: "受理阶段责任：依法受理申请。审查阶段责任：审查材料。…" — each stage heading with a colon
        # after a sentence end opens a duty; in a cell so written, a step in the procedure's own word does too
        # (「决定阶段：…；通知阶段：书面通知供电企业…；解除阶段：…」, 「批准：…。\n放线验收：…\n备案：…」)
        ends = [(m.start(), m.end()) for m in re.finditer(r"(?<=[。；;])[ \t\u3000]*", masked_text) if m.end() < len(text)]
        # … or a line's start, the line headed by its stage (a card's 受理环节 | … rows: 「受理环节：…\n审查环节：…」)
        ends += [(m.start(), m.start()) for m in re.finditer(r"(?<=\n)(?=[^\n])", masked_text)
                 if heading_stages(masked_text[m.start():m.start() + 60], colon=True)
                 and masked_text[m.start() - 2:m.start() - 1] not in "。；;：:"]  # (after 「按照以下程序：」 the
        # lines are its steps, one duty)
        # … or a step's heading in brackets, wherever it stands, where most bracketed headings are steps (赞皇's 「【审批】…补办
        # 【实施】…【解除】…」, one line, no stops; not its 「【发现】…【核实立案】…【取证】…【合议】…【告知】…【处罚】…」, whose own
        # words a stage's heading would cut short)
        # (a cell that opens with one and has two or more: not a word set off in a sentence, 「经【审查】符合条件的」)
        brackets = [(m, bool(bracketed_stage(m.group(0)))) for m in _BRACKETED.finditer(text)]
        if brackets and brackets[0][1] and brackets[0][0].start() == len(text) - len(text.lstrip()) \
                and sum(staged for _, staged in brackets) >= 2 and 3 * sum(staged for _, staged in brackets) >= 2 * len(brackets):
            ends += [(m.start(), m.start() + 1) for m, staged in brackets
                     if staged and m.start() and text[m.start() - 1] not in "。；;\n】"  # (not a run of them)
                     and text[m.end():].strip()]  # (nor one with nothing after it)
        ends.sort()
        # (or a line that is nothing but steps: 岳阳's 事前 | 事中 | 事后 columns read as one, 「立案：…。\n调查取证、审查、
        # 告知、决定。\n送达、执行。」)
        staged = [(s, e) for s, e in ends if heading_stages(masked_text[e:e + 60], colon=True)
                  or (masked_text[e:e + 1] == "\n"
                      and set(listed_stages(masked_text[e + 1:].split("\n", 1)[0])) - {"其他"})]
        own = [(s, e) for s, e in ends if _own_step(masked_text[e:e + 60])]
        # (a cell that opens with a stage's heading and goes on with two steps or more in its own words counts too:
        # 岫岩's 「受理：…。检疫：…。出证：…」; not one such step, 「告知：…；申请执行：…」, where a stage may be left out)
        if staged or (len(own) >= 2 and heading_stages(masked_text[:60], colon=True)):
            staged = sorted(set(staged) | set(own))
        marks += [(s, s, "stage", None) for s, _ in staged]
    marks += [(start, words, "head", value) for start, words, value in heads.values()]
    marks = _outer_marks(sorted(marks, key=lambda m: m[:2]), style)

    pieces: list[tuple[int | None, str, str | None, bool]] = []  # (published number, raw text, kind, under a heading line)
    kind: str | None = None
    number: int | None = None
    head = False
    pos = 0
    for start, end, what, value in marks:
        if start < pos:
            continue
        pieces.append((number, text[pos:start], kind, head))
        head = what == "head"
        if what == "kind":
            kind, number = value, None
        elif what == "head":
            number = _number(value[0]) if value[0] else None
        elif what == "stage":
            number = None
        else:
            number = _number(value)
        pos = end
    pieces.append((number, text[pos:], kind, head))

    starts = [num is not None or head for num, _, _, head in pieces]  # pieces a number or heading opens
    duties: list[Duty] = []
    seq = 0
    for i, (num, raw, k, head) in enumerate(pieces):
        body = _heading_and_body(raw) if head else _join_lines(raw)
        if not body:
            continue
        if not starts[i] and body.endswith(("：", ":")) and any(starts[i + 1:]):
            continue  # "…有下列责任：" introduces the numbered duties after it
        seq = num if num is not None and num > seq else seq + 1
        stage = _stage_of(body)
        if stage is None and k in ("事后", "事中事后") and _SUPERVISES.search(body) \
                and leading_stage(body) in (None, "事后监管"):
            stage = "事后监管"  # the 事后 column's supervision in words of its own (崇明: 「对持证经营者实施监督检查」; not a
            # penalty's 「送达处罚决定书，执行处罚决定，并对整改情况进行检查」, which opens with another step)
        duties.append(Duty(seq=seq, text=body, kind=k, stage=stage))
    return duties


# The heading a list's phase column gives its cell (importers.lists._merged): 责任事项（事前）：, …（事中）：, …（事后）：
# (in the column's words, 责任事项（事后）：, so that a cell's own 「事后：」, a stage's heading, stays one)
_PHASE_HEAD = re.compile(r"(?:(?<=\n)|^|(?<=[。；;]))[ \t\u3000]*责任事项[（(](?P<phase>事前事中|事中事后|事前|事中|事后)[)）][：:]")
# words of supervision after the decision
_SUPERVISES = re.compile(r"监督|监管|检查|巡查|抽查|年检|年报|核查")


def _outer_marks(marks: list[tuple[int, int, str, object]], style: str | None) -> list[tuple[int, int, str, object]]:
    """Without the numbers nested under a stage heading alone on its line: under "受理环节" (no number)
    or "一、受理阶段责任" with duties numbered 1. 2., the numbered items belong to the stage's duty. A
    kind heading (指导监督责任：) ends the stage."""
    out = []
    nested = False
    for mark in marks:
        what, value = mark[2], mark[3]
        if what == "kind":
            nested = False
        elif what == "head":
            nested = value[0] is None or value[1] != style  # type: ignore[index]
        elif nested:
            continue
        out.append(mark)
    return out



def supervision_duty(seq: int, text: str) -> Duty:
    """The duty a column of supervision measures (事中事后监管措施) gives a power: its supervision after the decision."""
    return stage_row_duty(seq, SUPERVISION_HEADING, text)


def duties_of(responsibility_text: str, supervision_text: str = "") -> list[Duty]:
    """A power's duties from its 责任事项 cell and its column of supervision measures, as the importer reads them
    (an edit of either in the browser rebuilds them the same way)."""
    duties = split_duties(responsibility_text) if responsibility_text.strip() else []
    if supervision_text.strip():
        duties.append(supervision_duty(len(duties) + 1, supervision_text))
    return duties


def stage_row_duty(seq: int, stage: str, text: str) -> Duty:
    """One row of a list that gives each stage a row of its own (办理环节 | 责任事项内容): a duty whose text
    is the 办理环节 cell on its first line (its number left out, as for a numbered duty), then the row's
    责任事项内容; its stage the one the cell names ("受理", "1.受理环节"; None for "报送")."""
    heading = re.sub(r"\s+", "", stage)
    heading = heading[_leading_number(heading)[2]:]
    if (n := re.match(r"\d{1,2}(?=[\u4e00-\u9fff])", heading)) and line_heading_stages(heading[n.end():]):
        heading = heading[n.end():]  # (铁岭's export: 「01受理」, 「02审查」: the step's number; not 「24小时内受理」)
    body = _join_lines((text or "").replace("\r\n", "\n").replace("\r", "\n"))
    full = "\n".join(t for t in (heading, body) if t)
    noted = line_heading_stages(without_stage_note(heading))  # (安顺's column 受理（立案）)
    return Duty(seq=seq, text=full, stage=_stage_of(full) or next(iter(noted), None))


_BRACKET_NOTE = re.compile(r"[（(]([^（()）]{1,6})[）)]$")


# a note that makes a stage's column one of its attributes (受理（时限）, 决定（依据）, 送达（方式）), not its duties
# (受理（县级）: the level that does it, not this body; 决定（签批人）, 受理（岗位）, 决定（文书）, 送达（形式）: who and what)
_ATTRIBUTE_NOTE = re.compile(r"时限|期限|时间|天|日|时长|次数|人数|费|依据|材料|条件|地点|窗口|科|股|室|部门|单位|机构|方式|人员|"
                             r"文书|岗位|责任人|签批|人$|形式|结果|电话|网址|编号|流程|承诺|法定|级")


def without_stage_note(header: str) -> str:
    """A stage's header without the note in brackets that names a stage too (受理（立案）: the penalty's word for it), or
    that says what the stage is in another word (石柱's 受理（启动）); a note of an attribute of the stage (受理（时限）: a
    column of time limits) stays."""
    note = _BRACKET_NOTE.search(header)
    if not note:
        return header
    base = header[:note.start()]
    if line_heading_stages(note.group(1)) or (line_heading_stages(base) and not _ATTRIBUTE_NOTE.search(note.group(1))):
        return base
    return header
