"""The one table of accepted document types: how the API decides a type, and that cleaning reads each."""
from __future__ import annotations

import pytest

from services.common import formats
from tests.documents import (DOCX_TYPE, seed_doc, seed_docx, seed_email, seed_epub, seed_odt, seed_paragraphs,
                             seed_pdf, seed_pptx, seed_rtf, seed_scan)
from workers.stages.cleaning import clean
from workers.stages.cleaning.readers import READERS


def test_the_cleaning_stage_reads_exactly_the_accepted_types():
    assert set(READERS) == set(formats.SUPPORTED)
    assert set(formats.TEXT_TYPES) <= set(formats.SUPPORTED)
    assert set(formats.EXTENSIONS.values()) <= set(formats.SUPPORTED)


@pytest.mark.parametrize("declared, filename, data, expected", [
    ("application/octet-stream", "notes.md", b"# Notes\n\nSome *text* here that runs on.", "text/markdown"),
    ("", "page.HTM", b"<html><body><p>Hello there, this is a page.</p></body></html>", "text/html"),
    ("", None, b"<!DOCTYPE html><html><body><p>Sniffed as a web page.</p></body></html>", "text/html"),
    ("", None, b"Just some words in a file without a name.", "text/plain"),
    ("text/x-markdown", None, b"# Notes", "text/markdown"),
    ("text/plain; charset=latin-1", None, b"caf\xe9", "text/plain; charset=latin-1"),
    ("application/x-pdf", None, b"%PDF-1.7\n%binary", "application/pdf"),
])
def test_type_comes_from_header_then_filename_then_bytes(declared, filename, data, expected):
    assert formats.resolve(declared, filename, data) == expected


@pytest.mark.parametrize("make, expected", [
    (seed_docx, DOCX_TYPE),
    (seed_doc, formats.DOC),
    (seed_odt, formats.ODT),
    (seed_epub, formats.EPUB),
    (seed_pptx, formats.PPTX),
    (seed_rtf, formats.RTF),
    (lambda seed: seed_email(seed, html=True), formats.EMAIL),
])
def test_content_decides_when_the_label_is_generic_or_the_extension_wrong(make, expected):
    data = make(seed_paragraphs())
    assert formats.resolve("", None, data) == expected
    assert formats.resolve("application/octet-stream", "upload.bin", data) == expected
    if expected != formats.EMAIL:  # a file signature beats an extension; a guess from text does not
        assert formats.resolve("application/octet-stream", "letter.txt", data) == expected


@pytest.mark.parametrize("head, expected", [
    (b"\x89PNG\r\n\x1a\n\0\0", formats.PNG),
    (b"\xff\xd8\xff\xe0\0\x10JFIF", formats.JPEG),
    (b"II*\0\x08\0\0\0", formats.TIFF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "WordDocument".encode("utf-16-le"), formats.DOC),
])
def test_file_signatures_name_their_type(head, expected):
    assert formats.sniff(head) == expected


def test_a_text_with_colons_is_not_taken_for_an_email():
    assert formats.sniff(b"Note: the meeting moved.\nTime: 3pm\n\nSee you there.") == formats.PLAIN


@pytest.mark.parametrize("declared, data, error", [
    ("image/gif", b"GIF89a", formats.UnsupportedType),
    ("", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, formats.UnsupportedType),  # an Excel 97 file
    ("application/zip", b"PK\x03\x04" + b"\0" * 64, formats.UnsupportedType),
    ("application/rtf", b"Hello, plain words.", formats.MislabelledDocument),
    ("", b"\x00\x01\x02binary", formats.UnsupportedType),
    ("application/pdf", b"Hello, I am plain text pretending to be a PDF.", formats.MislabelledDocument),
    ("text/plain", b"%PDF-1.7\n%binary", formats.MislabelledDocument),
])
def test_unsupported_and_mislabelled_uploads_are_refused(declared, data, error):
    with pytest.raises(error):
        formats.resolve(declared, None, data)


SAMPLES = {
    formats.PLAIN: lambda p: "\n\n".join(p).encode(),
    formats.HTML: lambda p: ("<!doctype html><html><body>"
                             + "".join(f"<p>{x}</p>" for x in p) + "</body></html>").encode(),
    formats.XHTML: lambda p: ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">'
                              "<body>" + "".join(f"<p>{x}</p>" for x in p) + "</body></html>").encode(),
    formats.MARKDOWN: lambda p: ("# " + "\n\n".join(p)).encode(),
    formats.PDF: seed_pdf,
    formats.DOCX: seed_docx,
    formats.EMAIL: lambda p: seed_email(p, html=True),
    formats.DOC: seed_doc,
    formats.RTF: seed_rtf,
    formats.ODT: seed_odt,
    formats.EPUB: seed_epub,
    formats.PPTX: seed_pptx,
    formats.PNG: lambda p: seed_scan(p, fmt="PNG"),
    formats.JPEG: lambda p: seed_scan(p, fmt="JPEG"),
    formats.TIFF: lambda p: seed_scan(p, fmt="TIFF"),
}
IMAGES = (formats.PNG, formats.JPEG, formats.TIFF)


@pytest.mark.parametrize("kind", formats.FORMATS, ids=lambda f: f.mime)
def test_every_accepted_type_is_recognised_by_label_extension_and_bytes_and_cleaned(kind):
    paragraphs = seed_paragraphs()[:4]
    data = SAMPLES[kind.mime](paragraphs)
    assert formats.resolve(kind.mime, None, data) == kind.mime
    for ext in kind.extensions:
        assert formats.resolve("application/octet-stream", f"upload{ext}", data) == kind.mime
    if kind.mime in IMAGES:
        return  # read by OCR: its round trip is tests/unit/test_cleaning_ocr.py's
    cleaned = clean(data, formats.resolve(kind.mime, None, data))
    assert paragraphs[-1][:40] in cleaned.text
