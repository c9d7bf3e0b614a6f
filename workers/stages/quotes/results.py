"""What the stage returns: quotes, their parts and speakers, and the document's speakers."""
from __future__ import annotations

from dataclasses import dataclass, field

# Plain (dict-backed) dataclasses, not slots: orjson encodes these from their __dict__ in one
# pass, slots ones attribute by attribute — 0.99 against 0.12 ms for a 100 KB article's quotes.

@dataclass
class Part:
    """A run of a text: ``source[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass
class Speaker:
    """Who said it: the fullest name the document gives, the mention that names them, and how
    that mention was found: "name" | "surname" | "pronoun" | "continuation" | "noun phrase"."""

    name: str
    start: int
    end: int
    via: str


@dataclass
class Quote:
    """One quotation.

    ``parts`` are the runs of quoted words (never a quote mark, the attribution between two
    halves, or the re-opening mark of a continued paragraph); ``start``/``end`` span them and
    ``text`` is their texts joined by a space. ``content`` is the whole reported clause of a
    mixed or indirect quote (an indirect quote's one part is its content), None for a direct one.
    """

    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect" | "mixed"
    speaker: Speaker | None
    cue: str | None
    parts: list[Part] = field(default_factory=list)
    content: Part | None = None


@dataclass
class Source:
    """A person or organisation quoted in a document: its fullest name, "person" or
    "organisation", the mentions that attribute its quotes, and the indices of those quotes."""

    name: str
    kind: str
    mentions: list[Part]
    quotes: list[int]
