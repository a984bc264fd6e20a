"""Search over the CJK full-text index, names that match exactly or as a substring first."""
from __future__ import annotations

import re
import unicodedata

from flask import Blueprint, request
from markupsafe import Markup, escape

from kb.analyses.powers import jurisdiction_names
from kb.model import EXAMPLE_MARK, FULLTEXT_INDEX, LEVEL_RANK, SEARCH_LABELS, by_date, dated, power_in_force
from webui import asof, store
from webui.entities import key_of
from webui.pages import page
from webui.paging import pager

bp = Blueprint("search", __name__)

# The best matches ranked, faceted and paged here. Not the index's work (a few ms for 10,000 matches)
# but reading the hits into Python is what a search costs (about 0.05 ms a hit): the cap bounds it, so
# a search costs the same on a province as on a county; the page says when it was reached.
HIT_CAP = 1000
PAGE_SIZE = 20
FILTERS = ("type", "power_type", "department", "level", "jurisdiction")

# The hits in one row, a list of lists (a thousand rows were a thousand messages to read: twice the time).
HITS = "RETURN collect([label, score, id, props, owner]) AS hits\n"

# A hit's properties, in PROPS' order (a list, not a map: reading a thousand maps was most of a search's cost)
HIT_PROPS = ("[node.key, node.name, node.title, node.id, node.label, node.law_title, node.department, node.jurisdiction, "
             "node.level, node.type, node.area_name, node.lead_department, "
             "coalesce(node.remarks, '') STARTS WITH $example_mark]")

SEARCH = """
CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $cap}) YIELD node AS hit, score
// a legal basis or a duty is indexed once for all that hold it (kb.model SearchText): the hit is its holders,
// at most $cap of each (they share its score)
CALL { WITH hit
       WITH hit AS node WHERE NOT node:SearchText AND (NOT node:Power OR {node_in_force}) RETURN node, null AS owner
       UNION ALL
       WITH hit
       MATCH (node:Power {basis_key: hit.key}) WHERE hit:SearchText AND {node_in_force}
       RETURN node, null AS owner LIMIT $cap
       UNION ALL
       WITH hit
       MATCH (owner:Power)-[:HAS_RESPONSIBILITY]->(node:Responsibility {text_key: hit.key})
       WHERE hit:SearchText AND {owner_in_force} AND NOT coalesce(node.retired, false)  // retired in the browser
       RETURN node, owner LIMIT $cap }
WITH node, owner, score, [l IN labels(node) WHERE l IN $labels][0] AS label
WHERE label IS NOT NULL
WITH label, score, node, owner LIMIT $cap
// a power found by its name and by its basis: once, at its better score
WITH label, node, owner, max(score) AS score
WITH label, score, elementId(node) AS id,
       {HIT_PROPS} AS props,
       CASE WHEN owner IS NULL THEN null
            ELSE [owner.key, owner.name, owner.department, owner.jurisdiction, owner.level, owner.type,
                  coalesce(owner.remarks, '') STARTS WITH $example_mark] END AS owner
""" + HITS

# The long texts, only for the hits on the page shown.
BODIES = """
UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
RETURN id, n.text AS text, n.basis_text AS basis_text, n.title AS title
"""

# One-character terms are not in a bigram index: fall back to a substring scan of names.
# One branch per label with a name (the labels are constants, never input): each reads its label's nodes
# only, the powers through the text index on their names; a power of a past list is left out before the
# cap. A law's name is its title; a responsibility has none (its text is the full-text index's).
NAMED_BY = {label: "title" if label == "Law" else "name" for label in SEARCH_LABELS if label != "Responsibility"}
NAME_CONTAINS = "CALL {\n" + "\n  UNION ALL\n".join(
    f"  MATCH (node:`{label}`) WHERE node.{prop} CONTAINS $q"
    + (" AND {node_in_force}" if label == "Power" else "")
    + f" RETURN node, '{label}' AS label LIMIT $cap"
    for label, prop in NAMED_BY.items()) + """
}
WITH label, 0.0 AS score, elementId(node) AS id,
     {HIT_PROPS} AS props, null AS owner
""" + HITS

# A code (事项编码 000202119001, 130100-CF-119; a catalogue's 基本编码) is no word of the full-text index: the powers
# and catalogue items of that code, found by it exactly, first.
CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z_\-.]{4,63}")
BY_CODE = """
CALL { MATCH (node:Power) WHERE node.code IN $codes AND {node_in_force} RETURN node, 'Power' AS label LIMIT $cap
       UNION ALL
       MATCH (node:CatalogItem) WHERE node.key IN $codes OR node.code IN $codes RETURN node, 'CatalogItem' AS label
       LIMIT $cap }
WITH label, 100.0 AS score, elementId(node) AS id,
     {HIT_PROPS} AS props, null AS owner
""" + HITS

