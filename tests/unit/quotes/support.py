"""Helpers the quote tests share."""
from __future__ import annotations

from tests.documents import SEED
from workers.stages.quotes import Quote, extract_quotes

__all__ = ["SEED", "only", "span_of"]


def only(text: str, kind: str | None = None) -> Quote:
    """The one quote of ``text`` (of ``kind``, if given)."""
    quotes = [q for q in extract_quotes(text) if kind is None or q.kind == kind]
    assert len(quotes) == 1, [(q.text, q.kind) for q in quotes]
    return quotes[0]


def span_of(text: str, first: str, last: str) -> tuple[int, int]:
    """From the first occurrence of ``first`` to the end of ``last`` after it."""
    start = text.index(first)
    return start, text.index(last, start) + len(last)
