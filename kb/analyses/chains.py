"""Vertical chains: the same item implemented at several levels (province → city → county → township).

Two powers at different levels are linked, upper → lower, when
- both implement the same CatalogItem (`via: catalogue`), or
- a Delegation goes from the one to the other (`via: delegation`, with its manner 下放/委托), or
- they belong to one body at two levels — the same department publishing two levels (the Karamay
  林业和草原局 list has a 地州级 and a 区县级 sheet), or a department and its COUNTERPART_OF above —
  and have the same code (`via: code`), else the same normalised name (`via: name`; the same type
  is preferred when names repeat), else names at similarity ≥ 0.9 (`via: similar_name`).
Lower powers are linked to the nearest level above that the body publishes, along the tree of places
(`WITHIN`): a county's power to its own city's, not to every city's of the province; a place outside
the tree (no `WITHIN` link) is linked as if it were on every line. A chain is a connected set of
linked powers.

Findings: `no_upper_counterpart` (chains area) for a lower-level power whose body publishes the level
above on its line without a matching item (a link to a level further up passes that level by);
`not_implemented_below` (gaps area) for an upper-level power that guides and supervises the level below
(指导监督 duties) while the body's list for that level has no matching item, and for a chain that skips
a level its bodies publish.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from kb.analyses import names
from kb.analyses.findings import Finding
from kb.analyses.groups import DisjointSet
from kb.analyses.overlaps import bare_name, name_qualifier, name_variants
from kb.analyses.powers import (
    BATCH,
    POWERS_BY_KEY_WITHOUT_CITES,
    POWERS_WITHOUT_CITES,
    PowerRow,
    department_sizes,
    load_powers,
    rows_to_powers,
)
from kb.db import Graph
from kb.model import EXAMPLE_MARK, LEVEL_RANK, LEVEL_TITLES, by_date, dated, normalise_level, power_in_force

SIMILAR = 0.9
# A body publishes a level when its lists hold a real share of items there: a stray row naming another
# level (农业农村局's 征收 sheet has one 自治区级 row for 自治区农业农村厅) is not a list of that level.
PUBLISHED_MIN = 20
PUBLISHED_SHARE = 0.2

DELEGATIONS = """
MATCH (dl:Delegation)-[:TO_POWER]->(tp:Power)
OPTIONAL MATCH (dl)-[:FROM_POWER]->(fp:Power)
RETURN dl.key AS key, coalesce(dl.manner, '') AS manner, dl.date AS date, coalesce(dl.from_body, '') AS from_body,
       coalesce(dl.from_found, '') AS from_found,
       coalesce(dl.to_body, '') AS to_body, tp.key AS to_key, fp.key AS from_key
"""

COUNTERPARTS = """MATCH (a:Department)-[:COUNTERPART_OF]->(b:Department)
RETURN a.name AS lower, b.name AS upper, size(coalesce(a.merges, [])) AS merges"""
_COUNTERPARTS_BELOW = """MATCH (a:Department)-[:COUNTERPART_OF]->(b:Department) WHERE a.name IN $names
RETURN a.name AS lower, b.name AS upper, size(coalesce(a.merges, [])) AS merges"""

PARENTS = "MATCH (j:Jurisdiction)-[:WITHIN]->(parent:Jurisdiction) RETURN j.name AS name, parent.name AS parent"


class Tree:
    """The places' tree (`WITHIN`): which jurisdiction is on whose line. A jurisdiction outside the
    tree (no `WITHIN` either way, or none at all) is on every line, as before places were linked."""

    def __init__(self, parents: list[dict] | None = None) -> None:
        self.parents: dict[str, set[str]] = defaultdict(set)
        for r in parents or []:
            self.parents[r["name"]].add(r["parent"])
        self.placed = set(self.parents) | {p for ps in self.parents.values() for p in ps}
        self._lines: dict[str, frozenset[str]] = {}

    def line(self, name: str) -> frozenset[str]:
        """The place and every place it is within."""
        found = self._lines.get(name)
        if found is None:
            seen, todo = {name}, [name]
            while todo:
                for parent in self.parents.get(todo.pop(), ()):
                    if parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            found = self._lines[name] = frozenset(seen)
        return found

    def on_line(self, upper: str, lower: str) -> bool:
        """Whether a power of ``upper`` can be above one of ``lower``: ``lower`` is ``upper`` or within it,
        or either is outside the tree."""
        return upper not in self.placed or lower not in self.placed or upper in self.line(lower)

    def index(self, rows: list[PowerRow]) -> _ByPlace:
        return _ByPlace(self, rows)


class _ByPlace:
    """Powers (of one level) by place, to find those on a lower power's line without a scan."""

    def __init__(self, tree: Tree, rows: list[PowerRow]) -> None:
        self.tree, self.rows = tree, rows
        self.by_place: dict[str, list[PowerRow]] = defaultdict(list)
        self.outside: list[PowerRow] = []
        self._reach: set[str] | None = None
        self._departments: dict[str, list[str]] = {}
        for r in rows:
            (self.by_place[r.jurisdiction] if r.jurisdiction in tree.placed else self.outside).append(r)

    def on_line_of(self, jurisdiction: str) -> list[PowerRow]:
        """The powers whose place is ``jurisdiction`` or one it is within, and those outside the tree
        (all of them when ``jurisdiction`` is outside it)."""
        if jurisdiction not in self.tree.placed:
            return self.rows
        return [r for place in self.tree.line(jurisdiction) for r in self.by_place.get(place, ())] + self.outside

    def any_on_line_of(self, jurisdiction: str) -> bool:
        """Whether any of the powers is on the line of ``jurisdiction`` (at or above it)."""
        if jurisdiction not in self.tree.placed or self.outside:
            return bool(self.rows)
        return any(place in self.by_place for place in self.tree.line(jurisdiction))

    def departments_at(self, place: str) -> list[str]:
        """The departments of the powers of ``place`` (read once a place)."""
        found = self._departments.get(place)
        if found is None:
            found = self._departments[place] = sorted({r.department for r in self.by_place.get(place, ())})
        return found

    def any_within(self, jurisdiction: str) -> bool:
        """Whether any of the powers is at ``jurisdiction`` or a place within it."""
        if jurisdiction not in self.tree.placed or self.outside:
            return bool(self.rows)
        if self._reach is None:
            self._reach = {up for place in self.by_place for up in self.tree.line(place)}
        return jurisdiction in self._reach

