"""Which document types docpipe accepts, and how an upload's type is decided.

The API decides the type once, before a job is queued, so a mislabelled or unsupported upload
gets a clear 415/422 instead of a failed job; the cleaning stage trusts the type it is given and
has one reader for each type of FORMATS (a test holds the two together).
"""
from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from dataclasses import dataclass
from email.message import Message

from services.common.errors import MislabelledDocument, UnsupportedType

PLAIN = "text/plain"
HTML = "text/html"
XHTML = "application/xhtml+xml"
MARKDOWN = "text/markdown"
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
class Format:
    """An accepted document type: its MIME type, the names it also goes by, its extensions."""

    mime: str
    name: str  # for messages
    extensions: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    text: bool = False  # decoded with a charset, and may be sent as JSON text
    magic: bool = False  # its bytes say what it is: a label must agree with them


FORMATS = (
    Format(PLAIN, "plain text", (".txt", ".text"), text=True),
    Format(HTML, "HTML", (".html", ".htm"), text=True),
    Format(XHTML, "XHTML", (".xhtml",), text=True),
    Format(MARKDOWN, "Markdown", (".md", ".markdown"), ("text/x-markdown",), text=True),
    Format(EMAIL, "e-mail", (".eml",), ("message/x-emlx",)),
    Format(PDF, "PDF", (".pdf",), ("application/x-pdf",), magic=True),
    Format(DOCX, "Word (DOCX)", (".docx",), magic=True),
    Format(DOC, "Word 97-2003 (DOC)", (".doc",), magic=True),
    Format(RTF, "RTF", (".rtf",), ("text/rtf",), magic=True),
    Format(ODT, "OpenDocument text (ODT)", (".odt",), magic=True),
    Format(EPUB, "EPUB", (".epub",), magic=True),
    Format(PPTX, "PowerPoint (PPTX)", (".pptx",), magic=True),
    Format(PNG, "PNG image", (".png",), magic=True),
    Format(JPEG, "JPEG image", (".jpg", ".jpeg"), ("image/jpg", "image/pjpeg"), magic=True),
    Format(TIFF, "TIFF image", (".tif", ".tiff"), magic=True),
)
SUPPORTED = tuple(f.mime for f in FORMATS)
TEXT_TYPES = tuple(f.mime for f in FORMATS if f.text)
GENERIC = ("", "application/octet-stream", "binary/octet-stream", "application/unknown",
           "application/zip", "application/x-zip-compressed")
_BY_MIME = {mime: f for f in FORMATS for mime in (f.mime, *f.aliases)}
EXTENSIONS = {ext: f.mime for f in FORMATS for ext in f.extensions}
SNIFF_BYTES = 4096
# Leading bytes that identify a format by themselves.
_SIGNATURES = (
    (b"%PDF-", PDF), (b"{\\rtf", RTF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF), (b"MM\x00*", TIFF),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .doc, but also .xls, .ppt, .msg
_WORD_STREAM = "WordDocument".encode("utf-16-le")
# Parts whose presence names an Office Open XML package's kind.
_ZIP_PARTS = (("word/document.xml", DOCX), ("ppt/presentation.xml", PPTX))
_ZIP_MIMETYPES = {ODT: ODT, EPUB: EPUB}  # ODF and EPUB store their type in a "mimetype" entry
# A message starts with header fields; these say it is mail and not a text with a colon.
_MAIL_HEADER = re.compile(rb"(?:from|to|subject|date|message-id|mime-version|received|return-path"
                          rb"|delivered-to|reply-to|cc|content-type|x-[\w-]+):[ \t]", re.I)
_MAIL_PROOF = re.compile(rb"^(?:message-id|mime-version|received|return-path|delivered-to):", re.I | re.M)


def split_type(content_type: str | None) -> tuple[str, dict[str, str]]:
    """'Text/Plain; charset=UTF-8' -> ('text/plain', {'charset': 'UTF-8'})."""
    if not content_type:
        return "", {}
    msg = Message()
    msg["content-type"] = content_type
    params = {k.lower(): v for k, v in msg.get_params()[1:]} if msg.get_params() else {}
    return msg.get_content_type() if "/" in content_type else content_type.strip().lower(), params


def sniff(data: bytes) -> str | None:
    """Guess a type from the bytes; None when they look like no supported type."""
    head = data[:SNIFF_BYTES]
    if magic := sniff_magic(data):
        return magic
    if head.startswith((b"PK\x03\x04", _OLE)):
        return None  # an archive or compound file of another kind
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered:
        return HTML
    return EMAIL if _looks_like_mail(head) else PLAIN


def sniff_magic(data: bytes) -> str | None:
    """The type a file's signature proves (PDF, Office, ODF, EPUB, RTF, images), else None."""
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    if data.startswith(_OLE):
        return DOC if _WORD_STREAM in data else None
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return None


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as entry:  # 100 bytes, however big the entry claims to be
                    declared = entry.read(100).decode("ascii", "replace").strip()
                return _ZIP_MIMETYPES.get(declared)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, RuntimeError,
            NotImplementedError, EOFError, zlib.error):  # broken, encrypted or exotic: not ours
        return None
    return next((mime for part, mime in _ZIP_PARTS if part in names), None)


def _looks_like_mail(head: bytes) -> bool:
    """Header fields from the first line to the first blank line, one of them only mail has."""
    block = head.replace(b"\r\n", b"\n").partition(b"\n\n")[0]
    lines = [line for line in block.split(b"\n") if not line[:1].isspace()]
    return (len(lines) >= 2 and all(_MAIL_HEADER.match(line) for line in lines)
            and bool(_MAIL_PROOF.search(block)))


def resolve(declared: str | None, filename: str | None, data: bytes) -> str:
    """The content type to process an upload as, keeping a declared charset.

    A specific declared type wins (if the bytes agree). A generic one (octet-stream, none) gives
    way to a file signature, then to the filename's extension, then to a guess from the text.
    """
    mime, params = split_type(declared)
    sniffed = sniff(data)
    if mime in GENERIC:
        ext = os.path.splitext(filename or "")[1].lower()
        mime = sniff_magic(data) or EXTENSIONS.get(ext) or sniffed or ""
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
    if kind.magic and sniffed != kind.mime:
        raise MislabelledDocument(f"the document is labelled {kind.mime} but its bytes are not "
                                  f"a {kind.name} file")
    if not kind.magic and (sniffed is None or _BY_MIME[sniffed].magic):
        what = "binary data" if sniffed is None else sniffed
        raise MislabelledDocument(f"the document is labelled {kind.mime} but looks like {what}")
