"""Step 3, extract: one reader per document type, each giving paragraphs of repaired text.

Text formats are decoded first (decode.py); every reader repairs characters (repair.py) before
lines are joined into paragraphs (lines.py), so a repair never has to undo a join.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from workers.stages.cleaning import formats
from workers.stages.cleaning.decode import decode
from workers.stages.cleaning.doc import doc_paragraphs
from workers.stages.cleaning.docx import docx_paragraphs
from workers.stages.cleaning.epub import epub_paragraphs
from workers.stages.cleaning.html import extract as extract_html
from workers.stages.cleaning.images import image_lines
from workers.stages.cleaning.lines import Line, join_lines, text_paragraphs
from workers.stages.cleaning.mail import attachments_warning, read_mail
from workers.stages.cleaning.markdown import markdown_lines
from workers.stages.cleaning.ocr import Ocr
from workers.stages.cleaning.odt import odt_paragraphs
from workers.stages.cleaning.paragraphs import detect_title, drop_signature, split_email_headers
from workers.stages.cleaning.pdf import pdf_lines
from workers.stages.cleaning.repair import normalise, repair
from workers.stages.cleaning.rtf import rtf_paragraphs
from workers.stages.cleaning.slides import slide_paragraphs


@dataclass(slots=True)
class Source:
    """What a reader is given: the bytes, the declared charset, OCR, and the warnings to add to."""

    data: bytes
    charset: str | None
    ocr: Ocr
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Read:
    """What a reader found: paragraphs (not yet tidied) and a title, if the format has one."""

    paragraphs: list[str]
    title: str | None = None


Reader = Callable[[Source], Read]


def _read_plain(source: Source) -> Read:
    text = repair(decode(source.data, source.charset, source.warnings), source.warnings)
    body, subject = split_email_headers(text)
    return Read(text_paragraphs(body), subject)


def _read_markdown(source: Source) -> Read:
    lines, title = markdown_lines(repair(decode(source.data, source.charset, source.warnings), source.warnings))
    return Read(join_lines(lines), title)


def _read_html(source: Source) -> Read:
    return _html(decode(source.data, source.charset, source.warnings, html=True), source.warnings)


def _html(html: str, warnings: list[str]) -> Read:
    text, title = extract_html(html, warnings)
    return Read(repair(text, warnings).split("\n"), normalise(title) if title else None)


def _read_email(source: Source) -> Read:
    mail = read_mail(source.data)
    if mail.attachments:
        source.warnings.append(attachments_warning(mail.attachments))
    if mail.html:
        read = _html(mail.body, source.warnings)
    else:
        read = Read(text_paragraphs(drop_signature(repair(mail.body, source.warnings))))
    return Read(read.paragraphs, normalise(mail.subject) if mail.subject else read.title)


def _read_pdf(source: Source) -> Read:
    lines, metadata_title = pdf_lines(source.data, source.ocr, source.warnings)
    paragraphs = join_lines(_repair_lines(lines, source.warnings))
    return Read(paragraphs, detect_title(paragraphs) or metadata_title)


def _read_image(source: Source) -> Read:
    paragraphs = join_lines(_repair_lines(image_lines(source.data, source.ocr, source.warnings),
                                          source.warnings))
    return Read(paragraphs)


def _repair_lines(lines: list[Line], warnings: list[str]) -> list[Line]:
    for line, text in zip(lines, _repair_all([line.text for line in lines], warnings)):
        line.text = text
    return lines


def _paragraphs_with_title(read: Callable[[bytes], tuple[list[str], str | None]]) -> Reader:
    """A reader for a format whose parser gives paragraphs and, maybe, a title."""
    def reader(source: Source) -> Read:
        paragraphs, title = read(source.data)
        return Read(_repair_all(paragraphs, source.warnings), normalise(title) if title else None)
    return reader


def _paragraphs_only(read: Callable[[bytes], list[str]]) -> Reader:
    """A reader for a format whose parser gives paragraphs alone."""
    def reader(source: Source) -> Read:
        return Read(_repair_all(read(source.data), source.warnings))
    return reader


def _repair_all(texts: list[str], warnings: list[str]) -> list[str]:
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
    formats.EMAIL: _read_email,
    formats.PDF: _read_pdf,
    formats.DOCX: _paragraphs_with_title(docx_paragraphs),
    formats.DOC: _paragraphs_only(doc_paragraphs),
    formats.RTF: _paragraphs_only(rtf_paragraphs),
    formats.ODT: _paragraphs_with_title(odt_paragraphs),
    formats.EPUB: _paragraphs_with_title(epub_paragraphs),
    formats.PPTX: _paragraphs_with_title(slide_paragraphs),
    formats.PNG: _read_image,
    formats.JPEG: _read_image,
    formats.TIFF: _read_image,
}
