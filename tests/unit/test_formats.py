"""The one table of accepted document types: how the API decides a type, and that cleaning reads each."""
from __future__ import annotations

import pytest

from services.common import formats
from tests.documents import DOCX_TYPE, seed_docx, seed_paragraphs, seed_pdf
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


def test_docx_is_sniffed_without_a_type():
    assert formats.resolve("", None, seed_docx(seed_paragraphs())) == DOCX_TYPE


@pytest.mark.parametrize("declared, data, error", [
    ("image/gif", b"GIF89a", formats.UnsupportedType),
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
}


@pytest.mark.parametrize("kind", formats.FORMATS, ids=lambda f: f.mime)
def test_every_accepted_type_is_recognised_by_label_extension_and_bytes_and_cleaned(kind):
    paragraphs = seed_paragraphs()[:4]
    data = SAMPLES[kind.mime](paragraphs)
    assert formats.resolve(kind.mime, None, data) == kind.mime
    for ext in kind.extensions:
        assert formats.resolve("application/octet-stream", f"upload{ext}", data) == kind.mime
    cleaned = clean(data, formats.resolve(kind.mime, None, data))
    assert paragraphs[-1][:40] in cleaned.text
