"""What stands between a quotation and the cue clause after it: spaces, then one comma,
semicolon or dash (`“…,” she said`, `“…” — Ann Lee`)."""
from __future__ import annotations

_DASHES = "—–―"


def separator_end(text: str, pos: int, limit: int) -> tuple[int, str]:
    """Past the spaces, the one comma, semicolon or dash, and the spaces between a quote and its cue
    clause (``[ \u00a0]*(?:,|;|[—–―]+|--)?[ \u00a0]*``, read with indexes: two regex calls were
    a fifth of the search for the cue), and that mark ("" if none)."""
    while pos < limit and text[pos] in " \u00a0":
        pos += 1
    mark = ""
    if pos < limit:
        ch = text[pos]
        if ch in ",;":
            mark, pos = ch, pos + 1
        elif ch in _DASHES:
            start = pos
            while pos < limit and text[pos] in _DASHES:
                pos += 1
            mark = text[start:pos]
        elif ch == "-" and pos + 1 < limit and text[pos + 1] == "-":
            mark, pos = "--", pos + 2
    while pos < limit and text[pos] in " \u00a0":
        pos += 1
    return pos, mark
