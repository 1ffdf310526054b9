"""What the side panel shows about a node, and the text the search box matches against.

Everything here is plain data (strings, lists); the page puts it into the panel with textContent,
never as HTML.  Evidence is read from the whole graph, so a policy's panel lists every work item
citing it even on a map that shows only one document.
"""

from __future__ import annotations

import re
import unicodedata

import networkx as nx

from ontology.vocabulary import LevelSource, NodeType
from visualizations.network import full_label, level_of, node_type
from visualizations.site import Site
from visualizations.views import POLICY_TYPES, RELATION_TYPES, is_citation

_SPACE = re.compile(r"\s+")

# Nodes whose level means something to a reader (sections and items only inherit their document's).
_LEVELLED = POLICY_TYPES | {NodeType.ORGANIZATION.value, NodeType.JURISDICTION.value, NodeType.DOCUMENT.value}

# Node attributes worth searching beside the label.
_SEARCHED = ("label", "title", "name", "heading", "doc_number", "aliases", "keywords", "issuers", "issuer")


def search_text(attrs: dict) -> str:
    """NFKC, lower case, no whitespace: what the page's search normalizes a query to as well
    (noisy pages put spaces inside words: 质量监 测)."""
    parts = []
    for key in _SEARCHED:
        value = attrs.get(key)
        if isinstance(value, list | tuple):
            parts.extend(str(v) for v in value)
        elif value:
            parts.append(str(value))
    return _SPACE.sub("", unicodedata.normalize("NFKC", " ".join(parts)).lower())


def level_source_zh(value: str) -> str:
    try:
        return LevelSource(value or "unknown").label_zh
    except ValueError:
        return value


def node_details(graph: nx.MultiDiGraph, node: str, site: Site, here: str) -> dict:
    """The panel's content for one node of `graph` (the whole graph), seen from page `here`."""
    attrs = graph.nodes[node]
    kind = node_type(attrs)
    details = {
        "type": kind.label_zh if kind else str(attrs.get("type", "")),
        "title": full_label(node, attrs),
        "fields": _fields(attrs),
        "links": site.links_for(here, node, attrs),
        "search": search_text(attrs),
    }
    if attrs.get("type") in POLICY_TYPES:
        details["evidence"] = evidence(graph, node, site, here)
    elif attrs.get("type") == NodeType.WORK_ITEM.value:
        details["text"] = str(attrs.get("text") or "")
        details["cites"] = cited_policies(graph, node)
    return details


def _fields(attrs: dict) -> list[list[str]]:
    """[label, value] rows for whatever the node has, in a reader's order."""
    kind = attrs.get("type")
    rows: list[list[str]] = []
    if kind in _LEVELLED:
        rows.append(["层级", level_of(attrs).label_zh])
    if kind in POLICY_TYPES:
        rows.append(["层级依据", level_source_zh(str(attrs.get("level_source") or "unknown"))])
    for key, label in (
        ("issuers", "发文机关"),
        ("issuer", "发文机关"),
        ("doc_number", "文号"),
        ("doc_kind", "文种"),
        ("years", "年份"),
        ("aliases", "别名"),
        ("cited", "被引用次数"),
        ("date", "日期"),
        ("source", "来源"),
        ("code", "行政区划代码"),
        ("item", "事项编号"),
    ):
        value = attrs.get(key)
        if isinstance(value, list | tuple):
            value = "、".join(str(v) for v in value)
        if value not in (None, "", 0) or (key == "cited" and kind in POLICY_TYPES):
            rows.append([label, str(value or 0)])
    return rows


def evidence(graph: nx.MultiDiGraph, policy: str, site: Site, here: str) -> list[dict]:
    """Every work item citing the policy: what it does with it and the sentence that says so,
    by document, then in text order."""
    found = []
    for item, _, attrs in graph.in_edges(policy, data=True):
        if not is_citation(graph, item, attrs):
            continue
        document = _document_of(graph, item)
        entry = {
            "node": item,
            "item": str(graph.nodes[item].get("label") or item),
            "doc": full_label(document, graph.nodes[document]) if document else str(attrs.get("doc") or ""),
            "relation": RELATION_TYPES[attrs["type"]].label_zh,
            "surface": str(attrs.get("surface") or ""),
            "sentence": str(attrs.get("sentence") or ""),
            "links": site.links_for(here, document, graph.nodes[document]) if document else [],
        }
        found.append(((str(attrs.get("doc") or ""), int(attrs.get("start") or 0), item), entry))
    return [entry for _, entry in sorted(found, key=lambda pair: pair[0])]


def cited_policies(graph: nx.MultiDiGraph, item: str) -> list[dict]:
    """The policies a work item cites, in text order."""
    cites = []
    for _, policy, attrs in sorted(graph.out_edges(item, data=True), key=lambda e: (int(e[2].get("start") or 0), e[1])):
        if is_citation(graph, item, attrs):
            cites.append(
                {
                    "node": policy,
                    "title": full_label(policy, graph.nodes[policy]),
                    "relation": RELATION_TYPES[attrs["type"]].label_zh,
                    "level": level_of(graph.nodes[policy]).label_zh,
                    "surface": str(attrs.get("surface") or ""),
                }
            )
    return cites


def _document_of(graph: nx.MultiDiGraph, item: str) -> str | None:
    """The Document node above an item (item ← section ← document)."""
    for section in graph.predecessors(item):
        for document in graph.predecessors(section):
            if graph.nodes[document].get("type") == NodeType.DOCUMENT.value:
                return document
    return None
