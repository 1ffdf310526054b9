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
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from extractors.corpus import extract_corpus
from extractors.pipeline import Corpus
from graph.build import build_graph, document_node
from graph.report import Summary, format_summary, summarize
from ontology.vocabulary import NodeType, Relation

DEFAULT_BASE = "https://w3id.org/policykg/"
# Up to this many documents a build writes every view and JSON-LD; beyond, see write_outputs.
SMALL_CORPUS = 200
CACHE = ".cache"  # per-document extractions, beside the outputs
OUTPUTS = ("graph.ttl", "graph.jsonld", "graph.json", "mentions.jsonl", "report.md", "map.html", "maps")


class NothingToBuild(Exception):
    """No document in the input could be read."""


@dataclass
class BuildResult:
    out: Path
    corpus: Corpus
    graph: nx.MultiDiGraph
    summary: Summary
    triples: int = 0
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
    kept in `out/.cache` and reused while the file and the extractor are unchanged.
    """
    out = Path(out)
    options = {"progress": progress} if progress else {}
    corpus = extract_corpus(
        paths,
        on_error,
        keywords=keywords,
        workers=workers or os.cpu_count() or 1,
        cache_dir=out / CACHE if cache else None,
        **options,
    )
    if not corpus.documents:
        raise NothingToBuild("no readable document in the input")
    graph = build_graph(corpus)
    result = BuildResult(out, corpus, graph, summarize(graph))
    with staging_directory(out) as stage:
        result.triples = write_outputs(corpus, graph, result.summary, stage, base=base, full=full)
    result.files = [out / name for name in OUTPUTS if (out / name).exists()]
    return result


def write_outputs(
    corpus: Corpus, graph: nx.MultiDiGraph, summary: Summary, stage: Path, *, base: str, full: bool = False
) -> int:
    """Every output into `stage`.  A large corpus gets the whole-corpus map only (a page per
    document and per policy would be gigabytes) and no JSON-LD (rdflib holds every triple in
    memory to write it), unless `full`; the Turtle file has every triple either way."""
    from graph.rdf import write_jsonld, write_turtle
    from visualizations.maps import write_corpus_map, write_maps

    small = len(corpus.documents) <= SMALL_CORPUS
    dataset = dataset_description(corpus)
    with (stage / "graph.ttl").open("w", encoding="utf-8", newline="\n") as f:
        triples = write_turtle(graph, f, base=base, dataset=dataset)
    if small or full:
        with (stage / "graph.jsonld").open("w", encoding="utf-8", newline="\n") as f:
            write_jsonld(graph, f, base=base, dataset=dataset)
    save_graph(graph, stage / "graph.json")
    with (stage / "mentions.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for mention in corpus.mentions:
            f.write(json.dumps(mention.to_json(), ensure_ascii=False) + "\n")
    (stage / "report.md").write_text(format_summary(summary), encoding="utf-8")
    if small or full:
        texts, spans = reading_material(graph)
        write_maps(graph, stage, texts=texts, spans=spans)
    else:
        write_corpus_map(graph, stage / "map.html")
    return triples


def dataset_description(corpus: Corpus) -> dict:
    """What the DCAT record says; dated by the newest document, so a rebuild is byte-identical."""
    dates = sorted(d.date for d in corpus.documents if d.date)
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


# ----------------------------------------------------------------------- graph.json


def save_graph(graph: nx.MultiDiGraph, path: Path) -> None:
    """The graph as node-link JSON, nodes and links sorted: the same graph gives the same bytes."""
    data = nx.node_link_data(graph, edges="links")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["links"] = sorted(data["links"], key=lambda e: (e["source"], e["target"], str(e["key"])))
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")


def load_graph_file(path: str | Path) -> nx.MultiDiGraph:
    """A graph written by `build` (out/graph.json), or the graph.json inside an output directory."""
    path = Path(path)
    if path.is_dir():
        path = path / "graph.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


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
