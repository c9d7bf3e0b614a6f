"""Asides set off by commas between a speaker and the verb: an age or home, a description, a
relative clause ("Gordon MacAskill, 67, who has a heart condition, said"), or a name set off after
a description ("A lawyer for the bank, Ann Cole, said"). The speaker is the phrase before them."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workers.stages.quotes.appositions import before_age_and_home
from workers.stages.quotes.found import Found
from workers.stages.quotes.lexicon import PLACES
from workers.stages.quotes.wordforms import titles_only

if TYPE_CHECKING:
    from workers.stages.quotes.speakers import SpeakerFinder

# At most this many asides, each at most this long.
_ASIDES, _APPOSITION_MAX_CHARS = 4, 120
# A (party-state) or a title set off before a name is short: "Rep. Ann Cole (D-Ore.), …", ", Mr. Ann Cole,".
PAREN_MAX_CHARS = 40
# Words before a name that make it a place: ", 59, of Ashton, Md., who watched …".
_HOME_LINKS = (" of ", " from ", " in ")
# A region's abbreviation ("B.C.", "Ont.", "Calif."), no person's name.
_REGION = re.compile(r"(?:[A-Z][a-z]{0,4}\.)+")


def past_asides(finder: SpeakerFinder, floor: int, end: int) -> Found | None:
    """The phrase before up to four asides set off by commas before the verb at ``end`` ("Gordon
    MacAskill, 67, who has a heart condition, said"; "Emma Clarke, 29, from Leeds, said")."""
    text = finder.text
    if (aged := before_age_and_home(text, floor, end)) is not None:
        return finder.phrase_ending(floor, finder.skip_back(floor, aged))
    comma = text.rfind(",", floor if floor > end - 2 else end - 2, end)
    placed = None
    for k in range(_ASIDES):
        lo = floor if floor > comma - _APPOSITION_MAX_CHARS else comma - _APPOSITION_MAX_CHARS
        prev = text.rfind(",", lo, comma) if comma >= 0 else -1
        found = finder.phrase_ending(floor, finder.skip_back(floor, prev)) if prev >= 0 else None
        if found is not None and found.kind == "name" and text.endswith(_HOME_LINKS, floor, found.start):
            # a place, not the speaker ("…, 59, of Ashton, Md., who watched …"); what it is the place
            # of is, if nothing further back speaks ("Police in Granton, B.C., say")
            placed = placed or finder.phrase_between(floor, text.rfind(" ", floor, found.start - 1), strict=True)
        elif found is not None:
            return found
        if k == 0 and (found := apposed_name(finder, floor, end)) is not None:
            return found  # "…, one of the family's attorneys, Justin Bamberg, said"
        if prev < 0:
            break
        comma = prev
    return placed if placed is not None and placed.start == floor else None


def apposed_name(finder: SpeakerFinder, floor: int, end: int) -> Found | None:
    """A name set off by commas just before the verb: "A lawyer for the bank, Ann Cole, said"."""
    text = finder.text
    comma = text.rfind(",", floor if floor > end - 2 else end - 2, end)
    mention = finder.names.ending_at(comma) if comma > floor else None
    if mention is None or mention.start < floor or _REGION.fullmatch(mention.name) or mention.name.lower() in PLACES:
        return None  # a region after its town: "Police in Granton, B.C., say", "… in Boise, Idaho, said"
    lead = text.rfind(",", max(floor, mention.start - PAREN_MAX_CHARS), mention.start)
    # Only titles may stand between the opening comma and the name: ", Mr. Ann Cole, said".
    if lead < 0 or not titles_only(text[lead + 1 : mention.start]):
        return None
    return Found(mention.start, mention.end, "name", mention)
