"""Centrality sums: linear-time window sums agree with comparing every pair."""
import math

import numpy as np
import pytest

from workers.stages.summary import centrality, similarity, vectors
from workers.stages.summary.centrality import degree, directed_centrality, window
from workers.stages.summary.vectors import SentenceVectors, cosine, overlap, term_matrix, terms, tfidf, tokens

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


@pytest.mark.parametrize("width", [60, 2])
def test_directed_centrality_matches_every_pair_inside_the_window(monkeypatch, width: int) -> None:
    monkeypatch.setattr(centrality, "WINDOW_SENTENCES", width)
    m = term_matrix(tokens(SENTENCES))
    values = tfidf(m)
    for got, want in zip(directed_centrality(window(m), values), brute_force(SentenceVectors(m, values), width)):
        assert list(got) == pytest.approx(want)


@pytest.mark.parametrize("width", [60, 2])
def test_degree_counts_both_sides_and_the_sentence_itself(monkeypatch, width: int) -> None:
    monkeypatch.setattr(centrality, "WINDOW_SENTENCES", width)
    m = term_matrix(tokens(SENTENCES))
    values = overlap(m)
    vecs = SentenceVectors(m, values)
    forward, backward = brute_force(vecs, width)
    want = [f + b + cosine(v, v) for f, b, v in zip(forward, backward, vecs)]
    assert list(degree(window(m), values)) == pytest.approx(want)


def test_the_off_topic_sentence_is_the_least_central() -> None:
    m = term_matrix(tokens(SENTENCES))
    assert int(np.argmin(degree(window(m), overlap(m)))) == 3


def test_tfidf_vectors_are_unit_length_and_count_each_stem() -> None:
    m = term_matrix(tokens(["The protesters and the protest drivers.", "Drivers protest, 2024."]))
    vecs = SentenceVectors(m, tfidf(m))
    assert [len(v) for v in vecs] == [2, 2]  # protest(ers) share a stem; "the", "and", "2024" do not count
    assert [cosine(v, v) for v in vecs] == pytest.approx([1.0, 1.0])


def test_short_documents_get_the_same_similarities_from_dense_matrices() -> None:
    t = tokens([*SENTENCES, "It is what it was.", "Yes."])  # no stem; one stem
    dense, sparse = similarity._dense(t), similarity._sparse(t)
    for name in ("forward", "backward", "textrank", "opening"):
        assert list(getattr(dense, name)) == pytest.approx(list(getattr(sparse, name))), name
    pairs = [(i, j) for i in range(t.sentences) for j in range(t.sentences)]
    assert [dense.cosine(i, j) for i, j in pairs] == pytest.approx([sparse.cosine(i, j) for i, j in pairs])


def test_documents_longer_than_the_window_take_the_sparse_sums(monkeypatch) -> None:
    monkeypatch.setattr(centrality, "WINDOW_SENTENCES", 2)
    found = similarity.similarities(tokens(SENTENCES))
    forward, backward = brute_force(SentenceVectors(*_tfidf(SENTENCES)), 2)
    assert list(found.forward) == pytest.approx(forward)
    assert list(found.backward) == pytest.approx(backward)


def _tfidf(texts):
    m = term_matrix(tokens(texts))
    return m, tfidf(m)


def test_overlap_vectors_approximate_textrank_similarity() -> None:
    a, b = terms(SENTENCES[1]), terms(SENTENCES[5])
    shared = sum(a.count(w) * b.count(w) for w in set(a))
    textrank = shared / (math.log(len(a)) + math.log(len(b)))
    m = term_matrix(tokens([SENTENCES[1], SENTENCES[5]]))
    va, vb = SentenceVectors(m, overlap(m))
    assert cosine(va, vb) == pytest.approx(textrank, rel=0.05)


@pytest.mark.parametrize(
    "sentence",
    [
        "'We're staying,' the mayor's aide said of the rock'n'roll club's U.S. plans.",
        "Rates rose 2.5% (from 1.9%) in Q3 -- the bank's fifth rise; see www.example.com/rates_2024.",
        "A quote '' between marks and an o'' odd pair, then ' alone.",
        "Ünïcode café’s owner said ‘no’ to the plan's £2m offer.",
    ],
)
def test_words_match_the_regular_expression_after_stripping_edge_apostrophes(sentence: str) -> None:
    want = vectors._WORD.findall(sentence.lower())
    got = [w for w in (w.strip("'") for w in vectors.words(sentence)) if w]
    assert got == want
