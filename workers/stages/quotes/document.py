"""The document model every pass reads: paragraphs, sentences, words, names, cues and turns.

Built once per text; each part is computed once and shared (sentences lazily, per paragraph,
only where a pass looks). The word helpers read the text in place: no word list is built.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from workers.stages.quotes.cues import CueIndex
from workers.stages.quotes.names import NameIndex
from workers.stages.quotes.transcript import turns
from workers.stages.quotes.wordruns import NOT_WORD_CHAR, WORD_CHAR, run_start
from workers.stages.text import paragraph_bounds, sentence_bounds

_WORD = re.compile(r"[\w’'\-]+")
_TRAILING = " \u00a0\n\t.,;:!?—–-"
_LONGEST_WORD = 40


@dataclass(slots=True)
class Bounds:
    """A sentence's offsets (its text is never needed, so never copied; a slots class, built and
    read faster than a NamedTuple)."""

    start: int
    end: int


class Document:
    """One text and what the passes read of it, each computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = [Bounds(start, end) for start, end in paragraph_bounds(text)]
        self.para_starts = [p.start for p in self.paragraphs]
        self.sentences = Sentences(text, self.paragraphs)
        self.names = NameIndex(text)
        self.cues = CueIndex(text) if self.paragraphs else CueIndex("")
        # Transcript turns by paragraph index: (name start, name end, content start).
        self.turns = turns(text, self.paragraphs)

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (or the last one starting before it)."""
        return bisect.bisect_right(self.para_starts, pos) - 1

    def paragraph_at(self, pos: int) -> Bounds:
        return self.paragraphs[self.paragraph_index(pos)]


class Sentences:
    """The shared segmentation's sentences, split lazily per paragraph.

    Most paragraphs of an article hold neither a quote nor a reporting verb; skipping their
    sentence splitting took a sixth off the stage's run time. Only sentence offsets are kept.
    """

    def __init__(self, text: str, paras: list[Bounds]) -> None:
        self.text = text
        self._paras = paras
        self._para_starts = [p.start for p in paras]
        # Per paragraph, its sentence starts and ends once split (a list: read on every lookup).
        self._split: list[tuple[tuple[int, ...], tuple[int, ...]] | None] = [None] * len(paras)

    def at(self, pos: int) -> Bounds:
        """The sentence holding ``pos`` (or the nearest one starting before it)."""
        starts, ends, j = self._find(pos)
        return Bounds(starts[j], ends[j])

    def start_of(self, pos: int) -> int:
        """``at(pos).start`` without building the Bounds (``_find`` written out: asked per quote)."""
        i = bisect.bisect_right(self._para_starts, pos) - 1
        found = self._split[i if i > 0 else 0] or self._of(i if i > 0 else 0)
        starts = found[0]
        j = bisect.bisect_right(starts, pos) - 1
        return starts[j if j > 0 else 0]

    def end_of(self, pos: int) -> int:
        """``at(pos).end`` without building the Bounds (``_find`` written out, as in ``start_of``)."""
        i = bisect.bisect_right(self._para_starts, pos) - 1
        starts, ends = self._split[i if i > 0 else 0] or self._of(i if i > 0 else 0)
        j = bisect.bisect_right(starts, pos) - 1
        return ends[j if j > 0 else 0]

    def lookback(self, pos: int, n: int) -> list[tuple[int, int]]:
        """(start, end) of the sentence holding ``pos`` (as ``at``) and of up to ``n`` sentences
        before it, nearest first, crossing into earlier paragraphs: one lookup, then a walk."""
        i = bisect.bisect_right(self._para_starts, pos) - 1
        i = i if i > 0 else 0
        starts, ends = self._of(i)
        j = bisect.bisect_right(starts, pos) - 1
        j = j if j > 0 else 0
        out: list[tuple[int, int]] = []
        while len(out) <= n:
            if j < 0:
                if i == 0:
                    break
                i -= 1
                starts, ends = self._of(i)
                j = len(starts) - 1
            out.append((starts[j], ends[j]))
            j -= 1
        return out

    def _find(self, pos: int) -> tuple[tuple[int, ...], tuple[int, ...], int]:
        """Sentence starts and ends of the paragraph holding ``pos``, and the index of its sentence."""
        i = bisect.bisect_right(self._para_starts, pos) - 1
        found = self._split[i if i > 0 else 0]
        starts, ends = found if found is not None else self._of(i if i > 0 else 0)
        j = bisect.bisect_right(starts, pos) - 1
        return starts, ends, j if j > 0 else 0

    def _of(self, i: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        found = self._split[i]
        if found is None:
            para = self._paras[i]
            bounds = sentence_bounds(self.text, para.start, para.end) or [(para.start, para.end)]
            starts, ends = zip(*bounds)  # one call, not two comprehensions
            found = self._split[i] = (starts, ends)
        return found


def word_count(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def at_least_words(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``word_count(text, start, end) >= n``, read only as far as the n-th word
    (every caller compares with a small threshold; counting whole sentences was wasted)."""
    return _words_pattern(n).match(text, start, end) is not None


def past_words(text: str, start: int, end: int, n: int) -> int:
    """Where the first ``n`` words of text[start:end], and what follows them up to the next word,
    end; ``end`` when there are fewer."""
    m = _words_pattern(n).match(text, start, end)
    return end if m is None else m.end()


def _words_pattern(n: int) -> re.Pattern:
    return _AT_LEAST[n] if n < len(_AT_LEAST) else _at_least_pattern(n)


def _at_least_pattern(n: int) -> re.Pattern:
    # n maximal runs of word characters, each after anything else; possessive, so a failed
    # match never retries shorter runs.
    return re.compile(rf"{NOT_WORD_CHAR}*+(?:{WORD_CHAR}++{NOT_WORD_CHAR}*+){{{n}}}")


# Compiled on import for every threshold the quote modules use (compiling on first use
# would be paid inside the first document's extraction).
_AT_LEAST = [_at_least_pattern(n) for n in range(18)]


def word_before(text: str, floor: int, end: int, joiners: str = "’'-_") -> tuple[int, int] | None:
    """Span of the last word before ``end`` (spaces skipped), never reaching below ``floor``."""
    while end > floor and text[end - 1] in " \u00a0":
        end -= 1
    lowest = end - _LONGEST_WORD
    start = run_start(text, lowest if lowest > floor else floor, end, joiners)
    return (start, end) if start < end else None


def word_after(text: str, start: int, end: int) -> str:
    """The word starting at ``start`` (letters, digits and joiners), "" if none."""
    stop = start
    while stop < end and (text[stop].isalnum() or text[stop] in "’'-_"):
        stop += 1
    return text[start:stop]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces and sentence punctuation."""
    while start < end and text[start] in " \u00a0\n\t,:":
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def open_who(text: str, lo: int, end: int) -> int:
    """Where the last ", who " of text[lo:end] opens a relative clause that no comma closes
    before ``end`` ("Ann Cole, who runs the gym"), else -1."""
    who = text.rfind(", who ", lo, end)
    return who if who >= 0 and text.find(",", who + 1, end) < 0 else -1


def last_visible(text: str, floor: int, end: int) -> str:
    """The last character of text[floor:end] that is not whitespace ("" if none), without
    copying the clause as ``text[floor:end].rstrip()`` would."""
    while end > floor and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > floor else ""
