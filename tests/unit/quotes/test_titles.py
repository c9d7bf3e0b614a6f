"""Quoted titles of works and shows name something and say nothing: they are no quotes."""
from __future__ import annotations

import pytest

from workers.stages.quotes import extract_quotes


@pytest.mark.parametrize("title", [
    "Morning Edition",
    "Make Your Garden a Jungle",
    "Rivers of Iron: A History of the Railway in the North",
    "The Mayor and the Miner: The Untold Story of a Strike That Changed the Valley for Ever",
])
def test_a_quoted_title_after_a_quote_is_not_its_continuation(title):
    text = f"“Reading is my escape,” Ann Cole said. Her favourites this year: “{title}” by Tom Reed."
    assert [q.text for q in extract_quotes(text)] == ["Reading is my escape,"]


def test_a_sentence_in_title_case_is_still_a_quote_when_a_verb_gives_it():
    text = "Ann Cole said: “We Will Never Give Up On This Town.”"
    assert [q.text for q in extract_quotes(text)] == ["We Will Never Give Up On This Town."]
