"""Turtle export throughput against rdflib's own serializer on the same graph, in one run.

    .venv/bin/python bench/turtle_export.py [--copies 40] [--largest 400]

The graph is the seed plan extracted under `copies` document names (each copy its own document,
items and citations; the policies shared), about 2,000 triples a copy.  graph.rdf.write_turtle
writes it; rdflib serializes the same triples (parsed once, outside the timing) with its Turtle
serializer.  Printed: triples/s of both and the ratio (asked: ≥ 5×), then the time write_turtle
takes for the largest graph (`largest` copies; asked: within 60 s).
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seed_graph(copies: int):
    from extractors.pipeline import extract_text, resolve
    from graph.build import build_graph

    text = (ROOT / "data" / "000_2459ef0d93ff34f6.txt").read_text(encoding="utf-8")
    extractions, policies = resolve([extract_text(text, doc=f"seed{i:05d}") for i in range(copies)])
    from extractors.pipeline import Corpus

    corpus = Corpus(
        documents=[e.document for e in extractions],
        mentions=[m for e in extractions for m in e.mentions],
        policies=policies,
    )
    return build_graph(corpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--largest", type=int, default=400)
    args = parser.parse_args()

    import rdflib

    from graph.rdf import write_turtle

    graph = seed_graph(args.copies)
    buffer = io.StringIO()
    started = time.perf_counter()
    triples = write_turtle(graph, buffer)
    ours = time.perf_counter() - started
    parsed = rdflib.Graph().parse(data=buffer.getvalue(), format="turtle")
    started = time.perf_counter()
    parsed.serialize(format="turtle")
    theirs = time.perf_counter() - started
    print(f"graph: {args.copies} documents, {triples:,} triples (rdflib parsed {len(parsed):,})")
    print(f"write_turtle:       {triples / ours:12,.0f} triples/s  ({ours:.2f} s)")
    print(f"rdflib serializer:  {triples / theirs:12,.0f} triples/s  ({theirs:.2f} s)")
    print(f"ratio:              {theirs / ours:12.1f}×  (asked: ≥ 5×)")

    large = seed_graph(args.largest)
    started = time.perf_counter()
    with open("/dev/null", "w", encoding="utf-8") as sink:
        triples = write_turtle(large, sink)
    seconds = time.perf_counter() - started
    print(f"largest graph: {args.largest} documents, {triples:,} triples written in {seconds:.1f} s (asked: ≤ 60 s)")


if __name__ == "__main__":
    main()
