"""Splitting a 责任事项内容 cell into numbered duties."""
from __future__ import annotations

from importers.duties import split_duties, stage_row_duty
from importers.records import Duty
from kb.model import heading_stages


def triples(text: str) -> list[tuple[int, str | None, str | None]]:
    return [(d.seq, d.kind, d.stage) for d in split_duties(text)]


def test_kinds_from_headings_and_numbers_running_on():
    text = "直接实施责任：\n1.规范完善审批标准。\n2.依法依规实施。\n指导监督责任：\n3.指导下级。\n4.监督下级。"
    duties = split_duties(text)
    assert [(d.seq, d.kind) for d in duties] == [(1, "直接实施"), (2, "直接实施"), (3, "指导监督"), (4, "指导监督")]
    assert [d.text for d in duties] == ["规范完善审批标准。", "依法依规实施。", "指导下级。", "监督下级。"]


def test_a_part_that_restarts_at_one_keeps_seq_unique():
    text = "直接实施责任：\n1.制定计划。\n2.开展检查。\n指导监督责任：\n1.加强对下级的指导。"
    assert triples(text) == [(1, "直接实施", None), (2, "直接实施", None), (3, "指导监督", None)]


def test_stages_named_by_a_duty():
    text = ("1.受理责任：公示依据、条件。\n2.审查责任：审查材料。\n3.决定责任：作出决定。\n4.送达责任：送达。\n"
            "5.事后监管责任：监督检查。\n6.其他责任：其他。")
    assert [d.stage for d in split_duties(text)] == ["受理", "审查", "决定", "送达", "事后监管", "其他"]


def test_supervision_named_in_the_reform_s_words_and_a_ruling_as_the_decision():
    # 事中事后 (监管) is the national reform's word for supervision after a permit (贵州's template)
    text = ("4.送达责任:在规定期限内向申请人送达行政许可证件。 5.事中事后责任:建立健全事中事后监管措施,加强监管。 "
            "6.法律法规规章文件规定应履行的其他责任。")
    assert [d.stage for d in split_duties(text)] == ["送达", "事后监管", None]
    for heading in ("事中事后监管责任：加强监管", "事中事后监管：加强监管", "事中事后：加强监管"):
        assert heading_stages(heading) == ["事后监管"], heading
    # a 行政裁决's 裁决 stage is its decision (a row of a 办理环节 column, or a heading)
    assert stage_row_duty(3, "裁决", "根据事实和法规做出裁决，制作并向双方送达裁决书。").stage == "决定"
    assert heading_stages("裁决责任：作出裁决") == ["决定"]
    assert heading_stages("裁决书") == []


def test_a_heading_naming_two_stages():
    # 明光市明南街道 (安徽) writes the review and the decision of a 行政确认 as one duty
    text = ("1、受理阶段责任：公示依法应当提交的材料；\n2、审查和决定阶段责任：对依法应当提交的材料进行审核；"
            "直接作出行政确认或者不予确认决定；\n3、送达阶段责任：发放独生子女父母光荣证。")
    assert [d.stage for d in split_duties(text)] == ["受理", "审查", "送达"]
    assert heading_stages("审查和决定阶段责任：对材料进行审核") == ["审查", "决定"]
    assert heading_stages("审核、决定责任：作出决定") == ["审查", "决定"]
    # two stage words with nothing between them are not a heading (审核公示 is one act of a 行政奖励)
    assert heading_stages("审核公示责任：对符合条件的单位进行审核") == []
    assert heading_stages("审查和决定是否受理") == []


BEIJING = ("1.受理环节\n接收申请人提交的材料。材料不齐全的，一次性告知申请人必须补正的全部内容。\n"
           "2.审查环节\n对书面申请材料进行审查。需要核实的，指派2名以上工作人员进行核查。\n"
           "3.决定环节\n作出准予行政许可的决定。\n4.送达环节\n制发并送达审批单。\n5.事后监管环节\n建立健全监督制度。")


