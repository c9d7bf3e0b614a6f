"""A reporting verb after "go on to", "used to" or "appears to" is its subject's, who spoke."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import assert_contract, only


@pytest.mark.parametrize("text, speaker", [
    ("The report goes on to say that the council ignored every warning.", "The report"),
    ("Ann Cole went on to say that the vote had been rigged.", "Ann Cole"),
    ("“We are a family club,” the chairman used to say.", "the chairman"),
    ("The letter appears to say that the mayor knew.", "The letter"),
])
def test_the_subject_before_a_raising_verb_is_the_speaker(text, speaker):
    quote = only(text)
    assert_contract(text, quote)
    assert text[quote.speaker.start : quote.speaker.end] == speaker


def test_an_intention_before_the_infinitive_reports_nothing():
    from workers.stages.quotes import extract_quotes
    assert extract_quotes("The minister declined to say whether the plan would go ahead.") == []
