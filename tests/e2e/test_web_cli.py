"""The browser's commands: `kb serve`, `kb user add`, `kb bench`."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def kb(env: dict, *args: str, input_text: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=env, capture_output=True, text=True,
                          input=input_text, timeout=timeout, check=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_prints_its_url_and_serves_the_pages(loaded_server):
    port = free_port()
    env = {**loaded_server.env, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "kb.cli", "serve", "--port", str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith(f"kb 浏览器界面：http://127.0.0.1:{port}/（按 Ctrl-C 停止）"), line
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
                    body = response.read().decode()
                    server = response.headers.get("Server", "")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        assert "权责清单知识库" in body and server == "kb"  # waitress, with its ident
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/.json", timeout=10) as response:
            assert json.loads(response.read())["counts"]["powers"] > 2000
    finally:
        process.terminate()
        process.wait(timeout=30)


def _children(pid: int) -> set[int]:
    tasks = Path(f"/proc/{pid}/task")
    return {int(c) for t in tasks.iterdir() for c in (t / "children").read_text().split()} if tasks.exists() else set()


def test_serve_with_processes_shares_one_port_and_stops_whole(loaded_server):
    import concurrent.futures

    port = free_port()
    env = {**loaded_server.env, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "kb.cli", "serve", "--port", str(port), "--processes", "2"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith(f"kb 浏览器界面：http://127.0.0.1:{port}/（按 Ctrl-C 停止），2 个进程"), line
        deadline = time.monotonic() + 10
        while not (children := _children(process.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(children) == 1, children  # the second serving process, forked on the same socket

        def page(_: int) -> tuple[int, str]:
            deadline = time.monotonic() + 30
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/powers", timeout=30) as response:
                        return response.status, response.read().decode()
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            answers = list(pool.map(page, range(24)))
        assert all(status == 200 and "权力" in body for status, body in answers)
    finally:
        process.terminate()
        process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{c}").exists() and "zombie" not in Path(f"/proc/{c}/status").read_text()
              for c in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [c for c in children if Path(f"/proc/{c}").exists()
                and "zombie" not in Path(f"/proc/{c}/status").read_text()]  # its children stopped with it


def test_user_add_with_a_password_or_a_prompt(loaded_server, loaded):
    env = loaded_server.env
    try:
        made = kb(env, "user", "add", "cli-editor", "--role", "editor", "--password", "long-enough-1")
        assert made.returncode == 0, made.stderr
        assert "已创建用户 cli-editor（角色 editor）" in made.stdout
        prompted = kb(env, "user", "add", "cli-admin", "--role", "admin",
                      input_text="long-enough-2\nlong-enough-2\n")
        assert prompted.returncode == 0, prompted.stderr
        rows = {r["name"]: r for r in loaded.read(
            "MATCH (u:User) WHERE u.name IN ['cli-editor', 'cli-admin'] RETURN u.name AS name, u.role AS role, "
            "u.password_hash AS hash")}
        assert rows["cli-editor"]["role"] == "editor" and rows["cli-admin"]["role"] == "admin"
        # No password hash in the graph (the console can read the graph); a private file holds them.
        assert rows["cli-editor"]["hash"] is None
        from webui.users import credentials_path

        creds = credentials_path()
        assert oct(creds.stat().st_mode & 0o777) == "0o600"
        stored = json.loads(creds.read_text(encoding="utf-8"))
        assert "long-enough" not in stored["cli-editor"] and stored["cli-editor"].startswith(("scrypt", "pbkdf2"))
        short = kb(env, "user", "add", "cli-short", "--password", "short")
        assert short.returncode != 0 and "密码至少需要 8 个字符" in short.stderr
        listed = kb(env, "user", "list")
        assert "cli-editor\teditor" in listed.stdout
        again = kb(env, "user", "add", "cli-editor", "--role", "viewer", "--password", "long-enough-3")
        assert "已更新用户 cli-editor（角色 viewer）" in again.stdout
    finally:
        loaded.write("MATCH (u:User) WHERE u.name STARTS WITH 'cli-' DETACH DELETE u")


def test_bench_prints_median_and_p95_per_page(loaded_server):
    result = kb(loaded_server.env, "bench", "--rounds", "2", "--json", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout)
    pages = {row["page"]: row for row in figures["pages"]}
    assert {"dashboard", "power", "search 2 chars", "graph depth 2", "report overlaps", "saved query"} <= set(pages)
    assert all(row["status"] == 200 and row["p95_ms"] >= row["median_ms"] > 0 for row in pages.values())
    # the power page of many powers, one after another (the typical one measures one of them only)
    assert pages["powers one by one"]["urls"] > 1 and pages["power"]["urls"] == 1


def test_bench_with_clients_counts_refusals_apart_from_the_times(loaded_server):
    """`kb bench --clients`: a refusal (the console's one run at a time per address, which the clients
    share) is counted, not timed; the text names the column."""
    result = kb(loaded_server.env, "bench", "--clients", "2", "--rounds", "2", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    header = next(line for line in result.stdout.splitlines() if line.startswith("页面"))
    assert "拒绝" in header and "出错" in header
    # 页面 中位数 p95 最长 拒绝 出错 示例 (a page's name may hold a space: 关系图（深度 1）)
    rows = {r[0]: r[1:] for r in (line.rsplit(maxsplit=6) for line in result.stdout.splitlines() if " /" in line)}
    assert {"首页", "权力", "关系图（深度 2）", "控制台", "已保存的查询"} <= set(rows), rows.keys()
    assert all(r[4] == "0" for r in rows.values())  # no errors
    assert all(r[3] == "0" for name, r in rows.items() if name not in ("控制台", "已保存的查询")), rows
