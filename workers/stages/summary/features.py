"""What the ranking knows of each sentence, and of the document as a whole."""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from workers.stages.summary.quality import quality
from workers.stages.summary.sentences import OPEN_QUOTES, is_headline
from workers.stages.summary.similarity import similarities
from workers.stages.summary.style import figures
from workers.stages.summary.vectors import tokens

# The names of a sentence's features, in the order of `Features.rows`.
NAMES = (
    "lead",          # 1 / (1 + position / LEAD_HALF_LIFE), headlines not counted
    "centrality",    # tf-idf similarity to the sentences after and before it, each side scaled
    "textrank",      # TextRank's weighted degree: shared words over log lengths, itself included
    "title",         # tf-idf similarity to an opening headline (0 without one)
    "length",        # words / LENGTH_CAP_WORDS, capped at 1
    "log_quality",   # log of the stand-alone quality factor (0 for a well-formed sentence)
    "quote_opening",  # 1 when the sentence opens with a quote mark
    "first",         # 1 for the first body sentence
    "long_central",  # length * textrank: long sentences that share much with the rest
)
# Position (0-based, headlines not counted) at which the lead feature has halved.
LEAD_HALF_LIFE = 3.0
# Sentences longer than this count as this long.
LENGTH_CAP_WORDS = 60


@dataclass(slots=True)
class Features:
    rows: list[tuple[float, ...]]  # one per sentence, values in the order of NAMES
    cosine: Callable[[int, int], float]  # tf-idf cosine of two sentences, for the redundancy check
    style: tuple[float, ...]  # the document's style figures, named in ``style.NAMES``


def features(texts: list[str]) -> Features:
    """Every sentence's features and the document's style figures, in linear time."""
    # Per-sentence arithmetic in plain Python: on a few dozen sentences each numpy call costs
    # more than the loop it replaces, most of all when the caches are cold between documents.
    words_of = tokens(texts)
    found = similarities(words_of)
    forward, backward, textrank = scaled(found.forward), scaled(found.backward), scaled(found.textrank)
    title = scaled(found.opening) if is_headline(texts[0]) else [0.0] * len(texts)
    split = [t.split() for t in texts]
    words = [len(w) for w in split]
    rows = []
    central = [(f + b) / 2 for f, b in zip(forward, backward)]
    position, first = 0, -1
    for i, text in enumerate(texts):
        headline = is_headline(text)
        if first < 0 and not headline:
            first = i
        length = min(words[i], LENGTH_CAP_WORDS) / LENGTH_CAP_WORDS
        rows.append((
            1.0 / (1.0 + position / LEAD_HALF_LIFE), central[i], textrank[i],
            title[i], length, math.log(quality(text, split[i])), float(text[0] in OPEN_QUOTES),
            float(i == first), length * textrank[i],
        ))
        position += not headline
    vocabulary = words_of.distinct / math.sqrt(max(len(words_of.keys), 1))
    return Features(rows, found.cosine, figures(texts, split, textrank, central, max(first, 0), vocabulary))


def scaled(values: list[float]) -> list[float]:
    """Divide by the maximum so the top value is 1 (all zeros stay zeros)."""
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0 for _ in values]
