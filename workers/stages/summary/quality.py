"""How fit a sentence is to stand alone in a summary: fragments, bylines, captions, bare quotes."""
from __future__ import annotations

import re

from workers.stages.summary.sentences import CLOSE_QUOTES, OPEN_QUOTES, is_headline

# Multipliers on a sentence's score. Chosen by hand on the CNN/DailyMail dev set and the seed
# article, then rounded: strong enough to push a byline or caption out of the top three, mild
# for things that are sometimes fine (a sentence opening with "But").
FRAGMENT = 0.3      # under MIN_WORDS words, or starts in lowercase
NO_FULL_STOP = 0.45  # headlines, captions, list items
BOILERPLATE = 0.2   # bylines, "Scroll down for video", photo credits
CAPTION_LABEL = 0.6  # "Fighter ace: Douglas Bader's story ..."
BARE_QUOTE = 0.5    # entirely inside quote marks, no speaker
QUOTE_OPENING = 0.8  # opens with a quote mark; the speaker may come later
DANGLING_START = 0.85  # "But ...", "He ..." needs the sentence before it
FIRST_PERSON = 0.5    # "I just need to keep working harder." is a quote without its marks
LONG_SENTENCE = 0.85   # over MAX_WORDS words reads badly and crowds out others
MIN_WORDS = 6
# Below this many words a sentence's score shrinks in proportion: short sentences carry less of
# the story (a ramp from 10 to 20 words all beat no ramp on the CNN/DailyMail dev set; 15 best).
FULL_WORDS = 15
MAX_WORDS = 55

_BOILERPLATE = re.compile(
    r"(?:by\s+[A-Z.]|published:|updated:|last updated|scroll down|click here|watch the video|"
    r"photo(?:graph)?s?\s*(?:by|:)|image(?:s)?\s*(?:by|:)|pictured:|source:|credit:|"
    r"follow\s+@|copyright|all rights reserved)",
    re.IGNORECASE,
)
# The letters a boilerplate phrase opens with: a sentence opening with another ASCII character
# (most) is not matched against the expression. Only ASCII is ruled out: IGNORECASE matches the
# pattern's letters to a few other characters too (ſ, ı).
_BOILERPLATE_OPENINGS = frozenset("abcfilpsuwABCFILPSUW")
_CAPTION_LABEL = re.compile(r"[A-Z][\w'’-]*(?: [\w'’-]+){0,2}: [A-Z‘“'\"]")
REPORTING = re.compile(r"\b(?:said|says|say|added|told|asked|responded|replied|wrote|explained)\b")
# What may precede a sentence's first word.
_LEADING_MARKS = OPEN_QUOTES + ",;:"
_DANGLING = frozenset(
    "but and or so yet however also he she it they this that these those his her their "
    "its him them there then meanwhile instead still it's he's she's they're that's there's".split()
)
# First-person openings in news are the inside of a quotation whose marks are elsewhere.
_FIRST_PERSON = frozenset("i i'm i've i'd i'll we we're we've my our me us".split())


def quality(sentence: str, words: list[str] | None = None) -> float:
    """A multiplier in (0, 1]: 1 for a well-formed stand-alone sentence (`words`: its split())."""
    if words is None:
        words = sentence.split()
    factor = 1.0
    if len(words) < MIN_WORDS or sentence[0].islower():
        factor *= FRAGMENT
    elif len(words) > MAX_WORDS:
        factor *= LONG_SENTENCE
    factor *= min(1.0, len(words) / FULL_WORDS)
    if is_headline(sentence):
        factor *= NO_FULL_STOP
    head = sentence[0]
    if (head in _BOILERPLATE_OPENINGS or not head.isascii()) and _BOILERPLATE.match(sentence):
        factor *= BOILERPLATE
    # A caption label holds ": ", and a substring test is far cheaper than the expression.
    elif ": " in sentence and _CAPTION_LABEL.match(sentence) and not REPORTING.search(sentence[:40]):
        factor *= CAPTION_LABEL
    return factor * _quote_factor(sentence) * _start_factor(words[0])


def _quote_factor(sentence: str) -> float:
    if sentence[0] not in OPEN_QUOTES:
        return 1.0
    last = sentence.rstrip(".!?…")[-1:]
    return BARE_QUOTE if last in CLOSE_QUOTES or sentence[-1] in CLOSE_QUOTES else QUOTE_OPENING


def _start_factor(first_word: str) -> float:
    word = first_word.strip(_LEADING_MARKS)
    if len(word) > 1 and word.isupper():
        return 1.0  # "US forces ...", "IT firms ...": acronyms, not pronouns
    word = word.lower().replace("’", "'")
    if word in _FIRST_PERSON:
        return FIRST_PERSON
    return DANGLING_START if word in _DANGLING else 1.0
