"""Sentence ranking: an opening headline, centrality against position, the style estimate."""
import pytest

from workers.stages.summary.features import NAMES, features
from workers.stages.summary.ranking import CENTRED_STORY, LEAD_STORY, mix, rank


def test_headline_does_not_push_the_first_body_sentence_down() -> None:
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
    # The headline takes no place in the lead order: the body keeps the positions it had.
    lead = NAMES.index("lead")
    headed = features(["Floods close Carlisle road", *body]).rows[1:]
    assert [row[lead] for row in headed] == [row[lead] for row in features(body).rows]


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


def test_scores_mix_from_the_lead_set_to_the_centred_set_with_the_style_estimate() -> None:
    # An opening of 24 words, fairly central; a long sentence ninth in the document, the most central.
    rows = [(1.0, 0.6, 0.6, 0.0, 0.4, 0.0, 0.0, 1.0, 0.24), (0.25, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)]
    lead, centred, half = mix(rows, 0.0), mix(rows, 1.0), mix(rows, 0.5)
    assert lead[0] == 1.0 > lead[1]  # the opening wins a story told from the top
    assert centred[1] == 1.0 > centred[0]  # the long central sentence one told around its centre
    assert min(lead[1], centred[1]) <= half[1] <= 1.0
    assert len(LEAD_STORY.__slots__) == len(CENTRED_STORY.__slots__) == len(NAMES)


@pytest.mark.parametrize("style", [0.0, 0.3, 1.0])
def test_mixed_scores_top_at_one(style: float) -> None:
    rows = [(1.0, 0.5, 0.5, 0.0, 0.3, -0.2, 0.0, 1.0, 0.15), (0.5, 1.0, 0.8, 0.0, 0.6, 0.0, 0.0, 0.0, 0.5)]
    assert max(mix(rows, style)) == pytest.approx(1.0)
