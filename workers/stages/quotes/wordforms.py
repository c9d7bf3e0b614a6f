"""How the words of a name are written: bare for lookups, without a possessive, initials, and the
full stops inside a capitalised phrase that end a sentence (not a title's or an initial's)."""
from __future__ import annotations

import functools
import re

from workers.stages.quotes.lexicon import DOTTED_TITLES, TITLES

INITIAL = re.compile(r"(?:[A-Z]\.)+")
_WORD_DOT_SPACE = re.compile(r"(\S+\.)[ \u00a0]+")
SUFFIXES = ("Jr.", "Sr.")  # a name's own abbreviations, their stops part of it
_SUFFIX_KEYS = frozenset(suffix.lower().rstrip(".") for suffix in SUFFIXES)


@functools.lru_cache(maxsize=16384)
def bare(word: str) -> str:
    """Lower case without trailing dots, commas or a possessive (words repeat: cached)."""
    word = word.rstrip(".,").lower()
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word.rstrip("’'")


def trim_possessive(word: str) -> str:
    """``word`` without a final ’s, ' or full stop; initials ("G.K.") and "Jr." keep their stops."""
    if word.endswith(("’s", "'s")):
        return word[:-2]
    if word.endswith(("’", "'")) or (word.endswith(".") and not INITIAL.fullmatch(word) and word not in SUFFIXES):
        return word[:-1]
    return word


def is_suffix(word: str) -> bool:
    """"Jr." or "Sr." (with its stop or without)."""
    return bare(word) in _SUFFIX_KEYS


def plural_acronym(word: str) -> bool:
    """"MPs", "CEOs", "NGOs": the plural of an acronym, a group of people or things, never one
    person's name nor a surname."""
    return len(word) > 2 and word[-1] == "s" and word[:-1].isupper()


def titles_only(words: str) -> bool:
    """Whether ``words`` hold nothing but titles ("Dr", "Sen.", "Rep. Mr."); true of no words."""
    return all(bare(word) in TITLES for word in words.split())


def sentence_parts(start: int, phrase: str) -> list[tuple[int, str]]:
    """Split "Clinton. Clinton" at a full stop that is not a title's or an initial's."""
    if ". " not in phrase:
        return [(start, phrase)]
    return [(start + offset, part) for offset, part in _parts(phrase)]


@functools.lru_cache(maxsize=4096)
def _parts(phrase: str) -> tuple[tuple[int, str], ...]:
    """``sentence_parts`` relative to the phrase (cached: phrases recur through an article)."""
    parts = []
    offset = 0
    for m in _WORD_DOT_SPACE.finditer(phrase):
        word = m.group(1)
        if not INITIAL.fullmatch(word) and bare(word) not in DOTTED_TITLES:
            parts.append((offset, phrase[offset : m.end(1) - 1]))
            offset = m.end()
    parts.append((offset, phrase[offset:]))
    return tuple(parts)
