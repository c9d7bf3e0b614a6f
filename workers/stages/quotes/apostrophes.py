"""Single marks that are apostrophes, not quotation marks: inside a word (don’t), before a
decade (’90s), a plural possessive (Scholars’ secretary), an elision (’em, rock ’n’ roll)."""
from __future__ import annotations

from workers.stages.quotes.document import Bounds


def is_apostrophe(text: str, pos: int, para: Bounds, before: str, after: str, closer_ahead: bool) -> bool:
    """Whether the single mark at ``pos`` (between ``before`` and ``after``) is an apostrophe."""
    if before.isalnum() and after.isalnum():
        return True  # don’t, Iraq’s, rock ’n’ roll
    if after.isdigit():
        return True  # ’90s
    ch = text[pos]
    if ch in "’'" and before in "sSzZ" and after.isspace():
        nxt = text[pos + 2] if pos + 2 < para.end else ""
        # Scholars’ secretary: a plural possessive unless no other closing mark follows.
        return nxt.isalpha() and closer_ahead
    if ch == "’" and before.isspace() and after.isalpha():
        return True  # ’em, ’til
    # The closing half of rock ’n’ roll.
    return before in "nN" and text[pos - 2 : pos - 1] in ("’", "'") and after.isspace()


def single_closers_ahead(text: str, marks: list[int], para: Bounds) -> list[bool]:
    """For each mark: is there a later single closing candidate before the next single opener?"""
    ahead = [False] * len(marks)
    seen = False
    for k in range(len(marks) - 1, -1, -1):
        ahead[k] = seen
        pos = marks[k]
        ch = text[pos]
        before = text[pos - 1] if pos > para.start else " "
        after = text[pos + 1] if pos + 1 < para.end else " "
        if ch in "’'" and not before.isspace() and not after.isalnum():
            seen = True
        elif ch in "‘‚‹" or (ch == "'" and before.isspace() and after.isalpha()):
            seen = False
    return ahead
