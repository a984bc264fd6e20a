"""The analyses on real Neo4j servers.

Hand-built graphs (the `scratch` server, following docs/model.md) check each rule both ways: it fires
where it should and stays silent where it should. The `loaded` server (all of ../shared/data) checks
the overlaps, gaps, chains and differences found by hand in the published files, and the recall of
the blocked near-duplicate search.
"""
from __future__ import annotations

from itertools import count
from pathlib import Path

import pytest

from kb.analyses import chains, consistency, gaps, names, overlaps, powers, report, resolutions, services
from kb.analyses import laws as law_worklist
from kb.analyses.findings import Finding
from kb.db import Graph

_keys = count()

BUILD = """
UNWIND $powers AS p
MERGE (j:Jurisdiction {name: p.jurisdiction}) ON CREATE SET j.level = p.jurisdiction_level
MERGE (d:Department {name: p.department})
  ON CREATE SET d.jurisdiction = p.jurisdiction, d.level = p.jurisdiction_level
MERGE (d)-[:IN_JURISDICTION]->(j)
CREATE (pw:Power {key: p.key, name: p.name, item_name: p.item_name, sub_item_name: p.sub_item_name, type: p.type,
                  level: p.level, code: p.code, basis_text: p.basis_text, responsibility_text: p.responsibility_text,
                  department: p.department, jurisdiction: p.jurisdiction, current: true})
CREATE (d)-[:HOLDS]->(pw)
FOREACH (r IN p.duties | CREATE (pw)-[:HAS_RESPONSIBILITY]->(:Responsibility
    {key: p.key + '#r' + toString(r.seq), seq: r.seq, kind: r.kind, stage: r.stage, text: r.text, power_key: p.key}))
FOREACH (a IN p.accountability | CREATE (pw)-[:HAS_ACCOUNTABILITY]->(:Accountability
    {key: p.key + '#a', subjects: a.subjects, text: a.text, power_key: p.key}))
FOREACH (c IN p.cites | MERGE (l:Law {key: c.law}) ON CREATE SET l.title = c.law, l.loaded = false
  CREATE (pw)-[:CITES {field: c.field, article: c.article, article_label: c.label, text: c.text,
                       version_note: c.note, law_title: c.law}]->(l))
FOREACH (code IN p.catalog | MERGE (ci:CatalogItem {key: code}) ON CREATE SET ci.code = code, ci.name = p.item_name
  CREATE (pw)-[:IMPLEMENTS]->(ci))
"""

LAW = """
MERGE (l:Law {key: $key}) SET l.title = '中华人民共和国' + $key, l.loaded = true, l.version_date = $version,
  l.article_count = size($articles)
WITH l UNWIND $articles AS a
CREATE (ar:Article {key: $key + '#' + toString(a.number), law_key: $key, number: a.number, label: a.label,
                    text: a.text, name: l.title + a.label})
CREATE (l)-[:HAS_ARTICLE]->(ar)
WITH DISTINCT l
MATCH (p:Power)-[c:CITES]->(l) WHERE c.article IS NOT NULL
MATCH (l)-[:HAS_ARTICLE]->(a:Article {number: c.article})
MERGE (p)-[:BASED_ON {field: c.field}]->(a)
"""


def cite(law: str, article: int | None = None, text: str = "", note: str = "", field: str = "basis") -> dict:
    return {"law": law, "article": article, "label": f"第{article}条" if article else "", "text": text, "note": note,
            "field": field}


def duty(text: str = "依法实施", kind: str = "直接实施", stage: str | None = None, seq: int = 1) -> dict:
    return {"seq": seq, "kind": kind, "stage": stage, "text": text}


def power(department: str, name: str, type_: str = "行政处罚", *, level: str = "city", jurisdiction: str = "甲市",
          jurisdiction_level: str = "city", cites: list[dict] | None = None, duties: list[dict] | None = None,
          accountability: list[dict] | None = None, code: str = "", sub: str = "", catalog: list[str] | None = None,
          basis_text: str | None = None, key: str | None = None) -> dict:
    cites = [cite("某管理条例", 10, "某条文")] if cites is None else cites
    return {"key": key or f"test|{next(_keys):05d}", "department": department, "name": f"{name}（{sub}）" if sub else name,
            "item_name": name, "sub_item_name": sub, "type": type_, "level": level, "code": code,
            "jurisdiction": jurisdiction, "jurisdiction_level": jurisdiction_level,
            "basis_text": ("【法规】" + "".join(f"《{c['law']}》" for c in cites)) if basis_text is None else basis_text,
            "responsibility_text": "直接实施责任：1.依法实施", "cites": cites,
            "duties": [duty()] if duties is None else duties,
            "accountability": [{"subjects": "1.具体承办人", "text": "不依法履行职责的"}] if accountability is None else accountability,
            "catalog": catalog or []}


def build(graph: Graph, *rows: dict, laws: dict | None = None) -> None:
    graph.write(BUILD, powers=list(rows))
    for key, (version, articles) in (laws or {}).items():
        graph.write(LAW, key=key, version=version,
                    articles=[{"number": n, "label": f"第{n}条", "text": t} for n, t in articles.items()])


def kinds(findings: list[Finding]) -> list[str]:
    return sorted(f.kind for f in findings)


# --- overlaps on hand-built graphs ------------------------------------------------------------------

