"""The language of a cleaned text, by py3langid (langid.py's model, shipped in the wheel)."""
from __future__ import annotations

import re
from itertools import islice

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# The detector's cost grows with the text (a pure-Python walk over every byte, then a row of
# its table per feature: with 1,000 characters it was two thirds of cleaning a news article);
# its accuracy plateaus past ~50 words. 500 characters (~85 English words) gave the same answer
# as 1,000 and 4,000 on all 2,033 texts of the bench sets (the cleaning pages' Portuguese,
# Indonesian, German, Russian and Japanese among them) and on paragraphs in six European
# languages (tests/unit/test_cleaning.py); cleaning a 4 KB article took 0.55-0.59 ms with 1,000,
# 0.36-0.38 with 500.
SAMPLE_CHARS = 500
# Below this many letters a guess is noise ("OK", a name, a number): say "und" (ISO 639-2
# "undetermined") instead.
MIN_LETTERS = 20
UNDETERMINED = "und"
_LETTER = re.compile(r"[^\W\d_]")
# Loaded when the module is imported (~0.3 s, more on a busy machine) rather than on the first
# document: a worker imports the stages before it forks, so its processes share one model and no
# job pays for the loading inside its stage's time limit.
_IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (e.g. "en"), or "und" when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    if next(islice(_LETTER.finditer(sample), MIN_LETTERS - 1, None), None) is None:
        return UNDETERMINED  # fewer than MIN_LETTERS letters
    language, _ = _IDENTIFIER.classify(sample)
    return str(language)
