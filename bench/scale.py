"""End-to-end builds of generated corpora: wall time, peak memory, accuracy; then their Cypher export.

    .venv/bin/python bench/scale.py [--sizes 1000 10000] [--out bench/out]

For each size: bench/synthetic.py writes that many plans (seed 1) with their gold, `policykg
build --no-keywords` runs under `/usr/bin/time -v` (extract on every core, graph, Turtle, report,
corpus map), and `policykg eval` scores the mentions it wrote.  Printed: documents, triples, wall
time, peak resident memory, the memory ratio of the largest size to the smallest (asked: < 2×),
and tier-A F1.  Then `policykg export cypher` reads each build's graph.json back the way `load`
does (a line at a time, the same statements) under `/usr/bin/time -v`: its wall time and peak
memory show what loading that graph into Neo4j holds, without a server.
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
    export = ["/usr/bin/time", "-v", str(POLICYKG), "export", "cypher", str(built), "--out", str(out / "graph.cypher")]
    exported = subprocess.run(export, check=True, capture_output=True, text=True)
    export_wall = re.search(r"Elapsed \(wall clock\) time .*: (\S+)", exported.stderr).group(1)
    export_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", exported.stderr).group(1))
    (out / "graph.cypher").unlink()
    return {
        "size": size,
        "triples": triples,
        "wall": wall,
        "peak_mb": peak_kb / 1024,
        "f1": f1,
        "export_wall": export_wall,
        "export_mb": export_kb / 1024,
        "graph_json_mb": (built / "graph.json").stat().st_size / 1e6,
    }


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
    print(f"\n{'documents':>10} {'graph.json':>12} {'export wall':>12} {'export peak':>12}  (policykg export cypher)")
    for row in rows:
        print(
            f"{row['size']:>10} {row['graph_json_mb']:>9,.0f} MB {row['export_wall']:>12} {row['export_mb']:>9,.0f} MB"
        )


if __name__ == "__main__":
    main()
