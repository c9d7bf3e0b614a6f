"""Centrality: how much of the document a sentence shares, towards each side and in all."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workers.stages.summary.vectors import TermMatrix

# Each sentence is compared with this many neighbours on each side; the sums run over running
# totals per term, so the cost stays linear whatever the width, and news articles fit inside it.
WINDOW_SENTENCES = 60


@dataclass(slots=True)
class Window:
    """The entries of a term matrix ordered by term, then sentence, and for each entry the range
    of entries of the same term in the sentences within the window around it."""

    sentences: int
    order: np.ndarray  # entry indices in (term, sentence) order
    row: np.ndarray  # sentence of each entry, in that order
    first: np.ndarray  # first entry of the same term at most WINDOW_SENTENCES sentences back
    last: np.ndarray  # one past the last entry of the same term at most WINDOW_SENTENCES ahead


def window(m: TermMatrix) -> Window:
    """Where each entry's neighbours in the window are, shared by every kind of vector value."""
    n, width = m.sentences, WINDOW_SENTENCES
    key = m.term * n + m.row
    order = key.argsort()
    key, row = key[order], m.row[order]
    first = key.searchsorted(key - row + np.maximum(row - width, 0))
    last = key.searchsorted(key - row + np.minimum(row + width, n - 1), side="right")
    return Window(n, order, row, first, last)


def directed_centrality(w: Window, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence, its summed similarity to the following and to the preceding sentences.

    `values` are the entries of the term matrix as vector values: the dot product of two
    sentences' vectors is the sum over their shared terms of the products of their values, so
    a sentence's sum towards one side is its values times running totals of each term's values.
    """
    value = values[w.order]
    running = np.concatenate(([0.0], value.cumsum()))
    backward = value * (running[:-1] - running[w.first])
    forward = value * (running[w.last] - running[1:])
    return (
        np.maximum(np.bincount(w.row, forward, minlength=w.sentences), 0.0),
        np.maximum(np.bincount(w.row, backward, minlength=w.sentences), 0.0),
    )


def degree(w: Window, values: np.ndarray) -> np.ndarray:
    """Per sentence, its summed similarity to every sentence in the window, itself included.

    With TextRank's similarity this stands in for its PageRank: on an undirected graph an undamped
    walk visits each sentence in proportion to its weighted degree, and TextRank's damping only
    evens the scores out a little.
    """
    forward, backward = directed_centrality(w, values)
    value = values[w.order]
    return forward + backward + np.bincount(w.row, value * value, minlength=w.sentences)
