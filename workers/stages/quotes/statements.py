"""Whether reported content states something: a finite clause, not an object or a plan
("mentioned Machado since the debate", "found a way through the act", "announced plans to …")."""
from __future__ import annotations

import re

from workers.stages.quotes.document import at_least_words
from workers.stages.quotes.tries import word_trie
from workers.stages.quotes.wordruns import NOT_WORD_CHAR, WORD_CHAR

# A finite verb: an auxiliary, a modal, a negated verb, a regular or common irregular past.
_IRREGULAR_PAST = (
    "was were went made got took came knew saw gave found thought told said left kept felt became "
    "began brought built bought caught chose drew drove fell fought grew held hit hurt led lost "
    "meant met paid put ran rose sent set shot sold spent stood struck taught threw understood won "
    "wrote broke spoke heard let sought"
)
_FINITE_WORDS = "is are am be been has have had will would can could should may might must shall does do did cannot"
# The words as a trie (one branch per first letter, not ninety tried at each word); only whether
# a finite verb is there is ever asked, so the order of the alternatives does not matter.
_FINITE = re.compile(
    rf"(?<![\w’'\-])(?:{word_trie(sorted(set(_FINITE_WORDS.split() + _IRREGULAR_PAST.split())))}|"
    r"[A-Za-z]+n[’']t|[A-Za-z]+[’']s|[a-z]{2,}ed)(?![\w’'\-])"
)
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
# A clause whose subject is a personal pronoun ("she opposes the deal", "they plan to …").
_PRONOUN_SUBJECT = re.compile(r"(?:he|she|they|it|we|i|you|I)(?![\w’'\-])")
# The finite verb of a statement comes within its first words ("said the long-awaited bridge
# over the river would open"); a verb further on belongs to a relative clause of an object.
_VERB_WITHIN_WORDS = 12
_WORDS_PAST = re.compile(rf"{NOT_WORD_CHAR}*+(?:{WORD_CHAR}++{NOT_WORD_CHAR}*+){{1,{_VERB_WITHIN_WORDS}}}")


def states_something(text: str, start: int, end: int) -> bool:
    """Content opening with "that" or a pronoun subject, holding quoted words, or with a finite
    verb among its first words."""
    if text.startswith("that", start) or _PRONOUN_SUBJECT.match(text, start) or _QUOTE_MARK.search(text, start, end):
        return True
    window = _WORDS_PAST.match(text, start, end)
    stop = window.end() if window is not None else end
    return _FINITE.search(text, start, stop) is not None or not at_least_words(text, start, end, 2)


# What opens an adjunct rather than a clause before a trailing cue ("In a statement, the company
# said", "Asked about the plan, Lee said", "Later, she said"): prepositions, subordinators,
# connecting adverbs; participles are told by their ending.
_ADJUNCT_OPENERS = frozenset(
    """in on at after before during following for from with without by about against among
    amid despite since until upon under over through as when while if although though because
    once asked speaking responding writing later earlier meanwhile however still then also yet
    and but so or here there now today yesterday""".split()
)
# A clause before a trailing cue this long is a statement even with no finite verb to see
# ("Six million jobs also depend on exports to Mexico, one report says"): adjuncts are shorter.
_TRAILED_CLAUSE_WORDS = 7
_FIRST_WORD = re.compile(r"[\w’'\-]+")


def trailed_statement(text: str, start: int, end: int) -> bool:
    """The words before a trailing cue (`…, the report says.`) state something: ``states_something``,
    or a long clause opening with its subject rather than an adjunct."""
    if states_something(text, start, end):
        return True
    first = _FIRST_WORD.match(text, start, end)
    if first is None or first.group().lower() in _ADJUNCT_OPENERS or first.group().endswith(("ing", "ed")):
        return False
    return at_least_words(text, start, end, _TRAILED_CLAUSE_WORDS)


# A pronoun subject and a finite verb make a statement of three words ("he is honored").
_SHORT_CLAUSE = re.compile(r"(?:he|she|they|we|I|it)[ \u00a0]+(?:" + _FINITE.pattern + r")[ \u00a0]+[\w’'\-]+$")


def short_clause(text: str, start: int, end: int) -> bool:
    """[start, end) is a three-word clause: a subject pronoun, a finite verb and one more word."""
    return _SHORT_CLAUSE.match(text, start, end) is not None
