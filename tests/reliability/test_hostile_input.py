"""Hostile strings through every search box, filter, saved-query parameter, form field and URL part.

None changes the database (but the edit form, which stores exactly what was typed and nothing else),
none gives a 5xx, none holds a worker past the console's deadline."""
from __future__ import annotations

import secrets
import time
from urllib.parse import quote as _quote

import pytest

from importers.run import import_paths
from kb import readonly
from queries import loader
from tests.conftest import KARAMAY
from tests.e2e.conftest import csrf_token, login
from tests.reliability.budget import examples
from tests.reliability.hostile import HOSTILE

pytestmark = pytest.mark.e2e

# The longest any request may take: the console's whole-run deadline (timeout + 3 s) and room for a
# busy machine. It bounds, it does not measure: the figures are in `make reliability`.
REQUEST_LIMIT = readonly.DEFAULT_TIMEOUT + 3 + 10

# `make test` sends each string to every STRIDE-th target (each target gets seven strings, and each
# string goes to a dozen targets: 1,000 requests, not 12,000); `make reliability` (KB_FUZZ_EXAMPLES >=
# 1000) sends every string everywhere.
STRIDE = 1 if examples() >= 1000 else 12


def quote(s: str, safe: str = "") -> str:
    """Percent-encoding of the UTF-8 bytes; a lone surrogate goes as the bytes a broken client sends."""
    return _quote(s.encode("utf-8", "surrogatepass"), safe=safe)


def urlencode(args: dict[str, str]) -> str:
    return "&".join(f"{quote(k)}={quote(v)}" for k, v in args.items())


PATHS = ["/powers/{}", "/departments/{}", "/jurisdictions/{}", "/units/{}", "/versions/{}", "/responsibilities/{}",
         "/catalog/{}", "/laws/{}", "/articles/{}", "/things/{}", "/services/{}", "/graph/Power/{}", "/graph/{}/x",
         "/chain/{}", "/reports/{}", "/reports/finding/{}", "/queries/{}/{}", "/queries/browse/{}", "/imports/{}",
         "/edits/{}", "/lang/{}", "/powers/{}.json", "/edit/power/{}"]
FILTERS = {
    "/search": ["q", "type", "power_type", "department", "level", "jurisdiction", "page"],
    "/search.json": ["q"],
    "/powers": ["type", "department", "level", "jurisdiction", "q", "sort", "page"],
    "/departments": ["jurisdiction", "type"],
    "/reports/overlaps": ["kind", "department", "status", "level", "q", "sort", "page"],
    "/reports/gaps.json": ["all", "q"],
    "/edits": ["key", "who", "page"],
    "/imports": ["page"],
    "/laws": ["page", "q"],
    "/login": ["next"],
    "/lang/en": ["next"],
    "/graph/Power/x": ["depth"],
}


@pytest.fixture(scope="module")
def product_app(web_app, loaded):
    """The app with the product's own limits on untrusted queries (the shared test app's are lifted):
    what is tested here is that no hostile string holds a worker past them."""
    from webui import create_app

    return create_app({"KB_GRAPH": loaded, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                       "KB_BACKGROUND_FINDINGS": False, "KB_LOGIN_FAILURES_PER_CLIENT": 100_000})


@pytest.fixture
def client(product_app):
    return product_app.test_client()


def census(graph) -> dict:
    """What the graph holds, but the pages' statistics: a cache that whichever request first needs them after the data
    changed counts and stores (webui.stats), a reader's request as much as any (a test run alone saw two appear)."""
    return graph.read("""
        CALL { MATCH (n) WHERE NOT n:PageStats RETURN count(n) AS nodes, sum(size(keys(n))) AS props }
        CALL { MATCH ()-[r]->() RETURN count(r) AS rels }
        CALL { MATCH (u:User) RETURN collect(u.name + ':' + u.role + ':' + toString(coalesce(u.session_epoch, 0)))
               AS users }
        RETURN nodes, props, rels, users""")[0]


class Probe:
    """Sends requests, keeping the slowest and every answer over 499."""

    def __init__(self, client):
        self.client, self.slowest, self.errors, self.sent = client, (0.0, ""), [], 0

    def __call__(self, method: str, url: str, data: dict[str, str] | None = None):
        kw = {"data": urlencode(data), "content_type": "application/x-www-form-urlencoded"} if data else {}
        started = time.monotonic()
        response = self.client.open(url, method=method, **kw)
        took = time.monotonic() - started
        self.sent += 1
        self.slowest = max(self.slowest, (took, f"{method} {url[:120]}"))
        if response.status_code >= 500:
            self.errors.append((response.status_code, method, url[:200], str(kw.get("data", ""))[:200]))
        return response

    def check(self) -> None:
        assert not self.errors, self.errors[:10]
        assert self.slowest[0] < REQUEST_LIMIT, self.slowest


def _saved_queries() -> list[tuple[str, list[str]]]:
    return [(f"/queries/{q.area}/{q.name}", [p.name for p in q.params]) for q in loader.load_all() if q.params]


