"""Markdown to plain paragraphs: markup removed, words and punctuation kept."""
from __future__ import annotations

import re

from workers.stages.cleaning.lines import Line

_FENCE = re.compile(r"\s{0,3}(?:```|~~~)")
_ATX = re.compile(r"\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_LIST = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"\s*(?:>\s?)+")
_LINK_DEF = re.compile(r"\s{0,3}\[[^\]\n]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_INLINE = (
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), ""),  # images
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # inline links
    (re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]"), r"\1"),  # reference links
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"</?[a-zA-Z][^>\n]{0,200}>"), ""),  # inline HTML tags
    (re.compile(r"`+([^`\n]+)`+"), r"\1"),  # code spans
    (re.compile(r"(\*\*|__)(?=\S)([^\n]{1,500}?)(?<=\S)\1"), r"\2"),  # strong (bounded: linear)
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)([^~\n]+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),  # backslash escapes
)


def markdown_lines(text: str) -> tuple[list[Line], str | None]:
    """Lines of a Markdown document, marked where a block starts, and its first top heading."""
    lines: list[Line] = []
    title, block_start, in_code = None, True, False
    for raw in text.split("\n"):
        if _FENCE.match(raw):
            in_code, block_start = not in_code, True
            continue
        if in_code:
            lines.append(_line(raw.strip(), True))
            continue
        if not raw.strip() or _RULE.match(raw) or _LINK_DEF.match(raw) or _TABLE_RULE.match(raw):
            block_start = True
            continue
        if _SETEXT.match(raw) and lines and not block_start:
            title = title or (lines[-1].text if raw.strip()[0] == "=" else None)
            block_start = True
            continue
        text_of_line, starts = _strip_block_markup(raw)
        text_of_line = _strip_inline(text_of_line)
        if heading := _ATX.match(raw):
            title = title or (text_of_line if heading.group(1) == "#" else None)
        lines.append(_line(text_of_line, block_start or starts))
        block_start = bool(heading)
    return [line for line in lines if line.text], title


def _strip_block_markup(raw: str) -> tuple[str, bool]:
    """Line text without heading, list, quote or table markers; True if it starts a block."""
    if heading := _ATX.match(raw):
        return heading.group(2), True
    quoted = _QUOTE.match(raw)
    body = raw[quoted.end():] if quoted else raw
    if item := _LIST.match(body):
        return body[item.end():], True
    if body.strip().startswith("|"):
        cells = [c.strip() for c in body.strip().strip("|").split("|")]
        return " | ".join(c for c in cells if c), True
    return body.strip(), False


def _strip_inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()


def _line(text: str, break_before: bool) -> Line:
    # Markdown soft-wraps: lines of one block always join, so no line "could have fitted more".
    return Line(text, 0.0, float("-inf"), 1.0, break_before)
