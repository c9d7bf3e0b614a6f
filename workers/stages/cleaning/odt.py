"""Paragraphs and headings of an OpenDocument text (ODT), read from its content.xml with lxml.

odfpy would do the same walk but has had no release since 2020; the text of an ODT is plain
XML in a known place, and lxml is already here.
"""
from __future__ import annotations

import lxml.etree

from workers.stages.cleaning.archive import open_archive, read_xml

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_BLOCKS = (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h")
_SPACES = f"{{{_TEXT}}}s"
_BREAKS = frozenset({f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"})
# Footnotes, comments and the deleted text of tracked changes are not the body's running text.
_SKIPPED = frozenset({f"{{{_TEXT}}}note", f"{{{_OFFICE}}}annotation", f"{{{_TEXT}}}tracked-changes"})
_WHAT = "OpenDocument text"
_MAX_SPACES = 8


def odt_paragraphs(data: bytes) -> tuple[list[str], str | None]:
    """Body paragraphs and headings in document order, and the title from the metadata."""
    with open_archive(data, _WHAT, "content.xml") as archive:
        content = read_xml(archive, "content.xml", _WHAT)
        meta = read_xml(archive, "meta.xml", _WHAT) if "meta.xml" in archive.namelist() else None
    body = content.find(f"{{{_OFFICE}}}body")
    paragraphs = [] if body is None else [_text(block) for block in _blocks(body)]
    title = meta.findtext(f".//{{{_DC}}}title") if meta is not None else None
    return paragraphs, " ".join((title or "").split()) or None


def _blocks(body: lxml.etree._Element) -> list[lxml.etree._Element]:
    """Paragraphs and headings outside notes and comments (a paragraph never holds another)."""
    blocks = []
    walker = lxml.etree.iterwalk(body, events=("start",))
    for _, element in walker:
        if element.tag in _SKIPPED:
            walker.skip_subtree()
        elif element.tag in _BLOCKS:
            blocks.append(element)
            walker.skip_subtree()
    return blocks


def _text(element: lxml.etree._Element) -> str:
    """An element's text with ODF's space, tab and line-break elements spelled out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _SPACES:
            count = child.get(f"{{{_TEXT}}}c", "1")
            # spaces only ever collapse to one later; a huge count must not allocate
            parts.append(" " * min(int(count) if count.isdigit() else 1, _MAX_SPACES))
        elif child.tag in _BREAKS:
            parts.append(" ")
        elif child.tag not in _SKIPPED and isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
