"""The scorer's figures for earlier commits beside this checkout's, run by run in turns.

    .venv/bin/python bench/quotes_history.py REV [REV ...] [--runs 4]

Each REV is checked out into a temporary git worktree. The shared scorer
(../shared/bench/quotes/score_quotes.py, PolNeAR dev) then runs in a fresh process in each
checkout in turn, with this checkout's interpreter and packages, the order rotating every round.
A speed read on another session's machine says little about this one (the code of one commit
has read 2.3 MB/s on one machine and 4.3 on another): code measured side by side does.
Prints per checkout its commit and date, the quality figures (the same in every run) and MB/s
(min / median / max), and its median as a share of this checkout's.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT.parent / "shared" / "bench" / "quotes"
SCORER = GOLD_DIR / "score_quotes.py"
QUALITY = ("P@0.3", "R_direct", "R_indirect", "speaker_acc", "F1@0.3")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def score(checkout: Path, gold: Path) -> dict:
    """The scorer's figures for ``gold`` with the extractor of ``checkout`` (a fresh process)."""
    out = subprocess.run([sys.executable, str(SCORER), str(gold)], cwd=checkout, capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])[0]  # the last line is the table as JSON


def compare(sides: dict[str, Path], gold: Path, runs: int) -> dict[str, list[dict]]:
    """Every side scored ``runs`` times, one after another, the first side moving each round."""
    names = list(sides)
    results: dict[str, list[dict]] = {name: [] for name in names}
    for r in range(runs):
        for name in names[r % len(names):] + names[: r % len(names)]:
            results[name].append(score(sides[name], gold))
            print(f"  round {r + 1}: {name} {results[name][-1]['MB/s']} MB/s", file=sys.stderr, flush=True)
    return results


def table(results: dict[str, list[dict]], dates: dict[str, str]) -> str:
    here = statistics.median(r["MB/s"] for r in results["this checkout"])
    lines = ["| checkout | date | " + " | ".join(QUALITY) + " | MB/s min / median / max | × this checkout |",
             "|---|---|" + "---:|" * (len(QUALITY) + 2)]
    for name, runs in results.items():
        speeds = sorted(r["MB/s"] for r in runs)
        median = statistics.median(speeds)
        quality = " | ".join(str(runs[0][key]) for key in QUALITY)
        lines.append(f"| {name} | {dates[name]} | {quality} | {speeds[0]:.2f} / {median:.2f} / {speeds[-1]:.2f} "
                     f"| {median / here:.2f} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("revs", nargs="+", help="commits to measure beside this checkout")
    ap.add_argument("--runs", type=int, default=4, help="scorer runs per checkout")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR / "polnear-dev.jsonl")
    args = ap.parse_args()
    sides = {"this checkout": ROOT}
    dates = {"this checkout": "working tree"}
    with tempfile.TemporaryDirectory() as folder:
        try:
            for rev in args.revs:
                short = git("rev-parse", "--short", rev)
                sides[short] = Path(folder) / short
                dates[short] = git("log", "-1", "--format=%cd", "--date=format:%Y-%m-%d %H:%M", short)
                git("worktree", "add", "--detach", str(sides[short]), short)
            results = compare(sides, args.gold.resolve(), max(1, args.runs))
        finally:
            for name, path in sides.items():
                if name != "this checkout" and path.exists():
                    git("worktree", "remove", "--force", str(path))
    print(table(results, dates))


if __name__ == "__main__":
    main()
