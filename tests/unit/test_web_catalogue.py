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
