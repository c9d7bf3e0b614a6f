"""Names a text uses as places: what it puts after "in", "near" or "across" ("in Laguna Beach",
"near Alice Springs"), where a person is never put, or after a comma and "from" (a home: "Dennis
Whitlow, 79, from Pemberley Green, said"). "He" and "she" never stand for them."""
from __future__ import annotations

from workers.stages.quotes.names import mention_in
from workers.stages.quotes.wordforms import sentence_parts

_LOCATIVES = ("in", "near", "outside", "inside", "across", "throughout")
_AFTER = tuple(f"{word}{space}" for word in _LOCATIVES for space in " \u00a0")
_HOME = (", from ", ",\u00a0from ")  # not "a letter from Ann Cole": a person sends one
_LONGEST = max(len(word) for word in _AFTER + _HOME) + 1


def place_names(text: str, phrases: list[tuple[int, str]]) -> set[str]:
    """The names of the capitalised ``phrases`` (start, phrase) that ``text`` puts right after a
    preposition of place (read where each phrase stands: a regex over the whole text for the
    prepositions cost ten times as much, a ``str.find`` loop over them a little more)."""
    names = set()
    for start, phrase in phrases:
        lo = start - _LONGEST if start > _LONGEST else 0
        # a possessor is no place: "in Saddam Hussein's army"
        after = (text.endswith(_AFTER, lo, start) and _word_before_is_locative(text, start)) or text.endswith(_HOME, lo, start)
        if after and not phrase.endswith(("’s", "'s")):
            mention = mention_in(start, sentence_parts(start, phrase)[0][1])
            if mention is not None and mention.start == start:  # not a name after a run-on caption's titles
                names.add(mention.name)
    return names


def _word_before_is_locative(text: str, start: int) -> bool:
    """Whether the word before the space before ``start`` is a whole preposition of place
    ("in", not the end of "Kevin")."""
    space = start - 1
    begin = space
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:space] in _LOCATIVES
