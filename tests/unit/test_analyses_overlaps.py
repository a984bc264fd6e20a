"""Overlap rules and scores on PowerRow lists (no database; the e2e tests run them on real graphs)."""
from __future__ import annotations

import pytest

from kb.analyses.overlaps import analyse, strength
from kb.analyses.powers import Cite, PowerRow


def cite(law: str, article: int | None, text: str = "", note: str = "", field: str = "basis") -> Cite:
    return Cite(law=law, title=law, loaded=False, article=article, label=f"第{article}条" if article else "",
                text=text, version_note=note, field=field)


def power(key: str, department: str, name: str, type_: str = "行政处罚", level: str = "city",
          cites: list[Cite] | None = None, code: str = "", sub: str = "") -> PowerRow:
    return PowerRow(key=key, name=f"{name}（{sub}）" if sub else name, item_name=name, sub_item_name=sub,
                    type=type_, code=code, level=level, department=department, jurisdiction="测试市",
                    cites=cites or [])


def test_shared_article_fires_for_the_same_type() -> None:
    powers = [power("a", "甲局", "对甲类工程的处罚", cites=[cite("建设工程质量管理条例", 60)]),
              power("b", "乙局", "对乙类工程的处罚", cites=[cite("建设工程质量管理条例", 60)])]
    [f] = analyse(powers)
    assert f.kind == "shared_article" and f.departments == ["乙局", "甲局"]
    assert {e["article"] for e in f.evidence} == {"第60条"} and len(f.evidence) == 2
    assert f.score == pytest.approx(0.8)  # 0.35 + 0.45 · 2/2


@pytest.mark.parametrize("change", ["procedural", "type", "department", "level", "field", "no_article"])
def test_shared_article_does_not_fire(change: str) -> None:
    law = "行政处罚法" if change == "procedural" else "建设工程质量管理条例"
    second = {"key": "b", "department": "乙局", "name": "对乙类工程的处罚",
                  "cites": [cite(law, None if change == "no_article" else 60,
                              field="responsibility_basis" if change == "field" else "basis")]}
    if change == "type":
        second["type_"] = "行政检查"
    if change == "department":
        second["department"] = "甲局"
    if change == "level":
        second["level"] = "county"
    powers = [power("a", "甲局", "对甲类工程的处罚", cites=[cite(law, None if change == "no_article" else 60)]),
              power(**second)]
    assert analyse(powers) == []


def test_versions_with_different_texts_are_not_the_same_article() -> None:
    old = cite("种子法", 78, "违反本法第二十一条…由县级以上人民政府农业、林业主管部门责令停止违法行为", "（2015年11月4日修改）")
    new = cite("种子法", 78, "违反本法第五十七条、第五十九条规定，有下列行为之一的，责令改正，没收违法所得", "（2021年12月24日修正）")
    powers = [power("a", "甲局", "对甲的处罚", cites=[old]), power("b", "乙局", "对乙的处罚", cites=[new])]
    assert analyse(powers) == []
    same_text = cite("种子法", 78, old.text, "（2021年12月24日修正）")
    powers[1] = power("b", "乙局", "对乙的处罚", cites=[same_text])
    assert [f.kind for f in analyse(powers)] == ["shared_article"]


def test_same_code_and_same_name() -> None:
    powers = [power("a", "甲局", "食品经营许可", "行政许可", code="000123001000"),
              power("b", "乙局", "食品经营许可审批事项", "行政许可", code="000123001000")]
    assert [f.kind for f in analyse(powers)] == ["same_code"]
    powers = [power("a", "甲局", "对未取得许可证经营的处罚"), power("b", "乙局", "对未取得许可证经营的行政处罚")]
    [f] = analyse(powers)
    assert f.kind == "same_name" and f.score == pytest.approx(0.9)


def test_similar_name_uses_item_names_and_needs_the_same_type() -> None:
    powers = [power("a", "农业农村局", "种子生产经营许可证核发", "行政许可", sub="农作物种子生产经营许可"),
              power("b", "林业和草原局", "权限内林草种子生产经营许可证的核发", "行政许可")]
    [f] = analyse(powers)
    assert f.kind == "similar_name"
    [ev] = [e for e in f.evidence if e["type"] == "similar_name"]
    assert ev["similarity"] == pytest.approx(0.917, abs=1e-3)
    assert f.score == pytest.approx(strength(ev), abs=1e-3)
    powers[1] = power("b", "林业和草原局", "权限内林草种子生产经营许可证的核发", "行政处罚")
    assert analyse(powers) == []
    assert analyse(powers[:1] + [power("b", "林业和草原局", "林木采伐许可证核发", "行政许可")], 0.8) == []


def test_evidence_of_one_set_of_powers_is_one_finding_with_a_stable_id() -> None:
    powers = [power("a", "甲局", "对未按规定备案的处罚", cites=[cite("某条例", 5), cite("某条例", 6)]),
              power("b", "乙局", "对未依规定备案的处罚", cites=[cite("某条例", 5), cite("某条例", 6)])]
    [f] = analyse(powers)
    assert {e["type"] for e in f.evidence} == {"shared_article", "similar_name"}
    assert f.kind == "shared_article" and f.score > 0.9
    renamed = [PowerRow(**{**p.__dict__, "key": p.key + "-reimported"}) for p in powers]
    assert analyse(renamed)[0].id == f.id  # node keys change on re-import; the id does not
