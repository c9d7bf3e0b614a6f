"""How much each sentence shares with the others: tf-idf cosines and TextRank's overlap.

A document that fits in one window (most news articles) is handled with dense sentence-by-stem
matrices and one matrix product, a few dozen numpy calls in all; a longer one with the sparse
running sums of ``centrality``, which stay linear. Both give the same figures.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from workers.stages.summary import centrality
from workers.stages.summary.vectors import (
    SentenceVectors,
    Tokens,
    cosine,
    count_matrix,
    overlap,
    overlap_scale,
    term_matrix,
    tfidf,
)


@dataclass(slots=True)
class Similarities:
    forward: list[float]  # summed tf-idf cosine to the following sentences in the window
    backward: list[float]  # ... and to the preceding ones
    textrank: list[float]  # TextRank's weighted degree in the window, the sentence itself included
    opening: list[float]  # tf-idf cosine to the first sentence (0 for the first itself)
    cosine: Callable[[int, int], float]  # tf-idf cosine of two sentences


def similarities(t: Tokens) -> Similarities:
    """Every sentence's similarity sums within the window, and a cosine for any two sentences."""
    if t.sentences <= centrality.WINDOW_SENTENCES:
        return _dense(t)
    return _sparse(t)


def _dense(t: Tokens) -> Similarities:
    # No matrix products: numpy hands those to a threaded BLAS, which costs more than it saves
    # on matrices this small and competes for the cores with the other workers.
    counts = count_matrix(t)
    present = counts > 0
    df = np.add.reduce(present, axis=0)  # every stem occurs somewhere, so df >= 1
    # 1 + log(count) where a stem occurs, 0 where it does not
    weight = (np.log(counts + ~present) + present) * np.log((t.sentences + 1) / df)
    norm = np.sqrt(np.add.reduce(weight * weight, axis=1))
    unit = weight / np.maximum(norm, 1e-300)[:, None]  # a sentence without stems stays all zero
    upto = unit.cumsum(axis=0)  # the sum of each sentence's vector and those before it
    scaled = counts * overlap_scale(np.add.reduce(counts, axis=1))[:, None]
    opening = np.add.reduce(unit * unit[0], axis=1)
    opening[0] = 0.0
    return Similarities(
        forward=np.maximum(np.add.reduce(unit * (upto[-1] - upto), axis=1), 0.0).tolist(),
        backward=np.maximum(np.add.reduce(unit * (upto - unit), axis=1), 0.0).tolist(),
        textrank=np.add.reduce(scaled * np.add.reduce(scaled, axis=0), axis=1).tolist(),
        opening=opening.tolist(),
        cosine=_DenseCosine(unit),
    )


class _DenseCosine:
    """Cosines of sentences with a few others: one row of cosines per sentence asked about."""

    def __init__(self, unit: np.ndarray) -> None:
        self._unit = unit
        self._rows: dict[int, list[float]] = {}

    def __call__(self, i: int, j: int) -> float:
        row = self._rows.get(j)
        if row is None:
            row = self._rows[j] = np.add.reduce(self._unit * self._unit[j], axis=1).tolist()
        return row[i]


def _sparse(t: Tokens) -> Similarities:
    m = term_matrix(t)
    values, around = tfidf(m), centrality.window(m)
    forward, backward = centrality.directed_centrality(around, values)
    opening = np.zeros(m.terms)
    first = m.row == 0
    opening[m.term[first]] = values[first]
    to_opening = np.bincount(m.row, values * opening[m.term], minlength=m.sentences)
    to_opening[0] = 0.0
    vectors = SentenceVectors(m, values)
    return Similarities(
        forward=forward.tolist(),
        backward=backward.tolist(),
        textrank=centrality.degree(around, overlap(m)).tolist(),
        opening=to_opening.tolist(),
        cosine=lambda i, j: cosine(vectors[i], vectors[j]),
    )
