"""kb.lawtext: what became of each article between two versions of a law."""
from __future__ import annotations

from kb.lawtext import compare_articles, likely_article
from kb.model import as_of_date, default_in_force_from

OLD = {1: "为了加强安全生产工作，防止和减少生产安全事故，制定本法。",
       2: "生产经营单位必须遵守本法和其他有关安全生产的法律、法规。",
       3: "工会依法对安全生产工作进行监督，维护职工在安全生产方面的合法权益。",
       4: "国务院应急管理部门对全国安全生产工作实施综合监督管理。"}


def test_renumbered_changed_repealed_and_added() -> None:
    new = {1: OLD[1], 2: "生产经营单位必须遵守本法和其他有关安全生产的法律、法规，加强安全生产管理。",
           5: OLD[4], 6: "平台经济等新兴行业的生产经营单位应当建立健全全员安全生产责任制。"}
    got = {(c.change, c.old_number, c.new_number) for c in compare_articles(OLD, new)}
    assert got == {("unchanged", 1, 1), ("changed", 2, 2), ("repealed", 3, None), ("renumbered", 4, 5),
                   ("added", None, 6)}


def test_a_quoted_passage_is_found_in_its_article() -> None:
    assert likely_article("对全国安全生产工作实施综合监督管理", OLD) == (4, 1.0)
    assert likely_article("与本法无关的一句话，完全不同的内容", OLD) is None


def test_dates() -> None:
    assert default_in_force_from("2024年") == "2024-01-01" and default_in_force_from("") is None
    assert as_of_date(" 2025-03-01 ") == "2025-03-01" and as_of_date("") is None
    for bad in ("2025-3-1", "2025-02-30", "June"):
        try:
            as_of_date(bad)
        except ValueError:
            continue
        raise AssertionError(bad)
