"""The knowledge graph (graph/build.py) → RDF for open data: Turtle, JSON-LD, or an rdflib Graph.

The terms are those of ontology/policykg.ttl.  Every node becomes a resource under one configurable base
(`doc:xyz/i3` → `<base>doc/xyz/i3`); every WorkItem→Policy edge becomes a direct triple (item pkg:implements
policy) and a pkg:Citation that keeps the mention's evidence (where in the plan's text, the characters there,
the trigger word, how the level was decided); a DCAT description of the dataset comes with the data.

`write_turtle` writes the Turtle text itself instead of filling an rdflib Graph and serializing it: the
exporter has to keep up with large corpora (a benchmark holds it to five times rdflib's triples per second),
and writing text directly lets it stream — subjects are produced one at a time, in sorted order, so the
output is byte-identical from run to run (DESIGN.md, "Identifiers").
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from importlib import resources
from typing import TextIO
from urllib.parse import quote

import networkx as nx
import rdflib
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from graph.build import EXTERNAL, document_node
from ontology.namespace import CITO, DEFAULT_BASE, ELI, OA, ONTOLOGY_IRI, PKG
from ontology.vocabulary import Level, LevelSource, LinkType, NodeType, Relation

CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"

# The prefixes of the Turtle and the JSON-LD context, in the order they are written.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("xsd", str(XSD)),
    ("skos", str(SKOS)),
    ("dcterms", str(DCTERMS)),
    ("dcat", str(DCAT)),
    ("foaf", str(FOAF)),
    ("prov", str(PROV)),
    ("org", str(ORG)),
    ("eli", str(ELI)),
    ("cito", str(CITO)),
    ("oa", str(OA)),
    ("pkg", str(PKG)),
)


def _curie(term: rdflib.URIRef) -> str:
    """`pkg:WorkPlan` for a term of one of PREFIXES; built once, at import, for every term written."""
    for prefix, namespace in PREFIXES:
        if term.startswith(namespace) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_\-]*", term[len(namespace) :]):
            return f"{prefix}:{term[len(namespace) :]}"
    raise ValueError(f"{term} has no prefix in PREFIXES")


# Predicates, in the order a subject's block lists them.  `a` is rdf:type.
A = "a"
LABEL = _curie(RDFS.label)
ALT_LABEL = _curie(SKOS.altLabel)
TITLE = _curie(ELI.title)
IDENTIFIER = _curie(DCTERMS.identifier)
ITEM_LABEL = _curie(PKG.itemLabel)
ORDER = _curie(PKG.order)
HEADING = _curie(PKG.heading)
LEVEL = _curie(PKG.level)
LEVEL_SOURCE = _curie(PKG.levelSource)
DOCUMENT_KIND = _curie(PKG.documentKind)
DOCUMENT_NUMBER = _curie(ELI.id_local)
DATE = _curie(ELI.date_document)
YEAR = _curie(PKG.year)
KEY = _curie(PKG.canonicalKey)
CITED_COUNT = _curie(PKG.citedCount)
KEYWORD = _curie(PKG.keyword)
TEXT = _curie(PKG.text)
SOURCE_FILE = _curie(PKG.sourceFile)
SOURCE = _curie(DCTERMS.source)
CITING = _curie(CITO.hasCitingEntity)
CHARACTERIZATION = _curie(CITO.hasCitationCharacterization)
CITED = _curie(CITO.hasCitedEntity)
MOTIVATION = _curie(OA.motivatedBy)
BODY = _curie(OA.hasBody)
TARGET = _curie(OA.hasTarget)
CITED_TITLE = _curie(PKG.citedTitle)
TRIGGER = _curie(PKG.trigger)
TIER = _curie(PKG.tier)
SENTENCE = _curie(PKG.sentence)
DERIVED_FROM = _curie(PROV.wasDerivedFrom)
HAS_SOURCE = _curie(OA.hasSource)
SELECTOR = _curie(OA.hasSelector)
START = _curie(OA.start)
END = _curie(OA.end)
EXACT = _curie(OA.exact)
DATASET_TITLE = _curie(DCTERMS.title)
DESCRIPTION = _curie(DCTERMS.description)
LICENSE = _curie(DCTERMS.license)
ISSUED = _curie(DCTERMS.issued)
PUBLISHER = _curie(DCTERMS.publisher)
CONFORMS_TO = _curie(DCTERMS.conformsTo)
LANGUAGE = _curie(DCTERMS.language)
NAME = _curie(FOAF.name)

# The vocabularies' members as written: a member missing from PKG fails here, at import, not in the output.
LEVELS = {member.value: _curie(PKG[member.rdf_name]) for member in Level}
LEVEL_SOURCES = {member.value: _curie(PKG[member.rdf_name]) for member in LevelSource}
RELATIONS = {member.neo4j_type: _curie(PKG[member.rdf_name]) for member in Relation}  # WorkItem → Policy
LINKS = {member.value: _curie(PKG[member.rdf_name]) for member in LinkType}  # every other edge
# Each node is typed with its pkg class and the established class it specializes, so that a consumer
# without a reasoner finds plans as eli:LegalResource and bodies as org:Organization.
CLASSES = {
    NodeType.DOCUMENT.value: (_curie(PKG[NodeType.DOCUMENT.rdf_name]), _curie(ELI.LegalResource)),
    NodeType.SECTION.value: (_curie(PKG[NodeType.SECTION.rdf_name]), _curie(ELI.LegalResourceSubdivision)),
    NodeType.WORK_ITEM.value: (_curie(PKG[NodeType.WORK_ITEM.rdf_name]), _curie(ELI.LegalResourceSubdivision)),
    NodeType.POLICY.value: (_curie(PKG[NodeType.POLICY.rdf_name]), _curie(ELI.LegalResource)),
    NodeType.MEETING.value: (_curie(PKG[NodeType.MEETING.rdf_name]), _curie(PROV.Activity)),
    NodeType.ORGANIZATION.value: (_curie(PKG[NodeType.ORGANIZATION.rdf_name]), _curie(ORG.Organization)),
    NodeType.JURISDICTION.value: (_curie(PKG[NodeType.JURISDICTION.rdf_name]), _curie(DCTERMS.Jurisdiction)),
}
CITATION_CLASSES = (_curie(PKG.Citation), _curie(OA.Annotation), _curie(CITO.Citation))
SPECIFIC_RESOURCE = _curie(OA.SpecificResource)
POSITION_SELECTOR = _curie(OA.TextPositionSelector)
QUOTE_SELECTOR = _curie(OA.TextQuoteSelector)
IDENTIFYING = _curie(OA.identifying)
DATASET = _curie(DCAT.Dataset)
AGENT = _curie(FOAF.Agent)

PREDICATE_ORDER = (
    A,
    LABEL,
    TITLE,
    DATASET_TITLE,
    NAME,
    ALT_LABEL,
    IDENTIFIER,
    ITEM_LABEL,
    ORDER,
    HEADING,
    LEVEL,
    LEVEL_SOURCE,
    DOCUMENT_KIND,
    DOCUMENT_NUMBER,
    DATE,
    YEAR,
    KEY,
    CITED_COUNT,
    *LINKS.values(),
    *RELATIONS.values(),
    KEYWORD,
    TEXT,
    SOURCE_FILE,
    CITING,
    CHARACTERIZATION,
    CITED,
    MOTIVATION,
    BODY,
    TARGET,
    CITED_TITLE,
    TRIGGER,
    TIER,
    SENTENCE,
    DERIVED_FROM,
    HAS_SOURCE,
    SELECTOR,
    START,
    END,
    EXACT,
    DESCRIPTION,
    LICENSE,
    ISSUED,
    PUBLISHER,
    CONFORMS_TO,
    LANGUAGE,
    SOURCE,
)
_RANK = {predicate: rank for rank, predicate in enumerate(dict.fromkeys(PREDICATE_ORDER))}

_Block = dict[str, set[str]]  # one subject's triples: predicate → objects, all as Turtle text

# ---------------------------------------------------------------------------------------------------------------
# Literals and IRIs as Turtle text
# ---------------------------------------------------------------------------------------------------------------

# Turtle's string escapes, plus \uXXXX for the other control characters a parser would reject or mangle.
_ESCAPES = {code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)}
_ESCAPES.update({ord(c): e for c, e in (('"', '\\"'), ("\\", "\\\\"), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"))})
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f\ud800-\udfff]')
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # a lone surrogate cannot be written as UTF-8 at all


def _quoted(text: str) -> str:
    if _NEEDS_ESCAPE.search(text) is None:  # the common case: nothing to escape, no copy
        return f'"{text}"'
    return '"' + _SURROGATE.sub("\ufffd", text).translate(_ESCAPES) + '"'


def _zh(text: str) -> str:
    return _quoted(text) + "@zh"


def _en(text: str) -> str:
    return _quoted(text) + "@en"


def _integer(value: int) -> str:
    return str(int(value))  # a bare integer is an xsd:integer in Turtle


def _date(text: str) -> str | None:
    """An xsd:date, or None for anything that is not a real calendar date (no invalid literal is written)."""
    try:
        return f'"{dt.date.fromisoformat(text).isoformat()}"^^xsd:date' if len(text) == 10 else None
    except ValueError:
        return None


def _year(year: int) -> str | None:
    return f'"{int(year):04d}"^^xsd:gYear' if 0 < int(year) <= 9999 else None


_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def _check_base(base: str) -> str:
    """The base must be an absolute ASCII IRI ending in / without a fragment: `base + path` then needs no
    resolution, and the parts of a citation can be fragments of its IRI (`…/cite/118/policy/…#quote`)."""
    if not (_ABSOLUTE_IRI.fullmatch(base) and base.endswith("/") and "#" not in base):
        raise ValueError(f"base must be an absolute ASCII IRI ending in '/' without '#', not {base!r}")
    return base


def _segment(text: str) -> str:
    """One path segment, percent-encoded: only unreserved ASCII stays; `.` and `..` cannot be resolved away."""
    encoded = quote(text, safe="")
    return encoded.replace(".", "%2E") if encoded in (".", "..") else encoded


def node_path(node: str) -> str:
    """The IRI path of a node id, relative to the base: `doc:xyz/i3` → `doc/xyz/i3`, `jur:440600` → `jur/440600`."""
    prefix, colon, rest = node.partition(":")
    if not colon:
        prefix, rest = "node", node
    return "/".join(_segment(part) for part in (prefix, *rest.split("/")))


def node_iri(node: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of a node of the graph, as written in the RDF."""
    return _check_base(base) + node_path(node)


