"""What the summariser returns, and the one error it raises on a valid call."""
from __future__ import annotations

from dataclasses import dataclass

# Not slots: orjson encodes dict-backed dataclasses several times faster (quotes/results.py).


@dataclass
class SummarySentence:
    text: str  # == source[start:end]
    start: int
    end: int
    score: float  # 0..1, higher is more central/important


@dataclass
class Summary:
    sentences: list[SummarySentence]  # document order
    text: str  # the picked sentences joined with a space


class EmptyDocument(ValueError):
    """Raised when there is no sentence to summarise."""
