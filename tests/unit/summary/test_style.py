"""The document style estimate stays a probability whatever the figures."""
import pytest

from workers.stages.summary.features import features
from workers.stages.summary.style import NAMES, STYLE_MEAN, centrality_style


@pytest.mark.parametrize("scale", [0.0, 1.0, 1e6])
def test_estimate_is_a_probability(scale: float) -> None:
    assert 0.0 <= centrality_style(tuple(scale * m for m in STYLE_MEAN)) <= 1.0


def test_document_figures_are_counted_from_its_sentences() -> None:
    texts = ["Short one here.", "The council approved a new budget for the city on Tuesday night."]
    style = features(texts).style
    assert style[1] == pytest.approx((3 + 12) / 2)  # mean words per sentence
    assert style[2] == pytest.approx(0.5)  # one of the two is short


@pytest.mark.parametrize("marks", [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")])
def test_quotes_count_alike_whatever_their_marks(marks: tuple[str, str]) -> None:
    o, c = marks
    texts = [
        "The council approved a new budget for the city on Tuesday night.",
        f"{o}We had no choice,{c} the mayor said after the vote.",
        "The mayor's office would not comment on the bus drivers' protest.",
        "Bus drivers plan a protest against the cuts on Saturday morning.",
    ]
    style = features(texts).style
    assert style[4] == pytest.approx(0.25)  # one sentence in four reports speech
    assert style[5] == pytest.approx(0.25)  # one in four quotes; apostrophes do not count


def _figure(style: tuple[float, ...], name: str) -> float:
    return style[NAMES.index(name)]


def test_caption_modal_capital_and_colon_figures() -> None:
    texts = [
        "Mayor Anna Cole (left) opens the new bridge over the river Tees on a sunny morning.",
        "The bridge will carry four thousand cars a day once the old crossing closes.",
        "Engineers said the steel for the deck came from a works in Scunthorpe.",
        "Pictured: the first cars cross the new bridge after the ribbon was cut.",
    ]
    style = features(texts).style
    assert _figure(style, "captions") == pytest.approx(0.5)  # "(left)" and "Pictured"
    assert _figure(style, "modal") == pytest.approx(0.25)  # one "will" in four sentences
    assert _figure(style, "colons") == pytest.approx(0.25)
    # Capitals after each sentence's first word: Anna, Cole, Tees | - | Scunthorpe | - (of 50 words).
    inner = sum(len(t.split()) - 1 for t in texts)
    assert _figure(style, "capitals") == pytest.approx(4 / inner)


def test_the_word_may_counts_as_modal_not_the_month() -> None:
    texts = ["The vote may be held in spring.", "The vote was held in May last year.", "It might be."]
    assert _figure(features(texts).style, "modal") == pytest.approx(2 / 3)


def test_opening_length_and_long_sentence_figures() -> None:
    long = (
        "The regional council voted on Tuesday night to close three of its five libraries and two "
        "swimming pools by the end of next year to save money and keep the rest open."
    )
    short = "Residents were angry about it."
    texts = [long, short, short, short]
    style = features(texts).style
    words = [len(long.split()), 5, 5, 5]
    mean = sum(words) / 4
    assert _figure(style, "first_length") == pytest.approx(words[0] / mean)
    assert _figure(style, "opening_length") == pytest.approx((words[0] + 10) / 3 / mean)
    assert _figure(style, "long") == pytest.approx(0.25)  # only the first is over 30 words


def test_vocabulary_counts_distinct_words_over_the_root_of_all() -> None:
    texts = ["Rain fell and rain fell again.", "Then the rain stopped."]
    # rain, fell, and, again, then, the, stopped: 7 distinct of 10 words
    assert _figure(features(texts).style, "vocabulary") == pytest.approx(7 / 10**0.5)


def test_most_central_sentence_position_and_the_openings_centrality() -> None:
    texts = [
        "A quiet week began in the small town.",
        "The town council approved the budget for the new town library.",
        "The library budget passed after a long council debate.",
        "Shops opened late on Friday.",
    ]
    style = features(texts).style
    assert _figure(style, "central_at") == pytest.approx(1 / 3)  # the second of four sentences
    assert 0.0 <= _figure(style, "first_central") < 1.0  # the opening is not the most central
