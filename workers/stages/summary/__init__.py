"""Extractive summary: the sentences that best summarise a document, verbatim, in document order.

1. Sentences (``sentences``): segment the text with exact offsets; tell headlines from body.
2. Features (``features``): per sentence its lead position, its tf-idf centrality towards each
   side and its TextRank degree, shared words over log lengths (``vectors``, ``centrality``),
   its similarity to an opening headline, its length and how fit it is to stand alone
   (``quality``: fragments, bylines, captions and bare quotes are demoted); per document a few
   style figures (sentence count and length).
3. Rank (``ranking``): a log-linear score of the features whose weights lean from those that
   suit a story told from the top towards those that suit one told around its centre, as far
   as the document's style estimate (``style``) says; scaled so the best sentence scores 1.
4. Select (``selection``): greedy maximal marginal relevance, so the picks do not repeat each
   other, within the sentence count and the character budget; returned in document order.
"""
from __future__ import annotations

import logging
import math

from workers.stages.acyclic import acyclic
from workers.stages.summary.ranking import rank
from workers.stages.summary.result import EmptyDocument, Summary, SummarySentence
from workers.stages.summary.selection import select
from workers.stages.summary.sentences import bounds

__all__ = ["EmptyDocument", "Summary", "SummarySentence", "summarise"]

LOGGER = logging.getLogger(__name__)


@acyclic
def summarise(
    text: str, sentences: int = 3, *, ratio: float | None = None, max_chars: int | None = None
) -> Summary:
    """Pick `sentences` sentences (or ceil(ratio * n)), at most `max_chars` long in total."""
    _check_options(sentences, ratio, max_chars)
    found = bounds(text)
    if not found:
        raise EmptyDocument("The document has no text to summarise.")
    texts = [text[start:end] for start, end in found]
    k = math.ceil(ratio * len(texts)) if ratio is not None else sentences
    scores, cosine = rank(texts)
    picked = select(scores, cosine, [len(t) for t in texts], k, max_chars)
    chosen = [SummarySentence(texts[i], *found[i], scores[i]) for i in picked]
    LOGGER.debug("summarised %d sentences into %d", len(texts), len(chosen))
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
