"""An as-of question answered in Chromium, on a scratch database: a county list of 2024 and its 2025
version in force from 2025-03-01; searching with a date in 2024 finds the 2024 entry, its page says it
answers from the 2024 list, and the link to the department keeps the date."""
from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.db import Graph
from tests.browser.conftest import journey
from tests.e2e.test_as_of_answers import BASE, COUNTY, DROPPED, NEW_NAME, OLD_NAME, a_list

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@pytest.fixture
def dated_site(scratch: Graph, tmp_path: Path) -> Iterator[str]:
    from werkzeug.serving import make_server

    from importers.run import import_paths
    from webui import create_app

    old = a_list(tmp_path / "county2024.json", COUNTY, "浏阳市", "2024", [
        BASE | {"事项名称": OLD_NAME, "编码": "LY-01"}, BASE | {"事项名称": DROPPED, "编码": "LY-02"}])
    new = a_list(tmp_path / "county2025.json", COUNTY, "浏阳市", "2025", [BASE | {"事项名称": NEW_NAME, "编码": "LY-01"}])
    import_paths(scratch, [old], progress=False)
    import_paths(scratch, [new], progress=False, in_force_from="2025-03-01")
    app = create_app({"KB_GRAPH": scratch, "SECRET_KEY": secrets.token_hex(16), "KB_BACKGROUND_FINDINGS": False})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_who_held_an_item_on_a_past_date(browser, dated_site, shot):
    with journey(browser, dated_site) as page:
        page.goto("/search?q=" + "烟花爆竹")
        today = [t.strip() for t in page.locator("#hits .hit-Power a.hit-link").all_inner_texts()]
        assert today == [NEW_NAME], today  # today: the 2025 list only
        page.fill("#search-as-of", "2024-06-01")
        page.click("form.filters button[type=submit]")
        page.wait_for_url(re.compile(r"as_of=2024-06-01"))
        assert "2024-06-01" in page.inner_text("#search-total")
        names = [t.strip() for t in page.locator("#hits .hit-Power a.hit-link").all_inner_texts()]
        assert names == [OLD_NAME], names
        shot(page, "as-of-search")
        page.click("#hits .hit-Power a.hit-link")
        page.wait_for_selector("#as-of-banner")
        banner = page.inner_text("#as-of-banner")
        assert "按 2024-06-01 有效的清单版本作答" in banner and "2024" in banner
        assert page.inner_text("h1").strip() == OLD_NAME
        shot(page, "as-of-power")
        page.click(".crumbs a.ent-Department")
        page.wait_for_selector("#as-of-banner")
        rows = page.inner_text("#powers")
        assert OLD_NAME in rows and DROPPED in rows and NEW_NAME not in rows