class _Iris:
    """Every IRI of one export, as Turtle text `<…>`, computed once per node."""

    def __init__(self, base: str):
        self.base = _check_base(base)
        self._paths: dict[str, str] = {}
        self._nodes: dict[str, str] = {}

    def path(self, node: str) -> str:
        path = self._paths.get(node)
        if path is None:
            path = self._paths[node] = node_path(node)
        return path

    def node(self, node: str) -> str:
        iri = self._nodes.get(node)
        if iri is None:
            iri = self._nodes[node] = f"<{self.base}{self.path(node)}>"
        return iri

    def citation(self, item: str, policy: str, start: int) -> str:
        """Derived from item, policy and offset, so the same mention gets the same IRI in every run (no `<>`)."""
        return f"{self.base}{self.path(item)}/cite/{int(start)}/{self.path(policy)}"

    def dataset(self) -> str:
        return f"<{self.base}dataset>"

    def publisher(self) -> str:
        return f"<{self.base}publisher>"


def _url(text: str) -> str | None:
    """A web source as an IRI (percent-encoding what IRIREF forbids), or None for a local file."""
    if not _URL.fullmatch(text.strip()):
        return None
    return "<" + quote(text.strip(), safe=":/?#[]@!$&'()*+,;=%~-._") + ">"


