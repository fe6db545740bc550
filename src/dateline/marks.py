"""Quotation marks: pair them within paragraphs, continue quotes across paragraphs, flag strays."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["open", "close", "either"]

DOUBLE_OPEN = {"“": 1, "„": 1, "«": 1, "``": 2}
DOUBLE_CLOSE = {"”": 1, "»": 1}
DOUBLE_EITHER = {'"': 1, "''": 2}
DOUBLE_MARK = re.compile(
    "|".join(
        re.escape(glyph)
        for glyph in sorted({**DOUBLE_OPEN, **DOUBLE_CLOSE, **DOUBLE_EITHER}, key=len, reverse=True)
    )
)
"""Any double mark, the two-character glyphs (``` `` ``` and ``''``) before the one-character."""
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
OPENING_CONTEXT = set(" \t\n([{—–-/:;")
TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")
"""``"PENCE: Well, ...``: a transcript turn opens with its speaker's name in capitals."""
SENTENCE_ENDS = set(".!?")
"""Characters after which a straight mark opens a quotation."""


@dataclass(frozen=True)
class Mark:
    """One quotation mark in the text."""

    pos: int
    width: int
    role: Role


@dataclass
class QuoteSpan:
    """A stretch of text inside quotation marks (marks included)."""

    start: int
    end: int
    paragraph: int
    continued: bool = False
    """The quote runs on into the next paragraph (journalistic convention)."""
    single: bool = False
    nested: bool = False
    """Inside another quotation (``"She called it “a rant,” ...``)."""


@dataclass
class Stray:
    """A quotation mark with no partner."""

    pos: int
    width: int
    role: Role


