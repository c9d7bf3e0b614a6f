"""The working record shared by the direct and reported passes, and its text helpers."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from workers.stages.quotes_speakers import Found

_WORD = re.compile(r"[\w’'\-]+")
_TRAILING = " \u00a0\n\t.,;:!?—–-"


@dataclass(slots=True)
class Draft:
    """A quotation found but not yet given its final speaker."""

    start: int
    end: int
    kind: str
    found: Found | None
    cue: str | None
    continues: bool = False  # no cue: inherits the previous quote's speaker


def word_count(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def at_least_words(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``word_count(text, start, end) >= n``, read only as far as the n-th word
    (every caller compares with a small threshold; counting whole sentences was wasted)."""
    pattern = _AT_LEAST[n] if n < len(_AT_LEAST) else _at_least_pattern(n)
    return pattern.match(text, start, end) is not None


def _at_least_pattern(n: int) -> re.Pattern:
    # n maximal runs of word characters, each after anything else; possessive, so a failed
    # match never retries shorter runs.
    return re.compile(rf"[^\w’'\-]*+(?:[\w’'\-]++[^\w’'\-]*+){{{n}}}")


# Compiled on import for every threshold the quote modules use (compiling on first use
# would be paid inside the first document's extraction).
_AT_LEAST = [_at_least_pattern(n) for n in range(16)]


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


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces and sentence punctuation."""
    while start < end and text[start] in " \u00a0\n\t,:":
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def index_of(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1
