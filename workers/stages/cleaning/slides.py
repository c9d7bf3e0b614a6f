"""Text of a PowerPoint (PPTX) deck with python-pptx: slide by slide, each paragraph in turn."""
from __future__ import annotations

import io

import lxml.etree
import pptx
import pptx.exc
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.shapes.base import BaseShape

from workers.stages.cleaning.archive import ZIP_ERRORS, open_archive
from workers.stages.cleaning.errors import UnreadableDocument

_BROKEN = (*ZIP_ERRORS, lxml.etree.XMLSyntaxError, pptx.exc.PackageNotFoundError)


def slide_paragraphs(data: bytes) -> tuple[list[str], str | None]:
    """Paragraphs of every slide in order (shapes top to bottom, tables as "cell | cell" rows),
    and the first slide's title."""
    open_archive(data, "PowerPoint presentation", "ppt/presentation.xml").close()
    try:
        deck = pptx.Presentation(io.BytesIO(data))
    except _BROKEN as exc:
        raise UnreadableDocument(f"The PowerPoint file is damaged and could not be read ({exc}).") from exc
    paragraphs: list[str] = []
    title = None
    for number, slide in enumerate(deck.slides):
        if number == 0 and slide.shapes.title is not None and slide.shapes.title.has_text_frame:
            title = " ".join(slide.shapes.title.text_frame.text.split()) or None
        for shape in _reading_order(slide.shapes):
            paragraphs.extend(_shape_text(shape))
    return paragraphs, title


def _reading_order(shapes) -> list[BaseShape]:
    """Shapes top to bottom, then left to right: the order a reader takes a slide in, whatever
    order they were drawn in. Shapes without a position (some placeholders) keep theirs."""
    return sorted(shapes, key=lambda s: (s.top if s.top is not None else 0, s.left if s.left is not None else 0))


def _shape_text(shape: BaseShape) -> list[str]:
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        return [text for inner in _reading_order(shape.shapes) for text in _shape_text(inner)]
    if getattr(shape, "has_table", False):
        return [" | ".join(" ".join(cell.text.split()) for cell in row.cells if cell.text.strip())
                for row in shape.table.rows]
    if getattr(shape, "has_text_frame", False):
        return [p.text.replace("\v", " ") for p in shape.text_frame.paragraphs]
    return []
