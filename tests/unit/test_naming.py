"""Department, jurisdiction and version of a list."""
from __future__ import annotations

from collections import Counter

from importers.jurisdictions import jurisdiction_chain
from importers.naming import complete_name, department_phrase, jurisdiction_level, resolve_naming


def test_department_phrase_strips_list_words():
    assert department_phrase("附件：克拉玛依市财政局2025年权责清单 (1)") == "克拉玛依市财政局"
    assert department_phrase("2024年市农业农村局权责清单") == "市农业农村局"
    assert department_phrase("国动办权责清单公示") == "国动办"
    assert department_phrase("克拉玛依市林业和草原系统2024年地县两级权责清单指导目录") == "克拉玛依市林业和草原系统"
    assert department_phrase("  克拉玛依市交通运输局2024年权责清单") == "克拉玛依市交通运输局"
    assert department_phrase("附件") == ""
    # the list's kind in other publishers' words, and a title naming two lists (cut at the first)
    for title in ("桦南县农业农村局权力清单和责任清单", "桦南县农业农村局行政权力清单", "桦南县农业农村局权责事项清单",
                  "桦南县农业农村局部门权责清单", "桦南县农业农村局行政职权目录", "桦南县农业农村局权力清单及责任清单"):
        assert department_phrase(title) == "桦南县农业农村局", title
    assert department_phrase("某县行政审批服务局权责清单") == "某县行政审批服务局"  # 行政 inside a body's name stays


def test_short_forms_are_completed_with_the_jurisdiction():
    assert complete_name("市机关事务管理局", "克拉玛依市") == "克拉玛依市机关事务管理局"
    assert complete_name("市场监督管理局", "克拉玛依市") == "克拉玛依市市场监督管理局"  # 市场 is no place
    assert complete_name("交通运输局", "长沙市") == "长沙市交通运输局"
    assert complete_name("师市民政局", "第十师北屯市") == "第十师北屯市民政局"  # 兵团: the division-city's own
    assert complete_name("第二师人力资源和社会保障局", "第二师铁门关市") == "第二师人力资源和社会保障局"  # the division's name
    assert complete_name("人社局", "第二师铁门关市") == "第二师铁门关市人力资源和社会保障局"  # in full
    assert complete_name("克拉玛依市财政局", "克拉玛依市") == "克拉玛依市财政局"


def naming(path: str, **kw):
    kw.setdefault("titles", [])
    kw.setdefault("department_rows", [])
    kw.setdefault("holders", Counter())
    return resolve_naming(path, **kw)


def test_order_of_sources():
    n = naming("x/附件：克拉玛依市财政局2025年权责清单.xlsx", titles=["克拉玛依市财政局2025年权责清单"])
    assert (n.department, n.department_source, n.jurisdiction, n.version) == (
        "克拉玛依市财政局", "title", "克拉玛依市", "2025")
    n = naming("x/清单.xls", titles=["克拉玛依市机关事务管理局权责清单"], department_rows=["市机关事务管理局"])
    assert (n.department, n.department_source, n.version) == ("克拉玛依市机关事务管理局", "title", "")
    n = naming("x/清单.xls", department_rows=["市机关事务管理局"], jurisdiction="克拉玛依市")
    assert (n.department, n.department_source) == ("克拉玛依市机关事务管理局", "department_row")
    n = naming("x/清单.xls", holders=Counter({"克拉玛依市交通运输局": 3, "市交通运输局": 1}))
    assert (n.department, n.department_source, n.jurisdiction) == ("克拉玛依市交通运输局", "holder", "克拉玛依市")


