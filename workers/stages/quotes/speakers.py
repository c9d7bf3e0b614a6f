"""Speaker mentions: the phrase naming a speaker next to a reporting verb (a name, a pronoun or a
noun phrase), found but not yet resolved."""
from __future__ import annotations

import re

from workers.stages.quotes.appositions import before_relative
from workers.stages.quotes.asides import PAREN_MAX_CHARS, past_asides
from workers.stages.quotes.document import Document, at_least_words, last_visible, trim, word_before
from workers.stages.quotes.found import Found
from workers.stages.quotes.lexicon import (AUXILIARIES, DEMONYMS, DETERMINERS, OCCUPATIONS, PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS,
                                          TITLES, is_adverb, pronoun_of)
from workers.stages.quotes.names import Mention, with_particles
from workers.stages.quotes.owners import common_word_before_noun, noun_after, owned_phrase
from workers.stages.quotes.phrases import WORD_AFTER, phrase_end, phrase_start, role_holder
from workers.stages.quotes.wordforms import SUFFIXES

# The longest source after "according to" read as a phrase: a title, a name and its acronym
# ("the event organizer Alliance to Reclaim Our Schools (AROS)", 9) or a document and its
# author ("a civil complaint filed by the federal regulator") fit; 8 left both out.
_SOURCE_MAX_WORDS = 12
# Words that end a clause but never head a speaker phrase ("the plan that was said").
_NOT_HEADS = frozenset("that which who what it is was be been also not only just then to and or but of in for with on at by as".split())
# A subject is among the first words of its clause.
_SUBJECT_WORDS = 6
# Verbs before an infinitive that keep their subject's and assert the act: "The papers go on to
# say", "she used to joke", "One picture even appears to show" (not "declined to", "hopes to").
_RAISING = re.compile(r"(?<![\w’'\-])(?:go(?:es)?|went|going|gone)[ \u00a0]+on[ \u00a0]+to[ \u00a0]*\Z|"
                      r"(?<![\w’'\-])(?:used|appears?|appeared|seems?|seemed|proceed(?:s|ed)?|continu(?:es|ed))[ \u00a0]+to[ \u00a0]*\Z")
# How many words may stand before a name after the verb, and which ("said opposition leader Pierre Dubois",
# "said Thai police chief Ann Cole"); the longest run of words between a quote and its verb taken as the speaker's.
_TITLE_WORDS, _SPEAKER_MAX_WORDS = 3, 8
_BEFORE_NAME = TITLES | ROLE_WORDS | SPEAKER_NOUNS | DEMONYMS | OCCUPATIONS
_AFTER_SUFFIX = tuple(" " + suffix for suffix in SUFFIXES)  # "… Biden Jr." ending a name
_BREAK = re.compile(r"[,;:!?\"“”«»]")
_RELATIVE = re.compile(r"(?<![\w’'\-])(?:[Ww]ho|[Ww]hich|[Tt]hat|[Ii]ts?|[Tt]here)(?![\w’'\-])")  # not "WHO"
# A phrase ending with a conjunction is a predicate coordinated with the verb after it ("the
# agency reviewed the figures and concluded"), not the verb's subject.
ENDS_JOINED = re.compile(r"(?<![\w’'\-])(?:and|but|or)$")
# Where the phrase after an inverted verb ends: a break, a full stop after a lower-case word
# (not the one of "U.S."), a relative pronoun ("said a woman who gave only her first name") or
# a word opening an adjunct of time ("said the coach after the defeat").
_INVERTED_END = re.compile(
    r"[,;:!?\"“”«»(]|(?<=[a-z])\.|(?<![\w’'\-])(?:who|which|that|whose|after|before|during|following|"
    r"when|while)(?![\w’'\-])"
)
_INVERTED_MAX_WORDS, _TITLED_NAME_CHARS = 6, 80  # how far a name may sit behind capitalised titles


