"""Gap rules that work on rows (no database; the e2e tests run every rule on real graphs)."""
from __future__ import annotations

from dataclasses import replace

from importers.duties import duties_of, split_duties, stage_row_duty
from kb.analyses import gaps
from kb.analyses.report import evidence_line
from kb.model import heading_stages, listed_stages, stage_rules

ROW = {"key": "k1", "power": "食品经营许可", "type": "行政许可", "level": "", "department_level": "city",
       "department": "甲市市场监督管理局", "jurisdiction": "甲市", "file": "f.xls", "sheet": "S", "row": 3}


# The readings of a procedure are the same whichever types are asked for. Types whose procedure no law of general
# application sets (给付, 确认, 裁决, 征收) are read as an office that asks every type's set would (ask_without_law);
# by default they are not asked for (test_missing_stage_asks_only_what_a_general_law_asks).
EVERY_TYPE = replace(stage_rules(), ask_without_law=True)


def test_missing_stage_only_where_stages_are_named() -> None:
    named = gaps.missing_stage([ROW | {"stages": ["受理", "审查", "决定"]}])
    assert [f.kind for f in named] == ["missing_stage"]
    assert named[0].evidence[0]["missing"] == ["送达", "事后监管"] and named[0].level == "city"
    assert gaps.missing_stage([ROW | {"stages": ["事后监管"]}]) == []  # one stage named: not a staged list
    assert gaps.missing_stage([ROW | {"stages": ["受理", "审查", "决定", "送达", "事后监管"]}]) == []


PUNISH = ["调查", "审查", "告知", "决定", "送达", "执行"]


def test_missing_stage_reads_synonyms_sub_kinds_and_preliminary_levels() -> None:
    def missing(**row) -> list[str]:
        found = gaps.missing_stage([ROW | row])
        return found[0].evidence[0]["missing"] if found else []

    # 消防 names its first stage 受理, Xi'an 受案 (stored as 立案 by the importer): both are 立案
    assert missing(type="行政处罚", power="对消防违法行为的处罚", stages=["受理", *PUNISH]) == []
    assert missing(type="行政处罚", power="对违法行为的处罚", stages=PUNISH) == ["立案"]
    # a 强制措施 (临时查封) has no 催告; a 强制执行 does
    assert missing(type="行政强制", power="临时查封场所", stages=["决定", "执行", "解除"]) == []
    assert missing(type="行政强制", power="代履行", stages=["决定", "执行", "事后监管"]) == ["催告"]
    # a level that only reviews first is not asked for 决定 / 送达
    permit = {"type": "行政许可", "stages": ["受理", "审查", "事后监管"]}
    assert missing(**permit, scope="负责受理、初审后报自治区审批") == []
    assert missing(**permit, duty_texts=["受理责任：…", "初审责任：对申请材料进行初审，提出意见报市局"]) == []
    assert missing(**permit) == ["决定", "送达"]
    # … or whose name says so in its note (连南's 筹备设立宗教活动场所审核（初审）): not a note of another kind
    assert missing(**permit, power="筹备设立宗教活动场所审核（初审）") == []
    assert missing(**permit, power="宗教活动场所登记（设立）") == ["决定", "送达"]
    for note in ("（县级初审）", "（含初审、审批）", "（不含初审）", "（报省级备案）", "（上报市场监管总局）"):  # no first review of its own
        assert missing(**permit, power="建设项目审批" + note) == ["决定", "送达"], note
    evidence = gaps.missing_stage([ROW | {"type": "行政强制", "power": "扣押财物", "stages": ["决定"],
                                          "duty_texts": []}])
    assert evidence == []  # one stage named: not a staged list


def test_missing_stage_reads_a_heading_that_names_two_stages() -> None:
    # the duty is stored with its first stage (审查); its heading names 决定 as well
    row = ROW | {"type": "行政确认", "power": "独生子女父母光荣证核发与注销", "stages": ["受理", "审查", "送达", "事后监管"]}
    texts = ["受理阶段责任：公示材料", "审查和决定阶段责任：审核材料，直接作出行政确认或者不予确认决定",
             "送达阶段责任：发放光荣证", "事后监管责任：加强监管"]
    assert gaps.missing_stage([row | {"duty_texts": texts}], EVERY_TYPE) == []
    assert gaps.missing_stage([row | {"duty_texts": [t.replace("审查和决定", "审查") for t in texts]}], EVERY_TYPE)[0] \
        .evidence[0]["missing"] == ["决定"]


def test_missing_stage_reads_stage_headings_alone_on_their_line() -> None:
    # 北京: "1.受理环节" on a line of its own, no colon; the row as the graph gives it after an import
    def row(text: str) -> dict:
        duties = split_duties(text)
        return ROW | {"power": "林草种子苗木检疫审批", "stages": [d.stage for d in duties if d.stage],
                      "duty_texts": [d.text for d in duties]}

    stages = [("受理", "接收申请人提交的材料。"), ("审查", "对书面申请材料进行审查。"), ("决定", "作出准予许可的决定。"),
              ("送达", "制发并送达审批单。"), ("事后监管", "建立健全监督制度。")]
    cell = "\n".join(f"{i}.{s}环节\n{t}" for i, (s, t) in enumerate(stages, 1))
    assert gaps.missing_stage([row(cell)]) == []
    left_out = "\n".join(f"{i}.{s}环节\n{t}" for i, (s, t) in enumerate(stages, 1) if s != "送达")
    assert [f.evidence[0]["missing"] for f in gaps.missing_stage([row(left_out)])] == [["送达"]]


def test_missing_stage_of_a_ruling_reads_its_ruling_and_asks_for_no_execution() -> None:
    # 济源下冶镇: a township decides a 林权 dispute in rows 受理, 审理, 裁决 (a 办理环节 column); a party
    # who disagrees sues (森林法 第二十二条), so nothing is executed by the township
    duties = [stage_row_duty(i, s, t) for i, (s, t) in enumerate(
        [("受理", "依法受理或不受理。"), ("审理", "对争议的事实、证据材料进行审查。"), ("裁决", "根据事实和法规做出裁决。"),
         ("送达", "向双方送达裁决书。")], 1)]
    row = ROW | {"type": "行政裁决", "power": "林木所有权、林地使用权争议裁决", "stages": [d.stage for d in duties],
                 "duty_texts": [d.text for d in duties]}
    assert gaps.missing_stage([row], EVERY_TYPE) == []
    left_out = row | {"stages": row["stages"][:3], "duty_texts": row["duty_texts"][:3]}
    assert [f.evidence[0]["missing"] for f in gaps.missing_stage([left_out], EVERY_TYPE)] == [["送达"]]


def test_missing_stage_reads_supervision_in_the_reform_s_words() -> None:
    duties = split_duties("1.受理责任:公示材料。 2.审查责任:审查。 3.决定责任:作出决定。 4.送达责任:送达证件。 "
                          "5.事中事后责任:建立健全事中事后监管措施,加强监管。")
    row = ROW | {"power": "旅店业特种行业许可", "stages": [d.stage for d in duties if d.stage],
                 "duty_texts": [d.text for d in duties]}
    assert gaps.missing_stage([row]) == []
    four = row | {"stages": row["stages"][:4], "duty_texts": row["duty_texts"][:4]}
    assert [f.evidence[0]["missing"] for f in gaps.missing_stage([four])] == [["事后监管"]]


def _cite(**kw) -> dict:
    return ROW | {"law": "种子法", "title": "中华人民共和国种子法", "loaded": True, "version_date": "2021-12-24",
                  "article_count": 92, "article": 72, "label": "第七十二条", "text": "", "version_note": "",
                  "field": "basis"} | kw


ARTICLES = [{"law": "种子法", "number": 72, "label": "第七十二条", "text": "违反本法第二十八条规定，有侵犯植物新品种权行为的，由当事人协商解决"},
            {"law": "种子法", "number": 71, "label": "第七十一条",
             "text": "品种测试、试验和种子质量检验机构伪造测试、试验、检验数据或者出具虚假证明的，由县级以上人民政府农业农村主管部门责令改正"}]


def test_citation_rules_keep_versions_apart() -> None:
    old = "（2000年7月8日主席令第三十四号颁布，2015年11月4日予以修改）"
    text = "品种测试、试验和种子质量检验机构伪造测试、试验、检验数据或者出具虚假证明的，由县级以上人民政府农业、林业主管部门责令改正"
    rows = [_cite(key="k1", text=text, version_note=old),                 # old version, text moved to 71
            _cite(key="k2", article=215, label="第二百一十五条"),          # loaded version, no such article
            _cite(key="k3", article=215, label="第二百一十五条", version_note=old),  # old version, no such article
            _cite(key="k4", text=ARTICLES[0]["text"], version_note=old),  # old version, same text
            _cite(key="k5", law="森林法", title="森林法", loaded=False, article=3)]
    found = {(f.kind, f.power_keys[0]) for f in gaps.citations(rows, ARTICLES)}
    assert found == {("other_version", "k1"), ("article_not_found", "k2"), ("other_version", "k3"),
                     ("law_not_loaded", "k5")}
    moved = next(f for f in gaps.citations(rows[:1], ARTICLES))
    assert moved.evidence[0]["now_at"] == "第七十一条"


def test_other_version_compares_a_kept_older_text_as_the_review_queue_does() -> None:
    """With the cited version's text kept (a LawVersion), where the cited article went comes from
    kb.lawtext.compare_articles, as the law importer's review queue: here 第七十二条 of 2015 moved to 71,
    第九十条 was repealed; the citing text quotes nothing, so only the kept text can say it."""
    old = "（2000年7月8日主席令第三十四号颁布，2015年11月4日予以修改）"
    kept = [{"law": "种子法", "number": 72, "label": "第七十二条", "text": ARTICLES[1]["text"], "version": "2015-11-04"},
            {"law": "种子法", "number": 90, "label": "第九十条", "text": "某条已经删去的规定，内容与现行任何一条都不同。",
             "version": "2015-11-04"}]
    rows = [_cite(key="k1", version_note=old, text="某段与条文无关的引用文字，足够长而不与任何一条相符。"),
            _cite(key="k2", article=90, label="第九十条", version_note=old)]
    found = {f.power_keys[0]: f.evidence[0] for f in gaps.citations(rows, ARTICLES + kept)}
    assert (found["k1"]["version_change"], found["k1"]["now_at"], found["k1"]["compared_with"]) == \
        ("条号变动", "第七十一条", "2015-11-04")
    assert found["k2"]["version_change"] == "已删除" and "now_at" not in found["k2"]
    assert gaps.citations(rows, ARTICLES)[0].evidence[0].get("version_change") is None  # no kept text: by quote


def test_permit_without_supervision() -> None:
    permit = ROW | {"laws": ["食品安全法", "行政许可法"], "supervision": [], "responsibility_text": "1.受理。2.审查。"}
    assert [f.kind for f in gaps.permit_without_supervision([permit])] == ["permit_without_supervision"]
    inspection = ROW | {"key": "k9", "type": "行政检查", "laws": ["食品安全法"], "supervision": [], "responsibility_text": ""}
    assert gaps.permit_without_supervision([permit, inspection]) == []
    procedural_only = inspection | {"laws": ["行政许可法"]}
    assert len(gaps.permit_without_supervision([permit, procedural_only])) == 1
    worded = permit | {"responsibility_text": "3.建立健全监督制度，对被许可人从事行政许可事项的活动进行监督"}
    assert gaps.permit_without_supervision([worded]) == []
    # 涪陵: a check of how the permitted work is carried out is the supervision (a reader, 2026-12-04)
    for checked in ("5.对建设项目按照审查同意的位置、界限施工情况进行检查，参与竣工验收。",
                    "5.对水土保持方案实施情况开展跟踪检查，督促生产建设单位落实水土保持措施。"):
        assert gaps.permit_without_supervision([permit | {"responsibility_text": f"1.受理。2.审查。{checked}"}]) == []
    # 鄱阳: a step of its own that starts by supervising the permit holder (a reader, 2026-12-05); a step on another
    # subject ("监督" further in: 「发证，接受社会监督」) is none
    steps = ["受理；", "审查（含水资源论证报告书审查）；", "决定；", "发证；"]
    supervised = permit | {"duty_texts": [*steps, "监督取水单位安装计量设施并按许可取水。"],
                           "responsibility_text": "①受理；②审查；③决定；④发证；⑤监督取水单位安装计量设施并按许可取水。"}
    assert gaps.permit_without_supervision([supervised]) == []
    unsupervised = permit | {"duty_texts": [*steps, "公开办理结果，接受社会监督。"]}
    assert len(gaps.permit_without_supervision([unsupervised])) == 1
    dutiless = permit | {"duties": 0, "responsibility_text": ""}  # no_responsibility's finding, not this one's
    assert gaps.permit_without_supervision([dutiless]) == []


def test_missing_stage_reads_a_decision_that_serves_and_a_dispute_reviewed_by_investigation() -> None:
    def missing(**row) -> list[str]:
        found = gaps.missing_stage([ROW | row], EVERY_TYPE)
        return found[0].evidence[0]["missing"] if found else []

    stages = ["受理", "审查", "决定", "事后监管"]
    # the duties as kb.importers.duties stores them (their numbers taken off)
    cell = "1.受理责任：依法受理。\n2.审查责任：审查材料。\n3.决定责任：作出决定，准予许可的，颁发许可证。\n4.事后监管责任：加强监管。"
    issued = [d.text for d in split_duties(cell)]
    assert missing(stages=stages, duty_texts=issued) == []
    decided = [*issued[:2], "决定责任：作出准予或不予许可的决定。", issued[3]]
    assert missing(stages=stages, duty_texts=decided) == ["送达"]
    # the words of an issue in another stage's duty are not a service (受理: 发放申请表)
    received = ["受理责任：发放申请表，依法受理。", *decided[1:]]
    assert missing(stages=stages, duty_texts=received) == ["送达"]
    # a dispute's 调查 and 调解 are its review; a punishment's 调查 is not its 审查, its 决定 is (the head reviews and
    # decides in one act, 行政处罚法 第五十七条): a 审查 is asked only with the 决定
    assert missing(type="行政裁决", power="土地权属争议处理", stages=["受理", "调查", "调解", "决定", "送达"]) == []
    assert missing(type="行政处罚", power="对违法行为的处罚", stages=["立案", "调查", "告知", "决定", "送达", "执行"]) == []
    assert missing(type="行政处罚", power="对违法行为的处罚", stages=["立案", "调查", "告知", "送达", "执行"]) \
        == ["审查", "决定"]
    # a levy collected and recovered (执行) is followed up; one that stops at its decision is not
    assert missing(type="行政征收", power="城市基础设施配套费征收", stages=["受理", "审查", "决定", "执行"]) == []
    assert missing(type="行政征收", power="城市基础设施配套费征收", stages=["受理", "审查", "决定"]) == ["事后监管"]


def test_missing_stage_reads_the_procedure_s_own_words_and_a_list_written_in_stages() -> None:
    def found(cell: str, **row) -> list[str]:
        duties = split_duties(cell)
        hits = gaps.missing_stage([ROW | {"stages": [d.stage for d in duties if d.stage],
                                          "duty_texts": [d.text for d in duties]} | row], EVERY_TYPE)
        return hits[0].evidence[0]["missing"] if hits else []

    confirm = {"type": "行政确认", "power": "农业机械事故责任的认定"}
    # 宣州: the review is 现场鉴定, a heading of its own where 审查 would be
    cell = ("1.受理阶段责任:依法受理或不予受理(不予受理应当告知理由) 2.现场鉴定阶段责任:依照管理办法进行鉴定; "
            "3.决定阶段责任:出具鉴定报告。 4.送达阶段责任:向申请人送达鉴定报告。 5.其它法律法规政策规定应履行的责任")
    assert found(cell, **confirm) == []
    # … but a heading of its own elsewhere (after 送达) is not the review the list leaves out
    moved = ("1.受理阶段责任:依法受理。2.决定阶段责任:出具鉴定报告。3.送达阶段责任:送达鉴定报告。"
             "4.信息公开责任:公开结果。")
    assert found(moved, **confirm) == ["审查"]
    hits = gaps.missing_stage([ROW | confirm | {"stages": ["受理", "决定"],
                                                "duty_texts": ["受理责任:受理", "鉴定责任:鉴定", "决定责任:决定"]}], EVERY_TYPE)
    assert hits[0].evidence[0]["missing"] == ["送达"] and hits[0].evidence[0]["own_word"] == {"审查": "鉴定责任:鉴定"}
    from kb.analyses.report import evidence_line
    assert "缺少：送达" in evidence_line(hits[0].evidence[0])
    assert "以本程序用语写明：审查（鉴定责任:鉴定）" in evidence_line(hits[0].evidence[0])
    # 册亨: a permit whose only duty is 1.受理责任 — a list written in stages that names one is checked
    assert found("1.受理责任:受理申请。", power="宗教活动场所内改建审批") == ["审查", "决定", "送达", "事后监管"]
    # … a cell of numbered duties of which one names a stage is not (most cells name none)
    assert found("1.受理申请材料。\n2.审核责任:审核。\n3.依法作出决定。", power="宗教活动场所内改建审批") == []
    # a 决定 that pays (依程序给付) or issues the certificate (制发) delivers; one that decides to pay does not
    paid = "1.受理责任:受理。\n2.审查责任:审查。\n3.决定责任:对金额进行确认并依程序给付。\n4.事后监管责任:留存材料。"
    give = {"type": "行政给付", "power": "修缮资金给付"}
    assert found(paid, **give) == []
    assert found(paid.replace("并依程序给付", "作出给付决定"), **give) == ["送达"]
    assert found(paid.replace("并依程序给付", "告之后续发放抚恤金等事宜"), **give) == ["送达"]
    # … or pays it in words of its own (第十师北屯市: "现场予以告知后续办理事宜,并由财政打卡发放")
    assert found(paid.replace("并依程序给付", "现场予以告知后续办理事宜,并由财政打卡发放"), **give) == []
    assert found(paid.replace("对金额进行确认并依程序给付", "制发《特困人员救助供养证》"), **confirm) == []
    # a county that reports up by the approval's level (和林格尔) decides nothing of its own
    up = "1.受理责任:受理乡镇上报的材料2.审核责任:对书面材料进行审核,3.报送责任:对符合的根据审批权限上报市退役军人事务局"
    assert found(up, **give) == []


def test_a_layout_without_a_basis_column_is_one_finding_for_its_list() -> None:
    version = {"key": "v1", "file": "宣州区农业农村局.json", "mapping": "standard", "version": "2023",
               "fields": ["item_name", "type", "responsibility_text"]}
    rows = [ROW | {"key": f"k{i}", "power": f"认定{i}", "basis": "", "list": version} for i in range(3)]
    found = gaps.no_basis(rows)
    assert [(f.kind, len(f.powers)) for f in found] == [("no_basis", 3)]
    assert found[0].evidence[0]["missing_columns"] == ["实施依据"] and "没有实施依据列" in found[0].summary
    # a layout with the column: each empty cell is its own finding; a basis without a law's title is unmatched
    version = version | {"fields": [*version["fields"], "basis_text"]}
    rows = [ROW | {"key": "k1", "power": "甲", "basis": "", "list": version},
            ROW | {"key": "k2", "power": "乙", "basis": "依据国家有关规定", "list": version}]
    assert [(f.kind, f.powers) for f in gaps.no_basis(rows)] == [("no_basis", ["甲"]), ("basis_unmatched", ["乙"])]


