"""Name mentions and the surname-to-full-name lookup."""
from __future__ import annotations

import itertools
import re

import pytest

from tests.unit.quotes.support import only
from workers.stages.quotes import extract_quotes
from workers.stages.quotes.names import FULL_NAME
from workers.stages.quotes.surnames import FullNames, _later_words
from workers.stages.quotes.wordforms import INITIAL, trim_possessive


def test_names_do_not_run_across_a_full_stop():
    text = "The ad was aimed at Clinton. Clinton says she was awake all night after the attack."
    quote = only(text)
    assert text[quote.speaker.start : quote.speaker.end] == "Clinton"
    assert quote.text == "she was awake all night after the attack"


def test_surname_lookup_finds_every_phrase_holding_the_surname():
    # The first surnames are found with str.find in the phrases joined by line breaks, later
    # ones in an index of every phrase: either way the phrases the plain filter picks, in order.

    text = (
        "Donald Trump met Ivanka Trump. Later MR. TRUMP and Mike Pence spoke,\n"
        "then Trumpet Maker Jo left;\n\nKaren Pence Trump and Vice President Pence"
    )
    phrases = [(m.start(), m.group()) for m in FULL_NAME.finditer(text)]
    for surname in ["Trump", "Pence", "Donald", "Maker", "Nobody", "Jo", ""]:
        key = surname.lower()
        expected = [(s, p) for s, p in phrases if key in p.lower() and key in _later_words(p)]
        assert FullNames(text)._phrases_with(surname) == expected, surname
    many = FullNames(text)
    for k in range(40):  # past the bound, every phrase is indexed (a phrase once per word)
        many._full_names(f"Nobody{k}")
    assert list(dict.fromkeys(many._phrases_with("Trump"))) == FullNames(text)._phrases_with("Trump")


def test_possessive_trimming_agrees_with_its_pattern():
    # String tests replaced the pattern (?:[’']s?|\.)$ for speed; initials keep their stops.

    pattern = re.compile(r"(?:[’']s?|\.)$")
    for size in range(5):
        for letters in itertools.product(["a", "s", "G", "’", "'", "."], repeat=size):
            word = "".join(letters)
            assert trim_possessive(word) == (word if INITIAL.fullmatch(word) else pattern.sub("", word)), word
    words = ["Trump’s", "Jones'", "Sen.", "G.K.", "U.S."]
    assert [trim_possessive(w) for w in words] == ["Trump", "Jones", "Sen", "G.K.", "U.S."]


def test_a_sentence_opening_adverb_is_no_name_but_names_ending_in_ly_are():
    from workers.stages.quotes.names import mention_in
    for adverb in ("Incredibly", "Unfortunately", "Reportedly", "Typically", "Surprisingly", "Only", "Even", "Just", "Conversely",
                   "Clearly", "Similarly"):
        assert mention_in(0, adverb) is None, adverb
    assert mention_in(0, "Only Ana Ruiz").words == ("Ana", "Ruiz")
    assert mention_in(0, "Even China").words == ("China",)
    for name in ("Kelly", "Emily", "Connolly", "Beverly", "Donnelly"):
        assert mention_in(0, name).words == (name,)


def test_an_occupation_before_a_name_is_no_part_of_it_but_a_lone_surname_like_one_stays():
    from workers.stages.quotes.names import mention_in
    assert mention_in(0, "Striker Harry Kane").words == ("Harry", "Kane")
    assert mention_in(0, "Chef Ana Ruiz").words == ("Ana", "Ruiz")
    assert mention_in(0, "Neighbour Tom Reed").words == ("Tom", "Reed")
    assert mention_in(0, "Scrum-half Ben Ince").words == ("Ben", "Ince")
    assert mention_in(0, "Singer").words == ("Singer",)  # a surname too
    assert mention_in(0, "Star Wars").words == ("Star", "Wars")  # a name of a thing keeps its word


