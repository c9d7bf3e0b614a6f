"""A reporting verb's word used as a noun or an adjective gives no statement and cuts no speaker."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import assert_contract, only
from workers.stages.quotes import extract_quotes
from workers.stages.quotes.cues import CueIndex
from workers.stages.quotes.nominal import used_as_noun

NO_STATEMENT = [
    "His comments come after the council cut the bus service.",
    "Their claims were rejected by the tribunal on Friday.",
    "The alleged plot is similar to an attack in Leeds last year.",
    "An estimated 3,000 people marched through the city centre.",
    "Many reports were never followed up by the police.",
    "The club acted despite claims that the coach had been warned.",
    "The news comes amid claims that the coach had been warned.",
]


@pytest.mark.parametrize("text", NO_STATEMENT)
def test_a_verbs_word_after_a_determiner_reports_nothing(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize("text, speaker, content", [
    ("The alleged thief told reporters that he was innocent.", "The alleged thief", "that he was innocent"),
    ("Some reports have suggested that the mayor will resign.", "Some reports", "that the mayor will resign"),
    ("Early reports suggested the fire started in the kitchen.", "reports", "the fire started in the kitchen"),
    # a name ending in a verb's word, before the verb ("Consumer Reports says")
    ("Most cheap flights are poor value, Traveller Reports says.", "Traveller Reports",
     "Most cheap flights are poor value"),
    ("Nationwide, Shopper Reports found that prices rose by a tenth.", "Shopper Reports",
     "that prices rose by a tenth"),
])
def test_the_statement_is_the_real_verbs(text, speaker, content):
    quote = only(text)
    assert_contract(text, quote)
    assert (text[quote.speaker.start : quote.speaker.end], quote.text) == (speaker, content)


@pytest.mark.parametrize("text", [
    "The woman who hired her says the work was good.",  # "her" is an object here
    "Patient A told the panel that the surgeon had been rude.",  # a letter naming someone
    "The doll, which he says is haunted, sold for £400.",  # an -s verb before its clause's verb
    "It was a deed, which he claims shows that the land is his.",  # its subject before it
    "Some say the plan will fail.",  # a plural subject with its plural verb
    "He resigned after saying that the deal was dead.",  # an -ing form after a preposition
])
def test_a_verb_stays_a_verb(text):
    cue = CueIndex(text).within(0, len(text))[0]
    assert not used_as_noun(text, 0, cue)