def test_shared_article_fires_and_procedural_laws_do_not(scratch: Graph) -> None:
    build(scratch,
          power("甲市应急管理局", "对煤矿工程超越资质承揽的处罚", cites=[cite("建设工程质量管理条例", 60, "超越资质承揽工程"),
                                                           cite("行政处罚法", 8, "行政处罚的种类")]),
          power("甲市交通运输局", "对交通工程超越资质承揽的行政处罚", cites=[cite("建设工程质量管理条例", 60, "超越资质承揽工程"),
                                                             cite("行政处罚法", 8, "行政处罚的种类")]),
          power("甲市生态环境局", "对排污的处罚", cites=[cite("行政处罚法", 8, "行政处罚的种类")]),
          power("甲市市场监督管理局", "对排污的检查", "行政检查", cites=[cite("建设工程质量管理条例", 60)]))
    [f] = overlaps.find(scratch)
    assert f.kind == "shared_article"
    assert f.departments == ["甲市交通运输局", "甲市应急管理局"]
    articles = [e for e in f.evidence if e["type"] == "shared_article"]
    assert {(e["law"], e["article"]) for e in articles} == {("《建设工程质量管理条例》", "第60条")}
    assert all(e["text"] and e["power"] for e in articles)


def test_same_code_same_name_and_similar_name_fire(scratch: Graph) -> None:
    build(scratch,
          power("甲市农业农村局", "种子生产经营许可证核发", "行政许可", sub="农作物种子生产经营许可", cites=[]),
          power("甲市林业和草原局", "权限内林草种子生产经营许可证的核发", "行政许可", cites=[]),
          power("甲市农业农村局", "对未取得采集证采集野生植物的处罚", cites=[]),
          power("甲市林业和草原局", "对未取得采集证采集野生植物的行政处罚", cites=[]),
          power("甲市人力资源和社会保障局", "职业培训机构审批", "行政许可", code="X001", cites=[]),
          power("甲市教育局", "民办学校审批", "行政许可", code="X001", cites=[]))
    found = {f.kind: f for f in overlaps.find(scratch)}
    assert sorted(found) == ["same_code", "same_name", "similar_name"]
    assert found["similar_name"].evidence[0]["similarity"] == pytest.approx(0.917, abs=1e-3)
    assert found["same_name"].departments == ["甲市农业农村局", "甲市林业和草原局"]


def test_similar_names_on_two_articles_of_one_law_are_two_offences(scratch: Graph) -> None:
    """仙居: 「对农村村民未经批准非法占用土地建住宅的行政处罚」 (土地管理法 第七十八条) and 「对未经批准非法占用土地的行政处罚」
    (第七十七条), in two departments: similar names, two provisions — no overlap; on one article they are one."""
    land = "中华人民共和国土地管理法"
    build(scratch,
          power("甲市自然资源和规划局", "对农村村民未经批准非法占用土地建住宅的行政处罚", cites=[cite(land, 78, "农村村民未经批准")]),
          power("甲市综合行政执法局", "对未经批准非法占用土地建住宅的行政处罚", cites=[cite(land, 77, "未经批准非法占用土地")]))
    assert [f for f in overlaps.find(scratch) if f.kind == "similar_name"] == []
    build(scratch, power("甲市城市管理局", "对村民未经批准非法占用土地建住宅的行政处罚", cites=[cite(land, 78, "农村村民未经批准")]))
    [one] = overlaps.find(scratch)
    assert one.departments == ["甲市城市管理局", "甲市自然资源和规划局"]
    assert {e["type"] for e in one.evidence} == {"shared_article", "similar_name"}


def test_no_overlap_across_levels_jurisdictions_or_types(scratch: Graph) -> None:
    build(scratch,
          power("甲市林业和草原局", "林木采伐许可证核发", "行政许可", level="city"),
          power("甲市自然资源局", "林木采伐许可证核发", "行政许可", level="county"),
          power("乙市自然资源局", "林木采伐许可证核发", "行政许可", jurisdiction="乙市"),
          power("甲市农业农村局", "林木采伐许可证核发", "行政检查"))
    assert overlaps.find(scratch) == []


def test_empty_level_is_the_departments_level(scratch: Graph) -> None:
    build(scratch, power("甲市财政局", "对违反财务规定的处罚", level=""),
          power("甲市审计局", "对违反财务规定的处罚", level="city"))
    assert [f.level for f in overlaps.find(scratch)] == ["city"]


def test_resolution_leaves_the_open_list_and_ids_are_stable(scratch: Graph) -> None:
    build(scratch, power("甲市应急管理局", "对甲的处罚", cites=[cite("某条例", 3)]),
          power("甲市交通运输局", "对乙的处罚", cites=[cite("某条例", 3)]))
    [f] = report.run(scratch, ("overlaps",)).findings
    assert f.status == "open"
    resolutions.resolve(scratch, f, "应急管理局", ["交通运输局"], "市编办文件", "tester")
    [again] = report.run(scratch, ("overlaps",)).findings
    assert again.id == f.id and again.status == "resolved"
    assert again.resolution["lead"] == "甲市应急管理局" and again.resolution["cooperating"] == ["甲市交通运输局"]
    assert again.resolution["resolved_by"] == "tester" and again.resolution["resolved_at"]
    with pytest.raises(resolutions.ResolutionError):
        resolutions.resolve(scratch, f, "不存在的局", [], "市编办文件", "tester")


# --- gaps on hand-built graphs ----------------------------------------------------------------------