def test_a_stage_heading_alone_on_its_line():
    # 北京市园林绿化局: the heading has a line of its own and no colon; the text below it is its duty
    duties = split_duties(BEIJING)
    assert triples(BEIJING) == [(1, None, "受理"), (2, None, "审查"), (3, None, "决定"), (4, None, "送达"),
                                (5, None, "事后监管")]
    assert duties[1].text == "审查环节\n对书面申请材料进行审查。需要核实的，指派2名以上工作人员进行核查。"
    # an outline number, 阶段责任, a heading naming two stages; the numbered items under a heading are its own
    text = ("一、受理阶段责任\n1.公示应当提交的材料；\n2.一次性告知补正材料。\n二、审查和决定阶段责任\n"
            "1.审核材料。\n2.作出决定。\n三、送达阶段责任\n送达证书。")
    duties = split_duties(text)
    assert triples(text) == [(1, None, "受理"), (2, None, "审查"), (3, None, "送达")]
    assert duties[0].text == "受理阶段责任\n1.公示应当提交的材料；\n2.一次性告知补正材料。"
    assert heading_stages(duties[1].text) == ["审查", "决定"]  # what missing_stage reads besides the stage
    # unnumbered headings; a kind heading ends the last stage and its numbers are duties again
    text = "受理环节\n（1）接收材料；\n（2）出具凭证。\n审查环节\n审查材料。\n指导监督责任：\n（1）指导下级。\n（2）监督下级。"
    assert triples(text) == [(1, None, "受理"), (2, None, "审查"), (3, "指导监督", None), (4, "指导监督", None)]


def test_a_line_is_a_stage_heading_only_when_it_holds_nothing_else():
    # ordinary numbered sentences that start with a stage word; a duty that is nothing but its stage names it
    # (东至's 「1.受理；2.审查；3.决定；4.送达。」)
    assert [d.stage for d in split_duties("1.受理申请材料\n2.审查。\n3.决定是否许可")] == [None, "审查", None]
    assert [d.text for d in split_duties("1.受理。\n2.审查环节的材料应当归档。")] == ["受理。", "审查环节的材料应当归档。"]
    # a hard-wrapped sentence whose last line happens to be a stage word
    assert triples("1.依法作出\n决定\n2.送达文书。") == [(1, None, None), (2, None, None)]
    # a hard-wrapped heading with its colon on the next line is read as before, as one heading
    assert [(d.stage, d.text) for d in split_duties("1.受理阶段\n责任：公示材料。\n2.审查阶段责任：审查。")] == [
        ("受理", "受理阶段责任：公示材料。"), ("审查", "审查阶段责任：审查。")]


