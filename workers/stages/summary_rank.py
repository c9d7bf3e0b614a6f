"""Sentence scores for the summariser: centrality, position and stand-alone quality."""
from __future__ import annotations

from workers.stages.summary_features import (
    Vector,
    cosine,
    directed_centrality,
    terms,
    tfidf_vectors,
)
from workers.stages.summary_quality import is_headline, quality

# Blend of the score parts, each scaled to 0..1 within the document. PacSum weighs similarity
# to later sentences over earlier ones (an opening sentence that the rest elaborates is central);
# the lead prior decays with position. Grid-searched on the CNN/DailyMail dev set (lead 0.3-1.3,
# backward -0.15..0.15): R1 rises up to a lead weight of 0.8 and falls after it; the lead prior
# only outweighs centrality for the first sentences, so a central sentence later in a document
# without a news lead still wins. A separate backward term (PacSum's negative weight included)
# did not help; the backward similarity still counts through the global centrality.
FORWARD_WEIGHT = 0.35
BACKWARD_WEIGHT = 0.0
GLOBAL_WEIGHT = 0.2
LEAD_WEIGHT = 0.8
# Position (0-based, headlines not counted) at which the lead prior has halved.
LEAD_HALF_LIFE = 3.0
# A headline opening the text names the topic: similarity to it adds to a sentence's score.
# Not tunable on CNN/DailyMail (no headlines there); kept below the centrality weights.
TITLE_WEIGHT = 0.2


def rank(texts: list[str]) -> tuple[list[float], list[Vector]]:
    """Scores in 0..1 (the best sentence scores 1) and the tf-idf vectors used for them."""
    vectors = tfidf_vectors([terms(t) for t in texts])
    forward, backward = directed_centrality(vectors)
    forward, backward = _scaled(forward), _scaled(backward)
    title = _title_similarity(texts, vectors)
    raw = []
    position = 0
    for i, text in enumerate(texts):
        lead = 1.0 / (1.0 + position / LEAD_HALF_LIFE)
        position += not is_headline(text)
        central = (
            FORWARD_WEIGHT * forward[i]
            + BACKWARD_WEIGHT * backward[i]
            + GLOBAL_WEIGHT * (forward[i] + backward[i]) / 2
        )
        raw.append((central + LEAD_WEIGHT * lead + TITLE_WEIGHT * title[i]) * quality(text))
    return _scaled(raw), vectors


def _title_similarity(texts: list[str], vectors: list[Vector]) -> list[float]:
    """Similarity of each sentence to an opening headline (all zeros without one)."""
    if not texts or not is_headline(texts[0]):
        return [0.0] * len(texts)
    return _scaled([0.0] + [cosine(vectors[0], v) for v in vectors[1:]])


def _scaled(values: list[float]) -> list[float]:
    """Divide by the maximum so the top value is 1 (all zeros stay zeros)."""
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0 for _ in values]
