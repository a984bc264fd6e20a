"""Journeys through the browser in Debian's Chromium: search → power → graph → a node's page; a saved
query with parameters; the console refusing a write; the language switch; screenshots of the main pages."""
from __future__ import annotations

import re
from urllib.parse import quote, unquote

import pytest

from tests.browser.conftest import WAIT_MS

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

# Everything a page may reference: the app itself, data: URIs, in-page anchors.
OUTSIDE_REFERENCES = """
() => {
  const out = [];
  const local = (u) => !u || u.startsWith('data:') || u.startsWith('#') || u.startsWith('javascript:')
      || new URL(u, location.href).origin === location.origin;
  for (const el of document.querySelectorAll('[src]')) if (!local(el.getAttribute('src'))) out.push(el.outerHTML);
  for (const el of document.querySelectorAll('link[href]')) if (!local(el.getAttribute('href'))) out.push(el.outerHTML);
  for (const sheet of document.styleSheets) {
    let rules = [];
    try { rules = sheet.cssRules; } catch (e) { out.push('unreadable sheet ' + sheet.href); }
    for (const rule of rules) {
      for (const m of rule.cssText.matchAll(/url\\(\\s*["']?([^"')]+)/g)) if (!local(m[1])) out.push(m[1]);
    }
  }
  for (const el of document.querySelectorAll('[style]')) {
    for (const m of el.getAttribute('style').matchAll(/url\\(\\s*["']?([^"')]+)/g)) if (!local(m[1])) out.push(m[1]);
  }
  return out;
}
"""


def assert_nothing_outside(tab) -> None:
    assert tab.evaluate(OUTSIDE_REFERENCES) == [], tab.url


def wait_for_graph(tab) -> int:
    tab.wait_for_selector("#graph[data-drawn='1']", timeout=WAIT_MS)
    assert tab.locator("#graph canvas").count() == 1
    return int(tab.get_attribute("#graph", "data-node-count"))


def test_search_then_power_then_graph_then_a_node(page, live_url, shot, client):
    page.goto("/")
    page.fill("header input[name=q]", "种子")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("#hits .hit")
    assert "种子" in page.inner_text("#search-total")
    assert page.locator("#hits mark").first.inner_text() == "种子"
    shot(page, "search")
    page.click("li.hit-Power a.hit-link >> nth=0")
    page.wait_for_url(re.compile(r"/powers/"))
    key = unquote(page.url.split("/powers/", 1)[1])
    assert page.locator("h1").inner_text()
    assert page.locator("#basis").count() == 1
    shot(page, "power", full_page=True)
    page.click("#graph-link")
    page.wait_for_url(re.compile(r"/graph/Power/"))
    drawn = wait_for_graph(page)
    expected = client.get(f"/graph/Power/{quote(key, safe='')}.json").get_json()["graph"]["node_count"]
    assert drawn == expected > 3
    assert page.evaluate("window.kbNodes.length") == expected
    shot(page, "graph")
    # the department node: find where vis-network drew it and click there
    point = page.evaluate("""() => {
        const net = window.kbNetwork, nodes = window.kbNodes;
        const target = nodes.get().find(n => n.kind === 'Department');
        const dom = net.canvasToDOM(net.getPosition(target.id));
        const box = document.querySelector('#graph').getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y, url: target.url};
    }""")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(re.compile(r"/departments/"))
    assert page.url.endswith(point["url"])
    assert "克拉玛依市" in page.locator("h1").inner_text()
    assert_nothing_outside(page)


def test_a_saved_query_with_parameters(page, shot):
    page.goto("/queries")
    page.click("a[href='/queries/browse/powers_by_department']")
    page.wait_for_selector("#query-form")
    page.select_option("#param-department", "克拉玛依市应急管理局")
    page.select_option("#param-type", "行政检查")
    page.fill("#param-limit", "20")
    page.click("#run")
    page.wait_for_selector("#result-table")
    rows = page.locator("#result-table tr").count() - 1
    assert 0 < rows <= 20
    assert "行政检查" in page.inner_text("#result-table")
    permalink = page.get_attribute("#permalink", "href")
    assert "department=" in permalink and "limit=20" in permalink
    shot(page, "saved-query")
    page.goto(permalink)
    assert page.locator("#result-table tr").count() - 1 == rows
    assert page.input_value("#param-limit") == "20"
    assert_nothing_outside(page)