GAP_CASES = {
    "no_responsibility": ({"duties": []}, {}),
    "missing_stage": ({"type_": "行政许可", "duties": [duty(stage="受理"), duty(stage="审查", seq=2)]},
                      {"type_": "行政许可", "duties": [duty(stage="事后监管")]}),
    "no_accountability": ({"accountability": []}, {}),
    "no_basis": ({"cites": [], "basis_text": ""}, {}),
    "basis_unmatched": ({"cites": [], "basis_text": "依据有关规定"}, {}),
    "article_not_found": ({"cites": [cite("已入库法", 99)]}, {"cites": [cite("已入库法", 2)]}),
    "other_version": ({"cites": [cite("已入库法", 99, note="（2009年8月27日修正）")]},
                      {"cites": [cite("已入库法", 1, "第一条原文", note="（2009年8月27日修正）")]}),
}


@pytest.mark.parametrize("rule", sorted(GAP_CASES))
def test_gap_rule_fires_and_does_not(scratch: Graph, rule: str) -> None:
    fires, quiet = GAP_CASES[rule]
    laws = {"已入库法": ("2021-06-10", {1: "第一条原文", 2: "第二条原文"})}
    build(scratch, power("甲市某局", "有问题的事项", **fires), power("甲市某局", "没问题的事项", **quiet), laws=laws)
    hits = [f for f in gaps.find(scratch) if f.kind == rule]
    assert [f.powers for f in hits] == [["有问题的事项"]], hits


def test_laws_not_loaded_are_a_worklist_not_gaps(scratch: Graph) -> None:
    build(scratch, power("甲市某局", "甲事项", cites=[cite("未入库条例", 3)]),
          power("甲市某局", "乙事项", cites=[cite("未入库条例", 4)]),
          power("甲市另局", "丙事项", cites=[cite("少引条例", 1)]),
          power("甲市某局", "丁事项", cites=[cite("已入库法", 1, "第一条原文")]),
          laws={"已入库法": ("2021-06-10", {1: "第一条原文"})})
    assert not [f for f in gaps.find(scratch) if f.kind == "law_not_loaded"]
    found = report.run(scratch, ("laws",)).findings
    assert {f.area for f in found} == {"laws"}
    ranked = law_worklist.ranked(found)
    assert [(r["law"], r["powers"], r["departments"]) for r in ranked] == [("《未入库条例》", 2, 1), ("《少引条例》", 1, 1)]


def _staged(name: str, type_: str, stages: list[str], **kw) -> dict:
    return power("甲市某局", name, type_, duties=[duty(f"{s}责任：依法{s}", stage=s, seq=i) for i, s in enumerate(stages, 1)],
                 **kw)


def test_missing_stage_synonyms_sub_kinds_and_preliminary_levels(scratch: Graph) -> None:
    punish = ["调查", "审查", "告知", "决定", "送达", "执行"]
    build(scratch,
          _staged("对消防安全违法行为的处罚", "行政处罚", ["受理", *punish]),       # 消防: 受理 is its 立案
          _staged("对违法行为的处罚", "行政处罚", punish),                            # no 立案 at all: real
          _staged("临时查封场所", "行政强制", ["决定", "执行", "解除"]),               # 强制措施: no 催告
          _staged("代履行", "行政强制", ["决定", "执行", "事后监管"]),                 # 强制执行: 催告 missing
          _staged("建设项目审批（初审）", "行政许可", ["受理", "初审", "事后监管"]),      # city only reviews first
          _staged("建设项目审批", "行政许可", ["受理", "审查", "事后监管"]))            # decides: 决定/送达 missing
    found = {f.powers[0]: f.evidence[0]["missing"] for f in gaps.find(scratch) if f.kind == "missing_stage"}
    assert found == {"对违法行为的处罚": ["立案"], "代履行": ["催告"], "建设项目审批": ["决定", "送达"]}


LIST_VERSION = """
MATCH (d:Department {name: $department})-[:HOLDS]->(p:Power)
MERGE (v:ListVersion {key: $key}) SET v.source_file = $file, v.mapping = 'standard', v.fields = $fields,
  v.version = '2024', v.current = true
MERGE (v)-[:LIST_OF]->(d)
CREATE (v)-[:CONTAINS]->(p)
"""


def test_a_list_without_an_accountability_column_is_one_finding(scratch: Graph) -> None:
    no_subjects = [{"subjects": "", "text": "不依法履行职责的"}]
    build(scratch, *[power("甲市某局", f"事项{i}", accountability=no_subjects) for i in range(5)],
          power("甲市另局", "另一事项", accountability=no_subjects),
          power("甲市另局", "再一事项"))
    fields = ["item_name", "type", "basis_text", "responsibility_text", "accountability_situations"]
    scratch.write(LIST_VERSION, department="甲市某局", key="v1", file="甲市某局清单.xls", fields=fields)
    scratch.write(LIST_VERSION, department="甲市另局", key="v2", file="甲市另局清单.xls",
                  fields=[*fields, "accountability_subjects"])
    found = [f for f in gaps.find(scratch) if f.kind == "no_accountability"]
    [listed] = [f for f in found if f.departments == ["甲市某局"]]
    assert len(listed.powers) == 5 and listed.evidence[0]["type"] == "list"
    assert listed.evidence[0]["file"] == "甲市某局清单.xls" and listed.evidence[0]["missing_columns"] == ["追责对象范围"]
    assert listed.evidence[0]["powers"] == 5 and "没有追责对象范围列" in listed.summary
    # (its 追责情形 there: a missing form, ranked below a power's missing accountability or a cited article that is not)
    assert listed.score == 0.5
    # the other list has the column: its one empty cell is a finding of its own
    assert [f.powers for f in found if f.departments == ["甲市另局"]] == [["另一事项"]]


