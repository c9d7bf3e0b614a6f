"""Candidate quotes: the quoted spans to attribute, transcript turns, and the record (a Draft)
each pass after them fills in."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from workers.stages.quotes.document import Document
from workers.stages.quotes.found import Found
from workers.stages.quotes.interview import answers
from workers.stages.quotes.marks import Quoted, outermost
from workers.stages.quotes.names import Mention


# A title of a work or a show ("Fox News Sunday", "Make Your Kid a Millionaire", "The Pope and
# Mussolini: The Secret History of Pius XI and the Rise of Fascism in Europe") is words each
# capitalised but the short function words; quoted, it names something and says nothing. A
# sentence of that many words with every other word capitalised is no one's speech.
_TITLE_WORDS = 20
_TITLE_CHARS = 160
_WORD = re.compile(r"[\w’'\-]+")
_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from as vs".split())


@dataclass(slots=True)
class Draft:
    """A quotation found but not yet given its final speaker."""

    start: int
    end: int
    kind: str
    found: Found | None
    cue: str | None
    continues: bool = False  # no cue: inherits the previous quote's speaker
    # No cue, but opens the sentence after one reporting speech in its paragraph: inherits the
    # speaker of that sentence's quote, reported or quoted (and is dropped when it has none).
    after_report: bool = False
    # The quoted runs of a direct quote split around its cue; None: the one run start..end.
    parts: list[tuple[int, int]] | None = None


class Candidates(NamedTuple):
    """The outermost quoted spans outside transcript turns, and each turn as a direct quote."""

    quoted: list[Quoted]
    turns: list[Draft]


def candidates(doc: Document, quoted: list[Quoted]) -> Candidates:
    """Split the paired quotations (``find_quoted``'s answer) into spans to attribute and turns."""
    outer = outermost(quoted)
    turns = _turns(doc)
    if turns:
        outer = [q for q in outer if not any(d.start <= q.open < d.end for d in turns)]
    return Candidates(outer, turns)


def _turns(doc: Document) -> list[Draft]:
    """Each transcript turn ("PENCE: Well, …") as a direct quote of the speaker named in capitals,
    and each answer of a printed interview as a direct quote of the person interviewed."""
    text = doc.text
    drafts = []
    for i, (name_start, name_end, content) in doc.turns.items():
        para = doc.paragraphs[i]
        words = tuple(w.title() for w in text[name_start:name_end].split())
        found = Found(name_start, name_end, "name", Mention(name_start, name_end, words))
        start, end = content, para.end  # paragraphs come stripped of surrounding spaces
        if text[para.start] in "\"“" and text[end - 1] in "\"”":
            end -= 1  # the turn re-opened a quote mark and this one closes it
        drafts.append(Draft(start, end, "direct", found, None))
    for parts, mention in answers(doc):
        found = None if mention is None else Found(mention.start, mention.end, "name", mention)
        drafts.append(Draft(parts[0][0], parts[-1][1], "direct", found, None, parts=parts))
    return drafts


def is_title(text: str, q: Quoted) -> bool:
    """Quoted words that are a title in Title Case: two to twenty words, every other word capitalised."""
    if q.end - q.start > _TITLE_CHARS or not text[q.start].isupper():
        return False  # most quotes: read no further
    # A lower-case word after the first space that is no small word rules the title out before all
    # the words are read (a findall costs several times one match).
    space = text.find(" ", q.start, q.end) + 1
    if 0 < space < q.end and text[space].islower():
        second = _WORD.match(text, space, q.end)
        if second is not None and second.group() not in _SMALL_WORDS:
            return False
    words = _WORD.findall(text, q.start, q.end)
    if not 2 <= len(words) <= _TITLE_WORDS:
        return False
    if not words[0][0].isupper():
        return False
    for w in words:
        if not (w[0].isupper() or w[0].isdigit() or w in _SMALL_WORDS):
            return False
    return True
