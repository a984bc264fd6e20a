"""Laws and articles: an article shows every power of every department that cites it (overlap evidence)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from flask_babel import gettext as _

from importers.numerals import article_label, chinese_to_int
from kb.analyses import law_changes
from webui import stats, store
from webui.entities import article_key_parts
from webui.pages import page
from webui.paging import pager
from webui.users import role_required

bp = Blueprint("laws", __name__)

LAWS = """
MATCH (l:Law)
CALL { WITH l OPTIONAL MATCH (p:Power)-[:CITES]->(l) WHERE p.current
       RETURN count(DISTINCT p) AS powers, count(DISTINCT p.department) AS departments }
RETURN l.key AS key, l.title AS title, l.loaded AS loaded, l.version_date AS version_date,
       l.article_count AS article_count, powers, departments
ORDER BY l.loaded DESC, powers DESC, l.title
"""

LAW = """
MATCH (l:Law {key: $key})
CALL { WITH l OPTIONAL MATCH (l)-[:HAS_ARTICLE]->(a:Article)
       WITH a ORDER BY a.number
       RETURN collect(a {.key, .label, .number, .chapter, .section, snippet: left(a.text, 80)}) AS articles }
RETURN l {.*} AS law, articles
"""

# Each article's citing powers and departments: counted once per change of the data (webui.stats), as
# a province's lists cite one law a hundred thousand times.
LAW_ARTICLE_COUNTS = """
MATCH (:Law {key: $key})-[:HAS_ARTICLE]->(a:Article)<-[:BASED_ON]-(p:Power) WHERE p.current
RETURN a.key AS article, count(DISTINCT p) AS powers, count(DISTINCT p.department) AS departments
"""

# The departments citing the law, most citations first, each with the articles it cites and how often
# (counted once per change of the data: webui.stats); a department's powers citing an article are on the
# article's page.
LAW_DEPARTMENTS = """
MATCH (:Law {key: $key})<-[c:CITES]-(p:Power) WHERE p.current AND p.department IS NOT NULL
WITH p.department AS department, c.article AS article, min(c.article_label) AS label, count(*) AS n
ORDER BY department, coalesce(article, 1000000)
WITH department, sum(n) AS n, collect({article: article, label: label, n: n}) AS articles
RETURN department, n, articles ORDER BY n DESC, department
"""

ARTICLE = """
MATCH (a:Article {key: $key})
OPTIONAL MATCH (l:Law)-[:HAS_ARTICLE]->(a)
CALL { WITH l, a OPTIONAL MATCH (l)-[:HAS_ARTICLE]->(prev:Article {number: a.number - 1}) RETURN prev.key AS prev }
CALL { WITH l, a OPTIONAL MATCH (l)-[:HAS_ARTICLE]->(next:Article {number: a.number + 1}) RETURN next.key AS next }
RETURN a {.*} AS article, l {.key, .title, .version_date} AS law, prev, next
"""

# An article of a law whose text is not loaded: what the lists cite of it (the overlap evidence of
# 《建设工程质量管理条例》第六十条 is exactly this), so no citation link leads nowhere.
CITED_ARTICLE = """
MATCH (l:Law {key: $law})
WHERE EXISTS { MATCH (p:Power)-[:CITES {article_key: $law + '#' + toString($number)}]->(l) WHERE p.current }
RETURN {key: $key, name: l.title + $label, number: $number, text: null} AS article,
       l {.key, .title, .version_date} AS law, null AS prev, null AS next
