"""Comparing versions of a law's text: where an article of one version is in another.

One comparison serves the law importer (a new version of a loaded law queues every power citing a
renumbered, changed or repealed article for review, `LawReview`) and the `other_version` rule (where
a citation of an older version is in the loaded text, `now_at`: by `compare_articles` when that older
text is kept, else by where its quoted passage is). Texts are compared without
whitespace by rapidfuzz:

- `ratio` (whole article against whole article) for two versions of a law: an article whose text is
  at another number with `ratio` ≥ MOVED is *renumbered*; one whose text is still mostly there (at
  its own number or elsewhere, ≥ KEPT) is *changed*, at the number where it is most alike; one found
  nowhere is *repealed*. A new article no old one points to is *added*.
- `partial_ratio` (a quoted passage inside an article) for a citing text against a version.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from kb.model import squeeze

SAME = 95  # ratio: the same article (punctuation or a word fixed)
MOVED = 85  # ratio: the article's text is at this other number: renumbered
KEPT = 50  # ratio: still the same article, changed
QUOTED = 85  # partial_ratio: a citing text is clearly inside an article
CHANGES = ("renumbered", "changed", "repealed")  # what sends a citing power to review


@dataclass(frozen=True)
class ArticleChange:
    change: str  # unchanged / renumbered / changed / repealed / added
    old_number: int | None
    new_number: int | None  # where the old text is now (the likely new article); None when repealed
    old_text: str
    new_text: str
    similarity: float  # 0–1, of the old text and the new one

    def as_dict(self) -> dict:
        return {"change": self.change, "old_number": self.old_number, "new_number": self.new_number,
                "old_text": self.old_text, "new_text": self.new_text, "similarity": self.similarity}


def compare_articles(old: dict[int, str], new: dict[int, str]) -> list[ArticleChange]:
    """Every old article (by number) with what became of it in the new version, then the added ones."""
    squeezed_new = {n: squeeze(t) for n, t in new.items()}
    out: list[ArticleChange] = []
    taken: set[int] = set()
    for number, text in sorted(old.items()):
        s_text = squeeze(text)
        here = fuzz.ratio(s_text, squeezed_new[number]) if number in squeezed_new else 0.0
        if here >= SAME:
            out.append(ArticleChange("unchanged", number, number, text, new[number], round(here / 100, 2)))
            taken.add(number)
            continue
        best = process.extractOne(s_text, squeezed_new, scorer=fuzz.ratio) if squeezed_new else None
        at, score = (best[2], best[1]) if best else (None, 0.0)
        if at is not None and at != number and score >= MOVED and score > here:
            change, target, sim = "renumbered", at, score
        elif max(here, score) >= KEPT:
            target, sim = (number, here) if here >= score else (at, score)
            change = "changed"
        else:
            change, target, sim = "repealed", None, max(here, score)
        if target is not None:
            taken.add(target)
        out.append(ArticleChange(change, number, target, text, new.get(target, "") if target is not None else "",
                                 round(sim / 100, 2)))
    for number in sorted(set(new) - taken):
        out.append(ArticleChange("added", None, number, "", new[number], 0.0))
    return out


def likely_article(text: str, articles: dict[int, str], cutoff: float = QUOTED) -> tuple[int, float] | None:
    """The article a quoted text is clearly in (number, similarity 0–1), or None."""
    text = (text or "").strip()
    if not text or not articles:
        return None
    hit = process.extractOne(text[:120], articles, scorer=fuzz.partial_ratio, score_cutoff=cutoff)
    return (hit[2], round(hit[1] / 100, 2)) if hit else None
