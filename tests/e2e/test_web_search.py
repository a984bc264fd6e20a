"""Search: the CJK full-text index, names first, filters, facets, escaped highlights, pages, speed."""
from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.e2e


def search(client, q: str, **filters) -> dict:
    extra = "".join(f"&{k}={quote(str(v))}" for k, v in filters.items())
    response = client.get(f"/search.json?q={quote(q)}{extra}")
    assert response.status_code == 200
    return response.get_json()


def test_two_character_term_finds_powers_laws_and_articles(client):
    data = search(client, "种子")
    kinds = dict(data["facets"]["type"])
    assert kinds.get("Power", 0) > 20 and kinds.get("Article", 0) > 20 and kinds.get("Law", 0) >= 1
    assert data["total"] == sum(kinds.values())


def test_name_matches_rank_before_text_matches(client):
    data = search(client, "种子")
    ranks = [r["rank"] for r in data["results"]]
    assert ranks == sorted(ranks) and ranks[0] <= 1
    assert all("种子" in r["name"] for r in data["results"] if r["rank"] <= 1)


def test_an_exact_name_comes_first(client, loaded):
    name = loaded.read("MATCH (d:Department)-[:HOLDS]->(p:Power) WHERE size(p.name) > 8 "
                       "RETURN p.name AS n ORDER BY p.key LIMIT 1")[0]["n"]
    first = search(client, name)["results"][0]
    assert first["name"] == name and first["rank"] == 0 and first["label"] == "Power"


def test_filters_narrow_the_hits_and_facets_count_them(client):
    everything = search(client, "许可")
    powers = search(client, "许可", type="Power", power_type="行政许可")
    assert 0 < powers["total"] < everything["total"]
    assert {r["label"] for r in powers["results"]} == {"Power"}
    assert {r["power_type"] for r in powers["results"]} == {"行政许可"}
    department = powers["results"][0]["department"]
    one = search(client, "许可", type="Power", power_type="行政许可", department=department)
    assert {r["department"] for r in one["results"]} == {department}
    assert dict(powers["facets"]["department"])[department] == one["total"]
    assert search(client, "许可", level="city")["total"] > 0


def test_pages_do_not_overlap(client):
    first = search(client, "处罚")
    assert first["pager"]["pages"] > 1
    second = client.get(f"/search.json?q={quote('处罚')}&page=2").get_json()
    keys = {r["key"] for r in first["results"]}
    assert second["results"] and not keys & {r["key"] for r in second["results"]}


def test_highlights_are_escaped(client):
    html = client.get("/search?q=" + quote("<script>alert(1)</script> 种子")).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    marked = client.get("/search?q=" + quote("种子")).get_data(as_text=True)
    assert "<mark>种子</mark>" in marked


def test_lucene_syntax_in_a_query_is_taken_literally(client):
    for q in ('种子"', "种子 AND", "(种子", "种子~", "*", "种子:法", "\\"):
        assert client.get("/search.json?q=" + quote(q)).status_code == 200, q


def test_one_character_falls_back_to_names(client):
    data = search(client, "种")
    assert data["total"] > 0 and all("种" in r["name"] for r in data["results"])


def test_empty_search_shows_the_form(client):
    data = search(client, "")
    assert data["total"] == 0 and data["results"] == []
    assert client.get("/search").status_code == 200


def test_type_may_name_a_power_type(client):
    data = search(client, "许可", type="行政许可")
    assert data["filters"]["power_type"] == "行政许可" and data["filters"]["type"] == ""
    assert data["total"] > 0 and {r["power_type"] for r in data["results"]} == {"行政许可"}


def _rare_piece(loaded, holders: str, text: str) -> tuple[str, int]:
    """Eight Chinese characters from a current holder's text, and how many current holders contain them."""
    import re

    for row in loaded.read(f"MATCH {holders} WHERE p.current AND size({text}) > 40 "
                           f"RETURN {text} AS t ORDER BY size({text}) DESC LIMIT 20"):
        for piece in re.findall(r"[\u4e00-\u9fff]{8}", row["t"])[1:]:
            [n] = loaded.read(f"MATCH {holders} WHERE p.current AND {text} CONTAINS $piece RETURN count(*) AS n",
                              piece=piece)
            if 0 < n["n"] < 15:
                return piece, n["n"]
    raise AssertionError("no rare piece of text in the loaded data")


