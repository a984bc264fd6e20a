"""The managed server: started by the project, private per KB_HOME, authentication on."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import KARAMAY, ManagedServer, free_port


def kb(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def test_status_answers_for_a_running_server(scratch_server: ManagedServer) -> None:
    proc = kb(scratch_server.env, "db", "status")
    assert proc.returncode == 0 and scratch_server.env["NEO4J_URI"] in proc.stdout


def test_status_fails_where_nothing_runs() -> None:
    env = {**os.environ, "KB_HOME": tempfile.mkdtemp(), "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}"}
    env.pop("NEO4J_PASSWORD", None)
    assert kb(env, "db", "status").returncode == 1
    assert "没有运行" in kb(env, "db", "stop").stdout


def test_start_again_says_it_is_running(scratch_server: ManagedServer) -> None:
    proc = kb(scratch_server.env, "db", "start")
    assert proc.returncode == 0 and "Neo4j 已在 " in proc.stdout and " 运行（KB_HOME" in proc.stdout


def test_local_config_is_private_and_server_is_locked_down(scratch_server: ManagedServer) -> None:
    mode = stat.S_IMODE((scratch_server.home / "kb.toml").stat().st_mode)
    assert mode == 0o600
    conf = (scratch_server.home / "neo4j" / "conf" / "neo4j.conf").read_text()
    assert "dbms.security.allow_csv_import_from_file_urls=false" in conf
    assert "server.default_listen_address=127.0.0.1" in conf
    assert "dbms.security.auth_enabled=true" in conf
    assert (scratch_server.home / "neo4j" / "logs" / "neo4j.log").exists()


def test_initial_password_never_was_on_a_command_line(scratch_server: ManagedServer) -> None:
    """It went to neo4j-admin in a 0600 argument file, deleted at once; a password with quotes, a
    space, a backslash and # (the test servers' own) arrived intact: the fixture logged in with it."""
    assert any(ch in scratch_server.settings.password for ch in '"# \\')
    assert scratch_server.graph.read("RETURN 1 AS one") == [{"one": 1}]
    assert not list((scratch_server.home / "neo4j" / "run").glob("*.args"))


def test_wrong_password_is_refused(scratch_server: ManagedServer) -> None:
    env = {**scratch_server.env, "NEO4J_PASSWORD": "wrong", "NEO4J_URI": scratch_server.env["NEO4J_URI"]}
    proc = kb(env, "stats")
    assert proc.returncode != 0 and "拒绝登录" in proc.stderr


