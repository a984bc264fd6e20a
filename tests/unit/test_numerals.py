import pytest

from importers.numerals import article_label, chinese_to_int, int_to_chinese, label_to_int


@pytest.mark.parametrize(("label", "number"), [
    ("第一条", 1), ("第十条", 10), ("第十一条", 11), ("第二十条", 20), ("第六十二条", 62),
    ("第一百条", 100), ("第一百零五条", 105), ("第一百一十条", 110), ("第一百一十九条", 119),
    ("第两百条", 200), ("第一千零一条", 1001), ("第62条", 62), ("第６２条", 62), ("第 六十二 条", 62),
])
def test_label_to_int(label, number):
    assert label_to_int(label) == number


def test_digit_by_digit_and_zero_forms():
    assert chinese_to_int("二〇二一") == 2021
    assert chinese_to_int("〇") == 0
    assert chinese_to_int("零") == 0


@pytest.mark.parametrize("text", ["", "条", "第X条", "abc", "第一款x"])
def test_non_numerals_are_refused(text):
    assert label_to_int(text) is None


def test_chinese_to_int_raises_instead_of_guessing():
    with pytest.raises(ValueError):
        chinese_to_int("六十二条")


@pytest.mark.parametrize("number", [1, 9, 10, 11, 19, 20, 62, 100, 101, 105, 110, 119, 999, 1000, 1010, 2021])
def test_round_trip(number):
    assert chinese_to_int(int_to_chinese(number)) == number


def test_labels_are_written_as_laws_write_them():
    assert article_label(62) == "第六十二条"
    assert article_label(10) == "第十条"
    assert article_label(105) == "第一百零五条"
    assert article_label(110) == "第一百一十条"
    assert article_label(119) == "第一百一十九条"


def test_out_of_range():
    with pytest.raises(ValueError):
        int_to_chinese(-1)
    with pytest.raises(ValueError):
        int_to_chinese(10000)
