"""Overlaps read together: folded when one is part of another, grouped by the departments they involve.

- Folding: an overlap whose powers are all among another overlap's powers (a subset) says nothing the
  larger one does not; it is folded into it: its evidence is added to the larger one's and its id is
  listed in the larger one's `folded`, so an id a user noted (or resolved) still leads to it.
- Groups: the overlaps of one jurisdiction and level between the same departments (住建 and 交通 …)
  are read and settled together. A group's id is a hash of its jurisdiction, level and departments,
  stable across runs; resolving a group resolves every finding in it. Each finding keeps its own id.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kb.analyses.findings import Finding, finding_id
from kb.model import LEVEL_TITLES


def fold(findings: list[Finding]) -> list[Finding]:
    """Fold every overlap whose powers are a strict subset of another overlap's into the largest such."""
    overlaps = [f for f in findings if f.area == "overlaps"]
    others = [f for f in findings if f.area != "overlaps"]
    by_size = sorted(overlaps, key=lambda f: (-len(set(f.power_keys)), -f.score, f.id))
    kept: list[tuple[Finding, frozenset[str]]] = []
    holding: dict[str, list[int]] = defaultdict(list)  # power key -> the kept overlaps with it, in order
    for f in by_size:
        mine = frozenset(f.power_keys)
        # the first kept overlap of which this is a strict subset holds all its powers: it is among
        # those holding its rarest power (a scan of every kept overlap made this quadratic: 13 s for
        # the 7,115 overlaps of one partition of the province)
        rarest = min((holding.get(k, ()) for k in mine), key=len, default=())
        host = next((kept[i][0] for i in rarest if mine < kept[i][1]), None)
        if host is None:
            for k in mine:
                holding[k].append(len(kept))
            kept.append((f, mine))
            continue
        host.folded = sorted({*host.folded, f.id, *f.folded})
        host.add_evidence(f.evidence)
        host.score = max(host.score, f.score)
    order = {f.id: i for i, f in enumerate(overlaps)}
    return others + sorted((f for f, _ in kept), key=lambda f: order[f.id])


def group_id(jurisdiction: str, level: str, departments: list[str]) -> str:
    return finding_id("group", [f"jurisdiction:{jurisdiction}", f"level:{level}",
                                *(f"department:{d}" for d in departments)])


@dataclass
class OverlapGroup:
    id: str
    jurisdiction: str
    level: str
    departments: list[str]
    findings: list[Finding] = field(default_factory=list)

    @property
    def level_title(self) -> str:
        return LEVEL_TITLES.get(self.level, self.level)

    @property
    def open(self) -> int:
        return sum(f.status == "open" for f in self.findings)

    @property
    def articles(self) -> list[str]:
        """Every article the group's findings share, as 《law》第N条."""
        return sorted({e["law"] + e["article"] for f in self.findings for e in f.evidence
                       if e.get("type") == "shared_article"})

    @property
    def powers(self) -> list[str]:
        return list(dict.fromkeys(p for f in self.findings for p in f.powers))

    def as_dict(self) -> dict:
        return {"group": self.id, "jurisdiction": self.jurisdiction, "level": self.level,
                "level_title": self.level_title, "departments": self.departments, "findings": len(self.findings),
                "open": self.open, "ids": [f.id for f in self.findings], "articles": self.articles,
                "powers": self.powers, "score": max((f.score for f in self.findings), default=0.0)}


def assign_groups(findings: list[Finding]) -> None:
    """Set each overlap's `group`."""
    for f in findings:
        if f.area == "overlaps":
            f.group = group_id(f.jurisdiction, f.level, f.departments)


def group_findings(findings: list[Finding]) -> list[OverlapGroup]:
    """The overlaps by (jurisdiction, level, departments), the group with the best finding first."""
    groups: dict[str, OverlapGroup] = {}
    for f in findings:
        if f.area != "overlaps":
            continue
        gid = f.group or group_id(f.jurisdiction, f.level, f.departments)
        groups.setdefault(gid, OverlapGroup(gid, f.jurisdiction, f.level, list(f.departments))).findings.append(f)
    return sorted(groups.values(), key=lambda g: (-len(g.findings), -max(f.score for f in g.findings), g.id))
