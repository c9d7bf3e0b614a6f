"""PDF layout repairs, and the limits and errors of the cleaning stage."""
from __future__ import annotations

import io
import zipfile

import pytest

from tests.documents import DOCX_TYPE, seed_docx, seed_paragraphs, unicode_font
from workers.stages.cleaning import (DocumentTooLarge, NoTextFound, UnreadableDocument, UnsupportedFormat,
                                     clean)
from workers.stages.cleaning import archive
from workers.stages.cleaning import html as cleaning_html
from workers.stages.cleaning import pdf as cleaning_pdf

REPORT = [
    "Quarterly Water Quality Report",
    "Samples from the northern reservoir met every drinking-water standard during the quarter. "
    "Nitrate levels fell for the third quarter in a row after farms upstream changed their "
    "fertiliser schedule, the utility said.",
    "“We are seeing the results of two years of work with growers,” said Dana Okafor, the "
    "utility’s chief chemist. She added that turbidity spiked briefly after the April storms.",
    "The southern intake remains closed for repairs. Engineers expect to reopen it in the autumn, "
    "once the new screens are installed and tested.",
    "Lead service lines were replaced on forty-two streets, ahead of the schedule agreed with the "
    "state regulator. Residents on the remaining streets will receive letters in the spring.",
    "The board approved a modest rate increase to pay for the filter upgrades. Customers will see "
    "the change on bills issued after the first of the month.",
    "Questions about this report can be sent to the utility’s customer office, which is open on "
    "weekdays. Copies are also available at every public library in the city.",
]


def report_pdf(pages: int) -> bytes:
    """A multi-page report with a running header and a page-number footer on every page."""
    fpdf = pytest.importorskip("fpdf")

    class Report(fpdf.FPDF):
        def header(self):
            self.set_font("DejaVu", size=9)
            self.cell(0, 8, "City Water Utility — Quarterly Report", align="C")
            self.ln(12)

        def footer(self):
            self.set_y(-15)
            self.set_font("DejaVu", size=9)
            self.cell(0, 10, f"Page {self.page_no()} of {pages}", align="C")

    pdf = Report()
    pdf.add_font("DejaVu", fname=str(unicode_font()))
    per_page = -(-len(REPORT) // pages)
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("DejaVu", size=11)
        for paragraph in REPORT[page * per_page : (page + 1) * per_page]:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(4)
    return bytes(pdf.output())


def test_pdf_running_headers_and_page_numbers_are_dropped():
    doc = clean(report_pdf(3), "application/pdf", "report.pdf")
    assert doc.text.split("\n\n") == REPORT
    assert doc.title == REPORT[0]
    assert any("header/footer" in w for w in doc.warnings)


@pytest.mark.parametrize("content_type", ["image/gif", "application/vnd.ms-excel", "video/mp4", ""])
def test_types_without_a_reader_raise_a_clear_error(content_type):
    with pytest.raises(UnsupportedFormat, match="not supported"):
        clean(b"\x89PNG\r\n\x1a\n....", content_type)


@pytest.mark.parametrize("content_type, data, reason", [
    ("application/pdf", b"Hello, I am plain text pretending to be a PDF.", "PDF is damaged"),
    (DOCX_TYPE, b"<html><body>not a word file</body></html>", "not a readable ZIP"),
    ("text/plain", bytes(range(256)) * 40, "binary"),
])
def test_bytes_that_are_not_their_type_are_unreadable(content_type, data, reason):
    with pytest.raises(UnreadableDocument, match=reason):
        clean(data, content_type)


def test_xhtml_is_read_as_a_web_page():
    doc = clean(b"<html><body><p>XHTML served page with a sentence.</p></body></html>", "application/xhtml+xml")
    assert doc.text == "XHTML served page with a sentence."


def test_malformed_pdf_is_unreadable():
    broken = report_pdf(1)[:400]
    with pytest.raises(UnreadableDocument, match="PDF"):
        clean(broken, "application/pdf")


def test_pdf_with_too_many_pages_is_refused(monkeypatch):
    monkeypatch.setattr(cleaning_pdf, "MAX_PDF_PAGES", 2)
    with pytest.raises(DocumentTooLarge, match="3 pages"):
        clean(report_pdf(3), "application/pdf")


def test_docx_zip_bomb_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (50 * 1024 * 1024) + b"</w:document>")
    with pytest.raises(DocumentTooLarge, match="bomb"):
        clean(out.getvalue(), DOCX_TYPE)


def test_docx_unpacking_too_big_is_refused(monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(DocumentTooLarge, match="unpacks"):
        clean(seed_docx(seed_paragraphs()), DOCX_TYPE)


def test_zip_that_is_not_a_word_document_is_unsupported():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", "<office:document/>")
    with pytest.raises(UnsupportedFormat, match="not a Word"):
        clean(out.getvalue(), DOCX_TYPE)


def test_html_tree_size_is_bounded(monkeypatch):
    monkeypatch.setattr(cleaning_html, "MAX_HTML_ELEMENTS", 500)
    page = "<html><body>" + "<div><span>x</span></div>" * 400 + "</body></html>"
    with pytest.raises(DocumentTooLarge, match="HTML elements"):
        clean(page.encode(), "text/html")


@pytest.mark.parametrize("data, content_type", [
    (b"   \n\n \t ", "text/plain"),
    (b"<html><head><script>var page = 1;</script></head><body><div></div></body></html>", "text/html"),
    (b"\n\n-----\n\nPage 3\n\n", "text/plain"),
])
def test_documents_without_text_raise_no_text_found(data, content_type):
    with pytest.raises(NoTextFound):
        clean(data, content_type)
