"""What every analysis returns: a `Finding` with its evidence, a stable id and a status.

A finding's id is a hash of its rule (kind) and its sorted evidence keys. Evidence keys name things
by what a person would recognise across imports (department, level, type and name of a power; law and
article), never by node keys that change with a file's hash, so re-running an analysis on the same
lists gives the same ids, and a resolution recorded against an id keeps applying.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

AREAS = ("overlaps", "gaps", "chains", "consistency", "services", "laws")
STATUSES = ("open", "resolved", "accepted")

# Every rule (finding kind) and the area that produces it; docs/analyses.md describes each one.
KINDS: dict[str, str] = {
    "same_code": "overlaps",
    "same_name": "overlaps",
    "shared_article": "overlaps",
    "similar_name": "overlaps",
    "no_responsibility": "gaps",
    "missing_stage": "gaps",
    "no_accountability": "gaps",
    "no_basis": "gaps",
    "basis_unmatched": "gaps",
    "article_not_found": "gaps",
    "other_version": "gaps",
    "permit_without_supervision": "gaps",
    "not_implemented_below": "gaps",
    "delegation_body_missing": "gaps",
    "delegation_without_power": "gaps",
    "thing_lead_without_items": "gaps",
    "no_upper_counterpart": "chains",
    "name_differs": "consistency",
    "code_differs": "consistency",
    "basis_differs": "consistency",
    "type_differs": "consistency",
    # across places: one provision, different kinds of body at the same level (kb/analyses/assignments.py)
    "assignment_differs": "consistency",
    "service_item_no_responsibility": "services",
    "service_departments_overlap": "services",
    "service_cooperating_unlinked": "services",
    "service_no_items": "services",
    # not a gap of any department: the laws kb should load, a worklist of its own (kb/analyses/laws.py)
    "law_not_loaded": "laws",
}

# Chinese labels for reports and the browser.
KIND_TITLES: dict[str, str] = {
    "same_code": "编码相同",
    "same_name": "名称相同",
    "shared_article": "同一法条",
    "similar_name": "名称相近",
    "no_responsibility": "无责任事项",
    "missing_stage": "缺少责任环节",
    "no_accountability": "追责内容不全",
    "no_basis": "无实施依据",
    "basis_unmatched": "依据未能识别法律",
    "law_not_loaded": "法律未入库",
    "article_not_found": "条文不存在",
    "other_version": "引用其他版本",
    "permit_without_supervision": "许可无监管",
    "not_implemented_below": "下级未承接",
    "delegation_body_missing": "下放承接主体缺失",
    "delegation_without_power": "下放承接无对应事项",
    "thing_lead_without_items": "牵头部门无相关事项",
    "no_upper_counterpart": "上级无对应事项",
    "name_differs": "名称不一致",
    "code_differs": "编码不一致",
    "basis_differs": "依据不一致",
    "type_differs": "类型不一致",
    "assignment_differs": "各地行使主体不同",
    "service_item_no_responsibility": "一件事事项无责任",
    "service_departments_overlap": "一件事部门职责交叉",
    "service_cooperating_unlinked": "配合部门未关联",
    "service_no_items": "一件事无事项明细",
}

# Rules whose findings compare places of different jurisdiction trees: they are computed for the whole
# graph, never for one scope (kb/analyses/stored.py), and their findings name no one jurisdiction.
CROSS_PLACE_KINDS: tuple[str, ...] = ("assignment_differs",)

# Pieces of evidence a finding keeps: a law cited by 1,500 powers is one finding whose evidence would be
# every citation. The first MAX_EVIDENCE are kept (`Finding.cut_evidence`); `evidence_total` counts them
# all.
MAX_EVIDENCE = 50

STATUS_TITLES = {"open": "待处理", "resolved": "已明确牵头配合", "accepted": "已确认无需处理"}

AREA_TITLES = {"overlaps": "职责交叉", "gaps": "职责空白", "chains": "纵向链条", "consistency": "四级四同",
               "services": "一件事", "laws": "法律待入库"}

def finding_id(kind: str, keys: Iterable[str]) -> str:
    """Stable id: the rule and the sorted evidence keys, hashed (12 hex digits)."""
    text = kind + "\n" + "\n".join(sorted(set(keys)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def power_ref(department: str, level: str, type_: str, name: str) -> str:
    """How an evidence key names a power: stable across re-imports of the same list."""
    return f"{department}|{level}|{type_}|{name}"


@dataclass
class Finding:
    kind: str
    departments: list[str]
    powers: list[str]
    evidence: list[dict]
    score: float
    keys: list[str] = field(default_factory=list, repr=False)
    jurisdiction: str = ""
    level: str = ""
    summary: str = ""
    status: str = "open"
    resolution: dict | None = None
    power_keys: list[str] = field(default_factory=list, repr=False)
    id: str = ""
    group: str = ""  # overlaps: the id of the group of the same departments (overlap_groups.py)
    folded: list[str] = field(default_factory=list)  # ids of findings folded into this one
    evidence_total: int = 0  # pieces of evidence found, of which the first MAX_EVIDENCE are kept
    counts: dict = field(default_factory=dict)  # figures over all the evidence, when it is cut (law_not_loaded)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown finding kind {self.kind!r}")
        if not self.evidence:
            raise ValueError(f"a {self.kind} finding needs evidence")
        if not self.keys:
            raise ValueError(f"a {self.kind} finding needs evidence keys for its id")
        self.score = round(min(1.0, max(0.0, float(self.score))), 3)
        self.departments = sorted(dict.fromkeys(d for d in self.departments if d))
        self.powers = list(dict.fromkeys(p for p in self.powers if p))
        self.id = self.id or finding_id(self.kind, self.keys)
        self.evidence_total = max(self.evidence_total, len(self.evidence))

    def add_evidence(self, pieces: list[dict]) -> None:
        """Add another finding's evidence (not cut yet), each piece once."""
        new = [e for e in pieces if e not in self.evidence]
        self.evidence = self.evidence + new
        self.evidence_total += len(new)

    def cut_evidence(self) -> Finding:
        """Keep the first MAX_EVIDENCE pieces (`evidence_total` keeps the count): done once a finding
        is complete, after merging and folding."""
        self.evidence_total = max(self.evidence_total, len(self.evidence))
        del self.evidence[MAX_EVIDENCE:]
        return self

    @property
    def evidence_omitted(self) -> int:
        return max(0, self.evidence_total - len(self.evidence))

    @property
    def area(self) -> str:
        return KINDS[self.kind]

    def answers_to(self, finding_id: str) -> bool:
        """True for its own id and the ids folded into it (also by a unique prefix, as typed)."""
        return any(i == finding_id or i.startswith(finding_id) for i in (self.id, *self.folded))

    def as_dict(self) -> dict:
        """The JSON shape of `kb check --json` (evidence keys and node keys stay internal). Its lists
        are copies; the pieces of evidence in them are the finding's own (dataclasses.asdict copied
        every value of every piece: three quarters of the time of writing a province's findings out)."""
        return {"id": self.id, "kind": self.kind, "kind_title": KIND_TITLES[self.kind], "area": self.area,
                "jurisdiction": self.jurisdiction, "level": self.level, "departments": list(self.departments),
                "powers": list(self.powers), "power_keys": list(self.power_keys), "summary": self.summary,
                "score": self.score, "status": self.status, "resolution": self.resolution,
                "evidence": list(self.evidence), "evidence_total": self.evidence_total,
                "evidence_omitted": self.evidence_omitted, "counts": self.counts, "group": self.group,
                "folded": list(self.folded)}


def noisy_or(strengths: Iterable[float]) -> float:
    """Combine independent pieces of evidence: 1 - prod(1 - s)."""
    remaining = 1.0
    for s in strengths:
        remaining *= 1.0 - max(0.0, min(1.0, s))
    return 1.0 - remaining


def matches(finding: Finding, selectors: Iterable[str]) -> bool:
    """True when a selector names the finding's kind or area (`--fail-on`)."""
    return any(s in (finding.kind, finding.area) for s in selectors)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (AREAS.index(f.area), -f.score, f.id))  # as the store reads them