def missing(type_: str, power: str, cell: str, **columns: str) -> list[str]:
    """The stages missing_stage says a power of this type and name lacks, its cell split as the importer does
    (`columns`: its other columns, remarks=…, scope=…)."""
    duties = split_duties(cell)
    row = ROW | columns | {"type": type_, "power": power, "stages": [d.stage for d in duties if d.stage],
                           "duty_texts": [d.text for d in duties]}
    found = gaps.missing_stage([row], EVERY_TYPE)
    return found[0].evidence[0]["missing"] if found else []


def test_missing_stage_reads_the_twelfth_sample_s_procedures() -> None:
    """What a reader judged complete in the twelfth sample (docs/analyses.md), each as a reading of the procedure:
    two stages run together in one heading, a payment that carries out its review, a 确认's 调查核实, a 决定 duty
    that reviews, a 强制执行 without a follow-up stage, a level that directs the level below."""
    # 审查决定责任 names 审查 and 决定, 送达执行责任 送达 and 执行: what is left out is 告知 (行政处罚法 第四十四条)
    penalty = "1.立案责任：决定是否立案。2.调查取证责任：调查取证。3.审查决定责任：依法作出处罚决定。4.送达执行责任：送达并执行。"
    assert missing("行政处罚", "对乱张贴的行政处罚", penalty) == ["告知"]
    assert missing("行政处罚", "对乱张贴的行政处罚", penalty.replace("3.审查决定", "3.告知责任：告知陈述申辩权利。4.审查决定")
                   .replace("4.送达执行", "5.送达执行")) == []
    # 受理 → 审核 → 发放: the payment carries out the review (高龄津贴, 失业保险金); without the payment it is asked for
    pay = "受理：受理申请；审核：对申请人的条件进行审核；发放：按月发放。"
    assert missing("行政给付", "失业保险金的给付", pay) == []
    assert missing("行政给付", "失业保险金的给付", pay.replace("发放：按月发放。", "")) == ["决定", "送达"]
    # 工伤认定: 调查核实 is a 确认's 审查, and a heading of its own after a semicolon
    assert missing("行政确认", "工伤认定", "受理：审查材料，予以受理；调查核实：对事故伤害进行调查核实；"
                                       "决定：作出工伤认定决定；送达：书面通知申请人。") == []
    # a 审批 duty that reviews in its own words (进行审查) names 审查; one that does not is asked for it
    relief = "1.受理责任：受理申请。2.审批责任：对上报材料进行审查，作出批准的决定。3.发放责任：按规定发放。"
    assert missing("行政给付", "特困人员救助供养", relief) == []
    assert missing("行政给付", "特困人员救助供养", relief.replace("对上报材料进行审查，", "")) == ["审查"]
    # a 强制执行 (催告 → 决定 → 公告 → 执行) has no follow-up stage of its own; its 催告 is still asked for
    demolish = "1.催告阶段：书面催告。2.决定阶段：作出强制执行决定。3.公告阶段：予以公告。4.执行阶段：依法强制拆除。"
    assert missing("行政强制", "对违法建设采取强制拆除措施", demolish) == []
    assert missing("行政强制", "对违法建设采取强制拆除措施", demolish.replace("1.催告阶段：书面催告。", "")) == ["催告"]
    # a city that directs its counties to take and review the applications implements none of the stages itself
    subsidy = "1.审核环节：督促县级农业农村部门对补贴申请进行受理、审核。2.公示环节：督促公示。3.监管环节：监督检查。"
    assert missing("行政给付", "农业机械购置补贴", subsidy) == []
    assert missing("行政给付", "农业机械购置补贴", subsidy.replace("督促县级农业农村部门对", "对")) == ["受理", "决定", "送达"]


def test_missing_stage_reads_the_thirteenth_sample_s_procedures() -> None:
    """What a reader judged complete in the thirteenth sample (docs/analyses.md): a 决定 that 核发s the licence
    delivers it; a 行政强制 named without a sub-kind's word that 催告s is a 强制执行; a 裁决's 处理决定 is its decision."""
    homestead = ("1.受理：受理申请。\n2.审查：实地踏勘。\n3.决定：对符合条件的予以批准，核发农村宅基地批准书。\n"
                 "4.监管：批准后组织实地丈量批放。")
    assert missing("行政许可", "农村村民宅基地审批", homestead) == []
    assert missing("行政许可", "农村村民宅基地审批", homestead.replace("，核发农村宅基地批准书", "")) == ["送达"]
    demolish = "1.催告：书面催告当事人自行拆除。\n2.决定：作出强制拆除决定。\n3.公告：予以公告。\n4.执行：依法拆除。"
    assert missing("行政强制", "对逾期不改正的乡村违法建设予以拆除", demolish) == []
    # without its 催告 it is still a 强制执行 (a demolition: 行政强制法 第四十四条), asked for its 催告 (宁夏's and three
    # townships' 予以拆除, judged to lack it, 2026-12-05); no 事后监管
    assert missing("行政强制", "对逾期不改正的乡村违法建设予以拆除", demolish.replace("1.催告：书面催告当事人自行拆除。\n", "")) \
        == ["催告"]
    assert missing("行政强制", "对逾期不改正的乡村违法建设予以拆除", "1.决定责任：作出拆除决定。\n2.送达责任：送达决定书。") \
        == ["催告", "执行"]
    dispute = ("1.受理：审查申请，决定是否受理。\n2.调查：查明争议事实。\n3.调解：组织调解。\n"
               "4.处理：调解不成的，依法作出处理决定并送达当事人。")
    assert missing("行政裁决", "土地、林地所有权和使用权争议处理", dispute) == []
    assert missing("行政裁决", "土地、林地所有权和使用权争议处理", dispute.replace("并送达当事人", "")) == ["送达"]


def test_missing_stage_asks_only_what_a_general_law_asks() -> None:
    """By default a stage is asked for only where 行政许可法, 行政处罚法 or 行政强制法 asks for it, and the finding cites the
    article; a 给付, 确认, 征收 or 裁决 written in stages is not checked (its procedure is the special law's)."""
    pay = "1.受理责任：受理申请。2.审查责任：审核条件。3.监管责任：跟踪回访。"
    assert missing("行政给付", "临时救助金给付", pay) == ["决定", "送达"]  # asked when every type's set is
    duties = split_duties(pay)
    row = ROW | {"type": "行政给付", "power": "临时救助金给付", "stages": [d.stage for d in duties if d.stage],
                 "duty_texts": [d.text for d in duties]}
    assert gaps.missing_stage([row]) == []
    # a penalty without 告知: the article asks for it, in the evidence, the summary and the report's line
    penalty = split_duties("1.立案责任：立案。2.调查责任：调查取证。3.审查责任：审查。4.决定责任：作出决定。5.送达责任：送达。"
                           "6.执行责任：督促履行。")
    found = gaps.missing_stage([ROW | {"type": "行政处罚", "power": "对乱倒垃圾的处罚", "stages": [d.stage for d in penalty],
                                       "duty_texts": [d.text for d in penalty]}])
    assert found[0].evidence[0]["required_by"] == {"告知": "《行政处罚法》第四十四条"}
    assert found[0].summary.endswith("缺少告知（《行政处罚法》第四十四条）环节")
    from kb.analyses.report import evidence_line
    assert "缺少：告知（《行政处罚法》第四十四条）" in evidence_line(found[0].evidence[0])
    # 封闭 (a laboratory, a site) is a 强制措施: its 解除 is asked for by 第二十七、二十八条
    seal = split_duties("1.决定责任：报负责人批准，作出封闭决定。2.执行责任：两名执法人员实施，制作现场笔录。")
    found = gaps.missing_stage([ROW | {"type": "行政强制", "power": "封闭被病原微生物污染的实验室",
                                       "stages": [d.stage for d in seal], "duty_texts": [d.text for d in seal]}])
    assert found[0].evidence[0]["missing"] == ["事后监管"] and found[0].evidence[0]["subkind"] == "强制措施"
    assert found[0].evidence[0]["required_by"] == {"事后监管": "《行政强制法》第二十七条、第二十八条"}


def test_every_stage_a_general_law_sets_cites_its_article() -> None:
    rules = stage_rules()
    sets = {t: rules.by_type[t] for t in ("行政许可", "行政处罚", "行政强制")} | {k.name: k.stages for k in rules.subkinds}
    for name, stages in sets.items():
        assert set(stages) <= set(rules.articles(name)), name
    assert rules.articles("行政给付") is None and EVERY_TYPE.articles("行政给付") == {}


def test_missing_stage_reads_the_fourteenth_sample_s_procedures() -> None:
    """What a reader judged complete in the fourteenth sample (docs/analyses.md): a 强制措施 carried out (实施, 行政强制法
    第十八条) and handled after (处理决定, 第二十七条: 没收, 销毁 or 解除)."""
    seize = ("审批、告知责任：实施前向行政机关负责人报告并经批准；当场告知当事人暂扣理由。实施责任：制作现场笔录，当场交付暂扣决定书和清单。"
             "处理责任：在法定期限内查清事实，作出处理决定；对不再需要暂扣的及时解除并返还车辆。")
    assert missing("行政强制", "暂扣没有车辆营运证的车辆", seize) == []
    assert missing("行政强制", "暂扣没有车辆营运证的车辆", seize[:seize.index("处理责任")]) == ["事后监管"]
    carried_out = seize[seize.index("实施责任"):seize.index("处理责任")]
    assert missing("行政强制", "暂扣没有车辆营运证的车辆", seize.replace(carried_out, "")) == ["执行"]


def test_missing_stage_reads_the_sixteenth_sample_s_procedures() -> None:
    """A 加处罚款 is due by law once the time to pay has passed (行政强制法 第四十五条): no decision of its own is asked
    (纸坊街道's 告知 → 催告 → 执行, judged complete)."""
    surcharge = ("1.告知责任：在行政处罚决定书中告知当事人加处罚款的标准。\n2.催告责任：书面催告履行。\n"
                 "3.执行责任：经催告仍不履行的，依法申请人民法院强制执行。")
    assert missing("行政强制", "对当事人到期不缴纳罚款的加处罚款", surcharge) == []
    assert missing("行政强制", "代履行", surcharge.replace("加处罚款的标准", "代履行")) == ["决定"]  # a 强制执行's


def test_missing_stage_readings_of_the_seventeenth_sample() -> None:
    """接件 is the 受理; a road cleared at once (立即代履行, 行政强制法 第五十二条) has no 催告; a penalty whose duties
    say it may be decided on the spot is asked what both procedures ask (简易程序: 告知, 决定, 送达), and its
    decision handed over (交付, 第五十二条) is served."""
    assert heading_stages("接件\n一次性告知申请所需材料；材料齐全的予以受理。") == ["受理"]

    def missing(**row) -> list[str]:
        found = gaps.missing_stage([ROW | row])
        return found[0].evidence[0]["missing"] if found else []

    clear = "立即清除道路、公共场所的遗洒物、障碍物或者污染物（代履行）"
    assert missing(type="行政强制", power=clear, stages=["决定", "执行"]) == []
    assert missing(type="行政强制", power="对逾期不清除的代履行", stages=["决定", "执行"]) == ["催告"]
    spot = ["调查取证：现场拍照取证。", "决定：依法可以当场作出处罚的，当场作出行政处罚决定并交付当事人；其他案件按一般程序作出处罚决定。",
            "执行：依法收缴罚款。"]
    finding = gaps.missing_stage([ROW | {"type": "行政处罚", "power": "对涂写刻画的处罚", "stages": ["调查", "决定", "执行"],
                                         "duty_texts": spot}])[0]
    assert finding.evidence[0]["missing"] == ["告知"] and finding.evidence[0]["subkind"] == "简易程序"
    # without the words of an on-the-spot decision, the general procedure is asked
    general = [spot[0], "决定：作出行政处罚决定。", spot[2]]
    assert missing(type="行政处罚", power="对涂写刻画的处罚", stages=["调查", "决定", "执行"], duty_texts=general) \
        == ["立案", "告知", "送达"]


def test_a_decision_that_gives_the_certificate_serves_it_but_signing_a_punishment_does_not() -> None:
    def missing(type_: str, decide: str) -> list[str]:
        texts = ["受理：受理申请。", "审查：审查材料。", decide] if type_ == "行政许可" else \
            ["立案：立案。", "调查：调查取证。", "告知：告知陈述申辩权利。", decide, "执行：执行。"]
        stages = ["受理", "审查", "决定"] if type_ == "行政许可" else ["立案", "调查", "告知", "决定", "执行"]
        found = gaps.missing_stage([ROW | {"type": type_, "power": "x", "stages": stages, "duty_texts": texts}])
        return found[0].evidence[0]["missing"] if found else []

    assert missing("行政许可", "决定：准予许可的发给《母婴保健技术服务执业许可证》。") == ["事后监管"]  # 临猗
    assert missing("行政许可", "决定：经检疫合格的，签发植物检疫证书。") == ["事后监管"]  # 房县
    assert missing("行政许可", "决定：作出批复。") == ["送达", "事后监管"]  # 甘肃: decided, not given
    assert missing("行政处罚", "决定：负责人签发行政处罚决定书。") == ["送达"]


def test_a_step_headed_in_the_procedures_own_word_with_a_colon_alone_does_its_stage() -> None:
    # 邛崃's 临时控制措施: 审批 → 实施 → 检验处理 (销毁 or 解除: the follow-up), the last headed "检验处理：" alone
    texts = ["审批：采取临时控制措施前报局负责人批准。", "实施：通知当事人到场，制作现场笔录。",
             "检验处理：及时组织检验，作出销毁或者解除控制措施的决定。"]
    row = ROW | {"type": "行政强制", "power": "对被污染的物品采取封闭、封存等临时控制措施", "stages": ["决定", "执行"],
                 "duty_texts": texts}
    assert gaps.missing_stage([row]) == []
    # the catch-all a list closes with is no step of its own
    closing = [*texts[:2], "其他：法律法规规章规定应履行的其他责任。"]
    assert gaps.missing_stage([row | {"duty_texts": closing}])[0].evidence[0]["missing"] == ["事后监管"]


def test_words_near_a_reading_do_not_trigger_it() -> None:
    """签发《行政处罚决定书》 serves nothing; 不适用简易程序 does not make a penalty one; 办理时限：… is no step."""
    punish = ["立案：立案。", "调查：调查取证。", "告知：告知陈述申辩权利。", "决定：负责人签发《行政处罚决定书》。", "执行：执行。"]
    row = ROW | {"type": "行政处罚", "power": "x", "stages": ["立案", "调查", "告知", "决定", "执行"], "duty_texts": punish}
    assert gaps.missing_stage([row])[0].evidence[0]["missing"] == ["送达"]
    complex_case = [*punish[:3], "决定：案情复杂的不适用简易程序，集体讨论后作出决定。", punish[4]]
    assert gaps.missing_stage([row | {"duty_texts": complex_case}])[0].evidence[0]["missing"] == ["送达"]
    permit = ROW | {"type": "行政许可", "power": "x", "stages": ["受理", "审查"],
                    "duty_texts": ["受理：受理申请。", "审查：审查材料。", "办理时限：自受理之日起20个工作日内办结。"]}
    assert gaps.missing_stage([permit])[0].evidence[0]["missing"] == ["决定", "送达", "事后监管"]


def test_an_order_to_remedy_is_no_warning_and_a_preliminary_review_supervises_nothing() -> None:
    # 颍上's 强行清除 (防洪法 第四十二条): a 强制执行; its 「责令清除：」 is the decision enforced, not the 催告 (第三十五条)
    texts = ["责令清除：书面责令设障者限期清除。", "决定：逾期不清除的，作出代履行决定。", "执行：组织强行清除。"]
    row = ROW | {"type": "行政强制", "power": "强行清除河道内阻碍行洪的障碍物", "stages": ["决定", "执行"],
                 "duty_texts": texts}
    assert gaps.missing_stage([row])[0].evidence[0]["missing"] == ["催告"]
    # another step in the list's own word where the 催告 would be still does it
    warned = ["通知履行：书面通知当事人履行义务，听取陈述申辩。", *texts[1:]]
    assert gaps.missing_stage([row | {"duty_texts": warned}]) == []
    # a county that only reviews first (初审) is asked neither the decision nor the supervision the deciding level does
    permit = ROW | {"type": "行政许可", "power": "建设项目使用林地审核（初审）", "stages": ["受理", "审查"],
                    "scope": "县级初审，市级、省级审核", "duty_texts": ["受理责任：接收申请。", "初审上报责任：出具初审意见，逐级上报。"]}
    assert gaps.missing_stage([permit]) == []
    whole = permit | {"power": "建设项目使用林地审核", "scope": "", "duty_texts": ["受理责任：接收申请。", "审查责任：审查材料。"]}
    assert gaps.missing_stage([whole])[0].evidence[0]["missing"] == ["决定", "送达", "事后监管"]


def test_a_step_on_a_line_of_its_own_and_a_review_that_decides() -> None:
    # 烟台's 按日连续处罚, one row a step: the 责任环节 cell stands on the duty's first line, without a colon
    texts = ["责令改正\n送达责令改正违法行为决定书。", "复查\n三十日内对改正情况实施复查。", "决定\n作出按日连续处罚决定。",
             "送达\n送达决定书。", "执行\n督促缴纳罚款。"]
    row = ROW | {"type": "行政处罚", "power": "按日连续处罚", "stages": ["决定", "送达", "执行"], "duty_texts": texts}
    assert gaps.missing_stage([row])[0].evidence[0]["missing"] == ["告知"]
    # … but a line saying the matter is finished (办结) is no step of its own
    done = ROW | {"type": "行政许可", "power": "x", "stages": ["受理", "审查", "决定"],
                  "duty_texts": ["受理\n受理。", "审查\n审查。", "决定\n作出决定。", "办结\n在3日内办结。"]}
    assert gaps.missing_stage([done])[0].evidence[0]["missing"] == ["送达", "事后监管"]
    # an 审查 duty that makes the decision does the 决定; one that proposes it does not
    permit = ROW | {"type": "行政许可", "power": "工程监理企业资质认定", "stages": ["受理", "审查", "送达", "事后监管"],
                    "duty_texts": ["受理责任：受理。", "审查责任：审查，并依法作出准予或者不予许可的决定。", "送达责任：颁发证书。",
                                   "事后监管责任：监督检查。"]}
    assert gaps.missing_stage([permit]) == []
    proposes = permit | {"duty_texts": [*permit["duty_texts"][:1], "审查责任：审查，提出准予或者不予许可的意见。",
                                        *permit["duty_texts"][2:]]}
    assert gaps.missing_stage([proposes])[0].evidence[0]["missing"] == ["决定"]


