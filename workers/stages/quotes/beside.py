"""Reported speech in a sentence that also holds a quotation: `“…,” she said, adding that …`,
`X told a group that it was “depleted” and said he would …`. The quotation's own reporting verb
reports the quotation, not the words after it; any other verb may report a statement of its own."""
from __future__ import annotations

import re

from workers.stages.quotes.cues import Cue, CueIndex
from workers.stages.quotes.document import at_least_words

# A verb this close after a quotation, with nothing but the speaker between, is the quotation's
# own cue (`“…,” said Ann Cole, an economist at …`): what follows it is the speaker and an aside.
_OWN_CUE_WORDS = 8
# A verb this close before a quotation introduces it (`she said: “…”`, `said that “…”`).
_INTRO_WORDS = 3
# The listener or a short object between the quotation's verb and a participle of the same
# speaker: "told the players, adding that …".
_OBJECT_THEN_COMMA = re.compile(r"[^,.;:!?\"“”«»]{0,40},[ \u00a0]*")
# Fewer unquoted characters than this hold no verb, speaker and statement of four words
# ("“…,” she said." has 10): such sentences, most of those with a quotation, are not read.
_MIN_BESIDE_CHARS = 30
_CONJUNCTION = re.compile(r"(?<![\w’'\-])(?:and|but|though|although|while|whereas)(?![\w’'\-])")


def own_cue(text: str, cues: CueIndex, cue: Cue, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation of ``quoted`` (spans of one sentence) whose own reporting verb ``cue`` is."""
    for start, end in quoted:
        if (
            end <= cue.start
            and not at_least_words(text, end, cue.start, _OWN_CUE_WORDS + 1)
            and _CONJUNCTION.search(text, end, cue.start) is None  # "… and said", "…, though she noted": its own
            and cues.first(end, cue.start) is None
        ):
            return start, end
        if cue.end <= start and not at_least_words(text, cue.end, start, _INTRO_WORDS + 1):
            return start, end
    return None


def overlaps(start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Some span of ``quoted`` shares a character with [start, end)."""
    for a, b in quoted:  # a loop, not any() over a generator: asked per verb and per statement
        if a < end and start < b:
            return True
    return False


def spans_before(taken: list[tuple[int, int]], k: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``taken`` (sorted) from index ``k`` on that start before ``end``."""
    spans = []
    while k < len(taken) and taken[k][0] < end:
        spans.append(taken[k])
        k += 1
    return spans


def participle_after(text: str, cues: CueIndex, pos: int, end: int) -> Cue | None:
    """A participle opening a clause of the same speaker after a short object at ``pos``."""
    cue = cues.first(pos, end, reporting=False)
    if cue is None or not cue.word.endswith("ing"):
        return None
    m = _OBJECT_THEN_COMMA.match(text, pos, cue.start)
    return cue if m is not None and m.end() == cue.start else None


def too_little_beside(start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """[start, end) holds fewer than _MIN_BESIDE_CHARS characters outside the ``quoted`` spans."""
    inside = 0
    for a, b in quoted:  # (conditional expressions: a min() or max() call costs ten times as much)
        inside += (b if b < end else end) - (a if a > start else start)
    return end - start - inside < _MIN_BESIDE_CHARS