def _file_name(path: str) -> str:
    """Only the name of a local file: where it sat on someone's disk is no part of open data."""
    return re.split(r"[\\/]", path)[-1]


# ---------------------------------------------------------------------------------------------------------------
# Nodes
# ---------------------------------------------------------------------------------------------------------------


def _level(block: _Block, attrs: dict) -> None:
    """The level, when the node has one; a missing level is left missing for the SHACL shapes to catch."""
    if attrs.get("level"):
        block[LEVEL].add(LEVELS[Level(attrs["level"]).value])


def _level_source(block: _Block, attrs: dict) -> None:
    if attrs.get("level_source"):
        block[LEVEL_SOURCE].add(LEVEL_SOURCES[LevelSource(attrs["level_source"]).value])


def _document(block: _Block, attrs: dict) -> None:
    title = attrs.get("title", "")
    # An untitled plan is labelled with its file stem, which is no Chinese text.
    block[LABEL].add(_zh(title) if title else _quoted(attrs["label"]))
    if title:
        block[TITLE].add(_zh(title))
    block[IDENTIFIER].add(_quoted(attrs["doc"]))
    _level(block, attrs)
    if date := _date(attrs.get("date") or ""):
        block[DATE].add(date)
    if attrs.get("year") and (year := _year(attrs["year"])):
        block[YEAR].add(year)
    source = attrs.get("source") or ""
    if url := _url(source):
        block[SOURCE].add(url)
    elif source:
        block[SOURCE_FILE].add(_quoted(_file_name(source)))


