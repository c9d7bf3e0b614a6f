"""Descriptions set off after a name: at the end of reported content (`said he would not vote for
Ann Lee, the party's candidate`, `…in partnership with NATO, the alliance that …`) it describes
the name (or the statement: `…, a figure that could not be verified`) for the reader and is not
part of the statement, so the content ends before its comma; after the source of "according
to" (`According to Ann Lee, a nurse at the clinic, most patients …`) the statement starts after
it; before a verb, a person's age and home (`Emma Clarke, 29, from Leeds, said`) are no speaker,
nor a name inside a relative clause about the speaker (`Tain Yeh, who runs a salon in Taipei, said`)."""
from __future__ import annotations

import re

from workers.stages.quotes.document import at_least_words
from workers.stages.quotes.lexicon import OCCUPATIONS, PERSON_NOUNS

# The comma, then an article opening the description.
_DESCRIPTION = re.compile(r",[ \u00a0]+(?:a|an|the)[ \u00a0]")
# The name before the comma: a capitalised word (with initials or a possessive) or a bracketed
# party and state ("Rep. Don Beyer (D-Va.), a former …").
_NAME_END = re.compile(r"(?:[A-Z][\w’'\-.]*|\))$")
_LONGEST_WORD = 40
# A description of what the statement says, with a relative clause: "…, a figure that could not be
# independently verified", "…, a claim which the company denies".
_RELATIVE_DESCRIPTION = re.compile(r",[ \u00a0]+(?:a|an)[ \u00a0]+(?:[\w’'\-]+[ \u00a0]+){1,3}?(?:that|which)[ \u00a0]")


def description_start(text: str, start: int, end: int, min_words: int) -> int:
    """Where a trailing description after a name begins in [start, end) (``end`` if none): at the
    content's last comma, when an article follows it and at least ``min_words`` words precede it."""
    comma = text.rfind(",", start, end)
    if comma < 0 or _DESCRIPTION.match(text, comma, end) is None:
        return end
    if (_NAME_END.search(text, max(start, comma - _LONGEST_WORD), comma) is None
            and _RELATIVE_DESCRIPTION.match(text, comma, end) is None):
        return end
    return comma if at_least_words(text, start, comma, min_words) else end


# ", 52, of Hamilton, Ont.," / ", 29, from Croydon, south London," before the verb: an age, then
# "of" or "from" and a place of at most a few words, with its region after a comma.
_AGE_AND_HOME = re.compile(
    r",[ \u00a0]+\d{1,3},[ \u00a0]+(?:of|from)[ \u00a0]+[A-Z][^,.;:!?\n]{0,40}?(?:,[ \u00a0]+[^,;:!?\n]{1,30})?,[ \u00a0]*$"
)
_AGE_AND_HOME_CHARS = 100


# A relative clause about the phrase before it, and an age before the clause (", 42, who").
_WHO = ", who "
_AGE_BEFORE = re.compile(r",[ \u00a0]*\d{1,3}[ \u00a0]*\Z")
_CLAUSE_BREAK = re.compile(r"[;:\"“”]")
# A name this far after "who" may be in a new clause: "…, who was making his third attempt,
# called his wife …, the Press Democrat reported".
_RELATIVE_CLAUSE_CHARS = 60


def before_relative(text: str, floor: int, start: int) -> int | None:
    """Where the phrase ends that a relative clause holding the name at ``start`` describes
    ("Tain Yeh, 42, who runs a salon in Taipei said": before ", 42"), or None when the name opens
    the clause as its subject ("…, who police said") or stands in none."""
    who = text.rfind(_WHO, max(floor, start - _RELATIVE_CLAUSE_CHARS), start)
    if who < 0 or start <= who + len(_WHO) or _CLAUSE_BREAK.search(text, who, start):
        return None
    age = _AGE_BEFORE.search(text, max(floor, who - 8), who)
    return who if age is None else age.start()


def before_age_and_home(text: str, floor: int, end: int) -> int | None:
    """Where the name described by an age and a home town ending at ``end`` ends, if one does."""
    m = _AGE_AND_HOME.search(text, max(floor, end - _AGE_AND_HOME_CHARS), end)
    return None if m is None else m.start()


# A description of a person after "according to" and the name ("According to Ann Lee, a nurse
# at the clinic, …"): an article, then a head noun of a person before any "of", "at", "and" or
# "in", and no finite verb up to the comma (a statement may open with an article too:
# "According to police, a man was arrested …").
_SOURCE_DESCRIPTION = re.compile(r",[ \u00a0]+(?:a|an|the)[ \u00a0]+((?:[\w’'\-]+[ \u00a0]+){0,4}?([a-z\-]+))"
                                 r"(?:[ \u00a0]+(?:of|at|and|in|for|with)[ \u00a0][^,;:!?\n]{1,120}?)?(?=,)")
_VERB = re.compile(r"(?<![\w’'\-])(?:is|are|was|were|has|have|had|will|would|can|could|said|says|[a-z]{2,}ed)(?![\w’'\-])")
_PERSON_HEADS = PERSON_NOUNS | OCCUPATIONS
_PERSON_HEAD_ENDINGS = ("ist", "ian", "man", "woman", "er", "or", "ant", "ent")


def past_source_description(text: str, comma: int, end: int) -> int:
    """The comma closing a person's description set off after a named source (``comma`` opening
    it), else ``comma``."""
    m = _SOURCE_DESCRIPTION.match(text, comma, end)
    if m is None or _VERB.search(text, comma, m.end()) is not None:
        return comma
    head = m.group(2)
    return m.end() if head in _PERSON_HEADS or head.endswith(_PERSON_HEAD_ENDINGS) else comma
