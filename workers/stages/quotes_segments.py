"""Sentences computed paragraph by paragraph, only where quote attribution looks."""
from __future__ import annotations

import bisect
from typing import NamedTuple

from workers.stages.text import Span, sentence_bounds


class Bounds(NamedTuple):
    """A sentence's offsets (its text is never needed, so never copied)."""

    start: int
    end: int


class Sentences:
    """The shared segmentation's sentences, split lazily per paragraph.

    Most paragraphs of an article hold neither a quote nor a reporting verb; skipping their
    sentence splitting took a sixth off the stage's run time. Only sentence offsets are kept.
    """

    def __init__(self, text: str, paras: list[Span]) -> None:
        self.text = text
        self._paras = paras
        self._para_starts = [p.start for p in paras]
        # Per paragraph, its sentence starts and ends once split (a list: read on every lookup).
        self._split: list[tuple[list[int], list[int]] | None] = [None] * len(paras)

    def at(self, pos: int) -> Bounds:
        """The sentence holding ``pos`` (or the nearest one starting before it)."""
        starts, ends, j = self._find(pos)
        return Bounds(starts[j], ends[j])

    def start_of(self, pos: int) -> int:
        """``at(pos).start`` without building the Bounds."""
        starts, _, j = self._find(pos)
        return starts[j]

    def end_of(self, pos: int) -> int:
        """``at(pos).end`` without building the Bounds."""
        _, ends, j = self._find(pos)
        return ends[j]

    def previous(self, sent: Bounds) -> Bounds | None:
        """The sentence before ``sent``, crossing into earlier paragraphs."""
        i = max(0, bisect.bisect_right(self._para_starts, sent.start) - 1)
        starts, ends = self._of(i)
        j = bisect.bisect_left(starts, sent.start) - 1
        if j < 0:
            if i == 0:
                return None
            starts, ends = self._of(i - 1)
        return Bounds(starts[j], ends[j])

    def _find(self, pos: int) -> tuple[list[int], list[int], int]:
        """Sentence starts and ends of the paragraph holding ``pos``, and the index of its sentence."""
        i = bisect.bisect_right(self._para_starts, pos) - 1
        found = self._split[i if i > 0 else 0]
        starts, ends = found if found is not None else self._of(i if i > 0 else 0)
        j = bisect.bisect_right(starts, pos) - 1
        return starts, ends, j if j > 0 else 0

    def _of(self, i: int) -> tuple[list[int], list[int]]:
        found = self._split[i]
        if found is None:
            para = self._paras[i]
            bounds = sentence_bounds(self.text, para) or [(para.start, para.end)]
            found = self._split[i] = ([start for start, _ in bounds], [end for _, end in bounds])
        return found