def _section(block: _Block, attrs: dict) -> None:
    block[LABEL].add(_zh(attrs["label"]))
    block[ORDER].add(_integer(attrs["order"]))
    if attrs.get("heading"):
        block[HEADING].add(_zh(attrs["heading"]))


def _work_item(block: _Block, attrs: dict) -> None:
    block[LABEL].add(_zh(attrs["label"]))
    block[ITEM_LABEL].add(_quoted(str(attrs["item"])))
    block[ORDER].add(_integer(attrs["order"]))
    if attrs.get("heading"):
        block[HEADING].add(_zh(attrs["heading"]))
    if attrs.get("text"):
        block[TEXT].add(_zh(attrs["text"]))
    block[KEYWORD].update(_zh(keyword) for keyword in attrs.get("keywords", ()))


def _cited_work(block: _Block, attrs: dict) -> None:
    """What a Policy and a Meeting share: names, identity, level, years, how often cited."""
    block[LABEL].add(_zh(attrs["label"]))
    block[ALT_LABEL].update(_zh(alias) for alias in attrs.get("aliases", ()) if alias != attrs["label"])
    block[IDENTIFIER].add(_quoted(attrs["policy_id"]))
    if attrs.get("key"):
        block[KEY].add(_quoted(attrs["key"]))
    _level(block, attrs)
    _level_source(block, attrs)
    block[YEAR].update(year for year in map(_year, attrs.get("years", ())) if year)
    if "cited" in attrs:
        block[CITED_COUNT].add(_integer(attrs["cited"]))


def _policy(block: _Block, attrs: dict) -> None:
    _cited_work(block, attrs)
    block[TITLE].add(_zh(attrs.get("title") or attrs["label"]))
    if attrs.get("doc_kind"):
        block[DOCUMENT_KIND].add(_zh(attrs["doc_kind"]))
    if attrs.get("doc_number"):
        block[DOCUMENT_NUMBER].add(_quoted(attrs["doc_number"]))


def _organization(block: _Block, attrs: dict) -> None:
    block[LABEL].add(_zh(attrs["label"]))
    block[ALT_LABEL].update(_zh(alias) for alias in attrs.get("aliases", ()))
    _level(block, attrs)


def _jurisdiction(block: _Block, attrs: dict) -> None:
    block[LABEL].add(_zh(attrs["label"]))
    block[IDENTIFIER].add(_quoted(attrs["code"]))
    _level(block, attrs)


_NODE_WRITERS: dict[str, Callable[[_Block, dict], None]] = {
    NodeType.DOCUMENT.value: _document,
    NodeType.SECTION.value: _section,
    NodeType.WORK_ITEM.value: _work_item,
    NodeType.POLICY.value: _policy,
    NodeType.MEETING.value: _cited_work,
    NodeType.ORGANIZATION.value: _organization,
    NodeType.JURISDICTION.value: _jurisdiction,
}


def _is_mention(graph: nx.MultiDiGraph, source: str, attrs: dict) -> bool:
    """A WorkItem→Policy/Meeting edge with its evidence (a Policy→Policy IMPLEMENTS is a plain link)."""
    return graph.nodes[source].get("type") == NodeType.WORK_ITEM.value and attrs.get("type") in RELATIONS


def _typed(graph: nx.MultiDiGraph, node: str) -> bool:
    """Whether the graph describes the node.  networkx creates an empty node for an edge to an unknown one
    (a policy whose title another names but that no mention resolves to): there is nothing to say about it."""
    return bool(graph.nodes[node].get("type"))


