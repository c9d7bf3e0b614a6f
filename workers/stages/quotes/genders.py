"""The gender a given name mostly carries, so that "she" never stands for John Smith.

Read from nomquamgender's name table (MIT; counts and the share of women bearing each name,
pooled from 36 sources of many countries). Names borne by at least ``_MIN_BEARERS`` people are
kept; one that one gender bears nine times in ten is that gender's ("Hillary" a woman's,
"Freddie" a man's), the others either's ("Jordan", "Jean", "Andrea", "Charlie").
"""
from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from workers.stages.quotes.lexicon import DEMONYMS, OCCUPATIONS, PERSON_NOUNS, TITLES
from workers.stages.quotes.vocabulary import in_dictionary
from workers.stages.quotes.wordforms import bare

# A name this many people bear is a given name; one borne by at least _GENDERED_BEARERS is one
# gender's when that gender bears it nine times in ten (fewer bearers: either's, as too few to
# tell: "Rilwan", "Bikram").
_MIN_BEARERS = 10
_GENDERED_BEARERS = 100
_MEN, _WOMEN = 0.1, 0.9  # the share of women below or above which a name is one gender's
# One entry of the table: "name": [sources, bearers, share of women, …]. The pattern reads the
# names in plain lower-case letters from the raw file: parsing its 700,000 entries as JSON took
# 0.9 s and 300 MB at import, the scan 0.2 s and the file's 22 MB.
_ENTRY = re.compile(rb'"([a-z]+)": \[(\d+), (\d{2,}), ([01](?:\.\d+)?)[],]')
# A given name beyond doubt: borne by this many people in this many sources ("Mark", "Lamees";
# not "Of" of one source, nor "War" of 18 bearers).
_SURE_BEARERS, _SURE_SOURCES = 100, 5


def _load() -> tuple[dict[str, str], frozenset[str]]:
    # Found, not imported: the package's own module imports pandas (1.5 s), which the table needs not.
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or spec.origin is None:
        raise ImportError("nomquamgender is not installed: make install (or pip install -e '.[stages]')")
    data = Path(spec.origin).with_name("name_data.json").read_bytes()
    genders, sure = {}, []
    for m in _ENTRY.finditer(data):
        bearers = int(m[3])
        if bearers >= _MIN_BEARERS:
            women = float(m[4]) if bearers >= _GENDERED_BEARERS else 0.5
            name = m[1].decode()
            genders[name] = "male" if women <= _MEN else "female" if women >= _WOMEN else "either"
            if bearers >= _SURE_BEARERS and int(m[2]) >= _SURE_SOURCES:
                sure.append(name)
    return genders, frozenset(sure)


_GENDERS, _SURE = _load()
# Words that describe a person before the name, none of them a given name here: "Sen.", "Judge",
# "Chief", "Boss", "Striker", "Canadian" (the table holds some as names: "Judge", "Chief").
_DESCRIPTIONS = TITLES | PERSON_NOUNS | OCCUPATIONS | DEMONYMS
_HONORIFICS = {"Mr": "male", "Mrs": "female", "Ms": "female", "Miss": "female"}
_HONORIFIC_BEFORE = re.compile(r"(?<![\w’'\-])(Mrs?|Ms|Miss)\.?[ \u00a0]\Z")


@functools.lru_cache(maxsize=4096)
def gender_of(name: str) -> str | None:
    """"male", "female" or "either" by the given name opening ``name`` (a person's full name);
    None for a single word (a surname as often as a given name) or no given name at all."""
    words = name.split()
    while words and _describes(words):
        words = words[1:]  # "Sen. Elizabeth Warren", "DS Sarah Hart", "Ranger Sarah Hart"
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return _GENDERS.get(words[0].split("-", 1)[0].lower())  # "Jo-Anne": the first name's


def _describes(words: list[str]) -> bool:
    """Whether the first of a name's words describes the person: a title or a rank, written out,
    cut short ("Supt.") or in capitals ("DS", "PC"), or a dictionary word before a given name
    ("Ranger Sarah Hart": the table has "Ranger" as a man's name too)."""
    first = words[0]
    if bare(first).rstrip(".") in _DESCRIPTIONS or first.endswith(".") or (first.isupper() and len(first) <= 4):
        return True
    return len(words) > 2 and first.lower() not in _SURE and in_dictionary(first) and words[1].lower() in _SURE


def is_given_name(word: str, sure: bool = False) -> bool:
    """Whether ten people or more bear ``word`` as a given name (``sure``: a hundred, in five
    sources of the table or more)."""
    return word.lower() in (_SURE if sure else _GENDERS)


def common_word(word: str) -> bool:
    """A dictionary word of more than one letter that no one bears as a given name ("Quick",
    "Whilst", "Head"): before a surname it makes no person's name."""
    return len(word) > 1 and not is_given_name(word) and in_dictionary(word)


def honorific_before(text: str, start: int) -> tuple[int, str] | None:
    """Where an honorific right before the name at ``start`` starts, and the gender it gives
    ("Mrs Thompson": female)."""
    m = _HONORIFIC_BEFORE.search(text, start - 6 if start > 6 else 0, start)
    return None if m is None else (m.start(), _HONORIFICS[m.group(1)])


def agrees(gender: str | None, pronoun: str) -> bool | None:
    """Whether "he" or "she" may stand for a person of ``gender`` (one of ``gender_of``'s
    answers): None when the gender is not known (or the pronoun is neither)."""
    if gender is None or pronoun not in ("he", "she"):
        return None
    return gender in ("either", "male" if pronoun == "he" else "female")
