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
