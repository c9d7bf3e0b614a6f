"""A reporting verb that shares the subject of the clause before it: a participle after a comma
(`The judge rejected the request, saying the court had no business …`) or a verb coordinated
with "and"/"but" (`Cruz thanked the delegates and said he would …`). The speaker is the subject
opening the sentence; nothing stands between the verb and the clause it continues."""
from __future__ import annotations

import re

from workers.stages.quotes.cues import Cue, CueIndex
from workers.stages.quotes.document import open_who
from workers.stages.quotes.found import Found
from workers.stages.quotes.lexicon import DETERMINERS, OCCUPATIONS, ORG_WORDS, PERSON_NOUNS, SPEAKER_NOUNS, WEAK_VERBS
from workers.stages.quotes.quoted_as import quoted_speaker
from workers.stages.quotes.speakers import SpeakerFinder
from workers.stages.quotes.wordforms import bare

# What joins the verb to the clause before it: a comma (then only a participle), or "and"/"but"
# (after a comma too: "…, which let him go in 2015, and said"), with a few adverbs or
# auxiliaries in between ("but has also said").
_JOINT = re.compile(
    r"(?:(,)|(?<![\w’'\-])(?:and|but))[ \u00a0]+"
    r"(?:(?:also|then|later|repeatedly|has|have|had|is|are|was|were)[ \u00a0]+){0,2}$"
)
_JOINT_ENDS = ("and", "but", "also", "then", "later", "repeatedly", "has", "have", "had", "is", "are", "was", "were")
# A second verb of the speaker inside reported content, read back from the verb: "and" or "but"
# ("…, and also warned"), or a bare comma (group 1), which only a participle may follow.
_JOINED_BEFORE = re.compile(r"(?:(,)|(?<![\w’'\-])(?:and|but))[ \u00a0]+(?:(?:also|then|later|repeatedly)[ \u00a0]+)?$")
_JOIN_CHARS = 24
_WORD = re.compile(r"[ \u00a0]*([\w’'\-]+)")
# Words read after a determiner for the noun heading a subject ("A group of local doctors").
_SUBJECT_WORDS = 5
# How far back the joint is looked for (the longest run of adverbs and auxiliaries above).
_JOINT_CHARS = 40
# A short phrase of time or place, or a connecting adverb, opening the sentence before its
# subject ("In August, ", "Meanwhile, ").
_ADJUNCT = re.compile(
    r"(?:(?:In|On|At|By|Last|This|Earlier|Later)[ \u00a0][^,;:.!?\"“”]{1,30}|Meanwhile|However|Separately|"
    r"Instead|Elsewhere|Previously|Still|Yet|Now|Then|Later|Earlier|Indeed|Moreover),[ \u00a0]+"
)
# A person described right before a relative "who" ("contacted the woman, who …").
_DESCRIBED = re.compile(r"(?<![\w’'\-])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)[ \u00a0]+(?:[\w’'\-]+[ \u00a0]+){0,2}[\w’'\-]+$")
_DESCRIBED_CHARS = 50
# Nouns that head a subject after a determiner: a speaker's, a person's, an organisation's.
_SUBJECT_NOUNS = SPEAKER_NOUNS | ORG_WORDS | PERSON_NOUNS | OCCUPATIONS
# A plural noun in lower case heads a subject as well as any listed noun ("groups", "residents").
_PLURAL = re.compile(r"[a-z][a-z\-]{2,}[^s’'\W]s")