RESPONSIBILITIES = """
UNWIND $keys AS key
MATCH (p:Power {key: key})
OPTIONAL MATCH (p)-[:HAS_RESPONSIBILITY]->(r:Responsibility)
WITH p, r ORDER BY r.seq
WITH p, collect(CASE WHEN r IS NULL THEN null ELSE {seq: r.seq, kind: coalesce(r.kind, ''), stage: r.stage,
                                                    text: r.text} END) AS duties
OPTIONAL MATCH (p)-[:BASED_ON {field: 'basis'}]->(a:Article)
WITH p, duties, collect(DISTINCT a.name) AS articles
OPTIONAL MATCH (v:ListVersion)-[:CONTAINS]->(p)
RETURN p.key AS key, duties, articles, v.title AS list_title,
       coalesce(v.title STARTS WITH $example_mark, false) AS example
"""


# How a reader is told why a lower power is linked to the one above (`via`), and the link's details.
VIA_TITLES: dict[str, str] = {"catalogue": "同一目录事项", "delegation": "下放/委托", "code": "编码相同",
                              "name": "名称相同", "similar_name": "名称相近"}
LINK_DETAIL_TITLES: dict[str, str] = {"manner": "方式", "date": "日期", "from_body": "下放或委托主体", "to_body": "承接主体",
                                      "code": "编码", "similarity": "相似度", "found_by": "推定依据"}
# a delegation whose list names no delegating body, linked to the power above of the same name or code (writer.
# UNNAMED_DELEGATIONS): how it was found (the detail `found_by`: name or code)
FOUND_BY = {"name": "清单未写下放主体，按上一级同名事项", "code": "清单未写下放主体，按上一级同编码事项"}


@dataclass
class Link:
    upper: str  # power key
    lower: str
    via: str  # catalogue / delegation / code / name / similar_name
    detail: dict = field(default_factory=dict)


@dataclass
class Chains:
    powers: dict[str, PowerRow]
    links: list[Link]
    down: dict[str, list[Link]]
    up: dict[str, list[Link]]
    families: dict[str, int]  # department -> body family id
    published: dict[int, set[str]]  # family -> levels it publishes
    placed: dict[tuple[int, str], _ByPlace] = field(default_factory=dict)  # (family, level) -> its powers by place
    # `around`: the places whose lines were read (the chains through powers of these places are whole);
    # None when every body of the group was read
    lines_of: frozenset[str] | None = None

    def on_line(self, family: int, level: str, jurisdiction: str) -> bool:
        """Whether the body ``family`` has powers at ``level`` on the line of ``jurisdiction``."""
        index = self.placed.get((family, level))
        return index.any_on_line_of(jurisdiction) if index else not self.placed

    def within(self, family: int, level: str, jurisdiction: str) -> bool:
        """Whether the body ``family`` has powers at ``level`` in ``jurisdiction`` or within it."""
        index = self.placed.get((family, level))
        return index.any_within(jurisdiction) if index else not self.placed

    def places_lacking(self, key: str, level: str, said: set[str] | None = None) -> list[tuple[str, list[str]]]:
        """The places within the power's own where its body publishes ``level`` (their lists are loaded) but no power
        below it in its chain sits: [(place, the body's departments there)], in name order; none within a place of
        ``said`` (a county under a city whose list lacks it already: said once, of the city)."""
        p = self.powers[key]
        index = self.placed.get((self.families.get(p.department, -1), level))
        if index is None:
            return []
        held, todo = set(), [key]
        while todo:
            for lk in self.down.get(todo.pop(), []):
                if lk.lower not in held:
                    held.add(lk.lower)
                    todo.append(lk.lower)
        covered = {self.powers[k].jurisdiction for k in held if self.powers[k].level == level}
        return [(place, index.departments_at(place)) for place in sorted(index.by_place)
                if place not in covered and p.jurisdiction in index.tree.line(place)
                and not (said and said & index.tree.line(place))]

    def components(self) -> list[list[str]]:
        """The chains: linked powers, each chain from the top level down."""
        linked = DisjointSet(k for k in self.powers if k in self.down or k in self.up)
        for link in self.links:
            linked.union(link.upper, link.lower)
        def top_down(k: str) -> tuple:
            return LEVEL_RANK.get(self.powers[k].level, 9), self.powers[k].department, k

        return [sorted(comp, key=top_down) for comp in linked.groups()]


def _families(powers: list[PowerRow], counterparts: list[dict]) -> tuple[dict[str, int], dict[str, set[int]]]:
    """(department -> body number, merged department -> the bodies it joins): a department and its counterparts above
    are one body; a county's merged department (农业农村和水利局) is a body of its own that joins each of its
    counterparts' (the city's 农业农村局 and 水利局 stay two bodies: its powers are placed with both)."""
    bodies = DisjointSet(p.department for p in powers)
    merged = {row["lower"] for row in counterparts if row.get("merges")}
    for row in counterparts:
        if row["lower"] not in merged:
            bodies.union(row["lower"], row["upper"])
    numbers = bodies.numbers()
    joins: dict[str, set[int]] = defaultdict(set)
    for row in counterparts:
        if row["lower"] in merged and row["upper"] in numbers:
            joins[row["lower"]].add(numbers[row["upper"]])
    return numbers, joins


def build(powers: list[PowerRow], delegations: list[dict], counterparts: list[dict],
          parents: list[dict] | None = None) -> Chains:
    """Link the powers across levels (pure: no database); ``parents`` are the rows of `PARENTS`."""
    tree = Tree(parents)
    by_key = {p.key: p for p in powers}
    families, joins = _families(powers, counterparts)
    by_family_level: dict[tuple[int, str], list[PowerRow]] = defaultdict(list)
    for p in powers:
        if p.level in LEVEL_RANK:
            for family in {families[p.department], *joins.get(p.department, ())}:
                by_family_level[(family, p.level)].append(p)
    published = _published(by_family_level)
    placed = {fl: tree.index(rows) for fl, rows in by_family_level.items()}
    links = _Links()
    # delegations first: a 下放/委托 step says more than a shared catalogue item (links keep the first reason)
    _link_delegations(links, delegations, by_key)
    _link_catalogue(links, powers, tree)
    _link_bodies(links, placed, published, by_key)
    down: dict[str, list[Link]] = defaultdict(list)
    up: dict[str, list[Link]] = defaultdict(list)
    for lk in links.by_pair.values():
        down[lk.upper].append(lk)
        up[lk.lower].append(lk)
    return Chains(by_key, list(links.by_pair.values()), dict(down), dict(up), families, dict(published), placed)


