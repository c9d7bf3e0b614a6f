"""The one table of accepted document types: how the API decides a type, and that cleaning reads each."""
from __future__ import annotations

import pytest

from services.common import formats
from tests.documents import DOCX_TYPE, seed_docx, seed_paragraphs
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
