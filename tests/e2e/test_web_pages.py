"""Every page of the browser and its JSON twin, on the real loaded database."""
from __future__ import annotations

import json
import re
from urllib.parse import quote, unquote

import pytest

pytestmark = pytest.mark.e2e


def q(value: str) -> str:
    return quote(value, safe="")


def page_urls(s: dict) -> dict[str, str]:
    """endpoint -> a URL of it with real keys."""
    urls = {
        "dashboard.index": "/",
        "dashboard.imports": "/imports",
        "dashboard.import_run": f"/imports/{q(s['import_run'])}",
        "browse.jurisdictions": "/jurisdictions",
        "browse.jurisdiction": f"/jurisdictions/{q(s['jurisdiction'])}",
        "browse.departments": "/departments",
        "browse.department": f"/departments/{q(s['department'])}",
        "browse.unit": f"/units/{q(s['unit'])}",
        "browse.version": f"/versions/{q(s['version'])}",
        "versions.department_diff": f"/diff/{q(s['department'])}",
        "laws.impact": f"/impact/{q(s['law'])}",
        "powers.powers": "/powers",
        "powers.power": f"/powers/{q(s['power'])}",
        "powers.responsibility": f"/responsibilities/{q(s['responsibility'])}",
        "laws.laws": "/laws",
        "laws.law": f"/laws/{q(s['law'])}",
        "laws.article": f"/articles/{q(s['article'])}",
        "things.things": "/things",
        "things.thing": f"/things/{q(s['thing'])}",
        "search.search": "/search?q=" + q("种子"),
        "reports.index": "/reports",
        "reports.area": "/reports/overlaps",
        "graph.graph": f"/graph/Power/{q(s['power'])}",
        "queries.library": "/queries",
        "console.console": "/console?cypher=" + q("MATCH (d:Department) RETURN d.name LIMIT 3"),
        "edits.edits": "/edits",
    }
    urls["graph.chain_page"] = f"/chain/{q(s['chain_power'])}"
    urls["reports.finding"] = f"/reports/finding/{s['finding']}"
    urls["queries.saved_query"] = "/queries/browse/powers_by_department?run=1"
    if s.get("ServiceItem"):
        urls["things.service_item"] = f"/services/{q(s['ServiceItem'])}"
    if s.get("CatalogItem"):
        urls["powers.catalog_item"] = f"/catalog/{q(s['CatalogItem'])}"
    return urls


def json_twin(url: str) -> str:
    path, _, query = url.partition("?")
    twin = "/.json" if path == "/" else path + ".json"
    return twin + (f"?{query}" if query else "")


def test_every_page_answers_as_html_and_as_json(client, samples):
    for endpoint, url in page_urls(samples).items():
        html = client.get(url)
        assert html.status_code == 200, (endpoint, url, html.status_code)
        assert html.mimetype == "text/html"
        text = html.get_data(as_text=True)
        assert "<h1>" in text and "Traceback" not in text, endpoint
        twin = client.get(json_twin(url))
        assert twin.status_code == 200, (endpoint, json_twin(url), twin.status_code)
        assert twin.mimetype == "application/json"
        data = twin.get_json()
        assert isinstance(data, dict) and data, endpoint
        assert not any(k.startswith("_") for k in data), endpoint  # template-only values stay out


def test_every_route_is_covered(web_app, samples):
    """A new route must be added to page_urls (or to the forms tested elsewhere)."""
    tested = set(page_urls(samples))
    elsewhere = {"auth.login", "auth.login_json", "auth.logout", "edits.edit_power", "edits.save_power", "edits.edit",
                 "edits.edit_json", "i18n.switch", "static", "reports.set_status", "auth.user_admin",
                 "things.service_item", "powers.catalog_item",
                 # the write routes of later work, each with tests of its own (role, CSRF, audit)
                 "laws.resolve", "reports.resolve_group", "edits.retire_power", "edits.restore_power", "edits.add_responsibility",
                 "edits.retire_responsibility", "edits.link_article", "edits.new_power", "edits.revert",
                 "edits.set_accountability", "edits.retire_accountability",  # tests/e2e/test_web_list_editing.py
                 "imports_upload.upload", "imports_upload.confirm", "imports_upload.cancel",
                 "imports_upload.new", "imports_upload.preview",  # editors only: tests/e2e/test_web_imports.py
                 "versions.publish",  # tests/e2e/test_publish_versions.py
                 "things.link_item", "things.unlink_item",  # tests/e2e/test_thing_items.py
                 "dashboard.revert_import"}  # admins only: tests/e2e/test_import_revert.py
    for rule in web_app.url_map.iter_rules():
        endpoint = rule.endpoint.removesuffix("_json")
        assert endpoint in tested or rule.endpoint in elsewhere, f"untested route {rule.rule} ({rule.endpoint})"


