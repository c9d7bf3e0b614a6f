"""Centrality sums: linear-time window sums agree with comparing every pair."""
import math
from collections import Counter

import pytest

from workers.stages.summary import centrality
from workers.stages.summary.centrality import degree, directed_centrality
from workers.stages.summary.vectors import cosine, overlap_vectors, terms, tfidf_vectors

SENTENCES = [
    "The council approved a new budget for the city on Tuesday night.",
    "The budget cuts bus services across the city from next spring.",
    "Bus drivers said the cuts to services would cost jobs.",
    "A rare orchid bloomed at the botanic garden for the first time in forty years.",
    "The council said the city budget had a gap of twelve million pounds.",
    "Drivers and passengers will protest against the bus cuts on Saturday.",
]


def brute_force(vectors, window):
    n = len(vectors)
    forward = [sum(cosine(vectors[i], vectors[j]) for j in range(i + 1, min(n, i + window + 1))) for i in range(n)]
    backward = [sum(cosine(vectors[i], vectors[j]) for j in range(max(0, i - window), i)) for i in range(n)]
    return forward, backward


@pytest.mark.parametrize("window", [60, 2])
def test_directed_centrality_matches_every_pair_inside_the_window(monkeypatch, window: int) -> None:
    monkeypatch.setattr(centrality, "WINDOW_SENTENCES", window)
    vectors = tfidf_vectors([Counter(terms(s)) for s in SENTENCES])
    for got, want in zip(directed_centrality(vectors), brute_force(vectors, window)):
        assert got == pytest.approx(want)


@pytest.mark.parametrize("window", [60, 2])
def test_degree_counts_both_sides_and_the_sentence_itself(monkeypatch, window: int) -> None:
    monkeypatch.setattr(centrality, "WINDOW_SENTENCES", window)
    vectors = overlap_vectors([Counter(terms(s)) for s in SENTENCES])
    forward, backward = brute_force(vectors, window)
    want = [f + b + cosine(v, v) for f, b, v in zip(forward, backward, vectors)]
    assert degree(vectors) == pytest.approx(want)


def test_the_off_topic_sentence_is_the_least_central() -> None:
    scores = degree(overlap_vectors([Counter(terms(s)) for s in SENTENCES]))
    assert scores.index(min(scores)) == 3


def test_overlap_vectors_approximate_textrank_similarity() -> None:
    a, b = terms(SENTENCES[1]), terms(SENTENCES[5])
    shared = sum(a.count(w) * b.count(w) for w in set(a))
    textrank = shared / (math.log(len(a)) + math.log(len(b)))
    va, vb = overlap_vectors([Counter(a), Counter(b)])
    assert cosine(va, vb) == pytest.approx(textrank, rel=0.05)
