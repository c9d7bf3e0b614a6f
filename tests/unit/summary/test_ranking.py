"""Sentence ranking: an opening headline, centrality against position, the style estimate."""
from dataclasses import astuple

from workers.stages.summary.features import NAMES, features
from workers.stages.summary.ranking import CENTRED_SHIFT, LEAD_STORY, blend, rank


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


def test_weights_lean_with_the_style_estimate() -> None:
    lead_story, centred = blend(0.0), blend(1.0)
    assert lead_story == astuple(LEAD_STORY)
    assert centred == tuple(a + b for a, b in zip(astuple(LEAD_STORY), astuple(CENTRED_SHIFT)))
    assert len(lead_story) == len(NAMES)
