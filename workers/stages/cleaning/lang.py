"""The language of a cleaned text, by py3langid (langid.py's model, shipped in the wheel)."""
from __future__ import annotations

import re

import py3langid

# The detector's cost grows with the text; a few thousand characters decide it as well as the
# whole (langid.py's accuracy plateaus past ~50 words).
SAMPLE_CHARS = 4_000
# Below this many letters a guess is noise ("OK", a name, a number): say "und" (ISO 639-2
# "undetermined") instead.
MIN_LETTERS = 20
UNDETERMINED = "und"
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (e.g. "en"), or "und" when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return UNDETERMINED
    language, _ = py3langid.classify(sample)
    return str(language)
