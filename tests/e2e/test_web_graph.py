"""Graphs: neighbourhoods capped at 300 nodes with a notice, colours and legend, plain-text tooltips,
node links, local assets; chains laid out top-down."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.e2e


def graph_json(client, label: str, key: str, depth: int = 1) -> dict:
    response = client.get(f"/graph/{label}/{quote(key, safe='')}.json?depth={depth}")
    assert response.status_code == 200
    return response.get_json()


def test_depth_one_holds_the_neighbours_of_a_power(client, samples, loaded):
    data = graph_json(client, "Power", samples["power"])
    g = data["graph"]
    degree = loaded.read("MATCH (p:Power {key: $k})--(m) RETURN count(DISTINCT m) AS n", k=samples["power"])[0]["n"]
    assert g["node_count"] == len(g["nodes"]) == degree + 1 and not g["cut"]
    assert g["edge_count"] >= degree
    kinds = {n["kind"] for n in g["nodes"]}
    assert {"Power", "Department", "Responsibility", "Article"} <= kinds
    legend = {entry["label"]: entry for entry in g["legend"]}
    assert set(legend) == kinds and all(entry["colour"].startswith("#") for entry in legend.values())
    assert all(n["url"].startswith("/") for n in g["nodes"])


def _most_cited_law(loaded) -> str:
    return loaded.read("MATCH (l:Law)<-[:CITES]-() WITH l, count(*) AS n ORDER BY n DESC LIMIT 1 "
                       "RETURN l.key AS k")[0]["k"]


def test_a_big_neighbourhood_is_summarised_not_cut(client, loaded):
    """Depth 2 of the most cited law: at most 300 nodes, both rings drawn, and every kind left out stands
    as a "+N more" node whose count is what the graph holds beyond the nodes shown."""
    law = _most_cited_law(loaded)
    data = graph_json(client, "Law", law, depth=2)
    g = data["graph"]
    assert g["node_count"] <= 300 and g["cut"] and g["left_out"]
    real = [n for n in g["nodes"] if n["kind"] != "more"]
    assert len(real) == g["node_count"]
    neighbours = {r["id"] for r in loaded.read(
        "MATCH (l:Law {key: $k})--(m) WHERE NOT (m:Power AND m.current = false) RETURN elementId(m) AS id", k=law)}
    centre = next(n["id"] for n in real if n["size"] == 22)
    ring2 = [n for n in real if n["id"] not in neighbours and n["id"] != centre]
    assert ring2, "depth 2 reaches the neighbours' neighbours"
    for entry in g["left_out"]:
        summary = next(n for n in g["nodes"] if n["id"] == f"more:{entry['ring']}:{entry['kind']}")
        assert f"+{entry['left']}" in summary["label"]
        if entry["ring"] == 1:
            total = loaded.read(f"MATCH (l:Law {{key: $k}})--(m:{entry['kind']}) "
                                "WHERE NOT (m:Power AND m.current = false) RETURN count(DISTINCT m) AS n", k=law)[0]["n"]
            shown = sum(1 for n in real if n["kind"] == entry["kind"] and n["id"] in neighbours)
            assert entry["total"] == total and entry["left"] == total - shown
            assert summary["expand"]
    html = client.get(f"/graph/Law/{quote(law, safe='')}?depth=2", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert 'class="notice cut-notice"' in html and "未显示" in html and f'data-node-count="{g["node_count"]}"' in html


def test_more_nodes_expand_page_by_page_until_every_neighbour_is_shown(client, loaded):
    """A "+N more" node's JSON gives the next nodes of its kind; following it reaches every one, once."""
    law = _most_cited_law(loaded)
    first = graph_json(client, "Law", law)["graph"]
    entry = next(e for e in first["left_out"] if e["kind"] == "Power")
    seen = {n["id"] for n in first["nodes"] if n["kind"] == "Power"}
    summary = next(n for n in first["nodes"] if n["id"] == "more:1:Power")
    pages = 0
    while summary:
        answer = client.get(summary["expand"])
        assert answer.status_code == 200
        g = answer.get_json()["graph"]
        new = {n["id"] for n in g["nodes"] if n["kind"] == "Power"}
        assert new and not new & seen  # the next ones, none twice
        seen |= new
        summary = next((n for n in g["nodes"] if n["id"] == "more:1:Power"), None)
        pages += 1
        assert pages < 50
    assert len(seen) == entry["total"]


