"""Fit the summariser's ranking weights on the dev sets, and show how well the fit carries over.

Run from the project root:  .venv/bin/python bench/fit_summary.py [--halves 5] [--iterations 1500]
1. splits and featurises every article of cnndm-dev-large and bbc-dev with the stage's own code
   (bbc-dev also with its paragraph breaks replaced by spaces, scored but never fitted on);
2. fits the style estimate: a logistic model telling the two kinds of article apart from the
   document figures of ``features.Features.style``;
3. searches the two ranking weight sets, lead story and centred story, whose sentence scores
   are mixed by the style estimate, and with --search-bias the style model's bias too (random
   local steps, from lead, centrality, TextRank and the quality factor weighed 1 each; each set
   first alone on its own kind of article) for the highest bbc-dev R1 while cnndm-dev-large R1 stays at or above
   ``--floor``;
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


def r1(docs: list[Doc], lead: np.ndarray, centred: np.ndarray, style: "Style") -> float:
    """Mean ROUGE-1 F1 (x100) of the 3 sentences the mixed ranking and MMR pick."""
    return float(np.mean([doc_r1(d, mixed(d, lead, centred, style.estimate(d.style))) for d in docs]))


def scores(d: Doc, weights: np.ndarray) -> np.ndarray:
    raw = np.exp(d.rows @ weights)
    return raw / raw.max()


def mixed(d: Doc, lead: np.ndarray, centred: np.ndarray, p: float) -> np.ndarray:
    return mixed_scores(scores(d, lead), scores(d, centred), p)


def doc_r1(d: Doc, s: np.ndarray) -> float:
    """ROUGE-1 F1 (x100) of the sentences MMR picks by scores `s`."""
    from workers.stages.summary.selection import NEAR_DUPLICATE, REDUNDANCY

    picked: list[int] = []
    value = s.copy()
    for _ in range(min(K, len(s))):
        i = int(np.argmax(value))
        picked.append(i)
        similarity = d.cos[:, picked].max(axis=1)
        value = s - REDUNDANCY * similarity - (similarity > NEAR_DUPLICATE)
        value[picked] = -np.inf
    return picked_r1(d, picked)


def picked_r1(d: Doc, picked: list[int]) -> float:
    """ROUGE-1 F1 (x100) of the sentences `picked`."""
    got = d.tokens[picked].sum(axis=0)
    overlap = np.minimum(got, d.ref).sum()
    if not overlap:
        return 0.0
    p, r = overlap / got.sum(), overlap / d.ref.sum()
    return 100 * 2 * p * r / (p + r)


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
                floor: float, iterations: int, seed: int, search_bias: bool = True,
                ) -> tuple[tuple[np.ndarray, np.ndarray], Style]:
    """Random local search for the best centred-set R1 with the lead-set R1 held at ``floor``.

    First each weight set alone on its own kind of article (a quarter of the iterations each),
    then both together: each step moves one or more weights of one set (two steps in five), or
    the style model's bias (where the switch sits: a centred article taken for a lead story
    costs more R1 than the reverse). The other set's scores stay fixed meanwhile, so they are
    computed once.
    """
    rng = np.random.default_rng(seed)
    best = [alone(lead, start[0], iterations // 4, rng), alone(centred, start[1], iterations // 4, rng)]
    docs = lead + centred
    bias = style.bias
    cached = [[scores(d, w) for d in docs] for w in best]

    def estimates(b: float) -> np.ndarray:
        return np.array([Style(style.mean, style.spread, style.weights, b).estimate(d.style) for d in docs])

    def objective(r: np.ndarray) -> float:
        return r[len(lead):].mean() - 10 * max(0.0, floor - r[: len(lead)].mean())

    p = estimates(bias)
    current = np.array([doc_r1(d, mixed_scores(a, b, pd)) for d, a, b, pd in zip(docs, *cached, p)])
    best_j = objective(current)
    quality = FEATURE_NAMES.index("log_quality")
    for _ in range(iterations):
        moved = int(rng.integers(5))  # 0, 1: a weight set; 2-4: the bias (cheap: no exp to redo)
        if moved >= 2 and not search_bias:
            continue  # so a fixed bias leaves the weight sets the same number of steps
        if moved >= 2:
            b = bias + rng.normal(0, 1.0)
            q = estimates(b)
            r = np.array([doc_r1(d, mixed_scores(c0, c1, qd)) for d, c0, c1, qd in zip(docs, *cached, q)])
            if objective(r) > best_j:
                bias, p, current, best_j = b, q, r, objective(r)
            continue
        candidate = best[moved].copy()
        picks = rng.choice(len(candidate), size=rng.integers(1, 4), replace=False)
        candidate[picks] += rng.normal(0, 0.3, size=len(picks))
        if candidate[quality] < MIN_QUALITY_WEIGHT:
            continue  # bylines, captions and headlines must stay demoted in either style
        # An article whose estimate leaves the moved set under this share keeps its R1.
        share = p > 1e-4 if moved == 1 else 1 - p > 1e-4
        r = current.copy()
        own = {}
        for i in np.flatnonzero(share):
            own[i] = scores(docs[i], candidate)
            pair = (own[i], cached[1][i]) if moved == 0 else (cached[0][i], own[i])
            r[i] = doc_r1(docs[i], mixed_scores(*pair, p[i]))
        if objective(r) > best_j:
            best[moved], current, best_j = candidate, r, objective(r)
            cached[moved] = [own[i] if i in own else scores(d, candidate) for i, d in enumerate(docs)]
    return (best[0], best[1]), Style(style.mean, style.spread, style.weights, bias)


def alone(docs: list[Doc], start: np.ndarray, iterations: int, rng: np.random.Generator) -> np.ndarray:
    """Random local search for the weights with the best R1 on `docs` by themselves."""
    quality = FEATURE_NAMES.index("log_quality")
    best, best_j = start.copy(), np.mean([doc_r1(d, scores(d, start)) for d in docs])
    for _ in range(iterations):
        candidate = best.copy()
        picks = rng.choice(len(candidate), size=rng.integers(1, 4), replace=False)
        candidate[picks] += rng.normal(0, 0.3, size=len(picks))
        if candidate[quality] < MIN_QUALITY_WEIGHT:
            continue
        j = np.mean([doc_r1(d, scores(d, candidate)) for d in docs])
        if j > best_j:
            best, best_j = candidate, j
    return best


def mixed_scores(lead: np.ndarray, centred: np.ndarray, p: float) -> np.ndarray:
    s = (1 - p) * lead + p * centred
    return s / s.max()


def committed() -> tuple[Style, tuple[np.ndarray, np.ndarray]]:
    from workers.stages.summary import ranking, style

    s = Style(np.array(style.STYLE_MEAN), np.array(style.STYLE_SPREAD), np.array(style.STYLE_WEIGHTS),
              style.STYLE_BIAS)
    return s, (np.array(astuple(ranking.LEAD_STORY)), np.array(astuple(ranking.CENTRED_STORY)))


def neutral(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Lead, centrality, TextRank and the quality factor weighed 1 each, nothing else, in both sets."""
    w = np.zeros(n)
    w[:3] = 1.0
    w[FEATURE_NAMES.index("log_quality")] = 1.0  # at least MIN_QUALITY_WEIGHT, or no step is taken
    return w, w.copy()


