"""Reported content drawn without a trailing description of a name, and a relative clause
(`…, which he said …`) reporting forward."""
from __future__ import annotations

from tests.unit.quotes.support import assert_contract, only
from workers.stages.quotes import extract_quotes


def test_a_description_after_a_name_ends_the_statement():
    text = "Councillor Jo Park said she would not vote for Amir Haddad, the party's candidate in the east ward."
    quote = only(text)
    assert quote.text == "she would not vote for Amir Haddad"
    assert_contract(text, quote)
    text = "Critics say the money would be better spent on the St. Lawrence Seaway, the route that carries most of the grain."
    assert only(text).text == "the money would be better spent on the St. Lawrence Seaway"


def test_a_comma_and_an_article_after_a_common_noun_stay_in_the_statement():
    text = "The minister said the deal would help every farmer in the valley, a region hit hard by drought."
    assert only(text).text.endswith("a region hit hard by drought")


def test_a_relative_clause_reports_forward():
    text = "The mayor cancelled the contracts, which she said were signed without a vote of council."
    quote = only(text)
    assert (quote.text, text[quote.speaker.start : quote.speaker.end]) == ("were signed without a vote of council", "she")


def test_that_after_the_object_and_before_a_past_verb_opens_no_statement():
    text = "The coach believed the early scouting files that praised the rookie and picked him first."
    assert all(not q.text.startswith("that praised") for q in extract_quotes(text))
    text = "The coach told reporters on Sunday that the rookie would start in goal."
    assert only(text).text == "that the rookie would start in goal"
