"""A real browser (Debian's Chromium, headless, driven by Playwright) on the app served from a thread.

Every page a test opens is watched: a request to any host other than the app's, or a script error,
fails the test.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import client, make_user, samples, web_app  # noqa: F401 - shared fixtures

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# How long a journey waits for a page, an element or a drawing before it fails: a guard against a page that never
# answers, not a measure of speed (the benchmark measures that). With the suite's other tests keeping both cores of a
# 2-core machine busy, the first search of a journey once took over 20 s.
WAIT_MS = 60000


@pytest.fixture(scope="session")
def live_url(loaded) -> Iterator[str]:
    from werkzeug.serving import make_server

    from webui import create_app

    # the 5 s limit of untrusted queries is not what these journeys test (a loaded CI machine once went over it)
    app = create_app({"KB_GRAPH": loaded, "SECRET_KEY": "browser-tests", "KB_QUERY_TIMEOUT": 120})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install chromium` (never `playwright install`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watch:
    """What the browser asked for outside the app, and the script errors it saw."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []

    def request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.hostname not in LOCAL_HOSTS:
            self.outside.append(request.url)


@pytest.fixture
def page(browser, live_url) -> Iterator:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=live_url, locale="zh-CN")
    watch = Watch()
    context.on("request", watch.request)
    tab = context.new_page()
    tab.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    tab.set_default_timeout(WAIT_MS)
    tab.watch = watch
    yield tab
    context.close()
    assert not watch.outside, f"the page loaded from outside the app: {watch.outside}"
    assert not watch.errors, f"script errors: {watch.errors}"


@pytest.fixture
def shot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(tab, name: str, full_page: bool = False) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        tab.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@contextmanager
def journey(browser, base_url: str) -> Iterator:
    """A page of a Chinese-language browser context on `base_url` (waiting WAIT_MS at most); on leaving, the
    context is closed and nothing may have been fetched from outside the app nor any script have failed."""
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=base_url, locale="zh-CN")
    watch = Watch()
    context.on("request", watch.request)
    page = context.new_page()
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    page.set_default_timeout(WAIT_MS)
    try:
        yield page
    finally:
        context.close()
    assert not watch.outside and not watch.errors, (watch.outside, watch.errors)
