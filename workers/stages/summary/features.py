"""What the ranking knows of each sentence, and of the document as a whole."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from workers.stages.summary.centrality import degree, directed_centrality
from workers.stages.summary.quality import quality
from workers.stages.summary.sentences import OPEN_QUOTES, is_headline
from workers.stages.summary.vectors import Vector, cosine, overlap_vectors, terms, tfidf_vectors

# The names of a sentence's features, in the order of `Features.rows`.
NAMES = (
    "lead",          # 1 / (1 + position / LEAD_HALF_LIFE), headlines not counted
    "centrality",    # tf-idf similarity to the sentences after and before it, each side scaled
    "textrank",      # TextRank's weighted degree: shared words over log lengths, itself included
    "title",         # tf-idf similarity to an opening headline (0 without one)
    "length",        # words / LENGTH_CAP_WORDS, capped at 1
    "log_quality",   # log of the stand-alone quality factor (0 for a well-formed sentence)
    "quote_opening",  # 1 when the sentence opens with a quote mark
    "first",         # 1 for the first body sentence
    "long_central",  # length * textrank: long sentences that share much with the rest
)
# Position (0-based, headlines not counted) at which the lead feature has halved.
LEAD_HALF_LIFE = 3.0
# Sentences longer than this count as this long.
LENGTH_CAP_WORDS = 60
# A sentence under this many words counts as short in the document's style figures.
SHORT_WORDS = 8


@dataclass(slots=True)
class Features:
    rows: list[tuple[float, ...]]  # one per sentence, values in the order of NAMES
    vectors: list[Vector]  # unit tf-idf vectors, for the redundancy check when selecting
    style: tuple[float, float, float, float]  # log sentences, mean words, short share, mean textrank


def features(texts: list[str]) -> Features:
    """Every sentence's features and the document's style figures, in linear time."""
    counts = [Counter(terms(t)) for t in texts]
    vectors = tfidf_vectors(counts)
    forward, backward = directed_centrality(vectors)
    centrality = [(f + b) / 2 for f, b in zip(scaled(forward), scaled(backward))]
    textrank = scaled(degree(overlap_vectors(counts)))
    title = _title_similarity(texts, vectors)
    words = [len(t.split()) for t in texts]
    rows = []
    position = 0
    for i, text in enumerate(texts):
        length = min(words[i], LENGTH_CAP_WORDS) / LENGTH_CAP_WORDS
        first = float(position == 0 and not is_headline(text))
        rows.append((
            1.0 / (1.0 + position / LEAD_HALF_LIFE), centrality[i], textrank[i], title[i], length,
            math.log(quality(text)), float(text[0] in OPEN_QUOTES), first, length * textrank[i],
        ))
        position += not is_headline(text)
    return Features(rows, vectors, _style(words, textrank))


def _style(words: list[int], textrank: list[float]) -> tuple[float, float, float, float]:
    n = len(words)
    short = sum(w < SHORT_WORDS for w in words)
    return math.log(n), sum(words) / n, short / n, sum(textrank) / n


def _title_similarity(texts: list[str], vectors: list[Vector]) -> list[float]:
    """Similarity of each sentence to an opening headline (all zeros without one)."""
    if not texts or not is_headline(texts[0]):
        return [0.0] * len(texts)
    return scaled([0.0] + [cosine(vectors[0], v) for v in vectors[1:]])


def scaled(values: list[float]) -> list[float]:
    """Divide by the maximum so the top value is 1 (all zeros stay zeros)."""
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0 for _ in values]
