"""OFD documents (GB/T 33190, 版式文档): lists and laws published in China's own fixed-layout format.

Government systems export their documents as OFD as they do as PDF (a 数科 or 福昕 "print to OFD" of a Word or Excel
table): a zip holding OFD.xml, which names each document's root (Document.xml), which lists its pages (Content.xml
each) and the templates they draw on (a running header, the page's number). A page holds, in layers and page blocks,
text objects (TextObject: a boundary, a size, an optional transformation CTM, and text codes: a run of characters
from X, Y on its baseline, each next one DeltaX further, `g N d` repeating d N times) and path objects (PathObject: a
boundary, an optional CTM, and its path: M x y, L x y, B/Q/A curves, C to close), all in millimetres from the page's
top left. An office's table is drawn as it is in a PDF: characters at positions and ruling lines.

This module reads a page into the characters and ruling lines pdfplumber reads from a PDF's page, in points, and hands
them to the same table finder and the same reading of tables and text (importers.pdf): a table going on over pages,
a page's number and running header, a wide sheet printed over two pages' widths are read as in a PDF. Curves, images
and composite objects are no text and no ruling line. A document with no text (a scan) is refused as a PDF is.
"""
from __future__ import annotations

import math
import posixpath
import re
import zipfile
from xml.etree import ElementTree as ET

from importers.records import FileRefused, RowError
from importers.source import Source

POINTS_PER_MM = 72 / 25.4
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_WIDE = 0x2E80  # characters from here on (CJK) are as wide as they are tall; those before, half as wide
MAX_OBJECTS = 200_000  # text and path objects on one page at most (a page of a list has a few thousand)


def is_ofd(source: Source) -> bool:
    """Whether the file is an OFD document: a zip whose root holds OFD.xml."""
    if not source.head.startswith(b"PK"):
        return False
    return source.kept("is ofd", lambda: _has_root(source))


def _has_root(source: Source) -> bool:
    try:
        with zipfile.ZipFile(source.stream()) as zf:
            return any(name.lstrip("/").lower() == "ofd.xml" for name in zf.namelist())
    except Exception:  # noqa: BLE001 - a damaged zip: not an OFD document (the zip's readers say what is wrong)
        return False


def _local(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _child(el: ET.Element | None, name: str) -> ET.Element | None:
    return next((c for c in el if _local(c) == name), None) if el is not None else None


def _children(el: ET.Element | None, name: str) -> list[ET.Element]:
    return [c for c in el if _local(c) == name] if el is not None else []


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text or "")]


def _deltas(text: str | None) -> list[float]:
    """A DeltaX or DeltaY: numbers, `g N d` standing for d repeated N times."""
    out: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            count = int(float(tokens[i + 1]))
            out += [float(tokens[i + 2])] * max(0, min(count, 100_000))
            i += 3
        else:
            if _NUMBER.fullmatch(tokens[i]):
                out.append(float(tokens[i]))
            i += 1
    return out


