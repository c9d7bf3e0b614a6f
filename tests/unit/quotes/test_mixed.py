"""Mixed quotes: the reported clause around a quoted phrase, and phrases framed "as" a quoted one."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import only, span_of
from workers.stages.quotes import extract_quotes


def test_mixed_quote_covers_the_reported_clause():
    text = "Senator Ann Moore said the new pipeline was “a disaster waiting to happen” for the coast."
    quote = only(text)
    assert quote.kind == "mixed"
    assert quote.content.text.startswith("the new pipeline") and quote.content.text.endswith("for the coast")
    assert [part.text for part in quote.parts] == ["a disaster waiting to happen"]
    assert quote.speaker.name == "Ann Moore"


def test_framing_verb_makes_a_mixed_quote_but_not_a_scare_quote():
    text = "Former President Bill Clinton criticized the Affordable Care Act as a “crazy system” on Tuesday."
    quote = only(text)
    assert quote.kind == "mixed" and quote.content.text.startswith("the Affordable Care Act")
    assert quote.text == "crazy system"
    assert quote.speaker.name == "Bill Clinton"


def test_mixed_quote_in_reported_content_runs_to_the_end_of_its_clause():
    text = (
        "Mayor Karen Olsen said the new budget was \u201ca first step\u201d toward repairing roads "
        "that had been neglected for more than a decade in the city\u2019s older neighbourhoods, "
        "but she conceded that taxes would rise."
    )
    quote = extract_quotes(text)[0]
    assert quote.kind == "mixed"
    assert (quote.content.start, quote.content.end) == span_of(text, "the new budget", "older neighbourhoods")
    assert quote.speaker.name == "Karen Olsen"


def test_mixed_quote_stops_before_a_second_verb_or_a_participle():
    text = (
        "Premier Doug Ford said the strike was \u201centirely avoidable\u201d and called on both sides "
        "to return to the table, urging parents to stay patient."
    )
    quote = extract_quotes(text)[0]
    assert (quote.content.start, quote.content.end) == span_of(text, "the strike was", "avoidable\u201d")


def test_framed_phrase_stops_before_an_adjunct_of_time():
    text = "Senator Ann Lee blasted the pipeline plan as \u201ca reckless gamble\u201d on Tuesday in Ottawa."
    quote = extract_quotes(text)[0]
    assert (quote.content.start, quote.content.end) == span_of(text, "the pipeline plan", "reckless gamble\u201d")
    assert quote.speaker.name == "Ann Lee"


def test_any_verb_framing_its_object_as_a_quoted_phrase():
    text = "Senator Pierre Dubois has been pounding Finance Minister Ann Lee as a \u201creckless spender\u201d for weeks."
    quote = only(text)
    assert quote.kind == "mixed"
    assert (quote.content.start, quote.content.end) == span_of(text, "Ann Lee as", "reckless spender\u201d")
    assert quote.speaker.name == "Pierre Dubois"
    assert not extract_quotes("The bill, known as the \u201cSafe Streets and Communities Act\u201d, passed.")


def test_a_quoted_fragment_gives_its_exact_marked_words_and_the_verb_before_its_noun():
    # "report" after "the" is a noun: the verb framing the fragment is "dismissed".
    text = "The senator dismissed the report as “nonsense” on Tuesday."
    quote = only(text)
    assert (quote.kind, quote.text, quote.cue, quote.speaker.name) == ("mixed", "nonsense", "dismissed", "The senator")
    assert quote.content.text == "the report as “nonsense”"


def test_a_quoted_predicate_with_an_unquoted_subject_and_a_cue_after_is_mixed():
    text = "Raising the fuel levy “would hurt every family in the north,” said Ann Lee."
    quote = only(text)
    assert (quote.kind, quote.speaker.name, quote.cue) == ("mixed", "Ann Lee", "said")
    assert [part.text for part in quote.parts] == ["would hurt every family in the north,"]
    assert quote.content.text == "Raising the fuel levy “would hurt every family in the north,”"
    assert only("“We would hurt every family,” said Ann Lee.").kind == "direct"


def test_fragment_in_a_clause_reported_by_an_earlier_verb_is_the_outer_speakers():
    text = (
        "Nadia Ferreira said at a town hall in Leeds that Tom Okoye had called the levy "
        "“a tax on ambition” for small firms."
    )
    quote = only(text, "mixed")
    assert text[quote.speaker.start : quote.speaker.end] == "Nadia Ferreira"
    text = "She told reporters that she recalls the inspectors being “baffled” by the figures."
    quote = only(text, "mixed")
    assert (quote.speaker.start, quote.speaker.end) == (0, 3)


def test_fragment_after_an_unreported_clause_keeps_its_own_speaker():
    text = "After the vote in Leeds, Tom Okoye called the levy “a tax on ambition” for small firms."
    quote = only(text, "mixed")
    assert text[quote.speaker.start : quote.speaker.end] == "Tom Okoye"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Ruiz rejected the offer, saying the union “will not be bought off.”", "Ruiz"),
    ("The minister apologised for the delays and said the agency would “do far better”.", "The minister"),
    ("Meanwhile, the council attacked the plan, saying it “ignores every resident.”", "the council"),
])
def test_a_quoted_fragment_after_a_participle_or_a_joined_verb_is_the_subjects(text, speaker):
    quote = only(text)
    assert (quote.kind, quote.speaker.name) == ("mixed", speaker)


def test_a_fragment_right_after_a_verb_inside_a_reported_clause_is_the_outer_speakers():
    quote = only("Asked about the strike, Ruiz said the city would answer “with patience and with resolve.”")
    assert quote.speaker.name == "Ruiz"


def test_a_verb_form_after_an_article_and_a_name_is_a_noun():
    quote = only("The premier said in a Facebook post that the minister had “lost the confidence of the house.”")
    assert (quote.speaker.name, quote.cue) == ("The premier", "said")


def test_a_name_after_that_leaves_its_verb_a_verb():
    quote = only("She pointed to reports that Tom Berg called the winner “Miss Piggy” on air.")
    assert quote.speaker.name == "Tom Berg"


@pytest.mark.parametrize("text, parts, content", [
    # British copy marks a quoted fragment with single marks: the statement is mixed all the same
    ("Leeds Council is creating a 'wall of sand' in the river estuary, the minister has claimed.",
     ["wall of sand"], "Leeds Council is creating a 'wall of sand' in the river estuary"),
    ("A woman who lives in the area said the scene felt like ‘a movie’. She left.", ["a movie"],
     "the scene felt like ‘a movie’"),
])
def test_a_statement_holding_words_in_single_marks_is_mixed(text, parts, content):
    quote = only(text)
    assert (quote.kind, [p.text for p in quote.parts], quote.content.text) == ("mixed", parts, content)


def test_a_participle_introducing_a_quotation_reports_no_statement_beside_it():
    text = "It was 'clear she was ill', he claimed, adding 'she was quite pale and clammy, paler than usual'."
    assert [(q.kind, q.text) for q in extract_quotes(text)] == [
        ("mixed", "clear she was ill"), ("direct", "she was quite pale and clammy, paler than usual")]
