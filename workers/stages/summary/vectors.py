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

Vector = dict[str, float]


def terms(sentence: str) -> list[str]:
    """Content-word stems of a sentence."""
    return [
        w[:STEM_LETTERS]
        for w in _WORD.findall(sentence.lower())
        if w not in _STOPWORDS and not w.isdigit()
    ]


def tfidf_vectors(term_lists: list[list[str]]) -> list[Vector]:
    """Unit-length tf-idf vectors, idf counted over the document's own sentences."""
    df: Counter[str] = Counter()
    for words in term_lists:
        df.update(set(words))
    n = len(term_lists)
    idf = {t: math.log((n + 1) / c) for t, c in df.items()}
    vectors = []
    for words in term_lists:
        weights = {t: (1.0 + math.log(c)) * idf[t] for t, c in Counter(words).items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
