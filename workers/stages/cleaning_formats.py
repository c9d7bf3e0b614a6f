"""Resolve what kind of document some bytes are: Content-Type, then filename, then the bytes."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from workers.stages.cleaning_errors import CleaningError, UnsupportedFormat

LOGGER = logging.getLogger(__name__)

PLAIN = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_ALIASES = {
    PLAIN: PLAIN,
    MARKDOWN: MARKDOWN,
    "text/x-markdown": MARKDOWN,
    HTML: HTML,
    "application/xhtml+xml": HTML,
    PDF: PDF,
    "application/x-pdf": PDF,
    DOCX: DOCX,
}
# Types that say nothing about the content: fall back to the filename, then the bytes.
_GENERIC = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/unknown"})
_EXTENSIONS = {
    "txt": PLAIN, "text": PLAIN, "eml": PLAIN,
    "md": MARKDOWN, "markdown": MARKDOWN,
    "html": HTML, "htm": HTML, "xhtml": HTML,
    "pdf": PDF,
    "docx": DOCX,
}
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<title")
# How far into a file a PDF header or an HTML marker may appear (PDF: 1024 per the spec).
_SNIFF_BYTES = 1024


@dataclass(frozen=True, slots=True)
class DocumentType:
    """The resolved MIME type and the charset the sender declared, if any."""

    mime: str
    charset: str | None = None


def resolve(data: bytes, content_type: str, filename: str | None) -> DocumentType:
    """Decide the document's type and check that the bytes agree with a declared type."""
    mime, charset = parse_content_type(content_type)
    if mime in _GENERIC:
        mime = _from_filename(filename) or sniff(data)
    elif mime in _ALIASES:
        mime = _ALIASES[mime]
    else:
        raise UnsupportedFormat(f"Documents of type {mime!r} are not supported; send plain text, "
                                "Markdown, HTML, PDF or DOCX.")
    _check_agrees(data, mime)
    return DocumentType(mime, charset)


def parse_content_type(content_type: str) -> tuple[str, str | None]:
    """Split ``type/subtype; charset=x`` into the lower-cased type and the charset."""
    mime, _, params = (content_type or "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return mime.strip().lower(), charset


def sniff(data: bytes) -> str:
    """Guess the type from the bytes alone."""
    head = data[:_SNIFF_BYTES]
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or b"[Content_Types].xml" in head:
            return DOCX
        raise UnsupportedFormat("The file is a ZIP archive, not a Word (DOCX) document.")
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(marker in lowered for marker in _HTML_MARKERS):
        return HTML
    return PLAIN


def _from_filename(filename: str | None) -> str | None:
    if not filename or "." not in filename:
        return None
    return _EXTENSIONS.get(filename.rsplit(".", 1)[1].lower())


def _check_agrees(data: bytes, mime: str) -> None:
    head = data[:_SNIFF_BYTES]
    if mime == PDF and b"%PDF-" not in head:
        raise CleaningError("The file is labelled as a PDF but is not one (no %PDF header).")
    if mime == DOCX and not head.startswith(b"PK\x03\x04"):
        raise CleaningError("The file is labelled as a Word (DOCX) document but is not one.")
    if mime in (PLAIN, MARKDOWN, HTML) and (b"%PDF-" in head[:8] or head.startswith(b"PK\x03\x04")):
        raise CleaningError(f"The file is labelled {mime} but holds a binary document "
                            "(PDF or ZIP); send it with its real type.")
