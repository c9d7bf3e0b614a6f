"""What the stage returns: quotes with their speakers."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Speaker:
    """Who said it: the canonical name and the mention that names them."""

    name: str
    start: int
    end: int
    via: str  # "name" | "pronoun" | "surname" | "noun" | "continuation"


@dataclass(slots=True)
class Quote:
    """One quotation; ``source[start:end] == text``, quote marks excluded."""

    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect" | "mixed"
    speaker: Speaker | None
    cue: str | None
