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
# A relative clause set off between a speaker and the verb, at most this long (a list inside it).
_RELATIVE_MAX_CHARS = 200
# A (party-state) or a title set off before a name is short: "Rep. Ann Cole (D-Ore.), …", ", Mr. Ann Cole,".
PAREN_MAX_CHARS = 40
# Words before a name that make it a place: ", 59, of Ashton, Md., who watched …".
_HOME_LINKS = (" of ", " from ", " in ")
# A name after one of these is a description's object ("head of the CFTC"), not the speaker.
_OBJECT_OF = re.compile(r"(?<![\w’'\-])(?:of|from|in|for|at|with|on|by)[ \u00a0]+(?:the[ \u00a0]+)?$")
# A region's abbreviation ("B.C.", "Ont.", "Calif."), no person's name.
_REGION = re.compile(r"(?:[A-Z][a-z]{0,4}\.)+")


def past_asides(finder: SpeakerFinder, floor: int, end: int) -> Found | None:
    """The phrase before up to four asides set off by commas before the verb at ``end`` ("Gordon
    MacAskill, 67, who has a heart condition, said"; "Emma Clarke, 29, from Leeds, said")."""
    text = finder.text
    if (aged := before_age_and_home(text, floor, end)) is not None:
        return finder.phrase_ending(floor, finder.skip_back(floor, aged))
    if (relative := _relative_aside(text, floor, end)) is not None:
        # the relative clause is one aside, whatever commas (a list) it holds: "The alliance, which
        # includes Age Concern, Mencap and Scope, said". A name it follows speaks, unless the
        # name is a description's object; a description gives way to a name set off before it:
        # "Ann Cole, head of Acme, which …, said"; "The coach, a former striker, who …, said".
        found = finder.phrase_ending(floor, finder.skip_back(floor, relative))
        object_of = found is not None and _OBJECT_OF.search(text, max(floor, found.start - 12), found.start) is not None
        if found is not None and found.kind == "name" and not object_of:
            return found
        named = _past_commas(finder, floor, relative + 1)
        return named if named is not None and (named.kind == "name" or found is None) else found
    return _past_commas(finder, floor, end)


def _past_commas(finder: SpeakerFinder, floor: int, end: int) -> Found | None:
    text = finder.text
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


def _relative_aside(text: str, floor: int, end: int) -> int | None:
    """Where the phrase ends before a relative clause set off by commas that the comma at ``end``
    closes: its own commas (a list) are the clause's, not asides of their own."""
    lo = floor if floor > end - _RELATIVE_MAX_CHARS else end - _RELATIVE_MAX_CHARS
    opening = max(text.rfind(", which ", lo, end), text.rfind(", who ", lo, end))
    if opening <= floor or text.find(" that ", opening, end) >= 0:
        return None  # none, or one holding a clause of its own ("…, who said that X, a donor, …")
    return opening


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
