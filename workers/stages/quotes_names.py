"""Name mentions in a document and their canonical forms (surnames to full names)."""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from workers.stages.quotes_lexicon import NOT_NAMES, ORG_WORDS, TITLES

_UPPER = "A-ZÀ-ÖØ-Þ"
# Initials stay inside one token: "G.K.", "U.S.". The quantifiers are possessive (``*+``):
# giving back letters or spaces can never let a name phrase match, and backtracking through
# every capitalised word that no second word follows made _FULL_NAME's scan 40% slower.
_HEAD = rf"[{_UPPER}][\w’'\-]*+(?:\.[{_UPPER}][\w’'\-]*+)*+\.?"
_TOKEN = rf"(?:(?:al|el|Al|El|bin|ibn)-)?{_HEAD}"
_PARTICLE = r"(?:de|del|della|van|von|der|den|da|di|du|le|la|bin|ibn|al|abu|y|of|for|on|and)"
# Particles only count between capitalised words ("Commission on Public Integrity").
# No lookbehind: it defeats the regex engine's first-character scan and tripled the cost;
# a match glued to a preceding word ("iPhone") is dropped in ``_matches`` instead.
_NAME = re.compile(rf"{_HEAD}(?:[ \u00a0]++(?:{_PARTICLE}[ \u00a0]++)*{_TOKEN})*")
# Two capitalised words or more: the only phrases that can give a surname its full name.
_FULL_NAME = re.compile(rf"{_HEAD}(?:[ \u00a0]++(?:{_PARTICLE}[ \u00a0]++)*{_TOKEN})+")
_CONNECTORS = frozenset("of for on and".split())
_SKIP = NOT_NAMES | TITLES
_PREFIXES = ("al-", "el-", "Al-", "El-", "bin-", "ibn-")
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
_LONGEST_WORD = 40
_LONGEST_NAME_WORDS = 8
# Distinct surnames looked up with str.find in the joined phrases before they are all indexed:
# a news article resolves a handful, one in ten more than 8 (indexing every phrase cost more
# than 32 finds); a bound keeps a document with thousands of speakers linear.
_FILTER_LOOKUPS = 32
_INITIAL = re.compile(r"(?:[A-Z]\.)+")
_WORD_DOT_SPACE = re.compile(r"(\S+\.)[ \u00a0]+")


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
        return _is_org(self.words)


