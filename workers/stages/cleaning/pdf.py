"""Text of a PDF as lines with their geometry, minus repeated page headers and footers."""
from __future__ import annotations

import logging
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium

from workers.stages.cleaning.errors import DocumentTooLarge, NoTextFound, UnreadableDocument
from workers.stages.cleaning.lines import Line

LOGGER = logging.getLogger(__name__)

MAX_PDF_PAGES = 2_000
# Wall-clock budget for reading pages, well under the stage's time limit so the user gets this
# reason instead of a killed task; pdfium reads a typical text page in a few milliseconds.
PDF_TIME_BUDGET_SECONDS = 60.0
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
class _Box:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    page: int


def pdf_lines(data: bytes, warnings: list[str]) -> tuple[list[Line], str | None]:
    """Lines of every page in reading order, marked where a paragraph visibly starts."""
    document = _open(data)
    try:
        pages = _read_pages(document)
        title = _metadata_title(document)
    finally:
        document.close()
    if not any(pages):
        raise NoTextFound("The PDF has no text layer (scanned pages?); OCR is not supported.")
    dropped = _drop_running_lines(pages)
    if dropped:
        warnings.append(f"Dropped {dropped} repeated page header/footer line(s) and page numbers.")
    return _to_lines([box for page in pages for box in page]), title


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UnreadableDocument("The PDF is password-protected; send an unlocked copy.") from exc
        raise UnreadableDocument(f"The PDF is damaged and could not be read ({exc}).") from exc
    if len(document) > MAX_PDF_PAGES:
        pages = len(document)
        document.close()
        raise DocumentTooLarge(f"The PDF has {pages:,} pages; the limit is {MAX_PDF_PAGES:,}.")
    return document


def _read_pages(document: pdfium.PdfDocument) -> list[list[_Box]]:
    deadline = time.monotonic() + PDF_TIME_BUDGET_SECONDS
    pages = []
    for index in range(len(document)):
        if time.monotonic() > deadline:
            raise DocumentTooLarge(f"Reading the PDF took over {PDF_TIME_BUDGET_SECONDS:.0f} s "
                                   f"(stopped at page {index + 1}).")
        page = document[index]
        try:
            textpage = page.get_textpage()
            pages.append(_page_boxes(textpage, index))
            textpage.close()
        finally:
            page.close()
    return pages


def _page_boxes(textpage: pdfium.PdfTextPage, page: int) -> list[_Box]:
    """One box per line: consecutive text rectangles that share a baseline band are merged."""
    rects = [textpage.get_rect(i) for i in range(textpage.count_rects())]
    groups: list[list[float]] = []
    for left, bottom, right, top in rects:
        last = groups[-1] if groups else None
        if last and min(top, last[3]) - max(bottom, last[1]) > 0.5 * min(top - bottom, last[3] - last[1]):
            last[:] = [min(left, last[0]), min(bottom, last[1]), max(right, last[2]), max(top, last[3])]
        else:
            groups.append([left, bottom, right, top])
    boxes = []
    for left, bottom, right, top in groups:
        text = textpage.get_text_bounded(left, bottom, right, top)
        text = text.replace("\r", "").replace("\n", " ").rstrip()
        # pdfium marks a hyphen it inserted at a line break as U+0002; treat it as a soft hyphen.
        text = text[:-1] + "\u00ad" if text.endswith("\x02") else text
        if text.strip():
            boxes.append(_Box(text.strip(), left, right, top, bottom, page))
    return boxes


def _metadata_title(document: pdfium.PdfDocument) -> str | None:
    title = " ".join(str(document.get_metadata_dict().get("Title", "")).split())
    # Producers often leave a file name or a template name here.
    if not title or re.search(r"\.(?:docx?|pdf|tex|indd)$|^untitled|^microsoft word", title, re.I):
        return None
    return title


def _drop_running_lines(pages: list[list[_Box]]) -> int:
    """Remove page numbers and lines repeated at the top or bottom of many pages."""
    def key(box: _Box) -> str:
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


def _edges(page: list[_Box]) -> list[_Box]:
    return page[:EDGE_LINES] + page[max(EDGE_LINES, len(page) - EDGE_LINES):]


def _to_lines(boxes: list[_Box]) -> list[Line]:
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