def _node_block(graph: nx.MultiDiGraph, iris: _Iris, node: str) -> _Block:
    attrs = graph.nodes[node]
    block: _Block = defaultdict(set)
    block[A].update(CLASSES[attrs["type"]])
    _NODE_WRITERS[attrs["type"]](block, attrs)
    for _, target, edge in graph.out_edges(node, data=True):
        if not _typed(graph, target):
            continue
        if _is_mention(graph, node, edge):
            block[RELATIONS[edge["type"]]].add(iris.node(target))
        elif edge.get("type") in LINKS:
            block[LINKS[edge["type"]]].add(iris.node(target))
        else:
            raise ValueError(f"edge {node} → {target}: unknown type {edge.get('type')!r}")
    return block


# ---------------------------------------------------------------------------------------------------------------
# Mentions: one pkg:Citation each, with an oa:SpecificResource target and two selectors
# ---------------------------------------------------------------------------------------------------------------


def _citation_block(iris: _Iris, cite: str, mentions: list[tuple[str, str, dict]]) -> _Block:
    block: _Block = defaultdict(set)
    block[A].update(CITATION_CLASSES)
    for item, policy, edge in mentions:
        block[CITING].add(iris.node(item))
        block[CHARACTERIZATION].add(RELATIONS[edge["type"]])
        block[CITED].add(iris.node(policy))
        block[BODY].add(iris.node(policy))
        block[MOTIVATION].add(IDENTIFYING)  # the quoted span identifies the policy
        block[TARGET].add(f"<{cite}#target>")
        block[DERIVED_FROM].add(iris.node(document_node(edge["doc"])))
        _level_source(block, edge)
        for predicate, key in ((CITED_TITLE, "title"), (TRIGGER, "trigger"), (SENTENCE, "sentence")):
            if edge.get(key):
                block[predicate].add(_zh(edge[key]))
        if edge.get("tier"):
            block[TIER].add(_quoted(edge["tier"]))
    return block


def _target_block(iris: _Iris, cite: str, mentions: list[tuple[str, str, dict]]) -> _Block:
    block: _Block = defaultdict(set)
    block[A].add(SPECIFIC_RESOURCE)
    for _, _, edge in mentions:
        block[HAS_SOURCE].add(iris.node(document_node(edge["doc"])))
    block[SELECTOR].update((f"<{cite}#position>", f"<{cite}#quote>"))
    return block


def _position_block(mentions: list[tuple[str, str, dict]]) -> _Block:
    block: _Block = defaultdict(set)
    block[A].add(POSITION_SELECTOR)
    for _, _, edge in mentions:
        block[START].add(_integer(edge["start"]))  # code-point offsets into the plan's text
        block[END].add(_integer(edge["end"]))
    return block


def _quote_block(mentions: list[tuple[str, str, dict]]) -> _Block:
    block: _Block = defaultdict(set)
    block[A].add(QUOTE_SELECTOR)
    for _, _, edge in mentions:
        block[EXACT].add(_quoted(edge["surface"]))  # the characters as in the text: a plain string, no language
    return block


# ---------------------------------------------------------------------------------------------------------------
# The dataset
# ---------------------------------------------------------------------------------------------------------------

DATASET_DEFAULTS = {
    "title": "Policy references in Chinese government work plans",
    "title_zh": "政府工作计划政策引用知识图谱",
    "description": "Work plans, their work items and the policies and meetings the items implement, issue, revise "
    "or cite, with the text evidence of every mention.",
    "license": CC_BY_4,
    "publisher": "policykg",
    "publisher_iri": "",  # default: <base>publisher, described in the data
    "issued": "",  # default: the latest date of a document, so that the output does not change with the day
}


def dataset_settings(dataset: dict | None, dates: Iterable[str]) -> dict:
    """DATASET_DEFAULTS overridden by `dataset`, checked; `issued` defaults to the latest of the documents' `dates`."""
    unknown = set(dataset or {}) - set(DATASET_DEFAULTS)
    if unknown:
        raise ValueError(f"unknown dataset settings {sorted(unknown)}; known: {sorted(DATASET_DEFAULTS)}")
    settings = {**DATASET_DEFAULTS, **(dataset or {})}
    if not settings["issued"]:
        settings["issued"] = max((d for d in dates if d and _date(d)), default="")  # ISO dates sort as text
    elif not _date(settings["issued"]):
        raise ValueError(f"dataset issued must be an ISO date (YYYY-MM-DD), not {settings['issued']!r}")
    for key in ("license", "publisher_iri"):
        if settings[key] and not _ABSOLUTE_IRI.fullmatch(settings[key]):
            raise ValueError(f"dataset {key} must be an absolute ASCII IRI, not {settings[key]!r}")
    return settings


