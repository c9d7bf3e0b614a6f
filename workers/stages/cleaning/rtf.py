"""Paragraphs of an RTF document, through striprtf (control words, code pages, \\u escapes)."""
from __future__ import annotations

from striprtf.striprtf import rtf_to_text

from workers.stages.cleaning.errors import UnreadableDocument


def rtf_paragraphs(data: bytes) -> list[str]:
    """One paragraph per RTF paragraph (\\par); table cells joined with " | "."""
    # RTF is 7-bit text whose other characters are escaped (\\'e9, \\u8220?); a writer that left
    # raw 8-bit bytes meant its declared code page, which striprtf applies to the escapes only.
    # Latin-1 maps every byte to one character, so nothing fails to decode here.
    source = data.decode("latin-1")
    if not source.lstrip().startswith("{\\rtf"):
        raise UnreadableDocument("The file is not an RTF document (no {\\rtf header).")
    text = rtf_to_text(source, errors="replace")
    return [line.replace("|", " | ").strip(" |") for line in text.split("\n")]
