"""Answers as of a date in the browser: `?as_of=YYYY-MM-DD` on the search, power, department, power list,
graph and chain pages (and the saved queries' `as_of` field) answers from the list versions in force
that day (kb.model.in_force). A date that is not one is a 400 page that says so, never a 500."""
from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from kb.analyses import diff
from kb.model import as_of_date, in_force
from webui import store
from webui.errors import explain

# The versions of the power's department in force that day, and whether the power is in one of them.
VERSIONS_OF_POWER = f"""
MATCH (p:Power {{key: $key}})
OPTIONAL MATCH (own:ListVersion)-[:CONTAINS]->(p)
OPTIONAL MATCH (d:Department {{name: p.department}})<-[:LIST_OF]-(v:ListVersion) WHERE {in_force('v')}
WITH p, own, v ORDER BY v.version, v.key
RETURN p {{.key, .name, .code, .type, .department}} AS power, own.key AS own,
       collect(v {{.key, .version, .in_force_from, .in_force_until}}) AS versions
"""

# Their powers, to find the power's counterpart there when it is not itself in one of them.
VERSION_POWERS = """
UNWIND $versions AS version
MATCH (:ListVersion {key: version})-[:CONTAINS]->(p:Power)
RETURN p {.key, .name, .code, .type} AS power ORDER BY p.position
"""


def requested() -> str | None:
    """The `as_of` argument of the request: None when absent or empty; a bad date stops with a 400."""
    try:
        return as_of_date(request.args.get("as_of"))
    except ValueError:
        explain(400, _("The date must be written YYYY-MM-DD."))


def power_then(key: str, as_of: str) -> tuple[list[str], str]:
    """The labels of the versions of the power's list in force on `as_of`, and the key of the power
    to show: this one when its version is one of them, else its counterpart there (matched as
    `kb diff` matches powers). A day with no version in force, or none holding the power, is a 404
    that says so."""
    row = store.read_one_or_404(VERSIONS_OF_POWER, key=key, as_of=as_of)
    p, versions = row["power"], row["versions"]
    labels = list(dict.fromkeys(v["version"] or "—" for v in versions))
    if not versions:
        explain(404, _("%(department)s had no list version in force on %(date)s.",
                       department=p.get("department") or "", date=as_of))
    if row["own"] in {v["key"] for v in versions}:
        return labels, key
    candidates = [r["power"] for r in store.read(VERSION_POWERS, versions=[v["key"] for v in versions])]
    twin = diff.counterpart(p, candidates)
    if twin is None:
        explain(404, _("“%(name)s” is not in the list of %(department)s in force on %(date)s (version %(versions)s).",
                       name=p.get("name") or key, department=p.get("department") or "", date=as_of,
                       versions="、".join(labels)))
    return labels, twin["key"]