class NameIndex:
    """Name mentions of one text, found on demand around the positions asked about.

    Only the neighbourhood of cues and quotes is ever looked at, so nothing is scanned up
    front: each lookup costs the length of the name; full names are gathered in one pass
    the first time a surname needs resolving.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._raw: dict[str, list[tuple[int, str]]] | None = None  # built on first use
        self._phrases: list[tuple[int, str]] | None = None
        self._joined = ""  # the phrases, lowered, one a line
        self._offsets: list[int] = []  # where each phrase starts in _joined
        self._fulls: dict[str, tuple[list[int], list[str]]] = {}

    def canonical(self, mention: Mention) -> tuple[str, str]:
        """Full name and how it was found ("name" or "surname")."""
        if len(mention.words) != 1 or mention.is_org:
            return mention.name, "name"
        positions, names = self._full_names(mention.words[0])
        if not names:
            return mention.name, "name"
        i = bisect.bisect_left(positions, mention.start) - 1
        return (names[i] if i >= 0 else names[0]), "surname"

    def ending_at(self, end: int) -> Mention | None:
        """The mention whose span ends exactly at ``end`` (ignoring a possessive)."""
        text = self.text
        word = end
        while word > 0 and end - word < _LONGEST_WORD and (text[word - 1].isalnum() or text[word - 1] in "’'-."):
            word -= 1
        if word == end or not _starts_name(text, word):
            return None
        start = _run_start(text, word)
        for m_start, phrase in _matches(_NAME, text, start, min(len(text), end + _LONGEST_WORD)):
            if m_start > end:
                break
            mention = _mention(m_start, phrase)
            if mention is not None and mention.end == end:
                return mention
        return None

    def starting_at(self, start: int) -> Mention | None:
        if start >= len(self.text) or not _starts_name(self.text, start):
            return None
        prefix = _prefix_len(self.text, start)
        m = _NAME.match(self.text, start + prefix)
        if m is None or (not prefix and _glued(self.text, start)):
            return None
        mention = _mention(start, self.text[start : m.end()])
        return mention if mention is not None and mention.start == start else None

    def between(self, start: int, end: int) -> list[Mention]:
        return list(self.iter_between(start, end))

    def iter_between(self, start: int, end: int) -> Iterator[Mention]:
        """The mentions inside [start, end), in order, found as they are asked for."""
        for s, phrase in _matches(_NAME, self.text, start, end):
            mention = _mention(s, phrase)
            if mention is not None:
                yield mention

    def _full_names(self, surname: str) -> tuple[list[int], list[str]]:
        """Positions and full names (two words or more, not organisations) ending in ``surname``."""
        key = surname.lower()
        if key not in self._fulls:
            positions: list[int] = []
            names: list[str] = []
            for found, whole in self._phrases_with(surname):
                if _glued(self.text, found):
                    continue
                for offset, full in _full_names_in(whole, key):
                    positions.append(found + offset)
                    names.append(full)
            self._fulls[key] = (positions, names)
        return self._fulls[key]

    def _phrases_with(self, surname: str) -> list[tuple[int, str]]:
        """Capitalised phrases in which ``surname`` follows another word.

        One regex pass collects the document's multi-word phrases; the first few surnames
        are found in those phrases, lowered and joined by line breaks, with ``str.find`` (a
        phrase never holds a line break), after which every phrase is filed under its words,
        so a document with thousands of speakers stays linear.
        """
        if self._phrases is None:
            self._phrases = [(m.start(), m.group()) for m in _FULL_NAME.finditer(self.text)]
            lowered = [phrase.lower() for _, phrase in self._phrases]
            self._joined = "\n".join(lowered)
            self._offsets = list(itertools.accumulate((len(low) + 1 for low in lowered[:-1]), initial=0))
        key = surname.lower()
        if self._raw is None and len(self._fulls) < _FILTER_LOOKUPS:
            return [self._phrases[i] for i in self._holding(key) if key in _later_words(self._phrases[i][1])]
        if self._raw is None:
            self._raw = {}
            for start, phrase in self._phrases:
                for word in _later_words(phrase):
                    self._raw.setdefault(word, []).append((start, phrase))
        return self._raw.get(key, [])

    def _holding(self, key: str) -> list[int]:
        """Indexes of the phrases whose lowered text holds ``key``, in order."""
        found: list[int] = []
        pos = self._joined.find(key) if key else -1
        while pos >= 0:
            i = bisect.bisect_right(self._offsets, pos) - 1
            found.append(i)
            nxt = self._offsets[i + 1] if i + 1 < len(self._offsets) else len(self._joined)
            pos = self._joined.find(key, nxt)
        return found


@functools.lru_cache(maxsize=4096)
def _later_words(phrase: str) -> tuple[str, ...]:
    """The capitalised words of a phrase after its first (a surname is never the first word), bare;
    cached, as each surname looked up filters the same phrases again."""
    return tuple(_bare(word) for word in phrase.replace("\u00a0", " ").split(" ")[1:] if word[:1].isupper())


@functools.lru_cache(maxsize=4096)
def _full_names_in(phrase: str, key: str) -> tuple[tuple[int, str], ...]:
    """Where in ``phrase`` each mention with a full name ending in ``key`` starts, and that name
    (cached: a full name recurs through an article, and each of its surnames is resolved)."""
    found = []
    for start, part in _sentence_parts(0, phrase):
        mention = _mention(start, part)
        full = _full_name_ending(mention.words, key) if mention is not None else None
        if mention is not None and full:
            found.append((mention.start, full))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _full_name_ending(words: tuple[str, ...], key: str) -> str | None:
    """The person's name in a phrase that ends with ``key`` ("Darian Lonechild of White Bear");
    cached, as a name recurs through an article."""
    ends = [i for i, w in enumerate(words) if _bare(w) == key]
    if not ends or ends[-1] == 0:
        return None
    i = ends[-1]
    j = i
    while j > 0 and not words[j - 1].islower():
        j -= 1
    name = words[j : i + 1]
    if len(name) < 2 or any(_bare(w) in ORG_WORDS for w in name):
        return None
    return " ".join(name)


def _matches(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(start, phrase) of each match not glued to the word before it; "al-Dari" keeps its "al-"."""
    for m in pattern.finditer(text, start, end):
        s = m.start()
        if not _glued(text, s):
            phrase = m.group()
            if ". " in phrase:
                yield from _sentence_parts(s, phrase)
            else:
                yield s, phrase
        elif text[s - 1] == "-":
            for prefix in _PREFIXES:
                p = s - len(prefix)
                if p >= start and text.startswith(prefix, p) and not _glued(text, p):
                    yield from _sentence_parts(p, text[p : m.end()])
                    break


def _sentence_parts(start: int, phrase: str) -> list[tuple[int, str]]:
    """Split "Clinton. Clinton" at a full stop that is not a title's or an initial's."""
    if ". " not in phrase:
        return [(start, phrase)]
    return [(start + offset, part) for offset, part in _parts(phrase)]