def test_aliases_name_their_department_in_its_own_place_only():
    """A short name every place uses (国动办, 市农业农村局) names 克拉玛依市's department in 克拉玛依市 (the file's
    place, or --jurisdiction, or a folder's kb-import.toml) or where it says the place; a file that says no place at all
    is placed by its own name there, and says so (guessed_by); a record's 行使主体 so short in a file of another place,
    or of none, is not 克拉玛依市's (a city's combined catalogue writing 市市场监管局 went to Xinjiang)."""
    n = naming("x/国动办权责清单公示.xlsx")
    assert (n.department, n.jurisdiction, n.guessed_by) == ("克拉玛依市国防动员办公室", "克拉玛依市", "国动办")
    n = naming("x/国动办权责清单公示.xlsx", jurisdiction="克拉玛依市")
    assert (n.department, n.guessed_by) == ("克拉玛依市国防动员办公室", "")
    n = naming("x/清单.xls", holders=Counter({"市市场监管局": 4}))
    assert n.department != "克拉玛依市市场监督管理局" and not n.guessed_by
    n = naming("x/2024年市农业农村局权责清单.xls", jurisdiction="克拉玛依市")
    assert (n.department, n.jurisdiction, n.jurisdiction_level) == ("克拉玛依市农业农村局", "克拉玛依市", "city")
    n = naming("x/清单.xls", holders=Counter({"克拉玛依市委办公室（市档案局）": 12}))  # (the alias says its place)
    assert n.department == "克拉玛依市档案局"
    n = naming("x/清单.xls", titles=["湖州市市级部门权责清单汇编（2024年）"], holders=Counter({"市市场监管局": 4}))
    assert (n.jurisdiction, n.department) == ("湖州市", "湖州市市场监督管理局")  # (市级: not 湖 and a level)
    # An alias of another place does not apply once the jurisdiction is known.
    n = naming("x/2024年市农业农村局权责清单.xls", jurisdiction="浏阳市")
    assert (n.department, n.jurisdiction_level) == ("浏阳市农业农村局", "county")


def test_jurisdiction_levels():
    assert jurisdiction_level("新疆维吾尔自治区") == "province"
    assert jurisdiction_level("克拉玛依市") == "city"
    assert jurisdiction_level("浏阳市") == "county"  # a county-level city, listed in jurisdictions.toml
    assert jurisdiction_level("某某县") == "county"
    assert jurisdiction_level("") == ""


def test_a_district_below_a_known_city_is_the_jurisdiction():
    n = naming("x/长沙市天心区教育局权责清单.xlsx", titles=["长沙市天心区教育局权责清单"])
    assert (n.department, n.jurisdiction, n.jurisdiction_level) == ("长沙市天心区教育局", "天心区", "county")
    assert [j["name"] for j in jurisdiction_chain(n.jurisdiction)] == ["湖南省", "长沙市", "天心区"]
    # Known places are followed down as far as the table goes.
    assert naming("x/湖南省长沙市天心区教育局权责清单.xlsx").jurisdiction == "天心区"
    # An unknown district keeps its known city in front, so the chain still runs through it.
    n = naming("x/长沙市某某区教育局权责清单.xlsx")
    assert (n.jurisdiction, n.jurisdiction_level) == ("长沙市某某区", "county")
    assert [j["name"] for j in jurisdiction_chain(n.jurisdiction)] == ["湖南省", "长沙市", "长沙市某某区"]
    # 克拉玛依 (an alias of 克拉玛依市) at the start of 克拉玛依区 is part of the district's name.
    n = naming("x/克拉玛依区财政局权责清单.xlsx")
    assert (n.jurisdiction, n.jurisdiction_level) == ("克拉玛依区", "county")
    assert [j["name"] for j in jurisdiction_chain(n.jurisdiction)] == ["新疆维吾尔自治区", "克拉玛依市", "克拉玛依区"]


def test_a_county_level_city_in_the_table_stays_a_county():
    n = naming("x/浏阳市市场监督管理局2024年权责清单.xlsx")
    assert (n.department, n.jurisdiction, n.jurisdiction_level) == ("浏阳市市场监督管理局", "浏阳市", "county")
    assert naming("x/长沙市浏阳市教育局权责清单.xlsx").jurisdiction == "浏阳市"


def test_one_character_counties():
    n = naming("x/沛县市场监督管理局2024年权责清单.xlsx")
    assert (n.department, n.jurisdiction, n.jurisdiction_level) == ("沛县市场监督管理局", "沛县", "county")
    for county in ("萧县", "叶县", "歙县"):
        n = naming(f"x/{county}农业农村局权责清单.xlsx")
        assert (n.department, n.jurisdiction, n.jurisdiction_level) == (f"{county}农业农村局", county, "county")
    n = naming("x/萧县政府办公室权责清单.xlsx")  # 县政 is no word that hides a place
    assert (n.department, n.jurisdiction) == ("萧县政府办公室", "萧县")
    n = naming("x/某县农业农村局清单.jsonl")
    assert (n.department, n.jurisdiction, n.jurisdiction_level) == ("某县农业农村局", "某县", "county")


