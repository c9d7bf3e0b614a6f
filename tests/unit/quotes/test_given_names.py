"""A person named in full once, then by the given name alone, is quoted under the full name."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import said_by
from workers.stages.quotes import extract_quotes


@pytest.mark.parametrize("text", [
    "Maya Brandt, 19, runs the shelter. “Every dog finds a home,” Maya said.",  # introduced by age
    "Ms Maya Brandt runs the shelter. “Every dog finds a home,” said Maya.",  # by an honorific
])
def test_a_given_name_resolves_to_the_full_name_the_text_introduced(text):
    assert said_by(text) == ("Every dog finds a home,", "Maya Brandt")


def test_a_given_name_after_the_person_spoke_in_full():
    text = "“We open at nine,” Maya Brandt said. Maya said that the shelter was full."
    assert [q.speaker.name for q in extract_quotes(text)] == ["Maya Brandt", "Maya Brandt"]


@pytest.mark.parametrize("text, speaker", [
    # two people share the given name: which one is meant is not known
    ("Maya Brandt, 19, and Maya Cole, 20, run the shelter. “Every dog finds a home,” Maya said.", "Maya"),
    # a product's name opening with the word is no person's
    ("The new Velo X2 arrives in May. “It is our best bike,” Velo said.", "Velo"),
])
def test_a_given_name_stays_as_written_without_one_introduced_person(text, speaker):
    assert said_by(text)[1] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a Korean name gives the family name first: "Lee" and "Ban" are the men named in full before
    ("The captain, Lee Joon-seok, was sentenced to life. “I am sorry,” Lee said.", "Lee Joon-seok"),
    ("UN Secretary-General Ban Ki-moon arrived on Monday. “The talks will resume,” Ban said.", "Ban Ki-moon"),
])
def test_a_family_name_first_resolves_to_the_full_name(text, speaker):
    assert said_by(text)[1] == speaker


def test_a_person_introduced_by_a_relative_clause_is_later_named_by_the_given_name():
    text = ("Trainer and nutritionist, Ashley Turnbull, who runs a gym in Leeds, took on the challenge. "
            "Ashley said: “The first week was the hardest.”")
    assert [q.speaker.name for q in extract_quotes(text)] == ["Ashley Turnbull"]
