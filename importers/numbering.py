"""Word's automatic numbering: the numbers a reader sees that are not in a document's text.

A law or a regulation typed in Word often numbers its articles by a numbered list (第%1条 in Chinese counting), and
a list's table its 序号 column (%1.): the document's text then holds no 第一条, no 1, only a reference to a list in
word/numbering.xml. Word draws the number from the list's level (its start, format and text) and a counter that runs
on through the document. `number_paragraphs` puts that number at the start of each numbered paragraph's text, as a
run of its own, so every reader of the body (tables, laws) sees what Word shows.

What is followed: a paragraph's own list (w:numPr) or its style's (w:pStyle, through w:basedOn), a level's start,
format, text (%1 … %9: this level's and its parents' counters) and what follows it (a tab, a space or nothing), a
list instance's start override, the deeper levels restarting under a higher one, legal numbering (isLgl: every level's
counter in Arabic digits), lists that share a definition counting on together. Bullets are left out (their glyph is a
symbol font's private character, no text).
"""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field, replace
from xml.etree import ElementTree as ET

from importers.numerals import int_to_chinese

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_VAL = f"{_W}val"
_LEVELS = 9
_SKIP = {f"{_W}del", f"{_W}moveFrom", "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "tab"
    legal: bool = False
    restart: int | None = None  # lvlRestart: restarts after a level above this (1-based) is used; 0 never; None: any


@dataclass
class _List:
    definition: str  # the abstractNum's id: lists sharing one count on together
    levels: dict[int, _Level] = field(default_factory=dict)
    restart: dict[int, int] = field(default_factory=dict)  # a level started again at this value (startOverride)


def _val(el: ET.Element | None, name: str) -> str | None:
    child = el.find(f"{_W}{name}") if el is not None else None
    return None if child is None else child.get(_VAL, "")


def _number(text: str | None, default: int = 0) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(lvl: ET.Element, base: _Level | None = None) -> _Level:
    base = base or _Level()
    legal = lvl.find(f"{_W}isLgl")
    restart = _number(_val(lvl, "lvlRestart"), -1)
    return _Level(start=_number(_val(lvl, "start"), base.start), fmt=_val(lvl, "numFmt") or base.fmt,
                  text=_val(lvl, "lvlText") if _val(lvl, "lvlText") is not None else base.text,
                  suffix=_val(lvl, "suff") or base.suffix,
                  legal=base.legal if legal is None else legal.get(_VAL, "1") not in ("0", "false", "off"),
                  restart=restart if restart >= 0 else base.restart)


_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474)) + "".join(chr(c) for c in range(0x3251, 0x3260)) \
    + "".join(chr(c) for c in range(0x32B1, 0x32C0))  # ① … ⑳, ㉑ … ㉟, ㊱ … ㊿
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_LEGAL_DIGITS = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _chinese(n: int) -> str:
    try:
        return int_to_chinese(n)
    except ValueError:
        return str(n)


def format_counter(n: int, fmt: str) -> str:
    """A counter's value in a level's format, as Word draws it (decimal where Word's own is not known here, or for a
    value the format has no word for)."""
    if n < 0 or n > 100_000:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseDigitalTenThousand"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":  # (10 is 壹拾 here, not 拾)
        return ("一" if 10 <= n < 20 else "").join(["", _chinese(n)]).translate(_LEGAL_DIGITS)
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return "子丑寅卯辰巳午未申酉戌亥"[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle") \
            and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2487 + n)  # ⒈
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2473 + n)  # ⑴
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter") and 1 <= n <= 26 * 30:
        letters = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letters if fmt == "upperLetter" else letters.lower()
    if fmt in ("upperRoman", "lowerRoman") and 1 <= n < 4000:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


def _part(zf: zipfile.ZipFile, main: str, kind: str) -> ET.Element | None:
    """The main part's related part of `kind` (numbering, styles), parsed; None when it has none."""
    folder, name = posixpath.split(main)
    names = set(zf.namelist())
    target = posixpath.join(folder, f"{kind}.xml")
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    try:
        if rels in names:
            for rel in ET.fromstring(zf.read(rels)):
                if rel.get("Type", "").endswith(f"/{kind}") and rel.get("TargetMode") != "External":
                    ref = rel.get("Target", "")
                    target = ref.lstrip("/") if ref.startswith("/") else posixpath.normpath(posixpath.join(folder, ref))
                    break
        return ET.fromstring(zf.read(target)) if target in names else None
    except ET.ParseError:
        return None  # a damaged numbering or styles part: the text as it stands, without numbers


