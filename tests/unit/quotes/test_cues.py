"""The index of reporting verbs."""
from __future__ import annotations

import random

import pytest

from workers.stages.quotes.cues import FRAMING_CUE, CueIndex


def test_cue_index_finds_exactly_the_verbs_the_cue_pattern_finds():
    # The index scans with a faster pattern; it must agree with FRAMING_CUE everywhere,
    # including a verb opening the text and verbs glued to non-ASCII letters or apostrophes.

    text = (
        "Said the mayor: “No.” He said, (said) “said” —said éstated ‘told’ unsaid re-said "
        "o'said 5said _said said_ Ñsaid\u00a0said\nSaid says, saying."
    )
    expected = [(m.start(), m.end(), m.group()) for m in FRAMING_CUE.finditer(text)]
    framing = [(cue.start, cue.end, cue.word) for cue in _all_cues(CueIndex(text), len(text))]
    assert framing == expected
    assert [c for c in framing if c[2].lower() == "said"] and (0, 4, "Said") in framing


@pytest.mark.parametrize("extra", ["", " İstanbul"])  # "İ" lowers to two characters: the cased scan
def test_cue_index_agrees_with_the_cue_pattern_whatever_the_letter_case(extra):

    pieces = [
        "said", "Said", "SAID", "sAid", "SAys", "says", "Told", "told", "TOLD", " ", ", ", "\n", "“", "”",
        "\u212a", "as\u212a", "\u24b6", "\u24d0", "é", "É", "’", "'", "-", "_", "x", "X", "Ⅰ", "ⅰ",
    ]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) + extra
        expected = [(m.start(), m.end(), m.group()) for m in FRAMING_CUE.finditer(text)]
        assert [(c.start, c.end, c.word) for c in _all_cues(CueIndex(text), len(text))] == expected, text


def _all_cues(index, length: int):
    """Every verb of the index, reporting or not, walking with ``first``."""
    pos = 0
    while (cue := index.first(pos, length, reporting=False)) is not None:
        yield cue
        pos = cue.start + 1


def test_first_and_before_answers_as_first_does_for_every_window():
    text = "He said, she warned and called it a win; they told us, writes Lee, who urged calm. Said."
    cues = CueIndex(text)
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            cue = cues.first(start, end)
            before = cues.first(start, cue.start if cue else end, reporting=False)
            assert cues.first_and_before(start, end) == (cue, before), (start, end)
