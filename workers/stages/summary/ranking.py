"""Sentence scores: a log-linear model of the sentence features, its weights set by the style."""
from __future__ import annotations

from dataclasses import astuple, dataclass

import math

from workers.stages.summary.features import features, scaled
from workers.stages.summary.style import centrality_style
from collections.abc import Callable


@dataclass(frozen=True, slots=True)
class Weights:
    """One weight per feature of ``features.NAMES``, in that order."""

    lead: float
    centrality: float
    textrank: float
    title: float
    length: float
    log_quality: float
    quote_opening: float
    first: float
    long_central: float


# A sentence scores exp(sum of weight * feature). The weights are LEAD_STORY's for a document
# whose style estimate is 0, plus CENTRED_SHIFT times the estimate. Chosen by
# `bench/fit_summary.py --start neutral --sharpness 3` (highest bbc-dev R1 with cnndm-dev-large
# R1 held at 41.6, the quality weight at least 0.8 in either style, the style model's log-odds
# tripled): cnndm-dev-large R1 41.60, bbc-dev 56.18, bbc-dev without paragraph breaks 56.22
# (four style figures and no sharpening: 41.55, 55.16, 55.12). Fitted on random halves and
# scored on the other halves the same search gives cnndm-dev-large 40.56-41.52 and bbc-dev
# 52.12-55.55 (four figures: 40.68-41.69, 53.34-54.80): the search itself varies more than the
# better estimate gains. The two styles pull apart mostly on length: CNN/DailyMail highlights
# are short, so long sentences cost precision there, while BBC references hold ~40% of the
# article, so long central sentences are what they share.
LEAD_STORY = Weights(1.77, 1.61, 0.79, 0.07, -0.43, 0.89, 0.19, -0.74, -0.91)
CENTRED_SHIFT = Weights(0.08, 0.93, 0.63, 0.68, 0.32, 0.02, 0.27, -0.15, 0.31)


def rank(texts: list[str]) -> tuple[list[float], Callable[[int, int], float]]:
    """Scores in 0..1 (the best sentence scores 1) and the tf-idf cosine of two sentences."""
    found = features(texts)
    weights = blend(centrality_style(found.style))
    return scaled([math.exp(sum(w * x for w, x in zip(weights, row))) for row in found.rows]), found.cosine


def blend(style: float) -> tuple[float, ...]:
    """The weights for a document of this style estimate."""
    return tuple(a + style * b for a, b in zip(_LEAD, _SHIFT))


_LEAD, _SHIFT = astuple(LEAD_STORY), astuple(CENTRED_SHIFT)
