"""Step 1, the document's type: the one the API decided, read from the Content-Type given.

The API resolves every upload's type against its table of accepted types (label, filename,
bytes) before the job exists; the stage trusts that decision and does not sniff the bytes again,
so the two can never disagree. It only needs the MIME type (to pick a reader) and the charset.
"""
from __future__ import annotations

from dataclasses import dataclass

PLAIN = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"
XHTML = "application/xhtml+xml"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC = "application/msword"
RTF = "application/rtf"
ODT = "application/vnd.oasis.opendocument.text"
EPUB = "application/epub+zip"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
EMAIL = "message/rfc822"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"


@dataclass(frozen=True, slots=True)
class DocumentType:
    """The MIME type the API resolved and the charset the sender declared, if any."""

    mime: str
    charset: str | None = None


def parse_content_type(content_type: str) -> DocumentType:
    """Split ``type/subtype; charset=x`` into the lower-cased type and the charset."""
    mime, _, params = (content_type or "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return DocumentType(mime.strip().lower(), charset)
