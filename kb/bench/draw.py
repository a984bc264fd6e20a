"""How long the browser takes to draw the biggest neighbourhood graph: the most cited law at depth 2,
summarised to at most 300 nodes, drawn in Debian's headless Chromium (never a browser Playwright
downloads). Measured from the start of navigation to the end of the layout (`data-drawn`), median of
a few rounds. The aim (issue: province scale) is under 2 s."""
from __future__ import annotations

import statistics
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kb.db import Graph

CHROMIUM = Path("/usr/bin/chromium")
BIGGEST = ("MATCH (l:Law)<-[:CITES]-() WITH l, count(*) AS n ORDER BY n DESC LIMIT 1 RETURN l.key AS key")
DRAWN = """() => new Promise((done) => {
  const ready = () => document.querySelector('#graph[data-drawn="1"]');
  const wait = () => ready() ? done(performance.now()) : setTimeout(wait, 10);
  wait();
})"""


def draw_figures(graph: Graph, rounds: int = 3) -> dict[str, Any]:
    """{"url", "nodes", "median_s", "max_s"}; {"skipped": why} without Chromium or a cited law."""
    from playwright.sync_api import sync_playwright
    from waitress.server import create_server

    from webui import create_app

    if not CHROMIUM.exists():
        return {"skipped": f"没有 {CHROMIUM}（apt-get install chromium）"}
    rows = graph.read(BIGGEST)
    if not rows:
        return {"skipped": "没有被引用的法律"}
    app = create_app({"KB_GRAPH": graph, "KB_BACKGROUND_FINDINGS": False})
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}/graph/Law/{quote(rows[0]['key'], safe='')}?depth=2"
    times, nodes = [], 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
            for _ in range(rounds + 1):  # the first round warms the server's caches and is not counted
                tab = browser.new_page()
                tab.goto(url, wait_until="commit")
                drawn_at = tab.evaluate(DRAWN)
                times.append(drawn_at / 1000)
                nodes = int(tab.get_attribute("#graph", "data-node-count") or 0)
                tab.close()
            browser.close()
    finally:
        server.close()
    times = times[1:]
    return {"url": url.split("/graph/", 1)[1], "nodes": nodes, "median_s": round(statistics.median(times), 3),
            "max_s": round(max(times), 3)}
