"""Character-level repairs: mojibake, line endings, controls, odd spaces, ligatures, NFC."""
from __future__ import annotations

import logging
import re
import unicodedata

import ftfy

LOGGER = logging.getLogger(__name__)

# A lead byte of a 2-4 byte UTF-8 sequence read as Latin-1/cp1252, followed by a continuation byte
# read the same way, or a stray C1 control: the traces mojibake leaves. Lines without one are
# left alone, which keeps ftfy (about 5 MB/s) off the common, clean path.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|[\u0080-\u009f]"
)
_FTFY_OPTIONS = {
    "uncurl_quotes": False,  # quote extraction needs the curly marks
    "fix_character_width": False,  # full-width text is legitimate in CJK documents
    "fix_line_breaks": False,  # done below, for the whole text
    "normalization": None,  # NFC is applied below, once
}
# cp1252's printable characters in 0x80-0x9F, mapped back to the code points of their bytes, so
# that .encode("latin-1") recovers the bytes a UTF-8 text was garbled from.
_CP1252_BYTES = {ord(bytes([b]).decode("cp1252")): b for b in range(0x80, 0xA0)
                 if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_MOJIBAKE_CHARS = re.compile("[\u0080-\u009f\u00c2-\u00f4]")  # cheap pre-check for the hint
# Regular expressions rather than str.translate: translate walks every character in Python-level
# dict lookups (~25 MB/s), a character-class search skips clean text at hundreds of MB/s.
_SPACES = re.compile("[\t\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
              "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_LIGATURE = re.compile("[\ufb00-\ufb06]")
# C0/C1 controls except newline; zero-width spaces and joiners that only hide text; BOMs.
# U+200C/U+200D are kept: they change the meaning of Persian, Indic and emoji text.
_INVISIBLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff\ufffe]+")
# Any character one of the substitutions above would touch: one scan to skip them all.
_ANY_ODD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200b\u202f\u205f"
                      "\u2060\u3000\ufb00-\ufb06\ufeff\ufffe]")


def fix_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8-read-as-cp1252 garbling line by line; returns the text and lines changed."""
    if not _MOJIBAKE_CHARS.search(text) or not _MOJIBAKE_HINT.search(text):
        return text, 0
    lines = text.split("\n")
    changed = 0
    for i, line in enumerate(lines):
        if _MOJIBAKE_HINT.search(line):
            fixed = ftfy.fix_text(line, **_FTFY_OPTIONS)
            if _MOJIBAKE_HINT.search(fixed):
                fixed = _undo_cp1252(fixed)
            changed += fixed != line
            lines[i] = fixed
    return "\n".join(lines), changed


def _undo_cp1252(line: str) -> str:
    """Re-read a whole line as UTF-8 when its cp1252 bytes are valid UTF-8.

    ftfy leaves short lines alone when its badness score is low ("60,000â‚©"); a strict
    UTF-8 decode is strong evidence by itself, since legitimate Latin-1 text almost never
    forms valid multi-byte sequences.
    """
    try:
        return line.translate(_CP1252_BYTES).encode("latin-1").decode("utf-8")
    except UnicodeError:
        return line


def normalise_newlines(text: str) -> str:
    """All line endings to \\n; page and paragraph separators to a blank line."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for separator, replacement in (("\u2028", "\n"), ("\u2029", "\n\n"), ("\f", "\n\n")):
        if separator in text:
            text = text.replace(separator, replacement)
    return text


def normalise(text: str) -> str:
    """Odd spaces to plain ones, controls and zero-width characters out, ligatures split, NFC.

    Runs of spaces are left for the paragraph assembly, which collapses them anyway.
    """
    if _ANY_ODD.search(text):
        text = _SPACES.sub(" ", text)
        text = _LIGATURE.sub(lambda m: _LIGATURES[m.group()], text)
        text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def repair(text: str, warnings: list[str]) -> str:
    """All character repairs in order: line endings, mojibake, then normalisation."""
    text, changed = fix_mojibake(normalise_newlines(text))
    if changed:
        warnings.append(f"Repaired garbled characters (mojibake) on {changed} line(s).")
    return normalise(text)