def test_the_graph_filters_by_kind(client, loaded):
    law = _most_cited_law(loaded)
    data = graph_json(client, "Law", law, 1)
    kinds = {k["kind"]: k["count"] for k in data["kinds"]}
    assert "Power" in kinds and len(kinds) > 1
    response = client.get(f"/graph/Law/{quote(law, safe='')}.json?depth=1&only=Article")
    g = response.get_json()["graph"]
    assert {n["kind"] for n in g["nodes"] if n["size"] != 22} <= {"Article", "more"}
    assert g["node_count"] == min(kinds["Article"], 299) + 1
    html = client.get(f"/graph/Law/{quote(law, safe='')}?only=Article", headers={"Accept-Language": "zh"})
    assert 'id="kind-filter"' in html.get_data(as_text=True) and "全部类别" in html.get_data(as_text=True)
    assert client.get(f"/graph/Law/{quote(law, safe='')}?only=x%20OR%201").status_code == 400
    none = client.get(f"/graph/Law/{quote(law, safe='')}.json?only=Nothing").get_json()["graph"]
    assert none["node_count"] == 1  # a kind the centre has no neighbours of: the centre alone


def test_the_cap_is_shared_among_kinds():
    from webui.views.graph import share

    assert share({"Power": 5000, "Department": 3, "Article": 40}, 299) == {"Power": 256, "Department": 3,
                                                                             "Article": 40}
    assert share({"A": 10, "B": 10}, 7) in ({"A": 4, "B": 3}, {"A": 3, "B": 4})
    assert share({"A": 2}, 299) == {"A": 2} and share({}, 10) == {}
    assert sum(share({"A": 1000, "B": 1000, "C": 1000}, 299).values()) == 299


def test_depth_two_reaches_further_than_depth_one(client, samples):
    one = graph_json(client, "Power", samples["power"], 1)["graph"]["node_count"]
    two = graph_json(client, "Power", samples["power"], 2)["graph"]["node_count"]
    assert two > one


def test_tooltips_are_text_and_rendered_as_text_nodes(client, samples, web_app):
    data = graph_json(client, "Power", samples["power"])
    assert all("<" not in n["title"] or "&lt;" not in n["title"] for n in data["graph"]["nodes"])
    html = client.get(f"/graph/Power/{quote(samples['power'], safe='')}").get_data(as_text=True)
    assert '<script type="application/json" id="graph-data">' in html
    script = client.get("/static/js/graph.js").get_data(as_text=True)
    assert "textContent" in script and "innerHTML" not in script


def test_a_hostile_name_cannot_break_out_of_the_graph_data(client, loaded):
    key = "test-xss-power"
    loaded.write("CREATE (:Power {key: $k, name: $n, current: true})", k=key,
                 n="</script><script>alert(1)</script><img src=x onerror=alert(2)>")
    try:
        html = client.get(f"/graph/Power/{key}").get_data(as_text=True)
        assert "</script><script>alert(1)" not in html and "<img src=x" not in html
        page = client.get(f"/powers/{key}").get_data(as_text=True)
        assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    finally:
        loaded.write("MATCH (p:Power {key: $k}) DETACH DELETE p", k=key)


def test_the_page_uses_the_shipped_vis_network(client, samples):
    html = client.get(f"/graph/Power/{quote(samples['power'], safe='')}").get_data(as_text=True)
    assert "/static/vendor/vis-network/vis-network.min.js" in html
    js = client.get("/static/vendor/vis-network/vis-network.min.js")
    assert js.status_code == 200 and b"vis-network" in js.data[:400]
    assert client.get("/static/vendor/vis-network/VERSION.txt").status_code == 200


def test_chain_is_laid_out_top_down_with_the_upper_level_first(client, loaded):
    """林业和草原局 publishes a city (地州级) and a county (区县级) list: their items form chains."""
    key = loaded.read("MATCH (p:Power {name: '林草种子生产经营许可证的核发'}) WHERE p.current "
                      "RETURN p.key AS k LIMIT 1")[0]["k"]
    data = client.get(f"/chain/{quote(key, safe='')}.json").get_json()
    layout = data["graph"]["options"]["layout"]["hierarchical"]
    assert layout["enabled"] and layout["direction"] == "UD"
    assert [s["level"] for s in data["steps"]] == ["city", "county"]
    by_id = {n["id"]: n for n in data["graph"]["nodes"]}
    assert by_id[data["steps"][0]["key"]]["level"] < by_id[data["steps"][1]["key"]]["level"]
    assert data["graph"]["edges"][0]["from"] == data["steps"][0]["key"]
    assert client.get("/chain/" + quote("林草种子生产经营许可证的核发")).status_code == 200
    assert client.get("/chain/nothing-like-this").status_code == 404


