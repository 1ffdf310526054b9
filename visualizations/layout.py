"""Starting positions for big maps, so the browser only has to polish a layout, not find one.

vis-network's physics costs about O(n log n) per iteration; on thousands of nodes from random
starting points 200 iterations take far too long on an office PC.  This places every node where
the physics would roughly put it anyway — documents spread on a spiral, their sections and items
around them, each policy among the items that cite it, each body among the policies it issued —
in linear time and deterministically (the jitter comes from a hash of the node id, not a random
generator), so the same graph still gives the same bytes.
"""

from __future__ import annotations

import hashlib
import math

import networkx as nx

from ontology.vocabulary import LinkType, NodeType
from visualizations.views import POLICY_TYPES, is_citation

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

DOCUMENT_SPACING = 420  # between document clusters on the spiral
SECTION_RADIUS = 130  # sections on a ring around their document
ITEM_SPACING = 22  # items on a small spiral around their section
JITTER = (25, 70)  # how far a policy or body sits from the centre of what it is linked to

Point = tuple[float, float]


def spiral(index: int, spacing: float, centre: Point = (0.0, 0.0)) -> Point:
    """The index-th point of a sunflower spiral: evenly filled disc, no two points close."""
    radius = spacing * math.sqrt(index + 0.5)
    angle = index * GOLDEN_ANGLE
    return centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)


def jittered(node: str, centre: Point) -> Point:
    """A point near `centre`, at an angle and distance fixed by the node id."""
    digest = hashlib.sha1(node.encode("utf-8")).digest()
    angle = digest[0] / 255 * 2 * math.pi
    distance = JITTER[0] + digest[1] / 255 * (JITTER[1] - JITTER[0])
    return centre[0] + distance * math.cos(angle), centre[1] + distance * math.sin(angle)


def _mean(points: list[Point]) -> Point:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _of_type(graph: nx.MultiDiGraph, *types: str) -> list[str]:
    return sorted(node for node, attrs in graph.nodes(data=True) if attrs.get("type") in types)


def _children(graph: nx.MultiDiGraph, node: str, link: str) -> list[str]:
    return sorted({target for _, target, attrs in graph.out_edges(node, data=True) if attrs.get("type") == link})


def seed_positions(graph: nx.MultiDiGraph) -> dict[str, Point]:
    """x, y for every node of the graph."""
    at: dict[str, Point] = {}
    _place_documents(graph, at)
    _place_near_neighbours(graph, at, _of_type(graph, *POLICY_TYPES), _citing_items)
    _place_near_neighbours(graph, at, _of_type(graph, *POLICY_TYPES), _linked)  # nested, cited by none
    _place_near_neighbours(graph, at, _of_type(graph, NodeType.ORGANIZATION.value), _linked)
    _place_near_neighbours(graph, at, _of_type(graph, NodeType.JURISDICTION.value), _linked)
    _place_remaining(graph, at)
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in at.items()}


def _place_documents(graph: nx.MultiDiGraph, at: dict[str, Point]) -> None:
    for index, document in enumerate(_of_type(graph, NodeType.DOCUMENT.value)):
        centre = spiral(index, DOCUMENT_SPACING)
        at[document] = centre
        sections = _children(graph, document, LinkType.HAS_SECTION.value)
        for order, section in enumerate(sections):
            angle = 2 * math.pi * order / max(len(sections), 1)
            spot = (centre[0] + SECTION_RADIUS * math.cos(angle), centre[1] + SECTION_RADIUS * math.sin(angle))
            at[section] = spot
            for rank, item in enumerate(_children(graph, section, LinkType.HAS_ITEM.value)):
                at.setdefault(item, spiral(rank + 2, ITEM_SPACING, spot))


def _citing_items(graph: nx.MultiDiGraph, node: str) -> list[str]:
    return [source for source, _, attrs in graph.in_edges(node, data=True) if is_citation(graph, source, attrs)]


def _linked(graph: nx.MultiDiGraph, node: str) -> list[str]:
    return list(graph.predecessors(node)) + list(graph.successors(node))


def _place_near_neighbours(graph: nx.MultiDiGraph, at: dict[str, Point], nodes: list[str], neighbours) -> None:
    """Each node near the mean of its already placed neighbours; nodes with none are left for later."""
    for node in nodes:
        if node in at:
            continue
        placed = [at[other] for other in neighbours(graph, node) if other in at]
        if placed:
            at[node] = jittered(node, _mean(placed))


def _place_remaining(graph: nx.MultiDiGraph, at: dict[str, Point]) -> None:
    """Whatever is linked to nothing placed goes on a ring outside everything else."""
    remaining = sorted(node for node in graph.nodes if node not in at)
    if not remaining:
        return
    reach = max((math.hypot(x, y) for x, y in at.values()), default=0.0)
    for index, node in enumerate(remaining):
        x, y = spiral(index, 30)
        angle = math.atan2(y, x)
        radius = reach + 150 + math.hypot(x, y)
        at[node] = (radius * math.cos(angle), radius * math.sin(angle))
