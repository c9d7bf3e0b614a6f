"""How far the phrase naming a speaker reaches past the name found: back over "a spokesperson
for" ("a spokesperson for Health Minister Mark Holland" speaks, not the minister) or over the
head of a prepositional phrase ("The mayor of Toronto", "A man who lives near the Ottawa River"),
and short of "of" after a person's name ("Ann Cole of the Leeds Gazette")."""
from __future__ import annotations

import re

from workers.stages.quotes.document import Document, trim
from workers.stages.quotes.found import Found
from workers.stages.quotes.genders import is_given_name
from workers.stages.quotes.lexicon import DETERMINERS, NOT_NAMES, ORG_WORDS, PERSON_NOUNS, SPEAKER_NOUNS, TITLES
from workers.stages.quotes.names import Mention, is_org
from workers.stages.quotes.wordforms import INITIAL, bare, titles_only

# Someone who speaks for the person or body named after "for", "to" or "of" ("a spokeswoman for
# Kensington Palace", "a lawyer for the family", "sources close to the minister").
_AGENT = re.compile(
    r"(?<![\w’'\-])(?:(?i:an?|the|one|two)[ \u00a0]+)?(?:[a-z\-]+[ \u00a0]+){0,2}?(?i:spokesperson|spokesman|"
    r"spokeswoman|spokespeople|lawyers?|attorneys?|aides?|advis[eo]rs?|representatives?|assistant|agent|counsel|"
    r"solicitor|friends?|sources?)[ \u00a0]+(?:for|to|of|close[ \u00a0]+to)[ \u00a0]+(?:the[ \u00a0]+)?"
    r"(?:[A-Z][\w.’'\-]*[ \u00a0]+){0,3}$"
)
_AGENT_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman spokespeople lawyer lawyers attorney attorneys aide aides adviser
    advisers advisor advisors representative representatives assistant agent counsel solicitor friend
    friends source sources""".split()
)
_AGENT_LEAD_CHARS = 60
_LONGEST_WORD = 40
_AGENT_LINK_CHARS = 48  # "for" and the title words after it
_PREPOSITIONS = frozenset("near in at from of on by with to outside inside across around behind into between".split())
# The words of a phrase naming a speaker before its preposition ("the foreign minister"), or with
# a relative clause ("A woman who was mauled by two dogs in a park").
_PHRASE_WORDS, _RELATIVE_PHRASE_WORDS = 6, 12
# Words after the head noun of a phrase, besides prepositions: "a lawyer for …", "staff who …".
_AFTER_HEAD = frozenset("for to who whose".split())
_TIME_WORDS = frozenset("year week month day night morning afternoon evening weekend".split())
_TOKEN = re.compile(r"[^ \u00a0\n]+")
_PART_OF_PLACE = frozenset(
    """central northern southern eastern western north south east west north-east north-west south-east
    south-west downtown rural suburban""".split()
)
_QUOTE_MARKS = "\"“”‘’'«»"


def agent_of(text: str, found: Found) -> Found:
    """"a spokesperson for Health Minister Mark Holland", "an aide to the senator": the one who
    speaks for the name found, not the name."""
    pos = found.start
    near = text[pos - _AGENT_LINK_CHARS if pos > _AGENT_LINK_CHARS else 0 : pos]
    if " for " not in near and " to " not in near and " of " not in near:
        return found  # most speakers: three finds in a short slice
    # The regex only right past "for", "to" or "of" and titles.
    start, word = _word_before(text, pos)
    while word and (word[0].isupper() or word == "the") and pos - start < _AGENT_LINK_CHARS:
        start, word = _word_before(text, start)
    if word not in ("for", "to", "of"):
        return found
    head_start, head = _word_before(text, start)  # the noun of the one who speaks
    if word == "to" and head.lower() == "close":
        head_start, head = _word_before(text, head_start)
    if head.lower() not in _AGENT_NOUNS:
        return found
    lo = head_start - _AGENT_LEAD_CHARS  # its determiner and up to two words before it
    m = _AGENT.search(text, lo if lo > 0 else 0, pos)
    return found if m is None else Found(m.start(), found.end, "noun phrase")


def head_before_preposition(doc: Document, found: Found) -> Found:
    """A name after a preposition is not the speaker but part of the phrase naming it ("A man
    who lives near the Ottawa River said", "The mayor of Toronto said"): the phrase from its
    clause's determiner or speaker noun."""
    if found.kind != "name":
        return found
    text = doc.text
    start, word = _word_before(text, found.start)
    if word in _PART_OF_PLACE:  # "in central Tehran", "in south-east London"
        start, word = _word_before(text, start)
    if word in ("the", "a", "an"):
        start, word = _word_before(text, start)
    if word not in _PREPOSITIONS:
        return found
    prep = (start, start + len(word))
    floor = doc.sentences.start_of(found.start)
    clause = max(floor, *(text.rfind(mark, floor, prep[0]) + 1 for mark in ",;:"))
    start, end = trim(text, clause, prep[0])
    while start < end and text[start] in _QUOTE_MARKS + " \u00a0":
        start += 1  # after a quotation: "“…,” a man in Leeds said"
    words = text[start:end].lower().split()
    if not words or not (words[0] in DETERMINERS or words[0] in SPEAKER_NOUNS):
        person = doc.names.ending_at(end) if end > start else None  # "Dr Ann Cole of the Leeds Gazette"
        if person is not None and len(person.words) > 1 and not person.is_org and titles_only(text[start : person.start]) \
                and bare(person.words[-1]) not in TITLES:  # not "Ethiopian Ambassador to Egypt Ann Cole"
            return Found(person.start, person.end, "name", person)
        return _headed(text, start, end, found)
    if len(words) > (_RELATIVE_PHRASE_WORDS if "who" in words else _PHRASE_WORDS):
        return found  # a clause ("The bias begins to show when looking at how …"), not a phrase
    # the phrase names someone who can speak: its noun does, or a relative clause on a person
    if "who" not in words and not _speaks(words[-1]):
        return _headed(text, start, end, found)
    return _holder(text[start:end].split()[-1], found) or Found(start, found.end, "noun phrase")


def _headed(text: str, start: int, end: int, found: Found) -> Found:
    """The phrase in [start, end) headed by a noun for who can speak, with what follows it to the
    name ("Migrant workers producing vegetables exported to Britain", "the head of the Crown
    Prosecution Service"), or ``found`` when no such noun opens the phrase."""
    spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
    words = [text[s:e].lower() for s, e in spans]
    head = _head(words)
    first = None if head is None else _phrase_start(words, head)
    if first is None or len(words) - first > (_RELATIVE_PHRASE_WORDS if head < len(words) - 1 else _PHRASE_WORDS):
        return found
    return _holder(text[spans[head][0] : spans[head][1]], found) or Found(spans[first][0], found.end, "noun phrase")


def _holder(title: str, found: Found) -> Found | None:
    """The person holding the office a capitalised title names, named last after it ("Secretary of
    State John Kerry", "Secretary of the Police Federation Ann Cole"), or None ("the CEO of Domestic
    Violence Victoria", "president of the Federation of Teachers": the body)."""
    mention = found.mention
    if not title.istitle() or title.lower() not in TITLES or mention is None or len(mention.words) < 3 \
            or found.end != mention.end:
        return None
    kept = mention.words[-3:] if INITIAL.fullmatch(mention.words[-2]) else mention.words[-2:]
    if is_org(kept) or not all(word[:1].isupper() for word in kept):
        return None
    start = found.end - len(" ".join(kept))
    return Found(start, found.end, "name", Mention(start, found.end, kept))


def _head(words: list[str]) -> int | None:
    """Where the noun heading a phrase is: before a relative, a participle or a preposition ("workers"
    in "migrant workers producing vegetables exported", "the lawyer for a man"), or at its end."""
    for i in range(1, len(words)):
        word = words[i]
        if (word in _AFTER_HEAD or word in _PREPOSITIONS or (len(word) > 4 and word.endswith(("ing", "ed")))) \
                and _speaks(words[i - 1]):
            return i - 1
    return len(words) - 1 if words and _speaks(words[-1]) else None


def _phrase_start(words: list[str], head: int) -> int | None:
    """The first word of the phrase the noun at ``head`` heads: its determiner, or the words right
    before it that are no function or time words ("Last year researchers"); None when it is the
    object of a preposition or a participle ("Speaking to students at …")."""
    k = next((k for k in range(head, -1, -1) if words[k] in DETERMINERS), None)
    if k is None:
        k = head
        while k > 0 and words[k - 1] not in NOT_NAMES and words[k - 1] not in _TIME_WORDS:
            k -= 1
    before = words[k - 1] if k else ""
    return None if before in _PREPOSITIONS or before in _AFTER_HEAD or words[k].endswith("ing") else k


def _speaks(noun: str) -> bool:
    """A noun for who can speak: a person, a speaker, a body ("ministers", "workers")."""
    return noun in SPEAKER_NOUNS or noun in PERSON_NOUNS or noun in ORG_WORDS or noun[:-1] in PERSON_NOUNS


def _word_before(text: str, pos: int) -> tuple[int, str]:
    """(start, word) of the word a single space before ``pos``, or (pos, "") (quick: asked of
    every speaker found)."""
    end = pos - 1
    if end <= 0 or text[end] != " ":
        return pos, ""
    start = text.rfind(" ", end - _LONGEST_WORD if end > _LONGEST_WORD else 0, end) + 1
    return start, text[start:end]


def person_of(found: Found) -> Found:
    """A name "X of Y" found as a speaker ("Sarah Crew of Avon and Somerset Police", "Ana Ruiz of
    Toronto") as the person X: two names or more before "of", none an organisation's word or in
    capitals ("Royal Bank of Canada" stays whole); likewise "X for Y" when X opens with a given
    name ("Tom Reed for Morning Consult", not "Syrian Observatory for Human Rights")."""
    words = found.mention.words
    k = next(i for i, word in enumerate(words) if word in ("of", "for"))
    if k < 2 or found.start != found.mention.start or (words[k] == "for" and not is_given_name(words[0], sure=True)):
        return found
    for word in words[:k]:
        if bare(word) in ORG_WORDS or word.isupper():
            return found
    kept = words[:k]
    end = found.start + len(" ".join(kept))
    return Found(found.start, end, "name", Mention(found.start, end, kept))