def test_overlaps_fold_subsets_and_group_by_departments(scratch: Graph) -> None:
    a = power("甲市住房和城乡建设局", "房屋建筑施工违法处罚", cites=[cite("建设工程质量管理条例", 64, "施工单位"),
                                                         cite("建设工程质量管理条例", 65, "施工单位二")])
    b = power("甲市交通运输局", "公路养护企业资质处罚", cites=[cite("建设工程质量管理条例", 64, "施工单位"),
                                                          cite("建设工程质量管理条例", 65, "施工单位二")])
    c = power("甲市交通运输局", "港口码头作业处罚", cites=[cite("建设工程质量管理条例", 65, "施工单位二")])
    d = power("甲市住房和城乡建设局", "物业服务企业处罚", cites=[cite("建设工程质量管理条例", 67, "监理单位")])
    e = power("甲市交通运输局", "水运工程检测机构罚款", cites=[cite("建设工程质量管理条例", 67, "监理单位")])
    build(scratch, a, b, c, d, e)
    raw = overlaps.find(scratch)
    found = report.run(scratch, ("overlaps",)).findings
    assert len(raw) == 3 and len(found) == 2  # 第64条 (a, b) is part of 第65条 (a, b, c): folded
    big = next(f for f in found if len(f.powers) == 3)
    small = next(f for f in raw if set(f.power_keys) < set(big.power_keys))
    assert big.folded == [small.id] and any(e.get("article") == "第64条" for e in big.evidence)
    assert len({f.group for f in found}) == 1  # one department pair, one group
    from kb.analyses.overlap_groups import group_findings

    [g] = group_findings(found)
    assert g.departments == ["甲市交通运输局", "甲市住房和城乡建设局"] and len(g.findings) == 2
    assert g.articles == ["《建设工程质量管理条例》第64条", "《建设工程质量管理条例》第65条", "《建设工程质量管理条例》第67条"]
    assert big.answers_to(small.id) and big.as_dict()["group"] == g.id
    from kb.analyses import stored

    stored.refresh(scratch, areas=["overlaps"])  # a link to the folded finding leads to the one it is in
    assert stored.find(scratch, small.id).id == stored.find(scratch, big.id).id == big.id
    assert stored.find(scratch, "000000000000") is None


def test_resolution_refusals(scratch: Graph) -> None:
    build(scratch, power("甲市应急管理局", "对甲的处罚", cites=[cite("某条例", 3)]),
          power("甲市交通运输局", "对乙的处罚", cites=[cite("某条例", 3)]),
          power("甲市财政局", "对丙的处罚", cites=[]))
    [f] = report.run(scratch, ("overlaps",)).findings
    for basis in ("", " ", "x", " 略 "):
        with pytest.raises(resolutions.ResolutionError, match="过短"):
            resolutions.resolve(scratch, f, "应急管理局", [], basis, "tester")
    with pytest.raises(resolutions.ResolutionError, match="不是本项职责交叉涉及的部门"):
        resolutions.resolve(scratch, f, "财政局", [], "市编办文件", "tester")
    with pytest.raises(resolutions.ResolutionError, match="不是本项职责交叉涉及的部门"):
        resolutions.resolve(scratch, f, "应急管理局", ["财政局"], "市编办文件", "tester")
    rec = resolutions.resolve(scratch, f, "财政局", ["应急管理局", "交通运输局"], "市编办文件", "tester",
                              other_reason="资金监管由财政牵头")
    assert rec["lead"] == "甲市财政局" and "资金监管由财政牵头" in rec["basis"]


def test_permit_without_supervision(scratch: Graph) -> None:
    build(scratch,
          power("甲市某局", "甲许可", "行政许可", cites=[cite("甲条例", 5)]),
          # no duties at all (a service catalogue's permit): no_responsibility's finding, not this rule's
          {**power("甲市某局", "丁许可", "行政许可", cites=[cite("丁条例", 5)], duties=[]), "responsibility_text": ""},
          power("甲市某局", "乙许可", "行政许可", cites=[cite("乙条例", 5)]),
          power("甲市另一局", "对乙的检查", "行政检查", cites=[cite("乙条例", 9)]),
          power("甲市某局", "丙许可", "行政许可", cites=[cite("丙条例", 5)], duties=[duty(stage="事后监管")]))
    hits = [f for f in gaps.find(scratch) if f.kind == "permit_without_supervision"]
    assert [f.powers for f in hits] == [["甲许可"]]


def test_delegations(scratch: Graph) -> None:
    build(scratch, power("甲市某局", "某审批", "行政许可", key="up"),
          power("甲县某局", "某审批", "行政许可", level="county", jurisdiction="甲县", jurisdiction_level="county",
                key="down"),
          power("乙县某局", "别的审批", "行政许可", level="county", jurisdiction="乙县", jurisdiction_level="county",
                key="other"))
    scratch.write("""
    MATCH (up:Power {key: 'up'}), (down:Power {key: 'down'}), (other:Power {key: 'other'})
    MATCH (d:Department {name: '甲县某局'}), (o:Department {name: '乙县某局'})
    CREATE (ok:Delegation {key: 'down#delegation', manner: '下放', from_body: '甲市某局', to_body: '甲县某局',
                           from_level: 'city', to_level: 'county'})
    CREATE (ok)-[:TO_POWER]->(down), (ok)-[:FROM_POWER]->(up), (ok)-[:TO_DEPARTMENT]->(d)
    CREATE (missing:Delegation {key: 'x#delegation', manner: '委托', from_body: '甲市某局', to_body: '丙镇人民政府',
                                from_level: 'city', to_level: 'township'})
    CREATE (missing)-[:FROM_POWER]->(up)
    CREATE (wrong:Delegation {key: 'y#delegation', manner: '下放', from_body: '甲市某局', to_body: '乙县某局',
                              from_level: 'city', to_level: 'county'})
    CREATE (wrong)-[:FROM_POWER]->(up), (wrong)-[:TO_DEPARTMENT]->(o)
    """)
    found = {f.kind: f for f in gaps.find(scratch) if f.kind.startswith("delegation")}
    assert sorted(found) == ["delegation_body_missing", "delegation_without_power"]
    assert found["delegation_body_missing"].evidence[0]["to_body"] == "丙镇人民政府"
    assert found["delegation_without_power"].departments == ["乙县某局", "甲市某局"]
    steps = chains.chain(scratch, "down", "up")
    assert [s["level"] for s in steps] == ["county", "city"] and steps[1]["via"] == "delegation"
    assert steps[1]["via_detail"]["manner"] == "下放"