# The hits come as lists, not maps (reading a thousand hits' maps into Python was most of a search's
# cost): these name their places.
PROPS = ("key", "name", "title", "id", "label", "law_title", "department", "jurisdiction", "level", "type",
         "area_name", "lead_department", "sample")
OWNER = ("key", "name", "department", "jurisdiction", "level", "type", "sample")

SEARCH, NAME_CONTAINS, BY_CODE = (q.replace("{HIT_PROPS}", HIT_PROPS) for q in (SEARCH, NAME_CONTAINS, BY_CODE))

# Powers (and the responsibilities of powers) of the current lists, or of those in force on $as_of.
SEARCH = by_date(lambda on: SEARCH.replace("{node_in_force}", power_in_force("node", on))
                  .replace("{owner_in_force}", power_in_force("owner", on)))
NAME_CONTAINS = by_date(lambda on: NAME_CONTAINS.replace("{node_in_force}", power_in_force("node", on)))
BY_CODE = by_date(lambda on: BY_CODE.replace("{node_in_force}", power_in_force("node", on)))

# Within a rank (exact name, name contains the words, text matches), what legal staff look for first.
LABEL_PRIORITY = {"Department": 0, "Power": 1, "Thing": 2, "ServiceItem": 3, "CatalogItem": 4, "Law": 5,
                  "Article": 6, "Responsibility": 7, "Unit": 8, "Jurisdiction": 9}

_LUCENE_SPECIAL = re.compile(r'(["\\])')


def lucene_query(q: str) -> str:
    """Every whitespace-separated term must appear, each as a phrase (a substring, for CJK bigrams)."""
    phrases = ['"' + _LUCENE_SPECIAL.sub(r"\\\1", t) + '"' for t in q.split() if t]
    return " AND ".join(phrases)


