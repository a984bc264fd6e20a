"""Labels of the graph model as the browser shows them: a page per entity, a colour, a display name."""
from __future__ import annotations

from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l

# (endpoint, key property) of the page of each label.
PAGES: dict[str, tuple[str, str]] = {
    "Jurisdiction": ("browse.jurisdiction", "name"),
    "Department": ("browse.department", "name"),
    "Unit": ("browse.unit", "key"),
    "ListVersion": ("browse.version", "key"),
    "Power": ("powers.power", "key"),
    "Responsibility": ("powers.responsibility", "key"),
    "Accountability": ("powers.power", "power_key"),
    "Delegation": ("powers.power", "key"),
    "CatalogItem": ("powers.catalog_item", "key"),
    "Law": ("laws.law", "key"),
    "Article": ("laws.article", "key"),
    "Thing": ("things.thing", "key"),
    "ServiceItem": ("things.service_item", "key"),
    "ImportRun": ("dashboard.import_run", "id"),
    "Finding": ("reports.finding", "id"),
    "Edit": ("edits.edit", "id"),
}

LABEL_COLOURS: dict[str, str] = {
    "Jurisdiction": "#8c6d31",
    "Department": "#1f77b4",
    "Unit": "#9ecae1",
    "ListVersion": "#7f7f7f",
    "Power": "#d62728",
    "Responsibility": "#ff9896",
    "Accountability": "#e377c2",
    "Delegation": "#bcbd22",
    "CatalogItem": "#17becf",
    "Law": "#2ca02c",
    "Article": "#98df8a",
    "Thing": "#9467bd",
    "ServiceItem": "#c5b0d5",
    "ImportRun": "#c7c7c7",
    "Finding": "#ff7f0e",
    "User": "#636363",
    "Edit": "#bdbdbd",
}

LABEL_NAMES = {
    "Jurisdiction": _l("Jurisdiction"),
    "Department": _l("Department"),
    "Unit": _l("Unit"),
    "ListVersion": _l("List version"),
    "Power": _l("Power"),
    "Responsibility": _l("Responsibility"),
    "Accountability": _l("Accountability"),
    "Delegation": _l("Delegation"),
    "CatalogItem": _l("Catalogue item"),
    "Law": _l("Law"),
    "Article": _l("Article"),
    "Thing": _l("Integrated service"),
    "ServiceItem": _l("Service item"),
    "ImportRun": _l("Import"),
    "Finding": _l("Finding"),
    "User": _l("User"),
    "Edit": _l("Edit"),
}

AREA_NAMES = {"browse": _l("Browse"), "overlaps": _l("Overlaps"), "gaps": _l("Gaps"), "chains": _l("Chains"),
              "consistency": _l("Consistency"), "services": _l("Integrated services")}
STATUS_NAMES = {"open": _l("open"), "resolved": _l("resolved"), "accepted": _l("accepted")}

IMPORT_KINDS = {"list": _l("list"), "law": _l("law text"), "guide": _l("service guide")}
IMPORT_STATUSES = {"imported": _l("imported"), "unchanged": _l("unchanged"), "failed": _l("failed"),
                   "refused": _l("refused")}

LEVEL_NAMES = {"province": _l("province"), "city": _l("city"), "county": _l("county"),
               "township": _l("township")}
LEVEL_ORDER = {"province": 0, "city": 1, "county": 2, "township": 3}


def label_of(labels: list[str] | tuple[str, ...] | str) -> str:
    if isinstance(labels, str):
        return labels
    for label in labels:
        if label in LABEL_COLOURS:
            return label
    return labels[0] if labels else ""


def key_of(label: str, props: dict[str, Any]) -> str | None:
    page = PAGES.get(label)
    if not page:
        return None
    value = props.get(page[1])
    if label == "Delegation" and isinstance(value, str):
        value = value.removesuffix("#delegation")
    return None if value is None else str(value)


def entity_url(label: str | list[str], props: dict[str, Any] | None = None, **kwargs: Any) -> str | None:
    """The page of a node given its label(s) and properties (or its key as ``key=``)."""
    label = label_of(label)
    page = PAGES.get(label)
    if not page:
        return None
    key = kwargs.get("key") if props is None else key_of(label, props)
    if key is None:
        return None
    arg = "name" if page[1] == "name" else ("id" if page[1] == "id" else "key")
    return url_for(page[0], **{arg: key})


def display_name(label: str, props: dict[str, Any]) -> str:
    for field in ("name", "title", "label", "text", "key", "id"):
        value = props.get(field)
        if value:
            text = str(value)
            return text if len(text) <= 60 else text[:59] + "…"
    return label
