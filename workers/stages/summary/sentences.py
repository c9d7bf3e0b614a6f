"""The document's sentences with exact offsets, and which of them are headlines."""
from __future__ import annotations

from workers.stages.text import Span, paragraph_bounds, sentence_bounds
from workers.stages.text import sentences as _segment

OPEN_QUOTES = "\"'“‘«"
CLOSE_QUOTES = "\"'”’»"
# What may follow a sentence's final mark.
_CLOSING_MARKS = CLOSE_QUOTES + ")]"


def split(text: str) -> list[Span]:
    """Sentences in document order; ``text[s.start:s.end] == s.text`` for each."""
    return _segment(text)


def bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each of ``split(text)``: building a frozen Span per sentence and
    paragraph was a sixth of splitting, and the summariser copies each sentence's text itself."""
    return [found for start, end in paragraph_bounds(text) for found in sentence_bounds(text, start, end)]


def is_headline(sentence: str) -> bool:
    """A headline, caption or list item: no final full stop, question or exclamation mark."""
    return sentence.rstrip(_CLOSING_MARKS)[-1:] not in (".", "!", "?", "…")
