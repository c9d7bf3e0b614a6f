"""What the stage returns: quotes, their parts and speakers, and the document's speakers."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Part:
    """A run of a text: ``source[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Speaker:
    """Who said it: the fullest name the document gives, the mention that names them, and how
    that mention was found: "name" | "surname" | "pronoun" | "continuation" | "noun phrase"."""

    name: str
    start: int
    end: int
    via: str


@dataclass(slots=True)
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


@dataclass(slots=True)
class Source:
    """A person or organisation quoted in a document: its fullest name, "person" or
    "organisation", the mentions that attribute its quotes, and the indices of those quotes."""

    name: str
    kind: str
    mentions: list[Part]
    quotes: list[int]
