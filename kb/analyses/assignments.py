"""Across places: the same provision given to different kinds of body (`assignment_differs`, area
consistency).

西安 gives 《消防法》第六十条 to 市公安局, 克拉玛依 to 克拉玛依市消防救援支队: two cities, one article, two
kinds of body. Places are comparable when they are at the same level (a power's level, else its
department's); the kind of body is the department's name with its place taken off (`body_kind`:
西安市公安局 → 公安局, 克拉玛依市消防救援支队 → 消防救援支队, 市公安局 → 公安局).

One finding per (article, level) where at least two places cite the article as basis (实施依据) and two of them
give it to no kind of body in common; procedural laws (行政处罚法 …) are left out. A place that gives an article to
several kinds of body applies it sector by sector (《建设工程质量管理条例》第六十四条: 厦门's 交通运输局 for roads, its
建设局 for buildings): another place's 交通运输局 beside its 应急管理局 is the same division, not a difference. Kinds
are compared in one spelling (`body_key`: 建设局 and 住房和城乡建设局 are 住建局). The
evidence is one piece per citing power (place, kind of body, department, power and its key, the text as
cited), one per department first so that every side shows when the evidence is cut.

The server does the counting: one aggregation over the citations per (law, article, level) keeps only
those cited in two places by two kinds of body (department → place and kind are parameters, computed
here once per department); the citing powers are read for those articles only.

Unlike the other rules, a finding compares places of different jurisdiction trees, so it is computed
for the whole graph (kb.analyses.stored recomputes it on every refresh, like the laws to load).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from kb.analyses.findings import Finding
from kb.analyses.powers import jurisdiction_names
from kb.analyses.rules import procedural_laws
from kb.db import Graph
from kb.model import CURRENT_POWER, LEVEL_TITLES, LEVELS, body_key, branch_body, merged_parts, squeeze
from kb.places import Ambiguous, divisions, everyday_name, short_name

KIND = "assignment_differs"
PLACES_SHOWN = 3  # places named per kind of body in a summary

DEPARTMENTS = """
MATCH (d:Department) WHERE EXISTS { (d)-[:HOLDS]->(:Power) }
WITH d, head([(d)-[:IN_JURISDICTION]->(j:Jurisdiction) | j]) AS j
RETURN d.name AS name, coalesce(d.jurisdiction, j.name, '') AS jurisdiction, j.code AS code,
       coalesce(d.level, j.level, '') AS level
"""

LAWS = "MATCH (l:Law) RETURN l.key AS key"

# (law, article, level) cited in two places or more by two kinds of body or more, with its (place, kind)
# pairs; $places and $kinds map a department's name to its place and its kind of body.
# (Power.department is the holding department's name: no HOLDS to walk per citation.)
GROUPS = """
MATCH (p:Power)-[c:CITES]->(l:Law)
WHERE """ + CURRENT_POWER + """ AND c.field = 'basis' AND c.article IS NOT NULL AND NOT l.key IN $excluded
WITH DISTINCT l.key AS law, c.article AS article, p.department AS department,
     CASE WHEN p.level IN $levels THEN p.level ELSE $department_levels[p.department] END AS level
WITH law, article, level, $places[department] AS place, $kinds[department] AS kind
WHERE level IN $levels AND place IS NOT NULL AND place <> ''
WITH law, article, level, collect(DISTINCT [place, kind]) AS pairs, count(DISTINCT place) AS places,
     count(DISTINCT kind) AS kinds
WHERE places >= 2 AND kinds >= 2
RETURN law, article, level, pairs
"""

# The citing powers of some articles ($groups: one row per law with its article numbers).
EVIDENCE = """
UNWIND $groups AS g
MATCH (l:Law {key: g.law})<-[c:CITES]-(p:Power)<-[:HOLDS]-(d:Department)
WHERE c.field = 'basis' AND c.article IN g.articles
RETURN l.key AS law, coalesce(l.title, c.law_title, l.key) AS title, c.article AS article,
       coalesce(c.article_label, '') AS label, coalesce(c.text, '') AS text,
       CASE WHEN p.level IN $levels THEN p.level ELSE d.level END AS level, d.name AS department,
       p.key AS key, coalesce(p.name, '') AS power, coalesce(p.type, '') AS type,
       p.source_file AS file, p.source_sheet AS sheet, p.source_row AS row
