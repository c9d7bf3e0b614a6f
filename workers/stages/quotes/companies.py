"""One-word names the document uses as a company's: "Google said", where no organisation word
says so, but "Google's shares", "shares in Google" or "Google Inc" do."""
from __future__ import annotations

import re

from workers.stages.quotes.names import glued
from workers.stages.quotes.wordruns import run_start

# After the name: what only a company has ("Tesco shares", "Google's chief executive"; "stock"
# only as the company's: "the Indonesian stock exchange"), or its legal form.
_AFTER = re.compile(
    r"(?:[’']s)?[ \u00a0]+(?:shares|chief[ \u00a0]+executive|CEO|headquarters|employees|customers)(?![\w’'\-])"
    r"|[’']s[ \u00a0]+stock(?![\w’'\-])|[ \u00a0]+(?:Inc|Ltd|plc|Corp|LLC)(?![\w’'\-])"
)
# Each mark is looked for by its own words first (a pattern opening with words is scanned for at
# C speed), then the name is read next to it.
_AFTER_WORDS = re.compile(
    r"(?:shares|chief[ \u00a0]+executive|CEO|headquarters|employees|customers|stock|Inc|Ltd|plc|Corp|LLC)(?![\w’'\-])"
)
_BEFORE = re.compile(r"(?:shares|stake|stakes)[ \u00a0]+in[ \u00a0]+(\w+)")
# A person's marks win: an honorific before the name, or "who" after it.
_HONORIFIC = re.compile(r"(?:Mrs?|Ms|Miss|Dr)\.?[ \u00a0]+(\w+)")
_WHO = ", who"
# How far before a mark's words the name may end ("Google’s  chief executive").
_LOOKBACK = 16


def company_names(text: str) -> set[str]:
    """The one-word names ``text`` marks as a company's and never as a person's. Read once per
    text, by the marks: asked per name, a search of the whole text made the speakers list
    quadratic (14.5 s for the 26,315 one-word speakers of 1 MB)."""
    people = {m.group(1) for m in _HONORIFIC.finditer(text) if not glued(text, m.start())}
    pos = text.find(_WHO)
    while pos >= 0:
        people.add(text[run_start(text, 0, pos, "") : pos])
        pos = text.find(_WHO, pos + 1)
    companies = {m.group(1) for m in _BEFORE.finditer(text)}
    for m in _AFTER_WORDS.finditer(text):
        lo = m.start() - _LOOKBACK if m.start() > _LOOKBACK else 0
        end = m.start()
        while end > lo and not text[end - 1].isalnum():
            end -= 1  # back past the spaces and a possessive's mark
        if text[end - 1 : end] == "s" and text[end - 2 : end - 1] in ("’", "'"):
            end -= 2
        name = text[run_start(text, 0, end, "") : end]
        after = _AFTER.match(text, end)
        if name and after is not None and after.end() == m.end():
            companies.add(name)
    return companies - people

