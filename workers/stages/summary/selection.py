"""Greedy maximal-marginal-relevance pick of summary sentences under a count and size budget."""
from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable

# Weight of the similarity to an already picked sentence subtracted from a candidate's score
# (MMR). 0.8 let two near-duplicate lead sentences ("X will be confirmed ...", "X will confirm
# ...") stop sharing a summary without hurting ROUGE on the CNN/DailyMail dev set.
REDUNDANCY = 0.8
# A candidate this similar to a pick (tf-idf cosine) says the same thing again: it comes after
# every other candidate, whatever its score. MMR alone does not keep such a pair apart when the
# scores are steep (a story told around its centre scores its central sentences far above the
# rest); on the dev sets a cap from 0.5 to 0.7 changed no R1 by more than 0.02.
NEAR_DUPLICATE = 0.6
# A candidate is compared with the first picks and with the nearest picks on either side, so a
# large ratio summary of a long document stays linear; repetition is mostly local or in the top
# picks (with the default three sentences every pick is compared with every other).
GLOBAL_PICKS = 5
NEAR_PICKS = 2


def select(
    scores: list[float], cosine: Callable[[int, int], float], lengths: list[int], k: int, max_chars: int | None
) -> list[int]:
    """Indices (document order) of up to k high-scoring, non-redundant sentences."""
    picked: list[int] = []
    positions: list[int] = []
    heap = [(-s, i, 0) for i, s in enumerate(scores)]
    heapq.heapify(heap)
    used = -1  # joined length so far, counting the spaces between sentences
    first = heap[0][1] if heap else None
    while heap and len(picked) < k:
        neg, i, seen = heapq.heappop(heap)
        if seen != len(picked):
            similarity = _max_similarity(i, cosine, picked, positions)
            value = scores[i] - REDUNDANCY * similarity - (similarity > NEAR_DUPLICATE)
            heapq.heappush(heap, (-value, i, len(picked)))
            continue
        if max_chars is not None and used + 1 + lengths[i] > max_chars:
            continue
        used += 1 + lengths[i]
        picked.append(i)
        bisect.insort(positions, i)
    if not picked and first is not None:
        picked.append(first)  # the budget is smaller than any sentence: still give the best one
    return sorted(picked)


def _max_similarity(i: int, cosine: Callable[[int, int], float], picked: list[int], positions: list[int]) -> float:
    at = bisect.bisect_left(positions, i)
    near = positions[max(0, at - NEAR_PICKS) : at + NEAR_PICKS]
    others = set(picked[:GLOBAL_PICKS]).union(near)
    return max((cosine(i, j) for j in others), default=0.0)
