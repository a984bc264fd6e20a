"""Counts, and a portable dump (JSON Lines) that restores to identical counts and properties.

A dump holds every node and relationship but the schema marker (KbMeta, which `kb db init` makes):
the lists, laws, findings and their resolutions, the edit history and the browser's logins (name and
role). Password hashes are not in the graph (webui/users.py: KB_HOME/credentials.json), so not in a
dump either: a restored graph's users log in once that file is copied along or `kb user add` sets
their passwords again.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import socket
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import neo4j.time

from kb import schema
from kb.db import Graph, Rows
from kb.explain import explain
from kb.model import KEY_OF, VERSIONED_LABELS


def _bar(**options: Any):
    """A progress bar on stderr (tqdm, imported here: `kb stats` reads this module and starts in < 0.5 s)."""
    from tqdm import tqdm

    return tqdm(**options)


class DumpError(ValueError):
    """A dump that cannot be restored; the message names the file or line."""


FORMAT = "kb-dump/1"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
BATCH = 2000

# Historical list versions stay in the graph (current = false) but are not "the current data". The
# counts come from the database's count store (no scan) less the history, found through the indexes on
# `current` (kb.model.VERSIONED_LABELS): the time grows with the history, not with the data.
LABELS = "CALL db.labels() YIELD label RETURN label"
TYPES = "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS type"
HISTORY = " UNION ".join(f"MATCH (n:{label}) WHERE n.current = false RETURN n" for label in VERSIONED_LABELS)
HISTORY_NODES = f"CALL {{ {HISTORY} }} UNWIND labels(n) AS label RETURN label, count(*) AS n"
HISTORY_RELS = f"CALL {{ {HISTORY} }} MATCH (n)-[r]-() WITH DISTINCT r RETURN type(r) AS type, count(*) AS n"


def _counted(graph: Graph, names: list[str], pattern: str) -> dict[str, int]:
    """{name: count} from the count store, in one query (`pattern` has {0} for the quoted name)."""
    if not names:
        return {}
    parts = [f"CALL {{ MATCH {pattern.format(_quoted(n))} RETURN count(*) AS c{i} }}" for i, n in enumerate(names)]
    row = graph.read(" ".join(parts) + " RETURN " + ", ".join(f"c{i}" for i in range(len(names))))[0]
    return {n: row[f"c{i}"] for i, n in enumerate(names)}


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def stats(graph: Graph) -> dict:
    """Current nodes by label and relationships by type (both ends current), KbMeta aside."""
    labels = [r["label"] for r in graph.read(LABELS) if r["label"] != "KbMeta"]
    types = [r["type"] for r in graph.read(TYPES)]
    nodes = _counted(graph, labels, "(n:{0})")
    rels = _counted(graph, types, "()-[r:{0}]->()")
    for r in graph.read(HISTORY_NODES):
        if r["label"] in nodes:
            nodes[r["label"]] -= r["n"]
    for r in graph.read(HISTORY_RELS):
        if r["type"] in rels:
            rels[r["type"]] -= r["n"]
    return {"nodes": {k: v for k, v in sorted(nodes.items()) if v},
            "relationships": {k: v for k, v in sorted(rels.items()) if v}}


def is_empty(graph: Graph) -> bool:
    return not graph.read("MATCH (n) WHERE NOT n:KbMeta RETURN 1 AS x LIMIT 1")


def clear(graph: Graph) -> None:
    """Delete all data (schema stays), in batches so a large graph does not exhaust memory."""
    graph.autocommit("MATCH (n) WHERE NOT n:KbMeta CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS")
    graph.searchable()


# --- value encoding: JSON cannot hold temporal values, so they travel tagged ----------------------

# Tag -> the Cypher function that rebuilds the value from its ISO text.
TEMPORAL = {"$datetime": "datetime", "$localdatetime": "localdatetime", "$date": "date", "$time": "time",
            "$localtime": "localtime", "$duration": "duration"}


def _encode(value: Any, where: str = "") -> Any:
    if isinstance(value, neo4j.time.DateTime | datetime):
        tagged = "$datetime" if value.tzinfo is not None else "$localdatetime"
        text = value.isoformat()
        zone = getattr(value.tzinfo, "key", None) or getattr(value.tzinfo, "zone", None)
        return {tagged: f"{text}[{zone}]" if zone else text}
    if isinstance(value, neo4j.time.Date | date):
        return {"$date": value.isoformat()}
    if isinstance(value, neo4j.time.Time):
        return {"$time" if value.tzinfo is not None else "$localtime": value.isoformat()}
    if isinstance(value, neo4j.time.Duration):
        return {"$duration": value.iso_format()}
    if isinstance(value, list):
        if any(isinstance(v, dict) for v in (_encode(x, where) for x in value)):
            raise ValueError(f"无法导出 {where}：这是由时间值组成的列表")
        return value
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise ValueError(f"无法导出 {where}：不支持 {type(value).__name__} 类型的值")


def _encode_props(props: dict, where: str) -> dict:
    return {k: _encode(v, f"{where}.{k}") for k, v in props.items()}


def _props_cypher(props: dict) -> tuple[dict, list[tuple[str, str, str]]]:
    """Plain properties, and (key, function, text) of the tagged temporal ones."""
    plain, temporal = {}, []
    for key, value in props.items():
        if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in TEMPORAL:
            tag, text = next(iter(value.items()))
            temporal.append((key, TEMPORAL[tag], text))
        else:
            plain[key] = value
    return plain, temporal


NODES = "MATCH (n) WHERE NOT n:KbMeta RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS p"
RELATIONSHIPS = ("MATCH (a)-[r]->(b) WHERE NOT a:KbMeta "
                 "RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS t, properties(r) AS p")
TOTAL = ("CALL { MATCH (n) WHERE NOT n:KbMeta RETURN count(n) AS nodes } "
         "CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes + rels AS n")


def export(graph: Graph, path: Path, progress: bool = False) -> dict:
    """Write every node and relationship but KbMeta to a gzip'd JSON Lines file (progress on stderr if
    asked)."""
    counts = {"nodes": 0, "relationships": 0}
    partial = path.with_name(path.name + ".partial")  # renamed on success: a failed export leaves no dump
    total = graph.read(TOTAL)[0]["n"] if progress else None
    # Readable by its owner only: no password hashes, but who edited what and who may log in, and a graph
    # from before the hashes left it may still carry them on User nodes that no `kb user add` has reset.
    raw = os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb")
    with raw, gzip.open(raw, "wt", encoding="utf-8") as out, graph.session(read_only=True) as session, \
            _bar(total=total, unit="项", file=sys.stderr, disable=not progress, desc="导出") as bar:
        out.write(json.dumps({"format": FORMAT}) + "\n")
        for rec in session.run(NODES):
            out.write(json.dumps({"n": rec["id"], "labels": rec["labels"],
                                  "props": _encode_props(rec["p"], ":".join(rec["labels"]))},
                                 ensure_ascii=False) + "\n")
            counts["nodes"] += 1
            bar.update()
        for rec in session.run(RELATIONSHIPS):
            out.write(json.dumps({"r": rec["t"], "from": rec["a"], "to": rec["b"],
                                  "props": _encode_props(rec["p"], rec["t"])},
                                 ensure_ascii=False) + "\n")
            counts["relationships"] += 1
            bar.update()
    partial.replace(path)
    return counts


def _read(path: Path) -> Iterator[dict]:
    for _, item in _numbered(path):
        yield item


def _numbered(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, item) of a dump, after its header; ValueError names the line that is not JSON."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        try:
            header = json.loads(fh.readline() or "{}")
        except json.JSONDecodeError:
            header = {}
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            found = header.get("format") if isinstance(header, dict) else None
            raise DumpError(f"{path}：不是 kb 导出文件（应为格式 {FORMAT}，实际为 {found}）")
        for lineno, line in enumerate(fh, start=2):
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DumpError(f"{path}，第 {lineno} 行：不是 JSON（{exc.msg}）") from exc
            if not isinstance(item, dict):
                raise DumpError(f"{path}，第 {lineno} 行：既不是节点也不是关系")
            yield lineno, item


def validate(path: Path, progress: bool = False) -> dict:
    """Read the whole dump without touching the database, so a restore never starts on a dump that
    would fail halfway: the format, JSON on every line, label and type names, values the database
    takes, relationships between nodes of the dump, and no natural key twice (the constraints would
    refuse it). Also reads the gzip stream to its end, whose checksum catches a truncated file.
    ValueError names the line. Returns the counts."""
    counts = {"nodes": 0, "relationships": 0}
    node_ids: set[str] = set()
    keys: set[tuple[str, object]] = set()
    try:
        with _bar(unit="项", file=sys.stderr, disable=not progress, desc="检查导出文件") as bar:
            for lineno, item in _numbered(path):
                _check_item(item, lineno, node_ids, keys)
                counts["nodes" if "n" in item else "relationships"] += 1
                bar.update()
    except (OSError, EOFError, UnicodeDecodeError) as exc:  # gzip: bad magic, truncated, CRC
        raise DumpError(f"{path}：无法读取的导出文件：{explain(exc)}") from exc
    return counts


_SCALARS = (str, int, float, bool)


def _check_values(props: dict) -> None:
    """Values a property can hold: scalars, lists of one scalar type, tagged temporal texts."""
    plain, temporal = _props_cypher(props)
    for key, _, text in temporal:
        if not isinstance(text, str):
            raise DumpError(f"属性 {key}：时间值不是文本")
        _check_name(key)
    for key, value in plain.items():
        if isinstance(value, list):
            kinds = {type(v) for v in value}
            if not all(issubclass(k, _SCALARS) for k in kinds) or len(kinds - {int, float}) > 1 \
                    or (kinds & {int, float} and kinds - {int, float}):
                raise DumpError(f"属性 {key}：列表中的值类型混杂或有嵌套")
        elif value is not None and not isinstance(value, _SCALARS):
            raise DumpError(f"属性 {key}：{type(value).__name__} 不能作为属性值")


def _check_item(item: dict, lineno: int, node_ids: set[str], keys: set[tuple[str, object]]) -> None:
    where = f"第 {lineno} 行"
    props = item.get("props")
    if not isinstance(props, dict):
        raise DumpError(f"{where}：没有属性对象（props）")
    try:
        _check_values(props)
        if "n" in item:
            labels = item.get("labels")
            if not isinstance(labels, list) or not labels:
                raise DumpError("节点没有标签")
            for label in labels:
                _check_name(str(label))
                key = KEY_OF.get(label)
                if key and (label, props.get(key)) in keys:
                    raise DumpError(f"第二个 {key} 为 {props.get(key)!r} 的 {label}")
                if key:
                    keys.add((label, props.get(key)))
            node_ids.add(str(item["n"]))
        elif "r" in item:
            _check_name(str(item["r"]))
            missing = [what for end, what in (("from", "起点"), ("to", "终点")) if str(item.get(end)) not in node_ids]
            if missing:
                raise DumpError(f"{item['r']} 关系的{'和'.join(missing)}节点不在导出文件中")
        else:
            raise DumpError("既不是节点也不是关系")
    except (ValueError, TypeError, AttributeError) as exc:
        raise DumpError(f"{where}：{exc}") from exc


def _check_name(name: str) -> str:
    if not _NAME.match(name):
        raise DumpError(f"拒绝导出文件中的标签或类型 {name!r}")
    return name


def restore(graph: Graph, path: Path, progress: bool = False, backup: Path | None = None) -> dict:
    """Put the dump in place of what the database holds (call `validate` first).

    The restore is written in batches, each its own transaction, so it is journaled: a `KbMeta` node
    says a restore is under way, which dump it loads and where the data before it was exported
    (`backup`; None when the database was empty). Whatever stops it (an error, Ctrl-C, the process or
    the database killed), the database ends as it was or as the dump says, never in between: an error
    here undoes it at once; a killed process or server leaves the journal, and `recover` (run by
    `kb db start`, `kb restore`, `kb serve` and `schema.init`) finishes or undoes it. A second restore
    is refused while a journal stands (the check and the journal's creation are not one transaction: two
    restores started in the same instant are not told apart)."""
    if journal(graph):
        raise DumpError("另一次恢复正在进行（KbMeta restore）：未恢复任何内容")
    if backup is None and not is_empty(graph):
        raise DumpError("数据库不是空的，且其中的数据没有先导出：出错时无法还原")
    _journal(graph, phase="loading", dump=str(path), backup=str(backup) if backup else None)
    try:
        clear(graph)
        with _bar(unit="项", file=sys.stderr, disable=not progress, desc="恢复") as bar:
            counts = _load(graph, path, bar.update)
        _journal(graph, phase="finishing")
        _finish(graph)
        graph.searchable()
    except BaseException as exc:
        try:
            note = _undo(graph, progress)
        except Exception as again:  # noqa: BLE001 - the database is gone too: the journal stays for recover
            note = f"撤销也失败了（{type(again).__name__}）：下次 `kb db start` 时会撤销"
        exc.add_note(note)
        raise
    graph.write(JOURNAL_END)
    schema.resample(graph)  # the planner's estimates of the indexes, from what was restored (kb.schema.resample)
    return counts


JOURNAL = "restore"  # KbMeta {name: 'restore'}: a restore under way
JOURNAL_READ = "MATCH (m:KbMeta {name: 'restore'}) RETURN properties(m) AS m"
JOURNAL_END = "MATCH (m:KbMeta {name: 'restore'}) DELETE m"


def journal(graph: Graph) -> dict | None:
    """The journal of a restore under way (or stopped midway and not yet recovered), or None."""
    rows = graph.read(JOURNAL_READ)
    return rows[0]["m"] if rows else None


def drop_journal(graph: Graph) -> None:
    """Give up a stopped restore whose backup is gone (`kb restore --reset` replaces the data anyway)."""
    graph.write(JOURNAL_END)


def _journal(graph: Graph, **fields: Any) -> None:
    graph.write("MERGE (m:KbMeta {name: 'restore'}) SET m += $fields, m.pid = $pid, m.host = $host, "
                "m.updated_at = datetime()", fields=fields, pid=os.getpid(), host=socket.gethostname())


def _undo(graph: Graph, progress: bool = False) -> str:
    """Back to the data before the restore: clear, load the backup (if the database held anything)."""
    journal = graph.read(JOURNAL_READ)[0]["m"]
    _journal(graph, phase="undoing")
    backup = journal.get("backup")
    if backup and not Path(backup).is_file():
        raise DumpError(f"恢复前的数据保存在 {backup}，但这个文件已不存在；"
                        f"请用 `kb restore --reset` 恢复一个导出文件")
    clear(graph)
    if backup:
        with _bar(unit="项", file=sys.stderr, disable=not progress, desc="撤销恢复") as bar:
            _load(graph, Path(backup), bar.update)
        _finish(graph)
    graph.write(JOURNAL_END)
    return (f"已还原恢复前的数据（副本仍保存在 {backup}）" if backup
            else "数据库已恢复为原来的空库")


def recover(graph: Graph, progress: bool = False) -> str | None:
    """Finish or undo a restore that was stopped midway (see `restore`); None when there was none.
    A restore still running in a process on this machine is left alone."""
    rows = graph.read(JOURNAL_READ)
    if not rows:
        return None
    journal = rows[0]["m"]
    pid = journal.get("pid")
    if journal.get("host") == socket.gethostname() and pid != os.getpid() and _running(pid):
        return f"{journal.get('dump')} 的恢复正在进行（进程 {pid}），未干预"
    if journal.get("phase") == "finishing":  # every item was written: only the marks remain to remove
        _finish(graph)
        graph.write(JOURNAL_END)
        return f"{journal.get('dump')} 的恢复在收尾时中断，现已完成"
    return f"{journal.get('dump')} 的恢复中途中断，已撤销：{_undo(graph, progress)}"


def _running(pid: object) -> bool:
    from kb.server import alive

    return isinstance(pid, int) and pid > 0 and alive(pid)


def _node_query(labels: tuple[str, ...], shape: tuple) -> str:
    label_expr = "".join(f":`{x}`" for x in labels) + ":KbRestore"
    sets = "".join(f", n.`{_check_name(k)}` = {fn}(row.t[{i}])" for i, (k, fn) in enumerate(shape))
    return f"UNWIND $rows AS row CREATE (n{label_expr}) SET n = row.props, n.kb_restore_id = row.id{sets}"


def _rel_query(rtype: str, shape: tuple) -> str:
    sets = "".join(f", r.`{_check_name(k)}` = {fn}(row.t[{i}])" for i, (k, fn) in enumerate(shape))
    return ("UNWIND $rows AS row MATCH (a:KbRestore {kb_restore_id: row.a}), (b:KbRestore {kb_restore_id: row.b}) "
            f"CREATE (a)-[r:`{rtype}`]->(b) SET r = row.props{sets}")


def _load(graph: Graph, path: Path, advance: Callable[[int], object] = lambda n: None) -> dict:
    """Every item of the dump, marked `KbRestore` until `_finish`. Streams the dump: rows are buffered per label set (or type) and property shape and written in
    batches, so memory stays bounded however large the dump is. Nodes come before relationships."""
    counts = {"nodes": 0, "relationships": 0}
    graph.write(schema.RESTORE_INDEX)  # in the schema (kb.schema): here for a database whose schema was made before it was
    graph.write("CALL db.awaitIndexes(300)")
    buffers: dict[tuple, list] = {}

    def flush(key: tuple) -> None:
        rows = buffers.pop(key, [])
        if rows:
            kind, name, shape = key
            graph.write(_node_query(name, shape) if kind == "nodes" else _rel_query(name, shape), rows=Rows(rows))
            counts[kind] += len(rows)
            advance(len(rows))

    for item in _read(path):
        plain, temporal = _props_cypher(item["props"])
        shape = tuple((k, fn) for k, fn, _ in temporal)
        values = [v for _, _, v in temporal]
        if "n" in item:
            key = ("nodes", tuple(_check_name(x) for x in item["labels"]), shape)
            row = {"id": item["n"], "props": plain, "t": values}
        else:
            if any(k[0] == "nodes" for k in buffers):  # every node is written before the first relationship
                for k in [k for k in buffers if k[0] == "nodes"]:
                    flush(k)
            key = ("relationships", _check_name(item["r"]), shape)
            row = {"a": item["from"], "b": item["to"], "props": plain, "t": values}
        buffers.setdefault(key, []).append(row)
        if len(buffers[key]) >= BATCH:
            flush(key)
    for key in sorted(buffers, key=lambda k: k[0] != "nodes"):
        flush(key)
    return counts


def _finish(graph: Graph) -> None:
    """Remove the marks of a completed load, and give the citations of a dump an older kb wrote their
    article keys, its powers and responsibilities their texts' keys, its citations and catalogue links
    their listing order (safe to repeat)."""
    graph.autocommit("MATCH (n:KbRestore) CALL { WITH n REMOVE n:KbRestore REMOVE n.kb_restore_id } "
                     "IN TRANSACTIONS OF 5000 ROWS")
    from kb.schema import FILL_ARTICLE_KEYS, fill_listing_orders, fill_text_keys  # before schema 9, 10, 11

    graph.autocommit(FILL_ARTICLE_KEYS)
    fill_text_keys(graph)
    fill_listing_orders(graph)
