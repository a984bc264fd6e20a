"""Walk the app's URL map: every route that changes data needs a role and a CSRF token, admin pages need
an admin, reading changes nothing, and no secret (the database password, the session key, password
hashes, users' passwords) shows in a page, the console or a log."""
from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.e2e.conftest import csrf_token, login
from tests.reliability.test_hostile_input import census

pytestmark = pytest.mark.e2e

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
# The role each writing endpoint needs (None: anyone, the login form itself).
NEEDS = {"auth.login": None, "auth.logout": "viewer", "auth.user_admin": "admin", "edits.save_power": "editor",
         "reports.set_status": "editor", "edits.retire_power": "editor", "edits.restore_power": "editor",
         "edits.add_responsibility": "editor", "edits.retire_responsibility": "editor", "edits.link_article": "editor",
         "edits.new_power": "editor", "edits.revert": "admin", "imports_upload.upload": "editor",
         "imports_upload.confirm": "editor", "imports_upload.cancel": "editor", "laws.resolve": "editor",
         "versions.publish": "editor", "reports.resolve_group": "editor", "things.link_item": "editor",
         "things.unlink_item": "editor", "dashboard.revert_import": "admin",
         "edits.set_accountability": "editor", "edits.retire_accountability": "editor"}
ADMIN_PAGES = {"auth.user_admin"}
# For each route that changes the lists, the test where an editor (an admin for admin routes) succeeds and
# the audit list (/edits) then has the change, with who and why. The walk below proves the refusals for every
# route; this table makes a new route name its success test too.
PROVEN = {
    "edits.save_power": "tests/e2e/test_web_edits.py::test_an_edit_changes_the_power_and_leaves_an_audit_trail",
    **{e: "tests/e2e/test_web_list_editing.py::test_every_new_write_route_needs_its_role_a_csrf_token_and_leaves_an_audit_entry"
       for e in ("edits.retire_power", "edits.restore_power", "edits.add_responsibility", "edits.retire_responsibility",
                 "edits.link_article", "edits.new_power", "edits.revert", "edits.set_accountability",
                 "edits.retire_accountability")},
    "reports.set_status": "tests/e2e/test_web_reports.py::test_recording_a_resolution_needs_an_editor_and_a_token",
    "reports.resolve_group": "tests/e2e/test_web_reports.py::test_a_group_of_overlaps_is_resolved_at_once",
    "imports_upload.confirm": "tests/e2e/test_web_imports.py::test_an_editor_previews_confirms_and_sees_the_import",
    "laws.resolve": "tests/e2e/test_law_changes.py::test_the_law_page_shows_the_queue_and_an_editor_resolves_an_item",
    "versions.publish": "tests/e2e/test_publish_versions.py::test_publish_then_edit_starts_a_new_version_and_keeps_the_published_one",
    "things.link_item": "tests/e2e/test_thing_items.py::test_an_editor_links_and_unlinks_an_item_by_search",
    "things.unlink_item": "tests/e2e/test_thing_items.py::test_an_editor_links_and_unlinks_an_item_by_search",
    "dashboard.revert_import": "tests/e2e/test_import_revert.py::test_an_admin_reverts_an_import_in_the_browser",
}
# Routes that change no list, so leave no audit entry: logging in and out, managing users (kb user), and an
# upload kept aside or cancelled before it is confirmed (tests/e2e/test_web_imports.py).
UNAUDITED = {"auth.login", "auth.logout", "auth.user_admin", "imports_upload.upload", "imports_upload.cancel"}


def _urls(app, samples: dict) -> list[tuple[str, str, set[str]]]:
    """(endpoint, a URL of it with real values, methods) for every rule."""
    values = {"id": samples["import_run"], "name": samples["department"], "key": samples["power"],
              "start": samples["chain_power"], "area": "overlaps", "label": "Power", "code": "en",
              "filename": "style.css", "department": samples["department"], "token": "x"}
    special = {"browse.jurisdiction": {"name": samples["jurisdiction"]}, "browse.unit": {"key": samples["unit"]},
               "browse.version": {"key": samples["version"]}, "powers.responsibility": {"key": samples["responsibility"]},
               "laws.law": {"key": samples["law"]}, "laws.article": {"key": samples["article"]},
               "things.thing": {"key": samples["thing"]}, "reports.finding": {"id": samples["finding"]},
               "reports.set_status": {"id": samples["finding"]}, "queries.saved_query": {"area": "browse"},
               "edits.edit": {"id": "none"}, "powers.catalog_item": {"key": samples["CatalogItem"] or "x"},
               "things.service_item": {"key": samples["ServiceItem"] or "x"}}
    out = []
    for rule in app.url_map.iter_rules():
        args = {a: special.get(rule.endpoint, {}).get(a, values.get(a, "x")) for a in rule.arguments}
        if rule.endpoint == "queries.saved_query":
            from queries import loader

            q = loader.load_all()[0]
            args = {"area": q.area, "name": q.name}
        url = rule.rule
        for a, v in args.items():
            url = url.replace(f"<path:{a}>", quote(v, safe="")).replace(f"<{a}>", quote(v, safe=""))
        url = re.sub(r"<any\(([^,)]+)[^>]*>", r"\1", url)  # <any(retire, restore):action> -> retire
        out.append((rule.endpoint, url, set(rule.methods) - {"HEAD", "OPTIONS"}))
    return out