def test_no_place_gives_no_jurisdiction():
    # 城市 / 市场 / 区县级 / 全县 start like places but are words: never a made-up place.
    for stem in ("城市管理局权责清单", "市场监督管理局权责清单", "区县级农业农村局权责清单", "全县教育局权责清单",
                 "关于公布区级部门权责清单"):
        n = naming(f"x/{stem}.xlsx")
        assert (n.jurisdiction, n.jurisdiction_level) == ("", ""), stem


def test_a_record_goes_to_the_body_its_holder_names():
    from importers.naming import holder_department

    n = naming("x/西安市文物局2024年权责清单.xlsx")
    assert (n.department, n.jurisdiction) == ("西安市文物局", "西安市")
    moves = {h: holder_department(h, n) for h in (
        "市公安局", "公安局", "陕西省文物局", "碑林区文物局",  # other named bodies
        "西安市文物局", "市文物局", " 市文物局", "地州市商务主管部门", "市人民政府", "各区分局",  # own / roles
        "县市区文物局", "西安市公安局、西安市文物局", "市人民政府（西安市文物局承办）", "")}
    assert moves == {"市公安局": "西安市公安局", "公安局": "西安市公安局", "陕西省文物局": "陕西省文物局",
                     "碑林区文物局": "碑林区文物局", "西安市文物局": "", "市文物局": "", " 市文物局": "",
                     "地州市商务主管部门": "", "市人民政府": "", "各区分局": "", "县市区文物局": "",
                     "西安市公安局、西安市文物局": "", "市人民政府（西安市文物局承办）": "", "": ""}


def test_a_joint_power_stays_with_the_file_only_when_its_own_body_is_among_those_named():
    """联合行使 (…、…): with the file's own body (or a role) among the bodies it stays with the file; a joint
    power of other bodies only goes to the first named, the lead (牵头) by the lists' custom."""
    from importers.naming import holder_department, joint_bodies

    n = naming("x/西安市文物局2024年权责清单.xlsx")
    assert joint_bodies("市公安局、市交通运输局；") == ["市公安局", "市交通运输局"]
    assert holder_department("市公安局、市交通运输局", n) == "西安市公安局"
    assert holder_department("市交通运输局/市公安局", n) == "西安市交通运输局"
    assert holder_department("市公安局、市文物局", n) == ""
    assert holder_department("市人民政府、市公安局", n) == ""
    # the department's own enforcement corps (上海市水务局执法总队) acts in its name; a branch for an area does not
    shanghai = naming("x/上海市水务局权责清单.csv")
    assert holder_department("上海市水务局执法总队", shanghai) == ""
    assert holder_department("市水务局执法总队", shanghai) == ""
    assert holder_department("上海市公安局浦东分局", shanghai) == "上海市公安局浦东分局"
    # … and a 公安局's police corps named after it (滕州市公安局交通警察大队 in 滕州市公安局's list); not another bureau's
    tengzhou = naming("x/滕州市公安局权责清单.xlsx")
    assert holder_department("滕州市公安局交通警察大队", tengzhou) == ""
    assert holder_department("市公安局交警大队", tengzhou) == ""
    assert holder_department("枣庄市公安局交通警察支队", tengzhou) == "枣庄市公安局交通警察支队"
    assert holder_department("治安管理大队", naming("x/武冈市公安局权责清单.csv")) == ""  # its corps, named without a place
    # not a 法律援助中心, the 法律援助机构 that decides on legal aid in its own name (法律援助法 第四十三条)
    assert holder_department("德清县法律援助中心", naming("x/德清县司法局权责清单.xlsx")) == "德清县法律援助中心"
    # the corps of its field (综合行政执法) too, named after the field, not the department; another field's corps
    # or another place's is a body of its own
    hengyang = naming("x/衡阳县农业农村局权责清单.xlsx")
    assert holder_department("衡阳县农业综合行政执法大队", hengyang) == ""
    assert holder_department("县农业综合行政执法大队", hengyang) == ""
    assert holder_department("衡阳县市场监管综合行政执法大队", hengyang) == "衡阳县市场监管综合行政执法大队"
    assert holder_department("衡南县农业综合行政执法大队", hengyang) == "衡南县农业综合行政执法大队"
    nanning = naming("x/南宁市市场监督管理局权责清单.csv")
    assert holder_department("南宁市市场监管综合行政执法支队", nanning) == ""
    assert holder_department("南宁市交通运输综合行政执法支队", nanning) == "南宁市交通运输综合行政执法支队"
    assert holder_department("某县水政监察大队", naming("x/某县水利局权责清单.xlsx")) == ""
    assert holder_department("长沙市城管执法支队", naming("x/长沙市城市管理局权责清单.xlsx")) == ""
    # a lead's mark, 和 between two bodies (not inside 住房和城乡建设局)
    assert joint_bodies("市公安局（牵头）和市交通运输局") == ["市公安局", "市交通运输局"]
    assert joint_bodies("市住房和城乡建设局") == ["市住房和城乡建设局"]
    assert holder_department("市公安局（牵头）、市交通运输局", n) == "西安市公安局"
    # a file without a title is not named after a joint holder, however often it stands
    untitled = naming("x/list.xlsx", holders=Counter({"西安市公安局、西安市交通运输局": 9, "西安市文物局": 2}))
    assert untitled.department == "西安市文物局"


