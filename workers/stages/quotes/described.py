"""A name after a bare description, past an inverted verb: `said resident Amanda Lee`, `said
defence lawyer Marie Henein`, `said Blue Jays manager John Schneider` (the team describes him).

News style puts a lower-case job or role, with no article, before the name it describes; an
organisation may open the description. The name is the speaker, not the organisation.
"""
from __future__ import annotations

from workers.stages.quotes.found import Found
from workers.stages.quotes.lexicon import NOT_NAMES
from workers.stages.quotes.names import Mention
from workers.stages.quotes.phrases import WORD_AFTER
from workers.stages.quotes.speakers import SpeakerFinder

# "said former prime minister Stephen Harper", "said assistant municipal commissioner Kiran Dighavkar"
_DESCRIPTION_WORDS = 3


def described_name(finder: SpeakerFinder, pos: int, ceiling: int) -> Mention | None:
    """The name after one to three lower-case words of description from ``pos``: no function
    word, number or verb among them ("said officials in Ottawa" describes no one)."""
    text = finder.text
    for _ in range(_DESCRIPTION_WORDS):
        m = WORD_AFTER.match(text, pos, ceiling)
        if m is None:
            return None
        word = m.group(1)
        if not word.replace("-", "").isalpha() or not word.islower() or word in NOT_NAMES:
            return None
        if finder.cues.first(m.start(1), m.end(1), reporting=False) is not None:
            return None
        pos = m.end(1)
        following = WORD_AFTER.match(text, pos, ceiling)
        if following is not None and following.group(1)[0].isupper():
            # the name, or the name after titles ("physician Dr. Raghu Venugopal")
            return finder.names.starting_at(following.start(1)) or finder.titled_name(following.start(1), ceiling)
    return None


def past_description(finder: SpeakerFinder, found: Found | None, pos: int, ceiling: int) -> Found | None:
    """The name a description leads to after an inverted verb ending at ``pos``, where the
    speaker phrase read there (``found``) is none, or a name the description opens with."""
    if found is not None and found.kind != "name":
        return None
    mention = described_name(finder, pos if found is None else found.end, ceiling)
    return None if mention is None else Found(mention.start, mention.end, "name", mention)
