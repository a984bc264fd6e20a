"""A generated province for benchmarks: lists of every department of every place, in the layouts the
importers read, with overlaps, gaps and chain breaks injected where a ground-truth file says.

Shaped like Hunan (湖南省: 14 cities, about 130 counties, about 2,000 townships; about 0.7 M powers and
3.7 M responsibilities): real place names and codes from kb.places, item names, types, legal bases and
responsibilities drawn from the real lists of the demo (kb/demo/lists, 克拉玛依市) with variation.

- Every department of a place publishes one list. The same catalogue item (基本编码) is implemented by
  the department of that line at each level (province → city → county), mostly with the same name,
  type and basis (四级四同); each township's office lists items its county department entrusted
  (委托) or transferred (下放) to it, with the delegation columns filled.
- Layouts alternate: the province and the cities publish XLSX with a title row above the header
  (Layout A); counties JSON Lines with the standard keys, or CSV in the coded layout (职权编码 …); the
  townships JSON with a title and a department beside the records.
- Injected, and written to `truth.jsonl` one object per line, so recall can be measured: `overlap` (a
  county department lists another department's item under its own name: same article, same type),
  `no_responsibility` (an item with an empty 责任事项), `chain_break` (a county item whose city list
  leaves it out).

Generation streams: one list is built, written and dropped at a time, so memory does not grow with
the scale. `kb bench generate --scale county|city|province --seed N OUT`.
"""
from __future__ import annotations

import csv
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kb.model import type_code
from kb.places import Place, divisions

PROVINCE = "430000"  # 湖南省
CITY = "430100"  # 长沙市, the city of the city and county scales
COUNTY = "430181"  # 浏阳市, the county of the county scale

# Departments a place of each level has (stems after the place name), about forty, as Hunan's have.
STEMS = ("发展和改革局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
         "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
         "农业农村局", "商务局", "文化旅游广电体育局", "卫生健康局", "退役军人事务局", "应急管理局", "审计局",
         "市场监督管理局", "统计局", "医疗保障局", "林业局", "城市管理和综合执法局", "行政审批服务局",
         "机关事务管理局", "档案局", "国防动员办公室", "粮食和物资储备局", "乡村振兴局", "信访局",
         "数据资源局", "民族宗教事务局", "地方金融监督管理局", "人民防空办公室", "气象局", "消防救援大队",
         "供销合作社")
# Powers per department at each level, and how many departments a township office draws items from.
PER_DEPARTMENT = {"province": 300, "city": 150, "county": 100}
TOWNSHIP_ITEMS = 40
TOWNSHIP_STEMS = ("农业农村局", "自然资源局", "住房和城乡建设局", "应急管理局", "市场监督管理局", "生态环境局",
                  "民政局", "卫生健康局")
LEVEL_WORDS = {"province": "省级", "city": "市级", "county": "县级", "township": "乡镇（街道）级"}
# One county department in N gets an injected overlap or gap, one city list in N a chain break: more
# often at the small scales, so their recall is measured on enough cases.
INJECT_EVERY = {"county": 2, "city": 4, "province": 7}


@dataclass(frozen=True)
class Item:
    """One catalogue item: a published record of the demo lists, with its code in the catalogue."""

    code: str  # 12-character basic code
    name: str
    type: str
    basis: str
    duties: str
    subjects: str
    situations: str


@dataclass
class Summary:
    files: int = 0
    powers: int = 0
    places: dict[str, int] = field(default_factory=dict)
    truth: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {"files": self.files, "powers": self.powers, "places": self.places, "truth": self.truth,
                "seconds": round(self.seconds, 1)}


def templates() -> list[dict]:
    """The records of the demo lists (real published Karamay lists), as plain fields."""
    from importers.lists import parse_list, sniff

    out = []
    folder = resources.files("kb").joinpath("demo", "lists")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if sniff(str(entry)) != "list":  # (the folder's kb-import.toml, which says its place)
            continue
        doc = parse_list(str(entry))
        for r in doc.records:
            if r.type and r.basis_text and r.responsibility_text:
                out.append({"name": r.name, "type": r.type, "basis": r.basis_text, "duties": r.responsibility_text,
                            "subjects": r.accountability_subjects, "situations": r.accountability_situations})
    return out


