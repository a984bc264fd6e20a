"""Every saved query runs on the real data, declares exactly the parameters it uses, and is read-only."""
from __future__ import annotations

import pytest

from kb.db import Graph
from queries import loader

QUERIES = loader.load_all()


def _query_type(graph: Graph, cypher: str, params: dict) -> str:
    with graph.session(read_only=True) as session:
        return session.run("EXPLAIN " + cypher, params).consume().query_type


@pytest.mark.parametrize("query", QUERIES, ids=[f"{q.area}/{q.name}" for q in QUERIES])
def test_saved_query_runs_read_only_with_its_header(loaded: Graph, query: loader.SavedQuery) -> None:
    assert loader.used_params(query.cypher) == {p.name for p in query.params}
    assert query.read_only
    assert _query_type(loaded, query.cypher, query.bind()) == "r"
    result = loader.run(loaded, query, timeout=30)
    assert result.columns and isinstance(result.rows, list)
    for p in query.params:
        if p.choices_query:
            assert _query_type(loaded, p.choices_query, {}) == "r"
            values = loader.choices(loaded, p)
            if p.default not in ("", None):  # "" (any) may have no choices: ../shared/data has no catalogue codes
                assert p.default in values, f"{query.name}.{p.name}: default {p.default!r} is not a choice"


def test_library_size_and_areas() -> None:
    assert len(QUERIES) >= 30
    assert {q.area for q in QUERIES} == set(loader.AREAS)


def test_powers_citing_an_article(loaded: Graph) -> None:
    rows = loader.run(loaded, "powers_citing_article", {"law": "建设工程质量管理条例", "article": "60"}).rows
    assert {r["department"] for r in rows} == {"克拉玛依市应急管理局", "克拉玛依市交通运输局"}


def test_departments_sharing_an_article(loaded: Graph) -> None:
    [row] = loader.run(loaded, "departments_sharing_article", {"law": "安全生产法", "article": 62}).rows
    assert row["departments"] == 3 and row["type"] == "行政检查"


def test_a_powers_responsibilities_by_stage(loaded: Graph) -> None:
    rows = loader.run(loaded, "power_responsibilities").rows
    assert {r["kind"] for r in rows} == {"直接实施", "指导监督"} and all(r["accountability"] for r in rows)


def test_laws_cited_but_not_loaded_and_articles_nobody_cites(loaded: Graph) -> None:
    laws = {r["law"] for r in loader.run(loaded, "laws_not_loaded", {"limit": 1000}).rows}
    assert any("建设工程质量管理条例" in law for law in laws)
    assert not any(law.endswith("安全生产法") for law in laws)
    articles = loader.run(loaded, "articles_nobody_cites", {"law": "安全生产法"}).rows
    assert articles and all(r["number"] != 62 for r in articles)


def test_items_at_two_levels_and_a_things_departments(loaded: Graph) -> None:
    rows = loader.run(loaded, "items_at_two_levels", {"department": "克拉玛依市林业和草原局"}).rows
    assert len(rows) >= 140 and all(set(r["levels"]) == {"city", "county"} for r in rows)
    [thing] = loader.run(loaded, "thing_departments").rows
    assert thing["lead"] == "浏阳市卫生健康局" and "公安部门" in thing["cooperating_published"]


def test_row_cap_reports_truncation(loaded: Graph) -> None:
    result = loader.run(loaded, "powers_by_department", row_cap=5)
    assert len(result.rows) == 5 and result.truncated


def test_a_write_is_refused_even_if_a_file_claims_read_only(loaded: Graph) -> None:
    bad = loader.parse("// name: bad\n// title: 坏\n// title_en: Bad\n// description: 写\n// description_en: Writes\n"
                       "// read_only: true\nCREATE (:Finding {id: 'should-not-exist'})", "browse")
    with pytest.raises(Exception):  # noqa: B017 - the driver refuses writes in a read session
        loader.run(loaded, bad)
    assert not loaded.read("MATCH (f:Finding {id: 'should-not-exist'}) RETURN f")


@pytest.mark.parametrize("cypher", ["MATCH (d:Department) SET d.touched = true RETURN count(d) AS n",
                                    "LOAD CSV FROM 'http://example.com/x.csv' AS row RETURN row",
                                    "CALL dbms.listConfig() YIELD name RETURN name"])
def test_an_edited_query_file_that_writes_or_reaches_out_is_refused(loaded: Graph, cypher: str) -> None:
    """Query files are editable; one that claims read_only but is not runs nowhere."""
    text = "// name: sneaky\n// title: 测试\n// title_en: test\n// description: 测试\n// description_en: test\n" \
           "// read_only: true\n" + cypher + "\n"
    q = loader.parse(text, "browse")
    before = loaded.read("MATCH (d:Department) WHERE d.touched RETURN count(d) AS n")[0]["n"]
    with pytest.raises(loader.QueryError, match="已拒绝"):
        loader.run(loaded, q)
    assert loaded.read("MATCH (d:Department) WHERE d.touched RETURN count(d) AS n")[0]["n"] == before == 0
