"""Surnames opened by their particles ("von der Leyen", "bin Salman", "de Blasio") are read whole
as the speaker's mention and resolved to the full name the article gave."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import assert_contract, only
from workers.stages.quotes import extract_quotes
from workers.stages.quotes.particles import particle_surname, particles_after, particles_before
from workers.stages.quotes.sources import collect_speakers

RESOLVED = [
    ("Commission President Ingrid van der Molen flew to Oslo. “We will not be divided,” van der Molen said.",
     "van der Molen", "Ingrid van der Molen"),
    ("Prince Faisal bin Hamad met the delegation. “The port is open for business,” said bin Hamad.",
     "bin Hamad", "Faisal bin Hamad"),
    ("Coach Pieter de Vries was defiant. De Vries said the team had played well.",
     "De Vries", "Pieter de Vries"),
    ("Senator Lucia da Costa spoke on Monday. “The vote is a disgrace,” da Costa, who leads the bloc, said.",
     "da Costa", "Lucia da Costa"),
    ("Mayor Hugo von Aschen opened the bridge. “It took ten years,” Mayor von Aschen said.",
     "von Aschen", "Hugo von Aschen"),
]


@pytest.mark.parametrize("text, mention, name", RESOLVED)
def test_a_surname_opened_by_particles_is_its_speakers_mention_and_resolves_to_the_full_name(text, mention, name):
    quote = only(text)
    assert_contract(text, quote)
    speaker = quote.speaker
    assert (text[speaker.start : speaker.end], speaker.name, speaker.via) == (mention, name, "surname")


def test_without_a_full_name_the_particles_stay_in_the_speakers_name():
    text = "“The talks have failed,” von Aschen said on Friday."
    speaker = only(text).speaker
    assert (speaker.name, speaker.via, text[speaker.start : speaker.end]) == ("von Aschen", "name", "von Aschen")


def test_the_full_name_must_end_with_the_same_particles():
    # "Rosa de Vries" and "Rosa van Vries" are different people; neither is "de la Vries".
    text = "Rosa van Vries chairs the board. “We will appeal,” de la Vries said."
    assert only(text).speaker.name == "de la Vries"


def test_one_speaker_entry_for_the_full_name_and_its_particle_surname():
    text = ("“We need a deal,” said Ingrid van der Molen, the commission's president. "
            "“Time is short,” van der Molen added.")
    quotes = extract_quotes(text)
    sources = collect_speakers(quotes, text)
    assert [(s.name, s.kind, len(s.quotes)) for s in sources] == [("Ingrid van der Molen", "person", 2)]
    assert [m.text for m in sources[0].mentions] == ["Ingrid van der Molen", "van der Molen"]


def test_a_number_before_a_name_is_not_a_particle():
    text = "“The border is too open,” ten Britons told the pollsters."
    speaker = only(text).speaker
    assert text[speaker.start : speaker.end] == "Britons"


@pytest.mark.parametrize("text, start, expected", [
    ("said von der Molen", 13, 5),  # both particles
    ("said de Vries", 8, 5),
    ("(de Vries", 4, 1),            # after punctuation
    ("de Vries", 3, 0),             # at the start of the text
    ("said the Vries", 9, 9),       # not a particle
    ("said xde Vries", 9, 9),       # a particle glued into a longer word is none
    ("said de  Vries", 9, 9),       # two spaces: not one name
])
def test_particles_before(text, start, expected):
    assert particles_before(text, start) == expected


@pytest.mark.parametrize("text, expected", [("von der Molen", 8), ("de Vries", 3), ("de vries", 0), ("the Vries", 0)])
def test_particles_after(text, expected):
    assert particles_after(text, 0) == expected


@pytest.mark.parametrize("words, expected", [
    (("von", "der", "Molen"), True), (("De", "Vries"), True), (("Ann", "Vries"), False),
    (("de",), False), (("de", "vries"), False),
])
def test_particle_surname(words, expected):
    assert particle_surname(words) is expected
