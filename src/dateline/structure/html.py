"""HTML pages: article body, title, date, author and site name through trafilatura, time-limited."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import trafilatura

from dateline.errors import InputError

EXTRACTION_TIMEOUT_S = 30
"""No page gets more than this many seconds of extraction."""


@dataclass
class ExtractedPage:
    """What trafilatura found on a page."""

    title: str | None
    body: str
    date: str | None
    author: str | None
    sitename: str | None
    url: str | None
    description: str | None


@contextlib.contextmanager
def time_limit(seconds: int, label: str) -> Iterator[None]:
    """Raise ``InputError`` if the block runs longer than ``seconds`` (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise InputError(f"{label}: HTML extraction took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def extract_page(html: str, label: str = "input", url: str | None = None) -> ExtractedPage:
    """Extract the article; raise ``InputError`` when the page holds none."""
    with time_limit(EXTRACTION_TIMEOUT_S, label):
        try:
            result = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False
            )
        except InputError:
            raise
        except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
            raise InputError(f"{label}: HTML could not be parsed ({type(exc).__name__})") from exc
    if result is None:
        raise InputError(f"{label}: no article text found in HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = (data.get("text") or "").strip()
    if len(body) < 20:
        raise InputError(f"{label}: no article text found in HTML")
    return ExtractedPage(
        title=(data.get("title") or None),
        body=body,
        date=data.get("date") or None,
        author=data.get("author") or None,
        sitename=data.get("sitename") or None,
        url=data.get("url") or url,
        description=data.get("description") or None,
    )
