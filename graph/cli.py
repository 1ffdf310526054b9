"""The `policykg` command.  Each sub-command parses its arguments and calls one library function.

Exit codes: 0 all went well; 1 some input could not be read (the rest was processed and written);
2 nothing usable (bad arguments, no readable document, an output that could not be written).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extractors.pipeline import Corpus, extract_corpus
from graph.evaluation import evaluate, format_report, read_mentions
from graph.publish import DEFAULT_BASE, NothingToBuild, build, load_graph_file
from graph.report import format_summary, summarize

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
    """A progress bar on stderr for long runs; none for a handful of documents or when not a terminal."""

    def wrap(items):
        if len(items) < 20 or not sys.stderr.isatty():
            return iter(items)
        from tqdm import tqdm

        return tqdm(items, desc=description, unit="doc", file=sys.stderr)

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
    return SOME_FAILED if result.corpus.failures else OK


def _read_graph(path: str):
    try:
        return load_graph_file(path)
    except (OSError, ValueError, KeyError) as error:
        print(f"policykg: {path}: not a graph written by `policykg build` ({error})", file=sys.stderr)
        return None


def cmd_stats(args) -> int:
    graph = _read_graph(args.graph)
    if graph is None:
        return FAILED
    print(format_summary(summarize(graph, top=args.top)), end="")
    return OK


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
    s.set_defaults(run=cmd_build)

    s = sub.add_parser("stats", help="the report's numbers and implementation chains of a built graph")
    s.add_argument("graph", help="graph.json written by build, or its output directory")
    s.add_argument("--top", type=int, default=10, help="how many most-cited policies to list")
    s.set_defaults(run=cmd_stats)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "eval" and not args.pred and not args.paths:
        parser().error("eval needs --pred or documents to extract")
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