def test_an_autonomous_county_by_its_everyday_name_is_the_same_place_and_body():
    """门源县 is how lists write 门源回族自治县: a record's 门源县林业和草原局 is the file's own department, and
    another body there gets the place's own name; a title carrying the places above (贵州省黔南…) is the
    same body as the record's 三都水族自治县交通运输局."""
    from importers.naming import holder_department

    n = naming("x/门源回族自治县林业和草原局权责清单.xlsx")
    assert (n.department, n.jurisdiction) == ("门源回族自治县林业和草原局", "门源回族自治县")
    assert holder_department("门源县林业和草原局", n) == ""
    assert holder_department("门源县交通运输局", n) == "门源回族自治县交通运输局"
    assert complete_name("融水县交通运输局", "融水苗族自治县") == "融水苗族自治县交通运输局"
    assert [p["name"] for p in jurisdiction_chain("融水苗族自治县")] == ["广西壮族自治区", "柳州市", "融水苗族自治县"]
    long = naming("x/贵州省黔南布依族苗族自治州三都水族自治县交通运输局权责清单.xlsx")
    assert long.jurisdiction == "三都水族自治县"
    assert holder_department("三都水族自治县交通运输局", long) == ""
    assert holder_department("三都县交通运输局", long) == ""
    assert holder_department("三都水族自治县公安局", long) == "三都水族自治县公安局"


def test_the_version_from_a_line_above_the_header_when_title_and_file_name_give_none():
    rows = ["陇西县市场监督管理局（盖章） 公布时间：2024年3月"]
    assert naming("x/list.xlsx", titles=["陇西县市场监督管理局权责清单"], department_rows=rows).version == "2024"
    assert naming("x/2025年清单.xlsx", titles=["陇西县市场监督管理局权责清单"], department_rows=rows).version == "2025"


def test_a_party_body_is_placed_by_the_place_after_its_party_name():
    n = naming("x/中共桦南县委宣传部权责清单.xlsx")
    assert (n.department, n.jurisdiction, n.jurisdiction_level) == ("中共桦南县委宣传部", "桦南县", "county")
    assert naming("x/中共中央宣传部权责清单.xlsx").jurisdiction == ""
    assert complete_name("中共县委宣传部", "桦南县") == "中共桦南县委宣传部"


def test_a_holder_that_is_only_a_kind_of_office_stays_with_the_file():
    from importers.naming import generic_office, holder_department

    # 双台子区's street list says 实施主体 街道: the street office that publishes it, not the place 街道
    # (two places carry that name) nor another body
    n = naming("x/盘锦市双台子区街道办事处权责清单.json")
    for h in ("街道", "街道办事处", "街道办", "乡镇", "乡（镇）", "乡(镇)", "镇", "镇人民政府", "乡镇（街道）", "本级"):
        assert generic_office(h) and holder_department(h, n) == "", h
    assert not generic_office("红旗街道办事处") and not generic_office("镇财政所")
    assert holder_department("双台子区民政局", n) == "双台子区民政局"


