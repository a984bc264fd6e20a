"""Lists and guides from places and layouts this repo has never had (issue 10, sections 1–3): a city's
file with records of three departments, a guide from 株洲市 with 12-digit area codes, a layout with a
repeated column block and columns no mapping knows, a district name two provinces carry."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import ManagedServer
from tests.conftest import run_kb as _kb
from tests.conftest import write_xlsx as _xlsx

BASIS = "【法律】《中华人民共和国文物保护法》第十七条 文物保护单位的保护范围内不得进行其他建设工程……"






def _xian_export(path: Path) -> Path:
    """西安's municipal export: 西安市文物局's list with rows of 市公安局 and 陕西省文物局 in it, and the
    文物局's own rows in other spellings (市文物局, a role: 市人民政府, 各区县文物主管部门)."""
    header = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "责任事项内容", "追责情形", "备注"]
    rows = [
        ["1", "文物保护单位建设控制地带内建设工程设计方案审批", "", "行政许可", BASIS, "西安市文物局", "1.受理责任", "未依法受理的", ""],
        ["2", "对文物保护单位的监督检查", "", "行政检查", BASIS, "市文物局", "1.检查责任", "未依法检查的", ""],
        ["3", "对博物馆藏品的行政确认", "", "行政确认", BASIS, "市人民政府", "1.受理责任", "", ""],
        ["4", "对区县文物工作的指导", "", "其他行政权力", BASIS, "各区县文物主管部门", "1.指导责任", "", ""],
        ["5", "对盗掘古文化遗址的行政处罚", "", "行政处罚", BASIS, "市公安局", "1.立案责任", "未依法立案的", ""],
        ["6", "对倒卖文物的行政处罚", "", "行政处罚", BASIS, "西安市公安局", "1.立案责任", "未依法立案的", ""],
        ["7", "省级文物保护单位的核定", "", "其他行政权力", BASIS, "陕西省文物局", "1.审查责任", "", ""],
        ["8", "对文物商店的监督检查", "", "行政检查", BASIS, "", "1.检查责任", "", ""],
    ]
    return _xlsx(path, "西安市文物局2024年权责清单", header, rows)


def _commerce_layout(path: Path) -> Path:
    """The 商务 layout: 责任事项依据 | 追责对象范围 | 追责情形 | 备注 twice (its first block empty where the
    second is filled), the 消防 layout's 责任事项的依据, and columns no mapping knows."""
    header = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "责任事项内容",
              "责任事项依据", "追责对象范围", "追责情形", "备注",
              "责任事项依据", "追责对象范围", "追责情形", "备注", "救助渠道", "诉求渠道", "监管电话", "统一发布平台unid"]
    rows = [
        ["1", "对单用途商业预付卡发卡企业的监督检查", "", "行政检查", BASIS, "地州市商务主管部门", "1.检查责任：依法检查。",
         "", "", "", "", "《单用途商业预付卡管理办法》第三十条", "具体承办人", "未依法检查的", "",
         "12345热线", "0731-12345", "0731-22334455", "8a9f0c2e-unid-0001"],
        ["2", "对拍卖企业的行政处罚", "", "行政处罚", BASIS, "株洲市商务局", "1.立案责任：依法立案。",
         "《拍卖管理办法》第四十条", "具体承办人", "未依法立案的", "旧备注",
         "《拍卖管理办法》第四十条", "", "", "新备注", "", "", "", "8a9f0c2e-unid-0002"],
    ]
    return _xlsx(path, "株洲市商务局2025年权责清单", header, rows)


