"""Two versions of a text with what changed marked (webui/changes.py): what a reader of a diff sees."""
from __future__ import annotations

from webui.changes import CONTEXT, WHOLE, marked

BASIS = "【法律】《中华人民共和国档案法》" + "第四十二条：档案主管部门依照法律、行政法规对档案管理的下列情况进行检查。" * 20


def test_a_line_added_at_the_end_of_a_long_text_is_what_shows():
    old, new = marked(BASIS, BASIS + "\n【地方性法规】《新疆维吾尔自治区档案条例》第三十条")
    assert new.endswith("<ins>\n【地方性法规】《新疆维吾尔自治区档案条例》第三十条</ins>")
    assert new.startswith("…") and len(new) < CONTEXT + 80  # the shared start is left out but its end
    assert old == "…" + BASIS[-CONTEXT:]


def test_a_word_changed_inside_is_marked_on_both_sides():
    old, new = marked("县级以上地方各级人民政府应当根据本行政区域内的安全生产状况，组织有关部门进行严格检查。",
                      "县级以上地方各级人民政府必须根据本行政区域内的安全生产状况，组织有关部门进行严格检查。", None)
    assert "<del>应当</del>" in old and "<ins>必须</ins>" in new
    assert old.replace("<del>应当</del>", "应当").startswith("县级以上") and "严格检查。" in new  # context=None: whole


def test_text_is_escaped_and_one_sided_text_is_shortened():
    old, new = marked("<b>旧</b>", "<b>新</b>")
    assert "<b>" not in old and "&lt;b&gt;" in new
    old, new = marked("", "长" * (WHOLE + 50))
    assert old == "" and new == "长" * WHOLE + "…"


def test_long_texts_are_compared_by_their_ends():
    long = "甲" * 5000
    old, new = marked(long + "乙" + long, long + "丙" + long)
    assert "<del>乙</del>" in old and "<ins>丙</ins>" in new and len(new) < 200