def catalogue(rows: list[dict], seed: int) -> dict[str, list[Item]]:
    """Each department line (stem) gets a block of the demo records of its own, then variants of them
    (（一般类）…) until its province list is full: no two lines share a record, so the only overlaps
    between departments are the injected ones and what the real lists themselves hold. Codes are
    stable for a seed."""
    rng = random.Random(seed)
    pool = rows[:]
    rng.shuffle(pool)
    block = max(1, len(pool) // len(STEMS))
    out: dict[str, list[Item]] = {}
    for s, stem in enumerate(STEMS):
        items = []
        for i in range(PER_DEPARTMENT["province"]):
            base = pool[s * block + i % block]
            lap = i // block
            name = base["name"] if lap == 0 else f"{base['name']}（{_VARIANTS[(lap - 1) % len(_VARIANTS)]}）"
            code = f"{s + 1:03d}{type_code(base['type']) or '10'}{i:05d}00"
            items.append(Item(code, name, base["type"], base["basis"], base["duties"], base["subjects"],
                              base["situations"]))
        out[stem] = items
    return out


_VARIANTS = ("一般类", "特殊类", "重点类", "跨区域类", "新设类", "简易类", "专项类", "其他类")



def places(scale: str) -> Iterator[Place]:
    """The places of a scale, top-down: the province, then each city with its counties and townships."""
    d = divisions()
    province = d.get(PROVINCE)
    yield province
    cities = [p for p in d.below(province) if p.level == "city"]
    if scale != "province":
        cities = [d.get(CITY)]
    for city in sorted(cities, key=lambda p: p.code):
        yield city
        counties = sorted((p for p in d.below(city) if p.level == "county"), key=lambda p: p.code)
        if scale == "county":
            counties = [d.get(COUNTY)]
        for county in counties:
            yield county
            yield from sorted((p for p in d.below(county) if p.level == "township"), key=lambda p: p.code)


def published_name(place: Place) -> str:
    """The name a place's bodies publish under, as kb places it: a township with its county in front
    (浏阳市集里街道), a county or city whose name repeats with its parent's (石家庄市新华区)."""
    d = divisions()
    parent = d.get(place.parent) if place.parent else None
    if parent and (place.level == "township" or len(d.named(place.name)) > 1):
        return published_name(parent) + place.name
    return place.name


class Writer:
    """Writes lists and the ground truth; counts what it wrote."""

    def __init__(self, out: Path, summary: Summary):
        self.out = out
        self.summary = summary
        out.mkdir(parents=True, exist_ok=True)
        self.truth = (out / "truth.jsonl").open("w", encoding="utf-8")

    def close(self) -> None:
        self.truth.close()

    def record_truth(self, kind: str, **what: object) -> None:
        self.truth.write(json.dumps({"kind": kind, **what}, ensure_ascii=False) + "\n")
        self.summary.truth[kind] = self.summary.truth.get(kind, 0) + 1

    def list_file(self, place: Place, department: str, rows: list[dict], layout: str) -> None:
        folder = self.out / "lists" / place.path
        folder.mkdir(parents=True, exist_ok=True)
        title = f"{department}2024年权责清单"
        {"xlsx": _write_xlsx, "jsonl": _write_jsonl, "csv": _write_csv, "json": _write_json}[layout](
            folder / f"{title}.{layout}", title, department, published_name(place), rows)
        self.summary.files += 1
        self.summary.powers += len(rows)


STANDARD = ("序号", "基本编码", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构", "实施层级",
            "责任事项内容", "追责对象范围", "追责情形", "备注", "下放或委托", "原实施主体", "承接时间")
CODED = ("序号", "职权编码", "职权名称", "子项名称", "职权类型", "设定依据", "实施主体", "责任事项", "问责对象", "问责情形",
         "法定期限", "承诺期限", "备注")


def _row(n: int, item: Item, department: str, level: str, **extra: str) -> dict:
    return {"序号": str(n), "基本编码": item.code, "事项名称": item.name, "子项名称": "", "权力类型": item.type,
            "实施依据": item.basis, "行使主体": department, "承办机构": "", "实施层级": LEVEL_WORDS[level],
            "责任事项内容": item.duties, "追责对象范围": item.subjects, "追责情形": item.situations, "备注": "",
            "下放或委托": "", "原实施主体": "", "承接时间": ""} | extra


def _write_xlsx(path: Path, title: str, department: str, place: str, rows: list[dict]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("权责清单")
    ws.append([title])
    ws.append(list(STANDARD))
    for r in rows:
        ws.append([r[c] for c in STANDARD])
    wb.save(path)


def _write_jsonl(path: Path, title: str, department: str, place: str, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({k: v for k, v in r.items() if v}, ensure_ascii=False) + "\n")


def _write_json(path: Path, title: str, department: str, place: str, rows: list[dict]) -> None:
    data = {"title": title, "department": department, "jurisdiction": place, "version": "2024", "records": rows}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _write_csv(path: Path, title: str, department: str, place: str, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(CODED)
        for r in rows:
            out.writerow([r["序号"], r["基本编码"], r["事项名称"], "", r["权力类型"], r["实施依据"], r["行使主体"],
                          r["责任事项内容"], r["追责对象范围"], r["追责情形"], "20个工作日", "5个工作日", ""])


class Province:
    """Walks the places of a scale and writes every list, injecting what the truth file records."""

    def __init__(self, scale: str, seed: int, writer: Writer):
        self.rng = random.Random(seed)
        self.items = catalogue(templates(), seed)
        self.writer = writer
        self.every = INJECT_EVERY[scale]
        self.dropped: dict[tuple[str, str], set[str]] = {}  # (city, stem) -> codes its list leaves out

    def place(self, p: Place) -> None:
        if p.level == "township":
            self._township(p)
            return
        layout = {"province": "xlsx", "city": "xlsx"}.get(p.level)
        for s, stem in enumerate(STEMS):
            department = published_name(p) + stem
            items = self.items[stem][: PER_DEPARTMENT[p.level]]
            rows = [_row(n, item, department, p.level) for n, item in enumerate(items, start=1)]
            if p.level == "city":
                rows = self._drop_for_chain_breaks(p, stem, rows)
            if p.level == "county" and self.rng.randrange(self.every) == 0:
                rows = self._inject(p, stem, department, rows)
            self.writer.list_file(p, department, rows, layout or ("jsonl" if s % 2 else "csv"))

    def _drop_for_chain_breaks(self, city: Place, stem: str, rows: list[dict]) -> list[dict]:
        """One city list in seven leaves out one item its counties implement. Not a class of an item the
        list also holds whole (…（一般类） beside …): the whole item is the counties' class's counterpart
        (kb.analyses.chains._other_item), so leaving the class out breaks no chain."""
        if self.rng.randrange(self.every):
            return rows
        from kb.analyses.overlaps import bare_name, name_qualifier

        whole = {bare_name(r["事项名称"]) for r in rows if not name_qualifier(r["事项名称"])}
        later = rows[len(rows) // 2:]
        victim = self.rng.choice([r for r in later if not (name_qualifier(r["事项名称"]) and
                                                           bare_name(r["事项名称"]) in whole)] or later)
        self.dropped.setdefault((city.code, stem), set()).add(victim["基本编码"])
        return [r for r in rows if r is not victim]

    def _inject(self, county: Place, stem: str, department: str, rows: list[dict]) -> list[dict]:
        kind = self.rng.choice(("overlap", "no_responsibility"))
        if kind == "no_responsibility":
            victim = rows[self.rng.randrange(len(rows))]
            victim["责任事项内容"] = ""
            self.writer.record_truth("no_responsibility", jurisdiction=published_name(county), level="county",
                                     department=department, power=victim["事项名称"])
            return rows
        other = self.rng.choice([s for s in STEMS if s != stem])
        borrowed = self.rng.choice(self.items[other][: PER_DEPARTMENT["county"]])
        name = f"{published_name(county)}{stem.removesuffix('局')}领域{borrowed.name}"
        rows.append(_row(len(rows) + 1, borrowed, department, "county", 事项名称=name, 基本编码=""))
        self.writer.record_truth("overlap", jurisdiction=published_name(county), level="county",
                                 departments=sorted([department, published_name(county) + other]),
                                 powers=[name, borrowed.name], type=borrowed.type)
        return rows

    def chain_breaks(self, county: Place) -> None:
        """A county item whose city list left it out breaks its chain."""
        for (city, stem), codes in self.dropped.items():
            if county.parent != city:
                continue
            for item in self.items[stem][: PER_DEPARTMENT["county"]]:
                if item.code in codes:
                    self.writer.record_truth("chain_break", jurisdiction=published_name(county), level="county",
                                             department=published_name(county) + stem, power=item.name, code=item.code)

    def _township(self, p: Place) -> None:
        county = divisions().get(p.parent)
        office = published_name(p) + ("办事处" if p.name.endswith("街道") else "人民政府")
        rows = []
        for i in range(TOWNSHIP_ITEMS):
            stem = TOWNSHIP_STEMS[i % len(TOWNSHIP_STEMS)]
            item = self.items[stem][i // len(TOWNSHIP_STEMS)]
            manner = "委托" if i % 3 else "下放"
            rows.append(_row(i + 1, item, office, "township", 下放或委托=manner, 原实施主体=published_name(county) + stem,
                             承接时间="2021-06-01"))
        self.writer.list_file(p, office, rows, "json")


def generate(scale: str, seed: int, out: Path, progress: Callable[[str], None] | None = None) -> Summary:
    """Write the lists of a scale to `out/lists` (a folder per place), and beside it truth.jsonl and
    summary.json: `kb import out/lists` reads the lists only."""
    if scale not in ("county", "city", "province"):
        raise ValueError(f"规模应为 county、city 或 province，而不是 {scale!r}")
    started = time.monotonic()
    summary = Summary()
    writer = Writer(out, summary)
    try:
        province = Province(scale, seed, writer)
        for place in places(scale):
            summary.places[place.level] = summary.places.get(place.level, 0) + 1
            province.place(place)
            if place.level == "county":
                province.chain_breaks(place)
            if progress and place.level in ("city", "county"):
                progress(f"{place.path}：{summary.files} 个文件，{summary.powers:,} 项权力")
    finally:
        writer.close()
    summary.seconds = time.monotonic() - started
    (out / "summary.json").write_text(json.dumps(summary.as_dict() | {"scale": scale, "seed": seed},
                                                 ensure_ascii=False, indent=1), encoding="utf-8")
    return summary


if __name__ == "__main__":  # python -m kb.bench.generate SCALE SEED OUT
    print(generate(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), print).as_dict())
