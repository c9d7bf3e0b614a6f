"""The stage as a whole: empty input, result shape, random input, the garbage collector."""
from __future__ import annotations

import dataclasses
import random

from tests.unit.quotes.support import assert_contract, only
from workers.stages.quotes import extract_quotes
from workers.stages.quotes.document import at_least_words, word_count


def test_empty_and_blank_texts():
    assert extract_quotes("") == []
    assert extract_quotes(" \n\n \t") == []


def test_results_turn_into_the_json_shape():
    row = dataclasses.asdict(only("“We will not back down,” said Darian Lonechild, the chief."))
    assert row["speaker"]["name"] == "Darian Lonechild"
    assert set(row) == {"text", "start", "end", "kind", "speaker", "cue", "parts", "content"}
    assert row["parts"] == [{"text": "We will not back down,", "start": 1, "end": 23}]
    assert set(row["speaker"]) == {"name", "start", "end", "via"}


def test_random_inputs_never_raise_and_offsets_hold():
    rng = random.Random(4)
    alphabet = list("ab ,.:;—\n\"'“”‘’«»„") + ["said ", "He ", "Ann Lee ", "according to ", "\n\n"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for quote in extract_quotes(text):
            assert_contract(text, quote)


def test_at_least_words_agrees_with_counting_every_word():

    rng = random.Random(11)
    pieces = ["said", "Ann", " ", "\u00a0", "’", "'", "-", ",", ".", "_", "42", "é", "\n", "“", "—", "it’s", "co-op"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        count = word_count(text, start, end)
        assert [at_least_words(text, start, end, n) for n in range(6)] == [count >= n for n in range(6)]
