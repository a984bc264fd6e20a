"""Pages drawn once per change of the data and kept (webui.kept): a law, an article and the places are
drawn again only when the data changes; the frame around them (the reader's name, the language) is
drawn for each request, and a reader of another language or role never gets another's page."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from importers.run import import_paths
from tests.conftest import KARAMAY, SHARED_DATA
from tests.e2e.conftest import login
from tests.e2e.test_stored_findings import app_on

pytestmark = pytest.mark.e2e


def _body(html: str) -> str:
    """The page's own part: what lies between the frame's header and footer."""
    match = re.search(r"</header>(.*)<footer", html, re.DOTALL)
    assert match, "no header and footer around the page"
    return re.sub(r'<div class="flash.*?</div>', "", match.group(1), flags=re.DOTALL)


def test_a_law_page_is_drawn_once_for_the_data(web_app, samples, monkeypatch) -> None:
    from webui import store

    client = web_app.test_client()
    url = f"/laws/{quote(samples['law'])}"
    first = client.get(url)
    assert first.status_code == 200

    def read_again(*args, **kwargs):
        raise AssertionError("the law was read again although its page is kept for this data")

    monkeypatch.setattr(store, "read_one_or_404", read_again)
    monkeypatch.setattr(store, "read", read_again)
    again = client.get(url)
    assert again.status_code == 200
    assert again.get_data(as_text=True) == first.get_data(as_text=True)
    for other in (url + "?page=2", url + ".json"):  # another URL is drawn, not given another's HTML; JSON is never kept
        with pytest.raises(AssertionError, match="read again"):
            client.get(other)


def test_the_frame_is_drawn_for_each_reader_and_language(web_app, samples, make_user) -> None:
    from webui.i18n import COOKIE

    url = f"/articles/{quote(samples['article'])}"
    anonymous = web_app.test_client().get(url).get_data(as_text=True)
    name, password = make_user("editor")
    editor = web_app.test_client()
    login(editor, name, password)
    as_editor = editor.get(url).get_data(as_text=True)
    assert name in as_editor and name not in anonymous  # the frame: drawn for this reader
    assert _body(as_editor) == _body(anonymous)  # the article: the same data
    english = web_app.test_client()
    english.set_cookie(COOKIE, "en")
    in_english = english.get(url).get_data(as_text=True)
    assert "以本条为实施依据的权力事项" in _body(anonymous)
    assert "Powers that act on this article" in _body(in_english) and "以本条为实施依据的权力事项" not in in_english


def test_a_kept_page_is_drawn_again_when_the_data_changes(scratch) -> None:
    """An import changes the data stamp: the places page drawn before it is not shown after it."""
    import_paths(scratch, [KARAMAY / "2025年克拉玛依市统计局权责清单.xlsx"], progress=False)
    client = app_on(scratch, False).test_client()
    before = client.get("/jurisdictions").get_data(as_text=True)
    assert "克拉玛依市" in before and "株洲" not in before
    assert client.get("/jurisdictions").get_data(as_text=True) == before  # kept
    import_paths(scratch, [SHARED_DATA / "hunan_onething" / "onething_guides_changsha_subset.json"], progress=False)
    after = client.get("/jurisdictions").get_data(as_text=True)
    assert "克拉玛依市" in after and "长沙" in after


def test_kept_pages_are_bounded_and_drop_an_older_datas_pages() -> None:
    from markupsafe import Markup

    from webui.kept import Kept, _bytes

    page = {"body": Markup("法" * 100)}
    assert _bytes(page) >= 200  # two bytes a character as Python keeps these
    assert _bytes({"body": Markup("𠀀" + "法" * 99)}) >= 400  # … four with one beyond the first plane
    kept = Kept(limit=2 * _bytes(page))  # two such pages
    kept.put(("stamp-1", "zh", "", "/a"), page)
    kept.put(("stamp-1", "zh", "", "/b"), page)
    assert kept.get(("stamp-1", "zh", "", "/a")) is page  # now the most recently asked for
    kept.put(("stamp-1", "zh", "", "/c"), page)
    assert kept.get(("stamp-1", "zh", "", "/b")) is None and len(kept) == 2 and kept.size == 2 * _bytes(page)
    kept.put(("stamp-2", "zh", "", "/a"), page)  # the data changed: the older data's pages are gone
    assert len(kept) == 1 and kept.get(("stamp-1", "zh", "", "/a")) is None


def test_a_url_asking_for_anything_but_a_page_is_drawn_each_time(web_app, samples) -> None:
    """/laws/X?junk=1, ?junk=2 … would each be a page of its own, pushing the others out: drawn, never kept; a HEAD
    request is answered from the kept page."""
    client = web_app.test_client()
    url = f"/laws/{quote(samples['law'])}"
    web_app.extensions.pop("kb_kept_pages", None)
    assert client.get(url + "?junk=1").status_code == 200
    assert "kb_kept_pages" not in web_app.extensions or len(web_app.extensions["kb_kept_pages"]) == 0
    assert client.head(url).status_code == 200
    assert len(web_app.extensions["kb_kept_pages"]) == 1
