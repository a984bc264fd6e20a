"""KbFlask.url_for: links to pages with one argument in their path are built from a cached prefix and
suffix; each must be exactly the link Flask builds, whatever the key holds."""
from __future__ import annotations

import pytest
from flask import Flask

from webui import create_app

KEYS = ["湖南省应急管理厅|2024|ab12#00001", "A&B 局/科", "法#12", " 空格 ", "x?y%z=1", "百分号%41", "😀/../..", ""]


@pytest.fixture(scope="module")
def app() -> Flask:
    return create_app({"TESTING": True, "KB_GRAPH": None, "SECRET_KEY": "test"})


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("endpoint,arg", [("powers.power", "key"), ("browse.department", "name"),
                                          ("laws.article", "key"), ("laws.law", "key")])
def test_a_fast_link_is_the_link_flask_builds(app: Flask, endpoint: str, arg: str, key: str) -> None:
    with app.test_request_context("/"):
        for _ in range(2):  # the second from the cache
            assert app.url_for(endpoint, **{arg: key}) == Flask.url_for(app, endpoint, **{arg: key})


def test_query_arguments_and_several_arguments_are_left_to_flask(app: Flask) -> None:
    with app.test_request_context("/", base_url="http://example.org/kb"):
        for endpoint, values in [("powers.powers", {"type": "行政 许可"}), ("browse.department", {"name": "x", "type": "y"}),
                                 ("browse.department", {"name": "x", "as_of": None}), ("dashboard.index", {})]:
            assert app.url_for(endpoint, **values) == Flask.url_for(app, endpoint, **values)
        assert app.url_for("powers.power", key="k").startswith("/kb/")  # under the app's root
        assert app.url_for("powers.power", key="k", _external=True) == "http://example.org/kb/powers/k"