def test_a_notice_is_no_warning_and_a_decision_may_tell_or_serve() -> None:
    # 阳东's demolition: 【公告】 (行政强制法 第四十四条) before the decision is no 催告 (第三十五条)
    texts = ["【公告】对违法建筑予以公告，限期当事人自行拆除；", "【决定】作出强制拆除决定并送达；", "【执行】组织实施强制拆除。"]
    row = ROW | {"type": "行政强制", "power": "对违法建筑的强制拆除", "stages": ["决定", "执行"], "duty_texts": texts}
    assert gaps.missing_stage([row])[0].evidence[0]["missing"] == ["催告"]
    # a 决定 duty that tells of the hearing does the 告知; one that tells only of 复议 and 诉讼 does not
    punish = ["立案：立案。", "调查：调查取证。", "决定：作出罚款决定；拟作出较大数额罚款的，告知当事人有要求听证的权利。", "送达：送达。",
              "执行：执行。"]
    penalty = ROW | {"type": "行政处罚", "power": "x", "stages": ["立案", "调查", "决定", "送达", "执行"], "duty_texts": punish}
    assert gaps.missing_stage([penalty]) == []
    remedies = [*punish[:2], "决定：作出罚款决定，告知当事人申请行政复议或者提起行政诉讼的权利。", *punish[3:]]
    assert gaps.missing_stage([penalty | {"duty_texts": remedies}])[0].evidence[0]["missing"] == ["告知"]
    # 发放 followed by a document's title serves the permit
    permit = ROW | {"type": "行政许可", "power": "农村村民宅基地审批", "stages": ["受理", "审查", "决定", "事后监管"],
                    "duty_texts": ["受理：受理。", "审查：审查。", "批准：作出批准决定，发放《农村宅基地批准书》。", "监管：监管。"]}
    assert gaps.missing_stage([permit]) == []


def test_readings_stop_where_a_review_found_them_too_wide() -> None:
    """A review of the new readings (a helper reading them cold) gave wordings where each went too far."""
    # a bracketed label before numbered duties is no step (【责任事项】 did the missing 受理)
    labelled = ROW | {"type": "行政许可", "power": "x", "stages": ["审查", "决定", "送达", "事后监管"],
                      "duty_texts": ["【责任事项】", "审查责任：审查。", "决定责任：决定。", "送达责任：送达。", "事后监管责任：监管。"]}
    assert gaps.missing_stage([labelled])[0].evidence[0]["missing"] == ["受理"]
    # an 审查 duty that proposes the decision, or sends it up to be made, does not make it; a level that reports up
    # keeps its preliminary reading
    proposing = labelled | {"duty_texts": ["受理责任：受理。", "审查责任：审查，提出拟作出准予或者不予许可的意见，报局领导审定。",
                                           "送达责任：送达。", "事后监管责任：监管。"], "stages": ["受理", "审查", "送达", "事后监管"]}
    assert gaps.missing_stage([proposing])[0].evidence[0]["missing"] == ["决定"]
    county = proposing | {"duty_texts": ["受理责任：受理。", "审查责任：审查，符合条件的上报市级主管部门作出批准决定。"],
                          "stages": ["受理", "审查"]}
    assert gaps.missing_stage([county]) == []
    # a closing row that files the case away is no step (结案 did the missing 执行)
    closing = ROW | {"type": "行政处罚", "power": "x", "stages": ["立案", "调查", "告知", "决定", "送达"],
                     "duty_texts": ["立案\n立案。", "调查\n调查。", "告知\n告知。", "决定\n决定。", "送达\n送达。", "结案\n结案归档。"]}
    assert gaps.missing_stage([closing])[0].evidence[0]["missing"] == ["执行"]
    # a 决定 duty that hears the defence has not told of it
    heard = ROW | {"type": "行政处罚", "power": "x", "stages": ["立案", "调查", "决定", "送达", "执行"],
                   "duty_texts": ["立案：立案。", "调查：调查。", "决定：充分听取当事人陈述、申辩后，作出处罚决定。", "送达：送达。",
                                  "执行：执行。"]}
    assert gaps.missing_stage([heard])[0].evidence[0]["missing"] == ["告知"]
    # a step headed 责令… or 公告… that warns in so many words (催告) does the 催告
    for first in ("责令履行：书面催告当事人限期履行义务。", "公告催告：当事人下落不明的，公告催告其履行义务。"):
        enforce = ROW | {"type": "行政强制", "power": "代履行", "stages": ["决定", "执行"],
                         "duty_texts": [first, "决定：作出代履行决定。", "执行：实施代履行。"]}
        assert gaps.missing_stage([enforce]) == [], first


def test_readings_of_the_twenty_fourth_sample() -> None:
    """Each reading the twenty-fourth sample's reader showed, with the wording just beside it that stays a gap."""
    # a cell written in stages splits at a step in its own word too: 山西's 通知 is the measure carried out
    cell = "决定阶段：报经本部门主要负责人批准；通知阶段：书面通知供电企业停止供电；解除阶段：及时解除措施。"
    assert [d.stage for d in split_duties(cell)] == ["决定", None, "解除"]
    assert missing("行政强制", "采取通知有关单位停止供电等措施", cell) == []
    # … and 廉桥镇's 「放线验收：」 line after the permit's decision is its supervision
    assert missing("行政许可", "农村村民宅基地审批", "受理：受理申请。\n审查：实地踏勘。\n批准：作出批准决定，核发《农村宅基地批准书》。"
                   "\n放线验收：开工前实地丈量，竣工后验收。") == []
    # not a note inside a step, nor a cell that names no stage
    assert [d.stage for d in split_duties("受理：依法受理。其中：材料不齐的一次性告知。审查：审查材料。")] == ["受理", "审查"]
    assert len(split_duties("依法受理申请。办理时限：五个工作日。")) == 1
    # a decision duty that tells the party before it decides does the 告知; one that tells of 复议 after it does not
    told = "立案调查：立案并调查取证。\n审查决定：审查案件后告知当事人，依法作出罚款决定。\n送达执行：送达并监督执行。"
    assert missing("行政处罚", "对用人单位违反劳动合同法有关建立职工名册规定的处罚", told) == []
    after = "立案调查：立案并调查取证。\n审查决定：依法作出罚款决定，告知当事人申请复议或者提起诉讼的权利。\n送达执行：送达并监督执行。"
    assert missing("行政处罚", "对用人单位违反劳动合同法有关建立职工名册规定的处罚", after) == ["告知"]
    # an application to the court: the body warns and applies; the court decides and enforces
    court = "【催告】书面催告当事人履行义务。\n【申请】向人民法院提出强制执行申请。\n【配合执行】配合做好执行工作。"
    assert missing("行政强制", "申请人民法院强制执行土地行政处罚决定", court) == []
    asked, why = gaps.required_stages(ROW | {"type": "行政强制", "power": "申请人民法院强制执行土地行政处罚决定", "stages": []})
    assert (asked, why["subkind"], why["required_by"]) == (("催告",), "申请法院强制执行", {"催告": "《行政强制法》第五十四条"})
    # a permit done on another body's entrustment leaves its supervision to that body; a penalty so done is asked all
    permit = ROW | {"type": "行政许可", "power": "特种设备使用登记", "stages": ["受理", "审查", "决定", "送达"],
                    "duty_texts": ["受理：受理。", "审查决定：审查。", "发证：核发使用登记证书。"]}
    assert gaps.missing_stage([permit])[0].evidence[0]["missing"] == ["事后监管"]
    entrusted = permit | {"remarks": "按三明市市场监督管理局委托实施"}
    assert gaps.missing_stage([entrusted]) == []
    penalty = ROW | {"type": "行政处罚", "power": "x", "stages": ["立案", "调查", "决定", "送达", "执行"],
                     "remarks": "受委托实施", "duty_texts": ["立案：立案。", "调查：调查。", "决定：作出决定。", "送达：送达。", "执行：执行。"]}
    assert gaps.missing_stage([penalty])[0].evidence[0]["missing"] == ["告知"]


def test_a_duty_starting_with_its_stage_s_word_does_it_and_another_stage_s_word_does_not() -> None:
    """The twenty-fifth sample: 「1.受理申请，…」 beside headed duties is the 受理; 「监督检查：…」 after the decision is the
    supervision, not the 送达 as well."""
    cell = ("1.受理申请，申请材料不齐全的一次性告知需要补正的全部内容。\n2.审查决定：对申请材料进行审查，作出批准或者不予批准的决定。\n"
            "3.监督检查：对被批准单位的活动进行监督。")
    assert missing("行政许可", "出售、购买、利用国家重点保护陆生野生动物及其制品批准", cell) == ["送达"]
    # a step in the procedure's own word after the decision still stands for what is missing there (到场: 批后丈量, 验收)
    own = "受理：受理。\n审查：审查。\n审批：作出批准或者不予批准的决定。\n到场：批后丈量批放、竣工验收。"
    assert missing("行政许可", "农村村民宅基地审批", own) == []


def test_the_twenty_fourth_sample_s_readings_stop_where_a_review_found_them_too_wide() -> None:
    """A review of the readings (a helper reading them cold, with wordings of its own)."""
    # an application to the court written in stages without its 催告 is found; a 代履行 whose name mentions the court for
    # its costs is still a 强制执行
    assert missing("行政强制", "申请人民法院强制执行", "1.决定责任：作出行政决定。\n2.申请责任：向人民法院申请强制执行。") == ["催告"]
    assert missing("行政强制", "代履行（代履行费用逾期不缴纳的，申请人民法院强制执行）",
                   "1.决定责任：作出代履行决定。\n2.执行责任：实施代履行。") == ["催告"]
    # the notice of 复议 and 诉讼, even with a later sentence deciding, is no 告知
    for cell in ("决定责任：作出行政处罚决定，告知当事人依法享有申请行政复议或者提起行政诉讼的权利；对较重处罚的，集体讨论后作出决定。",
                 "决定责任：作出处罚决定，告知当事人申请复议的权利；依法作出不予处罚决定的，告知当事人。"):
        assert missing("行政处罚", "x", "立案责任：立案。\n调查责任：调查。\n" + cell + "\n送达责任：送达。\n执行责任：执行。") == ["告知"], cell
    # a condition or a label after a sentence's end opens no step that stands for a missing stage
    for cell in ("受理阶段：受理。审查阶段：审查。决定阶段：作出许可决定。准予许可的：颁发许可证；不予许可的：书面说明理由。",
                 "受理责任：受理。审查责任：审查。决定责任：作出决定，颁发许可证。责任主体：行政审批科。",
                 "受理责任：受理。审查责任：审查。决定责任：决定。送达责任：送达许可证。监督电话：0591-12345"):
        assert missing("行政许可", "p", cell) == ["事后监管"], cell
    # a step starting with another stage's word may still do the missing one when that word is no stage of the power's
    # set (监督执行 for a penalty) or its heading names the missing stage (实施催告)
    assert missing("行政处罚", "x", "1.立案：立案。\n2.调查：调查。\n3.告知：告知。\n4.决定：决定。\n5.送达：送达。"
                   "\n6.监督执行：督促当事人履行。") == []
    assert missing("行政强制", "强制拆除", "1.实施催告：书面催告当事人履行义务。\n2.决定：作出强制拆除决定。\n3.执行：组织拆除。") == []
    # the body that entrusts, a ban on entrusting, an applicant's agent: no entrustment of this body
    permit = ROW | {"type": "行政许可", "power": "p", "stages": ["受理", "审查", "决定", "送达"],
                    "duty_texts": ["受理：受理。", "审查：审查。", "决定：决定。", "送达：送达。"]}
    for remarks in ("该事项不得委托实施", "省级；部分事项委托实施", "申请人可以本人申请，也可委托办理"):
        assert gaps.missing_stage([permit | {"remarks": remarks}])[0].evidence[0]["missing"] == ["事后监管"], remarks
    for remarks in ("按三明市市场监督管理局委托实施", "受省林业局委托实施"):
        assert gaps.missing_stage([permit | {"remarks": remarks}]) == [], remarks


def test_a_penalty_that_collects_nothing_is_not_asked_its_execution() -> None:
    """The twenty-sixth sample: a 吊销 alone is carried out by its decision; a suspension or a fine is not."""
    staged = ["立案：立案。", "调查：调查。", "告知：告知。", "决定：决定。", "送达：送达。"]
    row = ROW | {"type": "行政处罚", "power": "x", "stages": ["立案", "调查", "告知", "决定", "送达"], "duty_texts": staged}
    revoke = "第六十七条：…由县级以上地方人民政府交通运输主管部门责令限期投保；拒不投保的，由原许可机关吊销道路运输经营许可证。"
    assert gaps.missing_stage([row | {"basis": revoke}]) == []
    for basis in ("给予警告；情节严重的，责令暂停六个月以上一年以下执业活动直至吊销医师执业证书。",
                  "给予警告，可以并处一千元以下的罚款。", "《道路运输条例》第六十七条。", ""):
        assert gaps.missing_stage([row | {"basis": basis}])[0].evidence[0]["missing"] == ["执行"], basis


def test_a_step_before_a_stage_is_not_that_stage() -> None:
    """The twenty-seventh sample: 新昌's 「决定前责任：…书面催告当事人…」 warns before the decision."""
    cell = ("决定前责任：强制拆除前依法书面催告当事人履行义务，听取陈述、申辩；公告责任：对违法建筑予以公告；"
            "决定责任：作出强制拆除决定，送达当事人；实施责任：组织实施强制拆除。")
    assert missing("行政强制", "强制拆除违法建筑物、构筑物、设施", cell) == []


def test_a_run_of_bracketed_stages_names_each() -> None:
    """The twenty-seventh sample: 宜昌's 「【立案】【调查】…【执行】按照行政处罚法规定的程序办理」 names every stage; a run of labels
    (【责任事项】【依据】) names none."""
    cell = "【立案】【调查】【审查】【告知】【决定】【送达】【执行】按照行政处罚法规定的程序办理。"
    assert heading_stages(cell) == ["立案", "调查", "审查", "告知", "决定", "送达", "执行"]
    assert missing("行政处罚", "x", cell) == []
    assert missing("行政处罚", "x", "【立案】【调查】【决定】按照规定的程序办理。") == ["告知", "送达", "执行"]
    assert heading_stages("【责任事项】【依据】见附件。") == []


def test_remarks_saying_the_level_below_decides_and_this_one_guides_ask_no_stage() -> None:
    """The twenty-seventh sample: 洛阳's 烟花爆竹经营（零售）许可, 「市区零售点由区应急管理局审批，本局指导监督」 (the county level
    decides, 烟花爆竹安全管理条例 第十九条): the city's list has no procedure of its own to complete. Both halves are needed."""
    cell = "受理审查：受理申请，审查零售场所。决定送达：作出决定，核发许可证。公示：公示零售点名单。"
    assert missing("行政许可", "烟花爆竹经营（零售）许可", cell) == ["事后监管"]
    assert missing("行政许可", "烟花爆竹经营（零售）许可", cell, remarks="市区零售点由区应急管理局审批，本局指导监督") == []
    assert missing("行政许可", "烟花爆竹经营（零售）许可", cell, scope="由县级应急管理部门负责，本局仅负责指导") == []
    for own in ("由区应急管理局审批", "县级负责一般项目审批，本局负责重大项目审批并指导监督",
                "由县（市、区）应急管理部门受理审查后报本局审批"):
        assert missing("行政许可", "烟花爆竹经营（零售）许可", cell, remarks=own) == ["事后监管"], own


def test_a_remark_saying_only_that_a_level_below_implements_asks_a_province_or_city_no_stage() -> None:
    """The twenty-eighth sample: 新疆维吾尔自治区文化和旅游厅's penalty, 「地（州、市）文化和旅游部门依法实施」: the region's
    department has no procedure of its own to complete. The whole remark, and only a level below the body's."""
    cell = "【调查】对违法行为进行调查取证。\n【决定】依法作出行政处罚决定，并予以公告。\n【执行】监督当事人履行处罚决定。"
    penalty = "对未取得导游证从事导游活动的行政处罚"
    asked = ["立案", "告知", "送达"]
    assert missing("行政处罚", penalty, cell, department_level="province") == asked
    assert missing("行政处罚", penalty, cell, department_level="province", remarks="地（州、市）文化和旅游部门依法实施") == []
    assert missing("行政处罚", penalty, cell, department_level="city", remarks="由县（市、区）文化和旅游部门实施。") == []
    for level, remark in (("county", "县级文化和旅游部门依法实施"),  # the county's own level
                          ("city", "地（州、市）文化和旅游部门依法实施"),  # the city's own level
                          ("city", "县级应急管理部门负责不带储存设施的一般危险化学品经营许可"),  # what the level below takes of it
                          ("province", "市级、县级")):
        assert missing("行政处罚", penalty, cell, department_level=level, remarks=remark) == asked, (level, remark)


def test_a_cell_listing_its_stages_as_headings_names_each() -> None:
    """The twenty-eighth sample: 黄冈's and 昭平's 「受理责任、审查责任、决定责任、送达责任、事后监管责任。」 names five stages, not the
    first alone; a run with a stage-less word in it (追究责任) is no such list."""
    cell = "受理责任、审查责任、决定责任、送达责任、事后监管责任、其他法律法规政策规定应履行的责任。"
    assert heading_stages(cell) == ["受理", "审查", "决定", "送达", "事后监管"]
    assert missing("行政许可", "林木采伐许可证核发", cell) == []
    assert missing("行政许可", "林木采伐许可证核发", "受理责任、审查责任、决定责任。") == ["送达", "事后监管"]
    assert heading_stages("受理责任、审查责任：依法受理并审查。") == ["受理", "审查"]
    assert heading_stages("受理责任、监督责任、追究责任") == ["受理"]


def test_the_twenty_ninth_sample_s_readings() -> None:
    """茶亭's bare steps with 「作出处罚决定」, 玉龙's run of bracketed stages alone, 南城's 注销登记, 沭阳's 「告知后作出处罚决定」
    and its 事后监管 step that sees the decision carried out."""
    # (审查 asked only where the 决定 is missing too: the 决定 named, it is not)
    assert missing("行政处罚", "对乱张贴的处罚", "1.立案\n2.调查取证\n3.作出处罚决定\n4.执行") == ["告知", "送达"]
    assert heading_stages("作出处罚决定前，告知当事人") == []  # before the decision: no decision step
    assert missing("行政处罚", "对擅自从事娱乐场所经营活动的取缔", "【立案】【调查】【决定】【送达】【执行】") == ["告知"]
    # a permit's 注销 has nothing left to supervise; an item that also sets up or changes keeps the permit's set
    cell = "受理：受理申请。\n审查：审查材料。\n决定：作出注销决定。\n送达：收缴证书并公告。"
    deregistration = ROW | {"sub_item": "社会团体注销登记"}
    duties = split_duties(cell)
    row = deregistration | {"type": "行政许可", "power": "社会团体成立、变更、注销登记（社会团体注销登记）",
                            "stages": [d.stage for d in duties], "duty_texts": [d.text for d in duties]}
    assert gaps.missing_stage([row], EVERY_TYPE) == []
    assert missing("行政许可", "社会团体成立、变更、注销登记", cell) == ["事后监管"]
    assert gaps.missing_stage([row | {"sub_item": "社会团体变更登记",
                                      "power": "社会团体成立、变更、注销登记（社会团体变更登记）"}], EVERY_TYPE)
    # 沭阳: 「告知后作出处罚决定」 tells before deciding; 「督促履行，逾期…申请人民法院强制执行」 under 事后监管 carries it out
    penalty = ("立案：经负责人批准立案。\n调查、审查：调查取证，法制审核。\n决定环节\n告知后作出处罚决定。\n送达：七日内送达。\n"
               "事后监管环节\n督促履行，逾期依法加处罚款或者申请人民法院强制执行。")
    assert missing("行政处罚", "对用人单位违反工作时间和休息休假规定的处罚", penalty) == []


