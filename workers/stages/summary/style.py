"""How far a document reads like a story told around its central facts rather than from the top.

A logistic model of sixteen document figures (``figures``, named in ``NAMES``), fitted by
``bench/fit_summary.py`` to tell CNN/DailyMail articles (0) from BBC News Summary ones (1); the
ranking mixes the scores of its lead-story and its centred-story weights by the estimate. No
figure reads storage (paragraph breaks, which quote marks are used): quotes count alike whatever
their marks, and bbc-dev scores the same with its paragraph breaks replaced by spaces. What tells
the styles apart: a lead story's opening sentences are longer than its mean sentence and the
rest more varied (photo captions, short punchy lines, colons, a few very long sentences); a
centred story reports speech and what will or may happen more, and its most central sentence
sits further in. Fitted on random halves of the dev sets, the logistic model tells the other
halves apart at 92.5% balanced accuracy (82.4% with the first seven figures alone). The weights
and bias are the fitted ones tripled (`--sharpness 3`: estimates nearer 0 and 1).
"""
from __future__ import annotations

import math
import re

from workers.stages.summary.quality import REPORTING

# A sentence under this many words counts as short, over LONG_WORDS as long.
SHORT_WORDS = 8
LONG_WORDS = 30
# The opening the lead-length figure measures, in body sentences.
OPENING_SENTENCES = 3
# Any quotation mark: double ones of either shape, an opening single one, or a straight single
# one opening a word (not an apostrophe inside one).
_QUOTE_MARKS = "\"“”‘«»"
# (The mark first, then the look-behind for a word character before it: an expression that opens
# with a literal is scanned for at C speed, one that opens with a look-behind is tried at every
# position.)
_OPENING_STRAIGHT = re.compile(r"'(?<!\w')\w")
# A sentence that reports speech holds one of these; substring tests are cheap, so the
# expression only runs on the few sentences that pass them.
_REPORTING_PARTS = ("sai", "say", "added", "told", "asked", "responded", "replied", "wrote", "explained")
# A photo caption placed in the text: "Smith (left) with ...", "Pictured: ...", "the house, pictured".
_CAPTION = re.compile(r"\((?:left|right|centre|center|above|below|top|bottom|pictured|file)\b|\bpictured\b", re.I)
# What will or may happen, between spaces (lowercase: "May" is more often the month or a name);
# counted with str.count, a regular expression with word bounds costs five times as much.
_MODALS = (" will ", " would ", " could ", " should ", " may ", " might ")
# Every capital letter A-Z as an A, other bytes kept: in the UTF-8 text a space then a capital
# (A-Z) is then one two-byte substring, counted at C speed where an expression is tried at every
# space and builds a string per match (non-ASCII characters are bytes of 0x80 and over there).
_CAPITALS_AS_A = bytes(ord("A") if ord("A") <= c <= ord("Z") else c for c in range(256))

NAMES = (
    "log_sentences",   # log of the sentence count
    "mean_words",      # mean words per sentence
    "short",           # share of sentences under SHORT_WORDS words
    "mean_textrank",   # mean scaled TextRank degree
    "reports",         # share of sentences that report speech
    "quotes",          # share of sentences that quote
    "first_length",    # the first body sentence's words over the mean
    "vocabulary",      # distinct lowercase words over the square root of all words
    "colons",          # share of sentences with a colon
    "central_at",      # where the sentence of highest TextRank degree sits, 0 first .. 1 last
    "opening_length",  # mean words of the first OPENING_SENTENCES body sentences over the mean
    "captions",        # share of sentences that are or hold a photo caption
    "modal",           # will, would, could, should, may and might (between spaces) per sentence
    "capitals",        # share of words after a sentence's first that start with a capital (A-Z)
    "long",            # share of sentences over LONG_WORDS words
    "first_central",   # the first body sentence's scaled tf-idf centrality
)

# Fitted values: see bench/fit_summary.py for the data and the figures that chose them.
STYLE_MEAN = (3.3049, 20.5514, 0.076, 0.5197, 0.1847, 0.2309, 1.1763, 11.4795, 0.0849, 0.3377, 1.2198, 0.0306,
              0.1584, 0.1243, 0.1422, 0.3836)
STYLE_SPREAD = (0.5931, 3.4262, 0.0907, 0.1101, 0.1412, 0.1577, 0.4129, 2.0203, 0.0978, 0.3017, 0.3185, 0.047,
                0.1424, 0.0541, 0.1029, 0.134)
STYLE_WEIGHTS = (-5.149, -1.288, -2.226, 1.461, 0.84, 1.666, 0.019, 4.293, -1.977, 1.271, -3.916, -11.038,
                 1.798, 1.17, -2.393, 0.353)
STYLE_BIAS = -12.005


def figures(
    texts: list[str], split: list[list[str]], textrank: list[float], centrality: list[float], first: int,
    vocabulary: float,
) -> tuple[float, ...]:
    """The document's figures in the order of ``NAMES``; `split` holds each sentence's words,
    `first` is the index of the first body sentence, `vocabulary` the distinct words over the
    square root of all words (a root type-token ratio: unlike distinct over all words, it does
    not fall as a text grows)."""
    n = len(texts)
    words = [len(w) for w in split]
    total = sum(words)
    mean_words = max(total / n, 1.0)
    opening = words[first : first + OPENING_SENTENCES]
    joined = " ".join(texts)
    return (
        math.log(n),
        total / n,
        sum(w < SHORT_WORDS for w in words) / n,
        sum(textrank) / n,
        _reporting(texts, joined) / n,
        _quoting(texts, joined) / n,
        words[first] / mean_words,
        vocabulary,
        sum(":" in t for t in texts) / n,
        textrank.index(max(textrank)) / max(n - 1, 1),
        sum(opening) / len(opening) / mean_words,
        sum(_CAPTION.search(t) is not None for t in texts if "ictured" in t or "(" in t) / n,
        sum(map(joined.count, _MODALS)) / n,
        _capitals(texts, joined, total),
        sum(w > LONG_WORDS for w in words) / n,
        centrality[first],
    )


def _capitals(texts: list[str], joined: str, total: int) -> float:
    # Every word after a space that starts with a capital, less the sentences' first words.
    after_space = joined.encode("utf-8", "surrogatepass").translate(_CAPITALS_AS_A).count(b" A")
    capital = after_space - sum("A" <= t[:1] <= "Z" for t in texts[1:])
    return capital / max(total - len(texts), 1)


def _reporting(texts: list[str], joined: str) -> int:
    """How many sentences report speech; a part the document never holds is not looked for in
    each sentence."""
    parts = [part for part in _REPORTING_PARTS if part in joined]
    count = 0
    for sentence in texts:
        for part in parts:
            if part in sentence:
                count += REPORTING.search(sentence) is not None
                break
    return count


def _quoting(texts: list[str], joined: str) -> int:
    """How many sentences quote; most documents use one kind of quotation mark, and the marks
    the document never holds are not looked for in each sentence."""
    marks = [mark for mark in _QUOTE_MARKS if mark in joined]
    straight = "'" in joined
    count = 0
    for sentence in texts:
        for mark in marks:
            if mark in sentence:
                count += 1
                break
        else:
            count += straight and "'" in sentence and _OPENING_STRAIGHT.search(sentence) is not None
    return count


def centrality_style(figures: tuple[float, ...]) -> float:
    """Estimate in (0, 1): 0 for a story told from the top, 1 for one told around its centre."""
    z = STYLE_BIAS + sum(
        w * (x - m) / s for w, x, m, s in zip(STYLE_WEIGHTS, figures, STYLE_MEAN, STYLE_SPREAD)
    )
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
