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
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "eval" and not args.pred and not args.paths:
        parser().error("eval needs --pred or documents to extract")
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
