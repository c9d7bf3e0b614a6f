"""The listener after "told", "warned", "asked" …: passed over before the statement ("told CNN
he would run", "warned residents that …", "told my son they were …"), unless it is the
statement's subject ("warned the drought could last"); and the listener as the subject of a
passive ("She had been told that …"), who reports nothing."""
from __future__ import annotations

import re

from workers.stages.quotes.lexicon import FINITE_AUXILIARIES, LISTENER_VERBS
from workers.stages.quotes.names import NameIndex
from workers.stages.quotes.wordruns import WORDS

_INITIALISM = re.compile(r"[ \u00a0]*(?:[A-Z]\.){2,}")
# A finite verb or modal right after a would-be listener makes it the statement's subject.
_FINITE_AFTER_SUBJECT = FINITE_AUXILIARIES | {"may", "shall"}
_OBJECT_PRONOUNS = frozenset("him her them us me you reporters journalists".split())
_DETERMINERS = ("the", "a", "an", "his", "her", "their", "its", "our", "my", "your")
_ADVERBS = frozenset("still also now already never yet even just only".split())
# A form of "be" right before a listener verb makes it a passive: "was told", "had been warned".
_PASSIVE = re.compile(r"(?<![\w’'\-])(?:been|was|were|is|are|be|being)[ \u00a0]+(?:(?:also|repeatedly|[a-z]+ly)[ \u00a0]+)?\Z")
_PASSIVE_CHARS = 30
# "her" owning the listener: a word of its own, then the statement's subject ("told her
# colleagues she would …", "told her mother that …"), where "told her police had …" and "told her
# the plan …" make "her" the listener.
_HER_NOUN = re.compile(
    r"[ \u00a0]+(?!(?:that|the|a|an|he|she|they|we|it|this|there)(?![\w’'\-]))[a-z][\w’'\-]*"
    r"(?=[ \u00a0]+(?:that|he|she|they|we|I)[ \u00a0])"
)
# Words ending in "s" that are no plural noun.
_NOT_PLURALS = frozenset("his its this is was has does as us yes thus always perhaps sometimes plus".split())


def skip_listener(text: str, pos: int, limit: int, names: NameIndex) -> int:
    """Past the listener after "told", "warned" … ("told CNN", "warned the council"), unless
    what follows is a verb: then it was the statement's subject ("warn the drought could last")."""
    end = _listener_end(text, pos, limit, names)
    verb = WORDS.match(text, end, limit) if end > pos else None
    if verb is not None and verb.group(1).lower() in _ADVERBS:  # "warned floodwaters still had …"
        verb = WORDS.match(text, verb.end(), limit)
    return pos if verb is not None and verb.group(1).lower() in _FINITE_AFTER_SUBJECT else end


def _listener_end(text: str, pos: int, limit: int, names: NameIndex) -> int:
    m = WORDS.match(text, pos, limit)
    if not m:
        return pos
    word = m.group(1)
    if word.lower() == "her" and (owned := _HER_NOUN.match(text, m.end(), limit)):
        return owned.end()
    if word.lower() in _OBJECT_PRONOUNS:
        return m.end()
    mention = names.starting_at(m.start(1))
    if mention is not None:
        return mention.end
    if word.lower() in _DETERMINERS:
        # "told the U.N. the city …": an initialism is one word, its periods inside it
        nxt = _INITIALISM.match(text, m.end(), limit) or WORDS.match(text, m.end(), limit)
        return nxt.end() if nxt else m.end()
    if word.islower() and word.endswith("s") and not word.endswith("ss") and word not in _NOT_PLURALS:
        # people in the plural ("told investigators", "warned residents"), but a request keeps
        # them in what it reports ("asked drivers to avoid travel")
        return pos if text.startswith(" to ", m.end()) else m.end()
    return pos


def told(text: str, floor: int, start: int, verb: str) -> bool:
    """Whether the listener verb ``verb`` at ``start`` is a passive ("She had been told that …",
    "were repeatedly warned"): its subject heard the statement, no one named made it."""
    lo = floor if floor > start - _PASSIVE_CHARS else start - _PASSIVE_CHARS
    return verb.lower() in LISTENER_VERBS and not verb.endswith("ing") and _PASSIVE.search(text, lo, start) is not None
