"""Importing the real published data into a real Neo4j: counts, sample rows, laws, guides."""
from __future__ import annotations

import pytest

from kb import dump
from kb.db import Graph

# Records per department, from ../shared/data/README.md (the 档案局 file is there twice, byte-identical).
EXPECTED = {
    "克拉玛依市农业农村局": 311,
    "克拉玛依市统计局": 3,
    "克拉玛依市人力资源和社会保障局": 108,
    "克拉玛依市发展和改革委员会": 57,
    "克拉玛依市应急管理局": 149,
    "克拉玛依市机关事务管理局": 10,
    "克拉玛依市林业和草原局": 310,
    "克拉玛依市档案局": 12,
    "克拉玛依市生态环境局": 217,
    "克拉玛依市自然资源局": 169,
    "克拉玛依市国防动员办公室": 18,
    "克拉玛依市交通运输局": 360,
    "克拉玛依市市场监督管理局": 442,
    "克拉玛依市财政局": 19,
}
LAW_ARTICLES = {"安全生产法": 119, "行政许可法": 83, "行政处罚法": 86, "行政强制法": 71, "种子法": 92,
                "野生动物保护法": 64, "土地管理法": 87}


def test_every_department_has_its_published_record_count(loaded: Graph) -> None:
    rows = loaded.read("MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS d, count(p) AS n")
    assert {r["d"]: r["n"] for r in rows} == EXPECTED
    assert sum(EXPECTED.values()) == 2185


def test_departments_sit_in_karamay_under_xinjiang(loaded: Graph) -> None:
    rows = loaded.read("MATCH (d:Department)-[:IN_JURISDICTION]->(j)-[:WITHIN]->(p) WHERE d.name IN $names "
                       "RETURN DISTINCT j.name AS j, j.level AS level, p.name AS parent", names=list(EXPECTED))
    assert rows == [{"j": "克拉玛依市", "level": "city", "parent": "新疆维吾尔自治区"}]


def test_one_list_version_per_department_and_provenance(loaded: Graph) -> None:
    rows = loaded.read("MATCH (v:ListVersion)-[:LIST_OF]->(d) RETURN d.name AS d, count(v) AS n, "
                       "collect(v.current) AS cur")
    assert all(r["n"] == 1 and r["cur"] == [True] for r in rows)
    missing = loaded.read("MATCH (n) WHERE (n:Power OR n:Responsibility OR n:Accountability) AND "
                          "(n.source_file IS NULL OR n.source_sheet IS NULL OR n.source_row IS NULL) RETURN count(n) AS n")
    assert missing[0]["n"] == 0
    # Departments, cited laws, articles and services name the file they came from too.
    unsourced = loaded.read("MATCH (n) WHERE (n:Department OR n:Law OR n:Article OR n:Thing OR n:Unit) "
                            "AND n.source_file IS NULL RETURN labels(n)[0] AS label, count(n) AS n")
    assert unsourced == []


def test_sub_items_keep_the_item_name(loaded: Graph) -> None:
    rows = loaded.read(
        "MATCH (:Department {name:'克拉玛依市人力资源和社会保障局'})-[:HOLDS]->(p:Power) "
        "WHERE p.item_name = '民办职业培训学校设立、分立、合并、变更及终止审批' "
        "RETURN p.sub_item_name AS sub, p.type AS type, p.name AS name ORDER BY p.position")
    assert len(rows) == 5
    assert all(r["sub"] and r["name"].startswith("民办职业培训学校设立") for r in rows)
    assert {r["type"] for r in rows} <= {"行政许可", "其他行政权力"}


def test_power_types_are_normalised_and_original_kept(loaded: Graph) -> None:
    rows = loaded.read("MATCH (:Department {name:'克拉玛依市统计局'})-[:HOLDS]->(p) "
                       "RETURN p.type AS t, p.type_original AS o ORDER BY p.position")
    assert [r["t"] for r in rows] == ["行政处罚", "行政处罚", "行政检查"] or \
        {r["t"] for r in rows} <= {"行政处罚", "行政检查"}
    assert any("\n" in r["o"] for r in rows)  # 行政\n处罚 as published
    types = loaded.read("MATCH (p:Power) WHERE p.type <> '' RETURN collect(DISTINCT p.type) AS t")[0]["t"]
    assert set(types) <= {"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认",
                          "行政奖励", "行政裁决", "其他行政权力", "公共服务"}


