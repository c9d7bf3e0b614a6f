"""Text of a PDF as laid-out lines: the text layer of each page, or OCR where a page has none."""
from __future__ import annotations

import logging
import re
import time

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from workers.stages.cleaning.errors import DocumentTooLarge, NoTextFound, UnreadableDocument
from workers.stages.cleaning.layout import Box, page_lines
from workers.stages.cleaning.lines import Line
from workers.stages.cleaning.ocr import Ocr

LOGGER = logging.getLogger(__name__)

MAX_PDF_PAGES = 2_000
# Wall-clock budget for reading pages, well under the stage's time limit so the user gets this
# reason instead of a killed task; pdfium reads a typical text page in a few milliseconds.
# (OCR has a budget of its own, see ocr.py.)
PDF_TIME_BUDGET_SECONDS = 60.0
# A page is a scan when an image covers at least SCAN_MIN_IMAGE_SHARE of it and its text layer
# holds less than SCAN_MAX_TEXT_CHARS: scanners and fax gateways stamp a header, a date or a
# Bates number as text on the image, which must not hide the page's words from OCR. A page of
# text beside a large photo has far more text than this.
SCAN_MIN_IMAGE_SHARE = 0.5
SCAN_MAX_TEXT_CHARS = 200


def pdf_lines(data: bytes, ocr: Ocr, warnings: list[str]) -> tuple[list[Line], str | None]:
    """Lines of every page in reading order, marked where a paragraph visibly starts."""
    document = _open(data)
    try:
        pages = _read_pages(document, ocr)
        title = _metadata_title(document)
    finally:
        document.close()
    ocr.report(warnings)
    if not any(pages):
        raise NoTextFound("The PDF has no text: no page has a text layer, and "
                          + (f"no scanned page was read: {ocr.limit_reached()}." if ocr.skipped
                             else "OCR found none." if ocr.pages else "no page has a scanned image."))
    return page_lines(pages, warnings), title


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


def _read_pages(document: pdfium.PdfDocument, ocr: Ocr) -> list[list[Box]]:
    deadline = time.monotonic() + PDF_TIME_BUDGET_SECONDS
    pages = []
    for index in range(len(document)):
        if time.monotonic() > deadline:
            raise DocumentTooLarge(f"Reading the PDF took over {PDF_TIME_BUDGET_SECONDS:.0f} s "
                                   f"(stopped at page {index + 1}).")
        page = document[index]
        try:
            textpage = page.get_textpage()
            boxes = _page_boxes(textpage, index)
            textpage.close()
            if _is_scan(page, boxes):  # read it with OCR (which reads any stamp too)
                boxes = ocr.pdf_page(page, index)
            pages.append(boxes)
        finally:
            page.close()
    return pages


def _is_scan(page: pdfium.PdfPage, boxes: list[Box]) -> bool:
    """Whether a page is an image of text: images and no text layer, or a page-sized image
    with no more text than a stamp."""
    if sum(len(box.text) for box in boxes) >= SCAN_MAX_TEXT_CHARS:
        return False
    page_area = page.get_width() * page.get_height()
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)):
        left, bottom, right, top = image.get_bounds()
        if not boxes or (right - left) * (top - bottom) >= SCAN_MIN_IMAGE_SHARE * page_area:
            return True
    return False


def _page_boxes(textpage: pdfium.PdfTextPage, page: int) -> list[Box]:
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
            boxes.append(Box(text.strip(), left, right, top, bottom, page))
    return boxes


def _metadata_title(document: pdfium.PdfDocument) -> str | None:
    title = " ".join(str(document.get_metadata_dict().get("Title", "")).split())
    # Producers often leave a file name or a template name here.
    if not title or re.search(r"\.(?:docx?|pdf|tex|indd)$|^untitled|^microsoft word", title, re.I):
        return None
    return title
