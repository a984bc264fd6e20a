"""`kb import --bulk`: the files of an import as the CSV files of Neo4j's offline importer.

`neo4j-admin database import full` builds a store from CSV files many times faster than any
transaction can, but only into an empty database, with the server stopped, and it knows nothing of
MERGE: every node and relationship must be written out exactly once. So this module plays the writer
(importers/writer.py) in memory, file by file in the order `kb import` writes them (laws, lists,
guides), and writes what the writer's statements would leave in the graph:

- what several files share (jurisdictions and their WITHIN chains, departments, their counterparts,
  units, laws, articles, catalogue items, Things) is MERGEd here, in dictionaries, and written at the
  end;
- what a file brings (powers, responsibilities, accountability, citations, delegations) is streamed to
  the CSV files as it is read, so memory does not grow with the records;
- list versions are decided first, from every list's department and version label (the order of the
  files decides which version supersedes which, as with `kb import`), so every power is written
  with the `current` mark and the `HOLDS` link it ends up with;
- every file gets its ImportRun with the counts of nodes and relationships its own transaction would
  have created.

What the writer leaves to a query over the whole graph (`writer.link_pending`: the delegations'
links to the delegating department) runs after the restart, the same query. A change to the writer's
Cypher needs the same change here: tests/e2e/test_bulk_import.py compares both graphs.
"""
from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from itertools import pairwise
from pathlib import Path
from typing import Any

from importers import run, writer
from importers.jurisdictions import jurisdiction_chain
from importers.records import GuideDocument, LawDocument, ListDocument
from kb.model import (
    body_spellings,
    branch_spellings,
    counterpart_spellings,
    default_in_force_from,
    law_key,
    merged_bodies,
)

ARRAY_DELIMITER = "\x1f"  # the unit separator: no published text holds it
Say = Callable[[str], None]


class BulkRefused(Exception):
    """The bulk path cannot take these files or this database; nothing was written."""


class _Stamp(str):
    """A datetime value (an ISO text) for the importer's `:datetime` type."""


