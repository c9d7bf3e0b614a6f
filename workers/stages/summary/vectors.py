"""Sentence vectors: content-word stems weighed by tf-idf within the document, and their cosine."""
from __future__ import annotations

import math
import re
from collections import Counter

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STOPWORDS = frozenset(
    "a an the and or but nor so yet for of to in on at by with from as into onto about over "
    "after before than then that this these those there here it its it's he she they we you i "
    "me him her them us my your his our their who whom whose which what when where why how "
    "is are was were be been being am do does did done have has had having will would shall "
    "should can could may might must not no also just very more most much many some any all "
    "said says say told tell one two up out if while because s t mr mrs ms".split()
)
# Truncating words to this many letters merges inflections ("protest", "protesters") at a
# fraction of a stemmer's cost; 6 scored best among 5-8 on the CNN/DailyMail dev set.
STEM_LETTERS = 6
# A one-word sentence has log length 0; this floor keeps its similarity finite.
MIN_LOG_LENGTH = 0.5

Vector = dict[str, float]


def terms(sentence: str) -> list[str]:
    """Content-word stems of a sentence."""
    return [
        w[:STEM_LETTERS]
        for w in _WORD.findall(sentence.lower())
        if w not in _STOPWORDS and not w.isdigit()
    ]


def tfidf_vectors(counts: list[Counter[str]]) -> list[Vector]:
    """Unit-length tf-idf vectors of each sentence's term counts, idf over the document's sentences."""
    df: Counter[str] = Counter()
    for sentence in counts:
        df.update(sentence.keys())
    n1 = len(counts) + 1
    idf = {t: math.log(n1 / c) for t, c in df.items()}
    vectors = []
    for sentence in counts:
        weights = {t: (1.0 + math.log(c)) * idf[t] if c > 1 else idf[t] for t, c in sentence.items()}
        norm = math.sqrt(sum([w * w for w in weights.values()])) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def overlap_vectors(counts: list[Counter[str]]) -> list[Vector]:
    """Term counts scaled so that a dot product approximates TextRank's similarity.

    TextRank divides the words two sentences share by log |s1| + log |s2|; dividing each count
    by sqrt(2 log |s|) divides the shared words by 2 sqrt(log |s1| log |s2|) instead, which is
    within a few percent of it for news sentences and lets the sums run over vectors, in
    linear time.
    """
    vectors = []
    for sentence in counts:
        size = sum(sentence.values())
        scale = 1.0 / math.sqrt(2.0 * max(math.log(size), MIN_LOG_LENGTH)) if size else 0.0
        vectors.append({t: c * scale for t, c in sentence.items()})
    return vectors
