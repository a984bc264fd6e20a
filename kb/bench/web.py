"""Time of each page type of the browser on the loaded data (median and 95th percentile).

`run_bench` (`kb bench`): requests go through Flask's test client in this process, one at a time, so the
figures are server time: routing, the Cypher round trips and the rendering, without the network.
`run_concurrent` (`kb bench --clients 4`): `kb serve` in a process of its own (waitress, as users get it)
and N clients at once over HTTP on loopback, each page type in turn; the figures are what a client
waits, with the others' requests beside it. The aim is under 100 ms at the 95th percentile (search 300).
"""
from __future__ import annotations

import http.client
import itertools
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from kb.analyses import report
from kb.db import Graph
from queries import loader
from webui import create_app

PICK = """
CALL { MATCH (d:Department)-[:HOLDS]->(p:Power) WITH d, count(p) AS n ORDER BY n DESC LIMIT 1 RETURN d.name AS department }
CALL { WITH department MATCH (d:Department {name: department})-[:HOLDS]->(p:Power)-[:HAS_RESPONSIBILITY]->()
       WITH p, count(*) AS n ORDER BY n DESC LIMIT 1 RETURN p.key AS power }
CALL { OPTIONAL MATCH (a:Article)<-[:BASED_ON {field: 'basis'}]-(p:Power) WITH a, count(p) AS n ORDER BY n DESC LIMIT 1
       RETURN a.key AS article }
CALL { OPTIONAL MATCH (l:Law) WHERE l.loaded RETURN l.key AS law ORDER BY l.article_count DESC LIMIT 1 }
CALL { OPTIONAL MATCH (p:Power {level: 'township'})-[:IMPLEMENTS]->(:CatalogItem) RETURN p.key AS township LIMIT 1 }
CALL { OPTIONAL MATCH (p:Power)-[:HAS_RESPONSIBILITY]->() WHERE p.level = 'county'
       RETURN p.key AS county LIMIT 1 }
CALL { OPTIONAL MATCH (t:Thing) RETURN t.key AS thing LIMIT 1 }
CALL { OPTIONAL MATCH (j:Jurisdiction) RETURN j.name AS jurisdiction ORDER BY j.level LIMIT 1 }
CALL { OPTIONAL MATCH (r:Responsibility) RETURN r.key AS responsibility LIMIT 1 }
RETURN department, power, article, law, thing, jurisdiction, responsibility, coalesce(township, county) AS lower
"""


def _q(value: str) -> str:
    return quote(value, safe="")


# The page types by name, for the text output (the JSON and the results files keep the keys).
PAGE_TITLES = {
    "dashboard": "首页", "jurisdictions": "地区列表", "jurisdiction": "地区", "departments": "部门列表",
    "department": "部门", "powers": "权力列表", "power": "权力", "power.json": "权力（JSON）",
    "powers one by one": "权力（逐个不同）",
    "responsibility": "责任事项", "laws": "法律列表", "law": "法律", "article": "法条", "things": "一件事列表",
    "thing": "一件事", "search 2 chars": "搜索（两个字）", "search word": "搜索（词语）",
    "search filtered": "搜索（带筛选）", "graph depth 1": "关系图（深度 1）", "graph depth 2": "关系图（深度 2）",
    "chain": "链条（乡镇起）", "reports": "检查报告", "report overlaps": "报告：职责交叉", "report gaps": "报告：职责空白",
    "finding": "检查结果", "findings one by one": "逐个检查结果", "queries": "查询列表", "console": "控制台", "saved query": "已保存的查询",
}


def page_title(name: str) -> str:
    return PAGE_TITLES.get(name, name)


# A sample of powers spread over the graph (every n-th by key), each page of "powers one by one" another one:
# the power page's cost varies with the power (who exercises it elsewhere: none, or thousands of powers citing
# its article), and the one typical power measures one of them only.
SPREAD = 30
SPREAD_POWERS = """
MATCH (p:Power) WHERE p.current AND p.key IS NOT NULL
WITH p ORDER BY p.key SKIP $skip LIMIT 1
RETURN p.key AS key
"""


