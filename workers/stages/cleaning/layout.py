"""Laid-out text lines (a PDF's text layer or OCR'd words) to Lines, minus running headers."""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from workers.stages.cleaning.lines import Line

# A line on the first or last EDGE_LINES of a page whose digit-blind text recurs on at least
# HEADER_MIN_SHARE of the pages is a running header or footer.
EDGE_LINES = 2
HEADER_MIN_SHARE = 0.5
# A vertical step this many times the document's usual line pitch separates paragraphs:
# single-spaced body text steps 1.15-1.2 line heights, paragraph spacing adds 0.5 or more.
PARAGRAPH_GAP_RATIO = 1.35
# A first line starting this many average character widths right of the margin is indented.
INDENT_CHARS = 1.5
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]", re.I)
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class Box:
    """One line of text on a page and its bounding box; y grows upwards, as in PDF."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    page: int


def page_lines(pages: list[list[Box]], warnings: list[str]) -> list[Line]:
    """Lines of every page in reading order, marked where a paragraph visibly starts."""
    dropped = _drop_running_lines(pages)
    if dropped:
        warnings.append(f"Dropped {dropped} repeated page header/footer line(s) and page numbers.")
    return _to_lines([box for page in pages for box in page])


def _drop_running_lines(pages: list[list[Box]]) -> int:
    """Remove page numbers and lines repeated at the top or bottom of many pages."""
    def key(box: Box) -> str:
        return _DIGITS.sub("#", box.text.lower())

    counts = Counter(k for page in pages for k in {key(b) for b in _edges(page)})
    threshold = max(2, HEADER_MIN_SHARE * len(pages))
    dropped = 0
    for page in pages:
        edge_ids = {id(b) for b in _edges(page)}
        keep = [b for b in page if id(b) not in edge_ids
                or not (_PAGE_NUMBER.fullmatch(b.text) or counts[key(b)] >= threshold)]
        dropped += len(page) - len(keep)
        page[:] = keep
    return dropped


def _edges(page: list[Box]) -> list[Box]:
    return page[:EDGE_LINES] + page[max(EDGE_LINES, len(page) - EDGE_LINES):]


def _to_lines(boxes: list[Box]) -> list[Line]:
    steps = [a.top - b.top for a, b in zip(boxes, boxes[1:]) if a.page == b.page and a.top > b.top]
    pitch = statistics.median(steps) if steps else 0.0
    rights = sorted(b.right for b in boxes)
    limit = rights[int(0.9 * (len(rights) - 1))] if rights else 0.0
    margin = statistics.median(b.left for b in boxes) if boxes else 0.0
    lines = []
    for i, box in enumerate(boxes):
        char_width = (box.right - box.left) / max(1, len(box.text))
        prev = boxes[i - 1] if i else None
        gap = bool(prev and prev.page == box.page and pitch
                   and prev.top - box.top > PARAGRAPH_GAP_RATIO * pitch)
        indented = bool(prev and box.left - margin > INDENT_CHARS * char_width
                        and prev.left - margin <= INDENT_CHARS * char_width)
        lines.append(Line(box.text, box.right, limit, char_width, gap or indented))
    return lines
