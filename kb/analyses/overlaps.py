"""Overlaps (职责交叉): powers of different departments, in one jurisdiction and at one level, that
look like the same mandate.

Evidence, strongest first:
- same_code: the same power code, or the same catalogue item (IMPLEMENTS);
- same_name: the same normalised name (names.py) and the same type;
- shared_article: the same law and article in the 实施依据 of powers of the same type; procedural laws
  (data/procedural_laws.txt) never count, and two citations of one article number from different
  versions of the law count only when their citing texts agree;
- similar_name: normalised names at similarity ≥ threshold (blocked rapidfuzz search), same type.

Candidates that concern exactly the same set of powers are one finding with all their evidence; its
kind is the strongest kind of evidence it has. Score: 1 - ∏(1 - s) over the evidence, with s = 0.95
per shared code, 0.9 per same name, 0.35 + 0.45·min(1, 2/n) per shared article (n = powers in that
jurisdiction and level citing the article: an article only these powers cite is specific) and
0.85·similarity for a similar name.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from kb.analyses import names
from kb.analyses.assignments import body_kind
from kb.analyses.findings import Finding, noisy_or
from kb.analyses.groups import DisjointSet
from kb.analyses.powers import POWERS, Cite, PowerRow, partitions, rows_to_powers
from kb.analyses.rules import ProceduralLaws, cited_version, procedural_laws, same_version
from kb.db import Graph
from kb.model import LEVEL_TITLES, body_key, squeeze

DEFAULT_THRESHOLD = 0.8
PRIORITY = {"same_code": 4, "same_name": 3, "shared_article": 2, "similar_name": 1}
TEXT_AGREES = 70  # rapidfuzz partial_ratio of two citing texts that quote the same provision
EVIDENCE_TEXT = 300  # characters of citing text kept in evidence


def strength(evidence: dict) -> float:
    kind = evidence["type"]
    if kind == "same_code":
        return 0.95
    if kind == "same_name":
        return 0.9
    if kind == "shared_article":
        return 0.35 + 0.45 * min(1.0, 2.0 / max(2, evidence.get("cited_by", 2)))
    if kind == "similar_name":
        return 0.85 * float(evidence["similarity"])
    return 0.0


@dataclass
class _Candidate:
    powers: dict[str, PowerRow] = field(default_factory=dict)
    evidence: list[dict] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    strengths: dict[str, float] = field(default_factory=dict)  # one strength per distinct piece

    def add(self, kind: str, piece: str, evidence: Iterable[dict], strength_: float) -> None:
        self.kinds.add(kind)
        self.keys.add(f"{kind}:{piece}")
        self.strengths[f"{kind}:{piece}"] = max(self.strengths.get(f"{kind}:{piece}", 0.0), strength_)
        self.evidence.extend(evidence)


def _clip(text: str) -> str:
    text = (text or "").strip()
    return text if len(text) <= EVIDENCE_TEXT else text[:EVIDENCE_TEXT] + "…"


def _texts_agree(a: Cite, b: Cite) -> bool:
    """Same provision? Citations of one version always are; of two versions, when their texts agree."""
    if same_version(cited_version(a.version_note), cited_version(b.version_note)):
        return True
    if not a.text.strip() or not b.text.strip():
        return True
    short, long_ = sorted((a.text.strip()[:120], b.text.strip()[:400]), key=len)
    return fuzz.partial_ratio(short, long_) >= TEXT_AGREES


def _components(items: list[tuple[PowerRow, Cite]]) -> list[list[tuple[PowerRow, Cite]]]:
    """The citations of one article that quote the same provision, grouped."""
    groups = DisjointSet(range(len(items)))
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if groups.find(i) != groups.find(j) and _texts_agree(items[i][1], items[j][1]):
                groups.union(i, j)
    return [[items[i] for i in group] for group in groups.groups()]


def _article_evidence(power: PowerRow, cite: Cite, cited_by: int) -> dict:
    return {"type": "shared_article", "law": f"《{cite.title}》", "law_key": cite.law, "article": cite.label,
            "article_number": cite.article, "text": _clip(cite.text), "power": power.name,
            "department": power.department, "version_note": cite.version_note, "cited_by": cited_by,
            "source": power.source()}


def _departments(rows: Iterable[PowerRow]) -> set[str]:
    return {p.department for p in rows}


class _Candidates:
    """The candidates so far, one per set of powers, in the order they were first seen."""

    def __init__(self) -> None:
        self.by_powers: dict[frozenset[str], _Candidate] = {}

    def of(self, rows: Iterable[PowerRow]) -> _Candidate:
        rows = list(rows)
        c = self.by_powers.setdefault(frozenset(p.key for p in rows), _Candidate())
        c.powers.update({p.key: p for p in rows})
        return c


def analyse(powers: list[PowerRow], threshold: float = DEFAULT_THRESHOLD,
            stats: names.BlockingStats | None = None) -> list[Finding]:
    """All overlap findings among `powers` (pure: no database)."""
    procedural = procedural_laws()
    normalised = {p.key: names.normalise_name(p.name) for p in powers}
    candidates = _Candidates()
    blocks: dict[tuple[str, str], list[PowerRow]] = defaultdict(list)
    for p in powers:
        blocks[(p.jurisdiction, p.level)].append(p)
    for (jurisdiction, level), rows in blocks.items():
        where = f"{jurisdiction}|{level}"
        _shared_articles(candidates, rows, where, procedural)
        _same_codes(candidates, rows, where)
        _same_names(candidates, rows, where, normalised)
    # Whole names and item names are searched (a sub-item's item name is what another department's
    # list may use for the same thing), all blocks at once.
    _similar_names(candidates, _similar(powers, threshold, stats), normalised, procedural)
    return [_finding(c) for c in candidates.by_powers.values()]


def _shared_articles(candidates: _Candidates, rows: list[PowerRow], where: str,
                     procedural: ProceduralLaws) -> None:
    """shared_article: powers of one type in two or more departments cite one article in their basis."""
    for (law, article), cited in _basis_by_article(rows, procedural).items():
        cited_by = len({p.key for p, _ in cited})
        by_type: dict[str, list[tuple[PowerRow, Cite]]] = defaultdict(list)
        for p, c in cited:
            by_type[p.type].append((p, c))
        for type_, items in by_type.items():
            if len(_departments(p for p, _ in items)) < 2:
                continue
            for group in _components(items):
                if len(_departments(p for p, _ in group)) < 2:
                    continue
                ev = [_article_evidence(p, c, cited_by) for p, c in group]
                candidates.of(p for p, _ in group).add(
                    "shared_article", f"{where}|{law}#{article}|{type_}", ev, strength(ev[0]))


def _basis_by_article(rows: list[PowerRow],
                      procedural: ProceduralLaws) -> dict[tuple[str, int], list[tuple[PowerRow, Cite]]]:
    """Each (law, article) cited in a basis, with the powers citing it (once per power); procedural
    laws and citations without an article say nothing about what a power is about."""
    by_article: dict[tuple[str, int], list[tuple[PowerRow, Cite]]] = defaultdict(list)
    for p in rows:
        seen = set()
        for c in p.basis:
            if c.article is None or c.law in procedural or (c.law, c.article) in seen:
                continue
            seen.add((c.law, c.article))
            by_article[(c.law, c.article)].append((p, c))
    return by_article


def _same_codes(candidates: _Candidates, rows: list[PowerRow], where: str) -> None:
    """same_code: two departments' powers share a power code or a catalogue item."""
    by_code: dict[str, list[PowerRow]] = defaultdict(list)
    for p in rows:
        for code in {p.code, *p.catalog} - {""}:
            by_code[code].append(p)
    for code, group in by_code.items():
        if len(_departments(group)) >= 2:
            ev = [{"type": "same_code", "code": code, "power": p.name, "department": p.department,
                   "source": p.source()} for p in group]
            candidates.of(group).add("same_code", f"{where}|{code}", ev, 0.95)