AS_OF_PAGES = ("powers.power", "browse.department", "graph.chain_page", "search.search", "queries.saved_query",
               "powers.powers", "graph.graph")


def test_the_pages_that_answer_as_of_a_date_take_one_and_refuse_a_bad_one(client, samples):
    """?as_of= on the pages that answer from the versions in force that day: every current list is in
    force on a day far ahead; a date that is not one is a 400 page that says how to write it."""
    for endpoint in AS_OF_PAGES:
        url = page_urls(samples)[endpoint]
        joiner = "&" if "?" in url else "?"
        html = client.get(url + joiner + "as_of=2099-01-01")
        assert html.status_code == 200, (endpoint, html.status_code)
        assert "2099-01-01" in html.get_data(as_text=True), endpoint
        bad = client.get(url + joiner + "as_of=2099-02-30")
        assert bad.status_code == 400 and "YYYY-MM-DD" in bad.get_data(as_text=True), (endpoint, bad.status_code)
        assert client.get(json_twin(url + joiner + "as_of=20990101")).status_code == 400, endpoint


def test_the_page_and_its_twin_share_one_context(client, samples):
    url = f"/powers/{q(samples['power'])}"
    data = client.get(url + ".json").get_json()
    html = client.get(url).get_data(as_text=True)
    assert data["power"]["key"] == samples["power"]
    assert data["power"]["name"] in html.replace("&#34;", '"')
    assert data["responsibilities"] and data["basis"]


def test_chinese_is_the_default_and_english_is_a_switch_away(client):
    assert "权力事项" in client.get("/").get_data(as_text=True)
    response = client.get("/lang/en?next=/powers")
    assert response.status_code == 302 and response.headers["Location"].endswith("/powers")
    page = client.get("/powers").get_data(as_text=True)
    assert "Powers" in page and "Name contains" in page
    client.get("/lang/zh?next=/")
    assert "名称包含" in client.get("/powers").get_data(as_text=True)


def test_the_language_switch_only_redirects_inside_the_app(client):
    for target in ("https://example.com/", "//example.com/x", "/\\example.com"):
        response = client.get("/lang/en?next=" + q(target))
        assert response.headers["Location"] in ("/", "http://localhost/")


def test_unknown_entities_are_404(client):
    for url in ("/powers/nope", "/departments/nope", "/laws/nope", "/articles/nope%231", "/things/nope",
                "/graph/Power/nope", "/graph/Nolabel/x", "/jurisdictions/nope", "/imports/nope",
                "/reports/nope", "/queries/nope/nope", "/powers/nope.json"):
        assert client.get(url).status_code == 404, url


def test_dashboard_counts_match_the_graph(client, loaded):
    data = client.get("/.json").get_json()
    powers = loaded.read("MATCH (:Department)-[r:HOLDS]->() RETURN count(r) AS n")[0]["n"]
    assert data["counts"]["powers"] == powers > 2000
    assert data["counts"]["departments"] >= 14
    assert sum(d["total"] for d in data["departments"]) == powers
    assert data["imports"] and {"file", "status"} <= set(data["imports"][0])


def test_department_page_lists_its_powers_by_type(client, samples, loaded):
    name = samples["department"]
    data = client.get(f"/departments/{q(name)}.json").get_json()
    held = loaded.read("MATCH (:Department {name: $n})-[:HOLDS]->(p) RETURN count(p) AS n", n=name)[0]["n"]
    assert data["pager"]["total"] == held == sum(t["n"] for t in data["types"])
    from webui.views.browse import DEPARTMENT_PAGE

    assert len(data["powers"]) == min(DEPARTMENT_PAGE, held) and data["pager"]["page_size"] == DEPARTMENT_PAGE
    one_type = data["types"][-1]["type"]
    filtered = client.get(f"/departments/{q(name)}.json?type={q(one_type)}").get_json()
    assert {p["type"] for p in filtered["powers"]} == {one_type}
    second = client.get(f"/departments/{q(name)}.json?page=2").get_json()
    assert second["pager"]["page"] == 2 and second["powers"][0]["key"] != data["powers"][0]["key"]


