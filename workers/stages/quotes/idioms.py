"""Quotations given a source by an idiom instead of a reporting verb: `as X put it`, `in the
words of X`, `in X's words` — before the quote (`As the mayor put it, “…”`) or after it (`“…,” as
one resident put it.`)."""
from __future__ import annotations

import re

from workers.stages.quotes.marks import Quoted
from workers.stages.quotes.speakers import Found, SpeakerFinder

_SPACE = r"[ \u00a0]+"
_AS = re.compile(rf"(?<![\w’'\-])[Aa]s{_SPACE}")
# "put it", maybe with an adverb or an auxiliary first or an adverb after: "as Reed memorably put
# it", "as one fan has put it", "as she put it bluntly".
_PUT_IT = re.compile(
    rf"{_SPACE}(?:[a-z]+ly{_SPACE})?(?:(?:has|had|once){_SPACE})?puts?{_SPACE}it(?:{_SPACE}[a-z]+ly)?(?![\w’'\-])"
)
# "in the words of", "in the immortal words of".
_WORDS_OF = re.compile(rf"(?<![\w’'\-])[Ii]n{_SPACE}the{_SPACE}(?:[a-z]+{_SPACE})?words{_SPACE}of{_SPACE}")
_IN = re.compile(rf"(?<![\w’'\-])[Ii]n{_SPACE}")
_POSSESSIVE_WORDS = re.compile(rf"(?:’s|'s|’|'){_SPACE}(?:own{_SPACE})?words(?![\w’'\-])")
# From the end of the idiom to the quotation's opening mark.
_TO_QUOTE = re.compile(r"[ \u00a0]*[:,]?[ \u00a0]*$")


def may_hold_idiom(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] may hold an idiom: most clauses before a quote hold none, and a
    find costs less than a pattern (a bare "put" is in "deputy", "dispute", "output")."""
    return (text.find("ut it", start, end) >= 0 or text.find("uts it", start, end) >= 0
            or text.find("words", start, end) >= 0)


def idiom_before(text: str, finder: SpeakerFinder, q: Quoted, floor: int) -> tuple[Found, str] | None:
    """The speaker and idiom of `As X put it, “…”`, `In the words of X: “…”` or `In X's words,
    “…”`: the idiom ends right before the quotation."""
    if not may_hold_idiom(text, floor, q.open):
        return None
    for m in reversed(list(_AS.finditer(text, floor, q.open))):
        put = _put_it(text, finder, m.end(), q.open)
        if put is not None and _TO_QUOTE.match(text, put[1], q.open):
            return put[0], "put it"
    m = _WORDS_OF.search(text, floor, q.open)
    if m is not None:
        found = finder.after(m.end(), q.open) or finder.source_after(m.end(), q.open)
        if found is not None and _TO_QUOTE.match(text, found.end, q.open):
            return found, "in the words of"
    for m in _IN.finditer(text, floor, q.open):
        found = finder.after(m.end(), q.open)
        words = _POSSESSIVE_WORDS.match(text, found.end, q.open) if found is not None else None
        if words is not None and _TO_QUOTE.match(text, words.end(), q.open):
            return found, "in the words of"
    return None


def idiom_after(text: str, finder: SpeakerFinder, start: int, limit: int) -> tuple[Found, str, int] | None:
    """The speaker, idiom and idiom's end of `“…,” as X put it` or `“…,” in the words of X`,
    read from ``start`` (past the quotation and its comma)."""
    if not text.startswith(("as", "As", "in", "In"), start):
        return None
    m = _AS.match(text, start, limit)
    if m is not None:
        put = _put_it(text, finder, m.end(), limit)
        return None if put is None else (put[0], "put it", put[1])
    m = _WORDS_OF.match(text, start, limit)
    if m is not None:
        found = finder.after(m.end(), limit) or finder.source_after(m.end(), limit)
        return None if found is None else (found, "in the words of", found.end)
    return None


def _put_it(text: str, finder: SpeakerFinder, start: int, ceiling: int) -> tuple[Found, int] | None:
    """The speaker phrase from ``start`` (after "as") up to "put it", and where the idiom ends."""
    put = _PUT_IT.search(text, start, ceiling)
    if put is None:
        return None
    found = finder.after(start, put.start()) or finder.source_after(start, put.start())
    return None if found is None or found.end != put.start() else (found, put.end())
