"""Join hard-wrapped lines into paragraphs and undo end-of-line hyphenation."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# A line is hard-wrapped only if the wrap width is at most this many characters; e-mail and
# plain-text conventions wrap at 60-80 (RFC 3676 recommends 78), so lines longer than this
# are paragraphs written on one line each.
MAX_WRAP_WIDTH = 100
# The wrap width is estimated as this percentile of line lengths, so one long URL or table
# row does not make every ordinary line look short.
_WIDTH_PERCENTILE = 0.95
_BULLET = re.compile(r"(?:[-*+•◦▪‣·–]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s")
_HYPHENS = ("-", "\u00ad", "\x02")
_WORD = re.compile(r"\w+")
_HYPHENATED = re.compile(r"\w+-\w+")
_LAST_WORD = re.compile(r"(\w+)[-\u00ad\x02]$")
_FIRST_WORD = re.compile(r"\S+")


@dataclass(slots=True)
class Line:
    """One line of a laid-out page or text file, with where it ends and where it could have ended."""

    text: str
    end: float  # right edge (characters for text files, points for PDF)
    limit: float  # the right margin it was wrapped against
    char_width: float = 1.0
    break_before: bool = False  # a blank line, a vertical gap or an indent precedes it


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain-text file: blank lines separate them, hard wraps are joined."""
    raw = text.split("\n")
    lengths = sorted(len(line) for line in raw if line and not line.isspace())
    width = lengths[int(_WIDTH_PERCENTILE * (len(lengths) - 1))] if lengths else 0
    if width > MAX_WRAP_WIDTH:  # one paragraph per line: nothing to join
        return [line.strip() for line in raw if line and not line.isspace()]
    return join_lines(_wrapped_lines(raw, width))


def _wrapped_lines(raw: list[str], width: int) -> list[Line]:
    lines, blank, prev_indent = [], False, 0
    for line in raw:
        if not line.strip():
            blank = True
            continue
        indent = len(line) - len(line.lstrip())
        # A first-line indent after a flush line starts a paragraph in wrapped text.
        indented = indent > 0 and prev_indent == 0 and bool(lines)
        lines.append(Line(line.strip(), len(line.rstrip()), width, 1.0, blank or indented))
        blank, prev_indent = False, indent
    return lines


def join_lines(lines: list[Line]) -> list[str]:
    """Paragraphs from lines: a line joins the previous one unless a break is evident."""
    vocabulary = _vocabulary(lines)
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if i == 0 or _breaks(lines[i - 1], line):
            if current:
                paragraphs.append(current)
            current = line.text
        else:
            current = _glue(current, line.text, vocabulary)
    if current:
        paragraphs.append(current)
    return paragraphs


def _breaks(prev: Line, line: Line) -> bool:
    if line.break_before or _BULLET.match(line.text):
        return True
    if prev.text.endswith(_HYPHENS):
        return False
    first_word = _FIRST_WORD.match(line.text)
    room_needed = prev.char_width * (1 + len(first_word.group() if first_word else ""))
    # The next word would have fitted on this line, so the writer ended it on purpose.
    return prev.end + room_needed <= prev.limit


def _glue(current: str, nxt: str, vocabulary: tuple[Counter, set]) -> str:
    if not current.endswith(_HYPHENS):
        return f"{current} {nxt}"
    left_match, right_match = _LAST_WORD.search(current), _WORD.match(nxt)
    if not left_match or not right_match:
        return current + nxt
    if current[-1] != "-":  # soft hyphen: always a break inside a word
        return current[:-1] + nxt
    left, right = left_match.group(1), right_match.group()
    return current + nxt if _keeps_hyphen(left, right, vocabulary) else current[:-1] + nxt


def _keeps_hyphen(left: str, right: str, vocabulary: tuple[Counter, set]) -> bool:
    """True for a real compound ("long-term") broken at its hyphen, False for hyphenation."""
    words, compounds = vocabulary
    if not right[0].islower():
        return True  # "Franco-\nGerman", "COVID-\n19"
    if f"{left}-{right}".lower() in compounds:
        return True
    if words[f"{left}{right}".lower()]:
        return False
    return bool(words[left.lower()] and words[right.lower()] and len(left) > 1)


def _vocabulary(lines: list[Line]) -> tuple[Counter, set]:
    """Word counts and hyphenated compounds of the text, for deciding on split words."""
    if not any(line.text.endswith(_HYPHENS) for line in lines):
        return Counter(), set()  # nothing to decide: skip the cost
    text = "\n".join(line.text for line in lines).lower()
    words = Counter(_WORD.findall(text))
    # The halves of a word split across lines must not vouch for themselves.
    for line, nxt in zip(lines, lines[1:]):
        if line.text.endswith(_HYPHENS):
            for half in (_LAST_WORD.search(line.text), _WORD.match(nxt.text)):
                if half:
                    words[half.group(half.lastindex or 0).lower()] -= 1
    return words, set(_HYPHENATED.findall(text))
