"""Who a pronoun stands for: a name of its own sentence or of the few before it that it can mean
(a person for "he" or "she", an organisation for "it"), the last speaker, or the subject of the
writer's sentence before it."""
from __future__ import annotations

import bisect

from workers.stages.quotes.antecedents import described_subject, description_meant, lone_name_subject, may_mean, plural
from workers.stages.quotes.document import Document
from workers.stages.quotes.genders import agrees, common_word, gender_of, honorific_before
from workers.stages.quotes.lexicon import CLUB_WORDS, EVENT_WORDS, PLACE_WORDS, PLACES, SPEAKER_NOUNS
from workers.stages.quotes.names import Mention
from workers.stages.quotes.places import place_names
from workers.stages.quotes.surnames import FullNames
from workers.stages.quotes.wordforms import plural_acronym

# How far back a pronoun looks for its antecedent (sentences), chosen on PolNeAR dev.
PRONOUN_SENTENCES = 4
# The part of each earlier sentence searched for an antecedent (its subject comes early).
_ANTECEDENT_WINDOW_CHARS = 400
_CACHED_SENTENCES = 64
_OPENING_MARKS = "\"“”‘'«"  # a sentence opening with one is quoted, not the writer's
# Words of a name "he" or "she" never stands for: a place's, a club's, a competition's.
_NO_PERSON = PLACES | PLACE_WORDS | CLUB_WORDS | EVENT_WORDS


