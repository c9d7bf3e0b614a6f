"""A reporting verb inside a subordinate clause that opens its sentence (`When Ann Lee noted that
the fund was empty, the board adjourned`): the statement ends where that clause does, at the
first comma after it starts; the main clause after the comma is the writer's, not the speaker's."""
from __future__ import annotations

import re

# Words opening a subordinate clause before its subject.
_SUBORDINATE = re.compile(
    r"[ \u00a0]*(?:(?:even|just)[ \u00a0]+)?(?:when|while|although|though|because|if|as|since|after|before|once|until)"
    r"[ \u00a0]+",
    re.IGNORECASE,
)


def subordinate_end(text: str, sentence_start: int, speaker_start: int, start: int, end: int) -> int:
    """End of the statement [start, end) when only a subordinating word stands between the
    sentence start and the speaker: the first comma after ``start`` (``end`` if none)."""
    m = _SUBORDINATE.match(text, sentence_start, speaker_start)
    if m is None or m.end() != speaker_start:
        return end
    comma = text.find(",", start, end)
    return end if comma < 0 else comma
