"""Interactive HTML maps of the policy graph for staff: offline, self-contained and safe.

Public API (each returns the path written; pages are written atomically and deterministically —
the same graph gives the same bytes):

    write_corpus_map(graph, path, *, title=…)                 the whole corpus
    write_document_map(graph, doc_node_id, path)              one document, its items and what they cite
    write_policy_map(graph, policy_node_id, path)             one policy and everything implementing it
    write_reading_view(graph, doc_node_id, text, spans, path) the document's text, citations highlighted
    write_maps(graph, out_dir, *, texts=…, spans=…)           all of them, linked (layout in site.py)

Links between pages assume the layout `write_maps` writes (site.py); a page written on its own
links to the document and policy pages as if they were written beside it.  This package reads
only the graph (a networkx MultiDiGraph in the schema of graph/build.py) and the vocabulary; the
document text and its mention spans come in as plain data.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import networkx as nx

from ontology.vocabulary import NodeType, Relation
from visualizations.details import node_details
from visualizations.legend import legend_html, size_warning
from visualizations.network import BIG_GRAPH, LAYOUT_BUDGET_MS, full_label, vis_data
from visualizations.page import (
    asset,
    content_security_policy,
    escape,
    inline_script,
    render,
    script_json,
    write_atomic,
)
from visualizations.reading import reading_page_html
from visualizations.site import CORPUS_PAGE, MAPS_DIR, Site, document_page, policy_page, reading_page
from visualizations.views import (
    MAX_NODES,
    POLICY_TYPES,
    View,
    corpus_nodes,
    document_nodes,
    policy_nodes,
    view,
)

DEFAULT_TITLE = "政策引用知识图谱"
STALE_PATTERNS = ("doc-*.html", "policy-*.html", "read-*.html")

__all__ = [
    "write_corpus_map",
    "write_document_map",
    "write_policy_map",
    "write_reading_view",
    "write_maps",
    "MAX_NODES",
]


def vis_version() -> str:
    found = re.search(r"@version\s+(\S+)", asset("vis-network.min.js")[:2000])
    return found.group(1) if found else "unknown"


def _require(graph: nx.MultiDiGraph, node: str, types: frozenset[str] | set[str]) -> dict:
    if node not in graph:
        raise KeyError(f"{node!r} is not a node of the graph")
    attrs = graph.nodes[node]
    if attrs.get("type") not in types:
        raise ValueError(f"{node!r} is a {attrs.get('type')!r}, not one of {sorted(types)}")
    return attrs


def _nav(links: list[tuple[str, str]]) -> str:
    return "".join(f'<a href="{escape(href)}">{escape(text)}</a>' for text, href in links)


def _graph_page(
    graph: nx.MultiDiGraph, the_view: View, *, here: str, title: str, nav: str, focus: str, site: Site
) -> str:
    """One graph view as a complete HTML page: data from pyvis, our template, everything inlined."""
    drawn = vis_data(the_view)
    data = {
        "nodes": drawn.nodes,
        "edges": drawn.edges,
        "options": drawn.options,
        "info": {node: node_details(graph, node, site, here) for node in the_view.graph.nodes},
        "relations": {relation.neo4j_type: relation.label_zh for relation in Relation},
        "levelKinds": sorted(POLICY_TYPES),
        "focus": focus,
        "layoutBudgetMs": LAYOUT_BUDGET_MS,
        "fadeLimit": BIG_GRAPH,
    }
    scripts = [inline_script(asset("vis-network.min.js")), inline_script(asset("map.js"))]
    return render(
        asset("map.html"),
        csp=content_security_policy(scripts),
        vis_version=escape(vis_version()),
        title=escape(title),
        heading=escape(title),
        nav=nav,
        warning=size_warning(the_view),
        legend=legend_html(the_view, site, here),
        css=asset("map.css"),
        data=script_json(data),
        vis_js=scripts[0],
        map_js=scripts[1],
    )


def corpus_map_html(
    graph: nx.MultiDiGraph,
    *,
    title: str = DEFAULT_TITLE,
    site: Site | None = None,
    max_nodes: int = MAX_NODES,
    left_out: Counter | None = None,
) -> str:
    site = site or Site.for_graph(graph)
    the_view = view(graph, corpus_nodes(graph), max_nodes)
    if left_out:  # nodes of the corpus that were never put in `graph` (a large build draws a digest)
        the_view.omitted.update(+left_out)  # counts above zero only
        the_view.total_nodes += sum(left_out.values())
    return _graph_page(graph, the_view, here=CORPUS_PAGE, title=title, nav="", focus="", site=site)


def document_map_html(
    graph: nx.MultiDiGraph, doc_node_id: str, *, site: Site | None = None, max_nodes: int = MAX_NODES
) -> str:
    attrs = _require(graph, doc_node_id, {NodeType.DOCUMENT.value})
    site = site or Site.for_graph(graph)
    here = document_page(doc_node_id)
    links = [("全局图谱", site.href(here, CORPUS_PAGE))] if site.corpus else []
    if doc_node_id in site.readings:
        links.append(("阅读原文", site.href(here, reading_page(doc_node_id))))
    the_view = view(graph, document_nodes(graph, doc_node_id), max_nodes)
    title = f"文件图谱：{full_label(doc_node_id, attrs)}"
    return _graph_page(graph, the_view, here=here, title=title, nav=_nav(links), focus=doc_node_id, site=site)


def policy_map_html(
    graph: nx.MultiDiGraph, policy_node_id: str, *, site: Site | None = None, max_nodes: int = MAX_NODES
) -> str:
    attrs = _require(graph, policy_node_id, POLICY_TYPES)
    site = site or Site.for_graph(graph)
    here = policy_page(policy_node_id)
    links = []
    if site.corpus:
        corpus = site.href(here, CORPUS_PAGE)
        links += [("全局图谱", corpus), ("在全局图谱中定位", f"{corpus}#node={quote(policy_node_id, safe='')}")]
    the_view = view(graph, policy_nodes(graph, policy_node_id), max_nodes)
    kind = "会议" if attrs.get("type") == NodeType.MEETING.value else "政策"
    title = f"{kind}图谱：{full_label(policy_node_id, attrs)}"
    return _graph_page(graph, the_view, here=here, title=title, nav=_nav(links), focus=policy_node_id, site=site)


def write_corpus_map(
    graph: nx.MultiDiGraph,
    path,
    *,
    title: str = DEFAULT_TITLE,
    max_nodes: int = MAX_NODES,
    site: Site | None = None,
    left_out: Counter | None = None,
) -> Path:
    """The whole corpus: every document, item, policy, body and place (capped at `max_nodes`, with a
    warning that also counts `left_out`: NodeType value → nodes of the corpus not in `graph`)."""
    return write_atomic(path, corpus_map_html(graph, title=title, site=site, max_nodes=max_nodes, left_out=left_out))


def write_document_map(
    graph: nx.MultiDiGraph, doc_node_id: str, path, *, max_nodes: int = MAX_NODES, site: Site | None = None
) -> Path:
    """One document: its sections, its work items and the policies and meetings they cite."""
    return write_atomic(path, document_map_html(graph, doc_node_id, site=site, max_nodes=max_nodes))


def write_policy_map(
    graph: nx.MultiDiGraph, policy_node_id: str, path, *, max_nodes: int = MAX_NODES, site: Site | None = None
) -> Path:
    """One policy or meeting: every work item citing it across documents, nested policies, issuers."""
    return write_atomic(path, policy_map_html(graph, policy_node_id, site=site, max_nodes=max_nodes))


def write_reading_view(
    graph: nx.MultiDiGraph, doc_node_id: str, text: str, spans: list[dict], path, *, site: Site | None = None
) -> Path:
    """The document's text with each span (start, end, policy_node, level, relation, title) highlighted and linked."""
    _require(graph, doc_node_id, {NodeType.DOCUMENT.value})
    site = site or Site.for_graph(graph)
    return write_atomic(path, reading_page_html(graph, doc_node_id, text, list(spans or []), site))


