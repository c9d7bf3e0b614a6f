"""The subject phrase opening a reporting verb's clause when no name, pronoun or speaker noun
ends it: "Those close to him say", "elected officials from both parties say"."""
from __future__ import annotations

import re

from workers.stages.quotes.cues import Cue
from workers.stages.quotes.document import at_least_words, open_who, trim, word_after, word_before
from workers.stages.quotes.found import Found
from workers.stages.quotes.lexicon import FINITE_AUXILIARIES, PRONOUNS, WEAK_VERBS
from workers.stages.quotes.speakers import ENDS_JOINED, SpeakerFinder

# A clause's whole opening phrase is its subject ("Those close to him say") when it is this short.
_SUBJECT_MAX_WORDS = 7
_SUBJECT_MAX_CHARS = 80
# A relative clause between a subject and its verb, read back from the verb ("who saw the fire"):
# at most this long, and holding no clause mark or quote mark.
_RELATIVE_CLAUSE_CHARS = 80
# A relative aside set off by commas after the subject, at most this long.
_ASIDE_CHARS = 150
_LOWER_WORD = re.compile(r"[a-z]")
_CLAUSE_MARK = re.compile(r"[,;:\"“”]|(?<![\w’'\-])that(?![\w’'\-])")
# Opening words of a clause that is no subject: a subordinate clause or an adjunct.
_NOT_SUBJECT_START = frozenset(
    """if when while because although though as since after before unless until what how why
    where in on at for from with by during that which who whom whose it there this here and
    but or so then yet also now to""".split()
)
# What makes the phrase a clause or a verb phrase rather than a speaker: a relative or
# subordinate word, a pronoun subject ("he barely mentioned"), an infinitive ("police to
# tell"), quote marks, digits or dashes.
_NOT_IN_SUBJECT = re.compile(
    r"[\"“”‘’«»()\d―—–]|(?<![\w’'\-])(?:that|which|who|what|it|is|was|were|are|"
    r"he|she|they|we|i|you|after|before|when|while|because|if|as)(?![\w’'\-])|[ \u00a0]to$"
)


def clause_subject(text: str, finder: SpeakerFinder, floor: int, cue: Cue) -> Found | None:
    """The whole short phrase opening the verb's clause, when no name, pronoun or speaker
    noun ends it: "Those close to him say", "elected officials from both parties say"."""
    if cue.word.lower() in WEAK_VERBS or cue.word.endswith("ing"):
        return None
    end = _before_aside(text, floor, finder.skip_back(floor, cue.start))
    lo = max(floor, end - _SUBJECT_MAX_CHARS)
    start = max(text.rfind(",", lo, end), text.rfind(";", lo, end), text.rfind(":", lo, end)) + 1
    if start == 0:  # no clause mark: the sentence opens the clause, if close enough
        if lo > floor:
            return None
        start = floor
    start, end = trim(text, start, end)
    if start >= end or at_least_words(text, start, end, _SUBJECT_MAX_WORDS + 1):
        return None
    if not any(char.isalnum() for char in text[start:end]):
        return None  # a stray quote mark ("…,' said Tomkins"): no one
    first = word_after(text, start, end)
    if first.lower() in _NOT_SUBJECT_START or _NOT_IN_SUBJECT.search(text, start, end):
        return None
    if ENDS_JOINED.search(text, start, end):
        return None  # "Ann Lee thanked them and said": a predicate before the verb, not a subject
    return Found(start, end, "noun phrase")


def _before_aside(text: str, floor: int, end: int) -> int:
    """Where the phrase ends before a relative aside that ends at ``end`` ("A nurse at the
    hospital, who asked not to be named, said"), else ``end``."""
    close = end - 1
    while close >= floor and text[close] in " \u00a0":
        close -= 1
    if close < floor or text[close] != ",":
        return end  # most verbs: no aside before them
    who = open_who(text, max(floor, close - _ASIDE_CHARS), close)
    return who if who >= 0 else end


