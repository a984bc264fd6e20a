"""The analyses' data files and the law-version rules (no database)."""
from __future__ import annotations

import datetime as dt

from kb.analyses.rules import cited_version, parse_version, procedural_laws, same_version
from kb.model import stage_rules


def test_procedural_laws_from_the_data_file() -> None:
    laws = procedural_laws()
    for key in ("行政处罚法", "中华人民共和国行政许可法", "行政强制法", "行政复议法", "行政诉讼法", "国家赔偿法",
                "行政机关公务员处分条例", "国务院关于修改部分行政法规的决定"):
        assert key in laws
    assert "安全生产法" not in laws and "建设工程质量管理条例" not in laws


def test_stage_sets_are_data() -> None:
    rules = stage_rules()
    assert rules.min_named == 2
    assert rules.by_type["行政许可"] == ("受理", "审查", "决定", "送达", "事后监管")


def test_cited_version_skips_dates_of_entry_into_force() -> None:
    note = ("（1996年3月17日第八届全国人民代表大会第四次会议通过，2021年1月22日第十三届全国人民代表大会常务委员会"
            "第二十五次会议修订，自2021年7月15日起施行）")
    assert cited_version(note).date == dt.date(2021, 1, 22)
    assert cited_version("（2011年6月30日…通过，自2012年1月1日起施行）").date == dt.date(2011, 6, 30)
    assert cited_version("") is None


def test_same_version() -> None:
    loaded = parse_version("2019-04-23")
    assert same_version(cited_version("2019年4月25日…修正"), loaded)  # a mistyped day
    assert not same_version(cited_version("（2000年7月8日…，2015年11月4日予以修改）"), parse_version("2021-12-24"))
    assert same_version(cited_version("（2021年修正）"), parse_version("2021-12-24"))  # a year alone
    assert same_version(None, loaded)
