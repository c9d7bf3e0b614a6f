"""A source quoting someone: "The paper quoted Ann Cole as saying …", "Reuters quotes a spokesman
as having said …". The speaker is the one quoted, not the source that quotes them."""
from __future__ import annotations

import re

from workers.stages.quotes.cues import Cue
from workers.stages.quotes.found import Found
from workers.stages.quotes.speakers import SpeakerFinder

# "as" (and "having") right before the verb; the quoting verb a few words before that.
_AS = re.compile(r"[ \u00a0]as[ \u00a0]+(?:having[ \u00a0]+)?\Z")
_QUOTING = re.compile(r"(?<![\w’'\-])(?:quot|cit)(?:ed|es|ing)[ \u00a0]+")
# How far the quoting verb may stand before "as": a title and a name, or a description.
_QUOTED_CHARS = 80
_PASSIVE = re.compile(r"(?<![\w’'\-])(?:was|were|is|are|(?:has|have|had)[ \u00a0]+been)[ \u00a0]+\Z")
_BREAK = re.compile(r"[,;:.!?\"“”]")


def quoted_speaker(text: str, finder: SpeakerFinder, floor: int, cue: Cue) -> Found | None:
    """The one quoted when ``cue`` follows "quoted X as" ("quoted Ann Cole as saying"), or None."""
    if not text.endswith(" as ", floor, cue.start) and not text.endswith(" having ", floor, cue.start):
        return None  # most verbs: two checks of the characters before them
    as_ = _AS.search(text, max(floor, cue.start - 12), cue.start)
    if as_ is None:
        return None
    quoting = None
    for quoting in _QUOTING.finditer(text, max(floor, as_.start() - _QUOTED_CHARS), as_.start() + 1):
        pass  # the last quoting verb before "as"
    if quoting is None:
        return None
    if quoting.end() - 1 == as_.start():  # "Ann Cole was quoted as saying": the subject
        passive = _PASSIVE.search(text, max(floor, quoting.start() - 16), quoting.start())
        return None if passive is None else finder.before(floor, passive.start())
    found = finder.after(quoting.end() - 1, as_.start())
    if found is not None and found.kind == "noun phrase" and not _BREAK.search(text, found.end, as_.start()):
        return Found(found.start, as_.start(), "noun phrase")  # "a police spokesman"
    return found if found is not None and found.end == as_.start() else None
