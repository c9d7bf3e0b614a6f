"""Paragraphs and tables of a Word (DOCX) document, read after checking the ZIP is not a bomb."""
from __future__ import annotations

import io
import logging
import zipfile

import docx
import docx.opc.exceptions
import lxml.etree
from docx.table import Table
from docx.text.paragraph import Paragraph

from workers.stages.cleaning.errors import DocumentTooLarge, UnreadableDocument, UnsupportedFormat

LOGGER = logging.getLogger(__name__)

# Limits on what the ZIP container may unpack to. Real DOCX files are mostly compressed XML at
# 5-20x; a novel with images stays far below these. Bombs reach ratios in the thousands.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_COMPRESSION_RATIO = 150
_RATIO_FLOOR_BYTES = 1024 * 1024  # tiny parts compress absurdly well and are harmless
_TITLE_STYLES = frozenset({"title"})
_HEADING_STYLES = frozenset({"heading 1"})
_BROKEN = (KeyError, ValueError, zipfile.BadZipFile, lxml.etree.XMLSyntaxError,
           docx.opc.exceptions.PackageNotFoundError)


def docx_paragraphs(data: bytes) -> tuple[list[str], str | None]:
    """Body paragraphs (table rows as "cell | cell") and the title paragraph, if styled as one."""
    _check_archive(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except _BROKEN as exc:
        raise UnreadableDocument(f"The Word document is damaged and could not be read ({exc}).") from exc
    paragraphs: list[str] = []
    title = None
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.replace("\n", " ")
            if text.strip() and title is None and _is_title(block, not paragraphs):
                title = text.strip()
            paragraphs.append(text)
        elif isinstance(block, Table):
            paragraphs.extend(_table_rows(block))
    return paragraphs, title


def _is_title(paragraph: Paragraph, first: bool) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    return style in _TITLE_STYLES or (first and style in _HEADING_STYLES)


def _table_rows(table: Table) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell appears once per grid column it spans
                continue
            seen.add(id(cell._tc))
            if cell.text.strip():
                cells.append(" ".join(cell.text.split()))
        rows.append(" | ".join(cells))
    return rows


def _check_archive(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument("The Word document is damaged: it is not a readable ZIP archive.") from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise DocumentTooLarge(f"The Word document holds {len(entries):,} files; "
                                   f"the limit is {MAX_ZIP_ENTRIES:,}.")
        if "word/document.xml" not in archive.namelist():
            raise UnsupportedFormat("The ZIP archive is not a Word (DOCX) document.")
        unpacked = sum(e.file_size for e in entries)
        if unpacked > MAX_UNPACKED_BYTES:
            raise DocumentTooLarge(f"The Word document unpacks to {unpacked:,} bytes; "
                                   f"the limit is {MAX_UNPACKED_BYTES:,}.")
        for entry in entries:
            ratio = entry.file_size // max(1, entry.compress_size)
            if entry.file_size > _RATIO_FLOOR_BYTES and ratio > MAX_COMPRESSION_RATIO:
                raise DocumentTooLarge(f"The Word document is a compression bomb "
                                       f"({entry.filename} expands {ratio}x).")
