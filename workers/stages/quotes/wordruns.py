"""What a word is made of: letters, digits, "_" and the joiners ’ ' -, as regex classes, and runs
of them read backwards from a position without a regex search (which retries from every
position of its window)."""
from __future__ import annotations

import re

# The ASCII ranges are redundant with \w but come first in the compiled class, as a bitmap: \w
# alone asks the Unicode tables about every letter (reading runs of words took 10-15% longer).
WORD_CHAR = r"[a-zA-Z0-9\w’'\-]"
NOT_WORD_CHAR = r"[^a-zA-Z0-9\w’'\-]"

# A token after optional spaces: a word, or one mark that is no space ("," "“").
WORDS = re.compile(rf"[ \u00a0]*({WORD_CHAR}+|[^\w\s])")


def run_start(text: str, lowest: int, end: int, joiners: str) -> int:
    """Start of the run of letters, digits and ``joiners`` ending at ``end``, never below ``lowest``."""
    # Most words are letters and digits after a space: one rfind and one isalnum() find them at
    # C speed (the character loop below was the stage's busiest Python code).
    space = text.rfind(" ", lowest, end)
    start = space + 1 if space >= 0 else lowest
    if start < end and text[start:end].isalnum():
        return start
    start = end
    while start > lowest:  # one bound and one read per character
        ch = text[start - 1]
        if not (ch.isalnum() or ch in joiners):
            break
        start -= 1
    return start
