"""A source quoting someone as saying something: the one quoted speaks."""
from __future__ import annotations

import pytest

from workers.stages.quotes import extract_quotes


@pytest.mark.parametrize("text, content, speaker", [
    ("The Leeds Gazette quoted Ann Cole as saying the bridge was unsafe in high winds.",
     "the bridge was unsafe in high winds", "Ann Cole"),
    ("The agency cited a police spokesman as saying that the bridge was closed for repairs.",
     "that the bridge was closed for repairs", "a police spokesman"),
    ("Ann Cole was quoted as saying the bridge was unsafe in high winds.", "the bridge was unsafe in high winds", "Ann Cole"),
    ("The paper quotes Mayor Tom Reed as having said in May: “The bridge is unsafe.”", "The bridge is unsafe.", "Tom Reed"),
])
def test_the_one_quoted_as_saying_is_the_speaker_not_the_source(text, content, speaker):
    assert [(q.text, q.speaker.name) for q in extract_quotes(text)] == [(content, speaker)]
