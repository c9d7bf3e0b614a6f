"""A one-word name the document uses as a company's: "Google said", where no organisation word
says so, but "Google's shares", "shares in Google" or "Google Inc" do."""
from __future__ import annotations

import re

# After the name: what only a company has ("Tesco shares", "Google's chief executive"; "stock"
# only as the company's: "the Indonesian stock exchange"), or its legal form.
_AFTER = re.compile(
    r"(?:[’']s)?[ \u00a0]+(?:shares|chief[ \u00a0]+executive|CEO|headquarters|employees|customers)(?![\w’'\-])"
    r"|[’']s[ \u00a0]+stock(?![\w’'\-])|[ \u00a0]+(?:Inc|Ltd|plc|Corp|LLC)(?![\w’'\-])"
)
_BEFORE = re.compile(r"(?:shares|stake|stakes)[ \u00a0]+in[ \u00a0]+\Z")
# A person's marks win: an honorific before the name, or "who" after it.
_HONORIFIC = re.compile(r"(?<![\w’'\-])(?:Mrs?|Ms|Miss|Dr)\.?[ \u00a0]+\Z")
# Occurrences read per name: enough for any article, bounded for a document of megabytes.
_MOST_READ = 200
_LOOKBACK = 16


def named_as_company(text: str, name: str) -> bool:
    """Whether ``text`` marks the one-word ``name`` as a company's and never as a person's."""
    company = False
    pos = text.find(name)
    for _ in range(_MOST_READ):
        if pos < 0:
            break
        end = pos + len(name)
        whole = (pos == 0 or not text[pos - 1].isalnum()) and not text[end : end + 1].isalnum()
        if whole:
            lo = pos - _LOOKBACK if pos > _LOOKBACK else 0
            if _HONORIFIC.search(text, lo, pos) or text.startswith(", who", end):
                return False
            company = company or _AFTER.match(text, end) is not None or _BEFORE.search(text, lo, pos) is not None
        pos = text.find(name, end)
    return company
