"""Helpers the quote tests share."""
from __future__ import annotations

from tests.documents import SEED
from workers.stages.quotes import Quote, extract_quotes

__all__ = ["SEED", "assert_contract", "only", "said_by", "span_of"]

QUOTE_MARKS = "\"“”„«»"
VIA = ("name", "surname", "pronoun", "continuation", "noun phrase")


def only(text: str, kind: str | None = None) -> Quote:
    """The one quote of ``text`` (of ``kind``, if given)."""
    quotes = [q for q in extract_quotes(text) if kind is None or q.kind == kind]
    assert len(quotes) == 1, [(q.text, q.kind) for q in quotes]
    return quotes[0]


def said_by(text: str) -> tuple[str, str]:
    """The one quote of ``text`` as (its text, its speaker's name), its span contract checked."""
    quote = only(text)
    assert_contract(text, quote)
    return quote.text, quote.speaker.name


def span_of(text: str, first: str, last: str) -> tuple[int, int]:
    """From the first occurrence of ``first`` to the end of ``last`` after it."""
    start = text.index(first)
    return start, text.index(last, start) + len(last)


def assert_contract(text: str, quote: Quote) -> None:
    """The span contract: exact parts, in order and disjoint, with no surrounding space or quote
    mark; ``start``/``end`` span them and ``text`` joins them; content and speaker offsets exact."""
    assert quote.kind in ("direct", "indirect", "mixed")
    assert quote.parts, quote
    previous_end = -1
    for part in quote.parts:
        assert 0 <= part.start < part.end <= len(text) and text[part.start : part.end] == part.text
        assert part.start >= previous_end, quote  # ordered and disjoint
        assert part.text == part.text.strip() and part.text[0] not in QUOTE_MARKS, part
        if quote.kind != "indirect":
            assert "\n\n" not in part.text, part  # a part never crosses a paragraph break
        previous_end = part.end
    assert (quote.start, quote.end) == (quote.parts[0].start, quote.parts[-1].end)
    assert quote.text == " ".join(part.text for part in quote.parts)
    if quote.kind == "direct":
        assert quote.content is None
    else:
        content = quote.content
        assert content is not None and text[content.start : content.end] == content.text
        assert content.start <= quote.start and quote.end <= content.end
    if quote.kind == "indirect":
        assert quote.parts == [quote.content]
    if quote.speaker is not None:
        speaker = quote.speaker
        assert 0 <= speaker.start < speaker.end <= len(text) and speaker.via in VIA, speaker