def test_a_number_run_on_before_a_stage_heading():
    # 和林格尔: no sentence end before 2.; what follows it is a stage heading with a colon
    text = "1.受理责任:受理乡镇上报的材料2.审核责任:对书面材料进行审核,3.报送责任:对符合的上报市退役军人事务局"
    duties = split_duties(text)
    # 报送 is no stage word: its duty is one of its own (a heading in the procedure's own word, numbered on)
    assert [(d.seq, d.stage) for d in duties] == [(1, "受理"), (2, "审查"), (3, None)]
    assert duties[0].text == "受理责任:受理乡镇上报的材料"
    assert duties[1].text == "审核责任:对书面材料进行审核,"
    assert duties[2].text == "报送责任:对符合的上报市退役军人事务局"
    # 宣州: a heading in the procedure's own word after a number that continues the numbering
    text = "1.受理阶段责任:依法受理或不予受理(不予受理应当告知理由) 2.现场鉴定阶段责任:依照管理办法进行鉴定; 3.决定阶段责任:出具鉴定报告。"
    assert [(d.seq, d.stage, d.text[:6]) for d in split_duties(text)] == [
        (1, "受理", "受理阶段责任"), (2, None, "现场鉴定阶段"), (3, "决定", "决定阶段责任")]
    # … but not a number that does not continue it, nor one before words without a colon
    text = "1.受理责任:受理材料5.现场鉴定阶段责任:鉴定 2.决定责任:决定"
    assert [d.seq for d in split_duties(text)] == [1, 2]
    assert [d.seq for d in split_duties("1.受理责任:受理2.现场鉴定一次 2.决定责任:决定")] == [1, 2]
    # a cell without numbers whose stages run on after sentence ends: one duty per stage heading
    cell = "受理阶段责任：依法受理申请。审查阶段责任：审查材料。决定阶段责任：作出决定。送达阶段责任：送达许可证件。"
    assert [(d.seq, d.stage) for d in split_duties(cell)] == [(1, "受理"), (2, "审查"), (3, "决定"), (4, "送达")]
    assert split_duties(cell)[1].text == "审查阶段责任：审查材料。"
    # … or at a line's start, the line headed by its stage without a sentence end above (a card's 受理环节 | … rows)
    cell = "受理环节：公示应当提交的材料\n审查环节：对申请材料进行审查\n决定环节：作出决定"
    assert [(d.seq, d.stage, d.text[:4]) for d in split_duties(cell)] == [
        (1, "受理", "受理环节"), (2, "审查", "审查环节"), (3, "决定", "决定环节")]
    assert len(split_duties("受理：公示材料\n并告知申请人审查：期限")) == 1  # a line not headed by its stage
    # (a line that introduces its steps with a colon keeps the first of them)
    assert [d.stage for d in split_duties("检查责任：按照以下程序：\n检查：出示证件，\n告知：告知当事人权利。")] == [
        "检查", "告知"]
    # … but not at a stage word that opens a sentence without a heading's colon
    assert len(split_duties("依法受理申请。审查材料并提出意见。决定是否许可。")) == 1
    # a stray quote an export left in front of the cell (林芝: '"1.立案责任:…') hides no heading
    assert [(d.seq, d.stage) for d in split_duties('"1.立案责任:发现违法行为,予以审查,决定是否立案。')] == [(1, "立案")]
    assert [d.text for d in split_duties('"受理材料"')] == ["受理材料"]
    assert [d.text for d in split_duties('1.受理:对"三无"产品登记')] == ['受理:对"三无"产品登记']
    # 泗县: 5.事后责任:监督 is the supervision after the permit
    assert [d.stage for d in split_duties("4.送达责任:电话通知送达。\n5.事后责任:监督")] == ["送达", "事后监管"]
    # a heading whose number was lost (乌拉特前旗: ".受理责任:") still names its stage
    assert [(d.seq, d.stage) for d in split_duties(".受理责任:公示材料。\n2.审查责任:审查。")] == [(1, "受理"), (2, "审查")]
    # any other number inside a sentence stays in it
    text = "1.依照第2条规定处2.5万元以下罚款；第3.审查材料\n2.决定责任：作出决定。"
    assert [(d.seq, d.stage) for d in split_duties(text)] == [(1, None), (2, "决定")]
    assert [(d.seq, d.stage) for d in split_duties("受理责任：接收材料2.审核责任：审核")] == [(1, "受理"), (2, "审查")]
    assert len(split_duties("统一、审核责任：审核材料")) == 1  # 一、 inside a word is no number


def test_a_row_of_a_stage_column_is_a_duty():
    # 郏县: 办理环节 | 责任事项内容, one row per stage
    assert stage_row_duty(2, "2.审查环节", "对申请材料\n进行审核。") == Duty(2, "审查环节\n对申请材料进行审核。", None, "审查")
    assert stage_row_duty(1, "受理", "") == Duty(1, "受理", None, "受理")
    assert stage_row_duty(3, "报送", "上报市局。").stage is None


def test_stage_only_at_the_start_of_a_duty():
    duties = split_duties("直接实施责任：\n1.依法依规实施本级行政处罚事项，做出的行政处罚决定应当予以公开。\n"
                          "2.监督责任。建立健全监督制度。")
    assert [d.stage for d in duties] == [None, "事后监管"]