def test_the_twenty_first_session_s_readings_stop_where_a_review_found_them_too_wide() -> None:
    """A cold review's inputs (2026-12-05): each reading added this session, on a remark, a name or a duty that does not
    mean what the reading takes it for."""
    rules = stage_rules()
    # remarks that include the body itself, or say it decides some of it, ask the body's own procedure
    for level, remark in (("city", "县级以上应急管理部门依法实施"), ("province", "市级以上住房城乡建设部门依法实施"),
                          ("city", "县（市、区）与本局依法实施"), ("city", "区县和市局依法实施"),
                          ("city", "由县级受理初审后报市局审批，本局负责监督检查"), ("city", "由县区受理后报本局审批，本局监督实施"),
                          ("city", "由各县区负责实施，本级负责监督指导，市本级项目由本局审批")):
        assert rules.guiding(level, remark) == "", remark
    assert rules.guiding("province", "地（州、市）文化和旅游部门依法实施")
    # a permit that also grants keeps its supervision; only an act that is nothing but the ending is a 注销
    for name in ("取水许可证审批及注销", "护士执业注册、注销", "采矿权审批（含注销）", "排污许可证申请、注销"):
        assert rules.subkind("行政许可", name) is None, name
    assert rules.subkind("行政许可", "市场主体登记（注销登记（含简易注销））", act="注销登记（含简易注销）").name == "注销"
    # a 事后监管 step that sees a decision carried out is a penalty's 执行, not a 强制措施's
    seizure = "1.决定责任：作出查封扣押决定。2.事后监管责任：督促当事人履行，逾期申请人民法院强制执行。"
    assert "执行" not in rules.done_inside("2.事后监管责任：督促当事人履行，逾期申请人民法院强制执行。", "行政强制")
    # (… nor the measure's end: it neither lifts nor disposes of what was seized, 行政强制法 第二十七、二十八条)
    assert missing("行政强制", "查封扣押", seizure) == ["执行", "事后监管"]
    # a run of 责任 headings said to be another body's names no steps of this one
    assert heading_stages("审查责任、决定责任，由市局承担。") == ["审查"]
    # a permit's step supervising the level below is no supervision of the permit holder
    permit = ROW | {"laws": ["水法"], "supervision": [], "responsibility_text": "1.受理。2.审查。"}
    for step in ("监督县级水行政主管部门依法实施取水许可", "监督指导县（市、区）做好取水许可审批工作"):
        assert len(gaps.permit_without_supervision([permit | {"duty_texts": ["受理。", "审查。", step]}])) == 1, step


def test_remarks_giving_the_body_the_first_review_ask_no_decision() -> None:
    """The thirtieth sample: 辛集市旧城镇's 乡村建设规划许可（受理、审核）, 「受理责任、审核责任、上报责任。」 and remarks 「…本级负责
    受理、审核上报」; a remark giving the first review to the level below (a city's 「县级负责初审」) keeps the city's decision."""
    cell = "受理责任、审核责任、上报责任。"
    assert heading_stages(cell) == ["受理", "审查"]
    own = "由辛集市自然资源和规划局核发乡村建设规划许可证，本级负责受理、审核上报"
    assert missing("行政许可", "乡村建设规划许可（受理、审核）", cell, remarks=own) == []
    assert missing("行政许可", "乡村建设规划许可", cell, remarks="县级负责初审") == ["决定", "送达", "事后监管"]


def test_the_thirty_first_sample_s_remarks() -> None:
    """广西's 「一般由县级人民政府自然资源主管部门批准；本厅负责指导监督」 (批准, and a semicolon) says the level below decides and the
    department guides; a remark whose whole saying is that the people's government approves makes the body's part a
    first review (where its list names no decision of its own)."""
    rules = stage_rules()
    assert rules.guiding("province", "一般由县级人民政府自然资源主管部门批准；本厅负责指导监督")
    assert rules.preliminary_said("县人民政府或者县人民政府授权的单位批准")
    assert not rules.preliminary_said("报县人民政府批准后由本局核发")
    assert missing("行政许可", "森林防火期内野外用火审批", "受理责任：受理申请。\n审查责任：现场查看。",
                   remarks="县人民政府或者县人民政府授权的单位批准") == []


def test_the_thirty_second_sample_s_readings() -> None:
    """甘南's 生鲜乳收购站许可（指导监督） (its name and its steps say it guides the counties), 含山's 「受理责任、现场核查责任、上报责任」
    (核查: 行政许可法 第三十四条's review) and 佳木斯's 扣留 whose officers carry it out in a step the list calls 审查."""
    columns = "受理环节责任\n指导县（市）依法受理生鲜乳收购许可申请。\n审查环节责任\n对县（市）审查工作进行业务指导。"
    assert missing("行政许可", "生鲜乳收购站许可", "受理：依法受理。\n审查：审查材料。") == ["决定", "送达", "事后监管"]
    assert missing("行政许可", "生鲜乳收购站许可（指导监督）", "受理：依法受理。\n审查：审查材料。") == []
    assert missing("行政许可", "生鲜乳收购站许可", columns) == []
    assert missing("行政许可", "对生鲜乳收购站的监督指导", "受理：依法受理。\n审查：审查材料。") == ["决定", "送达", "事后监管"]
    assert heading_stages("受理责任、现场核查责任、上报责任") == ["受理", "审查"]
    remark = "本级负责受理、材料初审和现场核查，许可决定由马鞍山市市场监督管理局作出"
    assert missing("行政许可", "食品生产许可", "受理责任、现场核查责任、上报责任", remarks=remark) == []
    seizure = ("受理环节责任\n发现车辆造成公路损坏的，报负责人批准。\n审查环节责任\n两名以上执法人员实施，出示执法证件。\n"
               "决定环节责任\n制作现场笔录和扣留决定书。\n事后监管责任\n及时解除扣留。")
    assert missing("行政强制", "扣留车辆", seizure) == []
    assert missing("行政强制", "扣留车辆", seizure.replace("两名以上执法人员实施，", "")) == ["执行"]
    # a penalty's officers investigating are no carrying out of its decision
    penalty = "1.立案：立案。2.调查：两名以上执法人员实施调查。3.告知：告知。4.决定：作出决定。5.送达：送达。"
    assert missing("行政处罚", "对违法行为的处罚", penalty) == ["执行"]
    # 兰考: a 发证 step that weighs the conditions decides too; one serving a decision made before does not
    issue = "1.受理责任：予以受理。\n2.核查责任：现场核查。\n3.发证责任：符合条件的当场或者在规定期限内发证。"
    assert missing("行政许可", "食品小作坊登记证核发", issue) == ["事后监管"]
    assert missing("行政许可", "食品小作坊登记证核发", issue.replace("符合条件的", "准予许可的")) == ["决定", "事后监管"]


def test_a_penalty_s_check_of_the_facts_is_its_investigation() -> None:
    """洮南 and 辽源 (the fifty-second sample): 受案 → 「核查：调查取证」 or 「核查取证：调取资料」 → 审核 → 告知 — the facts
    checked after the case is opened are its 调查 (a permit's 核查 stays its review)."""
    penalty = "1.受案：登记案源。\n2.{}：调查取证。\n3.审核：法制审核。\n4.事先告知：告知。\n5.作出决定：决定。\n6.文书送达：送达。\n7.执行：监督履行。"
    assert missing("行政处罚", "对违法行为的处罚", penalty.format("核查")) == []
    assert missing("行政处罚", "对违法行为的处罚", penalty.format("核查取证")) == []
    assert missing("行政处罚", "对违法行为的处罚", penalty.replace("2.{}：调查取证。\n", "")) == ["调查"]
    # (a 核查 that reviews the case is no investigation; one that decides still does a permit's 决定)
    assert missing("行政处罚", "对违法行为的处罚", penalty.format("核查").replace("调查取证", "法制机构对案件进行法制审核")) == ["调查"]
    assert missing("行政许可", "食品经营许可", "1.受理：受理申请。\n2.核查：对申请材料进行核查，作出准予许可的决定。\n"
                                          "3.送达：送达许可证。\n4.监管：检查。") == []
    assert missing("行政许可", "食品经营许可", "1.受理：受理。\n2.现场核查：核查。\n3.决定：决定。\n4.送达：送达。\n5.监管：检查。") == []


def test_the_fifty_first_and_second_samples_readings() -> None:
    """桂林's 「接件受理：…\n材料核查：…\n作出决定：…」 (材料核查 a step of its own, though 材料 heads a note elsewhere: 申请材料：…),
    长治's 「立案；调查取证；审查；作出处罚决定；送达；执行」 (a list of stages, a longer word among them) lacking its 告知."""
    permit = ("接件受理：接收申请。\n材料核查：对申请材料进行审查。\n作出决定：作出许可决定。\n文书送达：送达许可文书。\n"
              "跟踪检查：对作出承诺的场所及时进行核查。")
    assert missing("行政许可", "公众聚集场所投入使用、营业前消防安全检查", permit) == []
    assert [d.text.split("：")[0] for d in split_duties(permit)][:2] == ["接件受理", "材料核查"]
    assert len(split_duties("受理：受理申请。\n申请材料：申请表、营业执照。")) == 1  # a note, no step
    assert missing("行政处罚", "对转让国有不可移动文物的处罚", "立案；调查取证；审查；作出处罚决定；送达；执行") == ["告知"]
    assert listed_stages("作出行政处罚决定。") == []  # a sentence alone, no list
    # 额济纳旗's steps each in brackets, one in its own word (【报告审批】): a list written in steps, its 查封 without 解除
    seal = "【报告审批】经负责人批准。【实施】通知当事人到场，制作现场笔录。【送达】当场交付临时查封决定书。"
    assert missing("行政强制", "对危险部位或者场所采取临时查封措施", seal) == ["事后监管"]
    assert missing("行政强制", "对危险部位或者场所采取临时查封措施", seal + "【解除】隐患消除后及时解除查封。") == []
    # (a heading that is no step, 【法律】, over words that are none either: no list of steps)
    assert missing("行政强制", "对危险部位或者场所采取临时查封措施",
                   seal.replace("【报告审批】经负责人批准。", "【法律】《行政强制法》第二十四条。")) == []
    # … but a 强制措施's approval is its decision in any step's words (行政强制法 第十八条（一）: 报告并经批准)
    assert missing("行政强制", "对危险部位或者场所采取临时查封措施", seal.replace("【报告审批】", "【法律】")) == ["事后监管"]


def test_the_fifty_third_and_fourth_samples_readings() -> None:
    """Steps in a publisher's words: 受案登记, 查明事实, 履行告知义务 / 权利告知, 【认定】; an export's bar between steps
    (伊犁's 「受理:…|审查:…」); 日照's 加处罚款及申请人民法院强制执行 (告知 → 催告 → 申请执行: the court's to carry out)."""
    penalty = ("受案登记：及时立案；查明事实：现场勘测，询问当事人；法制审核：审查调查结果；履行告知义务：告知拟处罚的事实；"
               "作出决定：责令退还；文书送达：送达决定书；督促履行：监督履行。")
    assert missing("行政处罚", "对非法占用海域的处罚", penalty) == []
    assert missing("行政处罚", "对非法占用海域的处罚", penalty.replace("履行告知义务", "权利告知")) == []
    assert missing("行政处罚", "对非法占用海域的处罚", penalty.replace("履行告知义务：告知拟处罚的事实；", "")) == ["告知"]
    assert missing("行政许可", "教师资格认定", "【受理】受理申请。【审核】审查。【认定】作出认定决定。【颁证】颁发证书。") == \
        ["事后监管"]
    bar = "受理:受理申请|审查:书面审查，现场核查|决定:作出决定|送达:送达许可证"
    assert [d.stage for d in split_duties(bar)] == ["受理", "审查", "决定", "送达"]
    assert missing("行政许可", "兽药经营许可证核发", bar) == ["事后监管"]
    assert missing("行政强制", "对逾期不缴纳罚款的当事人加处罚款及申请人民法院强制执行",
                   "告知：在决定书中告知加处罚款；催告：书面催告当事人履行；申请执行：向人民法院申请强制执行。") == []
    assert missing("行政强制", "对逾期不缴纳罚款的当事人加处罚款及申请人民法院强制执行",
                   "告知：在决定书中告知加处罚款；申请执行：向人民法院申请强制执行。") == ["催告"]
    # a cold review's inputs: a penalty's 认定 finds the facts, no decision; a 权利告知 before questioning is no notice of
    # the intended penalty; a 代履行 joined to the court's enforcement decides and carries out itself
    steps = "1.立案：立案。2.调查：调查取证。3.认定：对违法事实和证据进行认定，提出处理意见。4.告知：告知拟作出的处罚。5.送达：送达。6.执行：执行。"
    assert missing("行政处罚", "对违法行为的处罚", steps) == ["审查", "决定"]
    assert missing("行政确认", "工伤认定", "1.受理：受理。2.调查：调查核实。3.认定：作出工伤认定。4.送达：送达。",
                   ) == missing("行政确认", "工伤认定", "1.受理：受理。2.调查：调查核实。3.决定：作出工伤认定。4.送达：送达。")
    told = "1.立案：立案。2.调查：调查。3.权利告知：{}4.决定：作出处罚决定。5.送达：送达。6.执行：执行。"
    assert missing("行政处罚", "对违法行为的处罚", told.format("询问前告知被询问人依法享有的权利。")) == ["告知"]
    assert missing("行政处罚", "对违法行为的处罚", told.format("告知当事人拟处理意见，听取陈述申辩。")) == []
    assert missing("行政强制", "代履行及申请人民法院强制执行", "催告：催告。执行：组织代履行。申请执行：申请。") == ["决定"]


def test_the_fifty_fifth_and_sixth_samples_readings() -> None:
    """A permit's 「受案：接收申请」 is its 受理; 「执行及结案」 its 执行; a 查封's 「解除封存」 its 解除, and a 处理决定 in the duty
    that carries it out its follow-up; a sub-item's own act decides its sub-kind (「…查封、强制拆除（查封施工现场）」 is a
    查封, asked no 催告); 按日连续处罚's 复查 stands for its case and investigation."""
    assert missing("行政许可", "公证机构设立审批", "1.受案：接收申请。2.审核：审核。3.作出决定：批准。4.文书送达：送达。"
                                         "5.跟踪检查：检查。") == []
    assert split_duties("1.送达：送达。2.执行及结案：督促履行，立卷归档。")[1].stage == "执行"
    seal = "1.审批：报负责人批准。2.告知：当场告知理由。3.决定：交付查封决定书。4.执行：加贴封条，妥善保管。"
    assert missing("行政强制", "查封、扣押野生动物及其制品", seal) == ["事后监管"]
    assert missing("行政强制", "查封、扣押野生动物及其制品", seal + "5.解除封存：及时解除并退还。") == []
    assert missing("行政强制", "查封、扣押野生动物及其制品", seal.replace("妥善保管。", "妥善保管，依法作出没收、销毁或者退还等处理决定。")) == []
    row = ROW | {"type": "行政强制", "power": "对违法建设的查封、强制拆除（查封施工现场）", "sub_item": "查封施工现场"}
    assert stage_rules().subkind(row["type"], row["power"], act=row["sub_item"]).name == "强制措施"
    assert stage_rules().subkind(row["type"], row["power"], act="强制拆除").name == "强制执行"
    # a cold review's inputs: a permit's 受案 that takes complaints is no 受理; a 处理决定 before which the things are kept is
    # no follow-up; a sub-item's act decides only an item of two sub-kinds; 按日连续处罚 without its 复查 lacks its 调查
    late = "1.审查：审查申请材料。2.决定：决定。3.送达：送达。4.事后监管：检查。5.受案：受理对被许可人违法行为的投诉举报。"
    assert missing("行政许可", "取水许可", late) == ["受理"]
    assert missing("行政强制", "查封、扣押野生动物及其制品", seal.replace("妥善保管。", "在作出处理决定前，妥善保管。")) == \
        ["事后监管"]
    assert stage_rules().subkind("行政强制", "申请人民法院强制执行", act="申请人民法院强制执行行政处罚决定").name == "申请法院强制执行"
    assert stage_rules().subkind("行政强制", "强制拆除违法建筑", act="查封期间的监管").name == "强制执行"
    assert missing("行政处罚", "对拒不改正的企业按日连续处罚", "1.立案：立案。2.审查：审查。3.告知：告知。4.决定：决定。"
                                                       "5.送达：送达。6.执行：执行。") == ["调查"]
    daily = "1.复查：确认拒不改正。2.立案：立案。3.审查：审查。4.告知：告知。5.决定：决定。6.送达：送达。7.执行：执行。"
    assert missing("行政处罚", "对拒不改正的煤矿企业按日连续处罚", daily) == []
    assert missing("行政处罚", "对拒不改正的煤矿企业按日连续处罚", daily.replace("4.告知：告知。", "")) == ["告知"]


def test_the_fifty_seventh_and_eighth_samples_readings() -> None:
    """天津's bracketed steps: 【收件】 … 【批后监管】; 【案件来源及立案】 (the stage after what it starts from), 【执行结案】."""
    assert heading_stages("【案件来源及立案】对违法行为立案") == ["立案"]
    assert heading_stages("【执行结案】督促履行") == heading_stages("执行及结案：督促履行") == ["执行"]
    assert heading_stages("【批后监管】监督检查") == ["事后监管"]
    # (a lead that is a step itself is no lead; 受理办结 decides too)
    assert heading_stages("现场检查和处置：检查。") == heading_stages("受理办结：当场办结。") == []
    permit = "【收件】受理申请；【审核】审查材料；【审批】作出决定；【发证】颁发证件；【批后监管】监督检查"
    assert missing("行政许可", "临时用地审批", permit) == []
    penalty = ("【案件来源及立案】及时立案；【调查取证】调查；【法制审核】审查；【事先告知】告知拟处罚；【处罚决定】作出决定；"
               "【文书送达】送达；【执行结案】督促履行")
    assert missing("行政处罚", "对非法转让土地的处罚", penalty) == []
    assert missing("行政处罚", "对非法转让土地的处罚", penalty.replace("；【执行结案】督促履行", "")) == ["执行"]
    # 四川's permit decided in its 「审定」 step; 湖南's 「办结送达」 row
    permit = "①收件责任：受理。\n②审核责任：审查。\n③审定责任：作出准予或者不予许可的书面决定。\n④发证责任：颁发证件。\n⑤持证监管责任：检查。"
    assert missing("行政许可", "林木良种种子生产经营许可证核发", permit) == []
    assert stage_row_duty(4, "办结送达", "向申请人送达决定。").stage == "送达"


def test_the_thirty_third_sample_s_readings() -> None:
    """东营's 按日连续处罚 closes its steps with 「4.送达、执行。」: a duty that is nothing but the stages it names."""
    assert listed_stages("送达、执行。") == ["送达", "执行"] and listed_stages("决定。") == ["决定"]
    assert listed_stages("依法送达。") == [] and listed_stages("送达、执行的期限另行规定。") == []
    assert heading_stages("送达、执行。") == []  # a duty, not a heading (its Duty.stage stays None)
    daily = ("1.复查：责令改正违法行为决定书送达后三十日内组织复查。\n2.告知：复查发现拒不改正的，告知当事人拟按日连续处罚的"
             "事实、理由、依据及权利。\n3.决定：作出按日连续处罚决定。\n4.送达、执行。")
    assert "执行" not in missing("行政处罚", "按日连续处罚", daily)
    assert "执行" in missing("行政处罚", "按日连续处罚", daily.replace("4.送达、执行。", "4.送达。"))
    # 金秀's 临时使用林地审批: a permit's 现场查验 is its review (行政许可法 第三十四条's 核查); a penalty's is no 审查
    site = "1.受理；2.现场查验；3.审批；4.送达；5.监督用地单位恢复植被。"
    assert missing("行政许可", "临时使用林地审批", site) == []
    assert missing("行政许可", "临时使用林地审批", site.replace("现场查验", "现场察看")) == ["审查"]


