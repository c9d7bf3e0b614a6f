"""How far a speaker's phrase reaches around the name found next to the verb."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import said_by
from workers.stages.quotes import extract_quotes


@pytest.mark.parametrize("text, speaker", [
    # a person named, then where they work: the person speaks
    ("Ann Cole of the Leeds Gazette said the story was true.", "Ann Cole"),
    ("Dr Ann Cole from the University of Leeds said the results were clear.", "Ann Cole"),
    ("“It is over,” Tom Reed, of the Valley Trust, said.", "Tom Reed"),
    # a description and where it belongs: the description speaks
    ("The mayor of Leeds said the road would reopen.", "The mayor of Leeds"),
    ("A man who lives near the Aire River said the water rose overnight.", "A man who lives near the Aire River"),
])
def test_the_speaker_is_the_phrase_before_the_preposition(text, speaker):
    assert said_by(text)[1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("“We are all very happy,” a man in Leeds said.", "a man in Leeds"),
    ("“Naturally we are relieved,” one woman in central Tehran told reporters.", "one woman in central Tehran"),
    ("“It was chaos,” a father from Milton Keynes said.", "a father from Milton Keynes"),
])
def test_a_place_in_a_description_after_a_quotation_is_not_the_speaker(text, speaker):
    assert [q.speaker.name for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a plural or a bare noun for people heads the phrase, with no determiner
    ("Migrant workers in Spain say they are denied water on the farms.", "Migrant workers in Spain"),
    ("Farm workers at the plant near Leeds say they are denied water on the farms.",
     "Farm workers at the plant near Leeds"),
    # a participle's or a relative's clause after the head noun
    ("Fans travelling to Madrid said they had been stopped at the border.", "Fans travelling to Madrid"),
    ("A woman living near the Aire River said the water rose overnight.", "A woman living near the Aire River"),
    # the phrase starts at its determiner, or after a connective or a time
    ("In May the head of the Leeds Bridge Trust said the bridge was unsafe.", "the head of the Leeds Bridge Trust"),
    ("Last year researchers from the University of Leeds said the bridge was unsafe.",
     "researchers from the University of Leeds"),
])
def test_a_noun_for_people_heads_the_phrase_around_a_place(text, speaker):
    assert said_by(text)[1] == speaker


@pytest.mark.parametrize("text, speaker", [
    # the noun phrase is the object of a participle or a preposition: the name after the comma speaks
    ("Speaking to students at Leeds University, Ann Cole said the bridge was unsafe.", "Ann Cole"),
    ("According to Ann Cole, the bridge over the river was unsafe.", "Ann Cole"),
])
def test_a_noun_governed_by_a_preposition_heads_no_speaker(text, speaker):
    assert said_by(text)[1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Secretary of State Ann Cole said the talks had been serious.", "Ann Cole"),
    ("Chief Secretary to the Treasury Tom Reed said the tests were clear.", "Tom Reed"),
    ("Secretary of the Leeds Police Federation Ann Cole said the tests were clear.", "Ann Cole"),
    ("The Ethiopian Ambassador to Egypt Tom Reed said the tests were clear.", "Tom Reed"),
])
def test_a_title_of_an_office_is_held_by_the_name_after_it(text, speaker):
    assert extract_quotes(text)[0].speaker.name == speaker


@pytest.mark.parametrize("text, speaker", [
    # a name's possessive owning a noun for people or a document: they speak
    ("Cole's relatives, including his wife, watched the videos and said they had “more questions than answers.”",
     "Cole's relatives"),
    ("The seat is lost, according to Reed's poll of the constituency, which closed on Friday night.", "Reed's poll"),
    # the person the noun names, when named right after it
    ("Reed's strike partner Ann Cole shared a photo and said: “Great game from my friend tonight.”", "Ann Cole"),
])
def test_a_name_owning_a_noun_for_people_is_no_speaker_itself(text, speaker):
    assert said_by(text)[1] == speaker
