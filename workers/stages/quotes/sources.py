"""The document's speakers: each person, organisation or document quoted, with its mentions and quotes."""
from __future__ import annotations

import re

from workers.stages.acyclic import acyclic
from workers.stages.quotes.companies import company_names
from workers.stages.quotes.lexicon import ORG_WORDS, PLACE_WORDS, PLACES, PRONOUNS, SPEAKER_NOUNS, TITLES
from workers.stages.quotes.names import is_org
from workers.stages.quotes.results import Part, Quote, Source, Speaker
from workers.stages.quotes.wordforms import bare

# A description, not a name: it opens with a determiner ("The US military", "A spokesman for …").
_DESCRIBED = re.compile(r"(?:The|A|An|Our|Its|Their|His|Her|One|Two|Three|Some|Many|Several|Other|Another) ")
# Where a description's head noun ends: at a preposition or a relative ("Chairman of the …",
# "a man who lives near …"), or at a comma.
_HEAD_END = re.compile(r",| (?:of|for|at|from|in|into|on|with|to|near|by|who|which|that|whose) ")
# Participles (and their particles) after a description's head: "a report put out by …".
_PARTICIPLES = frozenset("put out up made written seen drawn given held taken shown".split())
# Nouns for what speaks in writing, not as someone: a quote's source, neither person nor body.
_DOCUMENTS = frozenset(
    """report study survey poll statement release document record article website site blog
    letter memo email filing ruling data figures research review analysis paper book post tweet
    video footage transcript complaint affidavit indictment lawsuit minutes forecast estimate
    census documents records reports studies surveys polls statements articles letters emails
    filings estimates papers tweets posts findings testimony column investigation caption scans
    tests results""".split()
)

# What ends the name of another person of a family: "Donald Trump Jr." is not Donald Trump.
_GENERATIONS = frozenset("Jr Sr II III IV".split())
# The longest name read after a "The" inside a sentence.
_TITLED_CHARS = 100
# A country's, a state's or a city's name as a speaker is its government ("Britain said", "the
# United States said"): the lexicon's places and place words, "United", never a compass point alone.
_PLACE_NAME_WORDS = PLACES | PLACE_WORDS | {"united"}
_COMPASS = frozenset("south north east west".split())


@acyclic  # many short-lived objects, no cycles: the collector's passes over them grew with the text
def collect_speakers(quotes: list[Quote], text: str) -> list[Source]:
    """Who is quoted in ``text`` (``quotes`` being ``extract_quotes(text)``), in the order of their
    first quote: one entry per fullest name, with the mentions that attribute its quotes (in
    document order, each once) and the indices of those quotes in ``quotes``; the writer's "I"
    and "we" too, but no "he", "she", "they" or "it" left unresolved."""
    sources: dict[str, Source] = {}
    seen: set[tuple[str, int, int]] = set()
    titled: set[str] | None = None  # names after a "The", read on the first speaker that needs them
    companies: set[str] | None = None  # one-word names of companies, likewise
    for index, quote in enumerate(quotes):
        speaker = quote.speaker
        if speaker is None or PRONOUNS.get(speaker.name.lower(), "self") != "self":
            continue  # a "she" left unresolved names no one (and two of them may be two people)
        # a description is one source whatever its case: "The hospital said" and "the hospital said"
        key = speaker.name.lower() if _described(speaker.name) else speaker.name
        source = sources.get(key)
        if source is None:
            kind = _kind(speaker)
            if kind == "person" and speaker.name.isalpha() and speaker.name[0].isupper():
                companies = company_names(text) if companies is None else companies
                kind = "organisation" if speaker.name in companies else kind  # "Google said", "Google's shares"
            if kind == "person" and speaker.via != "noun phrase":
                titled = _titled_names(text) if titled is None else titled
                kind = "organisation" if _titled(speaker.name, titled) else kind  # "according to The Sun": a paper
            source = sources[key] = Source(speaker.name, kind, [], [])
        source.quotes.append(index)
        if (key, speaker.start, speaker.end) not in seen:
            seen.add((key, speaker.start, speaker.end))
            source.mentions.append(Part(text[speaker.start : speaker.end], speaker.start, speaker.end))
    merged = _fullest_names(list(sources.values()))
    for source in merged:
        source.mentions.sort(key=lambda mention: mention.start)
        source.quotes.sort()
    return sorted(merged, key=lambda source: source.quotes[0])


