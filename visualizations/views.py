"""Which part of the graph each map shows, and what a map leaves out when a graph is too big to draw."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ontology.vocabulary import LinkType, NodeType, Relation

# Above this many nodes a browser needs more than a few seconds to lay the graph out, so the map
# keeps the most informative nodes and says what it left out.
MAX_NODES = 5000

POLICY_TYPES = frozenset({NodeType.POLICY.value, NodeType.MEETING.value})
RELATION_TYPES = {relation.neo4j_type: relation for relation in Relation}

# What to keep first when capping: the documents and the policies they cite are the point of the
# map; bodies and places are context a reader can do without.
_KEEP_ORDER = {
    NodeType.DOCUMENT.value: 0,
    NodeType.POLICY.value: 1,
    NodeType.MEETING.value: 1,
    NodeType.WORK_ITEM.value: 2,
    NodeType.SECTION.value: 3,
    NodeType.ORGANIZATION.value: 5,
    NodeType.JURISDICTION.value: 6,
}


@dataclass
class View:
    """A subgraph to draw, with a note of what was left out of it."""

    graph: nx.MultiDiGraph
    total_nodes: int
    omitted: Counter = field(default_factory=Counter)  # NodeType value → how many nodes not drawn


def node_type(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node].get("type", "")


def is_citation(graph: nx.MultiDiGraph, source: str, attrs: dict) -> bool:
    """A WorkItem→Policy/Meeting link with its evidence (the Policy→Policy IMPLEMENTS is not one)."""
    return attrs.get("type") in RELATION_TYPES and node_type(graph, source) == NodeType.WORK_ITEM.value


def corpus_nodes(graph: nx.MultiDiGraph) -> set[str]:
    return set(graph.nodes)


def document_nodes(graph: nx.MultiDiGraph, doc_node: str) -> set[str]:
    """The document, its sections, its items and the policies and meetings they cite."""
    nodes = {doc_node}
    for _, section, attrs in graph.out_edges(doc_node, data=True):
        if attrs.get("type") != LinkType.HAS_SECTION.value:
            continue
        nodes.add(section)
        for _, item, item_link in graph.out_edges(section, data=True):
            if item_link.get("type") == LinkType.HAS_ITEM.value:
                nodes.add(item)
                nodes.update(
                    policy for _, policy, cite in graph.out_edges(item, data=True) if is_citation(graph, item, cite)
                )
    return nodes


def policy_nodes(graph: nx.MultiDiGraph, policy_node: str) -> set[str]:
    """The policy, every item that cites it (across documents) up to its document, the policies it
    is nested with, and its issuing bodies."""
    nodes = {policy_node}
    for item, _, attrs in graph.in_edges(policy_node, data=True):
        if is_citation(graph, item, attrs):
            nodes.update(_ancestors_in_document(graph, item))
        elif attrs.get("type") == LinkType.IMPLEMENTS.value:
            nodes.add(item)
    for _, target, attrs in graph.out_edges(policy_node, data=True):
        if attrs.get("type") in (LinkType.IMPLEMENTS.value, LinkType.ISSUED_BY.value):
            nodes.add(target)
    return nodes


def _ancestors_in_document(graph: nx.MultiDiGraph, item: str) -> set[str]:
    """An item, its section and its document."""
    found = {item}
    frontier = [item]
    while frontier:
        node = frontier.pop()
        for parent, _, attrs in graph.in_edges(node, data=True):
            if attrs.get("type") in (LinkType.HAS_ITEM.value, LinkType.HAS_SECTION.value) and parent not in found:
                found.add(parent)
                frontier.append(parent)
    return found


def view(graph: nx.MultiDiGraph, nodes: set[str], max_nodes: int = MAX_NODES) -> View:
    """The subgraph on `nodes`, cut down to `max_nodes` by keeping the most informative ones."""
    kept = _most_informative(graph, nodes, max_nodes)
    omitted = Counter(node_type(graph, node) for node in nodes - kept)
    # A copy, not a subgraph view: views filter on every iteration, which the page builder does often.
    drawn = graph if len(kept) == graph.number_of_nodes() else graph.subgraph(kept).copy()
    return View(drawn, total_nodes=len(nodes), omitted=omitted)


def _most_informative(graph: nx.MultiDiGraph, nodes: set[str], max_nodes: int) -> set[str]:
    if len(nodes) <= max_nodes:
        return set(nodes)
    citing = {source for source, _, attrs in graph.edges(data=True) if is_citation(graph, source, attrs)}

    def rank(node: str) -> tuple:
        kind = node_type(graph, node)
        order = _KEEP_ORDER.get(kind, 7)
        if kind == NodeType.WORK_ITEM.value and node not in citing:
            order = 4  # an item that cites nothing adds structure but no policy
        return (order, -int(graph.nodes[node].get("cited") or 0), node)

    return set(sorted(nodes, key=rank)[:max_nodes])