def test_a_holder_that_is_an_internal_unit_stays_with_the_file():
    from importers.naming import holder_department, internal_unit

    # 四川省教育厅's 竖表: 责任主体 国际交流与合作处 is the unit that acts, not a department of its own
    n = naming("x/四川省教育厅.json")
    for h in ("国际交流与合作处", "博物馆与社会文物处", "竞技体育处", "法规科", "双拥优抚股", "综合执法一中队"):
        assert internal_unit(h, n) and holder_department(h, n) == "", h
    # a body with a place, or a body's office acting in its own name, is not a unit
    for h in ("成都市教育局", "省森林防火指挥部办公室", "县人民政府办公室"):
        assert not internal_unit(h, n), h
    assert holder_department("成都市教育局", n) == "成都市教育局"


def test_a_bare_corps_and_units_named_together_stay_with_the_file():
    from importers.naming import holder_department, own_units

    # 渝中区应急管理局's 实施机构 「执法支队」, 「安全生产基础科、执法支队」: its own corps and units (two departments were
    # made up of them: 渝中区执法支队, 天津市滨海新区综合执法支队)
    n = naming("x/渝中区应急管理局权责清单2025.json")
    for h in ("执法支队", "综合执法支队", "行政执法大队", "安全生产基础科、执法支队", "政策法规科"):
        assert own_units(h, n) and holder_department(h, n) == "", h
    # a corps with a place, another body, or a unit beside another body is not the file's own
    assert holder_department("重庆市应急管理局执法总队", n) == "重庆市应急管理局执法总队"
    for h in ("渝中区市场监督管理局", "政策法规科、渝中区公安分局"):
        assert not own_units(h, n), h


def test_a_holder_that_is_a_public_institution_stays_with_the_file():
    from importers.naming import holder_department, public_institution

    # 三门峡's 文化广电和旅游局: 责任主体 三门峡市图书馆 of 公共图书馆免费开放服务 does the work, it holds no power
    n = naming("x/三门峡市文化广电和旅游局权责清单.xlsx")
    for h in ("三门峡市图书馆", "市博物馆", "三门峡市群众艺术馆", "县人民医院", "镇综合文化站", "市第一中学"):
        assert public_institution(h) and holder_department(h, n) == "", h
    # a body that acts in its own name is not one (the 中心 of 社会保险 or 住房公积金; a department)
    for h in ("三门峡市社会保险中心", "三门峡市住房公积金管理中心", "三门峡市公安局", "三门峡市卫生健康委员会"):
        assert not public_institution(h), h
    assert holder_department("三门峡市公安局", n) == "三门峡市公安局"


def test_karamay_holders_stay_with_their_files():
    from importers.naming import holder_department

    n = naming("x/克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xls")
    assert n.department == "克拉玛依市林业和草原局"
    for h in ("克拉玛依市自然资源局各区自然资源分局", "县市区林业和草原局", "地州市林业和草原局", "各区绿化委员会"):
        assert holder_department(h, n) == "", h
    n = naming("x/2024年市农业农村局权责清单.xls")
    assert holder_department("自治区农业农村厅", n) == "" and holder_department("地州市级农业农村局", n) == ""


def test_a_body_is_its_name_after_its_own_place_whatever_stands_before():
    from kb.model import body_tail

    assert body_tail("合肥市蜀山区住房和城乡建设局", "蜀山区") == "住房和城乡建设局"
    assert body_tail("蜀山区住房和城乡建设局", "蜀山区") == "住房和城乡建设局"
    assert body_tail("浏阳市集里街道办事处", "浏阳市集里街道") == "办事处"
    assert body_tail("市场监督管理局", "蜀山区") == "" and body_tail("蜀山区", "") == ""


