"""The saved queries that answer as of a date use kb.model's fragment word for word, check the date
they are given, and the revision labels of published lists count up."""
from __future__ import annotations

import re

import pytest

from importers.revisions import revision_label
from kb.model import as_of_filter
from queries import loader


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_query_with_as_of_filters_its_powers_with_the_model_fragment() -> None:
    dated = [q for q in loader.load_all() if q.as_of]
    assert len(dated) >= 20
    for q in dated:
        body = _squeezed(q.cypher)
        fragments = re.findall(r"CASE WHEN \$as_of = '' THEN (\w+)\.current = true ELSE .*? END", body)
        assert fragments, q.name
        for power in fragments:
            version = re.search(rf"CASE WHEN \$as_of = '' THEN {power}\.current = true ELSE \(coalesce\((\w+)\.", body)
            assert version and as_of_filter(power, version.group(1)) in body, q.name
        assert "HOLDS" not in body, f"{q.name}: HOLDS is the current list only; as of a date it is CONTAINS"


def test_as_of_is_checked_as_a_date_and_empty_means_the_current_lists() -> None:
    q = loader.get("powers_by_department")
    assert q.bind({"as_of": "2024-06-01"})["as_of"] == "2024-06-01"
    assert q.bind({"as_of": ""})["as_of"] == "" and q.bind({})["as_of"] == ""
    for bad in ("2024-6-1", "2024-02-30", "June", "2024/06/01"):
        with pytest.raises(loader.QueryError, match="YYYY-MM-DD"):
            q.bind({"as_of": bad})
    assert not loader.get("things").as_of


def test_revision_labels_count_up_from_the_published_label() -> None:
    assert revision_label("2025", {"2024", "2025"}) == "2025-修订1"
    assert revision_label("2025-修订1", {"2025", "2025-修订1"}) == "2025-修订2"
    assert revision_label("2025", {"2025", "2025-修订1", "2025-修订2"}) == "2025-修订3"
    assert revision_label("", {""}) == "-修订1"
