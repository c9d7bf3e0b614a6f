"""Reported speech in a sentence that also holds a quotation."""
from __future__ import annotations

from tests.unit.quotes.support import assert_contract
from workers.stages.quotes import extract_quotes


def _indirect(text: str) -> list:
    quotes = extract_quotes(text)
    for quote in quotes:
        assert_contract(text, quote)
    return [q for q in quotes if q.kind == "indirect"]


def test_a_participle_after_the_quotations_own_verb_reports_a_statement():
    text = "“We cannot wait another winter,” Nadia Petrov said, adding that the shelter would open in May."
    (quote,) = _indirect(text)
    assert (quote.text, quote.cue, quote.speaker.name) == (
        "that the shelter would open in May", "adding", "Nadia Petrov")


def test_a_participle_after_the_listener_keeps_the_quoted_speaker():
    text = '"It was a long night," the coach told the players, adding that nobody would be cut.'
    (quote,) = _indirect(text)
    assert (quote.text, quote.cue, quote.speaker.name) == ("that nobody would be cut", "adding", "the coach")
    text = "“No,” he told the judge on Monday, insisting that he had never met the man."
    (quote,) = _indirect(text)
    assert text[quote.speaker.start : quote.speaker.end] == "he"


def test_a_statement_coordinated_after_a_quoted_fragment():
    text = 'The minister said the plan was "a disaster," but she denied that her office had leaked it to the press.'
    (quote,) = _indirect(text)
    assert (quote.text, quote.cue) == ("that her office had leaked it to the press", "denied")


def test_the_words_after_the_quotations_own_verb_are_no_statement():
    text = "“The rules are far too loose,” said Omar Haddad, an economist at the central bank in Rabat."
    assert _indirect(text) == []
    text = "“It went well,” he told reporters after the meeting that was held on a boat."
    assert _indirect(text) == []
