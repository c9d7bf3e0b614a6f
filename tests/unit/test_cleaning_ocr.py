"""Scanned pages and images read by Tesseract: words kept, limits kept, a clear failure without it."""
from __future__ import annotations

import io
import re
import shutil
from collections import Counter

import pytest
import pytesseract
from PIL import Image

from tests.documents import seed_paragraphs, seed_scan
from workers.stages.cleaning import NoTextFound, OcrLimits, OcrUnavailable, UnreadableDocument, clean

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None,
                                reason="Tesseract is installed by `make test`")
# The seed's first paragraphs fit on one page: enough for the formats read the same way.
ONE_PAGE = seed_paragraphs()[:8]


def words_kept(expected: list[str], text: str) -> float:
    """Share of the expected words (with repeats) that the text holds."""
    want, got = Counter(re.findall(r"\w+", " ".join(expected))), Counter(re.findall(r"\w+", text))
    return sum(min(n, got[w]) for w, n in want.items()) / sum(want.values())


def test_scanned_pdf_is_read_with_ocr():
    seed = seed_paragraphs()
    doc = clean(seed_scan(seed, dpi=200), "application/pdf")
    assert words_kept(seed, doc.text) >= 0.95
    assert doc.stats["ocr_pages"] == 2 and doc.stats["lang"] == "en"
    assert len(doc.text.split("\n\n")) == len(seed)
    assert any("OCR" in w for w in doc.warnings)


def test_every_page_of_a_tiff_is_read():
    seed = seed_paragraphs()
    doc = clean(seed_scan(seed, dpi=200, fmt="TIFF"), "image/tiff")
    assert words_kept(seed, doc.text) >= 0.95
    assert doc.stats["ocr_pages"] == 2


@pytest.mark.parametrize("fmt, content_type", [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_images_are_read_with_ocr(fmt, content_type):
    doc = clean(seed_scan(ONE_PAGE, dpi=200, fmt=fmt), content_type)
    assert words_kept(ONE_PAGE, doc.text) >= 0.95
    assert doc.stats["ocr_pages"] == 1


def test_page_cap_leaves_later_pages_unread_with_a_warning():
    seed = seed_paragraphs()
    doc = clean(seed_scan(seed), "application/pdf", ocr_limits=OcrLimits(max_pages=1))
    assert doc.stats["ocr_pages"] == 1
    assert "1 scanned page(s) were not read: OCR reads at most 1 page(s)" in " ".join(doc.warnings)
    assert words_kept(seed, doc.text) < 0.9


def test_a_spent_time_budget_is_the_reason_given():
    with pytest.raises(NoTextFound, match="budget"):
        clean(seed_scan(ONE_PAGE, fmt="PNG"), "image/png", ocr_limits=OcrLimits(time_budget_seconds=0))


def test_without_tesseract_the_reason_is_clear(monkeypatch):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(OcrUnavailable, match="Tesseract is not installed"):
        clean(seed_scan(ONE_PAGE, fmt="PNG"), "image/png")


def test_damaged_image_is_unreadable():
    png = seed_scan(ONE_PAGE, fmt="PNG")
    with pytest.raises(UnreadableDocument, match="damaged"):
        clean(png[: len(png) // 2], "image/png")


def test_blank_scan_has_no_text():
    blank = io.BytesIO()
    Image.new("L", (800, 600), 255).save(blank, "PNG")
    with pytest.raises(NoTextFound, match="no text"):
        clean(blank.getvalue(), "image/png")


def test_a_scan_stamped_with_a_line_of_text_is_still_read_with_ocr():
    fpdf = pytest.importorskip("fpdf")
    page = io.BytesIO()
    Image.open(io.BytesIO(seed_scan(ONE_PAGE, fmt="PNG"))).save(page, "PNG")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(page, x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.set_font("Helvetica", size=8)
    pdf.text(10, 5, "FAX 2009-06-02 12:14  P.01/01")  # the fax gateway's stamp, as text
    doc = clean(bytes(pdf.output()), "application/pdf")
    assert doc.stats["ocr_pages"] == 1
    assert words_kept(ONE_PAGE, doc.text) >= 0.95
