"""Logins that resist guessing, sessions that end, and links that survive odd keys (issue: hardening)."""
from __future__ import annotations

import secrets
import threading
from urllib.parse import quote

import pytest

from tests.e2e.conftest import csrf_token, login

pytestmark = pytest.mark.e2e


@pytest.fixture
def strict_app(loaded):
    """An app of its own, so its failed-login counts start at zero."""
    from webui import create_app

    return create_app({"KB_GRAPH": loaded, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                       "KB_LOGIN_FAILURES_PER_ACCOUNT": 3, "KB_LOGIN_FAILURES_PER_CLIENT": 6})


def test_guessing_is_stopped_and_even_the_right_password_waits(strict_app, make_user):
    name, password = make_user("editor")
    client = strict_app.test_client()
    codes = [login(client, name, f"guess-{i}").status_code for i in range(3)]
    assert codes == [401, 401, 401]
    over = login(client, name, password)
    assert over.status_code == 429 and int(over.headers["Retry-After"]) > 0
    assert "Too many login attempts" in over.get_data(as_text=True) or "登录尝试" in over.get_data(as_text=True)
    assert client.get("/login.json").get_json()["user"] is None
    assert client.get("/login").status_code == 200  # the form stays available


def test_each_serving_process_allows_its_share_of_guesses(loaded, make_user):
    """kb serve --processes 3: each process counts its own attempts, so each allows a third of the limit
    (at least one) and together they allow no more than the limit."""
    from webui import create_app

    app = create_app({"KB_GRAPH": loaded, "TESTING": True, "SECRET_KEY": secrets.token_hex(16), "KB_PROCESSES": 3,
                      "KB_LOGIN_FAILURES_PER_ACCOUNT": 7, "KB_LOGIN_FAILURES_PER_CLIENT": 20, "KB_CONSOLE_TOTAL": 4})
    per_account, per_client = app.extensions["kb_login_limits"]
    assert (per_account.limit, per_client.limit, app.extensions["kb_console_slots"].total) == (2, 6, 1)
    name, _password = make_user("viewer")
    client = app.test_client()
    assert [login(client, name, f"guess-{i}").status_code for i in range(3)] == [401, 401, 429]


def test_guesses_sent_at_once_all_count(strict_app, make_user):
    """Parallel guesses take their slots before any of them has failed."""
    name, password = make_user("viewer")
    page = strict_app.test_client().get("/login").get_data(as_text=True)
    codes: list[int] = []

    def guess(i: int) -> None:
        client = strict_app.test_client()
        token = csrf_token(client.get("/login").get_data(as_text=True))
        codes.append(client.post("/login", data={"name": name, "password": f"wrong-{i}", "csrf_token": token,
                                                 "next": "/"}).status_code)

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert page and codes.count(401) <= 3 and codes.count(429) >= 9
    assert login(strict_app.test_client(), name, password).status_code == 429


def test_a_cookie_copied_before_logout_is_dead_after_it(web_app, make_user):
    name, password = make_user("editor")
    client = web_app.test_client()
    assert login(client, name, password).status_code == 302
    stolen = client.get_cookie("session").value
    page = client.get("/").get_data(as_text=True)
    client.post("/logout", data={"csrf_token": csrf_token(page)})
    thief = web_app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/login.json").get_json()["user"] is None


def test_a_role_change_ends_the_sessions(web_app, make_user, loaded):
    from webui.users import add_user

    name, password = make_user("editor")
    client = web_app.test_client()
    login(client, name, password)
    assert client.get("/login.json").get_json()["user"]["role"] == "editor"
    add_user(loaded, name, password, "viewer")
    assert client.get("/login.json").get_json()["user"] is None


def test_login_from_a_power_page_comes_back_to_it(client, make_user, samples):
    """Every power key holds a #; it must stay in the path, not become a fragment."""
    key = samples["power"]
    assert "#" in key
    edit = f"/edit/power/{quote(key, safe='')}"
    to_login = client.get(edit)
    assert to_login.status_code == 302 and "%2523" in to_login.headers["Location"]  # # quoted, then quoted again
    name, password = make_user("editor")
    page = client.get(to_login.headers["Location"]).get_data(as_text=True)
    back = client.post("/login", data={"name": name, "password": password, "csrf_token": csrf_token(page),
                                       "next": f"/edit/power/{quote(key, safe='/')}"})
    assert back.status_code == 302 and back.headers["Location"].endswith(quote(key, safe="/"))
    assert client.get(back.headers["Location"]).status_code == 200


def test_a_department_whose_name_holds_a_slash_has_a_page(client, loaded):
    name = "测试市交通运输/港航局"
    loaded.write("MERGE (:Department {name: $name, jurisdiction: '测试市', level: 'city'})", name=name)
    try:
        response = client.get(f"/departments/{quote(name)}")
        assert response.status_code == 200 and "港航局" in response.get_data(as_text=True)
        assert client.get(f"/departments/{quote(name)}.json").get_json()
    finally:
        loaded.write("MATCH (d:Department {name: $name}) DETACH DELETE d", name=name)


def test_users_added_at_once_keep_every_password(loaded):
    """The credentials file is rewritten under a lock: concurrent `kb user add` lose nothing."""
    from webui.users import _hashes, add_user

    names = [f"test-conc-{secrets.token_hex(3)}-{i}" for i in range(8)]
    threads = [threading.Thread(target=add_user, args=(loaded, n, "password-123", "viewer")) for n in names]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert set(names) <= set(_hashes())
        assert {r["name"] for r in loaded.read("MATCH (u:User) WHERE u.name IN $n RETURN u.name AS name",
                                               n=names)} == set(names)
    finally:
        loaded.write("MATCH (u:User) WHERE u.name IN $n DETACH DELETE u", n=names)


def test_pages_say_503_with_retry_after_while_the_database_is_down(loaded):
    """A database that does not answer (stopped, restarting) gives 503 and when to try again, not a 500."""
    from dataclasses import replace

    from kb.db import Graph
    from tests.conftest import free_port
    from webui import create_app

    nowhere = replace(loaded.settings, uri=f"bolt://127.0.0.1:{free_port()}")
    with Graph.from_settings(nowhere, max_transaction_retry_time=1) as down:
        app = create_app({"KB_GRAPH": down, "TESTING": True, "SECRET_KEY": secrets.token_hex(16),
                          "KB_BACKGROUND_FINDINGS": False})
        client = app.test_client()
        for url in ("/", "/search?q=许可", "/departments"):
            page = client.get(url, headers={"Accept-Language": "zh"})
            assert page.status_code == 503, (url, page.status_code)
            assert int(page.headers["Retry-After"]) > 0
            assert "数据库" in page.get_data(as_text=True)
        answer = client.get("/powers.json")
        assert answer.status_code == 503 and answer.get_json()["error"] == 503
