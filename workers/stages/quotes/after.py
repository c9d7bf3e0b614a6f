"""The attribution after a quotation: `“…,” X said`, `“…,” said X`, `“…” — X`, `“…,” according to
X` or `as X put it`, and a cue past a relative aside (`“…,” a resident, who asked not to be
named, told AFP`)."""
from __future__ import annotations

import re

from workers.stages.quotes.asides import apposed_name
from workers.stages.quotes.cues import ACCORDING, Cue
from workers.stages.quotes.described import past_description
from workers.stages.quotes.document import Document, at_least_words
from workers.stages.quotes.found import Found
from workers.stages.quotes.idioms import IDIOM_OPENINGS, idiom_after
from workers.stages.quotes.lexicon import SPEECH_MANNER, WEAK_VERBS
from workers.stages.quotes.marks import Quoted
from workers.stages.quotes.separators import separator_end
from workers.stages.quotes.speakers import SpeakerFinder
from workers.stages.quotes.wordforms import titles_only

_CLAUSE_END = re.compile(r"[.;!?]|$")
# A relative clause set off after the speaker: ", who asked not to be named,".
_RELATIVE_ASIDE = re.compile(r",[ \u00a0]*(?:who|which)(?![\w’'\-])")
# Between the aside's closing comma and the cue: nothing, or an adverb ("later", "then").
_LINK_AFTER_ASIDE = re.compile(r"[ \u00a0]*(?:(?:later|then|also)[ \u00a0]+)?$")
_SHORT_CLAUSE_WORDS = 4
_POSTED = frozenset(("post", "posted", "posts"))
_DOCUMENT_BEFORE = re.compile(
    r"(?:statement|letter|note|sign|message|post|tweet|release|notice|email|caption|banner|placard|memo)[ \u00a0]+$"
)
# A cue clause after a quote is short; longer stretches are the next sentence.
_AFTER_WINDOW_CHARS = 160

# (speaker, cue, end of the cue clause — None when no second half of the quote can follow)
After = tuple[Found, str, int | None]


def cue_after(doc: Document, finder: SpeakerFinder, q: Quoted, pos: int, limit: int) -> After | None:
    """The speaker and cue of the quotation ``q`` read from ``pos`` (its closing mark's end)."""
    text = doc.text
    limit = limit if limit < pos + _AFTER_WINDOW_CHARS else pos + _AFTER_WINDOW_CHARS
    start, mark = separator_end(text, pos, limit)
    mention = finder.names.starting_at(start) if mark and mark not in ",;" else None  # after a dash
    if mention is not None:
        return Found(mention.start, mention.end, "name", mention), text[pos:start].strip(), mention.end
    according = ACCORDING.match(text, start, limit)
    if according is not None:  # “…,” according to a statement from the ministry.
        # the source ends with its sentence: "…', according to his mother. He loves …"
        stop = min(limit, doc.sentences.end_of(according.end()))
        found = finder.source_after(according.end(), stop) or finder.after(according.end(), stop)
        return None if found is None else (found, "according to", found.end)
    if text.startswith(IDIOM_OPENINGS, start):  # “…,” as one resident put it.
        idiom = idiom_after(text, finder, start, limit, not mark and text[q.end - 1] in ".!?")
        if idiom is not None:
            return idiom
    cue, manner = doc.cues.first_and_before(start, limit)
    aside = _RELATIVE_ASIDE.search(text, start, cue.start) if cue is not None else None
    if aside is not None and text.find(",", aside.end(), cue.start) < 0:
        # the verb in the aside is not the cue; the one after it is, and the words before the
        # aside are the speaker
        return _past_aside(doc, finder, start, aside.start(), cue, limit)
    if manner is not None and (manner.word.lower() in SPEECH_MANNER or _document_reads(text, start, manner)):
        cue = manner  # “Why not?” Vitter demanded. “…,” the statement read.
    if cue is None or (cue.word.lower() in WEAK_VERBS and cue.word.lower() not in _POSTED):
        return None  # a belief or a result ("…, she thinks"); but the quote is what was posted
    found, clause_end = _speaker_of(text, finder, start, cue, limit)
    if found is None or clause_end is None:
        return None if found is None else (found, cue.word, None)
    if not (open_ended(text, q, bool(mark)) or _short_clause(text, clause_end, limit)):
        return None
    return found, cue.word, clause_end


def _document_reads(text: str, start: int, verb: Cue) -> bool:
    """“…,” the statement read: a document's words are what it reads."""
    return verb.word.lower() in ("read", "reads") and _DOCUMENT_BEFORE.search(text, start, verb.start) is not None


def open_ended(text: str, q: Quoted, marked: bool) -> bool:
    """The quote ends with a comma, ?, ! or dash (or a mark follows it): a cue may follow."""
    start = q.end - 2 if q.end - 2 > q.start else q.start
    return marked or text[start : q.end].rstrip(" ’'\"”").endswith((",", "?", "!", "—", "–", "-", "…"))


def _speaker_of(text: str, finder: SpeakerFinder, start: int, cue: Cue, limit: int) -> tuple[Found | None, int | None]:
    """The speaker of a cue after a quote, and where its clause ends (None: no second half)."""
    if cue.start == start:
        found = finder.after(cue.end, limit)
        found = (past_description(finder, found, cue.end, limit) or found
                 or finder.inverted(cue.end, limit))
        return found, found.end if found else cue.end
    found = finder.before(start, cue.start)
    if found is not None and finder.tail_then_speaker(start, found.start):
        # “… jail time” for criminal behavior, she said: no second half can follow.
        return (found, None) if _short_clause(text, cue.end, limit) else (None, None)
    if found is None or not _only_determiner(text[start : found.start]):
        found = (finder.phrase_between(start, cue.start) or finder.name_then_aside(start, cue.start)
                 or apposed_name(finder, start, cue.start))  # “…,” a lawyer for the family, Tom Hart, told
    return found, cue.end


def _past_aside(doc: Document, finder: SpeakerFinder, start: int, aside: int, cue: Cue, limit: int) -> After | None:
    """The cue after the relative aside opening at ``aside`` (``cue`` lies inside it)."""
    close = doc.text.find(",", cue.end, limit)
    after = doc.cues.first(close + 1, limit) if close >= 0 else None
    if after is None or not _LINK_AFTER_ASIDE.match(doc.text, close + 1, after.start):
        return None
    found = finder.phrase_between(start, aside)
    return None if found is None else (found, after.word, after.end)


def _short_clause(text: str, pos: int, limit: int) -> bool:
    """The cue clause ends within a few words (“….” Trump said on Friday.)."""
    m = _CLAUSE_END.search(text, pos, limit)
    return m is not None and not at_least_words(text, pos, m.start(), _SHORT_CLAUSE_WORDS + 1)


def _only_determiner(lead: str) -> bool:
    """Nothing but an article or titles stand before the speaker ("the Ontario Provincial Police",
    "Rep. Ann Cole (R-Ohio), a panel member, said")."""
    lower = lead.strip().lower()
    return lower in ("the", "a", "an") or titles_only(lower)
