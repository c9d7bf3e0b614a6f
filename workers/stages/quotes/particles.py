"""Surnames with particles: "von der Leyen", "bin Salman", "de Blasio", "van Gaal".

A name's lower-case particles belong to its surname: once the given name is left out, they open
the mention ("…,” von der Leyen said"), where the name scan, which starts at a capital, reads
only "Leyen". A speaker's mention is read whole, and resolved to the full name that ends with the
same particles and surname ("Ursula von der Leyen").
"""
from __future__ import annotations

import re

# Lower-case particles of surnames in the languages news names most (Dutch, German, French,
# Spanish, Portuguese, Italian, Arabic). Connectors of organisations' names ("of", "and") are not.
# ("ten" is left out: "ten Britons said" counts people).
PARTICLES = frozenset("de del della der den di du da das dos van von ter bin ibn abu al le la".split())
# "van der", "de la", "von der": at most two particles open a surname; three leaves room for
# "de la" after a compound like "dos".
_MOST = 3
_ANY = "|".join(sorted(PARTICLES, key=len, reverse=True))
# Regexes rather than a walk over the characters: both cost the same on PolNeAR dev (callgrind),
# and the regexes say what they match.
_BEFORE = re.compile(rf"(?<![\w’'\-])(?:(?:{_ANY}) ){{1,{_MOST}}}\Z")
_AFTER = re.compile(rf"(?:(?:{_ANY}) ){{1,{_MOST}}}")
_WINDOW = _MOST * (max(len(p) for p in PARTICLES) + 1)


def particles_before(text: str, start: int) -> int:
    """Where the particles just before a name at ``start`` begin ("von der " before "Leyen"):
    ``start`` when there are none."""
    if start < 3 or text[start - 1] != " " or not text[start - 2].islower():
        return start  # a particle is a lower-case word and a space: most names follow none
    m = _BEFORE.search(text, start - _WINDOW if start > _WINDOW else 0, start)
    return m.start() if m is not None else start


def particles_after(text: str, start: int) -> int:
    """Where the name after particles at ``start`` begins ("Leyen" after "von der "): ``start``
    when ``start`` opens no particle followed by a capitalised word."""
    m = _AFTER.match(text, start)
    return m.end() if m is not None and text[m.end() : m.end() + 1].isupper() else start


def particle_surname(words: tuple[str, ...]) -> bool:
    """A surname opened by its particles: ("von", "der", "Leyen"), ("De", "Blasio")."""
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    for word in words[:-1]:
        if word.lower() not in PARTICLES:
            return False
    return True

