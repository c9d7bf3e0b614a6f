"""Surnames to full names: "Lonechild" is the "Darian Lonechild" named earlier in the text."""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable

from workers.stages.quotes.genders import common_word, is_given_name
from workers.stages.quotes.lexicon import ORG_WORDS
from workers.stages.quotes.names import FULL_NAME, Mention, glued, mention_in
from workers.stages.quotes.particles import PARTICLES, particle_surname
from workers.stages.quotes.wordforms import bare, plural_acronym, sentence_parts

# The most words of a person's full name besides particles: "Victorino Domingo Chua".
_MOST_NAME_WORDS = 3
# A hyphenated given name after a family name, as Korean names are romanised: "Joon-seok".
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
# How a person is introduced around the full name: an honorific or a speech verb before it, an
# age, a relative clause ("Ann Cole, who runs the gym,") or a speech verb after it.
_INTRODUCED_BEFORE = re.compile(r"(?<![\w’'\-])(?:Mrs?|Ms|Miss|Dr|said|says|told)\.?[ \u00a0]+\Z")
_INTRODUCED_AFTER = re.compile(r"(?![\w’'\-])(?:,[ \u00a0]*\d{1,3}[ \u00a0]*,|,[ \u00a0]+who[ \u00a0]|[ \u00a0]+(?:said|says|told|added)(?![\w’'\-]))")

# Distinct surnames looked up with str.find in the joined phrases before they are all indexed:
# a news article resolves a handful, one in ten more than 8 (indexing every phrase cost more
# than 32 finds); a bound keeps a document with thousands of speakers linear.
_FILTER_LOOKUPS = 32
# Full names of one surname read to find the one a family member's honorific names.
_NEAREST_TRIED = 16


