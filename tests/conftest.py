"""Shared fixtures. Unit tests need nothing; e2e tests get real Neo4j servers started once per run.

Two managed servers, each in its own temporary KB_HOME on a free port, started when a test first needs it:
- `loaded`: all of ../shared/data imported once (read-only tests share it);
- `scratch`: emptied before each test that asks for it (imports, bad files, restore).
With NEO4J_PASSWORD set, tests refuse to run against that external server unless KB_TEST_EXTERNAL=1,
because they delete data.
"""
from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kb import dump, schema, server
from kb.config import DEFAULT_SERVER_SETTINGS, Settings, load_settings, write_local_config
from kb.db import Graph

REPO = Path(__file__).resolve().parent.parent


def _shared_data() -> Path:
    """The real published data: $KB_SHARED_DATA, else ../shared/data beside the checkout."""
    for candidate in (os.environ.get("KB_SHARED_DATA"), REPO.parent / "shared" / "data", "/work/shared/data"):
        if candidate and Path(candidate, "karamay").is_dir():
            return Path(candidate)
    return REPO.parent / "shared" / "data"  # tests that need it fail with the path they looked for


SHARED_DATA = _shared_data()
# Logins made by tests (in this process and in `kb` subprocesses) go to a private file, never to the
# developer's own KB_HOME.
os.environ["KB_CREDENTIALS"] = str(Path(tempfile.mkdtemp(prefix="kb-test-credentials-")) / "credentials.json")
KARAMAY = SHARED_DATA / "karamay"
# A test server lives minutes and runs small queries: with the JVM's quick compiler alone (C1), one
# server importing the published data, analysing it and serving pages took 50.7 s of CPU against 87.6
# with both compilers (the whole suite's Java: 1,220 -> 1,117 core-seconds; docs/performance.md).
# The quick compiler alone sizes the code cache for itself, 48 MB against both compilers' 240: a test server
# that had run the whole suite's queries (each new query compiled to code, the hostile strings' too) once
# refused one with "Out of space in CodeCache for adapters". It keeps the 240.
# The serial collector, not G1 (kb.server's default, for a server's large heap): measured on two cores, the unseen
# samples, the web pages and the analyses in one process took 287 s wall and 211 s of the servers' CPU with it, 298 and
# 309 s wall, 224 and 234 s of CPU with G1 (docs/performance.md).
TEST_SERVER_SETTINGS = {**DEFAULT_SERVER_SETTINGS, "heap_initial": "512m", "heap_max": "2g",
                        "pagecache": "512m", "transaction_memory_max": "1g", "transaction_memory_total": "1500m",
                        "jvm_options": "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseSerialGC",
                        # every test empties the scratch server and fills it again: with Neo4j's 10 s, each such change of
                        # the statistics had most queries planned again (a sixth of the server's CPU in the unseen samples'
                        # tests); results do not depend on the plan
                        "replan_interval": "1h",
                        # nor are the indexes sampled again in the background (Lucene's merges aside, the largest use of
                        # the servers' CPU after their queries: 6.5 % in a profile of the web pages' and analyses' tests);
                        # an import and a restore sample what they changed (kb.schema.resample), so plans see the data
                        "index_sampling": "false",
                        # nor is a query planned again for every new length of a list it is given (the rows of a batch, the
                        # texts of a list): a test's import had its writing query planned again for each batch, about 2 s of
                        # the server's CPU each, and a suite's worth of them was a large part of its planning
                        "plan_by_list_size": "false"}