def test_thing_lead_without_items(scratch: Graph) -> None:
    build(scratch, power("甲市卫生健康委员会", "出生医学证明签发", "行政确认", key="birth"),
          power("甲市公安局", "出生登记", "行政确认", key="hukou"))
    scratch.write("""
    MATCH (j:Jurisdiction {name: '甲市'}), (wj:Department {name: '甲市卫生健康委员会'}), (ga:Department {name: '甲市公安局'})
    MATCH (p1:Power {key: 'birth'}), (p2:Power {key: 'hukou'})
    CREATE (good:Thing {key: 'T1@1', name: '新生儿出生一件事', materials_after: 4, materials_before: 10})
    CREATE (good)-[:IN_JURISDICTION]->(j), (good)-[:LED_BY]->(wj), (good)-[:COOPERATING {as_published: '公安部门'}]->(ga)
    CREATE (good)-[:INCLUDES]->(:ServiceItem {key: 'S1', name: '出生医学证明'})-[:REALISES]->(p1)
    CREATE (bad:Thing {key: 'T2@1', name: '落户一件事', cooperating_published: ['人社部门']})
    CREATE (bad)-[:IN_JURISDICTION]->(j), (bad)-[:LED_BY]->(wj)
    CREATE (bad)-[:INCLUDES]->(:ServiceItem {key: 'S2', name: '户口登记'})-[:REALISES]->(p2)
    """)
    hits = [f for f in gaps.find(scratch) if f.kind == "thing_lead_without_items"]
    assert [f.evidence[0]["thing"] for f in hits] == ["落户一件事"]
    # its place said (「一件事「开办餐饮店一件事」（），牵头 …」 in trial 46)
    from kb.analyses.report import evidence_line

    assert evidence_line(hits[0].evidence[0]).startswith("一件事「落户一件事」（甲市），牵头 甲市卫生健康委员会")
    rows = {r["name"]: r for r in services.report(scratch)}
    assert rows["新生儿出生一件事"]["saved"]["materials"]["saved"] == 6
    assert "days_before" in rows["新生儿出生一件事"]["metrics_missing"]
    assert rows["落户一件事"]["cooperating_unlinked"] == ["人社部门"]


# --- chains, consistency and services on hand-built graphs ------------------------------------------

def _two_levels(scratch: Graph, county: dict | None = None, city: dict | None = None, extra_city: bool = False) -> None:
    base = {"department": "甲市林业和草原局", "name": "林草种子生产经营许可证的核发", "type_": "行政许可",
            "cites": [cite("种子法", 31)]}
    rows = [power(**(base | {"level": "city", "duties": [duty(kind="指导监督")]} | (city or {}))),
            power(**(base | {"level": "county"} | (county or {})))]
    if extra_city:
        rows.append(power("甲市林业和草原局", "进入自然保护区审批", "行政许可", level="city", duties=[duty(kind="指导监督")]))
        rows.append(power("甲市林业和草原局", "核定草原载畜量", "行政确认", level="county"))
    build(scratch, *rows)


def test_chain_links_one_department_at_two_levels(scratch: Graph) -> None:
    _two_levels(scratch, city={"name": "权限内林草种子生产经营许可证的核发"})
    steps = chains.chain(scratch, "权限内林草种子生产经营许可证的核发")
    assert [(s["level"], s["via"]) for s in steps] == [("city", None), ("county", "name")]
    assert "指导监督" in steps[0]["responsibilities"] and "直接实施" in steps[1]["responsibilities"]
    up = chains.chain(scratch, steps[1]["key"], "up")
    assert [s["level"] for s in up] == ["county", "city"]


def test_chain_rules_fire_and_do_not(scratch: Graph) -> None:
    _two_levels(scratch, extra_city=True)
    found = chains.find(scratch)
    assert sorted((f.kind, f.powers[0]) for f in found) == [("no_upper_counterpart", "核定草原载畜量"),
                                                            ("not_implemented_below", "进入自然保护区审批")]


