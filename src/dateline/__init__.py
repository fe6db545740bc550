"""dateline: news articles in, structured evidence-linked knowledge out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.errors import DatelineError, InputError

if TYPE_CHECKING:
    from dateline.pipeline import analyze
    from dateline.schema import Document

__all__ = ["DatelineError", "Document", "InputError", "analyze"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``analyze`` and ``Document`` load on first use: the command line starts without spaCy."""
    if name == "analyze":
        from dateline.pipeline import analyze

        return analyze
    if name == "Document":
        from dateline.schema import Document

        return Document
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
