"""As-of answers everywhere: two versions of a county's list in force one after the other, under a
city list; the power page, the department page, the chain (page and `kb chain`), the saved queries
(page and `kb query run`) answer from the versions in force on the date asked. Real Neo4j (scratch)."""
from __future__ import annotations

import json
import secrets
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import ManagedServer
from tests.conftest import run_kb as kb

pytestmark = pytest.mark.e2e

CITY, COUNTY = "长沙市应急管理局", "浏阳市应急管理局"
BASE = {"权力类型": "行政许可", "实施依据": "《中华人民共和国安全生产法》第六十二条", "责任事项": "1.受理责任：依法受理。",
        "追责对象范围": "具体承办人", "追责情形": "未依法履职的"}
OLD_NAME, NEW_NAME, DROPPED = "烟花爆竹经营（零售）许可", "烟花爆竹经营（零售）许可证核发", "危险化学品经营许可"


def a_list(path: Path, department: str, jurisdiction: str, version: str, records: list[dict]) -> Path:
    path.write_text(json.dumps({"title": f"{department}{version}年权责清单", "department": department,
                                "jurisdiction": jurisdiction, "version": version, "records": records},
                               ensure_ascii=False), encoding="utf-8")
    return path




@pytest.fixture
def two_versions(scratch_server: ManagedServer, tmp_path: Path) -> ManagedServer:
    """City 2024; county 2024 (from 2024-01-01) with two items, county 2025 (from 2025-03-01) with one of
    them renamed and the other dropped. The catalogue codes link each county item to the city's."""
    from importers.run import import_paths

    city = a_list(tmp_path / "city.json", CITY, "长沙市", "2024", [
        BASE | {"事项名称": OLD_NAME, "基本编码": "000111000001", "实施层级": "市级"},
        BASE | {"事项名称": DROPPED, "基本编码": "000111000002", "实施层级": "市级"}])
    old = a_list(tmp_path / "county2024.json", COUNTY, "浏阳市", "2024", [
        BASE | {"事项名称": OLD_NAME, "基本编码": "000111000001", "编码": "LY-01", "实施层级": "县级"},
        BASE | {"事项名称": DROPPED, "基本编码": "000111000002", "编码": "LY-02", "实施层级": "县级"}])
    new = a_list(tmp_path / "county2025.json", COUNTY, "浏阳市", "2025", [
        BASE | {"事项名称": NEW_NAME, "基本编码": "000111000001", "编码": "LY-01", "实施层级": "县级"}])
    graph = scratch_server.graph
    for path, start in ((city, None), (old, None), (new, "2025-03-01")):
        report = import_paths(graph, [path], progress=False, in_force_from=start)
        assert [f["status"] for f in report["files"]] == ["imported"], report
    return scratch_server


def _client(graph):
    from webui import create_app

    return create_app({"KB_GRAPH": graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                       "KB_BACKGROUND_FINDINGS": False}).test_client()


def _key(graph, name: str, version: str) -> str:
    """The key of a county power, quoted for a URL (keys hold # and |)."""
    return quote(graph.read("MATCH (v:ListVersion {version: $v})-[:CONTAINS]->(p:Power {name: $n}) "
                      "WHERE v.department = $d RETURN p.key AS k", v=version, n=name, d=COUNTY)[0]["k"], safe="")


