"""Who "he" or "she" stands for when no full name is near: the subject of a sentence before it,
named by a description ("The Pope arrived …", "The 34-year-old was released …") or by one name
alone ("…, McDavid smiled.", "Now 84, Rosa still bakes …").

Sports and feature copy name a person once in full, often in a headline the body never repeats,
then by a surname, a first name or a description; the pronoun that follows means that subject.
A speaker named by such a description ("the retired postman said") is, likewise, the person
named last (``describes_person``).
"""
from __future__ import annotations

import re

from workers.stages.quotes.lexicon import NOT_NAMES, OCCUPATIONS, ORG_WORDS, PERSON_NOUNS, PLACES, PRONOUNS, ROLE_WORDS, TITLES

# Nouns for people in features and court and sports copy, beyond the list above, by their ending.
_PERSON_ENDINGS = ("man", "woman", "ist", "ian", "-year-old", "mogul", "tycoon", "aire", "ager", "ee")
# "The 34-year-old", "the grandmother-of-three": a person by age or family.
_AGE_OR_FAMILY = re.compile(r"\d+-year-old|(?:grand)?(?:mother|father)-of-\w+")
# A sentence's subject after an opening adjunct set off by a comma ("Asked whether …, McDavid").
_OPENING_ADJUNCT_CHARS = 120
_DESCRIPTION_WORDS = 4
_WORD = re.compile(r"[\w’'\-]+")
# "It is believed", "it's thought", "it has been claimed": a passive of "it" that reports what
# no one in particular said.
_IMPERSONAL = re.compile(
    r"(?:[’']s|[ \u00a0]+(?:is|was|(?:has|had|have)[ \u00a0]+been|(?:will|would|may|might|can|could)[ \u00a0]+be|is[ \u00a0]+being))"
    r"(?:[ \u00a0]+(?:also|now|still|further|[a-z]+ly))?"
    r"[ \u00a0]+(?:[a-z]+ed|thought|known|said|understood|told|shown|written|felt|held)(?![\w’'\-])"
)
# Singular nouns ending in "s" ("the boss", "the actress", "the analysis"), and possessives.
_SINGULAR_S = ("ss", "us", "is", "'s", "’s")
# People who speak for others or of what they saw: the heads of a description "he" or "she" means.
_SPEAKING_PEOPLE = frozenset(
    """spokesman spokeswoman spokesperson official source aide adviser advisor analyst expert critic
    lawmaker leader insider witness resident relative friend""".split()
)
_BEFORE_PREPOSITION = re.compile(r" (?:of|at|for|in|from|with|on|near|by) ")


def described_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of "The <person noun>" opening the sentence [start, end), if it does."""
    if not text.startswith(("The ", "the "), start):
        return None  # most sentences: read no further
    words = list(_WORD.finditer(text, start, min(end, start + 60)))
    if len(words) < 3:
        return None
    for k in (1, 2):  # "The Pope", "The former coach"
        noun = words[k].group().lower()
        if noun in PERSON_NOUNS or _AGE_OR_FAMILY.fullmatch(noun):
            verb = words[k + 1] if k + 1 < len(words) else None  # "The young nurse." has none
            return (words[0].start(), words[k].end()) if verb is not None and verb.group().islower() else None
    return None


def lone_name_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of one capitalised name right after a comma closing the adjunct that opens the
    sentence [start, end), followed by a word in lower case (its verb). At the sentence's start a
    capital says nothing ("Shifting monsoon patterns …"); after the adjunct, it makes a name."""
    comma = text.find(",", start, min(end, start + _OPENING_ADJUNCT_CHARS))
    words = list(_WORD.finditer(text, comma + 1, min(end, comma + 40)))[:2] if comma >= 0 else []
    if len(words) < 2 or not words[1].group().islower():
        return None
    name = words[0].group()
    lower = name.lower()
    if name[0].isupper() and not name.isupper() and lower not in NOT_NAMES and lower not in TITLES \
            and lower not in PLACES and lower not in ORG_WORDS and lower not in PERSON_NOUNS:
        return words[0].start(), words[0].end()
    return None


def describes_person(phrase: str) -> bool:
    """"the retired postman", "the Frenchwoman", "the 22-year-old": a definite description of a
    person by a common noun, which means the person last named (a title or a role may not)."""
    words = phrase.split()
    if not 2 <= len(words) <= _DESCRIPTION_WORDS or words[0] not in ("the", "The") or not phrase[4:].islower():
        return False
    head = words[-1]
    if head in TITLES or head in ROLE_WORDS or head in ORG_WORDS:
        return False
    return head in PERSON_NOUNS or head.endswith(_PERSON_ENDINGS) or _AGE_OR_FAMILY.fullmatch(head) is not None


def may_mean(name: str, via: str, pronoun: str) -> bool:
    """Whether ``pronoun`` may stand for a speaker ``name`` found ``via``: a pronoun left
    unresolved only for itself (never the writer's "I" or "we", nor "she" for "he"); "it" never
    for a person named by surname; "he" or "she" never for a description of several people
    ("Many critics", "The workers")."""
    lower = name.lower()
    if via == "pronoun" and lower in PRONOUNS:
        return lower == pronoun
    if via == "surname":
        return pronoun != "it"
    return via != "noun phrase" or pronoun not in ("he", "she") or not plural(_head(lower))


def impersonal(text: str, start: int) -> bool:
    """Whether the speaker phrase at ``start`` is an "it" opening an impersonal passive ("It is
    believed that …", "it’s thought"), which names no one."""
    return text.startswith(("It", "it"), start) and _IMPERSONAL.match(text, start + 2) is not None


def description_meant(description: str, pronoun: str) -> bool:
    """Whether ``pronoun`` may stand for a speaker named by a ``description``: "he" or "she" for
    one person newly described ("A nurse at one of the tents", "his spokesman"; "The president"
    is likely someone named before), "it" for a body ("The party"), "they" for several ("The
    workers")."""
    lower = description.lower()
    head = _head(lower)
    several = plural(head)
    if pronoun == "they":
        return several
    if pronoun == "it":
        return head in ORG_WORDS
    person = head in PERSON_NOUNS or head in OCCUPATIONS or head in _SPEAKING_PEOPLE or _AGE_OR_FAMILY.fullmatch(head)
    return not several and bool(person) and not lower.startswith("the ")


def _head(description: str) -> str:
    """The head noun of a lower-case description: its last word before a preposition ("a nurse
    at one of the tents" → "nurse")."""
    return _BEFORE_PREPOSITION.split(description, 1)[0].rsplit(" ", 1)[-1]


def plural(noun: str) -> bool:
    """Whether a lower-case noun names several ("officials", "people"; not "the boss")."""
    return noun in ("people", "police") or (noun.endswith("s") and not noun.endswith(_SINGULAR_S))