def _now() -> _Stamp:
    return _Stamp(dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"))


# --- CSV files for neo4j-admin -----------------------------------------------------------------

def _type(value: Any) -> str:
    if isinstance(value, _Stamp):
        return "datetime"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        inner = {_type(v) for v in value}
        if inner <= {"long", "double"} and "double" in inner:
            return "double[]"
        if len(inner) > 1 or inner & {"datetime"}:
            raise BulkRefused(f"值类型混杂的列表不能批量导入：{value[:5]!r}")
        return (inner.pop() if inner else "string") + "[]"
    raise BulkRefused(f"{type(value).__name__} 类型的值不能批量导入")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return str(value)


def _field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        parts = [_text(v) for v in value]
        if any(ARRAY_DELIMITER in p for p in parts):
            raise BulkRefused("列表中的值含有数组分隔符 U+001F")
        value = ARRAY_DELIMITER.join(parts)
    elif isinstance(value, int | float):
        return _text(value)
    return '"' + _text(value).replace('"', '""') + '"'


def _id(label: str, key: str) -> str:
    return f"{label}\x1e{key}"


class CsvSink:
    """Nodes and relationships grouped by label (type) and the names and types of their properties:
    each group is one CSV file with its own header, so a property a row does not have is absent,
    never an empty value."""

    MAX_OPEN = 64

    def __init__(self, folder: Path):
        self.folder = folder
        self.groups: dict[tuple, Path] = {}
        self.open: dict[tuple, Any] = {}
        self.nodes = self.relationships = 0
        # The importer reads an empty array as no value: (label, property) -> keys of the nodes whose
        # property is an empty list, set after the import (fix_empty_lists).
        self.empty_lists: dict[tuple[str, str], list[str]] = defaultdict(list)

    def _write(self, group: tuple, header: list[str], fields: list[str]) -> None:
        handle = self.open.get(group)
        if handle is None:
            if len(self.open) >= self.MAX_OPEN:  # the least recently opened one is closed
                oldest = next(iter(self.open))
                self.open.pop(oldest).close()
            path = self.groups.get(group)
            new = path is None
            if new:
                path = self.groups[group] = self.folder / f"{len(self.groups):04d}-{group[0]}.csv"
            handle = self.open[group] = path.open("a", encoding="utf-8", newline="")
            if new:
                handle.write(",".join(header) + "\n")
        handle.write(",".join(fields) + "\n")

    def node(self, label: str, key: str, props: dict) -> None:
        props = {k: v for k, v in props.items() if v is not None}
        for k, v in props.items():
            if v == []:
                self.empty_lists[(label, k)].append(key)
        shape = tuple(sorted((k, _type(v)) for k, v in props.items()))
        header = [":ID", *(f"{k}:{t}" for k, t in shape)]
        self._write(("nodes", label, shape), header, [_field(_id(label, key)), *(_field(props[k]) for k, _ in shape)])
        self.nodes += 1

    def rel(self, rtype: str, start: tuple[str, str], end: tuple[str, str], props: dict | None = None) -> None:
        props = {k: v for k, v in (props or {}).items() if v is not None}
        if any(v == [] for v in props.values()):
            raise BulkRefused(f"{rtype} 关系上的空列表不能批量导入")
        shape = tuple(sorted((k, _type(v)) for k, v in props.items()))
        header = [":START_ID", ":END_ID", *(f"{k}:{t}" for k, t in shape)]
        self._write(("relationships", rtype, shape), header,
                    [_field(_id(*start)), _field(_id(*end)), *(_field(props[k]) for k, _ in shape)])
        self.relationships += 1

    def close(self) -> list[str]:
        """The importer's --nodes and --relationships arguments."""
        for handle in self.open.values():
            handle.close()
        self.open.clear()
        return [f"--{kind}={name}={path}" for (kind, name, _), path in self.groups.items()]


SET_EMPTY_LIST = "UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) SET n.{prop} = []"


def fix_empty_lists(graph: Any, empty_lists: dict[tuple[str, str], list[str]]) -> None:
    """Give back the empty lists the importer left out (an import run's `errors: []`, a law's empty history)."""
    from kb.model import KEY_OF

    for (label, prop), keys in empty_lists.items():
        query = SET_EMPTY_LIST.format(label=label, key=KEY_OF[label], prop=prop)  # names of our own model
        for i in range(0, len(keys), 5000):
            graph.write(query, keys=keys[i:i + 5000])


# --- the writer, played in memory -------------------------------------------------------------

class _Counts:
    def __init__(self) -> None:
        self.nodes = self.rels = 0


class Plan:
    """The graph the writer would build, as CSV rows (see the module's docstring)."""

    def __init__(self, sink: CsvSink):
        self.sink = sink
        self.c = _Counts()
        self.jurisdictions: dict[str, dict] = {}
        self.within: set[tuple[str, str]] = set()
        self.parents: dict[str, list[str]] = defaultdict(list)
        self.children: dict[str, list[str]] = defaultdict(list)
        self.departments: dict[str, dict] = {}
        self.in_jurisdiction: dict[str, list[str]] = defaultdict(list)  # department -> jurisdictions
        self.members: dict[str, list[str]] = defaultdict(list)  # jurisdiction -> departments
        self.planned: dict[str, list[str]] = defaultdict(list)  # jurisdiction -> the departments of planned lists
        self.counterparts: set[tuple[str, str]] = set()
        self.units: dict[str, dict] = {}
        self.laws: dict[str, dict] = {}
        self.articles: dict[str, dict] = {}
        self.law_versions: dict[str, dict] = {}
        self.article_texts: dict[str, dict] = {}
        self.catalogue: dict[str, dict] = {}
        self.texts: dict[str, str] = {}  # searchable texts by key (kb.model SearchText)
        self.things: dict[str, dict] = {}
        self.thing_rels: dict[tuple[str, str, str, str], dict] = {}  # (type, thing, label, key) -> props
        self.versions: dict[str, dict] = {}  # key -> props, with the private marks _first_current, _file
        self.dept_versions: dict[str, list[str]] = defaultdict(list)
        # (department, version, content_key) -> the file planned with those records, and its version of them
        self.contents: dict[tuple[str, str, str], tuple[str, str]] = {}
        self.supersedes: set[tuple[str, str]] = set()
        self.runs: list[dict] = []
        self._chains: dict[tuple[str, str | None], list[dict]] = {}

    # shared nodes --------------------------------------------------------------------------

    def chain(self, name: str, level: str | None) -> list[dict]:
        if (name, level) not in self._chains:
            self._chains[(name, level)] = jurisdiction_chain(name, level)
        return self._chains[(name, level)]

    def merge_jurisdictions(self, chain: list[dict], run_id: str) -> None:
        for j in chain:
            node = self.jurisdictions.get(j["name"])
            if node is None:
                node = self.jurisdictions[j["name"]] = {"name": j["name"], "created_by": run_id}
                self.c.nodes += 1
            for prop in ("level", "code"):  # SET n.level = coalesce(j.level, n.level)
                if j.get(prop) is not None:
                    node[prop] = j[prop]
        for parent, child in pairwise(chain):
            if (child["name"], parent["name"]) not in self.within:
                self.within.add((child["name"], parent["name"]))
                self.parents[child["name"]].append(parent["name"])
                self.children[parent["name"]].append(child["name"])
                self.c.rels += 1

    def merge_department(self, name: str, jurisdiction: str, level: str, run_id: str, source_file: str) -> None:
        chain = self.chain(jurisdiction, level) if jurisdiction else []
        if not chain:
            if name not in self.departments:
                self.departments[name] = {"name": name, "created_by": run_id, "jurisdiction": "",
                                          "level": level or "", "source_file": source_file}
                self.c.nodes += 1
            return
        self.merge_jurisdictions(chain, run_id)
        place = chain[-1]["name"]
        if name not in self.departments:
            self.departments[name] = {"name": name, "created_by": run_id, "jurisdiction": place,
                                      "level": self.jurisdictions[place].get("level"), "source_file": source_file}
            self.c.nodes += 1
        if merges := merged_bodies(name, place):  # (writer.LINK_COUNTERPARTS: a merged department's bodies)
            self.departments[name]["merges"] = merges
        self.link_department(name, place)
        self.link_counterparts(name)

    def link_department(self, name: str, place: str) -> None:
        if place not in self.in_jurisdiction[name]:
            self.in_jurisdiction[name].append(place)
            self.members[place].append(name)
            self.c.rels += 1

    def _counterpart(self, down: str, up: str) -> None:
        if (down, up) not in self.counterparts:
            self.counterparts.add((down, up))
            self.c.rels += 1

    @staticmethod
    def _named(names: Iterable[str], place: str, bodies: list[str]) -> Iterator[str]:
        """The departments of `place` (`names`) whose name after the place is one of `bodies`."""
        for other in names:
            if any(other.endswith(b) and other[:-len(b)].endswith(place) for b in bodies):
                yield other

    def _planned_same_body(self, name: str, place: str) -> str | None:
        """writer.same_body on the departments of the lists planned so far (plan_versions)."""
        if name in self.planned[place]:
            return None
        return min(self._named(self.planned[place], place, body_spellings(name, place)), default=None)

    def link_counterparts(self, name: str) -> None:
        """LINK_COUNTERPARTS: the same body (in any spelling of it) one level up and one level down."""
        for j in list(self.in_jurisdiction.get(name, [])):
            bodies = counterpart_spellings(name, j)
            if not bodies:
                continue
            for pj in self.parents.get(j, []):
                for up in self._named(self.members.get(pj, []), pj, bodies):
                    self._counterpart(name, up)
            for cj in self.children.get(j, []):
                for down in self._named(self.members.get(cj, []), cj, bodies):
                    self._counterpart(down, name)
                for down in self.members.get(cj, []):  # a branch of this bureau in the county (model.branch_body)
                    if any(down.endswith(b + ending) for b in bodies for ending in branch_spellings(cj)):
                        self._counterpart(down, name)
                for down in self.members.get(cj, []):  # a merged department below (农业农村和水利局) joining this body
                    if set(bodies) & set(self.departments.get(down, {}).get("merges") or []):
                        self._counterpart(down, name)

    # laws ------------------------------------------------------------------------------------

    def law(self, doc: LawDocument, run_id: str) -> str:
        key = law_key(doc.title)
        if key in self.laws and self.laws[key].get("loaded"):
            raise BulkRefused(f"{Path(doc.path).name}: 同一部法律（{doc.title}）有多个文本；请用普通的 kb import 导入")
        source_file = Path(doc.path).name
        rows = [asdict(a) for a in doc.articles]
        version = writer.law_version_key(key, doc.version_date, doc.sha256)
        if key not in self.laws:
            self.laws[key] = {"key": key, "title": doc.title, "loaded": False}
            self.c.nodes += 1
        self.law_versions[version] = {
            "key": version, "law_key": key, "title": doc.title, "date": doc.version_date, "sha256": doc.sha256,
            "source_file": source_file, "history": list(doc.history), "article_count": len(rows),
            "import_run": run_id, "current": True}
        self.c.nodes += 1
        self.c.rels += 1  # HAS_VERSION
        for row in rows:
            text_key = f"{version}#{row['number']}"
            if text_key not in self.article_texts:
                self.c.nodes += 1
                self.c.rels += 1
            self.article_texts[text_key] = {
                "key": text_key, "law_key": key, "version": doc.version_date, "number": row["number"],
                "label": row["label"], "text": row["text"], "chapter": row["chapter"], "section": row["section"],
                "_version": version}
        self.laws[key].update({"title": doc.title, "loaded": True, "version_date": doc.version_date,
                               "sha256": doc.sha256, "history": list(doc.history), "source_file": source_file,
                               "import_run": run_id, "article_count": len(rows)})
        for row in rows:
            article_key = f"{key}#{row['number']}"
            if article_key not in self.articles:
                self.c.nodes += 1
                self.c.rels += 1
            self.articles[article_key] = {
                "key": article_key, "law_key": key, "law_title": doc.title, "number": row["number"],
                "label": row["label"], "name": doc.title + row["label"], "text": row["text"],
                "chapter": row["chapter"], "section": row["section"], "source_file": source_file,
                "source_row": row["number"]}
        return key

    # lists -------------------------------------------------------------------------------------

    def plan_versions(self, doc: ListDocument, file_index: int, in_force_from: str | None) -> tuple[str, str] | None:
        """CREATE_VERSION's decisions, before any power is written: which versions stay current. A
        department planned before under another spelling of the same body is that one (writer.same_body).
        A file whose every department's records earlier files of the run gave for the same version (the same list
        saved again in another encoding) is not planned: returns the file and the version that gave its first
        department's (as writer.write_list's `same_as` and version key), else None."""
        writer.settle_departments(self._planned_same_body, doc)
        contents = {dep["name"]: writer.content_key(writer.records_of(doc, dep["name"]))
                    for dep in writer.departments_of(doc)}
        said = [self.contents.get((name, doc.version, content)) for name, content in contents.items()]
        if said and None not in said:  # (as writer._same_content: each department's records given before)
            return said[0]
        for name, content in contents.items():
            self.contents.setdefault((name, doc.version, content),
                                     (Path(doc.path).name, writer.version_key(doc, name)))
        for dep in writer.departments_of(doc):
            if dep["jurisdiction"]:
                place = writer.jurisdiction_chain(dep["jurisdiction"], dep["level"])[-1]["name"]
                if dep["name"] not in self.planned[place]:
                    self.planned[place].append(dep["name"])
            key = writer.version_key(doc, dep["name"])
            current = [self.versions[k] for k in self.dept_versions[dep["name"]] if self.versions[k]["current"]]
            older = [o for o in current if doc.version != "" and o["version"] != "" and o["version"] < doc.version]
            newer = [o for o in current if doc.version != "" and o["version"] != "" and o["version"] > doc.version]
            self.versions[key] = {"key": key, "department": dep["name"], "version": doc.version,
                                  "content": contents[dep["name"]],
                                  "current": not newer, "in_force_from": in_force_from or
                                  default_in_force_from(doc.version), "_first_current": not newer,
                                  "_file": file_index, "_supersedes": 0}
            for n in newer:
                self._supersede(n["key"], key, key)
            for o in older:
                o["current"] = False
                self._supersede(key, o["key"], key)
            self.dept_versions[dep["name"]].append(key)
        return None

    def _supersede(self, newer: str, older: str, made_by: str) -> None:
        if (newer, older) not in self.supersedes:
            self.supersedes.add((newer, older))
            self.versions[made_by]["_supersedes"] += 1  # counted in the transaction of the version made

    def write_list(self, doc: ListDocument, run_id: str, advance: Callable[[int], object]) -> dict:
        writer.settle_delegating_bodies(self._planned_same_body, doc)  # every list planned by now: either order
        source_file = Path(doc.path).name
        deps = writer.departments_of(doc)
        first = writer.version_key(doc, deps[0]["name"])
        catalogue, delegations = [], []
        for dep in deps:
            key = writer.version_key(doc, dep["name"])
            records = writer.records_of(doc, dep["name"])
            self.merge_department(dep["name"], dep["jurisdiction"], dep["level"], run_id, source_file)
            version = self.versions[key]
            version.update({"title": dep.get("title") or doc.title, "sha256": doc.sha256, "source_file": source_file,
                            "mapping": doc.mapping, "container": doc.container, "fields": doc.fields or None,
                            "records": len(records), "imported_at": _now(), "import_run": run_id})
            self.c.nodes += 1
            self.c.rels += 1 + version["_supersedes"]  # LIST_OF, SUPERSEDES
            for rec in records:
                row = writer.power_row(doc, key, rec, run_id)
                self._power(row, version, dep["name"])
                pkey = row["props"]["key"]
                if rec.extra.get("catalog_code"):
                    catalogue.append((row["props"], rec.extra["catalog_code"], rec.item_name, rec.type))
                if rec.extra.get("delegation_manner"):
                    delegations.append((row["props"], rec.extra, version, dep["name"], pkey))
            advance(len(records))
        for props, code, item_name, ptype in catalogue:
            if code not in self.catalogue:
                self.catalogue[code] = {"key": code, "code": code, "name": item_name, "type": ptype,
                                        "source_file": props["source_file"], "source_sheet": props["source_sheet"],
                                        "source_row": props["source_row"]}
                self.c.nodes += 1
            self.sink.rel("IMPLEMENTS", ("Power", props["key"]), ("CatalogItem", code))
            self.c.rels += 1
        for props, extra, version, department, pkey in delegations:
            dkey = pkey + "#delegation"
            self.sink.node("Delegation", dkey, {
                "key": dkey, "manner": extra["delegation_manner"], "date": extra.get("delegation_date", ""),
                "from_body": extra.get("delegated_from", ""), "to_body": department, "to_level": props["level"],
                "from_level": extra.get("delegated_from_level", ""), "source_file": props["source_file"],
                "source_sheet": props["source_sheet"], "source_row": props["source_row"],
                "current": version["current"]})
            self.sink.rel("TO_POWER", ("Delegation", dkey), ("Power", pkey))
            self.c.nodes += 1
            self.c.rels += 1
            if version["_first_current"]:  # held when the delegation was written
                self.sink.rel("TO_DEPARTMENT", ("Delegation", dkey), ("Department", department))
                self.c.rels += 1
        return {"version_key": first, "other_versions": [writer.version_key(doc, d["name"]) for d in deps[1:]],
                "current": self.versions[first]["current"]}

    def _power(self, row: dict, version: dict, department: str) -> None:
        props = row["props"]
        key, current = props["key"], version["current"]
        for t in writer.searchable_texts([row]):
            if t["key"] not in self.texts:
                self.texts[t["key"]] = t["text"]
                self.c.nodes += 1
        self.sink.node("Power", key, {**props, "current": current, "department": department,
                                      "jurisdiction": self.departments[department]["jurisdiction"]})
        self.sink.rel("CONTAINS", ("ListVersion", version["key"]), ("Power", key))
        self.c.nodes += 1
        self.c.rels += 1
        if current:
            self.sink.rel("HOLDS", ("Department", department), ("Power", key))
        if version["_first_current"]:
            self.c.rels += 1
        where = {"source_file": props["source_file"], "source_sheet": props["source_sheet"],
                 "source_row": props["source_row"]}
        for u in row["units"]:
            unit_key = f"{department}/{u}"
            if unit_key not in self.units:
                self.units[unit_key] = {"key": unit_key, "name": u, "department": department,
                                        "source_file": props["source_file"]}
                self.c.nodes += 1
                self.c.rels += 1  # PART_OF
            self.sink.rel("HANDLED_BY", ("Power", key), ("Unit", unit_key))
            self.c.rels += 1
        for label, rtype, items in (("Responsibility", "HAS_RESPONSIBILITY", row["duties"]),
                                    ("Accountability", "HAS_ACCOUNTABILITY", row["accountability"])):
            for item in items:
                self.sink.node(label, item["key"], {**item, "current": current, **where})
                self.sink.rel(rtype, ("Power", key), (label, item["key"]))
                self.c.nodes += 1
                self.c.rels += 1
        based_on: set[tuple[str, str]] = set()
        for c in row["citations"]:
            if c["law_key"] not in self.laws:
                self.laws[c["law_key"]] = {"key": c["law_key"], "title": c["law_title"], "loaded": False, **where}
                self.c.nodes += 1
            self.sink.rel("CITES", ("Power", key), ("Law", c["law_key"]), {
                **{k: c[k] for k in ("field", "article", "article_label", "tag", "text", "version_note", "sub_article",
                                     "law_title")},
                "article_key": f"{c['law_key']}#{c['article']}" if c["article"] is not None else None})
            self.c.rels += 1
        for c in row["citations"]:
            article = f"{c['law_key']}#{c['article']}" if c["article"] is not None else None
            if article in self.articles and (article, c["field"]) not in based_on:
                based_on.add((article, c["field"]))
                self.sink.rel("BASED_ON", ("Power", key), ("Article", article), {"field": c["field"]})
                self.c.rels += 1

    # guides ------------------------------------------------------------------------------------

    def write_guides(self, doc: GuideDocument, run_id: str, advance: Callable[[int], object]) -> None:
        chains: dict[tuple[str, str], list[dict]] = {}
        rows = []
        for impl in doc.implementations:
            place = writer.guide_place(impl)
            if place not in chains:
                chains[place] = self.chain(*place)
            rows.append(writer._thing_row(doc, impl, chains[place][-1]["name"], run_id))
        if any(row["items"] for row in rows):  # their powers are matched in the graph (writer._write_items)
            raise BulkRefused(f"{Path(doc.path).name} 列出了一件事的事项，这些事项要在图中与权力关联："
                              "请在批量导入之后用普通的 `kb import` 导入它")
        for chain in chains.values():
            self.merge_jurisdictions(chain, run_id)
        for i in range(0, len(rows), writer.BATCH):
            self._things(rows[i:i + writer.BATCH], run_id)
            advance(len(rows[i:i + writer.BATCH]))
        for lead in sorted({r["lead"] for r in rows}):
            self.link_counterparts(lead)

    def _thing_rel(self, rtype: str, thing: str, label: str, key: str, props: dict | None = None) -> None:
        rel = (rtype, thing, label, key)
        if rel not in self.thing_rels:
            self.thing_rels[rel] = {}
            self.c.rels += 1
        if props:
            self.thing_rels[rel].update(props)

    def _things(self, rows: list[dict], run_id: str) -> None:
        """WRITE_THINGS on one batch: every row's MERGEs, then (the planner puts an Eager between them)
        the cooperating departments each sector names, grouped by (Thing, sector)."""
        for row in rows:
            place = self.jurisdictions[row["jurisdiction"]]
            thing = self.things.get(row["key"])
            if thing is None:
                thing = self.things[row["key"]] = {"key": row["key"]}
                self.c.nodes += 1
            for k, v in row["props"].items():
                if v is None:
                    thing.pop(k, None)
                else:
                    thing[k] = v
            self._thing_rel("IN_JURISDICTION", row["key"], "Jurisdiction", place["name"])
            lead = row["lead"]
            if lead not in self.departments:
                self.departments[lead] = {"name": lead, "jurisdiction": place["name"], "level": place.get("level"),
                                          "created_by": run_id, "source_file": row["props"]["source_file"]}
                self.c.nodes += 1
            self.link_department(lead, place["name"])
            self._thing_rel("LED_BY", row["key"], "Department", lead)
        groups: dict[tuple[str, str], set[str]] = {}
        for row in rows:  # the departments of the place whose name carries one of the sector's words
            for co in row["cooperating"]:
                found = {d for d in self.members.get(row["jurisdiction"], []) if any(w in d for w in co["words"])}
                groups.setdefault((row["key"], co["sector"]), set()).update(found)
        for (thing, sector), found in groups.items():
            if len(found) == 1:
                self._thing_rel("COOPERATING", thing, "Department", next(iter(found)), {"as_published": sector})

    # the end -----------------------------------------------------------------------------------

    def finish(self) -> None:
        """Everything kept in memory, written once."""
        s = self.sink
        for props in self.jurisdictions.values():
            s.node("Jurisdiction", props["name"], props)
        for child, parent in self.within:
            s.rel("WITHIN", ("Jurisdiction", child), ("Jurisdiction", parent))
        for props in self.departments.values():
            s.node("Department", props["name"], props)
        for name, places in self.in_jurisdiction.items():
            for place in places:
                s.rel("IN_JURISDICTION", ("Department", name), ("Jurisdiction", place))
        for down, up in self.counterparts:
            s.rel("COUNTERPART_OF", ("Department", down), ("Department", up))
        for props in self.units.values():
            s.node("Unit", props["key"], props)
            s.rel("PART_OF", ("Unit", props["key"]), ("Department", props["department"]))
        for props in self.laws.values():
            s.node("Law", props["key"], props)
        for props in self.law_versions.values():
            s.node("LawVersion", props["key"], props)
            s.rel("HAS_VERSION", ("Law", props["law_key"]), ("LawVersion", props["key"]))
        for props in self.article_texts.values():
            version = props.pop("_version")
            s.node("ArticleText", props["key"], props)
            s.rel("HAS_TEXT", ("LawVersion", version), ("ArticleText", props["key"]))
        for props in self.articles.values():
            s.node("Article", props["key"], props)
            s.rel("HAS_ARTICLE", ("Law", props["law_key"]), ("Article", props["key"]))
        for props in self.catalogue.values():
            s.node("CatalogItem", props["key"], props)
        for key, text in self.texts.items():
            s.node("SearchText", key, {"key": key, "text": text})
        for props in self.things.values():
            s.node("Thing", props["key"], props)
        for (rtype, thing, label, key), props in self.thing_rels.items():
            s.rel(rtype, ("Thing", thing), (label, key), props)
        self._in_force_until()
        for props in self.versions.values():
            s.node("ListVersion", props["key"], {k: v for k, v in props.items() if not k.startswith("_")})
            s.rel("LIST_OF", ("ListVersion", props["key"]), ("Department", props["department"]))
        for newer, older in self.supersedes:
            s.rel("SUPERSEDES", ("ListVersion", newer), ("ListVersion", older))
        for props in self.runs:
            produced = props.pop("_produced")
            s.node("ImportRun", props["id"], props)
            for key in dict.fromkeys(produced):
                s.rel("PRODUCED", ("ImportRun", props["id"]), ("ListVersion", key))

    def _in_force_until(self) -> None:
        """IN_FORCE_UNTIL over each department's versions: the next later in_force_from."""
        for keys in self.dept_versions.values():
            versions = [self.versions[k] for k in keys]
            for v in versions:
                later = [w["in_force_from"] for w in versions if w["in_force_from"] is not None
                         and v["in_force_from"] is not None and w["in_force_from"] > v["in_force_from"]]
                v["in_force_until"] = min(later) if later else None

    def record_run(self, report: run.FileReport, doc: Any, run_id: str, started: _Stamp, version_key: str,
                   produced: list[str], status: str = "imported") -> None:
        self.runs.append({
            "id": run_id, "path": str(report.path), "file": Path(report.path).name, "sha256": doc.sha256,
            "kind": report.kind, "status": status, "records": report.records, "nodes_created": self.c.nodes,
            "relationships_created": self.c.rels, "errors": [e["message"] for e in report.errors][:50],
            "started_at": started, "finished_at": _now(), "version_key": version_key, "_produced": produced})


# --- the whole path ---------------------------------------------------------------------------

def build(folder: Path, paths: Iterable[str | Path], *, jurisdiction: str | None = None,
          department: str | None = None, in_force_from: str | None = None, progress: bool = True,
          memory_records: int = run.SPOOL_AFTER) -> tuple[dict, list[str], CsvSink]:
    """Validate every file and write the CSV files into `folder`. Returns (the `kb import` report,
    the importer's --nodes/--relationships arguments, the sink); no arguments when any file was refused."""
    from tqdm import tqdm

    sink = CsvSink(folder)
    plan = Plan(sink)
    lists: list[int] = []

    def planned(report: run.FileReport) -> None:
        if isinstance(report.doc, ListDocument):
            lists.append(id(report))
            same = plan.plan_versions(report.doc, len(lists), in_force_from)
            report.settled(report.doc)
            if same:  # left out of the CSV files (spooled no more); its run recorded, as kb import records it
                file, version_key = same
                run.said_same(report, file)
                plan.c = _Counts()
                plan.record_run(report, report.doc, writer.new_run_id(), _now(), version_key, [version_key],
                                status="unchanged")
                report.status, report.doc = "unchanged", None

    with run.Spool(memory_records) as spool, run.unpacked(paths) as files:
        reports = run._validate(files, jurisdiction, department, spool, on_valid=planned)
        report = {"files": reports, "nodes_created": 0, "relationships_created": 0, "dry_run": False,
                  "refused": sum(r.status == "refused" for r in reports), "notices": [], "bulk": True}
        if report["refused"]:
            return _finish_report(report), [], sink
        order = sorted((r for r in reports if spool.holds(r)), key=lambda r: {"law": 0, "list": 1}.get(r.kind, 2))
        if not order:
            raise BulkRefused("没有可导入的文件：--bulk 至少需要一个清单、法律文本或一件事指南")
        total = sum(r.records for r in order)
        with tqdm(total=total, unit="行", file=sys.stderr, disable=not progress, dynamic_ncols=True,
                  mininterval=run.progress_interval(),
                  desc="批量 CSV") as bar:
            for r in order:
                doc = spool.take(r)
                run_id, started = writer.new_run_id(), _now()
                plan.c = _Counts()
                bar.set_postfix_str(Path(r.path).name[:40], refresh=sys.stderr.isatty())
                if isinstance(doc, ListDocument):
                    written = plan.write_list(doc, run_id, bar.update)
                    r.current = written["current"]
                    plan.record_run(r, doc, run_id, started, written["version_key"],
                                    [written["version_key"], *written["other_versions"]])
                elif isinstance(doc, LawDocument):
                    key = plan.law(doc, run_id)
                    r.current = True
                    bar.update(r.records)
                    plan.record_run(r, doc, run_id, started, key, [])
                else:
                    plan.write_guides(doc, run_id, bar.update)
                    plan.record_run(r, doc, run_id, started, "", [])
                r.status = "imported"
                r.nodes_created, r.relationships_created = plan.c.nodes, plan.c.rels
                r.doc = None
        plan.finish()
    report["files"] = reports
    return _finish_report(report), sink.close(), sink


def _finish_report(report: dict) -> dict:
    files = report["files"]
    report["nodes_created"] = sum(r.nodes_created for r in files)
    report["relationships_created"] = sum(r.relationships_created for r in files)
    report["files"] = [r.as_dict() for r in files]
    return report


def admin_import(settings: Any, args: list[str], folder: Path, say: Say, progress: bool = True) -> None:
    """`neo4j-admin database import full` of the CSV files into the (stopped) managed server's
    database. The arguments go in a file (`@file`): a province has hundreds of CSV groups."""
    from kb import server

    home = settings.server_home
    java = server.find_java()
    argfile = folder / "import.args"
    # the database first: --nodes and --relationships take every argument after them as a file
    options = ["database", "import", "full", settings.database, "--overwrite-destination=true", "--multiline-fields=true",
               f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--id-type=string",
               f"--report-file={folder / 'import.report'}", *args]
    argfile.write_text("\n".join('"' + a.replace("\\", "\\\\").replace('"', '\\"') + '"' for a in options) + "\n",
                       encoding="utf-8")
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    say("正在用 neo4j-admin database import full 导入 ……")
    # its progress goes to stderr with ours (stdout is for --json)
    proc = subprocess.run([java, "-Xmx1g", "-cp", str(settings.neo4j_lib / "*"), server.ADMIN_TOOL, f"@{argfile}"],
                          env=env, stdout=sys.stderr if progress else subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, check=False, timeout=24 * 3600)
    if proc.returncode != 0:
        tail = (proc.stdout or "")[-3000:]
        report = folder / "import.report"
        if report.exists():
            tail += "\n" + report.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BulkRefused(f"neo4j-admin database import 失败（退出码 {proc.returncode}）：\n{tail}")


def _empty_store(settings: Any) -> None:
    """Remove the database's store and transaction logs; the server makes an empty one at start."""
    data = settings.server_home / "data"
    for folder in (data / "databases" / settings.database, data / "transactions" / settings.database):
        shutil.rmtree(folder, ignore_errors=True)


def bulk_import(settings: Any, paths: Iterable[str | Path], *, jurisdiction: str | None = None,
                department: str | None = None, in_force_from: str | None = None, progress: bool = True,
                say: Say = lambda s: print(s, file=sys.stderr)) -> dict:
    """The whole `kb import --bulk`: the database must be empty (checked), every file valid (else
    nothing is written); the server is stopped, the store built by neo4j-admin, the server started
    again, the schema made and the delegations linked. Returns the `kb import` report with timings."""
    from kb import dump, schema, server
    from kb.db import Graph

    if settings.external:
        raise BulkRefused(f"--bulk 只能用于 kb 自己管理的 Neo4j：{settings.uri} 是外部服务器（设置了 NEO4J_PASSWORD），"
                          "kb 不能停下它并替换它的数据库文件；请用普通的 kb import")
    if not server.bolt_answers(settings):
        raise BulkRefused(f"Neo4j 没有在 {settings.uri} 运行：请先运行 kb db start")
    with Graph.from_settings(settings) as graph:
        if not dump.is_empty(graph):
            raise BulkRefused("数据库不是空的：--bulk 会用导入的数据替换整个数据库，所以只能导入空数据库。"
                              "请用普通的 kb import 追加，或先 kb export 备份、清空后再用 --bulk")
    timings: dict[str, float] = {}
    settings.home.mkdir(parents=True, exist_ok=True)
    folder = settings.home / f"bulk-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(4)}"
    folder.mkdir(mode=0o700)
    try:
        started = time.monotonic()
        report, args, sink = build(folder, paths, jurisdiction=jurisdiction, department=department,
                             in_force_from=in_force_from, progress=progress)
        timings["csv_seconds"] = round(time.monotonic() - started, 2)
        if report["refused"]:
            report["timings"] = timings
            return report
        say(server.stop(settings))
        started = time.monotonic()
        try:
            admin_import(settings, args, folder, say, progress)
        except BaseException:
            _empty_store(settings)  # a failed import leaves a store that cannot start: the database was empty
            raise
        finally:
            timings["admin_seconds"] = round(time.monotonic() - started, 2)
            started = time.monotonic()
            say(server.start(settings))
            timings["restart_seconds"] = round(time.monotonic() - started, 2)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    started = time.monotonic()
    with Graph.from_settings(settings) as graph:
        say("正在建立约束、索引和全文索引 ……")
        schema.init(graph)  # (it fills the listing order the writer writes, kb.schema.fill_listing_orders)
        timings["schema_seconds"] = round(time.monotonic() - started, 2)
        fix_empty_lists(graph, sink.empty_lists)
        writer.link_pending(graph)
    report["timings"] = timings
    return report
