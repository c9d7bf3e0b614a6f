"""Quotations given a source by an idiom, with no reporting verb (`as X put it`, `in the words
of X`, `in X's words`), or by the sentence after them (`That was the verdict of X`)."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import assert_contract, only
from workers.stages.quotes import extract_quotes

BEFORE = [
    ("As Mayor Tom Reed put it, “the city cannot wait any longer.”",
     "the city cannot wait any longer.", "Tom Reed"),
    ("As one resident put it bluntly, “nobody listens to us.”", "nobody listens to us.", "one resident"),
    ("As the report puts it: “The system failed at every level.”",
     "The system failed at every level.", "the report"),
    ("In the words of coach Maria Lopez, “we left everything on the pitch.”",
     "we left everything on the pitch.", "Maria Lopez"),
    ("In Lopez’s own words: “We were awful.”", "We were awful.", "Lopez"),
]
AFTER = [
    ("“Enough is enough,” as Mayor Tom Reed put it on Monday.", "Enough is enough,", "Tom Reed"),
    ("“It is a mess,” as one fan memorably put it.", "It is a mess,", "one fan"),
    ("“The best is yet to come,” in the words of the club chairman.",
     "The best is yet to come,", "the club chairman"),
]
NEXT_SENTENCE = [
    ("“We will fight this.” That was the verdict of union leader Ann Cole on Monday.",
     "We will fight this.", "Ann Cole"),
    ("“We were robbed!” Those were the words of manager Steve Hall after the final whistle.",
     "We were robbed!", "Steve Hall"),
    ("“Unacceptable.” That was how one parent described the new timetable.", "Unacceptable.", "one parent"),
    ("“Not again.” That was the reaction of many fans in the stadium.", "Not again.", "many fans in the stadium"),
]


@pytest.mark.parametrize("text, quoted, speaker", BEFORE + AFTER + NEXT_SENTENCE)
def test_an_idiom_before_or_after_a_quote_gives_its_speaker(text, quoted, speaker):
    quote = only(text)
    assert_contract(text, quote)
    assert (quote.kind, quote.text, quote.speaker.name) == ("direct", quoted, speaker)


@pytest.mark.parametrize("text", [
    "Coach Maria Lopez did not hide her anger. As she put it, “we were awful from the start.”",
    "Coach Maria Lopez left early. “It was a disaster from start to finish.” That was how she summed up the season.",
])
def test_a_pronoun_in_the_idiom_is_resolved_like_any_other(text):
    assert only(text).speaker.name == "Maria Lopez"


@pytest.mark.parametrize("text", [
    "As expected, the “reform” package passed on Monday night.",
    "In other words, “fair” is whatever the court decides it is.",
    "The deputy put it to a vote, and the “yes” side won easily.",
    "“We will fight this.” That was the plan all along.",
    "“We will fight this.” That was how the campaign began.",
    "The banner read “Home for good.” That was the end of the march.",
])
def test_other_uses_of_the_idioms_words_source_nothing(text):
    cues = [q.cue or "" for q in extract_quotes(text)]
    assert not [c for c in cues if c in ("put it", "in the words of") or c.startswith(("That", "Those"))]
