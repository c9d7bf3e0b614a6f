"""Documents the tests build in code, so nothing binary is committed: the seed as PDF and DOCX."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "seeds" / "us-casualties-mount-in-iraq.txt"
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


def seed_rtf(paragraphs: list[str]) -> bytes:
    """RTF as word processors write it: 7-bit, non-ASCII characters as \\u escapes."""
    def escape(text: str) -> str:
        text = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in text)

    body = "".join(f"\\pard {escape(p)}\\par\n" for p in paragraphs)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "}").encode("ascii")


def seed_odt(paragraphs: list[str]) -> bytes:
    """A minimal OpenDocument text: the title as a heading, the rest as paragraphs."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    blocks = [f'<text:h text:outline-level="1">{_xml(paragraphs[0])}</text:h>']
    blocks += [f"<text:p>{_xml(p)}</text:p>" for p in paragraphs[1:]]
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.3">'
               f'<office:body><office:text>{"".join(blocks)}</office:text></office:body></office:document-content>')
    return _zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)])


def seed_epub(paragraphs: list[str]) -> bytes:
    """An EPUB 3 whose spine lists two chapters in the reverse of their manifest order."""
    half = len(paragraphs) // 2
    chapters = {"c1.xhtml": paragraphs[:half], "c2.xhtml": paragraphs[half:]}
    package = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
               '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>'
               f'{_xml(paragraphs[0])}</dc:title></metadata><manifest>'
               '<item id="two" href="text/c2.xhtml" media-type="application/xhtml+xml"/>'
               '<item id="one" href="text/c1.xhtml" media-type="application/xhtml+xml"/></manifest>'
               '<spine><itemref idref="one"/><itemref idref="two"/></spine></package>')
    container = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:'
                 'xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" '
                 'media-type="application/oebps-package+xml"/></rootfiles></container>')
    parts = [("mimetype", "application/epub+zip"), ("META-INF/container.xml", container),
             ("OEBPS/content.opf", package)]
    for name, chapter in chapters.items():
        body = "".join(f"<p>{_xml(p)}</p>" for p in chapter)
        parts.append((f"OEBPS/text/{name}", '<?xml version="1.0" encoding="UTF-8"?><html xmlns='
                       f'"http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>{body}</body></html>'))
    return _zip(parts)


def seed_email(paragraphs: list[str], html: bool) -> bytes:
    """A MIME message: the seed's title as subject, its body as HTML and text parts, one attachment."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Press Office <press@example.org>"
    message["To"] = "newsroom@example.com"
    message["Subject"] = paragraphs[0]
    message["Message-ID"] = "<seed@example.org>"
    message.set_content("\n\n".join(paragraphs[1:]) + "\n")
    if html:
        message.add_alternative("<html><body>" + "".join(f"<p>{_xml(p)}</p>" for p in paragraphs[1:])
                                + "</body></html>", subtype="html")
    message.add_attachment(b"%PDF-1.4 not read", maintype="application", subtype="pdf", filename="release.pdf")
    return bytes(message)


def seed_pptx(paragraphs: list[str]) -> bytes:
    """A deck: a title slide, then the paragraphs on slides of three, in text boxes."""
    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    title_slide = deck.slides.add_slide(deck.slide_layouts[5])  # "title only"
    title_slide.shapes.title.text = paragraphs[0]
    body = paragraphs[1:]
    for start in range(0, len(body), 3):
        slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
        frame = slide.shapes.add_textbox(Inches(0.5), Inches(0.5), Inches(9), Inches(6)).text_frame
        frame.text = body[start]
        for paragraph in body[start + 1:start + 3]:
            frame.add_paragraph().text = paragraph
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def seed_scan(paragraphs: list[str], dpi: int = 200, fmt: str = "PDF") -> bytes:
    """The seed PDF printed and scanned: its pages as images at `dpi`, with no text layer."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(seed_pdf(paragraphs))
    pages = [document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(document))]
    document.close()
    out = io.BytesIO()
    more = {"save_all": True, "append_images": pages[1:]} if len(pages) > 1 else {}
    pages[0].save(out, fmt, resolution=dpi, **more)
    return out.getvalue()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _zip(parts: list[tuple[str, str]]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            archive.writestr(name, text, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return out.getvalue()