class _Matrix:
    """An object's CTM (a b c d e f): x' = a x + c y + e, y' = b x + d y + f."""

    def __init__(self, text: str | None):
        values = _numbers(text)
        self.a, self.b, self.c, self.d, self.e, self.f = values if len(values) == 6 else (1, 0, 0, 1, 0, 0)

    def apply(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f

    @property
    def scale(self) -> tuple[float, float]:
        return math.hypot(self.a, self.b), math.hypot(self.c, self.d)


class OfdPage:
    """One page as pdfplumber's table finder reads a PDF's page (`edges`, `bbox`, `find_tables`), with its characters
    (`chars`), in points from the page's top left."""

    def __init__(self, width: float, height: float):
        self.width, self.height = width, height
        self.bbox = (0.0, 0.0, width, height)
        self.chars: list[dict] = []
        self.edges: list[dict] = []

    def find_tables(self, settings: dict | None = None):
        from pdfplumber.table import TableFinder

        return TableFinder(self, settings or {}).tables

    def text(self, el: ET.Element) -> None:
        box = _numbers(el.get("Boundary"))
        if len(box) < 2:
            return
        matrix, size = _Matrix(el.get("CTM")), float((_numbers(el.get("Size")) or [3.5])[0])
        sx, sy = matrix.scale
        start_x = start_y = 0.0  # (a TextCode without X or Y takes the one before's)
        for code in _children(el, "TextCode"):
            text = code.text or ""
            start_x = float((_numbers(code.get("X")) or [start_x])[0])
            start_y = float((_numbers(code.get("Y")) or [start_y])[0])
            x, y = start_x, start_y
            across, down = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
            vertical = bool(down) and not across  # (a narrow header cell's 序号 written top to bottom)
            for i, ch in enumerate(text):
                wide = size if ord(ch) >= _WIDE else size / 2
                px, py = matrix.apply(x, y)
                left, baseline, tall = (box[0] + px) * POINTS_PER_MM, (box[1] + py) * POINTS_PER_MM, size * sy * POINTS_PER_MM
                if ch.strip():
                    self.chars.append({"text": ch, "x0": left, "x1": left + wide * sx * POINTS_PER_MM,
                                       "top": baseline - 0.88 * tall, "bottom": baseline + 0.12 * tall, "size": tall})
                if vertical:
                    y += down[i] if i < len(down) else size
                else:
                    x += across[i] if i < len(across) else wide
                    y += down[i] if i < len(down) else 0.0

    def path(self, el: ET.Element) -> None:
        if el.get("Stroke", "true").lower() == "false" and el.get("Fill", "false").lower() != "true":
            return
        box = _numbers(el.get("Boundary"))
        data = _child(el, "AbbreviatedData")
        if len(box) < 2 or data is None:
            return
        matrix = _Matrix(el.get("CTM"))
        tokens = (data.text or "").split()
        start = here = None
        i = 0
        arguments = {"M": 2, "L": 2, "B": 6, "Q": 4, "A": 7, "C": 0, "S": 2}
        while i < len(tokens):
            op = tokens[i]
            count = arguments.get(op)
            if count is None:
                i += 1
                continue
            values = [float(v) for v in tokens[i + 1: i + 1 + count] if _NUMBER.fullmatch(v)]
            i += 1 + count
            if len(values) < count:
                break
            point = matrix.apply(values[-2], values[-1]) if count else start
            if op in ("M", "S"):
                start = point
            elif op == "L" and here is not None:
                self._segment(box, here, point)
            elif op == "C" and here is not None and start is not None:
                self._segment(box, here, start)
            here = point

    def _segment(self, box: list[float], a: tuple[float, float], b: tuple[float, float]) -> None:
        """A straight segment across or down the page as a ruling line (others are no table's)."""
        x0, x1 = sorted((box[0] + x) * POINTS_PER_MM for x in (a[0], b[0]))
        y0, y1 = sorted((box[1] + y) * POINTS_PER_MM for y in (a[1], b[1]))
        if y1 - y0 <= 0.5 and x1 - x0 > 0.5:
            self.edges.append({"x0": x0, "x1": x1, "top": y0, "bottom": y0, "width": x1 - x0, "height": 0.0,
                               "orientation": "h", "object_type": "line"})
        elif x1 - x0 <= 0.5 and y1 - y0 > 0.5:
            self.edges.append({"x0": x0, "x1": x0, "top": y0, "bottom": y1, "width": 0.0, "height": y1 - y0,
                               "orientation": "v", "object_type": "line"})


def _refused(source: Source, said: str) -> FileRefused:
    return FileRefused(source.path, [RowError(f"{source.name} {said}")])


def ofd_pages(source: Source) -> list[OfdPage]:
    """The first document's pages, each with its templates' objects drawn under (or over) its own."""
    from importers.pdf import max_pages
    from importers.workbook import check_zip

    try:
        with zipfile.ZipFile(source.stream()) as zf:
            check_zip(source, zf)
            parts = _Parts(zf)
            root = parts.xml("OFD.xml")
            body = _child(root, "DocBody")
            doc_path = parts.resolve("", (_child(body, "DocRoot").text or "").strip()) if body is not None \
                and _child(body, "DocRoot") is not None else ""
            document = parts.xml(doc_path)
            common = _child(document, "CommonData")
            default = _numbers(_child(_child(common, "PageArea"), "PhysicalBox").text) \
                if _child(_child(common, "PageArea"), "PhysicalBox") is not None else [0, 0, 210, 297]
            folder = posixpath.dirname(doc_path)
            templates = {t.get("ID"): parts.resolve(folder, t.get("BaseLoc", "")) for t in _children(common, "TemplatePage")}
            listed = _children(_child(document, "Pages"), "Page")
            if len(listed) > max_pages():
                raise _refused(source, f"有 {len(listed):,} 页，超过上限 {max_pages():,} 页（KB_IMPORT_MAX_PDF_PAGES）：请分成几个文件导入")
            pages = [_page(parts, parts.resolve(folder, entry.get("BaseLoc", "")), templates, default) for entry in listed]
    except FileRefused:
        raise
    except Exception as exc:  # a damaged zip, a part missing or not XML, numbers that are none
        raise _refused(source, f"是损坏或不完整的 OFD 文档，无法读取（{type(exc).__name__}）") from exc
    if not pages:
        raise _refused(source, "是损坏或不完整的 OFD 文档，无法读取（其中找不到任何一页）")
    if not any(page.chars for page in pages):
        raise _refused(source, "是扫描件或图片版 OFD（页面上没有文字，只有图像）：kb 读不出其中的文字。请用发布机关公布的"
                               " Excel、Word 或网页版本，或先用文字识别（OCR）软件转换为 Excel")
    return pages


class _Parts:
    """The zip's parts by path (a name written with or without a leading /, in any case of its letters)."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        self.names = {name.lstrip("/").lower(): name for name in zf.namelist()}

    def resolve(self, folder: str, ref: str) -> str:
        ref = ref.strip().replace("\\", "/")
        return posixpath.normpath(ref.lstrip("/") if ref.startswith("/") else posixpath.join(folder, ref))

    def xml(self, path: str) -> ET.Element:
        name = self.names.get(path.lstrip("/").lower())
        if name is None:
            raise KeyError(path)
        return ET.fromstring(self.zf.read(name))


def _page(parts: _Parts, path: str, templates: dict[str | None, str], default: list[float]) -> OfdPage:
    content = parts.xml(path)
    box = _child(_child(content, "Area"), "PhysicalBox")
    size = _numbers(box.text) if box is not None else default
    page = OfdPage(size[2] * POINTS_PER_MM, size[3] * POINTS_PER_MM)
    drawn = [content]
    for used in _children(content, "Template"):  # (a template page's own objects: its running header, its number)
        where = templates.get(used.get("TemplateID"))
        if where:
            drawn.append(parts.xml(where))
    budget = [MAX_OBJECTS]
    for part in drawn:
        for layer in _children(_child(part, "Content"), "Layer"):
            _objects(page, layer, budget)
    return page


def _objects(page: OfdPage, parent: ET.Element, budget: list[int]) -> None:
    for el in parent:
        kind = _local(el)
        if kind == "PageBlock":
            _objects(page, el, budget)
            continue
        if kind not in ("TextObject", "PathObject"):
            continue
        budget[0] -= 1
        if budget[0] < 0:
            raise ValueError("页面上的对象过多")
        page.text(el) if kind == "TextObject" else page.path(el)