def test_the_thirty_fourth_sample_s_readings() -> None:
    """滨州's 「4.告知（听证）」: a stage with a note in brackets, the note a stage too."""
    assert listed_stages("告知（听证）") == ["告知", "听证"] and listed_stages("审查（法制审核）") == ["审查"]
    assert listed_stages("审查决定（重大案件集体讨论）；") == []  # two words run together, as before
    steps = "1.立案\n2.调查取证\n3.审查\n4.告知（听证）\n5.作出决定\n6.送达\n7.执行"
    assert missing("行政处罚", "对未取得道路运输经营许可擅自从事道路运输经营的处罚", steps) == []
    assert missing("行政处罚", "对未取得道路运输经营许可擅自从事道路运输经营的处罚",
                   steps.replace("4.告知（听证）\n", "")) == ["告知"]


def test_the_thirty_fifth_sample_s_readings() -> None:
    """宝清's stage columns tell the party of the intended penalty in the 审查（调查） step: its 告知 (第四十四条)."""
    from importers.duties import stage_row_duty

    steps = [("受理（立案）环节", "对发现的违法线索进行核查，符合立案条件的报批立案。"),
             ("审查（调查）环节", ("执法人员不少于两人，收集证据；对案件进行审查。作出处罚决定前，告知当事人拟作出处罚的事实、理由、依据"
                              "及陈述、申辩、要求听证的权利。")),
             ("决定环节", "制作行政处罚决定书。"), ("送达环节", "按照法定方式送达当事人。"),
             ("执行（监管）环节", "监督当事人履行处罚决定；逾期不履行的，依法申请人民法院强制执行。")]
    duties = [stage_row_duty(i, h, t) for i, (h, t) in enumerate(steps, start=1)]

    def found(ds) -> list[str]:
        hits = gaps.missing_stage([ROW | {"type": "行政处罚", "power": "对盗伐、滥伐林木的处罚",
                                          "stages": [d.stage for d in ds if d.stage],
                                          "duty_texts": [d.text for d in ds]}], EVERY_TYPE)
        return hits[0].evidence[0]["missing"] if hits else []

    assert "告知" not in found(duties)
    told = duties[1].text.replace("告知当事人拟作出处罚的", "说明")
    assert "告知" in found([duties[0], stage_row_duty(2, steps[1][0], told[len("审查（调查）环节\n"):]), *duties[2:]])


def test_the_thirty_sixth_sample_s_readings() -> None:
    """广安's 司法局 writes its penalties in a permit's stage columns, 福建 its stages as duties with a note, 西塘 its
    decision in its own words, and 广安's 决定 column of a permit reviewed first sends it up."""
    def found(type_: str, power: str, steps: list[tuple[str, str]]) -> list[str]:
        duties = [stage_row_duty(i, h, t) for i, (h, t) in enumerate(steps, start=1)]
        hits = gaps.missing_stage([ROW | {"type": type_, "power": power, "stages": [d.stage for d in duties if d.stage],
                                          "duty_texts": [d.text for d in duties]}], EVERY_TYPE)
        return hits[0].evidence[0]["missing"] if hits else []

    # 调查 and 执行 done in cells under 审查环节 and 事后监管, in the cells' own words or as nothing but steps
    lawyer = [("受理环节", "立案：对违法线索进行核查，决定是否立案。"),
              ("审查环节", "调查取证，制作调查笔录；对案件进行审查，提出处理意见。"),
              ("决定环节", "告知当事人拟作出处罚的事实、理由和依据，听取陈述申辩；作出处罚决定。"),
              ("送达环节", "依法送达处罚决定书。"), ("事后监管", "执行处罚决定，记入律师执业档案。")]
    assert found("行政处罚", "对律师违法行为的处罚", lawyer) == []
    notary = [("受理环节", "立案"), ("审查环节", "调查取证；审查"), ("决定环节", "告知；决定"), ("送达环节", "送达")]
    assert found("行政处罚", "对公证员违法行为的处罚", notary) == ["执行"]  # its 事后监管 column blank: real
    assert found("行政处罚", "对公证员违法行为的处罚", [*notary[:1], ("审查环节", "审查")]) == ["调查", "告知", "决定", "送达", "执行"]
    # the level above decides: no 决定, 送达 or supervision of its own; a 决定 column that decides is read as before
    review = [("受理环节", "受理公证机构推荐材料。"), ("审查环节", "对申请人条件进行初审，出具审查意见。")]
    assert found("行政许可", "公证员执业审核", [*review, ("决定环节", "报四川省司法厅审核。")]) == []
    assert found("行政许可", "公证员执业审核", [*review, ("决定环节", "作出准予或不予许可的决定。")]) == ["送达", "事后监管"]
    assert gaps.decided_above(["决定环节\n报四川省司法厅审核。"]) == "报四川省司法厅审核。"
    assert gaps.decided_above(["送达环节\n报市局备案。", "报省厅审核。"]) == ""  # not a 决定 column's cell
    assert listed_stages("立案责任、调查责任、审查责任、告知责任、决定责任、送达责任、执行责任（同上）。") == [
        "立案", "调查", "审查", "告知", "决定", "送达", "执行"]
    assert listed_stages("执行处罚决定。") == [] and listed_stages("立案调查；") == []  # sentences, as before
    # 西塘's 强制拆除: 「作出强制拆除决定并公告」 is its 决定, between its 催告 and its 执行; 「作出是否立案的决定」 is no decision
    demolition = [d.text for d in split_duties("1.催告：书面催告当事人履行义务；\n2.听取陈述申辩；\n"
                                               "3.作出强制拆除决定并公告；\n4.实施：组织拆除，制作现场笔录。")]
    row = ROW | {"type": "行政强制", "power": "对逾期不改正的违法建设的强制拆除", "stages": ["催告", "执行"],
                 "duty_texts": demolition}
    assert gaps.missing_stage([row], EVERY_TYPE) == []
    row["duty_texts"] = [t.replace("作出强制拆除决定并公告", "作出是否立案的决定") for t in demolition]
    assert gaps.missing_stage([row], EVERY_TYPE)[0].evidence[0]["missing"] == ["决定"]


def test_a_review_s_inputs_for_the_thirty_sixth_and_seventh_readings() -> None:
    """A cold review (2026-12-05) of the readings those samples brought: each on an input it read too widely."""
    from kb.model import opening_step

    # a 决定 column that asks the body's own head is no report to the level above
    for own in ("报请局长审批后，作出行政处罚决定。", "报经机关负责人批准后作出决定", "报请行政机关负责人集体讨论决定"):
        assert gaps.decided_above([f"决定环节\n{own}"]) == "", own
    assert gaps.decided_above(["决定环节\n上报市卫健委审批"]) == "上报市卫健委审批"
    # a cell under a stage's column names what it opens with only when that is a step, not a sentence's subject
    for cell, named in (("受理环节\n决定是否受理申请", []), ("受理环节\n审查申请材料是否齐全", []),
                        ("受理环节\n执行首问负责制", []), ("受理环节\n送达受理通知书", []),
                        ("告知环节\n作出行政处罚决定之前，告知当事人", []), ("审查环节\n调查取证，制作调查笔录", ["调查"]),
                        ("事后监管\n执行并结案归档。", ["执行"])):
        assert gaps.column_cell_stages(cell) == named, cell
    assert opening_step("作出责令改正决定") is None and opening_step("依法作出决定") == "决定"


def test_the_thirty_eighth_sample_s_readings() -> None:
    """达拉特旗's 代为治理 is a 代履行 (催告 asked, 「代履行完毕」 carries it out); a penalty's 审查 column that tells the party of
    its rights does the 告知; 兴城's 「催告（决定）责任：」 names both."""
    steps = "1.决定：作出代履行决定。\n2.送达：送达代履行决定书。\n3.代履行完毕后向当事人收取费用。"
    assert missing("行政强制", "对造成水土流失不进行治理的代为治理", steps) == ["催告"]
    assert missing("行政强制", "对造成水土流失不进行治理的代为治理", steps.replace("作出", "经催告仍不履行的，作出")) == []
    assert heading_stages("催告（决定）责任：经负责人批准，制作查封扣押决定书。") == ["催告", "决定"]
    assert heading_stages("对当事人（法人）处以罚款") == []
    penalty = [("受理环节", "立案：报批立案。"), ("审查环节", "调查取证、案件审核，告知陈述申辩权及听证权。"),
               ("决定环节", "作出行政处罚决定。"), ("送达环节", "送达行政处罚决定书。"), ("事后监管", "执行并结案归档。")]
    duties = [stage_row_duty(i, h, t) for i, (h, t) in enumerate(penalty, start=1)]
    row = ROW | {"type": "行政处罚", "power": "对擅自取水的处罚", "stages": [d.stage for d in duties if d.stage],
                 "duty_texts": [d.text for d in duties]}
    assert gaps.missing_stage([row], EVERY_TYPE) == []
    row["duty_texts"] = [t.replace("，告知陈述申辩权及听证权", "") for t in row["duty_texts"]]
    assert gaps.missing_stage([row], EVERY_TYPE)[0].evidence[0]["missing"] == ["告知"]


def test_the_fortieth_sample_s_readings() -> None:
    """宁乡's stages listed with notes in brackets longer than a stage's word: still a list of its stages."""
    listed = ("受理责任、审查责任（含体检、面试结果审核）、决定责任、送达责任（颁发教师资格证书）、"
              "事后监管责任（对弄虚作假取得资格的依法撤销）。")
    assert listed_stages(listed) == ["受理", "审查", "决定", "送达", "事后监管"]
    assert missing("行政许可", "教师资格认定", listed) == []
    assert listed_stages("受理（" + "对申请材料齐全、符合法定形式的予以受理" * 3 + "）") == []  # a paragraph is no note


def test_the_forty_second_sample_s_readings() -> None:
    """吴忠's phase columns: a phase's cell in prose (no stage heads it) names every step it mentions — its 「作出决定，
    核发排污许可证」 are the 决定 and the 送达 — but not a decision of another step (「作出是否立案的决定」); any other
    duty's words name no stage (a cold review's cases: 「接受社会监督」, 「不服的，告知其申请复议的权利」 in a list written
    in stages)."""
    texts = ["受理：接收申请，一次性告知补正。", "审查申请材料及现场核查，作出决定，核发排污许可证。", "证后监管，执行报告检查。"]
    phases = ["事前", "事中", "事后"]
    row = ROW | {"type": "行政许可", "power": "排污许可证核发", "stages": ["受理", "审查", "事后监管"], "duty_texts": texts,
                 "duty_kinds": phases}
    assert gaps.missing_stage([row], EVERY_TYPE) == []
    assert gaps.prose_stages(texts[1:], phases[1:], "行政许可") == {"审查", "决定", "送达", "事后监管", "执行", "检查"}
    assert gaps.prose_stages(["对检查发现的线索作出是否立案的决定"], ["事中"]) == {"检查", "立案"}
    assert gaps.prose_stages(["受理：一次性告知补正材料"], ["事前"]) == set()  # headed: it names its own stage only
    assert gaps.missing_stage([row | {"duty_kinds": ["", "", ""]}], EVERY_TYPE)  # not a phase's: read as before
    staged = ["1.受理责任：受理。", "2.审查责任：审查。", "3.决定责任：作出决定。", "4.送达责任：送达许可证。",
              "5.接受社会监督，公开办事程序。"]
    permit = ROW | {"type": "行政许可", "power": "x", "stages": ["受理", "审查", "决定", "送达"], "duty_texts": staged,
                    "duty_kinds": [""] * 5}
    assert gaps.missing_stage([permit], EVERY_TYPE)[0].evidence[0]["missing"] == ["事后监管"]
    penalty = ["1.立案责任：立案。", "2.调查责任：调查。", "3.审查责任：审查。", "4.决定责任：作出决定。", "5.送达责任：送达。",
               "6.执行责任：执行。", "7.当事人对处罚决定不服的，告知其申请行政复议或者提起行政诉讼的权利。"]
    row = ROW | {"type": "行政处罚", "power": "y", "stages": ["立案", "调查", "审查", "决定", "送达", "执行"],
                 "duty_texts": penalty, "duty_kinds": [""] * 7}
    assert gaps.missing_stage([row], EVERY_TYPE)[0].evidence[0]["missing"] == ["告知"]
    # (a 「事后：」 of a cell's own is its 事后监管's heading, not a phase column's: importers.duties)
    assert [d.stage for d in split_duties("送达：送达许可证。\n事后：建立许可档案，定期回访被许可人。")] == ["送达", "事后监管"]


def test_a_decision_to_issue_is_no_issuing() -> None:
    """塔城: 「决定：符合条件的作出核发决定」 decides to issue the licence and issues nothing (送达 missing); 「…的决定，核发许可证」
    issues it."""
    row = ROW | {"power": "建设用地规划许可证核发（划拨方式）", "stages": ["受理", "审查", "决定", "事后监管"]}

    def missing(decision: str) -> list[str]:
        texts = ["受理：接收申请材料。", "审查：核定建设用地的位置、面积。", decision, "监管：监督检查。"]
        found = gaps.missing_stage([row | {"duty_texts": texts}])
        return found[0].evidence[0]["missing"] if found else []

    assert missing("决定：符合条件的作出核发决定，不符合条件的说明理由。") == ["送达"]
    assert missing("决定：作出核发或者不予核发的决定。") == ["送达"]
    assert missing("决定：作出准予许可的决定，核发建设用地规划许可证。") == []
    assert missing("决定：作出决定并送达申请人。") == []
    assert missing("决定：作出准予许可决定，颁发决定书。") == []  # a 决定书 issued: served
    assert missing("决定：作出颁发或者不予颁发安全生产许可证的决定。") == ["送达"]
    # … unless the remarks say how the licence reaches the applicant (新疆's 导游证核发)
    found = gaps.missing_stage([row | {"duty_texts": ["受理：接收申请。", "审查：核查材料。", "决定：作出准予核发或者不予核发的决定。",
                                                      "监管：动态监管。"], "remarks": "电子导游证通过全国旅游监管服务平台发放"}])
    assert found == []


def test_missing_stage_reads_the_sixtieth_sample_s_procedures_and_not_more() -> None:
    """The fifty-ninth's and the sixtieth's readings (docs/analyses.md), each beside what a cold review wrote against it:
    【批复】 that decides and 【送件】 that serves, not a 批复 asked of another; a demolition asked for its 催告, not a
    查封 of a site where something was pulled down; a demolition carried out after its decision, not one warned of or
    reported up; a 停止供电 carried out by its notice to the supplier, not a 查封 that tells units to help."""
    permit = "【接件】受理申请。【核查】实地核查。【批复】自受理之日起二十日内作出决定，符合条件的核发许可证。【送件】邮寄送达许可证。【后续监管】专项检查。"
    assert missing("行政许可", "烟花爆竹经营（零售）许可", permit) == []
    assert missing("行政许可", "烟花爆竹经营（零售）许可", permit.replace("【送件】邮寄送达许可证。", "")) == ["送达"]
    assert missing("行政许可", "某项审批", "1.受理：受理申请。\n2.审查：审查材料。\n3.批复文件存档。"
                                          "\n4.送达：送达。\n5.监管：监督检查。") == ["决定"]
    demolish = "1.决定责任：作出拆除决定。\n2.送达责任：送达决定书。\n3.事后监管责任：逾期不拆除的，依法组织强制拆除。"
    assert missing("行政强制", "对公路建筑控制区内违法修建的建筑物予以拆除", demolish) == ["催告"]
    assert missing("行政强制", "拆除在公路用地范围内设置的非公路标志", demolish) == ["催告"]
    seal = "1.决定责任：作出查封决定。\n2.执行责任：实施查封。\n3.解除责任：及时解除查封。"
    assert missing("行政强制", "查封擅自拆除历史建筑的施工现场", seal) == []
    warned = "1.催告责任：书面催告当事人限期自行拆除；逾期不拆除的，依法组织强制拆除。\n2.决定责任：作出强制拆除决定。\n3.送达责任：送达。"
    assert missing("行政强制", "强制拆除违法建筑物", warned) == ["执行"]
    reported = "1.催告责任：书面催告。\n2.决定责任：作出强制拆除决定。\n3.事后监管责任：报请县人民政府组织强制拆除。"
    assert missing("行政强制", "强制拆除违法建筑物", reported) == ["执行"]
    power_cut = "【决定】报经主要负责人批准，作出停止供电的决定。【通知】以书面形式通知供电企业予以配合。【解除】及时解除停止供电措施。"
    assert missing("行政强制", "对有现实危险的生产经营单位采取停止供电措施", power_cut) == []
    assert missing("行政强制", "查封可能被转移的资料", "1.决定责任：作出查封决定，必要时通知有关单位予以配合。\n"
                                                  "2.解除责任：及时解除查封。") == ["执行"]


def test_a_penalty_s_review_step_that_investigates_in_its_own_words() -> None:
    """太仓's penalty in a permit's columns: 「审查责任：执法人员不少于两人，出示执法证件，询问驾驶人员…」 is its 调查 (行政处罚法
    第四十二、五十五条); 「审查责任：对询问笔录进行审查」 is not."""
    cell = ("1.受理责任：核查线索，予以立案。\n2.审查责任：执法人员不少于两人，出示执法证件，询问驾驶人员，制作现场笔录。\n"
            "3.告知责任：告知拟作出的处罚。\n4.决定责任：作出处罚决定。\n5.送达责任：送达决定书。\n6.执行责任：监督缴纳罚款。")
    assert missing("行政处罚", "对擅自从事道路运输经营的处罚", cell) == []
    assert missing("行政处罚", "对擅自从事道路运输经营的处罚",
                   cell.replace("执法人员不少于两人，出示执法证件，询问驾驶人员，制作现场笔录", "对询问笔录进行审查")) == ["调查"]


def test_a_review_of_the_investigation_is_no_investigation_and_a_paid_fine_no_execution() -> None:
    """A second review's inputs: a penalty's 审查 that reviews the investigation's records or checks its officers (「对现场
    勘查笔录…进行审查」, 「审查执法人员是否不少于两人」, 「无需现场勘查」) does not do the 调查; a 事后监管 that visits those who
    paid or says what happens if they do not (「对已缴纳罚款的当事人开展回访」) does not carry the penalty out."""
    base = ("1.立案责任：立案。\n2.{rev}\n3.告知责任：告知拟作出的处罚。\n4.决定责任：作出处罚决定。\n5.送达责任：送达决定书。\n"
            "6.执行责任：督促履行。")
    for rev in ("审查责任：对现场勘查笔录、询问笔录等证据材料进行审查。", "审查责任：审查执法人员是否不少于两人、是否出示执法证件。",
                "审查责任：书面审查案件材料，无需现场勘查。", "审查责任：由两名以上执法人员对案件材料进行集体审查。"):
        assert missing("行政处罚", "对违法行为的处罚", base.format(rev=rev)) == ["调查"], rev
    paid = ("1.立案责任：立案。\n2.调查责任：调查取证。\n3.审查责任：审查。\n4.告知责任：告知。\n5.决定责任：作出决定。\n"
            "6.送达责任：送达决定书。\n7.事后监管责任：{what}")
    assert missing("行政处罚", "对违法行为的处罚", paid.format(what="对已缴纳罚款的当事人开展回访。")) == ["执行"]
    assert missing("行政处罚", "对违法行为的处罚", paid.format(what="监督当事人消除违法状态、缴纳罚款。")) == []