def highlight(text: str, terms: list[str], width: int = 90) -> Markup:
    """An escaped snippet of ``text`` around the first match, each match wrapped in <mark>."""
    if not text:
        return Markup("")
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True) if t)) if terms else None
    first = pattern.search(text) if pattern else None
    start = max(0, first.start() - width // 3) if first else 0
    end = min(len(text), start + width)
    piece = text[start:end]
    out = [Markup("…") if start > 0 else Markup("")]
    pos = 0
    for m in pattern.finditer(piece) if pattern else []:
        out.append(escape(piece[pos:m.start()]))
        out.append(Markup("<mark>") + escape(m.group(0)) + Markup("</mark>"))
        pos = m.end()
    out.append(escape(piece[pos:]))
    if end < len(text):
        out.append(Markup("…"))
    return Markup("").join(out)


def _hit(row: dict, q: str, terms: list[str]) -> dict:
    props, label = dict(zip(PROPS, row["props"], strict=True)), row["label"]
    owner = dict(zip(OWNER, row["owner"], strict=True)) if row["owner"] else {}
    name = props.get("name") or props.get("title") or props.get("label") or props.get("key") or ""
    if label == "Responsibility":
        name = f"{owner.get('name', '')} · {props.get('label') or ''}".strip(" ·") or name
    department = {"Department": props.get("name"), "Responsibility": owner.get("department"),
                  "Thing": props.get("lead_department")}.get(label, props.get("department"))
    jurisdiction = {"Jurisdiction": props.get("name"), "Responsibility": owner.get("jurisdiction"),
                    "Thing": props.get("area_name")}.get(label, props.get("jurisdiction"))
    level = owner.get("level") if label == "Responsibility" else props.get("level") if label in (
        "Power", "Department", "Jurisdiction") else None
    power_type = owner.get("type") if label == "Responsibility" else props.get("type") if label == "Power" else None
    rank = 0 if name == q else 1 if q in name else 2
    key = key_of(label, props) if label != "Responsibility" else props.get("key")
    return {"id": row["id"], "label": label, "key": key, "name": name, "score": round(row["score"], 3),
            "rank": rank, "department": department or "", "jurisdiction": jurisdiction or "",
            "level": level or "", "power_type": power_type or "", "law": props.get("law_title") or "",
            "sample": bool(props.get("sample") or owner.get("sample"))}


def _body(texts: tuple, terms: list[str]) -> str:
    """The text that holds the words (an article's text, a power's legal basis …), else the first one."""
    present = [t for t in texts if t]
    return next((t for t in present if any(term in t for term in terms)), present[0] if present else "")


def run_search(q: str, as_of: str | None = None) -> list[dict]:
    terms = q.split()
    labels = list(SEARCH_LABELS)
    if len(q.replace(" ", "")) < 2:
        [[found]] = store.rows(NAME_CONTAINS[dated(as_of)], labels=labels, q=q.strip(), cap=200, example_mark=EXAMPLE_MARK,
                               as_of=as_of)
    else:
        [[found]] = store.rows(SEARCH[dated(as_of)], index=FULLTEXT_INDEX, lucene=lucene_query(q), cap=HIT_CAP, labels=labels,
                               example_mark=EXAMPLE_MARK, as_of=as_of)
    coded = []
    code = unicodedata.normalize("NFKC", q.strip())  # (ＸＫ－００１ is XK-001, as the importer compares codes)
    if CODE.fullmatch(code) and sum(c.isdigit() for c in code) >= 3:
        [[coded]] = store.rows(BY_CODE[dated(as_of)], codes=list(dict.fromkeys([q.strip(), code, code.upper()])),
                               cap=HIT_CAP, example_mark=EXAMPLE_MARK, as_of=as_of)
    rows = [dict(zip(("label", "score", "id", "props", "owner"), r, strict=True)) for r in coded]
    ids = {r["id"] for r in rows}
    rows += [r for r in (dict(zip(("label", "score", "id", "props", "owner"), r, strict=True)) for r in found)
             if r["id"] not in ids]
    hits = [_hit(r, q.strip(), terms) | ({"rank": 0} if r["id"] in ids else {}) for r in rows]
    hits.sort(key=lambda h: (h["rank"], LABEL_PRIORITY.get(h["label"], 9), -h["score"], len(h["name"])))
    return hits


FIELDS = {"type": "label", "power_type": "power_type", "department": "department", "level": "level",
          "jurisdiction": "jurisdiction"}


def _passes(hit: dict, facet: str, value: str, within: set[str]) -> bool:
    """A hit passes a filter; the jurisdiction filter takes in the places below the one chosen."""
    if not value:
        return True
    if facet == "jurisdiction":
        return hit["jurisdiction"] == value or hit["jurisdiction"] in within
    return hit[FIELDS[facet]] == value


def _facets(hits: list[dict], chosen: dict[str, str], within: set[str] | None = None) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value among the hits that pass every other filter: one pass over the hits, each
    counted under every facet when it passes all filters, under the one facet it fails when it fails one."""
    within = within or set()
    active = [(f, v) for f, v in chosen.items() if v]
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FIELDS}
    for h in hits:
        failed = [f for f, v in active if not _passes(h, f, v, within)]
        if len(failed) > 1:
            continue
        for facet in failed or FIELDS:
            value = h[FIELDS[facet]]
            if value:
                counts[facet][value] = counts[facet].get(value, 0) + 1
    return {facet: sorted(c.items(), key=lambda kv: (LEVEL_RANK.get(kv[0], 9), kv[0]) if facet == "level"
                          else (-kv[1], kv[0]))[:30]  # (levels top-down, as everywhere)
            for facet, c in counts.items()}


@page(bp, "/search", "search.html")
def search() -> dict:
    q = request.args.get("q", "").strip()[:200]
    chosen = {f: request.args.get(f, "").strip() for f in FILTERS}
    if chosen["type"] and chosen["type"] not in SEARCH_LABELS and not chosen["power_type"]:
        chosen["power_type"], chosen["type"] = chosen["type"], ""  # ?type=行政许可 means a power type
    as_of = asof.requested()
    hits = run_search(q, as_of) if q else []
    within = set(jurisdiction_names(store.graph(), chosen["jurisdiction"]) or []) if hits else set()
    kept = [h for h in hits if all(_passes(h, f, v, within) for f, v in chosen.items())]
    p = pager(len(kept), PAGE_SIZE)
    page_hits = kept[p["skip"]:p["skip"] + PAGE_SIZE]
    bodies = {r[0]: r[1:] for r in store.rows(BODIES, ids=[h["id"] for h in page_hits])} if page_hits else {}
    shown, terms = [], q.split()
    for h in page_hits:  # texts and highlights only for what is shown
        body = _body(bodies.get(h["id"], ()), terms)
        shown.append({**{k: v for k, v in h.items() if k != "id"}, "snippet": body[:200],
                      "name_html": highlight(h["name"], terms, 200), "snippet_html": highlight(body, terms)})
    return {"q": q, "as_of": as_of, "filters": chosen, "total": len(kept), "all_hits": len(hits), "capped": len(hits) >= HIT_CAP,
            "facets": _facets(hits, chosen, within), "results": shown, "pager": p}