def _zhuzhou_guide(path: Path) -> Path:
    def impl(code: str, name: str, path_: list[str], org_level: str, lead: str) -> dict:
        return {"theme_code": "43PCN0009", "theme_title": "新生儿出生一件事", "area_code": code, "area_name": name,
                "area_path": path_, "org_level": org_level, "implementation_name": "新生儿出生一件事",
                "guide_summary": {"title": "新生儿出生一件事", "lead_department": lead,
                                  "cooperating_departments": "公安部门,医保部门", "completed_limit": "5",
                                  "material_count": 4}}

    data = {"themes": [{"theme_code": "43PCN0009", "theme_title": "新生儿出生一件事", "implementations": [
        impl("430200000000", "株洲市直", ["株洲市", "株洲市直"], "2", "株洲市卫生健康委员会"),
        impl("430202999000", "荷塘区区本级", ["株洲市", "荷塘区", "荷塘区区本级"], "3", "荷塘区卫生健康局"),
        impl("430281999000", "醴陵市市本级", ["株洲市", "醴陵市", "醴陵市市本级"], "3", "醴陵市卫生健康局"),
    ]}]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_one_file_puts_each_record_under_its_own_department(scratch_server: ManagedServer, tmp_path: Path) -> None:
    proc = _kb(scratch_server, "import", "--json", str(_xian_export(tmp_path / "西安市文物局2024年权责清单.xlsx")))
    assert proc.returncode == 0, proc.stderr
    f = json.loads(proc.stdout)["files"][0]
    assert (f["department"], f["jurisdiction"], f["records"], f["moved"]) == ("西安市文物局", "西安市", 8, 3)
    assert f["departments"] == [{"name": "西安市文物局", "jurisdiction": "西安市", "records": 5},
                                {"name": "西安市公安局", "jurisdiction": "西安市", "records": 2},
                                {"name": "陕西省文物局", "jurisdiction": "陕西省", "records": 1}]
    g = scratch_server.graph
    held = g.read("MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS d, count(p) AS n ORDER BY d")
    assert {r["d"]: r["n"] for r in held} == {"西安市文物局": 5, "西安市公安局": 2, "陕西省文物局": 1}
    # one list version per (file, department), each made by the run
    versions = g.read("MATCH (r:ImportRun)-[:PRODUCED]->(v:ListVersion)-[:LIST_OF]->(d) "
                      "RETURN d.name AS d, v.records AS n, v.current AS current ORDER BY d")
    assert [(v["d"], v["n"], v["current"]) for v in versions] == [
        ("西安市公安局", 2, True), ("西安市文物局", 5, True), ("陕西省文物局", 1, True)]
    places = g.read("MATCH (d:Department)-[:IN_JURISDICTION]->(j) OPTIONAL MATCH (j)-[:WITHIN]->(up) "
                    "RETURN d.name AS d, j.name AS j, j.level AS level, j.code AS code, up.name AS up ORDER BY d")
    assert [(p["d"], p["j"], p["level"], p["code"], p["up"]) for p in places] == [
        ("西安市公安局", "西安市", "city", "610100", "陕西省"), ("西安市文物局", "西安市", "city", "610100", "陕西省"),
        ("陕西省文物局", "陕西省", "province", "610000", None)]
    # the police's powers are city powers of the police, not of the heritage bureau
    police = g.read("MATCH (:Department {name: '西安市公安局'})-[:HOLDS]->(p) RETURN p.holder AS h, p.level AS level "
                    "ORDER BY p.position")
    assert police == [{"h": "市公安局", "level": "city"}, {"h": "西安市公安局", "level": "city"}]
    # a filter on the province takes in the city below it: the CLI, the browser's power list and search
    check = json.loads(_kb(scratch_server, "check", "gaps", "--json", "--jurisdiction", "610000").stdout)
    assert {d for f in check for d in f["departments"]} >= {"西安市公安局", "西安市文物局", "陕西省文物局"}
    from webui import create_app

    client = create_app({"KB_GRAPH": g, "TESTING": True, "SECRET_KEY": "x"}).test_client()
    listed = client.get("/powers?jurisdiction=陕西省").get_data(as_text=True)
    assert "对倒卖文物的行政处罚" in listed and "省级文物保护单位的核定" in listed
    only_city = client.get("/powers?jurisdiction=西安市").get_data(as_text=True)
    assert "对倒卖文物的行政处罚" in only_city and "省级文物保护单位的核定" not in only_city
    found = client.get("/search.json?q=行政处罚&jurisdiction=陕西省").get_json()
    assert {r["name"] for r in found["results"]} >= {"对盗掘古文化遗址的行政处罚", "对倒卖文物的行政处罚"}
    assert dict(found["facets"]["jurisdiction"]) == {"西安市": 2}
    # importing the file again changes nothing
    again = json.loads(_kb(scratch_server, "import", "--json", str(tmp_path / "西安市文物局2024年权责清单.xlsx")).stdout)
    assert again["files"][0]["status"] == "unchanged" and again["nodes_created"] == 0
    # the text report says where the records went
    text = _kb(scratch_server, "import", "--dry-run", str(tmp_path / "西安市文物局2024年权责清单.xlsx")).stdout
    assert "其中 3 条按行使主体、所在分组或工作表的部门从 西安市文物局 移出" in text and "西安市公安局（西安市）：2" in text


def test_a_guide_from_places_in_no_table_gets_the_whole_chain(scratch_server: ManagedServer, tmp_path: Path) -> None:
    guide = _zhuzhou_guide(tmp_path / "onething_guides_zhuzhou.json")
    proc = _kb(scratch_server, "import", "--json", str(guide))
    assert proc.returncode == 0, proc.stderr
    g = scratch_server.graph
    things = g.read("MATCH (t:Thing)-[:IN_JURISDICTION]->(j) "
                    "RETURN t.area_code AS code, j.name AS j, j.level AS level, j.code AS jcode, "
                    "[(j)-[:WITHIN*1..]->(up) | up.name] AS up ORDER BY code")
    assert [(t["code"], t["j"], t["level"], t["jcode"], t["up"]) for t in things] == [
        ("430200000000", "株洲市", "city", "430200", ["湖南省"]),
        ("430202999000", "荷塘区", "county", "430202", ["株洲市", "湖南省"]),
        ("430281999000", "醴陵市", "county", "430281", ["株洲市", "湖南省"])]
    # the province, the city, by name or by code at any level, takes in the places below it
    for where in ("湖南省", "430200", "430200000000", "株洲市"):
        report = json.loads(_kb(scratch_server, "services", "--json", "--jurisdiction", where).stdout)
        assert sorted(r["jurisdiction"] for r in report) == ["株洲市", "荷塘区", "醴陵市"], where
    only = json.loads(_kb(scratch_server, "services", "--json", "--jurisdiction", "430202999000").stdout)
    assert [r["jurisdiction"] for r in only] == ["荷塘区"]


def test_no_column_is_lost(scratch_server: ManagedServer, tmp_path: Path) -> None:
    path = _commerce_layout(tmp_path / "株洲市商务局2025年权责清单.xlsx")
    proc = _kb(scratch_server, "import", "--json", str(path))
    assert proc.returncode == 0, proc.stderr
    f = json.loads(proc.stdout)["files"][0]
    assert (f["department"], f["jurisdiction"], f["moved"]) == ("株洲市商务局", "株洲市", 0)
    # 监管电话 is a column of the `coded` layout; the others no mapping knows
    assert [(c["header"], c["kept_as"]) for c in f["unmapped_columns"]] == [
        ("救助渠道", "x_救助渠道"), ("诉求渠道", "x_诉求渠道"), ("统一发布平台unid", "x_统一发布平台unid")]
    g = scratch_server.graph
    powers = g.read("MATCH (p:Power) OPTIONAL MATCH (p)-[:HAS_ACCOUNTABILITY]->(a) "
                    "RETURN p.responsibility_basis_text AS basis, p.remarks AS remarks, p.x_救助渠道 AS help, "
                    "p.x_统一发布平台unid AS unid, a.subjects AS subjects, a.text AS text, p.key AS key "
                    "ORDER BY p.position")
    first, second = powers
    # the first block is empty where the second is filled: the record has its accountability
    assert (first["basis"], first["subjects"], first["text"]) == (
        "《单用途商业预付卡管理办法》第三十条", "具体承办人", "未依法检查的")
    assert (first["help"], first["unid"]) == ("12345热线", "8a9f0c2e-unid-0001")
    # the same value twice is kept once; two different values are both kept
    assert second["basis"] == "《拍卖管理办法》第四十条" and second["remarks"] == "旧备注\n新备注"
    # the text report lists the unmapped columns first
    text = _kb(scratch_server, "import", "--dry-run", str(path)).stdout
    assert text.splitlines()[0].startswith("列映射中没有的列")
    assert "救助渠道 → x_救助渠道" in text

    from webui import create_app

    app = create_app({"KB_GRAPH": g, "TESTING": True, "SECRET_KEY": "x"})
    page = app.test_client().get(f"/powers/{quote(first['key'])}").get_data(as_text=True)
    assert "12345热线" in page and "统一发布平台unid" in page and "0731-22334455" in page


def test_a_name_two_provinces_carry(scratch_server: ManagedServer, tmp_path: Path) -> None:
    header = ["序号", "事项名称", "权力类型", "实施依据", "行使主体"]
    rows = [["1", "对文物保护单位的监督检查", "行政检查", BASIS, "新华区文化旅游体育局"]]
    bare = _xlsx(tmp_path / "新华区文化旅游体育局2024年权责清单.xlsx", "新华区文化旅游体育局2024年权责清单", header, rows)
    proc = _kb(scratch_server, "import", "--json", str(bare))
    assert proc.returncode == 1
    error = json.loads(proc.stdout)["files"][0]["errors"][0]["message"]
    for candidate in ("130105", "130902", "410402", "河北省石家庄市新华区", "河南省平顶山市新华区"):
        assert candidate in error
    # nothing written (the schema's own markers aside)
    assert scratch_server.graph.read("MATCH (n) WHERE NOT n:KbMeta RETURN count(n) AS n")[0]["n"] == 0

    placed = _xlsx(tmp_path / "新华区文化旅游体育局2024年权责清单（河南）.xlsx", "河南省新华区文化旅游体育局2024年权责清单",
                   header, rows)
    proc = _kb(scratch_server, "import", "--json", str(placed))
    assert proc.returncode == 0, proc.stderr
    f = json.loads(proc.stdout)["files"][0]
    assert f["jurisdiction"] == "平顶山市新华区"
    chain = scratch_server.graph.read(
        "MATCH (d:Department)-[:IN_JURISDICTION]->(j) "
        "RETURN d.name AS d, j.code AS code, [(j)-[:WITHIN*1..]->(up) | up.name] AS up")
    assert chain == [{"d": f["department"], "code": "410402", "up": ["平顶山市", "河南省"]}]
    # --jurisdiction by code places the bare file too
    proc = _kb(scratch_server, "import", "--json", "--jurisdiction", "130105", str(bare))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["files"][0]["jurisdiction"] == "石家庄市新华区"


def test_another_province_s_guide_in_its_own_keys_is_imported(scratch_server: ManagedServer, tmp_path: Path) -> None:
    """浙江's 一件事 export (区划代码 once for the file; 主办部门, 协办部门, counts before and after, 涉及事项):
    a Thing in 杭州市西湖区 (not 南昌's) led by its department, with its metrics and items."""
    path = tmp_path / "西湖区一件事.json"
    path.write_text(json.dumps({"区划代码": "330106", "区划名称": "杭州市西湖区", "一件事": [
        {"事项名称": "开办餐饮店“一件事”", "事项编码": "330106-YJS-0012", "主办部门": "杭州市西湖区市场监督管理局",
         "协办部门": ["杭州市西湖区卫生健康局"], "申请材料": {"整合前": 22, "整合后": 6}, "承诺时限": "5个工作日",
         "涉及事项": [{"事项编码": "330106117002000", "事项名称": "食品经营许可", "实施部门": "杭州市西湖区市场监督管理局"}]}]},
        ensure_ascii=False), encoding="utf-8")
    proc = _kb(scratch_server, "import", "--json", str(path))
    assert proc.returncode == 0, proc.stderr
    assert [(f["kind"], f["status"], f["records"]) for f in json.loads(proc.stdout)["files"]] == [("guide", "imported", 1)]
    [thing] = scratch_server.graph.read(
        "MATCH (t:Thing)-[:IN_JURISDICTION]->(j), (t)-[:LED_BY]->(d) "
        "RETURN t.key AS key, j.name AS j, [(j)-[:WITHIN*1..]->(up) | up.name] AS up, d.name AS lead, "
        "t.materials_before AS before, t.materials_after AS after, t.days_after AS days, "
        "[(t)-[:INCLUDES]->(s) | s.name] AS items")
    assert thing == {"key": "330106-YJS-0012@330106", "j": "杭州市西湖区", "up": ["杭州市", "浙江省"],
                     "lead": "杭州市西湖区市场监督管理局", "before": 22, "after": 6, "days": 5, "items": ["食品经营许可"]}


def _body_list(path: Path, title: str, holder: str, names: list[str]) -> Path:
    header = ["序号", "事项名称", "权力类型", "实施依据", "行使主体", "责任事项内容", "追责对象范围", "追责情形"]
    rows = [[str(i), name, "行政检查", BASIS, holder, "1.检查责任：依法检查。", "具体承办人", "未依法检查的"]
            for i, name in enumerate(names, start=1)]
    return _xlsx(path, title, header, rows)


def test_one_body_under_two_spellings_is_one_department(scratch_server: ManagedServer, tmp_path: Path) -> None:
    """醴陵市's 城管 body, published as 城市管理和综合执法局 in 2024 and as 城管执法局 in 2025, is one department
    whose 2025 list supersedes the 2024 one; the city's 城市管理综合行政执法局 and 发展和改革委员会 are the
    counterparts of the county-level city's 城管执法局 and 发展和改革局, whatever the order of the imports."""
    files = [
        _body_list(tmp_path / "a.xlsx", "醴陵市城市管理和综合执法局2024年权责清单", "醴陵市城市管理和综合执法局",
                   ["对城市道路的监督检查", "对户外广告设施的监督检查"]),
        _body_list(tmp_path / "b.xlsx", "醴陵市发展和改革局2024年权责清单", "醴陵市发展和改革局", ["对价格行为的监督检查"]),
    ]
    first = json.loads(_kb(scratch_server, "import", "--json", *map(str, files)).stdout)
    assert [f["same_body"] for f in first["files"]] == [{}, {}]
    later = [
        _body_list(tmp_path / "c.xlsx", "醴陵市城管执法局2025年权责清单", "醴陵市城管执法局",
                   ["对城市道路的监督检查", "对户外广告设施的监督检查", "对建筑垃圾处置的监督检查"]),
        _body_list(tmp_path / "d.xlsx", "株洲市城市管理综合行政执法局2024年权责清单", "株洲市城市管理综合行政执法局",
                   ["对城市道路的监督检查"]),
        _body_list(tmp_path / "e.xlsx", "株洲市发展和改革委员会2024年权责清单", "株洲市发展和改革委员会",
                   ["对价格行为的监督检查"]),
    ]
    dry = _kb(scratch_server, "import", "--dry-run", str(later[0]))
    assert "醴陵市城管执法局 即库中已有的 醴陵市城市管理和综合执法局" in dry.stdout, dry.stdout
    proc = _kb(scratch_server, "import", "--json", *map(str, later))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)["files"]
    assert report[0]["department"] == "醴陵市城市管理和综合执法局"
    assert report[0]["same_body"] == {"醴陵市城管执法局": "醴陵市城市管理和综合执法局"}
    assert report[0]["superseded"], "the 2025 list of the same body supersedes its 2024 list"
    g = scratch_server.graph
    held = g.read("MATCH (d:Department)-[:IN_JURISDICTION]->(:Jurisdiction {name: '醴陵市'}) "
                  "OPTIONAL MATCH (d)-[:HOLDS]->(p:Power) WHERE p.current RETURN d.name AS d, count(p) AS n ORDER BY d")
    assert held == [{"d": "醴陵市发展和改革局", "n": 1}, {"d": "醴陵市城市管理和综合执法局", "n": 3}]
    pairs = g.read("MATCH (a:Department)-[:COUNTERPART_OF]->(b:Department) RETURN a.name AS a, b.name AS b ORDER BY a")
    assert [(p["a"], p["b"]) for p in pairs] == [("醴陵市发展和改革局", "株洲市发展和改革委员会"),
                                                 ("醴陵市城市管理和综合执法局", "株洲市城市管理综合行政执法局")]
    # the same file again: nothing new
    again = json.loads(_kb(scratch_server, "import", "--json", str(later[0])).stdout)
    assert again["files"][0]["status"] == "unchanged" and again["nodes_created"] == 0


