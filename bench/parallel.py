"""Parallel speed-up of extraction: the same documents on one process and on two, in one run.

    .venv/bin/python bench/parallel.py [--count 400] [--workers 2] [--repeat 3]

Generates `count` synthetic plans (bench/synthetic.py, seed 1) into a temporary directory, then
extracts and stores all of them (extractors.corpus.extract_files, empty store, no keywords) with one worker and
with `workers`, and prints the wall times and the speed-up (asked: ≥ 1.7× on 2 cores).

Each timing runs in a fresh process that loads the reference tables before the clock starts, so
neither contender inherits caches the other warmed; the runs alternate and the best of `repeat`
counts for each.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed_run(directory: str, workers: int) -> float:
    """Seconds to extract every plan in `directory` on `workers` processes (run in this process)."""
    from extractors.corpus import _warm_up, extract_files
    from extractors.reading import find_documents

    files = find_documents([directory])
    _warm_up()
    with tempfile.TemporaryDirectory() as store:  # empty: nothing is read from an earlier run
        started = time.perf_counter()
        outcomes = list(extract_files(files, workers=workers, store=Path(store)))
        seconds = time.perf_counter() - started
    assert all(o.entry and not o.cached for o in outcomes)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("DIR", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(timed_run(args.child[0], int(args.child[1])))
        return

    with tempfile.TemporaryDirectory() as tmp:
        generator = [sys.executable, str(ROOT / "bench" / "synthetic.py"), "--out", tmp, "--count", str(args.count)]
        subprocess.run([*generator, "--seed", "1"], check=True, capture_output=True)
        timings: dict[int, list[float]] = {1: [], args.workers: []}
        for _ in range(args.repeat):
            for workers in timings:
                child = [sys.executable, __file__, "--child", tmp, str(workers)]
                done = subprocess.run(child, check=True, capture_output=True, text=True, cwd=ROOT)
                timings[workers].append(float(done.stdout.split()[-1]))
    one, many = min(timings[1]), min(timings[args.workers])
    print(f"{args.count} documents, extraction without keywords or cache, best of {args.repeat}")
    print(f"1 worker:   {one:7.2f} s")
    print(f"{args.workers} workers:  {many:7.2f} s")
    print(f"speed-up:   {one / many:7.2f}×  (asked: ≥ 1.7× on 2 cores)")


if __name__ == "__main__":
    main()