def test_a_holder_in_a_short_form_of_the_file_s_own_body_stays_with_it():
    """Rows write bodies short (浦东新区城管执法局, 海淀区卫健委, 区住建局): the file's own body, not another."""
    from importers.naming import body_key, holder_department

    assert body_key("城市管理行政执法局") == body_key("城管执法局") == body_key("城市管理和综合执法局")
    assert body_key("卫生健康委员会") == body_key("卫健委") and body_key("公安局") != body_key("交通运输局")
    for file, holders in (("上海市浦东新区城市管理行政执法局权责清单.xlsx", ["浦东新区城管执法局"]),
                          ("北京市海淀区卫生健康委员会权责清单.xlsx", ["海淀区卫健委", "区卫健委"]),
                          ("合肥市蜀山区住房和城乡建设局权责清单.xlsx", ["区住建局", "蜀山区住建局"]),
                          ("章贡区人力资源和社会保障局权责清单.xlsx", ["章贡区人社局"]),
                          ("北京市丰台区教育委员会权责清单.xlsx", ["丰台区教委"])):
        n = naming(f"x/{file}")
        assert all(holder_department(h, n) == "" for h in holders), file
    n = naming("x/章贡区人力资源和社会保障局权责清单.xlsx")
    assert holder_department("章贡区市场监管局", n) == "章贡区市场监督管理局"  # another body, named in full


def test_a_township_s_list_that_names_no_body_is_its_government_s():
    assert (naming("x/寿光市洛城街道赋权事项清单.xlsx").department, naming("x/虎门镇权责清单.xlsx").department) == (
        "寿光市洛城街道办事处", "东莞市虎门镇人民政府")


def test_national_bodies_branches_and_numbered_files_get_their_own_place():
    """国家税务总局 before the place of its branch; a file's number (3.) is no place; a branch named after its
    district behind the city's body (上海市公安局浦东分局) acts in that district, at the county level."""
    for path in ("x/鼓楼区税务局权责清单.xlsx", "x/3.鼓楼区税务局权责清单.xlsx"):
        n = naming(path, titles=["国家税务总局徐州市鼓楼区税务局权责清单"])
        assert (n.department, n.jurisdiction) == ("国家税务总局徐州市鼓楼区税务局", "徐州市鼓楼区"), path
    n = naming("x/国家税务总局徐州市鼓楼区税务局权责清单.xlsx")
    assert (n.department, n.jurisdiction, n.jurisdiction_level) == ("国家税务总局徐州市鼓楼区税务局", "徐州市鼓楼区", "county")
    for title, place in (("上海市公安局浦东分局权责清单", "浦东新区"), ("宜昌市生态环境局夷陵区分局权责清单", "夷陵区")):
        n = naming(f"x/{title}.xlsx")
        assert (n.department, n.jurisdiction, n.jurisdiction_level) == (title.removesuffix("权责清单"), place, "county")
    assert naming("x/克拉玛依市公安局权责清单.xlsx").jurisdiction == "克拉玛依市"
    # a province's branch named after a city is the city's (湘潭市, not 湘潭县); a place given is kept
    assert naming("x/湖南省生态环境厅湘潭分局权责清单.xlsx").jurisdiction == "湘潭市"
    assert naming("x/上海市公安局浦东分局权责清单.xlsx", jurisdiction="上海市").jurisdiction == "上海市"
    assert naming("x/中国人民银行徐州市分行权责清单.xlsx").department == "中国人民银行徐州市分行"


def test_a_title_in_a_short_form_of_one_name_gives_the_full_name():
    assert naming("x/渝中区市场监管局权责清单（2023年版）.xlsx").department == "渝中区市场监督管理局"
    assert naming("x/克拉玛依市文旅局权责清单.xlsx").department == "克拉玛依市文旅局"  # 文旅局: several names, kept


def test_the_spellings_of_one_body_are_its_full_forms_and_its_short_form():
    from kb.model import body_spellings

    county = body_spellings("醴陵市发展和改革局", "醴陵市")
    assert "发展和改革委员会" in county and "发改委" in county  # its city's body and the short form rows write
    assert set(body_spellings("醴陵市城管执法局", "醴陵市")) == {
        "城管执法局", "城市管理和综合执法局", "城市管理行政执法局", "城市管理综合执法局", "城市管理综合行政执法局"}
    assert "城市管理局" not in body_spellings("醴陵市城管执法局", "醴陵市")  # 城管局 is another body
    assert body_spellings("长沙市公安局交通警察支队", "长沙市") == ["公安局交通警察支队"]  # no short form: itself
    assert body_spellings("公安局", "长沙市") == []  # a name without its place: no body to compare