def halves(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Indices of a random half of n items, and of the other half."""
    order = rng.permutation(n)
    return order[: n // 2], order[n // 2 :]


def pick(docs: list[Doc], indices: np.ndarray) -> list[Doc]:
    return [docs[i] for i in indices]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--halves", type=int, default=5)
    ap.add_argument("--iterations", type=int, default=1500)
    ap.add_argument("--floor", type=float, default=41.6, help="lowest cnndm-dev-large R1 accepted")
    ap.add_argument("--sharpness", type=float, default=3.0,
                    help="multiply the fitted style model's weights and bias: a sharper switch between the styles")
    ap.add_argument("--start", choices=["neutral", "committed"], default="neutral",
                    help="search from lead, centrality and TextRank weighed 1 each, or from the committed weights")
    ap.add_argument("--search-bias", action="store_true",
                    help="search the style model's bias with the weights instead of keeping its fitted "
                         "(sharpened) one: higher on the dev sets, lower on held-out bbc-dev halves")
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
        w, s = fit_weights(cnn_fit, bbc_fit, s, start, args.floor, args.iterations, seed=h,
                            search_bias=args.search_bias)
        report(f"half {h} fit", s, w, cnn_fit, bbc_fit, flat_fit)
        report(f"half {h} held out", s, w, cnn_test, bbc_test, flat_test)

    print("\n== fit on everything ==", flush=True)
    s = sharpen(fit_style(cnn, bbc), args.sharpness)
    w, s = fit_weights(cnn, bbc, s, start, args.floor, args.iterations, seed=99,
                        search_bias=args.search_bias)
    report("full fit", s, w, cnn, bbc, flat)
    for name, values in (("STYLE_MEAN", np.round(s.mean, 4)), ("STYLE_SPREAD", np.round(s.spread, 4)),
                         ("STYLE_WEIGHTS", np.round(s.weights, 3)), ("LEAD_STORY", np.round(w[0], 3)),
                         ("CENTRED_STORY", np.round(w[1], 3))):
        print(f"{name} = {tuple(values.tolist())}")
    print(f"STYLE_BIAS = {round(float(s.bias), 3)}")


def report(label: str, style: Style, w: tuple[np.ndarray, np.ndarray], cnn: list[Doc], bbc: list[Doc],
           flat: list[Doc]) -> None:
    figures = [r1(docs, *w, style) for docs in (cnn, bbc, flat)]
    lead3 = [np.mean([picked_r1(d, list(range(min(K, len(d.rows))))) for d in docs]) for docs in (cnn, bbc, flat)]
    told = [np.mean([(style.estimate(d.style) > 0.5) == centred for d in docs])
            for docs, centred in ((cnn, False), (bbc, True), (flat, True))]
    print(f"{label:<18} cnndm-dev-large R1 {figures[0]:.2f}  bbc-dev R1 {figures[1]:.2f}  "
          f"bbc-dev without paragraph breaks R1 {figures[2]:.2f}  (Lead-3 {lead3[0]:.2f} / {lead3[1]:.2f} / "
          f"{lead3[2]:.2f})  style told right "
          f"{100 * told[0]:.1f}% / {100 * told[1]:.1f}% / {100 * told[2]:.1f}%", flush=True)


if __name__ == "__main__":
    main()
