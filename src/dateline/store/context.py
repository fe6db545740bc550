"""The text around a stored quote (``dateline quotes --context``): the sentence or sentences that
hold ``[start, end)`` of the article text, cut at sentence ends and paragraph breaks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import sqlalchemy as sa

from dateline.store import models as m
from dateline.store.repository import Store

MAX_CONTEXT_CHARS = 300
"""At most this many characters of context on each side of a quote (cut at a word, with …)."""

SENTENCE_BREAK = re.compile(r"""[.!?…]['"’”»)\]]*\s+|\n""")
"""Where a sentence ends: final punctuation (and closing marks) before a space, or a line end
(a paragraph, a headline, a caption)."""


class Context(NamedTuple):
    """A quote in its sentence: the text before it, the quote's own text, the text after it."""

    before: str
    quote: str
    after: str

    def plain(self) -> str:
        """The context on one line."""
        return " ".join(f"{self.before}{self.quote}{self.after}".split())

    def marked(self, left: str = "[", right: str = "]") -> str:
        """The context on one line, the quote between ``left`` and ``right``."""
        before, after = " ".join(self.before.split()), " ".join(self.after.split())
        gap_before = " " if self.before[-1:].isspace() and before else ""
        gap_after = " " if self.after[:1].isspace() and after else ""
        quote = " ".join(self.quote.split())
        return f"{before}{gap_before}{left}{quote}{right}{gap_after}{after}"


def sentence_around(text: str, start: int, end: int) -> Context:
    """The sentence(s) holding ``text[start:end]``: back to the previous sentence end and on to
    the next one, never more than ``MAX_CONTEXT_CHARS`` on a side."""
    return Context(_before(text, start), text[start:end], _after(text, end))


def _before(text: str, start: int) -> str:
    floor = max(0, start - MAX_CONTEXT_CHARS)
    breaks = [match.end() for match in SENTENCE_BREAK.finditer(text, floor, start)]
    if breaks:
        return text[breaks[-1] : start]
    if floor == 0:
        return text[:start]
    cut = text.find(" ", floor, start)
    return "…" + text[cut + 1 if cut >= 0 else floor : start]


def _after(text: str, end: int) -> str:
    ceiling = min(len(text), end + MAX_CONTEXT_CHARS)
    match = SENTENCE_BREAK.search(text, max(0, end - 1), ceiling)  # a quote may end its sentence
    if match:
        return text[end : match.end()].rstrip()
    if ceiling == len(text):
        return text[end:].rstrip()
    cut = text.rfind(" ", end, ceiling)
    return text[end : cut if cut > end else ceiling] + "…"


def article_texts(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """The stored text of each article id."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    query = sa.select(m.articles.c.id, m.articles.c.text).where(m.articles.c.id.in_(wanted))
    with store.engine.connect() as conn:
        return {article_id: text for article_id, text in conn.execute(query)}
