"""The separator between a quotation and the cue clause after it."""
from __future__ import annotations

import pytest

from workers.stages.quotes.separators import separator_end


@pytest.mark.parametrize(
    ("text", "end", "mark"),
    [
        ("” she said", 2, ""),
        ("”, she said", 3, ","),
        ("” ; she said", 4, ";"),
        ("” —— Ann Lee", 5, "——"),
        ("” -- Ann Lee", 5, "--"),
        ("” - Ann Lee", 2, ""),  # one hyphen is no dash
        ("”\u00a0,\u00a0she", 4, ","),
    ],
)
def test_the_separator_ends_past_one_mark_and_the_spaces_around_it(text, end, mark):
    assert separator_end(text, 1, len(text)) == (end, mark)


def test_the_separator_stops_at_the_limit():
    assert separator_end("” --x", 1, 3) == (2, "")
