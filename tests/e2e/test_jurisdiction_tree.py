"""/jurisdictions at a province's size: the tree runs down to the counties, each county says how many
townships it has, and its own page lists them (a province has two thousand townships)."""
from __future__ import annotations

from urllib.parse import quote

from kb.db import Graph
from webui import create_app

PLACES = [("湖北省", "province", "42", None), ("宜昌市", "city", "4205", "湖北省"),
          ("秭归县", "county", "420527", "宜昌市"), ("茅坪镇", "township", "420527100", "秭归县"),
          ("归州镇", "township", "420527101", "秭归县"), ("屈原镇", "township", "420527102", "秭归县")]


def test_townships_are_counted_on_their_county_and_listed_on_its_page(scratch: Graph) -> None:
    scratch.write("UNWIND $places AS p CREATE (:Jurisdiction {name: p[0], level: p[1], code: p[2]})",
                  places=[list(p[:3]) for p in PLACES])
    scratch.write("UNWIND $places AS p MATCH (j:Jurisdiction {name: p[0]}), (up:Jurisdiction {name: p[1]}) "
                  "CREATE (j)-[:WITHIN]->(up)", places=[[p[0], p[3]] for p in PLACES if p[3]])
    client = create_app({"KB_GRAPH": scratch, "TESTING": True}).test_client()
    data = client.get("/jurisdictions.json").get_json()
    assert data["total"] == 6 and data["townships"] == 3
    county = data["tree"][0]["children"][0]["children"][0]
    assert (county["name"], county["townships"], county["children"]) == ("秭归县", 3, [])
    assert "3 个乡镇" in client.get("/jurisdictions", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    page = client.get(f"/jurisdictions/{quote('秭归县')}.json").get_json()
    assert sorted(c["name"] for c in page["children"]) == ["屈原镇", "归州镇", "茅坪镇"]
