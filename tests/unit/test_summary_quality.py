"""Stand-alone quality of candidate summary sentences and the headline-aware ranking."""
import pytest

from workers.stages.summary_quality import is_headline, quality
from workers.stages.summary_rank import rank

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


def test_headline_does_not_push_the_first_body_sentence_down(monkeypatch: pytest.MonkeyPatch) -> None:
    body = [
        "Floods closed the main road into Carlisle on Monday after two days of heavy rain.",
        "Police said drivers should avoid the area until the water level falls.",
        "The Environment Agency issued three flood warnings for the river Eden.",
        "A school in the town centre was also closed as a precaution.",
    ]
    with_title, _ = rank(["Floods close Carlisle road", *body])
    without, _ = rank(body)
    assert with_title[1] == max(with_title)
    assert without[0] == max(without)
    # Sentences sharing no words rank by position alone: the headline takes no place in it.
    monkeypatch.setattr("workers.stages.summary_rank.TITLE_WEIGHT", 0.0)
    unrelated = [
        "Floods closed the main road into Carlisle on Monday after heavy rain.",
        "Shares in the largest British grocer slipped sharply during early trading.",
        "A rare orchid bloomed at Kew for the first time in forty years.",
    ]
    headed, _ = rank(["Weather news today", *unrelated])
    plain, _ = rank(unrelated)
    assert headed[1:] == pytest.approx(plain)


def test_a_central_sentence_beats_an_off_topic_opening() -> None:
    texts = [
        "It was a cold and quiet morning when the first visitors arrived at the gates.",
        "The museum reopened on Saturday after a two-year renovation of its galleries.",
        "The renovation of the museum galleries cost 40 million pounds.",
        "Visitors to the reopened museum can see the renovated galleries for free.",
        "The museum director said the renovation had saved the galleries.",
    ]
    scores, _ = rank(texts)
    assert scores.index(max(scores)) != 0
