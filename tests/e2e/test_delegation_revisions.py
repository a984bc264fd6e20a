"""A delegation (下放/委托) whose delegating or receiving power was revised (its published list edited,
so the power was copied into a new version) is still one delegation: the power pages, the chain, the
saved query of delegations and the gap findings each show it once. Real Neo4j (scratch), the real app."""
from __future__ import annotations

import json
import secrets
from pathlib import Path
from urllib.parse import quote

import pytest

from kb.db import Graph
from tests.conftest import ManagedServer
from tests.conftest import run_kb as kb
from tests.e2e.test_as_of_answers import BASE, a_list

pytestmark = pytest.mark.e2e

CITY, COUNTY = "长沙市市场监督管理局", "浏阳市市场监督管理局"
ITEM = "食品经营许可"
CODE = "000123001000"


@pytest.fixture
def delegated(scratch_server: ManagedServer, tmp_path: Path) -> ManagedServer:
    """The city's 食品经营许可 delegated (下放) to the county's, both lists published, and both revised
    (an edit after publishing copies every power of the list into 2024-修订1)."""
    from importers import revisions
    from importers.run import import_paths

    city = a_list(tmp_path / "city.json", CITY, "长沙市", "2024",
                  [BASE | {"事项名称": ITEM, "基本编码": CODE, "实施层级": "市级"}])
    county = a_list(tmp_path / "county.json", COUNTY, "浏阳市", "2024",
                    [BASE | {"事项名称": ITEM, "基本编码": CODE, "实施层级": "县级", "下放方式": "下放",
                             "下放时间": "2021-06-01", "原实施主体": CITY}])
    graph = scratch_server.graph
    for path in (city, county):
        assert import_paths(graph, [path], progress=False)["files"][0]["status"] == "imported"
    assert graph.read("MATCH (:Delegation)-[r:FROM_POWER]->() RETURN count(r) AS n")[0]["n"] == 1
    for department in (CITY, COUNTY):
        revisions.publish(graph, department, "法制科", "发布")
        with graph.transaction() as tx:
            revisions.revise(tx, department, "法制科", "2024-09-01", "更正")
            tx.commit()
    return scratch_server


def _client(graph: Graph):
    from webui import create_app

    return create_app({"KB_GRAPH": graph, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                       "KB_BACKGROUND_FINDINGS": False}).test_client()


def _power(graph: Graph, department: str, version: str) -> str:
    return graph.read("MATCH (v:ListVersion {department: $d, version: $v})-[:CONTAINS]->(p:Power) RETURN p.key AS k",
                      d=department, v=version)[0]["k"]


def test_the_graph_keeps_the_history_the_pages_show_one_delegation(delegated: ManagedServer) -> None:
    graph = delegated.graph
    # what the revisions left: two Delegation nodes (the county's original and its copy), each from the
    # city's original power and from its copy
    assert graph.read("MATCH (dl:Delegation) RETURN count(dl) AS n")[0]["n"] == 2
    assert graph.read("MATCH (:Delegation)-[r:FROM_POWER]->() RETURN count(r) AS n")[0]["n"] == 4
    client = _client(graph)
    county, city = _power(graph, COUNTY, "2024-修订1"), _power(graph, CITY, "2024-修订1")
    page = client.get(f"/powers/{quote(county, safe='')}.json").get_json()
    assert [(d["manner"], (d["from_power"] or {}).get("key")) for d in page["delegated_in"]] == [("下放", city)]
    page = client.get(f"/powers/{quote(city, safe='')}.json").get_json()
    assert [(d["manner"], (d["to_power"] or {}).get("key")) for d in page["delegated_out"]] == [("下放", county)]
    html = client.get(f"/powers/{quote(county, safe='')}").get_data(as_text=True)
    assert html.count("经下放承接 2021-06-01") == 1
    # as of a day before the revisions: the published powers, one delegation between them
    old_county, old_city = _power(graph, COUNTY, "2024"), _power(graph, CITY, "2024")
    page = client.get(f"/powers/{quote(old_county, safe='')}.json", query_string={"as_of": "2024-06-01"}).get_json()
    assert [(d["from_power"] or {}).get("key") for d in page["delegated_in"]] == [old_city]
    page = client.get(f"/powers/{quote(old_city, safe='')}.json", query_string={"as_of": "2024-06-01"}).get_json()
    assert [(d["to_power"] or {}).get("key") for d in page["delegated_out"]] == [old_county]


def test_the_chain_and_the_saved_query_show_it_once(delegated: ManagedServer) -> None:
    graph = delegated.graph
    client = _client(graph)
    county = _power(graph, COUNTY, "2024-修订1")
    chain = client.get(f"/chain/{quote(county, safe='')}.json").get_json()
    assert [s["department"] for s in chain["steps"]] == [CITY, COUNTY]
    links = [lk for s in chain["steps"] for lk in s["links"]]
    assert [(lk["via"], lk["manner"]) for lk in links] == [("delegation", "下放")]
    then = client.get(f"/chain/{quote(county, safe='')}.json", query_string={"as_of": "2024-06-01"}).get_json()
    assert [lk["via"] for s in then["steps"] for lk in s["links"]] == ["delegation"]
    rows = json.loads(kb(delegated, "query", "run", "delegations", "--format", "json").stdout)
    assert [(r["manner"], r["from_power"], r["to_body"]) for r in rows] == [("下放", ITEM, COUNTY)]
    rows = json.loads(kb(delegated, "query", "run", "delegations", "--as-of", "2024-06-01", "--format", "json").stdout)
    assert len(rows) == 1


def test_the_graph_of_the_delegating_power_has_one_delegation(delegated: ManagedServer) -> None:
    graph = delegated.graph
    client = _client(graph)
    city = _power(graph, CITY, "2024-修订1")
    data = client.get(f"/graph/Power/{quote(city, safe='')}.json").get_json()
    assert [n["kind"] for n in data["graph"]["nodes"]].count("Delegation") == 1


def test_no_gap_is_found_for_the_delegation_of_a_revised_list(delegated: ManagedServer) -> None:
    from kb.analyses import gaps

    found = [f for f in gaps.find(delegated.graph) if f.kind.startswith("delegation")]
    assert found == []
