"""The English dictionary's words (GCIDE, from the english-words package), to tell a common word
written with a capital ("Prosecutor", "Surfer") from a name ("Feidin", "Jeh")."""
from __future__ import annotations

import importlib.util
import pickle
from pathlib import Path


def _load() -> frozenset[str]:
    # Found, not imported: the package's module would read the same file through its own helper.
    spec = importlib.util.find_spec("english_words")
    if spec is None or spec.origin is None:
        raise ImportError("english-words is not installed: make install (or pip install -e '.[stages]')")
    with open(Path(spec.origin).with_name("data") / "gcide_alpha.pickle", "rb") as fh:
        return frozenset(word.lower() for word in pickle.load(fh))  # a declared dependency's own data


_WORDS = _load()


def in_dictionary(word: str) -> bool:
    """Whether ``word``, in any letter case, is a headword of the dictionary."""
    return word.lower() in _WORDS