def test_words_of_a_legal_basis_find_its_powers_once(client, loaded):
    piece, n = _rare_piece(loaded, "(p:Power)", "p.basis_text")
    powers = search(client, piece, type="Power")
    assert powers["total"] >= n  # every power whose basis holds the words (a name may hold them too)
    keys = [r["key"] for r in powers["results"]]
    assert len(keys) == len(set(keys))  # a power found by its name and its basis is one hit
    assert all(r["department"] for r in powers["results"])


def test_words_of_a_duty_find_each_responsibility_with_its_power(client, loaded):
    piece, n = _rare_piece(loaded, "(p:Power)-[:HAS_RESPONSIBILITY]->(r:Responsibility)", "r.text")
    duties = search(client, piece, type="Responsibility")
    assert duties["total"] == n
    assert all(r["department"] and " · " in r["name"] or r["name"] for r in duties["results"])
    [owner] = loaded.read("MATCH (p:Power)-[:HAS_RESPONSIBILITY]->(r:Responsibility {key: $key}) RETURN p.name AS name",
                          key=duties["results"][0]["key"])
    assert duties["results"][0]["name"].startswith(owner["name"])


def test_each_distinct_text_is_indexed_once(loaded):
    [row] = loaded.read("""
    CALL { MATCH (p:Power) WHERE p.basis_text <> '' RETURN p.basis_text AS t
           UNION MATCH (r:Responsibility) WHERE r.text <> '' RETURN r.text AS t }
    WITH count(t) AS distinct_texts
    MATCH (x:SearchText) WITH distinct_texts, count(x) AS indexed
    OPTIONAL MATCH (p:Power) WHERE p.basis_text <> '' AND p.basis_key IS NULL
    RETURN distinct_texts, indexed, count(p) AS unkeyed""")
    assert row["indexed"] >= row["distinct_texts"] > 100 and row["unkeyed"] == 0


def test_schema_10_keys_the_texts_written_before_it(scratch):
    from kb import schema

    scratch.write("CREATE (p:Power {key: 'mig10#1', name: '旧库事项', current: true, basis_text: '旧库里的依据文字'})"
                  "-[:HAS_RESPONSIBILITY]->(:Responsibility {key: 'mig10#1#r0', text: '旧库里的职责文字', current: true}), "
                  "(:Power {key: 'mig10#2', name: '旧库事项二', current: true, basis_text: '旧库里的依据文字'})")
    scratch.write("MATCH (m:KbMeta {name: 'schema'}) SET m.version = 9")
    schema.init(scratch)
    scratch.searchable()
    rows = scratch.read("MATCH (n) WHERE n.key STARTS WITH 'mig10#' RETURN n.key AS k, "
                        "coalesce(n.basis_key, n.text_key) AS tk ORDER BY k")
    assert [r["k"] for r in rows] == ["mig10#1", "mig10#1#r0", "mig10#2"]
    assert rows[0]["tk"] == rows[2]["tk"] != rows[1]["tk"] and all(r["tk"] for r in rows)
    texts = scratch.read("MATCH (x:SearchText) WHERE x.key IN $keys RETURN x.text AS t ORDER BY t",
                         keys=[r["tk"] for r in rows])
    assert [t["t"] for t in texts] == ["旧库里的依据文字", "旧库里的职责文字"]  # each text once
    found = scratch.read("CALL db.index.fulltext.queryNodes('kb_fulltext', '\"依据文字\"') YIELD node "
                         "MATCH (p:Power {basis_key: node.key}) RETURN p.key AS k ORDER BY k")
    assert [f["k"] for f in found] == ["mig10#1", "mig10#2"]
    assert schema.fill_text_keys(scratch) == 0  # nothing left to key
