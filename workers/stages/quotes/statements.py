"""Whether reported content states something: a finite clause, not an object or a plan
("mentioned Machado since the debate", "found a way through the act", "announced plans to …")."""
from __future__ import annotations

import itertools
import re

from workers.stages.quotes.cues import cut_pattern
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
# Words whose "’s" is "is" or "has" ("it’s", "there’s"); after a noun it is a possessive ("the
# sport’s warrior ethos"). Any word's "’ll", "’ve", "’re", "’d" or "’m" is a verb.
_CONTRACTED = r"(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hat|[Tt]here|[Ww]hat|[Ww]ho|[Hh]ere|[Ww]here|[Tt]his|[Ee]veryone|[Nn]obody|[Ee]verything|[Nn]othing|[Ss]omething|[Oo]ne)"
# The words as a trie (one branch per first letter, not ninety tried at each word); only whether
# a finite verb is there is ever asked, so the order of the alternatives does not matter.
_FINITE = re.compile(
    rf"(?<![\w’'\-])(?:{word_trie(sorted(set(_FINITE_WORDS.split() + _IRREGULAR_PAST.split())))}|"
    r"[a-z]{2,}ed)(?![\w’'\-])"
)
# A verb contracted: looked for only where the words hold an apostrophe (most hold none).
_CONTRACTION = re.compile(rf"(?<![\w’'\-])(?:[A-Za-z]+(?:n[’']t|[’'](?:ll|ve|re|d|m))|{_CONTRACTED}[’']s)(?![\w’'\-])")
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
# Reported content usually stops where a new clause is coordinated: "…, but he said …".
_CLAUSE_CUT = cut_pattern(r",[ \u00a0]+(?:but|which|while|though|although|citing|speaking)[ \u00a0]", ";",
                          r"[ \u00a0]--[ \u00a0]", r"[ \u00a0]—[ \u00a0]")
# Reported content shorter than this is an object, not a statement ("said nothing",
# "told him so"); chosen on PolNeAR dev.
MIN_CONTENT_WORDS = 4
# A clause whose subject is a personal pronoun ("she opposes the deal", "they plan to …").
_PRONOUN_SUBJECT = re.compile(r"(?:he|she|they|it|we|i|you|I)(?![\w’'\-])")
# The finite verb of a statement comes within its first words ("said the long-awaited bridge
# over the river would open"); a verb further on belongs to a relative clause of an object.
_VERB_WITHIN_WORDS = 12
_WORDS_PAST = re.compile(rf"{NOT_WORD_CHAR}*+(?:{WORD_CHAR}++{NOT_WORD_CHAR}*+){{1,{_VERB_WITHIN_WORDS}}}")
# A noun phrase opening the content ("his HIV status", "a happy snap") is the subject of a clause
# only if its verb comes before an adverbial clause opens: "announced his HIV status when he was
# leaving" reports an object, the verb is the "when" clause's.
_OBJECT_OPENER = re.compile(r"(?:his|her|their|its|my|our|your|a|an)[ \u00a0]")
_ADVERBIAL = re.compile(r"(?<![\w’'\-])(?:when|after|before|while|because|since|until|as|if|although|though|where)[ \u00a0]")


def clause_end(text: str, start: int, end: int) -> int:
    """Where reported content from ``start`` stops before ``end``: at a clause coordinated to it
    ("…, but he said …"), when the words before it are enough for a statement."""
    cut = _CLAUSE_CUT.search(text, start, end)
    return cut.start() if cut is not None and at_least_words(text, start, cut.start(), MIN_CONTENT_WORDS) else end


def states_something(text: str, start: int, end: int) -> bool:
    """Content opening with "that" or a pronoun subject, holding quoted words, or with a finite
    verb among its first words."""
    if text.startswith("that", start) or _PRONOUN_SUBJECT.match(text, start) or _QUOTE_MARK.search(text, start, end):
        return True
    window = _WORDS_PAST.match(text, start, end)
    stop = window.end() if window is not None else end
    if _OBJECT_OPENER.match(text, start):
        sub = _ADVERBIAL.search(text, start, stop)
        stop = sub.start() if sub is not None else stop
    if _finite_in(text, start, stop) or not at_least_words(text, start, end, 2):
        return True
    apostrophe = text.find("’", start, stop) >= 0 or text.find("'", start, stop) >= 0
    return apostrophe and _CONTRACTION.search(text, start, stop) is not None


def _finite_in(text: str, start: int, stop: int) -> bool:
    """A finite verb in [start, stop); an -ed word after a common noun and a comma is a participle
    ("wrote the vile message, directed at …"), after a name it may be the main verb ("Ann Cole,
    who …, died Friday")."""
    for m in _FINITE.finditer(text, start, stop):
        k = m.start()
        if text[k - 2 : k] != ", " or not text.endswith("ed", k, m.end()):
            return True
        before = text[start : k - 2].rsplit(" ", 1)[-1]
        if not before.islower():
            return True
    return False


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
# Participles opening an adjunct about the speaker ("Asked about the plan, Lee said …").
_SPEAKER_ADJUNCTS = frozenset("asked pressed speaking responding writing questioned interviewed quizzed".split())
_WORD = re.compile(r"[\w’'\-]+")
# A subordinate clause, which the cue's comma ends when no comma of its own closes it: "As they
# parted ways, Lloyd told Hodge he'd see him later" reports what follows the verb. Not "as" of a
# quantity or a preposition ("As many as 400 people came, police said").
_SUBORDINATE = re.compile(
    r"(?:[Aa]s(?![ \u00a0]+(?:many|much|few|little|of|for|to)(?![\w’'\-]))|[Ww]hen|[Ww]hile|[Ii]f|[Aa]lthough|[Tt]hough|"
    r"[Bb]ecause|[Oo]nce|[Uu]nless|[Ww]hereas)(?![\w’'\-])"
)


