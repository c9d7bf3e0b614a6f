"""A trailing reporting clause (`…, the source added.`, `…, retired general Lloyd Newton said`):
the comma that sets it off from the statement before it."""
from __future__ import annotations

from workers.stages.quotes.document import word_before

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
        span = word_before(text, floor, pos, joiners="’'-_.")
        if span is None or text[span[0] : span[1]].lower() in _CONJUNCTIONS:
            return None  # ", but Lee said he …": a clause of its own, reporting forward
        pos = span[0]
    return None