class Counters:
    """A document's lists (`_List` by the id its paragraphs name them by) and their counters as its body is read in
    order: a .docx's (`Numbering`) or a Word 97 document's (importers.worddoc)."""

    def __init__(self, lists: dict[str, _List]) -> None:
        self.lists = lists
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()

    def count(self, num_id: str | None, ilvl: int) -> tuple[str, str] | None:
        """The number Word draws before a paragraph of list `num_id` at level `ilvl` and what follows it (a tab, a
        space, ""), counting it; None for a list the document does not define or a bullet."""
        instance = self.lists.get(num_id or "")
        if instance is None:  # numId 0 (a list switched off) or one the document does not define
            return None
        ilvl = min(max(ilvl, 0), _LEVELS - 1)
        counters = self.counters.setdefault(instance.definition, [None] * _LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, value in instance.restart.items():
                if 0 <= level < _LEVELS:
                    counters[level] = value - 1
                    counters[level + 1:] = [None] * (_LEVELS - level - 1)
        level = instance.levels.get(ilvl, _Level())
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):  # a deeper level restarts unless its lvlRestart says otherwise
            after = instance.levels.get(deeper, _Level()).restart
            if after is None or (after != 0 and ilvl < after):
                counters[deeper] = None
        if level.fmt == "bullet":
            return None
        text = level.text
        for k in range(ilvl + 1):
            marker = f"%{k + 1}"
            if marker in text:
                at = instance.levels.get(k, _Level())
                value = counters[k] if counters[k] is not None else at.start
                shown = "decimal" if level.legal and at.fmt != "none" else at.fmt
                text = text.replace(marker, format_counter(value, shown))
        if not text:
            return None
        return text, {"tab": "\t", "space": " "}.get(level.suffix, "")


class Numbering(Counters):
    """A .docx's lists and styles (word/numbering.xml, word/styles.xml)."""

    def __init__(self, numbering: ET.Element | None, styles: ET.Element | None) -> None:
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # id: (numId, ilvl, basedOn)
        for style in styles.iter(f"{_W}style") if styles is not None else ():
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            self.styles[style.get(f"{_W}styleId", "")] = (_val(num_pr, "numId"), _val(num_pr, "ilvl"),
                                                          _val(style, "basedOn"))
        definitions: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}  # a definition standing for a style's list (numStyleLink)
        super().__init__({})
        for el in numbering if numbering is not None else ():
            if el.tag == f"{_W}abstractNum":
                ident = el.get(f"{_W}abstractNumId", "")
                definitions[ident] = {_number(lvl.get(f"{_W}ilvl")): _level(lvl) for lvl in el.findall(f"{_W}lvl")}
                link = _val(el, "numStyleLink")
                if link:
                    links[ident] = link
        for el in numbering.findall(f"{_W}num") if numbering is not None else ():
            definition = _val(el, "abstractNumId") or ""
            self.lists[el.get(f"{_W}numId", "")] = _List(definition, dict(definitions.get(definition, {})))
        for ident, link in links.items():  # the definition the style's list uses
            num_id = self._style_list(link)[0]
            target = self.lists.get(num_id or "")
            for instance in self.lists.values():
                if instance.definition == ident and target is not None:
                    instance.definition, instance.levels = target.definition, dict(target.levels)
        for el in numbering.findall(f"{_W}num") if numbering is not None else ():
            instance = self.lists.get(el.get(f"{_W}numId", ""))
            for override in el.findall(f"{_W}lvlOverride"):
                ilvl = _number(override.get(f"{_W}ilvl"))
                lvl = override.find(f"{_W}lvl")
                if lvl is not None:
                    instance.levels[ilvl] = _level(lvl, instance.levels.get(ilvl))
                start = _val(override, "startOverride")
                if start is not None:  # the instance's start for the level: at its first use, and where it restarts
                    instance.restart[ilvl] = _number(start, 1)
                    instance.levels[ilvl] = replace(instance.levels.get(ilvl, _Level()), start=_number(start, 1))

    def _style_list(self, style: str | None) -> tuple[str | None, str | None]:
        """The list (numId, ilvl) a paragraph style gives, through the styles it is based on."""
        seen: set[str] = set()
        while style and style not in seen:
            seen.add(style)
            num_id, ilvl, based = self.styles.get(style, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style = based
        return None, None

    def label(self, p: ET.Element) -> tuple[str, str] | None:
        """The number Word draws before paragraph `p` and what follows it (a tab, a space, ""), counting it; None
        for a paragraph in no list."""
        p_pr = p.find(f"{_W}pPr")
        if p_pr is not None and p_pr.find(f"{_W}rPr/{_W}del") is not None:
            return None  # a paragraph deleted (tracked): its mark too, so it is no paragraph of the text, nor counted
        num_pr = p_pr.find(f"{_W}numPr") if p_pr is not None else None
        style_num, style_lvl = self._style_list(_val(p_pr, "pStyle"))
        return self.count(_val(num_pr, "numId") or style_num, _number(_val(num_pr, "ilvl") or style_lvl))


def _paragraphs(parent: ET.Element):
    """The paragraphs under `parent` in the document's order, not those deleted or a drawing's fallback copy."""
    for el in parent:
        if el.tag in _SKIP:
            continue
        if el.tag == f"{_W}p":
            yield el
        yield from _paragraphs(el)


def number_paragraphs(zf: zipfile.ZipFile, main: str, body: ET.Element) -> None:
    """Put the number Word draws before each numbered paragraph of `body` at the start of its text (a run of its own
    after the paragraph's properties), in the document's order."""
    numbering = _part(zf, main, "numbering")
    if numbering is None:
        return
    lists = Numbering(numbering, _part(zf, main, "styles"))
    if not lists.lists:
        return
    for p in list(_paragraphs(body)):
        label = lists.label(p)
        if label is None:
            continue
        text, after = label
        run = ET.Element(f"{_W}r")
        ET.SubElement(run, f"{_W}t").text = text
        if after == "\t":
            ET.SubElement(run, f"{_W}tab")
        elif after:
            run[0].text = text + after
        at = 1 if len(p) and p[0].tag == f"{_W}pPr" else 0
        p.insert(at, run)