def _same_names(candidates: _Candidates, rows: list[PowerRow], where: str, normalised: dict[str, str]) -> None:
    """same_name: two departments' powers of one type have the same normalised name."""
    by_name: dict[tuple[str, str], list[PowerRow]] = defaultdict(list)
    for p in rows:
        if normalised[p.key]:
            by_name[(normalised[p.key], p.type)].append(p)
    for (norm, type_), group in by_name.items():
        if len(_departments(group)) >= 2:
            ev = [{"type": "same_name", "normalised": norm, "power": p.name, "department": p.department,
                   "similarity": 1.0, "source": p.source()} for p in group]
            candidates.of(group).add("same_name", f"{where}|{norm}|{type_}", ev, 0.9)


def _similar_names(candidates: _Candidates, pairs: list[tuple[list[PowerRow], list[PowerRow], float, tuple]],
                   normalised: dict[str, str], procedural: ProceduralLaws) -> None:
    """similar_name: the near-duplicate pairs of one type that are not already the same name; the
    articles a pair shares are added as further evidence."""
    for a_rows, b_rows, sim, compared in pairs:
        if any(a.type and b.type and a.type != b.type for a in a_rows for b in b_rows):
            continue
        if {normalised[a.key] for a in a_rows} & {normalised[b.key] for b in b_rows}:
            continue
        if _other_provisions(a_rows, b_rows, procedural):
            continue
        cand = candidates.of([*a_rows, *b_rows])
        ev = {"type": "similar_name", "powers": [a_rows[0].name if len(a_rows) == 1 else compared[0],
                                                 b_rows[0].name if len(b_rows) == 1 else compared[1]],
              "departments": [a_rows[0].department, b_rows[0].department], "compared": list(compared),
              "similarity": round(sim, 3), "sources": [a_rows[0].source(), b_rows[0].source()]}
        a_ref = "+".join(sorted(p.ref for p in a_rows))
        b_ref = "+".join(sorted(p.ref for p in b_rows))
        cand.add("similar_name", "~".join(sorted((a_ref, b_ref))), [ev], strength(ev))
        _pair_articles(cand, a_rows, b_rows, procedural)


