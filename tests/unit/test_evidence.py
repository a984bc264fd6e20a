"""A finding's evidence as its page shows it (webui/evidence.py): names for keys and kinds, links for
departments, powers, laws and articles, a source as file · sheet · row, and everything escaped."""
from __future__ import annotations

import pytest
from flask import Flask

from webui import create_app
from webui.evidence import evidence_value


@pytest.fixture(scope="module")
def app() -> Flask:
    return create_app({"TESTING": True, "KB_GRAPH": None, "SECRET_KEY": "test"})


def shown(app: Flask, k: str, v, e: dict | None = None, lang: str = "zh") -> str:
    with app.test_request_context(f"/?lang={lang}"):
        return str(evidence_value(k, v, e or {}))


def test_links_carry_their_keys_and_escape_what_they_show(app: Flask) -> None:
    assert shown(app, "department", "<b>局</b>") == \
        '<a href="/departments/%3Cb%3E%E5%B1%80%3C/b%3E" class="ent ent-Department">&lt;b&gt;局&lt;/b&gt;</a>'
    assert shown(app, "power", "甲&乙", {"power_key": "k#1"}) == '<a href="/powers/k%231">甲&amp;乙</a>'
    assert shown(app, "article", "第三条", {"law_key": "安全生产法", "article_number": 3}) == \
        '<a href="/articles/%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7%E6%B3%95%233">第三条</a>'
    assert shown(app, "power", "无键") == "无键"  # no key: no link


def test_values_are_read_as_a_reader_reads_them(app: Flask) -> None:
    assert shown(app, "note", None) == shown(app, "note", "") == '<span class="muted">—</span>'
    assert shown(app, "note", True) == "是" and shown(app, "note", True, lang="en") == "yes"
    assert shown(app, "level", "county") == "县级" and shown(app, "level", "<x>") == "&lt;x&gt;"
    assert shown(app, "type", "citation") == "引用"
    assert shown(app, "source", {"file": "清单<1>.xlsx", "sheet": "表1", "row": 7}) == "清单&lt;1&gt;.xlsx · 工作表 表1 · 行 7"
    assert shown(app, "departments", ["甲局", "乙局"]).count('class="ent ent-Department"') == 2
    assert shown(app, "note", ["a", "<b>"]) == "a、&lt;b&gt;"
    assert shown(app, "cited_by", [{"power": "<p>", "department": "局"}]) == "<div>权力事项: &lt;p&gt;; 部门: 局</div>"
