"""Records → the knowledge graph in memory, a networkx MultiDiGraph (DESIGN.md, "Nodes", "Links").

Node ids are ASCII and deterministic: `doc:<doc>`, `doc:<doc>/s<n>`, `doc:<doc>/i<n>`,
`policy:<id>`, `meeting:<id>`, `org:<hash>`, `jur:<code>`.  Every node has `type` (a NodeType
value) and `label` (what a person reads); every edge has `type` (its Neo4j relationship type) and
is keyed by it.  WorkItem→Policy edges carry the evidence of one mention.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import networkx as nx

from extractors.identity import policy_id
from extractors.jurisdictions import gazetteer
from extractors.levels import Place, organization_place
from extractors.pipeline import Corpus
from extractors.registry import comparable_organization, national_bodies
from extractors.structure import item_at
from ontology.records import Document, Mention, Policy
from ontology.vocabulary import Kind, Level, LinkType, NodeType

_SAFE = re.compile(r"[A-Za-z0-9_.\-]+")


def _digest(text: str, length: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def document_node(doc: str) -> str:
    """`doc:<stem>` when the file stem is plain ASCII, else a digest of it."""
    return f"doc:{doc}" if _SAFE.fullmatch(doc) else f"doc:d{_digest(doc)}"


def item_node(doc: str, order: int) -> str:
    return f"{document_node(doc)}/i{order}"


def section_node(doc: str, order: int) -> str:
    return f"{document_node(doc)}/s{order}"


def policy_node(policy: Policy | Mention) -> str:
    kind = policy.kind
    pid = policy.id if isinstance(policy, Policy) else policy.policy_id
    return f"{'meeting' if kind is Kind.MEETING else 'policy'}:{pid}"


def organization_node(name: str) -> str:
    """One node per body however it is spelt: 国家语委 = 国家语言文字工作委员会, 佛山市政府 = 佛山市人民政府."""
    return f"org:{_digest(comparable_organization(name))}"


def jurisdiction_node(code: str) -> str:
    return f"jur:{code}"


# The graph is the union of parts: one per document (the plan, its sections and items, and its
# edges to the policies, bodies and places it names) and the shared parts that describe those
# policies, bodies and places.  A part lists in graph.graph[EXTERNAL] the nodes it links to but
# leaves to another part to describe, so that a large corpus can be built and written one part at
# a time (graph/publish.py) and a small one merged into one graph in memory (build_graph).
EXTERNAL = "external"


def build_graph(corpus: Corpus) -> nx.MultiDiGraph:
    """The whole graph of a corpus: documents, their structure, policies, bodies and places."""
    cited = Counter(m.policy_id for m in corpus.mentions if m.policy_id)
    by_doc: dict[str, list[Mention]] = {}
    for mention in corpus.mentions:
        by_doc.setdefault(mention.doc, []).append(mention)
    documents = sorted(corpus.documents, key=lambda d: d.doc)
    graph = nx.MultiDiGraph()
    parts = [
        places_and_bodies_graph(*referenced_places_and_bodies(documents, corpus.policies)),
        policies_graph(corpus.policies, cited, {p.key: p.level for p in corpus.policies}.get),
        *(document_graph(document, by_doc.get(document.doc, [])) for document in documents),
    ]
    for part in parts:
        merge_part(graph, part)
    return graph


def merge_part(graph: nx.MultiDiGraph, part: nx.MultiDiGraph) -> None:
    """Add a part to `graph`: its own nodes with their attributes, and every edge."""
    external = part.graph.get(EXTERNAL, ())
    graph.add_nodes_from((node, attrs) for node, attrs in part.nodes(data=True) if node not in external)
    graph.add_edges_from(part.edges(keys=True, data=True))


def _external(graph: nx.MultiDiGraph, node: str, node_type: NodeType, **attrs) -> str:
    """A node this part links to and another part describes: typed, so that links to it are written."""
    if node not in graph:
        graph.add_node(node, type=node_type.value, **attrs)
        graph.graph.setdefault(EXTERNAL, set()).add(node)
    return node


def document_graph(document: Document, mentions: list[Mention]) -> nx.MultiDiGraph:
    """One document's part: the plan, its sections and items, and an edge for every mention of a
    policy or meeting (mentions with their policy ids, as resolved across the corpus)."""
    graph = nx.MultiDiGraph()
    _add_document(graph, document)
    for mention in mentions:
        if mention.kind is not Kind.NOT_POLICY and mention.policy_id:
            _add_mention(graph, document, mention)
    return graph


def referenced_places_and_bodies(documents: list[Document], policies: list[Policy]) -> tuple[set[str], set[str]]:
    """The bodies (names) and places (codes) that documents and policies name: what
    places_and_bodies_graph describes."""
    bodies = {d.issuer for d in documents if d.issuer} | {i for p in policies for i in p.issuers}
    places = {d.jurisdiction for d in documents if d.jurisdiction}
    places |= {p.jurisdiction for p in policies if p.jurisdiction and p.level is not Level.UNKNOWN}
    return bodies, places


def places_and_bodies_graph(bodies: set[str], places: set[str]) -> nx.MultiDiGraph:
    """Every issuing body and place named, each place with its chain up to 中国."""
    graph = nx.MultiDiGraph()
    spellings: dict[str, list[str]] = {}
    for name in sorted(bodies):
        spellings.setdefault(organization_node(name), []).append(name)
    for names in spellings.values():
        _add_organization(graph, names)
    for code in sorted(places):
        _add_jurisdiction(graph, code)
    return graph


def policies_graph(
    policies: Iterable[Policy], cited: Mapping[str, int], level_of: Callable[[str], Level | None]
) -> nx.MultiDiGraph:
    """Policies and meetings (`cited`: mentions by policy id).  The bodies and places they link
    to, and the policies they implement (`level_of` a key: None for no policy of the graph), are
    described by other parts."""
    graph = nx.MultiDiGraph()
    for policy in policies:
        _add_policy(graph, policy, cited.get(policy.id, 0), level_of)
    return graph


def _edge(graph: nx.MultiDiGraph, source: str, target: str, link: str, **evidence) -> None:
    graph.add_edge(
        source, target, key=link if not evidence else f"{link}:{evidence.get('start')}", type=link, **evidence
    )


def _add_jurisdiction(graph: nx.MultiDiGraph, code: str | None) -> str | None:
    """A Jurisdiction node and the chain up to 中国."""
    if not code:
        return None
    g = gazetteer()
    node = jurisdiction_node(code)
    child = None
    for jurisdiction in [g.by_code(code), *g.ancestors(code)]:
        if jurisdiction is None:
            break
        current = jurisdiction_node(jurisdiction.code)
        if current not in graph:
            graph.add_node(
                current,
                type=NodeType.JURISDICTION.value,
                label=jurisdiction.name,
                code=jurisdiction.code,
                name=jurisdiction.name,
                level=jurisdiction.level.value,
            )
        if child:
            _edge(graph, child, current, LinkType.IN.value)
        child = current
    return node


def _add_organization(graph: nx.MultiDiGraph, spellings: list[str]) -> str:
    """A body named under one or more spellings: it goes by the fullest (a national body by its
    registered name), and the others are its aliases."""
    name = max(sorted(spellings), key=lambda n: (national_bodies().get(n) == n, len(n)))
    node = organization_node(name)
    if node not in graph:
        level, jurisdiction = organization_place(name, Place())
        graph.add_node(
            node,
            type=NodeType.ORGANIZATION.value,
            label=name,
            name=name,
            aliases=sorted(n for n in spellings if n != name),
            level=level.value,
            jurisdiction=jurisdiction.code if jurisdiction else "",
        )
        where = _add_jurisdiction(graph, jurisdiction.code if jurisdiction else None)
        if where:
            _edge(graph, node, where, LinkType.IN.value)
    return node


def _add_document(graph: nx.MultiDiGraph, document: Document) -> None:
    node = document_node(document.doc)
    graph.add_node(
        node,
        type=NodeType.DOCUMENT.value,
        label=document.title or document.doc,
        doc=document.doc,
        title=document.title,
        issuer=document.issuer,
        jurisdiction=document.jurisdiction or "",
        level=document.level.value,
        year=document.year or 0,
        date=document.date,
        source=document.source,
        text=document.text,  # what every evidence offset points into; the reading view shows it
    )
    if document.jurisdiction:
        where = _external(graph, jurisdiction_node(document.jurisdiction), NodeType.JURISDICTION)
        _edge(graph, node, where, LinkType.IN.value)
    if document.issuer:
        issuer = _external(graph, organization_node(document.issuer), NodeType.ORGANIZATION)
        _edge(graph, node, issuer, LinkType.ISSUED_BY.value)
    sections = {0: section_node(document.doc, 0)}
    graph.add_node(sections[0], type=NodeType.SECTION.value, label="(正文)", doc=document.doc, order=0, heading="")
    _edge(graph, node, sections[0], LinkType.HAS_SECTION.value)
    for section in document.sections:
        sections[section.order] = section_node(document.doc, section.order)
        graph.add_node(
            sections[section.order],
            type=NodeType.SECTION.value,
            label=f"{section.label}、{section.heading}",
            doc=document.doc,
            order=section.order,
            heading=section.heading,
        )
        _edge(graph, node, sections[section.order], LinkType.HAS_SECTION.value)
    for item in document.items:
        item_id = item_node(document.doc, item.order)
        graph.add_node(
            item_id,
            type=NodeType.WORK_ITEM.value,
            label=f"{item.label} {item.heading}".strip() if item.label != "0" else "总体要求 (0)",
            doc=document.doc,
            item=item.label,
            order=item.order,
            heading=item.heading,
            text=document.text[item.start : item.end].strip(),
            keywords=list(item.keywords),
        )
        _edge(graph, sections[item.section], item_id, LinkType.HAS_ITEM.value)


def _add_policy(graph: nx.MultiDiGraph, policy: Policy, cited: int, level_of: Callable[[str], Level | None]) -> None:
    node = policy_node(policy)
    # this part describes it, though a policy added before may have linked to it as another part's
    graph.graph.get(EXTERNAL, set()).discard(node)
    node_type = NodeType.MEETING if policy.kind is Kind.MEETING else NodeType.POLICY
    graph.add_node(
        node,
        type=node_type.value,
        label=policy.title,
        policy_id=policy.id,
        key=policy.key,
        title=policy.title,
        aliases=list(policy.aliases),
        issuers=list(policy.issuers),
        level=policy.level.value,
        level_source=policy.level_source.value,
        doc_kind=policy.doc_kind,
        years=list(policy.years),
        doc_number=policy.doc_number,
        jurisdiction=policy.jurisdiction or "",
        cited=cited,
    )
    for issuer in policy.issuers:
        _edge(graph, node, _external(graph, organization_node(issuer), NodeType.ORGANIZATION), LinkType.ISSUED_BY.value)
    if policy.jurisdiction and policy.level is not Level.UNKNOWN:
        where = _external(graph, jurisdiction_node(policy.jurisdiction), NodeType.JURISDICTION)
        _edge(graph, node, where, LinkType.IN.value)
    for inner_key in policy.implements:
        level = level_of(inner_key)
        if level is not None:  # a title inside a title that no mention resolves to is no policy of the graph
            # with its title and level, so that a report of implementation chains needs no other part
            title = inner_key.partition("@")[0]
            inner = _external(graph, f"policy:{policy_id(inner_key)}", NodeType.POLICY, title=title, level=level.value)
            _edge(graph, node, inner, LinkType.IMPLEMENTS.value)


def _add_mention(graph: nx.MultiDiGraph, document: Document, mention: Mention) -> None:
    item = item_at(document.items, mention.start)
    target_type = NodeType.MEETING if mention.kind is Kind.MEETING else NodeType.POLICY
    _edge(
        graph,
        item_node(mention.doc, item.order),
        _external(graph, policy_node(mention), target_type),
        mention.relation.neo4j_type,
        doc=mention.doc,
        surface=mention.surface,
        title=mention.title,
        sentence=mention.sentence,
        start=mention.start,
        end=mention.end,
        trigger=mention.trigger,
        tier=mention.tier.value,
        level_source=mention.level_source.value,
    )
