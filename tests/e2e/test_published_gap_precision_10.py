"""A tenth fresh measurement of missing_stage on published lists (tests/e2e/published_gap_lists_10.json:
a 兵团 record that neither the rules nor the nine earlier samples were written on), collected and judged
blind by a reader who could not read the project's code and wrote down its missing stages before the rule
ran. docs/analyses.md ("A tenth fresh measurement") gives the same table; when the rule finds something
else here, this test fails until the judgement and the document are brought up to date."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_published_gap_precision import published_lists, stages_found

pytestmark = pytest.mark.e2e

FIXTURE = Path(__file__).with_name("published_gap_lists_10.json")
PENSION = "养老保险待遇支付"

# power -> (stages the finding names, real?, the reader's judgement): every missing_stage finding.
JUDGED: dict[str, tuple[list[str], bool, str]] = {}
# Judged real as measured (1 of 1) and no longer reported: no law of general application sets a 行政给付's procedure
# (since 2026-12-04). 第二师 行政给付 names 初审, 待遇核算 and 待遇支付 (paid monthly): the reader wanted 受理, no duty
# taking the claim or telling what to supply (its doubt: a pension often starts of the agency's own motion).
NOT_ASKED = {PENSION: ["受理"]}


def test_missing_stage_on_a_tenth_published_sample_judged_blind(scratch, tmp_path):
    paths = published_lists(tmp_path, FIXTURE)
    _, found = stages_found(scratch, paths, JUDGED)
    assert found == {p: stages for p, (stages, _, _) in JUDGED.items()}
    # the figure docs/analyses.md gives: 1 real of 1, as measured; none since a 行政给付 is not asked for
    assert (sum(real for _, real, _ in JUDGED.values()), len(JUDGED)) == (0, 0)
    # asked as every type's set once was, the finding comes back: right for a reason of its own (初审 in the duties
    # reads as a level that only reviews first, so 决定 and 送达 are not asked for; the reader read 待遇核算 and
    # 待遇支付 as the agency's own decision and payment)
    from dataclasses import replace

    from kb.analyses import gaps
    from kb.model import stage_rules
    rows = scratch.read(gaps.STAGES, departments=None, jurisdictions=None, unstaged_types=gaps.unstaged_types())
    [evidence] = [f.evidence[0] for f in gaps.missing_stage(rows, replace(stage_rules(), ask_without_law=True))]
    assert (evidence["power"], evidence["missing"], evidence["required"], evidence["preliminary"]) == \
        (PENSION, NOT_ASKED[PENSION], ["受理", "审查"], "初审")
    # the division names itself: 第二师人力资源和社会保障局, not 第二师铁门关市第二师人力资源和社会保障局 (as measured)
    assert [r["name"] for r in scratch.read("MATCH (d:Department) RETURN d.name AS name")] == ["第二师人力资源和社会保障局"]