def shared_subject(text: str, finder: SpeakerFinder, floor: int, cue: Cue) -> Found | None:
    """The subject opening the sentence from ``floor`` whose second predicate ``cue`` opens."""
    lo = floor if floor > cue.start - _JOINT_CHARS else cue.start - _JOINT_CHARS
    # A look at the few characters before the verb rules out most verbs (their subject stands
    # right before them) before the regex; slicing them is cheaper than three str.find calls.
    before = text[lo : cue.start]
    if "," not in before and "and" not in before and "but" not in before:
        return None
    if cue.word.lower() in WEAK_VERBS:
        return None  # a belief or an intention ("…, hoping to …") states nothing of its own
    # The joint ends right before the verb: spaces after a comma, "and", "but" or an auxiliary;
    # anything else rules it out without the regex search (tried at every character of the window).
    end = cue.start
    while end > lo and text[end - 1] in " \u00a0":
        end -= 1
    if end == cue.start or not (text[end - 1] == "," or text.endswith(_JOINT_ENDS, lo, end)):
        return None
    joint = _JOINT.search(text, lo, cue.start)
    if joint is None or joint.start() <= floor or (joint.group(1) and not cue.word.endswith("ing")):
        return None
    end = joint.start()
    if not joint.group(1) and (who := open_who(text, floor, end)) > floor:
        # "…, who denied any wrongdoing and insisted …": the relative clause goes on; the one
        # its pronoun stands for is the subject ("Police spoke to Ann Cole, who …")
        return finder.phrase_ending(floor, who) or _described_before(text, floor, who)
    floor = _after_adjunct(text, floor, end)
    found = finder.after(floor, end) or _noun_subject(text, floor, end)
    if found is None and not _opens_with_determiner(text, floor, end):
        # a name or pronoun among the first words; behind a determiner it is an object
        # ("The groups granted Ann Lee an extension, saying …")
        found = finder.subject(floor, end)
    return found if found is not None and found.end < end else None


def _described_before(text: str, floor: int, end: int) -> Found | None:
    """A determiner and up to three words ending at ``end``: "the woman", "a local farmer"."""
    m = _DESCRIBED.search(text, max(floor, end - _DESCRIBED_CHARS), end)
    return None if m is None else Found(m.start(), end, "noun phrase")


def participle_subject(text: str, finder: SpeakerFinder, floor: int, cue: Cue, before: Found | None) -> Found | None:
    """``before`` (the phrase right before ``cue``), unless the cue is a participle and that phrase
    a place ending the clause it continues ("… in Tulsa, Oklahoma, arguing that …"): then the
    sentence's subject — or the one a source quotes ("The paper quoted Ann Cole as saying")."""
    if (quoted := quoted_speaker(text, finder, floor, cue)) is not None:
        return quoted
    if not cue.word.endswith("ing") or before is None or before.kind != "name":
        return before
    if not text.endswith((" in ", " of ", " from ", ", "), floor, before.start):
        return before
    return shared_subject(text, finder, floor, cue) or before


def _opens_with_determiner(text: str, floor: int, end: int) -> bool:
    m = _WORD.match(text, floor, end)
    return m is not None and m.group(1).lower() in DETERMINERS


def _after_adjunct(text: str, floor: int, end: int) -> int:
    """Past a short phrase of time or place opening the sentence ("In August, ")."""
    m = _ADJUNCT.match(text, floor, end)
    return m.end() if m else floor


def _noun_subject(text: str, floor: int, end: int) -> Found | None:
    """A determiner opening the sentence and the words up to a speaker, person or organisation
    noun ("The union", "A group of local doctors", "The widow")."""
    m = _WORD.match(text, floor, end)
    if m is None or m.group(1).lower() not in DETERMINERS:
        return None
    start = m.start(1)
    for _ in range(_SUBJECT_WORDS):
        m = _WORD.match(text, m.end(), end)
        if m is None:
            return None
        if bare(m.group(1)) in _SUBJECT_NOUNS or _PLURAL.fullmatch(m.group(1)):
            return Found(start, m.end(1), "noun phrase")  # "several environmental groups", "The widow"
    return None


def coordination_before(text: str, cues: CueIndex, start: int, end: int) -> int | None:
    """Where a coordinated second verb of the speaker starts inside reported content [start, end)."""
    for cue in cues.within(start, end, reporting=False):
        # One look-back match per verb: most verbs in reported content have no conjunction.
        m = _JOINED_BEFORE.search(text, max(start, cue.start - _JOIN_CHARS), cue.start)
        if m is not None and m.start() > start and (m.group(1) is None or cue.word.endswith("ing")):
            return m.start()
    return None