def _township_list(path: Path) -> Path:
    """A street of 醴陵市 exercising an item its county's 城管 body delegated, named short (醴陵市城管执法局)."""
    header = ["序号", "事项名称", "权力类型", "实施依据", "下放或委托", "原实施主体", "责任事项内容"]
    rows = [["1", "对城市道路的监督检查", "行政检查", BASIS, "委托", "醴陵市城管执法局", "1.检查责任：依法检查。"]]
    return _xlsx(path, "醴陵市来龙门街道办事处2024年权责清单", header, rows)


@pytest.mark.parametrize("county_first", [True, False])
def test_a_delegation_finds_its_body_under_another_spelling(scratch_server: ManagedServer, tmp_path: Path,
                                                            county_first: bool) -> None:
    county = _body_list(tmp_path / "county.xlsx", "醴陵市城市管理和综合执法局2024年权责清单", "醴陵市城市管理和综合执法局",
                        ["对城市道路的监督检查"])
    street = _township_list(tmp_path / "street.xlsx")
    for path in ([county, street] if county_first else [street, county]):
        proc = _kb(scratch_server, "import", "--json", str(path))
        assert proc.returncode == 0, proc.stderr
    linked = scratch_server.graph.read(
        "MATCH (dl:Delegation)-[:FROM_DEPARTMENT]->(d:Department) RETURN dl.from_body AS body, d.name AS d")
    assert linked == [{"body": "醴陵市城市管理和综合执法局", "d": "醴陵市城市管理和综合执法局"}]
    assert scratch_server.graph.read("MATCH (d:Department {name: '醴陵市城管执法局'}) RETURN d") == []


