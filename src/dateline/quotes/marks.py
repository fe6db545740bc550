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
FLATTENED_PARAGRAPH_CHARS = 1200
"""A paragraph this long holds a flattened article (text handed out as one line)."""
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


def pair_paragraph(
    text: str, start: int, end: int, index: int
) -> tuple[list[QuoteSpan], list[Stray], Mark | None]:
    """Pair the double marks of one paragraph; return quotes, strays and a mark left open."""
    quotes: list[QuoteSpan] = []
    strays: list[Stray] = []
    pending: Mark | None = None
    for mark in double_marks(text, start, end):
        if pending is None:
            if mark.role == "close":
                strays.append(Stray(mark.pos, mark.width, "close"))
            else:
                pending = mark
        elif mark.role == "open":
            cut = _run_on_end(text, pending, mark, start, end)
            if cut is not None:
                quotes.append(QuoteSpan(pending.pos, cut, index, continued=True))
            else:
                strays.append(Stray(pending.pos, pending.width, "open"))
            pending = mark
        else:
            quotes.append(QuoteSpan(pending.pos, mark.pos + mark.width, index))
            pending = None
    return quotes, strays, pending


def _run_on_end(text: str, pending: Mark, mark: Mark, start: int, end: int) -> int | None:
    """Where a quote left open ends when a flattened paragraph reopens one after a sentence.

    Reporters leave a quoted paragraph unclosed when the next paragraph goes on quoting; text
    flattened to one line loses the paragraph break, so ``"A. B. "C."`` is two quotes, the first
    ending after ``B.``. Only in paragraphs long enough to be whole flattened articles.
    """
    if end - start < FLATTENED_PARAGRAPH_CHARS:
        return None
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
        found, stray, pending = pair_paragraph(text, start, end, n)
        if pending is not None:
            nxt = n + 1
            runs_on = (
                nxt < len(paragraphs)
                and section_of[nxt] == section_of[n]
                and _opens_with_mark(text, *paragraphs[nxt])
            )
            if runs_on:
                found.append(QuoteSpan(pending.pos, end, n, continued=True))
            else:
                stray.append(Stray(pending.pos, pending.width, "open"))
        found += single_quotes(text, start, end, found, n)
        quotes += sorted(found, key=lambda q: q.start)
        strays += stray
    return quotes, strays


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    marks = double_marks(text, start, min(end, start + 3))
    return bool(marks) and marks[0].pos == start and marks[0].role != "close"
