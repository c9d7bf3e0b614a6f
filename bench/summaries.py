"""Summariser benchmark: docpipe beside Lead-3 and sumy LexRank/TextRank on every set, then speed.

Run from the project root:  .venv/bin/python bench/summaries.py [--max-mb 10]
1. on each set — cnndm-dev, cnndm-dev-large, bbc-dev, and bbc-dev with its paragraph breaks
   replaced by spaces — scores docpipe, Lead-3, sumy's LexRank and TextRank in this run, the way
   ../shared/bench/summaries/score_summaries.py does (ROUGE-1/2/Lsum F1 with the stemmer, 3
   sentences), with ms/doc and, for docpipe, summary sentences whose offsets do not match;
2. times summarise() on documents of growing size (concatenated articles) up to --max-mb.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SETS = ROOT.parent / "shared" / "bench" / "summaries"
GOLD = SETS / "cnndm-dev.jsonl"
K = 3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-mb", type=float, default=10.0)
    ap.add_argument("--sets", nargs="*", default=["cnndm-dev", "cnndm-dev-large", "bbc-dev", "bbc-dev-flat"],
                    help="set names in ../shared/bench/summaries; NAME-flat has its paragraph breaks spaced")
    args = ap.parse_args()
    methods = baselines()
    for name in args.sets:
        docs = load(name)
        print(f"\n== {name} ({len(docs)} articles) ==")
        print("method\tR1\tR2\tRLsum\tms/doc\tbad offsets")
        for method, fn in methods.items():
            print(method, *score(docs, fn), sep="\t", flush=True)
    docs = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    print("\n== speed by document size (summarise, 3 sentences) ==")
    print("MB\tsentences\tseconds\tMB/s")
    for size in sizes(args.max_mb):
        print(*time_size(docs, size), sep="\t", flush=True)


def load(name: str) -> list[dict]:
    """A set's articles; for NAME-flat, NAME's with every paragraph break replaced by a space."""
    flat = name.endswith("-flat")
    path = SETS / f"{name.removesuffix('-flat')}.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    if flat:
        for d in docs:
            d["text"] = re.sub(r"\s*\n\s*", " ", d["text"])
    return docs


def baselines() -> dict:
    from workers.stages.summary import summarise
    from workers.stages.text import sentences

    lexrank, textrank = sumy_summarisers()
    return {
        "docpipe": lambda t: [(s.text, s.start, s.end) for s in summarise(t, K).sentences],
        "lead-3": lambda t: [s.text for s in sentences(t)[:K]],
        "sumy-lexrank": lexrank,
        "sumy-textrank": textrank,
    }


def sumy_summarisers() -> tuple:
    """sumy with a Punkt sentence splitter that ships its model (NLTK data cannot be fetched)."""
    import punkt
    from nltk.tokenize import NLTKWordTokenizer
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    class PunktTokenizer:
        language = "english"
        _sentences = punkt.tokenizer_for("english")
        _words = NLTKWordTokenizer()

        def to_sentences(self, paragraph: str) -> tuple:
            return tuple(s.strip() for s in self._sentences.tokenize(paragraph))

        def to_words(self, sentence: str) -> tuple:
            return tuple(w for w in self._words.tokenize(sentence) if Tokenizer._is_word(w))

    def make(cls):
        summariser = cls(Stemmer("english"))
        summariser.stop_words = get_stop_words("english")
        tokenizer = PunktTokenizer()
        def run(text: str) -> list[str]:
            document = PlaintextParser.from_string(text, tokenizer).document
            return [str(s) for s in summariser(document, K)]

        return run

    return make(LexRankSummarizer), make(TextRankSummarizer)


def score(docs: list[dict], fn) -> tuple:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    sums = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    elapsed, bad = 0.0, "-"  # offsets are checked for docpipe, the one method giving them
    for d in docs:
        t0 = time.perf_counter()
        picked = fn(d["text"])
        elapsed += time.perf_counter() - t0
        if picked and isinstance(picked[0], tuple):
            bad = (0 if bad == "-" else bad) + sum(d["text"][a:b] != t for t, a, b in picked)
            picked = [text for text, _, _ in picked]
        result = scorer.score(d["reference"].replace(" . ", " .\n"), "\n".join(picked))
        for metric in sums:
            sums[metric] += result[metric].fmeasure
    n = len(docs)
    return (*(round(100 * v / n, 2) for v in sums.values()), round(1000 * elapsed / n, 2), bad)


def sizes(max_mb: float) -> list[float]:
    steps = [0.01, 0.1, 1.0, 2.5, 5.0, 10.0]
    return [s for s in steps if s < max_mb] + [max_mb]


def time_size(docs: list[dict], mb: float) -> tuple:
    from workers.stages.summary import summarise
    from workers.stages.text import sentences

    text = build_document(docs, int(mb * 1_000_000))
    t0 = time.perf_counter()
    summarise(text)
    seconds = time.perf_counter() - t0
    return mb, len(sentences(text)), round(seconds, 3), round(len(text) / seconds / 1e6, 2)


def build_document(docs: list[dict], n_chars: int) -> str:
    """Articles as paragraphs, repeated until the text is n_chars long."""
    parts, total, i = [], 0, 0
    while total < n_chars:
        body = docs[i % len(docs)]["text"]
        parts.append(body)
        total += len(body) + 2
        i += 1
    return "\n\n".join(parts)[:n_chars]


if __name__ == "__main__":
    main()
