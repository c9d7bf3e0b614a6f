"""Name mentions: capitalised phrases that may name a person or an organisation, found by position."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from workers.stages.quotes.genders import common_word, is_given_name
from workers.stages.quotes.lexicon import ADVERB_ENDINGS, DEMONYMS, NOT_NAMES, OCCUPATIONS, ORG_WORDS, TITLES
from workers.stages.quotes.particles import particles_after, particles_before
from workers.stages.quotes.tries import word_trie
from workers.stages.quotes.wordforms import bare, is_suffix, sentence_parts, trim_possessive
from workers.stages.quotes.wordruns import WORD_CHAR, run_start

_UPPER = "A-ZÀ-ÖØ-Þ"
# Initials stay inside one token: "G.K.", "U.S.", and so do capitals joined by "&": "M&S", "AT&T"
# (a name of its own, where "S" alone named no one). The quantifiers are possessive (``*+``):
# giving back letters or spaces can never let a name phrase match, and backtracking through
# every capitalised word that no second word follows made FULL_NAME's scan 40% slower.
_HEAD = rf"[{_UPPER}]{WORD_CHAR}*+(?:[.&][{_UPPER}]{WORD_CHAR}*+)*+\.?"
# "(?:al-)?X" written as "al-X|X": an optional group of more than one character costs the regex
# engine a repeat context per try, where an alternation costs none (the same matches).
_TOKEN = rf"(?:(?:al|el|Al|El|bin|ibn)-{_HEAD}|{_HEAD})"
_PARTICLE = r"(?:de|del|della|van|von|der|den|da|di|du|le|la|bin|ibn|al|abu|y|of|for|on|and)"
# A trie of the particles: the regex engine skips a branch on its first letter, where it enters every
# word sharing it (the names scan took 9% less than with one alternation of the words).
_PARTICLE_FIRST = word_trie(_PARTICLE[3:-1].split("|"))
# Particles only count between capitalised words ("Commission on Public Integrity").
# No lookbehind: it defeats the regex engine's first-character scan and tripled the cost;
# a match glued to a preceding word ("iPhone") is dropped in ``_match_parts`` instead.
# The repeats are possessive too: nothing follows them in the pattern, and a particle (lower
# case, then a space) can never start a token, so giving one back never finds another match;
# a greedy repeat of a group costs the regex engine a repeat context per try.
_NAME = re.compile(rf"{_HEAD}(?:[ \u00a0]++(?:{_PARTICLE_FIRST}[ \u00a0]++)*+{_TOKEN})*+")
# Two capitalised words or more: the only phrases that can give a surname its full name.
FULL_NAME = re.compile(rf"{_HEAD}(?:[ \u00a0]++(?:{_PARTICLE_FIRST}[ \u00a0]++)*+{_TOKEN})++")
_CONNECTORS = frozenset("of for on and".split())
_SKIP, _LEADING = NOT_NAMES | TITLES | DEMONYMS, NOT_NAMES | TITLES | OCCUPATIONS  # a lone word; before a name of several
_BEFORE_PERSON = DEMONYMS | OCCUPATIONS
# "Mother-of-two Kelly Parsons", "Grandfather-of-six Alan Roberts": a description before the name.
_PARENT_OF = re.compile(r"(?:[Gg]rand)?(?:[Mm]other|[Ff]ather|[Mm]um|[Dd]ad)-of-[a-z]+\Z")
# Acronyms spelt like a function word: the World Health Organization, the United States.
_ACRONYMS = frozenset(("WHO", "US"))
_PREFIXES = ("al-", "el-", "Al-", "El-", "bin-", "ibn-")
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
_LONGEST_WORD = 40
_JOINERS = "’'-.&"  # what a name's word may hold besides letters and digits
_LONGEST_NAME_WORDS = 8


@dataclass(slots=True)
class Mention:
    """A capitalised phrase that may name a person or an organisation."""

    start: int
    end: int
    words: tuple[str, ...]  # without titles

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def is_org(self) -> bool:
        return is_org(self.words)


class NameIndex:
    """Name mentions of one text, found on demand around the positions asked about.

    Only the neighbourhood of cues and quotes is ever looked at, so nothing is scanned up
    front: each lookup costs the length of the name.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def ending_at(self, end: int) -> Mention | None:
        """The mention whose span ends exactly at ``end`` (ignoring a possessive)."""
        text = self.text
        word = run_start(text, end - _LONGEST_WORD if end > _LONGEST_WORD else 0, end, _JOINERS)
        if word == end or not _starts_name(text, word):
            return None
        start = _run_start(text, word)
        stop = end + _LONGEST_WORD
        # Each match not glued to the word before it ("al-Dari" keeps its "al-"), cut at full stops
        # that end a sentence; read in one loop, the common case first (as ``between`` does).
        for m in _NAME.finditer(text, start, stop if stop < len(text) else len(text)):
            s, phrase = m.start(), m.group()
            parts = _match_parts(text, start, m) if ". " in phrase or glued(text, s) else ((s, phrase),)
            for m_start, part in parts:
                if m_start > end:
                    return None
                mention = mention_in(m_start, part)
                if mention is not None and mention.end == end:
                    return with_particles(text, mention)
        return None

    def starting_at(self, start: int) -> Mention | None:
        if start >= len(self.text) or not _starts_name(self.text, start):
            named = particles_after(self.text, start)  # "said von der Leyen": the name after them
            return with_particles(self.text, m) if named > start and (m := self.starting_at(named)) else None
        prefix = _prefix_len(self.text, start)
        m = _NAME.match(self.text, start + prefix)
        if m is None or (not prefix and glued(self.text, start)):
            return None
        phrase = self.text[start : m.end()]  # to a sentence's full stop: "… New York Times. Wilson said"
        mention = mention_in(start, phrase if ". " not in phrase else sentence_parts(start, phrase)[0][1])
        return mention if mention is not None and mention.start == start else None

    def between(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end), in order (``iter_between`` read whole, without
        its generators: asked of every earlier sentence a pronoun looks back over)."""
        text = self.text
        found = []
        for m in _NAME.finditer(text, start, end):
            s, phrase = m.start(), m.group()
            if ". " in phrase or glued(text, s):  # the rarer cases, as ``_match_parts`` reads them
                found.extend(mention for ps, part in _match_parts(text, start, m) if (mention := mention_in(ps, part)))
            elif (mention := mention_in(s, phrase)) is not None:
                found.append(mention)
        return found

    def iter_between(self, start: int, end: int) -> Iterator[Mention]:
        """The mentions inside [start, end), in order, found as they are asked for (one
        generator, its common case written out as in ``between``)."""
        text = self.text
        for m in _NAME.finditer(text, start, end):
            s, phrase = m.start(), m.group()
            if ". " in phrase or glued(text, s):
                for ps, part in _match_parts(text, start, m):
                    if (mention := mention_in(ps, part)) is not None:
                        yield mention
            elif (mention := mention_in(s, phrase)) is not None:
                yield mention

def with_particles(text: str, mention: Mention) -> Mention:
    """``mention`` with the particles that open its surname, if any ("von der Leyen")."""
    start = particles_before(text, mention.start)
    if start == mention.start:
        return mention
    return Mention(start, mention.end, (*text[start : mention.start].split(), *mention.words))


def _match_parts(text: str, start: int, m: re.Match[str]) -> list[tuple[int, str]]:
    """(start, phrase) of the mentions one match of a search from ``start`` holds: none if it is
    glued to the word before it, unless "al-Dari" keeps its "al-"; cut at sentence full stops."""
    s = m.start()
    if not glued(text, s):
        return sentence_parts(s, m.group())
    if text[s - 1] == "-":
        for prefix in _PREFIXES:
            p = s - len(prefix)
            if p >= start and text.startswith(prefix, p) and not glued(text, p):
                return sentence_parts(p, text[p : m.end()])
    return []


def glued(text: str, pos: int) -> bool:
    return pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "’'-_")


def _prefix_len(text: str, pos: int) -> int:
    for prefix in _PREFIXES:
        if text.startswith(prefix, pos):
            return len(prefix)
    return 0


def mention_in(start: int, phrase: str) -> Mention | None:
    """The name in ``phrase``, which the text holds at ``start`` (None for no name)."""
    shape = _shape(phrase)
    if shape is None:
        return None
    offset, words, length = shape
    return Mention(start + offset, start + offset + length, words)


@functools.lru_cache(maxsize=4096)
def _shape(phrase: str) -> tuple[int, tuple[str, ...], int] | None:
    """Where the name starts in ``phrase``, its words and its length. A mention depends on its
    phrase alone, and phrases recur through an article and across articles: cached (the helpers
    below are not: this cache already spares them every repeated phrase)."""
    if " " not in phrase and "\u00a0" not in phrase:  # one word: the common case
        word = _single(phrase)
        return (0, (word,), len(word)) if word else None
    shape = _name_words(phrase)
    if shape is None:
        return None
    offset, words, joined = shape
    if phrase[offset : offset + len(joined)].replace("\u00a0", " ") != joined:
        return None
    return offset, words, len(joined)


def _name_words(phrase: str) -> tuple[int, tuple[str, ...], str] | None:
    """Where the name starts in a phrase of several words, its words, and them joined by spaces;
    None for no name. The words are walked by index rather than sliced off one by one."""
    words = phrase.replace("\u00a0", " ").split(" ")
    first, stop, offset = 0, len(words), 0
    # Drop sentence-initial function words and titles ("But Trump", "Sen. Ted Cruz"), not a title
    # owning an organisation ("Sheriff's Office").
    while first < stop and (not (word := words[first]) or word.islower() or _PARENT_OF.match(word) is not None
                            or (bare(word) in _LEADING and word not in _ACRONYMS and not _owns(words, first, stop))):
        offset += len(word) + 1
        first += 1
    while stop > first and ((word := words[stop - 1]).lower() in _CONNECTORS or bare(word) in NOT_NAMES):
        stop -= 1
    # A title inside the phrase starts the name: "Massachusetts Sen. Elizabeth Warren".
    for k in range(stop - 2, first, -1):
        # not before a suffix alone: "Martin Luther King Jr." is no king's name
        suffix_only = stop - k == 2 and is_suffix(words[k + 1])
        if bare(words[k]) in TITLES and not _owns(words, k, stop) and not suffix_only:
            offset += sum(len(word) + 1 for word in words[first : k + 1])
            first = k + 1
            break
    # A nation, a party or a job before a person's name is no part of it ("Canadian Olympian Ana Ruiz"); before
    # one word, a title or an organisation's it names a place, an office or a body ("Scottish First Minister").
    while stop - first > 2 and (bare(words[first]) in _BEFORE_PERSON or _describes(words[first], words[first + 1])) \
            and _person_words(tuple(words[first + 1 : stop])):
        offset += len(words[first]) + 1
        first += 1
    if first >= stop:
        return None
    trimmed = trim_possessive(words[stop - 1])
    kept = words[first : stop - 1]
    if trimmed:
        kept.append(trimmed)
    if not kept or (len(kept) > 1 and all(w.isupper() for w in kept)):
        return None  # nothing left, or a heading in capitals rather than a name
    return offset, tuple(kept), " ".join(kept)


def _describes(word: str, given: str) -> bool:
    """A dictionary word that no one bears as a given name, before a given name: a description
    ("Prosecutor Mark Soper", "Surfer Shannon Aston"), where a rare given name is no word of the
    dictionary ("Feidin Santana", "Jeh Johnson")."""
    return (word.isalpha() and not word.isupper() and is_given_name(given, sure=True) and bare(given) not in NOT_NAMES
            and common_word(word))


def _owns(words: list[str], k: int, stop: int) -> bool:
    """Whether ``words[k]`` is a possessive before an organisation's words ("Sheriff's Office"), not
    before a person's ("Sheriff's Deputy Ana Ruiz") nor opening a sentence ("Today's")."""
    return words[k].endswith(("’s", "'s")) and bare(words[k]) not in NOT_NAMES and is_org(tuple(words[k + 1 : stop]))


