"""End-to-end builds of generated corpora: wall time, peak memory, and accuracy against their gold.

    .venv/bin/python bench/scale.py [--sizes 1000 10000] [--out bench/out]

For each size: bench/synthetic.py writes that many plans (seed 1) with their gold, `policykg
build --no-keywords` runs under `/usr/bin/time -v` (extract on every core, graph, Turtle, report,
corpus map), and `policykg eval` scores the mentions it wrote.  Printed: documents, triples, wall
time, peak resident memory, the memory ratio of the largest size to the smallest (asked: < 2×),
and tier-A F1.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLICYKG = Path(sys.executable).parent / "policykg"


def run_size(size: int, out: Path) -> dict:
    corpus, built = out / f"corpus-{size}", out / f"build-{size}"
    if not (corpus / "gold.jsonl").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        generate = [sys.executable, str(ROOT / "bench" / "synthetic.py"), "--out", str(corpus)]
        subprocess.run([*generate, "--count", str(size), "--seed", "1"], check=True, capture_output=True)
    shutil.rmtree(built, ignore_errors=True)
    build = ["/usr/bin/time", "-v", str(POLICYKG), "build", str(corpus), "--out", str(built), "--no-keywords"]
    done = subprocess.run(build, check=True, capture_output=True, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time .*: (\S+)", done.stderr).group(1)
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    triples = int(re.search(r"([0-9]+) triples", done.stdout).group(1))
    score = subprocess.run(
        [str(POLICYKG), "eval", "--gold", str(corpus / "gold.jsonl"), "--pred", str(built / "mentions.jsonl")],
        check=True,
        capture_output=True,
        text=True,
    )
    f1 = re.search(r"F1 ([0-9.]+)", score.stdout).group(1)
    return {"size": size, "triples": triples, "wall": wall, "peak_mb": peak_kb / 1024, "f1": f1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = [run_size(size, args.out) for size in args.sizes]
    print(f"{'documents':>10} {'triples':>12} {'wall':>10} {'peak memory':>12} {'tier-A F1':>10}")
    for row in rows:
        print(f"{row['size']:>10} {row['triples']:>12,} {row['wall']:>10} {row['peak_mb']:>9,.0f} MB {row['f1']:>10}")
    if len(rows) > 1:
        ratio = rows[-1]["peak_mb"] / rows[0]["peak_mb"]
        print(f"peak memory at {rows[-1]['size']} / at {rows[0]['size']}: {ratio:.2f}×  (asked: < 2×)")


if __name__ == "__main__":
    main()
