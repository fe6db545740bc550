"""Response and request models of the explorer API (pydantic). The stored article itself is
``dateline.schema.Document``, the model of the ``dateline/1`` output."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")

MAX_LIMIT = 500
"""The largest page a list returns (``limit``)."""
MAX_QUERY = 500
"""The longest search words, speaker name or other text parameter, in characters."""


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``offset``, at most ``limit``, of ``total``
    (``total_exact`` false: at least ``total``, counted up to a cap where no index counts)."""

    total: int
    total_exact: bool = True
    limit: int
    offset: int
    items: list[T]


class ArticleItem(BaseModel):
    """An article with its counts."""

    id: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    near_duplicate_of: str | None = None
    quotes: int = 0
    events: int = 0
    entities: int = 0


class QuoteItem(BaseModel):
    """A quote with its speaker (and the speaker's corpus actor) and its article."""

    article_id: str
    quote_id: str
    kind: str
    text: str
    start: int
    end: int
    cue: str | None = None
    speaker_entity: str | None = None
    speaker_name: str | None = None
    speaker_mention: str | None = None
    actor_id: str | None = Field(None, description="the speaker's corpus actor")
    confidence: float
    fragment: bool
    date: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None
    source: str | None = None


class EventItem(BaseModel):
    """An event as ``dateline events`` lists it."""

    article_id: str
    event_id: str
    date: str | None = None
    type: str
    cameo: str
    source_code: str | None = None
    source_name: str | None = None
    target_code: str | None = None
    target_name: str | None = None
    location: str | None = None
    negated: bool
    mode: str | None = None
    confidence: float
    evidence: str
    article_date: str | None = None
    title: str | None = None


class ActorItem(BaseModel):
    """A corpus actor: one person, organisation or place across articles."""

    id: str
    name: str
    type: str
    rule: str
    country: str | None = None
    role: str | None = None
    code: str | None = None
    articles: int
    quotes: int = 0
    aliases: list[str] = Field(default_factory=list)


class PeriodCount(BaseModel):
    """How many in one period (``YYYY-MM`` or ``YYYY``)."""

    period: str
    count: int


class CoActor(BaseModel):
    """An actor quoted in the same articles, and in how many."""

    id: str
    name: str
    articles: int


class ActorDetail(ActorItem):
    """An actor with its quotes over time, the actors quoted beside it and its event counts."""

    quotes_by_period: list[PeriodCount] = Field(default_factory=list)
    quoted_with: list[CoActor] = Field(default_factory=list)
    events_as_source: int = 0
    events_as_target: int = 0


class DateRange(BaseModel):
    """The first and last article dates, and how many articles have none."""

    first: str | None = None
    last: str | None = None
    undated: int = 0


class Stats(BaseModel):
    """Counts of everything stored (as ``dateline stats --json``)."""

    database: str
    inputs: dict[str, int]
    articles: int
    near_duplicate_copies: int
    dates: DateRange
    quotes: dict[str, int]
    speakers: int
    entities: dict[str, int]
    mentions: int
    events: dict[str, int]
    flags: dict[str, int]


class ArticleInput(BaseModel):
    """An article posted to ``/api/analyze`` or ``/api/ingest`` as JSON (or post the text or
    HTML itself as ``text/plain`` or ``text/html``)."""

    text: str = Field(description="the article as plain text or HTML")
    published: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="publication date YYYY-MM-DD"
    )
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="publisher or feed name")


class IngestResult(BaseModel):
    """What became of an ingested article (its ``inputs`` row): ``stored``, ``duplicate``,
    ``near-duplicate``, ``failed`` (with the reason), or ``unchanged`` (posted before)."""

    key: str
    status: str
    article_id: str | None = None
    reason: str | None = None


class Problem(BaseModel):
    """An error: one line, as the command line would print it."""

    detail: str