def test_a_measure_s_follow_up_that_only_keeps_what_was_seized() -> None:
    """太仓's 暂扣: a 事后监管 step that parks and keeps the vehicle (「妥善保管，不得使用或者损毁」) does not end the measure (行政强制法
    第二十七、二十八条: its 处理 or 解除); one that decides what becomes of it, or lifts it, does."""
    cell = ("1.决定责任：作出暂扣决定。\n2.执行责任：两名以上执法人员实施暂扣。\n3.事后监管责任：将暂扣车辆停放至指定停车场，"
            "妥善保管，不得使用或者损毁。")
    assert missing("行政强制", "暂扣没有车辆营运证的车辆", cell) == ["事后监管"]
    # (said why beside the 事后监管 step it lists: a reader saw 「缺少事后监管」 and the step, unexplained)
    duties = split_duties(cell)
    row = ROW | {"type": "行政强制", "power": "暂扣没有车辆营运证的车辆", "stages": [d.stage for d in duties if d.stage],
                 "duty_texts": [d.text for d in duties]}
    [finding] = gaps.missing_stage([row], EVERY_TYPE)
    assert finding.evidence[0]["note"] == gaps.MEASURE_KEPT_ONLY
    assert "没有写明措施的处理或解除" in evidence_line(finding.evidence[0])
    assert missing("行政强制", "暂扣没有车辆营运证的车辆", cell.replace("不得使用或者损毁", "查清事实后及时作出处理决定")) == []
    assert missing("行政强制", "暂扣没有车辆营运证的车辆", cell + "\n4.解除责任：及时解除暂扣，退还车辆。") == []
    # a step that keeps nothing is not said to keep: 肇庆's 「对执行情况进行跟踪」
    followed = cell.replace("将暂扣车辆停放至指定停车场，妥善保管，不得使用或者损毁。", "对执行情况进行跟踪。")
    duties = split_duties(followed)
    [finding] = gaps.missing_stage([row | {"stages": [d.stage for d in duties if d.stage],
                                           "duty_texts": [d.text for d in duties]}], EVERY_TYPE)
    assert finding.evidence[0]["note"] == ("所列事后监管（“事后监管责任：对执行情况进行跟踪。”）没有写明查封、扣押等措施的处理或解除"
                                           "（《行政强制法》第二十七条、第二十八条）")


def test_the_sixty_third_sample_s_procedures() -> None:
    """罗田's 「批准：作出批准决定，发放农村宅基地批准书」 serves the decision, its 「决定并送达。」 names both; 百色's 「…又不拆除的，依法
    强制拆除」 under 事后监管 carries the demolition out; 铜仁's 「清点设施设备」 carries a seizure out; stages a space apart."""
    assert missing("行政许可", "农村村民宅基地审批", "受理：受理申请。\n审核：实地查看。\n批准：作出批准决定，发放农村宅基地批准书。"
                                              "\n监管：批后监管。") == []
    assert missing("行政处罚", "对野外用火的处罚", "1.立案。\n2.调查取证。\n3.审查。\n4.告知。\n5.决定并送达。\n6.执行。") == []
    demolish = "1.催告责任：书面催告。\n2.决定责任：作出强制拆除决定。\n3.事后监管责任：当事人又不拆除的，依法强制拆除。"
    assert missing("行政强制", "强行拆除妨碍行洪的建筑物", demolish) == []
    seizure = ("1.决定责任：作出查封、扣押决定书。\n2.审查责任：制作现场笔录，清点设施设备。\n3.送达责任：当场交付决定书和清单。"
               "\n4.解除责任：及时解除。")
    assert missing("行政强制", "查封、扣押造成污染物排放的设施", seizure) == []
    assert missing("行政处罚", "对擅自占用城市道路的处罚", "立案　调查　审查　告知　决定　送达") == ["执行"]


def test_the_sixty_fifth_and_sixth_samples_later_readings() -> None:
    """Steps read since the measurement: a permit's step no stage heads that issues the licence (蓟州's 「④核发网络文化经营
    许可证」); a penalty's 法制审核; a penalty's numbered steps that say their stage at their end (安康's 「发现违法线索后及时
    立案」, 「两名以上执法人员调查取证」, 「七日内送达处罚决定书」); a penalty's 审查 column that 调查取证 (河北) and a 事后监管 one
    that follows how the decision is carried out (「对履行情况进行跟踪检查」)."""
    circled = "①收件；②审核；③作出决定；④核发网络文化经营许可证；⑤批后监管。"
    assert missing("行政许可", "互联网上网服务营业场所经营单位设立审批", circled) == []
    assert missing("行政许可", "互联网上网服务营业场所经营单位设立审批",
                   circled.replace("核发网络文化经营许可证", "不予核发许可证的书面说明理由")) == ["送达"]
    steps = ("（一）发现违法线索后及时立案；（二）两名以上执法人员调查取证；（三）法制审核；（四）告知当事人陈述、申辩及听证权利；"
             "（五）作出处罚决定；（六）七日内送达处罚决定书；（七）执行处罚决定。")
    assert missing("行政处罚", "对经营未经检疫动物产品的处罚", steps) == []
    assert missing("行政处罚", "对经营未经检疫动物产品的处罚", steps.replace("及时立案", "报告负责人")) == ["立案"]
    assert missing("行政处罚", "对经营未经检疫动物产品的处罚", steps.replace("两名以上执法人员调查取证",
                                                                           "审查调查取证材料是否齐全")) == ["调查"]
    # (with a step that names its stage: a cell naming none is not read for what it leaves out, as the graph's rows are not)
    assert missing("行政处罚", "对经营未经检疫动物产品的处罚", steps.replace("法制审核", "集体讨论")) == []
    assert missing("行政处罚", "对经营未经检疫动物产品的处罚", steps.replace("法制审核", "集体讨论").replace(
        "（一）发现违法线索后及时立案", "（一）立案")) == ["审查"]
    assert missing("行政处罚", "对经营未经检疫动物产品的处罚", steps.replace("送达处罚决定书", "归档")) == ["送达"]
    columns = ("1.立案责任：立案。\n2.审查责任：对立案的案件全面、客观、公正调查取证，制作笔录。\n3.告知责任：告知当事人。\n"
               "4.决定责任：经法制审核后作出处罚决定。\n5.送达责任：依法送达。\n6.事后监管责任：{after}")
    assert missing("行政处罚", "对违反规定转移危险废物的处罚", columns.format(after="对履行情况进行跟踪检查。")) == []
    assert missing("行政处罚", "对违反规定转移危险废物的处罚", columns.format(after="开展回访。")) == ["执行"]


def test_a_cell_opening_with_a_stage_then_steps_in_its_own_words() -> None:
    """岫岩's 「受理：…。检疫：…。出证：…」: a cell that opens with a stage's heading and goes on with two steps or more headed in
    the procedure's own words is split at each; one such step after it is not (「告知：…；申请执行：…」)."""
    cell = "受理：对调运申请予以受理。检疫：实施现场检疫或室内检验。出证：检疫合格的签发植物检疫证书。"
    assert [d.text for d in split_duties(cell)] == ["受理：对调运申请予以受理。", "检疫：实施现场检疫或室内检验。",
                                                   "出证：检疫合格的签发植物检疫证书。"]
    duties = split_duties(cell)
    assert "送达" in gaps.named_stages(ROW | {"type": "行政许可", "stages": [d.stage for d in duties if d.stage],
                                             "duty_texts": [d.text for d in duties]})  # 「签发植物检疫证书」
    assert len(split_duties("告知：在决定书中告知加处罚款；申请执行：向人民法院申请强制执行。")) == 1


def test_the_sixty_seventh_sample_s_permits() -> None:
    """湖北's 「受理、审查、决定」 in one step that tells the decision in writing and follows the work permitted (served and
    supervised); 海宁's 「办结：作出准予或者不予变更的决定，准予变更的换发《…许可证》」 decides and serves; its 注销's 「办结：办理
    注销登记，收回《…许可证》，并予以公告」 decides and serves the ending."""
    joined = ("受理、审查、决定：受理申请后对施工方案进行审查，在法定期限内作出是否准予许可的决定并书面告知申请人；对已许可的工程实施"
              "跟踪管理，督促施工单位按照许可的内容施工。")
    assert missing("行政许可", "涉路施工许可", joined) == []
    assert missing("行政许可", "涉路施工许可", joined.replace("并书面告知申请人", "").replace("对已许可的工程实施跟踪管理，督促施工单位"
                                                                                     "按照许可的内容施工。", "")) == ["送达", "事后监管"]

    def rows_missing(power: str, steps: list[tuple[str, str]]) -> list[str]:  # a row a step: 环节名称 | 责任内容
        duties = [stage_row_duty(k, stage, text) for k, (stage, text) in enumerate(steps, 1)]
        row = ROW | {"type": "行政许可", "power": power, "stages": [d.stage for d in duties if d.stage],
                     "duty_texts": [d.text for d in duties]}
        found = gaps.missing_stage([row], EVERY_TYPE)
        return found[0].evidence[0]["missing"] if found else []

    change = [("接件", "接收变更申请材料。"), ("审核", "审查变更事项。"),
              ("办结", "作出准予或者不予变更的决定，准予变更的换发《医疗机构执业许可证》。")]
    assert rows_missing("医疗机构变更登记", change) == ["事后监管"]
    assert rows_missing("医疗机构变更登记", change[:2] + [("办结", "办理完毕后归档。")]) == ["决定", "送达", "事后监管"]
    end = [("接件", "接收注销申请。"), ("审核", "核实停止执业情况。"),
           ("办结", "办理注销登记，收回《医疗机构执业许可证》，并予以公告。")]
    assert rows_missing("医疗机构注销登记", end) == []
    assert rows_missing("医疗机构注销登记", end[:2] + [("办结", "办理注销登记。")]) == ["送达"]


def test_the_sixty_ninth_and_seventieth_samples_procedures() -> None:
    """巴南's permit whose one filled stage column holds the whole procedure in prose; 屯昌's 【批后管理】; 内蒙古's 【审查（含法制
    审核）】 and 【送达、执行】; 咸阳's 「准予注册或者不予注册：…准予注册」; a measure's 「记录责任：制作现场笔录，开具清单」 no end of it."""
    sole = ("受理（立案）\n受理申请后审查占用或者挖掘的位置、面积、期限和施工方案，会同公安交通管理部门审核；在规定期限内作出准予或者不予"
            "许可的决定并送达申请人；许可期间对占用、挖掘行为进行现场监管。")
    assert missing("行政许可", "临时占用城市道路审批", sole) == []
    lone = "1.立案责任:发现违法行为应及时制止(对正在实施的违法行为下达通知书),并予以审查,决定是否立案。"  # (林芝: two, no more)
    assert missing("行政处罚", "对损坏城市树木花草的处罚", lone) == ["调查", "审查", "告知", "决定", "送达", "执行"]
    refused = "受理（立案）\n受理申请，材料不齐全的一次性告知；不予受理的，出具不予受理决定书并送达。"
    assert missing("行政许可", "临时占用城市道路审批", refused + "\n审查：审查材料。") == ["决定", "送达", "事后监管"]
    assert missing("行政许可", "乡村建设规划许可证核发", "【受理审查】受理申请，审查是否符合村庄规划。【决定送达】作出许可或者"
                   "不予许可的决定，核发许可证并送达。【批后管理】开展放线、验线和竣工规划核实。") == []
    assert missing("行政处罚", "对生产建设项目未编制水土保持方案的处罚", "【立案】报负责人批准立案。\n【调查】调查收集证据。\n"
                   "【审查（含法制审核）】对案件进行审查。\n【告知】书面告知拟作出的处罚。\n【决定】作出处罚决定。\n"
                   "【送达、执行】依法送达并督促履行。") == []
    register = ("1.受理：审查申请人提交的材料。\n2.审核：对申请人是否具有不予注册的情形进行审核。\n3.准予注册或者不予注册：自受理申请之日"
                "起二十个工作日内准予注册；不予注册的，书面通知申请人。\n4.制证送达：发放医师执业证书。")
    assert missing("行政许可", "医师执业注册", register) == ["事后监管"]
    seizure = ("审批责任：实施前报经局负责人批准；\n实施责任：两名以上执法人员实施，通知当事人到场。\n记录责任：制作现场笔录，开具查封、"
               "扣押清单。\n送达责任：当场交付查封、扣押决定书和清单。")
    assert missing("行政强制", "查封、扣押来源非法的林木", seizure) == ["事后监管"]
    kept = seizure.replace("记录责任：制作现场笔录，开具查封、扣押清单。", "保管责任：妥善保管查封、扣押的林木，不得使用或者损毁。")
    assert missing("行政强制", "查封、扣押来源非法的林木", kept) == ["事后监管"]  # (阿坝's: keeping it is no end of it)
    assert missing("行政强制", "查封、扣押来源非法的林木", seizure + "\n解除责任：及时解除查封、扣押。") == []


def test_a_procedure_in_one_paragraph_beside_a_catch_all_or_a_supervision_column() -> None:
    """城口's penalty written as one paragraph in its 责任事项 cell, its 事中事后监管措施 in a column of their own; 三里屯's card
    whose one step 「办理」 does the whole procedure, a catch-all row 「其他」 after it: each read in prose as a reader reads it
    (both judged complete, 2026-12-06). A second step of the procedure beside the paragraph still keeps it from being read so."""
    def rows_missing(duties: list) -> list[str]:
        row = ROW | {"type": "行政处罚", "power": "对骗取医疗保障基金的处罚", "stages": [d.stage for d in duties if d.stage],
                     "duty_texts": [d.text for d in duties]}
        found = gaps.missing_stage([row], EVERY_TYPE)
        return found[0].evidence[0]["missing"] if found else []

    paragraph = ("对发现的个人骗保线索依法立案调查，调取就医购药记录、医保结算数据，询问当事人和有关人员；调查终结后审查案件，告知当事人"
                 "拟处罚的事实、理由、依据和陈述申辩权利，依法作出责令退回、罚款的决定并送达，通知医疗保障经办机构暂停其医疗费用联网结算，"
                 "督促履行处罚决定。")
    assert rows_missing(duties_of(paragraph, "对受处罚参保人员的就医结算行为加强监测。")) == []
    card = [stage_row_duty(1, "办理", paragraph), stage_row_duty(2, "其他", "法律法规规章文件规定应履行的其他责任。")]
    assert rows_missing(card) == []
    assert rows_missing([stage_row_duty(1, "办理", paragraph), stage_row_duty(2, "告知", "告知当事人陈述申辩权利。"),
                         stage_row_duty(3, "其他", "法律法规规章文件规定应履行的其他责任。")]) != []
    short = "对发现的个人骗保线索依法立案，告知当事人陈述申辩权利。"  # (two stages said: not the whole procedure)
    assert rows_missing(duties_of(short, "对受处罚参保人员的就医结算行为加强监测。")) == ["调查", "审查", "决定", "送达", "执行"]


def test_the_ninety_seventh_and_ninety_eighth_samples_readings() -> None:
    """泗洪's arrowed steps ending on a step named alone; remarks that the body itself supervises; 包头's and 洛阳's guiding
    remarks; 营口's permit handed to an approvals bureau; 阿克苏's 「作出责令限期拆除和罚款的处罚决定」 and its 事后 step seeing the
    correction done (each as its reader judged it, 2026-12-06)."""
    arrows = ("受理：及时受理，制作受案登记表→立案调查：两名以上人民警察调查取证→审核：法制部门审核→告知：告知拟作出处罚的事实、理由、依据"
              "→决定：作出处罚决定→送达：当场交付或者二日内送达→执行：依法送拘留所执行，罚款到指定银行缴纳→结案归档")
    assert missing("行政处罚", "对殴打他人的处罚", arrows) == []
    assert missing("行政处罚", "对殴打他人的处罚", arrows.replace("告知：告知拟作出处罚的事实、理由、依据→", "")) == ["告知"]
    assert [d.stage for d in split_duties("受理→审查→决定→公告")] == ["受理"]  # (a chain of bare names: one duty, as before)
    permit = "受理：受理申请→审查：审查安全工作方案→决定：作出许可或者不予许可的决定→送达：书面通知申请人"
    assert missing("行政许可", "大型群众性活动安全许可", permit) == ["事后监管"]
    assert missing("行政许可", "大型群众性活动安全许可", permit, remarks="由市公安局实施许可，县局负责初审和安全监管",
                   department_level="county") == []  # (泗洪's, a county's list)
    for other in ("由市场监管局负责监管", "市局负责指导监督"):  # another body's supervision, or guiding, is none of its own
        assert missing("行政许可", "大型群众性活动安全许可", permit, remarks=other) == ["事后监管"], other
    poison = "1.受理责任：予以受理。2.审查责任：核查材料。3.决定责任：作出批准或者不予批准的决定。4.送达责任：发给购买许可证。"
    assert missing("行政许可", "剧毒化学品购买许可证核发", poison) == ["事后监管"]
    assert missing("行政许可", "剧毒化学品购买许可证核发", poison, scope="旗县区级（由各旗县区公安分局具体实施，市局负责指导监督）") == []
    fraud = ("1.立案责任：予以立案。2.调查责任：调查取证。3.审查责任：审查。4.决定责任：作出警告的决定。5.送达责任：依法送达。"
             "6.执行责任：督促退回。")
    assert missing("行政处罚", "对冒领抚恤金的处罚", fraud, remarks="市本级负责指导，县级退役军人事务部门具体实施") == []
    assert missing("行政处罚", "对冒领抚恤金的处罚", fraud, remarks="市本级项目由本局查处，县级负责指导") == ["告知"]
    works = ("1.受理责任：依法受理。2.审查责任：审查法定条件。3.决定责任：作出准予许可或者不予许可的决定。4.事后监管责任：对取得施工许可证后"
             "的行为进行监督检查。")
    assert missing("行政许可", "建筑工程施工许可证核发", works) == ["送达"]
    assert missing("行政许可", "建筑工程施工许可证核发", works, remarks="该事项已划转市行政审批局实施，本部门负责批后监管") == []
    assert missing("行政许可", "建筑工程施工许可证核发", works.replace("4.事后监管责任：对取得施工许可证后的行为进行监督检查。", ""),
                   remarks="该事项已划转市行政审批局实施") == ["事后监管"]  # (what it kept, it must still name)
    assert gaps.stage_rules().transferred("行政处罚", "已划转市行政审批局实施") == ""  # (a permit's handing over only)


def test_a_penalty_decision_that_orders_a_correction_and_its_follow_up_in_phase_cells() -> None:
    """阿克苏's 事前 | 事中 | 事后 cells: 「作出责令限期拆除和罚款的处罚决定」 is the penalty's decision (a 责令's alone is not), 「监督
    当事人按期拆除、恢复原状」 its 执行; what is left is the 送达 its reader asked for."""
    texts = ["对河湖巡查发现的违法线索进行核查，决定是否立案。",
             "调查取证，现场勘验；审查案件事实和证据；告知当事人陈述、申辩权利；作出责令限期拆除和罚款的处罚决定。",
             "监督当事人按期拆除、恢复原状；案卷归档。"]

    def phases_missing(cells: list[str]) -> list[str]:
        row = ROW | {"type": "行政处罚", "power": "对在河道管理范围内建设妨碍行洪的建筑物的处罚", "stages": ["事后监管"],
                     "duty_texts": cells, "duty_kinds": ["事前", "事中", "事后"]}
        found = gaps.missing_stage([row], EVERY_TYPE)
        return found[0].evidence[0]["missing"] if found else []

    assert phases_missing(texts) == ["送达"]
    assert phases_missing([texts[0], texts[1].replace("和罚款的处罚决定", "的决定"), texts[2]]) == ["决定", "送达"]
    assert phases_missing([*texts[:2], "案卷归档。"]) == ["送达", "执行"]


