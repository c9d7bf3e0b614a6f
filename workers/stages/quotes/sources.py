"""The document's speakers: each person or organisation quoted, with its mentions and quotes."""
from __future__ import annotations

from workers.stages.quotes.names import is_org
from workers.stages.quotes.results import Part, Quote, Source, Speaker


def collect_speakers(quotes: list[Quote], text: str) -> list[Source]:
    """Who is quoted in ``text`` (``quotes`` being ``extract_quotes(text)``), in the order of their
    first quote: one entry per fullest name, with the mentions that attribute its quotes (in
    document order, each once) and the indices of those quotes in ``quotes``."""
    sources: dict[str, Source] = {}
    seen: set[tuple[str, int, int]] = set()
    for index, quote in enumerate(quotes):
        speaker = quote.speaker
        if speaker is None:
            continue
        source = sources.get(speaker.name)
        if source is None:
            source = sources[speaker.name] = Source(speaker.name, _kind(speaker), [], [])
        source.quotes.append(index)
        if (speaker.name, speaker.start, speaker.end) not in seen:
            seen.add((speaker.name, speaker.start, speaker.end))
            source.mentions.append(Part(text[speaker.start : speaker.end], speaker.start, speaker.end))
    for source in sources.values():
        source.mentions.sort(key=lambda mention: mention.start)
    return list(sources.values())


def _kind(speaker: Speaker) -> str:
    """"organisation" for a name or phrase holding an organisation word ("the ministry",
    "Reuters"), or "it"; else "person"."""
    words = tuple(speaker.name.split())
    if is_org(words) or speaker.name.lower() == "it":
        return "organisation"
    return "person"
