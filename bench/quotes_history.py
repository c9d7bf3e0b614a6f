"""The scorer's figures for earlier commits beside this checkout's, run by run in turns.

    .venv/bin/python bench/quotes_history.py REV [REV ...] [--runs 4] [--stress]

Each REV is checked out into a temporary git worktree. The shared scorer
(../shared/bench/quotes/score_quotes.py, PolNeAR dev) then runs in a fresh process in each
checkout in turn, with this checkout's interpreter and packages, the order rotating every round.
A speed read on another session's machine says little about this one (the code of one commit
has read 2.3 MB/s on one machine and 4.3 on another): code measured side by side does.
Prints per checkout its commit and date, the quality figures (the same in every run) and MB/s
(min / median / max), and its median as a share of this checkout's.

With --stress, each checkout instead extracts the quotes of the 10 MB documents of nothing but
cue sentences (bench/quotes.py --stress, this checkout's texts), a fresh process per document,
the checkouts in turns: CPU seconds (min / median / max) and the quotes found.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from quotes import CUE_SENTENCES, MB, repeat_to

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT.parent / "shared" / "bench" / "quotes"
SCORER = GOLD_DIR / "score_quotes.py"
QUALITY = ("P@0.3", "R_direct", "R_indirect", "speaker_acc", "F1@0.3")
# Run in a checkout (its code first on sys.path): CPU seconds of one extraction of the text on
# standard input, and the quotes found.
_STRESS_RUN = """
import json, sys, time
from workers.stages.quotes import extract_quotes
text = sys.stdin.buffer.read().decode()
start = time.process_time()
found = len(extract_quotes(text))
print(json.dumps({"seconds": time.process_time() - start, "quotes": found}))
"""


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def score(checkout: Path, gold: Path) -> dict:
    """The scorer's figures for ``gold`` with the extractor of ``checkout`` (a fresh process)."""
    out = subprocess.run([sys.executable, str(SCORER), str(gold)], cwd=checkout, capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])[0]  # the last line is the table as JSON


def stress(checkout: Path, text: str) -> dict:
    """CPU seconds and quotes found extracting ``text`` with ``checkout``'s code (a fresh process)."""
    out = subprocess.run([sys.executable, "-c", _STRESS_RUN], input=text.encode(), cwd=checkout,
                         capture_output=True, check=True).stdout
    return json.loads(out)


def compare(sides: dict[str, Path], runs: int, measure: Callable[[Path], dict], figure: str) -> dict[str, list[dict]]:
    """Every side measured ``runs`` times, one after another, the first side moving each round."""
    names = list(sides)
    results: dict[str, list[dict]] = {name: [] for name in names}
    for r in range(runs):
        for name in names[r % len(names):] + names[: r % len(names)]:
            results[name].append(measure(sides[name]))
            print(f"  round {r + 1}: {name} {results[name][-1][figure]:.3f} {figure}", file=sys.stderr, flush=True)
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


def stress_table(by_text: dict[str, dict[str, list[dict]]], dates: dict[str, str]) -> str:
    """A row per checkout, a column per cue-sentence document: CPU s min / median / max (quotes)."""
    lines = ["| checkout | date | " + " | ".join(by_text) + " |", "|---|---|" + "---:|" * len(by_text)]
    for name in dates:
        cells = []
        for by_side in by_text.values():
            seconds = sorted(r["seconds"] for r in by_side[name])
            cells.append(f"{seconds[0]:.2f} / {statistics.median(seconds):.2f} / {seconds[-1]:.2f} s "
                         f"({by_side[name][0]['quotes']:,})")
        lines.append(f"| {name} | {dates[name]} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _stressed(sides: dict[str, Path], runs: int) -> dict[str, dict[str, list[dict]]]:
    """Each cue-sentence document's measures, every side in turns (``compare``), one after another."""
    by_text = {}
    for name, unit in CUE_SENTENCES.items():
        text = repeat_to(unit, 10 * MB)  # the same text for every checkout, as bench/quotes.py builds it
        by_text[name] = compare(sides, runs, lambda checkout, text=text: stress(checkout, text), "seconds")
    return by_text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("revs", nargs="+", help="commits to measure beside this checkout")
    ap.add_argument("--runs", type=int, default=4, help="runs per checkout")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR / "polnear-dev.jsonl")
    ap.add_argument("--stress", action="store_true", help="time the 10 MB cue-sentence documents instead")
    args = ap.parse_args()
    runs, gold = max(1, args.runs), args.gold.resolve()
    sides = {"this checkout": ROOT}
    dates = {"this checkout": "working tree"}
    with tempfile.TemporaryDirectory() as folder:
        try:
            for rev in args.revs:
                short = git("rev-parse", "--short", rev)
                sides[short] = Path(folder) / short
                dates[short] = git("log", "-1", "--format=%cd", "--date=format:%Y-%m-%d %H:%M", short)
                git("worktree", "add", "--detach", str(sides[short]), short)
            if args.stress:
                report = stress_table(_stressed(sides, runs), dates)
            else:
                report = table(compare(sides, runs, lambda checkout: score(checkout, gold), "MB/s"), dates)
        finally:
            for name, path in sides.items():
                if name != "this checkout" and path.exists():
                    git("worktree", "remove", "--force", str(path))
    print(report)


if __name__ == "__main__":
    main()