class FullNames:
    """The full names of one text, looked up by surname; gathered in one pass over the text
    the first time a surname needs resolving."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._raw: dict[str, list[tuple[int, str]]] | None = None  # built on first use
        self._phrases: list[tuple[int, str]] | None = None
        self._joined = ""  # the phrases, lowered, one a line
        self._offsets: list[int] = []  # where each phrase starts in _joined
        self._fulls: dict[tuple[str, tuple[str, ...]], tuple[list[int], list[str]]] = {}
        self._given: dict[str, str | None] = {}  # the full name each given name looked up stands for
        self._by_word: dict[str, list[int]] | None = None  # phrase indexes by word, once lookups are many

    def canonical(self, mention: Mention) -> tuple[str, str]:
        """Full name and how it was found ("name" or "surname")."""
        words = mention.words
        if len(words) == 1:
            particles: tuple[str, ...] = ()
        elif words[0].lower() in PARTICLES and particle_surname(words):  # "von der Leyen"
            particles = tuple(word.lower() for word in words[:-1])
        else:
            return mention.name, "name"
        if mention.is_org or plural_acronym(words[-1]):  # "MPs" is no family's name
            return mention.name, "name"
        positions, names = self._full_names(words[-1], particles)
        if not names:
            return mention.name, "name"
        i = bisect.bisect_left(positions, mention.start) - 1
        return (names[i] if i >= 0 else names[0]), "surname"

    def nearest(self, mention: Mention, accept: Callable[[str], bool]) -> str | None:
        """The full name ending in ``mention``'s one word that ``accept`` takes, nearest before
        the mention, else first after it: "Miss Bonas" is Cressida Bonas, not her father Jeffrey."""
        if len(mention.words) != 1 or mention.is_org:
            return None
        positions, names = self._full_names(mention.words[0])
        i = bisect.bisect_left(positions, mention.start)
        # the few nearest only: a text repeating one family's names stays linear
        tried = itertools.islice(itertools.chain(range(i - 1, -1, -1), range(i, len(names))), _NEAREST_TRIED)
        return next((names[k] for k in tried if accept(names[k])), None)

    def _full_names(self, surname: str, particles: tuple[str, ...] = ()) -> tuple[list[int], list[str]]:
        """Positions and full names (two words or more, not organisations) ending in ``surname``
        after ``particles`` (lower case: "von", "der"), if any."""
        key = surname.lower()
        if (key, particles) not in self._fulls:
            positions: list[int] = []
            names: list[str] = []
            for found, whole in self._phrases_with(surname):
                if glued(self.text, found):
                    continue
                for offset, full in _full_names_in(whole, key, particles):
                    positions.append(found + offset)
                    names.append(full)
            most = _MOST_NAME_WORDS + len(particles)
            if any(full.count(" ") < most for full in names):
                # a longer run of capitals holds a place or a title too ("White Hart Lane Sherwood",
                # "Family Circle Cup Bouchard"): a person's name of a few words, where there is one
                kept = [k for k, full in enumerate(names) if full.count(" ") < most]
                positions, names = [positions[k] for k in kept], [names[k] for k in kept]
            self._fulls[key, particles] = (positions, names)
        return self._fulls[key, particles]

    def _phrases_with(self, surname: str) -> list[tuple[int, str]]:
        """Capitalised phrases in which ``surname`` follows another word.

        One regex pass collects the document's multi-word phrases; the first few surnames
        are found in those phrases, lowered and joined by line breaks, with ``str.find`` (a
        phrase never holds a line break), after which every phrase is filed under its words,
        so a document with thousands of speakers stays linear.
        """
        phrases = self.phrases()
        key = surname.lower()
        if self._raw is None and len(self._fulls) < _FILTER_LOOKUPS:
            return [phrases[i] for i in self._holding(key) if key in _later_words(phrases[i][1])]
        if self._raw is None:
            self._raw = {}
            for start, phrase in phrases:
                for word in _later_words(phrase):
                    self._raw.setdefault(word, []).append((start, phrase))
        return self._raw.get(key, [])

    def by_given_name(self, mention: Mention) -> str | None:
        """The one person's full name of two or three words that opens with ``mention``'s one word
        ("Amanda" for "Amanda Lukoff"), when the text introduces that person (``_opened_by``) and
        gives no other full name opening with the word; else None."""
        if len(mention.words) != 1 or mention.is_org:
            return None
        word = mention.words[0]
        if word not in self._given:
            phrases = self.phrases()
            fulls: dict[str, bool] = {}  # each full name, and whether the text introduces it
            for i in self._phrases_holding(word):
                for full, introduced in _opened_by(self.text, phrases[i], word):
                    fulls[full] = fulls.get(full, False) or introduced
            only = next(iter(fulls)) if len(fulls) == 1 else None
            # a Korean name gives the family name first ("Lee Joon-seok", "Ban Ki-moon"): "Lee" is his
            korean = only is not None and _KOREAN_GIVEN.fullmatch(only.rsplit(" ", 1)[-1]) is not None
            self._given[word] = only if only is not None and (fulls[only] or korean) else None
        return self._given[word]

    def _phrases_holding(self, word: str) -> list[int] | range:
        """Indexes of the phrases that may hold ``word``: found with ``str.find`` for the first few
        words asked, as surnames are, then all phrases filed by their words once (linear)."""
        if self._by_word is None and len(self._given) < _FILTER_LOOKUPS:
            return self._holding(word.lower())
        if self._by_word is None:
            self._by_word = {}
            for i, (_, phrase) in enumerate(self.phrases()):
                for each in set(phrase.replace("\u00a0", " ").split(" ")):
                    self._by_word.setdefault(each, []).append(i)
        return self._by_word.get(word, [])

    def phrases(self) -> list[tuple[int, str]]:
        """The text's phrases of two capitalised words or more (start, phrase), found on first use."""
        if self._phrases is None:
            self._phrases = [(m.start(), m.group()) for m in FULL_NAME.finditer(self.text)]
            lowered = [phrase.lower() for _, phrase in self._phrases]
            self._joined = "\n".join(lowered)
            self._offsets = list(itertools.accumulate((len(low) + 1 for low in lowered[:-1]), initial=0))
        return self._phrases

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
    return tuple(bare(word) for word in phrase.replace("\u00a0", " ").split(" ")[1:] if word[:1].isupper())


