"""Mixed quotes: the reported clause around a quoted phrase (`called the plan “a disaster” for
the coast`), and a phrase framed "as" a quoted one."""
from __future__ import annotations

import re

from workers.stages.quotes.candidates import Draft
from workers.stages.quotes.cues import CLAUSE_WINDOW_CHARS, FRAMING_CUE, cut_pattern
from workers.stages.quotes.document import Document, at_least_words, past_words, trim, word_before
from workers.stages.quotes.marks import Quoted
from workers.stages.quotes.speakers import SpeakerFinder

# The clause of a mixed quote runs on after the quoted words up to the next comma, dash or
# semicolon when that is at most this many words ("said it was “a mistake” to use private
# email"); longer tails are left out. 4, 8, 12 and 20 tried on PolNeAR dev: 12 was best.
_MIXED_TAIL_WORDS = 12
# A cut starting inside such a tail ends within this many words more (", sharply criticising",
# "and then warned"): a cut further on leaves too long a tail, as none at all does, so the tail
# is read no further than this (a long sentence cost a search of the whole window per quote).
_CUT_WORDS = 4
# A comma, semicolon, colon or dash, or a hyphen or two standing between spaces (`\s--?\s`,
# which the match starts a character before). Written to open with one character class so
# that the regex engine skips ahead at C speed; `[,;:—–]|\s--\s|\s-\s` was tried whole at
# every position and, on a long sentence, was the slowest search of the stage.
_TAIL_CUT = re.compile(r"[,;:—–-](?:(?<=[,;:—–])|(?<=\s-)-?\s)")
# Reported content ends at a coordinated clause ("…, but", "and says he will", a dash, ";").
_CONTENT_CUT = cut_pattern(
    ";",
    r"[ \u00a0](?:--|—|–)[ \u00a0]",
    # a clause of its own
    r",[ \u00a0]+(?:but|while|although|though)[ \u00a0]",
    r"[ \u00a0]+(?:but|while|although|though)[ \u00a0]",
    r",[ \u00a0]+which[ \u00a0]",
    r",[ \u00a0]+(?:[a-z]+ly[ \u00a0]+)?[a-z]+ing[ \u00a0]",  # a participle: ", implicitly putting"
    # a second verb: "and says he will", "and encouraged Americans"
    rf"[ \u00a0]and[ \u00a0]+(?:[a-z]+ly[ \u00a0]+)?(?:[a-z]+ed[ \u00a0]|{FRAMING_CUE.pattern})",
)
# A framed phrase ("called the plan “a disaster”") ends where an adjunct of time or place begins.
_ADJUNCT_CUT = re.compile(
    r"[ \u00a0](?:during|at|on|while|after|before|when|last|this|earlier|yesterday|today|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w’'\-])"
)
# Before a verb form these make it a noun: "the report", "his call", "a claim".
_NOUN_DETERMINERS = frozenset("the a an his her their its our my your this that".split())
_ARTICLES = _NOUN_DETERMINERS - {"this", "that"}  # "that Trump called" is a clause
# "as (a) “…”" right before a quotation frames the object before it.
AS_FRAME = re.compile(r"[ \u00a0]as[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?$")
# Names and examples, not characterisations: "known as “…”", "such as “…”".
_NOT_FRAMING = re.compile(r"(?<![\w’'\-])(?:known|such|referred|served|identified|listed|titled)[ \u00a0]*$")


def after_determiner(text: str, floor: int, pos: int) -> bool:
    """A determiner before ``pos`` makes the verb form there a noun ("dismissed the report as
    “nonsense”": the verb is "dismissed"), also past a name ("said in a Facebook post that")."""
    span = word_before(text, floor, pos)
    word = text[span[0] : span[1]].lower() if span is not None else ""
    if word in _NOUN_DETERMINERS:
        return True
    if span is None or not text[span[0]].isupper():
        return False
    span = word_before(text, floor, span[0])  # "a Facebook post"; "that Trump called" is a clause
    return span is not None and text[span[0] : span[1]].lower() in _ARTICLES


def framed_as(doc: Document, finder: SpeakerFinder, q: Quoted, floor: int) -> Draft | None:
    """`Reid has gone after Trump as a “con artist”`: any verb frames its object "as" a quoted phrase."""
    m = AS_FRAME.search(doc.text, max(floor, q.open - 12), q.open)
    if m is None or _NOT_FRAMING.search(doc.text, max(floor, m.start() - 12), m.start()):
        return None
    found = finder.subject(floor, m.start())
    if found is None or found.end >= m.start():
        return None
    obj = doc.names.ending_at(m.start())
    start = obj.start if obj is not None and obj.start > found.end else m.start() + 1
    return Draft(start, q.end, "mixed", found, None)


def clause_tail(doc: Document, q: Quoted, clausal: bool = False) -> int:
    """End of a short tail finishing the clause after the quoted words (“a disaster” for
    the coast), or ``q.end`` when the sentence ends or goes on too long.

    ``clausal``: the quote sits inside reported content (`said the plan was “a disaster” for
    the coast and …`), which runs on to the sentence end or the next coordinated clause."""
    text = doc.text
    stop = min(doc.sentences.end_of(q.close), q.close_end + CLAUSE_WINDOW_CHARS)
    if clausal:
        cut = _CONTENT_CUT.search(text, q.close_end, stop)
        if cut is not None:
            stop = cut.start()
        end = trim(text, q.close_end, stop)[1]
        return end if end > q.close_end else q.end
    reach = past_words(text, q.close_end, stop, _MIXED_TAIL_WORDS + 1 + _CUT_WORDS)
    stop = _tail_cut(text, q.close_end, reach)
    for pattern in (_CONTENT_CUT, _ADJUNCT_CUT):
        cut = pattern.search(text, q.close_end, stop)
        if cut is not None:
            stop = cut.start()
    if at_least_words(text, q.close_end, stop, 1) and not at_least_words(text, q.close_end, stop, _MIXED_TAIL_WORDS + 1):
        return trim(text, q.close_end, stop)[1]
    return q.end


def _tail_cut(text: str, start: int, stop: int) -> int:
    """Where the first cut of a short tail inside [start, stop) starts, else ``stop``."""
    cut = _TAIL_CUT.search(text, start, stop)
    # A hyphen's space must lie inside the window too (the look-behind sees before it).
    while cut is not None and text[cut.start()] == "-" and cut.start() == start:
        cut = _TAIL_CUT.search(text, start + 1, stop)
    if cut is None:
        return stop
    return cut.start() - 1 if text[cut.start()] == "-" else cut.start()


def complete(text: str, q: Quoted) -> bool:
    """The quoted words end with their own punctuation: a whole utterance, not a phrase."""
    return text[q.end - 1 if q.end - 1 > q.start else q.start : q.end] in (".", ",", "?", "!")
