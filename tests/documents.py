"""Documents the tests build in code, so nothing binary is committed: the seed as PDF and DOCX."""
from __future__ import annotations

import io
import json
import random
import struct
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The user's seed document: the shared test text, defined here only.
SEED = ROOT / "seeds" / "us-casualties-mount-in-iraq.txt"
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/Library/Fonts"))
# The shared bench beside the checkout: gold sets of quotes and summaries.
BENCH = ROOT.parent / "shared" / "bench"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def bench_texts() -> list[str]:
    """Every text of the shared bench's quote and summary sets, and of the house-style sets."""
    texts = []
    paths = sorted(BENCH.glob("quotes/*.jsonl")) + sorted(BENCH.glob("summaries/*.jsonl"))
    for path in paths + sorted((ROOT / "bench" / "data").glob("quote-styles-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts.append(record.get("text") or record.get("article") or record.get("document") or "")
    return texts


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


def seed_doc(paragraphs: list[str]) -> bytes:
    """A minimal Word 97 (.doc) file: a FIB, the text as UTF-16 and a one-piece piece table,
    in a Compound File of 512-byte sectors. No library writes .doc; this is the least that
    readers such as antiword need (MS-DOC 2.5, MS-CFB 2.2)."""
    text = "".join(f"{p}\r" for p in paragraphs).encode("utf-16-le")
    text_at = 0x800  # where the FIB ends and the text starts, in the WordDocument stream
    fib = bytearray(text_at)
    # wIdent, nFib (Word 97), unused, lid (en-US), pnNext, flags: fWhichTblStm (1Table) | fExtChar
    struct.pack_into("<HHHHHH", fib, 0, 0xA5EC, 0x00C1, 0, 0x0409, 0, 0x1200)
    struct.pack_into("<H", fib, 0x20, 14)  # csw: 14 shorts of fibRgW follow
    struct.pack_into("<H", fib, 0x3E, 22)  # cslw: 22 longs of fibRgLw follow
    struct.pack_into("<II", fib, 0x40, text_at + len(text), 0)  # cbMac
    struct.pack_into("<I", fib, 0x4C, len(text) // 2)  # ccpText: characters of main text
    struct.pack_into("<H", fib, 0x98, 93)  # cbRgFcLcb: 93 (fc, lcb) pairs follow
    # Clx: one Pcdt holding a PlcPcd of CPs [0, ccpText] and one Pcd pointing at the text.
    clx = b"\x02" + struct.pack("<I", 16) + struct.pack("<II", 0, len(text) // 2) + struct.pack("<HIH", 0, text_at, 0)
    # An empty style sheet: cbStshi, then a STSHI declaring no styles (readers assume there is one).
    stylesheet = struct.pack("<HHHHHHH", 18, 0, 10, 1, 0, 15, 0) + b"\0" * 8
    struct.pack_into("<II", fib, 0xA2, 0, len(stylesheet))  # fcStshf, lcbStshf (in the 1Table stream)
    struct.pack_into("<II", fib, 0x1A2, len(stylesheet), len(clx))  # fcClx, lcbClx
    # Streams of 4096 bytes or more live in ordinary sectors, so no mini stream is needed.
    word = (bytes(fib) + text).ljust(4096, b"\0")
    return _compound_file([("WordDocument", word), ("1Table", (stylesheet + clx).ljust(4096, b"\0"))])


def _compound_file(streams: list[tuple[str, bytes]]) -> bytes:
    """A Compound File (version 3): header, one FAT sector, one directory sector, the streams."""
    free, end, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    fat, body, starts = [fat_sector, end], b"", []
    for _, data in streams:
        data = data.ljust(-(-len(data) // 512) * 512, b"\0")
        starts.append(len(fat))
        fat += list(range(len(fat) + 1, len(fat) + len(data) // 512)) + [end]
        body += data
    assert len(fat) <= 128, "one FAT sector maps 64 KiB"

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\0\0" if name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, no_stream, right, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, no_stream, 1, end, 0)]
    for index, ((name, data), start) in enumerate(zip(streams, starts), start=1):
        entries.append(entry(name, 2, index + 1 if index < len(streams) else no_stream, no_stream, start, len(data)))
    entries += [entry("", 0, no_stream, no_stream, 0, 0)] * (4 - len(entries))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<9I", 0, 1, 1, 0, 0x1000, end, 0, end, 0)
              + struct.pack("<109I", 0, *[free] * 108))
    return header + struct.pack("<128I", *fat + [free] * (128 - len(fat))) + b"".join(entries) + body


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
