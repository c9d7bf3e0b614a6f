"""Quote extraction benchmark: quality on the shared gold sets, then speed at several sizes.

Run from the project root:  .venv/bin/python bench/quotes.py [--quick]
Quality comes from ../shared/bench/quotes/score_quotes.py (PolNeAR dev and the seed article).
Speed is measured on news text (PolNeAR articles joined) and on pathological inputs — 10 MB of
nothing but quote marks, of mixed marks, one 10 MB sentence full of cues, paragraphs that never
close their quote, and thousands of speakers each named once in full then by surname — at
growing sizes: MB/s that stays flat as the size grows means the stage is linear.
The scorer's MB/s (one cold pass, first call included) is noisy: --scorer-runs N keeps the best
of N runs, each in a fresh process, and prints the spread of all N.
--halves scores the even- and odd-indexed PolNeAR articles apart: a rule written looking at one
half is kept only if the other half does not drop.
--stress times 10 MB documents of nothing but cue sentences (CPU seconds, one run each).
--styles scores bench/data/quote-styles-{a,b}.jsonl: 40 short articles written in the house styles
of Canadian, wire, BBC, Guardian, Daily Mail, sports, business and local/court news (no US
politics), every quote annotated by a writer who never saw the extractor's output; half a was
read for errors while rules were written, half b was not (its failures were never looked at).
Quotes annotators could disagree on carry "optional": the scorer counts them as gold anyway.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workers.stages.quotes import collect_speakers, extract_quotes

GOLD_DIR = ROOT.parent / "shared" / "bench" / "quotes"
SCORER = GOLD_DIR / "score_quotes.py"
MB = 1_000_000


def news_text() -> str:
    """PolNeAR dev articles joined as one long run of paragraphs."""
    with open(GOLD_DIR / "polnear-dev.jsonl", encoding="utf-8") as fh:
        return "\n\n".join(json.loads(line)["text"] for line in fh)


def repeat_to(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def many_speakers(size: int) -> str:
    """Paragraph pairs naming a new person in full, then quoting them by surname."""
    rng = random.Random(0)
    letters = "abcdefghijklmnopqrstuvwxyz"
    pairs = []
    while sum(map(len, pairs)) < size:
        first, last = ("".join(rng.choice(letters) for _ in range(7)).capitalize() for _ in range(2))
        pairs.append(f"{first} {last} spoke on Monday.\n\n“We will not give up on this plan,” {last} said.\n\n")
    return "".join(pairs)[:size]


def one_word_speakers(size: int) -> str:
    """Paragraphs each quoting a new person named by one word ("…,” Qalbrex said.")."""
    rng = random.Random(1)
    letters = "abcdefghijklmnopqrstuvwxyz"
    paragraphs = []
    while sum(map(len, paragraphs)) < size:
        name = "".join(rng.choice(letters) for _ in range(8)).capitalize()
        paragraphs.append(f"“We will not give up on this plan,” {name} said.\n\n")
    return "".join(paragraphs)[:size]


INPUTS = {
    "news": lambda size, news: repeat_to(news + "\n\n", size),
    "only straight marks": lambda size, news: '"' * size,
    "mixed marks": lambda size, news: repeat_to("“‘\"'«»”’„", size),
    "one sentence of cues": lambda size, news: repeat_to("he said “we will win” and Ann Lee told CNN that ", size),
    "unclosed paragraphs": lambda size, news: repeat_to("“An opening mark that never closes\n\n", size),
    "many speakers": lambda size, news: many_speakers(size),
    "one-word speakers": lambda size, news: one_word_speakers(size),
}


# Documents made of nothing but attributions: every sentence sends each pass to its slowest path.
CUE_SENTENCES = {
    "reported cue sentences": "Smith said the plan works. ",
    "quoted cue sentences": '"We will win," she said. ',
    "quoted and reported": '"We will win," she said. Smith said the plan works. ',
    "curly quotes, pronouns": "“We will win,” she said. He told reporters that it would rain. ",
    "one sentence of cues": "he said “we will win” and Ann Lee told CNN that ",
}


def stress(size: int) -> None:
    """CPU seconds of one extraction per cue-sentence document of ``size`` characters."""
    print(f"{'input':<26}{size / MB:>8.1f} MB (CPU s; quotes found)")
    for name, unit in CUE_SENTENCES.items():
        text = repeat_to(unit, size)
        start = time.process_time()
        found = len(extract_quotes(text))
        print(f"{name:<26}{time.process_time() - start:>8.2f} s {found:>8}", flush=True)


def time_one(text: str) -> tuple[float, int]:
    """Seconds the stage takes as a worker runs it (the quotes, then the list of who is quoted)."""
    start = time.perf_counter()
    quotes = extract_quotes(text)
    collect_speakers(quotes, text)
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


def quality(runs: int) -> None:
    """The scorer's table; with several runs, each set's line from the run with the best MB/s,
    then every set's MB/s over the runs (this machine's speed varies from one process to the next)."""
    best: dict[str, list[str]] = {}
    speeds: dict[str, list[float]] = {}
    for _ in range(runs):
        result = subprocess.run([sys.executable, str(SCORER)], cwd=ROOT, capture_output=True, text=True, check=True)
        header, *rows = result.stdout.splitlines()[:-1]  # the last line repeats the table as JSON
        for row in rows:
            cells = row.split("\t")
            speeds.setdefault(cells[0], []).append(float(cells[-1]))
            if cells[0] not in best or float(cells[-1]) > float(best[cells[0]][-1]):
                best[cells[0]] = cells
    if runs > 1:
        print(f"(scorer: the best of {runs} runs by MB/s)")
    print("\n".join([header] + ["\t".join(cells) for cells in best.values()]))
    if runs > 1:
        for name, values in speeds.items():
            print(f"{name} MB/s over {runs} runs: min {min(values):.2f}, median {statistics.median(values):.2f}, max {max(values):.2f}")


def halves() -> None:
    """The scorer's table for the even- and the odd-indexed PolNeAR dev articles."""
    lines = (GOLD_DIR / "polnear-dev.jsonl").read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, half in (("polnear-even", lines[0::2]), ("polnear-odd", lines[1::2])):
            path = Path(folder) / f"{name}.jsonl"
            path.write_text("\n".join(half) + "\n", encoding="utf-8")
            paths.append(str(path))
        result = subprocess.run([sys.executable, str(SCORER), *paths], cwd=ROOT, capture_output=True, text=True, check=True)
    print("\n".join(result.stdout.splitlines()[:-1]))


def styles() -> None:
    """The scorer's table for the house-styles sets: a (read while writing rules), b (held out)."""
    paths = [str(ROOT / "bench" / "data" / f"quote-styles-{half}.jsonl") for half in "ab"]
    result = subprocess.run([sys.executable, str(SCORER), *paths], cwd=ROOT, capture_output=True, text=True, check=True)
    print("\n".join(result.stdout.splitlines()[:-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 1 MB only")
    parser.add_argument("--scorer-runs", type=int, default=1, metavar="N", help="best of N scorer runs")
    parser.add_argument("--halves", action="store_true", help="score the even and odd PolNeAR halves, then stop")
    parser.add_argument("--stress", action="store_true", help="time 10 MB documents of cue sentences, then stop")
    parser.add_argument("--styles", action="store_true", help="score the house-styles articles, then stop")
    args = parser.parse_args()
    if args.halves:
        halves()
        return
    if args.styles:
        styles()
        return
    if args.stress:
        stress(10 * MB)
        return
    quality(max(1, args.scorer_runs))
    speed([100_000, 1_000_000] if args.quick else [100_000, 1_000_000, 10_000_000])


if __name__ == "__main__":
    main()
