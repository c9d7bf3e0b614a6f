"""The extractive summariser on real-looking news."""
import dataclasses

import pytest

from tests.documents import SEED
from workers.stages.summary import EmptyDocument, Summary, summarise

NEWS = """By Sarah Jones, Daily Mail Reporter

A wildfire that forced the evacuation of 2,000 homes near Boulder, Colo., was contained on Sunday after crews worked through the night.

Firefighters said the blaze, which began on Friday afternoon, burned 1,200 acres of dry grassland and destroyed four homes.

"We were lucky with the wind," said fire chief Dan Ortiz.

Residents of the evacuated homes were allowed to return on Sunday evening, officials said.

Pictured: A firefighter sprays water on a burning fence.

The fire was the third in the county this year, and officials warned that the dry season had only just begun.

Investigators believe the wildfire was started by a spark from a power line that fell during high winds.

The power company said it would cooperate with the investigation into the wildfire.
"""


def check_offsets(source: str, summary: Summary) -> None:
    for s in summary.sentences:
        assert source[s.start : s.end] == s.text
    assert [s.start for s in summary.sentences] == sorted(s.start for s in summary.sentences)
    assert summary.text == " ".join(s.text for s in summary.sentences)


def test_news_summary_skips_byline_caption_and_bare_quote() -> None:
    summary = summarise(NEWS)
    check_offsets(NEWS, summary)
    assert len(summary.sentences) == 3
    picked = summary.text
    assert "wildfire that forced the evacuation" in picked
    for poor in ("By Sarah Jones", "Pictured:", "We were lucky"):
        assert poor not in picked
    assert all(0.0 <= s.score <= 1.0 for s in summary.sentences)


def test_seed_summary_is_not_a_headline_or_quote_fragment() -> None:
    source = SEED.read_text(encoding="utf-8")
    summary = summarise(source)
    check_offsets(source, summary)
    assert len(summary.sentences) == 3
    for s in summary.sentences:
        assert s.text != "US Casualties Mount In Iraq"
        assert s.text[0] not in "‘'\"“"
        assert s.text.endswith((".", "’", "?"))


def test_redundant_sentences_are_not_picked_together() -> None:
    source = (
        "Gary Locke will be confirmed as Kilmarnock's permanent manager on Friday after eight weeks. "
        "Kilmarnock will confirm Gary Locke as the club's permanent manager after eight weeks. "
        "Kilmarnock went unbeaten during Locke's first six games in charge, winning four. "
        "Chairman Jim Mann praised the Kilmarnock squad for its response to Locke. "
        "Locke previously managed Hearts for a season before he was sacked."
    )
    summary = summarise(source, sentences=2)
    check_offsets(source, summary)
    confirms = [s for s in summary.sentences if "confirm" in s.text]
    assert len(confirms) == 1


def test_ratio_picks_a_share_of_the_sentences() -> None:
    summary = summarise(NEWS, ratio=0.5)
    check_offsets(NEWS, summary)
    assert len(summary.sentences) == 5  # ceil(0.5 * 10 sentences)


def test_max_chars_caps_the_summary_but_keeps_one_sentence() -> None:
    capped = summarise(NEWS, sentences=5, max_chars=250)
    check_offsets(NEWS, capped)
    assert 1 <= len(capped.sentences) < 5
    assert len(capped.text) <= 250
    tiny = summarise(NEWS, max_chars=10)
    assert len(tiny.sentences) == 1


def test_short_document_returns_every_sentence() -> None:
    source = "The bridge reopened on Monday. Traffic was light."
    summary = summarise(source, sentences=3)
    assert [s.text for s in summary.sentences] == ["The bridge reopened on Monday.", "Traffic was light."]


@pytest.mark.parametrize("source", ["", "   \n\n  \t"])
def test_empty_document_is_a_clear_error(source: str) -> None:
    with pytest.raises(EmptyDocument, match="no text"):
        summarise(source)


@pytest.mark.parametrize(
    "options",
    [{"sentences": 0}, {"sentences": 2.5}, {"ratio": 0}, {"ratio": 1.5}, {"max_chars": 0}, {"max_chars": "9"}],
)
def test_invalid_options_raise_value_error(options: dict) -> None:
    with pytest.raises(ValueError, match="must be"):
        summarise(NEWS, **options)


def test_result_turns_into_the_documented_json_shape() -> None:
    plain = dataclasses.asdict(summarise(NEWS, sentences=1))
    assert list(plain) == ["sentences", "text"]
    assert list(plain["sentences"][0]) == ["text", "start", "end", "score"]
    assert plain["text"] == plain["sentences"][0]["text"]
