"""The `policykg` command.  Each sub-command parses its arguments and calls one library function.

Exit codes: 0 all went well; 1 some input could not be read (the rest was processed and written);
2 nothing usable (bad arguments, no readable document, an output that could not be written).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from extractors.corpus import extract_corpus
from extractors.pipeline import Corpus
from graph.build import build_graph
from graph.evaluation import evaluate, format_report, read_mentions
from graph.graphfile import load_graph_file, read_graph_outline, read_graph_records
from graph.publish import DEFAULT_BASE, NothingToBuild, build, reading_material
from graph.report import SUMMARY_LINK_FIELDS, SUMMARY_NODE_FIELDS, format_summary, summarize

OK, SOME_FAILED, FAILED = 0, 1, 2


def _say_failure(path: str, reason: str) -> None:
    print(f"policykg: {path}: {reason}", file=sys.stderr)


def _extract(paths: list[str]) -> Corpus:
    return extract_corpus(paths, on_error=_say_failure)


def _exit_code(corpus: Corpus) -> int:
    if not corpus.documents:
        print("policykg: no readable document in the input", file=sys.stderr)
        return FAILED
    return SOME_FAILED if corpus.failures else OK


TABLE_COLUMNS = ("doc", "item", "relation", "level", "level_source", "tier", "kind", "title", "issuers", "policy_id")


def cmd_extract(args) -> int:
    corpus = _extract(args.paths)
    out = sys.stdout
    if args.format == "jsonl":
        for mention in corpus.mentions:
            out.write(json.dumps(mention.to_json(), ensure_ascii=False) + "\n")
    else:
        out.write("\t".join(TABLE_COLUMNS) + "\n")
        for mention in corpus.mentions:
            row = mention.to_json()
            out.write(
                "\t".join("、".join(v) if isinstance(v, list) else str(v) for v in map(row.get, TABLE_COLUMNS)) + "\n"
            )
    return _exit_code(corpus)


def cmd_eval(args) -> int:
    try:
        gold = read_mentions(Path(args.gold))
        if args.pred:
            pred = read_mentions(Path(args.pred))
            status = OK
        else:
            corpus = _extract(args.paths)
            pred, status = corpus.mentions, _exit_code(corpus)
    except (OSError, ValueError) as error:
        print(f"policykg: {error}", file=sys.stderr)
        return FAILED
    print(format_report(evaluate(gold, pred)))
    return status


def _progress_bar(description: str):
    """A progress bar on stderr for long runs; none for a handful of documents or off a terminal."""

    def wrap(items, total: int):
        if total < 20 or not sys.stderr.isatty():
            return items
        from tqdm import tqdm

        return tqdm(items, total=total, desc=description, unit="doc", file=sys.stderr)

    return wrap


def cmd_build(args) -> int:
    try:
        result = build(
            args.paths,
            args.out,
            base=args.base,
            keywords=not args.no_keywords,
            on_error=_say_failure,
            progress=_progress_bar("extract"),
            workers=args.workers,
            cache=not args.no_cache,
            full=args.full,
        )
    except NothingToBuild as error:
        print(f"policykg: {error}; nothing was written", file=sys.stderr)
        return FAILED
    except OSError as error:
        print(f"policykg: cannot write {args.out}: {error}", file=sys.stderr)
        return FAILED
    summary = result.summary
    print(
        f"{summary.documents} documents, {summary.items} work items, {summary.mentions} mentions, "
        f"{sum(summary.policies_by_level.values())} policies, {result.triples} triples → {result.out}/"
    )
    return SOME_FAILED if result.failures else OK


def _say_not_a_graph(path: str, error: Exception) -> None:
    print(f"policykg: {path}: not a graph written by `policykg build` ({error})", file=sys.stderr)


def _read_graph(path: str):
    try:
        return load_graph_file(path)
    except (OSError, ValueError, KeyError) as error:
        _say_not_a_graph(path, error)
        return None


def cmd_stats(args) -> int:
    try:
        graph = read_graph_outline(args.graph, SUMMARY_NODE_FIELDS, SUMMARY_LINK_FIELDS)
    except (OSError, ValueError, KeyError) as error:
        _say_not_a_graph(args.graph, error)
        return FAILED
    print(format_summary(summarize(graph, top=args.top)), end="")
    return OK


def _is_built_graph(sources: list[str]) -> bool:
    return len(sources) == 1 and (Path(sources[0]).suffix == ".json" or (Path(sources[0]) / "graph.json").exists())


def _graph_of(sources: list[str], keywords: bool = True):
    """A built graph (an output directory or graph.json), or the graph of the documents named."""
    if _is_built_graph(sources):
        return _read_graph(sources[0]), OK
    corpus = extract_corpus(sources, on_error=_say_failure, keywords=keywords, progress=_progress_bar("extract"))
    status = _exit_code(corpus)
    return (build_graph(corpus) if corpus.documents else None), status


def cmd_map(args) -> int:
    from visualizations.maps import write_maps

    graph, status = _graph_of(args.sources)
    if graph is None:
        return FAILED
    texts, spans = reading_material(graph)
    files = write_maps(graph, Path(args.out), texts=texts, spans=spans)
    print(f"{len(files)} pages → {args.out}/map.html")
    return status


def _neo4j_driver():
    """A driver from NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD: credentials never come from argv."""
    import neo4j

    uri = os.environ.get("NEO4J_URI")
    if not uri:
        raise LookupError("set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD) to the server to load into")
    auth = (os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    # the cookbook's queries name every relationship type, and a graph may lack one (no CITES):
    # the server's warning about that is noise on a user's terminal
    return neo4j.GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")


def _records_of(sources: list[str]):
    """What `load` and `export` stream: a built graph's records, read a line at a time, or the
    graph of the documents named."""
    if not _is_built_graph(sources):
        return _graph_of(sources)
    try:
        return read_graph_records(sources[0]), OK
    except (OSError, ValueError) as error:
        _say_not_a_graph(sources[0], error)
        return None, FAILED


def cmd_load(args) -> int:
    import neo4j

    from graph.loading import load_graph

    graph, status = _records_of(args.sources)
    if graph is None:
        return FAILED
    try:
        with _neo4j_driver() as driver:
            bar = _LoadBar()
            stats = load_graph(
                graph,
                driver,
                database=args.database,
                batch_size=args.batch_size,
                replace_documents=args.replace,
                progress=bar,
            )
            bar.close()
    except (LookupError, neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as error:
        print(f"policykg: load failed: {error}", file=sys.stderr)
        return FAILED
    except (ValueError, KeyError) as error:  # read as the load streams it: a graph.json cut short or hand-edited
        _say_not_a_graph(args.sources[0], error)
        return FAILED
    print(
        f"loaded {stats.nodes} nodes and {stats.relationships} relationships in {stats.seconds:.1f} s "
        f"({stats.relationships / max(stats.relationship_seconds, 1e-9):,.0f} relationships/s)"
    )
    return status


class _LoadBar:
    """progress(done, total) for load_graph: a bar on a terminal, nothing otherwise."""

    def __init__(self):
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc="load", unit="row", file=sys.stderr)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def cmd_export(args) -> int:
    from graph.loading import cypher_script

    graph, status = _records_of(args.sources)
    if graph is None:
        return FAILED
    try:
        nodes, relationships = cypher_script(graph, args.out)
    except OSError as error:
        print(f"policykg: cannot write {args.out}: {error}", file=sys.stderr)
        return FAILED
    except (ValueError, KeyError) as error:
        _say_not_a_graph(args.sources[0], error)
        return FAILED
    print(f"{nodes} nodes, {relationships} relationships → {args.out}")
    return status


def cmd_cookbook(args) -> int:
    """List the cookbook, or run one query against NEO4J_URI and print its rows as a table."""
    import neo4j

    from graph.loading import cookbook

    recipes = cookbook()
    if not args.name:
        for name, (comment, _) in recipes.items():
            print(f"{name}\n    " + comment.replace("\n", "\n    "))
        return OK
    if args.name not in recipes:
        print(f"policykg: no query {args.name!r}; `policykg cookbook` lists them", file=sys.stderr)
        return FAILED
    parameters = dict(_parameter(p) for p in args.param)
    try:
        with _neo4j_driver() as driver:
            records, _, keys = driver.execute_query(recipes[args.name][1], parameters, database_=args.database)
    except (LookupError, neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as error:
        print(f"policykg: query failed: {error}", file=sys.stderr)
        return FAILED
    print("\t".join(keys))
    for record in records:
        print("\t".join(_cell(record[key]) for key in keys))
    return OK


def _parameter(text: str) -> tuple[str, object]:
    """k=v, with v read as JSON where it is JSON (numbers, null, lists) and as text otherwise."""
    key, _, value = text.partition("=")
    try:
        return key, json.loads(value)
    except ValueError:
        return key, value


def _cell(value) -> str:
    if isinstance(value, list):
        return "、".join(map(_cell, value))
    return "" if value is None else str(value)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policykg", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("extract", help="print every policy mention of the documents")
    s.add_argument("paths", nargs="+", help="files (.txt .md .html) or directories")
    s.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    s.set_defaults(run=cmd_extract)

    s = sub.add_parser("eval", help="score predicted mentions against a gold annotation")
    s.add_argument("--gold", required=True, help="gold mentions, JSON lines")
    s.add_argument("--pred", help="predicted mentions, JSON lines (or give documents instead)")
    s.add_argument("paths", nargs="*", help="documents to extract and score")
    s.set_defaults(run=cmd_eval)
    s = sub.add_parser("build", help="extract, resolve and write the graph (Turtle, JSON-LD, maps, report)")
    s.add_argument("paths", nargs="+", help="files (.txt .md .html) or directories")
    s.add_argument("--out", default="out", help="output directory (default: out)")
    s.add_argument("--base", default=DEFAULT_BASE, help=f"base of every IRI (default: {DEFAULT_BASE})")
    s.add_argument("--no-keywords", action="store_true", help="skip the work items' topic keywords (faster)")
    s.add_argument("--workers", type=int, default=0, help="processes extracting documents (default: every core)")
    s.add_argument("--no-cache", action="store_true", help="extract every document again (default: reuse OUT/.cache)")
    s.add_argument(
        "--full", action="store_true", help="over 200 documents too: every map view and JSON-LD (large and slow)"
    )
    s.set_defaults(run=cmd_build)

    s = sub.add_parser("stats", help="the report's numbers and implementation chains of a built graph")
    s.add_argument("graph", help="graph.json written by build, or its output directory")
    s.add_argument("--top", type=int, default=10, help="how many most-cited policies to list")
    s.set_defaults(run=cmd_stats)

    sources = "an output directory of build, its graph.json, or documents (files or directories)"
    s = sub.add_parser("map", help="write the interactive maps (offline HTML)")
    s.add_argument("sources", nargs="+", help=sources)
    s.add_argument("--out", default="maps-out", help="output directory (default: maps-out)")
    s.set_defaults(run=cmd_map)

    s = sub.add_parser("load", help="load the graph into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD)")
    s.add_argument("sources", nargs="+", help=sources)
    s.add_argument("--database", default=None, help="the Neo4j database (default: the server's default)")
    s.add_argument("--replace", action="store_true", help="replace the documents' items and links")
    s.add_argument("--batch-size", type=int, default=5000, help="rows per transaction (default: 5000)")
    s.set_defaults(run=cmd_load)

    s = sub.add_parser("cookbook", help="list the Cypher cookbook, or run one of its queries against NEO4J_URI")
    s.add_argument("name", nargs="?", help="the query (a file stem of graph/queries)")
    s.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a query parameter")
    s.add_argument("--database", default=None, help="the Neo4j database (default: the server's default)")
    s.set_defaults(run=cmd_cookbook)

    s = sub.add_parser("export", help="export the graph for other tools")
    s.add_argument("format", choices=("cypher",), help="cypher: a script for cypher-shell")
    s.add_argument("sources", nargs="+", help=sources)
    s.add_argument("--out", required=True, help="the file to write")
    s.set_defaults(run=cmd_export)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "eval" and not args.pred and not args.paths:
        parser().error("eval needs --pred or documents to extract")
    try:
        return args.run(args)
    except BrokenPipeError:  # `policykg extract … | head`: the reader has what it wanted
        sys.stderr.close()
        return OK


if __name__ == "__main__":
    sys.exit(main())
