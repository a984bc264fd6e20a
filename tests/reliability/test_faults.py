"""The database killed (kill -9) in the middle of an edit, a resolution and a restore: after a restart
the data is as it was before the operation or after it, never in between. And what survives a restart:
the data, the users, and the end of sessions that were ended.

The kill comes while a loop of operations runs, so wherever it lands the check is the same: no
timing is asserted, only that every operation is whole or absent. (The killed import is in
tests/e2e/test_import_safety.py.)"""
from __future__ import annotations

import secrets
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from importers.run import import_paths
from kb import dump, server
from tests.conftest import KARAMAY, ManagedServer
from tests.e2e.conftest import csrf_token, login

pytestmark = pytest.mark.e2e

STATS = KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"
FIELDS = ("scope", "remarks", "unit")


def _restart(srv: ManagedServer) -> None:
    """Start the killed server again; its port may stay held for a moment after the process is gone."""
    srv.graph.close()
    for attempt in range(60):
        try:
            srv.start()
            return
        except server.ServerError as exc:
            if "占用" not in str(exc) or attempt == 59:  # the port is still held
                raise
            time.sleep(1)


def _app(srv: ManagedServer, secret: str):
    from webui import create_app

    return create_app({"KB_GRAPH": srv.graph, "TESTING": True, "SECRET_KEY": secret})


def _kill_after(srv: ManagedServer, done: list, enough: int, stop: threading.Event) -> threading.Thread:
    def watch() -> None:
        while len(done) < enough and not stop.is_set():
            stop.wait(0.05)
        server.kill(srv.settings)
        stop.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def _edit_until_killed(client, srv: ManagedServer, key: str, url: str, done: list, stop: threading.Event) -> None:
    """Edits of three fields at once, one after another, until the database dies under them."""
    for i in range(10_000):
        try:
            page = client.get(url)
            if page.status_code != 200:
                return
            stored = srv.graph.read("MATCH (p:Power {key: $k}) RETURN properties(p) AS p", k=key)[0]["p"]
            data = {f: stored.get(f) or "" for f in ("name", "type", "level", "unit", "scope", "basis_text",
                                                      "duty_statement", "responsibility_text",
                                                      "responsibility_basis_text", "remarks")}
            data = data | {f"was_{f}": v for f, v in data.items()} | {f: f"edit {i}" for f in FIELDS}
            data["csrf_token"] = csrf_token(page.get_data(as_text=True))
            data["reason"] = f"故障测试 {i}"  # every change asks for a reason
            if client.post(url, data=data).status_code == 302:
                done.append(i)
        except Exception:  # noqa: BLE001 - the database died under the request: what it left is checked
            return


def test_an_edit_is_whole_or_absent_after_a_kill(scratch_server: ManagedServer) -> None:
    from webui.users import add_user

    srv = scratch_server
    import_paths(srv.graph, [STATS], progress=False)
    add_user(srv.graph, "fault-editor", "fault-password-1", "editor")
    client = _app(srv, secrets.token_hex(16)).test_client()
    assert login(client, "fault-editor", "fault-password-1").status_code == 302
    key = srv.graph.read("MATCH (p:Power) RETURN p.key AS k ORDER BY k LIMIT 1")[0]["k"]
    url = f"/edit/power/{quote(key, safe='')}"
    done: list[int] = []
    stop = threading.Event()
    watcher = _kill_after(srv, done, 5, stop)
    try:
        _edit_until_killed(client, srv, key, url, done, stop)
    finally:
        stop.set()
        watcher.join(60)
        _restart(srv)
    row = srv.graph.read("MATCH (p:Power {key: $k}) RETURN [f IN $fields | p[f]] AS values, "
                         "COUNT { (:Edit)-[:EDITS]->(p) } AS edits", k=key, fields=list(FIELDS))[0]
    assert len(done) >= 5
    assert len(set(row["values"])) == 1, row  # the three fields come from one edit, whichever
    last = int(row["values"][0].split()[-1])
    assert last in (done[-1], done[-1] + 1), (last, done[-1])  # the last one confirmed, or one in flight
    assert row["edits"] == 3 * (last + 1), row  # every edit's audit trail, whole
    # and the data, users and the editor's login survive the restart
    assert dump.stats(srv.graph)["nodes"]["Power"] == 3
    from webui.users import check_login

    assert check_login(srv.graph, "fault-editor", "fault-password-1")["role"] == "editor"


