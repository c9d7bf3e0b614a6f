"""Fit the summariser's ranking weights on the dev sets, and show how well the fit carries over.

Run from the project root:  .venv/bin/python bench/fit_summary.py [--halves 5] [--iterations 800]
1. splits and featurises every article of cnndm-dev-large and bbc-dev with the stage's own code
   (bbc-dev also with its paragraph breaks replaced by spaces, scored but never fitted on);
2. fits the style estimate: a logistic model telling the two kinds of article apart from the
   document figures of ``features.Features.style``;
3. searches the ranking weights (random local steps from the committed ones) for the highest
   bbc-dev R1 while cnndm-dev-large R1 stays at or above ``--floor``;
4. repeats 2-3 on random halves — fit on one half of each set, score the other — and prints the
   spread; then prints the constants to commit in workers/stages/summary/{style,ranking}.py.
R1 here is rouge-score's ROUGE-1 F1 with its stemmer and the stage's MMR pick of 3 sentences,
the same figure as ../shared/bench/summaries/score_summaries.py gives.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import astuple, dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from workers.stages.summary.features import NAMES as FEATURE_NAMES  # noqa: E402
GOLD = ROOT.parent / "shared" / "bench" / "summaries"
K = 3
# Lowest weight of the stand-alone quality factor the search may give either style: below it a
# headline or byline can top a short article (tests/unit/summary/test_ranking.py).
MIN_QUALITY_WEIGHT = 0.8


@dataclass
class Doc:
    rows: np.ndarray  # sentences x features
    style: np.ndarray  # document figures
    cos: np.ndarray  # sentence x sentence tf-idf cosine, for MMR
    tokens: np.ndarray  # sentence x vocabulary ROUGE token counts
    ref: np.ndarray  # vocabulary ROUGE token counts of the reference


def load(name: str, flat: bool = False) -> list[Doc]:
    from rouge_score import rouge_scorer

    from workers.stages.summary.features import features
    from workers.stages.summary.sentences import split

    tokenize = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer.tokenize
    docs = []
    for line in (GOLD / f"{name}.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        text = re.sub(r"\s*\n\s*", " ", record["text"]) if flat else record["text"]
        texts = [s.text for s in split(text)]
        found = features(texts)
        vocab: dict[str, int] = {}
        counts = [[vocab.setdefault(t, len(vocab)) for t in tokenize(s)] for s in texts]
        ref_ids = [vocab.setdefault(t, len(vocab)) for t in tokenize(record["reference"].replace(" . ", " .\n"))]
        tokens = np.zeros((len(texts), len(vocab)))
        for i, ids in enumerate(counts):
            np.add.at(tokens[i], ids, 1)
        ref = np.zeros(len(vocab))
        np.add.at(ref, ref_ids, 1)
        n = len(texts)
        cos = np.array([[found.cosine(i, j) for j in range(n)] for i in range(n)])
        docs.append(Doc(np.array(found.rows), np.array(found.style), cos, tokens, ref))
    return docs


def r1(docs: list[Doc], weights: np.ndarray, shift: np.ndarray, style: "Style") -> float:
    """Mean ROUGE-1 F1 (x100) of the 3 sentences the ranking and MMR pick."""
    from workers.stages.summary.selection import REDUNDANCY

    total = 0.0
    for d in docs:
        w = weights + style.estimate(d.style) * shift
        raw = np.exp(d.rows @ w)
        s = raw / raw.max()
        picked: list[int] = []
        value = s.copy()
        for _ in range(min(K, len(s))):
            i = int(np.argmax(value))
            picked.append(i)
            value = s - REDUNDANCY * d.cos[:, picked].max(axis=1)
            value[picked] = -np.inf
        got = d.tokens[picked].sum(axis=0)
        overlap = np.minimum(got, d.ref).sum()
        if overlap:
            p, r = overlap / got.sum(), overlap / d.ref.sum()
            total += 2 * p * r / (p + r)
    return 100 * total / len(docs)


@dataclass
class Style:
    mean: np.ndarray
    spread: np.ndarray
    weights: np.ndarray
    bias: float

    def estimate(self, figures: np.ndarray) -> float:
        z = self.bias + ((figures - self.mean) / self.spread) @ self.weights
        return float(1 / (1 + np.exp(-z)))


def fit_style(lead: list[Doc], centred: list[Doc]) -> Style:
    """Logistic regression, classes weighed equally: 0 for lead-style sets, 1 for centred ones."""
    x = np.array([d.style for d in lead + centred])
    y = np.array([0.0] * len(lead) + [1.0] * len(centred))
    mean, spread = x.mean(axis=0), x.std(axis=0)
    z = (x - mean) / spread
    balance = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(3000):
        g = (1 / (1 + np.exp(-(z @ w + b))) - y) * balance
        w -= 0.2 * z.T @ g / len(y)
        b -= 0.2 * g.mean()
    return Style(mean, spread, w, b)


def sharpen(style: Style, factor: float) -> Style:
    """The same model with its log-odds scaled: estimates pushed towards 0 and 1."""
    return Style(style.mean, style.spread, style.weights * factor, style.bias * factor)


def fit_weights(lead: list[Doc], centred: list[Doc], style: Style, start: tuple[np.ndarray, np.ndarray],
                floor: float, iterations: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Random local search for the best centred-set R1 with the lead-set R1 held at ``floor``."""
    rng = np.random.default_rng(seed)

    quality = FEATURE_NAMES.index("log_quality")

    def objective(w: np.ndarray, s: np.ndarray) -> float:
        if min(w[quality], w[quality] + s[quality]) < MIN_QUALITY_WEIGHT:
            return -np.inf  # bylines, captions and headlines must stay demoted in either style
        return r1(centred, w, s, style) - 10 * max(0.0, floor - r1(lead, w, s, style))

    best = (start[0].copy(), start[1].copy())
    best_j = objective(*best)
    n = len(best[0])
    for _ in range(iterations):
        theta = np.concatenate(best)
        picks = rng.choice(2 * n, size=rng.integers(1, 4), replace=False)
        theta[picks] += rng.normal(0, 0.3, size=len(picks))
        candidate = (theta[:n], theta[n:])
        j = objective(*candidate)
        if j > best_j:
            best, best_j = candidate, j
    return best


