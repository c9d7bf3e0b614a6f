"""Speaker resolution: each draft's speaker phrase to a name (surname to full name, pronoun to the
person meant, an uncued paragraph to the previous speaker), in document order."""
from __future__ import annotations

from workers.stages.quotes.antecedents import describes_person, impersonal
from workers.stages.quotes.candidates import Draft
from workers.stages.quotes.coreference import PRONOUN_SENTENCES, Antecedents
from workers.stages.quotes.document import Document, trim
from workers.stages.quotes.extents import agent_of, head_before_preposition, person_of
from workers.stages.quotes.found import Found
from workers.stages.quotes.lexicon import ORG_WORDS, PRONOUNS, SPEAKER_NOUNS, TITLES
from workers.stages.quotes.names import Mention
from workers.stages.quotes.nominal import used_as_noun
from workers.stages.quotes.parts import Parts
from workers.stages.quotes.results import Quote, Speaker
from workers.stages.quotes.subjects import subject_before_verb
from workers.stages.quotes.surnames import FullNames
from workers.stages.quotes.wordforms import bare

# An uncued quotation continues the previous speaker only if that speaker spoke in the
# previous paragraph or the one before (news style: a speaker's quotes run in consecutive paragraphs).
_CONTINUATION_PARAGRAPHS = 2
# How far back the organisation "the ministry" stands for is looked for (a few paragraphs).
_ORG_LOOKBACK_CHARS = 2000