def run_kb(target: ManagedServer | dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`kb ARGS` in a process of its own against a test server (or an environment), output captured."""
    env = getattr(target, "env", target)  # a ManagedServer (pytest may load this module twice: no isinstance)
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def write_xlsx(path: Path, title: str, header: list[str], rows: list[list[str]]) -> Path:
    """A list as published: a title row, the header row, then the rows."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@dataclass
class Numbered:
    """A paragraph of `write_docx` in Word's list `num` at `level`: Word draws its number, its text does not hold it."""

    text: str
    num: int = 1
    level: int = 0
    deleted: bool = False  # deleted with its mark while changes were tracked: no paragraph of the text


def write_docx(path: Path, blocks: list, numbering: dict[int, list[tuple]] | None = None,
               restart: dict[int, tuple[int, int]] | None = None) -> Path:
    """A Word document as Word writes one: each block a paragraph (str or `Numbered`) or a table (a list of rows). A
    cell is its text, a `Numbered`, or (text, columns it spans, "restart" | "continue" for a cell merged down); the
    lines of a cell's text are paragraphs of their own. `numbering` defines Word's lists: list id -> its levels'
    (format, text[, lvlRestart]), e.g. {1: [("chineseCounting", "第%1条")]}; `restart` gives another list id the same definition,
    started again at a level: {2: (1, 0)} (list 2 counts list 1's numbers again from level 0's start; a third
    element: at that value)."""
    import zipfile
    from xml.sax.saxutils import escape

    def para(text) -> str:
        props = ""
        if isinstance(text, Numbered):
            gone = '<w:rPr><w:del w:id="9" w:author="kb"/></w:rPr>' if text.deleted else ""
            props = f'<w:pPr><w:numPr><w:ilvl w:val="{text.level}"/><w:numId w:val="{text.num}"/></w:numPr>{gone}</w:pPr>'
            if text.deleted:
                return f'<w:p>{props}<w:del w:id="8" w:author="kb"><w:r><w:delText>{escape(text.text)}</w:delText></w:r>' \
                       "</w:del></w:p>"
            text = text.text
        return f"<w:p>{props}<w:r><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r></w:p>"

    def cell(spec) -> str:
        text, span, merge = (spec, 1, None) if isinstance(spec, (str, Numbered)) else (tuple(spec) + (1, None))[:3]
        props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
            '<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>" if merge == "continue" else "")
        lines = [text] if isinstance(text, Numbered) else text.split("\n") if text else [""]
        return "<w:tc>" + (f"<w:tcPr>{props}</w:tcPr>" if props else "") + "".join(map(para, lines)) + "</w:tc>"

    def span(spec) -> int:
        return 1 if isinstance(spec, (str, Numbered)) or len(spec) < 2 else spec[1]

    def table(rows: list) -> str:  # (its grid of columns, as Word writes it: other readers lay the cells out on it)
        grid = "".join('<w:gridCol w:w="1300"/>' for _ in range(max(sum(map(span, row)) for row in rows)))
        return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>" \
            + "".join("<w:tr>" + "".join(map(cell, row)) + "</w:tr>" for row in rows) + "</w:tbl>"

    body = "".join(para(b) if isinstance(b, (str, Numbered)) else table(b) for b in blocks)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"<w:body>{body}<w:sectPr/></w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns='
                    '"http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType='
                    '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                    '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                    "</Relationships>")
        zf.writestr("word/document.xml", document)
        if numbering:
            levels = {num: "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{spec[0]}"/>'
                                   + (f'<w:lvlRestart w:val="{spec[2]}"/>' if len(spec) > 2 else "")
                                   + f'<w:lvlText w:val="{escape(spec[1])}"/></w:lvl>' for i, spec in enumerate(defs))
                      for num, defs in numbering.items()}
            zf.writestr("word/numbering.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering '
                        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                        + "".join(f'<w:abstractNum w:abstractNumId="{num}">{lv}</w:abstractNum>'
                                  for num, lv in levels.items())
                        + "".join(f'<w:num w:numId="{num}"><w:abstractNumId w:val="{num}"/></w:num>'
                                  for num in numbering)
                        + "".join(f'<w:num w:numId="{num}"><w:abstractNumId w:val="{spec[0]}"/><w:lvlOverride w:ilvl="'
                                  f'{spec[1]}"><w:startOverride w:val="{(*spec, 1)[2]}"/></w:lvlOverride></w:num>'
                                  for num, spec in (restart or {}).items())
                        + "</w:numbering>")
    return path


