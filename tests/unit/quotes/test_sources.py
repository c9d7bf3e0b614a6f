"""The document's speakers and their kind: a person, an organisation or a document."""
from __future__ import annotations

import pytest

from workers.stages.quotes import extract_quotes
from workers.stages.quotes.sources import collect_speakers


def kinds(text: str) -> dict[str, str]:
    return {source.name: source.kind for source in collect_speakers(extract_quotes(text), text)}


@pytest.mark.parametrize("text, speaker, kind", [
    ("“We saw lights in the sky,” a police officer said.", "a police officer", "person"),
    ("“The road is closed,” a council spokesman said.", "a council spokesman", "person"),
    ("“We are saddened by this loss,” the hospital said.", "the hospital", "organisation"),
    ("The US military said the object was a weather balloon.", "The US military", "organisation"),
    ("A new study says that most drivers ignore the limit.", "A new study", "document"),
    ("The court documents say that the firm misled its investors.", "The court documents", "document"),
    ("A statement filed in court said the firm had misled investors.", "A statement filed in court", "document"),
    ("Ann Cole of the Leeds Gazette said the story was true.", "Ann Cole", "person"),
    ("“I never doubted it,” I said.", "I", "person"),  # the writer, not an acronym
    ("The Leeds Gazette said the story was true.", "Leeds Gazette", "organisation"),
])
def test_a_speakers_kind_follows_its_head_noun_or_its_names_words(text, speaker, kind):
    assert kinds(text).get(speaker) == kind, kinds(text)


@pytest.mark.parametrize("text", [
    "“It will rain all week,” she said.",
    "“We will win,” said Tom Hart. “It will take years,” she added.",  # "she" is not Tom Hart
])
def test_a_pronoun_left_unresolved_is_no_speaker_of_the_list(text):
    assert extract_quotes(text)[-1].speaker.name == "she"
    assert "she" not in kinds(text)


def test_the_chairman_of_an_association_is_a_person_and_the_association_an_organisation():
    text = ("The chairman of the Valley Nursing Association said the figures were clear. "
            "“We will publish them,” the Valley Nursing Association said.")
    assert kinds(text) == {"The chairman of the Valley Nursing Association": "person",
                           "Valley Nursing Association": "organisation"}


@pytest.mark.parametrize("text, kind", [
    ("Velto's shares fell 4% on Monday. “We expect a strong second half,” Velto said.", "organisation"),
    ("Investors bought shares in Velto. “We are growing fast,” Velto said.", "organisation"),
    ("Velto Inc makes scooters. “Sales doubled,” Velto said.", "organisation"),
    ("“Sales doubled,” Velto said.", "person"),  # nothing marks it: a person named once, as far as anyone can tell
    ("Mr Velto's shares were sold. “I regret nothing,” Velto said.", "person"),  # a person's marks win
])
def test_a_one_word_name_is_a_company_when_the_text_uses_it_as_one(text, kind):
    assert kinds(text)["Velto"] == kind


def test_a_description_is_one_source_whatever_its_case():
    text = ("The hospital said the patient had died. “We are deeply saddened,” the hospital said. "
            "Officials said the ward was closed. On Monday, officials said the ward had reopened.")
    sources = collect_speakers(extract_quotes(text), text)
    assert [(s.name, len(s.quotes)) for s in sources] == [("The hospital", 2), ("Officials", 2)]


@pytest.mark.parametrize("text, speaker, kind", [
    ("Britain said on Monday that it would send more ships to the Gulf.", "Britain", "organisation"),
    ("“We will not accept this,” the United States said.", "United States", "organisation"),
    ("The United Nations says that two million people need food aid.", "United Nations", "organisation"),
    ("Denzel Washington said that the film changed his life.", "Denzel Washington", "person"),
    ("Georgia Reed said that the vote was rigged.", "Georgia Reed", "person"),
])
def test_a_country_or_a_city_speaking_is_its_government_a_person_named_like_one_is_a_person(text, speaker, kind):
    assert kinds(text).get(speaker) == kind, kinds(text)


@pytest.mark.parametrize("text, speaker", [
    ("The trial ended in May. Research suggests that most patients recover within a year.", "Research"),
    ("He was injured in the first half. Scans showed that he had only sprained his ankle.", "Scans"),
    ("The trial ended in May. The new results suggest that the drug works in most patients.", "The new results"),
])
def test_research_scans_and_results_are_documents(text, speaker):
    assert kinds(text).get(speaker) == "document", kinds(text)


@pytest.mark.parametrize("text, speaker, kind", [
    # "The" written with a capital inside a sentence makes a title: a paper, a band, a company
    ("The minister was held at the airport for a week, according to The Sun.", "Sun", "organisation"),
    ("The Beacon said that the minister was held at the airport. He later spoke to The Beacon.", "Beacon", "organisation"),
    # not an office, nor a name with no such "The" beside it
    ("The minister was held at the airport for a week, The Prime Minister said.", "Prime Minister", "person"),
    ("Ann Beacon said that the minister was held at the airport.", "Ann Beacon", "person"),
])
def test_a_name_the_text_writes_after_a_capital_the_is_a_title(text, speaker, kind):
    assert kinds(text).get(speaker) == kind, kinds(text)


@pytest.mark.parametrize("text, speaker", [
    ("The minister resigned on Monday, the newspaper said.", "the newspaper"),
    ("The minister resigned on Monday, local media reported.", "local media"),
    ("The Leeds Cartel said in a statement that the minister had resigned.", "Leeds Cartel"),
])
def test_papers_media_and_cartels_are_organisations(text, speaker):
    assert kinds(text).get(speaker) == "organisation", kinds(text)


def test_a_name_opening_a_fuller_name_of_the_text_is_that_person():
    text = ("“We work every day,” said Daryl Scott Donohue. Anthony Leonard QC told the court the farm was "
            "sold. Daryl Scott said the sale was fair. Anthony Leonard added that the buyer had paid in full.")
    quotes = extract_quotes(text)
    assert [(s.name, s.quotes) for s in collect_speakers(quotes, text)] == [
        ("Daryl Scott Donohue", [0, 2]), ("Anthony Leonard QC", [1, 3])]


def test_another_person_or_a_generation_after_a_name_stays_apart():
    text = "Donald Trump Jr. said the rally was full. Donald Trump said the crowd was huge."
    assert set(kinds(text)) == {"Donald Trump Jr.", "Donald Trump"}
