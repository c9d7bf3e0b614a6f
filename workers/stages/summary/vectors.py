"""Sentence vectors: content-word stems weighed by tf-idf within the document, and their cosine.

A document's vectors are kept as one sparse sentence-by-term matrix in numpy arrays, one entry
per (sentence, term) pair, so the sums over them run in numpy rather than word by word in Python.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, count, repeat

import numpy as np

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Each ASCII byte that cannot be in a word mapped to a space, and capitals to lowercase: on ASCII
# text translate() and split() find _WORD's words several times faster, bar apostrophes at a
# word's edges (stripped before stemming) and between two words ("''", left to _WORD). A bytes
# table, not str.translate's dict: that looks each character up in the dict anew on every call
# and raises a KeyError for each letter, a fifth of a document's tokenising.
_WORD_BYTES = bytes(c if chr(c).isalnum() or c == ord("'") else ord(" ") for c in range(128)).lower() + bytes(
    range(128, 256)  # bytes.translate wants all 256; only ASCII text comes here
)
_STOPWORDS = frozenset(
    "a an the and or but nor so yet for of to in on at by with from as into onto about over "
    "after before than then that this these those there here it its it's he she they we you i "
    "me him her them us my your his our their who whom whose which what when where why how "
    "is are was were be been being am do does did done have has had having will would shall "
    "should can could may might must not no also just very more most much many some any all "
    "said says say told tell one two up out if while because s t mr mrs ms".split()
)
# Truncating words to this many letters merges inflections ("protest", "protesters") at a
# fraction of a stemmer's cost; 6 scored best among 5-8 on the CNN/DailyMail dev set.
STEM_LETTERS = 6
# Words whose stems are remembered across documents at most (a few MB); then it starts afresh.
STEM_MEMO_WORDS = 50_000
# A one-word sentence has log length 0; this floor keeps its similarity finite.
MIN_LOG_LENGTH = 0.5

Vector = dict[int, float]


@dataclass(slots=True)
class TermMatrix:
    """Term counts of a document's sentences: one entry per (sentence, term), sorted that way."""

    sentences: int
    terms: int  # distinct stems in the document
    row: np.ndarray  # sentence of each entry
    term: np.ndarray  # stem id of each entry
    count: np.ndarray  # how often the stem occurs in the sentence (float)


def words(sentence: str) -> list[str]:
    """The sentence's words in lowercase; on ASCII text they may keep apostrophes at their edges."""
    if sentence.isascii() and "''" not in sentence:
        return sentence.encode().translate(_WORD_BYTES).decode().split()
    return _WORD.findall(sentence.lower())


def stem(word: str) -> str | None:
    """The content-word stem of a lowercase word, None for a stopword or a number."""
    w = word.strip("'")
    return None if w in _STOPWORDS or w.isdigit() or not w else w[:STEM_LETTERS]


def stems(words: Iterable[str]) -> list[str | None]:
    """The content-word stem of each lowercase word, None for a stopword or a number."""
    return list(map(_STEM_OF.__getitem__, words))


class _StemMemo(dict[str, str | None]):
    """word -> stem(word), filled on first use: news vocabulary recurs from one document to the
    next, and a dict lookup costs a fraction of stemming the word again in Python."""

    def __missing__(self, word: str) -> str | None:
        if len(self) >= STEM_MEMO_WORDS:
            self.clear()  # a worker reads documents without end: keep the memo bounded
        found = self[word] = stem(word)
        return found


_STEM_OF = _StemMemo()


def terms(sentence: str) -> list[str]:
    """Content-word stems of a sentence."""
    return [s for s in stems(words(sentence)) if s is not None]


@dataclass(slots=True)
class Tokens:
    """Every counted word of a document as a key: its sentence * width + its stem id."""

    sentences: int
    terms: int  # distinct stems; stopwords and numbers get id `terms`, so width = terms + 1
    keys: np.ndarray
    distinct: int  # distinct words (lowercase), stopwords and numbers included

    @property
    def width(self) -> int:
        return self.terms + 1


def tokens(texts: Sequence[str]) -> Tokens:
    """The document's words as stem ids by sentence; stem ids in first-seen order, so the sums
    run in the same order each run."""
    split = [words(t) for t in texts]
    flat = list(chain.from_iterable(split))
    cut = stems(flat)  # memoised: a word's stem is one lookup, so no pass for distinct words first
    found = dict.fromkeys(cut)
    found.pop(None, None)
    vocab = dict(zip(found, count()))
    token = np.fromiter(map(vocab.get, cut, repeat(len(vocab))), np.int64, len(flat))
    owner = np.arange(len(texts), dtype=np.int64).repeat([len(w) for w in split])
    return Tokens(len(texts), len(vocab), owner * (len(vocab) + 1) + token, len(set(flat)))


def count_matrix(t: Tokens) -> np.ndarray:
    """Dense sentence-by-stem counts, for documents short enough to hold them."""
    counts = np.bincount(t.keys, minlength=t.sentences * t.width)
    return counts.reshape(t.sentences, t.width)[:, : t.terms]


def term_matrix(t: Tokens) -> TermMatrix:
    """Sparse sentence-by-stem counts: one entry per (sentence, stem) pair, in that order."""
    pairs, counts = np.unique(t.keys[t.keys % t.width != t.terms], return_counts=True)
    row, term = np.divmod(pairs, t.width)
    return TermMatrix(t.sentences, t.terms, row, term, counts.astype(np.float64))


def tfidf(m: TermMatrix) -> np.ndarray:
    """Entry values of unit-length tf-idf vectors, idf over the document's sentences."""
    df = np.bincount(m.term, minlength=m.terms)  # every stem occurs somewhere, so df >= 1
    weight = (1.0 + np.log(m.count)) * np.log((m.sentences + 1) / df)[m.term]
    # Every sentence with an entry has a positive norm; those without have no entry to divide.
    norm = np.sqrt(np.bincount(m.row, weight * weight, minlength=m.sentences))
    return weight / norm[m.row]


def overlap(m: TermMatrix) -> np.ndarray:
    """Entry values scaled so that a dot product approximates TextRank's similarity.

    TextRank divides the words two sentences share by log |s1| + log |s2|; dividing each count
    by sqrt(2 log |s|) divides the shared words by 2 sqrt(log |s1| log |s2|) instead, which is
    within a few percent of it for news sentences and lets the sums run over vectors, in
    linear time.
    """
    size = np.bincount(m.row, m.count, minlength=m.sentences)
    return m.count * overlap_scale(size)[m.row]


def overlap_scale(size: np.ndarray) -> np.ndarray:
    """1 / sqrt(2 log |s|) for sentences of `size` counted words (floored for one-word ones)."""
    return 1.0 / np.sqrt(2.0 * np.maximum(np.log(np.maximum(size, 1)), MIN_LOG_LENGTH))


class SentenceVectors(Sequence[Vector]):
    """Each sentence's vector as a {stem id: value} dict, built when first asked for."""

    def __init__(self, m: TermMatrix, values: np.ndarray) -> None:
        self._bounds = m.row.searchsorted(np.arange(m.sentences + 1)).tolist()
        self._term, self._values = m.term, values
        self._built: dict[int, Vector] = {}

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        vec = self._built.get(i)
        if vec is None:
            a, b = self._bounds[i], self._bounds[i + 1]
            vec = self._built[i] = dict(zip(self._term[a:b].tolist(), self._values[a:b].tolist()))
        return vec

    def __iter__(self) -> Iterator[Vector]:
        return (self[i] for i in range(len(self)))


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
