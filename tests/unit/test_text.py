"""Sentence and paragraph segmentation on hard cases from news copy."""
import pytest

from workers.stages.text import paragraph_bounds, paragraphs, sentences


def texts(source: str) -> list[str]:
    spans = sentences(source)
    for span in spans:
        assert source[span.start : span.end] == span.text
    return [s.text for s in spans]


@pytest.mark.parametrize(
    "source, expected",
    [
        (
            "Mr. Talabani met Dr. Smith on Monday. Gov. Jerry Brown was not there.",
            ["Mr. Talabani met Dr. Smith on Monday.", "Gov. Jerry Brown was not there."],
        ),
        (
            "Troops left the U.S. Army base in Sept. 2009. They never came back.",
            ["Troops left the U.S. Army base in Sept. 2009.", "They never came back."],
        ),
        (
            "The group has grown in the U.S. Since 2007, more than 22 men have left.",
            ["The group has grown in the U.S.", "Since 2007, more than 22 men have left."],
        ),
        (
            "The dam is named after Clarence J. Brown of Ohio. It opened in 1974.",
            ["The dam is named after Clarence J. Brown of Ohio.", "It opened in 1974."],
        ),
        (
            "Oil rose 2.5% to $61.30 a barrel. Iraq pumps 2.4m bpd.",
            ["Oil rose 2.5% to $61.30 a barrel.", "Iraq pumps 2.4m bpd."],
        ),
        (
            "He paused… then went on. It was late… Nobody moved.",
            ["He paused… then went on.", "It was late…", "Nobody moved."],
        ),
        (
            "They fear a civil war. . . If these politicians stay, the people will not back them.",
            ["They fear a civil war. . .", "If these politicians stay, the people will not back them."],
        ),
        (
            "He said: ‘It is over.’ Then he left. “Why now?” she asked. Nobody knew.",
            ["He said: ‘It is over.’", "Then he left.", "“Why now?” she asked.", "Nobody knew."],
        ),
        (
            "Is this my son? No. He is No. 1 in the class.",
            ["Is this my son?", "No.", "He is No. 1 in the class."],
        ),
        (
            "It works at Apple Inc. The firm grew. Apple Inc. said so.",
            ["It works at Apple Inc.", "The firm grew.", "Apple Inc. said so."],
        ),
    ],
)
def test_sentence_boundaries(source: str, expected: list[str]) -> None:
    assert texts(source) == expected


def test_headline_and_paragraph_breaks_end_sentences_without_a_full_stop() -> None:
    source = "US Casualties Mount In Iraq\n\n\nUS forces suffered 24 deaths in May.\n\nThe total is now 4,300"
    assert texts(source) == [
        "US Casualties Mount In Iraq",
        "US forces suffered 24 deaths in May.",
        "The total is now 4,300",
    ]


def test_list_items_and_headline_lines_inside_a_paragraph() -> None:
    source = (
        "Key points\n"
        "The council met on Tuesday evening and voted on three separate motions.\n"
        "- a new budget\n"
        "2. Fewer buses\n"
        "* more parks"
    )
    assert texts(source) == [
        "Key points",
        "The council met on Tuesday evening and voted on three separate motions.",
        "- a new budget",
        "2. Fewer buses",
        "* more parks",
    ]


def test_hard_wrapped_lines_stay_one_sentence() -> None:
    source = (
        "The initiative involves calling on the national forces opposed to the\n"
        "occupation to return to the country and practice their natural right of\n"
        "Opposition inside Iraq, as though there is a legal government there."
    )
    assert texts(source) == [source]


def test_paragraphs_split_on_blank_lines_with_spaces() -> None:
    source = "  First para line one\nline two.\n \t\nSecond para.\n\n\n\nThird."
    spans = paragraphs(source)
    assert [p.text for p in spans] == ["First para line one\nline two.", "Second para.", "Third."]
    assert all(source[p.start : p.end] == p.text for p in spans)


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert sentences("") == []
    assert sentences(" \n\n\t ") == []


def test_long_runs_of_marks_are_segmented() -> None:
    # Would take minutes if the boundary pattern rescanned the run from every position.
    source = "Tables follow" + "." * 200_000 + "x and" + " '" * 1000 + " end"
    assert "".join(texts(source)).replace(" ", "") == source.replace(" ", "")


@pytest.mark.parametrize(
    "source",
    ["", "   ", "One.\n\nTwo.", "  Lead \n \n\t Body text.\u00a0\n\n\n", "\n\nA\n\n \nB \n", " x"],
)
def test_paragraph_bounds_are_the_paragraphs_offsets(source: str) -> None:
    assert paragraph_bounds(source) == [(p.start, p.end) for p in paragraphs(source)]