def test_the_power_page_answers_as_of_a_date(two_versions: ManagedServer) -> None:
    graph = two_versions.graph
    client = _client(graph)
    current, old = _key(graph, NEW_NAME, "2025"), _key(graph, OLD_NAME, "2024")
    # the current entry asked for a day in 2024: the same item (same code) of the 2024 list answers
    out = client.get(f"/powers/{current}", query_string={"as_of": "2024-06-01"})
    assert out.status_code == 302 and old in out.headers["Location"] and "as_of=2024-06-01" in out.headers["Location"]
    page = client.get(f"/powers/{old}", query_string={"as_of": "2024-06-01"}).get_data(as_text=True)
    assert "按 2024-06-01 有效的清单版本作答" in page and "2024" in page and OLD_NAME in page
    assert f"/departments/{quote(COUNTY)}?as_of=2024-06-01" in page  # links keep the date
    assert "as_of=2024-06-01" in page.split('id="chain-link"')[1][:300]
    data = client.get(f"/powers/{current}.json", query_string={"as_of": "2024-06-01"}, follow_redirects=True).get_json()
    assert (data["power"]["name"], data["as_of"], data["as_of_versions"]) == (OLD_NAME, "2024-06-01", ["2024"])
    # and the other way round: the old entry asked for today's lists
    data = client.get(f"/powers/{old}.json", query_string={"as_of": "2025-06-01"}, follow_redirects=True).get_json()
    assert data["power"]["name"] == NEW_NAME and data["as_of_versions"] == ["2025"]
    # an item the list of that day does not have, a day before any list, a date that is not one
    dropped = _key(graph, DROPPED, "2024")
    gone = client.get(f"/powers/{dropped}", query_string={"as_of": "2025-06-01"})
    assert gone.status_code == 404 and "2025-06-01" in gone.get_data(as_text=True) and DROPPED in gone.get_data(as_text=True)
    before = client.get(f"/powers/{old}", query_string={"as_of": "2023-06-01"})
    assert before.status_code == 404 and "没有在 2023-06-01 有效的清单版本" in before.get_data(as_text=True)
    bad = client.get(f"/powers/{old}", query_string={"as_of": "2024-13-01"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.get_data(as_text=True)
    assert client.get(f"/powers/{old}.json", query_string={"as_of": "June"}).status_code == 400


def test_the_department_page_answers_as_of_a_date(two_versions: ManagedServer) -> None:
    client = _client(two_versions.graph)
    now = client.get(f"/departments/{COUNTY}.json").get_json()
    then = client.get(f"/departments/{COUNTY}.json", query_string={"as_of": "2024-06-01"}).get_json()
    assert [p["name"] for p in now["powers"]] == [NEW_NAME]
    assert sorted(p["name"] for p in then["powers"]) == sorted([OLD_NAME, DROPPED]) and then["as_of_versions"] == ["2024"]
    html = client.get(f"/departments/{COUNTY}", query_string={"as_of": "2024-06-01"}).get_data(as_text=True)
    assert "按 2024-06-01 有效的清单版本作答" in html and "as_of=2024-06-01" in html
    assert client.get(f"/departments/{COUNTY}", query_string={"as_of": "2020-01-01"}).status_code == 404


def test_the_power_list_answers_as_of_a_date(two_versions: ManagedServer) -> None:
    client = _client(two_versions.graph)
    now = client.get("/powers.json", query_string={"department": COUNTY}).get_json()
    assert [p["name"] for p in now["powers"]] == [NEW_NAME] and now["as_of"] is None
    then = client.get("/powers.json", query_string={"department": COUNTY, "as_of": "2024-06-01"}).get_json()
    assert sorted(p["name"] for p in then["powers"]) == sorted([OLD_NAME, DROPPED])
    assert then["pager"]["total"] == 2 and then["as_of"] == "2024-06-01"
    # the department facet counts the lists in force that day: the county's two, the city's two
    assert dict(then["options"]["department"]) == {CITY: 2, COUNTY: 2}
    everything = client.get("/powers.json", query_string={"as_of": "2025-06-01"}).get_json()
    assert sorted(p["name"] for p in everything["powers"]) == sorted([OLD_NAME, DROPPED, NEW_NAME])
    html = client.get("/powers", query_string={"department": COUNTY, "as_of": "2024-06-01"}).get_data(as_text=True)
    assert "按 2024-06-01 有效的清单版本作答" in html and 'id="as-of-banner"' in html
    back = html.split('id="as-of-today"')[0].rsplit('href="', 1)[1].split('"')[0]
    assert "as_of" not in back and quote(COUNTY) in back  # back to today, the filters kept
    assert f"{_key(two_versions.graph, OLD_NAME, '2024')}?as_of=2024-06-01" in html  # the rows keep the date
    assert 'value="2024-06-01"' in html  # and the form
    assert "as-of-banner" not in client.get("/powers").get_data(as_text=True)
    assert client.get("/powers.json", query_string={"as_of": "2023-06-01"}).get_json()["pager"]["total"] == 0
    assert client.get("/powers", query_string={"as_of": "2024-02-30"}).status_code == 400


def test_the_graph_answers_as_of_a_date(two_versions: ManagedServer) -> None:
    graph = two_versions.graph
    client = _client(graph)
    current, old = _key(graph, NEW_NAME, "2025"), _key(graph, OLD_NAME, "2024")
    # a power's graph as of a day is the graph of the item as its list stood then
    out = client.get(f"/graph/Power/{current}", query_string={"as_of": "2024-06-01", "depth": "2"})
    assert out.status_code == 302 and old in out.headers["Location"] and "as_of=2024-06-01" in out.headers["Location"]
    assert "depth=2" in out.headers["Location"]
    page = client.get(out.headers["Location"]).get_data(as_text=True)
    assert "按 2024-06-01 有效的清单版本作答" in page and 'id="as-of-today"' in page

    def powers_shown(query: dict) -> set[str]:
        data = client.get(f"/graph/Department/{quote(COUNTY, safe='')}.json", query_string=query).get_json()
        urls = [n["url"].split("/powers/", 1)[1] for n in data["graph"]["nodes"] if n["kind"] == "Power"]
        return {u for u in urls if u.startswith(quote(COUNTY, safe=""))}  # not the city's, a ring further

    # today the department's graph holds its 2025 power; as of 2024 the powers of its 2024 list
    assert powers_shown({"depth": "2"}) == {current}
    then = powers_shown({"depth": "2", "as_of": "2024-06-01"})
    assert then == {f"{old}?as_of=2024-06-01", f"{_key(graph, DROPPED, '2024')}?as_of=2024-06-01"}
    data = client.get(f"/graph/Department/{quote(COUNTY, safe='')}.json", query_string={"as_of": "2024-06-01"}).get_json()
    versions = [n["label"] for n in data["graph"]["nodes"] if n["kind"] == "ListVersion"]
    assert len(versions) == 1 and "2024" in versions[0] and data["as_of"] == "2024-06-01"
    gone = client.get(f"/graph/Power/{_key(graph, DROPPED, '2024')}", query_string={"as_of": "2025-06-01"})
    assert gone.status_code == 404 and DROPPED in gone.get_data(as_text=True)
    assert client.get(f"/graph/Power/{old}", query_string={"as_of": "2024-6-1"}).status_code == 400


def test_chains_use_only_the_versions_in_force_at_every_level(two_versions: ManagedServer) -> None:
    graph = two_versions.graph
    client = _client(graph)
    city_dropped = quote(graph.read("MATCH (p:Power {name: $n, department: $d}) RETURN p.key AS k", n=DROPPED,
                                    d=CITY)[0]["k"], safe="")
    # today the county no longer holds the item: the chain from the city's power has one level
    now = client.get(f"/chain/{city_dropped}.json")
    assert now.status_code == 200 and [s["department"] for s in now.get_json()["steps"]] == [CITY]
    then = client.get(f"/chain/{city_dropped}.json", query_string={"as_of": "2024-06-01"}).get_json()
    assert [(s["department"], s["name"]) for s in then["steps"]] == [(CITY, DROPPED), (COUNTY, DROPPED)]
    html = client.get(f"/chain/{city_dropped}", query_string={"as_of": "2024-06-01"}).get_data(as_text=True)
    assert "按 2024-06-01 有效的清单版本作答" in html
    renamed = client.get(f"/chain/{OLD_NAME}.json", query_string={"as_of": "2025-06-01"}).get_json()
    assert [s["name"] for s in renamed["steps"]] == [OLD_NAME, NEW_NAME]  # city 2024, county 2025
    assert client.get(f"/chain/{city_dropped}", query_string={"as_of": "1 June"}).status_code == 400
    assert client.get(f"/chain/{city_dropped}", query_string={"as_of": "2023-06-01"}).status_code == 404
    # kb chain --as-of
    out = kb(two_versions, "chain", DROPPED, "--as-of", "2024-06-01", "--json")
    assert out.returncode == 0, out.stderr
    assert [s["department"] for s in json.loads(out.stdout)] == [CITY, COUNTY]
    out = kb(two_versions, "chain", DROPPED, "--json")
    assert [s["department"] for s in json.loads(out.stdout)] == [CITY]
    out = kb(two_versions, "chain", DROPPED, "--as-of", "2024-6-1")
    assert out.returncode != 0 and "YYYY-MM-DD" in out.stderr and "Traceback" not in out.stderr


def test_saved_queries_take_as_of(two_versions: ManagedServer) -> None:
    from queries import loader

    dated = {q.name for q in loader.load_all() if q.as_of}
    assert {"powers_by_department", "power_search", "powers_citing_article", "chain_by_item_name",
            "power_responsibilities", "departments_sharing_article", "departments"} <= dated
    client = _client(two_versions.graph)

    def powers(**extra: str) -> list[str]:
        rows = client.get("/queries/browse/power_search.json", query_string={"run": 1, "text": "许可", **extra}
                          ).get_json()["rows"]
        return sorted(r["power"] for r in rows if r["department"] == COUNTY)

    assert powers() == [NEW_NAME]
    assert powers(as_of="2024-06-01") == sorted([OLD_NAME, DROPPED])
    page = client.get("/queries/browse/power_search", query_string={"run": 1, "text": "许可", "as_of": "2024-06-01"})
    html = page.get_data(as_text=True)
    assert 'type="date"' in html and "按 2024-06-01 有效的清单版本作答" in html
    bad = client.get("/queries/browse/power_search", query_string={"run": 1, "text": "许可", "as_of": "2024/06/01"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.get_data(as_text=True)

    # kb query run --as-of works for every query with the parameter
    def cli(name: str, *args: str) -> list[dict]:
        out = kb(two_versions, "query", "run", name, "--format", "json", *args)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    cited = cli("powers_citing_article", "-p", "law=安全生产法", "-p", "article=62", "--as-of", "2024-06-01")
    assert sorted(r["power"] for r in cited if r["department"] == COUNTY) == sorted([OLD_NAME, DROPPED])
    cited = cli("powers_citing_article", "-p", "law=安全生产法", "-p", "article=62")
    assert [r["power"] for r in cited if r["department"] == COUNTY] == [NEW_NAME]
    counts = {r["department"]: r["powers"] for r in cli("departments", "--as-of", "2024-06-01")}
    assert counts[COUNTY] == 2
    out = kb(two_versions, "query", "run", "power_search", "-p", "as_of=yesterday")
    assert out.returncode != 0 and "YYYY-MM-DD" in out.stderr
    out = kb(two_versions, "query", "run", "things", "--as-of", "2024-06-01")
    assert out.returncode != 0 and "as_of" in out.stderr
