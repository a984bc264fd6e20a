"""The browser's Chinese catalogue: every message of the templates and views is translated, and the
compiled .mo shipped with the package says the same as the .po.

To update after changing a message:
    pybabel extract -F webui/babel.cfg -k _l -k lazy_gettext -o webui/translations/messages.pot .
    pybabel update -i webui/translations/messages.pot -d webui/translations -l zh
    (translate the new entries in webui/translations/zh/LC_MESSAGES/messages.po)
    pybabel compile -d webui/translations
"""
from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

WEBUI = Path(__file__).resolve().parents[2] / "webui"
PO = WEBUI / "translations" / "zh" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]


def extracted() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(WEBUI), METHODS, keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_message_has_a_chinese_translation():
    with PO.open("rb") as fh:
        catalogue = {m.id: m.string for m in read_po(fh) if m.id}
    missing = sorted(m for m in extracted() if not catalogue.get(m))
    assert not missing, f"untranslated (see this file's docstring): {missing}"


def test_the_compiled_catalogue_matches_the_source():
    with PO.open("rb") as fh:
        source = {m.id: m.string for m in read_po(fh) if m.id and m.string}
    with PO.with_suffix(".mo").open("rb") as fh:
        compiled = {m.id: m.string for m in read_mo(fh) if m.id}
    assert compiled == source, "run `pybabel compile -d webui/translations`"


def test_search_facets_count_each_value_among_the_hits_that_pass_every_other_filter():
    import itertools

    from webui.views import search

    values = {"label": ["Power", "Law"], "power_type": ["行政许可", "行政处罚", ""], "department": ["甲局", "乙局"],
              "level": ["county", ""], "jurisdiction": ["甲县", "乙县", "甲县某镇"]}
    hits = [dict(zip(values, combo, strict=True)) for combo in itertools.product(*values.values())] * 2
    within = {"甲县某镇"}  # the places below 甲县

    def by_definition(chosen: dict) -> dict:
        out = {}
        for facet, field in search.FIELDS.items():
            counts: dict[str, int] = {}
            for h in hits:
                if h[field] and all(search._passes(h, f, v, within) for f, v in chosen.items() if f != facet):
                    counts[h[field]] = counts.get(h[field], 0) + 1
            out[facet] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:30]
        return out

    none = {f: "" for f in search.FILTERS}
    for chosen in (none, none | {"type": "Power"}, none | {"type": "Power", "power_type": "行政许可"},
                   none | {"jurisdiction": "甲县", "department": "乙局", "level": "county"}):
        assert search._facets(hits, chosen, within) == by_definition(chosen), chosen
    # with 甲县 chosen, the township below it counts too: of 144 hits, 96 are in 甲县 or 甲县某镇, half each department's
    counted = dict(search._facets(hits, none | {"jurisdiction": "甲县"}, within)["department"])
    assert counted == {"甲局": 48, "乙局": 48}


def test_an_import_run_is_shown_by_when_it_ran():
    """A power's page names its import by when it ran (2026-12-07 22:30:59), the run's id kept in the link's title."""
    from webui.views.powers import run_time

    assert run_time("20261207T223059-7384cb00") == "2026-12-07 22:30:59"
    assert run_time("an-older-id") == "an-older-id" and run_time("") == ""
