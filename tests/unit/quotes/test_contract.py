"""The span contract (parts, content, speakers) on every bench text, crafted quotes and arbitrary text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.documents import bench_texts
from tests.unit.quotes.support import SEED, assert_contract, span_of
from workers.stages.quotes import collect_speakers, extract_quotes

def test_every_quote_of_every_bench_text_keeps_the_span_contract():
    texts = bench_texts()
    if not texts:
        pytest.skip("no bench data beside the checkout")
    for text in texts:
        quotes = extract_quotes(text)
        for quote in quotes:
            assert_contract(text, quote)
        for source in collect_speakers(quotes, text):
            assert all(text[m.start : m.end] == m.text for m in source.mentions)


def test_seed_quotation_is_one_quote_in_five_parts_one_per_paragraph():
    text = SEED.read_text(encoding="utf-8")
    quote = next(q for q in extract_quotes(text) if q.kind == "direct")
    assert len(quote.parts) == 5
    assert quote.parts[0].text.startswith("I received a fax") and quote.parts[-1].text.endswith("support them.")
    assert all("\n" not in part.text and part.text[0] not in "‘’" for part in quote.parts)
    assert (quote.start, quote.end) == span_of(text, "I received a fax", "will not support them.")


def test_a_quote_split_around_its_cue_is_one_quote_in_two_parts_without_the_attribution():
    text = "“We moved here in 1990,” Ann Okafor said, “and this is home.”"
    quote = extract_quotes(text)[0]
    assert [part.text for part in quote.parts] == ["We moved here in 1990,", "and this is home."]
    assert quote.text == "We moved here in 1990, and this is home."
    assert quote.speaker.name == "Ann Okafor"


def test_a_mixed_quote_has_its_marked_words_as_parts_and_the_clause_as_content():
    text = "She called the plan “a disaster for the region” and left."
    quote = extract_quotes(text)[0]
    assert quote.kind == "mixed"
    assert [part.text for part in quote.parts] == ["a disaster for the region"]
    assert quote.content.text.startswith("the plan")


def test_an_indirect_quote_is_one_part_equal_to_its_content():
    text = "The mayor said the bridge would reopen to traffic next week."
    quote = extract_quotes(text)[0]
    assert quote.kind == "indirect" and quote.parts == [quote.content]
    assert quote.speaker.via == "noun phrase"


def test_speakers_list_each_person_once_with_mentions_and_quote_indices():
    text = (
        "“We were promised clean water years ago,” Chief Darian Lonechild said.\n\n"
        "The ministry said a new plant would open in the spring.\n\n"
        "“We have heard that before,” Lonechild said."
    )
    quotes = extract_quotes(text)
    sources = collect_speakers(quotes, text)
    assert [(s.name, s.kind) for s in sources] == [("Darian Lonechild", "person"), ("The ministry", "organisation")]
    chief = sources[0]
    assert [m.text for m in chief.mentions] == ["Darian Lonechild", "Lonechild"]
    assert [quotes[i].speaker.name for i in chief.quotes] == ["Darian Lonechild", "Darian Lonechild"]


_PIECES = st.sampled_from(
    ["said", " ", "\n", "\n\n", ",", ".", ":", "—", "\"", "'", "“", "”", "‘", "’", "«", "»", "„",
     "Ann Lee ", "He ", "she said ", "according to ", "told CNN that ", "the plan ", "X", "é",
     # the shapes this stop's rules read: datelines, asides, inverted and set-off speakers
     "LONDON (Reuters) - ", ", who asked not to be named, told AFP", "said a resident", "Sir ",
     "The town’s mayor, Ana Ruiz, ", "U.N. ", "telling MPs: ", "had this to say:", "what ", "wouldn't "]
)


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(max_size=120), st.lists(_PIECES, max_size=60).map("".join)))
def test_any_text_gives_quotes_keeping_the_contract(text):
    quotes = extract_quotes(text)
    for quote in quotes:
        assert_contract(text, quote)
    for source in collect_speakers(quotes, text):
        assert source.quotes and all(text[m.start : m.end] == m.text for m in source.mentions)
