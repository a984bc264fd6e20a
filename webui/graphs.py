"""Graph pictures: pyvis builds the nodes, edges and options; our own template draws them with the
vis-network shipped in webui/static (pyvis's template loads assets from CDNs and puts tooltips into
innerHTML, so it is not used). Tooltips travel as plain text and become text nodes in the browser."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from pyvis.edge import Edge
from pyvis.network import Network

from kb.model import RELATIONSHIP_TITLES
from webui.columns import coded_value, column_name
from webui.entities import (
    LABEL_COLOURS,
    LABEL_NAMES,
    LEVEL_NAMES,
    display_name,
    entity_url,
    label_of,
)
from webui.names import department_labels

TOOLTIP_FIELDS = {"type": _l("Type"), "department": _l("Department"), "jurisdiction": _l("Jurisdiction"),
                  "level": _l("Level"), "code": _l("Code"), "stage": _l("Stage"), "kind": _l("Kind"),
                  "area_name": _l("Area"), "law_title": _l("Law"), "manner": _l("Manner"), "date": _l("Date"),
                  "from_body": _l("From"), "to_body": _l("To")}


def tooltip(label: str, props: dict[str, Any], words: dict[str, str] | None = None) -> str:
    """A node's tooltip as plain text; `words`: the field and label names already translated (a picture of
    300 nodes asked gettext 900 times for the same dozen words)."""
    words = words if words is not None else _words()
    heading = props.get('name') or props.get('title') or props.get('key') or ''
    if label in ("Delegation", "Accountability"):
        heading = ""
    lines = [f"{words.get(label, label)}: {heading}".rstrip(": ")]
    for field in TOOLTIP_FIELDS:
        name = words[field]
        value = props.get(field)
        if value:
            if field == "level":
                value = LEVEL_NAMES.get(str(value), value)
            elif hasattr(value, "iso_format"):
                value = value.iso_format()
            lines.append(f"{name}: {value}")
    text = props.get("text")
    if text:
        lines.append(str(text)[:160] + ("…" if len(str(text)) > 160 else ""))
    return "\n".join(lines)


def _words() -> dict[str, str]:
    """The tooltip's field names and the kinds' names in the current language."""
    return {**{k: str(v) for k, v in LABEL_NAMES.items()}, **{k: str(v) for k, v in TOOLTIP_FIELDS.items()}}


def relationship_name(rel_type: str) -> str:
    """A relationship type as a reader is told it (HOLDS -> 行使; the type itself in English); a caption
    that is no type (a chain's 下放 2020-01-01) as it is."""
    if rel_type in RELATIONSHIP_TITLES and str(get_locale()) != "en":
        return RELATIONSHIP_TITLES[rel_type]
    return rel_type


def _short(text: str, width: int = 14) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def node_label(label: str, props: dict[str, Any]) -> str:
    """A short caption: an article as 行政许可法第三十条 (its law's key is the short title), a law by its key."""
    key = str(props.get("key") or "")
    if label == "Article" and "#" in key and props.get("label"):
        return _short(key.split("#", 1)[0] + str(props["label"]), 16)
    if label == "Law" and key:
        return _short(key, 16)
    if label == "ListVersion" and props.get("version"):
        return _short(_("List %(version)s", version=props["version"]), 16)
    if label == "Delegation":
        date = props.get("date")
        date = date.iso_format() if hasattr(date, "iso_format") else (date or "")
        return _short(f"{props.get('manner') or _('Delegation')} {date}".strip(), 16)
    if label == "Accountability":
        return str(LABEL_NAMES["Accountability"])
    if label == "Department" and props.get("name"):  # shortened in Picture.data() when unambiguous
        return str(props["name"])
    return _short(display_name(label, props))


AS_OF_PAGES = ("Power", "Department")  # the pages that take ?as_of=


class Picture:
    """A graph to draw: pyvis Network underneath, plus the legend and the 'cut' notice."""

    def __init__(self, hierarchical: bool = False, as_of: str | None = None):
        # pyvis only collects nodes and edges here; pages draw them with our own template and the
        # vis-network shipped in webui/static, so nothing is fetched whatever pyvis would emit.
        self.net = Network(directed=True, cdn_resources="in_line")
        self.hierarchical = hierarchical
        self.labels: dict[str, int] = {}
        self.cut = False
        self.total_seen: int | None = None
        self.legend: list[dict[str, Any]] | None = None  # replaces the legend by label (chains: by level)
        self.departments: dict[str, tuple[str, str | None]] = {}  # node id -> (name, jurisdiction)
        self.summaries = 0  # "+N more" nodes (not counted as nodes shown)
        self.left_out: list[dict[str, Any]] = []  # what they stand for: ring, kind, name, total, left
        self.as_of = as_of  # the pages of powers and departments answer as of this day (YYYY-MM-DD)
        self._ids: set[str] = set()  # pyvis looks a node up in a list: once per node, twice per edge
        self._words = _words()
        self._captions: dict[str, str] = {}  # relationship type -> its name
        self._columns: dict[tuple[str, str], str] = {}  # (property, value) -> "名称：值"

    def node(self, node_id: str, labels: list[str] | str, props: dict[str, Any], *, level: int | None = None,
             centre: bool = False) -> None:
        if node_id in self._ids:
            return
        self._ids.add(node_id)
        label = label_of(labels)
        self.labels[label] = self.labels.get(label, 0) + 1
        options: dict[str, Any] = {
            "label": node_label(label, props),
            "title": tooltip(label, props, self._words),
            "color": LABEL_COLOURS.get(label, "#999999"),
            "url": self._url(label, props),
            "shape": "box" if self.hierarchical else "dot",
            "size": 22 if centre else 12,
            "borderWidth": 3 if centre else 1,
        }
        if level is not None:
            options["level"] = level
        if label == "Department" and props.get("name"):
            self.departments[node_id] = (str(props["name"]), props.get("jurisdiction"))
        self.net.add_node(node_id, **options)
        self.net.node_map[node_id]["kind"] = label  # not pyvis's "group": with a group it drops the colour

    def _url(self, label: str, props: dict[str, Any]) -> str:
        url = entity_url(label, props) or ""
        if url and self.as_of and label in AS_OF_PAGES:
            url += ("&" if "?" in url else "?") + urlencode({"as_of": self.as_of})
        return url

    def more(self, centre: str, entry: dict[str, Any]) -> None:
        """A "+N more" node for the ``entry["left"]`` nodes of a kind that did not fit: a click expands it
        in place (``expand``, ring 1) or opens the graph filtered to that kind (``url``)."""
        node_id = f"more:{entry['ring']}:{entry['kind']}"
        caption = _("+%(n)d more: %(kind)s", n=entry["left"], kind=entry["name"])
        hint = (_("Ring %(ring)d: %(shown)d of %(total)d shown; click to show more.", ring=entry["ring"],
                  shown=entry["total"] - entry["left"], total=entry["total"]))
        self.net.add_node(node_id, label=caption, title=f"{caption}\n{hint}", color=LABEL_COLOURS.get(entry["kind"], "#999999"),
                          url=entry["url"], shape="box", size=10, borderWidth=1)
        self._ids.add(node_id)
        node = self.net.node_map[node_id]
        node.update(kind="more", expand=entry["expand"], more={"ring": entry["ring"], "kind": entry["kind"],
                                                               "left": entry["left"], "name": entry["name"]},
                    shapeProperties={"borderDashes": [4, 3]}, font={"color": "#ffffff"})
        self.net.add_edge(centre, node_id, title=hint, dashes=True)
        self.summaries += 1
        self.left_out.append({k: entry[k] for k in ("ring", "kind", "name", "total", "left", "url")})

    def edge(self, source: str, target: str, rel_type: str, props: dict[str, Any] | None = None,
             title: str | None = None) -> None:
        caption = self._captions.get(rel_type)
        if caption is None:
            caption = self._captions[rel_type] = relationship_name(rel_type)
        if title is None:
            title = caption
            extra = "，".join(self._column(k, str(v)) for k, v in (props or {}).items() if v not in (None, "") and k != "text")
            title += f"（{extra}）" if extra else ""
        # pyvis's add_edge looks both ends up in its list of nodes; they are looked up in a set here
        assert source in self._ids and target in self._ids, f"non existent node {source} or {target}"
        options = {"label": caption, "title": title} if self.hierarchical else {"title": title}
        # (labels on every edge of a busy neighbourhood are unreadable: the type shows on hover)
        self.net.edges.append(Edge(source, target, self.net.directed, **options).options)

    def _column(self, name: str, value: str) -> str:
        key = (name, value)
        if key not in self._columns:
            self._columns[key] = f"{column_name(name)}：{coded_value(name, value)}"
        return self._columns[key]

    def options(self) -> dict[str, Any]:
        if self.hierarchical:
            return {
                # (a box no wider than the space between two, and between two trees — a chain each, treeSpacing: the
                # three sub-items' chains of one item overlapped, each box hiding its neighbour's label's end)
                "layout": {"hierarchical": {"enabled": True, "direction": "UD", "sortMethod": "directed",
                                            "levelSeparation": 110, "nodeSpacing": 270, "treeSpacing": 290}},
                "nodes": {"widthConstraint": {"maximum": 240}},
                "physics": {"enabled": False},
                "edges": {"smooth": {"type": "cubicBezier", "forceDirection": "vertical"},
                          "font": {"size": 12, "background": "#ffffff"}},
                "interaction": {"hover": True},
            }
        return {
            "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 200, "fit": True},
                        "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 120,
                                             "avoidOverlap": 0.4}},
            "edges": {"smooth": False, "font": {"size": 9, "color": "#666"}, "arrows": {"to": {"scaleFactor": 0.5}}},
            "nodes": {"font": {"size": 12}},
            "interaction": {"hover": True, "tooltipDelay": 150},
        }

    def department_captions(self) -> dict[str, str]:
        """{full name: caption} of the departments in this picture (short only where unambiguous)."""
        return department_labels(self.departments.values())

    def data(self) -> dict[str, Any]:
        nodes = self.net.nodes
        captions = self.department_captions()
        for node_id, (name, _jurisdiction) in self.departments.items():
            node = self.net.node_map[node_id]
            if node.get("label") == name:
                node["label"] = _short(captions.get(name, name), 16)
        options = self.options()
        if not self.hierarchical:  # vis-network's improved layout is slow and no better on big graphs
            options["layout"] = {"improvedLayout": len(nodes) <= 100}
        return {
            "nodes": [{k: n[k] for k in ("id", "label", "title", "color", "kind", "url", "shape", "size",
                                          "borderWidth", "level", "font", "shapeProperties", "expand", "more")
                       if k in n} for n in nodes],
            "edges": [{"from": e["from"], "to": e["to"], "label": e.get("label", ""), "title": e.get("title", ""),
                       **({"dashes": True} if e.get("dashes") else {})} for e in self.net.edges],
            "options": options,
            "legend": self.legend or [{"label": label, "name": str(LABEL_NAMES.get(label, label)),
                                       "colour": LABEL_COLOURS.get(label, "#999999"), "count": n}
                                      for label, n in sorted(self.labels.items(), key=lambda kv: -kv[1])],
            "node_count": len(nodes) - self.summaries,
            "summaries": self.summaries,
            "left_out": self.left_out,
            "edge_count": len(self.net.edges),
            "cut": self.cut,
        }

