"""Where each page of the maps lives, so that pages can link to each other by relative paths.

Layout under the output directory (what `write_maps` writes):

    map.html                      the whole corpus
    maps/doc-<doc>.html           one document: its sections, items and the policies they cite
    maps/policy-<id>.html         one policy or meeting: everything that implements it
    maps/read-<doc>.html          one document as a readable page, citations highlighted

Relative links keep working when the folder is copied to a share or opened from disk.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field

import networkx as nx

from ontology.vocabulary import NodeType

CORPUS_PAGE = "map.html"
MAPS_DIR = "maps"

_SAFE = re.compile(r"[A-Za-z0-9_.\-]+")


def slug(node_id: str) -> str:
    """A file-name-safe, deterministic form of a node id's local part (`policy:ab12` → `ab12`)."""
    prefix, _, local = node_id.partition(":")
    local = local or prefix
    if _SAFE.fullmatch(local) and not local.startswith("."):
        return local
    return "h" + hashlib.sha1(local.encode("utf-8")).hexdigest()[:16]


def document_page(doc_node: str) -> str:
    return f"{MAPS_DIR}/doc-{slug(doc_node)}.html"


def reading_page(doc_node: str) -> str:
    return f"{MAPS_DIR}/read-{slug(doc_node)}.html"


def policy_page(policy_node: str) -> str:
    """Meetings get their own prefix so a meeting and a policy with the same id never share a file."""
    kind = policy_node.partition(":")[0]
    infix = "" if kind == "policy" else f"{slug(kind)}-"
    return f"{MAPS_DIR}/policy-{infix}{slug(policy_node)}.html"


@dataclass(frozen=True)
class Site:
    """Which pages exist, so a page links only to pages that will be there."""

    documents: frozenset[str] = field(default_factory=frozenset)
    policies: frozenset[str] = field(default_factory=frozenset)
    readings: frozenset[str] = field(default_factory=frozenset)
    corpus: bool = True

    @classmethod
    def for_graph(cls, graph: nx.MultiDiGraph, readings: frozenset[str] = frozenset()) -> Site:
        """Every document and policy/meeting of the graph has its page; reading views only where text was given."""
        documents, policies = set(), set()
        for node, attrs in graph.nodes(data=True):
            kind = attrs.get("type")
            if kind == NodeType.DOCUMENT.value:
                documents.add(node)
            elif kind in (NodeType.POLICY.value, NodeType.MEETING.value):
                policies.add(node)
        return cls(frozenset(documents), frozenset(policies), frozenset(readings) & frozenset(documents))

    def href(self, here: str, there: str) -> str:
        """The relative link from page `here` to page `there` (both relative to the output directory)."""
        return posixpath.relpath(there, posixpath.dirname(here) or ".")

    def links_for(self, here: str, node: str, attrs: dict) -> list[list[str]]:
        """[label, href] pairs from page `here` to the pages about `node`."""
        kind = attrs.get("type")
        links = []
        if kind == NodeType.DOCUMENT.value:
            if node in self.documents:
                links.append(["文件图谱", self.href(here, document_page(node))])
            if node in self.readings:
                links.append(["阅读原文", self.href(here, reading_page(node))])
        elif node in self.policies:
            links.append(["政策图谱", self.href(here, policy_page(node))])
        return [link for link in links if posixpath.normpath(link[1]) != posixpath.basename(here)]
