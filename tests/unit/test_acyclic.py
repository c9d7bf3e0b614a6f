"""The stages run with the cyclic collector paused: they must make no reference cycles, and
must leave the collector as the caller had it."""
from __future__ import annotations

import gc

import pytest

from tests.documents import SEED, bench_texts
from workers.stages.quotes import collect_speakers, extract_quotes
from workers.stages.summary import EmptyDocument, summarise


def speakers(text: str) -> list:
    quotes = extract_quotes(text)
    return collect_speakers(quotes, text)


STAGES = [extract_quotes, summarise, speakers]


@pytest.fixture
def collector_off():
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_leaves_no_cyclic_garbage(stage, collector_off):
    texts = [SEED.read_text(encoding="utf-8"), *bench_texts()[:200]]
    for text in texts:
        try:
            stage(text)
        except EmptyDocument:
            pass
    # Whatever the stages made is freed by reference counting: nothing left for the collector.
    assert gc.collect() == 0


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_leaves_the_collector_as_it_found_it(stage):
    text = "“We will win,” coach Maria Lopez said on Sunday. The team plays again next week."
    assert gc.isenabled()
    stage(text)
    assert gc.isenabled()
    gc.disable()
    try:
        stage(text)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_when_a_stage_raises():
    with pytest.raises(EmptyDocument):
        summarise("   ")
    assert gc.isenabled()