def _published(by_family_level: dict[tuple[int, str], list[PowerRow]]) -> defaultdict[int, set[str]]:
    """The levels each body publishes (PUBLISHED_MIN items there, or PUBLISHED_SHARE of its items)."""
    family_size: dict[int, int] = defaultdict(int)
    for (family, _), rows in by_family_level.items():
        family_size[family] += len(rows)
    published: defaultdict[int, set[str]] = defaultdict(set)
    for (family, level), rows in by_family_level.items():
        if len(rows) >= PUBLISHED_MIN or len(rows) >= PUBLISHED_SHARE * family_size[family]:
            published[family].add(level)
    return published


class _Links:
    """The links found so far, one per (upper, lower) pair: the first reason found for a pair stays."""

    def __init__(self) -> None:
        self.by_pair: dict[tuple[str, str], Link] = {}
        self.lowers: set[str] = set()  # keys of the powers that have a link upwards

    def add(self, upper: PowerRow, lower: PowerRow, via: str, detail: dict | None = None) -> None:
        if LEVEL_RANK.get(upper.level, 9) >= LEVEL_RANK.get(lower.level, 9):
            return
        self.by_pair.setdefault((upper.key, lower.key), Link(upper.key, lower.key, via, detail or {}))
        self.lowers.add(lower.key)


def _link_delegations(links: _Links, delegations: list[dict], by_key: dict[str, PowerRow]) -> None:
    """via delegation: a Delegation goes from the upper power to the lower one."""
    for d in delegations:
        upper, lower = by_key.get(d.get("from_key") or ""), by_key.get(d.get("to_key") or "")
        if upper and lower:
            detail = {"manner": d["manner"], "date": d["date"], "from_body": d["from_body"], "to_body": d["to_body"]}
            if not d["from_body"]:  # (the body above whose power of the same name or code it was linked to)
                detail.update(from_body=upper.department, found_by=d.get("from_found") or "")
            links.add(upper, lower, "delegation", detail)


def _link_catalogue(links: _Links, powers: list[PowerRow], tree: Tree) -> None:
    """via catalogue: powers implementing one catalogue item, each to those on its line (`Tree`) at the
    nearest level above that has one. A power whose own code is the item's code is one of them (赣州's 事项编码
    000102123000 is the 基本编码 江西's and 于都's lists give: 于都 was linked past its city, to the province), linked
    via code; among several above of the item, a sub-item to its own (核发 to 核发, not to 变更 and 延续)."""
    catalogued = {code for p in powers for code in p.catalog}
    by_catalogue: dict[str, list[PowerRow]] = defaultdict(list)
    for p in powers:
        for code in {*p.catalog, *({p.code} & catalogued)} - {""}:
            by_catalogue[code].append(p)
    for code, rows in by_catalogue.items():
        by_rank: dict[int, list[PowerRow]] = defaultdict(list)
        for p in rows:
            by_rank[LEVEL_RANK.get(p.level, 9)].append(p)
        ranks = sorted(by_rank)
        placed = {rank: tree.index(by_rank[rank]) for rank in ranks[:-1]}
        for i, below in enumerate(ranks[1:], 1):
            for lower in by_rank[below]:
                for above in reversed(ranks[:i]):
                    uppers = placed[above].on_line_of(lower.jurisdiction)
                    if uppers:
                        for u in own_sub_items(uppers, lower):
                            both = code in u.catalog and code in lower.catalog
                            links.add(u, lower, "catalogue" if both else "code", {"code": code})
                        break


def _link_bodies(links: _Links, placed: dict[tuple[int, str], _ByPlace], published: dict[int, set[str]],
                 by_key: dict[str, PowerRow]) -> None:
    """One body at two levels: each published level's powers not linked yet are linked to the nearest
    published level above on their line (`Tree`) by code, then name, then a near-identical name."""
    variants = {p.key: name_variants(p.name) for index in placed.values() for p in index.rows}
    for (family, level), lowers in placed.items():
        if level not in published[family]:
            continue
        above = sorted((lv for lv in published[family] if LEVEL_RANK[lv] < LEVEL_RANK[level]),
                       key=LEVEL_RANK.__getitem__, reverse=True)
        if not above:
            continue
        by_place: dict[str, list[PowerRow]] = defaultdict(list)
        for low in lowers.rows:
            by_place[low.jurisdiction].append(low)
        for place, rows in by_place.items():
            levels = [found for lv in above if (found := placed[(family, lv)].on_line_of(place))]
            if not levels:
                continue
            unmatched = _link_code_or_name(links, levels[0], rows, variants)
            if unmatched:
                _link_similar_names(links, levels[0], unmatched, variants, by_key)
            for uppers in levels[1:]:  # an item the nearest level's list leaves out: by code or name further up
                unmatched = [low for low in unmatched if low.key not in links.lowers]  # (历城区's 企业登记注册: 济南's
                if not unmatched:  # list has it not, 山东省's has, same code)
                    break
                unmatched = _link_code_or_name(links, uppers, unmatched, variants)


