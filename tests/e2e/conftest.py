"""Fixtures of the browser's e2e tests: the app on the loaded database, a client, a logged-in editor."""
from __future__ import annotations

import re
import secrets
from collections.abc import Iterator

import pytest

from kb.db import Graph


@pytest.fixture(scope="session")
def web_app(loaded: Graph):
    """The app on the loaded data with its findings stored (as `kb import` leaves them), computing
    nothing in the background (tests of that make an app of their own)."""
    from kb.analyses import stored
    from webui import create_app

    if stored.is_stale(loaded):
        stored.refresh(loaded)
    # Every test client is 127.0.0.1: the per-client limit of failed logins would make the tests that
    # fail logins on purpose lock out the others (the limits have an app of their own in their tests).
    # A saved query that takes 13 ms here once took over the 5 s limit on a loaded CI machine: the limit
    # is not what these tests are about (the timeout's own tests make apps with a 1 s limit).
    return create_app({"KB_GRAPH": loaded, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                       "KB_BACKGROUND_FINDINGS": False, "KB_LOGIN_FAILURES_PER_CLIENT": 100_000,
                       "KB_QUERY_TIMEOUT": 120})


@pytest.fixture
def client(web_app):
    return web_app.test_client()


@pytest.fixture(scope="session")
def samples(loaded: Graph) -> dict[str, str]:
    """One real key of every kind of page, chosen from the loaded data."""
    row = loaded.read("""
    CALL { MATCH (d:Department)-[:HOLDS]->(p:Power) WITH d, count(p) AS n ORDER BY n DESC LIMIT 1
           RETURN d.name AS department }
    CALL { MATCH (p:Power)-[:BASED_ON]->(a:Article) WHERE p.current AND (p)-[:HAS_RESPONSIBILITY]->()
           AND (p)-[:HANDLED_BY]->() WITH p ORDER BY p.key LIMIT 1 RETURN p.key AS power, p.name AS power_name }
    CALL { MATCH (a:Article)<-[:BASED_ON {field: 'basis'}]-(p:Power) WITH a, count(DISTINCT p.department) AS n
           ORDER BY n DESC, a.key LIMIT 1 RETURN a.key AS article }
    CALL { MATCH (l:Law) WHERE l.loaded RETURN l.key AS law ORDER BY l.key LIMIT 1 }
    CALL { MATCH (t:Thing) RETURN t.key AS thing ORDER BY t.key LIMIT 1 }
    CALL { MATCH (j:Jurisdiction)<-[:IN_JURISDICTION]-(:Department) RETURN j.name AS jurisdiction LIMIT 1 }
    CALL { MATCH (r:Responsibility) RETURN r.key AS responsibility ORDER BY r.key LIMIT 1 }
    CALL { MATCH (u:Unit) RETURN u.key AS unit ORDER BY u.key LIMIT 1 }
    CALL { MATCH (v:ListVersion) RETURN v.key AS version ORDER BY v.key LIMIT 1 }
    CALL { MATCH (r:ImportRun) RETURN r.id AS import_run ORDER BY r.id LIMIT 1 }
    RETURN *
    """)[0]
    row["chain_power"] = loaded.read("MATCH (p:Power {name: '林草种子生产经营许可证的核发'}) WHERE p.current "
                                     "RETURN p.key AS k LIMIT 1")[0]["k"]
    from kb.analyses import report

    row["finding"] = next(f.id for f in report.run(loaded, ["overlaps"]).findings if f.kind == "shared_article")
    for label in ("ServiceItem", "CatalogItem"):
        found = loaded.read(f"MATCH (n:{label}) RETURN n.key AS key ORDER BY n.key LIMIT 1")
        row[label] = found[0]["key"] if found else None
    return row


@pytest.fixture
def restored_power(loaded: Graph, samples: dict[str, str]) -> Iterator[str]:
    """The sample power's key; its fields are restored, and its Edit nodes removed, after the test."""
    key = samples["power"]
    saved = loaded.read("MATCH (p:Power {key: $k}) RETURN properties(p) AS props", k=key)[0]["props"]
    yield key
    loaded.write("MATCH (e:Edit)-[:EDITS]->(p:Power {key: $k}) DETACH DELETE e", k=key)
    loaded.write("MATCH (p:Power {key: $k}) SET p = $props", k=key, props=saved)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or \
        re.search(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "no CSRF token in the form"
    return match.group(1)


def login(client, name: str, password: str):
    page = client.get("/login").get_data(as_text=True)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": csrf_token(page),
                                       "next": "/"})


@pytest.fixture
def make_user(loaded: Graph) -> Iterator:
    """Create users for one test; they are deleted afterwards."""
    from webui.users import add_user

    made: list[str] = []

    def make(role: str) -> tuple[str, str]:
        name, password = f"test-{role}-{secrets.token_hex(4)}", secrets.token_urlsafe(12)
        add_user(loaded, name, password, role)
        made.append(name)
        return name, password

    yield make
    loaded.write("MATCH (u:User) WHERE u.name IN $names DETACH DELETE u", names=made)