def _context_role(text: str, pos: int, width: int, start: int, end: int) -> Role:
    """Open or close from the characters around a mark."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + width] if pos + width < end else " "
    opens = before in OPENING_CONTEXT and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def double_marks(text: str, start: int, end: int) -> list[Mark]:
    """Double quotation marks in ``text[start:end]`` with their roles (a two-character mark
    may end one character past ``end``), found left to right, the longer glyph first."""
    marks = []
    for found in DOUBLE_MARK.finditer(text, start, end + 1):
        i, glyph = found.start(), found.group()
        if i >= end:
            break
        width = len(glyph)
        context = _context_role(text, i, width, start, end)
        if glyph in DOUBLE_EITHER:
            role: Role = context
        elif glyph in DOUBLE_OPEN:
            role = "close" if context == "close" else "open"  # a curly mark turned the wrong way
        else:
            role = "open" if context == "open" else "close"
        marks.append(Mark(i, width, role))
    return marks


FAMILY = {'"': "straight", "“": "curly", "”": "curly", "„": "curly", "«": "angle", "»": "angle",
          "``": "tex", "''": "tex"}  # fmt: skip
"""Glyph families: a quotation opened in one family inside a quotation of another is nested
(``"PENCE: She thinks this is “Shark Tank.” But ...``), not a new quotation."""


def _family(text: str, mark: Mark) -> str:
    return FAMILY.get(text[mark.pos : mark.pos + mark.width], "")


@dataclass
class Paired:
    """One paragraph's marks paired: its quotes, stray marks, the mark left open at its end (a
    quotation that may run on), and the quotations nested inside that open one."""

    quotes: list[QuoteSpan]
    strays: list[Stray]
    pending: Mark | None = None
    nested: list[QuoteSpan] | None = None


def pair_paragraph(text: str, start: int, end: int, index: int) -> Paired:
    """Pair the double marks of one paragraph.

    A quotation opened in another glyph family inside an open one is nested, not a new
    quotation that leaves the outer mark a stray: both are quotes (a reporter quoting a report
    that quotes a doctor)."""
    out = Paired([], [])
    outer: Mark | None = None  # the quotation around the open one, while a nested one is open
    for mark in double_marks(text, start, end):
        pending = out.pending
        if pending is None:
            if mark.role == "close":
                out.strays.append(Stray(mark.pos, mark.width, "close"))
            else:
                out.pending = mark
        elif (
            mark.role == "open" and outer is None and _family(text, mark) != _family(text, pending)
        ):
            outer, out.pending = pending, mark
            if out.nested is None:
                out.nested = []
        elif mark.role == "open":
            cut = _run_on_end(text, pending, mark)
            if cut is not None:
                out.quotes.append(QuoteSpan(pending.pos, cut, index, continued=True))
                out.quotes += out.nested or []
                out.nested = None
            else:
                _stray_open(out, pending)
            out.pending = mark
        elif outer is not None:
            if out.nested is not None:
                out.nested.append(QuoteSpan(pending.pos, mark.pos + mark.width, index, nested=True))
            out.pending, outer = outer, None
        else:
            out.quotes.append(QuoteSpan(pending.pos, mark.pos + mark.width, index))
            out.quotes += out.nested or []  # a quotation within a quotation is quoted too
            out.pending, out.nested = None, None
    if outer is not None:  # a nested quotation never closed: the mark around it is a stray
        out.strays.append(Stray(outer.pos, outer.width, "open"))
        out.quotes += _unnested(out.nested)
        out.nested = None
    return out


def _stray_open(out: Paired, mark: Mark) -> None:
    """An opening mark never closed: a stray, and the quotations nested after it their own."""
    out.strays.append(Stray(mark.pos, mark.width, "open"))
    out.quotes += _unnested(out.nested)
    out.nested = None


def _unnested(quotes: list[QuoteSpan] | None) -> list[QuoteSpan]:
    """Quotations found nested in one whose opening mark proved a stray: quotes of their own."""
    for q in quotes or []:
        q.nested = False
    return quotes or []


def _run_on_end(text: str, pending: Mark, mark: Mark) -> int | None:
    """Where a quote left open ends when a flattened paragraph reopens one after a sentence.

    Reporters leave a quoted paragraph unclosed when the next paragraph goes on quoting; text
    flattened to one line loses the paragraph break, so ``"A. B. "C."`` is two quotes, the first
    ending after ``B.``. In a paragraph of any length: a short article flattened whole is one
    short paragraph, and in text that kept its breaks a mark reopened after a sentence while one
    is open has no other reading.
    """
    cut = mark.pos
    while cut > pending.pos + pending.width and text[cut - 1].isspace():
        cut -= 1
    if cut == mark.pos or text[cut - 1] not in SENTENCE_ENDS:
        return None
    return cut


def single_quotes(
    text: str, start: int, end: int, inside: list[QuoteSpan], index: int
) -> list[QuoteSpan]:
    """‘Single-quoted’ words outside double quotes (headline style); apostrophes are skipped."""
    found = []
    i = text.find(SINGLE_OPEN, start, end)
    while i != -1:
        if not any(q.start <= i < q.end for q in inside):
            before = text[i - 1] if i > start else " "
            if before in OPENING_CONTEXT or before in '"“':
                j = i + 1
                while j < end:
                    if text[j] == SINGLE_CLOSE:
                        after = text[j + 1] if j + 1 < end else " "
                        if not after.isalpha():
                            break
                    if text[j] == "\n":
                        j = end
                        break
                    j += 1
                if j < end:
                    found.append(QuoteSpan(i, j + 1, index, single=True))
                    i = text.find(SINGLE_OPEN, j + 1, end)
                    continue
        i = text.find(SINGLE_OPEN, i + 1, end)
    return found


def find_quotes(
    text: str, paragraphs: list[tuple[int, int]], section_of: list[int]
) -> tuple[list[QuoteSpan], list[Stray]]:
    """Direct quotes of all paragraphs, with the open-paragraph rule, and the stray marks."""
    quotes: list[QuoteSpan] = []
    strays: list[Stray] = []
    for n, (start, end) in enumerate(paragraphs):
        paired = pair_paragraph(text, start, end, n)
        found, stray, pending = paired.quotes, paired.strays, paired.pending
        if pending is not None:
            nxt = n + 1
            runs_on = (
                nxt < len(paragraphs)
                and section_of[nxt] == section_of[n]
                and _opens_with_mark(text, *paragraphs[nxt])
            )
            if runs_on:
                found.append(QuoteSpan(pending.pos, end, n, continued=True))
                found += paired.nested or []
            elif _transcript_turn(text, pending, start):
                found.append(QuoteSpan(pending.pos, end, n))
                found += paired.nested or []
            else:
                stray.append(Stray(pending.pos, pending.width, "open"))
                found += _unnested(paired.nested)
        found += single_quotes(text, start, end, found, n)
        quotes += sorted(found, key=lambda q: q.start)
        strays += stray
    return quotes, strays


def _transcript_turn(text: str, mark: Mark, start: int) -> bool:
    """``"WALLACE: Do you really ...`` left open at the end of its paragraph, with no quoted
    paragraph after it: a transcript's last turn, quoted to the paragraph's end."""
    return mark.pos == start and TRANSCRIPT_LABEL.match(text, mark.pos + mark.width) is not None


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    marks = double_marks(text, start, min(end, start + 3))
    return bool(marks) and marks[0].pos == start and marks[0].role != "close"