def _link_code_or_name(links: _Links, uppers: list[PowerRow], lowers: list[PowerRow],
                       variants: dict[str, set[str]]) -> list[PowerRow]:
    """via code, else via name (of the same type when several uppers have the name), for the lowers
    not linked yet; returns those still unmatched."""
    by_code: dict[str, list[PowerRow]] = defaultdict(list)
    by_name: dict[str, list[PowerRow]] = defaultdict(list)
    split = _split_items(uppers)
    for u in uppers:
        for code in {u.code, *u.catalog} - {""}:  # (a lower's 事项编码 may be the upper's 基本编码)
            by_code[code].append(u)
        for v in variants[u.key]:
            by_name[v].append(u)
    unmatched = []
    for low in lowers:
        if low.key in links.lowers:  # a delegation or a catalogue item links it already
            continue
        code = next((c for c in (low.code, *low.catalog) if c and by_code.get(c)), "")
        if code:
            for u in own_sub_items(by_code[code], low):
                links.add(u, low, "code", {"code": code})
            continue
        found = {u.key: u for v in variants[low.key] for u in by_name.get(v, []) if not _other_item(u, low, split)}
        if found:
            same_type = [u for u in found.values() if u.type == low.type] or list(found.values())
            for u in same_type:
                links.add(u, low, "name", {})
        else:
            unmatched.append(low)
    return unmatched


def own_sub_items(uppers: list[PowerRow], lower: PowerRow) -> list[PowerRow]:
    """Of several powers above of one code, those that are the lower's own sub-item (its sub-item's name, or its
    name); all of them when none is (高要's one 取水许可 under 肇庆's three sub-items)."""
    if len(uppers) < 2:
        return uppers
    if lower.sub_item_name:
        own = [u for u in uppers if names.normalise_name(u.sub_item_name) == names.normalise_name(lower.sub_item_name)]
        if own:
            return own
    mine = names.normalise_name(lower.name)  # (the name whole: a variant leaves the sub-item's parenthetical out)
    return [u for u in uppers if names.normalise_name(u.name) == mine] or uppers


def _link_similar_names(links: _Links, uppers: list[PowerRow], lowers: list[PowerRow],
                        variants: dict[str, set[str]], by_key: dict[str, PowerRow]) -> None:
    """via similar_name: each lower to the upper whose shortest name variant is most similar (≥ SIMILAR)."""
    items = [(("u", u.key), 0, min(variants[u.key], key=len)) for u in uppers if variants[u.key]]
    items += [(("l", p.key), 0, min(variants[p.key], key=len)) for p in lowers if variants[p.key]]
    pairs = names.similar_pairs(items, SIMILAR, group_of={i[0]: i[0][0] for i in items})
    best: dict[str, tuple[float, str]] = {}
    split = _split_items(uppers)
    for (a, b), sim in pairs.items():
        up, low = (a, b) if a[0] == "u" else (b, a)
        if _other_item(by_key[up[1]], by_key[low[1]], split):
            continue
        if low[1] not in best or best[low[1]][0] < sim:
            best[low[1]] = (sim, up[1])
    for low_key, (sim, up_key) in best.items():
        links.add(by_key[up_key], by_key[low_key], "similar_name", {"similarity": round(sim, 3)})


def _split_items(uppers: list[PowerRow]) -> set[str]:
    """The items an upper list splits into classes (…（一般类）, …（特殊类）), by their bare names."""
    return {bare_name(u.name) for u in uppers if name_qualifier(u.name)}


def _other_item(upper: PowerRow, lower: PowerRow, split: set[str]) -> bool:
    """Names alike that are still two items: each with a parenthetical of its own (…（一般类） and
    …（特殊类））, or a class (…（一般类）) and the item whole in an upper list that splits that item into
    classes (it has the item, but not this class of it)."""
    qu, ql = name_qualifier(upper.name), name_qualifier(lower.name)
    if qu and ql:
        return qu != ql
    return bool(ql) and bare_name(upper.name) in split


# What can put two departments' powers in one chain: a counterpart above, a shared catalogue item, a
# delegation from one to the other. The catalogue and the delegations name the powers too: a
# department that is a body of its own at one level (below) joins a batch by its powers, not whole.
COUNTERPART_PAIRS = "MATCH (a:Department)-[:COUNTERPART_OF]->(b:Department) RETURN a.name AS a, b.name AS b"

CATALOGUE_MEMBERS = """
MATCH (d:Department)-[:HOLDS]->(p:Power)-[:IMPLEMENTS]->(ci:CatalogItem)
WITH coalesce(ci.code, ci.key) AS code, d.name AS department, CASE WHEN d.name IN $single THEN p.key END AS key
WITH code, collect(DISTINCT [department, key]) AS members WHERE size(members) > 1
RETURN members
"""

DELEGATED_PAIRS = """
MATCH (fd:Department)-[:HOLDS]->(fp:Power)<-[:FROM_POWER]-(:Delegation)-[:TO_POWER]->(tp:Power)<-[:HOLDS]-(td:Department)
RETURN fd.name AS a, fp.key AS a_key, td.name AS b, tp.key AS b_key
"""

# Departments with no counterpart, and the levels their powers are at (normalised in Python).
UNPAIRED = """
MATCH (d:Department) WHERE ($names IS NULL OR d.name IN $names) AND NOT (d)-[:COUNTERPART_OF]-()
MATCH (d)-[:HOLDS]->(p:Power)
RETURN d.name AS name, coalesce(d.level, '') AS department_level, collect(DISTINCT coalesce(p.level, '')) AS levels
"""


def _single_level(graph: Graph, names: list[str] | None = None) -> set[str]:
    """The departments that are a body of their own at one level: no counterpart, every power at one
    level (a township's office that takes items delegated by the county's departments). Such a body
    publishes one level, so its powers link to others only through a delegation or a catalogue item,
    each on its own: a batch takes them one by one with what they link to. Whole, a township's office
    would join every department that delegates to it, and those their counterparts in every county:
    one batch of most of a province."""
    out = set()
    for r in graph.read(UNPAIRED, names=names):
        levels = {normalise_level(lv, r["department_level"]) or normalise_level(r["department_level"])
                  for lv in r["levels"]}
        if len(levels) == 1:
            out.add(r["name"])
    return out


def load_partitions(graph: Graph, jurisdiction: str | None = None, batch: int = BATCH) -> Iterator[Chains]:
    """The chains a batch at a time (`partition_plan`): every link, body and chain is whole in one
    of them and the findings are those of `load` on all powers."""
    parts, delegations, counterparts = partition_plan(graph, jurisdiction, batch)
    parents = graph.read(PARENTS)
    for departments, keys in parts:
        yield chains_of(graph, departments, keys, delegations, counterparts, parents)