def test_a_catalogue_chain_that_skips_a_level(scratch: Graph) -> None:
    build(scratch,
          power("乙省市场监督管理局", "食品经营许可", "行政许可", level="province", jurisdiction="乙省",
                jurisdiction_level="province", catalog=["000123001000"]),
          *[power("乙省市场监督管理局", f"其他事项{i}", level="province", jurisdiction="乙省",
                  jurisdiction_level="province") for i in range(2)],
          power("乙县市场监督管理局", "食品经营许可", "行政许可", level="county", jurisdiction="乙县",
                jurisdiction_level="county", catalog=["000123001000"]),
          power("乙市市场监督管理局", "其他事项", level="city", jurisdiction="乙市"))
    scratch.write("MATCH (a:Department {name: '乙县市场监督管理局'}), (b:Department {name: '乙市市场监督管理局'}), "
                  "(c:Department {name: '乙省市场监督管理局'}) MERGE (a)-[:COUNTERPART_OF]->(b) MERGE (b)-[:COUNTERPART_OF]->(c)")
    found = [f for f in chains.find(scratch) if f.kind == "not_implemented_below"]
    assert [f.level for f in found] == ["city"]
    assert [s["level"] for s in chains.chain(scratch, "000123001000")] == ["province", "county"]


@pytest.mark.parametrize("attribute, county", [
    ("code", {"code": "650200XK001"}), ("basis", {"cites": [cite("种子法", 32)]}), ("type", {"type_": "行政确认"}),
])
def test_consistency_rule_fires(scratch: Graph, attribute: str, county: dict) -> None:
    _two_levels(scratch, county=county, city={"code": "650200XK000"} if attribute == "code" else None)
    found = consistency.find(scratch)
    assert kinds(found) == [f"{attribute}_differs"]
    assert {e["level"] for e in found[0].evidence} == {"city", "county"}


def test_no_code_differs_where_a_level_gives_none_or_one_in_common(scratch: Graph) -> None:
    """A county's code that is the city's catalogue code (广东's 000117001000: 基本编码 above, 事项编码 below), or a list
    with no codes at all: no 编码不一致."""
    _two_levels(scratch, city={"catalog": ["000117001000"]}, county={"code": "000117001000"})
    assert consistency.find(scratch) == []
    scratch.write("MATCH (n) DETACH DELETE n")
    _two_levels(scratch, county={"code": "650200XK001"})
    assert consistency.find(scratch) == []


def test_consistency_name_differs(scratch: Graph) -> None:
    _two_levels(scratch, city={"name": "权限内林草种子生产经营许可证的核发"})
    [f] = consistency.find(scratch)
    assert f.kind == "name_differs"
    assert [e["value"] for e in f.evidence] == ["权限内林草种子生产经营许可证的核发", "林草种子生产经营许可证的核发"]


def test_a_level_that_splits_the_item_into_sub_items_names_it_alike(scratch: Graph) -> None:
    """肇庆's 「取水许可（延续）」 under 广东's 「取水许可」: the item's name is the same; sub-items are no naming difference."""
    _two_levels(scratch, county={"sub": "延续"})
    assert [f.kind for f in consistency.find(scratch)] == []


def test_consistent_chain_has_no_finding(scratch: Graph) -> None:
    _two_levels(scratch)
    assert consistency.find(scratch) == []


def test_service_flags(scratch: Graph) -> None:
    build(scratch, power("甲市卫生健康委员会", "出生医学证明签发", "行政确认", key="birth", duties=[],
                         cites=[cite("某条例", 3)]),
          power("甲市公安局", "出生登记", "行政确认", key="hukou", cites=[cite("某条例", 3)]))
    scratch.write("""
    MATCH (j:Jurisdiction {name: '甲市'}), (wj:Department {name: '甲市卫生健康委员会'}), (ga:Department {name: '甲市公安局'})
    MATCH (p1:Power {key: 'birth'})
    CREATE (t:Thing {key: 'T1@1', name: '新生儿出生一件事', cooperating_published: ['公安部门', '医保部门']})
    CREATE (t)-[:IN_JURISDICTION]->(j), (t)-[:LED_BY]->(wj), (t)-[:COOPERATING {as_published: '公安部门'}]->(ga)
    CREATE (t)-[:INCLUDES]->(:ServiceItem {key: 'S1', name: '出生医学证明'})-[:REALISES]->(p1)
    CREATE (empty:Thing {key: 'T2@1', name: '空的一件事'})
    CREATE (empty)-[:IN_JURISDICTION]->(j), (empty)-[:LED_BY]->(wj)
    """)
    found = report.run(scratch, ("services",)).findings
    assert kinds(found) == ["service_cooperating_unlinked", "service_departments_overlap",
                            "service_item_no_responsibility", "service_no_items"]
    assert next(f for f in found if f.kind == "service_cooperating_unlinked").evidence[0]["unlinked"] == ["医保部门"]


def test_services_quiet_when_all_is_well(scratch: Graph) -> None:
    build(scratch, power("甲市卫生健康委员会", "出生医学证明签发", "行政确认", key="birth"))
    scratch.write("""
    MATCH (j:Jurisdiction {name: '甲市'}), (wj:Department {name: '甲市卫生健康委员会'}), (p1:Power {key: 'birth'})
    CREATE (t:Thing {key: 'T1@1', name: '新生儿出生一件事', cooperating_published: ['卫健部门']})
    CREATE (t)-[:IN_JURISDICTION]->(j), (t)-[:LED_BY]->(wj), (t)-[:COOPERATING {as_published: '卫健部门'}]->(wj)
    CREATE (t)-[:INCLUDES]->(:ServiceItem {key: 'S1', name: '出生医学证明'})-[:REALISES]->(p1)
    """)
    assert report.run(scratch, ("services",)).findings == []


# --- the real data ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real(loaded: Graph) -> report.Report:
    return report.run(loaded)


def _with(findings: list[Finding], kind: str, *texts: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind and all(any(t in p for p in f.powers + f.departments) for t in texts)]


def _articles(f: Finding) -> set[str]:
    return {e["law"] + e["article"] for e in f.evidence if e["type"] == "shared_article"}


