"""Reported (indirect) speech: `X said (that) …`, `…, X said`, `according to X, …`, an intention (`X wants
to …`), and a second verb coordinated with the first (`X said … and warned …`, `…, arguing …`)."""
from __future__ import annotations

import re

from workers.stages.quotes.appositions import description_start, past_source_description
from workers.stages.quotes.beside import overlaps, own_cue, participle_after, spans_before, too_little_beside
from workers.stages.quotes.candidates import Draft
from workers.stages.quotes.cues import ACCORDING, INFINITIVE, Cue, content_start
from workers.stages.quotes.document import Bounds, Document, at_least_words, trim
from workers.stages.quotes.found import Found
from workers.stages.quotes.lexicon import (INFINITIVE_VERBS, INTENTION_VERBS, INVERTED_VERBS, THAT_VERBS, TRAILING_VERBS,
                                          WEAK_VERBS)
from workers.stages.quotes.listeners import told
from workers.stages.quotes.nominal import used_as_noun
from workers.stages.quotes.predicates import coordination_before, participle_subject, shared_subject
from workers.stages.quotes.speakers import SpeakerFinder
from workers.stages.quotes.statements import (MIN_CONTENT_WORDS, clause_end, negated, said_clause, short_clause,
                                              states_something, trailed_statement)
from workers.stages.quotes.subjects import clause_subject, in_free_relative, restricted_subject
from workers.stages.quotes.subordinate import relative_end, subordinate_end
from workers.stages.quotes.trailing import ASIDE_TAIL, THAT_NEXT, comma_before, reports_forward, tail_attribution

_QUOTE_MARK = re.compile(r"[\"“”«»„]")
_OPENERS = "\"“«„‘'(["
# Verbs of a request in a relative aside about the speaker ("who asked not to be named").
_REQUESTS = ("ask", "request", "declin", "spoke", "speak")
_WORD_NEXT = re.compile(r"[ \u00a0]+[\w’'\-]")
# A wire dateline opening the sentence: a place in capitals, a region, the agency, a dash
# ("LONDON (Reuters) - ", "NAIROBI, Kenya (AP) — ", "WASHINGTON — ", "MUMBAI: ").
_DATELINE = re.compile(
    r"[A-Z][A-Z.’'\-]+(?:[ \u00a0][A-Z][A-Z.’'\-]+){0,3}(?:,[ \u00a0]+[A-Z][\w.’'\-]*(?:[ \u00a0][A-Z][\w.’'\-]*){0,2})?"
    r"(?:[ \u00a0]*\([^()\n]{1,30}\))?(?:[ \u00a0]*(?:[-—–]+|--)|:)[ \u00a0]+(?=[A-Z\d“\"])"
)
# Content opening with these is an object, an adjunct, a relative clause about the listener, a
# particle or a pronoun no clause opens with ("replied to a call", "reported from Midway", "said
# when she resigned", "warned users, who are …", "showed off his speed", "denied them permits").
_OBJECT_START = re.compile(
    r"(?:,|to|about(?![ \u00a0]+[\d$])|with|for|of|on|by|from|at|in|into|during|after|before|when|while|as|"
    r"because|if|who|whom|whose|off|them|him|me|us|and|but|"  # "about 20 people …" opens with a quantity
    r"(?:them|him|her|it|our|my|your)sel(?:f|ves))(?![\w’'\-])"  # "find themselves in …": reflexive
)
_TAIL_WORDS = 8  # the most words after the verb of a trailing cue clause ("…, the source added.")
# What may stand between a statement and a second verb of the same speaker: "…, and also
# warned", "… but noted", "…, arguing". A verb after "and"/"but" starts a new statement only
# when nothing but these words comes before it (not "… and Smith said").
_COORDINATION = re.compile(
    r"[ \u00a0]*(?:,[ \u00a0]*)?(?:(?:and|but)[ \u00a0]+)?(?:(?:also|then|later|repeatedly)[ \u00a0]+)?"
)
# Words of description allowed between a comma and the speaker's name.
_DESCRIPTION_WORDS = 4
# Reported content is taken within this many characters of its cue (bounded work per cue).
_WINDOW_CHARS = 600
# A longer sentence (none in news) keeps its first statement only, none beside a quotation.
_SENTENCE_CHARS = 3000