def committed() -> tuple[Style, tuple[np.ndarray, np.ndarray]]:
    from workers.stages.summary import ranking, style

    # Figures the committed model has no weight for yet (new ones) count for nothing.
    k = len(style.figures(["A."], np.ones(1), np.ones(1), np.ones(1, dtype=bool)))
    pad = k - len(style.STYLE_MEAN)
    s = Style(np.r_[style.STYLE_MEAN, np.zeros(pad)], np.r_[style.STYLE_SPREAD, np.ones(pad)],
              np.r_[style.STYLE_WEIGHTS, np.zeros(pad)], style.STYLE_BIAS)
    return s, (np.array(astuple(ranking.LEAD_STORY)), np.array(astuple(ranking.CENTRED_SHIFT)))


def neutral(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Lead, centrality, TextRank and the quality factor weighed 1 each, nothing else."""
    w = np.zeros(n)
    w[:3] = 1.0
    w[FEATURE_NAMES.index("log_quality")] = 1.0  # at least MIN_QUALITY_WEIGHT, or no step is taken
    return w, np.zeros(n)


def halves(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Indices of a random half of n items, and of the other half."""
    order = rng.permutation(n)
    return order[: n // 2], order[n // 2 :]


def pick(docs: list[Doc], indices: np.ndarray) -> list[Doc]:
    return [docs[i] for i in indices]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--halves", type=int, default=5)
    ap.add_argument("--iterations", type=int, default=800)
    ap.add_argument("--floor", type=float, default=41.6, help="lowest cnndm-dev-large R1 accepted")
    ap.add_argument("--sharpness", type=float, default=1.0,
                    help="multiply the fitted style model's weights and bias: a sharper switch between the styles")
    ap.add_argument("--start", choices=["neutral", "committed"], default="neutral",
                    help="search from lead, centrality and TextRank weighed 1 each, or from the committed weights")
    args = ap.parse_args()
    cnn, bbc, flat = load("cnndm-dev-large"), load("bbc-dev"), load("bbc-dev", flat=True)
    style, weights = committed()
    report("committed", style, weights, cnn, bbc, flat)
    start = weights if args.start == "committed" else neutral(len(weights[0]))

    print("\n== random halves: fit on one half of each set, score the other ==", flush=True)
    rng = np.random.default_rng(0)
    for h in range(args.halves):
        cnn_fit, cnn_test = (pick(cnn, i) for i in halves(len(cnn), rng))
        fit_idx, test_idx = halves(len(bbc), rng)
        bbc_fit, bbc_test, flat_fit, flat_test = (pick(d, i) for d in (bbc, flat) for i in (fit_idx, test_idx))
        s = sharpen(fit_style(cnn_fit, bbc_fit), args.sharpness)
        w = fit_weights(cnn_fit, bbc_fit, s, start, args.floor, args.iterations, seed=h)
        report(f"half {h} fit", s, w, cnn_fit, bbc_fit, flat_fit)
        report(f"half {h} held out", s, w, cnn_test, bbc_test, flat_test)

    print("\n== fit on everything ==", flush=True)
    s = sharpen(fit_style(cnn, bbc), args.sharpness)
    w = fit_weights(cnn, bbc, s, start, args.floor, args.iterations, seed=99)
    report("full fit", s, w, cnn, bbc, flat)
    for name, values in (("STYLE_MEAN", np.round(s.mean, 4)), ("STYLE_SPREAD", np.round(s.spread, 4)),
                         ("STYLE_WEIGHTS", np.round(s.weights, 3)), ("LEAD_STORY", np.round(w[0], 2)),
                         ("CENTRED_SHIFT", np.round(w[1], 2))):
        print(f"{name} = {tuple(values.tolist())}")
    print(f"STYLE_BIAS = {round(float(s.bias), 3)}")


def report(label: str, style: Style, w: tuple[np.ndarray, np.ndarray], cnn: list[Doc], bbc: list[Doc],
           flat: list[Doc]) -> None:
    figures = [r1(docs, *w, style) for docs in (cnn, bbc, flat)]
    print(f"{label:<18} cnndm-dev-large R1 {figures[0]:.2f}  bbc-dev R1 {figures[1]:.2f}  "
          f"bbc-dev without paragraph breaks R1 {figures[2]:.2f}", flush=True)


if __name__ == "__main__":
    main()