def partition_plan(graph: Graph, jurisdiction: str | None = None, batch: int = BATCH, places: list[str] | None = None
                   ) -> tuple[list[tuple[list[str], list[str]]], list[dict], list[dict]]:
    """The batches, each (departments, power keys), about `batch` powers: departments joined by a
    counterpart, a catalogue item or a delegation are always in one batch (a single-level body's
    powers each with what they link to); and the delegations and counterparts every batch links by. `places`: the
    departments of these places instead of the jurisdiction's (a place's line: powers_line)."""
    sizes = department_sizes(graph, jurisdiction, places)
    single = _single_level(graph)

    def node(department: str, key: str | None) -> tuple[str, str]:
        return ("power", key) if department in single and key else ("department", department)

    related: DisjointSet[tuple[str, str]] = DisjointSet(("department", d) for d in sizes if d not in single)
    holder: dict[str, str] = {}  # a single-level body's power key -> its department
    for r in graph.read(COUNTERPART_PAIRS):
        related.union(("department", r["a"]), ("department", r["b"]))
    for r in graph.read(CATALOGUE_MEMBERS, single=sorted(single)):
        nodes = [node(d, k) for d, k in r["members"]]
        holder.update({k: d for d, k in r["members"] if k})
        for other in nodes[1:]:
            related.union(nodes[0], other)
    for r in graph.read(DELEGATED_PAIRS):
        related.union(node(r["a"], r["a_key"]), node(r["b"], r["b_key"]))
        for d, k in ((r["a"], r["a_key"]), (r["b"], r["b_key"])):
            if d in single:
                holder[k] = d
    parts: list[tuple[list[str], list[str]]] = []
    departments: list[str] = []
    keys: list[str] = []
    for group in related.groups():
        mine = [name for kind, name in group if kind == "department" and name in sizes]
        theirs = [k for kind, k in group if kind == "power" and holder.get(k) in sizes]
        if not mine and not theirs:
            continue
        if (departments or keys) and (sum(sizes[d] for d in departments) + len(keys) + sum(sizes[d] for d in mine)
                                      + len(theirs) > batch):
            parts.append((departments, keys))
            departments, keys = [], []
        departments += mine
        keys += theirs
    if departments or keys:
        parts.append((departments, keys))
    return parts, graph.read(DELEGATIONS), graph.read(COUNTERPARTS)


def chains_of(graph: Graph, departments: list[str], keys: list[str], delegations: list[dict],
              counterparts: list[dict], parents: list[dict] | None = None) -> Chains:
    """The chains of one batch of `partition_plan` (``parents``: the rows of `PARENTS`, read when not given)."""
    if parents is None:
        parents = graph.read(PARENTS)
    return build(_powers_of(graph, departments, keys), delegations, counterparts, parents)


def _powers_of(graph: Graph, departments: list[str], keys: list[str]) -> list[PowerRow]:
    """The current powers of ``departments`` and those named by ``keys``, without their citations."""
    rows = graph.read(POWERS_WITHOUT_CITES, departments=departments, jurisdictions=None) if departments else []
    for i in range(0, len(keys), 5_000):
        rows += graph.read(POWERS_BY_KEY_WITHOUT_CITES, keys=keys[i:i + 5_000])
    return rows_to_powers(rows)


# The group of related departments around some: their counterparts (both ways, any distance), and the
# departments and powers their powers share a catalogue item or a delegation with.
_COUNTERPARTS_OF = """
MATCH (d:Department) WHERE d.name IN $names
MATCH (d)-[:COUNTERPART_OF*1..8]-(o:Department)
RETURN DISTINCT o.name AS name, o.jurisdiction AS jurisdiction
"""

_POWERS_OF_GROUP = """
CALL { MATCH (d:Department)-[:HOLDS]->(p:Power) WHERE d.name IN $names RETURN p
       UNION MATCH (p:Power) WHERE p.key IN $keys RETURN p }
"""

# A partner's power carries its department's place (Power.jurisdiction, set with its HOLDS by the writer): the
# places' filter is tried on it before its department is read (a catalogue item of the province has an implementing
# power in every county: 25,851 read for one township's chain, 566 on its line), and on the department after.
_ON_LINE = "($line IS NULL OR {x}.jurisdiction IS NULL OR {x}.jurisdiction IN $line OR NOT {x}.jurisdiction IN $placed)"

_CATALOGUE_PARTNERS = _POWERS_OF_GROUP + f"""
MATCH (p)-[:IMPLEMENTS]->(ci:CatalogItem)
WITH DISTINCT ci
MATCH (ci)<-[:IMPLEMENTS]-(q:Power) WHERE {_ON_LINE.format(x="q")}
MATCH (q)<-[:HOLDS]-(e:Department) WHERE {_ON_LINE.format(x="e")}
RETURN DISTINCT e.name AS department, e.jurisdiction AS jurisdiction, q.key AS key
"""

_DELEGATION_PARTNERS = _POWERS_OF_GROUP + f"""
MATCH (p)<-[:FROM_POWER|TO_POWER]-(:Delegation)-[:FROM_POWER|TO_POWER]->(q:Power) WHERE {_ON_LINE.format(x="q")}
MATCH (q)<-[:HOLDS]-(e:Department) WHERE {_ON_LINE.format(x="e")}
RETURN DISTINCT e.name AS department, e.jurisdiction AS jurisdiction, q.key AS key
"""

_HOLDERS = """UNWIND $keys AS key MATCH (d:Department)-[:HOLDS]->(:Power {key: key})
RETURN d.name AS department, d.jurisdiction AS jurisdiction, key"""


def _lines(parents: list[dict], places: set[str]) -> tuple[set[str] | None, set[str]]:
    """The places on the lines of ``places`` (each place, the places it is within and those within it),
    and every place of the tree; (None, …) when a start is outside the tree: every place is on its line.
    A place outside the tree (or none) is on every line, as in `Tree`."""
    tree = Tree(parents)
    if any(not p or p not in tree.placed for p in places):
        return None, tree.placed
    children: dict[str, set[str]] = defaultdict(set)
    for r in parents:
        children[r["parent"]].add(r["name"])
    allowed: set[str] = set()
    for place in places:
        allowed |= tree.line(place)
        stack = [place]
        while stack:
            for child in children.get(stack.pop(), ()):
                if child not in allowed:
                    allowed.add(child)
                    stack.append(child)
    return allowed, tree.placed

