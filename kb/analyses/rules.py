"""The analyses' data files (kb/analyses/data), and the small rules built on them."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from kb.model import law_key

_DATA = "data"


def _text(name: str) -> str:
    return resources.files("kb.analyses").joinpath(f"{_DATA}/{name}").read_text("utf-8")


@dataclass(frozen=True)
class ProceduralLaws:
    keys: frozenset[str]
    patterns: tuple[re.Pattern, ...]

    def __contains__(self, key: object) -> bool:
        return _procedural(self, str(key or ""))


@lru_cache(maxsize=100_000)
def _procedural(laws: ProceduralLaws, key: str) -> bool:
    """Whether a cited law is procedural, once per law key asked (every citation asks)."""
    key = law_key(key)
    return key in laws.keys or any(p.search(key) for p in laws.patterns)


@lru_cache(maxsize=1)
def procedural_laws() -> ProceduralLaws:
    keys, patterns = set(), []
    for line in _text("procedural_laws.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("~"):
            patterns.append(re.compile(line[1:]))
        else:
            keys.add(law_key(line))
    return ProceduralLaws(frozenset(keys), tuple(patterns))


# --- law versions --------------------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?")
_IN_FORCE = re.compile(r"^\s*(?:起)?\s*(?:施行|生效|实施)")
SAME_VERSION_DAYS = 31  # lists mistype amendment dates by a few days (2019年4月25日 for 4月23日)


class Version(NamedTuple):
    date: dt.date
    precision: str  # day / month / year


@lru_cache(maxsize=4096)
def cited_version(note: str | None) -> Version | None:
    """The version a citation names: the latest enactment/amendment date in its history note.

    Dates followed by 施行/生效 (entry into force) are not versions. None when the note names no date.
    """
    best: Version | None = None
    text = note or ""
    for m in _DATE.finditer(text):
        if _IN_FORCE.match(text[m.end(): m.end() + 4]):
            continue
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        precision = "day" if day else "month" if month else "year"
        try:
            date = dt.date(year, int(month or 1), int(day or 1))
        except ValueError:
            continue
        if best is None or date > best.date:
            best = Version(date, precision)
    return best


def parse_version(value: object) -> Version | None:
    """Law.version_date (2021-06-10) or a history note -> Version."""
    if isinstance(value, dt.date):
        return Version(value, "day")
    text = str(value or "")
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        return Version(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day")
    return cited_version(text)


def same_version(a: Version | None, b: Version | None) -> bool:
    """Unknown versions are taken as the same (nothing says otherwise); a year alone matches its year."""
    if a is None or b is None:
        return True
    if "year" in (a.precision, b.precision):
        return a.date.year == b.date.year
    return abs((a.date - b.date).days) <= SAME_VERSION_DAYS
