"""Quote extraction: every quotation in a text, with its kind, speaker and reporting cue.

The steps, in the order a text goes through them (each reads what the one before left):
1. ``document``: the document model, built once — paragraphs, sentences (split lazily, once),
   word helpers, name mentions (``names``), reporting verbs (``cues``), transcript turns
   (``transcript``); every later step reads it and none rebuilds any part of it.
2. ``marks``: quotation marks paired into quoted spans (apostrophes told apart, a quotation
   running over several paragraphs joined).
3. ``candidates``: the outermost quoted spans to attribute, and transcript turns as quotes.
4. ``attribution``: each quoted span attributed from the cue next to it (``speakers`` finds the
   speaker phrase, ``mixed`` the clause around a quoted phrase, ``introductions`` a block quote
   after `X said:`, a colon or a name and a dash before it, ``idioms`` a source given by `as X
   put it` or `in the words of X`); uncued short ones dropped, a quote split around its cue kept
   as one quote in two parts.
5. ``reported``: reported speech outside the quotations (``statements``: only a complement
   that states something; ``beside``: in a sentence holding a quotation, verbs other than its own).
6. ``resolution``: in document order, each speaker phrase resolved to a name (``surnames``:
   surname to full name; ``coreference``: pronoun to the person meant, agreeing in gender by
   the given name or honorific, ``genders``; an uncued paragraph to the previous speaker), and
   each quote cut into its ``parts``, giving the ``results``.
7. ``sources``: ``collect_speakers`` lists the people and organisations quoted (the job
   result's ``speakers``), from the quotes.
"""
from __future__ import annotations

import logging

from workers.stages.acyclic import acyclic
from workers.stages.quotes.attribution import DirectPass
from workers.stages.quotes.candidates import candidates
from workers.stages.quotes.document import Document
from workers.stages.quotes.marks import find_quoted
from workers.stages.quotes.reported import ReportedPass
from workers.stages.quotes.resolution import Resolver
from workers.stages.quotes.results import Part, Quote, Source, Speaker
from workers.stages.quotes.sources import collect_speakers
from workers.stages.quotes.speakers import SpeakerFinder

__all__ = ["Part", "Quote", "Source", "Speaker", "collect_speakers", "extract_quotes"]

LOGGER = logging.getLogger(__name__)


@acyclic
def extract_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text`` in document order; never raises, [] for an empty text."""
    if not text or not text.strip():
        return []
    doc = Document(text)  # 1
    found = candidates(doc, find_quoted(doc))  # 2, 3
    finder = SpeakerFinder(doc)
    drafts = DirectPass(doc, finder).run(found.quoted) + found.turns  # 4
    drafts += ReportedPass(doc, finder).run(sorted((d.start, d.end) for d in drafts))  # 5
    drafts.sort(key=lambda d: (d.start, d.end))
    quotes = Resolver(doc, [(q.start, q.end) for q in found.quoted]).run(drafts)  # 6
    LOGGER.debug("found %d quotes in %d chars", len(quotes), len(text))
    return quotes