ORDER BY law, article, level, department, power, key
"""

# What a name without its place may still start with: 市公安局 (a city's), 自治区农业农村厅, 县教育局.
# Not when that character starts a word (市场监督管理局, 市政, 市容 …: importers/naming.py knows them too).
_GENERIC = re.compile(r"^(?!市场|市政|市容|市辖|区域|县域)(?:自治区|地区|省|市|州|盟|区|县|旗)")


# A place's own government is one kind of body whatever it is called: a 镇's 人民政府, a 街道's 办事处.
_GOVERNMENT = frozenset({"人民政府", "政府", "办事处", "街道办事处", "街道办"})
GOVERNMENT = "人民政府"


@lru_cache(maxsize=4096)
def _place_names(jurisdiction: str, code: str | None) -> tuple[str, ...]:
    """The names a department of this place may start with, longest first: the jurisdiction's own name
    (平顶山市新华区), and every place from its province down, full and short (新疆维吾尔自治区, 新疆, 克拉玛依市,
    克拉玛依)."""
    names = {jurisdiction}
    place = divisions().get(code) if code else None
    if place is None and jurisdiction:
        try:
            place = divisions().resolve(jurisdiction)
        except Ambiguous:
            place = None
    if place is not None:
        for p in divisions().chain(place):
            names |= {p.name, short_name(p), everyday_name(p)}
    return tuple(sorted((n for n in names if n), key=lambda n: (-len(n), n)))


def body_kind(department: str, jurisdiction: str = "", code: str | None = None) -> str:
    """The kind of body: the department's name without its place (西安市公安局 → 公安局,
    新疆维吾尔自治区克拉玛依市消防救援支队 → 消防救援支队, 市公安局 → 公安局, 西安市市场监督管理局 →
    市场监督管理局); a place's own government is 人民政府 (大瑶镇人民政府, 集里街道办事处)."""
    if jurisdiction and (branch := branch_body(department, squeeze(jurisdiction))):
        return branch  # (石家庄市生态环境局正定县分局: 正定县's 生态环境局, a branch of the city's since the reform)
    name = squeeze(department)
    prefixes = _place_names(squeeze(jurisdiction), code)
    stripped = True
    while stripped:
        stripped = False
        for prefix in prefixes:
            if name.startswith(prefix) and len(name) - len(prefix) >= 2:  # 西安市 is no 西安 + 市
                name, stripped = name[len(prefix):], True
                break
    generic = _GENERIC.match(name)
    if generic and len(name) - generic.end() >= 2:
        name = name[generic.end():]
    if name in _GOVERNMENT:
        return GOVERNMENT
    return name or squeeze(department)


def _departments(graph: Graph) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """department → place, department → kind of body, department → level."""
    places, kinds, levels = {}, {}, {}
    for r in graph.read(DEPARTMENTS):
        places[r["name"]] = r["jurisdiction"]
        kinds[r["name"]] = body_kind(r["name"], r["jurisdiction"], r["code"])
        levels[r["name"]] = r["level"]
    return places, kinds, levels


def _excluded(graph: Graph) -> list[str]:
    procedural = procedural_laws()
    return [r["key"] for r in graph.read(LAWS) if r["key"] in procedural]


def find(graph: Graph, jurisdiction: str | None = None) -> list[Finding]:
    """Every assignment_differs finding; with a jurisdiction, those naming a place within it."""
    return [f for chunk in chunks(graph, jurisdiction) for f in chunk]


def chunks(graph: Graph, jurisdiction: str | None = None) -> Iterator[list[Finding]]:
    """The findings of `find`, in the same order, one law at a time: the citing powers of one law's
    differing articles are read and made into findings before the next law's (a province's lists cite
    the same articles in every place: read at once, the evidence of all of them took 3 GB)."""
    places, kinds, department_levels = _departments(graph)
    if len(set(places.values())) < 2:
        return
    groups = graph.read(GROUPS, excluded=_excluded(graph), levels=list(LEVELS), places=places, kinds=kinds,
                        department_levels=department_levels)
    differing: dict[str, dict[tuple[str, int, str], dict[str, set[str]]]] = defaultdict(dict)  # by law
    by_sector: set[str] = set()  # the laws a place applies by several kinds of body (one article or another)
    for g in groups:
        by_place: dict[str, set[str]] = defaultdict(set)
        for place, kind in g["pairs"]:
            by_place[place].add(kind)
        # (compared in the one spelling of each, 厦门's 建设局 and 银川's 住房和城乡建设局 one kind, 住建局: after a merged
        # body is read as its parts, which are named in full; a place of several kinds before, not a merged body's parts)
        if any(len({body_key(k) for k in ks}) > 1 for ks in by_place.values()):
            by_sector.add(g["law"])
        _merged_as_parts(by_place)
        by_place = defaultdict(set, {place: {body_key(k) for k in ks} for place, ks in by_place.items()})
        if _apart(by_place):
            differing[g["law"]][(g["law"], g["article"], g["level"])] = by_place
    within = set(jurisdiction_names(graph, jurisdiction) or []) if jurisdiction else None
    for law, keys in sorted(differing.items()):
        shown = {key: by_place for key, by_place in keys.items() if within is None or within & set(by_place)}
        if not shown:
            continue
        rows: dict[tuple[str, int, str], list[dict]] = defaultdict(list)
        articles = sorted({article for _, article, _ in shown})
        for r in graph.read(EVIDENCE, groups=[{"law": law, "articles": articles}], levels=list(LEVELS)):
            key = (r["law"], r["article"], r["level"])
            if key in shown and r["department"] in places:
                rows[key].append(r)
        found = [_finding(key, shown[key], rows[key], places, kinds, law in by_sector) for key in sorted(shown)
                 if rows.get(key)]
        if found:
            yield found