def test_power_page_shows_basis_with_article_text_responsibilities_and_source(client, samples):
    data = client.get(f"/powers/{q(samples['power'])}.json").get_json()
    with_text = [b for b in data["basis"] if b["article_node"]]
    assert with_text and with_text[0]["article_node"]["text"]
    assert data["stages"] and all(r["text"] for g in data["stages"] for r in g["entries"])
    assert data["unit_node"] and data["version"]["key"]
    html = client.get(f"/powers/{q(samples['power'])}").get_data(as_text=True)
    assert data["power"]["source_file"] in html
    assert with_text[0]["article_node"]["text"][:20] in html


def test_article_page_shows_every_department_citing_it(client, samples, loaded):
    data = client.get(f"/articles/{q(samples['article'])}.json").get_json()
    expected = loaded.read("MATCH (a:Article {key: $k})<-[:BASED_ON {field: 'basis'}]-(p:Power) WHERE p.current "
                           "RETURN count(DISTINCT p.department) AS n", k=samples["article"])[0]["n"]
    assert data["counts"]["basis_departments"] == len(data["as_basis"]) == expected >= 2
    assert data["article"]["text"] and data["overlap_types"]
    html = client.get(f"/articles/{q(samples['article'])}").get_data(as_text=True)
    assert html.count('class="citing"') == data["counts"]["basis_powers"]


def _listed(data: dict) -> dict[str, list[str]]:
    return {d["department"]: [p["key"] for p in d["powers"]] for d in data["as_basis"]}


def test_an_article_lists_each_departments_powers_by_type_and_place_in_the_list(client, samples, loaded,
                                                                                 monkeypatch):
    from webui.views import laws

    rows = loaded.read("MATCH (a:Article {key: $k})<-[b:BASED_ON]-(p:Power) WHERE p.current "
                       "AND coalesce(b.field, 'basis') = 'basis' WITH p ORDER BY p.department, p.type, p.position "
                       "RETURN p.department AS department, collect(p.key) AS keys", k=samples["article"])
    expected = {r["department"]: r["keys"] for r in rows}
    data = client.get(f"/articles/{q(samples['article'])}.json").get_json()
    assert _listed(data) == expected
    # each power with the words its list cites the article in
    texts = {r["key"]: r["text"] for r in loaded.read(
        "MATCH (a:Article {key: $k})<-[b:BASED_ON {field: 'basis'}]-(p:Power)-[c:CITES {field: 'basis'}]->(l:Law) "
        "WHERE p.current AND l.key = a.law_key AND c.article = a.number RETURN p.key AS key, c.text AS text",
        k=samples["article"])}
    shown = {p["key"]: p["citing_text"] for d in data["as_basis"] for p in d["powers"]}
    assert any(texts.values()) and shown == texts
    # at most PER_DEPARTMENT of each department, the first of its list; `n` counts them all
    monkeypatch.setattr(laws, "PER_DEPARTMENT", 1)
    client.application.extensions.pop("kb_kept_pages", None)  # pages kept for this data were drawn with 10
    data = client.get(f"/articles/{q(samples['article'])}.json").get_json()
    assert _listed(data) == {d: keys[:1] for d, keys in expected.items()}
    assert {d["department"]: d["n"] for d in data["as_basis"]} == {d: len(keys) for d, keys in expected.items()}
    # … each department's others a link away: the list of all its powers citing the article, however they cite it
    html = client.get(f"/articles/{q(samples['article'])}").get_data(as_text=True)
    links = re.findall(r'href="(/powers\?[^"]+)" class="more-citing"', html)
    assert links
    for link in links:
        department = unquote(re.search(r"department=([^&]+)", link).group(1))
        citing = {r["key"] for r in loaded.read(
            "MATCH (p:Power)-[c:CITES {article_key: $k}]->() WHERE p.current AND p.department = $d "
            "AND coalesce(c.field, 'basis') = 'basis' RETURN DISTINCT p.key AS key", k=samples["article"], d=department)}
        listed = client.get(link.replace("&amp;", "&").replace("/powers?", "/powers.json?")).get_json()
        assert {p["key"] for p in listed["powers"]} == citing and listed["pager"]["total"] == len(citing) > 1
        # … as many as the article's page says the department has
        assert {d["department"]: d["n"] for d in data["as_basis"]}[department] == len(citing)
        page = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
        assert 'id="citing-article"' in page and f'name="article" value="{samples["article"]}"' in page


