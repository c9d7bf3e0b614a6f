"""The stage's entry point: bytes and their type in, a CleanDocument out."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from workers.stages.cleaning.errors import DocumentTooLarge, NoTextFound, UnsupportedFormat
from workers.stages.cleaning.formats import parse_content_type
from workers.stages.cleaning.lang import detect_language
from workers.stages.cleaning.ocr import Ocr, OcrLimits
from workers.stages.cleaning.paragraphs import detect_title, drop_boilerplate, stats, tidy
from workers.stages.cleaning.readers import READERS, Source

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
    stats: dict[str, int | str] = field(default_factory=dict)


def clean(data: bytes, content_type: str, filename: str | None = None,
          ocr_limits: OcrLimits | None = None) -> CleanDocument:
    """Turn an uploaded document into its main text, title and stats.

    ``content_type`` is the type the API resolved (services/common/formats.py); ``filename``
    only names the document in messages; ``ocr_limits`` bound the OCR of scanned pages.
    """
    if len(data) > MAX_INPUT_BYTES:
        raise DocumentTooLarge(f"The document is {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,}.")
    if not data.strip():
        raise NoTextFound("The document is empty.")
    kind = parse_content_type(content_type)
    reader = READERS.get(kind.mime)
    if reader is None:
        name = f"{filename!r} " if filename else ""
        raise UnsupportedFormat(f"The document {name}is of type {kind.mime!r}, which is not supported.")
    source = Source(data, kind.charset, Ocr(ocr_limits or OcrLimits()))
    read = reader(source)
    paragraphs = drop_boilerplate(tidy(read.paragraphs))
    text = "\n\n".join(paragraphs)
    if not text:
        raise NoTextFound("No text was found in the document.")
    title = read.title if read.title else detect_title(paragraphs)
    LOGGER.debug("cleaned %s: %d bytes -> %d chars", kind.mime, len(data), len(text))
    counts: dict[str, int | str] = {**stats(text), "lang": detect_language(text), "ocr_pages": source.ocr.pages}
    return CleanDocument(text, title, kind.mime, source.warnings, counts)