_DELEGATIONS_OF = """
UNWIND $keys AS key
MATCH (dl:Delegation)-[:TO_POWER]->(tp:Power {key: key})
OPTIONAL MATCH (dl)-[:FROM_POWER]->(fp:Power)
RETURN dl.key AS key, coalesce(dl.manner, '') AS manner, dl.date AS date, coalesce(dl.from_body, '') AS from_body,
       coalesce(dl.from_found, '') AS from_found,
       coalesce(dl.to_body, '') AS to_body, tp.key AS to_key, fp.key AS from_key
"""


def around(graph: Graph, keys: list[str], whole_group: bool = False, parents: list[dict] | None = None) -> Chains:
    """The chains through the current powers ``keys``: the bodies of the group of `partition_plan` that
    holds each, found from them outwards (their bodies, what a catalogue item or a delegation links them
    to, and so on until nothing new), not by planning the whole graph. Links follow the places' tree, so
    the chains through ``keys`` need only the bodies on their places' lines (the places they are within
    and those within them): a township's power reads its county's, city's and province's bodies, not the
    same kind of body in every county of the province (25,800 powers on the generated province, 3-7 s).
    ``whole_group``: every body of the group, as before. ``parents``: the rows of `PARENTS` (the tree of
    places, which a page keeps: 2,158 rows and 60-70 ms on the generated province), read when not given."""
    departments: set[str] = set()
    single_keys: set[str] = set()
    single_seen: dict[str, bool] = {}

    def single(names: list[str]) -> None:
        unknown = [n for n in names if n not in single_seen]
        if unknown:
            found = _single_level(graph, unknown)
            single_seen.update({n: n in found for n in unknown})

    if parents is None:
        parents = graph.read(PARENTS)
    holders = graph.read(_HOLDERS, keys=keys)
    line, placed = (None, set()) if whole_group else _lines(parents, {r["jurisdiction"] for r in holders})

    def on_line(place: str | None) -> bool:
        return line is None or not place or place in line or place not in placed

    # the partners' queries keep the same places (a catalogue item's implementers across a province)
    where = {"line": sorted(line) if line is not None else None, "placed": sorted(placed)}
    single(sorted({r["department"] for r in holders}))
    new_departments = {r["department"] for r in holders if not single_seen[r["department"]]}
    new_keys = {r["key"] for r in holders if single_seen[r["department"]]}
    while new_departments or new_keys:
        new_departments |= {r["name"] for r in graph.read(_COUNTERPARTS_OF, names=sorted(new_departments))
                            if on_line(r["jurisdiction"])}
        new_departments -= departments
        departments |= new_departments
        single_keys |= new_keys
        partners = graph.read(_CATALOGUE_PARTNERS, names=sorted(new_departments), keys=sorted(new_keys), **where)
        partners += graph.read(_DELEGATION_PARTNERS, names=sorted(new_departments), keys=sorted(new_keys), **where)
        single(sorted({r["department"] for r in partners}))
        new_departments = {r["department"] for r in partners if not single_seen[r["department"]]} - departments
        new_keys = {r["key"] for r in partners if single_seen[r["department"]]} - single_keys
    powers = _powers_of(graph, sorted(departments), sorted(single_keys))
    delegations: list[dict] = []
    all_keys = [p.key for p in powers]
    for i in range(0, len(all_keys), 5_000):
        delegations += graph.read(_DELEGATIONS_OF, keys=all_keys[i:i + 5_000])
    counterparts = graph.read(_COUNTERPARTS_BELOW, names=sorted(departments))
    found = build(powers, delegations, counterparts, parents)
    found.lines_of = None if line is None else frozenset(r["jurisdiction"] for r in holders)
    return found


def load(graph: Graph, jurisdiction: str | None = None, as_of: str | None = None) -> Chains:
    """Every current power without its citations (links need none; consistency reads the citations
    of chain members only). With `as_of` (YYYY-MM-DD): only the powers of list versions in force that
    day, at every level."""
    powers = load_powers(graph, jurisdiction, cites=False, as_of=as_of)
    return build(powers, graph.read(DELEGATIONS), graph.read(COUNTERPARTS), graph.read(PARENTS))


def _member(p: PowerRow) -> dict:
    return {"type": "level", "level": p.level, "level_title": LEVEL_TITLES.get(p.level, p.level),
            "department": p.department, "power": p.name, "power_type": p.type, "code": p.code,
            "jurisdiction": p.jurisdiction, "source": p.source()}


def analyse(ch: Chains) -> list[Finding]:
    out: list[Finding] = []
    for key, p in ch.powers.items():
        if p.level not in LEVEL_RANK:
            continue
        levels = ch.published.get(ch.families.get(p.department, -1), set())
        if p.level not in levels:
            continue
        rank, family = LEVEL_RANK[p.level], ch.families.get(p.department, -1)
        # the levels its body publishes on its line of places: above it, and below it within its place
        above = [lv for lv in levels if LEVEL_RANK[lv] < rank and ch.on_line(family, lv, p.jurisdiction)]
        below = [lv for lv in levels if LEVEL_RANK[lv] > rank and ch.within(family, lv, p.jurisdiction)]
        # the nearest level above that its body publishes on its line must hold its counterpart: a link
        # that passes it by (a catalogue item the city's list left out, linked to the province's) is a break
        nearest = max(above, key=LEVEL_RANK.__getitem__) if above else None
        # (not where its own 实施层级 names the levels that exercise it, that one not among them: 石家庄's 「市级、县级」
        # item is no break for the province's list to leave out, trial 46)
        excluded = bool(exercised_elsewhere(p)) and nearest not in p.exercised_at
        if nearest and not excluded and not any(ch.powers[lk.upper].level == nearest for lk in ch.up.get(key, [])):
            out.append(_no_upper_counterpart(p, nearest))
        # each level below that its 实施层级 names (省级、市级、县级): each place there whose list the body publishes must
        # hold it in its chain (济南's list, 青岛's, 历城区's …); else, when it guides the level below, any item there
        named = [lv for lv in p.exercised_at if lv in below]
        said: set[str] = set()
        for level in sorted(named, key=LEVEL_RANK.__getitem__):
            for place, held in ch.places_lacking(key, level, said):
                out.append(_not_implemented_in(p, level, place, held))
                said.add(place)
        if not named and below and key not in ch.down and "指导监督" in p.duty_kinds:
            out.append(_not_implemented_below(p, min(below, key=LEVEL_RANK.__getitem__)))
    for comp in ch.components():
        out += _skipped_levels(ch, comp)
    return out