def write_pdf(path: Path, blocks: list, running: str | None = None, repeat: int = 1, open_ends: bool = False,
              footer: str | None = None) -> Path:
    """A PDF as an office's "save as PDF" writes one (reportlab, an A4 page on its side, the CJK font every PDF reader
    has): the same blocks as `write_docx` (a paragraph, or a table whose cells are a text or (text, columns it spans,
    "restart" | "continue" down)), ruled tables that go on over pages repeating their first `repeat` rows, each page
    numbered 「- N -」 at its foot and, when `running` is given, that line at its head (`footer`: at its foot, above
    the number); a block "\\f" starts a page;
    `open_ends`: no line across a table's top and foot (a spreadsheet's "save as PDF" of rows going on over pages)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text_style = ParagraphStyle("text", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10, wordWrap="CJK")
    page = landscape(A4)

    indented = ParagraphStyle("indented", parent=text_style, firstLineIndent=20)

    def para(text: str, style) -> Paragraph:  # (a paragraph opening with 「　　」 indented by two characters)
        if style is text_style and text.startswith("　"):
            text, style = text.lstrip("　"), indented
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    def table(rows: list) -> Table:
        grid: list[list] = []
        spans: list[list[int]] = []  # [left, top, right, bottom], inclusive as reportlab takes them
        down: dict[int, list[int]] = {}
        for r, row in enumerate(rows):
            out: list = []
            for spec in row:
                text, span, merge = (spec, 1, None) if isinstance(spec, str) else (tuple(spec) + (1, None))[:3]
                c = len(out)
                out += [para(text, cell_style) if merge != "continue" else ""] + [""] * (span - 1)
                if merge == "continue" and c in down:
                    down[c][3] = r
                    continue
                if span > 1 or merge == "restart":
                    spans.append([c, r, c + span - 1, r])
                    if merge == "restart":
                        down[c] = spans[-1]
            grid.append(out)
        width = max(len(row) for row in grid)
        found = Table([row + [""] * (width - len(row)) for row in grid], repeatRows=repeat,
                      colWidths=[(page[0] - 80) / width] * width)
        lines = [("INNERGRID", (0, 0), (-1, -1), 0.5, "black"), ("LINEBEFORE", (0, 0), (0, -1), 0.5, "black"),
                 ("LINEAFTER", (-1, 0), (-1, -1), 0.5, "black")] if open_ends else [("GRID", (0, 0), (-1, -1), 0.5, "black")]
        found.setStyle(TableStyle([*lines, ("VALIGN", (0, 0), (-1, -1), "TOP")]
                                  + [("SPAN", (a, b), (c, d)) for a, b, c, d in spans]))
        return found

    def decorate(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(page[0] / 2, 20, f"- {doc.page} -")
        if running:
            canvas.drawCentredString(page[0] / 2, page[1] - 22, running)
        if footer:
            canvas.drawCentredString(page[0] / 2, 32, footer)

    doc = SimpleDocTemplate(str(path), pagesize=page, leftMargin=40, rightMargin=40, topMargin=40, bottomMargin=40)
    doc.build([PageBreak() if b == "\f" else para(b, text_style) if isinstance(b, str) else table(b) for b in blocks],
              onFirstPage=decorate, onLaterPages=decorate)
    return path


def write_ofd(path: Path, blocks: list, running: str | None = None, from_pdf: Path | None = None, **pdf) -> Path:
    """An OFD document of the same pages as `write_pdf` draws (the arguments it takes), as a "print to OFD" writes
    one: each line of text a TextObject (its characters' advances in DeltaX, runs of one advance as `g N d`; every
    other one drawn at half scale through a CTM, its size and positions doubled), each ruling line a PathObject (a
    rectangle's four sides a closed path), every third object inside a PageBlock, all in millimetres; the running
    header (`running`) on a TemplatePage every page draws on, not on the pages themselves; `from_pdf`: that PDF's pages instead."""
    import itertools
    import zipfile

    import pdfplumber

    mm = 25.4 / 72
    drawn = from_pdf or write_pdf(path.with_suffix(".pdf"), blocks, running=running, **pdf)
    pages: list[str] = []

    def f(v: float) -> str:
        return f"{v:.3f}".rstrip("0").rstrip(".")

    def deltas(values: list[float]) -> str:
        out, i = [], 0
        while i < len(values):
            j = i
            while j < len(values) and abs(values[j] - values[i]) < 1e-3:
                j += 1
            out.append(f"g {j - i} {f(values[i])}" if j - i > 2 else " ".join(f(v) for v in values[i:j]))
            i = j
        return " ".join(out)

    with pdfplumber.open(drawn) as printed:
        size = (printed.pages[0].width * mm, printed.pages[0].height * mm)
        for page in printed.pages:
            objects: list[str] = []
            rows: dict[float, list[dict]] = {}
            for c in page.chars:
                if running and c["top"] < 30:
                    continue  # (the running header: the template's)
                rows.setdefault(round(c["top"], 1), []).append(c)
            for n, (top, chars) in enumerate(sorted(rows.items())):
                chars.sort(key=lambda c: c["x0"])
                font = chars[0]["size"] * mm
                scale = 2.0 if n % 2 else 1.0  # (drawn at half scale: everything inside doubled)
                x0, x1 = chars[0]["x0"] * mm, chars[-1]["x1"] * mm
                advances = [(b["x0"] - a["x0"]) * mm * scale for a, b in itertools.pairwise(chars)]
                ctm = ' CTM="0.5 0 0 0.5 0 0"' if scale == 2.0 else ""
                text = "".join(c["text"] for c in chars).replace("&", "&amp;").replace("<", "&lt;")
                objects.append(f'<ofd:TextObject ID="{len(objects) + 1}" Boundary="{f(x0)} {f(top * mm)} {f(x1 - x0 + font)} '
                               f'{f(font * 1.2)}" Font="1" Size="{f(font * scale)}"{ctm}><ofd:TextCode X="0" '
                               f'Y="{f(0.88 * font * scale)}" DeltaX="{deltas(advances)}">{text}</ofd:TextCode></ofd:TextObject>')
            for line in page.lines:
                x, y, w, h = line["x0"] * mm, line["top"] * mm, (line["x1"] - line["x0"]) * mm, (line["bottom"] - line["top"]) * mm
                objects.append(f'<ofd:PathObject ID="{len(objects) + 1}" Boundary="{f(x)} {f(y)} {f(w)} {f(h)}" LineWidth="0.18">'
                               f"<ofd:AbbreviatedData>M 0 0 L {f(w)} {f(h)}</ofd:AbbreviatedData></ofd:PathObject>")
            for rect in page.rects:
                x, y, w, h = rect["x0"] * mm, rect["top"] * mm, rect["width"] * mm, rect["height"] * mm
                objects.append(f'<ofd:PathObject ID="{len(objects) + 1}" Boundary="{f(x)} {f(y)} {f(w)} {f(h)}" LineWidth="0.18">'
                               f"<ofd:AbbreviatedData>M 0 0 L {f(w)} 0 L {f(w)} {f(h)} L 0 {f(h)} C</ofd:AbbreviatedData>"
                               "</ofd:PathObject>")
            blocked = "".join(f"<ofd:PageBlock>{o}</ofd:PageBlock>" if i % 3 == 2 else o for i, o in enumerate(objects))
            pages.append(blocked)
    if from_pdf is None:
        drawn.unlink()
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    header = ""
    if running:
        header = (f'<ofd:TextObject ID="1" Boundary="{f(size[0] / 2 - 40)} 6 80 6" Font="1" Size="3.175"><ofd:TextCode X="0" '
                  f'Y="2.8" DeltaX="g {len(running) - 1} 3.175">{running}</ofd:TextCode></ofd:TextObject>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.0" DocType="OFD">'
                               "<ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID></ofd:DocInfo>"
                               "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        zf.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
                    f"<ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {f(size[0])} {f(size[1])}"
                    '</ofd:PhysicalBox></ofd:PageArea><ofd:TemplatePage ID="900" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
                    "</ofd:CommonData><ofd:Pages>"
                    + "".join(f'<ofd:Page ID="{n + 1}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
                    + "</ofd:Pages></ofd:Document>")
        zf.writestr("Doc_0/Tpls/Tpl_0/Content.xml", f'<ofd:Page {ns}><ofd:Content><ofd:Layer ID="1">{header}</ofd:Layer>'
                                                    "</ofd:Content></ofd:Page>")
        for n, objects in enumerate(pages):
            zf.writestr(f"Doc_0/Pages/Page_{n}/Content.xml",
                        f'<ofd:Page {ns}><ofd:Template TemplateID="900" ZOrder="Background"/><ofd:Content>'
                        f'<ofd:Layer ID="1">{objects}</ofd:Layer></ofd:Content></ofd:Page>')
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ManagedServer:
    """One private Neo4j: its environment (for CLI subprocesses) and a Graph."""

    def __init__(self, name: str):
        self.home = Path(tempfile.mkdtemp(prefix=f"kb-test-{name}-"))
        self.env = {**os.environ, "KB_HOME": str(self.home), "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}"}
        self.env.pop("NEO4J_PASSWORD", None)
        # quotes, a space, a backslash and # in the password: it must reach the admin tool intact
        write_local_config(self.home / "kb.toml", 'kb"# \\x ' + secrets.token_hex(12), TEST_SERVER_SETTINGS)
        self.settings = self._settings()
        self.graph: Graph | None = None

    def _settings(self) -> Settings:
        saved = dict(os.environ)
        try:
            os.environ.clear()
            os.environ.update(self.env)
            return load_settings()
        finally:
            os.environ.clear()
            os.environ.update(saved)

    def start(self) -> ManagedServer:
        server.start(self.settings)
        self.graph = Graph.from_settings(self.settings)
        schema.init(self.graph)
        return self

    def stop(self) -> None:
        if self.graph:
            self.graph.close()
        server.stop(self.settings)


def _external() -> Settings | None:
    if not os.environ.get("NEO4J_PASSWORD"):
        return None
    if os.environ.get("KB_TEST_EXTERNAL") != "1":
        pytest.exit("NEO4J_PASSWORD is set: the tests delete data, so they run against an external server "
                    "only with KB_TEST_EXTERNAL=1", returncode=2)
    return load_settings()


class Servers(dict):
    """The two servers, each started when a test first asks for it: a run of scratch-only tests boots
    one JVM, not two (a shared machine has room for one more)."""

    def __missing__(self, name: str) -> ManagedServer:
        if name not in ("loaded", "scratch"):
            raise KeyError(name)
        srv = self[name] = ManagedServer(name).start()
        return srv


@pytest.fixture(scope="session")
def servers() -> Iterator[dict[str, ManagedServer]]:
    if _external():
        pytest.skip("managed-server tests do not run against an external server")
    started = Servers()
    yield started
    for s in started.values():
        s.stop()


@pytest.fixture(scope="session")
def loaded_server(servers: dict[str, ManagedServer]) -> ManagedServer:
    """A server holding all of ../shared/data (imported once per run)."""
    from importers.run import import_paths

    srv = servers["loaded"]
    if not KARAMAY.is_dir():
        pytest.fail(f"{SHARED_DATA} is missing: the real published lists are needed (set KB_SHARED_DATA)")
    if dump.is_empty(srv.graph):
        report = import_paths(srv.graph, [SHARED_DATA], progress=False)
        refused = [f for f in report["files"] if f["status"] == "refused"]
        assert not refused, refused
    return srv


@pytest.fixture(scope="session")
def loaded(loaded_server: ManagedServer) -> Graph:
    return loaded_server.graph


def settle_background_findings() -> None:
    """An app made by an earlier test recomputes findings in a background thread of this process
    (webui.findings); left running, it writes the findings of that test's data into the next test's
    emptied database (CI once saw them there). Tests that clear the scratch server wait for it."""
    from webui import findings

    findings.wait()


@pytest.fixture
def scratch_server(servers: dict[str, ManagedServer]) -> Iterator[ManagedServer]:
    srv = servers["scratch"]
    settle_background_findings()
    dump.clear(srv.graph)
    yield srv
    settle_background_findings()


@pytest.fixture
def scratch(scratch_server: ManagedServer) -> Graph:
    return scratch_server.graph
