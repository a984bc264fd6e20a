"""The saved-query library (queries/): a form from each header, results as a table and a graph."""
from __future__ import annotations

import time
from typing import Any
from urllib.parse import unquote_plus, urlencode

from flask import Blueprint, abort, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import BooleanField, FloatField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from kb import readonly
from kb.model import as_of_date
from queries import loader
from webui import exports, results, store
from webui.columns import coded_value, param_name
from webui.pages import page

bp = Blueprint("queries", __name__)

CHOICES_TTL = 60.0
_choices_cache: dict[str, tuple[float, list[Any]]] = {}


def choices(param: loader.Param) -> list[Any]:
    """A parameter's choices query, run read-only (through kb.readonly) and kept for a minute."""
    if not param.choices_query:
        return []
    hit = _choices_cache.get(param.choices_query)
    if hit and time.monotonic() - hit[0] < CHOICES_TTL:
        return hit[1]
    try:
        result = readonly.run(store.graph(), param.choices_query, row_cap=2000)
        values = [r.values()[0] for r in result.records]
    except (readonly.Refused, readonly.QueryFailed):
        values = []
    _choices_cache[param.choices_query] = (time.monotonic(), values)
    return values


def _localised(q: loader.SavedQuery) -> dict[str, str]:
    english = str(get_locale()) == "en"
    return {"title": (q.title_en if english else q.title) or q.title,
            "description": (q.description_en if english else q.description) or q.description}


def _summary(q: loader.SavedQuery) -> dict[str, Any]:
    return {"name": q.name, "area": q.area, **_localised(q), "params": [p.name for p in q.params]}


class QueryForm(FlaskForm):
    class Meta:
        csrf = False  # read-only queries run from a GET form; a permalink carries the parameters


def build_form(q: loader.SavedQuery) -> FlaskForm:
    fields: dict[str, Any] = {}
    for p in q.params:
        options = choices(p)
        default = p.default
        if options:
            items = [SelectChoice("", "—")] if p.type == "str" and p.default in ("", None) else []
            items += [SelectChoice(str(v), coded_value(p.name, str(v))) for v in options if v is not None]
            fields[p.name] = SelectField(param_name(p.name), choices=items, default="" if default is None else str(default))
        elif p.name == loader.AS_OF:  # a date picker; empty answers from the current lists
            fields[p.name] = StringField(param_name(p.name), default="", render_kw={"type": "date"})
        elif p.type == "int":
            fields[p.name] = IntegerField(param_name(p.name), default=default, validators=[Optional()])
        elif p.type == "float":
            fields[p.name] = FloatField(param_name(p.name), default=default, validators=[Optional()])
        elif p.type == "bool":
            fields[p.name] = BooleanField(param_name(p.name), default=bool(default))
        else:
            fields[p.name] = StringField(param_name(p.name), default="" if default is None else str(default))
    form_class = type("SavedQueryForm", (QueryForm,), fields)
    submitted = "run" in request.args
    return form_class(formdata=request.args if submitted else None)


def _values(q: loader.SavedQuery, form: FlaskForm) -> dict[str, Any]:
    values = {}
    for p in q.params:
        value = form[p.name].data
        if value is None:
            continue
        values[p.name] = value
    return values


@page(bp, "/queries", "queries/list.html")
def library() -> dict:
    try:
        grouped = loader.areas()
    except loader.QueryError as exc:
        return {"areas": [], "error": str(exc), "_status": 500}
    return {"areas": [{"area": area, "queries": [_summary(q) for q in qs]} for area, qs in grouped.items()],
            "error": None}


@page(bp, "/queries/<area>/<name>", "queries/query.html")
def saved_query(area: str, name: str) -> Any:
    name, fmt = exports.split_format(name)
    try:
        q = loader.get(f"{area}/{name}")
    except KeyError:
        abort(404)
    form = build_form(q)
    should_run = "run" in request.args or not q.params or fmt is not None
    context: dict[str, Any] = {"query": {**q.as_dict(), **_localised(q)}, "_form": form, "ran": False,
                               "values": {}, "error": None}
    if should_run:
        try:
            values = _values(q, form)
            if q.as_of:
                values[loader.AS_OF] = as_of_date(values.get(loader.AS_OF)) or ""
        except ValueError:
            context["error"] = _("The date must be written YYYY-MM-DD.")
            context["_status"] = 400
            return context
        try:
            values = q.bind(values)
        except loader.QueryError as exc:
            context["error"] = str(exc)
            context["_status"] = 400
            return context
        context["values"] = values
        context["as_of"] = values.get(loader.AS_OF) or None
        args = {"run": 1, **{k: ("true" if v else "false") if isinstance(v, bool) else v
                             for k, v in values.items() if v is not None}}
        context["permalink"] = url_for("queries.saved_query", area=q.area, name=q.name) + "?" + urlencode(args)
        context["permalink_text"] = unquote_plus(context["permalink"])
        outcome = results.execute(q.cypher, values)
        if fmt and not outcome["refused"]:
            return exports.download(fmt, q.name, outcome["columns"],
                                    exports.as_rows(outcome["columns"], outcome["rows"]))
        context.update(outcome, ran=True)
    return context
