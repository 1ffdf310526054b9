"""`policykg build`: documents → every output a user loads, in one directory, written atomically.

    out/graph.ttl       the graph and its DCAT description, Turtle (open data)
    out/graph.jsonld    the same triples as JSON-LD
    out/graph.json      the networkx graph (node-link JSON): what `stats`, `load` and `map` read back
    out/mentions.jsonl  every mention with its evidence (the gold files' fields)
    out/report.md       documents, items, mentions, policies by level, most cited, items without basis
    out/map.html, out/maps/   the interactive maps

Everything is written into a staging directory beside `out` and moved into place only when all of
it is written, so a failed build leaves the previous outputs as they were, and nothing of a
document removed from the input survives the next build.

The build streams (extractors/corpus.py has pass one): each document's part of the graph is
resolved, built and rendered on its own (in a worker, for a large corpus) and written before the
next; the policies follow in parts from a PolicyTable, then the bodies and places.  Turtle
(graph.rdf.TurtleStream), graph.json (NodeLinkStream) and the report (graph.report.Tally) are all
written part by part, so memory holds one entry per distinct policy, not the graph.
"""

from __future__ import annotations

import heapq
import io
import itertools
import json
import multiprocessing
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from extractors.corpus import Outcome, ScannedCorpus, scan_corpus
from extractors.identity import PolicyTable
from extractors.pipeline import Extraction
from graph.build import (
    document_graph,
    document_node,
    merge_part,
    places_and_bodies_graph,
    policies_graph,
    referenced_places_and_bodies,
)
from graph.graphfile import NodeLinkStream, node_link_lines
from graph.report import PartCounts, Summary, Tally, count_part, format_summary
from ontology.vocabulary import NodeType, Relation

DEFAULT_BASE = "https://w3id.org/policykg/"
# Up to this many documents a build keeps the whole graph in memory and writes every view and
# JSON-LD; beyond, it streams (see write_outputs).
SMALL_CORPUS = 200
CACHE = ".cache"  # per-document extractions, beside the outputs
OUTPUTS = ("graph.ttl", "graph.jsonld", "graph.json", "mentions.jsonl", "report.md", "map.html", "maps")
# Policies described per part when they are written out: enough to keep writing fast, few enough
# that a part stays small whatever the corpus.
POLICIES_PER_PART = 2000
# How many policies a large corpus's map draws: the most cited, with their bodies and places.
MAP_POLICIES = 1500


class NothingToBuild(Exception):
    """No document in the input could be read."""


@dataclass
class BuildResult:
    out: Path
    summary: Summary
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    mentions: int = 0  # lines of mentions.jsonl
    triples: int = 0
    graph: nx.MultiDiGraph | None = None  # the whole graph, kept only for a small corpus (or `full`)
    files: list[Path] = field(default_factory=list)


def build(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    base: str = DEFAULT_BASE,
    keywords: bool = True,
    on_error: Callable[[str, str], None] | None = None,
    progress: Callable | None = None,
    workers: int = 0,
    cache: bool = True,
    full: bool = False,
) -> BuildResult:
    """Extract, resolve, build the graph and write every output for the documents under `paths`.

    Extraction runs on `workers` processes (0: every core); with `cache`, per-document results are
    kept in `out/.cache` and reused while the file and the extractor are unchanged (without, they
    are spooled in the staging directory).  Documents are then resolved, turned into graph parts
    and written one at a time, so memory does not grow with the number of documents.
    """
    out = Path(out)
    workers = workers or os.cpu_count() or 1
    with staging_directory(out) as stage:
        scanned = scan_corpus(
            paths,
            on_error,
            keywords=keywords,
            progress=progress,
            workers=workers,
            store=out / CACHE if cache else stage / ".spool",
        )
        if not scanned.documents:
            raise NothingToBuild("no readable document in the input")
        result = write_outputs(scanned, stage, base=base, full=full, workers=workers, on_error=on_error)
    result.out = out
    result.files = [out / name for name in OUTPUTS if (out / name).exists()]
    return result


