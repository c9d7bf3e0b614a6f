"""A trailing reporting clause (`…, the source added.`, `…, retired general Lloyd Newton said`):
the comma that sets it off from the statement before it, and the asides that may follow it."""
from __future__ import annotations

import re

from workers.stages.quotes.document import word_before

# What may follow a trailing cue without being its statement: a time, then a participle of the
# speaker's circumstances or a description of the statement ("…, the people said, speaking on
# condition of anonymity", "…, their union says, a move that would close 74 schools").
ASIDE_TAIL = re.compile(
    r"(?:[ \u00a0]+(?:on[ \u00a0]+)?[A-Z][a-z]+day)?[ \u00a0]*,[ \u00a0]*(?:speaking|citing|declining|requesting|"
    r"asking not|(?:a|an)[ \u00a0]+[a-z]+[ \u00a0]+(?:that|which)|which)(?![\w’'\-])"
)

# A conjunction before the speaker opens a clause of its own: "…, but Lee said he …"; a relative
# word, a clause reporting forward: "…, which he said were paid for".
_CONJUNCTIONS = frozenset("and but while though although yet so because as when whereas which who whom what".split())


def comma_before(text: str, floor: int, pos: int, words: int = 0) -> int | None:
    """A comma directly before ``pos``, or before up to ``words`` describing words
    (", retired Air Force general Lloyd Newton said")."""
    for _ in range(words + 1):
        while pos > floor and text[pos - 1] in " \u00a0":
            pos -= 1
        if pos > floor and text[pos - 1] == ",":
            return pos - 1
        if pos > floor + 1 and text[pos - 1] in "'’" and text[pos - 2] == ",":
            return pos - 2  # a closing mark whose opening one was lost: "…,' said Tomkins"
        span = word_before(text, floor, pos, joiners="’'-_.")
        if span is None or text[span[0] : span[1]].lower() in _CONJUNCTIONS:
            return None  # ", but Lee said he …": a clause of its own, reporting forward
        pos = span[0]
    return None