def test_a_field_corps_is_the_departments_own_field_not_a_shared_word():
    from importers.naming import holder_department

    # departments whose names begin with a word many share: a corps beginning so is another body's
    for own, holder in [("长沙市行政审批服务局", "长沙市行政执法支队"), ("长沙市城市管理局", "长沙市城市规划执法监察支队"),
                        ("长沙市城乡规划局", "长沙市城乡建设监察支队"), ("长沙市人民政府", "长沙市人民防空执法支队")]:
        assert holder_department(holder, naming(f"x/{own}权责清单.xlsx")) == holder, (own, holder)
    # … the department's own field still stays with it
    for own, holder in [("长沙市城市管理局", "长沙市城管执法支队"), ("长沙市城市管理局", "长沙市城市管理综合行政执法支队"),
                        ("桦甸市人力资源和社会保障局", "桦甸市劳动保障监察大队"), ("漳州市交通运输局", "漳州市交通综合执法支队")]:
        assert holder_department(holder, naming(f"x/{own}权责清单.xlsx")) == "", (own, holder)


def test_a_body_named_with_its_own_subordinates_is_the_file_s_body():
    """「国家税务总局莆田市税务局及所属县（区）税务局」 in that bureau's list (the twenty-sixth sample) is the bureau with its
    county bureaus under it: the file's department; its 稽查局, which acts in its own name, and another body with its
    subordinates are not."""
    from importers.naming import holder_department

    n = naming("x/国家税务总局莆田市税务局权力和责任清单.xlsx")
    assert n.department == "国家税务总局莆田市税务局"
    assert holder_department("国家税务总局莆田市税务局及所属县（区）税务局", n) == ""
    assert holder_department("国家税务总局莆田市税务局及其派出机构", n) == ""
    assert holder_department("国家税务总局莆田市税务局稽查局", n) == "国家税务总局莆田市税务局稽查局"
    assert holder_department("莆田市公安局及所属分局", n) == "莆田市公安局"


def test_a_department_s_own_supervision_and_enforcement_bureau_stays_with_its_file():
    from importers.naming import holder_department

    # 瑞金's 卫生健康委员会 names its 卫生健康综合监督执法局 as 责任主体: the department's own enforcement, as its 大队 would be;
    # another field's 执法局 (城市管理) and a 稽查局 (a body by law) are bodies of their own
    n = naming("x/瑞金市卫生健康委员会权责清单.xlsx")
    assert holder_department("市卫生健康综合监督执法局", n) == ""
    assert holder_department("瑞金市城市管理综合行政执法局", n) == "瑞金市城市管理综合行政执法局"


def test_a_township_the_divisions_do_not_hold_stays_below_its_county():
    # 昆山市周庄镇: merged into 昆山旅游度假区 in the 2023 divisions; not 江阴's or 兴化's 周庄镇 (ambiguous before)
    n = naming("昆山市周庄镇人民政府权责清单.csv")
    assert (n.department, n.jurisdiction, n.jurisdiction_level) == ("昆山市周庄镇人民政府", "昆山市周庄镇", "township")
    assert jurisdiction_chain(n.jurisdiction)[-2]["name"] == "昆山市"
    # … but a county's own body is no township (住房和城乡 ends in 乡)
    assert naming("昆山市住房和城乡建设局权责清单.xlsx").jurisdiction == "昆山市"
    # … nor the words of a government's formal name (长沙市天心区人民政府坡子街街道办事处: 天心区, as before)
    assert naming("长沙市天心区人民政府坡子街街道办事处权责清单.xlsx").jurisdiction == "天心区"


def test_the_spellings_of_a_body_at_the_levels_above_and_below():
    from kb.model import counterpart_spellings, merged_bodies

    assert set(counterpart_spellings("广东省水利厅", "广东省")) == {"水利厅", "水利局"}
    assert {"水利局", "水利厅"} <= set(counterpart_spellings("肇庆市水利局", "肇庆市"))
    assert merged_bodies("肇庆市高要区农业农村和水利局", "高要区") == ["农业农村局", "水利局"]
    assert merged_bodies("某县交通运输和水利局", "某县") == ["交通运输局", "水利局"]
    # one body whose name holds 和: not split
    for one in ("某县住房和城乡建设局", "某县人力资源和社会保障局", "某县发展和改革局", "某县卫生健康局", "某县文化和旅游局",
                "某县自然资源和规划局", "某县规划和自然资源局", "某县教育和体育局"):
        assert merged_bodies(one, "某县") == [], one
