"""Two journeys in Chromium on a scratch database: (a) an editor compares two versions of a
department's list on /diff/<department> and sees the power added and the power changed; (b) an
amended law text is loaded over the old one and an editor works the review queue on /impact/<law>,
confirming one item, which leaves the open queue."""
from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from kb.db import Graph
from tests.browser.conftest import journey
from tests.e2e.test_as_of_answers import BASE
from tests.e2e.test_as_of_answers import a_list as dated_list
from tests.e2e.test_law_changes import DEPT, LABELS, LAW_2021, POWERS, citing, modified_law
from tests.e2e.test_law_changes import a_list as law_list

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

COUNTY = "浏阳市交通运输局"
KEPT, ADDED = "道路货物运输经营许可", "出租汽车经营许可"
OLD_BASIS, NEW_BASIS = "《中华人民共和国道路运输条例》第二十四条", "《中华人民共和国道路运输条例》第二十四条、第二十五条"
EDITOR, PASSWORD = "审核编辑", "a-long-password-2"


def _serve(graph: Graph) -> Iterator[str]:
    from werkzeug.serving import make_server

    from webui import create_app

    app = create_app({"KB_GRAPH": graph, "SECRET_KEY": secrets.token_hex(16), "KB_BACKGROUND_FINDINGS": False})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def tab(browser, request) -> Iterator:
    site = request.getfixturevalue(request.param)
    with journey(browser, site) as page:
        yield page


@pytest.fixture
def versions_site(scratch: Graph, tmp_path: Path) -> Iterator[str]:
    from importers.run import import_paths

    old = dated_list(tmp_path / "y2024.json", COUNTY, "浏阳市", "2024", [
        BASE | {"事项名称": KEPT, "编码": "LY-JT-01", "实施依据": OLD_BASIS}])
    new = dated_list(tmp_path / "y2025.json", COUNTY, "浏阳市", "2025", [
        BASE | {"事项名称": KEPT, "编码": "LY-JT-01", "实施依据": NEW_BASIS},
        BASE | {"事项名称": ADDED, "编码": "LY-JT-02"}])
    for path, start in ((old, None), (new, "2025-03-01")):
        report = import_paths(scratch, [path], progress=False, in_force_from=start)
        assert [f["status"] for f in report["files"]] == ["imported"], report
    yield from _serve(scratch)


@pytest.fixture
def law_site(scratch: Graph, tmp_path: Path) -> Iterator[str]:
    from importers.run import import_paths
    from webui.users import add_user

    records = [citing(LABELS[n], name) for n, name in POWERS.items()]
    report = import_paths(scratch, [LAW_2021, law_list(tmp_path / f"{DEPT}2024年权责清单.json", "2024", records)],
                          progress=False)
    assert {f["status"] for f in report["files"]} == {"imported"}, report
    report = import_paths(scratch, [modified_law(tmp_path / "安全生产法(2025-01-01).md")], progress=False)
    assert [f["status"] for f in report["files"]] == ["imported"], report
    add_user(scratch, EDITOR, PASSWORD, "editor")
    yield from _serve(scratch)


@pytest.mark.parametrize("tab", ["versions_site"], indirect=True)
def test_compare_two_versions_of_a_list(tab, shot) -> None:
    tab.goto(f"/diff/{quote(COUNTY)}")
    versions = [t.strip() for t in tab.locator("#versions tr.version-row td:first-child").all_inner_texts()]
    assert sorted(versions) == ["2024", "2025"], versions
    tab.select_option("form.filters select[name=old]", "2024")
    tab.select_option("form.filters select[name=new]", "2025")
    tab.click("form.filters button[type=submit]")
    tab.wait_for_url(re.compile(r"old=2024.*new=2025"))
    counts = tab.inner_text("#diff-counts")
    assert "2024 → 2025" in counts and re.search(r"新增\s*1", counts) and re.search(r"修改\s*1", counts), counts
    rows = tab.locator("#changes tr")
    added = rows.filter(has_text="新增").filter(has_text=ADDED)
    assert added.count() == 1
    changed = tab.locator("#changes tr", has_text="第二十五条")
    assert changed.count() == 1 and KEPT in tab.inner_text("#changes")
    assert OLD_BASIS in changed.inner_text()
    shot(tab, "diff-two-versions")
    added.locator("a").click()  # the added power opens on its page
    tab.wait_for_selector("h1")
    assert tab.inner_text("h1").strip() == ADDED


@pytest.mark.parametrize("tab", ["law_site"], indirect=True)
def test_work_the_review_queue_of_an_amended_law(tab, shot) -> None:
    tab.goto("/login")
    tab.fill("#login-form input[name=name]", EDITOR)
    tab.fill("#login-form input[name=password]", PASSWORD)
    tab.click("#login-form button[type=submit]")
    tab.wait_for_url(re.compile(r"/$|/\?"))
    tab.goto("/impact/" + quote("安全生产法"))
    queue = tab.locator("#impact-queue tr.review-open")
    assert queue.count() == 3
    assert {POWERS[62], POWERS[90], POWERS[118]} == {queue.nth(i).locator("td a").first.inner_text().strip()
                                                    for i in range(3)}
    assert "2021-06-10" in tab.inner_text("#impact-versions") and "2025-01-01" in tab.inner_text("#impact-versions")
    row = tab.locator("#impact-queue tr.review-open", has_text=POWERS[62])
    assert "第六十二条" in row.inner_text()
    row.locator("input[name=note]").fill("内容仍适用")
    row.locator("form.resolve-form button[type=submit]").click()  # cite the same article: confirm it
    tab.wait_for_selector(".flash-success")
    assert tab.locator("#impact-queue tr.review-open").count() == 2
    assert tab.locator("#impact-queue tr.review-open", has_text=POWERS[62]).count() == 0
    done = tab.locator("#impact-queue tr.review-confirmed", has_text=POWERS[62])
    assert done.count() == 1 and EDITOR in done.inner_text() and "内容仍适用" in done.inner_text()
    counts = tab.inner_text("#impact-counts")
    assert re.search(r"待处理\s*2", counts) and re.search(r"已确认\s*1", counts), counts
    shot(tab, "law-review-queue")
    tab.goto("/impact/" + quote("安全生产法") + "?status=open")
    assert POWERS[62] not in tab.inner_text("#impact-queue") and POWERS[118] in tab.inner_text("#impact-queue")