OIL_FUME = "【法律】《中华人民共和国大气污染防治法》第一百一十八条 违反本法规定，排放油烟的餐饮服务业经营者未安装油烟净化设施……"
DUST = "【法律】《中华人民共和国大气污染防治法》第一百一十五条 违反本法规定，施工单位有下列行为之一的……"


def test_an_overlap_the_lists_divide_says_so_with_their_words(scratch_server: ManagedServer, tmp_path: Path) -> None:
    """上海 黄浦区's lists write who cooperates (配合部门) and where one body's part ends (职责边界): the columns are
    kept under their names on the power page, and the overlap with a body they name carries their words as evidence
    (an overlap no such column speaks of does not)."""
    header = ["序号", "事项名称", "权力类型", "实施依据", "责任事项", "追责情形", "职责边界", "配合部门"]
    environment = _xlsx(tmp_path / "上海市黄浦区生态环境局权责清单.xlsx", "上海市黄浦区生态环境局权责清单", header, [
        ["1", "对餐饮服务业经营者未安装油烟净化设施的行政处罚", "行政处罚", OIL_FUME, "1.立案责任：依法立案。",
         "未依法查处的", "本区餐饮油烟污染由区生态环境局负责查处；居民住宅楼内的餐饮服务项目由区城管执法局负责查处。",
         "区城管执法局、区市场监管局"],
        ["2", "对施工工地未采取扬尘污染防治措施的行政处罚", "行政处罚", DUST, "1.立案责任：依法立案。", "未依法查处的", "",
         ""]])
    enforcement = _xlsx(tmp_path / "上海市黄浦区城市管理行政执法局权责清单.xlsx", "上海市黄浦区城市管理行政执法局权责清单",
                        header[:6], [
        ["1", "对餐饮服务业经营者未安装油烟净化设施的行政处罚", "行政处罚", OIL_FUME, "1.立案责任：依法立案。",
         "未依法查处的"],
        ["2", "对施工工地未采取扬尘污染防治措施的行政处罚", "行政处罚", DUST, "1.立案责任：依法立案。", "未依法查处的"]])
    proc = _kb(scratch_server, "import", "--json", str(environment), str(enforcement))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert [f["department"] for f in report["files"]] == ["上海市黄浦区生态环境局", "上海市黄浦区城市管理行政执法局"]
    assert not any(u["header"] in ("职责边界", "配合部门") for f in report["files"] for u in f.get("unmapped", []))

    found = json.loads(_kb(scratch_server, "check", "overlaps", "--json").stdout)
    by_power = {tuple(sorted(set(f["powers"]))): f for f in found}
    fume = by_power[("对餐饮服务业经营者未安装油烟净化设施的行政处罚",)]
    dust = by_power[("对施工工地未采取扬尘污染防治措施的行政处罚",)]
    [said] = [e for e in fume["evidence"] if e["type"] == "declared_boundary"]
    assert (said["department"], said["names"]) == ("上海市黄浦区生态环境局", "上海市黄浦区城市管理行政执法局")
    assert said["cooperating"] == "区城管执法局、区市场监管局" and "由区城管执法局负责查处" in said["boundary"]
    assert fume["summary"].endswith("（清单已写明配合部门或职责边界）")
    assert not [e for e in dust["evidence"] if e["type"] == "declared_boundary"]
    assert "清单已写明" not in dust["summary"]
    shown = _kb(scratch_server, "overlaps", "show", fume["id"]).stdout
    assert "的清单写明了与上海市黄浦区城市管理行政执法局的分工（配合部门：“区城管执法局、区市场监管局”" in shown

    from webui import create_app

    client = create_app({"KB_GRAPH": scratch_server.graph, "TESTING": True, "SECRET_KEY": "x"}).test_client()
    key = scratch_server.graph.read(
        "MATCH (:Department {name: '上海市黄浦区生态环境局'})-[:HOLDS]->(p:Power {position: 0}) RETURN p.key AS k")[0]["k"]
    page = client.get(f"/powers/{quote(key, safe='')}", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert "<th>配合部门</th><td class=\"text\">区城管执法局、区市场监管局</td>" in page
    assert "<th>职责边界</th>" in page
    finding = client.get(f"/reports/finding/{fume['id']}", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert "清单写明的分工" in finding and "所写明的部门" in finding