def _fullest_names(sources: list[Source]) -> list[Source]:
    """``sources`` with each person whose name of two words or more opens a fuller one of the text
    merged into it ("Daryl Scott" into "Daryl Scott Donohue", "Anthony Leonard" into "Anthony
    Leonard QC"), unless the rest is another person's or a generation's ("… and Stevie Wonder",
    "… Jr."), or two fuller names open with it. Looked up by the fuller names' opening words:
    linear in the names."""
    fuller: dict[str, list[Source]] = {}
    for source in sources:
        words = source.name.split()
        if source.kind == "person" and len(words) > 2:
            for k in range(2, len(words)):
                if _more_name(words[k:]):
                    fuller.setdefault(" ".join(words[:k]), []).append(source)
    kept = []
    for source in sources:
        into = fuller.get(source.name) if source.kind == "person" else None
        if into is None or len(into) > 1 or into[0].name in fuller:
            kept.append(source)  # no fuller name, two, or one that opens a fuller one still
        else:
            into[0].quotes.extend(source.quotes)
            into[0].mentions.extend(source.mentions)
    return kept


def _more_name(words: list[str]) -> bool:
    """Whether ``words``, ending a person's name, are more of it: capitalised, no "and", no "Jr."."""
    return all(word[:1].isupper() and word.rstrip(".") not in _GENERATIONS for word in words)


def _kind(speaker: Speaker) -> str:
    """"person", "organisation" or "document": by the words of a name ("Reuters", "the Ministry of
    Health"), by the head noun of a description ("a police officer" is a person, "The US military"
    an organisation, "court documents" a document); "it" stands for an organisation."""
    name = speaker.name
    if name.lower() in PRONOUNS:  # "I" and "we" are the writer, "they" people
        return "organisation" if name.lower() == "it" else "person"
    if speaker.via == "noun phrase" or _described(name):
        head = _HEAD_END.split(name, 1)[0].split()
        while len(head) > 1 and (head[-1].endswith("ed") or head[-1] in _PARTICIPLES):
            head.pop()  # "a statement filed", "a press release put out"
        if head and head[-1][:1].isupper():  # a name heads it: "the Daily Mail", "Chairman of …"
            return "organisation" if is_org(tuple(head)) else "person"
        noun = bare(head[-1]) if head else ""
        if noun in _DOCUMENTS:
            return "document"
        return "organisation" if noun in ORG_WORDS else "person"
    words = tuple(name.split())
    if is_org(words) or _place(words):
        return "organisation"
    # "Research suggests …", "Scans showed …": a sentence's first word, capitalised
    return "document" if len(words) == 1 and bare(name).lower() in _DOCUMENTS else "person"


def _place(words: tuple[str, ...]) -> bool:
    """A place's name: "Britain", "United States", "South Africa" (not "South" alone)."""
    lowered = [bare(word).lower() for word in words]
    return all(word in _PLACE_NAME_WORDS for word in lowered) and not all(word in _COMPASS for word in lowered)


def _described(name: str) -> bool:
    """Whether a speaker's name is a description ("the hospital", "A spokesman for …", "Officials"
    opening a sentence) or a pronoun rather than a proper name."""
    lower = name.lower()
    return name[:1].islower() or lower in SPEAKER_NOUNS or lower in PRONOUNS or _DESCRIBED.match(name) is not None


def _titled_names(text: str) -> set[str]:
    """Every name the text writes after "The" inside a sentence ("according to The Sun"): each
    opening of the words after it that ends where a word does ("The Hollywood Reporter said":
    "Hollywood Reporter", "Hollywood", …). Read once per text — asked per speaker, a search of the
    whole text made the list quadratic (3.4 s for the 11,764 speakers of 1 MB)."""
    windows = set()
    pos = text.find("The ")
    while pos >= 0:
        if text[max(0, pos - 3) : pos].rstrip(" \u00a0")[-1:].isalpha():
            windows.add(text[pos + 4 : pos + 4 + _TITLED_CHARS + 1])  # a text that repeats itself: few distinct
        pos = text.find("The ", pos + 4)
    names = set()
    for window in windows:
        names.update(window[:k] for k in range(1, len(window) + 1) if k == len(window) or not window[k].isalnum())
    return names


def _titled(name: str, titled: set[str]) -> bool:
    """``name`` is one of ``titled`` (``_titled_names``): a title, never a person's name — nor an
    office ("The Prime Minister")."""
    return name in titled and bare(name.rsplit(" ", 1)[-1]) not in TITLES
