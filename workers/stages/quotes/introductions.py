"""Quotes introduced by what comes before them: a paragraph of its own after `X said:` (a block
quote), or, with no reporting verb, a colon (`In a statement: “…”`) or a name and a dash
(`Jane Smith — “…”`)."""
from __future__ import annotations

import re

from workers.stages.quotes.candidates import Draft
from workers.stages.quotes.cues import CLAUSE_WINDOW_CHARS
from workers.stages.quotes.document import Document, at_least_words
from workers.stages.quotes.found import Found
from workers.stages.quotes.marks import Quoted
from workers.stages.quotes.mixed import complete
from workers.stages.quotes.speakers import SpeakerFinder

# Quoted words after a colon this short and not a whole sentence are a title or a label
# ("Its name: “Project Blue”"); the floor uncued quotes have.
_MIN_WORDS = 5
_COLON = re.compile(r":[ \u00a0]*$")
_DASH = re.compile(r"(?:[—–―]+|--)[ \u00a0]*$")
# Words opening a phrase fronted before the main clause and its subject ("With …, ", "After …, ").
_FRONTED = frozenset("with as after while when despite although though because if since before following amid during".split())


def block_cue(doc: Document, finder: SpeakerFinder, q: Quoted) -> Draft | None:
    """A paragraph opening with a quotation, introduced by `X said:` closing the paragraph before."""
    i = doc.paragraph_index(q.open)
    if i <= 0:
        return None
    prev = doc.paragraphs[i - 1]
    if not doc.text[max(prev.start, prev.end - 5) : prev.end].rstrip().endswith(":"):
        return None
    floor = max(doc.sentences.start_of(prev.end - 1), prev.end - CLAUSE_WINDOW_CHARS)
    cue = doc.cues.last(floor, prev.end)
    if cue is None:
        # No reporting verb ("Sanders made the following comment:"): a person named or a pronoun
        # opening the clause is the speaker; with nobody there, the colon introduces a document.
        found = finder.subject(floor, prev.end) or _first_named(finder, floor, prev.end)
        return None if found is None else Draft(q.start, q.end, "direct", found, None)
    found = (finder.before(floor, cue.start) or finder.after(cue.end, prev.end)
             or _first_named(finder, floor, cue.start))  # "Ana Ruiz had this to say:"
    return Draft(q.start, q.end, "direct", found, cue.word)


def introduced(doc: Document, finder: SpeakerFinder, q: Quoted, floor: int) -> Draft | None:
    """A quote after a colon or a name and a dash that end the text before it (from ``floor``,
    the start of its clause): the speaker is the clause's subject, or else the previous speaker."""
    text = doc.text
    if not (complete(text, q) or at_least_words(text, q.start, q.end, _MIN_WORDS)):
        return None
    dash = _DASH.search(text, max(floor, q.open - 8), q.open)
    if dash is not None:
        mention = doc.names.ending_at(_before_spaces(text, floor, dash.start()))
        if mention is not None and mention.start == floor:
            return Draft(q.start, q.end, "direct", Found(mention.start, mention.end, "name", mention), None)
        return None
    colon = _COLON.search(text, max(floor, q.open - 8), q.open)
    if colon is None or colon.start() <= floor:
        return None
    cue = doc.cues.last(floor, colon.start())
    found = finder.before(floor, cue.start) if cue is not None else None
    if found is not None:  # "The premier said in a Facebook post: “…”"
        return Draft(q.start, q.end, "direct", found, cue.word)
    start = _past_fronted(text, floor, colon.start())
    found = finder.subject(start, colon.start()) or finder.after(start, colon.start())
    return Draft(q.start, q.end, "direct", found, None, continues=found is None)


def _past_fronted(text: str, floor: int, end: int) -> int:
    """Where the main clause starts after a fronted phrase set off by a comma ("With Labour leaders
    worried about turnout, Ann Cole is rolling out a new message:"), else ``floor``."""
    first = text[floor : floor + 12].split(" ", 1)[0].lower()
    comma = text.find(",", floor, end) if first in _FRONTED else -1
    return comma + 1 if comma >= 0 else floor


def _first_named(finder: SpeakerFinder, start: int, end: int) -> Found | None:
    """The first person or organisation named between ``start`` and ``end``."""
    mentions = finder.names.between(start, end)
    return Found(mentions[0].start, mentions[0].end, "name", mentions[0]) if mentions else None


def _before_spaces(text: str, floor: int, pos: int) -> int:
    while pos > floor and text[pos - 1] in " \u00a0":
        pos -= 1
    return pos