def test_real_construction_quality_article_60(real: report.Report) -> None:
    hits = [f for f in real.of_area("overlaps")
            if {"《建设工程质量管理条例》第六十条", "《中华人民共和国建设工程质量管理条例》第六十条"} & _articles(f)]
    assert hits, "应急管理局 and 交通运输局 both punish under 《建设工程质量管理条例》第六十条"
    [f] = hits
    assert f.departments == ["克拉玛依市交通运输局", "克拉玛依市应急管理局"]
    assert "对勘察、设计、施工、工程监理的单位超越本单位资质等级承揽煤矿建设工程等违法行为的处罚" in f.powers
    assert "对交通运输领域勘察、设计、施工、工程监理单位超越本单位资质等级承揽工程等行为的行政处罚" in f.powers
    ev = [e for e in f.evidence if e.get("article") == "第六十条"]
    assert {e["department"] for e in ev} == set(f.departments) and all("超越本单位资质等级" in e["text"] for e in ev)


def test_real_work_safety_article_62_three_departments(real: report.Report) -> None:
    [f] = [f for f in real.findings if f.area == "overlaps" and "《中华人民共和国安全生产法》第六十二条" in _articles(f)]
    assert f.departments == ["克拉玛依市交通运输局", "克拉玛依市发展和改革委员会", "克拉玛依市应急管理局"]
    assert f.kind == "shared_article" and f.level == "city" and f.jurisdiction == "克拉玛依市"


def test_real_seed_permits_are_near_duplicates(real: report.Report) -> None:
    [f] = [f for f in real.findings if f.area == "overlaps"
           and "种子生产经营许可证核发（农作物种子生产经营许可）" in f.powers and "权限内林草种子生产经营许可证的核发" in f.powers]
    [ev] = [e for e in f.evidence if e["type"] == "similar_name"]
    assert ev["similarity"] == pytest.approx(0.917, abs=1e-3)
    assert f.departments == ["克拉玛依市农业农村局", "克拉玛依市林业和草原局"]


def test_real_procedural_laws_alone_make_no_overlap(real: report.Report) -> None:
    from kb.analyses.rules import procedural_laws

    laws = procedural_laws()
    for f in real.of_area("overlaps"):
        keys = {e["law_key"] for e in f.evidence if e["type"] == "shared_article"}
        assert not keys & set(laws.keys), f.summary
        assert f.kind != "shared_article" or keys


def test_real_overlap_counts_and_scores(real: report.Report) -> None:
    found = real.of_area("overlaps")
    assert 80 <= len(found) <= 140
    assert all(0 < f.score <= 1 and f.evidence and len(f.departments) >= 2 for f in found)
    assert len({f.id for f in found}) == len(found)


def test_real_ids_are_stable(loaded: Graph, real: report.Report) -> None:
    again = report.run(loaded, ("overlaps", "gaps"))
    assert {f.id for f in again.findings} == {f.id for f in real.findings if f.area in ("overlaps", "gaps")}


def test_real_gaps(real: report.Report) -> None:
    f = real.findings
    [acc] = _with(f, "no_accountability", "对未经定点从事畜禽屠宰活动的处罚")
    assert acc.departments == ["克拉玛依市农业农村局"] and acc.evidence[0]["missing"] == ["追责情形"]
    [nf] = _with(f, "article_not_found", "对公司申请撤销变更登记的确认")
    assert nf.evidence[0]["article"] == "第二百一十五条" and nf.evidence[0]["law_key"] == "行政许可法"
    [old] = _with(f, "other_version", "对农作物品种测试、试验和种子质量检验机构伪造测试")
    assert old.evidence[0]["article"] == "第七十二条" and old.evidence[0]["now_at"] == "第七十一条"
    [below] = _with(f, "not_implemented_below", "进入自然保护区从事有关活动审批")
    assert below.evidence[0]["missing_level"] == "county"
    unloaded = {e["law_key"] for g in f if g.kind == "law_not_loaded" for e in g.evidence}
    assert "建设工程质量管理条例" in unloaded and "安全生产法" not in unloaded
    assert not [g for g in f if g.kind in ("no_responsibility", "no_basis", "missing_stage")]


def test_real_forestry_chain_and_consistency(loaded: Graph, real: report.Report) -> None:
    steps = chains.chain(loaded, "权限内林草种子生产经营许可证的核发")
    assert [(s["level"], s["department"], s["power"]) for s in steps] == [
        ("city", "克拉玛依市林业和草原局", "权限内林草种子生产经营许可证的核发"),
        ("county", "克拉玛依市林业和草原局", "林草种子生产经营许可证的核发")]
    ch = chains.load(loaded)
    forestry_links = [lk for lk in ch.links if ch.powers[lk.lower].department == "克拉玛依市林业和草原局"]
    assert len(forestry_links) >= 145
    assert _with(real.findings, "no_upper_counterpart", "核定草原载畜量")
    [name] = _with(real.findings, "name_differs", "权限内林草种子生产经营许可证的核发")
    assert [e["level"] for e in name.evidence] == ["city", "county"]
    [basis] = _with(real.findings, "basis_differs", "建设项目使用草原审批")
    assert any("第四十一条" in v for e in basis.evidence if e["level"] == "city" for v in e["value"])


