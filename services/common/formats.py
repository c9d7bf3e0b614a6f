"""Which document types docpipe accepts, and how an upload's type is decided.

The API decides the type once, before a job is queued, so a mislabelled or unsupported upload
gets a clear 415/422 instead of a failed job; the cleaning stage trusts the type it is given and
has one reader for each type of FORMATS (a test holds the two together).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from email.message import Message

from services.common.errors import MislabelledDocument, UnsupportedType

PLAIN = "text/plain"
HTML = "text/html"
XHTML = "application/xhtml+xml"
MARKDOWN = "text/markdown"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True, slots=True)
class Format:
    """An accepted document type: its MIME type, the names it also goes by, its extensions."""

    mime: str
    name: str  # for messages
    extensions: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    text: bool = False  # decoded with a charset, and may be sent as JSON text


FORMATS = (
    Format(PLAIN, "plain text", (".txt", ".text", ".eml"), text=True),
    Format(HTML, "HTML", (".html", ".htm"), text=True),
    Format(XHTML, "XHTML", (".xhtml",), text=True),
    Format(MARKDOWN, "Markdown", (".md", ".markdown"), ("text/x-markdown",), text=True),
    Format(PDF, "PDF", (".pdf",), ("application/x-pdf",)),
    Format(DOCX, "Word (DOCX)", (".docx",)),
)
SUPPORTED = tuple(f.mime for f in FORMATS)
TEXT_TYPES = tuple(f.mime for f in FORMATS if f.text)
GENERIC = ("", "application/octet-stream", "binary/octet-stream", "application/unknown")
_BY_MIME = {mime: f for f in FORMATS for mime in (f.mime, *f.aliases)}
EXTENSIONS = {ext: f.mime for f in FORMATS for ext in f.extensions}
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
    if mime not in _BY_MIME:
        raise UnsupportedType(f"{mime!r} is not supported; use one of: {', '.join(SUPPORTED)}")
    kind = _BY_MIME[mime]
    _check_label(kind, sniffed)
    charset = params.get("charset")
    return f"{kind.mime}; charset={charset}" if charset and kind.text else kind.mime


def _check_label(kind: Format, sniffed: str | None) -> None:
    if not kind.text and sniffed != kind.mime:
        raise MislabelledDocument(f"the document is labelled {kind.mime} but its bytes are not "
                                  f"a {kind.name} file")
    if kind.text and (sniffed is None or not _BY_MIME[sniffed].text):
        what = "binary data" if sniffed is None else sniffed
        raise MislabelledDocument(f"the document is labelled {kind.mime} but looks like {what}")
