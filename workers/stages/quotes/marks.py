"""Pair quotation marks into quoted spans, telling apostrophes apart, in one linear pass."""
from __future__ import annotations

import re
from dataclasses import dataclass

from workers.stages.quotes.apostrophes import is_apostrophe, single_closers_ahead
from workers.stages.quotes.document import Bounds, Document

# Two apostrophes ('') stand for a straight double mark in some newspaper archives (a second '
# only after a first). An apostrophe between two letters or digits (don’t, Iraq’s) is never a
# mark and is not even returned: that drops a third of the marks in news before any per-mark
# work. One pattern per mark character, each opening with it: the regex engine skips to a
# literal at C speed, where a class of the twelve marks costs a call per character (the scan
# took half as many instructions); ``_Marks`` merges the three or four a text holds.
_MARK_AFTER = r"(?:(?<=')')?(?!(?<=[^\W_]['’])[^\W_])"
_MARKS = {mark: re.compile(re.escape(mark) + _MARK_AFTER) for mark in "\"'“”„«»‘’‚‹›"}
_WORDY = re.compile(r"[^\W_]")
# Marks pair only within a style: a straight mark never closes a curly one, so a transcript
# whose paragraphs open with a bare " cannot swallow the curly quotations inside it.
_FAMILY = {
    "“": "curly2", "”": "curly2", "„": "curly2", '"': "straight2", "«": "angle2", "»": "angle2",
    "‘": "curly1", "’": "curly1", "‚": "curly1", "'": "straight1", "‹": "angle1", "›": "angle1",
}
# Within one paragraph a straight double mark may close a curly one and the reverse.
_PARTNER = {"curly2": "straight2", "straight2": "curly2"}
_ALWAYS_OPEN = frozenset("„«‘‚‹")
_CLOSERS = frozenset("”»’›")
_REOPENERS = frozenset("“\"«»‘'‹›„‚")
# A quotation closed by a comma or ? ! and a name within two words: it names its speaker.
_NAMED_AFTER = re.compile(r"[,?!][”\"’'»][ \u00a0]+(?:[a-z]+[ \u00a0]+)?[A-Z]")
# A paragraph of a quotation is shorter than this: a mark left open longer is a stray.
_PARAGRAPH_CHARS = 1500
_OPEN_AFTER = frozenset("([{—–-/\"“‘'„«‚‹")


@dataclass(slots=True)
class Quoted:
    """A span between an opening and its closing mark; ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open: int  # position of the opening mark
    close: int  # position of the closing mark
    family: str
    close_end: int = 0  # just after the closing mark ('' is two characters wide)


@dataclass(slots=True)
class _Open:
    pos: int
    family: str
    width: int = 1


class _Pairer:
    """Stack of open marks; each mark is pushed and popped at most once, so pairing is linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[_Open] = []
        self.counts: dict[str, int] = {}
        self.innermost: dict[str, list[int]] = {}  # open positions per family, innermost last
        self.found: list[Quoted] = []

    def push(self, pos: int, family: str, width: int = 1) -> None:
        self.stack.append(_Open(pos, family, width))
        self.counts[family] = self.counts.get(family, 0) + 1
        self.innermost.setdefault(family, []).append(pos)

    def close(self, pos: int, family: str, width: int = 1) -> None:
        """Pair with the innermost open mark of the family; opens above it were strays. A
        ``width`` of 0: no closing mark, the quotation ends with its words before ``pos`` (where
        a mark re-opens it after a lost paragraph break)."""
        while self.counts.get(family):
            entry = self.stack.pop()
            self.counts[entry.family] -= 1
            self.innermost[entry.family].pop()
            if entry.family == family:
                start, end = _inside(self.text, entry.pos + entry.width, pos)
                close = pos if width else end
                if start < end:
                    self.found.append(Quoted(start, end, entry.pos, close, family, close + width))
                return

    def lost_break(self, pos: int, family: str, floor: int) -> bool:
        """Whether an opening mark at ``pos``, after a sentence's end, re-opens the innermost open
        quotation of ``family`` after a lost paragraph break (copy flattened into one line: "…this
        week. 'Videos of …"): one opened a paragraph's length ago at most, a sentence or after a
        colon as a quotation of several paragraphs does (after a comma it may be a closing mark
        misplaced: "…resources, 'Colorado Parks … told ABC News")."""
        opened = self.innermost[family][-1]
        if pos - opened > _PARAGRAPH_CHARS or not _after_sentence(self.text, pos, floor):
            return False
        return _mark_before(self.text, opened) in ":\n.?!"

    def keep_outer(self, family: str, after_sentence: bool) -> bool:
        """At a paragraph (or line) that re-opens ``family``: keep only its outermost open quote
        (one opening after a sentence's end too, if ``after_sentence``)."""
        outer = next((entry for entry in self.stack if entry.family == family), None)
        self.clear()
        if outer is None or not _introduces(self.text, outer.pos, after_sentence):
            return False
        self.push(outer.pos, outer.family, outer.width)
        return True

    def clear(self) -> None:
        self.stack.clear()
        self.counts.clear()
        self.innermost.clear()

    def open_since(self, family: str, floor: int) -> bool:
        """Whether the innermost open mark of ``family`` lies at or after ``floor``."""
        positions = self.innermost.get(family)
        return positions is not None and bool(positions) and positions[-1] >= floor


