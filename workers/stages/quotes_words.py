"""Small character-level helpers shared by the quote modules."""
from __future__ import annotations

_LONGEST_WORD = 40


def word_before(text: str, floor: int, end: int, joiners: str = "’'-_") -> tuple[int, int] | None:
    """Span of the last word before ``end`` (spaces skipped), never reaching below ``floor``.

    A character loop rather than a ``…$`` regex search, which retries from every position
    of the window and made the speaker search grow with sentence length.
    """
    while end > floor and text[end - 1] in " \u00a0":
        end -= 1
    start = end
    while start > floor and end - start < _LONGEST_WORD and (text[start - 1].isalnum() or text[start - 1] in joiners):
        start -= 1
    return (start, end) if start < end else None


def word_after(text: str, start: int, end: int) -> str:
    """The word starting at ``start`` (letters, digits and joiners), "" if none."""
    stop = start
    while stop < end and (text[stop].isalnum() or text[stop] in "’'-_"):
        stop += 1
    return text[start:stop]
