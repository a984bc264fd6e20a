"""What a final review found: redirects that leave the app, credentials readable through the console,
parameters the driver cannot send, citation links that led nowhere."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.e2e.conftest import csrf_token, login


@pytest.mark.parametrize("target", ["/%09/evil.com", "//evil.com", "http://evil.com/", "/%0d%0a/x", "/\\evil.com"])
def test_language_switch_stays_in_the_app(client, target: str) -> None:
    response = client.get(f"/lang/en?next={target}")
    assert response.status_code == 302
    assert response.headers["Location"] in ("/", "http://localhost/")


def test_login_does_not_redirect_out(client, make_user) -> None:
    name, password = make_user("viewer")
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/login", data={"name": name, "password": password, "csrf_token": csrf_token(page),
                                            "next": "/\t/evil.com"})
    assert response.status_code == 302
    assert "evil.com" not in response.headers["Location"]


def test_console_cannot_read_password_hashes(client, make_user) -> None:
    make_user("admin")
    login(client, *make_user("viewer"))  # anonymous readers do not see the users at all (test_console_limits)
    cypher = "MATCH (n) UNWIND keys(n) AS k WITH n, k WHERE k CONTAINS 'password' RETURN n[k] AS v"
    data = client.get(f"/console.json?cypher={quote(cypher)}").get_json()
    assert data.get("rows", []) == []
    users = client.get(f"/console.json?cypher={quote('MATCH (u:User) RETURN properties(u) AS p')}").get_json()
    assert users["rows"] and all(set(row["p"]) <= {"name", "role", "session_epoch"} for row in users["rows"])


def test_a_parameter_too_big_to_send_is_an_error_not_a_crash(client) -> None:
    response = client.get("/queries/browse/powers_by_department?run=1&limit=99999999999999999999")
    assert response.status_code < 500


def test_an_article_of_a_law_not_loaded_shows_what_the_lists_cite(client) -> None:
    response = client.get("/articles/" + quote("建设工程质量管理条例#60"))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "克拉玛依市交通运输局" in page and "克拉玛依市应急管理局" in page
    assert client.get("/articles/" + quote("建设工程质量管理条例#9999")).status_code == 404


def test_a_logged_in_user_can_still_log_in_after_the_change(client, make_user) -> None:
    name, password = make_user("editor")
    assert login(client, name, password).status_code == 302
    assert name in client.get("/").get_data(as_text=True)