def test_an_article_of_a_law_not_loaded_lists_the_powers_citing_its_number(client, loaded):
    key = "建设工程质量管理条例#60"
    rows = loaded.read("MATCH (:Law {key: '建设工程质量管理条例'})<-[c:CITES]-(p:Power) WHERE p.current "
                       "AND c.article = 60 AND coalesce(c.field, 'basis') = 'basis' "
                       "WITH p, c ORDER BY p.department, p.type, p.position "
                       "RETURN p.department AS department, collect([p.key, c.text]) AS powers")
    data = client.get(f"/articles/{q(key)}.json").get_json()
    assert len(rows) >= 2
    assert {d["department"]: [[p["key"], p["citing_text"]] for p in d["powers"]] for d in data["as_basis"]} \
        == {r["department"]: r["powers"] for r in rows}


def test_law_page_lists_articles_and_citing_departments(client, samples, loaded):
    data = client.get(f"/laws/{q(samples['law'])}.json").get_json()
    assert data["law"]["loaded"] and len(data["articles"]) == data["law"]["article_count"]
    assert [a["number"] for a in data["articles"]] == sorted(a["number"] for a in data["articles"])
    # the counts kept per law (webui.stats) are those of the graph
    counted = {r["a"]: (r["p"], r["d"]) for r in loaded.read(
        "MATCH (:Law {key: $key})-[:HAS_ARTICLE]->(a)<-[:BASED_ON]-(p:Power) WHERE p.current "
        "RETURN a.key AS a, count(DISTINCT p) AS p, count(DISTINCT p.department) AS d", key=samples["law"])}
    assert counted and {a["key"]: (a["powers"], a["departments"]) for a in data["articles"] if a["powers"]} == counted
    citing = {r["d"]: r["n"] for r in loaded.read(
        "MATCH (:Law {key: $key})<-[:CITES]-(p:Power) WHERE p.current RETURN p.department AS d, count(*) AS n",
        key=samples["law"])}
    assert data["pager"]["total"] == len(citing)
    for d in data["by_department"]:
        assert d["n"] == citing[d["department"]] == sum(a["n"] for a in d["articles"])
    top = data["by_department"][0]
    cited = loaded.read("MATCH (:Law {key: $key})<-[c:CITES]-(p:Power {department: $d}) WHERE p.current "
                        "RETURN c.article AS a, count(*) AS n", key=samples["law"], d=top["department"])
    assert {a["article"]: a["n"] for a in top["articles"]} == {r["a"]: r["n"] for r in cited}
    html = client.get(f"/laws/{q(samples['law'])}").get_data(as_text=True)
    first = next(a for a in top["articles"] if a["article"] is not None)
    assert f'href="/articles/{q(samples["law"] + "#" + str(first["article"]))}"' in html.split('id="citing-table"')[1]


def test_jurisdiction_tree_runs_province_city_county(client):
    data = client.get("/jurisdictions.json").get_json()
    levels = []

    def walk(nodes, depth):
        for n in nodes:
            levels.append((depth, n["level"]))
            walk(n["children"], depth + 1)

    walk(data["tree"], 0)
    assert (0, "province") in levels and any(lv == "city" and d >= 1 for d, lv in levels)


def test_things_show_lead_and_cooperating_departments(client, loaded):
    key = loaded.read("MATCH (t:Thing)-[:COOPERATING]->() RETURN t.key AS k LIMIT 1")[0]["k"]
    data = client.get(f"/things/{q(key)}.json").get_json()
    assert data["leads"] and data["cooperating"]
    assert isinstance(data["siblings"], list)


def test_powers_list_filters_and_paginates(client):
    data = client.get("/powers.json?type=" + q("行政许可")).get_json()
    assert data["pager"]["total"] > 50 and {p["type"] for p in data["powers"]} == {"行政许可"}
    assert len(data["powers"]) == 50
    named = client.get("/powers.json?q=" + q("种子")).get_json()
    assert named["powers"] and all("种子" in p["name"] for p in named["powers"])


