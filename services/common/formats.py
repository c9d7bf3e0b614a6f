"""Which document types docpipe accepts, and how an upload's type is decided.

The API checks the type before a job is queued, so a mislabelled or unsupported upload gets a
clear 415/422 instead of a failed job; the cleaning stage decodes the document itself.
"""
from __future__ import annotations

import os
from email.message import Message

from services.common.errors import DocpipeError

PLAIN = "text/plain"
HTML = "text/html"
XHTML = "application/xhtml+xml"
MARKDOWN = "text/markdown"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SUPPORTED = (PLAIN, HTML, XHTML, MARKDOWN, PDF, DOCX)
TEXT_TYPES = (PLAIN, HTML, XHTML, MARKDOWN)
GENERIC = ("", "application/octet-stream", "binary/octet-stream")
EXTENSIONS = {
    ".txt": PLAIN, ".text": PLAIN, ".eml": PLAIN, ".html": HTML, ".htm": HTML,
    ".xhtml": XHTML, ".md": MARKDOWN, ".markdown": MARKDOWN, ".pdf": PDF, ".docx": DOCX,
}
SNIFF_BYTES = 4096


class UnsupportedType(DocpipeError):
    """Raised when an upload's type is not one docpipe can process (HTTP 415)."""


class MislabelledDocument(DocpipeError):
    """Raised when an upload's bytes contradict its declared type (HTTP 422)."""


def split_type(content_type: str | None) -> tuple[str, dict[str, str]]:
    """'Text/Plain; charset=UTF-8' -> ('text/plain', {'charset': 'UTF-8'})."""
    if not content_type:
        return "", {}
    msg = Message()
    msg["content-type"] = content_type
    params = {k.lower(): v for k, v in msg.get_params()[1:]} if msg.get_params() else {}
    return msg.get_content_type() if "/" in content_type else content_type.strip().lower(), params


def sniff(data: bytes) -> str | None:
    """Guess a type from the first bytes; None when they look like no supported type."""
    head = data[:SNIFF_BYTES]
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return DOCX if b"word/" in data[:65536] or b"[Content_Types].xml" in head else None
    if b"\x00" in head and not _utf16(head):
        return None
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered:
        return HTML
    return PLAIN


def _utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def resolve(declared: str | None, filename: str | None, data: bytes) -> str:
    """The content type to process an upload as, keeping a declared charset.

    Order: a specific declared type, else the filename's extension, else the bytes themselves.
    """
    mime, params = split_type(declared)
    sniffed = sniff(data)
    if mime in GENERIC:
        ext = os.path.splitext(filename or "")[1].lower()
        mime = EXTENSIONS.get(ext) or sniffed or ""
        if not mime:
            raise UnsupportedType("the document's type could not be recognised; send it with "
                                  f"one of these Content-Types: {', '.join(SUPPORTED)}")
    if mime not in SUPPORTED:
        raise UnsupportedType(f"{mime!r} is not supported; use one of: {', '.join(SUPPORTED)}")
    _check_label(mime, sniffed)
    charset = params.get("charset")
    return f"{mime}; charset={charset}" if charset and mime in TEXT_TYPES else mime


def _check_label(mime: str, sniffed: str | None) -> None:
    binary = (PDF, DOCX)
    if mime in binary and sniffed != mime:
        raise MislabelledDocument(f"the document is labelled {mime} but its bytes are not a "
                                  f"{'PDF' if mime == PDF else 'DOCX (Word) file'}")
    if mime in TEXT_TYPES and (sniffed in binary or sniffed is None):
        what = "binary data" if sniffed is None else sniffed
        raise MislabelledDocument(f"the document is labelled {mime} but looks like {what}")
