"""Quotations given a source by an idiom instead of a reporting verb: `as X put it`, `in the
words of X`, `in X's words` — before the quote (`As the mayor put it, “…”`) or after it (`“…,” as
one resident put it.`) — and by the sentence after a quotation that names whose words they were
(`“…” That was the verdict of X`, `Those were the words of X`, `That was how X described …`)."""
from __future__ import annotations

import re

from workers.stages.quotes.found import Found
from workers.stages.quotes.marks import Quoted
from workers.stages.quotes.speakers import SpeakerFinder

_SPACE = r"[ \u00a0]+"
_AS = re.compile(rf"(?<![\w’'\-])[Aa]s{_SPACE}")
# "put it", maybe with an adverb after ("as she put it bluntly"), and before it maybe an adverb
# or an auxiliary ("as Reed memorably put it", "as one fan has put it").
_PUT_IT = re.compile(rf"(?<![\w’'\-])puts?{_SPACE}it(?:{_SPACE}[a-z]+ly)?(?![\w’'\-])")
_BEFORE_PUT = re.compile(rf"(?:{_SPACE}[a-z]+ly)?(?:{_SPACE}(?:has|had|once))?{_SPACE}$")
# "in the words of", "in the immortal words of".
_WORDS_OF = re.compile(rf"(?<![\w’'\-])[Ii]n{_SPACE}the{_SPACE}(?:[a-z]+{_SPACE})?words{_SPACE}of{_SPACE}")
_IN = re.compile(rf"(?<![\w’'\-])[Ii]n{_SPACE}")
# How far before "'s words" its "in" may be: "In the late Senator John McCain's words".
_POSSESSOR_CHARS = 60
_POSSESSIVE_WORDS = re.compile(rf"(?:’s|'s|’|'){_SPACE}(?:own{_SPACE})?words(?![\w’'\-])")
# The next sentence says whose words they were: "That was the verdict of", "Those were the
# words of", "That is the view from", "That was how … described it".
_WHOSE = re.compile(
    rf"(?:That|This|Those|These){_SPACE}(?:was|were|is|are){_SPACE}(?:(?:the{_SPACE}(?:[a-z]+{_SPACE})?"
    rf"(?:verdict|words|message|view|warning|reaction|response|assessment|answer|reply|advice|plea|promise)"
    rf"{_SPACE}(?:of|from))|how){_SPACE}"
)
# After "That was how X": the verb that makes X the one who said it.
_DESCRIBED = re.compile(
    rf"{_SPACE}(?:described|summed|summarised|summarized|put|explained|characteri[sz]ed)(?![\w’'\-])"
)
_WHOSE_MAX_WORDS = 5
# How far before a quotation an idiom introducing it may start ("As the Federal Reserve chairman
# Jerome Powell memorably put it, “" is 66 characters).
IDIOM_REACH = 100
# How every idiom after a quotation opens: most quotes go on with none of these.
IDIOM_OPENINGS = ("as", "As", "in", "In", "Th")
# From the end of the idiom to the quotation's opening mark.
_TO_QUOTE = re.compile(r"[ \u00a0]*[:,]?[ \u00a0]*$")


def idiom_before(text: str, finder: SpeakerFinder, q: Quoted, floor: int) -> tuple[Found, str] | None:
    """The speaker and idiom of `As X put it, “…”`, `In the words of X: “…”` or `In X's words,
    “…”`: the idiom ends right before the quotation. Most clauses before a quote hold neither
    "put it" nor "words": a find for them costs less than a pattern."""
    floor = max(floor, q.open - IDIOM_REACH)
    if text.find("ut it", floor, q.open) >= 0 or text.find("uts it", floor, q.open) >= 0:
        for m in reversed(list(_AS.finditer(text, floor, q.open))):
            put = _put_it(text, finder, m.end(), q.open)
            if put is not None and _TO_QUOTE.match(text, put[1], q.open):
                return put[0], "put it"
    if text.find("words", floor, q.open) < 0:
        return None
    m = _WORDS_OF.search(text, floor, q.open)
    if m is not None:
        found = finder.after(m.end(), q.open) or finder.source_after(m.end(), q.open)
        if found is not None and _TO_QUOTE.match(text, found.end, q.open):
            return found, "in the words of"
    words = _POSSESSIVE_WORDS.search(text, floor, q.open)
    if words is None or not _TO_QUOTE.match(text, words.end(), q.open):
        return None
    for m in _IN.finditer(text, max(floor, words.start() - _POSSESSOR_CHARS), words.start()):
        found = finder.after(m.end(), words.start() + 1)
        if found is not None and found.end == words.start():
            return found, "in the words of"
    return None


def idiom_after(text: str, finder: SpeakerFinder, start: int, limit: int,
                new_sentence: bool) -> tuple[Found, str, int | None] | None:
    """The speaker, idiom and idiom's end of `“…,” as X put it` or `“…,” in the words of X`, read
    from ``start`` (past the quotation and its comma); or, when ``new_sentence`` starts there,
    of `“…” That was the verdict of X` (no end: no second half of the quote follows it)."""
    if text.startswith(("as", "As"), start):
        m = _AS.match(text, start, limit)
        put = _put_it(text, finder, m.end(), limit) if m is not None else None
        return None if put is None else (put[0], "put it", put[1])
    if text.startswith(("in", "In"), start):
        m = _WORDS_OF.match(text, start, limit)
        found = (finder.after(m.end(), limit) or finder.source_after(m.end(), limit)) if m is not None else None
        return None if found is None else (found, "in the words of", found.end)
    whose = whose_words(text, finder, start, limit) if new_sentence else None
    return None if whose is None else (*whose, None)


def whose_words(text: str, finder: SpeakerFinder, start: int, limit: int) -> tuple[Found, str] | None:
    """The speaker named by the sentence from ``start``, right after a quotation: `That was the
    verdict of union leader Ann Cole`, `That was how one parent described the plan`."""
    m = _WHOSE.match(text, start, limit)
    if m is None:
        return None
    cue = text[m.start() : m.end()].rstrip()
    if cue.endswith("how"):  # the speaker is the subject of the verb that follows
        verb = _DESCRIBED.search(text, m.end(), limit)
        found = finder.after(m.end(), verb.start()) or finder.source_after(m.end(), verb.start()) if verb else None
        return (found, cue) if found is not None and found.end == verb.start() else None
    found = _named_soon(finder, m.end(), limit) or finder.after(m.end(), limit) or finder.inverted(m.end(), limit)
    return None if found is None else (found, cue)


def _named_soon(finder: SpeakerFinder, start: int, limit: int) -> Found | None:
    """A name among the first few words from ``start`` ("union leader Ann Cole")."""
    window = finder.text.find(" ", start, limit)
    for _ in range(_WHOSE_MAX_WORDS - 1):
        if window < 0:
            break
        window = finder.text.find(" ", window + 1, limit)
    mentions = finder.names.between(start, window if window > 0 else limit)
    return Found(mentions[0].start, mentions[0].end, "name", mentions[0]) if mentions else None


def _put_it(text: str, finder: SpeakerFinder, start: int, ceiling: int) -> tuple[Found, int] | None:
    """The speaker phrase from ``start`` (after "as") up to "put it", and where the idiom ends."""
    put = _PUT_IT.search(text, start, ceiling)
    lead = _BEFORE_PUT.search(text, start, put.start()) if put is not None else None
    if lead is None:
        return None
    found = finder.after(start, lead.start()) or finder.source_after(start, lead.start())
    return None if found is None or found.end != lead.start() else (found, put.end())