class Antecedents:
    """The names one document offers its pronouns, read in document order."""

    def __init__(self, doc: Document, full_names: FullNames, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc.text
        self.names = doc.names
        self.full_names = full_names
        self.quoted = quoted  # sorted spans whose names are not antecedents
        self._places: set[str] | None = None  # the names the text uses as places, read on first use
        self._mentions: dict[int, list[Mention]] = {}  # the name mentions of earlier sentences, by start
        self._names: dict[tuple[int, str], list[tuple[str, str | None]]] = {}  # what they offer each pronoun

    def meant(self, pos: int, pronoun: str, last: str | None, last_via: str, last_at: int) -> str | None:
        """The subject of the nearest earlier sentence naming a person, or the ``last`` speaker
        (named ``last_via`` at ``last_at``).

        In the nearest sentence with candidates, the last speaker wins if among them, else the
        first candidate; in the pronoun's own sentence candidates are read in order and only
        until that answer is certain. A name whose given name is the other gender's is passed
        over ("she" is not John Smith); once one is, only a name of the pronoun's gender is
        taken — the person meant may be named nowhere (a wife, a mother), and a wrong name is
        worse than the pronoun left as written.
        """
        if pronoun == "they" and last is not None and _plural_people(last):
            return last  # "…, people familiar with the matter said. They cautioned …"
        if last is not None and not may_mean(last, last_via, pronoun):
            last = None  # "Many critics said …. “…,” she said": someone else, named or not
        gendered = pronoun in ("he", "she")
        passed = gendered and last is not None and agrees(gender_of(last), pronoun) is False
        last = None if passed else last
        own, *earlier = self.doc.sentences.lookback(pos, PRONOUN_SENTENCES - 1)
        found, passed = self._in_own_sentence(own, pos, pronoun, last, passed)
        if found is not None:
            return _agreeing(*found, pronoun, passed)
        for start, end in earlier:
            offered = self.candidates(start, end, pronoun)
            if offered:
                names = [offer for offer in offered if agrees(offer[1], pronoun) is not False] if gendered else offered
                passed = passed or len(names) < len(offered)
                if names:
                    kept = next((offer for offer in names if offer[0] == last), names[0])  # the last speaker first
                    return _agreeing(*kept, pronoun, passed)
            if last is not None and last_via == "noun phrase" and start <= last_at < end and description_meant(last, pronoun):
                # a described speaker: "A nurse at the clinic said …. “…,” she said."
                return _agreeing(last, None, pronoun, passed)
        if gendered:  # "The Pope arrived …", "…, McDavid smiled."
            for start, end in earlier:  # the nearest sentence of the writer's, not a quoted one
                if self.text[start] not in _OPENING_MARKS and not self._in_quote(start):
                    span = described_subject(self.text, start, end) or lone_name_subject(self.text, start, end)
                    last = self.text[span[0] : span[1]] if span is not None else last
                    break
        return last if not passed else _agreeing(last, None if last is None else gender_of(last), pronoun, passed)

    def _in_own_sentence(self, own: tuple[int, int], pos: int, pronoun: str, last: str | None,
                         passed: bool) -> tuple[tuple[str, str | None] | None, bool]:
        """The name and gender the pronoun's own sentence offers before it (the last speaker if
        among them, else the first), and whether one was passed over for its gender."""
        first = None
        hi = own[1] if own[1] < pos else pos
        lo = hi - _ANTECEDENT_WINDOW_CHARS
        for mention in self.names.iter_between(own[0] if own[0] > lo else lo, hi):
            if self.acceptable(mention, pronoun):
                name, gender = self.named(mention)
                if agrees(gender, pronoun) is False:
                    passed = True
                elif name == last or last is None:
                    return (name, gender), passed
                elif first is None:
                    first = name, gender
        return first, passed

    def named(self, mention: Mention) -> tuple[str, str | None]:
        """The full name a mention stands for and that person's gender: by the honorific before
        it ("Mrs Thompson"), else by the given name. An honorific of the other gender than the
        full name's is another person of the family: "Mrs Blair" beside Tony Blair."""
        name = self.full_names.canonical(mention)[0]
        gender = gender_of(name)
        honorific = honorific_before(self.text, mention.start)
        if honorific is None:
            return name, gender
        start, gender_named = honorific
        if gender is not None and agrees(gender, "he" if gender_named == "male" else "she") is False:
            named = self.full_names.nearest(mention, lambda full: gender_of(full) == gender_named)
            name = named or self.text[start : mention.end]  # "Mrs Hart"
        return name, gender_named

    def candidates(self, start: int, end: int, pronoun: str) -> list[tuple[str, str | None]]:
        """The names an earlier sentence offers ``pronoun``, in order, each with its gender.

        Cached, with the sentence's name mentions: a run of quotes attributed to pronouns looks
        back over the same sentences. Pronouns are resolved in document order and look back a
        few sentences, so only recent sentences are asked for again: the caches are emptied
        rather than let grow with the document (10 MB of quotes has 400,000 sentences).
        """
        names = self._names.get((start, pronoun))
        if names is None:
            if len(self._names) >= _CACHED_SENTENCES:
                self._names.clear()
                self._mentions.clear()
            mentions = self._mentions.get(start)
            if mentions is None:
                lo = end - _ANTECEDENT_WINDOW_CHARS
                mentions = self._mentions[start] = self.names.between(start if start > lo else lo, end)
            names = self._names[(start, pronoun)] = []
            for mention in mentions:
                if self.acceptable(mention, pronoun):
                    names.append(self.named(mention))
        return names

    def acceptable(self, mention: Mention, pronoun: str) -> bool:
        """Whether ``pronoun`` can stand for the name ``mention``, outside any quotation."""
        if mention.is_org != (pronoun == "it") and pronoun != "they":
            return False  # "it" stands for an organisation, "he"/"she" for a person
        if pronoun in ("he", "she") and not self._person_like(mention):
            return False
        if self.text[mention.start - 1 : mention.start] == "(" and self.text.startswith(")", mention.end):
            return False  # "(AP)", "(FAA)": an agency's credit or an acronym, never meant by a pronoun
        return not self._in_quote(mention.start)

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.quoted[i][1] > pos

    def _person_like(self, mention: Mention) -> bool:
        """Two words or more, or a surname of a full name; never a place (known, or one the text
        puts after "in": "in Laguna Beach"), nor two names joined ("Les Ferdinand and Chris
        Ramsey", "Warrington and Stockport": "he" is neither), nor a group ("Labour MPs"), nor a
        participle's phrase opening a sentence ("Writing for Aeon, he said")."""
        if plural_acronym(mention.words[-1]) or (len(mention.words) == 2 and common_word(mention.words[0])):
            return False  # "Labour MPs"; "Whilst Tipper", "Head Herbalist": no given name
        for word in mention.words:  # a loop, not any() over a generator (asked of every candidate)
            if word == "and" or word.lower() in _NO_PERSON:
                return False
        if mention.words[0].endswith("ing") and len(mention.words) > 2 and mention.words[1] in ("for", "of", "on"):
            return False
        name = mention.name
        if len(mention.words) < 2:  # a surname of a full name, judged by that name, or after "Mrs"
            name, via = self.full_names.canonical(mention)
            if via != "surname" and honorific_before(self.text, mention.start) is None:
                return False
        if self._places is None:
            self._places = place_names(self.text, self.full_names.phrases())
        return name not in self._places  # the full name: "Trump" is no place for "faith in Trump"


def _agreeing(name: str | None, gender: str | None, pronoun: str, passed: bool) -> str | None:
    """``name`` (of ``gender``), unless a name was ``passed`` over for its gender and this one's is
    not known: then the person meant may be named nowhere near, and a wrong name ("Hotel Don
    Pancho", "Infantry Division") is worse than the pronoun left as written."""
    return name if not passed or agrees(gender, pronoun) else None


def _plural_people(phrase: str) -> bool:
    """A phrase naming several people ("people familiar with the matter", "two officials")."""
    return phrase[:1].islower() and any(w in SPEAKER_NOUNS and plural(w) for w in phrase.lower().split())
