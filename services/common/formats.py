"""Which document types docpipe accepts, and how an upload's type is decided.

The API checks the type before a job is queued, so a mislabelled or unsupported upload gets a
clear 415/422 instead of a failed job; the cleaning stage decodes the document itself.
"""
from __future__ import annotations

import os
from email.message import Message

from services.common.errors import MislabelledDocument, UnsupportedType

PLAIN = "text/plain"
HTML = "text/html"
XHTML = "application/xhtml+xml"
MARKDOWN = "text/markdown"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The one table of accepted types: each type, its file extensions, and whether it is text.
ACCEPTED = {
    PLAIN: ((".txt", ".text", ".eml"), True),
    HTML: ((".html", ".htm"), True),
    XHTML: ((".xhtml",), True),
    MARKDOWN: ((".md", ".markdown"), True),
    PDF: ((".pdf",), False),
    DOCX: ((".docx",), False),
}
SUPPORTED = tuple(ACCEPTED)
TEXT_TYPES = tuple(mime for mime, (_, text) in ACCEPTED.items() if text)
EXTENSIONS = {ext: mime for mime, (exts, _) in ACCEPTED.items() for ext in exts}
GENERIC = ("", "application/octet-stream", "binary/octet-stream")
SNIFF_BYTES = 4096


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
