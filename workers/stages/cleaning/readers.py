"""Step 3, extract: one reader per document type, each giving paragraphs of repaired text.

Text formats are decoded first (decode.py); every reader repairs characters (repair.py) before
lines are joined into paragraphs (lines.py), so a repair never has to undo a join.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workers.stages.cleaning import formats
from workers.stages.cleaning.decode import decode
from workers.stages.cleaning.docx import docx_paragraphs
from workers.stages.cleaning.html import extract as extract_html
from workers.stages.cleaning.lines import join_lines, text_paragraphs
from workers.stages.cleaning.markdown import markdown_lines
from workers.stages.cleaning.paragraphs import detect_title, split_email_headers
from workers.stages.cleaning.pdf import pdf_lines
from workers.stages.cleaning.repair import normalise, repair


@dataclass(slots=True)
class Read:
    """What a reader found: paragraphs (not yet tidied) and a title, if the format has one."""

    paragraphs: list[str]
    title: str | None = None


Reader = Callable[[bytes, str | None, list[str]], Read]


def _read_plain(data: bytes, charset: str | None, warnings: list[str]) -> Read:
    text = repair(decode(data, charset, warnings), warnings)
    body, subject = split_email_headers(text)
    return Read(text_paragraphs(body), subject)


def _read_markdown(data: bytes, charset: str | None, warnings: list[str]) -> Read:
    lines, title = markdown_lines(repair(decode(data, charset, warnings), warnings))
    return Read(join_lines(lines), title)


def _read_html(data: bytes, charset: str | None, warnings: list[str]) -> Read:
    text, title = extract_html(decode(data, charset, warnings, html=True))
    text = repair(text, warnings)
    return Read(text.split("\n"), normalise(title) if title else None)


def _read_pdf(data: bytes, charset: str | None, warnings: list[str]) -> Read:
    lines, metadata_title = pdf_lines(data, warnings)
    for line, text in zip(lines, repair_all([line.text for line in lines], warnings)):
        line.text = text
    paragraphs = join_lines(lines)
    return Read(paragraphs, detect_title(paragraphs) or metadata_title)


def _read_docx(data: bytes, charset: str | None, warnings: list[str]) -> Read:
    paragraphs, title = docx_paragraphs(data)
    return Read(repair_all(paragraphs, warnings), title)


def repair_all(texts: list[str], warnings: list[str]) -> list[str]:
    """Repair many short texts, reporting each kind of repair once."""
    found: list[str] = []
    repaired = [repair(t, found) for t in texts]
    if found:
        warnings.append(f"Repaired garbled characters (mojibake) in {len(found)} place(s).")
    return repaired


READERS: dict[str, Reader] = {
    formats.PLAIN: _read_plain,
    formats.MARKDOWN: _read_markdown,
    formats.HTML: _read_html,
    formats.XHTML: _read_html,
    formats.PDF: _read_pdf,
    formats.DOCX: _read_docx,
}
