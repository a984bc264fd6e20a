"""Four-level consistency (四级四同): along each vertical chain (chains.py), which of name, code, legal
basis and type differ at which level.

One finding per chain and attribute: `name_differs`, `code_differs`, `basis_differs`, `type_differs`.
Names are compared as published (whitespace removed: 权限内林草种子生产经营许可证的核发 at city level and
林草种子生产经营许可证的核发 at county level differ); the basis is the set of cited law articles of the
实施依据 (procedural laws left out; a law cited without an article counts as the law); a code missing at
one level while another level has one is a difference.
"""
from __future__ import annotations

import re

from kb.analyses import names
from kb.analyses.chains import Chains, load_partitions
from kb.analyses.findings import Finding
from kb.analyses.powers import PowerRow, load_cites
from kb.analyses.rules import procedural_laws
from kb.db import Graph
from kb.model import LEVEL_TITLES

ATTRIBUTES = ("name", "code", "basis", "type")
TITLES = {"name": "名称", "code": "编码", "basis": "依据", "type": "类型"}


def _basis(p: PowerRow) -> frozenset[str]:
    procedural = procedural_laws()
    return frozenset(f"《{c.title}》{c.label}" if c.article is not None else f"《{c.title}》"
                     for c in p.basis if c.law not in procedural)


def value(p: PowerRow, attribute: str) -> object:
    if attribute == "name":  # the item's name: a level that splits it into sub-items (取水许可（延续）) names it alike
        return re.sub(r"\s+", "", p.item_name or p.name)
    if attribute == "code":  # its code and its catalogue code (a county's 事项编码 is the province's 基本编码)
        return frozenset({p.code, *p.catalog} - {""})
    if attribute == "type":
        return p.type
    return _basis(p)


def _score(attribute: str, values: list) -> float:
    if attribute == "type":
        return 0.9
    if attribute == "code":
        return 0.8
    if attribute == "name":
        lowest = min(names.similarity(a, b) for a in values for b in values)
        return 0.3 + 0.5 * (1 - lowest)
    lowest = min(len(a & b) / len(a | b) if a | b else 1.0 for a in values for b in values)
    return 0.4 + 0.5 * (1 - lowest)


def analyse(ch: Chains) -> list[Finding]:
    out: list[Finding] = []
    for comp in ch.components():
        members = [ch.powers[k] for k in comp]
        if len({m.level for m in members}) < 2:
            continue
        for attribute in ATTRIBUTES:
            values = [value(m, attribute) for m in members]
            distinct = list(dict.fromkeys(values))
            if len(distinct) < 2:
                continue
            if attribute == "code":  # (a list without codes is no other code; codes in common are one item's)
                coded = [v for v in values if v]
                if len(coded) < 2 or frozenset.intersection(*coded):
                    continue
            evidence = []
            common = frozenset.intersection(*values) if attribute == "basis" else None
            for m, v in zip(members, values):
                e = {"type": "level", "attribute": attribute, "level": m.level,
                     "level_title": LEVEL_TITLES.get(m.level, m.level), "department": m.department,
                     "power": m.name, "source": m.source()}
                if attribute == "basis":
                    e["value"] = sorted(v)
                    e["only_here"] = sorted(v - common)
                elif attribute == "code":
                    e["value"] = "、".join(sorted(v))
                else:
                    e["value"] = v
                evidence.append(e)
            levels = "、".join(dict.fromkeys(LEVEL_TITLES.get(m.level, m.level) for m in members))
            top = members[0]
            out.append(Finding(
                kind=f"{attribute}_differs", departments=[m.department for m in members],
                powers=[m.name for m in members], evidence=evidence, score=_score(attribute, distinct),
                keys=[m.ref for m in members] + [f"attribute:{attribute}"], jurisdiction=top.jurisdiction,
                level=top.level, summary=f"「{top.name}」在{levels}的{TITLES[attribute]}不一致",
                power_keys=comp))
    return out


def find(graph: Graph, jurisdiction: str | None = None, chains: Chains | None = None) -> list[Finding]:
    """The chains are built without citations; the basis is read for the members of chains that span
    two or more levels only."""
    if chains is None:
        return [f for ch in load_partitions(graph, jurisdiction) for f in find(graph, jurisdiction, ch)]
    ch = chains
    members = [k for comp in ch.components() if len({ch.powers[m].level for m in comp}) >= 2 for k in comp]
    cites = load_cites(graph, members)
    for key in members:
        ch.powers[key].cites = cites.get(key, [])
    return analyse(ch)