def test_the_console_refuses_a_write_and_the_database_is_unchanged(page, loaded, shot):
    count = "MATCH (n) RETURN count(n) AS n"
    before = loaded.read(count)[0]["n"]
    page.goto("/console")
    page.fill("#cypher", "MATCH (p:Power) SET p.name = 'hacked' RETURN count(p)")
    page.click("#run")
    page.wait_for_selector("#refusal")
    assert page.get_attribute("#refusal", "data-reason") == "write"
    assert "已拒绝" in page.inner_text("#refusal")
    shot(page, "console-refused")
    assert loaded.read(count)[0]["n"] == before
    assert not loaded.read("MATCH (p:Power {name: 'hacked'}) RETURN p LIMIT 1")
    page.fill("#cypher", "MATCH path = (d:Department)-[:HOLDS]->(p:Power) RETURN path LIMIT 10")
    page.click("#run")
    page.wait_for_selector("#result-table")
    assert wait_for_graph(page) >= 11
    shot(page, "console-graph")


def test_the_language_switch(page, shot):
    page.goto("/powers")
    assert page.locator("nav.main-nav").inner_text().startswith("行政区划")
    page.click("#lang-en")
    page.wait_for_url(re.compile(r"/powers"))
    assert "Jurisdictions" in page.locator("nav.main-nav").inner_text()
    assert page.locator("html").get_attribute("lang") == "en"
    shot(page, "powers-english")
    page.goto("/")
    assert "Overview" in page.locator("h1").inner_text()
    page.click("#lang-zh")
    assert page.locator("h1").inner_text() == "总览"


MAIN_PAGES = {
    "dashboard": "/",
    "jurisdictions": "/jurisdictions",
    "departments": "/departments",
    "laws": "/laws",
    "things": "/things",
    "reports": "/reports",
    "overlaps": "/reports/overlaps",
    "queries": "/queries",
}


def test_a_more_node_expands_the_graph_in_place(page, client, loaded):
    """The most cited law's neighbourhood is summarised; clicking its "+N 个权力" node adds the next powers
    to the same drawing (no new page), and the node shows what is left."""
    law = loaded.read("MATCH (l:Law)<-[:CITES]-() WITH l, count(*) AS n ORDER BY n DESC LIMIT 1 "
                      "RETURN l.key AS k")[0]["k"]
    page.goto(f"/graph/Law/{quote(law, safe='')}")
    before = wait_for_graph(page)
    url = page.url
    point = page.evaluate("""() => {
        const net = window.kbNetwork, node = window.kbNodes.get('more:1:Power');
        const dom = net.canvasToDOM(net.getPosition(node.id));
        const holder = document.querySelector('#graph');
        window.scrollTo(0, holder.getBoundingClientRect().top + window.scrollY + dom.y - 200);
        const box = holder.getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y, label: node.label};
    }""")
    assert point["label"].startswith("+")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#graph[data-expanding='0']", timeout=WAIT_MS)  # the page's CSP forbids eval
    assert int(page.get_attribute("#graph", "data-node-count")) > before
    assert page.url == url
    left = page.evaluate("window.kbNodes.get('more:1:Power') && window.kbNodes.get('more:1:Power').label")
    assert left is None or left != point["label"]


def test_main_pages_load_nothing_from_outside(page, shot, samples):
    pages = dict(MAIN_PAGES)
    pages["department"] = f"/departments/{quote(samples['department'], safe='')}"
    pages["article"] = f"/articles/{quote(samples['article'], safe='')}"
    pages["law"] = f"/laws/{quote(samples['law'], safe='')}"
    pages["thing"] = f"/things/{quote(samples['thing'], safe='')}"
    pages["finding"] = f"/reports/finding/{samples['finding']}"
    pages["chain"] = f"/chain/{quote(samples['chain_power'], safe='')}"
    pages["graph-depth-2"] = f"/graph/Department/{quote(samples['department'], safe='')}?depth=2"
    for name, url in pages.items():
        response = page.goto(url)
        assert response.status == 200, url
        if page.locator("#graph").count():
            wait_for_graph(page)
        assert_nothing_outside(page)
        shot(page, name, full_page=name in ("dashboard", "finding", "article"))
    assert page.locator(".cut-notice").count() == 1  # the depth-2 neighbourhood of a big department


def test_the_reason_field_shows_when_a_department_not_involved_is_named(page, web_app, samples, make_user):
    """The resolve form of an overlap: 指定未涉及部门的理由 is hidden while the departments involved are
    chosen, and shown (and required) once another department of the jurisdiction is."""
    name, password = make_user("editor")
    page.goto("/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)  # web_app: the findings are stored
    page.goto(f"/reports/finding/{samples['finding']}")
    box = page.locator("#resolve-form .other-reason")
    assert box.is_hidden()
    involved = page.locator("#resolve-lead optgroup").nth(0).locator("option").nth(0).get_attribute("value")
    outsider = page.locator("#resolve-lead optgroup").nth(1).locator("option").nth(0).get_attribute("value")
    page.select_option("#resolve-lead", outsider)
    assert box.is_visible() and page.locator("#resolve-other_reason").get_attribute("required") is not None
    page.select_option("#resolve-lead", involved)
    assert box.is_hidden()