def _no_upper_counterpart(p: PowerRow, nearest: str) -> Finding:
    """A power its body publishes at the level above too, without a matching item there."""
    return _level_missing("no_upper_counterpart", p, nearest, 0.5,
                          f"{LEVEL_TITLES[nearest]}清单中没有同名或同编码的事项",
                          f"{p.department}{LEVEL_TITLES[p.level]}事项「{p.name}」在{LEVEL_TITLES[nearest]}清单中没有对应事项")


def _not_implemented_in(p: PowerRow, level: str, place: str, departments: list[str]) -> Finding:
    """A power whose 实施层级 names the level below, which one place's list at that level lacks: found in that place
    (its officers filter by it), with the place's own body beside the upper one."""
    by = "、".join(LEVEL_TITLES[lv] for lv in p.exercised_at)
    title = LEVEL_TITLES[level]
    return Finding(kind="not_implemented_below", departments=[*departments, p.department], powers=[p.name],
                   evidence=[_member(p) | {"note": f"实施层级写明由{by}实施，{place}的{title}清单中却没有对应事项",
                                           "missing_level": level, "missing_in": place}],
                   score=0.6, keys=[p.ref, f"missing:{level}:{place}"], jurisdiction=place, level=level,
                   summary=f"{p.department}「{p.name}」实施层级写明由{by}实施，{place}的清单（{'、'.join(departments)}）"
                           f"中却没有对应事项", power_keys=[p.key])


def _not_implemented_below(p: PowerRow, nearest: str) -> Finding:
    """A power that guides and supervises the level below, whose list there has no matching item."""
    return _level_missing("not_implemented_below", p, nearest, 0.6,
                          f"本级承担指导监督责任，{LEVEL_TITLES[nearest]}清单中却没有对应事项",
                          f"{p.department}「{p.name}」应由{LEVEL_TITLES[nearest]}实施，但{LEVEL_TITLES[nearest]}清单中没有")


def _level_missing(kind: str, p: PowerRow, nearest: str, score: float, note: str, summary: str) -> Finding:
    return Finding(kind=kind, departments=[p.department], powers=[p.name],
                   evidence=[_member(p) | {"note": note, "missing_level": nearest}],
                   score=score, keys=[p.ref, f"missing:{nearest}"], jurisdiction=p.jurisdiction, level=p.level,
                   summary=summary, power_keys=[p.key])


def _skipped_levels(ch: Chains, comp: list[str]) -> list[Finding]:
    """not_implemented_below for a chain that skips a level its bodies publish."""
    members = [ch.powers[k] for k in comp]
    levels = {m.level for m in members}
    published = set().union(*(ch.published.get(ch.families.get(m.department, -1), set()) for m in members))
    ranks = sorted(LEVEL_RANK[lv] for lv in levels if lv in LEVEL_RANK)
    skipped = [lv for lv in published if ranks and ranks[0] < LEVEL_RANK[lv] < ranks[-1] and lv not in levels]
    top = members[0]
    return [Finding(
        kind="not_implemented_below", departments=[m.department for m in members],
        powers=[m.name for m in members],
        evidence=[_member(m) for m in members] + [{"type": "missing_level", "level": lv,
                                                   "note": f"链条跳过了{LEVEL_TITLES[lv]}"}],
        score=0.6, keys=[m.ref for m in members] + [f"skipped:{lv}"], jurisdiction=top.jurisdiction,
        level=lv, summary=f"「{top.name}」的链条缺少{LEVEL_TITLES[lv]}", power_keys=comp) for lv in skipped]


def find(graph: Graph, jurisdiction: str | None = None) -> list[Finding]:
    return [f for ch in load_partitions(graph, jurisdiction) for f in analyse(ch)]


# --- one chain, top-down or bottom-up -----------------------------------------------------------

# Current powers, or (dated) those of list versions in force on $as_of (kb.model.power_in_force).
START = by_date(lambda on: f"""
OPTIONAL MATCH (p:Power {{key: $start}}) WHERE {power_in_force('p', on)}
WITH collect(p.key) AS by_key
OPTIONAL MATCH (pc:Power {{code: $start}}) WHERE {power_in_force('pc', on)}
WITH by_key, collect(pc.key) AS by_power_code
OPTIONAL MATCH (c:CatalogItem) WHERE c.code = $start OR c.key = $start
OPTIONAL MATCH (c)<-[:IMPLEMENTS]-(cp:Power) WHERE {power_in_force('cp', on)}
WITH by_key, by_power_code, collect(cp.key) AS by_code
OPTIONAL MATCH (n:Power) WHERE (n.name = $start OR n.item_name = $start) AND {power_in_force('n', on)}
RETURN by_key, by_power_code, by_code, collect(n.key) AS by_name
""")

POWER_NAME = "MATCH (p:Power {key: $start}) RETURN p.name AS name"


def resolve_start(graph: Graph, start: str, as_of: str | None = None) -> list[str]:
    """Power keys a start names, the first kind that matches: a power key, a power code (职权编码,
    650200207CF51300), a catalogue code (基本编码), or a power's (item) name; as of a date, those of the
    versions in force that day (a key of a power of another version names its name)."""
    start = (start or "").strip()
    if not start:
        return []
    row = graph.read(START[dated(as_of)], start=start, as_of=as_of)[0]
    # (a code: the powers of that power code and those of that catalogue code together — a county's 事项编码 is often
    # the province's 基本编码, 000117001000 取水许可)
    found = row["by_key"] or (row["by_power_code"] + row["by_code"]) or row["by_name"]
    if not found and as_of:
        named = graph.read(POWER_NAME, start=start)
        if named and named[0]["name"]:
            row = graph.read(START[dated(as_of)], start=named[0]["name"], as_of=as_of)[0]
            found = row["by_name"]
    return sorted(set(found))


