"""Reported speech whose statement or speaker is drawn by the words around it: a subordinate
clause, a quantity after the verb, a titled name between commas, a possessive before a noun."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import only, said_by
from workers.stages.quotes import extract_quotes


def test_a_statement_in_an_opening_subordinate_clause_ends_at_its_comma():
    text = "When Ann Lee noted that the pension fund was nearly empty, the board adjourned the meeting."
    assert said_by(text) == ("that the pension fund was nearly empty", "Ann Lee")
    text = "Although the coach admitted his defence had collapsed, the players blamed the referee."
    assert only(text).text == "his defence had collapsed"


def test_a_quantity_after_the_verb_opens_a_statement_not_an_object():
    text = "Mayor Tom Quist has said about 40 families lost their homes in the flood."
    assert said_by(text) == ("about 40 families lost their homes in the flood", "Tom Quist")
    assert extract_quotes("Mayor Tom Quist spoke about the flood and the families it displaced.") == []


def test_a_titled_name_set_off_by_commas_is_the_speaker():
    text = "The head of the port authority, Ms. Ines Varga, argues there is no room for a second terminal."
    assert said_by(text) == ("there is no room for a second terminal", "Ines Varga")


def test_a_possessive_determines_a_speaker_noun_phrase():
    text = "Manitoba’s chief electoral officer says a review found no ballots were lost in transit."
    quote = only(text)
    assert quote.speaker.name == "Manitoba’s chief electoral officer"
    assert quote.text == "a review found no ballots were lost in transit"


def test_an_infinitive_before_the_verb_heads_no_speaker():
    text = "The mayor’s first instinct is to tell voters that the budget is balanced this year."
    assert all(q.speaker is None or "instinct" not in q.speaker.name for q in extract_quotes(text))


def test_a_long_clause_before_a_trailing_cue_states_something_without_a_past_tense():
    text = "Most of the new rental units in the city still depend on federal loans, the housing report says."
    quote = only(text)
    assert (quote.text, quote.speaker.name) == (
        "Most of the new rental units in the city still depend on federal loans", "the housing report")
    assert extract_quotes("In a long interview with the local paper on Monday, the mayor says.") == []


def test_a_pronoun_and_a_finite_verb_make_a_three_word_statement():
    text = "Ann Cole lost the vote on Monday. Later she said she was relieved."
    assert said_by(text) == ("she was relieved", "Ann Cole")
    assert extract_quotes("Ann Cole lost the vote on Monday. Later she said nothing more.") == []


@pytest.mark.parametrize("text", [
    "If the trend continues, the champion will win a fourth title next spring.",
    "Before the results were revealed, Sarah spoke of her hopes for the future.",
    "As the coach showed, a young side can beat anyone on its day.",
])
def test_a_subordinate_clause_closing_at_its_verb_reports_nothing(text):
    assert extract_quotes(text) == []


def test_a_subordinate_clause_with_an_aside_after_its_verb_still_reports():
    text = "When the mayor said, however, that the fund was empty, the board adjourned."
    assert only(text).text == "that the fund was empty"


@pytest.mark.parametrize("text, content", [
    ("As the crowd left the hall, Ann Cole told reporters the vote would be held again.",
     "the vote would be held again"),
    ("Although the mine closed in May, the union says most workers have found new jobs.",
     "most workers have found new jobs"),
    ("When the storm hit the coast, police said, dozens of roads were flooded.",
     "dozens of roads were flooded"),
])
def test_an_opening_subordinate_clause_is_no_statement_of_the_verb_after_it(text, content):
    assert only(text).text == content


def test_as_of_a_quantity_opens_a_statement_before_a_trailing_cue():
    text = "As many as 400 people attended the memorial, police said."
    assert said_by(text) == ("As many as 400 people attended the memorial", "police")