def trailed_statement(text: str, start: int, end: int) -> bool:
    """The words before a trailing cue (`…, the report says.`) state something: ``states_something``,
    or a long clause opening with its subject rather than an adjunct."""
    first = _WORD.match(text, start, end)
    if first is not None and first.group().lower() in _SPEAKER_ADJUNCTS:
        return False  # "Asked if he would resign, the mayor said no": the question, not a statement
    if _SUBORDINATE.match(text, start, end) and text.find(",", start, end) < 0:
        return False
    if states_something(text, start, end):
        return True
    if first is None or first.group().lower() in _ADJUNCT_OPENERS or first.group().endswith(("ing", "ed")):
        return False
    return at_least_words(text, start, end, _TRAILED_CLAUSE_WORDS)


# A subject and a finite verb make a statement of a few words ("he is honored", "the man died",
# "Ottawa would retaliate", "prices rose"): a pronoun, a noun after a determiner, a name or a plural.
_SHORT_SUBJECT = (r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)[ \u00a0]+"
                  r"[\w’'\-]+|[A-Z][\w’'\-]*|[a-z]+s)")
_SHORT_CLAUSE = re.compile(_SHORT_SUBJECT + r"[ \u00a0]+(?:" + _FINITE.pattern + "|" + _CONTRACTION.pattern + r")(?:[ \u00a0]+[\w’'\-]+)?$")

# Verbs of a source's attribution, which a short clause of them is ("the affidavit said").
_ATTRIBUTING = frozenset("say says said tell tells told write writes wrote add adds added report reports reported".split())


def short_clause(text: str, start: int, end: int) -> bool:
    """[start, end) is a clause of a few words: a subject, a finite verb and at most one more word
    — not an attribution ("…,' Jamie wrote, the affidavit said": a source, no statement)."""
    m = _SHORT_CLAUSE.match(text, start, end)
    return m is not None and not any(word.lower() in _ATTRIBUTING for word in m.group().split())


# "would not say whether", "have not publicly said", "didn't say": a negated verb reports nothing
# said; nor does a hypothetical one ("would have added", "could have said").
_NEGATION_BEFORE = re.compile(
    r"(?:not|n[’']t|never|(?:would|could|might|should)[ \u00a0]+have)(?:[ \u00a0]+(?!only)[a-z]+ly)?[ \u00a0]+$"
)
_NEGATION_CHARS = 24
# A subject that denies the verb ("Neither team has said", "No one has said"), in the verb's clause.
_NEGATIVE_SUBJECT = re.compile(r"(?<![\w’'\-])(?:[Nn]either|[Nn]obody|[Nn]o one|[Nn]one)(?![\w’'\-])")
_NEGATIVE_SUBJECT_CHARS = 60


def negated(text: str, cue_start: int) -> bool:
    """The reporting verb at ``cue_start`` is negated ("did not say", "has never publicly said",
    "Neither side has said")."""
    lo = cue_start - _NEGATION_CHARS
    lo = lo if lo > 0 else 0
    near = text[lo:cue_start]  # the searches only where their words are (most verbs: none)
    if ("not" in near or "n’t" in near or "n't" in near or "never" in near or "have" in near) \
            and _NEGATION_BEFORE.search(near):
        return True
    lo = cue_start - _NEGATIVE_SUBJECT_CHARS
    clause = text[lo if lo > 0 else 0 : cue_start]
    if not ("either" in clause or "obody" in clause or "o one" in clause or "none" in clause or "None" in clause):
        return False
    # the verb's own clause only
    start = max(clause.rfind("."), clause.rfind(","), clause.rfind(";"), clause.rfind(":"), clause.rfind("!"),
                clause.rfind("?")) + 1
    return _NEGATIVE_SUBJECT.search(clause, start) is not None


# After "said" or "says", a clause may keep the present tense ("said her members earn …", "said
# the project no longer makes sense"), which no finite-verb test sees: a subject's determiner or
# a name and four words make a statement there; a few objects of "say" make none.
_SAY = frozenset("say said says saying".split())
_SUBJECT_OPENERS = frozenset("the his her their its our each every all many most some no this these those".split())
_SAID_OBJECTS = frozenset("goodbye goodbyes prayer prayers grace thanks piece words word hello sorry".split())


def said_clause(text: str, verb: str, start: int, end: int) -> bool:
    """A clause after a verb of saying, whatever its tense (see above)."""
    if verb.lower() not in _SAY or not at_least_words(text, start, end, 4):
        return False
    words = [m.group() for m in itertools.islice(_WORD.finditer(text, start, min(end, start + 80)), 4)]
    if len(words) < 4 or any(word.lower() in _SAID_OBJECTS for word in words[:3]):
        return False
    return words[0] in _SUBJECT_OPENERS or (words[0][0].isupper() and words[1][0].islower())
