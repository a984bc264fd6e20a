"""Run the analyses of one or more areas and apply the stored statuses: what `kb check` prints."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from kb.analyses import (
    assignments,
    chains,
    consistency,
    gaps,
    laws,
    overlap_groups,
    overlaps,
    parallel,
    resolutions,
    services,
)
from kb.analyses.findings import AREAS, STATUS_TITLES, Finding, sort_findings
from kb.analyses.powers import BATCH, partitions
from kb.db import Graph

T = TypeVar("T")


@dataclass
class Report:
    findings: list[Finding]
    seconds: dict[str, float] = field(default_factory=dict)  # per area computed

    def of_area(self, area: str) -> list[Finding]:
        return [f for f in self.findings if f.area == area]


def merge_duplicates(findings: list[Finding]) -> list[Finding]:
    """Two rows of one list that say exactly the same thing give one finding (same id)."""
    by_id: dict[str, Finding] = {}
    for f in findings:
        if f.id not in by_id:
            by_id[f.id] = f
            continue
        kept = by_id[f.id]
        kept.power_keys = list(dict.fromkeys(kept.power_keys + f.power_keys))
        kept.add_evidence(f.evidence)
    return list(by_id.values())


def run(graph: Graph, areas: tuple[str, ...] | list[str] = AREAS, jurisdiction: str | None = None,
        threshold: float = overlaps.DEFAULT_THRESHOLD, cross_place: bool = True) -> Report:
    """The findings of ``areas`` (in ``jurisdiction`` and those within it), all in memory and sorted:
    for a jurisdiction or a test. What a province needs is `batches` (kb.analyses.stored writes them
    as they come). ``cross_place``: as `batches`."""
    seconds: dict[str, float] = {}
    found = [f for batch in batches(graph, areas, jurisdiction, threshold, cross_place, seconds) for f in batch]
    return Report(sort_findings(found), dict(seconds))


def batches(graph: Graph, areas: tuple[str, ...] | list[str] = AREAS, jurisdiction: str | None = None,
            threshold: float = overlaps.DEFAULT_THRESHOLD, cross_place: bool = True,
            seconds: dict[str, float] | None = None, batch: int = BATCH) -> Iterator[list[Finding]]:
    """The findings of ``areas`` a batch at a time, each batch finished (duplicates merged, overlaps
    folded and grouped, evidence cut, recorded statuses applied) before the next is read: no finding
    spans two batches, and what is held at once is one partition's powers and findings, not the
    graph's. ``seconds`` (when given) collects the time spent per area. ``cross_place=False`` leaves
    out the rules that compare places across jurisdiction trees (findings.CROSS_PLACE_KINDS), which
    the store computes for the whole graph apart. ``batch``: about how many powers a partition holds.
    The partitions are analysed side by side when there are several (kb.analyses.parallel)."""
    wanted = [a for a in AREAS if a in areas]
    stored = resolutions.records(graph)
    seconds = {} if seconds is None else seconds

    def timed(area: str, fn: Callable[[], T]) -> T:
        started = time.monotonic()
        result = fn()
        seconds[area] = round(seconds.get(area, 0.0) + time.monotonic() - started, 3)
        return result

    def finished(found: list[Finding]) -> list[Finding]:
        found = [f.cut_evidence() for f in merge_duplicates(found)]
        resolutions.apply(found, stored)
        return [f for f in found if f.area in wanted]

    def taken(area: str, name: str) -> Any:
        result, took = ahead.take(name)
        seconds[area] = round(seconds.get(area, 0.0) + took, 3)
        return result

    # The reads over the whole scope at the end (the delegations and 一件事, the same article given to
    # different kinds of body across places, the laws to load) are the server's work with Python
    # waiting: begun now, in a thread beside the partitions, they are ready at their turn.
    ahead = parallel.Ahead()
    if "gaps" in wanted:
        ahead.start("gaps", lambda: gaps.scope_findings(graph, jurisdiction))
    if "consistency" in wanted and cross_place:
        # read a law at a time, each law's findings cut as they come (their evidence is every citing
        # power: held uncut until their turn, the province's 575 held 271,485 pieces, half a gigabyte)
        ahead.start("assignments", lambda: [[f.cut_evidence() for f in chunk]
                                            for chunk in assignments.chunks(graph, jurisdiction)])
    if "laws" in wanted:
        ahead.start("laws", lambda: laws.find(graph, jurisdiction))
    try:
        thing_rows: list[dict] = []
        in_services: list[Finding] = []  # the open overlaps between two departments of one 一件事
        if "services" in wanted:
            thing_rows = timed("services", lambda: services.read_things(graph, jurisdiction))
        if "overlaps" in wanted or "services" in wanted:
            shared = services.overlap_filter(thing_rows)
            tasks = [(departments, threshold) for departments in partitions(graph, jurisdiction, batch)]
            parts = parallel.ordered(graph, overlap_part, tasks)
            while (part := timed("overlaps", lambda: next(parts, None))) is not None:
                found, _ = part
                resolutions.apply(found, stored)
                in_services += [f for f in found if f.status == "open" and shared(f)]
                if "overlaps" in wanted:
                    yield found
        if {"gaps", "chains", "consistency"} & set(wanted):
            # batches of related departments (chains.partition_plan); consistency runs on each. A place below the
            # top is read with the levels above it (its province's tree), and its own findings kept: 石家庄's city
            # power with no counterpart in the province's list was found for 河北省 and not for 石家庄市
            line, within = _chain_scope(graph, jurisdiction)
            plan, delegations, counterparts = timed("chains", lambda: chains.partition_plan(graph, jurisdiction, batch,
                                                                                            line))
            context = {"delegations": delegations, "counterparts": counterparts, "parents": graph.read(chains.PARENTS)}
            tasks = [(departments, keys, "consistency" in wanted) for departments, keys in plan]
            for found, took in parallel.ordered(graph, chain_part, tasks, context):
                _add(seconds, took)
                yield finished([f for f in found if within is None or _concerns(f, within)])
        if "gaps" in wanted:
            articles = graph.read(gaps.LOADED_ARTICLES)
            tasks = [(departments,) for departments in partitions(graph, jurisdiction, batch)]
            for found, took in parallel.ordered(graph, gap_part, tasks, {"articles": articles}):
                _add(seconds, took)
                yield finished(found)
            yield finished(taken("gaps", "gaps"))
        if "consistency" in wanted and cross_place:
            for chunk in taken("consistency", "assignments"):
                yield finished(chunk)
        if "services" in wanted:
            yield finished(timed("services", lambda: services.analyse(thing_rows, in_services)))
        if "laws" in wanted:
            yield finished(taken("laws", "laws"))
    finally:
        ahead.close()


def _chain_scope(graph: Graph, jurisdiction: str | None) -> tuple[list[str] | None, set[str] | None]:
    """(the places the chains are read in, None: the jurisdiction's; the places and departments whose findings are
    kept, None: all): a place below the top of its tree is read with its line (the places above it, and those within
    it — not its province's every county), the findings of it and the places within it kept."""
    from kb.analyses.powers import ancestor_names, department_sizes, jurisdiction_names

    if not jurisdiction:
        return None, None
    above = ancestor_names(graph, jurisdiction)
    if not above:  # (the top of its tree)
        return None, None
    within = jurisdiction_names(graph, jurisdiction) or [jurisdiction]
    return sorted({*within, *above}), {*within, *department_sizes(graph, places=within)}


def _concerns(f: Finding, within: set[str]) -> bool:
    """A finding of one of the places `within`, or of one of its departments (四级四同 between 锡林郭勒盟 and the
    county 苏尼特左旗, kept for the county), or whose evidence names one of the places."""
    return f.jurisdiction in within or any(d in within for d in f.departments) \
        or any(e.get("jurisdiction") in within for e in f.evidence)


# --- one partition's work (in a worker process when there are several: kb.analyses.parallel) --------

def _add(seconds: dict[str, float], took: dict[str, float]) -> None:
    for area, t in took.items():
        seconds[area] = round(seconds.get(area, 0.0) + t, 3)


def overlap_part(graph: Graph, context: dict, departments: list[str], threshold: float
                 ) -> tuple[list[Finding], dict[str, float]]:
    """The overlaps among the powers of ``departments`` (whole jurisdictions), merged, folded, grouped
    and cut."""
    found = overlaps.part_findings(graph, departments, threshold)
    found = [f.cut_evidence() for f in overlap_groups.fold(merge_duplicates(found))]
    overlap_groups.assign_groups(found)
    return found, {}


def chain_part(graph: Graph, context: dict, departments: list[str], keys: list[str], with_consistency: bool
               ) -> tuple[list[Finding], dict[str, float]]:
    """One batch of chains: their findings (and not_implemented_below, a gap), and four-level
    consistency along them; the seconds each took."""
    started = time.monotonic()
    ch = chains.chains_of(graph, departments, keys, context["delegations"], context["counterparts"],
                          context["parents"])
    found = [f for f in chains.analyse(ch) if f.area == "chains" or f.kind == "not_implemented_below"]
    took = {"chains": time.monotonic() - started}
    if with_consistency:
        started = time.monotonic()
        found += consistency.find(graph, None, chains=ch)
        took["consistency"] = time.monotonic() - started
    return found, took


def gap_part(graph: Graph, context: dict, departments: list[str]) -> tuple[list[Finding], dict[str, float]]:
    started = time.monotonic()
    found = gaps.part_findings(graph, departments, context["articles"])
    return found, {"gaps": time.monotonic() - started}


# --- rows for CSV/XLSX ------------------------------------------------------------------------------

FINDING_COLUMNS = [
    ("id", "编号"), ("area_title", "领域"), ("kind", "规则"), ("kind_title", "规则名称"), ("score", "得分"),
    ("status_title", "状态"), ("jurisdiction", "辖区"), ("level_title", "层级"), ("departments", "部门"),
    ("powers", "权力事项"), ("summary", "摘要"), ("evidence_text", "证据"), ("resolution_text", "处理情况"),
]
# The evidence fields a reader is told by name, when no rule above words the piece itself.
_FIELD_TITLES = {"law": "法律法规", "article": "条文", "code": "编码", "normalised": "规范化名称", "compared": "比较项",
                 "similarity": "相似度", "department": "部门", "power": "权力事项", "powers": "权力事项",
                 "level_title": "层级", "value": "值", "only_here": "仅见于此", "missing": "缺少", "note": "说明",
                 "now_at": "现行位置", "text": "原文"}


def finding_row(f: Finding) -> dict:
    from kb.analyses.findings import AREA_TITLES
    from kb.model import LEVEL_TITLES

    d = f.as_dict()
    d["area_title"] = AREA_TITLES[f.area]
    d["status_title"] = STATUS_TITLES.get(f.status, f.status)
    d["level_title"] = LEVEL_TITLES.get(f.level, f.level)
    d["evidence_text"] = "\n".join(evidence_line(e) for e in f.evidence)  # (in Chinese: the JSON keeps the keys)
    r = f.resolution or {}
    d["resolution_text"] = "" if not r else (
        (f"牵头：{r.get('lead')}；配合：{'、'.join(r.get('cooperating') or [])}；" if r.get("lead") else "")
        + f"依据：{r.get('basis')}；{r.get('resolved_by')} {r.get('resolved_at')}")
    return d


# --- readable text for `kb check` and `kb overlaps show` -------------------------------------------

def source_text(source: dict | None) -> str:
    """（文件，工作表，第N行） from an evidence piece's source."""
    if not source or not source.get("file"):
        return ""
    parts = [str(source["file"])]
    if source.get("sheet"):
        parts.append(str(source["sheet"]))
    if source.get("row") is not None:
        parts.append(f"第{source['row']}行")
    return "（" + "，".join(parts) + "）"


def _short(text: str | None, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n] + "…"


def evidence_line(e: dict, text_chars: int = 60) -> str:
    """One piece of evidence as a reader needs it: whose power, which article and what it says, where
    in which file — in Chinese, without the rule's keys."""
    from kb.model import LEVEL_TITLES

    kind = e.get("type")
    who = f"{e.get('department', '')}「{e.get('power', '')}」" if e.get("power") else e.get("department", "")
    where = source_text(e.get("source"))
    quote = f"：“{_short(e.get('text'), text_chars)}”" if e.get("text") else ""
    if kind == "shared_article":
        return f"{who} 依据 {e.get('law', '')}{e.get('article', '')}{quote}{where}"
    if kind == "same_code":
        return f"{who} 编码 {e.get('code', '')}{where}"
    if kind == "same_name":
        return f"{who} 规范化名称「{e.get('normalised', '')}」{where}"
    if kind == "similar_name":
        pairs = [f"{d}「{p}」" for d, p in zip(e.get("departments", []), e.get("powers", []))]
        sources = [source_text(s) for s in e.get("sources", [])]
        return f"{' 与 '.join(pairs)} 名称相似度 {e.get('similarity', '')}" + "".join(sources)
    if kind == "declared_boundary":
        said = "；".join(f"{label}：“{_short(e[k], text_chars)}”" for k, label in (("cooperating", "配合部门"),
                                                                                ("boundary", "职责边界")) if e.get(k))
        return f"{who} 的清单写明了与{e.get('names', '')}的分工（{said}）{where}"
    if kind == "citation":
        note = f"；{e['note']}" if e.get("note") else ""
        now = f"；现行文本在{e['now_at']}" if e.get("now_at") else ""
        if e.get("version_change"):
            now = f"；与库中{e['compared_with']}版本比对：{e['version_change']}{now}"
        return f"{who} 引用 {e.get('law', '')}{e.get('article', '')}{quote}{note}{now}{where}"
    if kind == "stages":
        extra = "".join(f"；{label}：{e[k]}" for k, label in (("subkind", "类别"), ("preliminary", "仅初审（依据用语）"),
                                                          ("entrusted", "受委托实施（依据用语）"),
                                                          ("transferred", "已划转行政审批局（依据用语）"))
                        if e.get(k))
        if e.get("named_as"):
            extra += "；视为已写明：" + "、".join(f"{s}（见{w}）" for s, w in e["named_as"].items())
        if e.get("own_word"):
            extra += "；以本程序用语写明：" + "、".join(f"{s}（{h}）" for s, h in e["own_word"].items())
        if e.get("note"):
            extra += f"；{e['note']}"
        missing = gaps.cited_stages(e.get("missing", []), e.get("required_by") or {})
        return (f"{who} 已写明：{'、'.join(e.get('named', [])) or '无'}；应有：{'、'.join(e.get('required', []))}；"
                f"缺少：{missing}{extra}{where}")
    if kind == "accountability":
        return f"{who} 缺少{'、'.join(e.get('missing', []))}{where}"
    if kind == "list":
        return f"{e.get('file', '')}：没有{'、'.join(e.get('missing_columns', []))}列，涉及{e.get('powers', 0)}项权力"
    if kind == "delegation":
        return (f"{e.get('from_body') or '（未写明）'}「{e.get('from_power') or ''}」{e.get('manner') or '下放'}至"
                f"{e.get('to_body') or '（未写明）'}「{e.get('to_power') or ''}」"
                + (f"，承接部门 {e['receiver']}" if e.get("receiver") else "，承接部门未找到"))
    if kind == "assignment":
        return (f"{e.get('jurisdiction', '')}（{e.get('body_kind', '')}）：{who} 依据 {e.get('law', '')}"
                f"{e.get('article', '')}{where}")  # (the power's key is in --json: a reader has its name and source)
    if kind == "level":
        value = e.get("value")
        value = "、".join(map(str, value)) if isinstance(value, list) else (value or "")
        return f"[{LEVEL_TITLES.get(e.get('level', ''), e.get('level', ''))}] {who} {value}".rstrip()
    if kind == "thing":
        from kb.model import METRIC_TITLES

        given = "，".join(f"{METRIC_TITLES.get(k, k)} {v}" for k, v in (e.get("metrics") or {}).items())
        lacking = "、".join(METRIC_TITLES.get(k, k) for k in e.get("metrics_missing") or [])
        area = f"（{e['area']}）" if e.get("area") else ""
        return (f"一件事「{e.get('thing', '')}」{area}，牵头 {e.get('lead') or '未标明'}"
                + (f"：{e['note']}" if e.get("note") else "") + (f"；已有指标：{given}" if given else "")
                + (f"；缺少指标：{lacking}" if lacking else ""))
    note = f"：{e['note']}" if e.get("note") else quote
    if who:
        return f"{who}{note}{where}"
    parts = []
    for key, title in _FIELD_TITLES.items():
        v = e.get(key)
        if v not in (None, "", []):
            v = "、".join(map(str, v)) if isinstance(v, list | tuple) else str(v)
            parts.append(f"{title}：{_short(v, text_chars) if key == 'text' else v}")
    return "；".join(parts) + where
