"""Reporting cues: where a reporting verb is, where the reported content after it starts, and
the patterns that cut that content short."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from workers.stages.quotes.lexicon import (
    DETERMINERS,
    FRAMING_ALSO,
    FRAMING_VERBS,
    INTENTION_VERBS,
    LISTENER_VERBS,
    REPORTING_VERBS,
)
from workers.stages.quotes.listeners import skip_listener
from workers.stages.quotes.names import NameIndex
from workers.stages.quotes.tries import word_trie
from workers.stages.quotes.wordruns import WORD_CHAR, WORDS


def _verb_trie(verbs: frozenset[str]) -> str:
    # A trie-shaped, case-sensitive pattern: a flat alternation of 300 words (or IGNORECASE)
    # is tried word by word at every position and made the whole stage several times slower.
    return word_trie(sorted(verbs | {verb.capitalize() for verb in verbs}))


_VERBS = REPORTING_VERBS | FRAMING_VERBS | FRAMING_ALSO
_FRAMING_TRIE = _verb_trie(_VERBS)
FRAMING_CUE = re.compile(rf"(?<![\w’'\-])(?:{_FRAMING_TRIE})(?![\w’'\-])")
# The same verbs for the whole-text scan, read in ``word_shapes(text)``, where every verb the
# scan may take follows a space: a pattern opening with one literal lets the regex engine skip
# ahead at C speed (a class costs a call per character, a leading look-behind a try). In lower
# case only: without the capitalised alternatives every word tries half as many branches.
_SPACE_THEN_VERB = re.compile(rb" (?:" + word_trie(sorted(_VERBS)).encode() + rb")(?![a-z0-9_'\-])")
# One byte per character of the text: A-Z lowered, a-z, digits and _ ' - kept, any other letter or
# digit "x" (no separator, and in no verb) and anything else a space. Lowering makes an ASCII
# letter of no other character but the Kelvin sign, and never changes whether a character is a
# letter or digit (checked over all code points), so these are the text's word boundaries.
_SHAPES = bytes(
    b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789_'-"
    else b + 32 if 65 <= b <= 90
    else ord("x") if chr(b).isalnum()
    else ord(" ")
    for b in range(256)
)
# Verbs as written, lower case or capitalised (what FRAMING_CUE matches): no lower() per match.
_CASED = _VERBS | {verb.capitalize() for verb in _VERBS}
_REPORTING_CASED = REPORTING_VERBS | {verb.capitalize() for verb in REPORTING_VERBS}
_INTENTION_CASED = INTENTION_VERBS | {verb.capitalize() for verb in INTENTION_VERBS}
# "to" and a verb after an intention ("vowed to form", "decided not to recommend"); "to" before
# a determiner or pronoun is a preposition ("agreed to a deal", "promised to them").
INFINITIVE = re.compile(
    r"[ \u00a0]+(?:not[ \u00a0]+)?to[ \u00a0]+"
    r"(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|them|me|us|it)(?![\w’'\-]))[a-z]"
)
# The look-behind follows the first letter: a pattern opening with a look-behind is tried at
# every position, one opening with a letter only where that letter is (a search 2x faster).
# Reporting clauses and reported content are looked for within this many characters of
# their cue or quote, which keeps every lookup bounded (a 10 MB one-sentence document stays
# linear); real clauses are far shorter.
CLAUSE_WINDOW_CHARS = 400
ACCORDING = re.compile(r"[Aa](?<![\w’'\-][Aa])ccording to(?![\w’'\-])")
_THAT_WINDOW_WORDS = 10
# A verb in the past right after "that" makes it a relative pronoun, not the start of a statement.
_RELATIVE_THAT = re.compile(r"[ \u00a0]+(?:[a-z]{2,}ed|was|were|had|has|have|is|are)(?![\w’'\-])")
# Whether one of the next _THAT_WINDOW_WORDS tokens (as WORDS reads them) is "that": most
# verbs have none, and one match rules that out faster than reading the tokens one by one.
_THAT_AHEAD = re.compile(
    rf"(?:[ \u00a0]*+(?:{WORD_CHAR}++|[^\w\s])){{0,{_THAT_WINDOW_WORDS - 1}}}[ \u00a0]*+(?i:that)(?![\w’'\-])"
)
# A subject pronoun right after the verb opens its statement: a "that" further on is inside it
# ("said he hoped that …", "said it was clear that …", "insists there is …").
_SUBJECT_FIRST = re.compile(r"[ \u00a0]*(?:he|she|they|we|I|it|there)[ \u00a0]+[a-z]")
# A short time or place phrase between a verb and a clause opening with a subject pronoun.
_PHRASE_THEN_PRONOUN = re.compile(
    r"[ \u00a0]*(?:after|before|during|at|in|on|since|following|later)[ \u00a0]+"
    r"(?:[\w’'\-]+[ \u00a0]+){1,4}?,?[ \u00a0]*(?=(?:he|she|they|we|it|I)[ \u00a0])"
)
# Phrases between a verb and its content: "said in a statement", "told CNN in an interview".
_ADJUNCT = re.compile(
    r"[ \u00a0]*(?:(?:on|in|at|during|last|this|late|early)[ \u00a0]+)?"
    r"(?:(?:a|an|the|his|her|their|its)[ \u00a0]+)?"
    r"(?:statement|interview|tweet|speech|email|press release|news conference|press conference|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|"
    r"afternoon|evening|January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?![\w’'\-])[ \u00a0]*,?"
)


@dataclass(slots=True)
class Cue:
    """A reporting verb as written, with its span (a slots class: built and read twice as fast
    as a NamedTuple, and one is built per lookup)."""

    start: int
    end: int
    word: str


class CueIndex:
    """Every reporting and framing verb of a text, found in one pass and looked up by position
    (scanning a window per quote cost as much as scanning the whole text again).

    Kept as plain lists of offsets and words rather than match objects: lookups walk them by
    index, with no slicing or match objects kept alive per verb.
    """

    def __init__(self, text: str) -> None:
        self._all_starts: list[int] = []
        self._ends: list[int] = []
        self._words: list[str] = []
        first = FRAMING_CUE.match(text)  # a verb opening the text has no character before it
        if first is not None:
            self._all_starts.append(first.start())
            self._ends.append(first.end())
            self._words.append(first.group())
        # Kept for quick case-blind finds (b"that"): the offsets are the text's.
        self.lowered = word_shapes(text)
        _verbs_after_separators(text, self.lowered, self._all_starts, self._ends, self._words)
        self._reporting = [word in _REPORTING_CASED for word in self._words]
        # Where reported speech may be: an intention reports nothing, and passing it over here
        # spares splitting its paragraph into sentences.
        self.starts = [
            self._all_starts[i] for i, rep in enumerate(self._reporting) if rep and self._words[i] not in _INTENTION_CASED
        ]

    def within(self, start: int, end: int, reporting: bool = True) -> list[Cue]:
        """The verbs inside [start, end), in order (reporting verbs only unless told otherwise)."""
        starts, ends, rep, words = self._all_starts, self._ends, self._reporting, self._words
        found = []
        i = bisect.bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end and (not reporting or rep[i]):
                found.append(Cue(starts[i], ends[i], words[i]))
            i += 1
        return found

    def first(self, start: int, end: int, reporting: bool = True) -> Cue | None:
        """The first verb inside [start, end) (reporting verbs only unless told otherwise)."""
        # One bisect, then a walk forward: most windows hold no verb or one.
        starts, ends, rep = self._all_starts, self._ends, self._reporting
        i = bisect.bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end and (not reporting or rep[i]):
                return Cue(starts[i], ends[i], self._words[i])
            i += 1
        return None

    def first_and_before(self, start: int, end: int) -> tuple[Cue | None, Cue | None]:
        """``first(start, end)``, and the first verb of any kind before it (``first(start, its start
        or end, reporting=False)``), with one bisect for both."""
        starts, ends, rep = self._all_starts, self._ends, self._reporting
        i = k = bisect.bisect_left(starts, start)
        while k < len(starts) and starts[k] < end and not (ends[k] <= end and rep[k]):
            k += 1
        found = k < len(starts) and starts[k] < end
        bound = starts[k] if found else end
        while i < len(starts) and starts[i] < bound and ends[i] > bound:
            i += 1
        cue = Cue(starts[k], ends[k], self._words[k]) if found else None
        return cue, (Cue(starts[i], ends[i], self._words[i]) if i < len(starts) and starts[i] < bound else None)

    def last(self, start: int, end: int, reporting: bool = True) -> Cue | None:
        starts, ends, rep = self._all_starts, self._ends, self._reporting
        i = bisect.bisect_left(starts, end) - 1
        while i >= 0 and starts[i] >= start:
            if ends[i] <= end and (not reporting or rep[i]):
                return Cue(starts[i], ends[i], self._words[i])
            i -= 1
        return None


def word_shapes(text: str) -> bytes:
    """``text`` as one byte per character (``_SHAPES``); a character beyond Latin-1 reads "?", so a
    space: a letter among them, or "’", is told apart after the match."""
    return text.encode("latin-1", "replace").translate(_SHAPES)


def _verbs_after_separators(text: str, shapes: bytes, starts: list[int], ends: list[int], words: list[str]) -> None:
    """Append the start, end and word as written of every verb between two characters that are no
    letter, digit or "’" ("é" is no separator: "éstated" holds no verb)."""
    add_start, add_end, add_word = starts.append, ends.append, words.append
    for m in _SPACE_THEN_VERB.finditer(shapes):
        separator, end = m.span()  # the separator is one character
        word = text[separator + 1 : end]
        # Letter case never moves a word boundary, so only the word's own case is left to check:
        # "SAID" is no cue (FRAMING_CUE takes lower case or a capital first letter only). Beyond
        # Latin-1 a letter or "’" reads as a space too: the text tells them apart here.
        if (
            word in _CASED
            and not (ch := text[separator]).isalnum() and ch != "’"
            and not ((after := text[end : end + 1]).isalnum() or after == "’")
        ):
            add_start(separator + 1)
            add_end(end)
            add_word(word)


def content_start(
    text: str, cue_end: int, limit: int, verb: str, names: NameIndex, lowered: bytes | None = None
) -> int:
    """Where the reported content starts after a reporting verb ending at ``cue_end`` (``lowered``:
    ``CueIndex.lowered``, which spares most verbs the look for "that")."""
    # No "that" in any letter case up to the limit: found at C speed, where the pattern that
    # looks for it within ten words cost 2 µs a verb.
    no_that = lowered is not None and lowered.find(b"that", cue_end, limit) < 0
    that = None if no_that else _that_within(text, cue_end, limit)
    if that is not None:
        return that
    pos = cue_end
    for _ in range(3):  # adjuncts can stack: "told CNN on Tuesday in an interview"
        m = _ADJUNCT.match(text, pos, limit)
        if m and m.end() > pos:
            pos = m.end()
        elif verb.lower() in LISTENER_VERBS and pos == cue_end:
            pos = skip_listener(text, pos, limit, names)
        else:
            break
    m = _PHRASE_THEN_PRONOUN.match(text, pos, limit)
    if m is not None:
        pos = m.end()  # "said after the meeting he would …": the pronoun opens the statement
    while pos < limit and text[pos] in " \u00a0,:":
        pos += 1
    return pos


def _that_within(text: str, start: int, limit: int) -> int | None:
    if _THAT_AHEAD.match(text, start, limit) is None or _SUBJECT_FIRST.match(text, start, limit):
        return None
    pos, aside, previous, subject = start, False, "", False
    for _ in range(_THAT_WINDOW_WORDS):
        m = WORDS.match(text, pos, limit)
        if not m:
            return None
        word = m.group(1)
        if pos == start:
            subject = word in DETERMINERS or word[:1].isupper()
        elif subject and word in REPORTING_VERBS and previous != "to" and not word.endswith("ing"):
            return None  # "said the report showed that …": "that" opens the clause inside the statement
        if word.lower() == "that":
            if pos != start and _RELATIVE_THAT.match(text, m.end(), limit):
                return None  # "believed the polls that showed him …": a relative clause of the object
            if previous in ("and", "but", "or"):
                return None  # "said A and that B": a second statement; the first opens after the verb
            # after a comma only when an aside closes just before it: "said, as did the bank, that"
            return m.start(1) if not aside or previous == "," else None
        if word in ".;?!\"“”‘’":
            return None
        aside = aside or (word == "," and pos != start)
        pos, previous = m.end(), word
    return None


_SPACE = r"[ \u00a0]"


def cut_pattern(*alternatives: str) -> re.Pattern[str]:
    """A pattern for the first of several cuts, each alternative opening with a literal.

    An alternative opening with a space class is written out once for a plain space and once
    for a no-break space: when every alternative opens with a literal, the regex engine skips
    to the next possible first character at C speed, where it otherwise tries the whole
    pattern at every position (a search was three times slower)."""
    parts: list[str] = []
    for alternative in alternatives:
        if alternative.startswith(_SPACE + "+"):
            rest = _SPACE + "*" + alternative[len(_SPACE) + 1 :]
            parts += [" " + rest, "\u00a0" + rest]
        elif alternative.startswith(_SPACE):
            rest = alternative[len(_SPACE) :]
            parts += [" " + rest, "\u00a0" + rest]
        else:
            parts.append(alternative)
    return re.compile("|".join(parts))
