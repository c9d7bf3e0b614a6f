"""How far a speaker's phrase reaches around the name found next to the verb."""
from __future__ import annotations

import pytest

from tests.unit.quotes.support import said_by


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