def _documents(graph: nx.MultiDiGraph) -> Iterator[tuple[str, dict]]:
    return ((n, a) for n, a in graph.nodes(data=True) if a.get("type") == NodeType.DOCUMENT.value)


def _dataset_block(iris: _Iris, settings: dict, documents: Iterable[str]) -> _Block:
    block: _Block = defaultdict(set)
    block[A].add(DATASET)
    block[DATASET_TITLE].update((_en(settings["title"]), _zh(settings["title_zh"])))
    block[DESCRIPTION].add(_en(settings["description"]))
    block[LICENSE].add(f"<{settings['license']}>")
    if settings["issued"]:
        block[ISSUED].add(_date(settings["issued"]))
    block[PUBLISHER].add(f"<{settings['publisher_iri']}>" if settings["publisher_iri"] else iris.publisher())
    block[CONFORMS_TO].add(f"<{ONTOLOGY_IRI}>")
    block[LANGUAGE].add("<http://id.loc.gov/vocabulary/iso639-1/zh>")
    block[SOURCE].update(iris.node(node) for node in documents)
    return block


def _publisher_block(settings: dict) -> _Block:
    return {A: {AGENT}, NAME: {_quoted(settings["publisher"])}}


# ---------------------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------------------


def _subjects(graph: nx.MultiDiGraph, iris: _Iris) -> list[tuple[str, Callable[[], _Block]]]:
    """Every subject a part describes (not the nodes it leaves to other parts), with the function
    that produces its triples: sorted first, produced one at a time."""
    external = graph.graph.get(EXTERNAL, ())
    subjects: list[tuple[str, Callable[[], _Block]]] = []
    for node, attrs in graph.nodes(data=True):
        if not attrs.get("type") or node in external:
            continue
        if attrs["type"] not in _NODE_WRITERS:
            raise ValueError(f"node {node}: unknown type {attrs['type']!r}")
        subjects.append((iris.node(node), partial(_node_block, graph, iris, node)))
    citations: dict[str, list[tuple[str, str, dict]]] = defaultdict(list)
    for item, policy, edge in graph.edges(data=True):
        if _is_mention(graph, item, edge) and _typed(graph, policy):
            citations[iris.citation(item, policy, edge["start"])].append((item, policy, edge))
    for cite, mentions in citations.items():
        subjects += [
            (f"<{cite}>", partial(_citation_block, iris, cite, mentions)),
            (f"<{cite}#position>", partial(_position_block, mentions)),
            (f"<{cite}#quote>", partial(_quote_block, mentions)),
            (f"<{cite}#target>", partial(_target_block, iris, cite, mentions)),
        ]
    subjects.sort(key=lambda subject: subject[0][1:-1])  # by the IRI itself: a citation before its #parts
    return subjects


def _write_block(out: TextIO, subject: str, block: _Block) -> int:
    """`<s> p o1, o2 ;\n    p2 o3 .` with predicates in PREDICATE_ORDER and objects sorted; the triple count."""
    predicates = sorted((p for p in block if block[p]), key=lambda p: (_RANK.get(p, len(_RANK)), p))
    lines = [f"{p} {', '.join(sorted(block[p]))}" for p in predicates]
    out.write(f"{subject} " + " ;\n    ".join(lines) + " .\n\n")
    return sum(len(block[p]) for p in predicates)


def _header() -> str:
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in PREFIXES) + "\n"


def write_part(graph: nx.MultiDiGraph, out: TextIO, *, base: str = DEFAULT_BASE) -> int:
    """The subjects a part describes, as Turtle without prefixes, to `out`; the number of triples."""
    iris = _Iris(base)  # one part's IRIs: a cache for the whole corpus would grow with it
    count = 0
    for subject, produce in _subjects(graph, iris):
        try:
            block = produce()
        except (KeyError, ValueError) as error:  # say which node broke the contract of graph/build.py
            raise ValueError(f"cannot write {subject}: {error!r}") from error
        count += _write_block(out, subject, block)
    return count