@functools.lru_cache(maxsize=4096)
def _full_names_in(phrase: str, key: str, particles: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """Where in ``phrase`` each mention with a full name ending in ``key`` starts, and that name
    (cached: a full name recurs through an article, and each of its surnames is resolved)."""
    found = []
    for start, part in sentence_parts(0, phrase):
        mention = mention_in(start, part)
        full = _full_name_ending(mention.words, key, particles) if mention is not None else None
        if mention is not None and full:
            partner = _partner(mention.words, full)
            if partner is not None:
                found.append((mention.start, partner))
            found.append((mention.start, full))
    return tuple(found)


def _partner(words: tuple[str, ...], full: str) -> str | None:
    """The first of a couple named with one surname: "Brian Tate" of "Brian and Pauline Tate"
    (the two given names common ones), for an honorific to choose between them."""
    given, _, surname = full.partition(" ")
    k = len(words) - 1 - words[::-1].index(given) if given in words else -1
    if k < 2 or " " in surname or words[k - 1] != "and":
        return None
    both = is_given_name(words[k - 2], sure=True) and is_given_name(given, sure=True)
    return f"{words[k - 2]} {surname}" if both else None


@functools.lru_cache(maxsize=4096)
def _full_name_ending(words: tuple[str, ...], key: str, particles: tuple[str, ...]) -> str | None:
    """The person's name in a phrase that ends with ``key`` after ``particles`` ("Darian
    Lonechild of White Bear", "Ursula von der Leyen"); cached, as a name recurs through an article."""
    ends = [i for i, w in enumerate(words) if bare(w) == key]
    if not ends or ends[-1] == 0:
        return None
    i = ends[-1]
    if i + 1 < len(words) and _KOREAN_GIVEN.fullmatch(words[i + 1]):
        return None  # "Ban" in "UN Secretary-General Ban Ki-moon" is a family name: a given-name lookup's
    j = i - len(particles)
    if particles and (j < 1 or tuple(word.lower() for word in words[j:i]) != particles):
        return None
    while j > 0 and not words[j - 1].islower():
        j -= 1
    while j < i and len(words[j]) > 5 and words[j].endswith("ing"):
        j += 1  # a capitalised gerund opening a sentence or a title: "Fixing Geoff", "Meeting Obama"
    if j == i - 1 and common_word(words[j]):
        return None  # a word no one bears as a given name: "Quick Broad", "Neither Sherwood"
    name = words[j : i + 1]
    if len(name) < 2 + len(particles) or any(bare(w) in ORG_WORDS for w in name):
        return None
    return " ".join(name)


def _opened_by(text: str, found: tuple[int, str], word: str) -> list[tuple[str, bool]]:
    """The persons' names of two or three words in a phrase that open with ``word``, each with
    whether the text introduces the person there, as news does before using a first name alone:
    with an age ("Amanda Lukoff, 23,"), an honorific ("Ms Amanda Lukoff") or a speech verb
    ("Amanda Lukoff said"). A product or a place ("Audi A8", "Texas Instruments") is not."""
    start, phrase = found
    names = []
    for offset, part in sentence_parts(start, phrase):
        full = mention_in(offset, part)
        if full is None or full.is_org:
            continue
        words = full.words
        k = words.index(word) if word in words[:-1] else -1
        if k > 0 and _KOREAN_GIVEN.fullmatch(words[k + 1]):
            names.append((f"{word} {words[k + 1]}", True))  # "… Secretary-General Ban Ki-moon"
        elif words[0] == word and 2 <= len(words) <= 3 and words[1][:1].isupper():
            lo = full.start - 8 if full.start > 8 else 0
            introduced = bool(_INTRODUCED_BEFORE.search(text, lo, full.start) or _INTRODUCED_AFTER.match(text, full.end))
            names.append((full.name, introduced))
    return names
