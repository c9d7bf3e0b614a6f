"""Directed centrality: how much of the document a sentence shares, towards each side."""
from __future__ import annotations

from workers.stages.summary.vectors import Vector

# Each sentence is compared with this many neighbours on each side; the sliding window sums
# keep the cost linear whatever the width, and news articles fit inside it.
WINDOW_SENTENCES = 60


def directed_centrality(vectors: list[Vector]) -> tuple[list[float], list[float]]:
    """Per sentence, its summed similarity to the following and to the preceding sentences."""
    window = WINDOW_SENTENCES
    forward = _window_sums(vectors[::-1], window)[::-1]
    backward = _window_sums(vectors, window)
    return forward, backward


def _window_sums(vectors: list[Vector], window: int) -> list[float]:
    """Dot product of each vector with the sum of the `window` vectors before it."""
    total: dict[str, float] = {}
    out = []
    for i, vec in enumerate(vectors):
        out.append(sum(w * total.get(t, 0.0) for t, w in vec.items()))
        _add(total, vec, 1.0)
        if i >= window:
            _add(total, vectors[i - window], -1.0)
    return out


def _add(total: dict[str, float], vec: Vector, sign: float) -> None:
    for t, w in vec.items():
        value = total.get(t, 0.0) + sign * w
        if abs(value) < 1e-12:
            total.pop(t, None)
        else:
            total[t] = value
