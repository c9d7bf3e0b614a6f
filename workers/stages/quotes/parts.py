"""A quote's parts: the runs of quoted words, without quote marks, the attribution between two
halves, or the re-opening mark of a continued paragraph."""
from __future__ import annotations

import bisect

from workers.stages.quotes.candidates import Draft
from workers.stages.quotes.results import Part

# Marks that re-open a quotation at the head of its next paragraph or line.
_REOPENERS = "\"'“”‘’„‚«»‹›"
# Double marks and spaces never open or close a part (a quotation nested at the edge of another,
# sloppy doubled marks); single marks may be an inner quotation's or an apostrophe: kept.
# A mixed quote's content (the clause around its quoted words) keeps its marks.
_DOUBLE = "\"“”„«»"
_CLOSERS = "\"”»"
_EDGES = frozenset("\"“”„«» \u00a0\t\n\r")


class Parts:
    """Cuts the drafts of one document into parts, knowing its quoted spans (sorted, disjoint)."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        self.text = text
        self.quoted = quoted
        self._starts = [start for start, _ in quoted]

    def of(self, draft: Draft) -> tuple[str, list[Part], Part | None]:
        """The draft's kind (a mixed draft with no quoted words is indirect; a reported one holding
        quoted words, in single marks as British copy writes them, is mixed), parts and content."""
        text = self.text
        if draft.kind == "direct":
            runs = draft.parts or [(draft.start, draft.end)]
            return "direct", [Part(text[s:e], s, e) for start, end in runs for s, e in self._lines(start, end)], None
        marked = self._marked(draft.start, draft.end)
        if not marked:  # an indirect quote's content is its one part: no mark at its edges
            start, end = _strip(text, draft.start, draft.end)
            content = Part(text[start:end], start, end)
            return "indirect", [content] if start < end else [], content
        start, end = draft.start, draft.end
        if end < len(text) and text[end] in _CLOSERS and sum(text.count(m, start, end) for m in _DOUBLE) % 2:
            end += 1  # the clause ends with the quoted words: it holds their closing mark too
        parts = [Part(text[s:e], s, e) for start, end in marked for s, e in self._lines(start, end)]
        return "mixed", parts, Part(text[start:end], start, end)

    def _marked(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quoted spans inside [start, end), cut to it where one runs over its edge."""
        i = bisect.bisect_right(self._starts, start) - 1
        i = i if i > 0 else 0
        runs = []
        while i < len(self.quoted) and self.quoted[i][0] < end:
            a, b = self.quoted[i]
            s, e = (start if start > a else a), (end if end < b else b)
            if s < e:
                runs.append(_strip(self.text, s, e))
            i += 1
        return [(s, e) for s, e in runs if s < e]

    def _lines(self, start: int, end: int) -> list[tuple[int, int]]:
        """[start, end) split at line breaks; each later line without its re-opening mark."""
        text = self.text
        if text.find("\n", start, end) < 0:
            start, end = _strip(text, start, end)
            return [(start, end)] if start < end else []
        runs: list[tuple[int, int]] = []
        pos = start
        while pos < end:
            nl = text.find("\n", pos, end)
            stop = end if nl < 0 else nl
            s, e = _strip(text, pos, stop)
            if pos > start and s < e and text[s] in _REOPENERS:
                s, e = _strip(text, s + 1, e)
            if s < e:
                runs.append((s, e))
            pos = stop + 1
        return runs


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without spaces or double marks at either edge."""
    while start < end and (text[start] in _EDGES or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGES or text[end - 1].isspace()):
        end -= 1
    return start, end