class _Marks:
    """The marks of a text in order (start, width), read paragraph by paragraph from one scan per
    mark character the text holds."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.patterns = [pattern for mark, pattern in _MARKS.items() if mark in text]
        self.restart(0)

    def restart(self, pos: int) -> None:
        """Read on from ``pos``, passing over the marks before it unread."""
        self.scans = [pattern.finditer(self.text, pos) for pattern in self.patterns]
        self.heads = [next(scan, None) for scan in self.scans]
        self.next = min((head.start() for head in self.heads if head is not None), default=len(self.text))

    def before(self, end: int) -> list[tuple[int, int]]:
        """The marks not yet read that start before ``end``, in order."""
        found = []
        for i, scan in enumerate(self.scans):
            head = self.heads[i]
            while head is not None and head.start() < end:
                found.append((head.start(), head.end() - head.start()))
                head = next(scan, None)
            self.heads[i] = head
        self.next = min((head.start() for head in self.heads if head is not None), default=len(self.text))
        found.sort()
        return found


def find_quoted(doc: Document) -> list[Quoted]:
    """Every paired quotation in document order (outer before inner when they start together).

    A quotation that runs over several paragraphs (each re-opening the mark, only the last
    closing it) comes back as one span; an unbalanced mark is dropped at its paragraph's end.
    """
    text, paras = doc.text, doc.paragraphs
    pairer = _Pairer(text)
    # Scans over the text rather than per paragraph (marks never span a paragraph break, and
    # most paragraphs hold none), restarted past any paragraph without words.
    marks = _Marks(text)
    for index, para in enumerate(paras):
        if marks.next >= para.end and not pairer.stack:
            continue  # no mark and nothing open: the paragraph changes nothing
        if not text[para.start].isalnum() and _WORDY.search(text, para.start, para.end) is None:
            pairer.clear()  # no letter or digit: nothing quoted here, and any quotation ends
            marks.restart(para.end)  # its marks are never read (10 MB of "")
            continue
        found = marks.before(para.end)
        if found:
            _pair_paragraph(text, para, found, pairer)
        if not pairer.stack:
            continue  # nothing left open to carry into the next paragraph (most paragraphs)
        nxt = paras[index + 1] if index + 1 < len(paras) else None
        # A transcript turn re-opens a mark per speaker: each turn is its own quotation.
        if nxt is None or index + 1 in doc.turns or not _reopens(text, nxt, pairer):
            pairer.clear()
    pairer.found.sort(key=lambda q: (q.start, -q.end))
    return pairer.found


def outermost(quoted: list[Quoted]) -> list[Quoted]:
    """The quotations not inside another one (input sorted by start, longest first)."""
    out: list[Quoted] = []
    reach = -1
    for q in quoted:
        if q.open > reach:
            out.append(q)
            reach = q.close
    return out


def _reopens(text: str, nxt: Bounds, pairer: _Pairer) -> bool:
    ch = text[nxt.start]
    # A paragraph whose quotation names its own speaker (`“…,” added Rep. Jim Clyburn`) starts
    # a new one after an unclosed quotation that opened mid-paragraph.
    return ch in _REOPENERS and pairer.keep_outer(_FAMILY[ch], _NAMED_AFTER.search(text, nxt.start, nxt.end) is None)


def _introduces(text: str, pos: int, after_sentence: bool) -> bool:
    """An opening mark that starts a line or follows `:` / `,` can begin a long quotation, and so
    can one opening a sentence (`…,” she told the BBC. “Hotel staff were banging on doors.¶“We …`)."""
    before = _mark_before(text, pos)
    return before in ":,\n" or (after_sentence and before in ".?!")


def _mark_before(text: str, pos: int) -> str:
    """The character just before ``pos`` past spaces (within three); "" at the text's start, which
    any ``in`` test of a string of marks accepts, as the start of a line."""
    before = text[max(0, pos - 3) : pos].rstrip(" \t\u00a0")
    return before[-1] if before else ""


def _pair_paragraph(text: str, para: Bounds, found: list[tuple[int, int]], pairer: _Pairer) -> None:
    # Only a single mark ever asks whether a single closer lies ahead (most paragraphs have none).
    has_single = any(width == 1 and text[pos] in "‘’'‚" for pos, width in found)
    closers_ahead = single_closers_ahead(text, [pos for pos, _ in found], para) if has_single else None
    for k, (pos, width) in enumerate(found):
        if pos == para.start and pairer.stack:
            continue  # the re-opening mark of a continued quotation
        ch = '"' if width == 2 else text[pos]
        family = _FAMILY[ch]
        if (
            pairer.counts.get(family)  # cheapest first: mostly nothing of the family is open
            and ch in _REOPENERS
            and _at_line_start(text, pos, para.start)
            and pairer.keep_outer(family, False)
        ):
            continue  # a quotation continued over a single line break
        closes = family
        if not pairer.counts.get(family) and family in _PARTNER and pairer.open_since(_PARTNER[family], para.start):
            closes = _PARTNER[family]  # sloppy text: "work-related” closes with the other style
        ahead = closers_ahead is not None and closers_ahead[k]
        role = _role(text, pos, width, para, ahead, pairer.counts.get(closes, 0))
        if role == "open" and pairer.counts.get(family) and pairer.lost_break(pos, family, para.start):
            pairer.close(pos, family, 0)  # a paragraph of the quotation whose break was lost
        if role == "close":
            pairer.close(pos, closes, width)
        elif role == "open":
            pairer.push(pos, family, width)


def _after_sentence(text: str, pos: int, floor: int) -> bool:
    """A sentence's end and a space right before ``pos``."""
    k = pos - 1
    while k > floor and text[k] in " \u00a0":
        k -= 1
    return k < pos - 1 and text[k] in ".?!"


