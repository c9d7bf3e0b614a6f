"""Documents the tests build in code, so nothing binary is committed: the seed as PDF and DOCX."""
from __future__ import annotations

import io
import random
import zipfile
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


def docx_bomb(xml_mb: int) -> bytes:
    """A DOCX whose document.xml unpacks to ``xml_mb`` MB at a ratio of ~12: under any ratio
    limit, yet its tree takes gigabytes to build."""
    words = [b"alpha", b"beta", b"gamma", b"delta"]
    rng = random.Random(7)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                    'openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
                    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                    '<Default Extension="xml" ContentType="application/xml"/><Override PartName='
                    '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                    'wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
                    '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                    'officeDocument" Target="word/document.xml"/></Relationships>')
        with zf.open("word/document.xml", "w") as part:
            part.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.'
                       b'org/wordprocessingml/2006/main"><w:body>')
            # Distinct paragraphs spanning more than deflate's 32 KB window keep the ratio low.
            pool = [b"<w:p><w:r><w:t>" + b" ".join(rng.choices(words, k=40)) + b"</w:t></w:r></w:p>"
                    for _ in range(1000)]
            written = 0
            while written < xml_mb * 1024 * 1024:
                chunk = b"".join(rng.choices(pool, k=1000))
                part.write(chunk)
                written += len(chunk)
            part.write(b"</w:body></w:document>")
    return out.getvalue()