class Resolver:
    """Resolves the speakers of one document's drafts, read in document order."""

    def __init__(self, doc: Document, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc.text
        self.names = doc.names
        self.full_names = FullNames(doc.text)
        self.antecedents = Antecedents(doc, self.full_names, quoted)
        self.parts = Parts(doc.text, quoted)
        self.last_speaker: str | None = None  # the canonical name of the last quote's speaker
        self.last_via = ""  # how it was found, when first named (a continuation keeps the name)
        self.last_at = -1  # where it was named

    def run(self, drafts: list[Draft]) -> list[Quote]:
        """The drafts (sorted by position) as quotes with resolved speakers."""
        quotes: list[Quote] = []
        last: tuple[int, Speaker] | None = None  # paragraph index and speaker of the last quote
        reported: tuple[int, Speaker] | None = None  # end and speaker of the last quote of any kind
        for d in drafts:
            para = self.doc.paragraph_index(d.start)
            keep, speaker = self._speaker(d, para, last, reported)
            if not keep:
                continue
            if speaker is not None:
                self.last_speaker = speaker.name
                if speaker.via != "continuation":
                    self.last_via, self.last_at = speaker.via, speaker.start
                reported = (d.end, speaker)
                if d.kind != "indirect":
                    last = (para, speaker)  # uncued paragraphs continue quoted speakers only
            kind, parts, content = self.parts.of(d)
            if parts:
                text = parts[0].text if len(parts) == 1 else " ".join(part.text for part in parts)
                quotes.append(Quote(text, parts[0].start, parts[-1].end, kind, speaker, d.cue, parts, content))
        return quotes

    def _speaker(self, d: Draft, para: int, last: tuple[int, Speaker] | None,
                 reported: tuple[int, Speaker] | None) -> tuple[bool, Speaker | None]:
        """Whether the draft is a quote, and its speaker: its own phrase resolved, or carried
        from the last quoted speaker (``last``) or the last speaker of any kind (``reported``)."""
        found = d.found
        if found is not None and found.kind == "noun phrase":
            found = subject_before_verb(self.text, self._before_cue(found))
            if found is None and d.kind == "indirect":
                return False, None  # a statement needs a speaker that can speak
            found = found and self._as_name(self._set_off_name(found))
        if found is not None and found.kind != "name" and impersonal(self.text, found.start):
            return d.kind != "indirect", None  # "It is believed that …" reports no one's statement
        if found is not None:
            words = found.mention.words if found.kind == "name" and found.mention is not None else ()
            if "of" in words or "for" in words:
                found = person_of(found)
            # a pronoun is never the object of "a spokesperson for"; both extents need a word before
            if found.kind != "pronoun" and self.text[found.start - 1 : found.start] == " ":
                found = head_before_preposition(self.doc, agent_of(self.text, found))
            name, via = self._name(found)
            return True, Speaker(name, found.start, found.end, via)
        if d.continues and last and para - last[0] <= _CONTINUATION_PARAGRAPHS:
            return True, _carried(last[1])
        if d.after_report:
            sentences = self.doc.sentences
            if reported is None or reported[0] <= sentences.start_of(sentences.start_of(d.start) - 1):
                return False, None  # the sentence before reports no statement of anyone
            return True, _carried(reported[1])
        return True, None

    def _before_cue(self, found: Found) -> Found:
        """A phrase cut before a reporting or framing verb in the past inside it ("The Trump
        campaign called the", "all suggested that those"): what stands before it is the subject.
        (Other forms are nouns as often as verbs there: "the report", "the state"; and an adjective
        is no verb: "The alleged thief".)"""
        cue = self.doc.cues.first(found.start, found.end, reporting=False)
        if cue is None or cue.start <= found.start or not cue.word.endswith("ed") or used_as_noun(self.text, found.start, cue):
            return found
        start, end = trim(self.text, found.start, cue.start)
        return Found(start, end, found.kind)

    def _set_off_name(self, found: Found) -> Found:
        """The name set off right after a described speaker ("The town’s mayor, Ana Ruiz,
        says"; "said the party leader, Sir Ed Davey."), else the description itself."""
        pos = found.end
        if self.text[pos : pos + 2] != ", ":
            return found
        mention = self.names.starting_at(pos + 2) or self._after_title(pos + 2)
        # set off on both sides: by a comma, or by the sentence's end ("said the party leader,
        # Sir Ed Davey.")
        if mention is None or self.text[mention.end : mention.end + 1] not in (",", ".", ";", "!", "?", "\n", ""):
            return found
        return Found(mention.start, mention.end, "name", mention)

    def _as_name(self, found: Found) -> Found:
        """A noun phrase that is a name once cut ("Clinton now says" → "Clinton"), as a name."""
        if found.kind != "noun phrase" or not self.text[found.start : found.start + 1].isupper():
            return found
        mention = self.names.ending_at(found.end)
        if mention is None or mention.start != found.start or bare(mention.words[0]) in SPEAKER_NOUNS:
            return found  # "Officials", "Police": nouns opening a sentence
        person = len(mention.words) > 1 or self.full_names.canonical(mention)[1] == "surname"
        return Found(found.start, found.end, "name", mention) if person else found

    def _after_title(self, pos: int) -> Mention | None:
        """The name after a title at ``pos`` ("Sir Ed Davey", "Dr. Ana Ruiz")."""
        space = self.text.find(" ", pos, pos + 8)
        if space < 0 or self.text[pos:space].rstrip(".").lower() not in TITLES:
            return None
        return self.names.starting_at(space + 1)

    def _name(self, found: Found) -> tuple[str, str]:
        """Canonical name and how it was found."""
        if found.kind == "name" and found.mention is not None:
            if len(found.mention.words) == 1 and self.text.endswith(("the ", "The "), 0, found.start):
                # "the Frenchwoman", "the Australian": a person described by a nationality
                person = self._person_described(found.start, "the " + found.mention.words[0].lower())
                if person is not None:
                    return person, "noun phrase"
            name, via = self.full_names.canonical(found.mention)
            if via == "surname":  # by the honorific's gender: "Mrs Blair" is not Tony Blair
                return self.antecedents.named(found.mention)[0], via
            # a first name alone: features name a person in full once, then by the given name
            return self.full_names.by_given_name(found.mention) or name, via
        text = self.text[found.start : found.end]
        if found.kind == "pronoun":
            if PRONOUNS.get(text.lower()) == "self":
                return text, "pronoun"  # the writer (or the writers), whom no earlier name is
            name = self.antecedents.meant(found.start, text.lower(), self.last_speaker, self.last_via, self.last_at)
            return (name, "pronoun") if name else (text, "pronoun")
        return self._organisation_meant(found.start, text) or self._person_described(found.start, text) or text, found.kind

    def _person_described(self, pos: int, phrase: str) -> str | None:
        """The person named just before whom "the retired postman" or "the Frenchwoman" describes."""
        if not describes_person(phrase):
            return None
        own, *earlier = self.doc.sentences.lookback(pos, PRONOUN_SENTENCES - 1)
        # in its own sentence, not an opening participle's phrase ("Writing on Instagram, the star said")
        mentions = [m for m in self.names.between(own[0], pos)
                    if not m.words[0].endswith("ing") and self.antecedents.acceptable(m, "he")]
        if mentions:
            return self.full_names.canonical(mentions[-1])[0]
        for start, end in earlier:
            names = self.antecedents.candidates(start, end, "he")
            if names:
                return names[0][0]
        return None

    def _organisation_meant(self, pos: int, phrase: str) -> str | None:
        """The organisation named shortly before that "the ministry" or "the council" stands for:
        the nearest name holding that word ("the Ministry of Health", "Leeds City Council")."""
        words = phrase.lower().split()
        if len(words) != 2 or words[0] != "the" or words[1] not in ORG_WORDS:
            return None
        for mention in reversed(self.names.between(max(0, pos - _ORG_LOOKBACK_CHARS), pos)):
            if len(mention.words) > 1 and words[1] in (word.lower() for word in mention.words):
                return self.full_names.canonical(mention)[0]
        return None

def _carried(speaker: Speaker) -> Speaker:
    """The speaker of an earlier quote, for an uncued one that continues it."""
    return Speaker(speaker.name, speaker.start, speaker.end, "continuation")