@pytest.mark.parametrize("text, speaker", [
    # the name after an inverted verb ends with its sentence
    ("“The vote was rigged,” said Ann Cole. Tom Reed disagreed.", "Ann Cole"),
    ("“It is a scandal,” reported the Leeds Gazette. Police declined to comment.", "Leeds Gazette"),
    # a title's full stop ends no sentence
    ("“This is a waste of time,” said Del. Ann Cole of Virginia.", "Del. Ann Cole"),
])
def test_the_name_after_an_inverted_verb_stops_at_the_end_of_its_sentence(text, speaker):
    from tests.unit.quotes.support import said_by
    assert said_by(text)[1] == speaker


def test_a_nations_or_partys_adjective_alone_is_no_name_but_stays_inside_one():
    from workers.stages.quotes.names import mention_in
    for adjective in ("British", "Chinese", "Republican", "Ukrainian"):
        assert mention_in(0, adjective) is None, adjective
    assert mention_in(0, "British Airways").words == ("British", "Airways")


@pytest.mark.parametrize("text, speaker", [
    ("Most of the claims were unfounded, according to the top British medical journal.",
     "the top British medical journal"),
    ("“The crews are happy,” said Thai police chief Ana Ruiz.", "Ana Ruiz"),
    ("“We will win on Sunday,” said Spanish midfielder Tom Reed.", "Tom Reed"),
])
def test_a_speaker_described_by_a_nation_is_the_phrase_or_the_name_after_it(text, speaker):
    assert only(text).speaker.name == speaker


def test_a_nation_or_party_before_a_persons_full_name_is_no_part_of_it():
    from workers.stages.quotes.names import mention_in
    assert mention_in(0, "Canadian Ana Ruiz").words == ("Ana", "Ruiz")
    assert mention_in(0, "Democrat Tom Reed").words == ("Tom", "Reed")
    # before one word it names a place or a body; before an organisation's words it is one
    assert mention_in(0, "Saudi Arabia").words == ("Saudi", "Arabia")
    assert mention_in(0, "Irish Times").words == ("Irish", "Times")
    assert mention_in(0, "British Medical Association").words == ("British", "Medical", "Association")
    assert mention_in(0, "Eastern District of Leeds").words == ("Eastern", "District", "of", "Leeds")


def test_a_person_introduced_by_nationality_is_quoted_by_full_name_and_then_surname():
    text = ("Canadian Ana Ruiz finished third in the sprint. “The snow was soft,” Ruiz said. "
            "“I could not find my rhythm.”")
    quotes = extract_quotes(text)
    assert [q.speaker.name for q in quotes] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_nation_before_an_occupation_and_a_name_or_before_an_office_or_a_body():
    from workers.stages.quotes.names import mention_in
    assert mention_in(0, "Australian Olympian Ana Ruiz").words == ("Ana", "Ruiz")
    assert mention_in(0, "Scottish First Minister").words == ("Scottish", "First", "Minister")
    assert mention_in(0, "British Retail Consortium").words == ("British", "Retail", "Consortium")


@pytest.mark.parametrize("text, speaker", [
    ("The deputy left. The Sheriff's Office said it had not found the paperwork.", "Sheriff's Office"),
    ("“We are looking at it,” the Mayor’s Office said.", "Mayor’s Office"),
    ("The Leeds County Sheriff's Office said it had not found the paperwork.", "Leeds County Sheriff's Office"),
    ("Sheriff Ana Ruiz said the paperwork had not been found.", "Ana Ruiz"),
    # before a person's name the possessive title is a description
    ("Leeds County Sheriff's Deputy Ana Ruiz said the paperwork had not been found.", "Ana Ruiz"),
    ("The Leeds Bishop’s Tom Reed said the paperwork had not been found.", "Tom Reed"),
])
def test_an_office_named_for_its_holder_keeps_the_title(text, speaker):
    assert only(text).speaker.name == speaker


