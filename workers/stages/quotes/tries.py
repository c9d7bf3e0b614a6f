"""Word lists as trie-shaped regexes: one branch per first letter, then per next letter, so the
regex engine tries a few branches at each position rather than every word of the list."""
from __future__ import annotations

import re


def word_trie(words: list[str]) -> str:
    """A regex matching exactly ``words`` (longest first at each branch)."""
    groups: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [re.escape(head) + word_trie(rest) for head, rest in sorted(groups.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
