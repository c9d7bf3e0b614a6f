"""Noun phrases naming a speaker, read from their head noun: back to a determiner or a
possessor ("the state’s campaign chairman", "The prime minister's spokesman"), or forward to a
speaker noun ("a senior aide")."""
from __future__ import annotations

import re
from typing import Iterator

from workers.stages.quotes.document import last_visible, word_before
from workers.stages.quotes.lexicon import DETERMINERS, OCCUPATIONS, PERSON_NOUNS, SPEAKER_NOUNS, TITLES
from workers.stages.quotes.names import Mention, NameIndex
from workers.stages.quotes.wordruns import WORD_CHAR

WORD_AFTER = re.compile(rf"[ \u00a0]*({WORD_CHAR}+)")
_WORD_OR_INITIALISM = re.compile(rf"[ \u00a0]*((?:[A-Z]\.){{2,}}|{WORD_CHAR}+)")
_PHRASE_MAX_WORDS = 5
# Words before a possessive read for its determiner ("the state's prime minister's").
_POSSESSOR_WORDS = 3
# Words that open a clause inside a sentence: no noun phrase reaches back over one.
_SUBORDINATORS = frozenset("because since although though unless whereas while when if that which who".split())
# Words after which a new clause (and its subject) begins: conjunctions and subordinators.
_CLAUSE_OPENERS = frozenset(
    "and but yet still while as meanwhile however when although though because if since after before once until "
    "what".split()
)

# Lower-case nouns of a role between a body's name and its person's ("Arsenal goalkeeper Wojciech
# Szczesny", "Labour leader Ed Miliband", "Acme chief executive Tom Reed"), at most this many.
_ROLE_NOUNS = SPEAKER_NOUNS | PERSON_NOUNS | OCCUPATIONS | frozenset("founder executive".split())
_ROLE_NOUN_WORDS = 3


def role_holder(text: str, names: NameIndex, mention: Mention, ceiling: int) -> Mention | None:
    """The person whose role the name ``mention`` qualifies: "Wojciech Szczesny" for the "Arsenal"
    of "Arsenal goalkeeper Wojciech Szczesny" (a name of two words or more after one to three
    role nouns); else None."""
    pos, roles = mention.end, 0
    while (m := WORD_AFTER.match(text, pos, ceiling)) is not None:
        word = m.group(1)
        if roles < _ROLE_NOUN_WORDS and word.islower() and word in _ROLE_NOUNS:
            pos, roles = m.end(1), roles + 1
            continue
        person = names.starting_at(m.start(1)) if roles else None
        return person if person is not None and len(person.words) > 1 else None
    return None


def phrase_start(text: str, floor: int, head: int, end: int, clause_start: bool = False) -> int | None:
    """Where the noun phrase whose head word runs from ``head`` to ``end`` starts, or None.

    ``clause_start``: the phrase must open its clause (any noun heads a speaker there).
    """
    for start, word in _words_back(text, floor, head, _PHRASE_MAX_WORDS):
        if word in _SUBORDINATORS:
            break  # "a transplant because doctors said": the phrase starts after a clause's opener
        if word in DETERMINERS or word.endswith(("’s", "'s")):  # "the city’s", "Ontario’s" determine too
            if word not in DETERMINERS:
                start = _possessor_start(text, floor, start)  # "The prime minister's spokesman"
            if clause_start and not _opens_clause(text, floor, start):
                return None
            return start
    if clause_start:
        return None
    # A bare plural head ("officials said") is a speaker; a bare singular rarely is.
    return head if text[head:end].lower().endswith("s") else None


def phrase_end(text: str, start: int, ceiling: int) -> int | None:
    """Where a phrase from ``start`` ends at its speaker noun ("a senior aide", "a U.S.
    official"), or None."""
    pos = start
    for _ in range(_PHRASE_MAX_WORDS):
        m = _WORD_OR_INITIALISM.match(text, pos, ceiling)
        if not m:
            return None
        pos = m.end(1)
        if m.group(1).lower() in SPEAKER_NOUNS:
            return pos
    return None


def attached(text: str, a: int, b: int) -> bool:
    """Only spaces lie between two words (no punctuation breaking the phrase)."""
    return not text[a:b].strip(" \u00a0")


def _possessor_start(text: str, floor: int, start: int) -> int:
    """Where the possessor whose last word starts at ``start`` begins: at a determiner or a
    title a few attached words back ("the prime minister's", "Mr Johnson's"), else ``start``."""
    for pos, word in _words_back(text, floor, start, _POSSESSOR_WORDS):
        if word in DETERMINERS or word.rstrip(".") in TITLES:
            return pos
    return start


def _words_back(text: str, floor: int, pos: int, count: int) -> Iterator[tuple[int, str]]:
    """Up to ``count`` words before ``pos``, nearest first, while only spaces part them: each
    one's start and its lower-cased text."""
    for _ in range(count):
        span = word_before(text, floor, pos)
        if not span or not attached(text, span[1], pos):
            return
        pos = span[0]
        yield pos, text[span[0] : span[1]].lower()


def _opens_clause(text: str, floor: int, pos: int) -> bool:
    """Only the sentence start, a comma or a conjunction comes before ``pos``."""
    span = word_before(text, floor, pos)
    if span is None:
        return True
    if text[span[0] : span[1]].lower() in _CLAUSE_OPENERS:
        return True
    return last_visible(text, floor, pos) in (",", ";", ":")
