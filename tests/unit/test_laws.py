
import pytest

from importers.laws import looks_like_law, parse_law
from importers.records import FileRefused
from tests.conftest import SHARED_DATA

LAWS = SHARED_DATA / "laws"


def law(name: str):
    (path,) = LAWS.glob(f"{name}(*).md")
    return parse_law(path)


@pytest.mark.parametrize(("name", "count", "date"), [
    ("安全生产法", 119, "2021-06-10"), ("行政许可法", 83, "2019-04-23"), ("行政处罚法", 86, "2021-01-22"),
    ("行政强制法", 71, "2011-06-30"), ("种子法", 92, "2021-12-24"), ("野生动物保护法", 64, "2022-12-30"),
    ("土地管理法", 87, "2019-08-26"),
])
def test_real_laws_have_all_articles_in_order(name, count, date):
    doc = law(name)
    assert doc.title == f"中华人民共和国{name}"
    assert doc.version_date == date
    assert len(doc.articles) == count
    assert [a.number for a in doc.articles] == list(range(1, count + 1))
    assert all(a.text for a in doc.articles)
    assert len(doc.sha256) == 64


def test_article_text_and_paragraphs():
    doc = law("安全生产法")
    a62 = doc.articles[61]
    assert (a62.number, a62.label) == (62, "第六十二条")
    assert a62.text.startswith("县级以上地方各级人民政府应当根据本行政区域内的安全生产状况")
    # The second paragraph has no 第X条 prefix and still belongs to article 62.
    assert a62.text.split("\n")[1].startswith("应急管理部门应当按照分类分级监督管理的要求")
    assert a62.chapter == "第四章 安全生产的监督管理"
    assert len(doc.articles[2].text.split("\n")) == 3  # 第三条 has three paragraphs
    assert doc.articles[118].text == "本法自2002年11月1日起施行。"


def test_history_and_sections():
    doc = law("土地管理法")
    assert len(doc.history) == 5
    assert doc.history[0].startswith("1986年6月25日")
    # The last amendment line wraps in the file; the two lines make one entry.
    assert doc.history[-1].endswith("〈中华人民共和国城市房地产管理法〉的决定》第三次修正")
    assert doc.articles[0].chapter == "第一章 总则"  # "## 第一章  总 则" in the file
    penalty = law("行政处罚法")
    article = next(a for a in penalty.articles if a.number == 51)
    assert (article.chapter, article.section) == ("第五章 行政处罚的决定", "第二节 简易程序")


def test_version_date_from_history_when_name_has_none(tmp_path):
    path = tmp_path / "示例法.md"
    path.write_text("# 示例法\n\n2001年1月1日 通过\n\n2020年3月5日 修正\n\n<!-- INFO END -->\n\n"
                    "第一条 为了测试。\n\n第二条 第二段之前。\n\n第二段。\n", encoding="utf-8")
    doc = parse_law(path)
    assert doc.version_date == "2020-03-05"
    assert doc.history == ["2001年1月1日 通过", "2020年3月5日 修正"]
    assert [a.text for a in doc.articles] == ["为了测试。", "第二段之前。\n第二段。"]


def test_refuses_a_file_without_title(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("\n关于示例工作的说明\n第一条 内容。\n", encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        parse_law(path)
    assert refused.value.errors[0].row == 2
    assert "# <法律名称>" in refused.value.errors[0].message and "关于示例工作的说明" in refused.value.errors[0].message
    # a law's name on a line of its own is its title, as published
    path.write_text("\n中华人民共和国示例法\n第一条 内容。\n", encoding="utf-8")
    assert (parse_law(path).title, [a.text for a in parse_law(path).articles]) == ("中华人民共和国示例法", ["内容。"])


def test_refuses_a_file_without_articles(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("# 示例法\n\n2001年1月1日 通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n", encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        parse_law(path)
    assert "没有找到条文" in str(refused.value)
    assert refused.value.errors[0].row == 6  # the first line after <!-- INFO END -->


def test_looks_like_law(tmp_path):
    assert all(looks_like_law(p) for p in LAWS.glob("*.md"))
    assert not looks_like_law(SHARED_DATA / "README.md")
    assert not looks_like_law(SHARED_DATA / "hunan_onething" / "themes.json")
    binary = tmp_path / "x.md"
    binary.write_bytes(b"\xd0\xcf\x11\xe0\xff\xfe")
    assert not looks_like_law(binary)


def test_a_regulation_under_its_state_council_order_is_dated_by_the_order(tmp_path):
    """国务院令 第684号 above the title, no history in brackets: the text's date is the day the order says it was
    adopted (2017年8月6日, also the order's own date line)."""
    path = tmp_path / "无证无照经营查处办法.txt"
    path.write_text("中华人民共和国国务院令\n第684号\n\n《无证无照经营查处办法》已经2017年8月6日国务院第180次常务会议通过，现予公布，"
                    "自2017年10月1日起施行。\n\n总理　李克强\n2017年8月6日\n\n无证无照经营查处办法\n\n"
                    "第一条　为了维护社会主义市场经济秩序，制定本办法。\n第二条　任何单位或者个人不得从事无证无照经营。\n",
                    encoding="gb18030")
    doc = parse_law(path)
    assert (doc.title, doc.version_date, len(doc.articles)) == ("无证无照经营查处办法", "2017-08-06", 2)
