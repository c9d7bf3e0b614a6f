"""The document style estimate stays a probability whatever the figures."""
import pytest

from workers.stages.summary.features import features
from workers.stages.summary.style import STYLE_MEAN, centrality_style


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
