"""A reporting verb sharing the subject of the clause before it: `…, saying …`, `… and said …`."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import assert_contract, only, said_by
from workers.stages.quotes import extract_quotes


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        ("The union rejected the final offer on Friday, saying the wage increase did not cover inflation.",
         "the wage increase did not cover inflation", "The union", "saying"),
        ("Mayor Lena Ortiz vetoed the zoning bill, arguing that it would raise rents in the east end.",
         "that it would raise rents in the east end", "Lena Ortiz", "arguing"),
        ("Dr. Ravi Patel thanked the volunteers and said the clinic would stay open through the winter.",
         "the clinic would stay open through the winter", "Ravi Patel", "said"),
        ("The senator voted for the budget but has said she will oppose any cut to pensions.",
         "she will oppose any cut to pensions", "The senator", "said"),
    ],
)
def test_a_verb_sharing_the_subject_of_the_clause_before_it(text, content, speaker, cue):
    quote = only(text)
    assert (quote.kind, quote.text, quote.speaker.name, quote.cue) == ("indirect", content, speaker, cue)
    assert_contract(text, quote)


def test_a_belief_or_a_bare_object_after_the_joint_reports_nothing():
    assert extract_quotes("The team lost the final in Quebec City, hoping to win the next one at home.") == []
    assert extract_quotes("The premier visited the flooded town and said nothing about the relief fund.") == []


def test_a_predicate_before_and_is_not_the_subject_of_the_verb_after_it():
    text = "Judge Omar Haddad denied the motion and said the trial would begin in May."
    assert only(text).speaker.name == "Omar Haddad"


def test_an_adverb_may_stand_between_the_speaker_and_the_verb():
    text = "Opposition leader Ines Roy strongly denied that her party had taken money from the developer."
    assert said_by(text) == ("that her party had taken money from the developer", "Ines Roy")


def test_the_family_is_a_speaker_not_an_adverb():
    text = "The family said the hospital had never told them about the second surgery."
    assert only(text).speaker.name == "The family"


def test_a_clause_opened_by_though_after_a_quotation_reports_on_its_own():
    text = 'Judge Ana Ruiz told the jury to be "guided only by the evidence," though she noted the law was unsettled.'
    quotes = extract_quotes(text)
    assert [q.kind for q in quotes] == ["mixed", "indirect"]
    assert (quotes[1].text, quotes[1].speaker.name) == ("the law was unsettled", "Ana Ruiz")


def test_a_plural_noun_heads_the_shared_subject_and_a_name_behind_it_is_the_object():
    text = "In August, several environmental groups granted Ann Lee an extension, saying her capital was less than expected."
    assert said_by(text) == ("her capital was less than expected", "several environmental groups")


def test_an_object_before_and_said_is_no_statement_the_second_verb_reports():
    text = "Judge Omar Haddad denied the motion and said the trial would begin in May."
    assert said_by(text) == ("the trial would begin in May", "Omar Haddad")


@pytest.mark.parametrize("text, speaker", [
    ("The widow said the death was sudden, but added: “We knew it would happen.”", "The widow"),
    ("The fashion designer thanked the models and said that curvy shapes are back.", "The fashion designer"),
])
def test_a_second_verb_shares_a_subject_headed_by_a_person_noun(text, speaker):
    quote = extract_quotes(text)[-1]  # the second verb's
    assert_contract(text, quote)
    assert text[quote.speaker.start : quote.speaker.end] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Rovers goalkeeper Sam Hale praised the fans, adding: “They carried us through the second half.”", "Sam Hale"),
    ("Labour leader Ann Cole told the BBC the plan was reckless, adding: “It will cost working families dearly.”", "Ann Cole"),
    ("Acme chief executive Tom Reed said it was a setback, adding: “We will be back next year with a better product.”", "Tom Reed"),
])
def test_a_participle_shares_the_person_a_body_and_a_role_qualify(text, speaker):
    assert [q.speaker.name for q in extract_quotes(text)][-1] == speaker


def test_a_body_named_alone_before_the_verb_stays_the_subject():
    text = "Acme said it was a setback, adding: “We will be back next year with a better product.”"
    assert [q.speaker.name for q in extract_quotes(text)] == ["Acme", "Acme"]


@pytest.mark.parametrize("text, speaker", [
    ("The plan will fail, according to Acme spokesperson Ann Cole.", "Ann Cole"),
    ("“It is a double tragedy,” according to Seal Trust spokesperson Wendy Hale.", "Wendy Hale"),
])
def test_a_source_after_according_to_is_the_person_a_body_and_a_role_qualify(text, speaker):
    assert [q.speaker.name for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a relative clause that no comma closes goes on past "and": its pronoun's person speaks
    ("Police spoke to Ann Cole, who denied any wrongdoing and insisted the money was hers.", "Ann Cole"),
    ("The school contacted the woman, who admitted she was strict and said she was only trying to help.",
     "the woman"),
    # closed by a comma, it is an aside: the verb shares the sentence's subject
    ("Ann Cole met Tom Reed, who runs the farm, and said the harvest was late.", "Ann Cole"),
    ("Bruck spoke about his brother, Tamerlan, who died after a gunfight, saying he led the plot.", "Bruck"),
])
def test_a_verb_after_and_in_a_relative_clause_is_the_relative_pronouns(text, speaker):
    assert only(text).speaker.name == speaker