def test_no_page_loads_anything_from_outside(client, samples):
    external = re.compile(r"""(?:src|href)\s*=\s*["']\s*(?:https?:)?//""", re.IGNORECASE)
    css_url = re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
    for url in page_urls(samples).values():
        html = client.get(url).get_data(as_text=True)
        # the Thing page prints the guide's address as text, never as a link or a resource
        assert not external.search(html), url
        assert not css_url.search(html), url
    for asset in ("/static/css/kb.css", "/static/js/graph.js"):
        assert not css_url.search(client.get(asset).get_data(as_text=True))


def test_content_security_policy_forbids_other_origins(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy


def test_json_is_utf8_not_escaped(client, samples):
    body = client.get(f"/departments/{q(samples['department'])}.json").get_data(as_text=True)
    assert samples["department"] in body
    json.loads(body)


def test_a_power_handled_by_several_units_names_them_all(client, loaded):
    """承办机构 cells that list several units (统计局: 政策法规科、社会经济统计科 …) are split on import."""
    [row] = loaded.read("MATCH (p:Power)-[:HANDLED_BY]->(u:Unit) WITH p, collect(u.name) AS units "
                        "WHERE size(units) > 1 RETURN p.key AS key, units ORDER BY key LIMIT 1")
    data = client.get(f"/powers/{q(row['key'])}.json").get_json()
    assert sorted(u["name"] for u in data["unit_nodes"]) == sorted(row["units"])
    html = client.get(f"/powers/{q(row['key'])}").get_data(as_text=True)
    assert all(name in html for name in row["units"])


def test_laws_come_a_page_at_a_time(client, monkeypatch):
    """/laws lists the cited laws a page at a time (a province's lists cite six hundred), in the order of
    the whole list, each law on one page only."""
    from webui.views import laws

    first = client.get("/laws.json").get_json()
    everything, total = first["laws"], first["pager"]["total"]
    assert len(everything) == min(total, laws.LAWS_PAGE) and total > 9
    monkeypatch.setattr(laws, "LAWS_PAGE", 3)
    client.application.extensions.pop("kb_kept_pages", None)  # pages kept for this data were drawn with 100
    pages = [client.get(f"/laws.json?page={n}").get_json() for n in range(1, 4)]
    assert [len(p["laws"]) for p in pages[:2]] == [3, 3]
    assert [law["key"] for p in pages for law in p["laws"]] == [law["key"] for law in everything[:9]]
    assert pages[0]["pager"]["pages"] == -(-total // 3)
    html = client.get("/laws").get_data(as_text=True)
    assert "page=2" in html


def test_departments_come_a_page_at_a_time(client, monkeypatch):
    """/departments: every department once, DEPARTMENTS_PAGE a page, in the order of the whole list."""
    from webui.views import browse

    def names(page: dict) -> list[str]:
        return [d["name"] for g in page["groups"] for d in g["departments"]]

    whole = client.get("/departments.json").get_json()
    total = whole["pager"]["total"]
    assert whole["pager"]["page_size"] == browse.DEPARTMENTS_PAGE and len(names(whole)) == min(total, 50)
    monkeypatch.setattr(browse, "DEPARTMENTS_PAGE", 4)
    first = client.get("/departments.json").get_json()
    assert first["pager"]["pages"] == -(-total // 4) > 2
    pages = [first] + [client.get(f"/departments.json?page={n}").get_json() for n in range(2, first["pager"]["pages"] + 1)]
    listed = [n for p in pages for n in names(p)]
    assert all(len(names(p)) <= 4 for p in pages)
    assert len(listed) == len(set(listed)) == total
    assert listed[:50] == names(whole)


def test_the_json_link_of_a_page_whose_key_holds_a_hash_opens_its_json(client, samples):
    # an article's key (行政处罚法#72) and a power's (…|2024|…#00012) hold #: the footer's link quotes it, so a browser
    # does not read the rest as a fragment and open the law's page, or none
    for url in (f"/articles/{q(samples['article'])}", f"/powers/{q(samples['power'])}"):
        html = client.get(url).get_data(as_text=True)
        link = re.search(r'<a href="([^"]+)" class="json-link">JSON</a>', html).group(1).replace("&amp;", "&")
        assert "#" not in link, link
        response = client.get(link)
        assert response.status_code == 200 and response.is_json, link