def write_maps(
    graph: nx.MultiDiGraph,
    out_dir,
    *,
    texts: dict[str, str] | None = None,
    spans: dict[str, list[dict]] | None = None,
    title: str = DEFAULT_TITLE,
    max_nodes: int = MAX_NODES,
) -> list[Path]:
    """`map.html` plus `maps/doc-*.html`, `maps/policy-*.html` and, for documents whose text is given,
    `maps/read-*.html`, all linked to each other.  Returns the paths written, corpus map first."""
    out = Path(out_dir)
    texts = texts or {}
    spans = spans or {}
    site = Site.for_graph(graph, readings=frozenset(texts))
    written = [write_corpus_map(graph, out / CORPUS_PAGE, title=title, max_nodes=max_nodes, site=site)]
    for doc in sorted(site.documents):
        written.append(write_document_map(graph, doc, out / document_page(doc), max_nodes=max_nodes, site=site))
    for policy in sorted(site.policies):
        written.append(write_policy_map(graph, policy, out / policy_page(policy), max_nodes=max_nodes, site=site))
    for doc in sorted(site.readings):
        written.append(
            write_reading_view(graph, doc, texts[doc], spans.get(doc, []), out / reading_page(doc), site=site)
        )
    _remove_stale_pages(out, written)
    return written


def _remove_stale_pages(out: Path, written: list[Path]) -> None:
    """Pages of an earlier run for documents or policies no longer in the graph would link to pages
    that are gone; only files named like our own pages in maps/ are touched."""
    keep = {path.resolve() for path in written}
    for pattern in STALE_PATTERNS:
        for page in (out / MAPS_DIR).glob(pattern):
            if page.resolve() not in keep:
                page.unlink()
