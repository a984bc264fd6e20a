"""The twelfth and thirteenth measurements of missing_stage (tests/e2e/unseen_gap_lists_12.json, _13.json): lists
written as publishers of other provinces write them, every record judged blind by a reader who could read neither the
code nor the rules. docs/analyses.md ("A twelfth measurement", "A thirteenth measurement") gives the figures: as
measured 0 real of 6 and 4 of 9; after the changes made on them (no fresh measure) 1 of 1 and 4 of 5. A test fails
when the rule reports anything else on its sample (then re-judge and update the document)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from importers import lists
from tests.e2e.test_published_gap_precision import stages_found

pytestmark = pytest.mark.e2e

HERE = Path(__file__).parent


def unseen_lists(folder: Path, fixture: Path, key: str = "lists") -> list[Path]:
    """A sample's files as written: a spreadsheet with its title row (a first row of one cell) merged across the
    table, or the CSV's text (`key`: "unread" for the lists of a layout kb does not read, kept apart)."""
    import openpyxl

    paths = []
    for entry in json.loads(fixture.read_text(encoding="utf-8")).get(key, []):
        path = folder / entry["file"]
        if "csv" in entry:
            path.write_text(entry["csv"], encoding="utf-8")
        else:
            wb = openpyxl.Workbook()
            sheets = entry.get("sheets") or [{"name": "Sheet", "rows": entry["rows"]}]  # a workbook of several sheets
            for n, sheet in enumerate(sheets):
                ws = wb.active if n == 0 else wb.create_sheet()
                ws.title = sheet["name"][:31]
                rows = sheet["rows"]
                for row in rows:
                    ws.append([v if v != "" else None for v in row])
                if len(rows) > 1 and not any(rows[0][1:]):  # a title, not the header
                    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[1]))
            wb.save(path)
        paths.append(path)
    return paths


def reader_s(fixture: Path) -> dict[str, list[set[str]]]:
    """The reader's missing stages per record, by the record's 事项名称 (its first line; two lists may have an item
    of the same name)."""
    out: dict[str, list[set[str]]] = {}
    for r in json.loads(fixture.read_text(encoding="utf-8"))["judged"]:
        missing = set(r["missing"])
        # a 强制措施's 事后监管 is its 解除 (kb/vocab/stages.toml, 行政强制法 第二十七、二十八条), whatever the reader called the
        # type (行政强制措施, the list's code QZ)
        if ((r.get("type") or "").startswith("行政强制") or r.get("type") == "QZ") and "解除" in missing:
            missing.add("事后监管")
        out.setdefault(as_named(r["record"].split("\n")[0]), []).append(missing)
    return out


def as_named(name: str) -> str:
    """A record's name as the reader copied it, as the importer names the power: without a legend's mark before it (「★」,
    「◆」) or the count of its sub-items after it (「（共4项）」)."""
    name = lists._NAME_MARK.sub("", name)
    return lists._COUNT_NOTE.sub("", name) if " " not in name else " ".join(
        lists._COUNT_NOTE.sub("", part) for part in name.split(" "))


def _check(graph, folder: Path, fixture: Path, judged: dict, departments: int, records: int,
           refusing: frozenset[str] = frozenset()) -> None:
    _, found = stages_found(graph, unseen_lists(folder, fixture), judged, refusing)
    assert found == {p: stages for p, (stages, _, _) in judged.items()}
    reader = reader_s(fixture)
    for power, (stages, real, _) in judged.items():  # a finding is real when the reader asked for what it names
        asked = reader[max((k for k in reader if power.startswith(k.split(" ")[0])  # a sub-item's own, when judged apart
                            or power in k.split(" ")[1:]),  # (a sub-item the list numbers as an item of its own: 2-1)
                           # (its name after the item's: 「…设计审核和竣工验收（雷电防护装置竣工验收）」 holds 设计审核 in the item)
                           # (or the sub-item's whole name, the power's since 2026-12-08: 食品经营许可（延续）)
                           key=lambda k: (all(part == power or part in power[len(k.split(" ")[0]):]
                                              for part in k.split(" ")[1:]), len(k)))]
        assert real == any(set(stages) <= a for a in asked), power
    # (the powers held: since 2026-12-07 an item's own row that only heads its sub-items, no 依据 nor duties, is none)
    held = graph.read("MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS d, count(p) AS n ORDER BY d")
    assert (len(held), sum(r["n"] for r in held)) == (departments, records)


# power -> (stages the finding names, real?, why): every missing_stage finding on the sample.
TWELFTH: dict[str, tuple[list[str], bool, str]] = {
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的行政处罚": (["告知"], True, (
        "柯桥街道's penalty: 立案, 调查取证, 审查决定, 送达执行 — no 告知 before the decision (行政处罚法 第四十四条)")),
}

# As measured: 4 real of 5. Since the seventeenth sample a 行政处罚's 审查 is asked only with its 决定 (stages.toml): 湄潭's
# real 审查 and 京山's wrong one are no longer reported; 天水's 按日连续处罚 (复查 → 决定 → 送达 → 执行), whose 复查 was read
# as the stages before the decision, now lacks its 告知 — real.
THIRTEENTH: dict[str, tuple[list[str], bool, str]] = {
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["告知"], True, (
        "京山新市街道: 立案, 调查取证, 决定, 送达, 执行 — no review after the investigation (第五十七条), no 告知")),
    "互联网上网服务营业场所经营单位设立审批": (["事后监管"], True, "平遥: 受理 → 审查 → 决定 → 送达, no supervision (第六十一条)"),
    "农作物种子生产经营许可证核发": (["事后监管"], True, "洛宁: 受理 → 审查 → 决定 → 送达, no supervision (第六十一条)"),
    "按日连续处罚": (["告知"], True, (
        "天水: 复查 → 决定 → 送达 → 执行; a new fine, decided under the general procedure: no 告知 (第四十四条)")),
}


def test_missing_stage_on_a_twelfth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_12.json", TWELFTH, 12, 80)
    assert (sum(real for _, real, _ in TWELFTH.values()), len(TWELFTH)) == (1, 1)


def test_missing_stage_on_a_thirteenth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_13.json", THIRTEENTH, 14, 115)
    assert (sum(real for _, real, _ in THIRTEENTH.values()), len(THIRTEENTH)) == (4, 4)


# As measured, on the rule narrowed to what a general law asks: 0 real of 4 — two permits of 肥西县上派镇 whose supervision
# is in a column of its own (事中事后监管措施), two 强制措施 of 西宁 written 审批、告知 → 实施 → 处理 (解除). After the readings
# that followed (the column read as the supervision duty; 实施 names a 行政强制's 执行, its 处理 a 强制措施's follow-up), none.
FOURTEENTH: dict[str, tuple[list[str], bool, str]] = {}


def test_missing_stage_on_a_fourteenth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_14.json", FOURTEENTH, 14, 120)
    duties = scratch.read(
        "MATCH (p:Power {name: '农村村民宅基地审批'})-[:HAS_RESPONSIBILITY]->(r) RETURN r.stage AS stage, r.text AS text "
        "ORDER BY r.seq")
    assert duties[-1]["stage"] == "事后监管" and "四到场" in duties[-1]["text"]  # the 事中事后监管措施 column
    from kb.analyses import gaps
    assert not [f for f in gaps.find(scratch) if f.kind == "permit_without_supervision"]
    # an edit of the 责任事项 (as the browser makes it) rebuilds the duties with the measures kept; an edit of the
    # measures rebuilds them too
    from importers.writer import rederive
    key = scratch.read("MATCH (p:Power {name: '农村村民宅基地审批'}) RETURN p.key AS key")[0]["key"]

    def edited(field: str, text: str) -> list[tuple]:
        with scratch.transaction() as tx:
            tx.run(f"MATCH (p:Power {{key: $key}}) SET p.{field} = $text", key=key, text=text).consume()
            rederive(tx, key, field, text)
        return [tuple(r.values()) for r in scratch.read(
            "MATCH (:Power {key: $key})-[:HAS_RESPONSIBILITY]->(r) RETURN r.stage, r.text ORDER BY r.seq", key=key)]

    assert edited("responsibility_text", "1.受理责任：受理。\n2.决定责任：批准。") == [
        ("受理", "受理责任：受理。"), ("决定", "决定责任：批准。"), ("事后监管", duties[-1]["text"])]
    assert edited("supervision_text", "批后丈量。")[-1] == ("事后监管", "事中事后监管\n批后丈量。")
    assert [stage for stage, _ in edited("supervision_text", "")] == ["受理", "决定"]


# As measured, on the rule as the fourteenth sample left it: no missing_stage finding, where the reader asked for two stages
# the rule does not ask (曲靖's 强制拆除 without 送达 of its decision, 行政强制法 第三十八条; its 扣留 without 告知 and the party
# heard, 第十八条). permit_without_supervision was wrong twice (涪陵's permits check how the permitted work is carried out).
FIFTEENTH: dict[str, tuple[list[str], bool, str]] = {}


def test_missing_stage_on_a_fifteenth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_15.json", FIFTEENTH, 14, 121)
    from kb.analyses import gaps
    assert not [f for f in gaps.find(scratch) if f.kind == "permit_without_supervision"]
    # 北滘镇's 权力来源 column: 区下放 is a delegation, 法定 is not
    manners = {r["power"]: r["manner"] for r in scratch.read(
        "MATCH (:Department {name: '顺德区北滘镇人民政府'})-[:HOLDS]->(p:Power) "
        "OPTIONAL MATCH (dl:Delegation)-[:TO_POWER]->(p) RETURN p.name AS power, dl.manner AS manner")}
    assert manners["乡村建设规划许可证核发"] == "下放" and manners["最低生活保障对象审核确认"] == "下放"
    assert sum(m is not None for m in manners.values()) == 2


# As measured, on the rule as the fifteenth sample left it: 1 real of 8. Six wrong findings were 肇东's, whose one row per
# stage (a CSV: the record's other cells blank below its first row) was read as its first stage alone, and one a 加处罚款
# asked for a decision the law does not give it (行政强制法 第四十五条). After the readings that followed, the real one alone.
SIXTEENTH: dict[str, tuple[list[str], bool, str]] = {
    "对未取得商品房预售许可证预售商品房的处罚": (["告知"], True, (
        "弥勒: 立案, 调查, 决定, 送达, 执行 — no review after the investigation (第五十七条), no 告知 (第四十四条)")),
}


def test_missing_stage_on_a_sixteenth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_16.json", SIXTEENTH, 12, 109)
    assert (sum(real for _, real, _ in SIXTEENTH.values()), len(SIXTEENTH)) == (1, 1)
    stages = [r["stage"] for r in scratch.read(
        "MATCH (:Power {name: '烟花爆竹经营（零售）许可'})-[:HAS_RESPONSIBILITY]->(r) RETURN r.stage AS stage ORDER BY r.seq")]
    assert stages == ["受理", "审查", "决定", "送达", "事后监管", "其他"]  # 肇东's rows, one per stage


# As measured, on the rule as the sixteenth sample left it: 10 real of 19. Five wrong findings asked a 行政处罚 for the 审查 its
# 决定 is made on (the reader: the head's review is part of the decision, 行政处罚法 第五十七条), one read 昆山's 接件 as no
# 受理, one asked 宁海路街道's 立即代履行 for a 催告 (行政强制法 第五十二条: none), one asked 佛堂镇's penalty, decided on the
# spot or under the general procedure, for the general procedure's 立案 and 送达 (the reader: its 告知 alone). After the
# readings that followed (审查 asked only with the 决定; 接件 is 受理; 立即代履行 a sub-kind; a penalty whose duties say it may
# be decided on the spot asked the 简易程序's stages, its 交付 a 送达), these fourteen, each real. Since the twenty-fourth
# sample, thirteen: 荆州's 烟花爆竹经营（批发）许可, done 「受湖北省应急管理厅委托实施」, is not asked its 事后监管 (行政许可法 第二十四条:
# the entrusting body supervises; the twenty-fourth sample's reader held so of 永安's entrusted 特种设备使用登记, this
# sample's reader asked it): a real finding the rule no longer makes, where two readers differ.
SEVENTEENTH: dict[str, tuple[list[str], bool, str]] = {
    "对在当地人民政府禁止的时段和区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (["立案", "送达"], True, "宁海路街道"),
    "森林防火期内在森林防火区野外用火审批": (["送达", "事后监管"], True, "歙县"),
    "对施工单位在施工中偷工减料、使用不合格建筑材料等行为的处罚": (["送达"], True, "台州"),
    "对车辆超限行驶公路的处罚": (["立案"], True, "昆山"),
    "对使用炸鱼、毒鱼、电鱼等破坏渔业资源方法进行捕捞等行为的处罚": (["告知"], True, "博罗"),
    "对发生生产安全事故负有责任的生产经营单位的处罚": (["立案"], True, "荆州"),
    "对森林防火期内未经批准擅自在森林防火区内野外用火的处罚": (["告知"], True, "歙县"),
    "对未取得危险化学品经营许可证从事危险化学品经营的处罚": (["告知"], True, "荆州"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的处罚": (["告知"], True, (
        "佛堂镇: 调查取证 → 决定 (当场 or the general procedure, 交付当事人) → 执行; no 告知 (第四十四条)")),
    "对农药生产企业采购、使用未依法附具产品质量检验合格证的原材料等行为的处罚": (["告知"], True, "黑龙江省农业农村厅"),
    "对排污单位未取得排污许可证排放污染物的处罚": (["告知"], True, "大同"),
    "巡游出租汽车经营许可": (["事后监管"], True, "昆山"),
    "排污许可证核发": (["事后监管"], True, "大同"),
    "代为处置危险废物": (["催告"], True, "大同, a 代履行 in the law's own words (代为处置): read since the thirty-eighth sample"),
}


def test_missing_stage_on_a_seventeenth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_17.json", SEVENTEENTH, 13, 115)
    assert (sum(real for _, real, _ in SEVENTEENTH.values()), len(SEVENTEENTH)) == (14, 14)
    clear = scratch.read("MATCH (p:Power) WHERE p.name STARTS WITH '立即清除道路' RETURN p.key AS key")
    assert len(clear) == 1  # 宁海路街道's 立即代履行: present, and not asked for a 催告
    stages = [r["stage"] for r in scratch.read(
        "MATCH (:Power {name: '道路货物运输经营许可（使用总质量4500千克以上普通货运车辆）'})-[:HAS_RESPONSIBILITY]->(r) "
        "RETURN r.stage AS stage ORDER BY r.seq")]
    assert stages == ["受理", "审查", "决定", "送达", "事后监管"]  # 昆山's 接件, one row per stage


# As measured, on the rule as the seventeenth sample left it: 16 real of 25. Seven wrong findings were 九江's, whose CSV gives
# each stage a row with its heading in 责任事项 and its duty in 责任事项内容 (two names of the duties column side by side, read
# as one repeated block: the heading won and the duty was lost); two asked 临猗's and 房县's permits for a 送达 their 决定
# does (发给《…许可证》, 签发植物检疫证书). After the readings that followed (a duties column of nothing but stage headings beside
# another is the stage column; 发给, 签发 and 出具 in a 决定 duty serve; a grouped header 责任事项 over 直接实施责任 |
# 指导监督责任 written without its merge is a header, and guidance duties are not the level's own procedure), these nineteen,
# each real.
EIGHTEENTH: dict[str, tuple[list[str], bool, str]] = {
    "对饲养家畜家禽影响市容和环境卫生的处罚": (["调查", "审查", "告知", "决定"], False, "经八路: its 「依法立案」 now read (a penalty's unheaded step saying its stage); its 调查 and 告知 asked as the reader did, its 审查 and its decision (「作出没收或者罚款的决定」, prose) not read: false"),
    "劳务派遣经营许可": (["送达", "事后监管"], True, "滦州市人力资源和社会保障局"),
    "水利基建项目初步设计文件审批": (["送达", "事后监管"], True, "甘肃省水利厅: 作出批复, no 送达"),
    "对用人单位不办理社会保险登记的处罚": (["告知"], True, "滦州市人力资源和社会保障局"),
    "林草植物检疫证书核发": (["事后监管"], True, "房县林业局"),
    "对未取得导游证从事导游活动的处罚": (["告知"], True, "海南省旅游和文化广电体育厅"),
    "母婴保健技术服务执业许可": (["事后监管"], True, "临猗县卫生健康局"),
    "对经营者违反明码标价规定的行政处罚": (["告知"], True, "余姚市市场监督管理局"),
    "对报废机动车回收企业出售不具备再制造条件的报废机动车“五大总成”等行为的处罚": (["告知"], True, "湛江市商务局"),
    "对使用炸鱼、毒鱼、电鱼等破坏渔业资源方法进行捕捞等行为的处罚": (["告知"], True, "宜良县农业农村局"),
    "对未取得危险化学品经营许可证从事危险化学品经营的处罚": (["告知"], True, "包头市应急管理局"),
    "导游证核发": (["事后监管"], True, "海南省旅游和文化广电体育厅"),
    "对未经审核同意擅自改变林地用途的处罚": (["告知"], True, "房县林业局"),
    "特种设备使用登记": (["事后监管"], True, "余姚市市场监督管理局"),
    "动物防疫条件合格证核发": (["事后监管"], True, "宜良县农业农村局"),
    "出租汽车经营许可": (["事后监管"], True, "九江市交通运输局: 受理 → 审查 → 决定 → 送达, one row each"),
    "农作物种子生产经营许可（除主要农作物杂交种子及其亲本种子、实行选育生产经营相结合的种子企业以外的种子生产经营许可证核发）": (
        ["事后监管"], True, "宜良县农业农村局"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["告知"], True, "甘肃省水利厅"),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的处罚": (["告知"], True, "临猗县卫生健康局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处理": (
        ["告知"], True, "晋江市陈埭镇人民政府"),
    "代为补种树木、代为恢复植被和林业生产条件": (["催告"], True, "房县, a 代履行 in the law's own words: read since the thirty-eighth sample"),
    # found since a 加处罚款 (滞纳金) whose steps apply to the court for it is an application to the court, asked its 催告
    # (行政强制法 第五十四条), not its 执行 (the thirty-fourth session); asked for by its reader
    "加处罚款": (["催告"], True, "包头市应急管理局"),
}


def test_missing_stage_on_an_eighteenth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_18.json", EIGHTEENTH, 13, 111)
    assert (sum(real for _, real, _ in EIGHTEENTH.values()), len(EIGHTEENTH)) == (21, 22)
    duties = scratch.read(
        "MATCH (:Power {name: '道路旅客运输经营许可（市内跨县）'})-[:HAS_RESPONSIBILITY]->(r) RETURN r.stage AS stage, "
        "r.text AS text ORDER BY r.seq")
    assert [d["stage"] for d in duties] == ["受理", "审查", "决定", "送达", "事后监管", "其他"]  # 九江's rows
    assert "一次性告知补正材料" in duties[0]["text"]  # the duty, not its heading alone
    kinds = scratch.read(
        "MATCH (:Department {name: '海南省旅游和文化广电体育厅'})-[:HOLDS]->(p:Power)-[:HAS_RESPONSIBILITY]->(r) "
        "RETURN r.kind AS kind, count(*) AS n ORDER BY kind")
    assert [k["kind"] for k in kinds] == ["指导监督", "直接实施"]  # both columns under 责任事项 read, each of its kind


# As measured, on the rule as the eighteenth sample left it: 14 real of 15. The wrong one asked 七里河区's 城市建筑垃圾处置核准
# for the 送达 its 决定 does (核发…), whose duties stood in a 具体责任 column the importer did not know (read since, with
# 项目类型 for the power type, found by the import's warnings before the reader's judgement was read). These fourteen,
# each real. 衡阳县's 实施机构 column names the bureau's 农业综合行政执法大队 and 畜牧水产事务中心: each gets a department of
# its own (15 departments for 13 lists), as a different named body does.
NINETEENTH: dict[str, tuple[list[str], bool, str]] = {
    "拆除在公路用地范围内设置的非公路标志": (["催告"], True, (
        "漳州市交通运输局: a demolition (强制执行, since the sixtieth sample): 决定 → 执行, no 催告 (第三十五条)")),
    "对乡、村庄规划区内逾期不改正的违法建设予以拆除": (["催告"], True, (
        "桂平市木乐镇: a demolition, no 催告 (行政强制法 第三十五条; since the sixtieth sample)")),
    "临时使用林地审批": (["送达", "事后监管"], True, "琼中黎族苗族自治县林业局"),
    "生产建设项目水土保持方案审批": (["送达", "事后监管"], True, "吉安市水利局"),
    "对生产经营劣种子的处罚": (["告知"], True, "衡阳县农业综合行政执法大队"),
    "对建设单位未依法报批建设项目环境影响报告书、报告表擅自开工建设的行政处罚": (["告知"], True, "江苏省生态环境厅"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的处罚": (["告知"], True, "吉安市水利局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (
        ["告知"], True, "即墨区龙山街道办事处"),
    "对用人单位违反规定延长劳动者工作时间的处罚": (["告知"], True, "桦甸市人力资源和社会保障局"),
    "对滥伐林木的处罚": (["告知"], True, "琼中黎族苗族自治县林业局"),
    "对在城市人民政府确定的禁止时段和区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (
        ["告知"], True, "兰州市七里河区城市管理和综合执法局"),
    "对在人口集中地区和其他依法需要特殊保护的区域内露天焚烧秸秆、落叶等产生烟尘污染的物质的处罚": (
        ["告知"], True, "桂平市木乐镇人民政府"),
    "对未取得农药生产许可证生产农药或者生产假农药的处罚": (["告知"], True, "云南省农业农村厅"),
    "对未取得食品生产经营许可从事食品生产经营活动的行政处罚": (["告知"], True, "绵阳市市场监督管理局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["告知"], True, "孝义市应急管理局"),
    "超限运输车辆行驶公路许可（市域内）": (["事后监管"], True, "漳州市交通运输局"),
    "代为补种树木、恢复植被和林业生产条件": (["催告"], True, "琼中, a 代履行 in the law's own words: read since the thirty-eighth sample"),
    # found since a 加处罚款 (滞纳金) whose steps apply to the court for it is an application to the court, asked its 催告
    # (行政强制法 第五十四条), not its 执行 (the thirty-fourth session); asked for by its reader
    "对拒不缴纳水土保持补偿费的加收滞纳金": (["催告"], True, "吉安市水利局"),
}


def test_missing_stage_on_a_nineteenth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_19.json", NINETEENTH, 14, 110)
    assert (sum(real for _, real, _ in NINETEENTH.values()), len(NINETEENTH)) == (18, 18)
    duties = scratch.read(
        "MATCH (:Power {name: '城市建筑垃圾处置核准'})-[:HAS_RESPONSIBILITY]->(r) RETURN r.stage AS stage, r.text AS text "
        "ORDER BY r.seq")
    assert [d["stage"] for d in duties] == ["受理", "审查", "决定", "事后监管"] and "核发" in duties[2]["text"]
    types = scratch.read("MATCH (:Department {name: '秦皇岛市卫生健康委员会'})-[:HOLDS]->(p:Power) RETURN DISTINCT p.type AS t")
    assert all(t["t"] for t in types)  # 项目类型 read
    # one file whose records went to two departments lacks a column once: one finding, not one per department (its
    # 农业综合行政执法大队 stays with the bureau: the corps of its field)
    from kb.analyses import gaps
    lacking = [f for f in gaps.find(scratch) if f.kind == "no_accountability" and "衡阳" in f.summary]
    assert len(lacking) == 1 and lacking[0].departments == ["衡阳县农业农村局", "衡阳县畜牧水产事务中心"], lacking[0].departments


# As measured, on the rule as the nineteenth sample left it: 16 real of 18. One wrong finding was 广文街道's penalty, whose
# CSV gives one duty a row in the 责任事项 column with every other cell blank (no stage column): the rows below the first were
# ignored, each with a warning; they are now the record's next duties when numbered on. The other asked 邛崃's 临时控制措施
# (审批 → 实施 → 检验处理：…销毁或者解除) for the follow-up its last step, headed in its own word without 责任 or 环节, does.
# After, these sixteen, each real. 南宁's list names its 市场监管综合行政执法支队 in 实施主体: the corps of the bureau's
# field, which stays with the bureau (13 departments; a department of its own as measured).
TWENTIETH: dict[str, tuple[list[str], bool, str]] = {
    "对占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、采矿、取土等，破坏种植条件的处罚": (["告知", "送达"], True, "临洮县自然资源局"),
    "对销售的种子没有使用说明或者标签内容不符合规定等行为的处罚": (["告知"], True, "德阳市农业农村局"),
    "生产建设项目水土保持方案审批": (["决定"], True, "浙江省水利厅"),
    "临时用地审批": (["送达"], True, "通辽市自然资源局"),
    "对未取得道路运输经营许可擅自从事道路运输经营的处罚": (["告知"], True, "新兴县交通运输局"),
    "对在公路建筑控制区内修建建筑物、地面构筑物或者擅自埋设管线、电缆等设施逾期不拆除的强制拆除": (["催告"], True, "新兴县交通运输局"),
    "公共场所卫生许可": (["事后监管"], True, "邛崃市卫生健康局"),
    "对擅自占用或者挖掘城市道路的处罚": (["告知"], True, "株洲市城市管理和综合执法局"),
    "巡游出租汽车经营许可": (["送达"], True, "新兴县交通运输局"),
    "对生产经营不符合食品安全标准的食品等行为的处罚": (["告知"], True, "南宁市市场监督管理局"),
    "对买卖或者以其他形式非法转让土地的处罚": (["告知"], True, "通辽市自然资源局"),
    "对人工繁育有重要生态、科学、社会价值的陆生野生动物未备案的处罚": (["告知"], True, "祥云县林业和草原局"),
    "特种设备使用登记": (["事后监管"], True, "南宁市市场监督管理局"),
    "对生产经营单位安全设备的安装、使用、检测、改造和报废不符合国家标准或者行业标准的处罚": (["告知"], True, "河北省应急管理厅"),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的处罚": (["告知"], True, "邛崃市卫生健康局"),
    "对滥伐林木的处罚": (["告知"], True, "祥云县林业和草原局"),
    # 梅李镇 heads its steps in brackets (1.【受理】…): read since the twenty-third sample, each real
    "乡村建设规划许可证核发（农村村民住宅）": (["事后监管"], True, "常熟市梅李镇人民政府"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (
        ["告知"], True, "常熟市梅李镇人民政府"),
}


def test_missing_stage_on_a_twentieth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_20.json", TWENTIETH, 13, 111)
    assert (sum(real for _, real, _ in TWENTIETH.values()), len(TWENTIETH)) == (18, 18)
    stages = [r["stage"] for r in scratch.read(
        "MATCH (:Power {name: '最低生活保障申请受理、审核'})-[:HAS_RESPONSIBILITY]->(r) RETURN r.stage AS stage ORDER BY r.seq")]
    assert stages[:4] == ["受理", "调查", "初审", "公示"] and len(stages) == 6  # 广文街道's rows, one duty each


# As measured, on the rule as the twentieth sample left it: 20 real of 22. 青海's 计量标准器具核准 (受理 → 考核 → 决定 → 送达)
# was asked for the 审查 its 考核 is; 洛川's 建设项目使用林地审核（初审）, 「县级初审，市级、省级审核」, for the supervision of
# a permit the levels above grant. After, these twenty-two, each real: 颍上's 强行清除河道内阻碍行洪的障碍物 (责令清除 → 决定
# → 执行) is now a 强制执行, and its order to clear is not read as the 催告 (the decision enforced comes before it).
TWENTY_FIRST: dict[str, tuple[list[str], bool, str]] = {
    "河道管理范围内有关活动审批（河道管理范围内有关活动（不含河道采砂）审批）": (["送达", "事后监管"], True, "颍上县水利局"),
    "对车辆擅自超限行驶公路的处罚": (["告知", "送达"], True, "思南县交通运输局"),
    "对未经批准擅自举办校外培训机构或者从事校外培训活动的行政处罚": (["告知", "送达"], True, "昌图县教育局"),
    "对随意倾倒、抛撒或者堆放建筑垃圾的处罚": (["告知", "送达"], True, "中山市小榄镇人民政府"),
    "对在人口集中地区和其他依法需要特殊保护的区域内焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质的处罚": (
        ["告知"], True, "中山市小榄镇人民政府"),
    "公路超限运输许可": (["事后监管"], True, "思南县交通运输局"),
    "强行清除河道内阻碍行洪的障碍物": (["催告"], True, "颍上县水利局"),
    "对滥伐林木的行政处罚": (["告知"], True, "洛川县林业局"),
    "强制拆除违法建筑物、构筑物": (["催告"], True, "中山市小榄镇人民政府"),
    "对生产经营单位未采取措施消除事故隐患的行政处罚": (["告知"], True, "晋城市应急管理局"),
    "对未取得采矿许可证擅自采矿等行为的行政处罚": (["告知"], True, "湖北省自然资源厅"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物或者从事影响河势稳定、危害河岸堤防安全等活动的处罚": (["告知"], True, "颍上县水利局"),
    "计量标准器具核准": (["事后监管"], True, "青海省市场监督管理局"),
    "文艺表演团体从事营业性演出活动审批": (["事后监管"], True, "哈密市文化体育广播电视和旅游局"),
    "食品小作坊、小经营店登记证核发": (["事后监管"], True, "兰考县市场监督管理局"),
    "对未取得食品生产经营许可从事食品生产经营活动等行为的行政处罚": (["送达"], True, "青海省执法稽查局"),
    "对未取得导游证或者不具备领队条件而从事导游、领队活动的处罚": (["告知"], True, "哈密市文化体育广播电视和旅游局"),
    "教师资格认定（幼儿园、小学、初级中学教师资格）": (["事后监管"], True, "昌图县教育局"),
    "工业产品生产许可证核发": (["事后监管"], True, "青海省市场监督管理局"),
    "巡游出租汽车经营许可": (["事后监管"], True, "思南县交通运输局"),
    "对经营超过保质期的食品等行为的行政处罚": (["告知"], True, "兰考县市场监督管理局"),
    "对擅自占用城市道路从事经营活动的行政处罚": (["告知"], True, "梅州市城市管理和综合执法局"),
    # since the forty-fifth sample: its 「作出核发决定」 decides to issue the licence and issues nothing
    "猎捕非国家重点保护野生动物狩猎证核发": (["送达"], True, "洛川县林业局"),
}


def test_missing_stage_on_a_twenty_first_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_21.json", TWENTY_FIRST, 14, 114)
    assert (sum(real for _, real, _ in TWENTY_FIRST.values()), len(TWENTY_FIRST)) == (23, 23)
    # 考核 is a stage of its own, a permit's 审查; a step headed 责令… is no 催告
    stages = [r["stage"] for r in scratch.read(
        "MATCH (:Power {name: '计量标准器具核准'})-[:HAS_RESPONSIBILITY]->(r) RETURN r.stage AS stage ORDER BY r.seq")]
    assert stages == ["受理", "考核", "决定", "送达"]
    from kb.analyses import gaps
    preliminary = [f for f in gaps.find(scratch) if f.kind == "missing_stage" and "使用林地" in f.summary]
    assert preliminary == []  # 初审: the levels above decide, serve and supervise


# As measured, on the rule as the twenty-first sample left it: 15 real of 17. 烟台's 按日连续处罚, one row a step (责令改正 →
# 复查 → 决定 → 送达 → 执行), was asked for 立案 and 调查 as well as 告知: its steps in its own word stand each on a line of
# its own (the 责任环节 cell), not before a colon; 辽宁's 工程监理企业资质认定 for the 决定 its 审查 duty makes (「…并依法作出准予
# 或者不予许可的决定」). 惠州's 权责类别 column was not read as the type: its nine powers were not checked. After, these
# eighteen, each real (惠州's two new).
TWENTY_SECOND: dict[str, tuple[list[str], bool, str]] = {
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的行政处罚": (["告知"], True, "凤阳县自然资源和规划局"),
    "对医师在执业活动中违反卫生行政规章制度或者技术操作规范等行为的行政处罚": (["告知"], True, "惠州市卫生健康局"),
    "对排放油烟的餐饮服务业经营者未安装油烟净化设施、不正常使用油烟净化设施的行政处罚": (["告知"], True, "南昌市东湖区公园街道办事处"),
    "建设项目安全设施设计审查（金属冶炼建设项目安全设施设计审查）": (["送达"], True, "鄂尔多斯市应急管理局"),
    "拖拉机和联合收割机登记": (["事后监管"], True, "林州市农业农村局"),
    "对擅自迁移、拆除不可移动文物的行政处罚": (["告知"], True, "长汀县文化体育和旅游局"),
    "公共场所卫生许可": (["事后监管"], True, "惠州市卫生健康局"),
    "强制拆除乡、村庄规划区内的违法建设": (["催告"], True, "浏阳市大瑶镇人民政府"),
    "对用人单位违反工作时间和休息休假规定的行政处罚": (["告知"], True, "介休市人力资源和社会保障局"),
    "河道采砂许可": (["事后监管"], True, "陕西省水利厅"),
    "对经营假农药的行政处罚": (["告知"], True, "林州市农业农村局"),
    "特种设备使用登记": (["事后监管"], True, "缙云县市场监督管理局"),
    "按日连续处罚": (["告知"], True, "烟台市生态环境局"),
    "劳务派遣经营许可": (["送达"], True, "介休市人力资源和社会保障局"),
    "对未经设立登记从事经营活动的行政处罚": (["告知"], True, "缙云县市场监督管理局"),
    "营业性演出审批": (["事后监管"], True, "长汀县文化体育和旅游局"),
    "农作物种子生产经营许可": (["事后监管"], True, "林州市农业农村局"),
    "对施工单位在施工中偷工减料，使用不合格的建筑材料、建筑构配件和设备，或者有不按照工程设计图纸或者施工技术标准施工的其他行为的行政处罚": (
        ["告知"], True, "辽宁省住房和城乡建设厅"),
    "代为处置危险废物": (["催告"], True, "烟台, a 代履行 in the law's own words: read since the thirty-eighth sample"),
}


def test_missing_stage_on_a_twenty_second_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_22.json", TWENTY_SECOND, 14, 114)
    assert (sum(real for _, real, _ in TWENTY_SECOND.values()), len(TWENTY_SECOND)) == (19, 19)
    types = scratch.read("MATCH (:Department {name: '惠州市卫生健康局'})-[:HOLDS]->(p:Power) RETURN p.type AS t")
    assert len(types) == 9 and all(t["t"] for t in types)  # 权责类别 read as the type


# As measured, on the rule as the twenty-second sample left it: 10 real of 12. 禹州's penalty tells of the hearing in its
# 决定 duty (「…告知当事人有要求听证的权利」), which the reader read as its 告知; 钟鸣镇's 农村村民宅基地审批 serves the
# decision in it (「作出批准决定，发放《农村宅基地批准书》」). 阳东's list heads its steps in brackets (【立案】…；【调查】…): its
# nine powers were not checked. After, these fourteen, each real: 阳东's three, and 阳东's and 山南's demolitions, whose
# 公告 is no 催告 (行政强制法 第四十四条 beside 第三十五条).
TWENTY_THIRD: dict[str, tuple[list[str], bool, str]] = {
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品的处罚": (["告知", "送达"], True, "小店区坞城街道办事处"),
    "对未经设立登记从事经营活动的处罚": (["告知"], True, "安庆市市场监督管理局"),
    "对非医师行医的处罚": (["告知"], True, "固原市卫生健康委员会"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚": (["告知"], True, "内蒙古自治区生态环境厅"),
    "对违法建筑的强制拆除": (["催告"], True, "阳江市阳东区城市管理和综合执法局"),
    "涉路施工许可（普通国省干线公路）": (["送达"], True, "河南省交通运输厅"),
    "河道管理范围内建设项目工程建设方案审批": (["送达"], True, "山南市乃东区水利局"),
    "对未经城市市容环境卫生行政主管部门同意擅自设置大型户外广告影响市容的处罚": (["告知"], True, "阳江市阳东区城市管理和综合执法局"),
    "临时占用、挖掘城市道路审批": (["送达"], True, "阳江市阳东区城市管理和综合执法局"),
    "放射诊疗许可（介入放射学）": (["送达"], True, "固原市卫生健康委员会"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物逾期不拆除的强行拆除": (["催告"], True, "山南市乃东区水利局"),
    "对农药经营者不执行农药采购台账、销售台账制度等行为的处罚": (["告知"], True, "昌吉市农业农村局"),
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的处罚": (["告知"], True, "清远市自然资源局"),
    "营业性演出审批": (["送达"], True, "禹州市文化广电和旅游局"),
}


def test_missing_stage_on_a_twenty_third_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_23.json", TWENTY_THIRD, 13, 110)
    assert (sum(real for _, real, _ in TWENTY_THIRD.values()), len(TWENTY_THIRD)) == (14, 14)
    duties = scratch.read(
        "MATCH (:Power {name: '对违法建筑的强制拆除'})-[:HAS_RESPONSIBILITY]->(r) RETURN r.stage AS stage, r.text AS text "
        "ORDER BY r.seq")
    assert [d["stage"] for d in duties] == [None, "决定", "执行"] and duties[0]["text"].startswith("【公告】")


# As measured, on the rule as the twenty-third sample left it: 11 real of 17. Wrong: 临沂's 申请人民法院强制执行 asked the
# 决定 and 执行 the court does (行政强制法 第五十三、五十四条: the body warns and applies); 山西's 通知停止供电 (安全生产法
# 第七十条), whose 「通知阶段」 is the measure carried out, asked its 执行 (the cell was not split at a step in its own word);
# 神木's and 常州's 「审查决定…告知当事人…后作出…决定」 read as no 告知; 廉桥镇's 宅基地审批, whose 「放线验收：」 line supervises,
# asked its 事后监管 (the same unsplit cell); 永安's 特种设备使用登记, 「按三明市市场监督管理局委托实施」, asked the supervision the
# entrusting body keeps (行政许可法 第二十四条). After the readings that followed, these eleven, each real.
TWENTY_FOURTH: dict[str, tuple[list[str], bool, str]] = {
    "社会团体成立、变更、注销登记（社会团体变更登记）": (["送达", "事后监管"], True, "宁安: 受理 → 审查 → 决定, no 送达 (第四十四条), no supervision (第六十一条)"),
    "对依法收回国有土地使用权当事人拒不交出土地、临时使用土地期满拒不归还或者不按照批准的用途使用国有土地的处罚": (
        ["告知", "送达"], True, "临沂: 立案 → 调查 → 审查 → 决定 → 执行; no 告知 (第四十四条), no 送达 (第六十一条)"),
    "劳务派遣经营许可": (["事后监管"], True, "常州: 受理 → 审查 → 决定 → 送达, no supervision (第六十一条)"),
    "河道管理范围内建设项目工程建设方案审批": (["送达"], True, "神木: 受理 → 审查 → 决定 → 监管, no 送达 (第四十四条)"),
    "民办非企业单位成立登记": (["事后监管"], True, "宁安: 受理 → 审查 → 决定 → 送达, no supervision"),
    "对未经批准、未取得或者未按照规定使用专用标识出售、购买、利用、运输、携带、寄递国家重点保护野生动物及其制品的处罚": (
        ["告知"], True, "广东省林业局: no 告知 before the decision (the reader: 听证 too)"),
    "占用、挖掘公路、公路用地或者使公路改线审批": (["事后监管"], True, "乐山: 受理 → 审查 → 决定 → 送达, no supervision"),
    "生产建设项目水土保持方案审批": (["事后监管"], True, "神木: 受理 → 审查 → 决定 → 送达, no supervision"),
    "非煤矿矿山企业安全生产许可证核发": (["事后监管"], True, (
        "山西: 受理 → 审查决定 → 送达; part entrusted to the cities, the 厅's own permit still supervised (the reader)")),
    "对在城市道路两侧和公共场地擅自摆摊设点、堆放物料影响市容的处罚": (["送达"], True, "西市街道: no 送达 of the decision (第六十一条)"),
    "建设用地规划许可证核发（以出让方式取得国有土地使用权的建设项目建设用地规划许可证核发）": (
        ["事后监管"], True, "临沂's sub-item: 受理 → 审查 → 决定 → 送达, no supervision"),
}


def test_missing_stage_on_a_twenty_fourth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_24.json", TWENTY_FOURTH, 13, 118)
    assert (sum(real for _, real, _ in TWENTY_FOURTH.values()), len(TWENTY_FOURTH)) == (11, 11)
    stages = [r["stage"] for r in scratch.read(  # 山西's 「决定阶段：…；通知阶段：…；解除阶段：…」: three steps
        "MATCH (p:Power)-[:HAS_RESPONSIBILITY]->(r) WHERE p.name CONTAINS '停止供电' RETURN r.stage AS stage ORDER BY r.seq")]
    assert stages == ["决定", None, "解除"]


# As measured, on the rule as the twenty-fourth sample left it: 18 real of 19. Wrong: 宁夏's 出售、购买、利用…批准, whose
# 「1.受理申请，…一次性告知…」 starts with its stage's word without a heading's form, asked its 受理; and its 「监督检查：…」, an
# own-word step after the decision, stood for the 送达 too, which the reader asked. After (a duty starting with the stage's
# own word does it; one starting with another stage's word does not), its 送达 instead: these nineteen, each real.
TWENTY_FIFTH: dict[str, tuple[list[str], bool, str]] = {
    "对森林防火期内未经批准擅自在森林防火区内野外用火的处罚": (["告知", "送达"], True, "宣风镇: 立案 → 调查 → 决定 → 执行"),
    "对非医师行医的处罚": (["告知", "送达"], True, "宜宾: no 告知 (第四十四条), no 送达 (第六十一条)"),
    "对违法向境外提供或者从境外引进种质资源等行为的处罚": (["告知", "送达"], True, "安徽省农业农村厅"),
    "对滥伐林木的处罚": (["告知", "送达"], True, "尤溪"),
    "对依法收回国有土地使用权当事人拒不交出土地、临时使用土地期满拒不归还或者不按照批准的用途使用国有土地的行政处罚": (
        ["告知"], True, "舟山"),
    "农作物种子生产经营许可证核发（实行选育生产经营相结合、符合农业农村部规定条件的农作物种子企业种子生产经营许可证核发）": (
        ["事后监管"], True, "安徽省农业农村厅's sub-item: its supervision column only tells the cities and counties to check"),
    "出售、购买、利用国家重点保护陆生野生动物及其制品批准（国家二级保护野生动物）": (["送达"], True, (
        "宁夏: 受理申请 → 审查决定 → 监督检查; no 颁发/送达 (第四十四条)")),
    "对未经批准、未取得或者未按照规定使用专用标识出售、购买、利用、运输、携带、寄递国家重点保护野生动物及其制品的处罚": (
        ["送达"], True, "宁夏"),
    "对用人单位使用童工的处罚": (["告知"], True, "大足"),
    "对以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的处罚": (["送达"], True, "大足"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["告知"], True, "商丘"),
    "烟花爆竹经营（批发）许可": (["事后监管"], True, "商丘"),
    "农药经营许可（限制使用农药）": (["事后监管"], True, "安徽省农业农村厅"),
    "对擅自占用或者挖掘城市道路、未按照批准的位置、面积、期限占用或者挖掘城市道路等行为的处罚": (["告知"], True, "曲阜"),
    "母婴保健技术服务机构执业许可": (["事后监管"], True, "宜宾"),
    "使用林地审核审批（建设项目使用林地审核）": (["事后监管"], True, "尤溪's sub-item"),
    # its duties 「受理；审查；决定；送达。」, each nothing but its stage (the thirty-third sample's reading)
    "使用林地审核审批（修筑直接为林业生产经营服务的工程设施占用林地审批）": (["事后监管"], True, "尤溪's sub-item"),
    "对买卖或者以其他形式非法转让土地的行政处罚": (["告知"], True, "舟山"),
    "对未经批准擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施，影响市容的处罚": (["告知"], True, "曲阜"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (
        ["告知"], True, "宣风镇's 赋权 penalty"),
}


def test_missing_stage_on_a_twenty_fifth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_25.json", TWENTY_FIFTH, 13, 126)
    assert (sum(real for _, real, _ in TWENTY_FIFTH.values()), len(TWENTY_FIFTH)) == (20, 20)


# As measured, on the rule as the twenty-fifth sample left it (and its review's narrowing): 12 real of 13. Wrong: 梅河口's
# 承运人责任险, whose basis sets only a 吊销 (「责令限期投保；拒不投保的，由原许可机关吊销…」), asked for its 执行 as well as its
# 告知 (the reader: its 告知 and its 审查). After (a penalty whose basis names a 吊销, 撤销 or 警告 and nothing it collects
# or holds the party to over time is not asked its 执行), its 告知 alone: these thirteen, each real.
TWENTY_SIXTH: dict[str, tuple[list[str], bool, str]] = {
    "对雷电防护装置未经设计审核或者竣工验收擅自施工、交付使用等行为的处罚": (["执行"], True, "酒泉: a fine, never collected"),
    "对医师在执业活动中未按照规定履行告知义务等行为的处罚": (["执行"], True, (
        "贵州: 警告, 暂停执业 or 吊销 — the suspension is carried out over time (第六十六条)")),
    "对发卡企业未按规定办理单用途商业预付卡备案的处罚": (["执行"], True, "山东省商务厅"),
    "道路货物运输经营许可（除使用总质量4500千克及以下普通货运车辆从事普通货运经营外）": (["事后监管"], True, "梅河口"),
    "对客运经营者、危险货物运输经营者未按规定投保承运人责任险的处罚": (["告知"], True, "梅河口: 立案 → 调查 → 决定 → 送达"),
    "对扰乱超限检测秩序、逃避超限检测的车辆强制拖离或者扣留": (["决定"], True, (
        "梅河口: a measure carried out without the 负责人批准 (行政强制法 第十八条)")),
    "拍卖业务许可（拍卖企业设立分公司审批）": (["事后监管"], True, "山东省商务厅's sub-item"),
    "雷电防护装置竣工验收": (["事后监管"], True, "酒泉"),
    "升放无人驾驶自由气球或者系留气球活动审批": (["送达"], True, "酒泉"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的处罚": (["执行"], True, "金贸街道"),
    "互联网上网服务营业场所从事上网服务经营活动审批（变更审批）": (["事后监管"], True, "宜春's sub-item"),
    "对旅行社未按照规定安排领队或者导游全程陪同等行为的处罚": (["执行"], True, "宜春"),
    "拆除人民防空工程审批": (["事后监管"], True, "平顶山"),
    "对未取得燃气经营许可证从事燃气经营活动的处罚": (["告知", "送达", "执行"], True, "尚志: its numbered procedure written in its first stage column now split at its steps; no 告知, 送达 or 执行, as the reader said"),
}


def test_missing_stage_on_a_twenty_sixth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_26.json", TWENTY_SIXTH, 14, 113)
    assert (sum(real for _, real, _ in TWENTY_SIXTH.values()), len(TWENTY_SIXTH)) == (14, 14)
    held = {r["d"]: r["n"] for r in scratch.read(  # the bureau 「及所属县（区）税务局」 is the file's; its 稽查局 its own
        "MATCH (d:Department)-[:HOLDS]->(p:Power) WHERE d.name STARTS WITH '国家税务总局' RETURN d.name AS d, count(p) AS n")}
    assert held == {"国家税务总局莆田市税务局": 8, "国家税务总局莆田市税务局稽查局": 2}


# As measured, on the rule as the twenty-sixth sample left it: 7 real of 10 (鄱阳县水利局's list refused then: its header group
# 权力事项 written without its merge over 类别 | 名称 | 子项; read since the twenty-first session, no finding on it). Wrong: 新昌's 「决定前责任：…书面催告…」
# read as a 决定 step, so no 催告 (mended: a stage word followed by 前 or 后 names no step); 宜昌's 「【立案】【调查】…【执行】按照
# 行政处罚法规定的程序办理」, a run of bracketed stages with one sentence after them, read as 立案 alone (mended: a run names each
# of its stages); and 洛阳's 烟花爆竹经营（零售）许可, whose remarks say the districts decide and the bureau guides (mended in
# the twenty-first session: remarks or a scope saying the level below decides and this one guides ask no stage).
TWENTY_SEVENTH: dict[str, tuple[list[str], bool, str]] = {
    "对违法在自然保护地、禁猎区、禁猎期猎捕国家重点保护野生动物等行为的处罚": (["告知", "送达"], True, "南平"),
    "使用林地审核（占用林地审核）": (["事后监管"], True, "南平's sub-item"),
    "对生产经营单位拒不改正的按日连续处罚": (["告知"], True, "洛阳"),
    "使用林地审核（临时使用林地审批）": (["送达"], True, "南平's sub-item"),
    "对建设单位未组织竣工验收或者验收不合格擅自交付使用的处罚": (["告知"], True, "宜昌"),
    "港口岸线使用审批（非深水岸线）": (["事后监管"], True, "湖南省交通运输厅's sub-item"),
    "公共场所卫生许可": (["事后监管"], True, "揭西"),
    # 沭阳's list, a column for each stage (受理环节 | … | 事后监管环节), read since the twenty-first session: the two records
    # missing a stage the reader asked for, found
    "对以欺诈、伪造证明材料等手段骗取社会保险待遇的处罚": (["告知"], True, "沭阳"),
    "民办职业培训学校设立、分立、合并、变更及终止审批": (["事后监管"], True, "沭阳"),
    # 醴陵's 注销 sub-item, its row leaving 权力类型 blank: typed by its item's since the thirty-second sample
    "市场主体登记（注销登记（含简易注销））": (["送达"], True, "醴陵's sub-item"),
}


def test_missing_stage_on_a_twenty_seventh_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_27.json", TWENTY_SEVENTH, 13, 119)
    assert (sum(real for _, real, _ in TWENTY_SEVENTH.values()), len(TWENTY_SEVENTH)) == (10, 10)


# As measured, on the rule as the twenty-seventh sample left it: 12 real of 15. Wrong: 黄冈's and 昭平's permits, whose duty
# cell is 「受理责任、审查责任、决定责任、送达责任、事后监管责任。」, a list of stage headings read as 受理 alone (mended: a run of
# headings ending in 责任 names each of its stages); 新疆维吾尔自治区文化和旅游厅's penalty, whose remarks say no more than
# 「地（州、市）文化和旅游部门依法实施」 (mended: of a provincial or city body, such a whole remark asks no stage).
TWENTY_EIGHTH: dict[str, tuple[list[str], bool, str]] = {
    "对生产经营单位未建立事故隐患排查治理制度或者重大事故隐患排查治理情况未按照规定报告的处罚": (["告知", "送达"], True, "昭平"),
    "采矿权登记（2.采矿权延续登记）": (["送达", "事后监管"], True, "西藏's sub-item"),
    "对医师在执业活动中未按照规定履行告知义务等行为的行政处罚": (["送达", "执行"], True, "梨树"),
    "母婴保健技术服务执业许可": (["送达", "事后监管"], True, "梨树"),
    "演出经纪机构设立审批（2.变更审批）": (["送达", "事后监管"], True, "新疆's sub-item"),
    "对买卖或者以其他形式非法转让土地的行政处罚": (["送达"], True, "福鼎"),
    "对未取得测绘资质证书擅自从事测绘活动的行政处罚": (["告知"], True, "西藏"),
    "测绘资质审批": (["事后监管"], True, "西藏"),
    "建设用地规划许可证核发（2.以出让方式取得国有土地使用权的建设项目）": (["事后监管"], True, "福鼎's sub-item"),
    "烟花爆竹经营（批发）许可": (["事后监管"], True, "威海"),
    "医师执业注册": (["事后监管"], True, "梨树"),
    "对生产经营单位主要负责人在本单位发生生产安全事故时不立即组织抢救或者擅离职守、逃匿以及对事故隐瞒不报、谎报或者迟报的处罚":
        (["告知"], True, "威海"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品的处罚": (["告知", "送达"], True,
                                                        "朐阳街道: 「立案；调查；…」 (the thirty-third sample's reading)"),
    "对使用特种设备未按照规定办理使用登记的行政处罚": (["告知", "送达", "执行"], True, "景德镇: its numbered procedure in one stage column now split at its steps; no 告知, 送达 or 执行, as the reader said"),
    "特种设备使用登记": (["送达", "事后监管"], True, "景德镇: read since its steps are; no 送达 and no supervision, as the reader said"),
    # (found since a list of short steps names its stages: 「立案；调查；作出处罚决定；监督执行。」, 2026-12-06)
    "对盗伐、滥伐林木的行政处罚（2.对滥伐林木的处罚）": (["告知", "送达"], True, "澄江市林业和草原局"),
}


def test_missing_stage_on_a_twenty_eighth_sample_judged_blind(scratch, tmp_path):
    # 潮州市潮安区彩塘镇's list names a district bureau's station for one record, 福鼎's its registration centre: 15 bodies
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_28.json", TWENTY_EIGHTH, 15, 124)
    assert (sum(real for _, real, _ in TWENTY_EIGHTH.values()), len(TWENTY_EIGHTH)) == (16, 16)


# As measured, on the rule as the twenty-eighth sample left it: 21 real of 24 (德州's list, a column for each stage, then read
# without its duties). Wrong: 茶亭's 「1.立案 2.调查取证 3.作出处罚决定 4.执行」, whose third step was read as no 决定 (mended:
# 作出处罚决定 names it); 玉龙's 「【立案】【调查】【决定】【送达】【执行】」 with nothing after the run, read as no stage (mended:
# a run of bracketed stages names them when nothing follows too); 南城's 社会团体注销登记 asked 事后监管 (mended: a permit's
# 注销 or 终止 has nothing left to supervise).
TWENTY_NINTH: dict[str, tuple[list[str], bool, str]] = {
    "企业实行不定时工作制和综合计算工时工作制审批": (["送达", "事后监管"], True, "黑龙江"),
    "对未取得燃气经营许可证从事燃气经营活动的行政处罚": (["告知", "送达"], True, "凉州区"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的处罚": (["告知", "送达"], True, "茶亭"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照许可证规定进行建设的行政处罚": (["告知", "执行"], True, "戴南镇"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的行政处罚": (["告知", "执行"], True, "德州"),
    "对迟报统计资料或者未按照国家有关规定设置原始记录、统计台账的行政处罚": (["告知", "执行"], True, "淳安"),
    "对车辆违法超限运输的行政处罚": (["告知", "送达"], True, "合浦"),
    "对殡葬违法行为的行政处罚（对制造、销售封建迷信殡葬用品的处罚）": (["告知", "送达"], True, "南城's sub-item"),
    "对以欺诈、伪造证明材料或者其他手段骗取基本医疗保险待遇的行政处罚": (["告知", "执行"], True, "重庆"),
    "民办非企业单位成立、变更、注销登记": (["事后监管"], True, "南城"),
    "社会团体成立、变更、注销登记（社会团体变更登记）": (["事后监管"], True, "南城's sub-item"),
    "营业性演出审批（文艺表演团体从事营业性演出活动审批）": (["事后监管"], True, "玉龙's sub-item"),
    "商品房预售许可": (["事后监管"], True, "凉州区"),
    "涉路施工许可（跨越、穿越公路修建桥梁、渡槽或者架设、埋设管道、电缆等设施审批）": (["事后监管"], True, "合浦's sub-item"),
    "对作为统计调查对象的企业事业单位或者其他组织统计违法行为的行政处罚（对转移、隐匿、篡改、毁弃或者拒绝提供原始记录和凭证、"
    "统计台账、统计调查表及其他相关证明和资料的处罚）": (["告知"], True, "淳安's sub-item"),
    "取水许可（取水许可延续）": (["送达"], True, "德州's sub-item"),
    "雷电防护装置设计审核和竣工验收（雷电防护装置竣工验收）": (["事后监管"], True, "衡水's sub-item"),
    "对违反劳动保障法律法规行为的行政处罚（对用人单位非法招用未满十六周岁的未成年人的处罚）": (["告知"], True, "黑龙江's sub-item"),
    "河道管理范围内建设项目工程建设方案审批": (["送达"], True, "德州"),
    "撤销教师资格": (["送达"], True, "南充"),
    "对定点医药机构违法违规使用医疗保障基金的行政处罚（对定点医药机构未按照规定保管财务账目、会计凭证等行为的处罚）":
        (["告知"], True, "重庆's sub-item"),
    "技工学校设立、变更、终止审批（技工学校变更审批）": (["事后监管"], True, "黑龙江's sub-item"),
    "对擅自从事娱乐场所经营活动的取缔": (["告知"], True, "玉龙"),
    "民办学校设立、分立、合并、变更及终止审批（民办学校分立、合并审批）": (["事后监管"], True, "南充's sub-item"),
    "对非法向社会发布公众气象预报、灾害性天气警报等行为的行政处罚": (["告知"], True, "衡水"),
    "对导游、领队违法行为的行政处罚（对导游、领队私自承揽业务的处罚）": (["告知"], True, "玉龙's sub-item"),
}


def test_missing_stage_on_a_twenty_ninth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_29.json", TWENTY_NINTH, 13, 129)
    assert (sum(real for _, real, _ in TWENTY_NINTH.values()), len(TWENTY_NINTH)) == (26, 26)


# As measured, on the rule as the twenty-ninth sample and its review left it: 20 real of 21 (江西's duty group written cell
# by cell over its stage columns then read as one column). Wrong: 辛集市旧城镇's 乡村建设规划许可（受理、审核）, 「受理责任、
# 审核责任、上报责任。」 with remarks 「…由辛集市自然资源和规划局核发…，本级负责受理、审核上报」, asked to decide and more (mended:
# remarks saying the body's own part is the first review ask no 决定, 送达 or 事后监管; a run of 责任 headings may hold a step
# of the procedure's own, 上报, beside its stages).
THIRTIETH: dict[str, tuple[list[str], bool, str]] = {
    "对公共场所经营者未取得卫生许可证擅自营业的处罚": (["告知", "执行"], True, "禄丰"),
    "对露天焚烧秸秆、落叶等产生烟尘污染物质的处罚": (["告知", "送达"], True, "旧城镇"),
    "对报废机动车回收企业违法行为的处罚（对报废机动车回收企业出售不具备再制造条件的报废机动车“五大总成”等行为的处罚）":
        (["告知", "执行"], True, "丹阳's sub-item"),
    "对实行备案管理的项目未依法告知或变更备案信息等行为的处罚": (["告知", "送达"], True, "旬阳"),
    "对发卡企业违反单用途卡发行、资金管理规定的处罚": (["告知", "送达"], True, "丹阳"),
    "政府投资项目审批（初步设计审批）": (["送达", "事后监管"], True, "旬阳's sub-item"),
    "使用林地审核审批（临时使用林地审批）": (["事后监管"], True, "阿拉善左旗's sub-item"),
    "对非法开垦草原的处罚": (["告知"], True, "阿拉善左旗"),
    "对醉酒的人采取保护性约束措施": (["决定"], True, "岑溪"),
    "对高危险性体育项目经营者违规行为的处罚（对高危险性体育项目经营者拒绝、阻挠体育主管部门监督检查的处罚）":
        (["告知"], True, "菏泽's sub-item"),
    "医疗机构执业登记（医疗机构变更登记）": (["事后监管"], True, "禄丰's sub-item"),
    "设置卫星电视广播地面接收设施审批": (["事后监管"], True, "甘肃"),
    "外国人来华工作许可（外国人来华工作许可延期、变更、注销）": (["送达"], True, "恩施's sub-item"),
    "焰火晚会及其他大型焰火燃放活动许可": (["事后监管"], True, "岑溪"),
    "医师执业注册": (["事后监管"], True, "禄丰"),
    "对律师、律师事务所违法行为的处罚（对律师事务所违法行为的处罚）": (["告知"], True, "锡林郭勒's sub-item"),
    "对违反机动车停放、临时停车规定的处罚": (["告知"], True, "岑溪"),
    "母婴保健技术服务执业许可（母婴保健技术服务人员资格认定）": (["事后监管"], True, "禄丰's sub-item"),
    "食盐定点生产企业、定点批发企业审批（食盐定点批发企业审批）": (["事后监管"], True, "江西's sub-item"),
    "固定资产投资项目节能审查": (["事后监管"], True, "旬阳"),
    "对擅自安装和使用卫星地面接收设施的处罚": (["告知"], True, "甘肃"),
    # since the forty-eighth sample's review: 「作出颁发或者不予颁发…的决定」 issues nothing
    "民用爆炸物品生产、安全生产许可（民用爆炸物品安全生产许可）": (["送达"], True, "江西省工业和信息化厅"),
}


def test_missing_stage_on_a_thirtieth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_30.json", THIRTIETH, 13, 128)
    assert (sum(real for _, real, _ in THIRTIETH.values()), len(THIRTIETH)) == (22, 22)


# As measured, on the rule as the thirtieth sample left it: 12 real of 15. Wrong: 张家口's penalty, whose 责任事项 group is
# split into bare stage names (受理（立案） | 审查（调查） | 告知 | …), read as one column (mended: a stage's name under a group
# of duties is a stage column); 广西's 临时用地审批, remarks 「一般由县级人民政府自然资源主管部门批准；本厅负责指导监督」 (mended:
# 批准 and a semicolon read as the other remarks of the kind); and, not mended, 镇安's 森林防火期内野外用火审批, whose list
# names its own 决定 and whose remarks say 「县人民政府或者县人民政府授权的单位批准」 (a list naming the decision is read as
# deciding; the reader took the remark over it).
THIRTY_FIRST: dict[str, tuple[list[str], bool, str]] = {
    "森林防火期内野外用火审批": (["送达", "事后监管"], False, "镇安: the county government approves, the remarks say"),
    "对非法占用土地的行政处罚": (["告知", "送达"], True, "广西"),
    "乡村建设规划许可证核发": (["审查", "事后监管"], True, "贵溪"),
    "建设项目使用林地审核": (["送达", "事后监管"], True, "兴安盟"),
    "对生产经营劣种子的处罚": (["告知", "送达"], True, "驻马店"),
    "对盗伐、滥伐林木的处罚（盗伐林木）": (["告知", "送达"], True, "兴安盟's sub-item"),
    "兽药经营许可证核发": (["送达", "事后监管"], True, "驻马店"),
    "对盗伐、滥伐林木的处罚（滥伐林木）": (["告知", "送达"], True, "兴安盟's sub-item"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["告知"], True, "湖北"),
    "对侵犯注册商标专用权行为的处罚": (["告知"], True, "涟水"),
    "按日连续处罚": (["执行"], True, "张家口"),
    "临时用地审批": (["送达"], True, "贵溪"),
    "城镇污水排入排水管网许可": (["事后监管"], True, "龙川"),
    "临时使用林地审批": (["送达"], True, "镇安's sub-item, numbered 2-2 as an item of its own"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚": (["告知"], True, "张家口"),
    # (found since a list of short steps names its stages: 「立案；调查；作出处罚决定；监督执行。」, 2026-12-06)
    "对毁坏林木、林地的处罚": (["告知", "送达"], True, "镇安县林业局"),
}


def test_missing_stage_on_a_thirty_first_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_31.json", THIRTY_FIRST, 13, 117)
    assert (sum(real for _, real, _ in THIRTY_FIRST.values()), len(THIRTY_FIRST)) == (15, 16)


# As measured, on the rule as the thirty-first sample left it: 15 real of 19. Wrong: 甘南's 生鲜乳收购站许可（指导监督）, whose
# name and steps say the prefecture guides its counties (「指导县（市）依法受理…」: mended, 县（市） and a name's closing
# 「（指导监督）」 read as guiding); 含山's 食品生产许可, 「受理责任、现场核查责任、上报责任」 (mended: 核查 is 行政许可法 第三十四条's
# word for the review); 佳木斯's 扣留 and 甘南's 查封、扣押, whose 「两名以上执法人员实施」 stands in the column the list calls 审查
# (mended: officers carrying out a 行政强制 is its 执行, in whatever step). 安陆's second 子项 and 青海's lost their type (a sub-item
# row leaving 权力类型 blank now takes the item's) and 环江's basis split into 法律 | 行政法规 | 地方性法规及规章 kept its first
# column alone (now all three, each with its kind); found on the import report before the findings were looked at.
THIRTY_SECOND: dict[str, tuple[list[str], bool, str]] = {
    "公路超限运输许可": (["事后监管"], True, "佳木斯"),
    "对未取得食品生产许可从事食品生产活动的处罚": (["告知"], True, "吉林"),
    "民办职业培训学校设立、分立、合并、变更及终止审批": (["事后监管"], True, "怀仁"),
    "兽药经营许可证核发（兽用生物制品）": (["事后监管"], True, "青海"),
    "医疗机构设置审批及执业登记（（1）医疗机构设置审批）": (["事后监管"], True, "安陆's sub-item"),
    "对车辆超限使用汽车渡船或者在公路上擅自超限行驶的处罚": (["告知"], True, "佳木斯"),
    "对未依法取得排污许可证排放大气污染物、超过排放标准排放大气污染物等行为的处罚": (["告知"], True, "枣庄"),
    "对未取得农药经营许可证经营农药、经营假农药、在农药中添加物质的处罚": (["告知"], True, "甘南"),
    "对随地吐痰、便溺，乱扔果皮、纸屑和烟头等废弃物，在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等行为的处罚": (
        ["告知"], True, "濮阳 中原路街道"),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的处罚": (["告知"], True, "安陆"),
    "排污许可证核发": (["事后监管"], True, "枣庄"),
    "动物诊疗许可证核发": (["事后监管"], True, "甘南"),
    "狩猎证核发": (["事后监管"], True, "环江"),
    "对随意倾倒、抛撒、堆放建筑垃圾等行为的处罚": (["告知"], True, "江津"),
    "对生产经营不符合食品安全标准的食品等行为的处罚": (["告知"], True, "含山"),
    "对用人单位非法招用未满16周岁未成年人的处罚": (["告知"], True, "怀仁 (the thirty-third sample's reading)"),
}


def test_missing_stage_on_a_thirty_second_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_32.json", THIRTY_SECOND, 13, 123)
    assert (sum(real for _, real, _ in THIRTY_SECOND.values()), len(THIRTY_SECOND)) == (16, 16)


# As measured, on the rule as the thirty-second sample left it: 8 real of 9 (东营's 按日连续处罚 asked for its 执行, which its
# 「4.送达、执行。」 names); mended, and five more read once a duty that is nothing but its stages (「受理；」) names it, a 同上
# in a sub-item row's name and type is the item's, and a permit's 现场查验 is its review: 13 of 13.
THIRTY_THIRD: dict[str, tuple[list[str], bool, str]] = {
    "建设项目使用林地审核审批": (["事后监管"], True, "文山"),
    "食品经营许可（食品经营许可证变更、延续）": (["事后监管"], True, "东至's sub-item, 「受理；审查；决定；送达。」"),
    "涉路施工许可（（2）跨越、穿越公路修建桥梁、渡槽或者架设、埋设管道、电缆等设施审批）": (["事后监管"], True, "仁寿's sub-item"),
    "林木种子生产经营许可证核发": (["事后监管"], True, "文山"),
    "公路超限运输许可": (["事后监管"], True, "仁寿"),
    "农药经营许可": (["事后监管"], True, "从化"),
    "农作物种子生产经营许可证核发（变更、延续）": (["事后监管"], True, "从化's sub-item"),
    "放射诊疗许可（放射治疗、核医学）": (["事后监管"], True, "陕西"),
    "建设项目环境影响评价文件审批（建设项目环境影响报告表审批）": (["事后监管"], True, "东营's sub-item, its name 同上"),
    "对违法猎捕野生动物的处罚（（2）对违法猎捕有重要生态、科学、社会价值的陆生野生动物或者地方重点保护野生动物的处罚）": (
        ["告知"], True, "金秀's sub-item, 「立案、调查、审查、决定、送达、执行。」"),
    "对经营者不执行政府指导价、政府定价等价格违法行为的处罚": (["执行"], True, "东至"),
    "食品生产许可（保健食品、特殊医学用途配方食品、婴幼儿配方食品、婴幼儿辅助食品、食盐）": (["事后监管"], True, "辽宁"),
    "文物保护单位保护范围内及建设控制地带内建设工程审批（（2）在市级文物保护单位建设控制地带内进行建设工程的工程设计方案审核）": (
        ["事后监管"], True, "三门峡's sub-item, its name and type 同上"),
}


def test_missing_stage_on_a_thirty_third_sample_judged_blind(scratch, tmp_path):
    # 三门峡's 公共图书馆免费开放服务 names 三门峡市图书馆 as its 责任主体: a public institution doing the work for the
    # list's department, which keeps the power (it was a fourteenth body before the twenty-fourth session)
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_33.json", THIRTY_THIRD, 13, 113)
    assert (sum(real for _, real, _ in THIRTY_THIRD.values()), len(THIRTY_THIRD)) == (13, 13)


# As measured, on the rule as the thirty-third sample left it: 20 real of 21 (滨州's 「4.告知（听证）」 was no 告知); mended:
# 20 of 20.
THIRTY_FOURTH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["送达", "事后监管"], True, "射洪"),
    "生产建设项目水土保持方案审批": (["送达", "事后监管"], True, "广东"),
    "实施学前教育、学历教育、文化教育的民办学校设立、变更、终止审批（民办学校变更、终止审批）": (["送达", "事后监管"], True, "互助's sub-item"),
    "二级注册建造师注册": (["事后监管"], True, "云南"),
    "对露天焚烧秸秆、落叶等产生烟尘污染的物质的处罚": (["送达"], True, "友谊镇's 赋权 penalty"),
    "对用人单位违法延长劳动者工作时间的处罚": (["送达"], True, "营口"),
    "医师执业注册": (["事后监管"], True, "淇滨区"),
    "对建筑施工企业未取得安全生产许可证擅自从事建筑施工活动的处罚": (["送达"], True, "云南"),
    "建筑业企业资质核准（建筑业企业资质延续、变更）": (["事后监管"], True, "云南's sub-item"),
    "涉路施工许可（在公路用地范围内设置非公路标志审批）": (["事后监管"], True, "滨州's sub-item"),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的处罚": (["执行"], True, "淇滨区"),
    "社会团体成立、变更、注销登记（社会团体变更登记）": (["事后监管"], True, "临夏's sub-item"),
    "企业实行不定时工作制和综合计算工时工作制审批": (["事后监管"], True, "营口"),
    "劳务派遣经营许可（变更、延续、注销）": (["事后监管"], True, "营口's sub-item"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物或者从事影响河势稳定等活动的处罚": (["送达"], True, "广东"),
    "房地产开发企业资质核定": (["事后监管"], True, "云南"),
    "取水许可（延续、变更）": (["事后监管"], True, "广东's sub-item"),
    "乡村医生执业注册": (["事后监管"], True, "淇滨区"),
    "娱乐场所从事娱乐场所经营活动审批": (["事后监管"], True, "鄂州"),
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的处罚": (["送达"], True, "射洪"),
}


def test_missing_stage_on_a_thirty_fourth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_34.json", THIRTY_FOURTH, 13, 117)
    assert (sum(real for _, real, _ in THIRTY_FOURTH.values()), len(THIRTY_FOURTH)) == (20, 20)


# As measured, on the rule as the thirty-fourth sample left it: 11 real of 13 (宝清's stage columns tell the party of the
# intended penalty in their 审查（调查） step: read as no 告知); mended, and 七一路街道's 职责类型 and 事项子项 read as the type and the
# sub-item (two sub-item rows had been left out, the others imported without a type): 12 of 12.
THIRTY_FIFTH: dict[str, tuple[list[str], bool, str]] = {
    "对建设单位未依法报批建设项目环境影响报告书（表）擅自开工建设的处罚": (["执行"], True, "汕头"),
    "关闭、闲置、拆除城市环境卫生设施许可": (["事后监管"], True, "源汇区"),
    "成品油零售经营资格审批（成品油零售经营批准证书变更）": (["事后监管"], True, "德宏's sub-item"),
    "对未经县级以上人民政府林业主管部门审核同意，擅自改变林地用途的处罚": (["执行"], True, "宝清"),
    "建设项目使用林地审核（县级权限）": (["送达"], True, "宝清"),
    "烟花爆竹经营（批发）许可（变更申请）": (["事后监管"], True, "阿坝's sub-item"),
    "对实行备案管理的项目未按规定告知备案信息或者提供虚假信息的处罚": (["执行"], True, "格尔木"),
    "取水许可（取水许可延续）": (["事后监管"], True, "万宁's sub-item"),
    "排污许可证核发": (["事后监管"], True, "汕头"),
    "对粮食经营者未按照规定执行国家粮食流通统计制度的处罚": (["执行"], True, "江苏"),
    "城市管理领域行政处罚（下放）（对损坏城市树木花草、擅自砍伐城市树木的处罚）": (["执行"], True, "七一路街道's sub-item, read once 事项子项 was a sub-item's column"),
    "在草原上修建直接为草原保护和畜牧业生产服务的工程设施使用草原审批": (["事后监管"], True, "宝清"),
}


def test_missing_stage_on_a_thirty_fifth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_35.json", THIRTY_FIFTH, 13, 117)
    assert (sum(real for _, real, _ in THIRTY_FIFTH.values()), len(THIRTY_FIFTH)) == (12, 12)


# As measured, on the rule as the thirty-fifth sample left it: 3 real of 47. Two layouts were read wrong: 彰武's steps one a
# row under the item's blank cells (「审查：…」 alone in its 责任事项 cell) were dropped, and 临渭's rows of one item, one a
# stage (责任环节 | 责任事项) with the item's cells written again on each, became an item a row. Mended: 8 of 13. Then 广安's
# penalties in a permit's columns (「调查取证；审查」 under 审查环节, 「执行处罚决定，…」 under 事后监管), 福建's 「…执行责任（同上）。」,
# 广安's 决定环节 「报四川省司法厅审核。」 (the level above decides) and 西塘's 「作出强制拆除决定并公告」: 9 of 9.
THIRTY_SIXTH: dict[str, tuple[list[str], bool, str]] = {
    "对经营者违反明码标价规定的处罚": (["告知", "执行"], True, "临渭, one row a stage"),
    "第二类、第三类医疗器械生产许可": (["事后监管"], True, "湖南"),
    "宗教活动场所内改建或者新建建筑物审批": (["事后监管"], True, "博州"),
    "特种设备使用登记": (["事后监管"], True, "临渭, one row a stage"),
    "对公证机构、公证员违法行为的处罚": (["执行"], True, "广安, its 事后监管 column blank"),
    "雷电防护装置设计审核": (["事后监管"], True, "彰武, one row a step under blank cells"),
    "经营主体登记注册": (["事后监管"], True, "临渭"),
    "国家重点保护水生野生动物人工繁育许可": (["事后监管"], True, "福建"),
    "雷电防护装置竣工验收": (["事后监管"], True, "彰武"),
}


def test_missing_stage_on_a_thirty_sixth_sample_judged_blind(scratch, tmp_path):
    # 广安's 法律援助 names 广安市法律援助中心 (the 法律援助机构 of 法律援助法, acting in its own name): 14 bodies; 湖南's,
    # 福建's and 东兴's sub-item rows are powers of their own, their blank cells their item's
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_36.json", THIRTY_SIXTH, 14, 112)
    assert (sum(real for _, real, _ in THIRTY_SIXTH.values()), len(THIRTY_SIXTH)) == (9, 9)


# As measured, on the rule as the thirty-sixth sample left it: 0 real of 35. Four layouts were read wrong: 翁牛特旗's one
# duty a row with the item's cells again on each (no stage column: a power a row), 延边's and 龙胜's next duties a row
# with each duty's own 责任事项依据 beside it (left out as rows without a name; 延边's numbered on past the steps a sub-item
# leaves out), 岳阳's 责任事项 over 事前 | 事中 | 事后 (the second header row read as a record) and 雁塔's stages' bare names as
# headers (kept as extra columns: its penalties had no duties). Mended: 2 of 2. (延边's two sub-items are named under their
# item in the judged records, as the other fixtures name them.)
THIRTY_SEVENTH: dict[str, tuple[list[str], bool, str]] = {
    "对迟报统计资料或者未按规定设置原始记录、统计台账的处罚（1.对企业事业单位或者其他组织迟报统计资料、未设置原始记录和统计台账的处罚）": (
        ["调查", "送达", "执行"], True, "延边's sub-item: 1.立案, 4.告知, 5.决定"),
    "对迟报统计资料或者未按规定设置原始记录、统计台账的处罚（2.对个体工商户迟报统计资料的处罚）": (
        ["调查", "送达", "执行"], True, "延边's sub-item, its duties 同上"),
}


def test_missing_stage_on_a_thirty_seventh_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_37.json", THIRTY_SEVENTH, 13, 122)
    assert (sum(real for _, real, _ in THIRTY_SEVENTH.values()), len(THIRTY_SEVENTH)) == (2, 2)


# As measured, on the rule as the thirty-seventh sample left it (with a cold review's narrowing of its readings): 6 real of
# 38. The import read two layouts wrong: 七台河's one duty a row with the item written again beside a 行使层级 of several
# levels (市级、县级: kept as the power's scope, not its level, so the rows did not match: 24 false), 西双版纳's row numbering
# the columns (1 | 2 | … | 12) under its header (a record); and 婺源县江湾镇's 责任主体（内设机构） made seven departments of the
# township's own offices. Mended: 7 of 10. Then a 代履行 in the law's own words (代为治理) is a 强制执行 and asks its 催告,
# 「代履行完毕」 carries it out; 告知 of the rights to a defence or a hearing in a permit's 审查 column: 8 of 10. Readers differ
# on a permit's 变更 or 延期 sub-item (four earlier readers asked its supervision, this one did not): left as they were.
THIRTY_EIGHTH: dict[str, tuple[list[str], bool, str]] = {
    "按日连续处罚": (["告知"], True, (
        "攀枝花市生态环境局权责清单: read since the sixty-fourth sample")),
    "河道管理范围内建设项目工程建设方案审批": (["送达", "事后监管"], True, "达拉特旗"),
    "劳务派遣经营许可": (["事后监管"], True, "七台河, one duty a row"),
    "危险化学品经营许可（不带储存设施的其他危险化学品）（延期申请）": (["事后监管"], False, "兴城's 延期 sub-item: supervised under the grant"),
    "特殊建设工程消防设计审查": (["事后监管"], True, "西双版纳"),
    "渔业捕捞许可": (["事后监管"], True, "陵水"),
    "查封、扣押违法生产、经营、使用的农药及工具、设备、场所": (["事后监管"], True, "陵水: a 强制措施's 事后监管 is its 解除"),
    "对造成水土流失不进行治理的代为治理": (["催告"], True, "达拉特旗"),
    "特种设备使用登记": (["事后监管"], True, "闵行"),
    "演出经纪机构从事营业性演出经营活动审批（演出经纪机构变更审批）": (["事后监管"], False, "河北's 变更 sub-item"),
    "对饮酒后驾驶机动车的处罚": (["送达"], True, "平凉"),
    "对个人骗取医疗保障基金行为的行政处罚": (["告知", "执行"], True, "湖北医保: its numbered procedure in one stage column now split at its steps; no 告知 and no 执行, as the reader said"),
}


def test_missing_stage_on_a_thirty_eighth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_38.json", THIRTY_EIGHTH, 13, 127)
    assert (sum(real for _, real, _ in THIRTY_EIGHTH.values()), len(THIRTY_EIGHTH)) == (10, 12)
    offices = scratch.read("MATCH (d:Department)-[:HOLDS]->(p:Power) WHERE p.unit IN ['林业工作站', '武装部'] "
                           "RETURN DISTINCT d.name AS d")
    assert [r["d"] for r in offices] == ["婺源县江湾镇人民政府"]  # 责任主体（内设机构）: the township's own offices


# As measured, on the rule as the thirty-eighth sample left it: 8 real of 24. 霍山's three-row header ends in 环节 | 内容 under
# a 责任事项 its last row does not repeat: the 内容 was kept as an extra column and the item's rows, one a stage, were a power
# each (16 false). Mended (a content column right of the stage column is the duties): 9 of 9. 坡子街街道 writes each record
# as a block of field | value rows: refused as measured; read since (importers/blocks.py): 10 of 10.
THIRTY_NINTH: dict[str, tuple[list[str], bool, str]] = {
    "建设工程规划许可证核发": (["事后监管"], True, "霍山, one row a stage under a three-row header"),
    "渔业捕捞许可（近海大中型渔船以外的渔业捕捞许可）": (["事后监管"], True, "鄞州"),
    "食品经营许可（延续）": (["送达"], True, "沧州's sub-item"),
    "乡村建设规划许可证核发": (["事后监管"], True, "霍山"),
    "大型宗教活动审批（在宗教活动场所外举行大型宗教活动审批）": (["送达"], True, "湘西's sub-item"),
    "人力资源服务许可（经营性人力资源服务机构从事职业中介活动许可（变更、注销））": (["事后监管"], True, "福建's sub-item"),
    "道路货物运输经营许可": (["事后监管"], True, "沧州"),
    "特种设备使用登记": (["决定"], True, "杭锦后旗"),
    "大型宗教活动审批（超过宗教活动场所容纳规模的大型宗教活动审批）": (["送达"], True, "湘西's sub-item"),
    "对随地吐痰、便溺，乱扔果皮、纸屑和烟头等废弃物的处罚": (["送达"], True, "坡子街, a block of field | value rows"),
    # since the forty-second sample: its 事前 | 事中 | 事后 columns each a part of the duties (受理 | 审查、决定 | 施工监管)
    "涉路施工许可（占用、挖掘公路或者使公路改线审批）": (["送达"], True, "长阳's sub-item"),
    "涉路施工许可（跨越、穿越公路修建桥梁、渡槽或者架设、埋设管道、电缆等设施审批）": (["送达"], True, "长阳's sub-item"),
    "公路超限运输许可（在县道、乡道上超限行驶许可）": (["送达"], True, "长阳: its unheaded 「…一次性告知」 now read as its 受理 and 「…作出许可决定」 as its decision: no 送达 of the permit, as the reader said"),
    # found since a duty that is a chain of steps (「受理—审查—决定—送达」, 「立案→调查取证→审查→决定→送达→执行」) names
    # them and is checked (the thirty-fourth session); asked for by its reader
    "馆藏一级文物以外文物修复、复制、拓印审批": (["事后监管"], True, "山西省文物局"),
}


def test_missing_stage_on_a_thirty_ninth_sample_judged_blind(scratch, tmp_path):
    # (120 records: 霍山's 征收土地闲置费, 调查认定 | 决定 | 征收 a row each, is one record since the fiftieth sample)
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_39.json", THIRTY_NINTH, 13, 120)
    assert (sum(real for _, real, _ in THIRTY_NINTH.values()), len(THIRTY_NINTH)) == (14, 14)
    bureau = scratch.read("MATCH (d:Department)-[:HOLDS]->(p:Power {name: '饮用水供水单位卫生许可'}) RETURN d.name AS d")
    assert [r["d"] for r in bureau] == ["瑞金市卫生健康委员会"]  # its 卫生健康综合监督执法局: the department's own


# As measured, on the rule as the thirty-ninth sample left it: 2 real of 4, and 周庄镇's list refused (blocks of field | value
# rows under 【1】, 【2】 …). 宁乡 writes an item's next law and next duty a row, the other cells blank: the rows were dropped,
# its permit left with its first duty (false 审查, 决定); its 教师资格认定 lists its stages with notes in brackets longer
# than a stage's (「送达责任（颁发教师资格证书）」): not read as listed (false). Mended: 2 of 2; 周庄镇 read (its place, merged
# away in the 2023 divisions, kept below 昆山市).
FORTIETH: dict[str, tuple[list[str], bool, str]] = {
    "对生产、销售没有注册商标的卷烟、雪茄烟、有包装的烟丝的行政处罚": (["审查", "告知", "决定", "送达", "执行"], True, (
        "玉溪: only 立案 and 调查取证 filled in, the other stage columns blank")),
    "河道管理范围内建设项目工程建设方案审批": (["送达"], True, "襄阳: 受理 → 审查 → 决定 → 事后监管"),
    "建设项目环境影响评价文件审批": (["送达"], True, "黔东南: its unheaded steps now read (一次性告知, 作出…批准); no 送达 of the approval, as the reader said"),
}


def test_missing_stage_on_a_fortieth_sample_judged_blind(scratch, tmp_path):
    # (「第 1 页，共 1 页」 is no power; 双流's fourth 子项, under a header whose fields are on its third row, is one)
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_40.json", FORTIETH, 15, 116)
    assert (sum(real for _, real, _ in FORTIETH.values()), len(FORTIETH)) == (3, 3)
    town = scratch.read("MATCH (j:Jurisdiction)<-[:WITHIN]-(t:Jurisdiction {name: '昆山市周庄镇'}) RETURN j.name AS j")
    assert [r["j"] for r in town] == ["昆山市"]
    permit = scratch.read("MATCH (p:Power) WHERE p.name STARTS WITH '实施中等及中等以下学历教育' "
                          "RETURN p.basis_text AS basis, size([(p)-[:HAS_RESPONSIBILITY]->(r) | r]) AS duties")
    assert [(r["basis"].count("\n"), r["duties"]) for r in permit] == [(2, 5)]  # 宁乡: three laws, five duties


# As measured, on the rule as the fortieth sample left it: 2 real of 3, 扎鲁特旗's list refused (a record a column: 项目 |
# 事项1 | 事项2 …), 黔南州's refused (a header of three rows: its 子项 column unread), 宽城's department named 「表一宽城…」.
# The false one: 阿拉善's penalty whose stage columns each say 「同第5项」, read as written. Mended: 2 of 2.
FORTY_FIRST: dict[str, tuple[list[str], bool, str]] = {
    "雷电防护装置竣工验收": (["事后监管"], True, "阿拉善: its 执行（事后监管） column blank"),
    "医师执业注册": (["事后监管"], True, "番禺"),
    # found since a duty that is a chain of steps (「受理—审查—决定—送达」, 「立案→调查取证→审查→决定→送达→执行」) names
    # them and is checked (the thirty-fourth session); asked for by its reader
    "公路超限运输许可（旗县道）": (["事后监管"], True, "扎鲁特旗交通运输局"),
}


def test_missing_stage_on_a_forty_first_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_41.json", FORTY_FIRST, 15, 119)
    assert (sum(real for _, real, _ in FORTY_FIRST.values()), len(FORTY_FIRST)) == (3, 3)
    turned = scratch.read("MATCH (p:Power) WHERE p.source_file ENDS WITH '扎鲁特旗交通运输局权责清单.csv' "
                          "RETURN p.name AS p, p.source_row AS col ORDER BY col")
    assert len(turned) == 8 and turned[0]["p"].startswith("道路货物运输经营许可") and turned[0]["col"] == 2
    subs = scratch.read("MATCH (d:Department {name: '黔南布依族苗族自治州医疗保障局'})-[:HOLDS]->(p:Power) "
                        "WHERE p.sub_item_name <> '' RETURN count(p) AS n")
    assert subs[0]["n"] == 2  # its 子项 column, under a header of three rows
    assert scratch.read("MATCH (d:Department) WHERE d.name STARTS WITH '表' RETURN count(d) AS n")[0]["n"] == 0


# As measured, on the rule as the forty-first sample left it: 5 real of 12. 吴忠 heads its duties 责任事项（事前） |
# 责任事项（事中） | 责任事项（事后), the first cell headed 受理 and the others in prose: read as one duty headed 受理, the
# rest unread (five false); 友谊路 spreads a record over rows, each with its next duty, 问责 and basis (dropped: two
# false); 崇明 publishes its 权力清单 and its 责任清单 as two tables on one sheet (the second read as typeless items),
# 靖远 one row a stage with each stage's own 追责 (a power a row), 珲春's sub-items. Mended: a phase's column is duties of
# its own under its phase's name, a duty in prose names every step it mentions (not another step's decision), 核发 /
# 颁发 a certificate is its 送达, 「依法受理」 opens with 受理; the rows of a record spread over rows join it; a typeless
# table of the same items joins the power table; a stage's row's own 追责 stays with it: 6 of 6.
FORTY_SECOND: dict[str, tuple[list[str], bool, str]] = {
    "危险废物经营许可证核发": (["送达", "事后监管"], True, "吴忠: 「依法受理申请」 | 「审查、现场核查、作出决定」 | (事后 blank)"),
    "医疗机构制剂配制许可及制剂注册（1.医疗机构制剂许可证核发2.医疗机构制剂注册）": (["事后监管"], True, "海南"),
    "对施工单位偷工减料或不按图施工的行政处罚": (["送达"], True, "本溪: its 送达 column blank"),
    "人力资源服务许可": (["事后监管"], True, "西藏"),
    "商品房预售许可": (["送达"], True, "本溪"),
    "第二类医疗器械产品注册": (["事后监管"], True, "海南"),
}


def test_missing_stage_on_a_forty_second_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_42.json", FORTY_SECOND, 15, 121)
    assert (sum(real for _, real, _ in FORTY_SECOND.values()), len(FORTY_SECOND)) == (6, 6)
    joined = scratch.read("MATCH (d:Department {name: '上海市崇明区农业农村委员会'})-[:HOLDS]->(p:Power) "
                          "RETURN count(p) AS n, count(CASE WHEN p.type = '' OR p.type IS NULL THEN 1 END) AS typeless")
    assert (joined[0]["n"], joined[0]["typeless"]) == (11, 0)  # its 责任清单's rows joined to its 权力清单's items
    staged = scratch.read("MATCH (p:Power) WHERE p.source_file ENDS WITH '靖远县司法局权责清单.csv' RETURN count(p) AS n")
    assert staged[0]["n"] == 7  # one row a stage, each with its own 追责: one power each


# As measured, on the rule as the forty-second sample and its review left it: 4 real of 11, two lists refused and one read
# short. 兴安盟 writes one row a stage with the item's name and type again but its 序号 only once (a power a row: seven
# false); 吉林's note closes with a numbered second line (「2.“承办机构”为…」, read as a record without a name: refused);
# 孔村镇's 填表人： | 审核人： | 联系电话： under the table (the same); 喀什's sheets, one a type, head the duties 责任内容 (three
# sheets skipped); 天河's header of three rows with a group row in the middle; 南院门's type written once over its group.
# Mended: 7 of 7.
FORTY_THIRD: dict[str, tuple[list[str], bool, str]] = {
    "外国人来华工作许可（外国人来华工作许可延期、变更、注销）": (["事后监管"], True, "浙江's sub-item"),
    "教师资格认定（幼儿园、小学、初级中学教师资格认定）": (["事后监管"], True, "天河"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "安吉: its 事后监管 column blank"),
    "对公共场所经营者未依法取得卫生许可证擅自营业的处罚": (["执行"], True, "喀什, a sheet a type"),
    "放射诊疗许可": (["事后监管"], True, "喀什: 「同上」 the 医师执业注册's"),
    "医师执业注册": (["事后监管"], True, "喀什"),
    "特种设备使用登记": (["事后监管"], True, "兴安盟"),
    "固定资产投资项目节能审查": (["送达"], True, "大连: 「一次性告知」 its 受理, 「出具审查意见」 its decision; no 送达 of the opinion, as the reader said"),
}


def test_missing_stage_on_a_forty_third_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_43.json", FORTY_THIRD, 14, 118)
    assert (sum(real for _, real, _ in FORTY_THIRD.values()), len(FORTY_THIRD)) == (8, 8)
    penalty = scratch.read("MATCH (p:Power {name: '对生产经营不符合食品安全标准的食品等行为的处罚'}) "
                           "RETURN size([(p)-[:HAS_RESPONSIBILITY]->(r) | r]) AS duties")
    assert [r["duties"] for r in penalty] == [7]  # one row a stage, its 序号 written once: one power


# As measured, on the rule as the forty-third sample left it: 15 real of 15, two lists refused (北川's 职权事项 and
# 履职要求（责任事项）; 安化's 【行政许可】食品经营许可 names with their type in brackets and duties in 事前责任 | 事中责任 |
# 事后责任): both read since, no finding added or lost.
FORTY_FOURTH: dict[str, tuple[list[str], bool, str]] = {
    "建设项目使用林地审核审批": (["送达", "事后监管"], True, "黔西南"),
    "医师执业注册": (["送达", "事后监管"], True, "准格尔旗"),
    "涉路施工许可（占用、挖掘公路、公路用地或者使公路改线审批）": (["送达"], True, "江西's sub-item"),
    "互联网上网服务营业场所经营单位设立审批": (["事后监管"], True, "汉中"),
    "母婴保健技术服务机构执业许可（婚前医学检查、结扎手术和终止妊娠手术）": (["事后监管"], True, "准格尔旗"),
    "涉路施工许可（利用公路桥梁、公路隧道、涵洞铺设电缆等设施审批）": (["送达"], True, "江西's sub-item"),
    "对非法社会组织的取缔": (["告知"], True, "福建 (the reader: 审查 too)"),
    "涉路施工许可（在公路用地范围内架设、埋设管道、电缆等设施审批）": (["送达"], True, "江西's sub-item"),
    "市级文物保护单位建设控制地带内建设工程设计方案审批": (["送达"], True, "汉中"),
    "民办非企业单位（社会服务机构）成立、变更、注销登记": (["事后监管"], True, "福建"),
    "涉路施工许可": (["送达"], True, "江西"),
    "动物防疫条件合格证核发": (["事后监管"], True, "和田"),
    "涉路施工许可（在公路上增设或者改造平面交叉道口审批）": (["送达"], True, "江西's sub-item"),
    "公墓建立审批": (["送达"], True, "福建"),
    "涉路施工许可（跨越、穿越公路修建桥梁、渡槽或者架设、埋设管道、电缆等设施审批）": (["送达"], True, "江西's sub-item"),
}


def test_missing_stage_on_a_forty_fourth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_44.json", FORTY_FOURTH, 15, 129)
    assert (sum(real for _, real, _ in FORTY_FOURTH.values()), len(FORTY_FOURTH)) == (15, 15)
    typed = scratch.read("MATCH (p:Power) WHERE p.source_file ENDS WITH '安化县市场监督管理局权责清单.csv' "
                         "RETURN p.name AS name, p.type AS type ORDER BY p.source_row LIMIT 1")
    assert [(r["name"], r["type"]) for r in typed] == [("食品经营许可", "行政许可")]  # 【行政许可】食品经营许可


# As measured: 6 real of 7. 连南's 筹备设立宗教活动场所审核（初审）, whose name says its level reviews first, was asked for 决定 and
# 送达; 山东's 表二：责任清单 (对应权力序号 3-1, 4 …) and 新罗区's 责任清单 sheet (权力编码, a sub-item's XLJT-XK-003-01) joined
# no item whose name differed, and 塔城's duties (职责边界) were not read; 「作出核发决定」 was read as issuing the licence.
FORTY_FIFTH: dict[str, tuple[list[str], bool, str]] = {
    "使用林地审核审批（（1）建设项目使用林地审核）": (["送达"], True, "湖南省林业局's sub-item"),
    "对随地吐痰、乱扔废弃物、乱涂乱画、未经批准张贴宣传品等影响市容环境卫生行为的行政处罚": (["告知"], True, "桂林街道"),
    "代为补种树木、恢复植被和林业生产条件": (["催告"], True, "湖南省林业局 (行政强制法 第三十五条)"),
    "特种设备使用登记": (["送达"], True, "灵宝: a number assigned, no certificate issued"),
    "强行拆除河道管理范围内妨碍行洪的建筑物、构筑物": (["催告"], True, "遵义: 公告, no 催告"),
    "建设用地规划许可证核发（出让方式）": (["送达"], True, "塔城's 同上"),
    "对体育赛事活动组织者违法行为的行政处罚": (["告知"], True, "山东's 表二, joined by 对应权力序号 4"),
    "建设用地规划许可证核发（划拨方式）": (["送达"], True, "塔城: 「作出核发决定」 decides, issues nothing"),
    "对公共场所经营单位违反卫生管理规定的行政处罚": (["告知"], True, "科尔沁左翼中旗"),
}


def test_missing_stage_on_a_forty_fifth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_45.json", FORTY_FIFTH, 13, 106)
    assert (sum(real for _, real, _ in FORTY_FIFTH.values()), len(FORTY_FIFTH)) == (9, 9)
    # the duty tables joined to their items: by 对应权力序号 (山东: 3-1 the first sub-item of 3), by code (新罗区)
    joined = scratch.read("MATCH (p:Power) WHERE p.department IN ['山东省体育局', '龙岩市新罗区交通运输局'] "
                          "RETURN p.department AS d, p.name AS name, p.type AS type, "
                          "size([(p)-[:HAS_RESPONSIBILITY]->(r) | r]) > 0 AS duties ORDER BY d, p.position")
    assert all(r["type"] and r["duties"] for r in joined), joined
    assert [r["name"] for r in joined if r["d"] == "山东省体育局"][2:4] == [
        "对兴奋剂违法行为的行政处罚（3-1 对组织、强迫、欺骗、教唆、引诱运动员在体育运动中使用兴奋剂的处罚）",
        "对兴奋剂违法行为的行政处罚（3-2 对向运动员提供或者变相提供兴奋剂的处罚）"]


# As measured (the rule as the forty-fifth sample left it): 15 real of 15. 宁夏's 责任清单 sheet names each item by its code
# alone (权力编码 | 责任事项 | …, no name column; 「NXMZ-XK-001（含子项）」): skipped, and its nine items read without duties;
# 滕州's 扣留机动车, 「滕州市公安局交通警察大队」, a department of its own. After, these sixteen, each real (宁夏's 基金会 penalty).
FORTY_SIXTH: dict[str, tuple[list[str], bool, str]] = {
    "对生产经营单位主要负责人未履行安全生产管理职责的处罚": (["告知"], True, "怒江州应急管理局"),
    "建设工程规划许可证核发": (["送达"], True, "沅陵: 送达 in its 运行流程 column only"),
    "生产建设项目水土保持方案审批": (["送达"], True, "绥化: its 送达 column empty"),
    "对基金会违法行为的行政处罚": (["告知"], True, "宁夏's duty table, joined by its code"),
    "排污许可证核发（（1）首次申请（2）变更、延续（3）注销）": (["送达"], True, "阿里: a column a record"),
    "举办健身气功活动及设立站点审批（（1）举办健身气功活动审批（2）设立健身气功站点审批）": (["送达"], True, "泰州"),
    "动物防疫条件合格证核发": (["送达"], True, "乌审旗"),
    "对擅自从事营业性演出经营活动的处罚": (["告知"], True, "建德"),
    "对未经审核同意擅自改变林地用途的处罚": (["告知"], True, "青海省林业和草原局"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["告知"], True, "绥化 (the reader: 审查 too)"),
    "文艺表演团体设立审批": (["送达"], True, "建德"),
    "对开办动物饲养场等场所未取得动物防疫条件合格证的处罚": (["告知"], True, "乌审旗 (the reader: 审查 too)"),
    "对未经批准非法占用土地的处罚": (["告知"], True, "沅陵"),
    "大型群众性活动安全许可": (["送达"], True, "滕州"),
    "对定点医药机构分解住院、挂床住院等造成医疗保障基金损失的处罚": (["告知"], True, "洪雅"),
    "对高危险性体育项目经营者取得许可证后不再符合规定条件仍经营该项目的处罚": (["告知"], True, "泰州"),
    "对随意倾倒、抛撒、堆放生活垃圾的处罚": (["立案", "告知"], True, "北京街道: its numbered steps now read (「…依法立案」 and the rest); no 立案 of its own and no 告知 before the decision, as the reader said"),
    # found since a duty that is a chain of steps (「受理—审查—决定—送达」, 「立案→调查取证→审查→决定→送达→执行」) names
    # them and is checked (the thirty-fourth session); asked for by its reader
    "对殴打他人或者故意伤害他人身体的处罚": (["告知"], True, "滕州市公安局"),
}


def test_missing_stage_on_a_forty_sixth_sample_judged_blind(scratch, tmp_path):
    # (140 records since the fifty-sixth sample's readings: 沅陵's 行使层级 over 省 | 市 | 县 is a header of two rows, so that its
    # 主项 | 子项 row is no record and 不动产登记's five sub-items and 建设用地规划许可's two are each read; 136 before)
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_46.json", FORTY_SIXTH, 13, 140)
    assert (sum(real for _, real, _ in FORTY_SIXTH.values()), len(FORTY_SIXTH)) == (18, 18)
    # 宁夏's 责任清单 of codes joined to its items (an item's code with 「（含子项）」: the item and its sub-items)
    bare = scratch.read("MATCH (p:Power {department: '宁夏回族自治区民政厅'}) "
                        "WHERE NOT EXISTS { (p)-[:HAS_RESPONSIBILITY]->() } RETURN p.name AS name")
    assert bare == []
    assert scratch.read("MATCH (p:Power {name: '扣留机动车'}) RETURN p.department AS d") == [{"d": "滕州市公安局"}]


# As measured (the rule as the forty-sixth sample left it): 16 real of 16 — the third sample at 100 % as it came. 贵州 was
# refused (its export's headers are a database's field names before the words: 「QLMC（权力名称）」); 牡丹江's 责任清单 names
# each item by 对应权力编号, the 权力清单's 编号 (MQX-XK-01), one item's two sub-items by one 编号 on two rows: nine items read
# without duties. (德清's 法律援助中心 is a body of its own, as 广安's is: 14 departments.) After, these twenty-three, each real.
FORTY_SEVENTH: dict[str, tuple[list[str], bool, str]] = {
    "对逾期不改正的违法建设予以拆除": (["催告"], True, (
        "栾川县潭头镇: a demolition, no 催告 (行政强制法 第三十五条; since the sixtieth sample)")),
    "宗教团体、宗教院校、宗教活动场所接受境外组织和个人捐赠审批": (["事后监管"], True, "贵州, read since"),
    "农药经营许可证核发（限制使用农药除外）（1）农药经营许可证新办（2）农药经营许可证变更（3）农药经营许可证延续": (
        ["送达"], True, "眉县: its sub-items in one cell"),
    "对伪造、变造、买卖、租借采伐许可证的处罚": (["告知"], True, "云南"),
    "对受援人以欺骗或者其他不正当手段获得法律援助的处罚": (["告知"], True, "德清"),
    "食品经营许可": (["事后监管"], True, "利川"),
    "取水许可": (["送达"], True, "灵川"),
    "对宗教团体、宗教院校、宗教活动场所违反《宗教事务条例》有关规定的处罚（对违背宗教的独立自主自办原则的处罚）": (
        ["告知"], True, "贵州's sub-item"),
    "对宗教团体、宗教院校、宗教活动场所违反《宗教事务条例》有关规定的处罚": (["告知"], True, "贵州's item"),
    "对宗教团体、宗教院校、宗教活动场所违反《宗教事务条例》有关规定的处罚（对未按规定办理变更登记或者备案手续的处罚）": (
        ["告知"], True, "贵州's sub-item"),
    "建设项目环境影响评价文件审批（（2）环境影响报告表审批）": (["事后监管"], True, "海西: its 事后 column empty"),
    "对逾期不清理、拆除的违法户外设施代履行": (["催告"], True, "汶河街道"),
    "对宗教团体、宗教院校、宗教活动场所违反《宗教事务条例》有关规定的处罚（对违反国家有关规定接受境内外捐赠的处罚）": (
        ["告知"], True, "贵州's sub-item"),
    "使用林地审核": (["送达"], True, "云南"),
    "对非法向社会发布公众气象预报、灾害性天气警报等行为的处罚": (["告知"], True, "牡丹江, joined by 对应权力编号"),
    "强行拆除妨碍行洪的违法建筑物、构筑物": (["催告"], True, "灵川"),
    "建设项目环境影响评价文件审批": (["事后监管"], True, "海西"),
    "对单位违反消防设施、疏散通道等管理规定的处罚（1.消防设施、器材或者消防安全标志的配置、设置不符合标准，或者未保持完好有效的；"
    "2.损坏、挪用或者擅自拆除、停用消防设施、器材的；3.占用、堵塞、封闭疏散通道、安全出口或者有其他妨碍安全疏散行为的；"
    "4.埋压、圈占、遮挡消火栓或者占用防火间距的；5.占用、堵塞、封闭消防车通道，妨碍消防车通行的；"
    "6.人员密集场所在门窗上设置影响逃生和灭火救援的障碍物的；7.对火灾隐患经消防救援机构通知后不及时采取措施消除的）": (
        ["告知"], True, "巴彦淖尔: seven sub-items in one cell"),
    "对违反城市市容环境卫生管理规定行为的处罚": (["告知"], True, "汶河街道"),
    "农村村民宅基地审批": (["事后监管"], True, "潭头镇"),
    "建设项目环境影响评价文件审批（（1）环境影响报告书审批）": (["事后监管"], True, "海西"),
    "升放无人驾驶自由气球或者系留气球活动审批": (["事后监管"], True, "牡丹江, joined by 对应权力编号"),
    "对个人违法使用医疗保障基金的处罚": (["告知"], True, "六安"),
    "对民办学校违法办学行为的处罚": (["告知"], True, "晋安区"),
}


def test_missing_stage_on_a_forty_seventh_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_47.json", FORTY_SEVENTH, 14, 135)
    assert (sum(real for _, real, _ in FORTY_SEVENTH.values()), len(FORTY_SEVENTH)) == (24, 24)
    # 牡丹江's 责任清单 joined by 对应权力编号: MQX-XK-02 named on two rows, its two sub-items one each
    rows = scratch.read("MATCH (p:Power {department: '牡丹江市气象局'}) WHERE p.sub_item_name <> '' "
                        "AND p.item_name = '雷电防护装置设计审核和竣工验收' "
                        "RETURN p.sub_item_name AS sub, [(p)-[:HAS_RESPONSIBILITY]->(r) | r.text] AS duties ORDER BY sub")
    assert [(r["sub"], any("设计审核申请书" in d for d in r["duties"]), any("竣工验收申请" in d for d in r["duties"]))
            for r in rows] == [("（1）雷电防护装置设计审核", True, False), ("（2）雷电防护装置竣工验收", False, True)]


# As measured (the rule as the forty-seventh sample left it): 20 real of 20 — the fourth sample at 100 % as it came. Two
# lists were refused: 大兴安岭's export names its columns by a database's codes alone (QL_BM | QLMC | QLLX_MC | SDYJ | ZRSX
# | ZZQX | SSZT …), and 长兴's signatures under its table (编制人： | 审核人： | 分管领导：) were read as a record. Read since:
# these twenty-four, each real. 武冈's 「治安管理大队」, a 公安局's corps named without its place, is the 公安局's own.
# Then 大兴安岭's sub-items, named by their item's code (SJ_BM) with their cells 「同主项」 or blank, read as the item's
# sub-items with its duties (the reader: 「子项沿用主项责任事项」): five more, each real — 29 of 29.
FORTY_EIGHTH: dict[str, tuple[list[str], bool, str]] = {
    "对无资质或者超越资质许可范围从事雷电防护装置设计、施工、检测等行为的处罚": (["告知", "送达"], True, "铁岭市气象局"),
    "对未遵守药品生产质量管理规范、药品经营质量管理规范等的处罚": (["告知"], True, "内蒙古自治区药品监督管理局"),
    "强制拆除公路用地范围内非公路标志及建筑控制区内违法建筑物、构筑物": (["催告"], True, "大兴安岭地区交通运输局"),
    "在宗教活动场所内改建或者新建建筑物审批": (["事后监管"], True, "贵阳市花溪区民族宗教事务局"),
    "对单位占用、堵塞、封闭疏散通道、安全出口的处罚": (["告知"], True, "青秀区新竹街道办事处"),
    "乡村建设规划许可证核发（农村村民住宅建设）": (["事后监管"], True, "射阳县合德镇人民政府"),
    "母婴保健技术服务机构执业许可": (["事后监管"], True, "黄南藏族自治州卫生健康委员会"),
    "对未遵守药品生产质量管理规范、药品经营质量管理规范等的处罚（对未遵守药品生产质量管理规范的处罚）": (["告知"], True, "内蒙古自治区药品监督管理局"),
    "对未遵守药品生产质量管理规范、药品经营质量管理规范等的处罚（对未遵守药品经营质量管理规范的处罚）": (["告知"], True, "内蒙古自治区药品监督管理局"),
    "乡村建设规划许可证核发": (["事后监管"], True, "射阳县合德镇人民政府"),
    "对危害人民防空工程及人民防空通信、警报设施等行为的处罚": (["送达"], True, "江西省人民防空办公室"),
    "对医疗机构违反传染病防治法律规定的处罚": (["告知"], True, "黄南藏族自治州卫生健康委员会"),
    "对未遵守药品生产质量管理规范、药品经营质量管理规范等的处罚（对药物临床试验机构未遵守药物临床试验质量管理规范的处罚）": (["告知"], True, "内蒙古自治区药品监督管理局"),
    "道路旅客运输经营许可（市际、县际）": (["事后监管"], True, "大兴安岭地区交通运输局"),
    "升放无人驾驶自由气球或者系留气球活动审批": (["事后监管"], True, "铁岭市气象局"),
    "对擅自设立宗教活动场所、非宗教活动场所组织举行宗教活动等的处罚": (["告知"], True, "贵阳市花溪区民族宗教事务局"),
    "乡村建设规划许可证核发（乡镇企业、乡村公共设施和公益事业建设）": (["事后监管"], True, "射阳县合德镇人民政府"),
    "对施工单位未对建筑材料、建筑构配件、设备和商品混凝土进行检验等行为的处罚": (["告知"], True, "临朐县住房和城乡建设局"),
    "商品房预售许可": (["事后监管"], True, "临朐县住房和城乡建设局"),
    "取水许可": (["送达"], True, "长兴县水利局"),
    "对擅自占用、挖掘公路等违反公路管理规定行为的处罚": (["告知"], True, "大兴安岭地区交通运输局"),
    "对统计调查对象迟报统计资料或者未按照国家有关规定设置原始记录、统计台账的处罚": (["告知"], True, "自贡市统计局"),
    "人民防空工程拆除审批": (["事后监管"], True, "江西省人民防空办公室"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照许可证规定进行建设的强制拆除": (["催告"], True, "射阳县合德镇人民政府"),
    "强制拆除公路用地范围内非公路标志及建筑控制区内违法建筑物、构筑物（强制拆除公路用地范围内设置的非公路标志）": (
        ["催告"], True, "大兴安岭地区交通运输局"),
    "强制拆除公路用地范围内非公路标志及建筑控制区内违法建筑物、构筑物（强制拆除公路建筑控制区内修建的建筑物、地面构筑物及管线、电缆等设施）": (
        ["催告"], True, "大兴安岭地区交通运输局"),
    "对擅自占用、挖掘公路等违反公路管理规定行为的处罚（对擅自占用、挖掘公路的处罚）": (["告知"], True, "大兴安岭地区交通运输局"),
    "对擅自占用、挖掘公路等违反公路管理规定行为的处罚（对铁轮车、履带车和其他可能损害路面的机具擅自在公路上行驶的处罚）": (
        ["告知"], True, "大兴安岭地区交通运输局"),
    "对擅自占用、挖掘公路等违反公路管理规定行为的处罚（对车辆在公路上擅自超限行驶的处罚）": (["告知"], True, "大兴安岭地区交通运输局"),
    # 武冈's tables a type (the fiftieth sample's readings: the 许可 table's type from its group row above its header,
    # the 处罚 table's 违法行为 | 处罚依据 its item and basis): two more, each real — 31 of 31
    "大型群众性活动安全许可": (["送达", "事后监管"], True, "武冈市公安局"),
    "饮酒后驾驶机动车": (["告知"], True, "武冈市公安局"),
}


def test_missing_stage_on_a_forty_eighth_sample_judged_blind(scratch, tmp_path):
    # (武冈's tables a type are read by their headers since the fiftieth sample — 违法行为, 强制名称, 确认事项 | 子项 — its
    # twelve records as the reader read them: 户口登记's three sub-items, no header taken for a record)
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_48.json", FORTY_EIGHTH, 13, 158)
    assert (sum(real for _, real, _ in FORTY_EIGHTH.values()), len(FORTY_EIGHTH)) == (31, 31)
    coded = scratch.read("MATCH (p:Power {department: '大兴安岭地区交通运输局'}) RETURN count(p) AS n, "
                         "count(p.basis_text) AS basis, count(p.holder) AS holder, "
                         "count(CASE WHEN p.sub_item_name <> '' THEN 1 END) AS sub_items, "
                         "count(CASE WHEN p.sub_item_name <> '' AND NOT (p)-[:HAS_RESPONSIBILITY]->() THEN 1 END) AS bare")
    # QLMC, SDYJ, SSZT … read by their codes; nine sub-items under their items (SJ_BM), none without duties
    assert coded == [{"n": 17, "basis": 17, "holder": 17, "sub_items": 9, "bare": 0}]


# As measured (the rule as the forty-eighth sample and 大兴安岭's sub-items left it): 19 real of 19 — as the three before it, at
# 100 % as it came. 贵州's export was refused (English column codes: ITEM_NAME | LEGAL_BASIS | DUTY_DESC | IMPL_ORG …), 长葛's
# footnote (备注： | 1.事项编码采用…) was read as three untyped records, and 花园街道's 职责边界 layout (街道职责 | 区直部门职责,
# its 类别 written once over each group) lost the street's duties and the types below each group's first row. Read since:
# these twenty-two, each real.
FORTY_NINTH: dict[str, tuple[list[str], bool, str]] = {
    "医疗机构设置审批和执业登记（医疗机构校验）": (["送达", "事后监管"], True, "如皋市卫生健康委员会"),
    "对医师在执业活动中未按照规定履行告知义务或者取得知情同意等行为的处罚": (["送达"], True, "如皋市卫生健康委员会"),
    "医疗机构设置审批和执业登记（医疗机构设置审批（按规定权限））": (["事后监管"], True, "如皋市卫生健康委员会"),
    "农作物种子生产经营许可证核发（主要农作物常规种子、非主要农作物种子）": (["事后监管"], True, "巴音郭楞蒙古自治州农业农村局"),
    "对擅自占用、挖掘公路的处罚": (["送达"], True, "贵州省交通运输厅"),
    "扣留机动车驾驶证": (["事后监管"], True, "汕尾市公安局"),
    "对滥伐林木的处罚": (["送达"], True, "伊春市林业和草原局"),
    "跨省超限运输车辆行驶公路许可": (["送达"], True, "贵州省交通运输厅"),
    "乡村建设规划许可证核发": (["送达"], True, "东港市自然资源局"),
    "爆破作业单位许可证（非营业性）核发": (["事后监管"], True, "汕尾市公安局"),
    "河道管理范围内建设项目工程建设方案审批": (["送达"], True, "长葛市水利局"),
    "对通过暗管、渗井、渗坑、灌注或者篡改、伪造监测数据等逃避监管的方式排放水污染物的处罚": (["告知"], True, "安徽省生态环境厅"),
    "烟花爆竹经营（批发）许可": (["送达"], True, "金昌市应急管理局"),
    "对民办学校违法办学行为的处罚": (["告知"], True, "长沙市岳麓区教育局"),
    "对饮酒后驾驶机动车的处罚": (["执行"], True, "汕尾市公安局"),
    "农村村民宅基地审批": (["送达"], True, "黟县宏村镇人民政府"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的处罚": (["告知"], True, "南岗区花园街道办事处"),
    "商品房预售许可": (["事后监管"], True, "土默特右旗住房和城乡建设局"),
    "临时使用林地审批": (["送达"], True, "伊春市林业和草原局"),
    "辐射安全许可证核发": (["送达"], True, "安徽省生态环境厅"),
    "对发生生产安全事故负有责任的生产经营单位的处罚": (["告知"], True, "金昌市应急管理局"),
    "对建设单位将建设工程发包给不具有相应资质等级的勘察、设计、施工单位或者委托给不具有相应资质等级的工程监理单位的处罚": (["执行"], True, "土默特右旗住房和城乡建设局"),
}


def test_missing_stage_on_a_forty_ninth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_49.json", FORTY_NINTH, 13, 133)
    assert (sum(real for _, real, _ in FORTY_NINTH.values()), len(FORTY_NINTH)) == (22, 22)
    # 贵州's sub-items under their PARENT_CODE, with the item's duties; 花园街道's duties are the street's, the district's
    # beside them as a field of their own
    rows = scratch.read("MATCH (p:Power) WHERE p.department IN ['贵州省交通运输厅', '南岗区花园街道办事处'] "
                        "RETURN p.department AS d, count(p) AS n, count(CASE WHEN p.sub_item_name <> '' THEN 1 END) AS subs, "
                        "count(CASE WHEN (p)-[:HAS_RESPONSIBILITY]->() THEN 1 END) AS with_duties, "
                        "count(p.`x_区直部门职责`) AS district ORDER BY d")
    assert rows == [{"d": "南岗区花园街道办事处", "n": 9, "subs": 0, "with_duties": 9, "district": 9},
                    {"d": "贵州省交通运输厅", "n": 10, "subs": 2, "with_duties": 10, "district": 0}]


# As measured (the rule as the forty-ninth sample left it): 16 real of 40. 海北's list gives each stage a row of its own
# (环节序号 | 责任环节 | 责任事项, the item written again on every row, its 追责情形 a last "stage" row): the 环节序号 made
# each row a record of its own, 24 false findings of "missing" stages that were on the rows beside. Refused or lost
# besides: 太仆寺旗's sheets a type with no type column (行政许可 | 行政给付's 给付事项 | 行政确认's 确认事项), 沙依巴克区's 追究
# 责任 over 情形 | 依据 (a two-row header without its merge), 陕西's DUTY_CONTENT, 普洱's 职权类别 written once over each
# group beside a code. Read since: these twenty-two, each real.
FIFTIETH: dict[str, tuple[list[str], bool, str]] = {
    "对赌博的处罚": (["告知", "送达"], True, "宁远县公安局"),
    "对非法开垦草原的处罚": (["告知"], True, "海北藏族自治州林业和草原局"),
    "巡游出租汽车经营许可": (["送达"], True, "庆阳市交通运输局"),
    "超限运输车辆行驶公路许可": (["事后监管"], True, "庆阳市交通运输局"),
    "特种设备使用登记": (["送达"], True, "辽阳市市场监督管理局"),
    "对用人单位使用童工的处罚": (["告知"], True, "罗定市人力资源和社会保障局"),
    "对粮食经营者违反粮食质量安全管理规定的处罚": (["告知"], True, "陕西省粮食和物资储备局"),
    "暂扣没有车辆营运证又无法当场提供其他有效证明的车辆": (["执行"], True, "庆阳市交通运输局"),
    "对车辆未经许可擅自超限行驶公路的处罚": (["告知"], True, "庆阳市交通运输局"),
    "排污许可证核发": (["送达"], True, "普洱市生态环境局"),
    "对生产经营不符合食品安全标准的食品的处罚": (["告知"], True, "辽阳市市场监督管理局"),
    "建设项目使用林地审核": (["事后监管"], True, "海北藏族自治州林业和草原局"),
    "对违反《中华人民共和国大气污染防治法》行为的处罚（对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚）": (["告知"], True, "普洱市生态环境局"),
    "对在英雄烈士纪念设施保护范围内从事有损纪念英雄烈士环境和氛围活动的处罚": (["告知"], True, "广东省退役军人事务厅"),
    "对社会团体违反《社会团体登记管理条例》行为的处罚": (["告知"], True, "太仆寺旗民政局"),
    "对建设单位将建设工程发包给不具有相应资质等级的勘察、设计、施工单位或者委托给不具有相应资质等级的工程监理单位的处罚": (["告知"], True, "安岳县住房和城乡建设局"),
    "民办非企业单位（社会服务机构）成立、变更、注销登记": (["送达"], True, "太仆寺旗民政局"),
    "民办职业培训学校设立、分立、合并、变更及终止审批（民办职业培训学校分立、合并、变更审批）": (["送达"], True, "罗定市人力资源和社会保障局"),
    "商品房预售许可": (["送达"], True, "安岳县住房和城乡建设局"),
    "劳务派遣经营许可": (["事后监管"], True, "罗定市人力资源和社会保障局"),
    "对个人未将生活垃圾分别投放至相应标识的收集容器的处罚": (["告知"], True, "海淀区中关村街道办事处"),
    "扣留机动车": (["事后监管"], True, "宁远县公安局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "查封、扣押有证据证明来源非法的林木以及从事破坏森林资源活动的工具、设备或者财物": (["事后监管"], True, "海北藏族自治州林业和草原局"),
    "查封、扣押造成污染物排放的设施、设备": (["事后监管"], True, "普洱市生态环境局"),
}


def test_missing_stage_on_a_fiftieth_sample_judged_blind(scratch, tmp_path):
    # (118 records: 陕西's STATUS 0, its 2021 licence no longer in force, is not imported, as the reader left it out)
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_50.json", FIFTIETH, 13, 118)
    assert (sum(real for _, real, _ in FIFTIETH.values()), len(FIFTIETH)) == (24, 24)
    # 海北's rows a stage: one record an item, its 追责情形 the record's; 太仆寺旗's sheets a type: all nine read
    rows = scratch.read("MATCH (d:Department)-[:HOLDS]->(p:Power) WHERE d.name IN ['海北藏族自治州林业和草原局', '太仆寺旗民政局'] "
                        "RETURN d.name AS d, count(p) AS n, count(CASE WHEN (p)-[:HAS_ACCOUNTABILITY]->() THEN 1 END) AS acc "
                        "ORDER BY d")
    assert [(r["d"], r["n"]) for r in rows] == [("太仆寺旗民政局", 9), ("海北藏族自治州林业和草原局", 8)]
    assert rows[1]["acc"] == 8


# As measured, on the rule before this sample was read: 14 real of 15 (one permit, 桂林's 消防安全检查, whose 「材料核查：」 line was
# read into its 受理 duty — 材料 heads a note elsewhere — asked for a 审查 it has); two lists refused (湖头镇's 职责名称 | 职责类型,
# 建北街道's 职责事项 | 街道承担的责任). After the readings that followed, 16 of 16: the two lists read, 材料核查 a step.
FIFTY_FIRST: dict[str, tuple[list[str], bool, str]] = {
    "对乡、村庄规划区内逾期不改正的违法建设予以拆除": (["催告"], True, (
        "安溪县湖头镇: a demolition, no 催告 (行政强制法 第三十五条; since the sixtieth sample)")),
    "对假冒专利行为的行政处罚": (["送达"], True, "河南省知识产权局"),
    "对擅自开展专利代理业务的行政处罚": (["告知"], True, "河南省知识产权局"),
    "动物防疫条件合格证核发": (["事后监管"], True, "西乌珠穆沁旗农牧局"),
    "对屠宰、经营、运输的动物未附有检疫证明等行为的行政处罚": (["告知"], True, "西乌珠穆沁旗农牧局"),
    "对负有烈士遗属优待义务的单位不履行优待义务的处罚": (["告知"], True, "资溪县退役军人事务局"),
    "对在人口集中地区露天焚烧秸秆、落叶等产生烟尘污染的物质的处罚": (["执行"], True, "石家庄市长安区建北街道办事处"),
    "对未按照要求增建抗干扰设施或者新建地震监测设施的行政处罚": (["告知"], True, "四川省地震局"),
    "对档案服务企业在服务过程中丢失、擅自提供或者篡改损毁档案等行为的处罚": (["执行"], True, "淄博市档案局"),
    "对消防技术服务机构不具备从业条件从事消防技术服务活动或者出具虚假文件的处罚": (["告知"], True, "桂林市消防救援支队"),
    "对不及时消除火灾隐患可能严重威胁公共安全的危险部位或者场所实施临时查封": (["事后监管"], True, "桂林市消防救援支队"),
    "对侵占人民防空工程等行为的处罚（含：1.侵占人民防空工程；2.不按照国家规定的防护标准和质量标准修建人民防空工程；3.违反国家有关规定，改变人民防空工程主体结构、拆除人民防空工程设备设施或者采用其他方法危害人民防空工程的安全和使用效能；4.拆除人民防空工程后拒不补建；5.向人民防空工程内排入废水、废气或者倾倒废弃物）": (["告知"], True, "红河哈尼族彝族自治州人民防空办公室"),
    "对单位不办理住房公积金缴存登记或者不为本单位职工办理住房公积金账户设立手续的处罚": (["送达", "执行"], True, "盐城市住房公积金管理中心"),
    "污水排入排水管网许可证核发": (["事后监管"], True, "深圳市龙岗区水务局"),
    "文物保护单位建设控制地带内建设工程设计方案审核": (["事后监管"], True, "集安市文物局"),
    "对转让、抵押国有不可移动文物或者擅自改变国有文物保护单位用途等行为的处罚": (["告知"], True, "集安市文物局"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚": (["告知"], True, "安溪县湖头镇人民政府"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "对有证据证明是假冒专利的产品的查封、扣押": (["事后监管"], True, "河南省知识产权局"),
    "扣押拒不停止使用的未登记拖拉机、联合收割机": (["事后监管"], True, "西乌珠穆沁旗农牧局"),
}


def test_missing_stage_on_a_fifty_first_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_51.json", FIFTY_FIRST, 13, 149)
    assert (sum(real for _, real, _ in FIFTY_FIRST.values()), len(FIFTY_FIRST)) == (19, 19)

# As measured: 14 real of 15 (辽源's 「核查取证：调取资料」 read as a 审查, its 调查 asked for); three lists refused (洮南's blocks
# each named by a heading row 「一、…」 with no 事项名称 label, 万全乡's 职责名称, 八廓街道's 街道职责 | 街道承担的责任), 额济纳旗's
# 责任事项及依据 kept as an extra column, 长治's group rows in its first column (设定依据) read as the basis above them. After the
# readings that followed (核查 in a penalty its 调查, a list of stages with 作出处罚决定 among them, a duty 【报告审批】 a step
# heading in the list's own word), 22 of 22.
FIFTY_SECOND: dict[str, tuple[list[str], bool, str]] = {
    "对生产、销售假药的处罚": (["送达"], True, "黑龙江省药品监督管理局"),
    "药品经营许可（批发）": (["事后监管"], True, "黑龙江省药品监督管理局"),
    "渔业捕捞许可证核发（国内海洋捕捞，除大型拖网、围网作业外）": (["事后监管"], True, "临高县海洋和渔业局"),
    "对使用炸鱼、毒鱼、电鱼等破坏渔业资源方法进行捕捞等行为的行政处罚": (["告知"], True, "临高县海洋和渔业局"),
    "对发卡企业或者售卡企业未公示单用途卡章程、未履行提示告知义务等行为的处罚": (["送达"], True, "重庆市大渡口区商务委员会"),
    "对未取得人工繁育许可证繁育国家重点保护陆生野生动物的行政处罚": (["告知"], True, "西藏自治区林业和草原局"),
    "人工繁育国家重点保护陆生野生动物许可证核发": (["事后监管"], True, "西藏自治区林业和草原局"),
    "对定点医药机构违法违规使用医疗保障基金的行政处罚（对定点医药机构骗取医疗保障基金支出的处罚）": (["告知"], True, "辽源市医疗保障局"),
    "升放无人驾驶自由气球或者系留气球活动审批": (["事后监管"], True, "果洛藏族自治州气象局"),
    "对非法向社会发布公众气象预报、灾害性天气警报等行为的行政处罚": (["告知"], True, "果洛藏族自治州气象局"),
    "对侵占人民防空工程等危害人民防空工程安全和使用效能行为的行政处罚": (["执行"], True, "抚州市人民防空办公室"),
    "拆除人民防空工程审批": (["送达"], True, "抚州市人民防空办公室"),
    "市级文物保护单位修缮审批": (["事后监管"], True, "长治市文物局"),
    "对转让、抵押国有不可移动文物或者擅自改变国有文物保护单位用途等行为的处罚": (["告知"], True, "长治市文物局"),
    "对公众聚集场所未经消防救援机构许可擅自投入使用、营业或者使用、营业情况与承诺内容不符的行政处罚": (["告知"], True, "额济纳旗消防救援大队"),
    "对逾期不执行停产停业、停止使用、停止施工决定的强制执行": (["催告"], True, "额济纳旗消防救援大队"),
    "对危险部位或者场所采取临时查封措施": (["事后监管"], True, "额济纳旗消防救援大队"),
    "种畜禽生产经营许可证核发": (["送达"], True, "洮南市畜牧业管理局"),
    "对饲养的动物未按照动物疫病强制免疫计划或者免疫技术规范实施免疫接种的行政处罚": (["告知"], True, "洮南市畜牧业管理局"),
    "对利用档案馆的档案时丢失、擅自提供、抄录、复制、公布或者篡改、损毁、伪造、擅自销毁国有档案等行为的处罚": (["告知"], True, "平罗县档案局"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的行政处罚": (["告知"], True, "将乐县万全乡人民政府"),
    "农村村民宅基地审批": (["事后监管"], True, "将乐县万全乡人民政府"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "对可能被转移、隐匿或者灭失的资料予以封存": (["事后监管"], True, "辽源市医疗保障局"),
}


def test_missing_stage_on_a_fifty_second_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_52.json", FIFTY_SECOND, 13, 113)
    assert (sum(real for _, real, _ in FIFTY_SECOND.values()), len(FIFTY_SECOND)) == (23, 23)
    # 洮南's blocks each a record under its heading; 长治's types from the group rows in its basis column
    rows = scratch.read("MATCH (d:Department {name: '长治市文物局'})-[:HOLDS]->(p:Power) RETURN p.type AS t, count(*) AS n "
                        "ORDER BY t")
    assert {r["t"]: r["n"] for r in rows} == {"行政许可": 4, "行政处罚": 3, "行政检查": 1, "行政奖励": 1, "其他行政权力": 1}
    assert scratch.read("MATCH (:Department {name: '洮南市畜牧业管理局'})-[:HOLDS]->(p:Power) RETURN count(p) AS n")[0]["n"] == 8


# As measured, on the rule as the fifty-second left it: 12 real of 20 — 安顺's column a stage headed 受理（立案） unread (four
# false 立案 / 受理), three penalties whose step 「履行告知义务：」 was not read as their 告知, 日照's 加处罚款及申请人民法院强制执行
# asked for an 执行 the court does; 柴湖镇's 具体职责事项 refused, 迪庆's 目录 sheet read as eight more items. After the
# readings that followed, 15 of 15.
FIFTY_THIRD: dict[str, tuple[list[str], bool, str]] = {
    "对城市新建民用建筑违反国家有关规定不修建战时可用于防空的地下室的处罚": (["告知"], True, (
        "东方市人民防空办公室权责清单: read since the sixty-second sample")),
    "拆除人民防空工程审批": (["事后监管"], True, (
        "东方市人民防空办公室权责清单: read since the sixty-second sample")),
    "渔业捕捞许可（海洋捕捞渔船捕捞许可证核发）": (["事后监管"], True, "日照市海洋发展局"),
    "对未依法取得捕捞许可证擅自进行捕捞的处罚": (["送达"], True, "日照市海洋发展局"),
    "对伪造、变造会计凭证、会计账簿，编制虚假财务会计报告的处罚": (["告知"], True, "泗洪县财政局"),
    "对未按照要求增建抗干扰设施或者新建地震监测设施的处罚": (["告知"], True, "福建省地震局"),
    "对利用档案馆的档案或者档案服务企业在服务过程中丢失、擅自提供、篡改、损毁档案等行为以及买卖、非法转让档案行为的处罚（对买卖或者非法转让属于国家所有的档案，将档案出卖、赠送给外国人或者外国组织的处罚）": (["送达"], True, "湖南省档案局"),
    "对伪造、变造或者使用伪造、变造的机动车登记证书、号牌、行驶证、检验合格标志、保险标志、驾驶证的处罚": (["告知"], True, "安顺市公安局交通警察支队"),
    "机动车登记（注册、变更、转让、抵押、注销登记）": (["事后监管"], True, "安顺市公安局交通警察支队"),
    "对寄递企业未实行安全查验制度、未对客户身份进行查验等行为的处罚": (["送达"], True, "萍乡市邮政管理局"),
    "对邮政企业、快递企业不建立或者不执行收件验视制度，或者违反规定收寄禁止寄递、限制寄递物品的处罚": (["告知"], True, "萍乡市邮政管理局"),
    "固定资产投资项目节能审查": (["事后监管"], True, "靖西市发展和改革局"),
    "对实行备案管理的项目未依法告知项目信息或者提供虚假信息的处罚": (["送达", "执行"], True, "靖西市发展和改革局"),
    "对公众聚集场所未经消防救援机构许可擅自投入使用、营业，或者经核查发现场所使用、营业情况与承诺内容不符的处罚": (["告知"], True, "砀山县消防救援大队"),
    "强制执行（当事人逾期不执行停产停业、停止使用、停止施工决定的）": (["催告"], True, "砀山县消防救援大队"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照许可证的规定进行建设的处罚": (["告知"], True, "钟祥市柴湖镇人民政府"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等行为的处罚": (["执行"], True, "香洲区拱北街道办事处"),
}


def test_missing_stage_on_a_fifty_third_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_53.json", FIFTY_THIRD, 13, 118)
    assert (sum(real for _, real, _ in FIFTY_THIRD.values()), len(FIFTY_THIRD)) == (17, 17)

# As measured: 7 real of 10 (子长's and 双鸭山's 「权利告知」 not read as 告知, 达州's 【认定】 not as the decision); 伊犁's pinyin
# export (QLSXMC) and 托克托's English one (Item Name, Category) refused, 民和's 具体权力事项 misread as one card, 四平's header a word
# over two rows read as two tables. After the readings that followed (伊犁's steps split at its bars), 14 of 14.
FIFTY_FOURTH: dict[str, tuple[list[str], bool, str]] = {
    "兽药经营许可证核发（兽药经营许可证变更）": (["事后监管"], True, "伊犁哈萨克自治州畜牧兽医局"),
    "兽药经营许可证核发（新办）": (["事后监管"], True, "伊犁哈萨克自治州畜牧兽医局"),
    "兽药经营许可证核发（兽药经营许可证换发）": (["事后监管"], True, "伊犁哈萨克自治州畜牧兽医局"),
    "对无兽药经营许可证经营兽药的处罚": (["告知"], True, "伊犁哈萨克自治州畜牧兽医局"),
    "对在管道线路中心线两侧各五米地域范围内实施危害管道安全行为的处罚": (["告知"], True, "山西省能源局"),
    "煤矿建设项目安全设施设计审查": (["事后监管"], True, "山西省能源局"),
    "对注册会计师违反注册会计师法行为的处罚": (["送达"], True, "河北省财政厅"),
    "对煤矿建设项目未按照规定进行安全评价或者安全设施未经验收合格等行为的处罚": (["告知"], True, "双鸭山市煤炭生产安全管理局"),
    "对煤矿企业未采取措施消除事故隐患的处罚": (["执行"], True, "双鸭山市煤炭生产安全管理局"),
    "对擅自举办民办学校的处罚": (["告知"], True, "达州市教育局"),
    "教师资格认定": (["事后监管"], True, "达州市教育局"),
    "撤销教师资格": (["执行"], True, "达州市教育局"),
    "拆除人民防空工程审批": (["送达"], True, "凌源市人民防空办公室"),
    "对农村村民未经批准或者采取欺骗手段骗取批准非法占用土地建住宅的处罚（赋权事项）": (["执行"], True, "民和回族土族自治县川口镇人民政府"),
}


def test_missing_stage_on_a_fifty_fourth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_54.json", FIFTY_FOURTH, 13, 122)
    assert (sum(real for _, real, _ in FIFTY_FOURTH.values()), len(FIFTY_FOURTH)) == (14, 14)


# As measured, on the rule as the fifty-fourth left it: 14 real of 16 (two permits whose 「受案：接收…申请」 was read as a
# penalty's 立案, their 受理 asked for); 武义's header in English and Chinese (「Item Name 事项名称」) refused, 城正街街道's export a
# stage a row (HJMC | HJNR) read as 28 records. After the readings that followed, 16 of 16.
FIFTY_FIFTH: dict[str, tuple[list[str], bool, str]] = {
    "农村村民宅基地审批": (["送达"], True, (
        "泾县桃花潭镇人民政府权责清单: read since the sixty-second sample")),
    "对农村村民未经批准或者采取欺骗手段骗取批准非法占用土地建住宅的处罚": (["执行"], True, (
        "泾县桃花潭镇人民政府权责清单: read since the sixty-second sample")),
    "使用林地审核审批（2.3 森林经营单位修筑直接为林业生产经营服务的工程设施占用林地审批）": (["事后监管"], True, "韶关市林业局"),
    "使用林地审核审批（2.2 临时使用林地审批）": (["事后监管"], True, "韶关市林业局"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["告知"], True, "武义县水利局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "武义县水利局"),
    "对律师、律师事务所违法行为的处罚（吊销律师事务所执业证书）": (["送达"], True, "江苏省司法厅"),
    "对公证机构、公证员违法行为的处罚": (["告知"], True, "江苏省司法厅"),
    "律师执业许可（兼职律师执业核准）": (["送达"], True, "江苏省司法厅"),
    "律师事务所设立许可": (["送达"], True, "江苏省司法厅"),
    "升放无人驾驶自由气球或者系留气球活动审批": (["审查"], True, "福建省气象局"),
    "雷电防护装置竣工验收": (["事后监管"], True, "福建省气象局"),
    "民办非企业单位成立登记": (["送达"], True, "孝感市民政局"),
    "对未经登记擅自以社会团体名义进行活动的取缔": (["告知"], True, "孝感市民政局"),
    "对档案服务企业在服务过程中丢失、擅自提供、篡改损毁档案的处罚": (["告知"], True, "德兴市档案局"),
    "对未按照要求增建抗干扰设施或者新建地震监测设施的处罚": (["告知"], True, "龙陵县地震局"),
    "新建、扩建、改建建设工程避免对地震监测设施和地震观测环境造成危害审批": (["事后监管"], True, "龙陵县地震局"),
    "对迟报统计资料或者未按照国家有关规定设置原始记录、统计台账的处罚": (["执行"], True, "六盘水市钟山区统计局"),
    "对侵占人民防空工程等危害人民防空工程安全和使用效能行为的处罚": (["送达"], True, "聊城: read since its pairs are; no 送达 of the decision, as the reader said"),
    "拆除人民防空工程审批": (["事后监管"], True, "聊城: its 环节名称N | 环节内容N pairs now read, a pair a step; 受理 → 审查 → 决定 → 送达, no supervision, as the reader said"),
}


def test_missing_stage_on_a_fifty_fifth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_55.json", FIFTY_FIFTH, 13, 117)
    assert (sum(real for _, real, _ in FIFTY_FIFTH.values()), len(FIFTY_FIFTH)) == (20, 20)

# As measured: 11 real of 17 (霍州's rows a stage: 「文书送达」, 「执行及结案」, 「解除封存」 unread, its 按日连续处罚's 复查 not taken
# for the case; 玉树's 查封、扣押 whose 执行 duty makes the 处理决定; 青浦's sub-item 查封施工现场 asked for a 强制拆除's 催告; a
# permit's 受案). After the readings that followed, 11 of 11.
FIFTY_SIXTH: dict[str, tuple[list[str], bool, str]] = {
    "对违反档案管理规定的处罚（对买卖或者非法转让属于国家所有的档案、将档案出卖或者赠送给外国人或者外国组织的处罚）": (["执行"], True, (
        "松原市档案局权责清单: read since the sixty-second sample")),
    "对违反档案管理规定的处罚（对利用档案馆的档案丢失、擅自提供抄录复制公布、篡改损毁伪造或者擅自销毁档案的处罚）": (["告知"], True, (
        "松原市档案局权责清单: read since the sixty-second sample")),
    "对随意倾倒、抛撒、堆放或者焚烧生活垃圾的处罚": (["执行"], True, "上海市青浦区城市管理行政执法局"),
    "对违法建设的查封、强制拆除（强制拆除）": (["催告"], True, "上海市青浦区城市管理行政执法局"),
    "对未经批准、未取得或者未按照规定使用专用标识出售、购买、利用国家重点保护野生动物及其制品的处罚": (["告知"], True, "北京市园林绿化局"),
    "出售、购买、利用国家重点保护陆生野生动物及其制品审批": (["事后监管"], True, "北京市园林绿化局"),
    "对在自然保护地、禁猎区、禁猎期或者未取得特许猎捕证猎捕、杀害国家重点保护野生动物的处罚": (["送达", "执行"], True, "玉树藏族自治州林业和草原局"),
    "对非法开垦草原的处罚": (["告知"], True, "玉树藏族自治州林业和草原局"),
    "对煤矿企业未采取措施消除事故隐患的处罚": (["告知"], True, "霍州市能源局"),
    "对侵犯注册商标专用权行为的处罚": (["告知", "送达"], True, "敦煌市市场监督管理局"),
    "农村村民宅基地审批": (["事后监管"], True, "登封市大金店镇人民政府"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["告知"], True, "登封市大金店镇人民政府"),
    "对在城市建筑物、设施以及树木上涂写、刻画的处罚": (["调查", "送达"], True, "龙沙区五龙街道办事处"),
}


def test_missing_stage_on_a_fifty_sixth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_56.json", FIFTY_SIXTH, 13, 115)
    assert (sum(real for _, real, _ in FIFTY_SIXTH.values()), len(FIFTY_SIXTH)) == (13, 13)


# As measured, on the rule as the fifty-sixth left it: 6 real of 6 — but 四川's header with footnote marks (事项名称①) refused
# and 湖南's header of three rows (办理时限 over 法定 | 承诺) read as one, its stage rows lost. After the readings that
# followed (and 审定 a permit's decision, 办结送达 its 送达), 11 of 11.
FIFTY_SEVENTH: dict[str, tuple[list[str], bool, str]] = {
    "对景区不符合开放条件而接待旅游者的处罚": (["执行"], True, (
        "重庆市武隆区文化和旅游发展委员会权责清单: read since the sixty-second sample")),
    "对拒绝、阻碍统计调查、统计检查的处罚": (["执行"], True, "镇江市统计局"),
    "对提供不真实或者不完整的统计资料的处罚": (["告知"], True, "镇江市统计局"),
    "对非法占用土地的处罚（对采取欺骗手段骗取批准非法占用土地的处罚）": (["送达"], True, "仙居县自然资源和规划局"),
    "对未经批准出售、购买、利用国家重点保护野生动物及其制品的处罚": (["告知"], True, "四川省林业和草原局"),
    "出售、购买、利用国家重点保护陆生野生动物及其制品审批（因科学研究、公众展示展演等特殊情况出售、购买、利用国家重点保护陆生野生动物及其制品审批）": (["送达"], True, "四川省林业和草原局"),
    "对向人民防空工程内排入废水、废气或者倾倒废弃物的处罚": (["送达", "执行"], True, "湖南省人民防空办公室"),
    "拆除人民防空工程审批": (["事后监管"], True, "湖南省人民防空办公室"),
    "对擅自改变海域用途的处罚": (["执行"], True, "防城港市海洋局"),
    "对侵占、破坏种质资源，私自采集或者采伐国家重点保护的天然种质资源的处罚": (["执行"], True, "泗县农业农村局"),
    "对未依法进行地震安全性评价，或者未按照地震安全性评价报告所确定的抗震设防要求进行抗震设防的处罚": (["调查"], True, "腾冲市地震局"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚": (["送达"], True, "上杭县古田镇人民政府"),
    "对生产经营单位未按照规定对从业人员进行安全生产教育和培训的处罚": (["告知"], True, "荣成: its unheaded steps read since the sixty-sixth (调查取证, 送达决定书); no 告知 (行政处罚法 第四十四条), as the reader said"),
}


def test_missing_stage_on_a_fifty_seventh_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_57.json", FIFTY_SEVENTH, 13, 111)
    assert (sum(real for _, real, _ in FIFTY_SEVENTH.values()), len(FIFTY_SEVENTH)) == (13, 13)

# As measured: 10 real of 15 (天津's 【批后监管】, 【案件来源及立案】, 【执行结案】 unread); 榆林's record a cell of labelled lines
# refused. After the readings that followed, 12 of 12.
FIFTY_EIGHTH: dict[str, tuple[list[str], bool, str]] = {
    "对占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、采矿、取土等的处罚": (["送达"], True, "阳泉市规划和自然资源局"),
    "对种子企业有造假行为的处罚": (["告知"], True, "内蒙古自治区林业和草原局"),
    "国家重点保护野生动物人工繁育许可": (["事后监管"], True, "内蒙古自治区林业和草原局"),
    "对买卖或者以其他形式非法转让土地的处罚": (["执行"], True, "天津市规划和自然资源局"),
    "农用地转用审核（报市人民政府批准）": (["送达"], True, "天津市规划和自然资源局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["告知"], True, "林芝市应急管理局"),
    "对违法猎捕、杀害国家重点保护野生动物的处罚": (["告知", "送达"], True, "北京市门头沟区园林绿化局"),
    "林木采伐许可证核发": (["事后监管"], True, "北京市门头沟区园林绿化局"),
    "烟花爆竹经营（零售）许可": (["送达"], True, "玛纳斯县应急管理局"),
    "对生产经营单位对重大危险源未登记建档或者未进行评估、监控等行为的处罚": (["执行"], True, "玛纳斯县应急管理局"),
    "对以食用为目的猎捕、交易、运输在野外环境自然生长繁殖的其他陆生野生动物的处罚": (["送达"], True, "西峡县林业局"),
    "对农村村民未经批准或者采取欺骗手段骗取批准非法占用土地建住宅的处罚": (["告知"], True, "富平县庄里镇人民政府"),
    "林木种子生产经营许可证核发": (["事后监管"], True, "西峡: its 「办结：…颁发…」 now its decision (the 「制证送达」 a 送达); no supervision after the permit, as the reader said"),
}


def test_missing_stage_on_a_fifty_eighth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_58.json", FIFTY_EIGHTH, 13, 109)
    assert (sum(real for _, real, _ in FIFTY_EIGHTH.values()), len(FIFTY_EIGHTH)) == (13, 13)


FIFTY_NINTH: dict[str, tuple[list[str], bool, str]] = {
    "对滥伐林木的处罚": (["送达"], True, (
        "三明市林业局权责清单: read since the sixty-fourth sample")),
    "建设项目使用林地审核审批": (["事后监管"], True, (
        "三明市林业局权责清单: read since the sixty-fourth sample")),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的处罚": (["告知"], True, (
        "淮安市清江浦区清河街道办事处权责清单: read since its stages in pairs of columns")),
    "特种设备使用登记": (["事后监管"], True, "内江市市中区市场监督管理局"),
    "代为处置危险废物": (["催告"], True, "郴州市生态环境局"),
    "动物防疫条件合格证核发": (["事后监管"], True, "浦江县农业农村局"),
    "劳务派遣经营许可": (["事后监管"], True, "茂名市人力资源和社会保障局"),
    "医师执业注册（1.首次注册 2.变更注册 3.重新注册 4.注销注册）": (["事后监管"], True, "滁州市卫生健康委员会"),
    "危险化学品经营许可（不带储存设施）": (["事后监管"], True, "冷水江市应急管理局"),
    "对以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的处罚": (["送达"], True, "茂名市人力资源和社会保障局"),
    "对医师在执业活动中未按照规定履行告知义务等行为的处罚（（1）在提供医疗卫生服务或者开展医学临床研究中，未按照规定履行告知义务或者取得知情同意（2）对需要紧急救治的患者，拒绝急救处置，或者由于不负责任延误诊治（3）遇有自然灾害、事故灾难、公共卫生事件和社会安全事件等严重威胁人民生命健康的突发事件时，不服从卫生健康主管部门调遣（4）未按照规定报告有关情形（5）违反法律、法规、规章或者执业规范，造成医疗事故或者其他严重后果）": (
        ["告知", "送达"], True, "滁州市卫生健康委员会"),
    "对未经批准擅自取水、未依照批准的取水许可规定条件取水的处罚": (["告知", "送达"], True, "宾川县水务局"),
    "对民办学校违规办学行为的处罚（1.擅自分立、合并民办学校的2.擅自改变民办学校名称、层次、类别和举办者的3.发布虚假招生简章或者广告，骗取钱财的4.非法颁发或者伪造学历证书、结业证书、培训证书、职业资格证书的5.管理混乱严重影响教育教学，造成恶劣社会影响的6.提交虚假证明文件或者采取其他欺诈手段隐瞒重要事实骗取办学许可证的7.伪造、变造、买卖、出租、出借办学许可证的8.恶意终止办学、抽逃资金或者挪用办学经费的）": (
        ["告知"], True, "石柱土家族自治县教育委员会"),
    "对生产经营单位未按照规定对从业人员进行安全生产教育和培训等行为的处罚": (["告知"], True, "冷水江市应急管理局"),
    "对经营依法应当检疫而未经检疫的动物产品的行政处罚": (["送达", "执行"], True, "浦江县农业农村局"),
    "对车辆违法超限运输的处罚": (["告知"], True, "广西壮族自治区交通运输厅"),
    "对违反危险废物管理规定行为的处罚（（1）未按照规定设置危险废物识别标志的（2）未按照国家有关规定制定危险废物管理计划或者申报危险废物有关资料的（3）将危险废物提供或者委托给无许可证的单位或者其他生产经营者从事经营活动的（4）未按照国家有关规定填写、运行危险废物转移联单或者未经批准擅自转移危险废物的）": (
        ["送达"], True, "郴州市生态环境局"),
    "对通过篡改、伪造监测数据或者不正常运行大气污染防治设施等逃避监管的方式排放大气污染物的处罚": (["告知"], True, "湖北省生态环境厅"),
    "排污许可证核发": (["事后监管"], True, "郴州市生态环境局"),
    "教师资格认定（1.幼儿园教师资格认定2.小学教师资格认定3.初级中学教师资格认定）": (["送达", "事后监管"], True, "石柱土家族自治县教育委员会"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "宾川县水务局"),
    "超限运输车辆行驶公路许可（跨省）": (["事后监管"], True, "广西壮族自治区交通运输厅"),
    "辐射安全许可证核发": (["事后监管"], True, "湖北省生态环境厅"),
    # found since a sub-item row giving only its own basis, its type left to the item's row above, shares the item's
    # duties (三明's 2-1 and 2-2; the thirty-fourth session): asked as the item was, by its reader
    "建设项目使用林地审核审批（2-1 建设项目占用、征收林地审核）": (["事后监管"], True, "三明市林业局"),
    "建设项目使用林地审核审批（2-2 临时使用林地审批）": (["事后监管"], True, "三明市林业局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "查封、扣押造成或者可能造成严重污染的设施、设备": (["事后监管"], True, "湖北省生态环境厅"),
}


def test_missing_stage_on_a_fifty_ninth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_59.json", FIFTY_NINTH, 15, 141)
    assert (sum(real for _, real, _ in FIFTY_NINTH.values()), len(FIFTY_NINTH)) == (26, 26)


SIXTIETH: dict[str, tuple[list[str], bool, str]] = {
    "对未经许可经营旅行社业务的处罚": (["告知"], True, (
        "商洛市商州区文化和旅游局权责清单: read since the sixty-fourth sample")),
    "营业性演出审批": (["送达", "事后监管"], True, (
        "商洛市商州区文化和旅游局权责清单: read since the sixty-fourth sample")),
    "取缔擅自从事互联网上网服务经营活动，查封违法经营场所，扣押专用工具、设备": (["事后监管"], True, (
        "商洛市商州区文化和旅游局权责清单: read since the sixty-fourth sample")),
    "互联网上网服务营业场所经营单位设立审批": (["事后监管"], True, (
        "商洛市商州区文化和旅游局权责清单: read since the sixty-fourth sample")),
    "放射诊疗许可": (["事后监管"], True, (
        "开封市卫生健康委员会权责清单: read since the sixty-second sample")),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的处罚": (["送达"], True, (
        "开封市卫生健康委员会权责清单: read since the sixty-second sample")),
    "临时占用城市道路审批": (["送达"], True, "莲池区城市管理综合行政执法局"),
    "农药经营许可": (["事后监管"], True, "五常市农业农村局"),
    "危险废物经营许可证核发（危险废物经营许可证变更）": (["事后监管"], True, "吉林省生态环境厅"),
    "危险废物经营许可证核发（首次申领）": (["事后监管"], True, "吉林省生态环境厅"),
    "危险废物经营许可证核发（危险废物经营许可证重新申领）": (["事后监管"], True, "吉林省生态环境厅"),
    "商品房预售许可": (["事后监管"], True, "葫芦岛市住房和城乡建设局"),
    "对个人以骗取医疗保障基金为目的实施违法行为的处罚": (["告知"], True, "奎屯市医疗保障局"),
    "对依法应当编制水土保持方案的生产建设项目未编制或者水土保持方案未经批准而开工建设的处罚": (["告知"], True, "吕梁市水利局"),
    "对公路建筑控制区内违法修建的建筑物、地面构筑物予以拆除": (["催告"], True, "宁夏回族自治区交通运输厅"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["送达"], True, "榆中县青城镇人民政府"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的处罚": (["告知"], True, "莲池区城市管理综合行政执法局"),
    "对在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (["送达"], True, "莲池区城市管理综合行政执法局"),
    "对施工单位在施工中偷工减料，使用不合格的建筑材料、建筑构配件和设备，或者不按照工程设计图纸或者施工技术标准施工的处罚": (["告知"], True, "葫芦岛市住房和城乡建设局"),
    "对未取得种子生产经营许可证生产经营种子等行为的处罚": (["告知"], True, "五常市农业农村局"),
    "对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚": (["送达"], True, "乌海市市场监督管理局"),
    "对经营假农药的处罚": (["送达"], True, "五常市农业农村局"),
    "对经营者不按照规定明码标价的处罚": (["告知"], True, "乌海市市场监督管理局"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚": (["告知"], True, "吉林省生态环境厅"),
    "对车辆违法超限运输的处罚": (["告知"], True, "宁夏回族自治区交通运输厅"),
    "对随地吐痰、便溺，乱扔果皮、纸屑和烟头等废弃物的处罚": (["告知"], True, "路北区文化路街道办事处"),
    "对随意倾倒、抛撒、堆放或者焚烧生活垃圾的处罚": (["送达"], True, "路北区文化路街道办事处"),
    "封存可能被转移、隐匿或者灭失的资料": (["事后监管"], True, "奎屯市医疗保障局"),
    "强行拆除在河道管理范围内妨碍行洪的建筑物、构筑物": (["催告"], True, "吕梁市水利局"),
    "拆除乡、村庄规划区内逾期不改正的违法建设": (["催告"], True, "榆中县青城镇人民政府"),
    "按日连续处罚": (["送达", "执行"], True, "吉林省生态环境厅"),
    "涉路施工许可（占用、挖掘公路、公路用地或者使公路改线审批）": (["事后监管"], True, "宁夏回族自治区交通运输厅"),
    "涉路施工许可（在公路用地范围内架设、埋设管道、电缆等设施审批）": (["事后监管"], True, "宁夏回族自治区交通运输厅"),
    "涉路施工许可（跨越、穿越公路修建桥梁、渡槽或者架设、埋设管道、电缆等设施审批）": (["事后监管"], True, "宁夏回族自治区交通运输厅"),
    "生产建设项目水土保持方案审批": (["事后监管"], True, "吕梁市水利局"),
    "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批": (["事后监管"], True, "莲池区城市管理综合行政执法局"),
    "查封、扣押不符合安全技术规范要求或者存在严重事故隐患的特种设备": (["事后监管"], True, "乌海: 审批, 实施, 送达, 保管 — no 处理 or 解除 after the seizure (第二十七、二十八条); found since its 报批 reads as the decision (2026-12-06)"),
    # found since a 加处罚款 (滞纳金) whose steps apply to the court for it is an application to the court, asked its 催告
    # (行政强制法 第五十四条), not its 执行 (the thirty-fourth session); asked for by its reader
    "加处罚款": (["催告"], True, "葫芦岛市住房和城乡建设局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "查封、扣押有证据证明违法生产经营的种子以及用于违法生产经营的工具、设备及运输工具等": (["事后监管"], True, "五常市农业农村局"),
    "查封、扣押造成污染物排放的设施、设备": (["事后监管"], True, "吉林省生态环境厅"),
}


def test_missing_stage_on_a_sixtieth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_60.json", SIXTIETH, 13, 123)
    assert (sum(real for _, real, _ in SIXTIETH.values()), len(SIXTIETH)) == (40, 40)


SIXTY_FIRST: dict[str, tuple[list[str], bool, str]] = {
    "暂扣没有车辆营运证又无法当场提供其他有效证明的车辆": (["事后监管"], True, (
        "太仓市交通运输局权责清单: its 事后监管 only keeps what was seized (妥善保管)")),
    "临时使用林地审批": (["事后监管"], True, "都昌县林业局"),
    "关闭、闲置或者拆除城市环境卫生设施许可": (["事后监管"], True, "蚌埠市城市管理局"),
    "农药经营许可（限制使用农药除外）": (["事后监管"], True, "重庆市北碚区农业农村委员会"),
    "劳务派遣经营许可": (["事后监管"], True, "梧州市人力资源和社会保障局"),
    "医疗机构设置审批及执业登记（医疗机构校验）": (["事后监管"], True, "温岭市卫生健康局"),
    "对买卖或者以其他形式非法转让土地的处罚": (["告知"], True, "眉山市自然资源和规划局"),
    "对依法应当编制水土保持方案的生产建设项目未编制或者未经批准而开工建设等行为的处罚": (["送达"], True, "江西省水利厅"),
    "对公共场所经营单位违反《公共场所卫生管理条例》行为的行政处罚": (["告知"], True, "温岭市卫生健康局"),
    "对公共场所经营单位违反《公共场所卫生管理条例》行为的行政处罚（对卫生质量不符合国家卫生标准和要求而继续营业的行政处罚）": (["告知"], True, "温岭市卫生健康局"),
    "对公共场所经营单位违反《公共场所卫生管理条例》行为的行政处罚（对拒绝卫生监督的行政处罚）": (["告知"], True, "温岭市卫生健康局"),
    "对公共场所经营单位违反《公共场所卫生管理条例》行为的行政处罚（对未取得卫生许可证擅自营业的行政处罚）": (["告知"], True, "温岭市卫生健康局"),
    "对公共场所经营单位违反《公共场所卫生管理条例》行为的行政处罚（对未获得健康合格证而从事直接为顾客服务的行政处罚）": (["告知"], True, "温岭市卫生健康局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设，逾期不改正的予以拆除": (["催告"], True, "阳朔县兴坪镇人民政府"),
    "对擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施的处罚": (["告知"], True, "蚌埠市城市管理局"),
    "对未取得种子生产经营许可证生产经营种子等行为的处罚": (["告知"], True, "重庆市北碚区农业农村委员会"),
    "对未取得道路运输经营许可擅自从事道路运输经营的处罚": (["告知"], True, "太仓市交通运输局"),
    "对未经县级以上人民政府林业主管部门审核同意，擅自改变林地用途的处罚": (["送达"], True, "都昌县林业局"),
    "对民办学校违法违规办学行为的处罚": (["送达"], True, "福清市教育局"),
    "对用人单位不办理社会保险登记的处罚": (["送达"], True, "梧州市人力资源和社会保障局"),
    "对非医师行医的处罚": (["告知"], True, "广西壮族自治区卫生健康委员会"),
    "强行拆除在河道管理范围内妨碍行洪的建筑物、构筑物": (["催告"], True, "江西省水利厅"),
    "查封、扣押有证据证明违法生产经营的种子以及用于违法生产经营的工具、设备及运输工具等": (["事后监管"], True, "重庆市北碚区农业农村委员会"),
    "查封施工现场、强制拆除违法建设": (["催告"], True, "蚌埠市城市管理局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "江西省水利厅"),
    "申请人民法院强制执行责令限期拆除决定": (["催告"], True, "眉山市自然资源和规划局"),
    "道路货物运输经营许可（道路普通货物运输经营许可（除使用总质量4500千克及以下普通货运车辆从事普通货运经营外））": (["事后监管"], True, "太仓市交通运输局"),
    "排污许可": (["事后监管"], True, "娄底: read since its third header row is; no supervision after the permit (行政许可法 第六十一条), as the reader said"),
    "按日连续处罚": (["送达"], True, "娄底: read since its third header row is; no 送达 of the decision, as the reader said"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚": (["告知"], True, "娄底: its third header row of stages with 责任 after them (受理（立案）责任 …) now read; no 告知, as the reader said"),
    "查封、扣押造成污染物排放的设施、设备": (["事后监管"], True, "娄底: read since its third header row is; no 解除 or 处理 after the seizure (行政强制法 第二十七、二十八条), as the reader said"),
}


def test_missing_stage_on_a_sixty_first_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_61.json", SIXTY_FIRST, 13, 138)
    assert (sum(real for _, real, _ in SIXTY_FIRST.values()), len(SIXTY_FIRST)) == (31, 31)


SIXTY_SECOND: dict[str, tuple[list[str], bool, str]] = {
    "乡村医生执业注册": (["事后监管"], True, "中卫市沙坡头区卫生健康局"),
    "公路超限运输许可": (["事后监管"], True, "海东市交通运输局"),
    "农药经营许可": (["事后监管"], True, "周口市农业农村局"),
    "危险废物经营许可证核发": (["事后监管"], True, "辽宁省生态环境厅"),
    "大型群众性活动安全许可": (["事后监管"], True, "大安市公安局"),
    "对买卖或者以其他形式非法转让土地的处罚": (["送达"], True, "阜新市自然资源局"),
    "对公共场所经营者未取得卫生许可证擅自营业的处罚": (["告知"], True, "中卫市沙坡头区卫生健康局"),
    "对参与赌博赌资较大的处罚": (["告知"], True, "大安市公安局"),
    "对发生一般生产安全事故负有责任的生产经营单位的处罚": (["送达"], True, "乡宁县应急管理局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["送达"], True, "鄢陵县陈化店镇人民政府"),
    "对在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (["告知"], True, "丛台区联纺西街道办事处"),
    "对工程施工单位擅自倾倒、抛撒或者堆放工程施工过程中产生的建筑垃圾的处罚": (["送达"], True, "天津市宝坻区城市管理委员会"),
    "对拒不履行土地复垦义务的处罚": (["告知", "送达"], True, "阜新市自然资源局"),
    "对擅自占用、挖掘公路等行为的处罚": (["送达"], True, "海东市交通运输局"),
    "对无许可证从事收集、贮存、利用、处置危险废物经营活动的处罚": (["告知"], True, "辽宁省生态环境保护综合行政执法队"),
    "对未取得农药经营许可证经营农药的处罚": (["送达"], True, "周口市农业农村局"),
    "对未取得道路运输经营许可擅自从事道路客运经营的处罚": (["告知"], True, "海东市交通运输局"),
    "对未经审核同意擅自改变林地用途的处罚": (["告知"], True, "承德市林业和草原局"),
    "对未经批准擅自取水的处罚": (["告知"], True, "彬州市水利局"),
    "对生产经营假种子的处罚": (["告知"], True, "周口市农业农村局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["告知"], True, "乡宁县应急管理局"),
    "对违法猎捕有重要生态、科学、社会价值的陆生野生动物或者地方重点保护野生动物的处罚": (["送达", "执行"], True, "承德市林业和草原局"),
    "建设用地规划许可证核发（以出让方式取得国有土地使用权的建设项目）": (["事后监管"], True, "阜新市自然资源局"),
    "建设用地规划许可证核发（以划拨方式提供国有土地使用权的建设项目）": (["事后监管"], True, "阜新市自然资源局"),
    "建设项目使用林地审核审批": (["事后监管"], True, "承德市林业和草原局"),
    "强行拆除河道管理范围内妨碍行洪的建筑物、构筑物": (["催告"], True, "彬州市水利局"),
    "拆除在公路用地范围内设置的非公路标志": (["催告"], True, "海东市交通运输局"),
    "查封、扣押实施水土保持违法行为的工具及施工机械、设备等": (["事后监管"], True, "彬州市水利局"),
    "烟花爆竹经营（零售）许可": (["事后监管"], True, "乡宁县应急管理局"),
    "生产建设项目水土保持方案审批": (["事后监管"], True, "彬州市水利局"),
    "通知有关单位停止供电、停止供应民用爆炸物品": (["事后监管"], True, "乡宁县应急管理局"),
    # found since an application to the court whose steps are in words of their own (「（1）申请：…（2）配合执行：…」) is read for its 催告 (福山, 2026-12-06), as the reader asked
    "申请人民法院强制执行（责令限期拆除在非法占用的土地上新建的建筑物和其他设施）": (
        ["催告"], True, "阜新市自然资源局"),
    # found since a duty that is a chain of steps (「受理—审查—决定—送达」, 「立案→调查取证→审查→决定→送达→执行」) names
    # them and is checked (the thirty-fourth session); asked for by its reader
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚": (["告知"], True, "鄢陵县陈化店镇人民政府"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "扣留机动车": (["事后监管"], True, "大安市公安局"),
    "查封、扣押有证据证明来源非法的林木以及从事破坏森林资源活动的工具、设备或者财物": (["事后监管"], True, "承德市林业和草原局"),
}


def test_missing_stage_on_a_sixty_second_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_62.json", SIXTY_SECOND, 14, 129)
    assert (sum(real for _, real, _ in SIXTY_SECOND.values()), len(SIXTY_SECOND)) == (35, 35)


SIXTY_THIRD: dict[str, tuple[list[str], bool, str]] = {
    "农村村民宅基地审批": (["事后监管"], True, "罗田县九资河镇人民政府"),
    "农药经营许可（限制使用农药以外的农药经营许可）": (["事后监管"], True, "石门县农业农村局"),
    "医师执业注册": (["事后监管"], True, "江苏省卫生健康委员会"),
    "医疗机构执业登记（三级医院变更登记）": (["送达", "事后监管"], True, "江苏省卫生健康委员会"),
    "危险化学品经营许可（不带储存设施）": (["事后监管"], True, "无锡市滨湖区应急管理局"),
    "娱乐场所经营活动审批": (["事后监管"], True, "丽江市文化和旅游局"),
    "对在城市人民政府确定的禁止燃放区域燃放烟花爆竹的处罚": (["告知"], True, "屯溪: its 「登记立案」 and 「现场调查」 at the end of unheaded steps now read; no 告知, as the reader said"),
    "对在森林防火区野外用火的处罚": (["告知", "执行"], True, "罗田县九资河镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的处罚": (["告知"], True, "百色市水利局"),
    "对建设单位未取得施工许可证擅自施工的处罚": (["送达"], True, "宣城市住房和城乡建设局"),
    "对未取得《医疗机构执业许可证》擅自执业的处罚": (["告知"], True, "江苏省卫生健康委员会"),
    "对未取得导游证或者不具备领队条件而从事导游、领队活动的处罚": (["告知", "送达"], True, "丽江市文化和旅游局"),
    "对未取得捕捞许可证擅自进行捕捞的处罚": (["告知"], True, "石门县农业农村局"),
    "对未取得食品生产经营许可从事食品生产经营活动的处罚": (["送达"], True, "镇远县市场监督管理局"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚": (["送达"], True, "铜仁市生态环境局"),
    "对车辆超限行驶公路的处罚": (["告知"], True, "武夷山市交通运输局"),
    "对违反规定设置排污口的处罚": (["告知"], True, "铜仁市生态环境局"),
    "建设项目环境影响评价文件审批（报告表审批）": (["事后监管"], True, "铜仁市生态环境局"),
    "强行拆除妨碍行洪的建筑物、构筑物": (["催告"], True, "百色市水利局"),
    "按日连续处罚": (["告知"], True, "铜仁市生态环境局"),
    "查封、扣押擅自从事互联网上网服务经营活动的专用工具、设备": (["事后监管"], True, "丽江市文化和旅游局"),
    "查封、扣押有根据认为不符合保障人体健康和人身、财产安全的产品": (["事后监管"], True, "镇远县市场监督管理局"),
    "查封、扣押违法生产、经营的农药": (["事后监管"], True, "石门县农业农村局"),
    "查封、扣押造成污染物排放的设施、设备": (["事后监管"], True, "铜仁市生态环境局"),
    "母婴保健技术服务机构执业许可（产前诊断）": (["事后监管"], True, "江苏省卫生健康委员会"),
    "生产建设项目水土保持方案审批": (["送达", "事后监管"], True, "百色市水利局"),
    "食品经营许可": (["事后监管"], True, "镇远县市场监督管理局"),
    "食品经营许可（延续、变更、注销）": (["送达", "事后监管"], True, "镇远县市场监督管理局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["告知", "执行"], True, "滨湖: its unheaded 「…予以立案」 now read; no 告知 and no 执行, as the reader said"),
    "对未取得采矿许可证擅自采矿的处罚": (["告知", "送达"], True, "湖南: its sheets named 「N.行政处罚」 now give their rows' type; no 告知 and no 送达, as the reader said"),
    "采矿权新立、延续、变更、注销登记": (["事后监管"], True, "湖南: read since its sheets' names give the type; no supervision after the permit, as the reader said"),
    # found since a duty that is a chain of steps (「受理—审查—决定—送达」, 「立案→调查取证→审查→决定→送达→执行」) names
    # them and is checked (the thirty-fourth session); asked for by its reader
    "出租汽车经营许可（巡游出租汽车）": (["事后监管"], True, "武夷山市交通运输局"),
}


def test_missing_stage_on_a_sixty_third_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_63.json", SIXTY_THIRD, 13, 125)
    assert (sum(real for _, real, _ in SIXTY_THIRD.values()), len(SIXTY_THIRD)) == (32, 32)


SIXTY_FOURTH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["送达"], True, "北票市自然资源局"),
    "公共场所卫生许可": (["事后监管"], True, "白山市卫生健康委员会"),
    "兽药经营许可证核发": (["事后监管"], True, "日喀则市农业农村局"),
    "危险化学品经营许可（不带储存设施）": (["事后监管"], True, "嫩江市应急管理局"),
    "商品房预售许可": (["事后监管"], True, "信阳市住房和城乡建设局"),
    "对公共场所经营者未依法取得卫生许可证擅自营业的处罚": (["送达"], True, "白山市卫生健康委员会"),
    "对在河道管理范围内倾倒垃圾、渣土等妨碍河道行洪活动的处罚": (["送达"], True, "北京市平谷区水务局"),
    "对建设单位将建设工程发包给不具有相应资质等级的勘察、设计、施工单位的处罚": (["告知"], True, "信阳市住房和城乡建设局"),
    "对擅自占用或者挖掘城市道路的处罚": (["告知", "执行"], True, "密云区果园街道办事处"),
    "对擅自超限运输行为的处罚": (["告知"], True, "山西省交通运输厅"),
    "对未取得动物诊疗许可证从事动物诊疗活动的处罚": (["告知"], True, "日喀则市农业农村局"),
    "对未取得建设工程规划许可证或者未按照许可证规定进行建设的处罚": (["告知"], True, "北票市自然资源局"),
    "对未经批准擅自取水的处罚": (["告知"], True, "青海省水利厅"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["送达"], True, "嫩江市应急管理局"),
    "对经营超过保质期的食品、食品添加剂的处罚": (["告知"], True, "淇县市场监督管理局"),
    "对违反国家有关规定颁发学历证书、学位证书或者其他学业证书的处罚": (["告知"], True, "临城县教育局"),
    "教师资格认定（幼儿园、小学、初级中学）": (["事后监管"], True, "临城县教育局"),
    "查封、扣押不符合安全技术规范要求的特种设备或者存在严重事故隐患的特种设备": (["事后监管"], True, "淇县市场监督管理局"),
    "查封或者扣押不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品": (["事后监管"], True, "嫩江市应急管理局"),
    "水利基建项目初步设计文件审批": (["送达", "事后监管"], True, "青海省水利厅"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "北京市平谷区水务局"),
    "涉路施工许可（占用、挖掘公路、公路用地或者使公路改线审批）": (["事后监管"], True, "山西省交通运输厅"),
    "特种设备使用登记": (["事后监管"], True, "淇县市场监督管理局"),
    "出租汽车经营许可（网络预约出租汽车运输证核发）": (["事后监管"], True, "丹东: read since its third header row is; no supervision after the permit, as the reader said"),
    "对巡游出租汽车驾驶员拒载、议价、途中甩客的处罚": (["执行"], True, "丹东: read since its third header row is; its 监管（执行） column blank: the decision not carried out, as the reader said"),
    "出租汽车经营许可（巡游出租汽车经营许可）": (["事后监管"], True, "丹东: its third header row (受理（立案）责任 | 审查（调查）责任 | …) now read, a column a stage; its 事后 column blank: no supervision, as the reader said"),
    "出租汽车经营许可（网络预约出租汽车经营许可）": (["事后监管"], True, "丹东: read since its third header row is; no supervision after the permit, as the reader said"),
}


def test_missing_stage_on_a_sixty_fourth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_64.json", SIXTY_FOURTH, 13, 120)
    assert (sum(real for _, real, _ in SIXTY_FOURTH.values()), len(SIXTY_FOURTH)) == (27, 27)


SIXTY_FIFTH: dict[str, tuple[list[str], bool, str]] = {
    "临时用地审批": (["送达", "事后监管"], True, "龙泉市自然资源和规划局"),
    "使用林地审核（县级权限）（临时使用林地审批）": (["决定", "送达", "事后监管"], False, "祁门县林业局"),
    "停止供电、停止供应民用爆炸物品": (["事后监管"], True, "河池市应急管理局"),
    "农作物种子生产经营许可证核发": (["事后监管"], True, "池州市农业农村局"),
    "危险化学品经营许可（剧毒化学品、易制爆危险化学品及有储存设施的）": (["事后监管"], True, "河池市应急管理局"),
    "对农村村民未经批准或者采取欺骗手段骗取批准非法占用土地建住宅的行政处罚": (["告知", "送达", "执行"], True, "龙泉市自然资源和规划局"),
    "对农药经营者违法行为的行政处罚（对未取得农药经营许可证经营农药的处罚）": (["告知"], True, "池州市农业农村局"),
    "对农药经营者违法行为的行政处罚（对经营假农药的处罚）": (["送达"], True, "池州市农业农村局"),
    "对发布虚假广告的行政处罚": (["告知", "执行"], True, "江西省市场监督管理局"),
    "对在街道两侧和公共场地堆放物料、搭建建筑物、构筑物或者其他设施的行政处罚": (["告知", "送达"], True, "乐平市洎阳街道办事处"),
    "对未依法取得捕捞许可证擅自进行捕捞的行政处罚": (["送达"], True, "霞浦县海洋与渔业局"),
    "对未取得危险化学品经营许可证经营危险化学品的行政处罚": (["告知", "送达"], True, "河池市应急管理局"),
    "对未经许可经营旅行社业务的行政处罚": (["告知", "送达"], True, "云南省文化和旅游厅"),
    "对特种设备使用单位使用未取得许可生产的特种设备的行政处罚": (["送达"], True, "江西省市场监督管理局"),
    "对盗伐、滥伐林木的行政处罚（对滥伐林木的处罚）": (["告知", "送达"], True, "祁门县林业局"),
    "对超过标准排放大气污染物的行政处罚": (["送达"], True, "怀化市生态环境局"),
    "工业产品生产许可（化肥生产许可）": (["事后监管"], True, "江西省市场监督管理局"),
    "工业产品生产许可（危险化学品生产许可（省级发证产品））": (["事后监管"], True, "江西省市场监督管理局"),
    "强制拆除违法建筑物（经公告限期自行拆除后）": (["催告"], True, "宿迁市住房和城乡建设局"),
    "按日连续处罚": (["告知", "送达", "执行"], True, "怀化市生态环境局"),
    "排污许可证核发": (["事后监管"], True, "怀化市生态环境局"),
    "旅行社经营出境旅游业务许可": (["事后监管"], True, "云南省文化和旅游厅"),
    "查封、扣押有证据表明不符合安全技术规范要求或者存在严重事故隐患的特种设备": (["事后监管"], True, "江西省市场监督管理局"),
    "查封、扣押违法生产经营的农药及工具、设备": (["事后监管"], True, "池州市农业农村局"),
    "查封、扣押造成或者可能造成严重污染的设施、设备": (["事后监管"], True, "怀化市生态环境局"),
    "检验检测机构资质认定（省级）": (["事后监管"], True, "江西省市场监督管理局"),
    "渔业捕捞许可证核发（近海小型渔船）": (["事后监管"], True, "霞浦县海洋与渔业局"),
    "特种设备生产单位许可（部分）": (["送达"], True, "江西省市场监督管理局"),
    "营业性演出审批（文艺表演团体从事营业性演出活动审批（外国、港澳台投资））": (["送达"], True, "云南省文化和旅游厅"),
    # found since a duty that is a chain of steps (「受理—审查—决定—送达」, 「立案→调查取证→审查→决定→送达→执行」) names
    # them and is checked (the thirty-fourth session); asked for by its reader
    "使用林地审核（县级权限）": (["事后监管"], True, "祁门县林业局"),
    "实施中等及中等以下学历教育、学前教育的民办学校筹设、设立审批（民办义务教育学校设立审批）": (["送达", "事后监管"], True, "秭归县教育局"),
    "对建设单位未取得施工许可证擅自施工的行政处罚": (["告知", "送达"], True, "宿迁市住房和城乡建设局"),
    "营业性演出审批（举办涉外或者涉港澳台营业性演出审批）": (["事后监管"], True, "云南省文化和旅游厅"),
}


def test_missing_stage_on_a_sixty_fifth_sample_judged_blind(scratch, tmp_path):
    # (114 records: 龙泉's 目录, each item's own sheet named, and a total below, was read as eight more records before the
    # thirty-first session; a contents sheet's total and notes no longer count against it)
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_65.json", SIXTY_FIFTH, 13, 114)
    assert (sum(real for _, real, _ in SIXTY_FIFTH.values()), len(SIXTY_FIFTH)) == (32, 33)


SIXTY_SIXTH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发（受县自然资源局委托）": (["送达", "事后监管"], True, "府谷县新民镇人民政府"),
    "使用林地审核审批（直接为林业生产经营服务的工程设施占用林地审批）": (["送达", "事后监管"], True, "岫岩满族自治县林业和草原局"),
    "公共场所卫生许可": (["事后监管"], True, "高台县卫生健康局"),
    "动物防疫条件合格证核发": (["送达", "事后监管"], True, "安康市农业农村局"),
    "医师执业注册": (["送达", "事后监管"], True, "高台县卫生健康局"),
    "商品房预售许可": (["事后监管"], True, "朔州市住房和城乡建设局"),
    "城镇污水排入排水管网许可": (["事后监管"], True, "新密市城市管理局"),
    "对在城市建筑物、设施以及树木上涂写、刻画的处罚": (["立案"], True, "新密市城市管理局"),
    "对旅行社未经许可经营出境旅游业务的处罚": (["告知", "送达"], True, "天津市蓟州区文化和旅游局"),
    "对未取得农药经营许可证经营农药的处罚": (["告知", "送达"], True, "安康市农业农村局"),
    "对未取得医师执业证书非法行医的处罚": (["告知", "送达"], True, "高台县卫生健康局"),
    "对未取得食品生产经营许可从事食品生产经营活动的处罚": (["送达"], True, "白城市市场监督管理局"),
    "对燃气经营者无证经营的处罚": (["告知", "送达"], True, "朔州市住房和城乡建设局"),
    "对特种设备使用单位未按规定办理使用登记的处罚": (["告知", "执行"], True, "白城市市场监督管理局"),
    "对盗伐林木的处罚": (["告知", "送达"], True, "岫岩满族自治县林业和草原局"),
    "对车辆违法超限运输的处罚": (["告知", "送达"], True, "吉林省交通运输厅"),
    "对违反规定转移危险废物的处罚": (["立案", "告知"], True, "河北: a penalty in a permit's columns, 受理 blank; no 立案 and no 告知, as the reader said (its 「对履行情况进行跟踪检查」 carries the decision out)"),
    "对随意倾倒、抛洒、堆放城市生活垃圾的处罚": (["告知", "送达", "执行"], True, "新密市城市管理局"),
    "强制拆除违法设置的户外广告设施": (["催告"], True, "新密市城市管理局"),
    "查封、扣押造成污染物排放的设施、设备": (["事后监管"], True, "河北省生态环境厅"),
    "涉路施工许可（（1）跨越、穿越公路修建桥梁、渡槽或者架设、埋设管道、电缆等设施）": (["送达", "事后监管"], True, "吉林省交通运输厅"),
    "燃气经营许可": (["事后监管"], True, "朔州市住房和城乡建设局"),
    "燃气经营许可（（2）瓶装燃气经营许可）": (["事后监管"], True, "朔州市住房和城乡建设局"),
    "特种设备使用登记": (["送达", "事后监管"], True, "白城市市场监督管理局"),
    "营业性演出审批": (["送达", "事后监管"], True, "天津市蓟州区文化和旅游局"),
    "超限运输车辆行驶公路许可（跨省）": (["事后监管"], True, "吉林省交通运输厅"),
    "辐射安全许可证核发": (["送达", "事后监管"], True, "河北省生态环境厅"),
    "对从事动物诊疗活动违法行为的查封扣押": (["事后监管"], True, "安康: 报批 and 实施 only — no 处理 or 解除 after it (第二十七、二十八条); found since its 负责人批准 reads as the decision (2026-12-06)"),
    # found since a duty that is a chain of steps (「受理—审查—决定—送达」, 「立案→调查取证→审查→决定→送达→执行」) names
    # them and is checked (the thirty-fourth session); asked for by its reader
    "使用林地审核审批（临时使用林地审批）": (["事后监管"], True, "岫岩满族自治县林业和草原局"),
}


def test_missing_stage_on_a_sixty_sixth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_66.json", SIXTY_SIXTH, 13, 126)
    assert (sum(real for _, real, _ in SIXTY_SIXTH.values()), len(SIXTY_SIXTH)) == (29, 29)


SIXTY_SEVENTH: dict[str, tuple[list[str], bool, str]] = {
    "临时使用林地审批": (["事后监管"], True, "雷山县林业局"),
    "举办健身气功活动及设立站点审批": (["事后监管"], True, "上海市嘉定区体育局"),
    "代为处置危险废物": (["催告"], True, "重庆市南岸区生态环境局"),
    "兽药经营许可证核发（兽用生物制品经营除外）": (["事后监管"], True, "樟树市农业农村局"),
    "劳务派遣经营许可": (["事后监管"], True, "淮北市人力资源和社会保障局"),
    "医疗机构执业登记（医疗机构变更登记）": (["事后监管"], True, "海宁市卫生健康局"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚": (["告知"], True, "台山市广海镇人民政府"),
    "对勘察、设计单位未按照工程建设强制性标准进行勘察、设计的处罚": (["送达"], True, "海南省住房和城乡建设厅"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["告知"], True, "台山市广海镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的处罚": (["送达", "执行"], True, "临沧市水务局"),
    "对擅自占用、挖掘公路的处罚": (["告知"], True, "湖北省交通运输厅"),
    "对施工单位在施工中偷工减料、使用不合格建筑材料等行为的处罚": (["告知"], True, "海南省住房和城乡建设厅"),
    "对未取得食品生产经营许可从事食品生产经营活动的处罚": (["告知"], True, "巴中市市场监督管理局"),
    "对未按照动物疫病强制免疫计划或者免疫技术规范实施免疫接种的处罚": (["告知"], True, "樟树市农业农村局"),
    "对未经批准擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施，影响市容的处罚": (["告知"], True, "海城区东街街道办事处"),
    "对特种设备使用单位使用未取得许可生产、未经检验或者检验不合格的特种设备等行为的处罚": (["送达"], True, "巴中市市场监督管理局"),
    "对用人单位扣押劳动者居民身份证等证件的处罚": (["告知", "送达"], True, "淮北市人力资源和社会保障局"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚": (["告知", "送达"], True, "重庆市南岸区生态环境局"),
    "对进行开垦、采石、采砂、采土或者其他活动造成林木毁坏的处罚": (["告知", "送达"], True, "雷山县林业局"),
    "对高危险性体育项目经营者取得许可证后不再符合规定条件仍经营的处罚": (["告知", "送达"], True, "上海市嘉定区体育局"),
    "建筑业企业资质核准（省级权限）（建筑业企业资质增项）": (["事后监管"], True, "海南省住房和城乡建设厅"),
    "建筑施工企业安全生产许可": (["事后监管"], True, "海南省住房和城乡建设厅"),
    "建设项目环境影响评价文件审批": (["事后监管"], True, "重庆市南岸区生态环境局"),
    "强行拆除妨碍行洪的建筑物、构筑物": (["催告"], True, "临沧市水务局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "临沧市水务局"),
    "涉路施工许可（占用、挖掘高速公路、高速公路用地或者使高速公路改线审批）": (["事后监管"], True, "湖北省交通运输厅"),
    "特种设备使用登记": (["事后监管"], True, "巴中市市场监督管理局"),
    # found since 案源登记 reads as its 立案 (2026-12-06): the reader asked for 审查, 告知 and 送达
    "对公共场所经营者安排未获得有效健康合格证明的从业人员从事直接为顾客服务工作的处罚": (["告知", "送达"], True, "海宁市卫生健康局"),
    # found since the thirty-fourth session's readings (揭阳's table on its side, 责任事项 over a second column of the stages'
    # labels (each stage read, not the first alone)); each asked for by its reader
    "对导游、领队私自承揽业务等行为的处罚": (["告知", "送达"], True, "揭阳市文化广电旅游体育局"),
    "对擅自从事营业性演出经营活动的处罚": (["执行"], True, "揭阳市文化广电旅游体育局"),
    "经营高危险性体育项目许可（游泳、攀岩、潜水、滑雪等高危险性体育项目（市本级权限））": (["事后监管"], True, "揭阳市文化广电旅游体育局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "查封、扣押违法生产、经营、使用的农药及相关工具、设备、原材料": (["事后监管"], True, "樟树市农业农村局"),
}


def test_missing_stage_on_a_sixty_seventh_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_67.json", SIXTY_SEVENTH, 13, 125)
    assert (sum(real for _, real, _ in SIXTY_SEVENTH.values()), len(SIXTY_SEVENTH)) == (32, 32)


SIXTY_EIGHTH: dict[str, tuple[list[str], bool, str]] = {
    "临时占用草原审核": (["事后监管"], True, "大通回族土族自治县林业和草原局"),
    "商品房预售许可": (["事后监管"], True, "北京市顺义区住房和城乡建设委员会"),
    "对发布虚假广告的处罚": (["送达"], True, "宁夏回族自治区市场监督管理厅"),
    "对可能被转移、隐匿或者灭失的资料等予以封存": (["事后监管"], True, "吐鲁番市医疗保障局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["告知"], True, "永登县连城镇人民政府"),
    "对在产品中掺杂、掺假，以假充真，以次充好，或者以不合格产品冒充合格产品的处罚": (["告知"], True, "晋中市市场监督管理局"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的处罚": (["送达"], True, "南开区学府街道办事处"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物，或者从事影响河势稳定、危害河岸堤防安全和其他妨碍河道行洪活动的处罚": (["告知"], True, "山东省水利厅"),
    "对定点医药机构通过伪造、变造、隐匿、涂改、销毁医学文书等方式骗取医疗保障基金的处罚": (["告知"], True, "吐鲁番市医疗保障局"),
    "对擅自占用、挖掘公路等行为的处罚": (["送达"], True, "鞍山市交通运输局"),
    "对未取得危险化学品经营许可证从事危险化学品经营的处罚": (["告知", "送达"], True, "北安市应急管理局"),
    "对未经县级以上人民政府林业主管部门审核同意，擅自改变林地用途的处罚": (["送达"], True, "大通回族土族自治县林业和草原局"),
    "对社会团体违反登记管理规定行为的处罚": (["告知"], True, "磐石市民政局"),
    "对造成水土流失不进行治理的，指定有治理能力的单位代为治理": (["催告"], True, "山东省水利厅"),
    "对非法开垦草原的处罚": (["送达"], True, "大通回族土族自治县林业和草原局"),
    "巡游出租汽车经营许可": (["事后监管"], True, "鞍山市交通运输局"),
    "按日连续处罚": (["执行"], True, "新乡市生态环境局"),
    "排污许可证核发": (["事后监管"], True, "新乡市生态环境局"),
    "暂扣没有车辆营运证又无法当场提供其他有效证明的车辆": (["事后监管"], True, "鞍山市交通运输局"),
    "查封、扣押涉嫌违反产品质量法的产品及原辅材料、包装物、生产工具": (["事后监管"], True, "晋中市市场监督管理局"),
    "民办非企业单位成立、变更、注销登记": (["事后监管"], True, "磐石市民政局"),
    "烟花爆竹经营（零售）许可": (["事后监管"], True, "北安市应急管理局"),
    "特种设备使用登记": (["事后监管"], True, "晋中市市场监督管理局"),
    "特种设备生产单位许可": (["送达"], True, "宁夏回族自治区市场监督管理厅"),
    "生产建设项目水土保持方案审批": (["事后监管"], True, "山东省水利厅"),
    # found since a 责任清单 row naming two items by their codes joins both (2026-12-06): the reader asked for the 送达
    "对施工单位未对建筑材料、建筑构配件、设备和商品混凝土进行检验，或者未对涉及结构安全的试块、试件以及有关材料取样检测的处罚": (
        ["送达"], True, "北京市顺义区住房和城乡建设委员会"),
    "对施工单位未设立安全生产管理机构、配备专职安全生产管理人员或者分部分项工程施工时无专职安全生产管理人员现场监督等行为的处罚": (
        ["送达"], True, "北京市顺义区住房和城乡建设委员会"),
}


def test_missing_stage_on_a_sixty_eighth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_68.json", SIXTY_EIGHTH, 13, 134)
    assert (sum(real for _, real, _ in SIXTY_EIGHTH.values()), len(SIXTY_EIGHTH)) == (27, 27)


SIXTY_NINTH: dict[str, tuple[list[str], bool, str]] = {
    "临时使用林地审批": (["事后监管"], True, "崇义县林业局"),
    "兽药经营许可证核发": (["事后监管"], True, "贺州市农业农村局"),
    "医疗机构设置审批和执业登记（医疗机构设置审批）": (["事后监管"], True, "屏南县卫生健康局"),
    "大型群众性活动安全许可（预计参加人数5000人以上）": (["事后监管"], True, "金华市公安局"),
    "对公共场所经营者未取得卫生许可证擅自营业的处罚": (["告知"], True, "屏南县卫生健康局"),
    "对制造、销售不符合国家技术标准的殡葬设备，制造、销售封建迷信殡葬用品的处罚": (["送达"], True, "永州市民政局"),
    "对发布虚假广告行为的处罚": (["告知"], True, "四川省市场监督管理局"),
    "对在人口集中地区和其他依法需要特殊保护的区域内焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质的处罚": (["告知"], True, "港北区贵城街道办事处"),
    "对在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (["告知"], True, "重庆市巴南区城市管理局"),
    "对建设单位未依法报批建设项目环境影响报告书、报告表，擅自开工建设的处罚": (["送达"], True, "云浮市生态环境局"),
    "对开办动物饲养场等未取得动物防疫条件合格证的处罚": (["送达"], True, "贺州市农业农村局"),
    "对施工单位在施工中偷工减料，使用不合格建筑材料、建筑构配件和设备，或者有不按照工程设计图纸或者施工技术标准施工的其他行为的处罚": (["告知"], True, "江苏省住房和城乡建设厅"),
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的处罚": (["告知"], True, "屯昌县自然资源和规划局"),
    "对未经县级以上人民政府林业主管部门审核同意，擅自改变林地用途的处罚": (["告知", "送达"], True, "崇义县林业局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["送达"], True, "句容市应急管理局"),
    "对非法携带枪支、弹药或者弩、匕首等国家规定的管制器具的处罚": (["告知", "送达"], True, "金华市公安局"),
    "工业产品生产许可（省级发证产品）": (["事后监管"], True, "四川省市场监督管理局"),
    "工程勘察、工程设计企业资质认定（省级许可权限）": (["送达"], True, "江苏省住房和城乡建设厅"),
    "建设工程规划许可证核发": (["送达", "事后监管"], True, "屯昌县自然资源和规划局"),
    "强制拆除违法设置的户外广告设施": (["催告"], True, "重庆市巴南区城市管理局"),
    "房地产开发企业二级资质核定": (["事后监管"], True, "江苏省住房和城乡建设厅"),
    "扣押与治安案件有关的需要作为证据的物品": (["事后监管"], True, "金华市公安局"),
    "排污许可证核发": (["事后监管"], True, "云浮市生态环境局"),
    "查封、扣押不符合安全技术规范要求或者存在严重事故隐患的特种设备": (["事后监管"], True, "四川省市场监督管理局"),
    "查封、扣押有证据证明来源非法的林木以及从事破坏森林资源活动的工具、设备或者财物": (["事后监管"], True, "崇义县林业局"),
    "民办非企业单位成立、变更、注销登记": (["事后监管"], True, "永州市民政局"),
    "烟花爆竹经营（零售）许可": (["事后监管"], True, "句容市应急管理局"),
    "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批（1.设置大型户外广告审批；2.在城市建筑物、设施上悬挂、张贴宣传品审批）": (["事后监管"], True, "重庆市巴南区城市管理局"),
    "饮用水供水单位卫生许可": (["送达", "事后监管"], True, "屏南县卫生健康局"),
}


def test_missing_stage_on_a_sixty_ninth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_69.json", SIXTY_NINTH, 13, 133)
    assert (sum(real for _, real, _ in SIXTY_NINTH.values()), len(SIXTY_NINTH)) == (29, 29)


SEVENTIETH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["事后监管"], True, "舒兰市自然资源局"),
    "关闭、闲置或者拆除城市环境卫生设施许可": (["事后监管"], True, "济宁市城市管理局"),
    "动物诊疗许可": (["事后监管"], True, "运城市农业农村局"),
    "医师执业注册": (["事后监管"], True, "咸阳市卫生健康委员会"),
    "对医师在执业活动中未按照规定履行告知义务或者取得知情同意的处罚": (["送达"], True, "咸阳市卫生健康委员会"),
    "对学校违反国家有关规定招收学生的处罚": (["告知", "送达"], True, "伊宁市教育局"),
    "对建设单位明示或者暗示施工单位使用不合格的建筑材料、建筑构配件和设备的处罚": (["告知"], True, "任丘市住房和城乡建设局"),
    "对擅自占用、挖掘城市道路等行为的处罚": (["告知"], True, "济宁市城市管理局"),
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的处罚": (["送达"], True, "舒兰市自然资源局"),
    "对未经批准擅自取水或者未依照批准的取水许可规定条件取水的处罚": (["执行"], True, "内蒙古自治区水利厅"),
    "对未经批准擅自取水或者未依照批准的取水许可规定条件取水的处罚（对未依照批准的取水许可规定条件取水的处罚）": (["执行"], True, "内蒙古自治区水利厅"),
    "对未经批准擅自取水或者未依照批准的取水许可规定条件取水的处罚（对未经批准擅自取水的处罚）": (["执行"], True, "内蒙古自治区水利厅"),
    "对生产经营假种子的处罚": (["告知"], True, "运城市农业农村局"),
    "对违法收集、贮存、运输、处置的建筑垃圾及相关设施、设备、场所、工具、物品的查封、扣押": (["事后监管"], True, "济宁市城市管理局"),
    "对逾期不拆除公路建筑控制区内违法建筑物、地面构筑物的强制拆除": (["催告"], True, "陇西县交通运输局"),
    "对销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚": (["送达"], True, "南阳市宛城区市场监督管理局"),
    "对非法社会组织的取缔": (["告知"], True, "北京市民政局"),
    "巡游出租汽车经营许可": (["事后监管"], True, "陇西县交通运输局"),
    "教师资格认定（幼儿园、小学、初级中学教师资格认定）": (["事后监管"], True, "伊宁市教育局"),
    "水利基建项目初步设计文件审批": (["事后监管"], True, "内蒙古自治区水利厅"),
    "烟花爆竹经营（批发）许可": (["事后监管"], True, "抚顺市应急管理局"),
    "特种设备使用登记": (["事后监管"], True, "南阳市宛城区市场监督管理局"),
    "社会服务机构（民办非企业单位）成立、变更、注销登记": (["事后监管"], True, "北京市民政局"),
    # found since 责任事项具体内容 is the duties (a matrix of ticks beside it no longer read for them, 2026-12-06)
    "商品房预售许可": (["事后监管"], True, "任丘市住房和城乡建设局"),
    # found since an application to the court whose steps are in words of their own (「（1）申请：…（2）配合执行：…」) is read for its 催告 (福山, 2026-12-06), as the reader asked
    "申请人民法院强制执行责令限期拆除等行政处罚决定": (
        ["催告"], True, "舒兰市自然资源局"),
    # found since a duty that is a chain of steps (「案件来源登记→调查取证→案审会审议→事先告知…」) names them and is checked
    # (the thirty-fourth session); asked for by its reader
    "对未取得危险化学品经营许可证从事危险化学品经营的处罚": (["执行"], True, "抚顺市应急管理局"),
}


def test_missing_stage_on_a_seventieth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_70.json", SEVENTIETH, 13, 148)
    assert (sum(real for _, real, _ in SEVENTIETH.values()), len(SEVENTIETH)) == (26, 26)


SEVENTY_FIRST: dict[str, tuple[list[str], bool, str]] = {
    "乙类大型医用设备配置许可": (["事后监管"], True, "湖南省卫生健康委员会"),
    "动物防疫条件合格证核发": (["事后监管"], True, "修水县农业农村局"),
    "劳务派遣经营许可": (["事后监管"], True, "广元市利州区人力资源和社会保障局"),
    "医师执业注册（省直医疗卫生机构医师）": (["事后监管"], True, "湖南省卫生健康委员会"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的行政处罚": (["执行"], True, "临海市杜桥镇人民政府"),
    "对医师在执业活动中违反规定的行政处罚": (["告知", "执行"], True, "湖南省卫生健康委员会"),
    "对医师在执业活动中违反规定的行政处罚（对医师出具虚假医学证明文件的处罚）": (["告知", "执行"], True, "湖南省卫生健康委员会"),
    "对医师在执业活动中违反规定的行政处罚（对医师在提供医疗卫生服务中未按照规定履行告知义务或者取得知情同意的处罚）": (["告知", "执行"], True, "湖南省卫生健康委员会"),
    "对医师在执业活动中违反规定的行政处罚（对医师泄露患者隐私或者个人信息的处罚）": (["告知", "执行"], True, "湖南省卫生健康委员会"),
    "对发生生产安全事故负有责任的生产经营单位的行政处罚": (["告知"], True, "雅安市应急管理局"),
    "对在长江流域重点水域禁捕期间非法捕捞的行政处罚": (["告知"], True, "修水县农业农村局"),
    "对存在重大事故隐患的生产经营单位采取停止供电、停止供应民用爆炸物品等措施": (["事后监管"], True, "雅安市应急管理局"),
    "对擅自举办民办学校的行政处罚〔事项编码：441881-JY-CF-004〕": (["告知", "执行"], True, "英德市教育局"),
    "对旅行社未经许可经营出境旅游业务的行政处罚": (["告知"], True, "浙江省文化广电和旅游厅"),
    "对未取得采矿许可证擅自采矿的行政处罚": (["送达"], True, "建瓯市自然资源局"),
    "对未经批准擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施，影响市容的行政处罚": (["告知", "送达"], True, "曾都区西城街道办事处"),
    "对没有车辆营运证又无法当场提供其他有效证明的车辆予以暂扣": (["事后监管"], True, "马鞍山市交通运输局"),
    "对用人单位扣押劳动者居民身份证等证件的行政处罚": (["告知", "送达"], True, "广元市利州区人力资源和社会保障局"),
    "对赌博或者为赌博提供条件的行政处罚（1.以营利为目的，为赌博提供条件的2.参与赌博赌资较大的）": (["告知", "送达"], True, "黎平县公安局"),
    "对车辆违法超限运输的行政处罚": (["告知", "送达"], True, "马鞍山市交通运输局"),
    "对违反规定排放大气污染物的行政处罚": (["执行"], True, "儋州市生态环境局"),
    "对违反规定排放大气污染物的行政处罚（对未依法取得排污许可证排放大气污染物的行政处罚）": (["执行"], True, "儋州市生态环境局"),
    "对违反规定排放大气污染物的行政处罚（对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的行政处罚）": (["执行"], True, "儋州市生态环境局"),
    "对违反规定排放大气污染物的行政处罚（对通过逃避监管的方式排放大气污染物的行政处罚）": (["执行"], True, "儋州市生态环境局"),
    "建设工程规划许可证核发": (["事后监管"], True, "建瓯市自然资源局"),
    "强制隔离戒毒": (["事后监管"], False, "黎平县公安局"),
    "扣押与治安案件有关的物品": (["事后监管"], True, "黎平县公安局"),
    "排污许可证核发": (["事后监管"], True, "儋州市生态环境局"),
    "教师资格认定〔事项编码：441881-JY-XK-002〕（幼儿园、小学、初级中学教师资格认定）": (["事后监管"], True, "英德市教育局"),
    "查封、扣押违法生产、经营、使用的农药，以及用于违法生产、经营、使用农药的工具、设备、原材料等": (["事后监管"], True, "修水县农业农村局"),
    "民用爆炸物品购买许可": (["事后监管"], True, "黎平县公安局"),
    "涉外及涉港澳台营业性演出审批": (["事后监管"], True, "浙江省文化广电和旅游厅"),
    "涉外及涉港澳台营业性演出审批（台湾地区的文艺表演团体、个人参加的营业性演出审批）": (["事后监管"], True, "浙江省文化广电和旅游厅"),
    "涉外及涉港澳台营业性演出审批（外国的文艺表演团体、个人参加的营业性演出审批）": (["事后监管"], True, "浙江省文化广电和旅游厅"),
    "涉外及涉港澳台营业性演出审批（香港特别行政区、澳门特别行政区的文艺表演团体、个人参加的营业性演出审批）": (["事后监管"], True, "浙江省文化广电和旅游厅"),
    "烟花爆竹经营（批发）许可": (["事后监管"], True, "雅安市应急管理局"),
    "道路货物运输经营许可（危险货物运输）": (["事后监管"], True, "马鞍山市交通运输局"),
    # found since a power whose steps name no stage, each headed in its own word (「申请责任：…」 「配合责任：…」), is read for a set
    # of one (申请法院强制执行's 催告: 邯郸, 2026-12-06): no 催告 before the application, as the reader said
    "申请人民法院强制执行责令限期拆除决定": (["催告"], True, "建瓯市自然资源局"),
    # found since the thirty-fourth session's readings (来宾's cards, each a 责任事项 | 环节 | 责任内容 table whose stage names
    # stand in a column of labels; its 加处罚款 whose steps apply to the court asked its 催告); each asked for by its reader
    "商品房预售许可": (["事后监管"], True, "来宾市住房和城乡建设局"),
    "对当事人到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款": (["催告"], True, "来宾市住房和城乡建设局"),
    "对未取得燃气经营许可证从事燃气经营活动的行政处罚": (["告知", "送达"], True, "来宾市住房和城乡建设局"),
}


def test_missing_stage_on_a_seventy_first_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_71.json", SEVENTY_FIRST, 13, 143)
    assert (sum(real for _, real, _ in SEVENTY_FIRST.values()), len(SEVENTY_FIRST)) == (40, 41)


SEVENTY_SECOND: dict[str, tuple[list[str], bool, str]] = {
    "动物防疫条件合格证核发": (["事后监管"], True, "灵武市农业农村局"),
    "动物防疫条件合格证核发（动物防疫条件合格证变更）": (["事后监管"], True, "灵武市农业农村局"),
    "动物防疫条件合格证核发（新办）": (["事后监管"], True, "灵武市农业农村局"),
    "动物防疫条件合格证核发（动物防疫条件合格证补发）": (["事后监管"], True, "灵武市农业农村局"),
    "医疗机构执业登记（（1）执业登记）": (["事后监管"], True, "通化市卫生健康委员会"),
    "商品房预售许可": (["送达", "事后监管"], True, "库尔勒市住房和城乡建设局"),
    "实施学前教育、学历教育等民办学校的设立、分立、合并、变更和终止审批": (["事后监管"], True, "邹城市教育和体育局"),
    "实施学前教育、学历教育等民办学校的设立、分立、合并、变更和终止审批（└ 分立、合并、变更审批）": (["事后监管"], True, "邹城市教育和体育局"),
    "实施学前教育、学历教育等民办学校的设立、分立、合并、变更和终止审批（└ 设立审批（含筹设））": (["事后监管"], True, "邹城市教育和体育局"),
    "对使用未取得许可生产、未经检验或者检验不合格的特种设备等行为的处罚": (["告知"], True, "天津市市场监督管理委员会"),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的处罚": (["告知"], True, "通化市卫生健康委员会"),
    "对在城市人民政府规定的街道的临街建筑物的阳台和窗外堆放、吊挂有碍市容的物品的处罚": (["告知"], True, "广阳区解放道街道办事处"),
    "对在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (["告知"], True, "广阳区解放道街道办事处"),
    "对建设单位未依法报批建设项目环境影响报告书、报告表擅自开工建设的处罚": (["告知", "送达"], True, "盘锦市生态环境局"),
    "对开办动物饲养场等场所未取得动物防疫条件合格证的处罚": (["告知", "送达"], True, "灵武市农业农村局"),
    "对排水户未取得污水排入排水管网许可证向城镇排水设施排放污水的处罚": (["告知", "送达"], True, "许昌市城市管理局"),
    "对未取得测绘资质证书擅自从事测绘活动的处罚": (["告知", "送达"], True, "陕西省自然资源厅"),
    "对未取得燃气经营许可证从事燃气经营活动的处罚": (["告知", "送达"], True, "库尔勒市住房和城乡建设局"),
    "对未经许可经营烟花爆竹制品的处罚": (["告知"], True, "遵化市应急管理局"),
    "对殴打他人或者故意伤害他人身体的处罚": (["送达"], True, "临汾市公安局"),
    "建设项目环境影响评价文件审批（（2）环境影响报告表审批）": (["事后监管"], True, "盘锦市生态环境局"),
    "建设项目用地预审与选址意见书核发": (["事后监管"], True, "陕西省自然资源厅"),
    "强制拆除违法建设": (["催告"], True, "许昌市城市管理局"),
    "按日连续处罚": (["告知"], True, "盘锦市生态环境局"),
    "普通护照签发（首次申领、换发、补发）": (["事后监管"], True, "临汾市公安局出入境管理支队"),
    "烟花爆竹经营（零售）许可": (["事后监管"], True, "遵化市应急管理局"),
    "爆破作业人员许可证核发（爆破工程技术人员、爆破员、安全员、保管员）": (["事后监管"], True, "临汾市公安局"),
    "特种设备生产单位许可": (["事后监管"], True, "天津市市场监督管理委员会"),
    "申请人民法院强制执行房屋征收补偿决定": (["催告"], True, "库尔勒市住房和城乡建设局"),
    "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批": (["事后监管"], True, "许昌市城市管理局"),
    "采矿权审批（采矿权延续登记）": (["事后监管"], True, "陕西省自然资源厅"),
    # found since the thirty-fourth session's readings (房山's table on its side, 责任事项 over a second column of the stages'
    # labels (each stage read, not the first alone)); each asked for by its reader
    "对未经许可擅自经营劳务派遣业务的处罚": (["告知", "送达"], True, "北京市房山区人力资源和社会保障局"),
    "民办职业技能培训学校设立、分立、合并、变更及终止审批（设立；分立、合并；变更；终止）": (["送达", "事后监管"], True, "北京市房山区人力资源和社会保障局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "查封、扣押不符合食品安全标准或者有证据证明存在安全隐患的食品等": (["事后监管"], True, "天津市市场监督管理委员会"),
}


def test_missing_stage_on_a_seventy_second_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_72.json", SEVENTY_SECOND, 15, 138)
    assert (sum(real for _, real, _ in SEVENTY_SECOND.values()), len(SEVENTY_SECOND)) == (34, 34)


SEVENTY_THIRD: dict[str, tuple[list[str], bool, str]] = {
    "医师执业注册": (["事后监管"], True, "阜阳市卫生健康委员会"),
    "商品房预售许可": (["事后监管"], True, "保山市住房和城乡建设局"),
    "大型群众性活动安全许可": (["事后监管"], True, "仁怀市公安局"),
    "对个人骗取医疗保障基金支出的处罚": (["告知"], True, "汝城县医疗保障局"),
    "对公共场所经营者未取得卫生许可证擅自营业的处罚": (["告知", "送达"], True, "阜阳市卫生健康委员会"),
    "对可能被转移、隐匿或者灭失的资料予以封存": (["事后监管"], True, "汝城县医疗保障局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照许可证的规定进行建设的处罚": (["送达"], True, "广汉市向阳镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的处罚": (["告知"], True, "安徽省水利厅"),
    "对定点医药机构以骗取医疗保障基金为目的，诱导、协助他人冒名或者虚假就医、购药等行为的处罚": (["送达"], True, "汝城县医疗保障局"),
    "对未取得商品房预售许可证预售商品房的处罚": (["告知"], True, "保山市住房和城乡建设局"),
    "对未经登记擅自以社会团体名义进行活动等行为的取缔": (["告知"], True, "惠东县民政局"),
    "对生产经营不符合食品安全标准的食品等行为的处罚": (["送达"], True, "邵阳市市场监督管理局"),
    "对生产经营单位未对重大危险源登记建档或者未进行定期检测、评估、监控等行为的处罚": (["送达"], True, "广西壮族自治区应急管理厅"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚": (["告知", "送达"], True, "崇左市生态环境局"),
    "对车辆未经许可擅自超限行驶公路的处罚": (["告知"], True, "平湖市交通运输局"),
    "对饮酒后驾驶机动车的处罚": (["告知"], True, "仁怀市公安局"),
    "巡游出租汽车经营许可": (["事后监管"], True, "平湖市交通运输局"),
    "强行拆除在河道管理范围内妨碍行洪的建筑物、构筑物": (["催告"], True, "安徽省水利厅"),
    "拆除逾期不改正的乡村违法建设": (["催告"], True, "广汉市向阳镇人民政府"),
    "排污许可": (["事后监管"], True, "崇左市生态环境局"),
    "河道管理范围内建设项目工程建设方案审批（（1）长江、淮河、新安江干流河道管理范围内建设项目工程建设方案审批（流域机构审批权限以外））": (["事后监管"], True, "安徽省水利厅"),
    "特种设备使用登记": (["事后监管"], True, "邵阳市市场监督管理局"),
    # found since 职责分工 over 街道职责 | 相关职能部门职责 reads the street's column as its duties (2026-12-06)
    "对在政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (["告知", "送达"], True, "埇桥区沱河街道办事处"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "对不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押": (["事后监管"], True, "广西壮族自治区应急管理厅"),
    "扣押与案件有关的物品": (["事后监管"], True, "仁怀市公安局"),
    "查封、扣押不符合食品安全标准或者有证据证明存在安全隐患以及用于违法生产经营的食品、工具、设备": (["事后监管"], True, "邵阳市市场监督管理局"),
}


def test_missing_stage_on_a_seventy_third_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_73.json", SEVENTY_THIRD, 13, 123)
    assert (sum(real for _, real, _ in SEVENTY_THIRD.values()), len(SEVENTY_THIRD)) == (26, 26)


SEVENTY_FOURTH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["事后监管"], True, "海南藏族自治州自然资源局"),
    "农村为村民设置公益性墓地审批": (["事后监管"], True, "西吉县民政局"),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的处罚": (["告知", "执行"], True, "绥芬河市卫生健康局"),
    "对勘察、设计单位未按照工程建设强制性标准进行勘察、设计的处罚": (["送达", "执行"], True, "河南省住房和城乡建设厅"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["告知", "执行"], True, "海城市南台镇人民政府"),
    "对擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施，影响市容的处罚": (["送达"], True, "吉林市船营区北京路街道办事处"),
    "对施工单位未取得安全生产许可证擅自从事建筑施工活动的处罚": (["告知"], True, "河南省住房和城乡建设厅"),
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的处罚": (["告知", "送达"], True, "洛阳市偃师区城市管理局"),
    "对未取得道路运输经营许可擅自从事道路运输经营的处罚": (["送达"], True, "昌都市交通运输局"),
    "对未取得采矿许可证擅自采矿的处罚": (["告知"], True, "海南藏族自治州自然资源局"),
    "对未经批准举办营业性演出的处罚": (["告知", "送达"], True, "莱州市文化和旅游局"),
    "对未经批准擅自兴建殡葬设施的处罚": (["告知"], True, "西吉县民政局"),
    "对未经设立登记从事经营活动的处罚": (["告知"], True, "甘肃省嘉峪关市市场监督管理局"),
    "对民办学校违法办学行为的处罚": (["告知"], True, "克孜勒苏柯尔克孜自治州教育局"),
    "对违法建设的强制拆除": (["催告"], True, "洛阳市偃师区城市管理局"),
    "建筑施工企业安全生产许可证核发": (["事后监管"], True, "河南省住房和城乡建设厅"),
    "放射诊疗许可": (["事后监管"], True, "绥芬河市卫生健康局"),
    "校车使用许可": (["事后监管"], True, "克孜勒苏柯尔克孜自治州教育局"),
    "特种设备使用登记": (["事后监管"], True, "甘肃省嘉峪关市市场监督管理局"),
    "营业性演出审批": (["事后监管"], True, "莱州市文化和旅游局"),
    "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批": (["事后监管"], True, "洛阳市偃师区城市管理局"),
    "超限运输车辆行驶公路许可": (["事后监管"], True, "昌都市交通运输局"),
    "高级中学教师资格和中等职业学校教师资格认定": (["事后监管"], True, "克孜勒苏柯尔克孜自治州教育局"),
    # found since 具体责任内容 beside a matrix of √ under the stages is read as the duties (南丰, 2026-12-06): 怀来's three, each
    # as the reader said
    "危险化学品经营许可证核发（不带储存设施）": (["事后监管"], True, "怀来县应急管理局"),
    "对未经许可经营、超许可范围经营、许可证过期继续经营烟花爆竹的处罚": (["告知"], True, "怀来县应急管理局"),
    "对有根据认为不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押": (
        ["事后监管"], True, "怀来县应急管理局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "对没有车辆营运证又无法当场提供其他有效证明的车辆予以暂扣": (["事后监管"], True, "昌都市交通运输局"),
    "查封、扣押有根据认为不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品或者有其他严重质量问题的产品": (["事后监管"], True, "甘肃省嘉峪关市市场监督管理局"),
}


def test_missing_stage_on_a_seventy_fourth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_74.json", SEVENTY_FOURTH, 15, 121)
    assert (sum(real for _, real, _ in SEVENTY_FOURTH.values()), len(SEVENTY_FOURTH)) == (28, 28)


# As measured: 23 real of 30. Wrong were 广东省应急管理厅's six (事项名称 over 主项 | 子项 and 责任事项 over 责任环节 | 具体内容
# written without their merges, sheets named by their type's code: CF行政处罚, its stage rows not read; its 目录 of counts
# read as five records) and 亳州's 查封 asked a 执行 its seal carries out (加贴封条). After: 26 real of 26.
SEVENTY_FIFTH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发（农村村民住宅）": (["送达", "事后监管"], True, "龙南市杨村镇人民政府"),
    "公共场所卫生许可": (["事后监管"], True, "衡阳市卫生健康委员会"),
    "公路超限运输许可": (["事后监管"], True, "资阳市交通运输局"),
    "危险化学品生产企业安全生产许可": (["事后监管"], True, "广东省应急管理厅"),
    "商品房预售许可": (["事后监管"], True, "南靖县住房和城乡建设局"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚": (["告知"], True, "龙南市杨村镇人民政府"),
    "对发生生产安全事故负有责任的生产经营单位的行政处罚": (["告知"], True, "广东省应急管理厅"),
    "对可能被转移、隐匿或者灭失的资料等予以封存": (["事后监管"], True, "天门市医疗保障局"),
    "对定点医药机构分解住院、过度诊疗等违规使用医疗保障基金行为的行政处罚（1.分解住院、挂床住院2.过度诊疗、过度检查、分解处方、超量开药、重复开药3.重复收费、超标准收费、分解项目收费4.串换药品、医用耗材、诊疗项目和服务设施5.其他违规使用医疗保障基金的行为）": (
        ["告知"], True, "天门市医疗保障局"),
    "对景区在旅游者数量可能达到最大承载量时未依照规定公告、报告或者未采取疏导分流措施，以及超过最大承载量接待旅游者的行政处罚": (["告知"], True, "张家界市文化旅游广电体育局"),
    "对有证据表明不符合安全技术规范要求或者存在严重事故隐患的特种设备实施查封、扣押": (["事后监管"], True, "亳州市市场监督管理局"),
    "对未取得测绘资质证书擅自从事测绘活动的行政处罚": (["告知", "送达"], True, "贵州省自然资源厅"),
    "对未取得燃气经营许可证从事燃气经营活动的行政处罚": (["告知", "送达"], True, "南靖县住房和城乡建设局"),
    "对未按照规定设置危险废物识别标志、未制定危险废物管理计划或者申报危险废物有关资料等行为的行政处罚": (["送达"], True, "上海市松江区生态环境局"),
    "对民办学校擅自分立合并、发布虚假招生简章等违法行为的行政处罚": (["告知"], True, "北流市教育局"),
    "对特种设备使用单位使用特种设备未按照规定办理使用登记的行政处罚": (["送达"], True, "亳州市市场监督管理局"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的行政处罚": (["告知"], True, "上海市松江区生态环境局"),
    "对车辆超限行驶公路的行政处罚": (["告知", "送达"], True, "资阳市交通运输局"),
    "对非医师行医的行政处罚": (["告知"], True, "衡阳市卫生健康委员会"),
    "强制拆除公路建筑控制区内的违法建筑物、地面构筑物": (["催告"], True, "资阳市交通运输局"),
    "按日连续处罚": (["执行"], True, "上海市松江区生态环境局"),
    "撤销教师资格": (["送达"], True, "北流市教育局"),
    "教师资格认定": (["事后监管"], True, "北流市教育局"),
    "测绘资质审批": (["送达", "事后监管"], True, "贵州省自然资源厅"),
    "特种设备使用登记": (["事后监管"], True, "亳州市市场监督管理局"),
    "高危险性体育项目经营许可": (["事后监管"], True, "张家界市文化旅游广电体育局"),
    # found since a power whose steps name no stage, each headed in its own word (「申请责任：…」 「配合责任：…」), is read for a set
    # of one (申请法院强制执行's 催告: 邯郸, 2026-12-06): no 催告 before the application, as the reader said
    "申请人民法院强制执行": (["催告"], True, "南靖县住房和城乡建设局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "对不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押，对违法生产、储存、使用、经营危险物品的作业场所予以查封": (["事后监管"], True, "广东省应急管理厅"),
}


def test_missing_stage_on_a_seventy_fifth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_75.json", SEVENTY_FIFTH, 14, 131)
    assert (sum(real for _, real, _ in SEVENTY_FIFTH.values()), len(SEVENTY_FIFTH)) == (28, 28)


# As measured: 20 real of 25, two lists refused (会宁's export a field a row; 陕西省文物局's cards named by 「一 | name」). Wrong
# were 怀柔's penalty whose duties go on after a page's footer (「（接上页）」), 辽宁's penalty and permit whose cells are codes
# of the 说明 sheet's table (通用C1至C7, 通用T3、T4), and 宾县's and 铜川's 查封 (their 决定 the 负责人批准, their 执行 the seal).
# After: 25 real of 25.
SEVENTY_SIXTH: dict[str, tuple[list[str], bool, str]] = {
    "代为处置危险废物": (["催告"], True, "铜川市生态环境局"),
    "动物防疫条件合格证核发": (["事后监管"], True, "那曲市农业农村局"),
    "对在公路用地范围内设置公路标志以外的其他标志的处罚": (["告知"], True, "辽宁省交通运输厅"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["送达"], True, "涉县水利局"),
    "对定点医药机构未按规定建立医疗保障基金使用内部管理制度等行为的处罚（（1）未建立医疗保障基金使用内部管理制度，或者没有专门机构或者人员负责医疗保障基金使用管理工作的（2）未按照规定保管财务账目、会计凭证、处方、病历、治疗检查记录、费用明细、药品和医用耗材出入库记录等资料的（3）未按照规定通过医疗保障信息系统传送医疗保障基金使用有关数据的（4）未按照规定向医疗保障行政部门报告医疗保障基金使用监督管理所需信息的（5）未按照规定向社会公开医药费用、费用结构等信息的（6）除急诊、抢救等特殊情形外，未经参保人员或者其近亲属、监护人同意提供医疗保障基金支付范围以外的医药服务的（7）拒绝医疗保障等行政部门监督检查或者提供虚假情况的）": (
        ["送达"], True, "朝阳市医疗保障局"),
    "对擅自在文物保护单位保护范围内或者建设控制地带内进行建设工程等行为的处罚（（一）擅自在文物保护单位的保护范围内进行建设工程或者爆破、钻探、挖掘等作业（二）在文物保护单位的建设控制地带内进行建设工程，其工程设计方案未经文物行政部门同意、报城乡建设规划部门批准，对文物保护单位的历史风貌造成破坏）": (
        ["告知"], True, "陕西省文物局"),
    "对施工工地未采取有效防尘降尘措施等行为的处罚": (["送达"], True, "北京市怀柔区城市管理综合行政执法局"),
    "对未取得农药经营许可证经营农药等行为的处罚": (["告知"], True, "那曲市农业农村局"),
    "对生产经营标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂的处罚": (["告知"], True, "宾县市场监督管理局"),
    "对用人单位使用童工的处罚": (["送达"], True, "会宁县人力资源和社会保障局"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚": (["告知"], True, "铜川市生态环境局"),
    "对违法建设采取查封施工现场、强制拆除措施（6-2 强制拆除）": (["催告"], True, "北京市怀柔区城市管理综合行政执法局"),
    "对饮酒后驾驶机动车的处罚（饮酒后驾驶机动车）": (["送达"], True, "银川市公安局"),
    "对饮酒后驾驶机动车的处罚（饮酒后驾驶营运机动车）": (["送达"], True, "银川市公安局"),
    "建设项目环境影响评价文件审批（建设项目环境影响报告书审批）": (["事后监管"], True, "铜川市生态环境局"),
    # found since a sub-item row whose stage columns are all blank reads the item's above it, as a merge would (安徽省交通
    # 运输厅's 超限运输许可, 2026-12-06): the two share one row of duties, the reader said
    "建设项目环境影响评价文件审批（建设项目环境影响报告表审批）": (["事后监管"], True, "铜川市生态环境局"),
    "强行拆除河道管理范围内妨碍行洪的建筑物、构筑物": (["催告"], True, "涉县水利局"),
    "扣留造成公路、公路附属设施损坏拒不接受现场调查处理的车辆、工具": (["事后监管"], True, "辽宁省交通运输厅"),
    "文物保护单位建设控制地带内建设工程设计方案审核（省级文物保护单位建设控制地带内建设工程设计方案审核）": (["事后监管"], True, "陕西省文物局"),
    "查封、扣押不符合食品安全标准或者存在安全隐患的食品等": (["事后监管"], True, "宾县市场监督管理局"),
    "查封、扣押造成污染物排放的设施、设备": (["事后监管"], True, "铜川市生态环境局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "涉县水利局"),
    "焰火燃放许可（举办焰火晚会以及其他大型焰火燃放活动许可）": (["事后监管"], True, "银川市公安局"),
    "特种设备使用登记（锅炉、压力容器、电梯、起重机械、场（厂）内专用机动车辆使用登记）": (["事后监管"], True, "宾县市场监督管理局"),
    "超限运输车辆行驶公路许可（跨省、自治区、直辖市超限运输许可（起运地在本省））": (["事后监管"], True, "辽宁省交通运输厅"),
    "超限运输车辆行驶公路许可（途经本省的跨省超限运输许可（并联审批））": (["事后监管"], True, "辽宁省交通运输厅"),
    # found since the thirty-fourth session's readings (延川县文安驿镇's table on its side, 责任事项 over a second column of the
    # stages' labels (each stage read, not the first alone)); each asked for by its reader
    "拆除逾期不改正的乡村违法建设": (["催告"], True, "延川县文安驿镇人民政府"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "扣留机动车": (["事后监管"], True, "银川市公安局"),
}


def test_missing_stage_on_a_seventy_sixth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_76.json", SEVENTY_SIXTH, 15, 123)
    assert (sum(real for _, real, _ in SEVENTY_SIXTH.values()), len(SEVENTY_SIXTH)) == (28, 28)


# As measured: 22 real of 22 (安徽省体育局 … 潜江市园林街道: a √ matrix of stages, a two-row English and Chinese header, cards
# of two pairs a row, a list split over sheets by 权力编码; nothing read wrong that the rule reported).
SEVENTY_SEVENTH: dict[str, tuple[list[str], bool, str]] = {
    "个体工商户设立、变更、注销登记": (["事后监管"], True, "开化县市场监督管理局"),
    "兽药经营许可证核发": (["送达", "事后监管"], True, "湛江市农业农村局"),
    "农村村民宅基地审批": (["事后监管"], True, "德化县浔中镇人民政府"),
    "商品房预售许可": (["事后监管"], True, "赣州市住房和城乡建设局"),
    "对体育社会团体、运动员管理单位向运动员提供兴奋剂的处罚": (["告知", "送达"], True, "安徽省体育局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照许可证规定进行建设的处罚": (["告知", "送达"], True, "德化县浔中镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的处罚": (["告知", "送达"], True, "高邮市水务局"),
    "对建设单位未取得施工许可证擅自施工的处罚": (["送达"], True, "赣州市住房和城乡建设局"),
    "对拒不执行停产停业决定的生产经营单位采取停止供电、停止供应民用爆炸物品措施": (["事后监管"], True, "遵义市应急管理局"),
    "对擅自设置大型户外广告影响市容的处罚": (["立案", "送达", "执行"], True, "潜江市园林街道办事处"),
    "对未取得危险化学品经营许可证从事危险化学品经营的处罚": (["告知", "执行"], True, "遵义市应急管理局"),
    "对未取得道路运输经营许可擅自从事道路客运经营的处罚": (["告知"], True, "柳州市交通运输局"),
    "对未经许可进行涉路施工活动的处罚": (["告知"], True, "海南省交通运输厅"),
    "对经营者虚假或者引人误解的商业宣传的处罚": (["告知"], True, "开化县市场监督管理局"),
    "对随意倾倒、抛撒、堆放或者焚烧生活垃圾的处罚": (["告知"], True, "潜江市园林街道办事处"),
    "巡游出租汽车经营许可": (["事后监管"], True, "柳州市交通运输局"),
    "暂扣未取得道路运输经营许可从事经营的车辆": (["事后监管"], True, "柳州市交通运输局"),
    "查封、扣押有证据证明可能是假、劣兽药的兽药": (["事后监管"], True, "湛江市农业农村局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "高邮市水务局"),
    "烟花爆竹经营（批发）许可": (["事后监管"], True, "遵义市应急管理局"),
    "生产建设项目水土保持方案审批": (["送达", "事后监管"], True, "高邮市水务局"),
    "超限运输车辆行驶公路许可": (["事后监管"], True, "海南省交通运输厅"),
    # found since 责任事项具体内容 is the duties (a matrix of ticks beside it no longer read for them, 2026-12-06)
    "民办非企业单位（社会服务机构）成立登记": (["事后监管"], True, "上海市宝山区民政局"),
    "对养老机构未按照约定提供服务等行为的处罚": (["告知", "执行"], True, "上海市宝山区民政局"),
}


def test_missing_stage_on_a_seventy_seventh_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_77.json", SEVENTY_SEVENTH, 13, 129)
    assert (sum(real for _, real, _ in SEVENTY_SEVENTH.values()), len(SEVENTY_SEVENTH)) == (24, 24)


# As measured: 22 real of 23, 沂水's list refused (its 实施主体 「各镇（街道）」 taken for a place named 街道) and 太原's export a
# line a stage read as fifty records (RESP_STAGE not known). The false: 赞皇's 封存 whose 「【解除】」 ran on in one line of
# bracketed steps. After: 26 real of 26.
SEVENTY_EIGHTH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["事后监管"], True, "辉县市自然资源局"),
    "互联网上网服务营业场所经营单位设立审批（设立、变更（名称、住所、法定代表人、经济类型、注册资本）、注销）": (["事后监管"], True, "哈尔滨市文化广电和旅游局"),
    "兽药经营许可证核发": (["事后监管"], True, "沂水县农业农村局"),
    "医师执业注册（首次注册、变更注册、重新注册、注销注册）": (["事后监管"], True, "赞皇县卫生健康局"),
    "对个人骗取医疗保障基金行为的行政处罚": (["告知"], True, "吉林省医疗保障局"),
    "对互联网上网服务营业场所经营单位接纳未成年人进入营业场所的行政处罚": (["送达"], True, "哈尔滨市文化广电和旅游局"),
    "对医疗机构未按照规定承担本单位的传染病预防、控制工作等行为的行政处罚": (["告知"], True, "赞皇县卫生健康局"),
    "对危险化学品生产企业未取得安全生产许可证擅自从事生产活动的行政处罚": (["告知"], True, "甘肃省应急管理厅"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照许可证规定进行建设的处理": (["送达"], True, "湟源县日月藏族乡人民政府"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的行政处罚": (["送达"], True, "北京市东城区东华门街道办事处"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的行政处罚": (["告知"], True, "济南市城乡水务局"),
    "对定点医药机构以骗取医疗保障基金为目的实施违法行为的行政处罚": (["送达"], True, "吉林省医疗保障局"),
    "对建设单位未依法报批建设项目环境影响报告书（表）擅自开工建设的行政处罚": (["告知", "送达"], True, "长春市生态环境局"),
    "对擅自举办民办学校的行政处罚": (["告知"], True, "宝鸡市陈仓区教育体育局"),
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的行政处罚": (["送达"], True, "辉县市自然资源局"),
    "对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的行政处罚": (["送达"], True, "太原市市场监督管理局"),
    "对生产经营假、劣种子的行政处罚（1.生产经营假种子2.生产经营劣种子）": (["告知"], True, "沂水县农业农村局"),
    "排污许可证核发（首次申请、重新申请、变更、延续）": (["事后监管"], True, "长春市生态环境局"),
    "教师资格认定（幼儿园、小学、初级中学教师资格认定）": (["事后监管"], True, "宝鸡市陈仓区教育体育局"),
    "民办非企业单位成立登记": (["事后监管"], True, "扎兰屯市民政局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "济南市城乡水务局"),
    "烟花爆竹生产企业安全生产许可（变更）": (["事后监管"], True, "甘肃省应急管理厅"),
    "烟花爆竹生产企业安全生产许可（延期）": (["事后监管"], True, "甘肃省应急管理厅"),
    "烟花爆竹生产企业安全生产许可（首次申请）": (["事后监管"], True, "甘肃省应急管理厅"),
    "生产建设项目水土保持方案审批": (["送达"], True, "济南市城乡水务局"),
    "食品经营许可（新办、变更、延续、注销）": (["事后监管"], True, "太原市市场监督管理局"),
    # found since a duty that is a chain of steps (「案件来源登记→调查取证→案审会审议→事先告知…」) names them and is checked
    # (the thirty-fourth session); asked for by its reader
    "对擅自兴建殡葬设施的行政处罚": (["送达"], True, "扎兰屯市民政局"),
}


def test_missing_stage_on_a_seventy_eighth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_78.json", SEVENTY_EIGHTH, 13, 129)
    assert (sum(real for _, real, _ in SEVENTY_EIGHTH.values()), len(SEVENTY_EIGHTH)) == (27, 27)


# As measured: 14 real of 15, 永嘉's list refused (a table on its side under a heading row 项目 | 事项内容), 浙江's sheets 许可 |
# 处罚 | 检查及其他 read without types (a type's own word; the last sheet's types in 备注; 设区市 | 县（市、区） no level's
# column, so the header's second row was read as a record), 全州's pairs 责任环节及内容（一） … （七） over 环节 | 内容 unread.
# The false, still: 合肥's card whose last step 结案归档 (「…逾期不履行的，依法申请人民法院强制执行」) the reader took for its 执行.
SEVENTY_NINTH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["事后监管"], True, "永嘉县自然资源和规划局"),
    "农村村民宅基地审批": (["送达"], True, "都江堰市青城山镇人民政府"),
    "农药生产许可": (["事后监管"], True, "湖北省农业农村厅"),
    "城镇污水排入排水管网许可": (["事后监管"], True, "合肥市城乡建设局"),
    "对互联网上网服务营业场所经营单位接纳未成年人进入营业场所的行政处罚": (["告知"], True, "上海市杨浦区文化和旅游局"),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的行政处罚": (["送达"], True, "海口市卫生健康委员会"),
    "对农药经营者经营劣质农药的行政处罚": (["告知", "送达"], True, "湖北省农业农村厅"),
    "对在人口集中地区和其他依法需要特殊保护的区域内露天焚烧秸秆、落叶等产生烟尘污染物质的行政处罚": (["告知", "送达"], True, "都江堰市青城山镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的行政处罚": (["告知"], True, "全州县水利局"),
    "对建筑施工企业安全生产许可证有效期满未办理延期手续继续从事建筑施工活动的行政处罚": (["送达"], True, "浙江省住房和城乡建设厅"),
    "对排水户未取得污水排入排水管网许可证向城镇排水设施排放污水的行政处罚": (["告知"], True, "合肥市城乡建设局"),
    "对施工单位在施工中偷工减料、使用不合格建筑材料或者不按照工程设计图纸、施工技术标准施工的行政处罚": (["告知"], True, "浙江省住房和城乡建设厅"),
    "对未经许可经营旅行社业务的行政处罚": (["送达"], True, "上海市杨浦区文化和旅游局"),
    "对用人单位不办理社会保险登记的行政处罚": (["告知"], True, "普宁市人力资源和社会保障局"),
    "对破坏或者擅自改变永久基本农田保护区标志的行政处罚": (["告知", "送达"], True, "永嘉县自然资源和规划局"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的行政处罚": (["告知"], True, "莆田市生态环境局"),
    "建设工程勘察、设计企业资质认定": (["事后监管"], True, "浙江省住房和城乡建设厅"),
    "排污许可证核发（1.重点管理排污单位排污许可证核发2.简化管理排污单位排污许可证核发）": (["事后监管"], True, "莆田市生态环境局"),
    "母婴保健技术服务执业许可": (["事后监管"], True, "海口市卫生健康委员会"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "全州县水利局"),
    "经营性人力资源服务机构从事职业中介活动许可": (["送达"], True, "普宁市人力资源和社会保障局"),
    # found since 职责分工 over 街道职责 | 相关职能部门职责 reads the street's column as its duties, and a 责任清单 row naming
    # two items by their codes joins both (麻城: two records fewer)
    "对随意倾倒、抛洒、堆放或者焚烧生活垃圾的行政处罚": (["告知"], True, "桐城市龙眠街道办事处"),
    # found since a header of three rows takes the top two rows' words over a column the third leaves blank (大理's 权力事项
    # over 编码 | 名称 | 子项 …, 责任事项 over 事前 | 事中 | 事后 over the stages: each stage's column read, not each phase's
    # first, 2026-12-06)
    "强制拆除在公路建筑控制区内修建的建筑物、地面构筑物": (["催告"], True, "大理白族自治州交通运输局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "查封、扣押不符合保障安全生产的国家标准或者行业标准的建筑施工设施、设备、器材": (["事后监管"], True, "浙江省住房和城乡建设厅"),
}


def test_missing_stage_on_a_seventy_ninth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_79.json", SEVENTY_NINTH, 13, 127)
    assert (sum(real for _, real, _ in SEVENTY_NINTH.values()), len(SEVENTY_NINTH)) == (24, 24)


# As measured: 25 real of 25; 新疆's export DUTY_STAGE_1 | … | DUTY_STAGE_7 (each cell a step headed by its name) unread, 焦作's
# 子项 「——」 written into the names. After: 28 real of 28.
EIGHTIETH: dict[str, tuple[list[str], bool, str]] = {
    "互联网上网服务营业场所经营单位设立审批": (["事后监管"], True, "高平市文化和旅游局"),
    "兽药经营许可（兽药经营许可证核发（不含兽用生物制品））": (["事后监管"], True, "黄骅市农业农村局"),
    "医师执业注册": (["事后监管"], True, "河南省卫生健康委员会"),
    "对互联网上网服务营业场所经营单位接纳未成年人进入营业场所等行为的处罚": (["送达"], True, "高平市文化和旅游局"),
    "对医师在执业活动中未按照规定履行告知义务等行为的处罚": (["告知"], True, "河南省卫生健康委员会"),
    "对医疗机构未按照规定承担传染病预防、控制工作等行为的处罚（（1）未按照规定承担本单位传染病预防、控制工作、医院感染控制任务的（2）未按照规定报告传染病疫情，或者隐瞒、谎报、缓报传染病疫情的）": (
        ["送达"], True, "河南省卫生健康委员会"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照许可证规定进行建设的处罚": (["送达"], True, "邹平市魏桥镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["告知"], True, "密山市水务局"),
    "对定点医药机构骗取医疗保障基金支出的处罚": (["告知"], True, "临泽县医疗保障局"),
    "对建筑施工企业安全生产许可证有效期满未办理延期手续继续从事施工活动的处罚": (["告知"], True, "新疆维吾尔自治区住房和城乡建设厅"),
    "对擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施，影响市容的处罚": (["告知"], True, "武清区杨村街道办事处"),
    "对施工单位未对建筑材料、建筑构配件、设备和商品混凝土进行检验等行为的处罚": (["送达"], True, "新疆维吾尔自治区住房和城乡建设厅"),
    "对民办非企业单位违反登记管理规定行为的处罚": (["告知"], True, "四平市民政局"),
    "对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚": (["送达"], True, "焦作市市场监督管理局"),
    "对生产经营假种子的处罚": (["告知"], True, "黄骅市农业农村局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["送达"], True, "北京市昌平区应急管理局"),
    "对车辆超限运输的处罚": (["送达"], True, "阿克苏地区交通运输局"),
    "封存可能被转移、隐匿或者灭失的资料": (["事后监管"], True, "临泽县医疗保障局"),
    "建筑施工企业安全生产许可": (["事后监管"], True, "新疆维吾尔自治区住房和城乡建设厅"),
    "强制拆除不符合城市容貌标准、环境卫生标准的建筑物或者设施": (["催告"], True, "武清区杨村街道办事处"),
    "强行拆除妨碍行洪的建筑物、构筑物": (["催告"], True, "密山市水务局"),
    "按日连续处罚": (["告知"], True, "昌吉回族自治州生态环境局"),
    "排污许可证核发": (["送达"], True, "昌吉回族自治州生态环境局"),
    "查封、扣押不符合安全技术规范要求或者存在严重事故隐患的特种设备": (["事后监管"], True, "焦作市市场监督管理局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "密山市水务局"),
    "烟花爆竹经营（零售）许可": (["事后监管"], True, "北京市昌平区应急管理局"),
    "特种设备使用登记": (["事后监管"], True, "焦作市市场监督管理局"),
    "道路旅客运输经营许可（从事市际、县际（除毗邻县行政区域间外）道路旅客运输经营许可）": (["事后监管"], True, "阿克苏地区交通运输局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "扣留造成公路、公路附属设施损坏且拒不接受现场调查处理的车辆、工具": (["事后监管"], True, "阿克苏地区交通运输局"),
}


def test_missing_stage_on_a_eightieth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_80.json", EIGHTIETH, 13, 126)
    assert (sum(real for _, real, _ in EIGHTIETH.values()), len(EIGHTIETH)) == (29, 29)


# As measured: 20 real of 33, two lists refused (玉溪's cards two a band, named in their headings; 九龙坡's export a field a
# row headed SXBM | PX | ZDMC | ZDZ), 枝江's 权力清单 | 责任清单 side by side (its duties numbered 1-1, 1-2 … read as the item's
# number, all but the first lost: six false), 阳江's 责任事项 sheet by shortened codes and a 责任科室 a step (three records of
# their own), 乐东's 后续管理 unread. The false after: 广元's penalty whose 告知 is its 其他 column's 「陈述申辩：作出决定前听取…」.
EIGHTY_FIRST: dict[str, tuple[list[str], bool, str]] = {
    "临时占用城市绿化用地审批": (["送达"], True, "上海市绿化和市容管理局"),
    "兽药经营许可证核发": (["送达"], True, "汨罗市农业农村局"),
    "商品房预售许可": (["事后监管"], True, "阳江市住房和城乡建设局"),
    "城市建筑垃圾处置核准": (["事后监管"], True, "上海市绿化和市容管理局"),
    "对在城市人民政府规定的街道的临街建筑物的阳台和窗外堆放、吊挂有碍市容的物品的处罚": (["告知"], True, "天宁区红梅街道办事处"),
    "对在河道、湖泊管理范围内建设妨碍行洪的建筑物、构筑物的处罚": (["告知"], True, "贵州省水利厅"),
    "对学校或者其他教育机构违反国家有关规定招收学生的处罚": (["告知"], True, "天台县教育局"),
    "对屠宰、经营、运输依法应当检疫而未经检疫或者病死、死因不明动物及动物产品的处罚": (["立案"], True, "汨罗市农业农村局"),
    "对工程施工单位擅自倾倒、抛撒建筑垃圾的处罚": (["送达"], True, "上海市绿化和市容管理局"),
    "对擅自占用城市绿化用地的处罚": (["执行"], True, "天宁区红梅街道办事处"),
    "对施工单位在施工中偷工减料，使用不合格的建筑材料、建筑构配件和设备，或者有不按照工程设计图纸或者施工技术标准施工的其他行为的处罚": (["送达"], True, "阳江市住房和城乡建设局"),
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的处罚": (["执行"], True, "广元市自然资源局"),
    "对未取得采矿许可证擅自采矿的处罚": (["送达"], True, "广元市自然资源局"),
    "对未经登记擅自以社会团体、民办非企业单位名义进行活动的取缔": (["告知"], True, "乐东黎族自治县民政局"),
    "对生产经营单位未按照规定对从业人员进行安全生产教育和培训的处罚": (["送达"], True, "枝江市应急管理局"),
    "对经营者实施虚假或者引人误解的商业宣传的处罚": (["送达", "执行"], True, "玉溪市市场监督管理局"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚": (["告知"], True, "重庆市九龙坡区生态环境局"),
    "对车辆超限使用汽车渡船或者在公路上擅自超限行驶的处罚": (["告知"], True, "铜陵市交通运输局"),
    "对违法建设查封施工现场": (["事后监管"], True, "天宁区红梅街道办事处"),
    "对违法建设查封施工现场、强制拆除": (["催告"], True, "广元市自然资源局"),
    "对造成水土流失逾期仍不治理的，指定有治理能力的单位代为治理": (["催告"], True, "贵州省水利厅"),
    "建设工程规划许可证核发": (["事后监管"], True, "广元市自然资源局"),
    "排污许可": (["事后监管"], True, "重庆市九龙坡区生态环境局"),
    "教师资格认定（1.幼儿园教师资格认定2.小学教师资格认定3.初级中学教师资格认定）": (["事后监管"], True, "天台县教育局"),
    "民办非企业单位成立、变更、注销登记": (["事后监管"], True, "乐东黎族自治县民政局"),
    "水工程建设规划同意书审核": (["事后监管"], True, "贵州省水利厅"),
    "涉路施工许可（1.占用、挖掘公路、公路用地或者使公路改线审批2.跨越、穿越公路修建桥梁、渡槽或者架设、埋设管道、电缆等设施审批3.在公路用地范围内架设、埋设管道、电缆等设施审批）": (
        ["送达"], True, "铜陵市交通运输局"),
    "烟花爆竹经营（零售）许可（1.首次申请2.延期3.变更）": (["送达"], True, "枝江市应急管理局"),
    "特种设备使用登记": (["事后监管"], True, "玉溪市市场监督管理局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "扣留造成公路、公路附属设施损坏且拒不接受现场调查处理的车辆、工具": (["事后监管"], True, "铜陵市交通运输局"),
}


def test_missing_stage_on_a_eighty_first_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_81.json", EIGHTY_FIRST, 13, 131)
    assert (sum(real for _, real, _ in EIGHTY_FIRST.values()), len(EIGHTY_FIRST)) == (30, 30)


# As measured: 23 real of 25, 金昌's cards (「事项 01 | name」) refused; the false: 瓦房店's 查封 whose 解除 is on a row 「6（续）」
# after a page break, 凤翔's 社会团体成立登记 whose 事后监管 is a bare stage's column after 受理（立案）环节 … 送达环节. After: 23 of 23.
EIGHTY_SECOND: dict[str, tuple[list[str], bool, str]] = {
    "农村村民宅基地审批": (["事后监管"], True, "赵县赵州镇人民政府"),
    "动物防疫条件合格证核发": (["事后监管"], True, "乌海市农牧局"),
    "对个人随意倾倒、抛撒、堆放生活垃圾的处罚": (["送达"], True, "天山区幸福路街道办事处"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚": (["告知"], True, "赵县赵州镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚（（1）对在河道管理范围内建设妨碍行洪的建筑物、构筑物的处罚）": (["告知"], True, "河北省水利厅"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚（（2）对从事影响河势稳定、危害河岸堤防安全和其他妨碍河道行洪的活动的处罚）": (["告知"], True, "河北省水利厅"),
    "对在河道管理范围内逾期不拆除妨碍行洪建筑物、构筑物的强行拆除": (["催告"], True, "河北省水利厅"),
    "对将应当火化的遗体土葬或者在公墓和农村公益性墓地以外的其他地方埋葬遗体、建造坟墓的强制执行": (["催告"], True, "宝鸡市凤翔区民政局"),
    "对排水户未取得污水排入排水管网许可证向城镇排水设施排放污水的处罚": (["告知"], True, "七台河市水务局"),
    "对未取得农药经营许可证经营农药的处罚": (["告知"], True, "乌海市农牧局"),
    "对未经安全许可举办大型群众性活动的处罚": (["告知", "送达"], True, "石嘴山市公安局"),
    "对未经定点从事生猪屠宰活动的处罚": (["告知"], True, "平度市农业农村局"),
    "对生产经营不符合食品安全标准的食品、食品添加剂的处罚": (["送达"], True, "清徐县市场监督管理局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["送达"], True, "瓦房店市应急管理局"),
    "对非医师行医的处罚": (["送达"], True, "天津市卫生健康委员会"),
    "旅馆业特种行业许可证核发": (["事后监管"], True, "石嘴山市公安局"),
    "母婴保健技术服务执业许可（产前诊断）": (["事后监管"], True, "天津市卫生健康委员会"),
    "民办非企业单位成立登记": (["事后监管"], True, "宝鸡市凤翔区民政局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "河北省水利厅"),
    "河道采砂许可": (["事后监管"], True, "七台河市水务局"),
    "渔业捕捞许可（内陆渔业捕捞许可证核发）": (["事后监管"], True, "平度市农业农村局"),
    "渔业捕捞许可（海洋渔业捕捞许可证核发（县级权限））": (["事后监管"], True, "平度市农业农村局"),
    "烟花爆竹经营（零售）许可证核发": (["事后监管"], True, "瓦房店市应急管理局"),
    # found since the thirty-fourth session's readings (金昌's cards, a 责任事项 | 环节 | 责任内容 table whose stage names stand in
    # a column of labels); each asked for by its reader
    "出租汽车经营许可（1.出租汽车经营资格证核发2.出租汽车车辆运营证核发）": (["事后监管"], True, "金昌市交通运输局"),
    "对未取得道路运输经营许可擅自从事道路运输经营的处罚（1.未取得道路运输经营许可，擅自从事道路客运经营2.未取得道路运输经营许可，擅自从事道路普通货物运输经营）": (["告知"], True, "金昌市交通运输局"),
}


def test_missing_stage_on_a_eighty_second_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_82.json", EIGHTY_SECOND, 13, 138)
    assert (sum(real for _, real, _ in EIGHTY_SECOND.values()), len(EIGHTY_SECOND)) == (25, 25)


# As measured: 23 real of 26, 黄陂's list refused (its duties under 运行流程及岗位责任（※1）, no header known; 【取证】, 【批复】,
# 【跟踪】 its steps); the false: 攸县's ● matrix read as the duties where 责任事项具体内容 (「一是…责任。…」) beside it holds them, and
# 六盘水's 查封 whose 执行/事后监管 column is empty (the reader asked for its 解除, not its 执行; still false after), 攸县's 停止供电
# asked for 事后监管 where the reader asked for 催告 (still false after). After: 26 real of 28.
EIGHTY_THIRD: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["事后监管"], True, "景洪市勐罕镇人民政府"),
    "从事城市生活垃圾经营性清扫、收集、运输服务审批": (["事后监管"], True, "湘潭市城市管理和综合执法局"),
    "企业实行不定时工作制和综合计算工时工作制审批": (["事后监管"], True, "重庆市潼南区人力资源和社会保障局"),
    "兽药经营许可证核发（兽用生物制品除外）": (["事后监管"], True, "潮州市农业农村局"),
    "医师执业注册（省级医疗机构）": (["送达"], True, "江西省卫生健康委员会"),
    "商品房预售许可": (["事后监管"], True, "六盘水市住房和城乡建设局"),
    "对公路建设项目未经批准擅自施工的处罚": (["告知"], True, "四川省交通运输厅"),
    "对发布虚假广告的处罚": (["告知"], True, "松阳县市场监督管理局"),
    "对在人口集中地区和其他依法需要特殊保护的区域内露天焚烧秸秆、落叶等产生烟尘污染的物质的处罚": (["送达"], True, "景洪市勐罕镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的处罚": (["送达"], True, "武汉市黄陂区水务和湖泊局"),
    "对在禁渔区、禁渔期进行捕捞或者使用禁用的渔具、捕捞方法捕捞的处罚": (["告知"], True, "潮州市农业农村局"),
    "对建设单位未取得施工许可证或者为规避办理施工许可证将工程项目分解后擅自施工的处罚": (["告知"], True, "六盘水市住房和城乡建设局"),
    "对擅自举办民办学校的处罚": (["告知"], True, "兴宁市教育局"),
    "对擅自从事互联网上网服务经营活动的处罚": (["告知"], True, "连云港市文化广电和旅游局"),
    "对有根据认为不符合保障安全生产的国家标准或者行业标准的设施、设备、器材予以查封或者扣押": (["事后监管"], True, "六盘水市住房和城乡建设局"),
    "对未经批准擅自占用城市道路的处罚": (["送达"], True, "湘潭市城市管理和综合执法局"),
    "对未经许可经营旅行社业务的处罚": (["送达"], True, "连云港市文化广电和旅游局"),
    "对河道管理范围内逾期不拆除的妨碍行洪建筑物、构筑物实施代履行": (["催告"], True, "武汉市黄陂区水务和湖泊局"),
    "对生产经营单位未按照规定对从业人员进行安全生产教育和培训的处罚": (["告知"], True, "攸县应急管理局"),
    "对用人单位违反规定延长劳动者工作时间的处罚": (["告知"], True, "重庆市潼南区人力资源和社会保障局"),
    "对违法建设采取查封施工现场、强制拆除等措施": (["催告"], True, "湘潭市城市管理和综合执法局"),
    "对非医师行医的处罚": (["送达"], True, "江西省卫生健康委员会"),
    "扣留造成公路、公路附属设施损坏拒不接受现场调查处理的车辆、工具": (["事后监管"], True, "四川省交通运输厅"),
    "教师资格认定（幼儿园、小学、初级中学）": (["送达"], True, "兴宁市教育局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "武汉市黄陂区水务和湖泊局"),
    "烟花爆竹经营（零售）许可": (["事后监管"], True, "攸县应急管理局"),
    "职业病危害事故临时控制措施": (["事后监管"], True, "江西省卫生健康委员会"),
}


def test_missing_stage_on_a_eighty_third_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_83.json", EIGHTY_THIRD, 13, 120)
    assert (sum(real for _, real, _ in EIGHTY_THIRD.values()), len(EIGHTY_THIRD)) == (27, 27)


# As measured (after the eighty-third's readings, before any of its own): 23 real of 23.
EIGHTY_FOURTH: dict[str, tuple[list[str], bool, str]] = {
    "企业实行不定时工作制和综合计算工时工作制审批": (["事后监管"], True, "石家庄市人力资源和社会保障局"),
    "农作物种子生产经营许可证核发（主要农作物常规种原种种子生产经营许可证核发）": (["事后监管"], True, "辽宁省农业农村厅"),
    "农作物种子生产经营许可证核发（主要农作物杂交种子及其亲本种子生产经营许可证核发）": (["事后监管"], True, "辽宁省农业农村厅"),
    "医师执业注册": (["事后监管"], True, "安达市卫生健康局"),
    "取水许可": (["事后监管"], True, "民勤县水务局"),
    "娱乐场所从事娱乐场所经营活动审批": (["事后监管"], True, "曹县文化和旅游局"),
    "对个人以骗取医疗保障基金为目的，使用他人医疗保障凭证就医购药等行为的处罚": (["送达"], True, "北京市大兴区医疗保障局"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚": (["告知"], True, "隆德县沙塘镇人民政府"),
    "对单位和个人未按照规定分类投放生活垃圾的处罚": (["告知"], True, "天津市滨海新区新港街道办事处"),
    "对在人口集中地区焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质的处罚": (["送达"], True, "天津市滨海新区新港街道办事处"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的处罚": (["送达"], True, "民勤县水务局"),
    "对擅自从事互联网上网服务经营活动的处罚": (["告知"], True, "曹县文化和旅游局"),
    "对未取得道路运输经营许可擅自从事道路普通货物运输、道路旅客运输经营的处罚": (["送达"], True, "渭南市交通运输局"),
    "对未取得采矿许可证擅自采矿的处罚": (["告知"], True, "张掖市自然资源局"),
    "对殴打他人、故意伤害他人身体的处罚": (["告知"], True, "新民市公安局"),
    "对民办学校违法办学行为的处罚": (["送达"], True, "潍坊市教育局"),
    "对生产经营不符合食品安全标准的食品等违法行为的行政处罚": (["告知"], True, "山东省市场监督管理局"),
    "对生产经营假、劣种子的处罚（对生产经营假种子的处罚）": (["告知"], True, "辽宁省农业农村厅"),
    "对非医师行医的处罚": (["告知"], True, "安达市卫生健康局"),
    "户口迁移审批": (["事后监管"], True, "新民市公安局"),
    "扣留造成公路、公路附属设施损坏，拒不接受公路管理机构现场调查处理的车辆、工具": (["事后监管"], True, "渭南市交通运输局"),
    "拆除在乡、村庄规划区内逾期不改正的违法建设": (["催告"], True, "隆德县沙塘镇人民政府"),
    "计量授权（承担法定计量检定机构任务授权）": (["事后监管"], True, "山东省市场监督管理局"),
    # found since an application to the court whose steps are in words of their own (「（1）申请：…（2）配合执行：…」) is read for its 催告 (福山, 2026-12-06), as the reader asked
    "申请人民法院强制执行责令限期拆除决定": (
        ["催告"], True, "张掖市自然资源局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "对可能被转移、隐匿或者灭失的资料等予以封存": (["事后监管"], True, "北京市大兴区医疗保障局"),
    "查封、扣押违法生产、经营、使用的农药及有关工具、设备、原材料，查封违法场所": (["事后监管"], True, "辽宁省农业农村厅"),
}


def test_missing_stage_on_a_eighty_fourth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_84.json", EIGHTY_FOURTH, 16, 131)
    assert (sum(real for _, real, _ in EIGHTY_FOURTH.values()), len(EIGHTY_FOURTH)) == (26, 26)


# As measured (at 02a5ea9, before any of its own readings): 21 real of 22 — the one wrong, a second header row's 「主项」
# read as a record, its 其他 column 「其他法律法规规章文件规定应履行的责任」 too long for a catch-all's header.
EIGHTY_FIFTH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["事后监管"], True, "澄迈县福山镇人民政府"),
    "企业实行不定时工作制和综合计算工时工作制审批": (["事后监管"], True, "荆门市人力资源和社会保障局"),
    "公路建设项目施工许可": (["事后监管"], True, "安徽省交通运输厅"),
    "农药生产许可": (["事后监管"], True, "湖南省农业农村厅"),
    "医师执业注册": (["事后监管"], True, "安顺市卫生健康局"),
    "危险化学品经营许可（不带储存设施的非剧毒、非易制爆危险化学品）": (["事后监管"], True, "永康市应急管理局"),
    "对在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (["告知"], True, "涪城区城厢街道办事处"),
    "对工程施工单位擅自倾倒、抛撒或者堆放工程施工过程中产生的建筑垃圾的处罚": (["送达"], True, "汕尾市城市管理和综合执法局"),
    "对无兽药生产许可证生产兽药的处罚": (["送达"], True, "湖南省农业农村厅"),
    "对未依法取得捕捞许可证擅自进行捕捞的处罚": (["告知"], True, "舟山市海洋与渔业局"),
    "对未经批准擅自取水的处罚": (["告知"], True, "南京市江宁区水务局"),
    "对未经登记擅自以社会团体名义进行活动的取缔": (["告知", "送达"], True, "会泽县民政局"),
    "对未经许可经营烟花爆竹制品的处罚": (["执行"], True, "永康市应急管理局"),
    "对民办学校违法违规办学行为的处罚": (["送达"], True, "仙游县教育局"),
    "对用人单位不办理社会保险登记的处罚": (["送达"], True, "荆门市人力资源和社会保障局"),
    "对车辆超限行驶公路的处罚": (["告知"], True, "安徽省交通运输厅"),
    "对非医师行医的处罚": (["告知"], True, "安顺市卫生健康局"),
    "强制拆除违法建筑物、构筑物": (["催告"], True, "汕尾市城市管理和综合执法局"),
    "扣留造成公路、公路附属设施损坏拒不接受现场调查处理的车辆、工具": (["事后监管"], True, "安徽省交通运输厅"),
    "查封、扣押不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品": (["事后监管"], True, "永康市应急管理局"),
    "水域滩涂养殖证核发": (["事后监管"], True, "舟山市海洋与渔业局"),
    "生产建设项目水土保持方案审批": (["事后监管"], True, "南京市江宁区水务局"),
    "社会团体成立、变更、注销登记（社会团体变更登记）": (["事后监管"], True, "会泽县民政局"),
    "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批（1.设置大型户外广告审批2.临时悬挂、张贴宣传品审批）": (["事后监管"], True, "汕尾市城市管理和综合执法局"),
    "适龄儿童、少年因身体状况需要延缓入学或者休学审批": (["送达", "事后监管"], True, "仙游县教育局"),
    # found since an application to the court whose steps are in words of their own (「（1）申请：…（2）配合执行：…」) is read for its 催告 (福山, 2026-12-06), as the reader asked
    "申请人民法院强制执行限期拆除决定": (
        ["催告"], True, "澄迈县福山镇人民政府"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "查封、扣押有证据证明来源非法的林木以及从事破坏森林资源活动的工具、设备或者财物，查封与破坏森林资源活动有关的场所": (["事后监管"], True, "平江县林业局"),
}


def test_missing_stage_on_a_eighty_fifth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_85.json", EIGHTY_FIFTH, 13, 137)
    assert (sum(real for _, real, _ in EIGHTY_FIFTH.values()), len(EIGHTY_FIFTH)) == (27, 27)


# As measured (at 02a5ea9): 17 real of 22 — 沈阳's three-row header (责任事项 over 事前 | 事中 | 事后 over the stages) whose
# 其他 column was as long: its third row not read as the header, only the phases' columns read and most stages lost;
# 丰台's 终止审批 (below) still asks its review where the reader read one in its 受理 step.
EIGHTY_SIXTH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["事后监管"], True, "易县西陵镇人民政府"),
    "兽药经营许可证核发": (["事后监管"], True, "诸城市农业农村局"),
    "医师执业注册": (["事后监管"], True, "沈阳市卫生健康委员会"),
    "实施学历教育、学前教育、自学考试助学及其他文化教育的民办学校的设立、变更和终止审批（终止审批）": (["审查"], False, "北京市丰台区教育委员会"),
    "对买卖或者以其他形式非法转让土地的行政处罚": (["送达"], True, "邯郸市自然资源和规划局"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚": (["告知"], True, "易县西陵镇人民政府"),
    "对医师违反执业规范造成严重后果等行为的处罚": (["送达"], True, "沈阳市卫生健康委员会"),
    "对发布虚假广告的行政处罚": (["送达"], True, "甘肃省市场监督管理局"),
    "对在公路上擅自超限行驶的行政处罚": (["告知"], True, "呼和浩特市交通运输局"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的行政处罚": (["送达"], True, "濮阳市水利局"),
    "对建设单位未依法报批建设项目环境影响报告书、报告表擅自开工建设的行政处罚": (["告知"], True, "黑龙江省生态环境厅"),
    "对无兽药经营许可证经营兽药的行政处罚": (["告知", "送达"], True, "诸城市农业农村局"),
    "对生产经营单位未采取措施消除事故隐患的行政处罚": (["执行"], True, "永济市应急管理局"),
    "对社会团体违反登记管理规定行为的行政处罚": (["送达"], True, "同心县民政局"),
    "建设工程规划许可证核发": (["事后监管"], True, "邯郸市自然资源和规划局"),
    "强制拆除违法建设": (["催告"], True, "天津市津南区城市管理委员会"),
    "教师资格认定": (["事后监管"], True, "北京市丰台区教育委员会"),
    "查封、扣押造成或者可能造成严重污染的设施、设备": (["事后监管"], True, "黑龙江省生态环境厅"),
    "查封、扣押（查封、扣押不符合安全技术规范要求或者存在严重事故隐患的特种设备）": (["事后监管"], True, "甘肃省市场监督管理局"),
    "查封、扣押（查封、扣押不符合食品安全标准或者有证据证明可能危害人体健康的食品、食品添加剂及用于违法生产经营的工具、设备，查封违法从事生产经营活动的场所）": (["事后监管"], True,
        "甘肃省市场监督管理局"),
    "民办非企业单位（社会服务机构）成立登记": (["事后监管"], True, "同心县民政局"),
    "烟花爆竹经营（零售）许可": (["事后监管"], True, "永济市应急管理局"),
    "特种设备生产单位许可": (["事后监管"], True, "甘肃省市场监督管理局"),
    "生产建设项目水土保持方案审批（水土保持方案变更审批）": (["事后监管"], True, "濮阳市水利局"),
    "生产建设项目水土保持方案审批（水土保持方案审批）": (["事后监管"], True, "濮阳市水利局"),
    "申请人民法院强制执行拆除非法占用土地上新建的建筑物和其他设施": (["催告"], True, "邯郸市自然资源和规划局"),
    "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批": (["事后监管"], True, "天津市津南区城市管理委员会"),
    "辐射安全许可证核发": (["事后监管"], True, "黑龙江省生态环境厅"),
    "道路危险货物运输经营许可": (["事后监管"], True, "呼和浩特市交通运输局"),
}


def test_missing_stage_on_a_eighty_sixth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_86.json", EIGHTY_SIXTH, 13, 128)
    assert (sum(real for _, real, _ in EIGHTY_SIXTH.values()), len(EIGHTY_SIXTH)) == (28, 29)


# As measured (at f70a0a5, before any of its own readings): 20 real of 20 — 开阳's table printed in two columns read as
# one record a row (left and right joined), 普洱's 「通用许可责任」 cells unread; 蒙山's 「同第4项」 (its ITEM_SEQ no 序号) still.
EIGHTY_SEVENTH: dict[str, tuple[list[str], bool, str]] = {
    "互联网上网服务营业场所经营单位设立审批": (["事后监管"], True, "黄山市文化和旅游局"),
    "人力资源服务许可（从事职业中介活动）": (["送达"], True, "开阳县人力资源和社会保障局"),
    "代履行：强行拆除、清除河道管理范围内妨碍行洪的建筑物、构筑物和阻水障碍物": (["催告"], True, "淮安市水利局"),
    "农作物种子生产经营许可证核发": (["事后监管"], True, "普洱市农业农村局"),
    "医师执业注册（（1）首次注册；（2）变更注册；（3）注销注册）": (["送达", "事后监管"], True, "韶关市卫生健康局"),
    "对在人口集中地区露天焚烧秸秆、落叶等产生烟尘污染物质的处罚": (["送达"], True, "磐安县尖山镇人民政府"),
    "对将应当火化的遗体土葬，或者在公墓和农村的公益性墓地以外的其他地方埋葬遗体、建造坟墓的处罚": (["立案", "告知", "送达"], True, "兴国县民政局"),
    "对建设单位未取得施工许可证擅自施工的处罚": (["送达"], True, "汉川市住房和城乡建设局"),
    "对旅行社以不合理的低价组织旅游活动、指定具体购物场所等行为的处罚（（1）以不合理的低价组织旅游活动，诱骗旅游者，并通过安排购物或者另行付费旅游项目获取回扣等不正当利益的）": (["送达"], True,
        "黄山市文化和旅游局"),
    "对旅行社以不合理的低价组织旅游活动、指定具体购物场所等行为的处罚（（2）组织、接待旅游者，指定具体购物场所，安排另行付费旅游项目的）": (["送达"], True, "黄山市文化和旅游局"),
    "对未取得医疗机构执业许可证擅自执业的行政处罚": (["告知"], True, "韶关市卫生健康局"),
    "对未经批准擅自取水等行为的处罚（（1）未经批准擅自取水的（2）未依照批准的取水许可规定条件取水的）": (["告知", "送达"], True, "淮安市水利局"),
    "对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚": (["告知"], True, "蒙山县市场监督管理局"),
    "对生产经营单位主要负责人未履行安全生产管理职责导致发生生产安全事故的行政处罚": (["告知"], True, "湖南省应急管理厅"),
    "对用人单位不办理社会保险登记等行为的处罚子项：（1）用人单位不办理社会保险登记的；（2）用人单位未按时足额缴纳社会保险费，经责令限期缴纳或者补足后逾期仍不缴纳的": (["告知"], True,
        "开阳县人力资源和社会保障局"),
    "对违反国家有关规定擅自举办民办学校的处罚": (["告知"], True, "成都市锦江区教育局"),
    "对逾期不改正的乡村违法建设予以拆除": (["催告"], True, "磐安县尖山镇人民政府"),
    "教师资格认定（（1）幼儿园教师资格认定；（2）小学教师资格认定；（3）初级中学教师资格认定）": (["事后监管"], True, "成都市锦江区教育局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "淮安市水利局"),
    "涉路施工许可": (["送达"], True, "福建省交通运输厅"),
    "烟花爆竹生产企业安全生产许可": (["事后监管"], True, "湖南省应急管理厅"),
    "燃气经营许可证核发": (["审查"], True, "汉川市住房和城乡建设局"),
}


def test_missing_stage_on_a_eighty_seventh_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_87.json", EIGHTY_SEVENTH, 13, 129)
    assert (sum(real for _, real, _ in EIGHTY_SEVENTH.values()), len(EIGHTY_SEVENTH)) == (22, 22)


# As measured (at f70a0a5): 20 real of 22 — 阜康's 医师执业注册 whose 【注册】 step grants and issues (asked its 决定 and
# 送达; below, still), 衡水's penalty in a permit's columns, its note saying what each column holds (asked its 调查 and 执行);
# 原平's tree and 什刹海's 职权名称〔职权编码〕 refused. After the thirty-fourth session's readings (原平's outline read): 25 of 26.
EIGHTY_EIGHTH: dict[str, tuple[list[str], bool, str]] = {
    "出租汽车经营许可": (["送达", "事后监管"], True, "满洲里市交通运输局"),
    "出租汽车经营许可（巡游出租汽车经营许可）": (["送达", "事后监管"], True, "满洲里市交通运输局"),
    "出租汽车经营许可（网络预约出租汽车经营许可）": (["送达", "事后监管"], True, "满洲里市交通运输局"),
    "动物防疫条件合格证核发": (["事后监管"], True, "黑河市农业农村局"),
    "劳务派遣经营许可": (["事后监管"], True, "漯河市人力资源和社会保障局"),
    "医师执业注册": (["决定", "送达", "事后监管"], False, "阜康市卫生健康委员会"),
    "商品房预售许可": (["事后监管"], True, "衡水市住房和城乡建设局"),
    "对以欺诈、伪造证明材料或者其他手段骗取社会保险待遇的处罚": (["告知"], True, "漯河市人力资源和社会保障局"),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的处罚": (["告知"], True, "阜康市卫生健康委员会"),
    "对农药使用者不按照农药的标签标注的使用范围、使用方法和剂量等使用农药的处罚": (["送达", "执行"], True, "黑河市农业农村局"),
    "对在人口集中地区露天焚烧秸秆、落叶等产生烟尘污染的物质的处罚": (["告知", "执行"], True, "黄陵县店头镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["告知"], True, "原平市水利局"),
    "对导游、领队私自承揽业务等行为的处罚": (["告知"], True, "内蒙古自治区文化和旅游厅"),
    "对施工单位未对建筑材料、建筑构配件、设备和商品混凝土进行检验等行为的处罚": (["送达"], True, "衡水市住房和城乡建设局"),
    "对旅行社未按照规定为出境或者入境团队旅游安排领队或者导游全程陪同等行为的处罚": (["送达", "执行"], True, "内蒙古自治区文化和旅游厅"),
    "对未经审核同意擅自改变林地用途的处罚": (["告知"], True, "吉林省林业和草原局"),
    "对未经批准擅自经营高危险性体育项目的处罚": (["告知"], True, "汝州市教育体育局"),
    "对经营超过保质期的食品、食品添加剂的处罚": (["送达"], True, "天津市西青区市场监督管理局"),
    "对超过大气污染物排放标准或者超过重点大气污染物排放总量控制指标排放大气污染物的处罚": (["送达"], True, "铁岭市生态环境局"),
    "对车辆在公路上擅自超限行驶的处罚": (["告知"], True, "满洲里市交通运输局"),
    "对非医师行医的处罚": (["送达"], True, "阜康市卫生健康委员会"),
    "强行拆除河道管理范围内妨碍行洪的建筑物、构筑物": (["催告"], True, "原平市水利局"),
    "征收、征用或者使用草原审核": (["事后监管"], True, "吉林省林业和草原局"),
    "按日连续处罚": (["告知"], True, "铁岭市生态环境局"),
    "旅行社经营出境旅游业务许可": (["送达"], True, "内蒙古自治区文化和旅游厅"),
    "河道管理范围内建设项目工程建设方案审批": (["送达", "事后监管"], True, "原平市水利局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "查封、扣押来源非法的林木以及破坏森林资源的工具、设备、财物和场所": (["事后监管"], True, "吉林省林业和草原局"),
    "查封、扣押违法生产、经营、使用的农药及相关工具、设备、原材料和场所": (["事后监管"], True, "黑河市农业农村局"),
}


def test_missing_stage_on_a_eighty_eighth_sample_judged_blind(scratch, tmp_path):
    # (原平's outline of codes, 01 | 01-1 | 01-Y …, each line's kind under 条目类别: read since the thirty-fourth session)
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_88.json", EIGHTY_EIGHTH, 13, 128)
    assert (sum(real for _, real, _ in EIGHTY_EIGHTH.values()), len(EIGHTY_EIGHTH)) == (27, 28)


# As measured (at 4e8697a, before any of its own readings): 30 real of 32 — 镇江's 教师资格认定 whose 认定 step issues the
# certificate (asked its 送达), 南丰's √ matrix beside 具体责任内容 read as the duties (its 查封 asked its 事后监管).
EIGHTY_NINTH: dict[str, tuple[list[str], bool, str]] = {
    "互联网上网服务营业场所经营单位设立审批": (["事后监管"], True, "峨眉山市文化体育和旅游局"),
    "公路超限运输许可": (["事后监管"], True, "嵊州市交通运输局"),
    "兽药经营许可证核发": (["送达", "事后监管"], True, "南丰县农业农村局"),
    "医师执业注册": (["事后监管"], True, "泉州市卫生健康委员会"),
    "医疗机构设置审批和执业登记（医疗机构执业登记）": (["事后监管"], True, "泉州市卫生健康委员会"),
    "商品房预售许可": (["事后监管"], True, "岳阳市住房和城乡建设局"),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的处罚": (["执行"], True, "泉州市卫生健康委员会"),
    "对在城市人民政府禁止的时段和区域内露天烧烤食品的处罚": (["告知", "执行"], True, "江阳区北城街道办事处"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的处罚": (["告知", "送达"], True, "海南省水务厅"),
    "对导游私自承揽导游和领队业务的处罚": (["告知", "执行"], True, "峨眉山市文化体育和旅游局"),
    "对未依法取得营业执照从事经营活动的处罚": (["告知", "送达"], True, "玉林市市场监督管理局"),
    "对未取得《医疗机构执业许可证》擅自执业的处罚": (["告知"], True, "泉州市卫生健康委员会"),
    "对未取得排污许可证排放污染物的行政处罚": (["告知", "送达"], True, "江西省生态环境厅"),
    "对未取得资质证书承揽工程的处罚（1.对承揽单位的处罚2.对发包单位将工程发包给不具有相应资质条件单位的处罚）": (["送达"], True, "岳阳市住房和城乡建设局"),
    "对未取得采矿许可证擅自采矿的处罚": (["告知", "送达"], True, "大冶市自然资源和规划局"),
    "对生产经营单位主要负责人未履行安全生产管理职责的处罚": (["告知"], True, "重庆市长寿区应急管理局"),
    "对车辆超限使用汽车渡船或者在公路上擅自超限行驶的处罚": (["告知"], True, "嵊州市交通运输局"),
    "对违反规定转移危险废物的行政处罚（（1）未按照国家有关规定填写、运行危险废物转移联单的）": (["执行"], True, "江西省生态环境厅"),
    "对违反规定转移危险废物的行政处罚（（2）未经批准擅自转移危险废物的）": (["执行"], True, "江西省生态环境厅"),
    "对销售假种子的处罚": (["告知", "送达"], True, "南丰县农业农村局"),
    "强制拆除乡村规划区内违法建设": (["催告"], True, "通山县九宫山镇人民政府"),
    "扣留造成公路损坏拒不接受现场调查处理的车辆、工具": (["事后监管"], True, "嵊州市交通运输局"),
    "教师资格认定（高级中学、中等职业学校教师资格）": (["事后监管"], True, "镇江市教育局"),
    "水利基建项目初步设计文件审批": (["送达", "事后监管"], True, "海南省水务厅"),
    "烟花爆竹经营（零售）许可": (["送达", "事后监管"], True, "重庆市长寿区应急管理局"),
    "生产建设项目水土保持方案审批": (["送达"], True, "海南省水务厅"),
    "网络预约出租汽车车辆运输证核发": (["送达", "事后监管"], True, "嵊州市交通运输局"),
    "营业性演出审批（（1）文艺表演团体设立审批（2）非演出场所经营单位举办营业性演出审批）": (["事后监管"], True, "峨眉山市文化体育和旅游局"),
    "辐射安全许可证核发（（1）新申领）": (["事后监管"], True, "江西省生态环境厅"),
    "辐射安全许可证核发（（2）延续）": (["事后监管"], True, "江西省生态环境厅"),
    "辐射安全许可证核发（（3）变更（单位名称、地址、法定代表人））": (["审查", "送达", "事后监管"], True, "江西省生态环境厅"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "查封、扣押不符合食品安全标准的食品及相关物品": (["事后监管"], True, "玉林市市场监督管理局"),
    "查封、扣押造成污染物排放的设施、设备": (["事后监管"], True, "江西省生态环境厅"),
}


def test_missing_stage_on_a_eighty_ninth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_89.json", EIGHTY_NINTH, 13, 125)
    assert (sum(real for _, real, _ in EIGHTY_NINTH.values()), len(EIGHTY_NINTH)) == (33, 33)


# As measured (at 4e8697a): 19 real of 21 — 安阳's 审查 step 「调查核实并告知当事人拟处罚决定及其权利」 (asked its 告知), and its
# 审查 step 「…听取当事人陈述申辩」 (below, asked its 告知 still: an earlier reader judged hearing the party no 告知).
# After the thirty-fourth session's readings (宁阳's 【编码】权力名称（类型） and steps in turn, 磴口's header of three rows and
# its 「（续上）」 row read): 27 of 28.
NINETIETH: dict[str, tuple[list[str], bool, str]] = {
    "农作物种子生产经营许可（除主要农作物杂交种子及其亲本种子等以外的种子生产经营许可）": (["送达", "事后监管"], True, "海林市农业农村局"),
    "商品房预售许可": (["事后监管"], True, "晋中市太谷区住房和城乡建设局"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚": (["送达", "执行"], True, "阳城县润城镇人民政府"),
    "对在城市人民政府规定的街道的临街建筑物的阳台和窗外，堆放、吊挂有碍市容的物品的处罚": (["执行"], True, "石河子市向阳街道办事处"),
    "对建设单位将建设工程发包给不具有相应资质等级单位的处罚": (["告知", "送达"], True, "山西省住房和城乡建设厅"),
    "对建设项目未依法报批环境影响评价文件擅自开工建设的处罚": (["告知", "送达"], True, "安阳市生态环境局"),
    "对建设项目需要配套建设的环境保护设施未经验收即投入生产的处罚": (["立案"], True, "安阳市生态环境局"),
    "对擅自占用城市道路的处罚": (["告知", "送达", "执行"], True, "磴口县城市管理综合行政执法局"),
    "对擅自在街道两侧和公共场地堆放物料、搭建建筑物、构筑物等的处罚": (["告知"], True, "石河子市向阳街道办事处"),
    "对未取得燃气经营许可证从事燃气经营活动的处罚": (["告知", "送达"], True, "晋中市太谷区住房和城乡建设局"),
    "对民办学校管理混乱严重、提交虚假证明文件等行为的处罚": (["告知", "送达"], True, "宁阳县教育和体育局"),
    "对生产安全事故发生单位的处罚（发生一般事故的处罚）": (["告知", "送达"], True, "商洛市应急管理局"),
    "对生产经营假、劣种子的处罚": (["告知", "送达", "执行"], True, "海林市农业农村局"),
    "对超过污染物排放标准排放大气污染物的处罚": (["告知"], False, "安阳市生态环境局"),
    "对车辆超限运输违法行为的处罚": (["告知"], True, "西藏自治区交通运输厅"),
    "对随意倾倒、抛撒、堆放或者焚烧生活垃圾的处罚": (["告知"], True, "磴口县城市管理综合行政执法局"),
    "建筑施工企业安全生产许可证核发": (["事后监管"], True, "山西省住房和城乡建设厅"),
    "强制拆除违法设置的户外设施": (["催告"], True, "磴口县城市管理综合行政执法局"),
    "按日连续处罚": (["执行"], True, "安阳市生态环境局"),
    "排污许可证核发（简化管理排污单位排污许可证核发）": (["送达", "事后监管"], True, "安阳市生态环境局"),
    "排污许可证核发（重点管理排污单位排污许可证核发）": (["送达", "事后监管"], True, "安阳市生态环境局"),
    "教师资格认定": (["事后监管"], True, "宁阳县教育和体育局"),
    "暂扣违法占道经营的物品、工具": (["事后监管"], True, "磴口县城市管理综合行政执法局"),
    "查封、扣押违法生产、经营、使用的农药及其工具、设备、原材料": (["事后监管"], True, "海林市农业农村局"),
    "查封、扣押造成污染物排放的设施、设备": (["事后监管"], True, "安阳市生态环境局"),
    "涉路施工许可（占用、挖掘国道、省道或者跨越、穿越公路修建桥梁、渡槽、架设、埋设管道、电缆等设施）": (["送达", "事后监管"], True, "西藏自治区交通运输厅"),
    "烟花爆竹经营（批发）许可": (["事后监管"], True, "商洛市应急管理局"),
    "经营高危险性体育项目许可": (["事后监管"], True, "宁阳县教育和体育局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "扣留车辆、工具（对违反公路法规定的车辆、工具的扣留）": (["事后监管"], True, "西藏自治区交通运输厅"),
    # (found since a list of short steps names its stages: 「立案；调查；作出处罚决定；监督执行。」, 2026-12-06)
    "生产建设项目水土保持方案审批": (["事后监管"], True, "彭阳县水务局"),
}


def test_missing_stage_on_a_ninetieth_sample_judged_blind(scratch, tmp_path):
    # (宁阳's 「【编码】权力名称（类型）」 header and 磴口's 履责环节与内容 over 事前 | 事中 | 事后 over the stages: read since the
    # thirty-fourth session)
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_90.json", NINETIETH, 13, 120)
    assert (sum(real for _, real, _ in NINETIETH.values()), len(NINETIETH)) == (29, 30)


# As measured (at 6171052, before any of its own readings): 23 real of 25 — 丹江口's group rows 「本类事项共性责任事项：…」 over its
# items, each item's own 责任事项（个性） beside them, unread (its 取水许可 asked its 受理, 决定 and 送达; another its 受理, 决定,
# 送达 and 事后监管). Read since: a group's common duties every item's below it, with its own; 三亚's card tables whose stage
# names stand in a column of labels, 武平's stage letters (A—受理/立案 …), 博白's resp_implement, a 审查 that 调查核实: 32 of 32.
NINETY_FIRST: dict[str, tuple[list[str], bool, str]] = {
    "临时用地审批": (["事后监管"], True, "鹰潭市自然资源局"),
    "农药生产许可": (["送达"], True, "贵州省农业农村厅"),
    "劳务派遣经营许可（子项：1.设立；2.变更；3.延续；4.注销）": (["事后监管"], True, "赣州市南康区人力资源和社会保障局"),
    "对依法应当编制水土保持方案的生产建设项目，未编制水土保持方案或者编制的水土保持方案未经批准而开工建设的处罚": (["告知"], True, "丹江口市水利和湖泊局"),
    "对参保人员将本人的医疗保障凭证交由他人冒名使用等骗取医疗保障基金的处罚": (["送达"], True, "武平县医疗保障局"),
    "对可能被转移、隐匿或者灭失的资料等予以封存": (["事后监管"], True, "武平县医疗保障局"),
    "对在临街建筑物的阳台和窗外，堆放、吊挂有碍市容物品的处罚": (["告知"], True, "万州区高笋塘街道办事处"),
    "对在人口集中地区露天焚烧秸秆、落叶等产生烟尘污染物质的处罚": (["告知"], True, "南雄市珠玑镇人民政府"),
    "对定点医药机构通过诱导、协助他人冒名或者虚假就医、购药等方式骗取医疗保障基金支出的处罚": (["告知"], True, "武平县医疗保障局"),
    "对将应当火化的遗体土葬，或者在公墓和农村的公益性墓地以外的区域建造坟墓，拒不改正的强制执行": (["催告"], True, "博白县民政局"),
    "对排污单位未取得排污许可证排放污染物的处罚": (["送达"], True, "池州市生态环境局"),
    "对未取得安全生产许可证擅自进行生产的处罚": (["告知"], True, "浙江省应急管理厅"),
    "对未取得测绘资质证书，擅自从事测绘活动的处罚": (["告知"], True, "鹰潭市自然资源局"),
    "对未取得燃气经营许可证从事燃气经营活动的处罚": (["告知"], True, "广安市住房和城乡建设局"),
    "对未经许可经营旅行社业务的处罚": (["告知"], True, "三亚市旅游和文化广电体育局"),
    "对未经设立登记从事经营活动的处罚": (["告知"], True, "启东市市场监督管理局"),
    "对生产经营假种子的行政处罚": (["送达"], True, "贵州省农业农村厅"),
    "对用人单位克扣或者无故拖欠劳动者工资报酬等行为的行政处理": (["送达"], True, "赣州市南康区人力资源和社会保障局"),
    "对违法排放污染物造成或者可能造成严重污染的，查封、扣押造成污染物排放的设施、设备": (["事后监管"], True, "池州市生态环境局"),
    "对逾期不改正的违法建设予以拆除": (["催告"], True, "南雄市珠玑镇人民政府"),
    "对采取虚报、隐瞒、伪造等手段，骗取社会救助资金、物资或者服务的处罚": (["告知"], True, "博白县民政局"),
    "强行拆除在河道管理范围内妨碍行洪的建筑物、构筑物": (["催告"], True, "丹江口市水利和湖泊局"),
    "排污许可证核发": (["事后监管"], True, "池州市生态环境局"),
    "查封、扣押有证据证明不符合食品安全标准或者有证据证明存在安全隐患以及用于违法生产经营的食品、食品添加剂、食品相关产品": (["事后监管"], True, "启东市市场监督管理局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "丹江口市水利和湖泊局"),
    "烟花爆竹生产企业安全生产许可": (["事后监管"], True, "浙江省应急管理厅"),
    "燃气经营许可证核发": (["事后监管"], True, "广安市住房和城乡建设局"),
    "特殊建设工程消防设计审查": (["送达"], True, "广安市住房和城乡建设局"),
    "特种设备使用登记": (["事后监管"], True, "启东市市场监督管理局"),
    "申请人民法院强制执行限期拆除非法占用土地上新建的建筑物和其他设施": (["催告"], True, "鹰潭市自然资源局"),
    "社会团体成立、变更、注销登记": (["送达"], True, "博白县民政局"),
    "经营高危险性体育项目许可（1.经营游泳项目许可2.经营潜水项目许可3.经营攀岩项目许可）": (["事后监管"], True, "三亚市旅游和文化广电体育局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "对不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押": (["事后监管"], True, "浙江省应急管理厅"),
}


def test_missing_stage_on_a_ninety_first_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_91.json", NINETY_FIRST, 13, 126)
    assert (sum(real for _, real, _ in NINETY_FIRST.values()), len(NINETY_FIRST)) == (33, 33)


# As measured (at 6171052): 25 real of 28 — 利通区's 「作出代履行决定：…」 (asked its 决定), 齐齐哈尔's 排污许可证 whose 其他 column
# reviews the holder's execution reports (asked its 事后监管), 农安's √ grid whose sheet 通用责任事项 gives each type's duties by
# column (its 查封 asked 执行 and 事后监管; the reader, its column's 处理（解除） alone). Read since: those three, and 郑州's table on
# its side with a second column of the stages' labels: 29 of 29.
NINETY_SECOND: dict[str, tuple[list[str], bool, str]] = {
    "公共场所卫生许可": (["事后监管"], True, "兰州市卫生健康委员会"),
    "兽药经营许可证核发": (["事后监管"], True, "农安县农业农村局"),
    "大型群众性活动安全许可": (["事后监管"], True, "莱阳市公安局"),
    "对不符合安全技术规范要求或者存在严重事故隐患的特种设备实施查封、扣押": (["事后监管"], True, "平泉市市场监督管理局"),
    "对个人骗取医疗保障基金等行为的处罚": (["执行"], True, "郑州市医疗保障局"),
    "对公共场所经营者违反卫生管理规定的处罚（1.对卫生质量不符合国家卫生标准和要求而继续营业的处罚2.对未获得“健康合格证”而从事直接为顾客服务的处罚3.对拒绝卫生监督的处罚4.对未取得“卫生许可证”擅自营业的处罚）": (
        ["告知"], True, "兰州市卫生健康委员会"),
    "对可能被转移、隐匿或者灭失的资料予以封存": (["事后监管"], True, "郑州市医疗保障局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["送达"], True, "五原县隆兴昌镇人民政府"),
    "对在乡、村庄规划区内违法建设逾期不改正的予以拆除": (["催告"], True, "五原县隆兴昌镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["送达"], True, "利通区水务局"),
    "对定点医药机构以骗取医疗保障基金为目的的违法行为的处罚（1.诱导、协助他人冒名或者虚假就医、购药，提供虚假证明材料2.伪造、变造、隐匿、涂改、销毁医学文书、医学证明、会计凭证、电子信息等有关资料3.虚构医药服务项目）": (
        ["告知"], True, "郑州市医疗保障局"),
    "对建设单位未依法报批建设项目环境影响报告书、报告表擅自开工建设的处罚": (["告知", "送达"], True, "齐齐哈尔市生态环境局"),
    "对擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施的处罚": (["告知"], True, "开原市新城街道办事处"),
    "对无兽药经营许可证经营兽药等行为的处罚": (["告知"], True, "农安县农业农村局"),
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的处罚": (["告知"], True, "库车市自然资源局"),
    "对殴打他人或者故意伤害他人身体的处罚": (["送达"], True, "莱阳市公安局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["告知"], True, "陕西省应急管理厅"),
    "对生产者、销售者在产品中掺杂、掺假，以假充真，以次充好，或者以不合格产品冒充合格产品的处罚": (["送达"], True, "平泉市市场监督管理局"),
    "对用人单位未按时足额缴纳社会保险费且逾期仍不缴纳的处罚": (["送达"], True, "天津市人力资源和社会保障局"),
    "对车辆超限行驶公路的处罚": (["告知"], True, "青岛市交通运输局"),
    "对违法建设查封施工现场、强制拆除": (["催告"], True, "库车市自然资源局"),
    "建设工程规划许可证核发": (["事后监管"], True, "库车市自然资源局"),
    "扣押与案件有关的物品": (["事后监管"], True, "莱阳市公安局"),
    "查封、扣押不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品": (["事后监管"], True, "陕西省应急管理厅"),
    "查封、扣押违法生产、经营、使用的农药及有关工具、设备、原材料，查封违法生产、经营、使用农药的场所": (["事后监管"], True, "农安县农业农村局"),
    "第一类非药品类易制毒化学品生产、经营许可（生产许可）": (["事后监管"], True, "陕西省应急管理厅"),
    "第一类非药品类易制毒化学品生产、经营许可（经营许可）": (["事后监管"], True, "陕西省应急管理厅"),
    "经营性人力资源服务机构从事职业中介活动许可": (["送达"], True, "天津市人力资源和社会保障局"),
    "网络预约出租汽车经营许可": (["送达", "事后监管"], True, "青岛市交通运输局"),
}


def test_missing_stage_on_a_ninety_second_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_92.json", NINETY_SECOND, 13, 146)
    assert (sum(real for _, real, _ in NINETY_SECOND.values()), len(NINETY_SECOND)) == (29, 29)


# As measured (at 2534321, before any of its own readings): 20 real of 22, 北海's cards two a band a blank column apart (each
# headed 【事项一】 | its name) and 沙井's list (its header on row 11 under a 填报说明 of templates （A） （B） （C）, cited
# 「执行（A）」) refused — the false: 福建's and 阆中's permits whose steps are a chain 「受理—审查—决定」 (asked their 审查 and
# 决定). Read since: those two lists, a chain of steps naming them: 25 of 25.
NINETY_THIRD: dict[str, tuple[list[str], bool, str]] = {
    "二级建造师执业注册": (["送达", "事后监管"], True, "福建省住房和城乡建设厅"),
    "互联网上网服务营业场所经营单位设立审批（设立、变更（改建、扩建、变更地址））": (["事后监管"], True, "阆中市文化广播电视和旅游局"),
    "代为补种树木、代为恢复植被和林业生产条件": (["催告"], True, "重庆市开州区林业局"),
    "兽药经营许可证核发": (["事后监管"], True, "青田县农业农村局"),
    "医师执业注册（医师执业变更注册）": (["事后监管"], True, "随州市卫生健康委员会"),
    "医疗机构设置审批和执业登记（医疗机构设置审批）": (["事后监管"], True, "随州市卫生健康委员会"),
    "商品房预售许可": (["事后监管"], True, "北海市住房和城乡建设局"),
    "对不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押": (["事后监管"], True, "淮南市应急管理局"),
    "对勘察、设计、施工、工程监理单位超越本单位资质等级承揽工程的处罚": (["执行"], True, "福建省住房和城乡建设厅"),
    "对开办动物饲养场和隔离场所、动物屠宰加工场所以及动物和动物产品无害化处理场所，未取得动物防疫条件合格证的行政处罚": (["告知"], True, "青田县农业农村局"),
    "对房地产开发企业未取得商品房预售许可证预售商品房的处罚": (["送达"], True, "北海市住房和城乡建设局"),
    "对擅自从事互联网上网服务经营活动的取缔，查封违法经营场所，扣押专用工具、设备": (["事后监管"], True, "阆中市文化广播电视和旅游局"),
    "对旅行社未按照规定投保旅行社责任保险的处罚": (["告知"], True, "湖北省文化和旅游厅"),
    "对未经审核同意擅自改变林地用途的行政处罚": (["送达"], True, "重庆市开州区林业局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["告知"], True, "淮南市应急管理局"),
    "对社会团体违反登记管理规定行为的处罚": (["送达"], True, "凯里市民政局"),
    "对逾期不缴纳罚款的当事人加处罚款": (["催告"], True, "珠海市交通运输局"),
    "对随意倾倒、抛撒、堆放或者焚烧生活垃圾的处罚": (["告知", "送达"], True, "红谷滩区沙井街道办事处"),
    "对非医师行医的处罚": (["告知", "送达"], True, "随州市卫生健康委员会"),
    "巡游出租汽车经营许可": (["事后监管"], True, "珠海市交通运输局"),
    "建设项目使用林地审核": (["事后监管"], True, "重庆市开州区林业局"),
    "文艺表演团体从事营业性演出活动审批": (["送达", "事后监管"], True, "阆中市文化广播电视和旅游局"),
    "母婴保健技术服务执业许可": (["事后监管"], True, "随州市卫生健康委员会"),
    "渔业捕捞许可证核发（内陆渔业捕捞许可证核发）": (["事后监管"], True, "青田县农业农村局"),
    "烟花爆竹经营（批发）许可": (["事后监管"], True, "淮南市应急管理局"),
}


def test_missing_stage_on_a_ninety_third_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_93.json", NINETY_THIRD, 14, 134)
    assert (sum(real for _, real, _ in NINETY_THIRD.values()), len(NINETY_THIRD)) == (25, 25)


# As measured (at 2534321): 30 real of 32 — 嘉峪关's 「材料审核与现场核查」 step and 晋城's 【技术评审】 (each asked its 审查).
# Read since: 材料审核, 技术评审 and 专家评审 the review: 30 of 30.
NINETY_FOURTH: dict[str, tuple[list[str], bool, str]] = {
    "临时使用林地审批": (["事后监管"], True, "泾源县林业和草原局"),
    "举办焰火晚会以及其他大型焰火燃放活动许可": (["事后监管"], True, "辽源市公安局"),
    "兽药经营许可证核发（兽药经营许可证变更）": (["事后监管"], True, "迁西县农业农村局"),
    "兽药经营许可证核发（兽药经营许可证换发）": (["事后监管"], True, "迁西县农业农村局"),
    "兽药经营许可证核发（兽药经营许可证核发）": (["事后监管"], True, "迁西县农业农村局"),
    "商品房预售许可": (["事后监管"], True, "甘肃省嘉峪关市住房和城乡建设局"),
    "对公共场所经营者违法行为的处罚（未依法取得公共场所卫生许可证擅自营业）": (["送达", "执行"], True, "北京市石景山区卫生健康委员会"),
    "对公共场所经营者违法行为的处罚（未按照规定对公共场所的空气、微小气候、水质、采光、照明、噪声、顾客用品用具等进行卫生检测）": (["送达", "执行"], True, "北京市石景山区卫生健康委员会"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["送达"], True, "晋城市水务局"),
    "对基金会违法行为的处罚": (["告知", "送达"], True, "辽宁省民政厅"),
    "对建设单位未组织竣工验收擅自交付使用的处罚": (["告知"], True, "甘肃省嘉峪关市住房和城乡建设局"),
    "对旅行社违法行为的处罚": (["告知"], True, "河南省文化和旅游厅"),
    "对未取得动物防疫条件合格证开办动物饲养场等的处罚": (["送达"], True, "迁西县农业农村局"),
    "对殴打他人、故意伤害他人身体的处罚": (["告知"], True, "辽源市公安局"),
    "对民办学校违法办学行为的处罚": (["告知"], True, "克拉玛依市教育局"),
    "对滥伐林木的处罚": (["送达", "执行"], True, "泾源县林业和草原局"),
    "对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚": (["告知", "送达"], True, "莱西市市场监督管理局"),
    "对生产经营不符合食品安全标准的食品等行为的处罚": (["送达"], True, "莱西市市场监督管理局"),
    "对生产经营不符合食品安全标准的食品等行为的处罚（生产经营致病性微生物，农药残留、兽药残留、生物毒素、重金属等污染物质以及其他危害人体健康的物质含量超过食品安全标准限量的食品、食品添加剂）": (
        ["送达"], True, "莱西市市场监督管理局"),
    "对生产经营不符合食品安全标准的食品等行为的处罚（用非食品原料生产食品、在食品中添加食品添加剂以外的化学物质和其他可能危害人体健康的物质）": (["送达"], True, "莱西市市场监督管理局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["告知"], True, "天津市东丽区应急管理局"),
    "强行拆除妨碍行洪的建筑物、构筑物（代履行）": (["催告"], True, "晋城市水务局"),
    "民办非企业单位（社会服务机构）成立、变更、注销登记": (["事后监管"], True, "辽宁省民政厅"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "晋城市水务局"),
    "涉外及涉港澳台营业性演出审批": (["事后监管"], True, "河南省文化和旅游厅"),
    "涉外及涉港澳台营业性演出审批（外国的文艺表演团体、个人参加的营业性演出审批）": (["事后监管"], True, "河南省文化和旅游厅"),
    "烟花爆竹经营（零售）许可": (["事后监管"], True, "天津市东丽区应急管理局"),
    "特种设备使用登记": (["事后监管"], True, "莱西市市场监督管理局"),
    "经营性公墓建设审批": (["送达"], True, "辽宁省民政厅"),
    "高级中学教师资格认定": (["事后监管"], True, "克拉玛依市教育局"),
    # (found since a measure's 「保管：妥善保管…」 is no end of it, 2026-12-06)
    "对不符合国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押": (["事后监管"], True, "天津市东丽区应急管理局"),
    "扣押与案件有关的物品": (["事后监管"], True, "辽源市公安局"),
}


def test_missing_stage_on_a_ninety_fourth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_94.json", NINETY_FOURTH, 13, 133)
    assert (sum(real for _, real, _ in NINETY_FOURTH.values()), len(NINETY_FOURTH)) == (32, 32)


# As measured (at c4a14c0, before any of its own readings): 27 real of 29 — 靖边's 扣留机动车 whose 执行 step 「…接受处理后，及时
# 退还机动车」 ends the measure (asked its 事后监管), and 三里屯's card whose one step 「办理：…依法立案调查取证，经审查后告知…，
# 依法作出…的决定，送达决定书并督促履行」 does the whole procedure (asked its 调查, 审查 and 决定).
# Read since: a measure's 「及时退还」 its end: 27 of 28; a card's one step beside its catch-all 「其他：…」 read in prose
# as a reader reads it: 27 of 27.
NINETY_SIXTH: dict[str, tuple[list[str], bool, str]] = {
    "人力资源服务许可（经营性人力资源服务机构从事职业中介活动许可）": (["事后监管"], True, "天津市北辰区人力资源和社会保障局"),
    "代为补种树木、恢复植被和林业生产条件": (["催告"], True, "丰宁满族自治县林业和草原局"),
    "使用林地审核审批（临时使用林地审批）": (["事后监管"], True, "丰宁满族自治县林业和草原局"),
    "使用林地审核审批（建设项目占用、征收林地审核（初审、转报））": (["事后监管"], True, "丰宁满族自治县林业和草原局"),
    "医师执业注册": (["事后监管"], True, "塔城地区卫生健康委员会"),
    "商品房预售许可": (["事后监管"], True, "龙口市住房和城乡建设局"),
    "对不按规定的时间、地点、方式倾倒垃圾、粪便的处罚": (["送达", "执行"], True, "北京市朝阳区三里屯街道办事处"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["送达"], True, "新宾满族自治县永陵镇人民政府"),
    "对在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (["告知"], True, "北京市朝阳区三里屯街道办事处"),
    "对建设项目未依法报批环境影响评价文件擅自开工建设的处罚": (["告知"], True, "山西省生态环境厅"),
    "对房地产开发企业未取得商品房预售许可证预售商品房的处罚": (["送达"], True, "龙口市住房和城乡建设局"),
    "对扰乱机关、团体、企业、事业单位秩序的处罚": (["告知"], True, "靖边县公安局"),
    "对未经批准擅自设置大型户外广告，影响市容的处罚": (["告知"], True, "鹤壁市城市管理局"),
    "对未经许可擅自经营劳务派遣业务的处罚": (["告知"], True, "天津市北辰区人力资源和社会保障局"),
    "对森林防火期内未经批准擅自在森林防火区内野外用火的处罚": (["执行"], True, "丰宁满族自治县林业和草原局"),
    "对民办学校违规办学行为的处罚（1.擅自分立、合并民办学校的2.发布虚假招生简章或者广告，骗取钱财的3.管理混乱严重影响教育教学，产生恶劣社会影响的）": (["送达"], True, "霍林郭勒市教育局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["送达"], True, "白银市应急管理局"),
    "对经营超过保质期的食品、食品添加剂等行为的处罚": (["送达"], True, "牡丹江市市场监督管理局"),
    "对进行开垦、采石、采砂、采土或者其他活动，造成林木毁坏的处罚": (["送达"], True, "丰宁满族自治县林业和草原局"),
    "对非医师行医的处罚": (["告知"], True, "塔城地区卫生健康委员会"),
    "强制拆除不符合城市容貌标准、环境卫生标准的建筑物或者设施": (["催告"], True, "鹤壁市城市管理局"),
    "教师资格认定（幼儿园、小学和初级中学教师资格认定）": (["事后监管"], True, "霍林郭勒市教育局"),
    "民用爆炸物品运输许可": (["事后监管"], True, "靖边县公安局"),
    "烟花爆竹经营（批发）许可证核发": (["事后监管"], True, "白银市应急管理局"),
    "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批": (["送达", "事后监管"], True, "鹤壁市城市管理局"),
    "辐射安全许可证核发★": (["事后监管"], True, "山西省生态环境厅"),
    "食品经营许可（含新办、变更、延续、补办、注销）": (["事后监管"], True, "牡丹江市市场监督管理局"),
}


def test_missing_stage_on_a_ninety_sixth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_96.json", NINETY_SIXTH, 13, 132)
    assert (sum(real for _, real, _ in NINETY_SIXTH.values()), len(NINETY_SIXTH)) == (27, 27)


# As measured (at c4a14c0, before any of its own readings): 19 real of 22, 拓东's outline in one column refused (said), 马坝镇's
# 实施机构 (综合行政执法局, 社会事业局 …, offices named with no place) taken for bodies of their own — the false: 鄂州's 「材料接收」
# step (asked its 受理), 炎陵's permit in one cell whose 县教育局 「审核材料的真实性」 (asked its 审查), 城口's penalty in one
# paragraph under its first column (asked its 调查, 审查, 决定 and 送达). Read since: 材料接收 a 受理, a permit's
# 审核材料的真实性 its review, a township's offices named with no place its own: 19 of 20; a cell of one paragraph beside
# its column of supervision measures read in prose as a reader reads it, 拓东's document read: 19 of 19.
NINETY_FIFTH: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["事后监管"], True, "盱眙县马坝镇人民政府"),
    "公共场所卫生许可": (["事后监管"], True, "防城港市卫生健康委员会"),
    "对依法应当编制水土保持方案的生产建设项目未编制或者未经批准而开工建设等行为的行政处罚": (["告知"], True, "四川省水利厅"),
    "对农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅的处罚": (["告知"], True, "盱眙县马坝镇人民政府"),
    "对可能被转移、隐匿或者灭失的资料等予以封存": (["事后监管"], True, "城口县医疗保障局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["告知"], True, "盱眙县马坝镇人民政府"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物逾期不拆除的强行拆除": (["催告"], True, "四川省水利厅"),
    "对在禁止区域内露天烧烤食品或者为露天烧烤食品提供场地的行政处罚": (["告知"], True, "上海市长宁区城市管理行政执法局"),
    "对定点医药机构以骗取医疗保障基金为目的的违法行为的行政处罚": (["送达"], True, "城口县医疗保障局"),
    "对擅自举办民办学校的行政处罚": (["告知"], True, "炎陵县教育局"),
    "对未取得医疗机构执业许可证擅自执业的行政处罚": (["送达", "执行"], True, "防城港市卫生健康委员会"),
    "对未取得排污许可证排放污染物的行政处罚": (["告知"], True, "鄂州市生态环境局"),
    "对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的行政处罚": (["送达"], True, "萍乡市市场监督管理局"),
    "对生产经营单位未采取措施消除事故隐患的行政处罚": (["告知"], True, "黔南布依族苗族自治州应急管理局"),
    "排污许可证核发": (["事后监管"], True, "鄂州市生态环境局"),
    "民办学校设立、变更、终止审批（1.实施学前教育的民办学校（幼儿园）设立审批；2.分立、合并及变更审批；3.终止审批）": (["事后监管"], True, "炎陵县教育局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "四川省水利厅"),
    "烟花爆竹经营（批发）许可证核发": (["送达", "事后监管"], True, "黔南布依族苗族自治州应急管理局"),
    "特种设备使用登记": (["事后监管"], True, "萍乡市市场监督管理局"),
}


def test_missing_stage_on_a_ninety_fifth_sample_judged_blind(scratch, tmp_path):
    # (拓东's list, a document down one column: 「事项编码：…」, 「实施依据：…」 lines under numbered headings in type sections, read
    # since: its eight items, none lacking a stage, as its reader judged)
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_95.json", NINETY_FIFTH, 13, 131)
    assert (sum(real for _, real, _ in NINETY_FIFTH.values()), len(NINETY_FIFTH)) == (19, 19)


# As measured (at 62b10da, before any of its own readings): 17 real of 21 — 泗洪's two penalties whose steps are joined by arrows,
# the last a step named alone (「…→执行：…→结案归档」: the cell read as one duty, asked its 调查 … 执行), 泗洪's 大型群众性活动安全许可
# whose remarks give the county its supervision (「县局负责初审和安全监管」, asked its 事后监管), 贵州's 停止供电 (a 强制措施 by
# stages.toml's words, asked its 事后监管; its reader took it for a 强制执行 lacking its 催告 — below, still: 青铜峡's reader in the
# ninety-eighth read the same power as a measure). Read since: a step named alone among arrowed steps, a remark that the body
# itself supervises: 17 of 18; then 钦州's 事项目录 pointing to its 明细表 (「详见明细表2」: each item read twice, the cards' duties
# not at all) read as a table of contents, its cards' duty tables 「责任环节 | 责任事项内容」 with no label of their own read: two real
# findings more, 19 of 20; then a measure's 「保管：妥善保管…」 no end of it (阿坝's, 林芝's and 长汀's, each asked its 解除): 22 of 23.
NINETY_SEVENTH: dict[str, tuple[list[str], bool, str]] = {
    "人力资源服务许可": (["事后监管"], True, "宁国市人力资源和社会保障局"),
    "公共场所卫生许可": (["事后监管"], True, "宜良县卫生健康局"),
    "对个人将本人的医疗保障凭证交由他人冒名使用等行为的处罚": (["告知", "送达", "执行"], True, "长汀县医疗保障局"),
    "对使用童工的处罚": (["执行"], True, "宁国市人力资源和社会保障局"),
    "对公共场所经营者安排未获得有效健康合格证明的从业人员从事直接为顾客服务工作的处罚": (["告知", "送达"], True, "宜良县卫生健康局"),
    "对可能被转移、隐匿或者灭失的资料等予以封存": (["事后监管"], True, "长汀县医疗保障局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照许可证规定进行建设的处罚": (["告知", "执行"], True, "宜都市红花套镇人民政府"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的处罚": (["告知", "执行"], True, "蓬江区环市街道办事处"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物的处罚": (["告知", "执行"], True, "钦州市水利局"),
    "对开垦、采石、采砂、采土或者其他活动造成林木毁坏的处罚": (["告知", "送达"], True, "阿坝藏族羌族自治州林业和草原局"),
    "对拒不执行停产停业等决定、有发生生产安全事故现实危险的生产经营单位采取停止供电、停止供应民用爆炸物品等措施": (["事后监管"], False, "贵州省应急管理厅"),
    "对擅自占用、挖掘公路的处罚": (["告知", "送达"], True, "林芝市交通运输局"),
    "对旅馆业工作人员不按规定登记住宿旅客信息的处罚": (["告知", "送达"], True, "泗洪县公安局"),
    "对未经批准或者采取欺骗手段骗取批准非法占用土地的处罚": (["告知"], True, "江西省自然资源厅"),
    "对生产经营单位拒绝、阻碍负有安全生产监督管理职责的部门依法实施监督检查的处罚": (["告知"], True, "贵州省应急管理厅"),
    "建设项目使用林地审核审批（临时使用林地审批）": (["事后监管"], True, "阿坝藏族羌族自治州林业和草原局"),
    "建设项目用地预审与选址意见书核发": (["事后监管"], True, "江西省自然资源厅"),
    "扣留造成公路、公路附属设施损坏且拒不接受现场调查处理的车辆、工具": (["事后监管"], True, "林芝市交通运输局"),
    "探矿权审批登记（探矿权新立、延续、保留、变更、注销登记）": (["事后监管"], True, "江西省自然资源厅"),
    "查封、扣押来源非法的林木以及从事破坏森林资源活动的工具、设备或者财物": (["事后监管"], True, "阿坝藏族羌族自治州林业和草原局"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "钦州市水利局"),
    "涉路施工许可": (["事后监管"], True, "林芝市交通运输局"),
    "烟花爆竹生产企业安全生产许可证核发": (["事后监管"], True, "贵州省应急管理厅"),
}


def test_missing_stage_on_a_ninety_seventh_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_97.json", NINETY_SEVENTH, 13, 114)
    assert (sum(real for _, real, _ in NINETY_SEVENTH.values()), len(NINETY_SEVENTH)) == (22, 23)


# As measured (at 62b10da): 17 real of 22 — 包头's 剧毒化学品购买许可证核发 whose scope says the 旗县区 implement it and 「市局负责
# 指导监督」, 洛阳's penalty whose remarks say 「市本级负责指导，县级…具体实施」 (市本级 read as the body deciding), 营口's 建筑工程施工
# 许可证核发 「已划转市行政审批局实施，本部门负责批后监管」 (asked its 送达), 阿克苏's penalty in 事前 | 事中 | 事后 cells whose
# 「作出责令限期拆除和罚款的处罚决定」 was read as a 责令's decision and whose 「监督当事人按期拆除、恢复原状」 was no 执行 (asked its
# 决定, 送达 and 执行; its reader asked the 送达 alone), 甘泉镇's penalty whose 「办结：跟踪整改情况」 its reader took for the 执行
# (below, still). Read since: those two guiding remarks, a permit handed to an approvals bureau keeping only its supervision, a
# penalty's decision that orders a correction, its 事后 step seeing the correction done: 18 of 19 (阿克苏's 送达 now real).
NINETY_EIGHTH: dict[str, tuple[list[str], bool, str]] = {
    "使用林地审核": (["送达"], True, "黑龙江省林业和草原局"),
    "公共场所卫生许可": (["事后监管"], True, "沂南县卫生健康局"),
    "关闭、闲置、拆除城市环境卫生设施许可": (["送达", "事后监管"], True, "西安市长安区城市管理和综合执法局"),
    "对医疗机构使用非卫生技术人员从事医疗卫生技术工作的处罚": (["执行"], True, "沂南县卫生健康局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照乡村建设规划许可证的规定进行建设的处罚": (["执行"], False, "麦积区甘泉镇人民政府"),
    "对在乡、村庄规划区内逾期不改正的违法建设的强制拆除": (["催告"], True, "麦积区甘泉镇人民政府"),
    "对在人口集中地区和其他依法需要特殊保护的区域内焚烧秸秆、落叶等产生烟尘污染的物质的处罚": (["告知", "送达", "执行"], True, "麦积区甘泉镇人民政府"),
    "对在城市人民政府禁止的时段和区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (["告知"], True, "西安市长安区城市管理和综合执法局"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["送达"], True, "阿克苏地区水利局"),
    "对将应当火化的遗体土葬或者在公墓和农村公益性墓地以外的其他地方埋葬遗体、建造坟墓的处罚": (["告知", "执行"], True, "长春市九台区民政局"),
    "对建设单位将建设工程发包给不具有相应资质等级的勘察、设计、施工单位或者委托给不具有相应资质等级的工程监理单位的处罚": (["执行"], True, "营口市住房和城乡建设局"),
    "对房地产开发企业未取得商品房预售许可证预售商品房的处罚": (["告知"], True, "营口市住房和城乡建设局"),
    "对擅自倾倒、抛撒、堆放或者随意处置建筑垃圾等行为的处罚": (["执行"], True, "西安市长安区城市管理和综合执法局"),
    "对未取得种子生产经营许可证生产经营林草种子等行为的处罚": (["执行"], True, "黑龙江省林业和草原局"),
    "对殴打他人、故意伤害他人身体的处罚": (["告知"], True, "包头市公安局"),
    "对经营者违反明码标价规定的处罚": (["告知", "执行"], True, "安平县市场监督管理局"),
    "对非医师行医的处罚": (["告知"], True, "沂南县卫生健康局"),
    "林草种子生产经营许可证核发（林草种子生产经营许可证变更）": (["事后监管"], True, "黑龙江省林业和草原局"),
    "食品经营许可（变更）": (["事后监管"], True, "安平县市场监督管理局"),
}


def test_missing_stage_on_a_ninety_eighth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_98.json", NINETY_EIGHTH, 13, 124)
    assert (sum(real for _, real, _ in NINETY_EIGHTH.values()), len(NINETY_EIGHTH)) == (18, 19)


# As measured (at 9207fda, before any of its own readings): 19 real of 20 — 恩施's 代为补种 whose 「催告责任：代履行前送达决定书…」
# serves the decision (asked its 决定); 湘乡's workbook, a 目录 and a sheet an item written as two tables (the item's row, then
# 序号 | 责任环节 | 责任事项 | 追责情形 | 责任股室), read as 70 powers and its duties lost; 龙岩's 责任事项 sheet (… | 环节名称 | 环节内容)
# and 追责情形 sheet (事项编码 | 事项名称 | 追责情形 | 追责依据) skipped as no list. Read since: a 代履行's decision served, a sheet an
# item in two tables, a catalogue folded into the items other sheets give in full, 环节内容 a stage's duties, an accountability
# table naming its items; a measure's 保管 no end of it: 22 of 23 (龙岩's 停止供电, asked its 解除 as a 强制措施, its reader took for
# a 强制执行 lacking its 催告: readers differ, as on the ninety-seventh and ninety-eighth).
NINETY_NINTH: dict[str, tuple[list[str], bool, str]] = {
    "临时使用林地审批": (["送达"], True, "恩施土家族苗族自治州林业局"),
    "公路建设项目施工许可": (["送达"], True, "江苏省交通运输厅"),
    "农作物种子生产经营许可": (["事后监管"], True, "湄潭县农业农村局"),
    "对单位、个人未按规定分类投放生活垃圾的处罚": (["执行"], True, "静安区南京西路街道办事处"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品的处罚": (["执行"], True, "静安区南京西路街道办事处"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["执行"], True, "都江堰市水务局"),
    "对屠宰、经营、运输的动物未附有检疫证明等行为的处罚": (["告知", "送达"], True, "湄潭县农业农村局"),
    "对抚恤优待对象冒领抚恤金、优待金、补助金等行为的处罚": (["送达"], True, "湘乡市退役军人事务局"),
    "对拒不执行停产停业决定且有发生生产安全事故现实危险的生产经营单位采取停止供电、停止供应民用爆炸物品等措施": (["事后监管"], False, "龙岩市应急管理局"),
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的处罚": (["告知", "执行"], True, "静安区南京西路街道办事处"),
    "对未经审核同意擅自改变林地用途的处罚": (["告知", "送达"], True, "恩施土家族苗族自治州林业局"),
    "对生产经营单位未采取措施消除事故隐患的处罚": (["送达"], True, "龙岩市应急管理局"),
    "对经营者不按规定明码标价的处罚": (["告知"], True, "象山县市场监督管理局"),
    "对车辆违法超限运输的处罚": (["执行"], True, "江苏省交通运输厅"),
    "对违反土地管理法律法规行为的处罚（对买卖或者以其他形式非法转让土地的处罚）": (["告知"], True, "桂林市自然资源局"),
    "对露天焚烧秸秆、落叶等产生烟尘污染的物质的处罚": (["告知", "执行"], True, "肥西县三河镇人民政府"),
    "对非法向社会发布公众气象预报、灾害性天气警报等行为的处罚": (["送达"], True, "云南省气象局"),
    "对饮用水供水单位供应的饮用水不符合国家卫生标准和卫生规范的处罚": (["告知", "送达", "执行"], True, "赣州市卫生健康委员会"),
    "新建、扩建、改建建设工程避免危害气象探测环境审批": (["送达"], True, "云南省气象局"),
    "母婴保健技术服务机构执业许可": (["送达"], True, "赣州市卫生健康委员会"),
    "烟花爆竹经营（批发）许可": (["事后监管"], True, "龙岩市应急管理局"),
    "特种设备使用登记": (["送达"], True, "象山县市场监督管理局"),
    "生产建设项目水土保持方案审批": (["送达"], True, "都江堰市水务局"),
}


def test_missing_stage_on_a_ninety_ninth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_99.json", NINETY_NINTH, 15, 119)
    assert (sum(real for _, real, _ in NINETY_NINTH.values()), len(NINETY_NINTH)) == (22, 23)


# As measured (at 9207fda): 20 real of 22 — 贺兰's penalty whose decision is a 警告 (fines referred to the city) and whose
# 运行流程 column, a chain of its steps, names the 执行 (asked its 执行; left: a column of the flow is no duty of the record), 寿阳's
# penalty whose 事后 cell 「送达行政处罚决定书；监督当事人履行；…」 sees it carried out (asked its 执行). Read since: 监督当事人履行
# its 执行: 20 of 21.
HUNDREDTH: dict[str, tuple[list[str], bool, str]] = {
    "农村公益性墓地建设审批": (["事后监管"], True, "秦安县民政局"),
    "取水许可（取水许可延续）": (["送达", "事后监管"], True, "阿勒泰地区水利局"),
    "对医疗机构未按照规定报告传染病疫情等行为的处罚": (["告知"], True, "大庆市卫生健康委员会"),
    "对危险废物产生者未按规定设置危险废物识别标志、擅自倾倒堆放危险废物等行为的处罚": (["告知", "送达"], True, "锡林郭勒盟生态环境局"),
    "对发布虚假广告的处罚": (["执行"], True, "元氏县市场监督管理局"),
    "对在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照许可证规定进行建设的处罚": (["告知", "执行"], True, "公主岭市范家屯镇人民政府"),
    "对在公路用地范围内设置公路标志以外的其他标志的处罚": (["告知", "送达"], True, "南阳市交通运输局"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等的处罚": (["告知", "送达"], True, "天津市河东区大王庄街道办事处"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["告知", "执行"], True, "阿勒泰地区水利局"),
    "对基层法律服务工作者违法执业行为的处罚": (["执行"], False, "贺兰县司法局"),
    "对律师、基层法律服务工作者无正当理由拒绝履行法律援助义务等行为的处罚": (["告知", "执行"], True, "贺兰县司法局"),
    "对擅自改变林地用途的处罚": (["执行"], True, "陕西省林业局"),
    "对未取得农药生产许可证生产农药或者生产假农药的处罚": (["告知"], True, "山东省农业农村厅"),
    "对未取得种子生产经营许可证生产经营种子等行为的处罚": (["告知", "送达"], True, "山东省农业农村厅"),
    "对未取得食品生产经营许可从事食品生产经营活动的处罚": (["告知"], True, "元氏县市场监督管理局"),
    "对未在指定的地点分类投放生活垃圾的处罚": (["告知", "执行"], True, "天津市河东区大王庄街道办事处"),
    "对未经批准出售、购买、利用、运输、携带、寄递国家重点保护野生动物及其制品的处罚": (["告知", "送达"], True, "陕西省林业局"),
    "对未经批准擅自兴建殡葬设施的处罚": (["告知", "执行"], True, "秦安县民政局"),
    "对车辆在公路上擅自超限行驶的处罚": (["告知"], True, "南阳市交通运输局"),
    "药品零售企业经营许可": (["事后监管"], True, "元氏县市场监督管理局"),
    "超限运输车辆行驶公路许可": (["事后监管"], True, "南阳市交通运输局"),
}


def test_missing_stage_on_a_hundredth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_100.json", HUNDREDTH, 14, 112)
    assert (sum(real for _, real, _ in HUNDREDTH.values()), len(HUNDREDTH)) == (20, 21)


# As measured (at 5ac74a7, before any of its own readings): 19 real of 22 — 肥东's three permits whose closing step 「办结：制作批准
# 文件或者许可证件，送达申请人…」 serves them (办结 is no step's word: asked their 送达). Read since: a step in its own word that says
# the stage stands for it: 20 of 20.
HUNDRED_FIRST: dict[str, tuple[list[str], bool, str]] = {
    "剧毒化学品购买许可证核发": (["事后监管"], True, "宾阳县公安局"),
    "动物防疫条件合格证核发": (["事后监管"], True, "宣威市农业农村局"),
    "对依法应当编制水土保持方案的生产建设项目未编制或者未经批准而开工建设的处罚": (["执行"], True, "肥东县水务局"),
    "对侵占、损毁或者未经批准擅自移动气象设施的处罚": (["执行"], True, "凉山彝族自治州气象局"),
    "对公共场所经营者未依法取得公共场所卫生许可证擅自营业的处罚": (["告知", "执行"], True, "昌都市卫生健康委员会"),
    "对在乡、村庄规划区内违法建设逾期不改正的予以拆除": (["催告"], True, "韶山市清溪镇人民政府"),
    "对定点医药机构未建立医疗保障基金使用内部管理制度等行为的处罚": (["告知", "执行"], True, "佛山市南海区医疗保障局"),
    "对导游、领队私自承揽业务的处罚": (["告知"], True, "江苏省文化和旅游厅"),
    "对擅自占用、挖掘公路的处罚": (["执行"], True, "黄石市交通运输局"),
    "对生产经营假、劣林草种子的处罚（1.生产经营假林草种子；2.生产经营劣林草种子）": (["执行"], True, "福建省林业局"),
    "对违反种子管理规定行为的处罚（对未取得种子生产经营许可证生产经营种子等行为的处罚）": (["告知", "执行"], True, "宣威市农业农村局"),
    "对随地吐痰、便溺，乱扔果皮、纸屑和烟头等废弃物的处罚": (["告知"], True, "鹿城区五马街道办事处"),
    "对雷电防护装置未经设计审核或者设计审核不合格施工、未经竣工验收或者竣工验收不合格交付使用的处罚": (["告知"], True, "凉山彝族自治州气象局"),
    "对露天焚烧秸秆、落叶等产生烟尘污染物质的处罚": (["告知", "执行"], True, "韶山市清溪镇人民政府"),
    "对非法携带枪支、弹药或者弩、匕首等国家规定的管制器具的处罚": (["告知", "送达"], True, "宾阳县公安局"),
    "导游证核发": (["送达"], True, "江苏省文化和旅游厅"),
    "扣留造成公路、公路附属设施损坏拒不接受现场调查处理的车辆、工具": (["事后监管"], True, "黄石市交通运输局"),
    "母婴保健技术服务机构执业许可": (["事后监管"], True, "昌都市卫生健康委员会"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "肥东县水务局"),
    "涉路施工许可": (["送达"], True, "黄石市交通运输局"),
}


def test_missing_stage_on_a_hundred_and_first_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_101.json", HUNDRED_FIRST, 13, 113)
    assert (sum(real for _, real, _ in HUNDRED_FIRST.values()), len(HUNDRED_FIRST)) == (20, 20)


# As measured (at 5ac74a7): 20 real of 23 — 威远镇's 宅基地审批 whose run-on 「办结：…申请人建房完工后组织验收」 supervises it (asked its
# 事后监管), 舒兰's 强制传唤 「审批：…→执行：…→询问查证：…→通知：…」, two of its four arrowed steps a stage's, read as one duty
# (asked its 执行), 张北's 特种设备使用登记 whose 「发证：对符合要求的，办理使用登记，核发…」 grants it (asked its 决定). Read since: an
# inspection of what was built after completion a permit's supervision, arrowed steps half of them a stage's split, the grant in
# the issuing step the decision: 21 of 21.
HUNDRED_SECOND: dict[str, tuple[list[str], bool, str]] = {
    "公路超限运输许可（跨省、自治区、直辖市进行超限运输许可）": (["事后监管"], True, "黑龙江省交通运输厅"),
    "兽药经营许可（兽用生物制品以外）": (["事后监管"], True, "汾阳市农业农村局"),
    "对依法应当编制水土保持方案的生产建设项目未编制水土保持方案或者编制的水土保持方案未经批准而开工建设的行政处罚": (["执行"], True, "鄂尔多斯市水利局"),
    "对侵占、损毁或者未经批准擅自移动气象设施，在气象探测环境保护范围内从事危害气象探测环境活动的处罚": (["告知", "执行"], True, "盐池县气象局"),
    "对侵占、破坏、污损烈士纪念设施的行政处罚": (["告知", "执行"], True, "济南市章丘区退役军人事务局"),
    "对医疗机构使用非卫生技术人员从事医疗卫生技术工作的处罚": (["告知"], True, "鞍山市卫生健康委员会"),
    "对在人口集中地区焚烧沥青、油毡、橡胶、塑料、皮革、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质的处罚": (["告知", "执行"], True, "西城区德胜街道办事处"),
    "对擅自占用、挖掘公路等行为的行政处罚": (["告知"], True, "黑龙江省交通运输厅"),
    "对擅自在文物保护单位的保护范围内进行建设工程或者爆破、钻探、挖掘等作业的行政处罚": (["告知"], True, "延安市文化和旅游局"),
    "对旅馆业工作人员不按规定登记住宿旅客信息的处罚": (["告知", "执行"], True, "舒兰市公安局"),
    "对有证据表明不符合安全技术规范要求或者存在严重事故隐患的特种设备实施查封、扣押": (["事后监管"], True, "张北县市场监督管理局"),
    "对未取得种子生产经营许可证生产经营种子的行政处罚": (["告知", "执行"], True, "汾阳市农业农村局"),
    "对经营标注虚假生产日期、保质期或者超过保质期的食品的行政处罚": (["告知", "执行"], True, "张北县市场监督管理局"),
    "对超越批准的矿区范围采矿的行政处罚": (["告知"], True, "河南省自然资源厅"),
    "市级文物保护单位建设控制地带内建设工程设计方案审核": (["事后监管"], True, "延安市文化和旅游局"),
    "暂扣车辆（对没有车辆营运证又无法当场提供其他有效证明的车辆予以暂扣）": (["事后监管"], True, "黑龙江省交通运输厅"),
    "母婴保健技术服务机构执业许可": (["事后监管"], True, "鞍山市卫生健康委员会"),
    "河道管理范围内建设项目工程建设方案审批": (["事后监管"], True, "鄂尔多斯市水利局"),
    "特种设备使用登记": (["事后监管"], True, "张北县市场监督管理局"),
    "采矿权新立、延续、变更、注销登记（采矿权延续登记）": (["事后监管"], True, "河南省自然资源厅"),
    "雷电防护装置设计审核和竣工验收（雷电防护装置竣工验收）": (["事后监管"], True, "盐池县气象局"),
}


def test_missing_stage_on_a_hundred_and_second_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_102.json", HUNDRED_SECOND, 13, 114)
    assert (sum(real for _, real, _ in HUNDRED_SECOND.values()), len(HUNDRED_SECOND)) == (21, 21)


# As measured (at ea2cdf8): 17 real of 19 — 赣州's 城市建筑垃圾处置核准 whose 事中 column 「颁发核准文件」 serves it (asked its 送达),
# 武夷山's 「对责令限期拆除…的处罚决定，申请人民法院强制执行」, the application to the court at its name's end, read as the body's own
# enforcement (asked its 决定 and 执行). Read since: a 核准文件 issued is served, a name ending in the application is one: 17 of 17;
# and 汶川's cards, whose duties are a table 责任环节 | 责任内容 | 办理时限 | 追责情形 (read as none: 「办理时限」 each card's only duty),
# read: two more real, 19 of 19.
HUNDRED_THIRD: dict[str, tuple[list[str], bool, str]] = {
    "乡村建设规划许可证核发": (["事后监管"], True, "武夷山市自然资源局"),
    "公共场所卫生许可": (["事后监管"], True, "酉阳土家族苗族自治县卫生健康委员会"),
    "对医疗机构使用非卫生技术人员从事医疗卫生技术工作的行政处罚": (["告知"], True, "酉阳土家族苗族自治县卫生健康委员会"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等行为的行政处罚": (["告知"], True, "姑苏区平江街道办事处"),
    "对在自然保护地、禁猎区、禁猎期猎捕国家重点保护野生动物等行为的行政处罚": (["告知", "执行"], True, "湘西土家族苗族自治州林业局"),
    "对客运经营者、货运经营者不按规定维护和检测运输车辆的行政处罚": (["告知"], True, "梧州市交通运输局"),
    "对未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的行政处罚": (["告知"], True, "武夷山市自然资源局"),
    "对未经批准擅自取水、未依照批准的取水许可规定条件取水的行政处罚": (["告知"], True, "湖北省水利厅"),
    "对生产经营劣种子的行政处罚": (["告知"], True, "宁国市农业农村局"),
    "对生产经营标注虚假生产日期、保质期或者超过保质期的食品、食品添加剂的行政处罚": (["告知"], True, "腾冲市市场监督管理局"),
    "对经营者不明码标价或者不按规定内容和方式明码标价的行政处罚": (["告知", "送达", "执行"], True, "腾冲市市场监督管理局"),
    "对退役军人弄虚作假骗取退役相关待遇的处理": (["告知"], True, "贵州省退役军人事务厅"),
    "暂扣没有车辆营运证又无法当场提供其他有效证明的车辆": (["事后监管"], True, "梧州市交通运输局"),
    "特种设备使用登记": (["送达"], True, "腾冲市市场监督管理局"),
    "生产建设项目水土保持方案审批": (["送达"], True, "湖北省水利厅"),
    "种子生产经营许可（1-2 农作物种子生产经营许可证变更、延续）": (["事后监管"], True, "宁国市农业农村局"),
    "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批": (["送达"], True, "赣州市城市管理局"),
    # (found since a card's table 责任环节 | 责任内容 | 办理时限 | 追责情形 is read as its duties, 2026-12-06)
    "对生产经营单位的主要负责人未履行安全生产管理职责的行政处罚": (["告知"], True, "汶川县应急管理局"),
    "烟花爆竹经营（零售）许可证核发": (["事后监管"], True, "汶川县应急管理局"),
}


def test_missing_stage_on_a_hundred_and_third_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_103.json", HUNDRED_THIRD, 13, 117)
    assert (sum(real for _, real, _ in HUNDRED_THIRD.values()), len(HUNDRED_THIRD)) == (19, 19)


# As measured (at ea2cdf8): 22 real of 22, and 蓟州's list refused: a summary sheet, then a sheet per item whose title row is the
# item's name (「城市建筑垃圾处置核准」 over 事项编码 | …, 事项类型 | …, a 责任环节 | 责任内容 | 依据 table), no 事项名称 label. Read since:
# a sheet of one item titled with its name is a card of it — its three penalties and permit, 25 of 25; and 神木's 「立案审批；调查取证；
# 审查；决定；文书送达。」, a list of short steps, read as the stages it names: 26 of 26.
HUNDRED_FOURTH: dict[str, tuple[list[str], bool, str]] = {
    "危险化学品安全使用许可": (["事后监管"], True, "大同市应急管理局"),
    "对买卖或者以其他形式非法转让土地的处罚": (["告知", "执行"], True, "榆中县自然资源局"),
    "对医疗机构使用非卫生技术人员从事医疗卫生技术工作的处罚": (["告知", "执行"], True, "锡林郭勒盟卫生健康委员会"),
    "对发生生产安全事故负有责任的生产经营单位的处罚": (["告知", "执行"], True, "大同市应急管理局"),
    "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品等行为的处罚": (["告知", "执行"], True, "天津市蓟州区城市管理委员会"),
    "对在河道管理范围内建设妨碍行洪的建筑物、构筑物等行为的处罚": (["告知", "执行"], True, "河南省水利厅"),
    "对施工工地未设置硬质围挡或者未采取覆盖、洒水抑尘等有效防尘降尘措施的处罚": (["告知", "执行"], True, "北京市朝阳区望京街道办事处"),
    "对旅馆业工作人员不按规定登记住宿旅客信息等行为的处罚": (["告知", "执行"], True, "宁安市公安局"),
    "对未取得巡游出租汽车经营许可擅自从事巡游出租汽车经营活动的处罚": (["告知"], True, "锦州市交通运输局"),
    "对未经同意擅自设置大型户外广告影响市容等行为的处罚": (["告知", "执行"], True, "天津市蓟州区城市管理委员会"),
    "对违反《中华人民共和国食品安全法》行为的处罚（对经营标注虚假生产日期、保质期或者超过保质期的食品等行为的处罚）": (["告知"], True, "迁安市市场监督管理局"),
    "对违反《中华人民共和国食品安全法》行为的处罚（对食品经营者未按规定建立并遵守进货查验记录制度的处罚）": (["执行"], True, "迁安市市场监督管理局"),
    "对雷电防护装置未经设计审核或者设计审核不合格施工、未经竣工验收或者竣工验收不合格交付使用等行为的处罚": (["告知", "执行"], True, "青海省气象局"),
    "对露天焚烧秸秆、落叶等产生烟尘污染物质的处罚": (["告知", "执行"], True, "梅河口市山城镇人民政府"),
    "建设用地（含临时建设用地）规划许可证核发": (["送达", "事后监管"], True, "榆中县自然资源局"),
    "强制隔离戒毒": (["事后监管"], True, "宁安市公安局"),
    "扣押与治安案件有关的需要作为证据的物品": (["事后监管"], True, "宁安市公安局"),
    "放射诊疗许可": (["事后监管"], True, "锡林郭勒盟卫生健康委员会"),
    "旅馆业特种行业许可证核发": (["事后监管"], True, "宁安市公安局"),
    "查封、扣押有根据认为不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品或者有其他严重质量问题的产品": (["事后监管"], True, "迁安市市场监督管理局"),
    "水工程建设规划同意书审核": (["送达", "事后监管"], True, "河南省水利厅"),
    "设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批": (["事后监管"], True, "天津市蓟州区城市管理委员会"),
    "超限运输车辆行驶公路许可": (["事后监管"], True, "锦州市交通运输局"),
    "雷电防护装置竣工验收": (["送达", "事后监管"], True, "青海省气象局"),
    "食品经营许可（食品经营许可证变更）": (["送达", "事后监管"], True, "迁安市市场监督管理局"),
    # (found since a list of short steps names its stages: 「立案；调查；作出处罚决定；监督执行。」, 2026-12-06)
    "对定点医药机构分解住院、过度诊疗、串换药品等造成医疗保障基金损失的处罚": (["告知", "执行"], True, "神木市医疗保障局"),
}


def test_missing_stage_on_a_hundred_and_fourth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_104.json", HUNDRED_FOURTH, 13, 114)
    assert (sum(real for _, real, _ in HUNDRED_FOURTH.values()), len(HUNDRED_FOURTH)) == (26, 26)


# As measured (at 762fbfe): 20 real of 20 (江西 应急管理, 云南 烟草专卖, 黔东南 交通运输, 湛江 卫生健康, 宜宾 生态环境, 林芝 市场监督管理, 临安
# 农业农村, 融水 民政, 秭归 文化和旅游, 歙县 住房和城乡建设, 晋江 退役军人事务, 江津区白沙镇, 梁溪区崇安寺街道).
HUNDRED_FIFTH: dict[str, tuple[list[str], bool, str]] = {
    "农药经营许可（农药经营许可证变更、延续）": (["事后监管"], True, "杭州市临安区农业农村局"),
    "商品房预售许可": (["事后监管"], True, "歙县住房和城乡建设局"),
    "对互联网上网服务营业场所经营单位接纳未成年人进入营业场所的处罚": (["告知", "送达"], True, "秭归县文化和旅游局"),
    "对医疗机构诊疗活动超出登记范围的处罚": (["告知", "送达"], True, "湛江市卫生健康局"),
    "对客运经营者、货运经营者不按规定携带车辆营运证的处罚": (["告知"], True, "黔东南苗族侗族自治州交通运输局"),
    "对建设单位将建设工程发包给不具有相应资质等级的勘察、设计、施工单位的处罚": (["告知", "执行"], True, "歙县住房和城乡建设局"),
    "对建设单位未依法报批建设项目环境影响报告书（表）擅自开工建设的行政处罚": (["告知", "送达"], True, "宜宾市生态环境局"),
    "对抚恤优待对象冒领抚恤金、优待金、补助金等违法行为的处罚": (["告知", "送达"], True, "晋江市退役军人事务局"),
    "对无准运证或者超过准运证规定的数量托运或者自运烟草专卖品的处罚": (["告知", "送达"], True, "云南省烟草专卖局"),
    "对生产经营不符合食品安全标准的食品的处罚": (["告知"], True, "林芝市市场监督管理局"),
    "对生产经营假种子的行政处罚": (["告知", "执行"], True, "杭州市临安区农业农村局"),
    "对生产经营单位的主要负责人未履行安全生产管理职责的行政处罚": (["告知"], True, "江西省应急管理厅"),
    "对经营者不执行明码标价规定的处罚": (["告知"], True, "林芝市市场监督管理局"),
    "对被传染病病原体污染的公共饮用水源、食品以及相关物品采取封闭、封存等临时控制措施": (["执行", "事后监管"], True, "湛江市卫生健康局"),
    "放射诊疗许可（介入放射学）": (["事后监管"], True, "湛江市卫生健康局"),
    "文艺表演团体从事营业性演出活动审批": (["事后监管"], True, "秭归县文化和旅游局"),
    "涉路施工许可（在公路用地范围内架设、埋设管道、电缆等设施审批）": (["事后监管"], True, "黔东南苗族侗族自治州公路管理局"),
    "烟草专卖品准运证核发": (["事后监管"], True, "云南省烟草专卖局"),
    "特种设备使用登记": (["事后监管"], True, "林芝市市场监督管理局"),
    "非煤矿矿山企业安全生产许可": (["送达"], True, "江西省应急管理厅"),
}


def test_missing_stage_on_a_hundred_and_fifth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_105.json", HUNDRED_FIFTH, 14, 128)
    assert (sum(real for _, real, _ in HUNDRED_FIFTH.values()), len(HUNDRED_FIFTH)) == (20, 20)


# As measured (at 762fbfe): 17 real of 18 — 蓟州's penalty whose 事后 column 「督促补办…手续，监督罚款缴纳」 sees the fine paid (asked its
# 执行). Read since: the fine's payment in either order (缴纳罚款, 罚款缴纳) seen to: 17 of 17.
HUNDRED_SIXTH: dict[str, tuple[list[str], bool, str]] = {
    "举办健身气功活动及设立站点审批": (["事后监管"], True, "陕西省体育局"),
    "公路超限运输许可": (["事后监管"], True, "张掖市交通运输局"),
    "动物防疫条件合格证核发": (["事后监管"], True, "寿光市农业农村局"),
    "对发布虚假广告的处罚": (["执行"], True, "通化市市场监督管理局"),
    "对可能被转移、隐匿或者灭失的资料等予以封存": (["事后监管"], True, "林州市医疗保障局"),
    "对在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地的处罚": (["执行"], True, "中山区青泥洼桥街道办事处"),
    "对定点医药机构未建立医疗保障基金使用内部管理制度、未按照规定保管财务账目等资料行为的处罚": (["告知", "执行"], True, "林州市医疗保障局"),
    "对律师事务所违法行为的处罚（吊销律师事务所执业证书）": (["告知", "送达"], True, "山西省司法厅"),
    "对未经登记擅自以社会团体名义进行活动等行为的取缔": (["告知"], True, "阿勒泰地区民政局"),
    "对生产经营不符合食品安全标准的食品的处罚": (["告知"], True, "通化市市场监督管理局"),
    "对破坏森林资源行为的处罚（对滥伐林木的处罚）": (["告知", "执行"], True, "海西蒙古族藏族自治州林业和草原局"),
    "对经营假、劣兽药的处罚": (["告知"], True, "寿光市农业农村局"),
    "对车辆超限行驶公路的处罚": (["执行"], True, "张掖市交通运输局"),
    "对高危险性体育项目经营者取得许可证后不再符合规定条件仍经营的处罚": (["告知"], True, "陕西省体育局"),
    "建设项目使用林地审核审批（临时使用林地审批）": (["事后监管"], True, "海西蒙古族藏族自治州林业和草原局"),
    "律师执业许可": (["事后监管"], True, "山西省司法厅"),
    "民办非企业单位成立、变更、注销登记": (["事后监管"], True, "阿勒泰地区民政局"),
}


def test_missing_stage_on_a_hundred_and_sixth_sample_judged_blind(scratch, tmp_path):
    _check(scratch, tmp_path, HERE / "unseen_gap_lists_106.json", HUNDRED_SIXTH, 13, 121)
    assert (sum(real for _, real, _ in HUNDRED_SIXTH.values()), len(HUNDRED_SIXTH)) == (17, 17)
