"""Transcript turns: a paragraph opening with a speaker's name in capitals and a colon."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workers.stages.quotes.document import Bounds

# `"PENCE: Well, look, …` or `MR. TRUMP: …`: a name in capitals (a few words at most) and a
# colon open the paragraph; transcripts often re-open a quote mark per turn and never close it.
# Possessive: a word can be cut into pieces at any capital, and retrying every cut of a headline
# in capitals ("WASHINGTON (AP)") cost 5 µs a paragraph; the words, split at spaces, either fit
# in four pieces or no cut of them does.
_TURN = re.compile(r"[\"“]?+((?:[A-Z][A-Z.’'\-]*+[ \u00a0]?+){1,4}+)(?<![ \u00a0]):[ \u00a0]+(?=\S)")
# Editorial labels that open a paragraph the same way ("CORRECTION: An earlier version …").
_NOT_SPEAKERS = frozenset(
    "UPDATE UPDATED BREAKING NOTE EDITOR’S EDITOR'S WATCH READ MORE PHOTO PHOTOS VIDEO CORRECTION "
    "CORRECTIONS CLARIFICATION RELATED ALSO SEE LISTEN ADVERTISEMENT SOURCE SOURCES CREDIT ANALYSIS "
    "OPINION EXCLUSIVE LIVE DISCLOSURE QUESTION ANSWER".split()
)
# A quick look at the first two letters: news paragraphs open with "The", not "PENCE:" (asked
# of every paragraph, the full pattern cost 3% of the stage). After the capital come more
# capitals, initials' dots, a space or the colon (``[\"“]?[A-Z][A-Z.’'\- \u00a0:]``).
# A dateline opens the first paragraph, or the second after a headline.
_DATELINE_PARAGRAPHS = 2
_AFTER_CAPITAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.’'- \u00a0:")


def turns(text: str, paragraphs: list[Bounds]) -> dict[int, tuple[int, int, int]]:
    """The transcript turns by paragraph index (``turn_at``), but for a dateline: a lone label
    opening the article or the paragraph after its headline ("NEW DELHI: The Centre on Friday …")."""
    found = {i: turn for i, para in enumerate(paragraphs) if (turn := turn_at(text, para)) is not None}
    if len(found) == 1 and next(iter(found)) < _DATELINE_PARAGRAPHS:
        return {}
    return found


def turn_at(text: str, para: Bounds) -> tuple[int, int, int] | None:
    """(name start, name end, content start) when ``para`` is a transcript turn."""
    # The quick look above, read with indexes (a regex call per paragraph cost more than the test).
    pos = para.start + 1 if text[para.start] in "\"“" else para.start
    if pos + 1 >= para.end or not ("A" <= text[pos] <= "Z") or text[pos + 1] not in _AFTER_CAPITAL:
        return None
    m = _TURN.match(text, para.start, para.end)
    if m is None:
        return None
    name = m.group(1)
    if len(name) < 2 or not any(c.isalpha() for c in name) or name.split()[0] in _NOT_SPEAKERS:
        return None
    return m.start(1), m.end(1), m.end()
