"""Paragraphs and tables of a Word (DOCX) document, read after checking the ZIP is not a bomb."""
from __future__ import annotations

import io
import logging

import docx
import docx.opc.exceptions
import lxml.etree
from docx.table import Table
from docx.text.paragraph import Paragraph

from workers.stages.cleaning.archive import ZIP_ERRORS, open_archive
from workers.stages.cleaning.errors import UnreadableDocument

LOGGER = logging.getLogger(__name__)

_TITLE_STYLES = frozenset({"title"})
_HEADING_STYLES = frozenset({"heading 1"})
_BROKEN = (*ZIP_ERRORS, lxml.etree.XMLSyntaxError, docx.opc.exceptions.PackageNotFoundError)


def docx_paragraphs(data: bytes) -> tuple[list[str], str | None]:
    """Body paragraphs (table rows as "cell | cell") and the title paragraph, if styled as one."""
    open_archive(data, "Word document", "word/document.xml").close()
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