def _other_provisions(a_rows: list[PowerRow], b_rows: list[PowerRow], procedural: ProceduralLaws) -> bool:
    """Whether two similar names are two provisions of one law: both cite articles of the same law, and none of them
    the same (仙居's 「对农村村民…非法占用土地建住宅的处罚」 on 土地管理法 第七十八条 and 「对未经批准…非法占用土地的处罚」 on
    第七十七条: two offences, not one power written twice)."""
    def articles(rows: list[PowerRow]) -> dict[str, set[int]] | None:
        found: dict[str, set[int]] = defaultdict(set)
        for p in rows:
            for c in p.basis:
                if c.article is not None and c.law not in procedural:
                    if c.version_note:  # (an article of another version: its number may be another's now)
                        return None
                    found[c.law].add(c.article)
        return found

    a, b = articles(a_rows), articles(b_rows)
    if a is None or b is None:
        return False
    laws = set(a) & set(b)
    return bool(laws) and not any(a[law] & b[law] for law in laws)


def _pair_articles(cand: _Candidate, a_rows: list[PowerRow], b_rows: list[PowerRow],
                   procedural: ProceduralLaws) -> None:
    """The articles two similar powers both cite for the same provision, as shared_article evidence."""
    for a in a_rows:
        a_cites = {(c.law, c.article): c for c in a.basis if c.article is not None and c.law not in procedural}
        for b in b_rows:
            for c in b.basis:
                ca = a_cites.get((c.law, c.article))
                if ca and _texts_agree(ca, c):
                    ev = [_article_evidence(a, ca, 2), _article_evidence(b, c, 2)]
                    cand.add("shared_article", f"{a.jurisdiction}|{a.level}|{c.law}#{c.article}|{a.type}",
                             ev, strength(ev[0]))


_PAREN = re.compile(r"[（(][^（）()]*[)）]")


@lru_cache(maxsize=500_000)
def name_qualifier(name: str) -> str:
    """The parentheticals of a name, joined ("（一般类）" of 「对X的处罚（一般类）」): two names that differ
    only there, each with its own, are two items (一般类 and 特殊类), not one written two ways."""
    joined = "".join(m.group(0) for m in _PAREN.finditer(name or ""))
    return "".join(joined.split()).replace("(", "（").replace(")", "）")


def bare_name(name: str) -> str:
    """The normalised name without its parentheticals."""
    return names.normalise_name(_PAREN.sub("", name))


def name_variants(name: str) -> frozenset[str]:
    """The normalised name, and the same without its parentheticals (（农作物种子生产经营许可）)."""
    out = {names.normalise_name(name), bare_name(name)}
    return frozenset(v for v in out if v)


def similarity_entries(powers: list[PowerRow]) -> tuple[list[names.Item], dict, dict[tuple, list[PowerRow]]]:
    """What the near-duplicate search compares: every variant of every whole name and of every item
    name that has sub-items, blocked by (jurisdiction, level) and grouped by department.

    Returns (items, group_of, units): items are ((unit, text), block, text); a unit stands for the
    powers it names (one power, or all sub-items of an item).
    """
    units: dict[tuple, list[PowerRow]] = defaultdict(list)
    texts: dict[tuple, set[str]] = defaultdict(set)
    for p in powers:
        whole = (p.jurisdiction, p.level, p.department, "power", p.key)
        units[whole].append(p)
        texts[whole] |= name_variants(p.name)
        if p.sub_item_name:
            item = (p.jurisdiction, p.level, p.department, "item", p.item_name)
            units[item].append(p)
            texts[item] |= name_variants(p.item_name)
    items = [((unit, text), (unit[0], unit[1]), text) for unit, variants in texts.items()
             for text in sorted(variants)]
    return items, {item[0]: item[0][0][2] for item in items}, dict(units)