@pytest.mark.parametrize("text, speaker", [
    ("“It was wrong,” Martin Luther King Jr. said on Monday.", "Martin Luther King Jr."),
    ("Speaking to students in Leeds, Joseph R. Biden Jr. responded that the tax was unfair to workers.",
     "Joseph R. Biden Jr."),
    ("“It was wrong,” Tom Reed Sr. told the court.", "Tom Reed Sr."),
])
def test_jr_and_sr_close_a_name_with_their_full_stop(text, speaker):
    assert only(text).speaker.name == speaker


def test_a_family_or_school_description_before_a_name_is_no_part_of_it():
    from workers.stages.quotes.names import mention_in
    assert mention_in(0, "Mother-of-two Ana Ruiz").words == ("Ana", "Ruiz")
    assert mention_in(0, "Grandfather-of-six Tom Reed").words == ("Tom", "Reed")
    assert mention_in(0, "Schoolboy Tom Reed").words == ("Tom", "Reed")
    assert mention_in(0, "Pensioner Ann Cole").words == ("Ann", "Cole")


@pytest.mark.parametrize("phrase, words", [
    # a dictionary word no one bears as a given name, before a given name, describes
    ("Prosecutor Mark Soper", ("Mark", "Soper")),
    ("Surfer Shannon Aston", ("Shannon", "Aston")),
    ("Curator Howard Green", ("Howard", "Green")),
    # a rare given name is no dictionary word: it stays
    ("Feidin Santana", ("Feidin", "Santana")),
    ("Jeh Johnson", ("Jeh", "Johnson")),
    # a given name is none either, whatever the dictionary holds ("Mark", "Grace")
    ("Grace Mark Hollis", ("Grace", "Mark", "Hollis")),
    # nor a dictionary word before words no one bears as given names
    ("Sunset Boulevard Diner", ("Sunset", "Boulevard", "Diner")),
])
def test_a_common_word_before_a_given_name_describes_the_person(phrase, words):
    from workers.stages.quotes.names import mention_in
    assert mention_in(0, phrase).words == words


def test_a_described_speaker_is_named_without_the_description():
    text = "Prosecutor Mark Soper said the defendant had thrown the bins. Soper added that he was sorry."
    assert [q.speaker.name for q in extract_quotes(text)] == ["Mark Soper", "Mark Soper"]


@pytest.mark.parametrize("text, speaker", [
    # a common word opening the sentence, then a noun for who can speak: a description
    ("Health officials inspected the site this week and said there were no signs of mosquitoes.",
     "Health officials"),
    ("Family members gathered outside the court and said the sentence was too short.", "Family members"),
    # a name follows the noun: it speaks
    ("Pentagon spokesman Steve Warren said the strikes would go on.", "Steve Warren"),
    # a party's, a place's or a given name is a name
    ("Labour said the plan would fail.", "Labour"),
])
def test_a_capitalised_common_word_before_a_speaking_noun_opens_a_description(text, speaker):
    assert only(text).speaker.name == speaker


@pytest.mark.parametrize("company", ["M&S", "AT&T", "P&O"])
def test_capitals_joined_by_an_ampersand_are_one_name(company):
    text = f"Sales fell again last month. {company} said the new ranges would sell better in spring."
    quote = only(text)
    assert quote.speaker.name == company
    assert text[quote.speaker.start : quote.speaker.end] == company


@pytest.mark.parametrize("group", ["MPs", "CEOs", "GPs"])
def test_the_plural_of_an_acronym_is_no_surname(group):
    # "Senior MPs" opening a sentence is a capitalised phrase ending in the word, as "Ann Cole"
    # ends in "Cole"; the group the writer means later is not that phrase's.
    text = (f"Senior {group} met on Monday to discuss the plan. Many female {group} say the "
            "changes came far too late for them.")
    quote = only(text)
    assert quote.speaker.name == group and quote.speaker.via == "name"