def test_the_ninety_ninth_and_hundredth_samples_readings() -> None:
    """恩施's 代履行 whose 「催告责任：代履行前送达决定书…」 serves the decision; 寿阳's 事后 step 「监督当事人履行」 its 执行 (each as its
    reader judged it, 2026-12-06)."""
    proxy = ("催告责任：代履行前送达决定书，载明当事人、代履行的理由和依据、方式和时间。\n实施责任：代履行三日前，催告当事人履行，当事人履行的"
             "停止代履行；组织代履行。\n费用责任：依法收取代履行费用。")
    assert missing("行政强制", "代为补种树木或者代为恢复植被", proxy) == []
    assert missing("行政强制", "代为补种树木或者代为恢复植被", proxy.replace("代履行前送达决定书，", "")) == ["决定"]
    during = "调查取证：两名以上执法人员调查；\n审查：法制审核；\n告知：送达行政处罚告知书，听取陈述申辩；\n决定：作出行政处罚决定。"
    cells = ["通过执法检查发现违法线索，报负责人批准立案。", during, "送达行政处罚决定书；监督当事人履行；结案归档。"]

    def phases_missing(texts: list[str]) -> list[str]:
        duties = [d for t, kind in zip(texts, ("事前", "事中", "事后"), strict=True) for d in split_duties(t)
                  for d in [replace(d, kind=kind)]]
        row = ROW | {"type": "行政处罚", "power": "对未按照规定进行安全生产教育和培训的处罚", "stages": [d.stage for d in duties if d.stage],
                     "duty_texts": [d.text for d in duties], "duty_kinds": [d.kind for d in duties]}
        found = gaps.missing_stage([row], EVERY_TYPE)
        return found[0].evidence[0]["missing"] if found else []

    assert phases_missing(cells) == []
    assert phases_missing([*cells[:2], "送达行政处罚决定书；结案归档。"]) == ["执行"]


def test_a_cold_review_of_the_thirty_fifth_session_s_rules() -> None:
    """A second reader's inputs against this session's readings of who does the procedure: a county whose remark names the
    city as the guide still does it; an approvals bureau's own list, a bureau that only receives, a partial or excepted
    handing over keep their stages; another level's or another body's supervision, or a remit, is none of the power's; a
    correction watched is no fine carried out; the order a 代履行 enforces is no decision of its own."""
    permit = "受理责任：依法受理申请。\n审查责任：对申请材料进行审查。\n决定责任：作出准予或者不予许可的决定。"
    county = {"department_level": "county", "department": "甲县市场监督管理局"}
    for remark in ("市局负责指导监督，县局具体实施", "由县级市场监管部门实施，市局负责业务指导"):
        assert missing("行政许可", "食品经营许可", permit, remarks=remark, **county) == ["送达", "事后监管"], remark
    assert missing("行政许可", "食品经营许可", permit, scope="县级（由县市场监管局具体实施，市局负责指导监督）",
                   **county) == ["送达", "事后监管"]
    assert missing("行政许可", "食品经营许可", permit, remarks="由县区市场监管局审批，本局指导监督；市本级实施") == ["送达", "事后监管"]
    assert missing("行政许可", "食品经营许可", permit, remarks="由县区市场监管局审批，本局指导监督") == []  # (as before)
    for remark in ("该事项由市住建局划入市行政审批局", "由市行政审批局统一受理，本局负责审查、决定",
                   "一般项目由区行政审批局审批，重大项目由本局审批"):
        assert missing("行政许可", "建筑工程施工许可证核发", permit, remarks=remark,
                       department="甲市行政审批局" if "划入" in remark else "甲市住房和城乡建设局") == ["送达", "事后监管"], remark
    assert missing("行政许可", "建筑工程施工许可证核发", permit, scope="市本级（已划转市行政审批局的事项除外）") == ["送达", "事后监管"]
    served = permit + "\n送达责任：送达许可证。"
    for remark in ("区局负责日常监管", "本局负责全市食品安全监督管理工作", "由市场监管部门负责监管", "市局负责审批，县局负责监督检查"):
        assert missing("行政许可", "食品经营许可", served, remarks=remark) == ["事后监管"], remark
    assert missing("行政许可", "食品经营许可", served, remarks="市局负责审批和监管", **county) == ["事后监管"]
    assert missing("行政许可", "食品经营许可", served, remarks="县局负责日常监管", **county) == []
    fine = ("1.立案责任：予以立案。2.调查责任：调查取证。3.审查责任：法制审核。4.告知责任：告知陈述申辩权利。5.决定责任：作出罚款决定。"
            "6.送达责任：送达处罚决定书。7.事后监管责任：{}")
    for watched in ("监督当事人限期改正违法行为。", "督促其整改到位。", "监督当事人恢复原状。", "监督履行职责情况。"):
        assert missing("行政处罚", "对违法行为的处罚", fine.format(watched)) == ["执行"], watched
    assert missing("行政处罚", "对违法行为的处罚", fine.format("监督当事人按期拆除违法建筑物。")) == []
    proxy = ("催告责任：在送达决定书后，当事人逾期不履行的，书面催告当事人履行。\n执行责任：组织代履行。\n事后监管责任：收取代履行费用。")
    assert missing("行政强制", "代为补种树木或者代为恢复植被", proxy) == ["决定"]


def test_the_hundred_and_first_and_second_samples_readings() -> None:
    """肥东's 「办结：…送达申请人」, 威远镇's 「…建房完工后组织验收」, 舒兰's arrowed steps half of them a stage's, 张北's 「发证：对符合
    要求的，办理使用登记，核发…」 (each as its reader judged it, 2026-12-06)."""
    steps = [("接件", "接收申请材料。"), ("核查", "对申请材料进行审查。"), ("审批", "作出准予许可或者不予许可的决定。"),
             ("办结", "制作许可证件，送达申请人，并在网上公开。"), ("监管", "对被许可人进行监督检查。")]

    def rows_missing(power: str, duties: list) -> list[str]:
        row = ROW | {"type": "行政许可", "power": power, "stages": [d.stage for d in duties if d.stage],
                     "duty_texts": [d.text for d in duties]}
        found = gaps.missing_stage([row], EVERY_TYPE)
        return found[0].evidence[0]["missing"] if found else []

    assert rows_missing("取水许可", [stage_row_duty(i, s, t) for i, (s, t) in enumerate(steps, 1)]) == []
    closing = [*steps[:3], ("办结", "制作许可证件，并在网上公开。"), steps[4]]
    assert rows_missing("取水许可", [stage_row_duty(i, s, t) for i, (s, t) in enumerate(closing, 1)]) == ["送达"]
    land = "接件：受理申请。\n核查：实地审查。\n决定：作出批准决定，核发《农村宅基地批准书》。办结：建立台账，申请人建房完工后组织验收。"
    assert missing("行政许可", "农村村民宅基地审批", land) == []
    assert missing("行政许可", "农村村民宅基地审批", land.replace("，申请人建房完工后组织验收", "")) == ["事后监管"]
    summons = "审批：经负责人批准，开具强制传唤证→执行：出示强制传唤证→询问查证：询问查证时间不超过八小时→通知：通知被传唤人家属。"
    assert [d.stage for d in split_duties(summons)] == ["决定", "执行", None, None]
    assert missing("行政强制", "强制传唤", summons) == []
    use = "受理：接收申请材料。\n审查：对申请材料进行审查。\n发证：对符合要求的，办理使用登记，核发《特种设备使用登记证》。"
    assert missing("行政许可", "特种设备使用登记", use) == ["事后监管"]
    assert missing("行政许可", "特种设备使用登记", use.replace("对符合要求的，办理使用登记，", "")) == ["决定", "事后监管"]


def test_a_cold_review_of_the_thirtieth_session_s_rules() -> None:
    """A second reader's inputs against the rules for steps no stage heads: another body's act, another paper served, the
    thing applied for, a notice in a supervision, a refusal's or a failure's clauses in a lone duty, a measure's own-word
    step that lifts it."""
    steps = ("（一）{a}；（二）两名以上执法人员调查取证；（三）法制审核；（四）告知当事人陈述、申辩权利；（五）作出处罚决定；"
             "（六）{s}；（七）督促当事人履行。")
    base = {"a": "发现违法线索后及时立案", "s": "七日内送达处罚决定书"}
    assert missing("行政处罚", "对违法行为的处罚", steps.format(**base)) == []
    assert missing("行政处罚", "对违法行为的处罚", steps.format(**base | {"a": "予以立案，立案后指派两名以上执法人员办理"})) == []
    assert missing("行政处罚", "对违法行为的处罚", steps.format(**base | {"a": "由公安机关审查后立案"})) == ["立案"]
    for served in ("将听证通知书送达当事人", "制作责令改正通知书并依法送达"):
        assert missing("行政处罚", "对违法行为的处罚", steps.format(**base | {"s": served})) == ["送达"], served
    permit = "①受理申请；②{x}；③作出准予许可的决定；④{y}；⑤批后监管。"
    assert missing("行政许可", "食品经营许可", permit.format(x="审查材料", y="核发食品经营许可证")) == []
    assert missing("行政许可", "食品经营许可", permit.format(x="审查申请核发食品经营许可证的材料", y="归档")) == ["送达"]
    lone = "立案责任：决定是否立案；立案后移交市综合行政执法支队调查、告知、作出处罚决定并送达、执行。"
    assert missing("行政处罚", "对违法行为的处罚", lone) == ["调查", "审查", "告知", "决定", "送达", "执行"]
    owed = "受理：受理申请。未按规定审查、作出决定、送达的，依法追究责任。"
    assert missing("行政许可", "食品经营许可", owed + "\n其他：法律法规规章规定应履行的其他责任。") == [
        "审查", "决定", "送达", "事后监管"]  # (what is owed for failing them is no step done)
    lifted = "决定：作出扣押决定。\n实施：两名以上执法人员实施。\n通知领取：解除扣押后，通知当事人领取财物。"
    assert missing("行政强制", "扣押物品", lifted) == []
    listed = "受理、审查、考核、发证、监管：按规定组织考核，对考核合格的颁发资格证书，建立档案，对持证人员进行监督检查。"
    assert missing("行政许可", "建筑施工特种作业人员操作资格考核", listed) == []  # (河南: 考核合格的 decides)


def test_bracketed_steps_run_together_on_one_line():
    """赞皇's 查封: 「【审批】…补办【实施】…【检验消毒】…【处理】…【解除】…」, its steps in brackets with no stop between them: each its own
    duty, the 解除 found; its penalty's 「【发现】…【核实立案】…【取证】…【合议】…【告知】…【处罚】…【送达】…【结案】…」, most of whose
    brackets are its own words, is not cut at the two that are stages."""
    seal = ("【审批】报局主要负责人批准，紧急情况当场实施后二十四小时内补办【实施】两名以上执法人员实施，制作现场笔录【检验消毒】"
            "及时送检【处理】经检验属于被污染食品的，监督销毁【解除】对未被污染的物品，及时解除控制措施")
    assert [d.stage for d in split_duties(seal)] == ["决定", "执行", "处置", "解除"]
    assert missing("行政强制", "封存被传染病病原体污染的食品", seal) == []
    penalty = ("【发现】日常监督发现【核实立案】经科室负责人审核后立案【取证】现场检查笔录【合议】案件讨论【告知】送达《行政处罚事先"
               "告知书》【处罚】下达《行政处罚决定书》【送达】直接送达或留置送达【结案】罚款缴纳后归档")
    assert len(split_duties(penalty)) == 1
    # (a stage's word set off in brackets inside a sentence is no heading: a cold review's cases)
    for sentence in ("经【审查】符合条件的，予以登记", "对申请材料进行【审查】并【决定】是否批准", "受理阶段：依法受理【审查】审查材料后【决定】"):
        assert len(split_duties(sentence)) == 1, sentence


def test_a_handling_decision_is_a_penaltys_decision_and_a_measures_follow_up() -> None:
    """「作出处理决定」 (合肥's card, the thirty-second session): a penalty's decision; a 强制措施's 处理决定 its follow-up (行政强制法
    第二十七条), asked for the 解除 none the less where it has none."""
    cell = "1.立案：立案。2.调查：调查取证。3.审查：审查。4.告知：告知拟作出的处罚。5.作出处理决定：依法作出。6.送达：送达。7.执行：执行。"
    assert missing("行政处罚", "对乱倒垃圾的处罚", cell) == []
    assert missing("行政处罚", "对乱倒垃圾的处罚", cell.replace("5.作出处理决定：依法作出。", "")) == ["决定"]
    seized = "1.决定：经负责人批准决定查封。2.实施：制作现场笔录。3.处理决定：查清事实后依法没收或者解除查封。"
    assert missing("行政强制", "查封不符合标准的施工设备", seized) == []
    assert missing("行政强制", "查封不符合标准的施工设备", seized.split("3.")[0]) == ["事后监管"]


def test_a_case_opened_in_the_words_of_its_registration_and_a_permits_follow_up_management() -> None:
    """九龙坡's penalty steps a row each, the first 「发现登记，经审批立案」: its 立案 (not 「不予立案」); 乐东's 「后续管理：…」 a
    permit's supervision after it (the thirty-second session's samples)."""
    steps = "发现登记，经审批立案。\n调查核实：现场勘查并取证。\n法制审核：审核。\n事先告知：告知拟处罚内容。\n作出决定：决定。\n文书送达：送达。\n督促履行：督促。"
    assert missing("行政处罚", "对违反规定设置排污口的处罚", steps) == []
    assert missing("行政处罚", "对违反规定设置排污口的处罚", steps.replace("经审批立案", "列入查处")) == ["立案"]
    permit = "收件：核对材料。审核：审查资格。批准：作出决定。发证：发给登记证书。后续管理：通过年度检查、抽查审计监管。"
    assert missing("行政许可", "社会团体成立登记", permit) == []


def test_another_bodys_case_and_a_check_before_the_decision_are_not_the_powers_own() -> None:
    """「移送公安机关予以立案侦查」 is the police's case, not the penalty's 立案; 「…并进行跟踪检查，整改合格后提交审批」 in a permit's
    review is no supervision after it."""
    penalty = ("1.调查责任：调查取证。2.审查责任：审查。3.告知责任：告知拟作出的处罚。4.决定责任：作出决定。5.送达责任：送达。"
               "6.执行责任：督促履行；涉嫌犯罪的，移送公安机关予以立案侦查。")
    assert missing("行政处罚", "对乱倒垃圾的处罚", penalty) == ["立案"]
    permit = ("1.受理责任：依法受理。2.审查责任：现场核查，对不符合条件的责令整改，并进行跟踪检查，整改合格后提交审批。"
              "3.决定责任：作出决定。4.送达责任：送达。")
    assert missing("行政许可", "建设工程消防验收", permit) == ["事后监管"]


def test_the_eighty_fifth_and_sixth_samples_steps() -> None:
    """What readers judged done in the seventy-ninth to eighty-sixth samples, in the lists' own words."""
    # a permit's 技术审查 is its review; 不动产登记's 登簿 its decision, 缮证发证 its delivery
    assert missing("行政许可", "兽药生产许可证核发", "申请受理：受理申请。\n技术审查：现场验收。\n审批决定：作出决定。\n"
                   "制证发证：核发许可证。\n证后监管：跟踪检查。") == []
    assert [d.stage for d in split_duties("一是收件：查验材料。二是审核：查验一致性。三是登簿：记载于登记簿。四是缮证发证：核发证书。")] == [
        "受理", "审查", "决定", "送达"]
    # a penalty's paragraph that ends with the demolition when the party has not corrected: its 执行 (西陵镇); not a notice of it
    done = ("1.立案：登记立案。\n2.执法人员现场调查取证；经审查，书面告知当事人拟作出的处理决定和陈述、申辩权利；"
            "作出责令限期改正决定并依法送达；当事人逾期不改正的，依法组织拆除。")
    assert "执行" not in missing("行政处罚", "对未取得乡村建设规划许可证进行建设的处罚", done)
    told = done.replace("当事人逾期不改正的，依法组织拆除。", "告知当事人逾期不改正的将依法组织拆除。")
    assert "执行" in missing("行政处罚", "对未取得乡村建设规划许可证进行建设的处罚", told)
    # a closing step run on under the 送达 that applies to the court (合肥), not one that tells the party it will be
    served = "立案：立案。\n调查：调查。\n审查：审查。\n告知：告知。\n决定：决定。\n送达：送达决定书。结案归档：当事人逾期不履行的，依法申请人民法院强制执行。"
    assert missing("行政处罚", "x", served) == []
    assert missing("行政处罚", "x", served.replace("依法申请", "告知其将申请")) == ["执行"]
    # a step headed 陈述申辩 wherever it stands (广元's 其他 column) is the 告知
    heard = "立案：立案。\n调查：调查。\n审查：审查。\n决定：决定。\n送达：送达。\n执行：执行。\n其他：陈述申辩：作出决定前听取当事人陈述、申辩意见。"
    assert missing("行政处罚", "x", heard) == []
    # 停止供电 lifted in words of its own (攸县); a seizure carried out by handing over its decision and list on the spot (六盘水)
    assert missing("行政强制", "通知有关单位停止供电", "审查：核实。\n决定：决定采取停止供电措施。\n"
                   "执行：书面通知供电企业；生产经营单位依法履行决定的，及时解除有关措施。") == []
    # an application to the court in steps of its own words, 「申请：」 「配合执行：」 (福山), lacks its 催告; a sentence is not read
    court = "（1）申请：向县人民法院提出强制执行申请。（2）配合执行：人民法院裁定准予执行的，配合做好现场清场。"
    assert missing("行政强制", "申请人民法院强制执行限期拆除决定", court) == ["催告"]
    warned = "（1）催告：书面催告当事人履行。（2）申请：向县人民法院提出强制执行申请。（3）配合执行：配合做好现场清场。"
    assert missing("行政强制", "申请人民法院强制执行限期拆除决定", warned) == []
    assert missing("行政强制", "申请人民法院强制执行限期拆除决定", "向县人民法院提出强制执行申请，配合做好现场清场。") == []
    # a permit's 认定 step that issues the certificate (镇江's 教师资格认定) serves it
    assert missing("行政许可", "教师资格认定", "受理：受理。\n审查：审查。\n认定：对符合条件的颁发教师资格证书。") == ["事后监管"]
    # a review that tells the party of the penalty it intends (安阳's 「调查核实并告知当事人拟处罚决定及其权利」) does the 告知
    told = "立案：立案。\n审查、调查：调查核实并告知当事人拟处罚决定及其权利。\n决定：作出处罚决定。\n送达：送达。\n执行：督促履行。"
    assert missing("行政处罚", "x", told) == []
    assert missing("行政处罚", "x", told.replace("并告知当事人拟处罚决定及其权利", "")) == ["告知"]
    seized = "决定：制作查封决定书。\n送达：当场交付查封（扣押）决定书和清单，由当事人签名。"
    assert missing("行政强制", "查封不符合标准的设备", seized) == ["事后监管"]


