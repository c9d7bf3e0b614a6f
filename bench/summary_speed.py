"""summarise() per CNN/DailyMail article: this checkout beside another one, side by side.

Run from the project root:  .venv/bin/python bench/summary_speed.py --old ../main [--rounds 8]
Each round runs the two checkouts one after the other (the order alternates) in fresh
processes over every article of cnndm-dev-large, after 200 warm-up articles, and reports CPU
time per article: on a shared machine only the ratio of the two means anything.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "bench" / "summaries" / "cnndm-dev-large.jsonl"
CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from workers.stages.summary import summarise
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
for t in texts[:200]:
    summarise(t)
t0 = time.process_time()
for t in texts:
    summarise(t)
print(1000 * (time.process_time() - t0) / len(texts))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--old", required=True, help="root of the checkout to compare with")
    ap.add_argument("--rounds", type=int, default=8)
    args = ap.parse_args()
    sides = {"old": str(Path(args.old).resolve()), "new": str(ROOT)}
    times: dict[str, list[float]] = {"old": [], "new": []}
    for r in range(args.rounds):
        for side in ("old", "new") if r % 2 == 0 else ("new", "old"):
            out = subprocess.run([sys.executable, "-c", CHILD, sides[side], str(ARTICLES)],
                                 capture_output=True, text=True, check=True).stdout
            times[side].append(float(out))
            print(f"round {r} {side} {float(out):.3f} ms/article", flush=True)
    old, new = statistics.median(times["old"]), statistics.median(times["new"])
    print(f"median ms/article: old {old:.3f}, new {new:.3f}; new/old {new / old:.3f} "
          f"(best rounds {min(times['new']) / min(times['old']):.3f})")


if __name__ == "__main__":
    main()
