"""A trailing reporting clause (`…, the source added.`, `…, retired general Lloyd Newton said`):
the comma that sets it off from the statement before it, and the asides that may follow it."""
from __future__ import annotations

import re

from workers.stages.quotes.cues import Cue, CueIndex, content_start
from workers.stages.quotes.document import word_before
from workers.stages.quotes.names import NameIndex

# What may follow a trailing cue without being its statement: a time, then a participle of the
# speaker's circumstances, a description of the statement or a clause of its own ("…, the people
# said, speaking on condition of anonymity", "…, their union says, a move that would close 74
# schools", "…, the USGS said, and they each buried …").
ASIDE_TAIL = re.compile(
    r"(?:[ \u00a0]+(?:on[ \u00a0]+)?[A-Z][a-z]+day)?[ \u00a0]*,[ \u00a0]*(?:speaking|citing|declining|requesting|"
    r"asking not|(?:a|an)[ \u00a0]+[a-z]+[ \u00a0]+(?:that|which)|which|and|but)(?![\w’'\-])"
)

# What opens a clause a verb reports after it: "that", or a subject pronoun and a word after the
# verb's listener ("…, he tells his audience he will not be silenced"; not "it" nor "you", which
# may be objects).
THAT_NEXT = re.compile(r"[ \u00a0]+that[ \u00a0]")
_PRONOUN_CLAUSE = re.compile(r"(?:he|she|they|we|I)[ \u00a0]+[a-z]")

# A trailing clause's subject has at most this many words ("…, the Bay County Sheriff's Office said"), and
# only these characters may follow its verb at the end of reported content.
_SUBJECT_WORDS = 6
_AFTER_TAIL = " \u00a0.?!'’\"”"

# A conjunction before the speaker opens a clause of its own: "…, but Lee said he …"; a relative
# word, a clause reporting forward: "…, which he said were paid for".
_CONJUNCTIONS = frozenset("and but while though although yet so because as when whereas which who whom what".split())


def comma_before(text: str, floor: int, pos: int, words: int = 0) -> int | None:
    """A comma directly before ``pos``, or before up to ``words`` describing words
    (", retired Air Force general Lloyd Newton said")."""
    for _ in range(words + 1):
        while pos > floor and text[pos - 1] in " \u00a0":
            pos -= 1
        if pos > floor and text[pos - 1] == ",":
            return pos - 1
        if pos > floor + 1 and text[pos - 1] in "'’" and text[pos - 2] == ",":
            return pos - 2  # a closing mark whose opening one was lost: "…,' said Tomkins"
        span = word_before(text, floor, pos, joiners="’'-_.")
        if span is None or text[span[0] : span[1]].lower() in _CONJUNCTIONS:
            return None  # ", but Lee said he …": a clause of its own, reporting forward
        pos = span[0]
    return None


def tail_attribution(text: str, cues: CueIndex, start: int, end: int) -> int | None:
    """The comma opening a trailing reporting clause that ends [start, end) ("…, Walker said."):
    reported content running to the end of its sentence stops there, as the clause is another
    speaker's attribution of the whole, not part of what was reported."""
    cue = cues.last(start, end)
    if cue is None or text[cue.end : end].strip(_AFTER_TAIL):
        return None
    comma = comma_before(text, start, cue.start, _SUBJECT_WORDS)
    # a subject between them: ", as in Spears, suggests" is the statement's own verb
    return comma if comma is not None and comma > start and text[comma + 1 : cue.start].strip() else None


def reports_forward(text: str, cue: Cue, limit: int, names: NameIndex, lowered: bytes) -> bool:
    """Whether a clause opening with "that", or a subject pronoun after the verb's listener,
    follows the verb: then the verb reports it, not the words before its comma."""
    if THAT_NEXT.match(text, cue.end, limit):
        return True
    start = content_start(text, cue.end, limit, cue.word, names, lowered)
    return _PRONOUN_CLAUSE.match(text, start, limit) is not None
