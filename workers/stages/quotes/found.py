"""A speaker phrase found next to a reporting verb, before resolution."""
from __future__ import annotations

from dataclasses import dataclass

from workers.stages.quotes.names import Mention


@dataclass(slots=True)
class Found:
    """A speaker phrase before resolution."""

    start: int
    end: int
    kind: str  # "name" | "pronoun" | "noun phrase"
    mention: Mention | None = None
    relative: bool = False  # "who" standing for the name just before it
