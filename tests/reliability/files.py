"""Generated input files for the importer: well-formed lists in every container, and the same broken
in the ways real files break (cut short, bytes flipped, wrong encoding, wrong shape, nested too deep)."""
from __future__ import annotations

import csv
import io
import json
import zipfile

import openpyxl
from hypothesis import strategies as st

HEADER = ["序号", "事项名称", "权力类型", "实施依据", "行使主体", "责任事项内容", "追责情形"]
TYPES = ["行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决",
         "其他行政权力"]
SUFFIXES = [".xlsx", ".csv", ".json", ".jsonl", ".xls", ".tsv"]

# Item names: CJK and ASCII with the characters that break naive code (quotes, backticks, Cypher and
# comment markers); no whitespace at the ends and no control characters, which a list may not hold.
_NAME_CHARS = st.sampled_from(list("对许可处罚检查登记证核发企业个人道路运输食品药品环境安全")
                              + list("abcXYZ0123456789'\"`;{}()[]/\\-—*$%#<>&|!~^.,:=+?@")
                              + ["\u200b", "\u202e", "é", "𠀀", "ﬁ"])
names = st.text(_NAME_CHARS, min_size=2, max_size=40).map(lambda s: "对" + s + "的许可")


@st.composite
def well_formed(draw, department: str = "克拉玛依市测试局") -> tuple[str, bytes, list[str]]:
    """(suffix, bytes, item names) of a list that must import with exactly those items."""
    items = draw(st.lists(names, min_size=1, max_size=12, unique=True))
    rows = [[str(i + 1), name, draw(st.sampled_from(TYPES)), "《中华人民共和国行政许可法》第十二条", department,
             "1.受理责任：依法受理", "不履行职责的"] for i, name in enumerate(items)]
    suffix = draw(st.sampled_from([".xlsx", ".csv", ".json", ".jsonl"]))
    return suffix, render(suffix, [HEADER, *rows], draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))), items


def render(suffix: str, grid: list[list[str]], encoding: str = "utf-8") -> bytes:
    if suffix == ".xlsx":
        wb = openpyxl.Workbook()
        for row in grid:
            wb.active.append([_xlsx_safe(v) for v in row])
        out = io.BytesIO()
        wb.save(out)
        return _fixed_times(out.getvalue())
    if suffix in (".csv", ".tsv"):
        out = io.StringIO()
        csv.writer(out, delimiter="\t" if suffix == ".tsv" else ",").writerows(grid)
        return _encode(out.getvalue(), encoding)
    header, *rows = grid
    objects = [dict(zip(header, row)) for row in rows]
    if suffix == ".jsonl":
        return _encode("\n".join(json.dumps(o, ensure_ascii=False) for o in objects) + "\n", encoding)
    return _encode(json.dumps(objects, ensure_ascii=False), encoding)


def _fixed_times(data: bytes) -> bytes:
    """The same workbook always gives the same bytes (openpyxl stamps the time of saving), so that
    hypothesis can replay and shrink a failure."""
    import re

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", body)
            dst.writestr(zipfile.ZipInfo(info.filename, (2024, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace") if encoding != "gb18030" else text.encode("gb18030")


def _xlsx_safe(v: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", v)


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """The bytes broken one way or several."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["cut", "flip", "insert", "delete", "zip-member", "nul", "swap-head"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if how == "cut":
            data = data[:at]
        elif how == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif how == "delete":
            del data[at:at + draw(st.integers(1, 256))]
        elif how == "nul":
            data[at:at] = b"\0" * draw(st.integers(1, 16))
        elif how == "swap-head":
            data[:4] = draw(st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"\xff\xfe", b"{\"a", b"[[[["]))
        elif how == "zip-member" and data[:2] == b"PK":
            data = bytearray(_replace_member(bytes(data), draw(st.binary(max_size=200)), draw(st.integers(0, 20))))
    return bytes(data)


def _replace_member(data: bytes, junk: bytes, which: int) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            infos = src.infolist()
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
                for i, info in enumerate(infos):
                    dst.writestr(info.filename, junk if i == which % len(infos) else src.read(info))
            return out.getvalue()
    except Exception:  # noqa: BLE001 - a member already broken by an earlier mutation: keep the bytes
        return data


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
        st.sampled_from(HEADER + ["title", "department", "records", "items", "x"]) | st.text(max_size=8),
        inner, max_size=6),
    max_leaves=30)


@st.composite
def odd_shapes(draw) -> tuple[str, bytes]:
    """Files of the right kind with the wrong content: arbitrary JSON, deep nesting, grids of anything."""
    kind = draw(st.sampled_from(["json", "deep", "grid", "binary", "text"]))
    if kind == "json":
        return draw(st.sampled_from([".json", ".jsonl"])), json.dumps(draw(json_values)).encode()
    if kind == "deep":
        depth = draw(st.integers(100, 100_000))
        opener = draw(st.sampled_from(["[", '{"a":', '[{"事项名称":']))
        return ".json", (opener * depth).encode()
    if kind == "grid":
        cells = st.one_of(st.sampled_from(HEADER + TYPES + ["", " ", "=1+1", "克拉玛依市某局"]), st.text(max_size=30))
        grid = draw(st.lists(st.lists(cells, max_size=9), max_size=15))
        suffix = draw(st.sampled_from([".xlsx", ".csv", ".json", ".jsonl", ".tsv"]))
        if suffix in (".json", ".jsonl"):
            grid = [HEADER, *grid]
        return suffix, render(suffix, grid, draw(st.sampled_from(["utf-8", "utf-16", "gb18030", "latin-1"])))
    if kind == "binary":
        return draw(st.sampled_from(SUFFIXES)), draw(st.binary(max_size=2000))
    return draw(st.sampled_from(SUFFIXES)), draw(st.text(max_size=500)).encode("utf-8", "surrogatepass")
