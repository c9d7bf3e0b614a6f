""""He" and "she" agree with the given name of the person they stand for."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import said_by
from workers.stages.quotes import extract_quotes
from workers.stages.quotes.genders import agrees, gender_of, honorific_before


@pytest.mark.parametrize("name, gender", [
    ("Hillary Clinton", "female"),
    ("Freddie Gray", "male"),
    ("Sen. Elizabeth Warren", "female"),  # past the title
    ("DS Sarah Hart", "female"),  # a rank in capitals
    ("Supt. Tom Hart", "male"),  # a rank cut short
    ("Ranger Sarah Hart", "female"),  # a dictionary word before a given name (the table has "Ranger" too)
    ("Jordan Ellis", "either"),
    ("Charlie Chaplin", "either"),
    ("Clinton", None),  # one word: a surname as often as a given name
    ("Infantry Division", None),  # no given name
])
def test_the_gender_of_a_full_name_is_its_given_names(name, gender):
    assert gender_of(name) == gender


def test_a_name_either_gender_bears_agrees_with_both_pronouns():
    assert agrees("either", "he") and agrees("either", "she")
    assert agrees("female", "he") is False and agrees("female", "she")
    assert agrees("female", "they") is None and agrees(None, "she") is None


@pytest.mark.parametrize("text, gender", [
    ("said Mrs Hart", "female"), ("said Ms. Hart", "female"), ("said Miss Hart", "female"),
    ("said Mr Hart", "male"), ("said Mr. Hart", "male"), ("said Hart", None), ("said Sir Hart", None),
])
def test_an_honorific_tells_the_gender_of_the_name_after_it(text, gender):
    found = honorific_before(text, text.index("Hart"))
    assert (found and found[1]) == gender and (found is None or text[found[0]] == "M")


@pytest.mark.parametrize("text, speaker", [
    # the first person of the sentence before is the other gender's: the next one is meant
    ("John Hart met Maria Lopez on Friday. “It was a good meeting,” she said.", "Maria Lopez"),
    ("Maria Lopez met John Hart on Friday. “It was a good meeting,” he said.", "John Hart"),
    # a name either gender bears may be meant
    ("John Hart met Jordan Ellis on Friday. “It was a good meeting,” she said.", "Jordan Ellis"),
])
def test_a_pronoun_passes_over_a_person_of_the_other_gender(text, speaker):
    assert said_by(text)[1] == speaker


@pytest.mark.parametrize("text", [
    # the last speaker is a man: "she" is someone the text does not name (his wife, a colleague)
    "“We will build it,” said John Hart. “It will take years,” she added.",
    # after a man passed over, a name that opens with no given name is not taken in his place
    "Last year John Hart founded Tonight Live. “It was a lovely show,” she said.",
])
def test_a_pronoun_is_left_as_written_rather_than_given_the_wrong_person(text):
    assert extract_quotes(text)[-1].speaker.name == "she"


@pytest.mark.parametrize("text, speaker", [
    # "Mrs Hart" is the woman of the family named in full, not the man named last
    ("Ann Hart and her husband Tony Hart run the farm. “We work every day,” said Mrs Hart.", "Ann Hart"),
    ("Ann Hart and her husband Tony Hart run the farm. “We work every day,” said Mr Hart.", "Tony Hart"),
    # no woman of the family named in full: the name as written
    ("Tony Hart runs the farm with his wife. “We work every day,” said Mrs Hart.", "Mrs Hart"),
    # "she" is the woman the honorific names
    ("Tony Hart runs the farm. Mrs Hart keeps the books. “We work every day,” she said.", "Mrs Hart"),
    # a surname after an honorific is a person's, with no full name in the text
    ("Mrs Thompson runs the bakery. “We sell out by noon,” she said.", "Thompson"),
    # a couple named with one surname: each given name is a full name of its own
    ("Tony and Ann Hart run the farm. “We work every day,” said Mr Hart.", "Tony Hart"),
    ("Ann and Tony Hart run the farm. “We work every day,” said Mrs Hart.", "Ann Hart"),
])
def test_an_honorific_picks_the_person_of_a_family(text, speaker):
    assert said_by(text)[1] == speaker


def test_he_is_never_a_group_named_by_a_plural_acronym():
    text = ("Labour MPs chose Nick Reed as their leader on Tuesday. He later admitted the vote "
            "had split the party.")
    assert said_by(text) == ("the vote had split the party", "Nick Reed")


@pytest.mark.parametrize("phrase", ["Whilst Mallory", "Urology Annals", "Living Wage"])
def test_she_is_never_two_capitalised_words_opening_with_a_word_no_one_bears_as_a_name(phrase):
    # a sentence opener, a journal, a campaign: no given name, so no person "she" may mean
    text = (f"Ann Mallory joined the clinic in May. {phrase} was in the news on Monday. She said "
            "the wards had never been busier.")
    assert said_by(text) == ("the wards had never been busier", "Ann Mallory")