def not_found(start: str) -> str:
    """What `kb chain`, `kb compare` and the chain page say when a start names nothing."""
    return f"没有与「{start}」匹配的现行权力：请给出权力的键、权力编码（如 650200207CF51300）、目录编码或事项名称"


ANOTHER_CHAIN = "另一条链条"
ANOTHER_SUB_ITEM = "同一事项的另一子项"


def sibling_sub_item(root: tuple[str, str], previous: tuple[str, str] | None) -> bool:
    """Whether a chain's first power (its item's name, its name) is another sub-item of the item the chain before it
    began with (食品经营许可（变更） after 食品经营许可（核发）): the break between them says so, not 「另一条链条」 as between
    two unrelated items."""
    return previous is not None and bool(root[0]) and root[0] == previous[0] and root[1] != previous[1]


def exercised_elsewhere(p: PowerRow) -> list[str]:
    """The levels that exercise a power its list catalogues at its own level for others too (a province's item that
    its 实施层级 says 市级, or 省级、市级、县级); [] when its list names only its own level, or none."""
    return [] if p.exercised_at in ([], [p.level]) else list(p.exercised_at)


def walk(ch: Chains, start: str, direction: str) -> list[dict]:
    """Steps from `start` down (top-down) or up (bottom-up): each {power, level, via, from}."""
    steps, seen, frontier = [], {start}, [(start, None)]
    while frontier:
        key, via = frontier.pop(0)
        p = ch.powers[key]
        steps.append({"key": key, "level": p.level, "level_title": LEVEL_TITLES.get(p.level, p.level),
                      "department": p.department, "jurisdiction": p.jurisdiction, "power": p.name,
                      "item_name": p.item_name,
                      "power_type": p.type, "code": p.code, "catalog": p.catalog,
                      "exercised_at": exercised_elsewhere(p),
                      "via": via.via if via else None, "via_detail": via.detail if via else {},
                      "from": (via.upper if direction == "down" else via.lower) if via else None})
        nxt = ch.down.get(key, []) if direction == "down" else ch.up.get(key, [])
        for lk in sorted(nxt, key=lambda lk: (lk.lower, lk.upper)):
            other = lk.lower if direction == "down" else lk.upper
            if other not in seen:
                seen.add(other)
                frontier.append((other, lk))
    return steps


def chain(graph: Graph, start: str, direction: str = "down", jurisdiction: str | None = None,
          as_of: str | None = None) -> list[dict]:
    """Top-down (direction='down') or bottom-up ('up') from a power key, power code, catalogue code or name.

    Each step carries the power's level, department, how it is linked to the step before (catalogue,
    delegation with its manner, code, name), its duties grouped by kind (直接实施 / 指导监督) and the
    loaded articles it is based on. With `as_of` (YYYY-MM-DD) only powers of list versions in force
    that day take part, at every level.
    """
    keys = resolve_start(graph, start, as_of)
    if not keys:
        if as_of:
            raise KeyError(f"{as_of} 有效的清单中没有权力事项、权力编码、目录编码或事项名称「{start}」")
        raise KeyError(not_found(start))
    # the group of related bodies around the start (a province is not read for one chain), unless a
    # jurisdiction or a date narrows what takes part
    ch = around(graph, keys) if jurisdiction is None and as_of is None else load(graph, jurisdiction, as_of)
    steps: list[dict] = []
    seen: set[str] = set()
    for root in _roots(ch, keys, direction):
        for s in walk(ch, root, direction):
            if s["key"] not in seen:
                seen.add(s["key"])
                steps.append(s)
    _add_duties_and_articles(graph, steps)
    _add_received(graph, steps)
    return steps


# A power delegated by a body whose list holds no power to link to (not imported, or without the item): the body the
# delegation names, said on the step (正定镇's 下放 from 正定县农业农村局, whose list was not loaded: the chain was its
# township line alone, the power page saying more).
RECEIVED = """
UNWIND $keys AS key
MATCH (dl:Delegation)-[:TO_POWER]->(:Power {key: key})
WHERE NOT (dl)-[:FROM_POWER]->() AND coalesce(dl.from_body, '') <> ''
RETURN key, dl.manner AS manner, dl.from_body AS from_body, dl.from_level AS from_level ORDER BY dl.key
"""


def _add_received(graph: Graph, steps: list[dict]) -> None:
    """A step linked to none above that received its power from a body named in its list: `received` {manner,
    from_body, from_level}."""
    roots = [s["key"] for s in steps if not s["via"] or s["from"] is None]
    found = {r["key"]: r for r in graph.read(RECEIVED, keys=roots)} if roots else {}
    for s in steps:
        r = found.get(s["key"])
        s["received"] = {k: r[k] or "" for k in ("manner", "from_body", "from_level")} if r else None


def _roots(ch: Chains, keys: list[str], direction: str) -> list[str]:
    """Where a walk starts: a catalogue code or a name may name several powers; start from the top of
    them (down) or the bottom (up)."""
    roots = [k for k in keys if k in ch.powers]
    if len(roots) > 1:
        ranks = [LEVEL_RANK.get(ch.powers[k].level, 9) for k in roots]
        end = min(ranks) if direction == "down" else max(r for r in ranks if r < 9) if any(r < 9 for r in ranks) else 9
        roots = [k for k, r in zip(roots, ranks) if r == end]
    return roots


def _add_duties_and_articles(graph: Graph, steps: list[dict]) -> None:
    """Each step's duties grouped by kind (直接实施 / 指导监督; 责任事项 where the list divides them not), its loaded
    articles and its list."""
    details = {r["key"]: r for r in graph.read(RESPONSIBILITIES, keys=[s["key"] for s in steps], example_mark=EXAMPLE_MARK)}
    for s in steps:
        d = details.get(s["key"], {"duties": [], "articles": []})
        grouped: dict[str, list[str]] = defaultdict(list)
        for duty in d["duties"]:
            if duty:
                grouped[duty["kind"] or "责任事项"].append(duty["text"])
        s["responsibilities"] = dict(grouped)
        s["articles"] = d["articles"]
        s["list_title"] = d.get("list_title") or ""
        s["example"] = bool(d.get("example"))  # a labelled example list (kb.model.EXAMPLE_MARK)
