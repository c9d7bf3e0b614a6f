"""Documents the tests build in code, so nothing binary is committed: the seed as PDF and DOCX."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The user's seed document: the shared test text, defined here only.
SEED = ROOT / "seeds" / "us-casualties-mount-in-iraq.txt"
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/Library/Fonts"))
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def seed_paragraphs() -> list[str]:
    return [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def unicode_font() -> Path:
    for folder in FONT_DIRS:
        for font in sorted(folder.rglob("DejaVuSans.ttf")) if folder.is_dir() else ():
            return font
    pytest.skip("no Unicode TTF font (DejaVuSans) to write curly quotes into a PDF")


def seed_pdf(paragraphs: list[str]) -> bytes:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_font("DejaVu", fname=str(unicode_font()))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    return bytes(pdf.output())


def seed_docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(paragraphs[0], level=0)
    for paragraph in paragraphs[1:]:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