def spread_powers(graph: Graph, n: int = SPREAD) -> list[str]:
    """The keys of `n` current powers spread evenly over all of them in the order of their keys."""
    total = graph.read("MATCH (p:Power) WHERE p.current RETURN count(p) AS n")[0]["n"]
    keys = [r["key"] for i in range(min(n, total)) for r in graph.read(SPREAD_POWERS, skip=i * total // n)]
    return list(dict.fromkeys(keys))


def urls_of(target: str | tuple[str, ...]) -> tuple[str, ...]:
    """The URLs a page type's requests take in turn: one, or a sample (powers one by one)."""
    return (target,) if isinstance(target, str) else target


def pages(graph: Graph) -> list[tuple[str, str | tuple[str, ...]]]:
    """(page type, URL) pairs: one typical example of every page type; "powers one by one" has a tuple of
    URLs, taken in turn."""
    rows = graph.read(PICK)
    if not rows or not rows[0]["power"]:
        raise SystemExit("数据库中没有权力事项：请先导入数据（`kb import …` 或 `kb demo`）")
    x = rows[0]
    out = [
        ("dashboard", "/"),
        ("jurisdictions", "/jurisdictions"),
        ("jurisdiction", f"/jurisdictions/{_q(x['jurisdiction'])}") if x["jurisdiction"] else None,
        ("departments", "/departments"),
        ("department", f"/departments/{_q(x['department'])}"),
        ("powers", "/powers"),
        ("power", f"/powers/{_q(x['power'])}"),
        ("power.json", f"/powers/{_q(x['power'])}.json"),
        ("powers one by one", tuple(f"/powers/{_q(k)}" for k in spread_powers(graph))),
        ("responsibility", f"/responsibilities/{_q(x['responsibility'])}") if x["responsibility"] else None,
        ("laws", "/laws"),
        ("law", f"/laws/{_q(x['law'])}") if x["law"] else None,
        ("article", f"/articles/{_q(x['article'])}") if x["article"] else None,
        ("things", "/things"),
        ("thing", f"/things/{_q(x['thing'])}") if x["thing"] else None,
        ("search 2 chars", "/search?q=" + _q("种子")),
        ("search word", "/search?q=" + _q("安全生产")),
        ("search filtered", "/search?q=" + _q("许可") + "&type=Power&power_type=" + _q("行政许可")),
        ("graph depth 1", f"/graph/Power/{_q(x['power'])}"),
        ("graph depth 2", f"/graph/Department/{_q(x['department'])}?depth=2"),
        ("chain", f"/chain/{_q(x['lower'])}") if x["lower"] else None,
        ("reports", "/reports"),
        ("report overlaps", "/reports/overlaps"),
        ("report gaps", "/reports/gaps"),
        ("finding", "/reports/finding/{finding}"),
        ("findings one by one", "{findings}"),
        ("queries", "/queries"),
        ("console", "/console?cypher=" + _q("MATCH (d:Department)-[:HOLDS]->(p) RETURN d.name, count(p)")),
    ]
    library = loader.load_all()
    if library:
        out.append(("saved query", f"/queries/{library[0].area}/{library[0].name}?run=1"))
    # an overlap the store holds (the pages read the store; computing the overlaps here would take minutes
    # on a province), else one computed
    stored = [r["id"] for r in graph.read(
        "MATCH (f:StoredFinding) WHERE f.area = 'overlaps' WITH f ORDER BY f.score DESC, f.id LIMIT 2000 "
        "RETURN f.id AS id")]
    first = stored[0] if stored else next(iter(f.id for f in report.run(graph, ["overlaps"]).findings), "none")
    # SPREAD findings spread over the store's first two thousand: each drawn for the first time in its process (a
    # reader going through the findings), where "finding" asks for the same one again and again
    spread = tuple(f"/reports/finding/{i}" for i in stored[:: max(1, len(stored) // SPREAD)][:SPREAD]) \
        or (f"/reports/finding/{first}",)

    def filled(url):
        if url == "{findings}":
            return spread
        return url.replace("{finding}", first) if isinstance(url, str) else url

    return [(name, filled(url)) for name, url in (p for p in out if p)]


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0–1) of the values, interpolated linearly; 0 for none."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def run_bench(graph: Graph, rounds: int = 20, progress: bool = True) -> dict[str, Any]:
    """Every page type requested `rounds` times after one warm-up; figures in ms, progress on stderr."""
    app = create_app({"KB_GRAPH": graph, "TESTING": True})
    client = app.test_client()
    figures = []
    for name, target in pages(graph):
        urls = urls_of(target)
        url = urls[0]
        first = client.get(url)  # warm: the analyses' cache, the query plans, the templates
        if first.status_code >= 500:
            raise SystemExit(f"{url} 返回了 {first.status_code}")
        times = []
        for i in range(rounds):
            started = time.perf_counter()
            response = client.get(urls[i % len(urls)])
            times.append((time.perf_counter() - started) * 1000)
            response.close()
        row = {"page": name, "example": url, "urls": len(urls), "status": first.status_code,
               "median_ms": statistics.median(times),
               "p95_ms": percentile(times, 0.95), "max_ms": max(times), "rounds": rounds}
        figures.append(row)
        if progress:
            print(f"  {page_title(name)}：中位数 {row['median_ms']:7.1f} 毫秒，p95 {row['p95_ms']:7.1f} 毫秒",
                  file=sys.stderr)
    return {"pages": figures, "rounds": rounds}



def _get(conn: http.client.HTTPConnection, url: str) -> tuple[int, float]:
    started = time.perf_counter()
    conn.request("GET", url, headers={"Accept-Language": "zh"})
    response = conn.getresponse()
    response.read()
    return response.status, (time.perf_counter() - started) * 1000


def _at_once(target: Callable[[], None], n: int) -> None:
    """`target` in `n` threads started together; back when all have ended."""
    threads = [threading.Thread(target=target) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def _warm(port: int, url: str, clients: int) -> None:
    """Ask for a page from `clients` connections at once, as the measurement will: query plans, templates and
    the cached counts (a chain page's group of bodies, kept per serving process) warm in each process that
    takes one (which process takes a connection is the kernel's choice: most likely each of two, not surely), as
    they are after a while of serving; one request warmed one process of two, and the other's first chain page
    (the group read, 0.35 s on the province) stood in the p95. A page that fails stops the bench."""
    statuses: list[int] = []

    def once() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            statuses.append(_get(conn, url)[0])
        except (OSError, http.client.HTTPException):
            statuses.append(599)
        finally:
            conn.close()

    _at_once(once, max(1, clients))
    if any(code >= 500 for code in statuses):
        raise SystemExit(f"{url} 返回了 {max(statuses)}")


def run_concurrent(graph: Graph, env: dict[str, str] | None = None, clients: int = 4, rounds: int = 20,
                   progress: bool = True, processes: int = 1) -> dict[str, Any]:
    """Each page type requested `rounds` times by each of `clients` clients at once, over HTTP, from a
    `kb serve` started here (same database: `env` gives its KB_HOME / NEO4J_URI). Figures in ms, of the
    requests answered (status below 400); a refusal for too many at once (429: the console's and saved
    queries' limit of runs per client address, which all the clients here share) is counted as refused,
    its time left out (it would flatter the figures); any other answer of 400 or more (a query cut off
    and refused as too long, a page not found) or a failed connection counts as an error."""
    from kb.bench.run import _free_port

    port = _free_port()
    env = {**(env or os.environ)}
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "serve", "--port", str(port), "--threads", "8",
                             "--processes", str(processes)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        started = time.monotonic()
        while True:  # its first answer: the aim is 3 s after the start
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                _status, _ms = _get(conn, "/")
                conn.close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() - started > 120:
                    out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
                    raise SystemExit(f"kb serve did not answer: {out[-2000:]}") from None
                time.sleep(0.05)
        first_page_s = time.monotonic() - started
        figures = []
        for name, target in pages(graph):
            urls = urls_of(target)
            url = urls[0]
            _warm(port, url, clients)
            times: list[float] = []
            errors: list[int] = []
            refused: list[int] = []
            lock = threading.Lock()
            turn = itertools.count()  # each request the next URL of the sample, whichever client sends it

            def client(urls: tuple[str, ...] = urls, times: list[float] = times, errors: list[int] = errors,
                       refused: list[int] = refused, lock: threading.Lock = lock, turn=turn) -> None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                try:
                    for _ in range(rounds):
                        with lock:
                            url = urls[next(turn) % len(urls)]
                        try:
                            status, ms = _get(conn, url)
                        except (OSError, http.client.HTTPException):
                            conn.close()
                            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                            status, ms = 599, 0.0
                        with lock:
                            if status == 429:
                                refused.append(status)
                            elif status >= 400:
                                errors.append(status)
                            else:
                                times.append(ms)
                finally:
                    conn.close()

            _at_once(client, clients)
            row = {"page": name, "example": url, "urls": len(urls), "median_ms": statistics.median(times) if times else 0.0,
                   "p95_ms": percentile(times, 0.95), "max_ms": max(times, default=0.0),
                   "requests": clients * rounds, "answered": len(times), "refused": len(refused),
                   "errors": len(errors)}
            figures.append(row)
            if progress:
                print(f"  {page_title(name)}：中位数 {row['median_ms']:7.1f} 毫秒，p95 {row['p95_ms']:7.1f} 毫秒，"
                      f"拒绝 {row['refused']} 次，出错 {row['errors']} 次", file=sys.stderr)
        return {"pages": figures, "clients": clients, "processes": processes, "rounds": rounds,
                "first_page_s": round(first_page_s, 2)}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
