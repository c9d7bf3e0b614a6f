"""A reporting verb's word used as a noun or an adjective: "His comments come after …", "the
alleged plot", "Some reports have suggested …", "Initial reports said …"."""
from __future__ import annotations

import re

from workers.stages.quotes.cues import Cue

# After an article or a possessive, a word heads or describes a noun phrase; it is never a finite
# verb. Not "her", an object as often ("the woman who hired her says …"); a capital "A" only
# opening its sentence, as inside one it is a letter naming something ("Patient A told …").
_DETERMINER = re.compile(r"(?<![\w’'\-])([Tt]he|an?|An?|[Hh]is|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our)[ \u00a0]+\Z")
# A plural subject takes "say", not "says": after these an -s form is a plural noun; and after
# a preposition an -s or -ed form is a noun or an adjective ("amid reports that …", "with
# alleged links"), where an -ing form stays a verb ("after saying that …").
_PLURAL = re.compile(
    r"(?<![\w’'\-])(?:[Ss]ome|[Mm]any|[Ss]everal|[Ff]ew|[Bb]oth|[Aa]ll|[Mm]ost|[Tt]hese|[Tt]hose)[ \u00a0]+\Z"
)
_PREPOSITION = re.compile(
    r"(?<![\w’'\-])(?:amid|amidst|despite|after|following|among|with|without|of|about|over|against|from|"
    r"like|unlike|before|via|upon|within|under)[ \u00a0]+\Z"
)
# A reporting verb right after an -s form makes that word its subject ("Initial reports
# suggested", "Reports said", "Consumer Reports says"). Not an auxiliary: "a doll which he says
# is haunted".
_NEXT_VERB = re.compile(
    r"[ \u00a0]+(?:said|says|say|suggested|showed|shows|indicated|claimed|stated|found|finds|warned|warns)(?![\w’'\-])"
)
# A subject before the word makes it the verb whatever follows: "the certificate, which he claims
# shows that …".
_SUBJECT = re.compile(r"(?<![\w’'\-])(?:he|she|it|they|we|I|who|which|that)[ \u00a0]+\Z")
_LOOKBACK = 12


def used_as_noun(text: str, floor: int, cue: Cue) -> bool:
    """Whether ``cue``, a verb's word, is a noun or an adjective where it stands."""
    lo = cue.start - _LOOKBACK
    lo = lo if lo > floor else floor
    m = _DETERMINER.search(text, lo, cue.start)
    if m is not None:
        return m.group(1) != "A" or not text[floor : m.start()].strip(" \u00a0\"“‘'")
    word = cue.word
    if word.endswith("ed"):
        return _PREPOSITION.search(text, lo, cue.start) is not None
    if not word.endswith("s") or word.endswith("ss"):
        return False
    return (_PLURAL.search(text, lo, cue.start) is not None or _PREPOSITION.search(text, lo, cue.start) is not None
            or (_NEXT_VERB.match(text, cue.end) is not None and _SUBJECT.search(text, lo, cue.start) is None))