def test_the_url_map_is_what_this_test_knows(web_app, samples) -> None:
    writers = {e for e, _, m in _urls(web_app, samples) if m & WRITES}
    assert writers == set(NEEDS), "a new route that writes: say here which role it needs"
    assert writers == set(PROVEN) | UNAUDITED, "a new route that writes: name the test of its success and audit entry"
    root = Path(__file__).resolve().parents[2]
    for endpoint, where in PROVEN.items():
        path, name = where.split("::")
        assert re.search(rf"^def {name}\(", (root / path).read_text(encoding="utf-8"), re.MULTILINE), (endpoint, where)


@pytest.mark.parametrize("role", ["anonymous", "viewer", "editor", "admin"])
def test_every_write_needs_its_role_and_a_token(web_app, samples, make_user, loaded, role) -> None:
    rank = ["anonymous", "viewer", "editor", "admin"]
    client = web_app.test_client()
    if role != "anonymous":
        assert login(client, *make_user(role)).status_code == 302
    before = census(loaded)
    for endpoint, url, methods in _urls(web_app, samples):
        for method in methods & WRITES:
            if endpoint in ("auth.logout", "auth.login"):
                continue  # logging in and out are the tests of their own (tests/e2e/test_web_edits.py)
            token = csrf_token(client.get("/login" if role == "anonymous" else "/").get_data(as_text=True)) \
                if role != "anonymous" else ""
            # a write without a token is refused whoever sends it
            response = client.open(url, method=method, data={"name": "x", "basis": "依据文件", "lead": "x"})
            assert response.status_code == 400, (role, endpoint, response.status_code)
            if rank.index(role) < rank.index(NEEDS[endpoint]):
                data = {"name": "x", "basis": "依据文件", "lead": "x", "csrf_token": token or "x"}
                response = client.open(url, method=method, data=data)
                assert response.status_code in (302, 400, 401, 403), (role, endpoint, response.status_code)
                if response.status_code == 302:
                    assert "/login" in response.headers["Location"], (role, endpoint)
    assert census(loaded) == before


@pytest.mark.parametrize("role", ["anonymous", "viewer", "editor"])
def test_admin_pages_need_an_admin(web_app, samples, make_user, role) -> None:
    client = web_app.test_client()
    if role != "anonymous":
        assert login(client, *make_user(role)).status_code == 302
    for endpoint, url, methods in _urls(web_app, samples):
        if endpoint in ADMIN_PAGES and "GET" in methods:
            response = client.get(url)
            assert response.status_code in (302, 403), (role, endpoint, response.status_code)
            assert "password" not in response.get_data(as_text=True).lower() or response.status_code == 302


def _secrets(loaded_server, web_app, passwords: list[str]) -> dict[str, str]:
    credentials = json.loads(Path(os.environ["KB_CREDENTIALS"]).read_text())
    found = {"neo4j password": loaded_server.settings.password, "session key": web_app.config["SECRET_KEY"]}
    found |= {f"hash of {n}": h for n, h in credentials.items()}
    found |= {f"password {i}": p for i, p in enumerate(passwords)}
    return {k: v for k, v in found.items() if v}


CONSOLE_PROBES = ["SHOW SETTINGS YIELD name, value RETURN name, value", ("CALL dbms.listConfig() YIELD name, value "
                  "RETURN name, value"), "SHOW USERS", "MATCH (u:User) RETURN u", "CALL db.info()",
                  "MATCH (n) RETURN properties(n) LIMIT 1000", "SHOW PROCEDURES YIELD name RETURN name"]


def test_no_secret_in_pages_the_console_or_the_logs(web_app, samples, make_user, loaded_server, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    admin, admin_pw = make_user("admin")
    editor, editor_pw = make_user("editor")
    secret = _secrets(loaded_server, web_app, [admin_pw, editor_pw])
    bodies: list[tuple[str, str]] = []
    for who in (None, (editor, editor_pw), (admin, admin_pw)):
        client = web_app.test_client()
        if who:
            assert login(client, *who).status_code == 302
        for endpoint, url, methods in _urls(web_app, samples):
            if "GET" in methods and endpoint not in ("static", "i18n.switch"):
                bodies.append((url, client.get(url).get_data(as_text=True)))
        for cypher in CONSOLE_PROBES:
            bodies.append((cypher, client.get("/console.json?cypher=" + quote(cypher)).get_data(as_text=True)))
    logs = caplog.text + "".join(p.read_text(errors="replace")
                                  for p in (loaded_server.home / "neo4j" / "logs").glob("*.log"))
    bodies.append(("logs", logs))
    for where, body in bodies:
        for what, value in secret.items():
            assert value not in body, f"{what} shows in {where}"
