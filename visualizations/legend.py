"""The legend of a map, which doubles as its filters: each level, node type, relation and document
is a checkbox with its swatch and count.  Built here as escaped HTML, wired up by assets/map.js."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from ontology.vocabulary import Level, NodeType, Relation
from visualizations.network import DASHES, NESTED_DASHES, STRUCTURE_EDGE, full_label, level_of
from visualizations.page import escape
from visualizations.site import Site
from visualizations.views import POLICY_TYPES, View, is_citation

# SVG outlines of vis-network's shapes, in a 16×16 box.
_SHAPES = {
    "box": '<rect x="1.5" y="4" width="13" height="8" rx="2"/>',
    "dot": '<circle cx="8" cy="8" r="5.5"/>',
    "diamond": '<path d="M8 1.5 14.5 8 8 14.5 1.5 8z"/>',
    "star": '<path d="M8 1.2 9.9 5.9 15 6.2 11 9.4 12.3 14.4 8 11.6 3.7 14.4 5 9.4 1 6.2 6.1 5.9z"/>',
    "triangle": '<path d="M8 1.8 14.6 13.8H1.4z"/>',
    "hexagon": '<path d="M4.5 2h7L15 8l-3.5 6h-7L1 8z"/>',
}


def shape_swatch(shape: str, fill: str, stroke: str = "#444444") -> str:
    body = _SHAPES.get(shape, _SHAPES["dot"])
    return (
        f'<svg class="swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">'
        f'<g fill="{escape(fill)}" stroke="{escape(stroke)}" stroke-width="1">{body}</g></svg>'
    )


def line_swatch(colour: str, dashes, width: float = 2) -> str:
    dash = f' stroke-dasharray="{" ".join(str(d) for d in dashes)}"' if dashes else ""
    return (
        f'<svg class="swatch line" viewBox="0 0 28 10" width="28" height="10" aria-hidden="true">'
        f'<line x1="1" y1="5" x2="27" y2="5" stroke="{escape(colour)}" stroke-width="{width}"{dash}/></svg>'
    )


def _checkbox(group: str, value: str, swatch: str, label: str, count: int, extra: str = "") -> str:
    box = f'<input type="checkbox" data-filter="{escape(group)}" value="{escape(value)}" checked>'
    return (
        f'<label class="filter {escape(group)}">{box}{swatch}<span class="name">{escape(label)}</span>'
        f'<span class="count">{count}</span>{extra}</label>'
    )


def level_filters(graph: nx.MultiDiGraph) -> str:
    counts = Counter(level_of(a).value for _, a in graph.nodes(data=True) if a.get("type") in POLICY_TYPES)
    rows = [
        _checkbox(
            "level", level.value, shape_swatch("dot", level.colour, level.colour), level.label_zh, counts[level.value]
        )
        for level in sorted(Level, key=lambda lv: lv.rank)
    ]
    return _section("层级（政策、会议的颜色）", rows)


def type_filters(graph: nx.MultiDiGraph) -> str:
    counts = Counter(a.get("type") for _, a in graph.nodes(data=True))
    rows = []
    for kind in NodeType:
        # Policies and meetings take their level's colour, so their swatch shows the shape only.
        fill = "#ffffff" if kind.value in POLICY_TYPES else kind.colour
        rows.append(_checkbox("type", kind.value, shape_swatch(kind.shape, fill), kind.label_zh, counts[kind.value]))
    return _section("节点类型（形状）", rows)


def relation_filters(graph: nx.MultiDiGraph) -> str:
    counts = Counter(a["type"] for s, _, a in graph.edges(data=True) if is_citation(graph, s, a))
    rows = [
        _checkbox(
            "relation",
            relation.neo4j_type,
            line_swatch("#333333", DASHES.get(relation.dash), 1 if relation is Relation.CITES else 2),
            relation.label_zh,
            counts[relation.neo4j_type],
        )
        for relation in Relation
    ]
    # Links that are not citations cannot be filtered, but a reader still needs to know them.
    rows.append(_static_row(line_swatch("#333333", NESTED_DASHES, 1.5), "政策间实施（标题嵌套）"))
    rows.append(_static_row(line_swatch(STRUCTURE_EDGE, None, 1), "结构、发文、所属"))
    return _section("关系（线型；颜色随被引政策层级）", rows)


def _static_row(swatch: str, label: str) -> str:
    return f'<div class="filter static">{swatch}<span class="name">{escape(label)}</span></div>'


def document_filters(the_view: View, site: Site, here: str) -> str:
    graph = the_view.graph
    per_doc = Counter(a.get("doc") for _, a in graph.nodes(data=True) if a.get("type") != NodeType.DOCUMENT.value)
    rows = []
    for node, attrs in sorted(graph.nodes(data=True)):
        if attrs.get("type") != NodeType.DOCUMENT.value:
            continue
        items = per_doc[attrs.get("doc")]
        links = "".join(
            f'<a class="page-link" href="{escape(href)}">{escape(text)}</a>'
            for text, href in site.links_for(here, node, attrs)
        )
        links = f'<span class="page-links">{links}</span>' if links else ""
        rows.append(_checkbox("doc", str(attrs.get("doc") or ""), "", full_label(node, attrs), items, links))
    return _section("文件", rows) if rows else ""


def _section(heading: str, rows: list[str]) -> str:
    return f'<section class="legend-group"><h2>{escape(heading)}</h2>{"".join(rows)}</section>'


def legend_html(the_view: View, site: Site, here: str) -> str:
    graph = the_view.graph
    return level_filters(graph) + type_filters(graph) + relation_filters(graph) + document_filters(the_view, site, here)


def size_warning(the_view: View) -> str:
    """A visible note of what a capped map leaves out; empty when everything is drawn."""
    if not the_view.omitted:
        return ""
    names = {kind.value: kind.label_zh for kind in NodeType}
    parts = "、".join(f"{names.get(kind, kind)} {count} 个" for kind, count in sorted(the_view.omitted.items()))
    total, drawn = the_view.total_nodes, the_view.graph.number_of_nodes()
    message = (
        f"图谱过大：共 {total} 个节点，为保证浏览流畅只显示 {drawn} 个。"
        f"未显示：{parts}。可打开单个文件或政策的图谱查看全部内容。"
    )
    return f'<div id="size-warning" role="alert">{escape(message)}</div>'
