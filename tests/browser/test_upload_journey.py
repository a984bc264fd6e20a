"""The upload journey in Chromium, on a scratch database: a list with errors shows them; the corrected
list shows what it would change, is confirmed with a reason and imported with its progress page."""
from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.db import Graph
from tests.browser.conftest import journey
from tests.e2e.test_web_imports import STATS, broken

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@pytest.fixture
def scratch_site(scratch: Graph, tmp_path: Path) -> Iterator[tuple[str, tuple[str, str]]]:
    from werkzeug.serving import make_server

    from webui import create_app
    from webui.users import add_user

    app = create_app({"KB_GRAPH": scratch, "SECRET_KEY": secrets.token_hex(16),
                      "KB_UPLOAD_DIR": str(tmp_path / "uploads")})
    editor = (f"test-editor-{secrets.token_hex(4)}", secrets.token_urlsafe(12))
    add_user(scratch, *editor, "editor")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", editor
    server.shutdown()


def test_upload_a_list_with_errors_then_the_corrected_one_and_confirm(browser, scratch_site, scratch, tmp_path, shot):
    url, (name, password) = scratch_site
    with journey(browser, url) as page:
        page.goto("/imports/new")
        page.wait_for_url(re.compile(r"/login"))
        page.fill("input[name=name]", name)
        page.fill("input[name=password]", password)
        page.click("#login-form button[type=submit]")
        page.wait_for_url(re.compile(r"/imports/new"))
        page.goto("/imports/new")
        page.set_input_files("#file", str(broken(tmp_path)))
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector("#errors")
        errors = page.inner_text("#errors")
        assert "Sheet1" in errors and "5" in errors and "B" in errors and "事项名称" in errors
        assert page.locator("#confirm-form").count() == 0
        shot(page, "upload-errors", full_page=True)
        page.click("#cancel")
        page.wait_for_url(re.compile(r"/imports/new"))

        page.set_input_files("#file", str(STATS))
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector("#confirm-form")
        assert "克拉玛依市统计局" in page.inner_text("h2.department-change")
        assert scratch.read("MATCH (p:Power) RETURN count(p) AS n")[0]["n"] == 0
        shot(page, "upload-preview", full_page=True)
        page.fill("#reason", "发布2025年权责清单")
        page.click("#confirm")
        page.wait_for_selector("#imported", timeout=120000)
        shot(page, "upload-imported")
        page.click("#imported a")
        page.wait_for_url(re.compile(r"/imports/\d{8}T\d{6}-[0-9a-f]{8}$"))
        assert scratch.read("MATCH (:Department {name: '克拉玛依市统计局'})-[:HOLDS]->(p) RETURN count(p) AS n")[0]["n"] == 3