def test_real_services_show_what_is_there_and_what_is_missing(loaded: Graph) -> None:
    rows = {(r["name"], r["area"]): r for r in services.report(loaded)}
    assert len(rows) == 11
    liuyang = next(r for (n, a), r in rows.items() if n == "新生儿出生一件事" and a.startswith("浏阳"))
    assert liuyang["lead"] == "浏阳市卫生健康局"
    assert liuyang["metrics"]["materials_after"] == 14 and liuyang["metrics"]["days_after"] == 5
    assert {"materials_before", "days_before", "visits_before", "visits_after"} <= set(liuyang["metrics_missing"])
    assert liuyang["saved"] == {}


def test_blocked_search_recall(loaded: Graph) -> None:
    """Blocked near-duplicate search vs scoring every pair, same threshold, all of ../shared/data."""
    items, group_of, _ = overlaps.similarity_entries(powers.load_powers(loaded))
    stats = names.BlockingStats()
    blocked = names.similar_pairs(items, overlaps.DEFAULT_THRESHOLD, group_of=group_of, stats=stats)
    exhaustive = names.exhaustive_pairs(items, overlaps.DEFAULT_THRESHOLD, group_of=group_of)
    assert exhaustive, "the real data has near-duplicate names"
    recall = len(set(blocked) & set(exhaustive)) / len(exhaustive)
    print(f"recall {recall:.3f}: {len(blocked)} of {len(exhaustive)} pairs, "
          f"{stats.candidates} candidates scored instead of {stats.all_pairs}")
    assert recall >= 0.98
    assert stats.candidates < stats.all_pairs / 10


# --- lists the analyses were not developed on -------------------------------------------------------

DEMO_CHAIN = Path(__file__).resolve().parents[2] / "kb" / "demo" / "example_chain"


@pytest.mark.skipif(not DEMO_CHAIN.is_dir(), reason="kb/demo/example_chain is not there")
def test_unseen_lists_the_demo_four_level_chain(scratch: Graph) -> None:
    """The labelled example chain (湖南省 → 长沙市 → 浏阳市 → 集里街道, staged duties, catalogue codes)."""
    from importers.run import import_paths

    import_paths(scratch, [DEMO_CHAIN], progress=False)
    result = report.run(scratch)
    assert all(f.evidence for f in result.findings)
    steps = chains.chain(scratch, "000106001000")
    assert [s["level"] for s in steps] == ["province", "city", "county", "township"]
    # The street office holds the inspection by entrustment (委托) from 浏阳市市场监督管理局.
    assert [s["via"] for s in steps[1:]] == ["catalogue", "catalogue", "delegation"]
    assert steps[3]["via_detail"]["manner"] == "委托"
    # Bottom-up from the item's name starts at the lowest level that holds it and climbs to the top.
    up = chains.chain(scratch, "对食品经营者的监督检查", "up")
    assert [s["level"] for s in up] == ["township", "county", "city", "province"]
    staged = [f for f in result.findings if f.kind == "missing_stage"]
    assert staged and all(f.evidence[0]["named"] for f in staged)
    township = [f for f in staged if f.level == "township"]
    # its 决定 is named: the 审查 it is made on is not asked for (行政处罚法 第五十七条, stages.toml)
    assert township and set(township[0].evidence[0]["missing"]) == {"告知", "执行"}


def test_a_township_s_delegated_power_chains_up_to_the_delegating_body_s_by_its_code_or_name(scratch: Graph,
                                                                                              tmp_path) -> None:
    """港沟街道's 赋权 list names the body that delegated each power (原实施部门) and the item as that body's list does,
    with no catalogue code: the delegation reaches the body's power of the same code, else of the same name (it reached
    the body only: `kb chain` stopped at the township)."""
    from importers.run import import_paths

    county = tmp_path / "济南市历城区市场监督管理局权责清单.csv"
    county.write_text("序号,事项编码,事项名称,权力类型,实施依据\n"
                      "1,000617001000,食品生产经营监督检查,行政检查,《中华人民共和国食品安全法》第一百一十条\n"
                      "2,,对无证无照经营的查处,行政处罚,《无证无照经营查处办法》第十三条\n", encoding="utf-8")
    town = tmp_path / "济南市历城区港沟街道赋权事项清单.csv"
    town.write_text("序号,事项编码,事项名称,权力类型,实施依据,原实施部门,赋权方式\n"
                    "1,000617001000,食品生产经营监督检查,行政检查,《中华人民共和国食品安全法》第一百一十条,"
                    "济南市历城区市场监督管理局,下放\n"
                    "2,,对无证无照经营的查处,行政处罚,《无证无照经营查处办法》第十三条,济南市历城区市场监督管理局,委托\n",
                    encoding="utf-8")
    report = import_paths(scratch, [county, town], progress=False)
    assert [f["status"] for f in report["files"]] == ["imported", "imported"]
    linked = scratch.read("""
        MATCH (dl:Delegation)-[:TO_POWER]->(p:Power), (dl)-[:FROM_POWER]->(up:Power)<-[:HOLDS]-(d:Department)
        RETURN p.name AS name, dl.manner AS manner, d.name AS source ORDER BY name""")
    assert linked == [{"name": "对无证无照经营的查处", "manner": "委托", "source": "济南市历城区市场监督管理局"},
                      {"name": "食品生产经营监督检查", "manner": "下放", "source": "济南市历城区市场监督管理局"}]
    [key] = [r["k"] for r in scratch.read("MATCH (p:Power {name: '食品生产经营监督检查'})<-[:HOLDS]-(:Department "
                                          "{name: '历城区港沟街道办事处'}) RETURN p.key AS k")]
    steps = chains.chain(scratch, key, "up")
    assert [s["level"] for s in steps] == ["township", "county"] and steps[1]["via"] == "delegation"
