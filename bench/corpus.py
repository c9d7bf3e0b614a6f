"""Benchmark documents: CNN/DailyMail articles, alone or joined into documents of a given size."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "summaries" / "cnndm-dev-large.jsonl"


@lru_cache(maxsize=1)
def articles() -> tuple[str, ...]:
    with ARTICLES.open(encoding="utf-8") as lines:
        return tuple(json.loads(line)["text"] for line in lines)


def small(n: int) -> list[bytes]:
    """The first ``n`` articles (cycling if there are fewer), as UTF-8."""
    arts = articles()
    return [arts[i % len(arts)].encode() for i in range(n)]


def sized(size: int, n: int) -> list[bytes]:
    """``n`` different documents of about ``size`` bytes: articles joined by blank lines,
    cut at the last sentence end before ``size``."""
    arts = articles()
    docs, start = [], 0
    for _ in range(n):
        parts, length, i = [], 0, start
        while length < size:
            parts.append(arts[i % len(arts)])
            length += len(parts[-1].encode()) + 2
            i += 1
        start = i
        text = "\n\n".join(parts).encode()[:size]
        cut = text.rfind(b". ")
        docs.append(text[:cut + 1] if cut > size // 2 else text.decode(errors="ignore").encode())
    return docs
