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
    "LawVersion": _l("Law version"),
    "ArticleText": _l("Article text"),
    "LawReview": _l("Citation review"),
}

AREA_NAMES = {"browse": _l("Browse"), "overlaps": _l("Overlaps"), "gaps": _l("Gaps"), "chains": _l("Chains"),
              "consistency": _l("Consistency"), "services": _l("Integrated services"), "laws": _l("Laws to load")}
STATUS_NAMES = {"open": _l("open"), "resolved": _l("resolved"), "accepted": _l("accepted")}

IMPORT_KINDS = {"list": _l("list"), "law": _l("law text"), "guide": _l("service guide"), "unknown": _l("unknown"),
                "mixed": _l("several kinds")}
IMPORT_STATUSES = {"imported": _l("imported"), "unchanged": _l("unchanged"), "failed": _l("failed"),
                   "refused": _l("refused"), "valid": _l("can be imported"), "skipped": _l("skipped")}

LEVEL_NAMES = {"province": _l("province"), "city": _l("city"), "county": _l("county"),
               "township": _l("township")}


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


# The users' roles (webui.users.ROLES) as a page names them.
ROLE_NAMES = {"viewer": _l("Viewer"), "editor": _l("Editor"), "admin": _l("Administrator")}

# The evidence of a finding (kb.analyses), as its page names it; the JSON keeps the keys.
EVIDENCE_FIELDS = {
    "type": _l("Evidence"), "power": _l("Power"), "powers": _l("Powers"), "department": _l("Department"),
    "departments": _l("Departments"), "law": _l("Law"), "law_key": _l("Law key"), "article": _l("Article"),
    "article_number": _l("Article number"), "text": _l("Text as cited in the list"),
    "version_note": _l("Version cited"), "source": _l("Source"), "sources": _l("Source"), "field": _l("Cited in"),
    "cited_by": _l("Powers citing it"), "note": _l("Note"), "loaded_version": _l("Version loaded"),
    "cited_version": _l("Version cited (date)"), "loaded_article_text": _l("Text of the loaded article"),
    "text_agreement": _l("Agreement of the texts"), "now_at": _l("Now at"),
    "now_at_similarity": _l("Similarity there"), "compared_with": _l("Compared with the kept text of"),
    "version_change": _l("In the loaded text"), "level": _l("Level"), "level_title": _l("Level"),
    "compared": _l("Compared"), "similarity": _l("Similarity"), "thing": _l("Integrated service"),
    "area": _l("Area"), "lead": _l("Lead department"), "metrics": _l("Metrics given"),
    "metrics_missing": _l("Metrics not given"), "power_type": _l("Type"), "code": _l("Code"),
    "jurisdiction": _l("Jurisdiction"), "missing_level": _l("Level missing"), "attribute": _l("Attribute"),
    "value": _l("Value"), "cooperating_published": _l("Cooperating (as published)"),
    "unlinked": _l("Not linked to a department"), "only_here": _l("Only at this level"), "missing": _l("Missing"),
    "present": _l("Present"), "article_count": _l("Articles in the loaded text"), "named": _l("Stages named"),
    "required": _l("Stages required"), "required_by": _l("Required by"),
    "subkind": _l("Sub-kind"), "preliminary": _l("Reviews first only (the words that say so)"),
    "entrusted": _l("Done on entrustment (the words that say so)"),
    "transferred": _l("Handed to an approvals bureau (the words that say so)"),
    "own_word": _l("Stages written in the procedure's own words"),
    "named_as": _l("Stages taken as named by another (stage: the one named)"),
    "body_kind": _l("Kind of body"), "power_key": _l("Power key"),
    "normalised": _l("Name as compared"), "file": _l("File"), "mapping": _l("Layout"), "fields": _l("Columns read"),
    "missing_columns": _l("Columns missing"), "version": _l("Version"), "examples": _l("For example"),
    "responsibility_text": _l("Responsibilities"), "laws": _l("Laws"), "manner": _l("Manner"), "date": _l("Date"),
    "from_body": _l("From"), "from_level": _l("From level"), "from_power": _l("Power delegated"),
    "to_body": _l("To"), "to_level": _l("To level"), "receiver": _l("Receiving department"),
    "to_power": _l("Power received"), "holder": _l("Holder (as published)"), "item": _l("Item"),
    "missing_in": _l("Place whose list lacks it"), "names": _l("Department it names"), "cooperating": _l("Cooperating departments (as published)"),
    "boundary": _l("Boundary of responsibilities (as published)"),
}
EVIDENCE_TYPES = {
    "citation": _l("citation"), "shared_article": _l("shared article"), "level": _l("one level"),
    "similar_name": _l("similar names"), "thing": _l("integrated service"), "accountability": _l("accountability"),
    "stages": _l("responsibility stages"), "missing_level": _l("level missing"),
    "assignment": _l("one place's assignment"), "same_code": _l("same code"), "same_name": _l("same name"),
    "list": _l("the list"), "basis": _l("legal basis"), "power": _l("power"), "permit": _l("permit"),
    "delegation": _l("delegation"), "declared_boundary": _l("division written in the list"),
}
# a delegation whose list names no delegating body, linked to the power above of the same name or code (Delegation.
# from_found; kb.analyses.chains.FOUND_BY in the CLI)
FOUND_BY = {"name": _l("the list names no delegating body: the power of the same name above"),
            "code": _l("the list names no delegating body: the power of the same code above")}
EVIDENCE_VALUES = {
    "basis": _l("legal basis (实施依据)"), "responsibility_basis": _l("basis of the responsibilities"),
    "materials_after": _l("materials (after)"), "days_after": _l("days (after)"), "conditions": _l("conditions"),
    "linked_matters": _l("linked matters"), "service_points": _l("service points"), "is_charge": _l("charged"),
    "materials_before": _l("materials (before)"), "days_before": _l("days (before)"),
    "visits_before": _l("visits (before)"), "visits_after": _l("visits (after)"), "subjects": _l("who is accountable"),
    "steps_before": _l("steps (before)"), "steps_after": _l("steps (after)"), "legal_days": _l("legal time limit (days)"),
    "name": _l("name"), "type": _l("type"), "code": _l("code"),
}


def article_key_parts(key: str) -> tuple[str, int]:
    """(law key, article number) of an article key `law#N`; number -1 when the key names none."""
    law, _, number = key.rpartition("#")
    return law, int(number) if number.isdecimal() and len(number) <= 6 else -1