def test_external_server_is_used_not_managed(scratch_server: ManagedServer) -> None:
    env = {**scratch_server.env, "NEO4J_PASSWORD": scratch_server.settings.password,
           "KB_HOME": tempfile.mkdtemp()}
    assert "外部服务器" in kb(env, "db", "start").stdout
    assert "外部服务器" in kb(env, "db", "stop").stdout
    assert kb(env, "db", "status").returncode == 0
    assert kb(env, "stats", "--json").returncode == 0
    # the work itself, against the server kb did not start: an import, its findings, a page
    imported = kb(env, "import", "--json", str(KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"))
    assert imported.returncode == 0, imported.stderr
    powers = scratch_server.graph.read("MATCH (p:Power) WHERE p.current RETURN count(p) AS n")[0]["n"]
    assert powers == 3
    checked = kb(env, "check", "gaps", "--json")
    assert checked.returncode == 0, checked.stderr
    assert not (Path(env["KB_HOME"]) / "neo4j").exists()  # nothing of a managed server was made


def test_cypher_runs_with_csv_import_from_files_disabled(scratch_server: ManagedServer) -> None:
    g = scratch_server.graph
    try:
        g.read("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1")
    except Exception as exc:  # noqa: BLE001
        assert "file" in str(exc).lower()
    else:
        raise AssertionError("LOAD CSV from a local file was allowed")


def test_rows_read_are_what_the_driver_gives_for_every_kind_of_value(loaded) -> None:
    """Graph.read, write and stream build each row themselves (kb.db.plain_row: the driver's
    Record.data() tests every value against abstract classes, a third of an analysis's Python time):
    the rows are the driver's own for nodes, relationships, paths, dates, points, durations, nested
    lists and maps, and nulls."""
    from kb.db import plain_row

    query = """
    MATCH path = (p:Power)-[r:CITES]->(l:Law) WITH path, p, r, l LIMIT 20
    RETURN p, r, l, path, [path] AS paths, p.key AS key, p.source_row AS row, 2.5 AS x, true AS yes, null AS none,
           [1, 'a', null, {d: date('2024-05-01'), t: datetime('2024-05-01T10:00:00Z'), n: p, rs: [r]}] AS nested,
           {name: p.name, law: l, at: point({x: 1.0, y: 2.0}), long: duration('P1DT2H')} AS map
    """
    records, _, _ = loaded.driver.execute_query(query, database_=loaded.database)
    assert len(records) == 20
    for record in records:
        row = plain_row(record)
        assert row == record.data()
        assert isinstance(row["p"], dict) and row["p"]["key"] == row["key"]
        assert row["nested"][3]["n"] == row["p"] and row["map"]["law"] == row["l"]
    assert loaded.read(query)[0] == records[0].data()
    assert next(loaded.stream(query)) == records[0].data()


def test_the_server_runs_with_the_heap_and_flags_kb_toml_sets(scratch_server: ManagedServer) -> None:
    """The JVM is started without Neo4j's launcher, so kb passes the heap itself: before, the server took
    a quarter of the machine's memory whatever kb.toml said."""
    from kb.server import jvm_size

    jmx = {r["name"]: r["attributes"] for r in scratch_server.graph.read(
        "CALL dbms.queryJmx('java.lang:type=*') YIELD name, attributes "
        "WHERE name IN ['java.lang:type=Memory', 'java.lang:type=Runtime'] RETURN name, attributes")}
    heap = jmx["java.lang:type=Memory"]["HeapMemoryUsage"]["value"]["properties"]["max"]
    wanted = int(jvm_size(scratch_server.settings.server["heap_max"])[:-1]) * 2**20
    assert abs(heap - wanted) <= wanted * 0.05, (heap, wanted)
    arguments = jmx["java.lang:type=Runtime"]["InputArguments"]["value"]
    assert scratch_server.settings.server["jvm_options"].split()[0] in arguments


def test_the_server_keeps_transaction_logs_by_size_not_for_days(scratch_server: ManagedServer) -> None:
    """Neo4j keeps its transaction logs two days by default: a province imported twice in that time (about
    15 GB of logs each) filled the disk. The running server keeps what kb.toml says, by size."""
    kept = scratch_server.graph.read(
        "SHOW SETTINGS YIELD name, value WHERE name = 'db.tx_log.rotation.retention_policy' RETURN value")
    assert kept == [{"value": scratch_server.settings.server["transaction_logs"]}]
    assert kept[0]["value"].endswith("size")


def test_the_server_plans_again_as_kb_toml_says(scratch_server: ManagedServer) -> None:
    """How long a plan is kept before changed statistics may have it planned again: Neo4j's 10 s by default, the
    test servers an hour (each test empties and fills the scratch server)."""
    from kb.config import DEFAULT_SERVER_SETTINGS

    kept = scratch_server.graph.read(
        "SHOW SETTINGS YIELD name, value WHERE name = 'dbms.cypher.min_replan_interval' RETURN value")
    assert kept == [{"value": "1h"}] and scratch_server.settings.server["replan_interval"] == "1h"
    assert DEFAULT_SERVER_SETTINGS["replan_interval"] == "10s"
    sampled = scratch_server.graph.read(
        "SHOW SETTINGS YIELD name, value WHERE name = 'db.index_sampling.background_enabled' RETURN value")
    assert sampled == [{"value": "false"}] and DEFAULT_SERVER_SETTINGS["index_sampling"] == "true"
    # (an internal setting: SHOW SETTINGS does not list it, the server's configuration file says it)
    conf = (scratch_server.home / "neo4j" / "conf" / "neo4j.conf").read_text()
    assert "internal.cypher.use_parameter_size=false" in conf.splitlines()
    assert DEFAULT_SERVER_SETTINGS["plan_by_list_size"] == "true"


def test_a_replan_interval_or_sampling_switch_kb_toml_gets_wrong_is_refused_before_the_server_starts() -> None:
    from kb.server import ServerError, _duration, _switch

    assert (_duration("10s", "x"), _duration("1H", "x"), _switch(True, "x"), _switch("False", "x")) == ("10s", "1h", "true", "false")
    for bad in ("10 sec", "soon", ""):
        with pytest.raises(ServerError, match="replan_interval"):
            _duration(bad, "replan_interval")
    with pytest.raises(ServerError, match="index_sampling"):
        _switch("yes", "index_sampling")


def test_sizes_as_kb_toml_writes_them_become_the_jvms() -> None:
    from kb.server import ServerError, jvm_size

    assert [jvm_size(v) for v in ("512m", "4g", "1.5g", "2GiB", "6G")] == ["512m", "4096m", "1536m", "2048m", "6144m"]
    with pytest.raises(ServerError, match="lots"):
        jvm_size("lots")
