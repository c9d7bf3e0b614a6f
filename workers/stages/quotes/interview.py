"""Printed interviews: the answers to "Q:" questions, quoted from the person interviewed.

A question-and-answer piece opens with an introduction naming whom the paper spoke to, then
alternates questions (``Q:``, ``Question:``) with answers (``A:``, ``Answer:``, or the person's
name and a colon). An answer is that person's words, marked by its label instead of quotation
marks; it may run over several paragraphs until the next question. The questions are the
interviewer's and are not attributed.
"""
from __future__ import annotations

import collections
import re
from typing import TYPE_CHECKING, NamedTuple

from workers.stages.quotes.lexicon import PLACES
from workers.stages.quotes.names import Mention, mention_in
from workers.stages.quotes.wordforms import bare

if TYPE_CHECKING:
    from workers.stages.quotes.document import Document

_QUESTION = re.compile(r"(?:Q|Question|QUESTION)[:.][ \u00a0]+(?=\S)")
_ANSWER = re.compile(r"(?:A|Answer|ANSWER)[:.][ \u00a0]+(?=\S)")
# How far into a paragraph a label's colon may be ("Question: ", "Mélanie Joly: ").
_LABEL_CHARS = 40
# Labels of whoever asks the questions.
_ASKERS = frozenset("reporter reporters interviewer host moderator anchor audience caller question".split())
# "Carney: We will …": a name of up to three words, in Title Case or capitals, and a colon.
_NAMED = re.compile(r"([A-Z][\w’'.\-]*+(?:[ \u00a0][A-Z][\w’'.\-]*+){0,2}+):[ \u00a0]+(?=\S)")


class Answer(NamedTuple):
    """One answer: its paragraphs' words (start, end) and who speaks them."""

    parts: list[tuple[int, int]]
    speaker: Mention | None


def answers(doc: Document) -> list[Answer]:
    """The answers to a printed interview's questions, or its turns labelled with names."""
    text, paras = doc.text, doc.paragraphs
    # An interview or a transcript has two paragraphs opening with a label at least; most
    # articles have none (a find per paragraph).
    labelled = [i for i, p in enumerate(paras)
                if text.find(":", p.start, p.start + _LABEL_CHARS) > 0 or text.startswith(("Q.", "A."), p.start)]
    if len(labelled) < 2:
        return []
    asks = {i for i in labelled if text.startswith("Q", paras[i].start) and _QUESTION.match(text, paras[i].start, paras[i].end)}
    if not asks:
        return _named_turns(doc, labelled)
    first = min(asks)
    guest = interviewee(doc, paras[first].start)
    found: list[Answer] = []
    answering = False  # whether an unlabelled paragraph carries the last answer on
    for i in range(first + 1, len(paras)):
        para = paras[i]
        if i in asks or i in doc.turns:
            answering = False
        elif (m := _ANSWER.match(text, para.start, para.end)) is not None:
            answering = True
            found.append(Answer([(m.end(), para.end)], guest))
        elif (named := _named(doc, para.start, para.end)) is not None:
            answering = True
            found.append(Answer([(named[1], para.end)], named[0]))
        elif answering:
            found[-1].parts.append((para.start, para.end))
    return found


def interviewee(doc: Document, before: int) -> Mention | None:
    """The person the introduction (the text before the first question) names most often; of
    those named as often, the first named."""
    mentions = [m for m in doc.names.between(0, before) if not m.is_org]
    people = [m for m in mentions if len(m.words) >= 2 and not any(w.lower() in PLACES for w in m.words)]
    if not people:
        return None
    surnames = collections.Counter(m.words[-1] for m in mentions)
    best = max(surnames[m.words[-1]] for m in people)
    return next(m for m in people if surnames[m.words[-1]] == best)


def _named(doc: Document, start: int, end: int) -> tuple[Mention, int] | None:
    """(the name, where the answer starts) for a paragraph opening with a name and a colon."""
    m = _NAMED.match(doc.text, start, end)
    if m is None:
        return None
    mention = doc.names.starting_at(start)
    if mention is None or mention.is_org or mention.end != m.end(1):
        return None
    return mention, m.end()


def _named_turns(doc: Document, candidates: list[int]) -> list[Answer]:
    """Paragraphs opening with a name and a colon ("Mélanie Joly: No, I will not."), where two or
    more open with a label: each a turn of the person named; an interviewer's or host's label
    ("Reporter:", "Interviewer:") marks a question. ``candidates``: the paragraphs with a colon
    near their start."""
    text = doc.text
    labelled = [(para, m) for i in candidates if i not in doc.turns and text[(para := doc.paragraphs[i]).start].isupper()
                and (m := _NAMED.match(text, para.start, para.end))]
    if len(labelled) < 2:
        return []
    labels = collections.Counter(m.group(1) for _, m in labelled)
    found = []
    for para, m in labelled:
        mention = None if bare(m.group(1)) in _ASKERS else mention_in(para.start, m.group(1))
        if mention is not None and not mention.is_org and (" " in m.group(1) or labels[m.group(1)] >= 2):
            found.append(Answer([(m.end(), para.end)], mention))
    return found