def write_outputs(
    scanned: ScannedCorpus,
    stage: Path,
    *,
    base: str,
    full: bool = False,
    workers: int = 1,
    on_error: Callable[[str, str], None] | None = None,
) -> BuildResult:
    """Every output into `stage`, part by part: each document's part as it is resolved (on
    `workers` processes for a large corpus), then the policies a few thousand at a time, then the
    bodies and places they all name.

    A small corpus (or with `full`) is also merged into one graph in memory, for JSON-LD (rdflib
    holds every triple to write it) and a map page per document and policy.  A large one gets a
    corpus map of its most cited policies instead: a page per document would be gigabytes.
    """
    from graph.rdf import TurtleStream, dataset_settings, write_jsonld

    whole = nx.MultiDiGraph() if full or len(scanned.documents) <= SMALL_CORPUS else None
    failures = list(scanned.failures)
    table = PolicyTable()
    documents: list[str] = []
    dates: list[str] = []
    bodies: set[str] = set()
    places: set[str] = set()
    mentions = 0
    with ExitStack() as stack:
        turtle = TurtleStream(_text_file(stack, stage / "graph.ttl"), base=base)
        node_link = stack.enter_context(NodeLinkStream(stage / "graph.json"))
        mention_lines = _text_file(stack, stage / "mentions.jsonl")
        tally = stack.enter_context(Tally())

        def publish(part: nx.MultiDiGraph) -> None:
            turtle.part(part)
            node_link.part(part)
            tally.add(part)
            if whole is not None:
                merge_part(whole, part)

        for rendered in rendered_documents(scanned, base=base, keep=whole is not None, workers=workers):
            if isinstance(rendered, RenderFailure):
                failures.append((rendered.path, rendered.reason))
                if on_error:
                    on_error(rendered.path, rendered.reason)
                continue
            turtle.written(rendered.turtle, rendered.triples)
            node_link.written(rendered.nodes, rendered.links)
            mention_lines.writelines(line + "\n" for line in rendered.mentions)
            mentions += len(rendered.mentions)
            tally.merge(rendered.counts)
            table.merge(rendered.policies)
            if whole is not None:
                merge_part(whole, rendered.part)
            documents.append(rendered.node)
            dates.append(rendered.date)
            _gather(rendered.bodies_and_places, bodies, places)
        scanned.index = None  # resolved: free it before the policies are written
        for chunk in _batches(table.policies(), POLICIES_PER_PART):
            _gather(referenced_places_and_bodies([], chunk), bodies, places)
            publish(policies_graph(chunk, {p.id: table.cited(p.key)[0] for p in chunk}, table.level))
        publish(places_and_bodies_graph(bodies, places))
        settings = dataset_settings(dataset_description(dates), dates)
        turtle.dataset(settings, documents)
        summary = tally.finish()
    (stage / "report.md").write_text(format_summary(summary), encoding="utf-8")
    if whole is not None:
        with (stage / "graph.jsonld").open("w", encoding="utf-8", newline="\n") as f:
            write_jsonld(whole, f, base=base, dataset=settings)
        _write_maps(whole, stage)
    else:
        _write_digest_map(table, summary, stage)
    return BuildResult(stage, summary, failures, mentions, turtle.triples, whole)


@dataclass
class RenderedDocument:
    """One document's part of the graph, written out where it was built (in a worker, for a large
    corpus), with what the whole corpus needs to know of it."""

    node: str  # its Document node
    date: str
    turtle: str  # its subjects, as graph.rdf.write_part writes them
    triples: int
    nodes: list[str]  # node-link JSON, as node_link_lines gives them
    links: list[str]
    mentions: list[str]  # mentions.jsonl lines
    counts: PartCounts  # for the report
    policies: PolicyTable  # what its mentions say of the policies they name
    bodies_and_places: tuple[set[str], set[str]]  # the bodies and places it names
    part: nx.MultiDiGraph | None = None  # the part itself, when the whole graph is kept


def render_document(extraction: Extraction, *, base: str, keep: bool = False) -> RenderedDocument:
    """A resolved document's part of the graph, built and written out."""
    from graph.rdf import write_part

    document = extraction.document
    part = document_graph(document, extraction.mentions)
    turtle = io.StringIO()
    triples = write_part(part, turtle, base=base)
    nodes, links = node_link_lines(part)
    policies = PolicyTable()
    policies.add(extraction.mentions)
    return RenderedDocument(
        node=document_node(document.doc),
        date=document.date,
        turtle=turtle.getvalue(),
        triples=triples,
        nodes=nodes,
        links=links,
        mentions=[json.dumps(m.to_json(), ensure_ascii=False) for m in extraction.mentions],
        counts=count_part(part),
        policies=policies,
        bodies_and_places=referenced_places_and_bodies([document], []),
        part=part if keep else None,
    )


# What a worker of rendered_documents reads: set before its processes fork, so that each
# inherits the corpus index instead of receiving a copy of it.
_RENDERING: tuple[ScannedCorpus, str] | None = None
_CHUNK = 8  # documents per task


@dataclass(frozen=True)
class RenderFailure:
    """A document whose part could not be built: a fault of ours, reported like a bad file."""

    path: str
    reason: str


def rendered_documents(
    scanned: ScannedCorpus, *, base: str, keep: bool = False, workers: int = 1
) -> Iterator[RenderedDocument | RenderFailure]:
    """Each document of pass one resolved and rendered, in input order; on `workers` processes
    unless the parts are kept (a small corpus) or there are too few documents to share."""
    if keep or workers == 1 or len(scanned.documents) < 2 * _CHUNK:
        for outcome in scanned.documents:
            yield _render(scanned, outcome, base, keep)
        return
    global _RENDERING
    _RENDERING = (scanned, base)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_render_in_worker, scanned.documents, chunksize=_CHUNK)
    finally:
        _RENDERING = None


