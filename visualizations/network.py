"""A view of the graph → the nodes, edges and options vis-network draws, built with pyvis.

pyvis (0.3.2) is used for what it is good at — collecting nodes and edges with their vis-network
options and handing back the data (`Network.get_network_data`) — but not for rendering: its
template links Bootstrap and vis-network from CDNs, writes the heading unescaped and puts node
titles into tooltips with innerHTML.  page.py and assets/map.html render the data instead.

Colours, shapes and labels come from ontology.vocabulary only: a Policy or Meeting is coloured by
its Level, every other node by its NodeType; the shape is the NodeType's; a citation's line style
is its Relation's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
from pyvis.network import Network

from ontology.vocabulary import Level, LinkType, NodeType, Relation
from visualizations.layout import seed_positions
from visualizations.views import POLICY_TYPES, RELATION_TYPES, View, is_citation

# Fonts the staff's machines have: Noto/Source Han on Linux, YaHei on Windows, PingFang on macOS.
FONT_FACE = '"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","SimHei",sans-serif'

# Graphs above this size are laid out with cheaper settings (seeded positions, no curved edges, no
# improved-layout pre-pass, a coarser force approximation), so they become interactive within seconds.
BIG_GRAPH = 600

STABILIZATION_ITERATIONS = 200

# The page stops the layout after this long even if the iterations are not done: a big map starts
# from seed_positions (layout.py), so by then it only lacks polish, and a slow office PC would
# otherwise keep the reader waiting.  One iteration on 5,000 nodes costs 40–300 ms depending on the PC.
LAYOUT_BUDGET_MS = 2000

STRUCTURE_EDGE = "#b8b8b8"  # neutral grey: hierarchy and issuer links are context, not findings

# vis-network `dashes`: false, or a dash/gap pattern in pixels.
DASHES = {"solid": False, "dashed": [8, 5], "dotted": [2, 5]}
NESTED_DASHES = [10, 3, 2, 3]  # Policy→Policy IMPLEMENTS (a title naming another): dash-dot

_LABEL_LIMITS = {
    NodeType.DOCUMENT.value: 22,
    NodeType.SECTION.value: 14,
    NodeType.WORK_ITEM.value: 9,
}
_DEFAULT_LABEL_LIMIT = 13

# Policies are what a reader looks for, so their labels are the largest after documents.
_FONT_SIZES = {
    NodeType.DOCUMENT.value: 22,
    NodeType.SECTION.value: 18,
    NodeType.POLICY.value: 20,
    NodeType.MEETING.value: 20,
    NodeType.WORK_ITEM.value: 13,
    NodeType.ORGANIZATION.value: 13,
    NodeType.JURISDICTION.value: 13,
}

# On-screen font size (px) below which a label is not drawn.  Context nodes keep their labels for
# when the reader zooms in, so the overview shows the documents, sections and policies legibly.
_LABEL_THRESHOLDS = {
    NodeType.WORK_ITEM.value: 8,
    NodeType.ORGANIZATION.value: 8,
    NodeType.JURISDICTION.value: 8,
}

_SIZES = {
    NodeType.DOCUMENT.value: 30,
    NodeType.SECTION.value: 18,
    NodeType.WORK_ITEM.value: 9,
    NodeType.ORGANIZATION.value: 10,
    NodeType.JURISDICTION.value: 12,
}


@dataclass
class VisData:
    nodes: list[dict]
    edges: list[dict]
    options: dict


def node_type(attrs: dict) -> NodeType | None:
    try:
        return NodeType(attrs.get("type", ""))
    except ValueError:
        return None


def level_of(attrs: dict) -> Level:
    try:
        return Level(attrs.get("level") or "unknown")
    except ValueError:
        return Level.UNKNOWN


def node_colour(attrs: dict) -> str:
    kind = node_type(attrs)
    if kind is None or attrs.get("type") in POLICY_TYPES:
        return level_of(attrs).colour
    return kind.colour


def node_shape(attrs: dict) -> str:
    kind = node_type(attrs)
    return kind.shape if kind else "dot"


def node_size(attrs: dict) -> float:
    """Policies and meetings grow with how often they are cited (square root: area ∝ citations)."""
    if attrs.get("type") in POLICY_TYPES:
        cited = max(int(attrs.get("cited") or 0), 0)
        return round(min(12 + 6 * math.sqrt(cited), 48), 1)
    return _SIZES.get(attrs.get("type", ""), 10)


def full_label(node: str, attrs: dict) -> str:
    return str(attrs.get("title") or attrs.get("label") or attrs.get("name") or node)


def short_label(node: str, attrs: dict) -> str:
    """What is written on the canvas: long titles are cut, the panel shows them whole.

    A policy's issuer is dropped from the front of its title (its colour already says the level),
    so the few characters there is room for name the subject.
    """
    text = " ".join(str(attrs.get("label") or attrs.get("name") or node).split())
    if attrs.get("type") in POLICY_TYPES:
        text = _without_issuer(text, attrs.get("issuers") or [])
    limit = _LABEL_LIMITS.get(attrs.get("type", ""), _DEFAULT_LABEL_LIMIT)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _without_issuer(title: str, issuers: list[str]) -> str:
    for issuer in sorted(issuers, key=len, reverse=True):
        if title.startswith(issuer) and len(title) > len(issuer) + 2:
            return title[len(issuer) :]
    return title


def readable_text_colour(background: str) -> str:
    """Black or white, whichever reads better on `background` (#rrggbb)."""
    red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.299 * red + 0.587 * green + 0.114 * blue
    return "#111111" if luminance > 140 else "#ffffff"


def vis_node(graph: nx.MultiDiGraph, node: str, citing_docs: dict[str, list[str]]) -> dict:
    """One node's vis-network options plus the fields the page filters on (`kind`, `level`, `docs`)."""
    attrs = graph.nodes[node]
    colour = node_colour(attrs)
    shape = node_shape(attrs)
    kind = attrs.get("type", "")
    font = {"face": FONT_FACE, "size": _FONT_SIZES.get(kind, 14), "color": "#222222"}
    if shape == "box":  # the label sits inside the box, so it must contrast with the fill
        font["color"] = readable_text_colour(colour)
    return {
        "id": node,
        "label": short_label(node, attrs),
        "shape": shape,
        "size": node_size(attrs),
        "color": {
            "background": colour,
            "border": colour,
            "highlight": {"background": colour, "border": "#000000"},
            "hover": {"background": colour, "border": "#000000"},
        },
        "borderWidth": 1,
        "borderWidthSelected": 3,
        "font": font,
        "scaling": {"label": {"drawThreshold": _LABEL_THRESHOLDS.get(kind, 5)}},
        "kind": kind,
        "level": level_of(attrs).value if kind in POLICY_TYPES else "",
        "docs": citing_docs.get(node) or ([attrs["doc"]] if attrs.get("doc") else []),
    }


def citing_documents(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Policy node → the documents (stems) whose items cite it, for the document filter."""
    docs: dict[str, set[str]] = {}
    for source, target, attrs in graph.edges(data=True):
        if is_citation(graph, source, attrs) and attrs.get("doc"):
            docs.setdefault(target, set()).add(attrs["doc"])
    return {node: sorted(stems) for node, stems in docs.items()}


def vis_edges(graph: nx.MultiDiGraph) -> list[dict]:
    """One edge per (source, target, link): repeated mentions of a policy in one item are one line
    (the panel lists each mention's evidence)."""
    grouped: dict[tuple[str, str, str], list[dict]] = {}
    for source, target, attrs in graph.edges(data=True):
        grouped.setdefault((source, target, str(attrs.get("type", ""))), []).append(attrs)
    edges = []
    for index, ((source, target, link), mentions) in enumerate(sorted(grouped.items())):
        edges.append({"id": f"e{index}", "from": source, "to": target, **edge_style(graph, source, target, link)})
        if is_citation(graph, source, mentions[0]):
            edges[-1]["surfaces"] = sorted({str(m.get("surface") or "") for m in mentions} - {""})
    return edges


def edge_style(graph: nx.MultiDiGraph, source: str, target: str, link: str) -> dict:
    """Citations: the line style of their Relation, the colour of the cited policy's level."""
    target_colour = node_colour(graph.nodes[target])
    if is_citation(graph, source, {"type": link}):
        relation = RELATION_TYPES[link]
        width = 1 if relation is Relation.CITES else 2
        return _line(target_colour, DASHES.get(relation.dash, False), width, rel=link)
    if link == LinkType.IMPLEMENTS.value:
        return _line(target_colour, NESTED_DASHES, 1.5, link=link)
    return _line(STRUCTURE_EDGE, False, 1, highlight="#555555", link=link)


def _line(colour: str, dashes, width: float, *, highlight: str = "#000000", rel: str = "", link: str = "") -> dict:
    """An edge's vis-network options; `rel` (a citation's relation) is what the relation filter reads."""
    return {
        "rel": rel,
        "link": link or rel,
        "dashes": dashes,
        "width": width,
        "color": {"color": colour, "highlight": highlight, "hover": highlight, "opacity": 1.0},
        "arrows": "to",
    }


def is_big(nodes: int, edges: int) -> bool:
    return nodes > BIG_GRAPH or edges > 2 * BIG_GRAPH


def map_options(nodes: int, edges: int) -> dict:
    """vis-network options: a short, capped stabilization, then physics is switched off by the page.

    Big graphs skip the improved layout (a Kamada-Kawai pre-pass that takes minutes on thousands of
    nodes), draw straight edges (curved ones add a physics node per edge) and hide edges while
    dragging or zooming.
    """
    big = is_big(nodes, edges)
    return {
        "autoResize": True,
        "layout": {"randomSeed": 20170329, "improvedLayout": not big},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "centralGravity": 0.012,
                "springLength": 110,
                "springConstant": 0.06,
                "damping": 0.5,
                "avoidOverlap": 0.4,
                "theta": 0.9 if big else 0.5,  # a coarser Barnes-Hut tree: much cheaper, a little rougher
            },
            "maxVelocity": 60,
            "minVelocity": 1,
            "timestep": 0.5,
            "adaptiveTimestep": True,
            "stabilization": {
                "enabled": True,
                "iterations": STABILIZATION_ITERATIONS,
                "updateInterval": 2 if big else 20,  # check the time budget often
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 250,
            "multiselect": True,
            "navigationButtons": False,
            "keyboard": False,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
        },
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "selectionWidth": 2,
        },
        "nodes": {"font": {"face": FONT_FACE}, "scaling": {"label": {"enabled": False}}},
    }


def vis_data(the_view: View) -> VisData:
    """The nodes, edges and options of a view, collected through pyvis in a deterministic order."""
    graph = the_view.graph
    citing = citing_documents(graph)
    net = _IndexedNetwork(directed=True, cdn_resources="in_line")
    big = is_big(graph.number_of_nodes(), graph.number_of_edges())
    positions = seed_positions(graph) if big else {}
    for node in sorted(graph.nodes):
        data = vis_node(graph, node, citing)
        if node in positions:
            data["x"], data["y"] = positions[node]
        net.add_node(data.pop("id"), label=data.pop("label"), shape=data.pop("shape"), color=data.pop("color"), **data)
    for edge in vis_edges(graph):
        net.add_edge(edge.pop("from"), edge.pop("to"), **edge)
    # A plain dict replaces pyvis's Options object: pyvis's defaults (dynamic smooth edges, 1000
    # stabilization iterations) are what makes big pages slow, and a dict is passed through as is.
    net.options = map_options(graph.number_of_nodes(), graph.number_of_edges())
    nodes, edges, _heading, _height, _width, _options_json = net.get_network_data()
    return VisData(nodes=nodes, edges=edges, options=net.options)


class _IndexedNetwork(Network):
    """pyvis's Network with constant-time node lookups.

    pyvis keeps node ids in a list and scans it for every node and both ends of every edge, which
    is quadratic: seconds of Python for a 5,000-node graph.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.node_ids = _IdList()

    def get_nodes(self):
        return self.node_ids


class _IdList(list):
    """A list of node ids (pyvis reads it as one) with a set beside it for `in`."""

    def __init__(self):
        super().__init__()
        self._members: set = set()

    def append(self, item) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item) -> bool:
        return item in self._members
