"""How far the phrase naming a speaker reaches past the name found: back over "a spokesperson
for" ("a spokesperson for Health Minister Mark Holland" speaks, not the minister) or over the
head of a prepositional phrase ("The mayor of Toronto", "A man who lives near the Ottawa River")."""
from __future__ import annotations

import re

from workers.stages.quotes.document import Document, trim, word_before
from workers.stages.quotes.lexicon import DETERMINERS, ORG_WORDS, ROLE_WORDS, SPEAKER_NOUNS, TITLES
from workers.stages.quotes.speakers import Found

# Someone who speaks for the person or body named after "for", "to" or "of" ("a spokeswoman for
# Kensington Palace", "a lawyer for the family", "sources close to the minister").
_AGENT = re.compile(
    r"(?<![\w’'\-])(?:(?i:an?|the|one|two)[ \u00a0]+)?(?:[a-z\-]+[ \u00a0]+){0,2}?(?i:spokesperson|spokesman|"
    r"spokeswoman|spokespeople|lawyers?|attorneys?|aides?|advis[eo]rs?|representatives?|assistant|agent|counsel|"
    r"solicitor|friends?|sources?)[ \u00a0]+(?:for|to|of|close[ \u00a0]+to)[ \u00a0]+(?:the[ \u00a0]+)?"
    r"(?:[A-Z][\w.’'\-]*[ \u00a0]+){0,3}$"
)
_AGENT_CHARS = 120
_AGENT_LINK_CHARS = 48  # "for" and the title words after it
_PREPOSITIONS = frozenset("near in at from of on by with outside inside across around behind into between".split())
_PREPOSITION_CHARS = 24
# The words of a phrase naming a speaker before its preposition ("the foreign minister"), or with
# a relative clause ("A woman who was mauled by two dogs in a park").
_PHRASE_WORDS, _RELATIVE_PHRASE_WORDS = 6, 12


def agent_of(text: str, found: Found) -> Found:
    """"a spokesperson for Health Minister Mark Holland", "an aide to the senator": the one who
    speaks for the name found, not the name."""
    pos = found.start
    near = pos - _AGENT_LINK_CHARS
    near = near if near > 0 else 0
    # The regex only right past "for", "to" or "of" and titles (most speakers: three finds).
    link = max(text.rfind(" for ", near, pos), text.rfind(" to ", near, pos), text.rfind(" of ", near, pos))
    if link < 0 or not all(w == "the" or w[0].isupper() for w in text[text.find(" ", link + 1) : pos].split()):
        return found
    lo = pos - _AGENT_CHARS
    m = _AGENT.search(text, lo if lo > 0 else 0, pos)
    return found if m is None else Found(m.start(), found.end, "noun phrase")


def head_before_preposition(doc: Document, found: Found) -> Found:
    """A name after a preposition is not the speaker but part of the phrase naming it ("A man
    who lives near the Ottawa River said", "The mayor of Toronto said"): the phrase from its
    clause's determiner or speaker noun."""
    if found.kind != "name":
        return found
    text = doc.text
    lo = found.start - _PREPOSITION_CHARS
    lo = lo if lo > 0 else 0
    prep = word_before(text, lo, found.start)
    if prep is not None and text[prep[0] : prep[1]] in ("the", "a", "an"):
        prep = word_before(text, lo, prep[0])
    if prep is None or text[prep[0] : prep[1]] not in _PREPOSITIONS:
        return found
    floor = doc.sentences.start_of(found.start)
    clause = max(floor, *(text.rfind(mark, floor, prep[0]) + 1 for mark in ",;:"))
    start, end = trim(text, clause, prep[0])
    words = text[start:end].lower().split()
    if not words or not (words[0] in DETERMINERS or words[0] in SPEAKER_NOUNS):
        return found
    if len(words) > (_RELATIVE_PHRASE_WORDS if "who" in words else _PHRASE_WORDS):
        return found  # a clause ("The bias begins to show when looking at how …"), not a phrase
    # the phrase names someone who can speak: its noun does, or a relative clause on a person
    noun, one = words[-1], words[-1][:-1]  # "members", "ministers"
    if "who" not in words and not (noun in SPEAKER_NOUNS or noun in TITLES or noun in ROLE_WORDS
                                   or noun in ORG_WORDS or one in TITLES or one in ROLE_WORDS):
        return found
    return Found(start, found.end, "noun phrase")