class ReportedPass:
    """Finds reported speech in the sentences no direct quotation covers."""

    def __init__(self, doc: Document, finder: SpeakerFinder) -> None:
        self.text, self.sents, self.finder, self.cues = doc.text, doc.sentences, finder, doc.cues

    def run(self, taken: list[tuple[int, int]]) -> list[Draft]:
        """Reported statements in the sentences that no span of ``taken`` (sorted) overlaps."""
        drafts = []
        k = 0
        for sent in self._candidates(taken):
            while k < len(taken) and taken[k][1] <= sent.start:
                k += 1
            quoted = spans_before(taken, k, sent.end)
            whole = sent.end - sent.start <= _SENTENCE_CHARS  # bounded work per sentence
            if quoted and (not whole or too_little_beside(sent.start, sent.end, quoted)):
                continue
            draft = self._with_verb(sent, quoted) if quoted else self._according(sent) or self._with_verb(sent, quoted)
            while draft is not None:
                drafts.append(draft)
                # then a statement of the same speaker, or a clause of its own ("…, though she noted …")
                draft = self._coordinated(draft, sent.end, quoted) or self._rest(draft, sent, quoted, whole)
        return drafts

    def _candidates(self, taken: list[tuple[int, int]]) -> list[Bounds]:
        """The sentences holding a reporting verb or "according to", in order.

        A verb inside a quotation already found is passed over without finding its sentence:
        that sentence overlaps the quotation, and ``run`` would skip it anyway.
        """
        positions = list(self.cues.starts)
        pos = self.text.find("ccording to")
        while pos >= 0:
            positions.append(pos)
            pos = self.text.find("ccording to", pos + 1)
        positions.sort()
        hits: list[Bounds] = []
        k, reach = 0, -1  # the taken spans starting at or before ``pos``, and the furthest end among them
        for pos in positions:
            while k < len(taken) and taken[k][0] <= pos:
                reach = reach if reach > taken[k][1] else taken[k][1]
                k += 1
            if pos < reach or (hits and pos < hits[-1].end):
                continue  # inside a quotation, or in the sentence already found
            sent = self.sents.at(pos)
            if not hits or sent.start > hits[-1].start:
                hits.append(sent)
        return hits

    def _according(self, sent: Bounds) -> Draft | None:
        pos = self.text.find("ccording to", sent.start, sent.end)
        m = ACCORDING.match(self.text, pos - 1, sent.end) if pos > sent.start else None
        if m is None:
            return None
        found = self.finder.after(m.end(), sent.end) or self.finder.source_after(m.end(), sent.end)
        if found is None:
            return None
        lead = self.text[sent.start : m.start()].strip(" \u00a0")
        if not lead or lead.lower() in ("but", "and", "yet", "also"):
            comma = self.text.find(",", found.end, sent.end)
            if comma < 0:
                return None
            # past a description of a named source: "According to Ann Lee, a nurse at the clinic, most …"
            comma = past_source_description(self.text, comma, sent.end) if found.kind == "name" else comma
            return self._draft(comma + 1, sent.end, found, "according to")
        if lead.endswith((",", "—", "–")):  # "… — or wrong — according to the journal"
            return self._draft(sent.start, m.start(), found, "according to")
        return None

    def _rest(self, draft: Draft, sent: Bounds, quoted: list[tuple[int, int]], whole: bool) -> Draft | None:
        # a verb looked for first: most statements run to the end of their sentence
        return self._with_verb(Bounds(draft.end, sent.end), quoted) if whole and self.cues.first(draft.end, sent.end) else None

    def _with_verb(self, sent: Bounds, quoted: list[tuple[int, int]]) -> Draft | None:
        """The first statement reported in ``sent`` outside the ``quoted`` spans in it."""
        for cue in self.cues.within(sent.start, sent.end):
            # a verb inside the quoted words, or a listener's ("She had been told that …": she heard it)
            if (quoted and overlaps(cue.start, cue.end, quoted)) or told(self.text, sent.start, cue.start, cue.word):
                continue
            own = own_cue(self.text, self.cues, cue, quoted) if quoted else None
            if own is not None:
                draft = self._after_own_cue(sent, cue, own)
            else:
                draft = self._subject_first(sent, cue) or self._inverted(sent, cue) or self._shared(sent, cue)
            if draft is not None and not overlaps(draft.start, draft.end, quoted) and not used_as_noun(self.text, sent.start, cue):
                return draft  # a noun's cue ("His comments come …") asked last, of a statement found
        return None

    def _shared(self, sent: Bounds, cue: Cue) -> Draft | None:
        found = shared_subject(self.text, self.finder, sent.start, cue)
        start = None if found is None else self._content_after(cue, sent.end)
        return None if start is None else self._draft(start, sent.end, found, cue.word)

    def _after_own_cue(self, sent: Bounds, cue: Cue, own: tuple[int, int]) -> Draft | None:
        """A second verb of the quoted speaker after the quotation's cue: `“…,” she said,
        adding that …`, `“…,” said Ann Cole, arguing that …`."""
        if self.cues.first(cue.end, sent.end, reporting=False) is None:
            return None  # no second verb: checked first, as most quotations have none
        floor = own[1] if own[1] <= cue.start else sent.start
        found, pos = self.finder.before(floor, cue.start), cue.end
        if found is None and (found := self.finder.after(cue.end, sent.end)) is not None:
            pos = found.end
        if found is None:
            return None
        second = self._second_verb(pos, sent.end) or participle_after(self.text, self.cues, pos, sent.end)
        start = None if second is None else self._content_after(second, sent.end)
        return None if start is None else self._draft(start, sent.end, found, second.word)

    def _subject_first(self, sent: Bounds, cue: Cue) -> Draft | None:
        text = self.text
        # No comma before the verb: nothing trails before it; no "who": no relative clause ends the
        # content early. Then what follows the verb decides first (most verbs state nothing after).
        plain = text.find(",", sent.start, cue.start) < 0 and text.find("who", sent.start, cue.start) < 0
        after = self._content_after(cue, sent.end) if plain else None
        if plain and after is None:
            return None
        found = participle_subject(text, self.finder, sent.start, cue, self.finder.before(sent.start, cue.start))
        found = found or clause_subject(text, self.finder, sent.start, cue)
        restricted = found is None and (found := restricted_subject(text, self.finder, sent.start, cue)) is not None
        if found is None or in_free_relative(text, sent.start, found):
            return None
        closes = relative_end(text, self.cues, cue, sent.end) if found.relative else None
        if closes is not None and cue.word.lower().startswith(_REQUESTS):
            return None  # "Aisha, who asked not to be named, said …": a request; the main verb reports
        # No statement before the comma for "…, who said" (a relative clause reports forward), for
        # "The company’s CEO, Jensen Huang, said" (a name set off right before its verb describes),
        # nor for a participle ("…, issued a statement confirming …").
        apposed = text[found.end : cue.start].strip() == "," and text[found.start - 2 : found.start] == ", "
        trails = not (found.relative or apposed or restricted or cue.word.endswith("ing"))
        comma = comma_before(text, sent.start, found.start, _DESCRIPTION_WORDS) if trails else None
        if comma is not None and found.kind == "name" and text[comma + 1 : found.start].split()[:1] in (["a"], ["an"]):
            comma = None  # "…, a demand Ottawa has said it is studying": a noun and its relative clause
        tail_end = min(sent.end, cue.end + _WINDOW_CHARS)
        if (
            comma is not None
            and (not at_least_words(text, cue.end, tail_end, _TAIL_WORDS + 1) or ASIDE_TAIL.match(text, cue.end, tail_end))
            # "In a statement, the company said it would appeal": an adjunct before the comma
            and trailed_statement(text, max(sent.start, comma - _WINDOW_CHARS), comma)
            # "…, critics say that …", "…, he told them he …": the verb reports what follows it
            and not reports_forward(text, cue, tail_end, self.finder.names, self.cues.lowered)
        ):
            if cue.word.lower() in WEAK_VERBS:
                return None
            trailed = self._draft(max(sent.start, comma - _WINDOW_CHARS), comma, found, cue.word)
            if trailed is not None or text[cue.end : cue.end + 1] == ",":
                return trailed  # else a connective before the comma: "Meanwhile, Ann Cole said the …"
        start = after if plain else self._content_after(cue, closes or sent.end)
        if start is None or (closes is not None and start >= closes):
            return None
        return self._draft(start, closes or subordinate_end(text, sent.start, found.start, cue.end, start, sent.end), found, cue.word)

    def _content_after(self, cue: Cue, limit: int) -> int | None:
        """Where the statement after a verb starts, or None if an object follows it."""
        verb = cue.word.lower()
        # An intention or a promise ("wants to", "pledged to visit") states no fact; an intention
        # verb takes no statement at all ("declined comment").
        # A trailing-only verb ("…, The Herald has learned") takes no statement after it.
        if verb in INTENTION_VERBS or verb in TRAILING_VERBS or (verb in INFINITIVE_VERBS and INFINITIVE.match(self.text, cue.end, limit)):
            return None
        if negated(self.text, cue.start) or (verb in THAT_VERBS and not THAT_NEXT.match(self.text, cue.end)):
            return None  # "would not say whether …" reports nothing said; "disclosed the figures" an object
        start = content_start(self.text, cue.end, limit, cue.word, self.finder.names, self.cues.lowered)
        if _OBJECT_START.match(self.text, start):
            return None  # "replied to a call", "spoke about": an object, not a statement
        # the first words of the content up to a coordinated clause ("…, but would not say")
        if states_something(self.text, start, clause_end(self.text, start, limit)) \
                or said_clause(self.text, cue.word, start, limit):
            return start
        return None

    def _inverted(self, sent: Bounds, cue: Cue) -> Draft | None:
        if cue.word.lower() not in INVERTED_VERBS or cue.word.endswith("ing"):
            return None  # checked first: cheaper than looking for the comma
        comma = comma_before(self.text, sent.start, cue.start)
        if comma is None:
            return None
        found = self.finder.after(cue.end, sent.end)
        if found is None or (found.kind == "pronoun" and _WORD_NEXT.match(self.text, found.end)):
            return None  # "…, said she had been waiting": the statement's subject, not an inverted speaker
        return self._draft(max(sent.start, comma - _WINDOW_CHARS), comma, found, cue.word)

    def _coordinated(self, draft: Draft, limit: int, quoted: list[tuple[int, int]]) -> Draft | None:
        """The statement of a verb that ``draft`` stops before, by the same speaker
        ("said he would order a review and warned against hackers") — unless it is a quotation
        attributed already (`…, telling MPs: “…”`)."""
        if draft.found is None:
            return None
        cue = self._second_verb(draft.end, limit, draft.found.relative)
        if cue is None:
            return None
        start = self._content_after(cue, limit)
        if start is None:
            return None
        second = self._draft(start, limit, draft.found, cue.word)
        return None if second is None or overlaps(second.start, second.end, quoted) else second

    def _second_verb(self, pos: int, limit: int, relative: bool = False) -> Cue | None:
        """A verb (reporting or framing) opening a coordinated predicate at ``pos`` — or, after
        a ``relative`` clause about the speaker ("Ann Cole, who …, told"), the main verb."""
        cue = self.cues.first(pos, limit, reporting=False)
        if cue is None:
            return None
        m = _COORDINATION.match(self.text, pos, cue.start)
        if m is None or m.end() != cue.start or m.end() == pos:
            return None
        joined = m.group()
        if "and" in joined or "but" in joined:
            return cue
        # Without a conjunction only a participle after a comma continues the speaker (or the main
        # verb after a relative clause).
        return cue if "," in joined and (relative or cue.word.endswith("ing")) else None

    def _draft(self, start: int, end: int, found: Found, cue: str) -> Draft | None:
        end = clause_end(self.text, start, end)
        end = tail_attribution(self.text, self.cues, start, end) or end
        second = coordination_before(self.text, self.cues, start, end)
        if second is not None:
            short = not at_least_words(self.text, start, second, MIN_CONTENT_WORDS)
            if short and not short_clause(self.text, *trim(self.text, start, second)):
                return None  # "denied the motion and said …": an object; not "said it agreed but …"
            end = second
        start, end = trim(self.text, start, description_start(self.text, start, end, MIN_CONTENT_WORDS))
        dateline = _DATELINE.match(self.text, start, end)
        if dateline is not None:
            start = dateline.end()  # "LONDON (Reuters) - Britain will …, the minister said"
        if start >= end or not (self.text[start].isalnum() or self.text[start] in _OPENERS):
            return None  # a clause opens with a word: ".R.S. anything" was cut inside "the I.R.S."
        if not at_least_words(self.text, start, end, MIN_CONTENT_WORDS) and not short_clause(self.text, start, end):
            return None
        kind = "mixed" if _QUOTE_MARK.search(self.text, start, end) else "indirect"
        return Draft(start, end, kind, found, cue)
