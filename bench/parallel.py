"""Parallel speed-up of extraction: the same documents on one process and on two, in one run.

    .venv/bin/python bench/parallel.py [--count 400] [--workers 2]

Generates `count` synthetic plans (bench/synthetic.py, seed 1) into a temporary directory, then
extracts all of them (extractors.corpus.extract_files, no cache, no keywords) with one worker and
with `workers`, and prints the wall times and the speed-up (asked: ≥ 1.7× on 2 cores).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    from extractors.corpus import extract_files
    from extractors.reading import find_documents

    with tempfile.TemporaryDirectory() as tmp:
        generator = [sys.executable, str(ROOT / "bench" / "synthetic.py"), "--out", tmp, "--count", str(args.count)]
        subprocess.run([*generator, "--seed", "1"], check=True, capture_output=True)
        files = find_documents([tmp])
        timings = {}
        for workers in (1, args.workers):
            started = time.perf_counter()
            outcomes = list(extract_files(files, workers=workers))
            timings[workers] = time.perf_counter() - started
            assert all(o.extraction for o in outcomes)
    one, many = timings[1], timings[args.workers]
    print(f"{len(files)} documents, extraction without keywords or cache")
    print(f"1 worker:   {one:7.1f} s")
    print(f"{args.workers} workers:  {many:7.1f} s")
    print(f"speed-up:   {one / many:7.2f}×  (asked: ≥ 1.7× on 2 cores)")


if __name__ == "__main__":
    main()