def test_hard_wrapped_cell():
    text = ("直接实施责\n任：\n1.执行上级统\n计部门制定的\n标准。\n2.依法依规实\n施本级处罚。\n指导监督责\n任：\n"
            "3.加强对各区\n的指导。")
    duties = split_duties(text)
    assert [(d.seq, d.kind) for d in duties] == [(1, "直接实施"), (2, "直接实施"), (3, "指导监督")]
    assert duties[0].text == "执行上级统计部门制定的标准。"


def test_unnumbered_cell_is_one_duty():
    assert triples("负责本级公共机构节能监督检查。") == [(1, None, None)]
    assert triples("直接实施责任：\n负责全市办公用房专项巡检。\n") == [(1, "直接实施", None)]


def test_unnumbered_part_after_numbered_duties_continues_the_numbering():
    text = "直接实施责任：\n1.建立机制。\n2.督促整改。\n指导监督责任：\n指导监督下级工作。"
    assert triples(text) == [(1, "直接实施", None), (2, "直接实施", None), (3, "指导监督", None)]


def test_inline_numbers_split_only_when_they_continue_the_numbering():
    duties = split_duties("直接实施责任：1.规范完善；2.依法实施第3.2条规定；3.公开结果。")
    assert [d.text for d in duties] == ["规范完善；", "依法实施第3.2条规定；", "公开结果。"]


def test_other_number_styles_and_nested_items():
    assert [d.seq for d in split_duties("一、受理。\n二、审查。\n三、决定。")] == [1, 2, 3]
    assert [d.seq for d in split_duties("（1）受理。\n（2）审查。")] == [1, 2]
    nested = split_duties("1.审查：\n（1）材料；\n（2）现场。\n2.决定。")
    assert [d.seq for d in nested] == [1, 2]
    assert nested[0].text == "审查：\n（1）材料；\n（2）现场。"


def test_numbered_headings():
    text = "一、直接实施责任：\n1.受理。\n二、指导监督责任：\n2.指导。"
    assert triples(text) == [(1, "直接实施", "受理"), (2, "指导监督", None)]


def test_lead_in_sentence_is_not_a_duty():
    assert [d.seq for d in split_duties("应履行下列责任：\n1.受理。\n2.审查。")] == [1, 2]


def test_empty_cell():
    assert split_duties("") == [] and split_duties("  \n ") == []


def test_steps_headed_in_brackets_are_split_and_staged() -> None:
    from importers.duties import split_duties

    # 阳东's 「【立案】…；【调查】…」: one duty a step, its brackets kept in the text
    duties = split_duties("【立案】发现违法行为予以立案；【调查】调查取证；【告知】告知陈述申辩权利；【决定】作出决定。")
    assert [d.stage for d in duties] == ["立案", "调查", "告知", "决定"]
    assert duties[1].text == "【调查】调查取证；"
    # a bracketed word inside a sentence opens nothing
    assert len(split_duties("依据【法律】规定作出决定。")) == 1


def test_a_bracketed_label_is_no_step() -> None:
    from importers.duties import split_duties

    # 【依据】 before a citation numbered on: the citation stays in the duty it follows
    duties = split_duties("1.受理责任：受理。【依据】2.《行政许可法》第三十条；3.决定责任：作出决定。")
    assert [d.stage for d in duties][:1] == ["受理"] and "第三十条" in duties[0].text


def test_kind_headings_in_brackets() -> None:
    from importers.duties import split_duties

    # 【直接实施责任】 / 【指导监督责任】 head their parts as the unbracketed headings do
    duties = split_duties("【直接实施责任】1.受理责任：受理。2.审查责任：审查。\n【指导监督责任】1.指导下级开展工作。")
    assert [(d.kind, d.stage, d.text) for d in duties] == [
        ("直接实施", "受理", "受理责任：受理。"), ("直接实施", "审查", "审查责任：审查。"), ("指导监督", None, "指导下级开展工作。")]