def restricted_subject(text: str, finder: SpeakerFinder, floor: int, cue: Cue) -> Found | None:
    """The subject before a relative clause that ends at the verb, with no comma: "Neighbours"
    in "Neighbours who saw the fire said", "The officer" in "The officer who arrested him said"."""
    who = text.rfind(" who ", max(floor, cue.start - _RELATIVE_CLAUSE_CHARS), cue.start)
    if who < 0 or cue.word.lower() in WEAK_VERBS or cue.word.endswith("ing"):
        return None  # most verbs have no "who" before them: looked for first
    end = finder.skip_back(floor, cue.start)
    # the clause holds its own verb and object, and reports nothing itself ("who was told that …")
    if not at_least_words(text, who + 5, end, 2) or _CLAUSE_MARK.search(text, who, end):
        return None
    found = finder.before(floor, who)
    # the subject opens the sentence (a dateline aside): "according to a scientist who told …" is no subject
    return found if found is not None and _LOWER_WORD.search(text, floor, found.start) is None else None


# "what Trump says his plan would do", "Everything the minister said was denied": the verb's
# object is the word before its subject, so what follows is no statement of the speaker's.
_FREE_RELATIVE = frozenset("what whatever everything anything nothing".split())


def in_free_relative(text: str, floor: int, found: Found) -> bool:
    """Whether the speaker phrase is the subject of a free relative clause (its first word, as
    a name mention may take a capitalised "Everything" in, or the word before it)."""
    first = word_after(text, found.start, found.end).lower()
    span = word_before(text, floor, found.start)
    before = text[span[0] : span[1]].lower() if span else ""
    return first in _FREE_RELATIVE or before in _FREE_RELATIVE


# A finite verb inside a speaker phrase: an auxiliary or modal, a negated one, or "'s" before
# worth/been/not ("North Korea's ambitions have barely been", "They wouldn't", "It's worth").
# Lower case only: "Theresa May" holds no modal.
_FINITE = re.compile(
    rf"(?<![\w’'\-])(?:{'|'.join(sorted(FINITE_AUXILIARIES | {'been', 'keeps'}))})"
    r"(?![\w’'\-])|[a-z]+n[’']t(?![\w’'\-])|[’']s(?=[ \u00a0]+(?:worth|been|not)(?![\w’'\-]))"
)
# A time adjunct closing a speaker phrase ("The mayor on Tuesday", "Trump this week").
_TIME_TAIL = re.compile(
    r"[ \u00a0]+(?:(?:just|also|only)[ \u00a0]+)?(?:on[ \u00a0]+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:this|last|next|that)[ \u00a0]+"
    r"(?:week|weekend|month|year|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)|"
    r"yesterday|today|tonight|earlier|later|now)$"
)
# Heads of a stock phrase's subject, which no one speaks for ("Conventional wisdom says …").
_NOBODY = frozenset("wisdom sense logic history intuition tradition legend lore adage saying maxim".split())


def subject_before_verb(text: str, found: Found) -> Found | None:
    """A speaker phrase cut before a verb it ran into ("his aides haven't" -> "his aides"); None
    when what is left names nobody who can speak ("It's worth noting that …", "Conventional
    wisdom says …")."""
    m = _FINITE.search(text, found.start, found.end)
    start, end = trim(text, found.start, m.start()) if m is not None else (found.start, found.end)
    while (time := _TIME_TAIL.search(text, start, end)) is not None and time.start() > start:
        end = time.start()  # "The mayor on Tuesday said": the day is when, not who
    words = text[start:end].lower().split()
    if not words or words == ["it"] or words == ["there"] or words[-1] in _NOBODY:
        return None
    if m is None and end == found.end:
        return found
    return Found(start, end, "pronoun" if words[0] in PRONOUNS and len(words) == 1 else "noun phrase")
