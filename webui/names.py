"""Department names as the browser shows them where space is short (charts, graph captions, chains).

A department's full name carries its jurisdiction (浏阳市市场监督管理局). Its short name drops that
prefix (市场监督管理局), which only helps when the short name says what the body is and no other body on
the same page has it: the Hunan, Changsha and Liuyang 市场监督管理局 side by side, or a township's
办事处, need their full names.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

# What is left of a name once its jurisdiction is dropped, when it says what kind of body it is
# rather than which: 浏阳市集里街道 + 办事处, 某某镇 + 人民政府, 湘江新区 + 管理委员会.
GENERIC = frozenset({"办事处", "街道办事处", "街道办", "人民政府", "政府", "管理委员会", "管委会", "委员会",
                     "办公室", "局", "委", "办", "厅"})


def short_department(name: str, jurisdiction: str | None) -> str:
    """The name without its jurisdiction prefix, or the full name when that would say too little."""
    if jurisdiction and name.startswith(jurisdiction) and len(name) > len(jurisdiction):
        rest = name[len(jurisdiction):]
        if rest not in GENERIC and len(rest) >= 2:
            return rest
    return name


def department_labels(departments: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """{full name: what to show} for departments shown together: the short name where it is meaningful and
    unique among them, and they are all of one place (beside another place's, 水利厅 says not whose), else the full
    name."""
    pairs = dict(departments)
    if len({j for j in pairs.values() if j}) > 1:
        return {name: name for name in pairs}
    shorts = {name: short_department(name, jurisdiction) for name, jurisdiction in pairs.items()}
    counts = Counter(shorts.values())
    return {name: short if counts[short] == 1 else name for name, short in shorts.items()}