def _render(scanned: ScannedCorpus, outcome: Outcome, base: str, keep: bool) -> RenderedDocument | RenderFailure:
    try:
        return render_document(scanned.resolve(outcome), base=base, keep=keep)
    except Exception as error:  # noqa: BLE001 - a fault met in one document must not stop a corpus
        reason = f"building its graph failed ({type(error).__name__}: {error}); please report this file"
        return RenderFailure(str(outcome.path), reason)


def _render_in_worker(outcome: Outcome) -> RenderedDocument | RenderFailure:
    scanned, base = _RENDERING
    return _render(scanned, outcome, base, keep=False)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _text_file(stack: ExitStack, path: Path):
    return stack.enter_context(path.open("w", encoding="utf-8", newline="\n"))


def _gather(found: tuple[set[str], set[str]], bodies: set[str], places: set[str]) -> None:
    bodies |= found[0]
    places |= found[1]


def _write_maps(graph: nx.MultiDiGraph, stage: Path) -> None:
    from visualizations.maps import write_maps

    texts, spans = reading_material(graph)
    write_maps(graph, stage, texts=texts, spans=spans)


def _write_digest_map(table: PolicyTable, summary: Summary, stage: Path) -> None:
    """map.html for a large corpus: its MAP_POLICIES most cited policies and meetings, with the
    bodies that issued them and their places, and a note of everything else the corpus holds."""
    from visualizations.maps import write_corpus_map

    top = set(heapq.nlargest(MAP_POLICIES, table.keys(), key=lambda key: (*table.cited(key)[::-1], key)))
    policies = [p for p in table.policies() if p.key in top]
    graph = nx.MultiDiGraph()
    merge_part(graph, places_and_bodies_graph(*referenced_places_and_bodies([], policies)))
    level_of = {p.key: p.level for p in policies}.get
    merge_part(graph, policies_graph(policies, {p.id: table.cited(p.key)[0] for p in policies}, level_of))
    left_out = Counter(
        {
            NodeType.DOCUMENT.value: summary.documents,
            NodeType.SECTION.value: summary.sections,
            NodeType.WORK_ITEM.value: summary.items,
            NodeType.POLICY.value: sum(summary.policies_by_level.values()) + summary.meetings - len(policies),
        }
    )
    write_corpus_map(graph, stage / "map.html", left_out=left_out)


def dataset_description(dates: Iterable[str]) -> dict:
    """What the DCAT record says; dated by the newest document, so a rebuild is byte-identical."""
    dates = sorted(d for d in dates if d)
    return {
        "title": "Policy references of Chinese government work plans",
        "title_zh": "政府工作计划政策引用知识图谱",
        "issued": dates[-1] if dates else "",
    }


def reading_material(graph: nx.MultiDiGraph) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """Each document's text and its citations as spans, for the maps' reading view."""
    texts = {n: d.get("text", "") for n, d in graph.nodes(data=True) if d.get("type") == NodeType.DOCUMENT.value}
    spans: dict[str, list[dict]] = {node: [] for node in texts}
    citations = {r.neo4j_type: r.value for r in Relation}
    for _, target, data in graph.edges(data=True):
        if data.get("type") in citations and "start" in data:
            policy = graph.nodes[target]
            spans[document_node(data["doc"])].append(
                {
                    "start": data["start"],
                    "end": data["end"],
                    "policy_node": target,
                    "level": policy.get("level", "unknown"),
                    "relation": citations[data["type"]],
                    "title": data.get("title") or policy.get("title", ""),
                }
            )
    for node_spans in spans.values():
        node_spans.sort(key=lambda span: (span["start"], span["end"], span["policy_node"]))
    return texts, spans


# ------------------------------------------------------------------------- staging


@contextmanager
def staging_directory(out: Path) -> Iterator[Path]:
    """A fresh directory beside `out`; when the block succeeds its entries replace those in `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    try:
        yield stage
        out.mkdir(exist_ok=True)
        for name in OUTPUTS:
            _replace(stage / name, out / name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _replace(new: Path, old: Path) -> None:
    """Move `new` over `old` (a file atomically; a directory by moving the old one aside first)."""
    if new.is_dir():
        if old.exists():
            aside = old.with_name(f".{old.name}.old-{os.getpid()}")
            old.rename(aside)
            new.rename(old)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            new.rename(old)
    elif new.exists():
        os.replace(new, old)
    elif old.exists():
        old.unlink() if old.is_file() else shutil.rmtree(old)
