"""Printed interviews: answers to "Q:" questions are the interviewee's quotes."""
from __future__ import annotations

from tests.unit.quotes.support import assert_contract
from workers.stages.quotes import extract_quotes

INTERVIEW = (
    "Coach Dana Whitfield took the Harbour City Hawks to their first final in 30 years. "
    "Whitfield spoke to us the morning after the loss.\n\n"
    "Q: How does it feel this morning?\n\n"
    "A: Honestly, it still hurts. We had our chances and we did not take them.\n\n"
    "The young players will remember it, and that is not a bad thing.\n\n"
    "Q: Will you stay on next season?\n\n"
    "A: That is for the board to decide."
)


def test_answers_are_quotes_of_the_person_the_introduction_names():
    quotes = extract_quotes(INTERVIEW)
    assert [q.speaker.name for q in quotes] == ["Dana Whitfield", "Dana Whitfield"]
    assert all(q.kind == "direct" and q.cue is None for q in quotes)
    for quote in quotes:
        assert_contract(INTERVIEW, quote)


def test_an_answer_running_over_paragraphs_is_one_quote_in_parts_and_questions_are_not_quoted():
    first = extract_quotes(INTERVIEW)[0]
    assert [p.text for p in first.parts] == [
        "Honestly, it still hurts. We had our chances and we did not take them.",
        "The young players will remember it, and that is not a bad thing.",
    ]
    assert not any("?" in q.text for q in extract_quotes(INTERVIEW))


def test_an_answer_labelled_with_the_speakers_name():
    text = (
        "In an interview with the Tribune, Mayor Lena Osei talked about the transit strike.\n\n"
        "Question: Will the city raise its offer?\n\n"
        "Osei: We have put a fair offer on the table and it stays there.\n\n"
        "Q. And if the drivers refuse it?\n\n"
        "Lena Osei: Then we keep talking."
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["We have put a fair offer on the table and it stays there.",
                                        "Then we keep talking."]
    assert [q.speaker.name for q in quotes] == ["Lena Osei", "Lena Osei"]


def test_lettered_paragraphs_without_questions_are_no_interview():
    text = "The plan has two parts.\n\nA. Schools reopen in May.\n\nB. Buses run again in June."
    assert extract_quotes(text) == []


def test_a_question_label_in_capitals_is_no_transcript_speaker():
    text = "Transcript of the briefing.\n\nQUESTION: Is the minister resigning?\n\nANSWER: No."
    assert all(q.speaker is None or q.speaker.name != "Question" for q in extract_quotes(text))


def test_turns_labelled_with_names_in_mixed_case_are_quotes_of_those_named():
    text = ("Dana Whitfield: We were outplayed in the first half.\n\n"
            "Reporter: And in the second?\n\n"
            "Dana Whitfield: We found our legs.\n\n"
            "Ms. Osei: Nobody expected that comeback.")
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("We were outplayed in the first half.", "Dana Whitfield"),
        ("We found our legs.", "Dana Whitfield"),
        ("Nobody expected that comeback.", "Osei"),
    ]


def test_one_label_or_labels_that_name_nobody_make_no_transcript():
    assert extract_quotes("Update: The vote was delayed to Friday.\n\nThe council met.") == []
    assert extract_quotes("Photo: Lakeside Gazette\n\nSource: Statistics Canada") == []