def test_levels_normalised_forestry_has_two_levels(loaded: Graph) -> None:
    rows = loaded.read("MATCH (:Department {name:'克拉玛依市林业和草原局'})-[:HOLDS]->(p) "
                       "RETURN p.level AS level, count(*) AS n ORDER BY level")
    assert {r["level"]: r["n"] for r in rows} == {"city": 150, "county": 160}  # one 区县级 row says 地州市级


def test_responsibilities_split_per_numbered_duty(loaded: Graph) -> None:
    rows = loaded.read(
        "MATCH (p:Power)-[:HAS_RESPONSIBILITY]->(r) WITH p, collect(r) AS rs "
        "RETURN count(p) AS powers, sum(size(rs)) AS duties, "
        "sum(size([r IN rs WHERE r.kind = '指导监督'])) AS guiding")
    r = rows[0]
    assert r["powers"] == 2185  # 责任事项内容 is never empty in these lists
    assert r["duties"] > 3 * r["powers"]
    assert r["guiding"] > 0


def test_citations_link_to_loaded_articles(loaded: Graph) -> None:
    rows = loaded.read(
        "MATCH (d:Department)-[:HOLDS]->(p:Power)-[:BASED_ON {field:'basis'}]->(a:Article {key:'安全生产法#62'}) "
        "RETURN collect(DISTINCT d.name) AS ds")
    assert {"克拉玛依市应急管理局", "克拉玛依市交通运输局", "克拉玛依市发展和改革委员会"} <= set(rows[0]["ds"])
    unloaded = loaded.read("MATCH (l:Law {key:'建设工程质量管理条例'})<-[c:CITES]-(p)<-[:HOLDS]-(d) "
                           "WHERE c.article = 60 RETURN l.loaded AS loaded, collect(DISTINCT d.name) AS ds")
    assert unloaded[0]["loaded"] is False
    assert {"克拉玛依市应急管理局", "克拉玛依市交通运输局"} <= set(unloaded[0]["ds"])


def test_laws_have_their_articles(loaded: Graph) -> None:
    rows = loaded.read("MATCH (l:Law {loaded:true}) RETURN l.key AS k, COUNT { (l)-[:HAS_ARTICLE]->() } AS n")
    assert {r["k"]: r["n"] for r in rows} == LAW_ARTICLES
    text = loaded.read("MATCH (a:Article {key:'安全生产法#1'}) RETURN a.text AS t")[0]["t"]
    assert "安全生产" in text


def test_integrated_services(loaded: Graph) -> None:
    rows = loaded.read("MATCH (t:Thing) RETURN count(t) AS n")
    assert rows[0]["n"] == 11
    lead = loaded.read("MATCH (t:Thing {key:'43PCN0009@430181999000'})-[:LED_BY]->(d)-[:IN_JURISDICTION]->(j) "
                       "RETURN d.name AS d, j.name AS j, t.materials_after AS m, t.days_after AS days, "
                       "t.materials_before AS before")
    assert lead == [{"d": "浏阳市卫生健康局", "j": "浏阳市", "m": 14, "days": 5, "before": None}]


def test_stats_json_shape(loaded: Graph) -> None:
    data = dump.stats(loaded)
    assert data["nodes"]["Power"] == 2185
    assert data["nodes"]["Department"] >= 14
    assert data["relationships"]["HOLDS"] == 2185


