"""The numbers a researcher asks of a built graph first: what is in it, what is cited, what rests on nothing.

`summarize` reads them off the networkx graph, so `build` (on the graph it just made) and `stats`
(on a graph.json written earlier) give the same report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ontology.vocabulary import Level, NodeType, Relation

_CITATIONS = {r.neo4j_type for r in Relation}


@dataclass
class Summary:
    documents: int = 0
    sections: int = 0
    items: int = 0
    mentions: int = 0
    relations: dict[str, int] = field(default_factory=dict)
    policies_by_level: dict[str, int] = field(default_factory=dict)
    meetings: int = 0
    organizations: int = 0
    most_cited: list[tuple[str, str, int]] = field(default_factory=list)  # (title, level, documents citing)
    items_without_basis: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, item, heading)
    chains: list[list[str]] = field(default_factory=list)  # item label, then policies, each implementing the next


def _of_type(graph: nx.MultiDiGraph, node_type: NodeType) -> list[str]:
    return sorted(n for n, d in graph.nodes(data=True) if d.get("type") == node_type.value)


def summarize(graph: nx.MultiDiGraph, top: int = 10) -> Summary:
    summary = Summary()
    summary.documents = len(_of_type(graph, NodeType.DOCUMENT))
    summary.sections = len(_of_type(graph, NodeType.SECTION))
    items = sorted(_of_type(graph, NodeType.WORK_ITEM), key=lambda n: (graph.nodes[n]["doc"], graph.nodes[n]["order"]))
    summary.items = len(items)
    summary.meetings = len(_of_type(graph, NodeType.MEETING))
    summary.organizations = len(_of_type(graph, NodeType.ORGANIZATION))
    policies = _of_type(graph, NodeType.POLICY)
    summary.policies_by_level = dict(Counter(graph.nodes[p]["level"] for p in policies))
    citing_documents: dict[str, set[str]] = {}
    relations: Counter = Counter()
    for source, target, data in graph.edges(data=True):
        if data["type"] in _CITATIONS and graph.nodes[source].get("type") == NodeType.WORK_ITEM.value:
            relations[data["type"]] += 1
            citing_documents.setdefault(target, set()).add(data["doc"])
    summary.relations = dict(relations)
    summary.mentions = sum(relations.values())
    ranked = sorted(
        (p for p in citing_documents if graph.nodes[p].get("type") == NodeType.POLICY.value),
        key=lambda p: (-len(citing_documents[p]), -graph.nodes[p].get("cited", 0), graph.nodes[p]["title"]),
    )
    summary.most_cited = [
        (graph.nodes[p]["title"], graph.nodes[p]["level"], len(citing_documents[p])) for p in ranked[:top]
    ]
    for item in items:
        cites = any(d["type"] in _CITATIONS for _, _, d in graph.out_edges(item, data=True))
        data = graph.nodes[item]
        if not cites and data.get("item") != "0":
            summary.items_without_basis.append((data["doc"], data["item"], data.get("heading", "")))
    summary.chains = implementation_chains(graph)
    return summary


def implementation_chains(graph: nx.MultiDiGraph) -> list[list[str]]:
    """Item → policy → the policy it implements → …: a local plan resting on higher policy."""
    chains = []
    implements = Relation.IMPLEMENTS.neo4j_type
    for item, policy, data in graph.edges(data=True):
        if data["type"] != implements or graph.nodes[item].get("type") != NodeType.WORK_ITEM.value:
            continue
        path = [policy]
        while True:
            upward = sorted(t for _, t, d in graph.out_edges(path[-1], data=True) if d["type"] == implements)
            upward = [t for t in upward if t not in path and t in graph]
            if not upward:
                break
            path.append(upward[0])
        if len(path) > 1:
            label = f"{graph.nodes[item]['doc']}#{graph.nodes[item]['item']}"
            chains.append([label, *(f"{graph.nodes[p]['title']} ({graph.nodes[p]['level']})" for p in path)])
    return sorted(chains)


def format_summary(summary: Summary) -> str:
    level_names = {lv.value: f"{lv.value} ({lv.label_zh})" for lv in Level}
    lines = [
        "# policykg report",
        "",
        f"- documents: {summary.documents}",
        f"- sections: {summary.sections}",
        f"- work items: {summary.items}",
        f"- policy and meeting mentions: {summary.mentions} "
        + "("
        + ", ".join(f"{k} {v}" for k, v in sorted(summary.relations.items()))
        + ")",
        f"- policies: {sum(summary.policies_by_level.values())}; meetings: {summary.meetings}; "
        f"issuing bodies: {summary.organizations}",
        "",
        "## Policies by level",
        "",
    ]
    for level in Level:
        lines.append(f"- {level_names[level.value]}: {summary.policies_by_level.get(level.value, 0)}")
    lines += ["", "## Most-cited policies (by documents citing them)", ""]
    lines += [f"{i}. {title} — {level}, {n} document(s)" for i, (title, level, n) in enumerate(summary.most_cited, 1)]
    lines += ["", f"## Work items with no policy basis ({len(summary.items_without_basis)})", ""]
    lines += [f"- {doc} item {item}: {heading}" for doc, item, heading in summary.items_without_basis]
    lines += ["", f"## Implementation chains ({len(summary.chains)})", ""]
    lines += ["- " + " → ".join(chain) for chain in summary.chains]
    return "\n".join(lines) + "\n"
