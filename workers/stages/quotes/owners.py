"""Names that belong to a description of the speaker rather than name it: between a determiner
and a noun ("the Leeds charity", "the Manchester United manager"), or owning the noun after them
("Cole's relatives"). The description speaks."""
from __future__ import annotations

from workers.stages.quotes.found import Found
from workers.stages.quotes.genders import common_word
from workers.stages.quotes.lexicon import ORG_WORDS, PERSON_NOUNS, PLACE_WORDS, PLACES, ROLE_WORDS, SPEAKER_NOUNS, TITLES
from workers.stages.quotes.names import Mention, NameIndex
from workers.stages.quotes.phrases import WORD_AFTER
from workers.stages.quotes.wordforms import bare

# Nouns a name may describe after a determiner ("the Leeds charity", "the Leeds chief constable").
_DESCRIBED_NOUNS = (PERSON_NOUNS - ROLE_WORDS) | TITLES | SPEAKER_NOUNS | ORG_WORDS
_OWNED_WORDS = 2  # "Team Sky's sports director"


def noun_after(text: str, pos: int, ceiling: int) -> int | None:
    """The end of the lower-case nouns for who can speak right after a name at ``pos`` ("the
    Leeds charity", "the Leeds chief constable"), unless a name follows them ("the Leeds
    teenager Ann Cole": the name speaks)."""
    end = None
    for _ in range(2):
        m = WORD_AFTER.match(text, pos, ceiling)
        noun = m.group(1) if m is not None and m.start(1) == pos + 1 else ""
        if not noun.islower() or not (noun in _DESCRIBED_NOUNS or noun[:-1] in _DESCRIBED_NOUNS):
            break
        end = pos = m.end(1)
    if end is not None and (m := WORD_AFTER.match(text, end, ceiling)) and m.group(1)[:1].isupper():
        return None
    return end


def common_word_before_noun(text: str, mention: Mention, ceiling: int) -> Found | None:
    """A one-word "name" that is a common word written with a capital opening a sentence, before
    nouns for who can speak (``noun_after``): the words are a description ("Health officials",
    "Small groups"). Not a given name, a place's or an organisation's word ("Labour", "Turkey")."""
    word = mention.words[0]
    if len(mention.words) != 1 or not text[mention.end + 1 : mention.end + 2].islower():
        return None  # most names: another word follows, or none in lower case
    if not word.isalpha() or word.isupper():
        return None
    key = bare(word)
    if key in PLACES or key in PLACE_WORDS or key in ORG_WORDS or not common_word(word):
        return None
    end = noun_after(text, mention.end, ceiling)
    return None if end is None else Found(mention.start, end, "noun phrase")


def owned_after(text: str, pos: int, ceiling: int) -> int | None:
    """The end of the noun for who can speak that a name's possessive at ``pos`` owns, a word or two
    after it ("Cole's relatives", "Team Sky's sports director"); None for anything else the name
    owns ("Suarez's strike": the name may still speak)."""
    if not text.startswith(("'s ", "’s "), pos):
        return None
    end, pos = None, pos + 2
    for _ in range(_OWNED_WORDS):
        m = WORD_AFTER.match(text, pos, ceiling)
        if m is None or m.start(1) != pos + 1 or not m.group(1).islower():
            break
        noun = m.group(1)
        if noun in _DESCRIBED_NOUNS or noun[:-1] in _DESCRIBED_NOUNS or noun[:-3] + "y" in _DESCRIBED_NOUNS:
            end = m.end(1)  # "charities" too
        pos = m.end(1)
    return end


def owned_phrase(text: str, names: NameIndex, mention: Mention, ceiling: int) -> Found | None:
    """The speaker when ``mention`` owns a noun for who can speak: that person, named right after
    the noun ("Suarez's strike partner Lionel Messi"), else the phrase ("Cole's relatives")."""
    end = owned_after(text, mention.end, ceiling)
    if end is None:
        return None
    noun = text[text.rfind(" ", 0, end) + 1 : end]
    person = noun in PERSON_NOUNS or noun[:-1] in PERSON_NOUNS
    named = names.starting_at(end + 1) if person and text.startswith(" ", end) else None
    return Found(named.start, named.end, "name", named) if named else Found(mention.start, end, "noun phrase")
