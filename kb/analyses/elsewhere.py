"""Who exercises a power elsewhere (其他地方谁行使此项权力): the current powers of other places that
implement the same catalogue item, or cite the same article as basis for the same type of power.

The question is the saved query `queries/chains/elsewhere.cypher` (browsable and runnable as it is);
`kb compare` and the power page ask it through `rows`, which adds what a reader needs (the level's
Chinese title, why each row matches in words). It starts from the one power, goes to its catalogue
items and cited articles, then out, and stops at `limit` rows.
"""
from __future__ import annotations

from kb.analyses.chains import not_found, resolve_start
from kb.db import Graph
from kb.model import LEVEL_TITLES
from queries import loader

DEFAULT_LIMIT = 200
MATCH_TITLES = {"catalogue": "同一目录事项", "article": "同一法条、同一类型"}

START_POWERS = """
UNWIND $keys AS key
MATCH (p:Power {key: key})
OPTIONAL MATCH (d:Department)-[:HOLDS]->(p)
RETURN p.key AS key, p.name AS power, CASE WHEN coalesce(p.code, '') <> '' THEN p.code ELSE coalesce(p.x_catalog_code, '') END AS code,
       coalesce(p.type, '') AS type,
       coalesce(p.jurisdiction, '') AS place, coalesce(d.name, p.department, '') AS department,
       CASE WHEN p.level IN ['province', 'city', 'county', 'township'] THEN p.level ELSE coalesce(d.level, '') END AS level
ORDER BY place, department, power, key
"""


def why(row: dict) -> str:
    """Why a row matches, in words: 同一目录事项 650200207XK01600；同一法条、同一类型 《消防法》第六十条."""
    parts = []
    codes = [d for d in row["details"] if not d.startswith("《")]
    articles = [d for d in row["details"] if d.startswith("《")]
    if "catalogue" in row["matches"]:
        parts.append(f"{MATCH_TITLES['catalogue']} {'、'.join(codes)}".rstrip())
    if "article" in row["matches"]:
        parts.append(f"{MATCH_TITLES['article']} {'、'.join(articles)}".rstrip())
    return "；".join(parts)


def rows(graph: Graph, key: str, limit: int = DEFAULT_LIMIT) -> list[dict]:
    """The powers elsewhere for the power `key` (at most `limit`), catalogue matches first, then by
    level, place and department; each with `level_title` and `why`."""
    query = loader.get("chains/elsewhere")
    out = graph.read(query.cypher, **query.bind({"key": key, "limit": max(1, int(limit))}))
    for r in out:
        r["level_title"] = LEVEL_TITLES.get(r["level"] or "", r["level"] or "")
        r["why"] = why(r)
    return out


def compare(graph: Graph, start: str, limit: int = DEFAULT_LIMIT, most: int = 20) -> dict:
    """{"start", "matched", "powers": [{"power", "elsewhere"}]}: for each current power `start` names
    (a key, a power code, a catalogue code or a name; the first `most` of them, `matched` counts them
    all), the power and who exercises it elsewhere. KeyError when it names nothing."""
    keys = resolve_start(graph, start)
    if not keys:
        raise KeyError(not_found(start))
    out = []
    for p in graph.read(START_POWERS, keys=keys[:most]):
        p["level_title"] = LEVEL_TITLES.get(p["level"] or "", p["level"] or "")
        out.append({"power": p, "elsewhere": rows(graph, p["key"], limit)})
    return {"start": start, "matched": len(keys), "powers": out}
