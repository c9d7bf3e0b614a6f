"""Extractive summary: the sentences that best summarise a document, verbatim, in order.

1. Segment the text into sentences (``workers.stages.text``).
2. Score each sentence: its centrality (similarity to the sentences around it, the sums towards
   later and earlier sentences scaled apart) blended equally with a lead prior, times a quality
   factor that demotes fragments, bylines, captions and bare quotes.
3. Pick greedily with maximal marginal relevance so the picks do not repeat each other,
   within the sentence count and the character budget; return them in document order.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from workers.stages.summary_rank import rank
from workers.stages.summary_select import select
from workers.stages.text import sentences as split_sentences

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class SummarySentence:
    text: str  # == source[start:end]
    start: int
    end: int
    score: float  # 0..1, higher is more central/important


@dataclass(slots=True)
class Summary:
    sentences: list[SummarySentence]  # document order
    text: str  # the picked sentences joined with a space


class EmptyDocument(ValueError):
    """Raised when there is no sentence to summarise."""


def summarise(
    text: str, sentences: int = 3, *, ratio: float | None = None, max_chars: int | None = None
) -> Summary:
    """Pick `sentences` sentences (or ceil(ratio * n)), at most `max_chars` long in total."""
    _check_options(sentences, ratio, max_chars)
    spans = split_sentences(text)
    if not spans:
        raise EmptyDocument("The document has no text to summarise.")
    k = math.ceil(ratio * len(spans)) if ratio is not None else sentences
    scores, vectors = rank([s.text for s in spans])
    picked = select(scores, vectors, [len(s.text) for s in spans], k, max_chars)
    chosen = [
        SummarySentence(spans[i].text, spans[i].start, spans[i].end, scores[i]) for i in picked
    ]
    LOGGER.debug("summarised %d sentences into %d", len(spans), len(chosen))
    return Summary(chosen, " ".join(s.text for s in chosen))


def _check_options(sentences: int, ratio: float | None, max_chars: int | None) -> None:
    if isinstance(sentences, bool) or not isinstance(sentences, int) or sentences < 1:
        raise ValueError(f"sentences must be a whole number of at least 1, not {sentences!r}.")
    if ratio is not None and (
        isinstance(ratio, bool) or not isinstance(ratio, (int, float)) or not 0 < ratio <= 1
    ):
        raise ValueError(f"ratio must be a number above 0 and at most 1, not {ratio!r}.")
    if max_chars is not None and (
        isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1
    ):
        raise ValueError(f"max_chars must be a whole number of at least 1, not {max_chars!r}.")