@functools.lru_cache(maxsize=4096)
def _parts(phrase: str) -> tuple[tuple[int, str], ...]:
    """``_sentence_parts`` relative to the phrase (cached: phrases recur through an article)."""
    parts = []
    offset = 0
    for m in _WORD_DOT_SPACE.finditer(phrase):
        word = m.group(1)
        if not _INITIAL.fullmatch(word) and _bare(word) not in TITLES:
            parts.append((offset, phrase[offset : m.end(1) - 1]))
            offset = m.end()
    parts.append((offset, phrase[offset:]))
    return tuple(parts)


def _glued(text: str, pos: int) -> bool:
    return pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "’'-_")


def _prefix_len(text: str, pos: int) -> int:
    for prefix in _PREFIXES:
        if text.startswith(prefix, pos):
            return len(prefix)
    return 0


def _mention(start: int, phrase: str) -> Mention | None:
    """The name in ``phrase``, which the text holds at ``start`` (None for no name)."""
    shape = _shape(phrase)
    if shape is None:
        return None
    offset, words, length = shape
    return Mention(start + offset, start + offset + length, words)


@functools.lru_cache(maxsize=4096)
def _shape(phrase: str) -> tuple[int, tuple[str, ...], int] | None:
    """Where the name starts in ``phrase``, its words and its length. A mention depends on its
    phrase alone, and phrases recur through an article and across articles: cached."""
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


@functools.lru_cache(maxsize=4096)
def _name_words(phrase: str) -> tuple[int, tuple[str, ...], str] | None:
    """Where the name starts in a phrase of several words, its words, and them joined by spaces.

    None for no name. Phrases repeat within and across articles ("Donald Trump"): cached,
    like ``_single``, which took more than half of the name-trimming work away.
    """
    offset = 0
    words = phrase.replace("\u00a0", " ").split(" ")
    # Drop sentence-initial function words and titles ("But Trump", "Sen. Ted Cruz").
    while words and (_bare(words[0]) in _SKIP or words[0].islower() or not words[0]):
        offset += len(words[0]) + 1
        words = words[1:]
    while words and (words[-1].lower() in _CONNECTORS or _bare(words[-1]) in NOT_NAMES):
        words = words[:-1]
    # A title inside the phrase starts the name: "Massachusetts Sen. Elizabeth Warren".
    for k in range(len(words) - 2, 0, -1):
        if _bare(words[k]) in TITLES:
            offset += len(" ".join(words[: k + 1])) + 1
            words = words[k + 1 :]
            break
    if not words:
        return None
    last = words[-1]
    trimmed = _trim_possessive(last)
    words = words[:-1] + [trimmed] if trimmed else words[:-1]
    if not words or (len(words) > 1 and all(w.isupper() for w in words)):
        return None  # nothing left, or a heading in capitals rather than a name
    return offset, tuple(words), " ".join(words)


def _starts_name(text: str, pos: int) -> bool:
    return text[pos].isupper() or text.startswith(_PREFIXES, pos)


def _run_start(text: str, pos: int) -> int:
    """Start of the run of capitalised words (and particles) that ``pos`` is in."""
    for _ in range(_LONGEST_NAME_WORDS):
        if pos < 2 or text[pos - 1] not in " \u00a0" or text[pos - 2] in " \u00a0":
            break
        start = pos - 1
        while start > 0 and pos - start < _LONGEST_WORD and (text[start - 1].isalnum() or text[start - 1] in "’'-."):
            start -= 1
        if start == pos - 1 or not (_starts_name(text, start) or text[start : pos - 1] in _PARTICLES):
            break
        pos = start
    return pos


@functools.lru_cache(maxsize=4096)
def _is_org(words: tuple[str, ...]) -> bool:
    """An organisation's name: an organisation word in it, or a single word in capitals (cached:
    asked of every candidate speaker and antecedent, and names repeat)."""
    return any(_bare(w) in ORG_WORDS for w in words) or (len(words) == 1 and words[0].isupper())


@functools.lru_cache(maxsize=4096)
def _single(word: str) -> str:
    """A one-word mention without its possessive, or "" for a sentence opener ("The", "But")."""
    if _bare(word) in _SKIP:
        return ""
    return _trim_possessive(word)


def _trim_possessive(word: str) -> str:
    """``word`` without a final ’s, ' or full stop; initials ("G.K.") keep their stops."""
    if word.endswith(("’s", "'s")):
        return word[:-2]
    if word.endswith(("’", "'")) or (word.endswith(".") and not _INITIAL.fullmatch(word)):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=16384)
def _bare(word: str) -> str:
    """Lower case without trailing dots, commas or a possessive (words repeat: cached)."""
    word = word.rstrip(".,").lower()
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word.rstrip("’'")
