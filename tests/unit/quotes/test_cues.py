"""The index of reporting verbs."""
from __future__ import annotations

import random

import pytest

from workers.stages.quotes import extract_quotes
from workers.stages.quotes.cues import FRAMING_CUE, CueIndex


def test_cue_index_finds_exactly_the_verbs_the_cue_pattern_finds():
    # The index scans with a faster pattern; it must agree with FRAMING_CUE everywhere,
    # including a verb opening the text and verbs glued to non-ASCII letters or apostrophes.

    text = (
        "Said the mayor: “No.” He said, (said) “said” —said éstated ‘told’ unsaid re-said "
        "o'said 5said _said said_ Ñsaid\u00a0said\nSaid says, saying."
    )
    expected = [(m.start(), m.end(), m.group()) for m in FRAMING_CUE.finditer(text)]
    framing = [(cue.start, cue.end, cue.word) for cue in _all_cues(CueIndex(text), len(text))]
    assert framing == expected
    assert [c for c in framing if c[2].lower() == "said"] and (0, 4, "Said") in framing


@pytest.mark.parametrize("extra", ["", " İstanbul"])  # "İ" lowers to two characters: the cased scan
def test_cue_index_agrees_with_the_cue_pattern_whatever_the_letter_case(extra):

    pieces = [
        "said", "Said", "SAID", "sAid", "SAys", "says", "Told", "told", "TOLD", " ", ", ", "\n", "“", "”",
        "\u212a", "as\u212a", "\u24b6", "\u24d0", "é", "É", "’", "'", "-", "_", "x", "X", "Ⅰ", "ⅰ",
    ]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) + extra
        expected = [(m.start(), m.end(), m.group()) for m in FRAMING_CUE.finditer(text)]
        assert [(c.start, c.end, c.word) for c in _all_cues(CueIndex(text), len(text))] == expected, text


def _all_cues(index, length: int):
    """Every verb of the index, reporting or not, walking with ``first``."""
    pos = 0
    while (cue := index.first(pos, length, reporting=False)) is not None:
        yield cue
        pos = cue.start + 1


def test_first_and_before_answers_as_first_does_for_every_window():
    text = "He said, she warned and called it a win; they told us, writes Lee, who urged calm. Said."
    cues = CueIndex(text)
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            cue = cues.first(start, end)
            before = cues.first(start, cue.start if cue else end, reporting=False)
            assert cues.first_and_before(start, end) == (cue, before), (start, end)


@pytest.mark.parametrize("text, content", [
    ("Tom Reed told investigators he had been drinking before the crash.", "he had been drinking before the crash"),
    ("The mayor warned residents that the river could flood by morning.", "that the river could flood by morning"),
    ("Ann Cole told friends she was going trekking in the hills.", "she was going trekking in the hills"),
    # the plural is the statement's subject when a verb follows it
    ("The council warned floodwaters still had yet to peak in the valley.", "floodwaters still had yet to peak in the valley"),
    ("Tom Reed told his subordinates never to speak of the emails.", None),
    # a request keeps them in what it reports
    ("Police asked drivers to avoid unnecessary travel and reported 60 crashes.", "drivers to avoid unnecessary travel"),
])
def test_people_in_the_plural_after_told_or_warned_are_the_listeners(text, content):
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ([content] if content else [])


@pytest.mark.parametrize("text, content", [
    ("The bank told its customers their savings were safe.", "their savings were safe"),
    ("I told my son they were just messing around in the park.", "they were just messing around in the park"),
])
def test_a_listener_after_its_our_or_my_is_passed_over(text, content):
    assert [q.text for q in extract_quotes(text)] == [content]


@pytest.mark.parametrize("text, content", [
    # "her" owns the listener when a subject follows the noun …
    ("Ann Cole told her colleagues she would leave the firm in May.", "she would leave the firm in May"),
    ("The girl told her teacher that they had been bullied for months.", "that they had been bullied for months"),
    # … and is the listener herself before a subject and its verb, or a determiner
    ("Ann Cole told her police had been called to the house twice.", "police had been called to the house twice"),
    ("Tom Reed told her the plan would cost far more than promised.", "the plan would cost far more than promised"),
    ("Tom Reed told her she would be paid in full by Friday.", "she would be paid in full by Friday"),
])
def test_her_before_a_noun_and_a_subject_owns_the_listener(text, content):
    assert [q.text for q in extract_quotes(text)] == [content]


@pytest.mark.parametrize("text, content", [
    ("The minister assured farmers the subsidy would continue next year.", "the subsidy would continue next year"),
    ("A guide informed her the path had been closed since Monday.", "the path had been closed since Monday"),
    ("Doctors cautioned the family the treatment might not work.", "the treatment might not work"),
])
def test_assure_inform_and_caution_take_a_listener_before_the_statement(text, content):
    assert [q.text for q in extract_quotes(text)] == [content]


@pytest.mark.parametrize("text, content", [
    ("Ann Cole said he hoped that the bridge would reopen by June.", "he hoped that the bridge would reopen by June"),
    ("The council said it was clear that the budget had failed.", "it was clear that the budget had failed"),
    ("The coach insists there is a bright side in that the injury needs no surgery.",
     "there is a bright side in that the injury needs no surgery"),
    ("Ann Cole told reporters on Monday that the budget had failed.", "that the budget had failed"),
])
def test_a_that_after_a_subject_pronoun_is_inside_the_statement(text, content):
    assert [q.text for q in extract_quotes(text)] == [content]


@pytest.mark.parametrize("text, content", [
    ("The minister said the survey showed that bus fares had doubled since May.",
     "the survey showed that bus fares had doubled since May"),
    ("Ann Cole said her team found that the bridge was unsafe in high winds.",
     "her team found that the bridge was unsafe in high winds"),
    ("The mayor told the council Ann Cole believes that the bridge is unsafe.",
     "Ann Cole believes that the bridge is unsafe"),
    # no subject and its verb before "that": the statement opens at "that"
    ("Ann Cole said in a statement released on Monday that the bridge was unsafe.", "that the bridge was unsafe"),
    ("Ann Cole asked Tom Reed to confirm that the bridge was unsafe.", "that the bridge was unsafe"),
])
def test_a_that_after_a_subject_and_its_verb_is_inside_the_statement(text, content):
    assert [q.text for q in extract_quotes(text)] == [content]