def test_a_resolution_is_whole_or_absent_after_a_kill(scratch_server: ManagedServer) -> None:
    """`kb overlaps resolve`'s write, run in a loop by a process of its own, the server killed under it."""
    srv = scratch_server
    script = (
        "import sys\n"
        "from kb.analyses import resolutions\n"
        "from kb.analyses.findings import Finding\n"
        "from kb.config import load_settings\n"
        "from kb.db import Graph\n"
        "g = Graph.from_settings(load_settings())\n"
        "for i in range(100000):\n"
        "    f = Finding(id=f'f{i}', kind='shared_article', jurisdiction='甲市', level='city',\n"
        "                departments=['甲局', '乙局'], powers=['p1', 'p2'], score=1.0, summary='s', evidence=[{'article': 'a'}],\n"
        "                keys=[f'k{i}', 'j'])\n"
        "    resolutions._write(g, f, 'resolved', '甲局', ['乙局'], '依据第' + str(i) + '号', 'fault-test')\n"
        "    print(i, flush=True)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], env=srv.env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    seen = 0
    for line in proc.stdout:
        seen = int(line.split()[0]) + 1
        if seen >= 20:
            break
    server.kill(srv.settings)
    rest, err = proc.communicate(timeout=120)
    _restart(srv)
    assert seen >= 20, err
    confirmed = seen + len(rest.split())
    rows = srv.graph.read("MATCH (f:Finding) RETURN f.id AS id, f.lead AS lead, f.cooperating AS co, "
                          "f.basis AS basis, f.status AS status, size(f.history) AS h")
    assert confirmed <= len(rows) <= confirmed + 1  # every confirmed one, and at most the one in flight
    for r in rows:
        i = r["id"][1:]
        assert (r["status"], r["lead"], r["co"], r["basis"], r["h"]) == ("resolved", "甲局", ["乙局"],
                                                                          f"依据第{i}号", 1), r


def _everything(graph) -> dict:
    return graph.read("CALL { MATCH (n) WHERE NOT n:KbMeta RETURN count(n) AS nodes } "
                      "CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels")[0]


def test_a_restore_is_whole_or_absent_after_a_kill(loaded, scratch_server: ManagedServer, tmp_path: Path) -> None:
    srv = scratch_server
    path = tmp_path / "all.jsonl.gz"
    after = dump.export(loaded, path)
    import_paths(srv.graph, [STATS], progress=False)
    before = _everything(srv.graph)
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "restore", "--reset", str(path)], env=srv.env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while proc.poll() is None and not srv.graph.read("MATCH (n:KbRestore) RETURN count(n) AS n")[0]["n"]:
        pass  # until the first batch of restored nodes has committed
    running = proc.poll() is None
    server.kill(srv.settings)
    proc.communicate(timeout=300)
    _restart(srv)
    assert running, "the restore finished before the kill"
    now = _everything(srv.graph)
    assert now in (before, {"nodes": after["nodes"], "rels": after["relationships"]}), (before, now, after)


def test_sessions_ended_before_a_crash_stay_ended_and_live_ones_survive(scratch_server: ManagedServer) -> None:
    from webui.users import add_user

    srv = scratch_server
    secret = secrets.token_hex(16)
    add_user(srv.graph, "fault-a", "password-a-1", "editor")
    add_user(srv.graph, "fault-b", "password-b-1", "viewer")
    ended, live = _app(srv, secret).test_client(), _app(srv, secret).test_client()
    assert login(ended, "fault-a", "password-a-1").status_code == 302
    assert login(live, "fault-b", "password-b-1").status_code == 302
    stolen = ended.get_cookie("session").value
    ended.post("/logout", data={"csrf_token": csrf_token(ended.get("/").get_data(as_text=True))})
    server.kill(srv.settings)
    _restart(srv)
    app = _app(srv, secret)  # the same KB_SECRET_KEY, a new process's app
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/login.json").get_json()["user"] is None
    survivor = app.test_client()
    survivor.set_cookie("session", live.get_cookie("session").value)
    assert survivor.get("/login.json").get_json()["user"]["name"] == "fault-b"
