"""How far a speaker's phrase reaches around the name found next to the verb."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import said_by
from workers.stages.quotes import extract_quotes


@pytest.mark.parametrize("text, speaker", [
    # a person named, then where they work: the person speaks
    ("Ann Cole of the Leeds Gazette said the story was true.", "Ann Cole"),
    ("Dr Ann Cole from the University of Leeds said the results were clear.", "Ann Cole"),
    ("“It is over,” Tom Reed, of the Valley Trust, said.", "Tom Reed"),
    # a description and where it belongs: the description speaks
    ("The mayor of Leeds said the road would reopen.", "The mayor of Leeds"),
    ("A man who lives near the Aire River said the water rose overnight.", "A man who lives near the Aire River"),
])
def test_the_speaker_is_the_phrase_before_the_preposition(text, speaker):
    assert said_by(text)[1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("“We are all very happy,” a man in Leeds said.", "a man in Leeds"),
    ("“Naturally we are relieved,” one woman in central Tehran told reporters.", "one woman in central Tehran"),
    ("“It was chaos,” a father from Milton Keynes said.", "a father from Milton Keynes"),
])
def test_a_place_in_a_description_after_a_quotation_is_not_the_speaker(text, speaker):
    assert [q.speaker.name for q in extract_quotes(text)] == [speaker]