@pytest.mark.parametrize("as_user", ["anonymous", "editor"])
def test_hostile_strings_in_every_read_path_change_nothing(client, make_user, loaded, as_user) -> None:
    if as_user == "editor":
        assert login(client, *make_user("editor")).status_code == 302
    # the findings and the list pages' counts are computed once per change of the data and kept (webui.stats
    # writes them as PageStats): done before the census, not on a hostile request's clock
    for page in ("/reports/overlaps", "/reports/gaps", "/reports", "/", "/laws", "/departments", "/jurisdictions",
                 "/powers"):
        client.get(page)
    before = census(loaded)
    probe = Probe(client)
    stride = STRIDE if as_user == "anonymous" or STRIDE == 1 else 2 * STRIDE  # logged in: fewer, same kinds
    saved = _saved_queries()
    assert saved
    targets: list = [lambda s, p=p: p.format(quote(s), quote(s)) for p in PATHS]
    targets += [lambda s, page=page, a=a: f"{page}?{urlencode({a: s})}" for page, args in FILTERS.items() for a in args]
    targets.append(lambda s: "/powers?" + urlencode({a: s for a in FILTERS["/powers"]}))
    targets += [lambda s, u=u, ps=ps: f"{u}?{urlencode({'run': '1', **{p: s for p in ps}})}" for u, ps in saved]
    targets += [lambda s, u=u, ps=ps: f"{u}.json?{urlencode({p: s for p in ps})}" for u, ps in saved]
    targets.append(lambda s: "/console?" + urlencode({"cypher": s}))
    targets.append(lambda s: "/console.json?" + urlencode({"cypher": f"RETURN {s!r} AS x"}))
    hits = {t: 0 for t in range(len(targets))}
    for i, s in enumerate(HOSTILE):
        for t, target in enumerate(targets):
            if (i + t) % stride == 0:
                probe("GET", target(s))
                hits[t] += 1
    assert min(hits.values()) >= len(HOSTILE) // stride
    probe.check()
    after = census(loaded)
    assert after == before


def test_hostile_strings_in_forms_without_a_login_or_a_token_change_nothing(client, loaded, samples) -> None:
    before = census(loaded)
    probe = Probe(client)
    finding = samples["finding"]
    for s in HOSTILE[::max(1, STRIDE // 2)]:
        token = csrf_token(probe("GET", "/login").get_data(as_text=True))
        probe("POST", "/login", data={"name": s, "password": s, "next": s, "csrf_token": token})
        probe("POST", "/login", data={"name": s, "password": s, "csrf_token": s})
        probe("POST", "/logout", data={"csrf_token": s})
        probe("POST", "/users", data={"name": s, "password": s, "role": s, "csrf_token": token})
        probe("POST", f"/reports/finding/{quote(finding)}/status",
              data={"resolve-action": "1", "lead": s, "cooperating": s, "basis": s, "csrf_token": token})
        probe("POST", f"/reports/finding/{quote(s, safe='')}/status", data={"accept-action": "1", "basis": s})
        probe("POST", f"/edit/power/{quote(samples['power'], safe='')}", data={"name": s, "csrf_token": token})
    probe.check()
    assert census(loaded) == before


def _utf8(s: str) -> bool:
    try:
        s.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


@pytest.fixture
def scratch_app(scratch):
    """The browser over the scratch database holding one real list, and an editor of it."""
    from webui import create_app
    from webui.users import add_user

    import_paths(scratch, [KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"], progress=False)
    app = create_app({"KB_GRAPH": scratch, "TESTING": True, "SECRET_KEY": secrets.token_hex(16)})
    name, password = "hostile-editor", secrets.token_urlsafe(12)
    add_user(scratch, name, password, "editor")
    return app, name, password


def test_the_edit_form_stores_exactly_what_was_typed_and_nothing_else(scratch_app, scratch) -> None:
    app, name, password = scratch_app
    client = app.test_client()
    assert login(client, name, password).status_code == 302
    key = scratch.read("MATCH (p:Power) RETURN p.key AS k ORDER BY k LIMIT 1")[0]["k"]
    other = scratch.read("MATCH (p:Power) WHERE p.key <> $k RETURN collect(properties(p)) AS ps", k=key)[0]["ps"]
    probe = Probe(client)
    saved = tried = 0
    for i, s in enumerate(HOSTILE):
        # `make test`: each string typed into one of the three fields in turn; `make reliability`: into all three
        for field in ("scope", "remarks", "name") if STRIDE == 1 else [("scope", "remarks", "name")[i % 3]]:
            page = probe("GET", f"/edit/power/{quote(key, safe='')}")
            stored = scratch.read("MATCH (p:Power {key: $k}) RETURN properties(p) AS p", k=key)[0]["p"]
            data = {f: stored.get(f) or "" for f in ("name", "type", "level", "unit", "scope", "basis_text",
                                                      "duty_statement", "responsibility_text",
                                                      "responsibility_basis_text", "remarks")}
            data = data | {f"was_{f}": v for f, v in data.items()} | {"csrf_token": csrf_token(page.get_data(as_text=True))}
            data[field] = s
            data["reason"] = f"恶意输入测试 {i}"  # a change without a reason is refused before the field is read
            response = probe("POST", f"/edit/power/{quote(key, safe='')}", data=data)
            tried += 1
            saved += response.status_code == 302
            now = scratch.read("MATCH (p:Power {key: $k}) RETURN properties(p) AS p", k=key)[0]["p"]
            if response.status_code == 302 and not _utf8(s):
                # a lone surrogate goes as invalid UTF-8 (%ED%A0%BD); Werkzeug keeps such bytes as the
                # percent-escapes themselves: text is stored, never the broken bytes
                assert now.get(field, "").isprintable(), (field, now.get(field))
            elif response.status_code == 302:
                typed = s.replace("\r\n", "\n")
                assert now.get(field) == (typed if field == "remarks" else typed.strip()) or \
                    (not typed.strip() and not now.get(field)), (field, s[:50], now.get(field, "")[:50])
            else:
                assert response.status_code == 400, (field, s[:50], response.status_code)
                assert now == stored, (field, s[:50])
    probe.check()
    assert saved >= tried // 3, (saved, tried)  # most hostile strings are text an edit may store
    assert scratch.read("MATCH (p:Power) WHERE p.key <> $k RETURN collect(properties(p)) AS ps", k=key
                        )[0]["ps"] == other