def _at_line_start(text: str, pos: int, floor: int) -> bool:
    k = pos - 1
    while k >= floor and text[k] in " \t\u00a0":
        k -= 1
    return k >= floor and text[k] == "\n"


def _role(text: str, pos: int, width: int, para: Bounds, closer_ahead: bool, open_count: int) -> str:
    """"open", "close" or "none" for the mark at ``pos``."""
    ch = '"' if width == 2 else text[pos]
    before = text[pos - 1] if pos > para.start else " "
    after = text[pos + width] if pos + width < para.end else " "
    if ch in "‘’'‚" and is_apostrophe(text, pos, para, before, after, closer_ahead):
        return "none"
    can_open = not after.isspace() and (before.isspace() or before in _OPEN_AFTER)
    # A mark with space on both sides closes whatever is open: 'outreach,' " he said.
    can_close = (not before.isspace() or after.isspace()) and not after.isalnum()
    if before == ":" and after == " " and not open_count and text[pos + width + 1 : pos + width + 2].isupper():
        return "open"  # spaced on the wrong side: "He said:' I am …'"
    if ch == "“":
        # German „…“ closes with “; everywhere else “ opens — unless it cannot: right after a
        # word or stop and before a space, it is a closing mark typed the wrong way (percent.“).
        mistyped = not can_open and not before.isspace()
        return "close" if open_count and can_close and (mistyped or _under_low_nine(text, pos)) else "open"
    if ch in _ALWAYS_OPEN:
        return "open"
    if ch in _CLOSERS:
        if open_count and (can_close or ch in "»›"):  # French spacing: « Oui »
            return "close"
        # A closer at a word or paragraph start with nothing open is a mistyped opener.
        if not open_count and (can_open or pos == para.start):
            return "open"
        return "none"
    # Straight marks close what is open when the position allows, else open.
    if open_count and can_close:
        return "close"
    return "open" if can_open else "none"


def _under_low_nine(text: str, pos: int) -> bool:
    start = max(0, pos - 2000)
    low = text.rfind("„", start, pos)
    return low >= 0 and text.rfind("“", low, pos) < 0


def _inside(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words without the spaces French typography puts inside « »."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
