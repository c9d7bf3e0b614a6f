"""Attribute quoted spans: cue after the quote, cue before it, a block quote, or a continuation."""
from __future__ import annotations

import re

from workers.stages.quotes.after import cue_after, open_ended
from workers.stages.quotes.candidates import Draft, is_title
from workers.stages.quotes.cues import ACCORDING, CLAUSE_WINDOW_CHARS, Cue, content_start
from workers.stages.quotes.document import Document, at_least_words, trim, word_before
from workers.stages.quotes.found import Found
from workers.stages.quotes.idioms import IDIOM_REACH, idiom_before
from workers.stages.quotes.introductions import block_cue, introduced
from workers.stages.quotes.lexicon import LISTENER_VERBS, REPORTING_VERBS, WEAK_VERBS
from workers.stages.quotes.marks import Quoted
from workers.stages.quotes.mixed import AS_FRAME, after_determiner, clause_tail, complete, framed_as
from workers.stages.quotes.predicates import participle_subject, shared_subject
from workers.stages.quotes.speakers import SpeakerFinder

_LINK = re.compile(r"[ \u00a0]*(?:that[ \u00a0]*)?[:,]?[ \u00a0]*$")
_SENTENCE_END = re.compile(r"[.!?]")
# Quotations this short with no cue are names, titles or scare quotes (the seed's ‘Commission on Public
# Integrity’); set on PolNeAR dev, where uncued quotes under five words were almost never annotated as quotations.
MIN_UNCUED_WORDS = 5
# Two quotes separated by a cue clause are halves of one quotation (one quote in two parts) when the
# clause is this short or shorter than the quoted words; a longer aside ("said Peter Morgan, a lawyer for
# the Sierra Club, who …") keeps them apart, the second continuing the speaker. Set on PolNeAR dev, when a
# quote was one span; with parts, dropping the bound cost 0.002 of P@0.3 and 0.003 of direct recall.
_SPLIT_GAP_CHARS = 60
# An uncued quote this close after an attributed one in the same paragraph continues it.
_FOLLOW_CHARS = 250
_NEW_STATEMENT = re.compile(r"(?<![\w’'\-])(?:that|adding|saying|noting|arguing|explaining)(?![\w’'\-])")
# Between a reporting verb and the subject of its complement: nothing, "that", or an adjunct
# of time or place and then "that" ("said during a rally in Michigan that").
_COMPLEMENT_LINK = re.compile(r"[ \u00a0]+(?:[^.;:!?\"“”\n]{0,80}?[ \u00a0]that[ \u00a0]+|that[ \u00a0]+)?")
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
_NOUN_BEFORE = frozenset("to of in on from about with the a an his her their its".split())
_BREAKS = re.compile(r"[,;:.!?\"“”()—–]")
_LISTENER_AFTER = frozenset(v for v in LISTENER_VERBS if not v.startswith("ask"))
_PARTICIPLE = re.compile(r"[ \u00a0]*,[ \u00a0]*(adding|saying|noting|arguing|claiming|insisting|warning|explaining|stressing)"
                         r"(?![\w’'\-])")