class SpeakerFinder:
    """Finds the speaker phrases of one document."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.names = doc.names
        self.cues = doc.cues
        self._word_key: tuple[int, int] = (-1, -1)  # the last word_before asked, and its answer
        self._word: tuple[int, int] | None = None

    def before(self, floor: int, pos: int) -> Found | None:
        """The subject phrase ending just before ``pos`` (the reporting verb)."""
        end = self.skip_back(floor, pos)
        found = self.phrase_ending(floor, end)
        if found is None and last_visible(self.text, floor, end) == ",":
            # "Rep. Ann Cole (D-Ore.), chair of the panel, said": past the (party-state) too
            found = past_asides(self, floor, end)
        if found is not None and found.kind == "name" and (described := before_relative(self.text, floor, found.start)):
            found = self.phrase_ending(floor, self.skip_back(floor, described)) or found  # not "Taipei" of "who runs a salon in Taipei"
        return found if found is not None else self._relative(floor, end)

    def _relative(self, floor: int, end: int) -> Found | None:
        """"Tom Reed, who said": the span of "who", standing for the name just before it."""
        span = self._word_ending(floor, end)
        if span is None or span[1] != end or self.text[span[0] : end] != "who":
            return None
        before = span[0]
        while before > floor and self.text[before - 1] in " \u00a0,":
            before -= 1
        mention = self.names.ending_at(before)
        if mention is None or mention.start < floor:
            return None
        return Found(span[0], end, "name", mention, relative=True)

    def after(self, pos: int, ceiling: int) -> Found | None:
        """The speaker phrase starting just after ``pos`` ("said Caddell", "says the report")."""
        determiner = None
        for k in range(_TITLE_WORDS + 1):
            m = WORD_AFTER.match(self.text, pos, ceiling)
            if not m:
                return None
            word, start = m.group(1), m.start(1)
            if k == 0 and word.lower() in PRONOUNS and word.lower() != "it":
                return Found(start, m.end(1), "pronoun")
            mention = self.names.starting_at(start) or self.titled_name(start, ceiling)
            if mention is not None and determiner is not None and (end := noun_after(self.text, mention.end, ceiling)):
                return Found(determiner, end, "noun phrase")  # "said the Leeds charity": a description
            if mention is not None and (owned := owned_phrase(self.text, self.names, mention, ceiling)):
                return owned  # "Cole's relatives … said", "Suarez's strike partner Lionel Messi said"
            if mention is not None and (described := common_word_before_noun(self.text, mention, ceiling)):
                return described  # "Health officials inspected …, and said"
            if mention is not None:  # "Acme spokesperson Ann Cole": the person
                mention = role_holder(self.text, self.names, mention, ceiling) or mention
                return Found(mention.start, mention.end, "name", mention)
            if k == 0 and word.lower() in DETERMINERS:
                determiner = start
                phrase = self._noun_phrase_from(start, ceiling)
                if phrase is not None:
                    return phrase
            elif word.lower() not in _BEFORE_NAME:
                return None
            pos = m.end(1)
            if self.text.startswith(".", pos) and word.lower() in TITLES:
                pos += 1  # "said Rep. G.K. Butterfield"
        return None

    def inverted(self, pos: int, ceiling: int) -> Found | None:
        """The phrase after a verb inverted after a quotation, whatever its noun ("said a resident",
        "said residents of the valley"): a determiner or a plural, up to a break or a relative."""
        end = _INVERTED_END.search(self.text, pos, ceiling)
        stop = end.start() if end else ceiling
        start, stop = trim(self.text, pos, stop)
        if start >= stop or at_least_words(self.text, start, stop, _INVERTED_MAX_WORDS + 1):
            return None
        first = self.text[start : stop].split(" ", 1)[0]
        if first.lower() not in DETERMINERS and not (first.islower() and first.endswith("s")):
            return None
        if self.cues.first(start, stop, reporting=False) is not None:
            return None  # a clause ("said the plan works"), not a speaker
        return Found(start, stop, "noun phrase")

    def titled_name(self, start: int, ceiling: int) -> Mention | None:
        """The name after capitalised titles at ``start`` ("European Council President Donald Tusk")."""
        if not self.text[start].isupper():
            return None
        mention = next(self.names.iter_between(start, min(ceiling, start + _TITLED_NAME_CHARS)), None)
        if mention is None or mention.start == start:
            return None
        titles = self.text[start : mention.start].split()
        return mention if titles and all(word[0].isupper() for word in titles) else None

    def subject(self, floor: int, pos: int) -> Found | None:
        """The first person named (or pronoun) in a clause: "He then defended the remark, saying"."""
        m = WORD_AFTER.match(self.text, floor, pos)
        determiner = None
        for _ in range(_SUBJECT_WORDS):
            if not m:
                return None
            word, start = m.group(1), m.start(1)
            if word.lower() in PRONOUNS and word.lower() != "it":
                return Found(start, m.end(1), "pronoun")
            mention = self.names.starting_at(start)
            if mention is not None and determiner is not None and (end := noun_after(self.text, mention.end, pos)):
                return Found(determiner, end, "noun phrase")  # "The Barcelona star shared …"
            if mention is not None:
                return common_word_before_noun(self.text, mention, pos) or Found(mention.start, mention.end, "name", mention)
            determiner = start if word.lower() in DETERMINERS else None
            m = WORD_AFTER.match(self.text, m.end(), pos)
        return None

    def skip_back(self, floor: int, pos: int) -> int:
        """End of the speaker phrase before a verb at ``pos``: past auxiliaries and a (party-state)."""
        end = self._skip_auxiliaries(floor, pos)
        if end > floor and self.text[end - 1] == ")":
            opening = self.text.rfind("(", max(floor, end - PAREN_MAX_CHARS), end)
            if opening >= 0:
                end = opening
                while end > floor and self.text[end - 1] in " \u00a0":
                    end -= 1
        return end

    def phrase_between(self, start: int, end: int, strict: bool = False) -> Found | None:
        """The words between a quote and its verb name the speaker: `“…,” panel Chairman Rep. X (R-Utah) said`."""
        end = self.skip_back(start, end)
        if at_least_words(self.text, start, end, _SPEAKER_MAX_WORDS + 1) or _BREAK.search(self.text, start, end):
            return None
        if self.cues.first(start, end, reporting=False) or _RELATIVE.search(self.text, start, end):
            return None  # a clause of its own, not a name ("who told a young woman")
        if mentions := self.names.between(start, end):
            mention = with_particles(self.text, mentions[-1])
            return Found(mention.start, mention.end, "name", mention)
        start, end = trim(self.text, start, end)
        first = self.text[start : end].split(" ", 1)[0].lower()
        if start >= end or (strict and first not in DETERMINERS) or ENDS_JOINED.search(self.text, start, end):
            return None
        return Found(start, end, "noun phrase")

    def tail_then_speaker(self, start: int, speaker: int) -> bool:
        """A few unquoted words finishing the quoted sentence, a comma, then the speaker phrase
        at ``speaker``: `“… jail time” for criminal behavior, she said`."""
        comma = self.text.rfind(",", start, speaker)
        return (
            comma > start
            and self.text[start].islower()  # "for criminal behavior", not a name and its aside
            and last_visible(self.text, start, speaker) == ","
            and not at_least_words(self.text, start, comma, _SPEAKER_MAX_WORDS + 1)
            and _BREAK.search(self.text, start, comma) is None
        )

    def name_then_aside(self, start: int, end: int) -> Found | None:
        """`“…,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said`:
        a name opening the clause, then an aside between commas up to the verb."""
        comma = self.text.find(",", start, end)
        # titles may open it: "Senate Majority Leader Mitch McConnell, R-Ky., said"
        mention = self.names.ending_at(comma) if comma > start else None
        if mention is None or not all(w[0].isupper() or w == "the" for w in self.text[start : mention.start].split()):
            return None
        if last_visible(self.text, mention.end, self.skip_back(start, end)) != ",":
            return None
        return Found(mention.start, mention.end, "name", mention)

    def np_before(self, floor: int, pos: int) -> Found | None:
        """The phrase after the last comma before the verb: "As a phone rang, the announcer said"."""
        comma = max(self.text.rfind(",", floor, pos), self.text.rfind(";", floor, pos))
        return self.phrase_between(max(floor, comma + 1), pos, strict=True)

    def _word_ending(self, floor: int, end: int) -> tuple[int, int] | None:
        """``word_before(self.text, floor, end)``, remembering the last answer: the word before
        a verb is read once past the auxiliaries and again as the speaker's last word."""
        while end > floor and self.text[end - 1] in " \u00a0":
            end -= 1
        if (floor, end) != self._word_key:
            self._word_key = (floor, end)
            self._word = word_before(self.text, floor, end)
        return self._word

    def _skip_auxiliaries(self, floor: int, pos: int) -> int:
        end = pos
        for _ in range(4):
            word = self._word_ending(floor, end)
            w = self.text[word[0] : word[1]] if word else ""
            # a capitalised one after a word is a name's ("USA Today said", "David Long said")
            if not w or not ((w.lower() in AUXILIARIES and (w.islower() or not self.text[word[0] - 2 : word[0] - 1].isalpha()))
                             or (w[-2:] == "ly" and is_adverb(w))):
                break
            end = word[0]
        if self.text.endswith(("to ", "to\u00a0"), floor, end) and (raising := _RAISING.search(self.text, max(floor, end - 20), end)):
            return self._skip_auxiliaries(floor, raising.start())
        while end > floor and self.text[end - 1] in " \u00a0":
            end -= 1
        return end

    def phrase_ending(self, floor: int, end: int) -> Found | None:
        # "Joseph R. Biden Jr. said": no word ends at a full stop, but this name does
        if self.text.endswith(_AFTER_SUFFIX, floor, end) and (mention := self.names.ending_at(end)) and mention.start >= floor:
            return Found(mention.start, mention.end, "name", mention)
        span = self._word_ending(floor, end)
        if not span or span[1] != end:
            return None
        word = self.text[span[0] : end]
        lower = word.lower()
        if self.text[span[0] - 1 : span[0]] == "@" and (span[0] < 2 or not self.text[span[0] - 2].isalnum()):
            handle = "@" + word  # a social-media account: "@leedsfan99 tweeted"
            return Found(span[0] - 1, end, "name", Mention(span[0] - 1, end, (handle,)))
        if (own := pronoun_of(lower)) is not None:  # "he", "he’s" (the pronoun alone is the mention)
            return Found(span[0], span[0] + len(own), "pronoun")
        mention = self.names.ending_at(end)
        if mention is None and self.text[end - 1] in "’'”\"":
            mention = self.names.ending_at(end - 1)  # the ‘Commission on Public Integrity’ said
        if mention is not None and mention.start >= floor and not (mention.start == span[0] and lower in SPEAKER_NOUNS):
            return Found(mention.start, mention.end, "name", mention)
        if lower in ("one", "another") and self._word_ending(floor, span[0] - 1) is None:  # "Another, 29, added"
            return Found(span[0], end, "noun phrase")
        if lower in SPEAKER_NOUNS or (lower in TITLES and word[0].isupper()):  # "Officials said", "The Chancellor said"
            return self._noun_phrase_to(floor, span[0], end)
        if word.islower() and lower not in _NOT_HEADS:
            # Any noun heads a speaker phrase that opens its clause: "The bank said".
            return self._noun_phrase_to(floor, span[0], end, clause_start=True)
        return None

    def _noun_phrase_to(self, floor: int, head: int, end: int, clause_start: bool = False) -> Found | None:
        start = phrase_start(self.text, floor, head, end, clause_start)
        return None if start is None else Found(start, end, "noun phrase")

    def source_after(self, start: int, end: int) -> Found | None:
        """The words after "according to" up to the comma or ``end`` ("exit polls")."""
        comma = self.text.find(",", start, end)
        stop = comma if comma >= 0 else end
        start, stop = trim(self.text, start, stop)
        if start >= stop or at_least_words(self.text, start, stop, _SOURCE_MAX_WORDS + 1):
            return None
        # "according to Cole", "according to the Chicago Tribune": a name, resolved as one
        the = self.text.startswith(("the ", "The "), start)
        mention = self.names.starting_at(start + 4 if the else start)
        mention = mention and (role_holder(self.text, self.names, mention, stop) or mention)  # "Acme spokesperson Ann Cole"
        named = mention is not None and mention.end == stop and self.text.find(". ", start, stop) < 0
        return Found(mention.start, stop, "name", mention) if named else Found(start, stop, "noun phrase")

    def _noun_phrase_from(self, start: int, ceiling: int) -> Found | None:
        end = phrase_end(self.text, start, ceiling)
        return None if end is None else Found(start, end, "noun phrase")
