"""Plain-text output helpers: counts with the right noun form, and tables whose columns line up
on a terminal, wide (East Asian) and combining characters included."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

IRREGULAR_PLURALS = {"entity": "entities", "country": "countries", "body": "bodies"}
"""Nouns whose plural is not the noun + ``s``."""


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``1 mention``, ``2 mentions``, ``0 mentions``."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {plural or IRREGULAR_PLURALS.get(noun) or noun + 's'}"


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: wide and full-width characters take two,
    combining marks and zero-width characters none."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns."""
    return text + " " * max(0, width - display_width(text))


def clip(text: str | None, width: int) -> str:
    """``text`` on one line, cut to ``width`` terminal columns with an ellipsis."""
    text = " ".join((text or "").split())
    if width <= 0 or display_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        used += display_width(char)
        if used > width - 1:
            break
        out.append(char)
    return "".join(out) + "…"


def format_table(rows: Sequence[Sequence[str]]) -> str:
    """Rows (the first one the header) as columns two spaces apart, aligned by terminal width;
    the last column is not padded."""
    if not rows:
        return ""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join(
        "  ".join([*(pad(c, w) for c, w in zip(row[:-1], widths, strict=False)), row[-1]]).rstrip()
        for row in rows
    )