def _person_words(words: tuple[str, ...]) -> bool:
    return all(word[:1].isupper() and bare(word) not in TITLES for word in words) and not is_org(words)


def _starts_name(text: str, pos: int) -> bool:
    return text[pos].isupper() or text.startswith(_PREFIXES, pos)


def _run_start(text: str, pos: int) -> int:
    """Start of the run of capitalised words (and particles) that ``pos`` is in."""
    for _ in range(_LONGEST_NAME_WORDS):
        if pos < 2 or text[pos - 1] not in " \u00a0" or text[pos - 2] in " \u00a0":
            break
        start = run_start(text, pos - _LONGEST_WORD if pos > _LONGEST_WORD else 0, pos - 1, _JOINERS)
        if start == pos - 1 or not (_starts_name(text, start) or text[start : pos - 1] in _PARTICLES):
            break
        pos = start
    return pos


@functools.lru_cache(maxsize=4096)
def is_org(words: tuple[str, ...]) -> bool:
    """An organisation's name: an organisation word in it, or a single word in capitals (cached:
    asked of every candidate speaker and antecedent, and names repeat)."""
    for word in words:  # a loop, not any() over a generator
        if bare(word) in ORG_WORDS:
            return True
    return len(words) == 1 and words[0].isupper()


def _single(word: str) -> str:
    """A one-word mention without its possessive, or "" for a sentence opener ("The", "But")."""
    if (bare(word) in _SKIP and word not in _ACRONYMS) or word.endswith(ADVERB_ENDINGS):
        return ""
    return trim_possessive(word)
