"""Quote marks: every mark style, nesting, apostrophes, quotations over several paragraphs."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import only, span_of
from workers.stages.quotes import extract_quotes
from workers.stages.quotes.document import Document
from workers.stages.quotes.marks import find_quoted


@pytest.mark.parametrize(
    "text, speaker, cue",
    [
        ("“We will not back down from this fight,” said Darian Lonechild, the chief.", "Darian Lonechild", "said"),
        ("“We will not back down from this fight,” Darian Lonechild said on Monday.", "Darian Lonechild", "said"),
        ("‘We will not back down from this fight,’ Darian Lonechild told reporters.", "Darian Lonechild", "told"),
        ('"We will not back down from this fight," said Darian Lonechild.', "Darian Lonechild", "said"),
        ("'We will not back down from this fight,' said Darian Lonechild.", "Darian Lonechild", "said"),
        ("Darian Lonechild said: “We will not back down from this fight.”", "Darian Lonechild", "said"),
        ("« We will not back down from this fight », Darian Lonechild said.", "Darian Lonechild", "said"),
        ("Darian Lonechild said: „We will not back down from this fight.“ Then he left.", "Darian Lonechild", "said"),
    ],
)
def test_direct_quote_in_every_mark_style(text, speaker, cue):
    quote = only(text, "direct")
    assert "We will not back down from this fight" in quote.text
    assert text[quote.start : quote.end] == quote.text
    assert quote.text[0] not in "“‘\"«„ "
    if speaker:
        assert (quote.speaker.name, quote.cue) == (speaker, cue)


def test_nesting_single_inside_double_and_double_inside_single():
    text = "“He told me ‘never again’ and walked out of the room,” said Maria Lopez."
    assert only(text).text == "He told me ‘never again’ and walked out of the room,"
    text = "‘He told me “never again” and walked out of the room,’ said Maria Lopez."
    assert only(text).text == "He told me “never again” and walked out of the room,"


def test_apostrophes_are_not_quote_marks():
    text = (
        "‘Iraq’s leaders don’t listen to the Scholars’ council, and since the ’90s rock ’n’ roll "
        "has been banned,’ said Ahmed Salim, a teacher in Basra."
    )
    quote = only(text)
    assert quote.text.startswith("Iraq’s leaders") and quote.text.endswith("banned,")
    assert quote.speaker.name == "Ahmed Salim"


def test_multi_paragraph_quote_with_double_marks_is_one_quote():
    text = (
        "The mayor, Linda Baptiste, was blunt.\n\n"
        "“The bridge has been closed for three years and nobody has told us why.\n\n"
        "“The people of this town deserve an answer before the winter comes,” Baptiste said."
    )
    quote = only(text, "direct")
    assert (quote.start, quote.end) == span_of(text, "The bridge", "winter comes,")
    assert quote.speaker.name == "Linda Baptiste"
    assert quote.speaker.via == "surname"


def test_unbalanced_mark_keeps_the_rest_of_the_document():
    text = (
        "The council met on “Tuesday night to vote on the budget.\n\n"
        "“We cannot afford another year of cuts to the library,” said Councillor Ruth Okafor.\n\n"
        "“It is time to stop,” said Mayor Tom Reilly."
    )
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [q.speaker.name for q in quotes] == ["Ruth Okafor", "Tom Reilly"]


def test_newspaper_archive_double_apostrophes_are_quote_marks():
    text = "''It's more tinkering at the edges,'' said Alan Cole, an economist at the Tax Foundation."
    quote = only(text, "direct")
    assert quote.text == "It's more tinkering at the edges,"
    assert quote.speaker.name == "Alan Cole"


def test_mixed_straight_and_curly_marks_still_pair():
    text = '"Oz has a huge bully pulpit, with the whole network behind him,” said David Gorski, a surgeon.'
    quote = only(text, "direct")
    assert quote.text.startswith("Oz has") and quote.speaker.name == "David Gorski"


def test_mistyped_closing_mark_opening_a_paragraph():
    text = "” … what I learned from listening to these families is that words matter a great deal,” Obama said."
    quote = only(text, "direct")
    assert quote.text.startswith("… what I learned") and quote.speaker.name == "Obama"


def test_quote_continued_over_a_single_line_break():
    text = (
        "“If indeed the president is not legitimate, then nobody striving up the ladder can feel good.\n"
        "“I have been doing a lot of thinking about where we are as a country,” said Rep. Jim Clyburn."
    )
    quote = only(text, "direct")
    assert (quote.start, quote.end) == span_of(text, "If indeed", "as a country,")
    assert quote.speaker.name == "Jim Clyburn"


def test_paragraphs_without_words_end_quotations_and_keep_the_rest():
    # Marks are read in one pass over the text, restarted past a paragraph with no word.

    text = (
        "“We will win this fight in the end,” Ann Lee said.\n\n"
        "“An opening mark\n\n"
        + "\"“”'’ " * 50
        + "\n\n"
        "“Nothing is decided yet,” Bob Stone said.\n\n"
        "“”\n\n“Last words here,” he said."
    )
    quoted = [text[q.start : q.end] for q in find_quoted(Document(text))]
    assert quoted == ["We will win this fight in the end,", "Nothing is decided yet,", "Last words here,"]
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [q.speaker.name for q in quotes] == ["Ann Lee", "Bob Stone", "Bob Stone"]


@pytest.mark.parametrize(
    "text",
    ['"' * 5000, "“‘\"'«»”’„" * 600, "he said “we will win” and Ann Lee told CNN that " * 120,
     "“An opening mark that never closes\n\n" * 200, "a. " * 3000],
)
def test_degenerate_inputs_are_handled(text):
    for quote in extract_quotes(text):
        assert text[quote.start : quote.end] == quote.text


def test_an_opening_mark_typed_where_the_closing_one_belongs_closes_the_quotation():
    text = "“The river rose faster than anyone expected,“ said Maria Lopez, who runs the shelter."
    quote = only(text)
    assert quote.text == "The river rose faster than anyone expected,"
    assert quote.speaker.name == "Maria Lopez"


@pytest.mark.parametrize(("open_", "close"), [("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'")])
def test_a_quotation_opening_a_sentence_mid_paragraph_runs_on_into_the_next(open_, close):
    text = (f"{open_}The sky was orange,{close} she told the BBC. {open_}Staff were banging on every door.\n\n"
            f"{open_}We slept on the beach until the next day.{close}")
    quotes = extract_quotes(text)
    assert [p.text for p in quotes[-1].parts] == ["Staff were banging on every door.",
                                                   "We slept on the beach until the next day."]


def test_a_paragraph_naming_its_own_speaker_starts_a_new_quotation():
    text = ("“It fails,” Ana Ruiz said. “It fails us all, and nobody will say so.\n\n"
            "“I have been thinking about this for a long time,” added Tom Berg, the party whip.")
    assert [q.speaker.name for q in extract_quotes(text)][-1] == "Tom Berg"


@pytest.mark.parametrize(("open_", "close"), [("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'")])
def test_a_paragraph_break_lost_inside_a_quotation_starts_a_quote_of_the_same_speaker(open_, close):
    text = (f"The mayor said: {open_}The bridge will reopen in June. {open_}We owe that to every family "
            f"in the valley.{close} The council meets on Monday.")
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("The bridge will reopen in June.", "The mayor"),
        ("We owe that to every family in the valley.", "The mayor"),
    ]


def test_after_a_comma_an_opening_mark_inside_a_quotation_is_no_lost_paragraph_break():
    # the closing mark typed after a space: "…resources, 'Colorado Parks …"
    text = ("'Dumping pets could bring diseases to the lake, 'Colorado Parks spokeswoman Ann Cole said. "
            "Fish were seen in May. 'Everything can be affected,' she said.")
    assert extract_quotes(text)[-1].text == "Everything can be affected,"


@pytest.mark.parametrize("text, quoted", [
    # after a comma the open mark may be a closing one typed after a space
    ("The lake is full of fish. 'Dumping pets brings disease to native fish, 'Parks spokeswoman Ann Cole "
     "told ABC News. She warned people against it. 'Everything can be affected,' she said.",
     "Everything can be affected,"),
    # left open longer than a paragraph of quotation: a stray
    ("It began in May. 'The club's directors met on Monday. " + "The board talked about the plan for hours. " * 40
     + "'We will sell the ground,' she said.", "We will sell the ground,"),
])
def test_a_stray_open_mark_is_not_closed_by_a_later_opening_one(text, quoted):
    assert [text[q.start : q.end] for q in find_quoted(Document(text))] == [quoted]


@pytest.mark.parametrize("text, quoted", [
    # the opening mark glued to the colon and spaced from the quoted words
    ("Asked about the bridge, Ann Cole said:' I think it is unsafe. We will close it.' It closed on Monday.",
     "I think it is unsafe. We will close it."),
    ("She added:’ It will be closed in May.’ Later she left.", "It will be closed in May."),
])
def test_a_mark_glued_to_a_colon_and_spaced_from_a_capital_opens_a_quotation(text, quoted):
    assert [(q.text, q.kind) for q in extract_quotes(text)] == [(quoted, "direct")]