@pytest.mark.parametrize("name", ["克拉玛依市交通运输局"])
def test_sample_row_field_by_field(loaded: Graph, name: str) -> None:
    rows = loaded.read(
        "MATCH (:Department {name:$name})-[:HOLDS]->(p:Power) WHERE p.position = 0 "
        "OPTIONAL MATCH (p)-[:HANDLED_BY]->(u) "
        "RETURN p.seq AS seq, p.source_sheet AS sheet, p.source_row AS row, p.holder AS holder, "
        "p.level AS level, u.name AS unit, p.basis_text AS basis, "
        "COUNT { (p)-[:HAS_RESPONSIBILITY]->() } AS duties, COUNT { (p)-[:HAS_ACCOUNTABILITY]->() } AS acc",
        name=name)
    r = rows[0]
    assert r["seq"] == "1" and r["row"] == 3  # header on row 2, first record on row 3
    assert "交通运输" in r["holder"] and r["unit"]
    assert r["basis"].startswith("【")
    assert r["duties"] >= 2 and r["acc"] == 1


def test_files_waiting_on_disk_import_the_same_graph(scratch: Graph) -> None:
    """Parsed files beyond the memory budget wait on disk for the write pass: same graph, same report."""
    from importers.run import import_paths
    from tests.conftest import KARAMAY

    files = [KARAMAY / "克拉玛依市发展和改革委员会2024年权责清单.xls", KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx",
             KARAMAY / "国动办权责清单公示.xlsx"]
    kept = import_paths(scratch, files, progress=False)
    counts = dump.stats(scratch)
    dump.clear(scratch)
    spooled = import_paths(scratch, files, progress=False, memory_records=1)
    assert dump.stats(scratch) == counts and counts["nodes"]["Power"] == 57 + 3 + 18
    assert [(f["status"], f["records"]) for f in spooled["files"]] == [(f["status"], f["records"]) for f in kept["files"]]


def test_an_import_and_a_restore_leave_the_planner_knowing_what_the_indexes_hold(scratch: Graph, tmp_path) -> None:
    """The planner's estimate of what an index seek finds comes from a sample of the index, which a test server never
    takes in the background (nor has a busy one yet, right after a large import): an import and a restore sample
    again the indexes they changed (kb.schema.resample), or a search of the demo planned after them took 45 s
    against 0.13."""
    from importers.run import import_paths
    from tests.conftest import KARAMAY

    def powers_estimated() -> int:
        data = scratch.read("CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data")[0]["data"]
        [index] = [i for i in data["indexes"] if i.get("labels") == ["Power"] and i.get("properties") == ["key"]]
        return index["estimatedUniqueSize"]

    import_paths(scratch, [KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"], progress=False)
    assert powers_estimated() == 3
    dump.export(scratch, tmp_path / "three.jsonl.gz")
    dump.clear(scratch)
    import_paths(scratch, [KARAMAY / "国动办权责清单公示.xlsx"], progress=False)
    assert powers_estimated() == 18
    dump.clear(scratch)
    dump.restore(scratch, tmp_path / "three.jsonl.gz")
    assert powers_estimated() == 3


def _operators(plan: dict) -> list[tuple[str, str]]:
    found = [(plan["operatorType"].split("@")[0], plan.get("args", {}).get("Details", ""))]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


def test_the_statements_planned_once_start_from_their_keys(scratch: Graph) -> None:
    """The statements an import runs per file skip the server's replanning (writer.PLANNED_ONCE), so the plan
    made first, on whatever graph the server held then (here an empty one), serves a province: each must start
    from its parameters through a seek on a key or name, never a scan, nor a seek on `current` (every current
    list version of the province)."""
    from importers import writer

    names = {n for n, v in vars(writer).items()
             if isinstance(v, str) and v.startswith(writer.PLANNED_ONCE) and v != writer.PLANNED_ONCE}
    assert {"SAME_BODY", "FIND_VERSION", "MERGE_DEPARTMENT", "LINK_COUNTERPARTS", "RENAME_PENDING", "CREATE_VERSION",
            "IN_FORCE_UNTIL", "WRITE_POWERS", "RECORD_RUN", "LINK_DELEGATIONS"} <= names
    with scratch.session() as session:
        for name in sorted(names):
            ops = _operators(session.run("EXPLAIN " + getattr(writer, name)).consume().plan)
            assert not [op for op, _ in ops if "Scan" in op], name
            seeks = [details for op, details in ops if "Seek" in op]
            assert seeks and not [d for d in seeks if "current" in d], (name, seeks)
