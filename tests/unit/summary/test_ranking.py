"""Sentence ranking: an opening headline, centrality against position."""
import pytest

from workers.stages.summary.ranking import rank


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
    monkeypatch.setattr("workers.stages.summary.ranking.TITLE_WEIGHT", 0.0)
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
