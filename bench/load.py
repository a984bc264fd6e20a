"""A bounded load test of the browser: `kb serve` (waitress) on 127.0.0.1 over a private Neo4j holding
the Karamay lists, driven by threads of our own (concurrent.futures + urllib), in two phases of the
same mix of page views, searches, saved queries and edits: first alone, then with clients sending
hostile console queries. Prints p50/p95 per kind, the 5xx and the edits confirmed but not stored.

    python bench/load.py [--seconds 30] [--workers 6] [--hostile 3] [--json]

Run by `make reliability`; its figures are in docs/reliability.md."""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import KARAMAY, ManagedServer, free_port
from tests.reliability.hostile import HOSTILE

HEAVY = ["MATCH (a), (b), (c) RETURN count(*)", "MATCH p = (a)-[*1..8]-(b) RETURN count(p)",
         "UNWIND range(1, 100000000) AS x RETURN sum(x)", "MATCH (n) RETURN n", "MATCH (a)--(b)--(c)--(d) RETURN count(*)",
         "RETURN reduce(s = '', x IN range(1, 10000000) | s + 'x')"]


class Client:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  _NoRedirect())

    def send(self, path: str, data: dict | None = None) -> tuple[int, float, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        started = time.monotonic()
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as resp:
                text, status = resp.read().decode("utf-8", "replace"), resp.status
        except urllib.error.HTTPError as exc:
            text, status = exc.read().decode("utf-8", "replace"), exc.code
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            text, status = str(exc), 599
        return status, time.monotonic() - started, text


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def token(html: str) -> str:
    m = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    return m.group(1) if m else ""


def run(seconds: float, workers: int, hostile_workers: int) -> dict:
    srv = ManagedServer("load").start()
    from importers.run import import_paths
    from webui.users import add_user

    import_paths(srv.graph, [KARAMAY], progress=False)
    g = srv.graph
    powers = [r["k"] for r in g.read("MATCH (p:Power) WHERE p.current RETURN p.key AS k ORDER BY k LIMIT 200")]
    departments = [r["n"] for r in g.read("MATCH (d:Department) RETURN d.name AS n")]
    password = secrets.token_urlsafe(12)
    add_user(g, "load-editor", password, "editor")
    port = free_port()
    env = {**srv.env, "KB_SECRET_KEY": secrets.token_hex(16)}
    web = subprocess.Popen([sys.executable, "-m", "kb.cli", "serve", "--port", str(port), "--threads", "8"],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if Client(base).send("/login")[0] == 200:
                break
            time.sleep(0.5)
        from queries import loader

        saved = [f"/queries/{q.area}/{q.name}" + ("?run=1" if q.params else "") for q in loader.load_all()][:20]
        editor = Client(base)
        editor.send("/login", {"name": "load-editor", "password": password, "next": "/",
                               "csrf_token": token(editor.send("/login")[2])})
        edit_key = powers[0]
        confirmed: list[str] = []

        def page(rng: random.Random) -> tuple[str, str]:
            kind = rng.choice(["page", "page", "page", "search", "saved"])
            if kind == "page":
                return kind, rng.choice(["/", "/powers", "/laws", "/departments", "/reports",
                                         "/powers/" + urllib.parse.quote(rng.choice(powers), safe=""),
                                         "/departments/" + urllib.parse.quote(rng.choice(departments), safe="")])
            if kind == "search":
                # a lone surrogate among the hostile strings goes as its raw bytes (%ED%A0%BD), as a browser would
                return kind, "/search?" + urllib.parse.urlencode({"q": rng.choice(["许可", "处罚", "道路运输", "检查",
                                                                                  rng.choice(HOSTILE)[:200]])},
                                                                 errors="surrogatepass")
            return kind, rng.choice(saved)

        def edit(n: int) -> tuple[int, float]:
            status, _, html = editor.send("/edit/power/" + urllib.parse.quote(edit_key, safe=""))
            stored = g.read("MATCH (p:Power {key: $k}) RETURN properties(p) AS p", k=edit_key)[0]["p"]
            fields = ("name", "type", "level", "unit", "scope", "basis_text", "duty_statement",
                      "responsibility_text", "responsibility_basis_text", "remarks")
            data = {f: stored.get(f) or "" for f in fields}
            data |= {f"was_{f}": v for f, v in data.items()}
            value = f"load edit {n} {secrets.token_hex(3)}"
            data |= {"remarks": value, "csrf_token": token(html), "reason": f"负载测试 {n}"}  # every change has a reason
            status, took, _ = editor.send("/edit/power/" + urllib.parse.quote(edit_key, safe=""), data)
            if status == 302:
                confirmed.append(value)
            return status, took

        def phase(name: str, hostile: int) -> dict:
            samples: dict[str, list[float]] = {}
            statuses: dict[str, dict[int, int]] = {}
            stop = time.monotonic() + seconds

            def record(kind: str, status: int, took: float) -> None:
                samples.setdefault(kind, []).append(took)
                statuses.setdefault(kind, {}).setdefault(status, 0)
                statuses[kind][status] += 1

            def reader(i: int) -> None:
                rng, client = random.Random(i), Client(base)
                while time.monotonic() < stop:
                    kind, path = page(rng)
                    status, took, _ = client.send(path)
                    record(kind, status, took)

            def editing() -> None:
                n = 0
                while time.monotonic() < stop:
                    status, took = edit(n)
                    record("edit", status, took)
                    n += 1

            def attacker(i: int) -> None:
                rng, client = random.Random(100 + i), Client(base)
                while time.monotonic() < stop:
                    cypher = rng.choice(HEAVY + HOSTILE[:20])
                    status, took, _ = client.send("/console.json?" + urllib.parse.urlencode({"cypher": cypher}, errors="surrogatepass"))
                    record("console (hostile)", status, took)
                    if status == 429:
                        time.sleep(0.5)

            with ThreadPoolExecutor(workers + hostile + 1) as pool:
                jobs = [pool.submit(reader, i) for i in range(workers)] + [pool.submit(editing)]
                jobs += [pool.submit(attacker, i) for i in range(hostile)]
                for j in jobs:
                    j.result()
            out = {}
            for kind, times in sorted(samples.items()):
                times.sort()
                out[kind] = {"requests": len(times), "p50_ms": round(1000 * statistics.median(times)),
                             "p95_ms": round(1000 * times[int(0.95 * (len(times) - 1))]),
                             "statuses": dict(sorted(statuses[kind].items()))}
            return {"phase": name, "seconds": seconds, "kinds": out,
                    "5xx": sum(n for s in statuses.values() for c, n in s.items() if c >= 500)}

        warm = Client(base)  # the findings are computed on the first report page: not on the clock
        for path in ("/", "/reports", "/reports/overlaps", "/reports/gaps", "/powers", "/laws", "/departments"):
            warm.send(path)
        results = [phase("normal", 0), phase("with hostile console queries", hostile_workers)]
        stored = g.read("MATCH (e:Edit)-[:EDITS]->(:Power {key: $k}) WHERE e.field = 'remarks' "
                        "RETURN collect(e.after) AS a", k=edit_key)[0]["a"]
        lost = [v for v in confirmed if v not in stored]
        final = g.read("MATCH (p:Power {key: $k}) RETURN p.remarks AS r", k=edit_key)[0]["r"]
        return {"phases": results, "edits_confirmed": len(confirmed), "edits_lost": len(lost),
                "last_edit_stored": bool(confirmed) and final == confirmed[-1], "web_threads": 8,
                "readers": workers, "attackers": hostile_workers}
    finally:
        web.terminate()
        web.wait(30)
        srv.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("KB_LOAD_SECONDS") or 30))
    parser.add_argument("--workers", type=int, default=6)
    parser.add_argument("--hostile", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.seconds, args.workers, args.hostile)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    for ph in result["phases"]:
        print(f"\n{ph['phase']} ({ph['seconds']:.0f} s, {result['readers']} readers, 1 editor"
              + (f", {result['attackers']} hostile console clients" if "hostile" in ph["phase"] else "") + ")")
        print(f"  {'kind':<20} {'requests':>8} {'p50 ms':>7} {'p95 ms':>7}  statuses")
        for kind, k in ph["kinds"].items():
            print(f"  {kind:<20} {k['requests']:>8} {k['p50_ms']:>7} {k['p95_ms']:>7}  {k['statuses']}")
        print(f"  5xx: {ph['5xx']}")
    print(f"\nedits confirmed: {result['edits_confirmed']}, lost: {result['edits_lost']}, "
          f"last one stored: {result['last_edit_stored']}")
    bad = any(ph["5xx"] for ph in result["phases"]) or result["edits_lost"]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
