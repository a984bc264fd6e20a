"""kb/readonly.py: untrusted Cypher runs read-only, checked by EXPLAIN, under a timeout and a row cap."""
from __future__ import annotations

import pytest

from kb import readonly

pytestmark = pytest.mark.e2e

SEED = """
UNWIND range(1, 30) AS i
CREATE (:Department {name: 'dept-' + i})-[:HOLDS]->(:Power {key: 'p-' + i, name: 'power ' + i, current: true})
"""

FINGERPRINT = """
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL { MATCH (n) UNWIND keys(n) AS k RETURN count(k) AS properties }
CALL { MATCH (n) UNWIND labels(n) AS l RETURN count(l) AS labels }
RETURN nodes, relationships, properties, labels
"""


@pytest.fixture
def graph(scratch):
    scratch.write(SEED)
    return scratch


def fingerprint(graph):
    return graph.read(FINGERPRINT)[0], sorted(r["name"] for r in graph.read("SHOW INDEXES YIELD name"))


REFUSED = {
    "write": ["CREATE (n:Power {key: 'x'}) RETURN n", "MATCH (p:Power) SET p.name = 'changed'",
              "MERGE (d:Department {name: 'new'})", "MATCH (p:Power) DETACH DELETE p",
              "MATCH (p:Power) REMOVE p.name", "MATCH (p:Power) CALL { WITH p DELETE p } IN TRANSACTIONS",
              "MATCH (p:Power {key: 'p-1'}) FOREACH (x IN [1] | SET p.name = 'y')"],
    "schema": ["CREATE INDEX sneaky IF NOT EXISTS FOR (n:Power) ON (n.sneaky)",
               "CREATE CONSTRAINT sneaky IF NOT EXISTS FOR (n:X) REQUIRE n.k IS UNIQUE",
               "DROP INDEX kb_fulltext"],
    "admin": ["SHOW USERS", "CREATE USER mallory SET PASSWORD 'secret-password-1'",
              "ALTER USER neo4j SET PASSWORD 'secret-password-2'", "SHOW ROLES", "CREATE DATABASE other",
              "GRANT ROLE admin TO mallory"],
    "load_csv": ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
                 "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row"],
    "procedure": ["CALL dbms.listConfig()", "CALL dbms.components()", "CALL db.stats.retrieve('GRAPH COUNTS')",
                  "CALL dbms.killQueries(['query-1'])", "CALL apoc.load.json('file:///etc/passwd')"],
    "operator": ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "SHOW TRANSACTIONS", "SHOW SETTINGS"],
}


@pytest.mark.parametrize("reason,cypher", [(r, c) for r, cs in REFUSED.items() for c in cs])
def test_refused_and_the_database_is_unchanged(graph, reason, cypher):
    before = fingerprint(graph)
    with pytest.raises((readonly.Refused, readonly.QueryFailed)) as caught:
        readonly.run(graph, cypher)
    after = fingerprint(graph)
    assert after == before
    assert str(caught.value)  # a message for the user
    if isinstance(caught.value, readonly.Refused) and reason != "procedure":
        assert caught.value.reason in (reason, "syntax", "admin", "write", "schema", "operator")


def test_each_refusal_says_why(graph):
    def reason(cypher: str) -> str:
        with pytest.raises(readonly.Refused) as caught:
            readonly.run(graph, cypher)
        return caught.value.reason

    assert reason("CREATE (n:X)") == "write"
    assert reason("CREATE INDEX i2 IF NOT EXISTS FOR (n:X) ON (n.y)") == "schema"
    assert reason("SHOW USERS") == "admin"
    assert reason("LOAD CSV FROM 'file:///etc/hosts' AS r RETURN r") == "load_csv"
    assert reason("CALL dbms.listConfig()") == "procedure"
    assert reason("TERMINATE TRANSACTIONS 'x'") == "operator"
    assert reason("MATC (n) RETURN n") == "syntax"
    assert reason("   ") == "empty"
    assert reason("PROFILE MATCH (n) RETURN n") == "syntax"
    with pytest.raises(readonly.Refused) as caught:
        readonly.run(graph, "CALL dbms.listConfig()")
    assert "dbms.listConfig" in str(caught.value) and "允许清单" in str(caught.value)


def test_reads_and_allowed_procedures_run(graph):
    result = readonly.run(graph, "MATCH (d:Department)-[:HOLDS]->(p:Power) RETURN d.name AS dept, p.name AS power "
                                 "ORDER BY power LIMIT 5")
    assert result.columns == ["dept", "power"] and len(result.records) == 5 and not result.truncated
    labels = readonly.run(graph, "CALL db.labels()")
    assert {r["label"] for r in labels.records} >= {"Department", "Power"}
    assert readonly.run(graph, "SHOW INDEXES YIELD name RETURN name").records
    params = readonly.run(graph, "MATCH (p:Power {key: $key}) RETURN p.name AS name", {"key": "p-3"})
    assert params.records[0]["name"] == "power 3"


def test_row_cap_fetches_one_more_to_say_truncated(graph):
    capped = readonly.run(graph, "UNWIND range(1, 50) AS x RETURN x", row_cap=10)
    assert len(capped.records) == 10 and capped.truncated and capped.row_cap == 10
    exact = readonly.run(graph, "UNWIND range(1, 10) AS x RETURN x", row_cap=10)
    assert len(exact.records) == 10 and not exact.truncated
    default = readonly.run(graph, "UNWIND range(1, 5000) AS x RETURN x")
    assert len(default.records) == readonly.DEFAULT_ROW_CAP == 1000 and default.truncated


def test_a_slow_query_times_out(graph):
    with pytest.raises(readonly.QueryFailed) as caught:
        readonly.run(graph, "UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN count(*)", timeout=1.0)
    assert caught.value.reason == "timeout" and "超过1秒" in str(caught.value)
    assert readonly.DEFAULT_TIMEOUT == 5.0


def test_the_session_is_read_only_even_without_the_check(graph):
    """The second lock: READ access mode makes the server refuse a write that the EXPLAIN let through."""
    import neo4j

    with graph.session(read_only=True) as session, pytest.raises(neo4j.exceptions.Neo4jError):
        session.run("CREATE (:Sneaky)").consume()
    assert graph.read("MATCH (n:Sneaky) RETURN count(n) AS n")[0]["n"] == 0
