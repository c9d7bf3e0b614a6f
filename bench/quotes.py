"""Quote extraction benchmark: quality on the shared gold sets, then speed at several sizes.

Run from the project root:  .venv/bin/python bench/quotes.py [--quick]
Quality comes from ../shared/bench/quotes/score_quotes.py (PolNeAR dev and the seed article).
Speed is measured on news text (PolNeAR articles joined) and on pathological inputs — 10 MB of
nothing but quote marks, of mixed marks, and one 10 MB sentence full of cues — at growing sizes:
MB/s that stays flat as the size grows means the stage is linear.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workers.stages.quotes import extract_quotes

GOLD_DIR = ROOT.parent / "shared" / "bench" / "quotes"
SCORER = GOLD_DIR / "score_quotes.py"
MB = 1_000_000


def news_text() -> str:
    """PolNeAR dev articles joined as one long run of paragraphs."""
    with open(GOLD_DIR / "polnear-dev.jsonl", encoding="utf-8") as fh:
        return "\n\n".join(json.loads(line)["text"] for line in fh)


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


INPUTS = {
    "news": lambda size, news: repeat_to(news + "\n\n", size),
    "only straight marks": lambda size, news: '"' * size,
    "mixed marks": lambda size, news: repeat_to("“‘\"'«»”’„", size),
    "one sentence of cues": lambda size, news: repeat_to("he said “we will win” and Ann Lee told CNN that ", size),
    "unclosed paragraphs": lambda size, news: repeat_to("“An opening mark that never closes\n\n", size),
}


def time_one(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    quotes = extract_quotes(text)
    return time.perf_counter() - start, len(quotes)


def speed(sizes: list[int]) -> None:
    news = news_text()
    print(f"\n{'input':<24}" + "".join(f"{s / MB:>12.1f} MB" for s in sizes) + "   (MB/s; quotes found)")
    for name, build in INPUTS.items():
        cells = []
        for size in sizes:
            elapsed, found = time_one(build(size, news))
            cells.append(f"{size / MB / elapsed:>8.2f} {found:>6}")
        print(f"{name:<24}" + "".join(f"{c:>15}" for c in cells), flush=True)


def quality() -> None:
    result = subprocess.run([sys.executable, str(SCORER)], cwd=ROOT, capture_output=True, text=True, check=True)
    print("\n".join(result.stdout.splitlines()[:-1]))  # the table; the last line repeats it as JSON


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 1 MB only")
    args = parser.parse_args()
    quality()
    speed([100_000, 1_000_000] if args.quick else [100_000, 1_000_000, 10_000_000])


if __name__ == "__main__":
    main()