DEMO_CHAIN = Path(__file__).resolve().parents[2] / "kb" / "demo" / "example_chain"


@pytest.mark.skipif(not DEMO_CHAIN.is_dir(), reason="kb/demo/example_chain is not there")
def test_the_example_chain_names_its_delegation_and_says_it_is_an_example(scratch):
    """The township's step says 委托 or 下放 as recorded, with its date; the page says 示例; the three
    市场监督管理局 of three levels and the street office are captioned by their full names."""
    import secrets

    from importers.run import import_paths
    from webui import create_app

    import_paths(scratch, [DEMO_CHAIN], progress=False)
    client = create_app({"KB_GRAPH": scratch, "TESTING": True, "SECRET_KEY": secrets.token_hex(16)}).test_client()
    for code, manner in (("000106001000", "委托"), ("000102122000", "下放")):
        data = client.get(f"/chain/{code}.json").get_json()
        assert data["sample"] and all(s["sample"] for s in data["steps"])
        township = data["steps"][-1]
        assert township["level"] == "township"
        link = township["links"][0]
        assert link["via"] == "delegation" and link["manner"] == manner and link["date"] == "2021-06-01"
        labels = [e["label"] for e in data["graph"]["edges"]]
        assert f"{manner} 2021-06-01" in labels and "下放/委托" not in " ".join(labels)
        captions = " ".join(n["label"] for n in data["graph"]["nodes"])
        for name in ("湖南省市场监督管理局", "长沙市市场监督管理局", "浏阳市市场监督管理局", "浏阳市集里街道办事处"):
            assert name in captions
        assert "· 办事处" not in captions
        html = client.get(f"/chain/{code}").get_data(as_text=True)
        assert 'id="sample-notice"' in html and "【示例】" in html and f"{manner}</strong> 2021-06-01" in html
    dashboard = client.get("/").get_data(as_text=True)
    assert ">办事处<" not in dashboard and ">市场监督管理局<" not in dashboard
    assert ">湖南省市场监督管理局<" in dashboard


def test_department_labels_are_short_only_when_unique_and_meaningful():
    from webui.names import department_labels

    labels = department_labels([("湖南省市场监督管理局", "湖南省"), ("长沙市市场监督管理局", "长沙市"),
                                ("克拉玛依市财政局", "克拉玛依市"), ("浏阳市集里街道办事处", "浏阳市集里街道")])
    # (of several places: each with its place, 财政局 alone says not whose)
    assert labels == {name: name for name in labels}
    one_place = department_labels([("克拉玛依市财政局", "克拉玛依市"), ("克拉玛依市交通运输局", "克拉玛依市")])
    assert one_place == {"克拉玛依市财政局": "财政局", "克拉玛依市交通运输局": "交通运输局"}


def test_edges_are_the_same_whichever_end_they_are_sought_from(loaded) -> None:
    """EDGES seeks an edge from its lighter end (a department's HOLDS, a law's CITES are many): with every
    node heavy, none, or some, the edges among the nodes are those the plain walk finds."""
    from webui.views.graph import EDGES

    [row] = loaded.read(
        "MATCH (d:Department)-[:HOLDS]->(p:Power) WITH d, count(p) AS n ORDER BY n DESC LIMIT 1 "
        "MATCH (d)-[:HOLDS]->(p:Power) WITH d, p LIMIT 60 OPTIONAL MATCH (p)-[:CITES|BASED_ON]->(x) "
        "WITH d, collect(DISTINCT elementId(p)) + collect(DISTINCT elementId(x)) AS ids "
        "MATCH (d)-[:IN_JURISDICTION]->(j) RETURN ids + [elementId(d), elementId(j)] AS ids")
    plain = {tuple(r.values()) for r in loaded.read(
        "MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids "
        "RETURN elementId(a) AS source, elementId(b) AS target, type(r) AS type", ids=row["ids"])}
    assert len(plain) > 100
    for dense in (0, 3, 50, 10**9):
        found = {(r["source"], r["target"], r["type"]) for r in loaded.read(EDGES, ids=row["ids"], edge_cap=10**6,
                                                                           dense=dense)}
        assert found == plain, dense
