"""The saved-query library and the read-only console, through the browser."""
from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from queries import loader

pytestmark = pytest.mark.e2e


def test_library_groups_every_query_by_area(client):
    data = client.get("/queries.json").get_json()
    listed = {(q["area"], q["name"]) for a in data["areas"] for q in a["queries"]}
    assert listed == {(q.area, q.name) for q in loader.load_all()}
    html = client.get("/queries").get_data(as_text=True)
    first = loader.load_all()[0]
    assert first.title in html and f"/queries/{first.area}/{first.name}" in html


def test_every_saved_query_runs_from_its_page(client):
    for q in loader.load_all():
        response = client.get(f"/queries/{q.area}/{q.name}.json?run=1")
        data = response.get_json()
        assert response.status_code == 200, (q.name, data.get("refused"), data.get("error"))
        assert data["ran"] and data["columns"], q.name


def test_the_form_comes_from_the_header_with_a_department_picker(client, samples):
    html = client.get("/queries/browse/powers_by_department").get_data(as_text=True)
    assert '<select id="param-department" name="department">' in html
    assert f'<option value="{samples["department"]}"' in html
    assert 'name="limit"' in html and 'name="csrf_token"' not in html  # a GET form needs no token
    assert "MATCH" in html  # the Cypher is shown


def test_parameters_change_the_result_and_the_permalink_carries_them(client):
    url = "/queries/browse/powers_by_department.json?run=1&department=" + quote("克拉玛依市财政局") + \
        "&type=" + quote("行政处罚") + "&limit=5"
    data = client.get(url).get_json()
    assert data["values"] == {"department": "克拉玛依市财政局", "type": "行政处罚", "limit": 5, "as_of": ""}
    assert 0 < data["count"] <= 5 and {r["type"] for r in data["rows"]} == {"行政处罚"}
    assert "department=" in data["permalink"] and "limit=5" in data["permalink"]
    again = client.get(data["permalink"].replace("powers_by_department?", "powers_by_department.json?")).get_json()
    assert again["rows"] == data["rows"]


def test_a_bad_parameter_is_reported(client):
    response = client.get("/queries/browse/powers_by_department.json?run=1&limit=abc")
    assert response.status_code == 400 or response.get_json()["error"] or response.get_json()["values"]["limit"] == 500


def test_exports_csv_and_xlsx(client):
    base = "/queries/browse/powers_by_department"
    args = "?run=1&department=" + quote("克拉玛依市财政局") + "&limit=50"
    data = client.get(base + ".json" + args).get_json()
    text = client.get(base + ".csv" + args).get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == data["columns"] and len(rows) == data["count"] + 1
    book = load_workbook(io.BytesIO(client.get(base + ".xlsx" + args).data))
    assert book.active.max_row == data["count"] + 1


def test_console_runs_reads_and_shows_nodes_as_a_graph(client):
    data = client.get("/console.json?cypher=" + quote(
        "MATCH path = (d:Department)-[:HOLDS]->(p:Power) RETURN path LIMIT 5")).get_json()
    assert data["count"] == 5 and data["graph"]["node_count"] >= 6
    html = client.get("/console?cypher=" + quote("MATCH (d:Department) RETURN d LIMIT 3")).get_data(as_text=True)
    assert 'id="result-table"' in html and "/departments/" in html


@pytest.mark.parametrize("cypher,reason", [
    ("CREATE (n:Power {key: 'console-write'})", "write"),
    ("MATCH (p:Power) SET p.name = 'x'", "write"),
    ("MATCH (p:Power) DETACH DELETE p", "write"),
    ("CREATE INDEX console_idx IF NOT EXISTS FOR (n:Power) ON (n.zzz)", "schema"),
    ("SHOW USERS", "admin"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", "load_csv"),
    ("CALL dbms.listConfig()", "procedure"),
])
def test_console_refuses_with_a_message_and_changes_nothing(client, loaded, cypher, reason):
    count = "MATCH (n) RETURN count(n) AS n"
    before = loaded.read(count)[0]["n"]
    response = client.get("/console.json?cypher=" + quote(cypher))
    assert response.status_code == 400
    refused = response.get_json()["refused"]
    assert refused["reason"] == reason and refused["message"] and refused["title"]
    html = client.get("/console?cypher=" + quote(cypher)).get_data(as_text=True)
    assert 'id="refusal"' in html and "已拒绝" in html
    assert loaded.read(count)[0]["n"] == before
    assert not loaded.read("MATCH (p:Power {key: 'console-write'}) RETURN p")


def test_console_truncates_at_the_row_cap(client):
    data = client.get("/console.json?cypher=" + quote("UNWIND range(1, 1500) AS x RETURN x")).get_json()
    assert data["truncated"] and data["count"] == 1000
    html = client.get("/console?cypher=" + quote("UNWIND range(1, 1500) AS x RETURN x")).get_data(as_text=True)
    assert 'id="truncated"' in html


def test_console_times_out(web_app, loaded):
    from webui import create_app

    quick = create_app({"KB_GRAPH": loaded, "TESTING": True, "KB_QUERY_TIMEOUT": 1.0}).test_client()
    data = quick.get("/console.json?cypher=" + quote(
        "UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN count(*)")).get_json()
    assert data["refused"]["reason"] == "timeout"
