"""Chinese article numbers: 第一百一十九条 <-> 119.

Lists and law texts number articles in Chinese numerals (第六十二条), sometimes in Arabic or
full-width digits (第62条, 第６２条). Both sides must meet on one integer to match a cited article
to a loaded one.
"""
from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS) + "0123456789０１２３４５６７８９"

# One numeral, as it appears between 第 and a unit (条 款 项 章 节 目).
NUMERAL = f"[{_NUMERAL_CHARS}]+"
_LABEL = re.compile(rf"^\s*第?\s*({NUMERAL})\s*[条款项章节目]?\s*$")


def chinese_to_int(numeral: str) -> int:
    """Value of a Chinese or Arabic numeral: 一百零五 -> 105, 十 -> 10, 62 -> 62.

    Raises ValueError for text that is not a numeral, so a caller never gets a silent 0.
    """
    text = numeral.strip().translate(_FULL_WIDTH)
    if not text:
        raise ValueError("数字为空")
    if text.isdecimal():
        return int(text)
    if any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        raise ValueError(f"不是数字：{numeral!r}")
    if all(ch in _DIGITS for ch in text) and len(text) > 1:
        # Digit-by-digit form, as in years: 二〇二一 -> 2021.
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
            continue
        unit = _UNITS[ch]
        # 十 alone or at the start means 一十 (十二 = 12).
        total += (1 if digit is None else digit) * unit
        digit = None
    return total + (digit or 0)


def label_to_int(label: str) -> int | None:
    """Article number of a label such as 第一百一十九条 or 第62条; None when it is not one."""
    match = _LABEL.match(label)
    if not match:
        return None
    try:
        return chinese_to_int(match.group(1))
    except ValueError:
        return None


def int_to_chinese(value: int) -> str:
    """Chinese numeral as laws write it: 10 -> 十, 105 -> 一百零五, 119 -> 一百一十九."""
    if not 0 <= value < 10000:
        raise ValueError(f"超出条文序号的范围：{value}")
    if value == 0:
        return "零"
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    pending_zero = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit_value)
        if digit:
            if pending_zero:
                parts.append("零")
            parts.append(digits[digit] + unit)
            pending_zero = False
        elif parts:
            pending_zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def article_label(number: int) -> str:
    """62 -> 第六十二条."""
    return f"第{int_to_chinese(number)}条"
