"""Findings: stable ids, scores, levels, selectors; every rule is documented (no database)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kb.analyses.findings import (
    AREAS,
    KIND_TITLES,
    KINDS,
    Finding,
    finding_id,
    matches,
    noisy_or,
)
from kb.model import normalise_level

DOC = (Path(__file__).resolve().parents[2] / "docs" / "analyses.md").read_text(encoding="utf-8")


def _finding(**kw) -> Finding:
    base = {"kind": "shared_article", "departments": ["克拉玛依市交通运输局", "克拉玛依市应急管理局"],
            "powers": ["甲", "乙"], "evidence": [{"type": "shared_article", "law": "《X》", "article": "第一条"}],
            "score": 0.5, "keys": ["X#1", "甲", "乙"]}
    return Finding(**(base | kw))


def test_id_is_stable_and_order_free() -> None:
    assert finding_id("shared_article", ["b", "a"]) == finding_id("shared_article", ["a", "b", "a"])
    assert len(finding_id("x", ["a"])) == 12


def test_id_depends_on_rule_and_evidence() -> None:
    assert finding_id("shared_article", ["a"]) != finding_id("similar_name", ["a"])
    assert finding_id("shared_article", ["a"]) != finding_id("shared_article", ["a", "b"])
    assert _finding().id == _finding(keys=["乙", "甲", "X#1"]).id


def test_finding_needs_evidence_and_a_known_kind() -> None:
    with pytest.raises(ValueError):
        _finding(evidence=[])
    with pytest.raises(ValueError):
        _finding(kind="made_up")


def test_score_is_clamped_and_departments_sorted() -> None:
    f = _finding(score=1.7, departments=["乙局", "甲局", "乙局"])
    assert f.score == 1.0 and f.departments == ["乙局", "甲局"]
    assert f.as_dict()["evidence"] and "keys" not in f.as_dict()


def test_json_shape_is_every_field_but_the_keys_and_leaves_the_finding_alone() -> None:
    f = _finding(jurisdiction="克拉玛依市", level="city", summary="两部门", status="resolved", group="g1",
                 resolution={"lead": "甲局", "cooperating": ["乙局"]}, power_keys=["k1", "k2"], folded=["abc"],
                 evidence_total=7, counts={"powers": 2}, evidence=[{"type": "x", "source": {"row": 3}}])
    d = f.as_dict()
    assert list(d) == ["id", "kind", "kind_title", "area", "jurisdiction", "level", "departments", "powers",
                       "power_keys", "summary", "score", "status", "resolution", "evidence", "evidence_total",
                       "evidence_omitted", "counts", "group", "folded"]
    assert {k: v for k, v in dataclasses.asdict(f).items() if k != "keys"} == {
        k: v for k, v in d.items() if k not in ("kind_title", "area", "evidence_omitted")}
    assert (d["area"], d["kind_title"], d["evidence_omitted"]) == ("overlaps", KIND_TITLES["shared_article"], 6)
    d["departments"].append("丙局")
    d["evidence"].append({})
    d["folded"].clear()
    assert f.departments == ["克拉玛依市交通运输局", "克拉玛依市应急管理局"] and len(f.evidence) == 1 and f.folded == ["abc"]


def test_noisy_or() -> None:
    assert noisy_or([]) == 0
    assert noisy_or([0.5, 0.5]) == pytest.approx(0.75)


@pytest.mark.parametrize("value, fallback, expected", [
    ("city", "", "city"), ("", "county", "county"), ("地州市级", "", "city"), ("县市区级", "", "county"),
    ("自治区级", "", "province"), ("乡镇（街道）级", "", "township"), ("县级市", "", "county"), ("", None, ""),
])
def test_normalise_level(value: str, fallback: str | None, expected: str) -> None:
    assert normalise_level(value, fallback) == expected


def test_selectors_match_kind_or_area() -> None:
    f = _finding()
    assert matches(f, ["overlaps"]) and matches(f, ["shared_article"]) and not matches(f, ["gaps"])


def test_every_rule_has_a_title_an_area_and_documentation() -> None:
    assert set(KIND_TITLES) == set(KINDS)
    assert set(KINDS.values()) <= set(AREAS)
    missing = [k for k in KINDS if f"`{k}`" not in DOC]
    assert not missing, f"rules not described in docs/analyses.md: {missing}"


def _fold_by_definition(findings: list[Finding]) -> list[Finding]:
    """overlap_groups.fold as its docstring says it, every kept overlap scanned for each one."""
    overlaps = [f for f in findings if f.area == "overlaps"]
    kept: list[Finding] = []
    for f in sorted(overlaps, key=lambda f: (-len(set(f.power_keys)), -f.score, f.id)):
        host = next((k for k in kept if f.power_keys and set(f.power_keys) < set(k.power_keys)), None)
        if host is None:
            kept.append(f)
            continue
        host.folded = sorted({*host.folded, f.id, *f.folded})
        host.add_evidence(f.evidence)
        host.score = max(host.score, f.score)
    order = {f.id: i for i, f in enumerate(overlaps)}
    return [f for f in findings if f.area != "overlaps"] + sorted(kept, key=lambda f: order[f.id])


@pytest.mark.parametrize("seed", range(5))
def test_folding_is_its_definition(seed: int) -> None:
    """Each overlap whose powers are a strict subset of another's goes into the first such in the order of
    size, score and id; equal sets and overlaps without powers stay; other areas pass through."""
    import random

    from kb.analyses import overlap_groups

    def made(rng: random.Random) -> list[Finding]:
        out = [_finding(kind="no_basis", keys=["gap"], evidence=[{"type": "no_basis"}])]
        for n in range(300):
            powers = rng.sample("abcdefghijkl", rng.choice([0, 2, 2, 3, 3, 4, 5]))
            out.append(_finding(keys=[f"k{n}"], power_keys=powers, score=rng.choice([0.4, 0.6, 0.8]),
                                evidence=[{"type": "shared_article", "article": f"第{rng.randrange(40)}条"}]))
        return out

    rng = random.Random(seed)
    state = rng.getstate()
    folded = overlap_groups.fold(made(rng))
    rng.setstate(state)
    expected = _fold_by_definition(made(rng))
    shape = lambda fs: [(f.id, f.folded, f.score, f.evidence, f.power_keys) for f in fs]
    assert shape(folded) == shape(expected)
    assert 10 < sum(len(f.folded) for f in folded) and len(folded) < 301
    assert folded[0].kind == "no_basis"


def test_a_department_typed_in_its_short_form_is_the_one_the_finding_involves():
    # kb prints 住建局（正定县）; `kb overlaps resolve … --lead 住建局` said 「没有名为“住建局”的部门」 (trial 46)
    from kb.analyses.resolutions import ResolutionError, match_department

    involved = ["正定县住房和城乡建设局", "正定县城市管理综合行政执法局"]
    known = [*involved, "石家庄市住房和城乡建设局", "正定县应急管理局"]
    assert match_department("住建局", known, involved) == "正定县住房和城乡建设局"
    assert match_department("城市管理综合行政执法局", known, involved) == "正定县城市管理综合行政执法局"
    assert match_department("应急局", known, involved) == "正定县应急管理局"  # (not involved: found among all)
    with pytest.raises(ResolutionError, match="可指多个部门"):
        match_department("住建局", known)
    with pytest.raises(ResolutionError, match="没有名为“财政局”的部门"):
        match_department("财政局", known, involved)
    for typed in ("局", "委"):  # (one character names no body, however few are involved)
        with pytest.raises(ResolutionError, match="没有名为"):
            match_department(typed, known, involved[:1])