class TurtleStream:
    """Turtle written part by part (graph/build.py, EXTERNAL): the prefixes, each part's subjects
    sorted, then the DCAT description of the dataset.  Nothing of a part is kept once it is written."""

    def __init__(self, out: TextIO, *, base: str = DEFAULT_BASE):
        self.out = out
        self.base = _check_base(base)
        self.triples = 0
        out.write(_header())

    def part(self, graph: nx.MultiDiGraph) -> None:
        self.triples += write_part(graph, self.out, base=self.base)

    def written(self, text: str, triples: int) -> None:
        """A part written elsewhere by write_part (a worker's), with its triple count."""
        self.out.write(text)
        self.triples += triples

    def dataset(self, settings: dict, documents: Iterable[str]) -> None:
        """The dcat:Dataset (`settings` from dataset_settings) with every document node as a source."""
        iris = _Iris(self.base)
        self.triples += _write_block(self.out, iris.dataset(), _dataset_block(iris, settings, documents))
        if not settings["publisher_iri"]:
            self.triples += _write_block(self.out, iris.publisher(), _publisher_block(settings))


def write_turtle(graph: nx.MultiDiGraph, out: TextIO, *, base: str = DEFAULT_BASE, dataset: dict | None = None) -> int:
    """Write the whole graph and its DCAT description as Turtle to the text stream `out`; the number of triples.

    `base` is where the data's IRIs live (an absolute ASCII IRI ending in /).  `dataset` overrides
    DATASET_DEFAULTS (title, title_zh, description, license, publisher, publisher_iri, issued).  The same graph
    gives the same bytes: subjects sorted, predicates in a fixed order, objects sorted, no clock read.
    """
    documents = sorted(node for node, _ in _documents(graph))
    settings = dataset_settings(dataset, (graph.nodes[node].get("date") or "" for node in documents))
    stream = TurtleStream(out, base=base)
    stream.part(graph)
    stream.dataset(settings, documents)
    return stream.triples


def turtle(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE, dataset: dict | None = None) -> tuple[str, int]:
    """The Turtle text of the graph and its triple count."""
    buffer = io.StringIO()
    count = write_turtle(graph, buffer, base=base, dataset=dataset)
    return buffer.getvalue(), count


def to_rdflib(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE, dataset: dict | None = None) -> rdflib.Graph:
    """The graph as an rdflib Graph (the Turtle of write_turtle, parsed), for SPARQL, validation and tests."""
    text, _ = turtle(graph, base=base, dataset=dataset)
    rdf = rdflib.Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES:
        rdf.bind(prefix, namespace, override=True)
    return rdf.parse(data=text, format="turtle")


def write_jsonld(graph: nx.MultiDiGraph, out: TextIO, *, base: str = DEFAULT_BASE, dataset: dict | None = None) -> int:
    """Write the same triples as JSON-LD (compacted with the Turtle's prefixes) to `out`; the number of triples.

    rdflib orders nodes and values by hash, which changes between processes, so the document is put in a
    canonical order before it is written: nodes by @id, keys sorted, each property's values sorted.
    """
    rdf = to_rdflib(graph, base=base, dataset=dataset)
    context = dict(PREFIXES)
    document = json.loads(rdf.serialize(format="json-ld", context=context, auto_compact=True))
    text = json.dumps(_canonical(document), ensure_ascii=False, indent=2, sort_keys=True)
    # JSON-LD is often embedded in an HTML <script> element, where "</script>" in a title would end it.
    out.write(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n")
    return len(rdf)


def _canonical(value):
    """The JSON-LD value with every array in a canonical order (none of them is an @list: order is free)."""
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


# ---------------------------------------------------------------------------------------------------------------
# The ontology and the shapes, as installed with the package
# ---------------------------------------------------------------------------------------------------------------


def ontology_text(name: str = "policykg.ttl") -> str:
    """The text of a Turtle file shipped in the `ontology` package: policykg.ttl or shapes.ttl."""
    return resources.files("ontology").joinpath(name).read_text(encoding="utf-8")


def ontology_graph() -> rdflib.Graph:
    """The OWL ontology (ontology/policykg.ttl)."""
    return rdflib.Graph().parse(data=ontology_text("policykg.ttl"), format="turtle")


def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes a valid export conforms to (ontology/shapes.ttl)."""
    return rdflib.Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")