"""

# The powers citing an article (b: how): its BASED_ON links when the law's text is loaded, else the
# lists' citations of it (found by the article's key, not by every citation of its law); `one` finds them
# again for one power's key (s[0]).
CITING = {
    "loaded": {"all": "MATCH (a:Article {key: $key})<-[b:BASED_ON]-(p:Power) WHERE p.current",
               "one": "MATCH (p:Power {key: s[0]})-[b:BASED_ON]->(:Article {key: $key}) WHERE p.current"},
    "cited": {"all": ("MATCH (p:Power)-[b:CITES {article_key: $law + '#' + toString($number)}]->(:Law {key: $law}) "
                      "WHERE p.current"),
              "one": "MATCH (p:Power {key: s[0]})-[b:CITES]->(:Law {key: $law}) WHERE p.current AND b.article = $number"},
}
# the citing text each power gives: its citation of the article's law and number (an article's key is its
# law's key and its number), not a walk through every article of the law for each power shown
CITING_TEXT = {
    "loaded": "head([(p)-[c:CITES]->(:Law {key: $law}) WHERE c.field = b.field AND c.article = $number | c.text])",
    "cited": "b.text",
}

# The citing departments, as basis of powers or of duties, counted with their powers' types, and the
# first $per_department powers of each (by type and place in the list) as [key, field]: one pass over the
# citations, counted once per change of the data, so a page of them is read by key.
ARTICLE_DEPARTMENTS = """{citing}
WITH p.department AS department, coalesce(b.field, 'basis') AS field, p
WHERE department IS NOT NULL
WITH department, field = 'basis' AS basis, field, p ORDER BY department, p.type, p.position
RETURN department, basis, count(DISTINCT p) AS n, collect(DISTINCT coalesce(p.type, '')) AS types,
       collect(DISTINCT [p.key, field])[..$per_department] AS shown
ORDER BY department
"""

# The powers shown on a page of citing departments, read by key ($shown: [key, field, group] in their
# order; group: the department's place among the page's).
ARTICLE_POWERS = """UNWIND range(0, size($shown) - 1) AS i
WITH i, $shown[i] AS s
{one} AND coalesce(b.field, 'basis') = s[1]
RETURN s[2] AS group, {{key: p.key, name: p.name, type: p.type, field: b.field, level: p.level,
                       citing_text: {text}}} AS power