class DirectPass:
    """Turns quoted spans into drafts for one document."""

    def __init__(self, doc: Document, finder: SpeakerFinder) -> None:
        self.doc, self.finder = doc, finder
        self.text, self.paras, self.sents, self.cues = doc.text, doc.paragraphs, doc.sentences, doc.cues

    def run(self, quoted: list[Quoted]) -> list[Draft]:
        drafts: list[Draft] = []
        prev: tuple[Quoted, Draft] | None = None
        k = 0
        while k < len(quoted):
            q = quoted[k]
            # A cue before this quote lies after the previous quotation (keeps scans disjoint).
            draft, clause_end = self._attribute(q, prev, quoted[k - 1].close_end if k else 0)
            k += 1
            if draft is not None and clause_end is not None:
                if k < len(quoted) and self._continues_split(q, quoted[k], clause_end):
                    draft.parts = [(draft.start, draft.end), (quoted[k].start, quoted[k].end)]
                    draft.end = quoted[k].end
                    q = quoted[k]
                    k += 1
                else:
                    drafts.extend(self._participle(draft, clause_end, quoted[k].open if k < len(quoted) else len(self.text)))
            if draft is not None:
                drafts.append(draft)
                prev = (q, draft)
                while k < len(quoted) and quoted[k].close < draft.end:
                    k += 1  # later quoted words inside this mixed quotation's clause
        return drafts

    def _attribute(self, q: Quoted, prev: tuple[Quoted, Draft] | None, after_last: int) -> tuple[Draft | None, int | None]:
        para = self.paras[self.doc.paragraph_index(q.open)]
        # The latest of the paragraph start, the last quote, the window and a line break (ends a clause).
        window = q.open - CLAUSE_WINDOW_CHARS
        line = self.text.rfind("\n", window if window > 0 else 0, q.open) + 1
        floor, last = (line if line > window else window), (after_last if after_last > para.start else para.start)
        floor = floor if floor > last else last
        # The sentence start bounds the clause too; it is looked up (and the paragraph split) only
        # when something could introduce the quote: most quotes have nothing before them.
        verb = self.cues.last(floor, q.open, reporting=False)
        clause_start = _later(floor, self.sents.start_of(q.open)) if verb is not None else -1
        # The last verb in an earlier sentence: no verb is in this one (no need to read past nouns).
        verb = self._verb_before(floor, verb) if verb is not None and verb.start >= clause_start else None
        if verb is not None or self._may_frame(q, floor):
            clause_start = clause_start if clause_start >= 0 else _later(floor, self.sents.start_of(q.open))
            if verb is not None and verb.start < clause_start:
                verb = None  # a noun-like verb form walked back into an earlier sentence
            before = self._cue_before(q, clause_start, prev, verb)
            if before is not None:
                return self._own_cue(before, q), None
        if is_title(self.text, q):
            return None, None  # “Fox News Sunday,” Pence said: a title, not a quote
        end_para = para if q.close < para.end else self.paras[self.doc.paragraph_index(q.close)]
        after = cue_after(self.doc, self.finder, q, q.close_end, end_para.end)
        if after is not None:
            found, cue, clause_end = after
            start = self._lead_in(q, floor)
            # words after the quoted ones belong to the clause: "… a 'wall' in the river, the minister said"
            end = self.text.rfind(",", q.close_end, found.start) if start < q.start and clause_end is None else -1
            end = end if end > q.close_end else q.end
            return Draft(start, end, "mixed" if start < q.start else "direct", found, cue), clause_end
        at_para_start = q.open == para.start
        if at_para_start:
            block = block_cue(self.doc, self.finder, q)
            if block is not None:
                return block, None
        opened = introduced(self.doc, self.finder, q, _later(floor, self.sents.start_of(q.open)))
        if opened is not None:
            return opened, None
        follows = prev is not None and para.start <= prev[0].close and q.open - prev[0].close <= _FOLLOW_CHARS
        if (at_para_start or follows) and (
            at_least_words(self.text, q.start, q.end, MIN_UNCUED_WORDS) or (follows and self._next_sentence(prev[0], q))
        ):
            return Draft(q.start, q.end, "direct", None, None, continues=True), None
        if self._after_report(q, para.start):
            return Draft(q.start, q.end, "direct", None, None, after_report=True), None
        return None, None

    def _own_cue(self, draft: Draft, q: Quoted) -> Draft:
        """`X said the law mattered because “…,” she said.`: a cue right after the quote is its
        own attribution, so its speaker phrase is the quote's (the nearer mention)."""
        if not open_ended(self.text, q, False):
            return draft
        limit = self.paras[self.doc.paragraph_index(q.close)].end
        after = cue_after(self.doc, self.finder, q, q.close_end, max(limit, q.close_end))
        if after is not None and after[0].kind != "noun phrase":
            draft.found, draft.cue = after[0], after[1]
        return draft

    def _lead_in(self, q: Quoted, floor: int) -> int:
        """Where the clause of a quoted fragment starts: `the tax ''is a misguided approach,''
        said Burman` quotes a predicate whose subject is not quoted (``q.start`` if none)."""
        if not self.text[q.start].islower():
            return q.start
        start = trim(self.text, _later(floor, self.sents.start_of(q.open)), q.open)[0]
        return start if at_least_words(self.text, start, q.open, 1) else q.start

    def _verb_before(self, floor: int, verb: Cue) -> Cue | None:
        """``verb`` (the last one before the quote) or the last before it from ``floor`` that is no verb
        form used as a noun after a determiner ("dismissed the report as “nonsense”": "dismissed")."""
        while verb is not None and after_determiner(self.text, floor, verb.start):
            verb = self.cues.last(floor, verb.start, reporting=False)
        return verb

    def _participle(self, draft: Draft, clause_end: int, next_open: int) -> list[Draft]:
        """`“…,” the mayor said, adding that …`: a second statement, unless a quotation follows it."""
        if _PARTICIPLE.match(self.text, clause_end, clause_end + CLAUSE_WINDOW_CHARS) is None:
            return []  # no participle in the window, so none in the sentence: its end is not looked up
        stop = min(self.sents.end_of(clause_end - 1), clause_end + CLAUSE_WINDOW_CHARS)
        m = _PARTICIPLE.match(self.text, clause_end, stop)
        if m is None or next_open < stop or _QUOTE_MARK.search(self.text, m.end(), stop):
            return []
        start = content_start(self.text, m.end(), stop, m.group(1), self.finder.names, self.cues.lowered)
        start, end = trim(self.text, start, stop)
        if not at_least_words(self.text, start, end, MIN_UNCUED_WORDS):
            return []
        return [Draft(start, end, "indirect", draft.found, m.group(1))]

    def _cue_before(self, q: Quoted, floor: int, prev: tuple[Quoted, Draft] | None, cue: Cue | None) -> Draft | None:
        """`X said: “…”` (direct) or `X said the plan was “a disaster”` (mixed); ``cue`` is the
        last verb between ``floor`` and the quote."""
        text, open_pos = self.text, q.open
        if cue is None:
            return (self._according_before(q, floor) or self._idiom_before(q, floor)
                    or framed_as(self.doc, self.finder, q, floor))
        linked = _LINK.match(text, cue.end, open_pos) is not None
        verb = cue.word
        if verb.lower() in WEAK_VERBS and linked:
            return None
        # After "told"/"warned" comes the listener ("telling MPs: “…”"), never the speaker; after a
        # participle or a verb joined to another, mostly the statement's subject ("…, saying Canada
        # “will never …”", "apologised and said the government would “do better”"): the last resort.
        listener = verb.lower() in _LISTENER_AFTER
        joined = verb.endswith("ing") or _joined(text, floor, cue.start)
        found = participle_subject(text, self.finder, floor, cue, self.finder.before(floor, cue.start)) or (
            None if listener or joined else self.finder.after(cue.end, open_pos))
        if found is None and prev is not None and self._same_sentence(prev[0].close, cue.start):
            found = prev[1].found  # “…,” the mayor said, adding that it would take “more hours”
        found = (found or shared_subject(text, self.finder, floor, cue) or self.finder.subject(floor, cue.start)
                 or self.finder.np_before(floor, cue.start)
                 or (self.finder.after(cue.end, open_pos) if joined and not listener else None))  # tried above otherwise
        if not (linked and (":" in text[cue.end : open_pos] or (complete(text, q) and not text[q.start].islower()))):
            # not a quotation the inner verb introduces ("Y told him: “…”"): the words are the outer speaker's
            found = self._outer_speaker(floor, found, cue) or found
        if linked and ":" not in text[cue.end : open_pos] and not complete(text, q):
            # `he said "budget reforms" and unpaid taxes would pay for it`: the clause goes on.
            end = clause_tail(self.doc, q, "that" in text[cue.end : open_pos] and verb.lower() in REPORTING_VERBS)
            if end > q.end:
                return Draft(q.start, end, "mixed", found, verb)
        if linked:
            # A verb right before the quote is a cue even when the speaker is not found.
            return Draft(q.start, q.end, "direct", found, verb)
        if found is None:
            return None
        start = content_start(text, cue.end, open_pos, verb, self.finder.names, self.cues.lowered)
        lead = text[start:open_pos].rstrip()
        if start >= open_pos - 1 or lead.endswith(":") or (lead.endswith(",") and lead != "that,"):
            return Draft(q.start, q.end, "direct", found, verb)
        clausal = verb.lower() in REPORTING_VERBS
        return Draft(start, max(q.end, clause_tail(self.doc, q, clausal)), "mixed", found, verb)

    def _outer_speaker(self, floor: int, inner: Found | None, cue: Cue) -> Found | None:
        """`Trump said (during a rally) that Clinton called it “the gold standard”`: a clause
        reported by an earlier verb in the sentence is that verb's subject's report (its own
        subject, ``inner``, may be a phrase no speaker was read from: "the city would answer")."""
        outer = self.cues.last(floor, cue.start if inner is None else inner.start)
        if outer is None or outer.word.lower() not in REPORTING_VERBS or _object_noun(self.text, floor, outer):
            return None  # "she pointed to reports that Trump called …": a noun, reporting nothing
        if inner is None:
            if _BREAKS.search(self.text, outer.end, cue.start):
                return None
        elif not _COMPLEMENT_LINK.fullmatch(self.text, outer.end, inner.start):
            return None
        found = self.finder.before(floor, outer.start)
        return found if found is not None and found.end <= outer.start else None

    def _may_frame(self, q: Quoted, floor: int) -> bool:
        """Whether "according to", "as" or an idiom ("as X put it", "in the words of X") comes
        before the quote after ``floor`` (``_cue_before`` may find a cue with no verb; none in a
        window means none in any window inside it)."""
        # The words looked for first with str.find: most windows hold none (a find costs less).
        text, lo, near = self.text, _later(floor, q.open - 12), _later(floor, q.open - IDIOM_REACH)
        return (
            (text.find("ccording to", floor, q.open) >= 0 and ACCORDING.search(text, floor, q.open) is not None)
            or (text.find("as", lo, q.open) >= 0 and AS_FRAME.search(text, lo, q.open) is not None)
            # idiom_before's finds inline (a call per quote cost 0.7% more), before any sentence split
            or ((text.find("ut it", near, q.open) >= 0 or text.find("uts it", near, q.open) >= 0
                 or text.find("words", near, q.open) >= 0) and idiom_before(text, self.finder, q, floor) is not None)
        )

    def _according_before(self, q: Quoted, floor: int) -> Draft | None:
        """`According to Limbaugh, “…”`."""
        m = ACCORDING.search(self.text, floor, q.open)
        found = self.finder.after(m.end(), q.open) if m else None
        if found is None or not _LINK.match(self.text, found.end, q.open):
            return None
        return Draft(q.start, q.end, "direct", found, "according to")

    def _idiom_before(self, q: Quoted, floor: int) -> Draft | None:
        """`As the mayor put it, “…”`, `In the words of one analyst: “…”`."""
        idiom = idiom_before(self.text, self.finder, q, floor)
        return None if idiom is None else Draft(q.start, q.end, "direct", *idiom)

    def _continues_split(self, first: Quoted, second: Quoted, clause_end: int) -> bool:
        """`“First half,” she said, “second half.”` is one quotation in two segments."""
        gap_chars = second.open - first.close_end
        if gap_chars > _SPLIT_GAP_CHARS and gap_chars > (first.end - first.start) + (second.end - second.start):
            return False  # the aside outweighs the quoted words: a second quote of the speaker
        # A full stop after the cue clause makes two quotes of one speaker: “One,” she said. “Two.”
        # (Asked first: the cheapest test, and decisive for most pairs of quotes.)
        if _SENTENCE_END.search(self.text, clause_end, second.open):
            return False
        gap = self.text[first.close_end : second.open]
        # "…,” he said, adding that “…”: the second part is a new, reported statement.
        if "\n" in gap or self.cues.first(first.close_end, second.open) is None or _NEW_STATEMENT.search(gap):
            return False
        # No second verb after the cue clause: "Obama said. He called Burma a “…”" is two.
        return self.cues.first(clause_end, second.open, reporting=False) is None

    def _next_sentence(self, prev: Quoted, q: Quoted) -> bool:
        """A whole quoted sentence opening the sentence after the previous quote's: `“One,” she
        said. “Two.”` continues its speaker however short it is."""
        return (
            complete(self.text, q)
            and self.sents.start_of(q.open) == q.open
            and self.sents.start_of(q.open - 1) <= prev.close
        )

    def _after_report(self, q: Quoted, para_start: int) -> bool:
        """A whole quoted sentence opening the sentence after one with a reporting verb, in the
        same paragraph: `The mayor said the bridge would reopen. “We owe it to the valley.”`"""
        start = self.sents.start_of(q.open)
        if start != q.open or start <= para_start or not complete(self.text, q):
            return False
        return self.cues.last(max(para_start, self.sents.start_of(start - 1)), start) is not None

    def _same_sentence(self, a: int, b: int) -> bool:
        return self.sents.start_of(a) == self.sents.start_of(b)


def _later(a: int, b: int) -> int:
    """``max(a, b)`` for two offsets: a builtin max() call costs ten times this in Python 3.11."""
    return a if a > b else b


def _joined(text: str, floor: int, pos: int) -> bool:
    """The verb at ``pos`` is joined to a predicate before it: "and"/"but" (and an -ly adverb) before it."""
    span = word_before(text, floor, pos)
    if span is not None and text.endswith("ly", span[0], span[1]):
        span = word_before(text, floor, span[0])
    return span is not None and text[span[0] : span[1]] in ("and", "but")


def _object_noun(text: str, floor: int, cue: Cue) -> bool:
    """The verb form at ``cue`` is a noun after a preposition or a determiner ("pointed to reports that")."""
    span = word_before(text, floor, cue.start)
    return span is not None and text[span[0] : span[1]].lower() in _NOUN_BEFORE