def _apart(by_place: dict[str, set[str]]) -> bool:
    """Whether two places give the provision to no kind of body in common."""
    kinds = list({frozenset(k) for k in by_place.values()})
    return any(not (a & b) for i, a in enumerate(kinds) for b in kinds[i + 1:])


def _merged_as_parts(by_place: dict[str, set[str]]) -> None:
    """A county's merged body is the kind of the body it joins that other places give the provision to (高要区's
    农业农村和水利局 beside 仙居县's 农业农村局: both the agriculture body, no difference)."""
    elsewhere = {place: set().union(*(ks for p, ks in by_place.items() if p != place)) for place in by_place}
    for place, kinds in by_place.items():
        for kind in list(kinds):
            shared = set(merged_parts(kind)) & elsewhere[place]
            if shared:
                kinds.discard(kind)
                kinds |= shared


SECTOR_SCORE = 0.3  # a law a place applies by several kinds of body: a difference may be the sectors' division only
SECTOR_NOTE = "（此法在同一地方由多个行业部门分别行使，差异可能只是行业分工）"


def _finding(key: tuple[str, int, str], by_place: dict[str, set[str]], rows: list[dict],
             places: dict[str, str], kinds: dict[str, str], by_sector: bool = False) -> Finding:
    law, article, level = key
    title, label = rows[0]["title"], next((r["label"] for r in rows if r["label"]), f"第{article}条")
    cited = f"《{title}》{label}"
    by_kind: dict[str, list[str]] = defaultdict(list)
    for place, ks in sorted(by_place.items()):
        for k in sorted(ks):
            by_kind[k].append(place)
    evidence, seen, first, rest = [], set(), [], []
    departments_seen: set[str] = set()
    for r in rows:
        if r["key"] in seen:
            continue
        seen.add(r["key"])
        (rest if r["department"] in departments_seen else first).append(r)
        departments_seen.add(r["department"])
    for r in first + rest:
        evidence.append({
            "type": "assignment", "law": f"《{title}》", "law_key": law, "article": label or f"第{article}条",
            "article_number": article, "level": level, "level_title": LEVEL_TITLES.get(level, level),
            "jurisdiction": places[r["department"]], "body_kind": body_key(kinds[r["department"]]),
            "department": r["department"], "power": r["power"], "power_key": r["key"], "power_type": r["type"],
            "text": r["text"], "source": {"file": r["file"], "sheet": r["sheet"], "row": r["row"]}})
    common = set.intersection(*by_place.values())
    sides = "；".join(
        f"{k}（{'、'.join(ps[:PLACES_SHOWN])}{f'等{len(ps)}地' if len(ps) > PLACES_SHOWN else ''}）"
        for k, ps in sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    return Finding(
        kind=KIND, departments=[r["department"] for r in first], powers=[e["power"] for e in evidence],
        evidence=evidence, score=SECTOR_SCORE if by_sector else 0.5 if common else 0.7,
        keys=[f"article:{law}#{article}", f"level:{level}", *(f"kind:{k}" for k in sorted(by_kind))],
        jurisdiction="", level=level,
        summary=f"{cited}在{LEVEL_TITLES.get(level, level)}由不同类型的机构行使：{sides}" + (SECTOR_NOTE if by_sector else ""),
        power_keys=[e["power_key"] for e in evidence],
        counts={"places": len(by_place), "kinds": {k: ps for k, ps in sorted(by_kind.items())}})
