"""Stand-alone quality of candidate summary sentences, and headline detection."""
import pytest

from workers.stages.summary.quality import quality
from workers.stages.summary.sentences import is_headline

GOOD = "The council approved a new budget on Tuesday that cuts bus services across the city."


@pytest.mark.parametrize(
    "poor",
    [
        "By Sarah Jones, Daily Mail Reporter",
        "Scroll down for video of the council meeting on Tuesday night in the city hall.",
        "‘We cannot afford to run empty buses through the night in this city.’",
        "I just need to keep working harder and the results will come in time.",
        "cuts bus services across the city, the council said on Tuesday night.",
        "Council approves budget cutting bus services across the city",
        "It was cut.",
    ],
)
def test_poor_summary_sentences_score_below_a_plain_news_sentence(poor: str) -> None:
    assert quality(poor) < quality(GOOD) <= 1.0


def test_acronym_opening_is_not_a_first_person_quote() -> None:
    assert quality("US forces in Iraq suffered 24 deaths in Iraq in May, more than any month since 2008.") == 1.0


@pytest.mark.parametrize(
    "sentence, expected",
    [("US Casualties Mount In Iraq", True), ("Is it over?", False), ("He said: ‘It is over.’", False)],
)
def test_headline_detection(sentence: str, expected: bool) -> None:
    assert is_headline(sentence) is expected
