"""Text matching in SQL that behaves the same on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa


def whole_words(column: Any, needle: str) -> sa.ColumnElement[bool]:
    """``column`` is ``needle`` or holds it as whole words, case-insensitive: "Brown" matches
    "Gordon Brown", never "Browne" or "Brownlow"."""
    low = sa.func.lower(column)
    value = " ".join(needle.lower().split())
    literal = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    patterns = (f"{literal} %", f"% {literal}", f"% {literal} %")
    return sa.or_(low == value, *(low.like(p, escape="\\") for p in patterns))