def _similar(powers: list[PowerRow], threshold: float,
             stats: names.BlockingStats | None) -> list[tuple[list[PowerRow], list[PowerRow], float, tuple]]:
    """Similar pairs across departments; the best similarity of a pair of power sets wins."""
    items, group_of, units = similarity_entries(powers)
    pairs = names.similar_pairs(items, threshold, group_of=group_of, stats=stats)
    best: dict[frozenset[str], tuple[list[PowerRow], list[PowerRow], float, tuple]] = {}
    for ((ua, ta), (ub, tb)), sim in pairs.items():
        ra, rb = units[ua], units[ub]
        key = frozenset(p.key for p in ra + rb)
        if key not in best or best[key][2] < sim:
            best[key] = (ra, rb, sim, (ta, tb))
    return list(best.values())


def _finding(c: _Candidate) -> Finding:
    kind = max(c.kinds, key=PRIORITY.__getitem__)
    rows = sorted(c.powers.values(), key=lambda p: (p.department, p.name))
    first = rows[0]
    keys = sorted(c.keys) + [p.ref for p in rows]
    evidence = _dedupe(c.evidence)
    departments = sorted(_departments(rows))
    short = "、".join(d.removeprefix(first.jurisdiction) for d in departments)
    what = {"same_code": "编码相同", "same_name": "名称相同", "similar_name": "名称相近",
            "shared_article": "依据同一法条"}[kind]
    if kind == "shared_article":
        arts = sorted({e["law"] + e["article"] for e in evidence if e["type"] == "shared_article"})
        what = f"{first.type or '权力'}依据{('、'.join(arts[:3]) + ('等' if len(arts) > 3 else ''))}"
    declared = _declared(rows, departments)
    summary = (f"{first.jurisdiction}{LEVEL_TITLES.get(first.level, '')}：{short} {what}（{len(rows)}项）"
               + ("（清单已写明配合部门或职责边界）" if declared else ""))
    return Finding(kind=kind, departments=departments, powers=[p.name for p in rows], evidence=evidence + declared,
                   score=noisy_or(c.strengths.values()), keys=keys, jurisdiction=first.jurisdiction,
                   level=first.level, summary=summary, power_keys=[p.key for p in rows])


def _declared(rows: list[PowerRow], departments: list[str]) -> list[dict]:
    """What the lists say settles the overlap: a power whose 配合部门 or 职责边界 names another department of the finding
    (上海 黄浦区生态环境局's 「…由区城管执法局负责查处」 beside the 城管执法局's own power). Evidence for the reader to
    judge; the overlap is still shown (two lists claim the power), its summary saying the division is written down."""
    out = []
    for p in rows:
        if not (p.cooperating or p.boundary):
            continue
        for other in departments:
            if other != p.department and _names_body(p.cooperating + " " + p.boundary, other, p.jurisdiction):
                out.append({"type": "declared_boundary", "department": p.department, "power": p.name, "names": other,
                            "cooperating": _clip(p.cooperating), "boundary": _clip(p.boundary), "source": p.source()})
    return out


def _names_body(text: str, department: str, jurisdiction: str) -> bool:
    """Whether a text names the department in any spelling of its body: 区城管执法局 names 上海市黄浦区城市管理行政执法局,
    区市场监管局 names its 市场监督管理局."""
    kind = body_kind(department, jurisdiction)
    said = squeeze(text)
    # (a government is named in every boundary it approves: 「报县人民政府批准」 divides nothing)
    return len(kind) >= 3 and kind not in ("人民政府", "政府") and (kind in said or body_key(kind) in said)


def _dedupe(evidence: list[dict]) -> list[dict]:
    seen, out = set(), []
    for e in evidence:
        marker = json.dumps(e, sort_keys=True, ensure_ascii=False, default=repr)  # the C encoder: twice repr's speed
        if marker not in seen:
            seen.add(marker)
            out.append(e)
    return out


def find(graph: Graph, jurisdiction: str | None = None, threshold: float = DEFAULT_THRESHOLD) -> list[Finding]:
    """Overlaps live inside one jurisdiction and level: the powers are read a batch of whole
    jurisdictions at a time (kb.analyses.powers.partitions), each batch analysed and dropped."""
    return [f for batch in find_batches(graph, jurisdiction, threshold) for f in batch]


def find_batches(graph: Graph, jurisdiction: str | None = None,
                 threshold: float = DEFAULT_THRESHOLD) -> Iterator[list[Finding]]:
    """The overlaps of each batch of whole jurisdictions (no finding spans two batches)."""
    for departments in partitions(graph, jurisdiction):
        yield part_findings(graph, departments, threshold)


def part_findings(graph: Graph, departments: list[str], threshold: float = DEFAULT_THRESHOLD) -> list[Finding]:
    """The overlaps among the powers (with their citations) of ``departments``, whole jurisdictions."""
    return analyse(rows_to_powers(graph.read(POWERS, departments=departments, jurisdictions=None)), threshold)
