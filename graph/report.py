"""The numbers a researcher asks of a built graph first: what is in it, what is cited, what rests on nothing.

`summarize` reads them off a networkx graph, and a Tally off the parts of one as they stream past,
so `build` (part by part) and `stats` (on a graph.json written earlier) give the same report.
"""

from __future__ import annotations

import contextlib
import heapq
import tempfile
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from graph.build import EXTERNAL
from ontology.vocabulary import Level, NodeType, Relation

_CITATIONS = {r.neo4j_type for r in Relation}
# The attributes a summary reads: `stats` keeps only these of a graph.json (not the plans' texts)
SUMMARY_NODE_FIELDS = ("type", "doc", "item", "order", "heading", "title", "level", "cited")
SUMMARY_LINK_FIELDS = ("type", "doc")


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


def summarize(graph: nx.MultiDiGraph, top: int = 10) -> Summary:
    """The report of a whole graph (or of a graph.json read back)."""
    with Tally(top) as tally:
        tally.add(graph)
        return tally.finish()


@dataclass
class PartCounts:
    """What one part of a graph adds to a Summary: small, so that a worker that built the part
    can send it back instead of the part."""

    documents: int = 0
    sections: int = 0
    items: int = 0
    meetings: int = 0
    organizations: int = 0
    relations: Counter = field(default_factory=Counter)
    cited: list[str] = field(default_factory=list)  # each policy cited, once per citing document
    without_basis: list[str] = field(default_factory=list)  # "doc\torder\titem\theading" of items citing nothing
    seeds: list[str] = field(default_factory=list)  # "policy\tdoc#item" of item → policy IMPLEMENTS
    upward: list[tuple[str, str]] = field(default_factory=list)  # policy → policy IMPLEMENTS
    names: dict[str, str] = field(default_factory=dict)  # "title (level)" of the policies in `upward`
    policies: list[tuple[str, str, str, int]] = field(default_factory=list)  # (node, level, title, cited)


def count_part(graph: nx.MultiDiGraph) -> PartCounts:
    """The counts of one part (or of a whole graph): its own nodes, and every edge it holds."""
    counts = PartCounts()
    external = graph.graph.get(EXTERNAL, ())
    citing: set[tuple[str, str]] = set()
    cites: set[str] = set()
    implements = Relation.IMPLEMENTS.neo4j_type
    for source, target, data in graph.edges(data=True):
        if data["type"] in _CITATIONS and graph.nodes[source].get("type") == NodeType.WORK_ITEM.value:
            counts.relations[data["type"]] += 1
            citing.add((target, data["doc"]))
            cites.add(source)
            if data["type"] == implements:
                item = graph.nodes[source]
                counts.seeds.append(f"{target}\t{item['doc']}#{item['item']}")
        elif data["type"] == implements:  # policy → policy
            counts.upward.append((source, target))
            for node in (source, target):  # a part describes an implemented policy it leaves to another
                counts.names[node] = f"{graph.nodes[node]['title']} ({graph.nodes[node]['level']})"
    counts.cited = sorted(target for target, _ in citing)
    for node, data in graph.nodes(data=True):
        if node in external:
            continue
        kind = data.get("type")
        if kind == NodeType.DOCUMENT.value:
            counts.documents += 1
        elif kind == NodeType.SECTION.value:
            counts.sections += 1
        elif kind == NodeType.WORK_ITEM.value:
            counts.items += 1
            if node not in cites and data.get("item") != "0":
                fields = (data["doc"], str(data["order"]), str(data["item"]), data.get("heading", ""))
                counts.without_basis.append("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields))
        elif kind == NodeType.MEETING.value:
            counts.meetings += 1
        elif kind == NodeType.ORGANIZATION.value:
            counts.organizations += 1
        elif kind == NodeType.POLICY.value:
            counts.policies.append((node, data["level"], data["title"], data.get("cited", 0)))
    return counts


class Tally:
    """A Summary counted part by part (graph/build.py, EXTERNAL), keeping counters, not parts.

    Document parts must come before the parts that describe the policies they cite: a policy is
    ranked among the most cited when its node is seen, by the documents counted up to then.
    """

    def __init__(self, top: int = 10):
        self.summary = Summary()
        self._top = top
        self._citing: Counter[str] = Counter()  # policy node → documents citing it
        self._ranked: list[tuple] = []  # a heap of the `top` most cited, the least cited first
        self._upward: dict[str, list[str]] = {}  # policy → policies it implements
        self._names: dict[str, str] = {}  # policy → "title (level)", for those in a chain
        # What grows with every item goes to disk: items without basis, and item → policy
        # IMPLEMENTS citations that may start a chain.
        self._spools = contextlib.ExitStack()
        self._without_basis = self._spools.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))  # noqa: SIM115
        self._seeds = self._spools.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))  # noqa: SIM115

    def __enter__(self) -> Tally:
        return self

    def __exit__(self, *exc) -> None:
        self._spools.close()

    def add(self, graph: nx.MultiDiGraph) -> None:
        self.merge(count_part(graph))

    def merge(self, counts: PartCounts) -> None:
        summary = self.summary
        summary.documents += counts.documents
        summary.sections += counts.sections
        summary.items += counts.items
        summary.meetings += counts.meetings
        summary.organizations += counts.organizations
        for relation, n in counts.relations.items():
            summary.relations[relation] = summary.relations.get(relation, 0) + n
            summary.mentions += n
        self._citing.update(counts.cited)
        self._without_basis.writelines(line + "\n" for line in counts.without_basis)
        self._seeds.writelines(line + "\n" for line in counts.seeds)
        for source, target in counts.upward:
            self._upward.setdefault(source, []).append(target)
        self._names.update(counts.names)
        for node, level, title, cited in counts.policies:
            summary.policies_by_level[level] = summary.policies_by_level.get(level, 0) + 1
            if node in self._citing:
                rank = (self._citing[node], cited, _Reversed(title), title, level)
                if len(self._ranked) < self._top:
                    heapq.heappush(self._ranked, rank)
                elif rank > self._ranked[0]:
                    heapq.heapreplace(self._ranked, rank)

    def finish(self) -> Summary:
        """The summary of every part added."""
        summary = self.summary
        ranked = sorted(self._ranked, reverse=True)
        summary.most_cited = [(title, level, documents) for documents, _, _, title, level in ranked]
        self._without_basis.seek(0)
        rows = sorted(line.rstrip("\n").split("\t") for line in self._without_basis)
        rows.sort(key=lambda row: (row[0], int(row[1])))
        summary.items_without_basis = [(doc, item, heading) for doc, _, item, heading in rows]
        self._seeds.seek(0)
        chains = []
        for line in self._seeds:
            policy, label = line.rstrip("\n").split("\t")
            path = [policy]
            while True:
                upward = sorted(t for t in self._upward.get(path[-1], ()) if t not in path and t in self._names)
                if not upward:
                    break
                path.append(upward[0])
            if len(path) > 1 and policy in self._names:
                chains.append([label, *(self._names[p] for p in path)])
        summary.chains = sorted(chains)
        return summary


class _Reversed(str):
    """A title that sorts backwards, so that among equally cited policies the heap keeps the first by title."""

    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:
        return str.__lt__(self, other)


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
