"""Paragraph-level cleaning: boilerplate lines, e-mail headers, the title, the final text."""
from __future__ import annotations

import re

# Whole paragraphs that are page furniture or site chrome, never article text. Each pattern
# must match the entire paragraph, so a sentence that merely mentions these words survives.
_BOILERPLATE = re.compile(
    r"(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"  # page numbers: "12", "Page 3 of 10"
    r"|[-–—]\s*\d{1,4}\s*[-–—]"  # "- 3 -"
    r"|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"  # roman page numbers in front matter
    # Rules and setext underlines; not underscores, which stand for blanks to fill in (forms)
    # and which news wires also use as a section separator.
    r"|[-=*~#.·•]{3,}"
    r"|advertisement|sponsored content|skip to (?:main )?content|print this (?:page|article)"
    r"|share (?:this|on \w+)(?: (?:article|story|page))?|(?:back to|return to) top"
    r"|click here to [^.!?]{0,60}|continue reading[^.!?]{0,40}|read more|related (?:articles?|stories)"
    r"|sign up for our newsletters?[^.!?]{0,60}|follow us on [^.!?]{0,40}"
    r"|(?:copyright\s*)?(?:©|\(c\))[^\n]{0,120}|copyright\s+\d{4}[^\n]{0,120}|all rights reserved\.?"
    r"|sent from my (?:iphone|ipad|android|mobile device|blackberry)[^\n]{0,30}",
    re.I,
)
_EMAIL_HEADER = re.compile(r"(?:from|to|cc|bcc|date|sent|subject|reply-to|message-id"
                           r"|mime-version|content-type|content-transfer-encoding):\s", re.I)
_SUBJECT = re.compile(r"subject:\s*(?:(?:re|fwd?|aw|sv):\s*)*(.+)", re.I)
# Signature delimiter from RFC 3676: "-- " alone on a line.
_SIGNATURE = "-- "
# A headline is short; these bounds were read off news and report front pages (headlines run
# 3-15 words; a first sentence of body text rarely stays under 150 characters without a full stop).
TITLE_MAX_CHARS = 150
TITLE_MAX_WORDS = 20
_TITLE_BAD_ENDINGS = (".", ",", ";", ":")


def drop_boilerplate(paragraphs: list[str]) -> list[str]:
    """Paragraphs minus page numbers, rules and site chrome."""
    return [p for p in paragraphs if not _BOILERPLATE.fullmatch(p)]


def split_email_headers(text: str) -> tuple[str, str | None]:
    """Remove a leading block of e-mail headers and a trailing signature; returns (body, subject)."""
    head, sep, body = text.partition("\n\n")
    lines = head.split("\n")
    if not sep or len(lines) < 2 or not all(_EMAIL_HEADER.match(x) or x[:1].isspace() for x in lines):
        return text, None
    subject = next((m.group(1).strip() for m in map(_SUBJECT.match, lines) if m), None)
    return drop_signature(body), subject or None


def drop_signature(body: str) -> str:
    """A mail body without the signature below its "-- " delimiter line."""
    return body.partition(f"\n{_SIGNATURE}\n")[0]


def detect_title(paragraphs: list[str]) -> str | None:
    """The first paragraph when it reads as a headline above the body."""
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    if len(first) > TITLE_MAX_CHARS or len(first.split()) > TITLE_MAX_WORDS:
        return None
    if first.endswith(_TITLE_BAD_ENDINGS) or not any(c.isalpha() for c in first):
        return None
    return first if len(paragraphs[1]) > len(first) else None


def tidy(paragraphs: list[str]) -> list[str]:
    """Each paragraph on one line with single spaces and no soft hyphens; empty ones dropped."""
    out = []
    for paragraph in paragraphs:
        if "\u00ad" in paragraph:
            paragraph = paragraph.replace("\u00ad", "")
        # split/join only where needed: it is the costliest step on large clean texts.
        if "  " in paragraph or "\n" in paragraph:
            paragraph = " ".join(paragraph.split())
        else:
            paragraph = paragraph.strip()
        if paragraph:
            out.append(paragraph)
    return out


def stats(text: str) -> dict[str, int]:
    """Counts of characters, whitespace-separated words and paragraphs of a tidied text."""
    if not text:
        return {"chars": 0, "words": 0, "paragraphs": 0}
    paragraphs = text.count("\n\n") + 1
    # A tidied text has single spaces within paragraphs and "\n\n" between them, so counting
    # separators equals len(text.split()) at a fraction of the cost.
    return {"chars": len(text), "words": text.count(" ") + paragraphs, "paragraphs": paragraphs}