def test_a_cold_review_of_the_thirty_third_sessions_steps() -> None:
    """批办 is no decision's word (a case handed to its officer too); a demolition the decision orders of the party, or another
    body's, is no 执行 of the penalty; an application to the court whose step before it warns the party in other words has its
    催告; a 加处罚款 collected is carried out."""
    assert missing("行政处罚", "x", "立案：立案。\n调查：调查。\n批办：分管领导批办，指定承办人员。\n告知：告知。\n送达：送达。\n执行：执行。") == ["决定"]
    for end in ("责令当事人限期予以拆除。", "责令其限期自行依法拆除。", "逾期不拆除的，由县人民政府责成有关部门依法拆除。"):
        cell = "1.立案：登记立案。\n2.执法人员调查取证；经审查告知当事人拟作出的决定和陈述、申辩权利；作出决定并依法送达；" + end
        assert "执行" in missing("行政处罚", "x", cell), end
    for warn in ("1.通知履行责任：书面通知当事人在十日内自动履行义务。", "1.督促履行责任：书面督促当事人限期履行行政决定。",
                 "1.书面催促责任：书面催促当事人履行。"):
        assert missing("行政强制", "申请人民法院强制执行", warn + "\n2.申请责任：向人民法院申请强制执行。") == [], warn
    assert missing("行政强制", "申请人民法院强制执行", "1.审核责任：审核案卷。\n2.申请责任：向人民法院申请强制执行。") == ["催告"]
    assert missing("行政强制", "对逾期不缴纳罚款的加处罚款", "1.计算责任：按日计算加处罚款数额。\n2.收缴责任：收缴加处的罚款。") == []
    assert missing("行政强制", "对逾期不缴纳罚款的加处罚款", "1.计算责任：按日计算加处罚款数额。\n2.告知责任：告知当事人。") == ["执行"]



def test_the_ninety_first_and_second_samples_steps() -> None:
    """A 代履行 decision headed by its act (利通区's 「作出代履行决定：…」) is its 决定; a permit's duty reviewing the holder's
    execution reports (齐齐哈尔's 其他 column) supervises it; a penalty's 审查 that opens by finding out the facts (博白's
    「调查核实当事人…的事实」) investigates, unless it reviews a finding's result."""
    steps = "作出代履行决定：制作代履行决定书并送达当事人。\n催告：代履行三日前，催告当事人履行。\n实施：代履行时，派员到场监督。"
    assert missing("行政强制", "强行拆除妨碍行洪的建筑物、构筑物", steps) == []
    assert "决定" in missing("行政强制", "强行拆除妨碍行洪的建筑物、构筑物", steps.replace("作出代履行决定", "准备"))
    permit = "受理：受理。\n审查：审查。\n决定：作出审批决定。\n送达：发放排污许可证。\n其他：对排污许可证执行报告、自行监测数据进行审核。"
    assert missing("行政许可", "排污许可证核发", permit) == []
    assert missing("行政许可", "排污许可证核发", permit.replace("进行审核", "进行归档")) == ["事后监管"]
    penalty = "立案：立案。\n审查：调查核实当事人骗取社会救助的事实和数额，收集书证、询问笔录等证据。\n告知：告知。\n决定：决定。\n送达：送达。\n执行：执行。"
    assert missing("行政处罚", "x", penalty) == []
    assert missing("行政处罚", "x", penalty.replace("调查核实当事人", "对调查核实结果进行审查，")) == ["调查"]
    # a 加处罚款 whose steps apply to the court for it (来宾) is an application to the court: its 催告 asked, not its 执行
    court = "告知：载明加处罚款的标准。\n计算：按日计算加处罚款数额。\n申请执行：依法向人民法院申请强制执行。"
    assert missing("行政强制", "对到期不缴纳罚款的加处罚款", court) == ["催告"]
    assert missing("行政强制", "对到期不缴纳罚款的加处罚款", court.replace("计算：", "催告：书面催告当事人履行。\n计算：")) == []
    assert missing("行政强制", "对到期不缴纳罚款的加处罚款", "告知：载明标准。\n计算：按日计算数额。") == ["执行"]


def test_a_cold_review_of_the_thirty_fourth_sessions_rules() -> None:
    """What a review found the new rules hid: a 审查 reviewing what was found (「调查核实的事实」, 「退回补充调查核实」) does no
    调查; 「告知其拟…」 of anything but the penalty is no 告知; a permit's review of last period's reports while it examines the
    application is no supervision; a 送达 headed by the 代履行 paper is no 决定; a 加处罚款 that only warns it will apply to the
    court, or says it may not, stays a 加处罚款."""
    base = "立案：立案。\n审查：{}\n告知：告知。\n决定：决定。\n送达：送达。\n执行：执行。"
    for review in ("审查案件调查核实的事实、证据。", "法制机构审核办案人员调查核实的情况。", "证据不足的，退回补充调查核实。"):
        assert missing("行政处罚", "x", base.format(review)) == ["调查"], review
    told = "立案：立案。\n调查：调查。\n审查：{}\n决定：决定。\n送达：送达。\n执行：执行。"
    for notice in ("不予立案的，告知其拟不予立案的理由。", "告知用人单位拟检查的事项。", "书面催告并告知其拟申请人民法院强制执行。"):
        assert missing("行政处罚", "x", told.format(notice)) == ["告知"], notice
    assert missing("行政处罚", "x", told.format("作出处罚决定前，告知用人单位拟处罚的事实、理由、依据。")) == []
    renew = "受理：受理。\n审查：对上一周期排污许可证执行报告进行审核。\n决定：作出决定。\n送达：发证。"
    assert missing("行政许可", "排污许可证（延续）", renew) == ["事后监管"]
    served = ("1.催告：书面催告当事人履行。\n2.代履行决定书送达：将代履行决定书送达当事人。\n"
              "3.实施：代履行时派员到场监督。")
    assert "决定" in missing("行政强制", "代履行清除障碍物", served)
    warned = "告知：逾期不缴纳的将依法申请人民法院强制执行。\n计算：按日计算加处罚款数额。"
    assert missing("行政强制", "对到期不缴纳罚款的加处罚款", warned) == ["执行"]
    itself = "计算：按日计算。\n收缴：收缴加处的罚款。\n其他：不得违法申请人民法院强制执行。"
    assert missing("行政强制", "对到期不缴纳罚款的加处罚款", itself) == []


def test_steps_named_as_a_chain() -> None:
    """「受理—审查—决定」 (福建's 「按照“受理—审查—决定”一体化流程办理」, 阆中's), 「立案——调查取证（…）——审查」 (沙井's template):
    the chain's steps are named; two steps are no chain."""
    assert missing("行政许可", "二级建造师执业注册", "受理责任：按照“受理—审查—决定”一体化流程办理。") == ["送达", "事后监管"]
    chain = "立案——调查取证（执法人员不少于两人）——审查（重大执法决定经法制审核）——决定——送达——执行。"
    assert missing("行政处罚", "x", chain) == ["告知"]
    assert missing("行政许可", "x", "受理：按照“受理—审查”流程办理。\n决定：作出决定。") == ["审查", "送达", "事后监管"]
    # a step of two words (祁门's 「上报或决定」) and a step of the list's own (现场查验) go on with the chain
    assert missing("行政许可", "使用林地审核", "受理—现场查验—审核—上报或决定—送达。") == ["事后监管"]
    # a 注销 announced, its papers taken back (福建省民政厅's), is served; a permit supervised 「取得许可后」 (秭归's) is
    assert missing("行政许可", "社会团体注销登记", "受理→审查（清算报告）→决定→收缴登记证书和印章→公告") == []
    assert missing("行政许可", "民办幼儿园设立审批",
                   "受理→材料审查→实地考察→作出决定→颁发办学许可证。取得许可后，由学前教育管理部门开展年度检查。") == []
    assert missing("行政许可", "民办幼儿园设立审批", "受理→材料审查→实地考察→作出决定→颁发办学许可证。") == ["事后监管"]


def test_a_second_review_of_the_thirty_fourth_sessions_rules() -> None:
    """A chain of another's steps (a court's, the city's, the applicant's, one the body did not follow) names none of the
    body's; a step whose note tells of 复议 is no 告知; a chain ending in 「送达后，…」 is no duty of its first step's; an
    applicant's 取得许可后 or its creditors' 公告 is no supervision or service; 专家评审 is a 奖励's own 评审."""
    penalty = ("1.立案：立案。\n2.调查：调查。\n3.审查：审查。\n4.决定：作出决定。\n5.送达：送达。\n"
               "6.执行责任：申请人民法院强制执行，由法院立案—审查—告知—裁定—执行。")
    assert missing("行政处罚", "x", penalty) == ["告知"]
    for other in ("报市局受理—审查—决定—送达。", "申请人按照受理—审查—决定—送达—归档的流程提交材料。",
                  "由县级受理—审查—决定—送达，本级负责指导监督。", "未按受理—审查—决定—送达程序办理的，依法追责。"):
        assert set(missing("行政许可", "x", "受理：受理。\n其他：" + other)) >= {"审查", "决定", "送达"}, other
    from kb.model import chained_stages
    told = "立案—调查—审查—决定—送达—执行—告知（告知当事人申请行政复议或者提起行政诉讼的权利）。"
    assert "告知" not in chained_stages(told) and "执行" in chained_stages(told)
    for condition in ("告知申请人取得许可后方可开展经营，接受监督检查。", "取得许可后应当建立自查制度，定期检查设施设备。",
                      "对取得许可后未接受监督检查的，依法处理。"):
        assert missing("行政许可", "x", "受理：受理。\n审查：审查。\n决定：决定。\n送达：送达。\n其他：" + condition) == ["事后监管"]
    creditors = "受理：接收注销申请书、清算报告及债权人公告材料。\n审查：审查。\n决定：作出注销决定。"
    assert missing("行政许可", "社会团体注销登记", creditors) == ["送达"]


def test_a_measure_ended_by_returning_what_it_held() -> None:
    """靖边's 扣留机动车: its 执行 step 「…接受处理后，及时退还机动车」 ends the measure (its 事后监管)."""
    steps = ("1.审查：核查。\n2.告知：告知当事人。\n3.决定：制作强制措施凭证。\n4.送达：当场交付。\n"
             "5.执行：移送指定停车场妥善保管；当事人补办相应手续，接受处理后，{}。")
    assert missing("行政强制", "扣留机动车", steps.format("及时退还机动车")) == []
    kept = "1.审查：核查。\n2.告知：告知当事人。\n3.决定：制作强制措施凭证。\n4.送达：当场交付。\n5.执行：移送指定停车场妥善保管。"
    assert missing("行政强制", "扣留机动车", kept) == ["事后监管"]


def test_the_ninety_fifth_samples_steps() -> None:
    """鄂州's 「材料接收」 step is its 受理; 炎陵's permit written in one cell under 受理, whose 县教育局 「审核材料的真实性和必要性」, is
    reviewed (a 受理's check of the papers' completeness is not)."""
    steps = "材料接收：接收申请材料，出具受理通知书。\n技术审查：组织专家审查。\n集体研究：局务会议研究决定。\n发证：颁发许可证。\n证后监督：年度检查。"
    assert "受理" not in missing("行政许可", "危险废物经营许可证核发", steps)
    one = ("受理（立案）责任：接收申请及诊断证明，经学校初审后报县教育局，县教育局审核材料的真实性和必要性，在十个工作日内作出批准或者"
           "不予批准的决定并书面告知申请人和学校；批准期满后督促学校做好复学入学工作。")
    assert "审查" not in missing("行政许可", "适龄儿童、少年延缓入学或者休学审批", one)
    assert "审查" in missing("行政许可", "x", "受理：审核材料是否齐全。\n决定：作出决定。\n送达：送达。")


def test_the_hundred_and_third_samples_steps() -> None:
    """赣州's 事中 column 「颁发核准文件」 serves its 核准; 武夷山's 「…的处罚决定，申请人民法院强制执行」 is an application to the court,
    which asks its 催告 alone (a 代履行 joined to the application still decides and carries out)."""
    steps = "受理：受理申请。\n审查：审查申请材料。\n决定：作出核准或者不予核准的决定。\n颁发核准文件。\n事后监管：监督检查。"
    assert missing("行政许可", "城市建筑垃圾处置核准", steps) == []
    assert missing("行政许可", "城市建筑垃圾处置核准", steps.replace("颁发核准文件。\n", "")) == ["送达"]
    applied = "催告：书面催告当事人自行拆除→申请：催告书送达十日后仍未履行的，向人民法院提出强制执行申请→配合执行：配合人民法院组织实施"
    assert missing("行政强制", "对责令限期拆除在非法占用的土地上新建的建筑物的处罚决定，申请人民法院强制执行", applied) == []
    assert missing("行政强制", "对责令限期拆除在非法占用的土地上新建的建筑物的处罚决定，申请人民法院强制执行",
                   "1.决定责任：作出行政决定。\n2.申请责任：向人民法院申请强制执行。") == ["催告"]
    assert missing("行政强制", "代履行及申请人民法院强制执行", "催告：催告。执行：组织代履行。申请执行：申请。") == ["决定"]


def test_a_list_of_short_steps_each_starting_or_ending_with_its_stage() -> None:
    """神木's 「立案审批；调查取证；审查；决定；文书送达。」 names its stages (立案审批 both its words', as a heading of them reads), so
    it lacks 告知 and 执行; a list with another's step or a refusal in it names none."""
    from kb.model import listed_stages

    assert listed_stages("立案审批；调查取证；审查；决定；文书送达。") == ["立案", "决定", "调查", "审查", "送达"]
    assert missing("行政处罚", "对定点医药机构分解住院的处罚", "立案审批；调查取证；审查；决定；文书送达。") == ["告知", "执行"]
    assert listed_stages("依法受理；审查材料；作出决定") == ["受理", "审查", "决定"]
    assert listed_stages("由县局受理；审查；决定") == [] and listed_stages("受理；审查；决定；不予受理") == []
    assert listed_stages("依法立案；调查") == []  # (two, not each a stage's word: a sentence's words as much as a list)
    # (a step of two stages' words names both: 「监督执行」 carries the decision out)
    assert listed_stages("受理；审查决定；送达") == ["受理", "审查", "决定", "送达"]
    assert "执行" in listed_stages("立案；调查；作出处罚决定；监督执行。")
    for negated in ("拒不执行", "执行不到位", "告知复议权利"):  # (a cold review: no step of the stage)
        assert listed_stages(f"立案；调查；决定；{negated}") == []


def test_a_permits_licensees_inspected_below_its_steps() -> None:
    """宣城's 燃气经营许可: 「受理　2.审查（含现场核查）　3.决定　4.发证」, then 「对持证企业开展年度检查和“双随机”抽查」: supervised."""
    steps = "1.受理　2.审查（含现场核查）　3.决定　4.发证\n对持证企业开展年度检查和“双随机”抽查"
    assert missing("行政许可", "燃气经营许可", steps) == []
    assert missing("行政许可", "燃气经营许可", steps.split("\n")[0]) == ["事后监管"]


def test_a_fines_payment_seen_to_in_either_order() -> None:
    """蓟州's 事后 column 「督促补办水土保持方案审批手续，监督罚款缴纳。」 carries the penalty out, as 「监督当事人缴纳罚款」 does."""
    steps = ("立案：决定是否立案。\n调查：调查取证。\n审查：审查。\n告知：告知当事人拟作出的处罚及陈述申辩、听证权利。\n决定：作出罚款决定。\n"
             "送达：送达。\n事后监管：督促补办水土保持方案审批手续，{}。")
    assert missing("行政处罚", "对未编制水土保持方案开工建设的处罚", steps.format("监督罚款缴纳")) == []
    assert missing("行政处罚", "对未编制水土保持方案开工建设的处罚", steps.format("回访")) == ["执行"]


def test_a_stage_counted_by_another_s_name_is_not_said_to_be_named() -> None:
    # 于都's penalty: 立案 (「…予以审查，决定是否立案」), 调查, 决定, 送达, 执行 — its 决定 stands for its 审查
    # (same_as_by_type), which the evidence said was named
    row = ROW | {"type": "行政处罚", "power": "对违法行为的处罚", "stages": ["立案", "调查", "决定", "送达", "执行"],
                 "duty_texts": ["立案责任：对发现的违法线索予以审查，决定是否立案。", "调查责任：调查取证。",
                                "决定责任：制作行政处罚决定书。", "送达责任：依法送达。", "执行责任：监督履行。"]}
    ev = gaps.missing_stage([row])[0].evidence[0]
    assert ev["missing"] == ["告知"]
    assert "审查" not in ev["named"] and ev["named_as"] == {"审查": "决定"}
    line = evidence_line(ev)
    assert "已写明：立案、调查、决定、送达、执行；" in line and "视为已写明：审查（见决定）" in line
    # a synonym named in its own word (审核 for 审查) is said whose it is, once
    permit = ROW | {"stages": ["受理", "审核", "决定"]}
    ev = gaps.missing_stage([permit])[0].evidence[0]
    assert ev["named"] == ["受理", "决定"] and ev["named_as"] == {"审查": "审核"}
    # … and a synonym of a stage named by its own name is not listed again (滨海新区: 「…立案、执行、其他、受理」)
    row["stages"] = ["立案", "受理", "调查", "决定", "送达", "执行"]
    ev = gaps.missing_stage([row])[0].evidence[0]
    assert ev["named"] == ["立案", "调查", "决定", "送达", "执行"]


def test_a_permit_lacking_its_supervision_step_and_any_inspection_is_one_finding() -> None:
    # 甘井子's 道路货物运输经营许可: 受理 → 审查 → 决定 → 送达, and no 行政检查 cites 道路运输条例 — one finding, not
    # 缺少事后监管 and 许可无监管 both
    permit = ROW | {"stages": ["受理", "审查", "决定", "送达"], "laws": ["道路运输条例"], "supervision": [],
                    "responsibility_text": "1.受理。2.审查。3.决定。4.送达。"}
    other = permit | {"key": "k2", "power": "另一许可", "stages": []}  # (no stages named: no missing_stage of its own)
    stages, permits = gaps.fold_unsupervised(gaps.missing_stage([permit, other]),
                                             gaps.permit_without_supervision([permit, other]))
    assert [f.kind for f in stages] == ["missing_stage"] and [f.powers for f in permits] == [["另一许可"]]
    assert [e["type"] for e in stages[0].evidence] == ["stages", "permit"]
    assert stages[0].evidence[0]["missing"] == ["事后监管"]


def test_a_sub_item_named_by_its_act_in_brackets_is_of_that_act() -> None:
    # 青秀区's 食品经营许可（注销）: a 注销 — nothing left to supervise (was asked for 事后监管, 《行政许可法》第六十一条)
    cancel = ROW | {"power": "食品经营许可（注销）", "sub_item": "食品经营许可（注销）", "stages": ["受理", "审查", "决定", "送达"]}
    assert gaps.missing_stage([cancel]) == []
    new = cancel | {"power": "食品经营许可（新办）", "sub_item": "食品经营许可（新办）"}
    assert gaps.missing_stage([new])[0].evidence[0]["missing"] == ["事后监管"]
    # … not a note of what an item includes
    for note in ("（含注销）", "（包含注销）", "（包括注销）", "（子项：1.设立；2.变更；3.延续；4.注销）"):
        with_note = cancel | {"power": "食品经营许可" + note, "sub_item": ""}
        assert gaps.missing_stage([with_note])[0].evidence[0]["missing"] == ["事后监管"], note
