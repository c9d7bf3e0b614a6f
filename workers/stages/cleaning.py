"""Cleaning stage: any uploaded document to its main text, paragraphs and title.

Stages of ``clean``:
1. resolve the type (Content-Type, else filename, else the bytes) and check the limits;
2. read the format: decode text, extract a web page's main text, lay out PDF lines, read DOCX;
3. repair characters (line endings, mojibake, controls, odd spaces, NFC);
4. join hard-wrapped lines into paragraphs and undo end-of-line hyphenation;
5. drop boilerplate paragraphs, detect the title, count.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from workers.stages import cleaning_formats as formats
from workers.stages.cleaning_chars import normalise, repair
from workers.stages.cleaning_decode import decode
from workers.stages.cleaning_docx import docx_paragraphs
from workers.stages.cleaning_errors import CleaningError, DocumentTooLarge, EmptyDocument, UnsupportedFormat
from workers.stages.cleaning_html import extract as extract_html
from workers.stages.cleaning_lines import join_lines, text_paragraphs
from workers.stages.cleaning_markdown import markdown_lines
from workers.stages.cleaning_paragraphs import (detect_title, drop_boilerplate, split_email_headers,
                                                stats, tidy)
from workers.stages.cleaning_pdf import pdf_lines

__all__ = ["CleanDocument", "CleaningError", "DocumentTooLarge", "EmptyDocument", "UnsupportedFormat",
           "clean"]

LOGGER = logging.getLogger(__name__)

# The API refuses uploads over MAX_DOCUMENT_BYTES (10 MiB by default); this is the stage's own
# backstop, so a misconfigured deployment still cannot feed it unbounded input.
MAX_INPUT_BYTES = 64 * 1024 * 1024


@dataclass(slots=True)
class CleanDocument:
    """The main text of a document: paragraphs separated by one blank line, and its title."""

    text: str
    title: str | None
    content_type: str
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class _Read:
    paragraphs: list[str]
    title: str | None = None


def clean(data: bytes, content_type: str, filename: str | None = None) -> CleanDocument:
    """Turn an uploaded document into its main text, title and stats."""
    if len(data) > MAX_INPUT_BYTES:
        raise DocumentTooLarge(f"The document is {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,}.")
    if not data.strip():
        raise EmptyDocument("The document is empty.")
    kind = formats.resolve(data, content_type, filename)
    warnings: list[str] = []
    read = _READERS[kind.mime](data, kind.charset, warnings)
    paragraphs = drop_boilerplate(tidy(read.paragraphs))
    text = "\n\n".join(paragraphs)
    if not text:
        raise EmptyDocument("No text was found in the document.")
    title = read.title if read.title else detect_title(paragraphs)
    LOGGER.debug("cleaned %s: %d bytes -> %d chars", kind.mime, len(data), len(text))
    return CleanDocument(text, title, kind.mime, warnings, stats(text))


def _read_plain(data: bytes, charset: str | None, warnings: list[str]) -> _Read:
    text = repair(decode(data, charset, warnings), warnings)
    body, subject = split_email_headers(text)
    return _Read(text_paragraphs(body), subject)


def _read_markdown(data: bytes, charset: str | None, warnings: list[str]) -> _Read:
    lines, title = markdown_lines(repair(decode(data, charset, warnings), warnings))
    return _Read(join_lines(lines), title)


def _read_html(data: bytes, charset: str | None, warnings: list[str]) -> _Read:
    text, title = extract_html(decode(data, charset, warnings, html=True))
    text = repair(text, warnings)
    return _Read(text.split("\n"), normalise(title) if title else None)


def _read_pdf(data: bytes, charset: str | None, warnings: list[str]) -> _Read:
    lines, metadata_title = pdf_lines(data, warnings)
    for line, text in zip(lines, _repair_all([line.text for line in lines], warnings)):
        line.text = text
    paragraphs = join_lines(lines)
    return _Read(paragraphs, detect_title(paragraphs) or metadata_title)


def _read_docx(data: bytes, charset: str | None, warnings: list[str]) -> _Read:
    paragraphs, title = docx_paragraphs(data)
    return _Read(_repair_all(paragraphs, warnings), title)


def _repair_all(texts: list[str], warnings: list[str]) -> list[str]:
    """Repair many short texts, reporting each kind of repair once."""
    found: list[str] = []
    repaired = [repair(t, found) for t in texts]
    if found:
        warnings.append(f"Repaired garbled characters (mojibake) in {len(found)} place(s).")
    return repaired


_READERS = {
    formats.PLAIN: _read_plain,
    formats.MARKDOWN: _read_markdown,
    formats.HTML: _read_html,
    formats.PDF: _read_pdf,
    formats.DOCX: _read_docx,
}
