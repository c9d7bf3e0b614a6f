"""A reporting verb inside a subordinate clause that opens its sentence (`When Ann Lee noted that
the fund was empty, the board adjourned`): the statement ends where that clause does, at the
first comma after it starts; the main clause after the comma is the writer's, not the speaker's.
Likewise inside a relative clause about the speaker (`Ann Cole, who found the body, said …`): its
statement ends at the comma before the main verb."""
from __future__ import annotations

import re

from workers.stages.quotes.cues import Cue, CueIndex
from workers.stages.quotes.lexicon import REPORTING_VERBS

# Words opening a subordinate clause before its subject.
_SUBORDINATE = re.compile(
    r"[ \u00a0]*(?:(?:even|just)[ \u00a0]+)?(?:when|while|although|though|because|if|as|since|after|before|once|until)"
    r"[ \u00a0]+",
    re.IGNORECASE,
)


def subordinate_end(text: str, sentence_start: int, speaker_start: int, verb_end: int, start: int, end: int) -> int:
    """End of the statement [start, end) when only a subordinating word stands between the
    sentence start and the speaker: the first comma after ``start`` (``end`` if none) — or
    ``start`` itself, no statement, when the clause closes right after the verb ("If the trend
    continues, McCoy will …": the words after the comma are the writer's)."""
    m = _SUBORDINATE.match(text, sentence_start, speaker_start)
    if m is None or m.end() != speaker_start:
        return end
    if text.find(",", verb_end, start) >= 0 and not text[verb_end:start].strip(" \u00a0,"):
        return start
    comma = text.find(",", start, end)
    return end if comma < 0 else comma


def relative_end(text: str, cues: CueIndex, cue: Cue, end: int) -> int | None:
    """Where a relative clause holding ``cue`` closes before a reporting verb later in [cue, end)
    that is its subject's (the comma right before that verb), or None when there is none."""
    for later in cues.within(cue.end, end):
        if later.word.lower() in REPORTING_VERBS:
            comma = len(text[cue.end : later.start].rstrip()) + cue.end - 1
            if comma >= cue.end and text[comma] == ",":
                return comma
    return None
