"""One value of a finding's evidence, readable, as HTML: kinds and fields by name, a source as
file · sheet · row, metrics as name: value, departments, powers, laws and articles as links.

The macros `dept`, `level_name` and `yes_no` of macros.html call the functions here (one way of
drawing each). Python, not a Jinja macro: a finding's page draws four or five hundred values (an overlap group's
evidence), and the macro's chain of tests cost 20 ms of the page's 35 on the province. Everything shown
is escaped (Markup.format, escape); what it returns is Markup."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flask import url_for
from flask_babel import gettext as _
from markupsafe import Markup, escape

from importers.mapping import FIELD_LABELS, mapping_title
from webui.entities import EVIDENCE_FIELDS, EVIDENCE_TYPES, EVIDENCE_VALUES

_EMPTY = Markup('<span class="muted">—</span>')
_LINK = Markup('<a href="{}">{}</a>')
_DEPARTMENT = Markup('<a href="{}" class="ent ent-Department">{}</a>')
_LEVELS = {"province": "province", "city": "city", "county": "county", "township": "township"}



def layouts_title(mapping: str | None) -> str:
    """A list version's layout (its mapping's name; standard+duty_table: a list and its duty table, two layouts) as a
    reader reads it: each layout's title."""
    return "、".join(mapping_title(name) for name in (mapping or "").split("+") if name)

def _is_list(v: Any) -> bool:
    """What Jinja calls iterable and neither a string nor a mapping."""
    return isinstance(v, Iterable) and not isinstance(v, str | bytes | Mapping)


def department(name: Any, as_of: str | None = None) -> Markup:
    """A department's name as a link to its page (of the lists in force on `as_of` when given)."""
    return _DEPARTMENT.format(url_for("browse.department", name=name, as_of=as_of), name) if name else Markup("")


def level_name(level: Any) -> Markup:
    word = _LEVELS.get(level) if isinstance(level, str) else None
    return escape(_(word) if word else (level or ""))


def yes_no(v: Any) -> Markup:
    if v is True:
        return escape(_("yes"))
    if v is False:
        return escape(_("no"))
    if _is_list(v):
        return Markup("、").join(escape(x) for x in v)
    return escape(v)


def source(v: Mapping) -> Markup:
    out = escape(v.get("file") or "")
    if v.get("sheet"):
        out += Markup(" · {} {}").format(_("sheet"), v["sheet"])
    if v.get("row"):
        out += Markup(" · {} {}").format(_("row"), v["row"])
    return out


def evidence_value(k: str, v: Any, e: Mapping | None = None) -> Markup:
    e = e or {}
    if v is None or v == "":
        return _EMPTY
    if k == "article" and e.get("law_key") and e.get("article_number"):
        return _LINK.format(url_for("laws.article", key=f"{e['law_key']}#{e['article_number']}"), v)
    if k == "power" and e.get("power_key"):
        return _LINK.format(url_for("powers.power", key=e["power_key"]), v)
    if k == "law" and e.get("law_key"):
        return _LINK.format(url_for("laws.law", key=e["law_key"]), v)
    if k == "type":
        return escape(EVIDENCE_TYPES.get(v, v) if isinstance(v, str) else v)
    if k in ("field", "attribute"):
        return escape(EVIDENCE_VALUES.get(v, v) if isinstance(v, str) else v)
    if k in ("level", "missing_level"):
        return level_name(v)
    if isinstance(v, Mapping) and ("file" in v or "row" in v):
        return source(v)
    if _is_list(v) and v and isinstance(v[0], Mapping):
        parts = []
        for item in v:
            if "file" in item or "row" in item:
                inner = source(item)
            else:
                inner = Markup("; ").join(Markup("{}: {}").format(EVIDENCE_FIELDS.get(mk, mk), yes_no(mv))
                                          for mk, mv in item.items())
            parts.append(Markup("<div>{}</div>").format(inner))
        return Markup("").join(parts)
    if k == "fields" and _is_list(v):  # (a list version's fields, by their keys; a kept column's by its own header)
        from webui.views.powers import FIELD_NAMES

        return Markup("、").join(escape(FIELD_LABELS.get(f) or FIELD_NAMES.get(f"x_{f}") or str(f)) for f in v)
    if k == "mapping" and isinstance(v, str):
        return escape(layouts_title(v))
    if k == "metrics_missing" and _is_list(v):
        return Markup("、").join(escape(EVIDENCE_VALUES.get(m, m)) for m in v)
    if isinstance(v, Mapping):
        return Markup("").join(Markup("<div>{}: {}</div>").format(EVIDENCE_VALUES.get(mk, mk), yes_no(mv))
                               for mk, mv in v.items())
    if k in ("department", "lead"):
        return department(v)
    if k == "departments" and _is_list(v):
        return Markup("、").join(department(d) for d in v)
    return yes_no(v)
