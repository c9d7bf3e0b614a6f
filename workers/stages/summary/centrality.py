"""Centrality: how much of the document a sentence shares, towards each side and in all."""
from __future__ import annotations

from workers.stages.summary.vectors import Vector

# Each sentence is compared with this many neighbours on each side; the sliding window sums
# keep the cost linear whatever the width, and news articles fit inside it.
WINDOW_SENTENCES = 60


def directed_centrality(vectors: list[Vector]) -> tuple[list[float], list[float]]:
    """Per sentence, its summed similarity to the following and to the preceding sentences."""
    backward, total = _window_sums(vectors, WINDOW_SENTENCES)
    if len(vectors) <= WINDOW_SENTENCES:
        # Every pair is inside the window, so `total` sums every vector: what a sentence does
        # not share backwards or with itself it shares forwards.
        forward = [
            max(0.0, _dot(vec, total) - back - _norm2(vec)) for vec, back in zip(vectors, backward)
        ]
    else:
        forward = _window_sums(vectors[::-1], WINDOW_SENTENCES)[0][::-1]
    return forward, backward


def degree(vectors: list[Vector]) -> list[float]:
    """Per sentence, its summed similarity to every sentence in the window, itself included.

    With TextRank's similarity this stands in for its PageRank: on an undirected graph an undamped
    walk visits each sentence in proportion to its weighted degree, and TextRank's damping only
    evens the scores out a little.
    """
    if len(vectors) <= WINDOW_SENTENCES:
        total: Vector = {}
        for vec in vectors:
            _add(total, vec, 1.0)
        return [_dot(vec, total) for vec in vectors]
    forward, backward = directed_centrality(vectors)
    return [f + b + _norm2(v) for f, b, v in zip(forward, backward, vectors)]


def _window_sums(vectors: list[Vector], window: int) -> tuple[list[float], Vector]:
    """Dot product of each vector with the sum of the `window` vectors before it; the last sum."""
    total: dict[str, float] = {}
    out = []
    for i, vec in enumerate(vectors):
        out.append(_dot(vec, total))
        _add(total, vec, 1.0)
        if i >= window:
            _add(total, vectors[i - window], -1.0)
    return out, total


def _dot(vec: Vector, other: Vector) -> float:
    get = other.get
    return sum([w * get(t, 0.0) for t, w in vec.items()])


def _norm2(vec: Vector) -> float:
    return sum([w * w for w in vec.values()])


def _add(total: dict[str, float], vec: Vector, sign: float) -> None:
    get = total.get
    for t, w in vec.items():
        total[t] = get(t, 0.0) + sign * w
