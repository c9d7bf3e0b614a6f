"""Benchmark of the cleaning stage: quality on the shared pages, then throughput by size.

Run from the project root:  .venv/bin/python bench/cleaning.py
Prints the shared scorer's table (F1, quotes kept, mojibake fixed) for docpipe and, for
comparison, trafilatura alone with default settings and the linear extractor that docpipe uses
for text-dense pages (forced onto every benchmark page: the quality such pages get); then MB/s
for HTML and plain text at sizes up to 10 MB, so linear growth shows as a flat MB/s column.
"""
from __future__ import annotations

import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "bench" / "cleaning" / "score_cleaning.py"
SEED = ROOT / "seeds" / "us-casualties-mount-in-iraq.txt"
SIZES_MB = (0.1, 1, 3, 10)
REPEATS = 3


def run_scorer() -> None:
    subprocess.run([sys.executable, str(SCORER)], cwd=ROOT, check=True)


def score_trafilatura_alone() -> None:
    sys.path[:0] = [str(ROOT), str(SCORER.parent)]
    import ftfy
    import score_cleaning
    import trafilatura

    def baseline(data: bytes, content_type: str) -> types.SimpleNamespace:
        if content_type == "text/plain":
            text = ftfy.fix_text(data.decode("utf-8"), uncurl_quotes=False, fix_character_width=False)
        else:
            text = trafilatura.extract(data) or ""
        return types.SimpleNamespace(text=text)

    result = score_cleaning.score(SCORER.parent, baseline)
    print("trafilatura alone:", {k: result[k] for k in ("F1", "P", "R", "quotes_kept", "ms/page")})


def score_linear_extractor() -> None:
    """The benchmark pages as if every one were over cleaning.html.DENSE_PAGE_TEXT_CHARS."""
    import score_cleaning
    from workers.stages.cleaning import html as cleaning_html
    from workers.stages.cleaning import NoTextFound, clean

    def forced(data: bytes, content_type: str) -> types.SimpleNamespace:
        try:
            return clean(data, content_type)
        except NoTextFound:
            return types.SimpleNamespace(text="")

    threshold, cleaning_html.DENSE_PAGE_TEXT_CHARS = cleaning_html.DENSE_PAGE_TEXT_CHARS, 0
    try:
        result = score_cleaning.score(SCORER.parent, forced)
    finally:
        cleaning_html.DENSE_PAGE_TEXT_CHARS = threshold
    print("linear extractor on every page:", {k: result[k] for k in ("F1", "P", "R", "quotes_kept", "ms/page")})


def html_page(size: int) -> bytes:
    """A news-like page: navigation, an article of seed paragraphs repeated, a footer."""
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    head = "<html><head><title>US Casualties</title></head><body><nav><a href='/'>Home</a></nav><article>"
    tail = "</article><footer>© 2009 Example News. All rights reserved.</footer></body></html>"
    body, n = [], len(head) + len(tail)
    while n < size:
        chunk = f"<p>{paragraphs[len(body) % len(paragraphs)]}</p>\n"
        body.append(chunk)
        n += len(chunk.encode("utf-8"))
    return (head + "".join(body) + tail).encode("utf-8")


def plain_text(size: int) -> bytes:
    seed = SEED.read_bytes() + b"\n\n"
    return (seed * (size // len(seed) + 1))[:size]


def throughput() -> None:
    from workers.stages.cleaning import clean

    print("format\tMB\tMB/s\tms")
    for name, make, content_type in (("html", html_page, "text/html"), ("plain", plain_text, "text/plain")):
        for mb in SIZES_MB:
            data = make(int(mb * 1_000_000))
            best = min(_timed(clean, data, content_type) for _ in range(REPEATS))
            print(f"{name}\t{len(data) / 1e6:.1f}\t{len(data) / best / 1e6:.1f}\t{best * 1000:.0f}")


def _timed(clean, data: bytes, content_type: str) -> float:
    start = time.perf_counter()
    clean(data, content_type)
    return time.perf_counter() - start


if __name__ == "__main__":
    run_scorer()
    score_trafilatura_alone()
    score_linear_extractor()
    throughput()