ORDER BY i
"""


def _cited_only(law: str, number: int, key: str) -> dict | None:
    if not law or number < 0:
        return None
    return store.read_one(CITED_ARTICLE, key=key, law=law, number=number, label=article_label(number))


DEPARTMENTS_PAGE = 50  # citing departments per page of a law
# An article's page: a page of its citing departments and the first powers of each, each linked to the list of all
# its powers citing the article (/powers?department=…&article=…): an overview of a thousand rows drew in 26 ms, of
# two hundred in 14 (the province's most cited articles fill every page)
ARTICLE_DEPARTMENTS_PAGE = 20
PER_DEPARTMENT = 10  # powers listed per department on an article's page (`n` counts them all)


def law_rows() -> list[dict]:
    return store.read(LAWS)


LAWS_PAGE = 100  # laws per page of /laws (a province's lists cite six hundred)


@page(bp, "/laws", "laws/list.html", kept=True)
def laws() -> dict:
    rows = stats.cached("laws", law_rows)  # counted once per change of the data
    p = pager(len(rows), LAWS_PAGE)
    return {"laws": rows[p["skip"]:p["skip"] + LAWS_PAGE], "pager": p}


@page(bp, "/laws/<path:key>", "laws/law.html", kept=True)
def law(key: str) -> dict:
    row = store.read_one_or_404(LAW, key=key)
    counts = stats.cached(f"law-articles:{key}", lambda: {r["article"]: [r["powers"], r["departments"]]
                                                          for r in store.read(LAW_ARTICLE_COUNTS, key=key)})
    for a in row["articles"]:
        a["powers"], a["departments"] = counts.get(a["key"], (0, 0))
    counted = stats.cached(f"law-departments:{key}", lambda: store.read(LAW_DEPARTMENTS, key=key))
    p = pager(len(counted), DEPARTMENTS_PAGE)
    row.update(by_department=counted[p["skip"]:p["skip"] + DEPARTMENTS_PAGE], pager=p)
    return row


@page(bp, "/articles/<path:key>", "laws/article.html", kept=True)
def article(key: str) -> dict:
    """The departments citing the article, counted, and a page of them (ARTICLE_DEPARTMENTS_PAGE) with at most
    PER_DEPARTMENT powers each: an article a province's lists cite ten thousand times is one page."""
    law, number = article_key_parts(key)
    row = store.read_one(ARTICLE, key=key)
    how = "loaded"
    if not row:
        row, how = _cited_only(law, number, key), "cited"
        if not row:
            abort(404)
    params = {"key": key, "law": law, "number": number}
    citing = CITING[how]
    # counted once per change of the data (webui.stats): one article of a province's lists is cited by
    # thousands of powers
    counted = stats.cached(f"article-citing:{key}:{PER_DEPARTMENT}", lambda: store.read(
        ARTICLE_DEPARTMENTS.format(citing=citing["all"]), per_department=PER_DEPARTMENT, **params))
    types: dict[str, set[str]] = {}
    for d in counted:
        if d["basis"]:
            for t in d["types"]:
                types.setdefault(t, set()).add(d["department"])
    departments = sorted({d["department"] for d in counted})
    p = pager(len(departments), ARTICLE_DEPARTMENTS_PAGE)
    shown = departments[p["skip"]:p["skip"] + ARTICLE_DEPARTMENTS_PAGE]
    on_page = set(shown)
    groups = [(d["department"], d["basis"], d["shown"]) for d in counted if d["department"] in on_page]
    pairs = [[key, field, g] for g, (_, _, listed_pairs) in enumerate(groups) for key, field in listed_pairs]
    query = ARTICLE_POWERS.format(one=citing["one"], text=CITING_TEXT[how])
    powers: dict[tuple[str, bool], list[dict]] = {}
    for r in store.read(query, shown=pairs, **params) if pairs else []:
        department, basis, _ = groups[r["group"]]
        powers.setdefault((department, basis), []).append(r["power"])
    n = {(d["department"], d["basis"]): d["n"] for d in counted}

    def listed(basis: bool) -> list[dict]:
        return [{"department": d, "powers": powers.get((d, basis), []), "n": n[(d, basis)]}
                for d in shown if (d, basis) in n]

    basis = [d for d in counted if d["basis"]]
    row.update(as_basis=listed(True), as_duty_basis=listed(False), pager=p,
               # same article, same type, two or more departments: the overlap signal of the domain primer
               overlap_types=sorted(t for t, deps in types.items() if len(deps) > 1),
               counts={"powers": sum(d["n"] for d in counted), "departments": len(departments),
                       "basis_powers": sum(d["n"] for d in basis), "basis_departments": len(basis),
                       "duty_departments": len(counted) - len(basis)})
    return row


@page(bp, "/impact/<path:key>", "laws/impact.html")
def impact(key: str) -> dict:
    """The review queue a new version of the law left: powers citing renumbered, changed or repealed
    articles, old and new text side by side, the likely new article; editors resolve items here."""
    status = request.args.get("status", "")
    if status not in ("", *law_changes.STATUSES):
        abort(400)
    try:
        result = law_changes.impact(store.graph(), key, status)
    except law_changes.ReviewError:
        abort(404)
    return result.as_dict() | {"status": status}


@bp.route("/impact-resolve", methods=["POST"])
@role_required("editor")
def resolve():
    key = request.form.get("key", "")
    item = law_changes.review(store.graph(), key)
    if item is None:
        abort(404)
    text = request.form.get("article", "").strip().removeprefix("第").removesuffix("条")
    note = request.form.get("note", "").strip()[:500]
    if not note:  # every change asks for a reason: it is the audit entry's
        flash(_("Give a reason for the change."), "error")
        return redirect(url_for("laws.impact", key=item["law"]))
    try:
        number = chinese_to_int(text) if text else None
        record = law_changes.resolve(store.graph(), key, g.user["name"], number, note)
    except (ValueError, law_changes.ReviewError) as exc:
        flash(_("Not resolved: %(reason)s", reason=str(exc)), "error")
    else:
        flash(_("Resolved: %(power)s now cites article %(n)d.", power=record["power_name"],
                n=record["resolved_article"]), "success")
    return redirect(url_for("laws.impact", key=item["law"]))
