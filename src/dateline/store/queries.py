"""Reading the store: quotes, events, actors, articles and counts, with full-text search."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from dateline.store import models as m
from dateline.store.repository import Store
from dateline.store.rows import full_date
from dateline.store.search import matches, speaker_quotes

if TYPE_CHECKING:  # the pydantic models are built only where documents are (start-up time)
    from dateline.schema import Document

a, q, v, e = m.articles, m.quotes, m.events, m.entities
CANONICAL = a.c.near_duplicate_of.is_(None)


def _spoken_by(speaker: str, dialect: str = "sqlite") -> sa.ColumnElement[bool]:
    """Quotes whose speaker is a corpus actor named ``speaker`` (canonical name or alias, whole
    words: "Tony Blair" finds the quotes given to "Mr Blair" in other articles), or, when the
    speaker is linked to no actor ("officials said"), whose speaker name or mention holds it as
    whole words.

    Index-friendly, no scan of the quotes: the actors come from the ``actor_words`` index and
    their quotes through ``entities.actor_id`` and ``ix_quotes_speaker``; the unlinked speakers
    from the speaker full-text index (``search.speaker_quotes``)."""
    from dateline.store.actors import actor_ids_named

    spoken, entity = sa.alias(q, "spoken_quote"), sa.alias(e, "spoken_entity")
    linked = (
        sa.select(spoken.c.pk)
        .join(
            entity,
            sa.and_(
                entity.c.article_id == spoken.c.article_id,
                entity.c.entity_id == spoken.c.speaker_entity,
            ),
        )
        .where(entity.c.actor_id.in_(actor_ids_named(speaker)))
    )
    return q.c.pk.in_(sa.union(linked, speaker_quotes(dialect, speaker)))


def _dated(query: sa.Select, since: str | None, until: str | None) -> sa.Select:
    if since:
        query = query.where(a.c.date >= since)
    if until:
        query = query.where(a.c.date <= until)
    return query


def _limited(query: sa.Select, limit: int | None, offset: int = 0) -> sa.Select:
    if limit:
        query = query.limit(limit)
    return query.offset(offset) if offset else query


def _dicts(store: Store, query: sa.Select) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


# -- quotes ------------------------------------------------------------------------------------


def query_quotes(
    store: Store,
    speaker: str | None = None,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    article: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes with their article (id, title, date, url/path), oldest first.

    ``speaker``: part of the speaker's name or of the mention at the cue (case-insensitive);
    ``search``: full-text words over the quote text; ``since``/``until``: article dates.
    """
    query = quotes_query(store.dialect, speaker, search, since, until, kind, article)
    return _dicts(store, _limited(query, limit, offset))


def quotes_query(
    dialect: str,
    speaker: str | None = None,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    article: str | None = None,
) -> sa.Select:
    """The query behind ``query_quotes``, ordered, without limit (to page or count it)."""
    query = sa.select(
        q.c.article_id,
        q.c.quote_id,
        q.c.kind,
        q.c.text,
        q.c.start,
        q.c.end,
        q.c.cue,
        q.c.speaker_entity,
        q.c.speaker_name,
        q.c.speaker_mention,
        q.c.confidence,
        q.c.fragment,
        a.c.date,
        a.c.title,
        a.c.url,
        a.c.path,
        a.c.source,
    ).join(a, a.c.id == q.c.article_id)
    if speaker:
        query = query.where(_spoken_by(speaker, dialect))
    if search:
        query = query.where(matches(dialect, q, search))
    if kind:
        query = query.where(q.c.kind == kind)
    if article:
        query = query.where(q.c.article_id.startswith(article, autoescape=True))
    return _dated(query, since, until).order_by(
        a.c.date.is_(None), a.c.date, a.c.pk, q.c.start, q.c.pk
    )


# -- events ------------------------------------------------------------------------------------


@dataclass
class EventRecord:
    """One event as the ``dateline events`` table shows it, from the store or a fresh analysis."""

    article_id: str
    event_id: str
    date: str | None
    type: str
    cameo: str
    source_code: str | None
    source_name: str | None
    target_code: str | None
    target_name: str | None
    location: str | None
    negated: bool
    mode: str | None
    confidence: float
    evidence: str
    article_date: str | None = None
    title: str | None = None

    @classmethod
    def from_document(cls, document: Document) -> list[EventRecord]:
        """The events of an analysed document."""
        names = {x.id: x.name for x in document.entities}
        published = document.source.published
        dateline_date = document.dateline.date if document.dateline else None
        date = full_date(published) or full_date(dateline_date)
        out = []
        for ev in document.events:
            src, tgt = ev.source, ev.target
            out.append(
                cls(
                    article_id=document.id,
                    event_id=ev.id,
                    date=ev.date,
                    type=ev.type,
                    cameo=ev.cameo,
                    source_code=src.code if src else None,
                    source_name=(src.name or names.get(src.entity or "")) if src else None,
                    target_code=tgt.code if tgt else None,
                    target_name=(tgt.name or names.get(tgt.entity or "")) if tgt else None,
                    location=ev.location.name if ev.location else None,
                    negated=ev.negated,
                    mode=ev.mode,
                    confidence=ev.confidence,
                    evidence=ev.evidence.text,
                    article_date=date,
                    title=document.source.title
                    or (document.headline.text if document.headline else None),
                )
            )
        return out


def _code_filter(column: sa.ColumnElement[Any], code: str) -> sa.ColumnElement[bool]:
    """``RUS`` matches RUS, RUSGOV, RUSMIL...: a code is matched by its prefix."""
    return sa.func.upper(column).startswith(code.upper(), autoescape=True)


def query_events(
    store: Store,
    source: str | None = None,
    target: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
    include_negated: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> list[EventRecord]:
    """Stored events, oldest article first. ``source``/``target``: actor code prefixes (``RUS``
    matches ``RUSGOV``); ``type``: a PLOVER type (``CONSULT``) or a CAMEO code prefix (``04``)."""
    query = events_query(source, target, type, since, until, article, include_negated)
    return [EventRecord(**row) for row in _dicts(store, _limited(query, limit, offset))]


def events_query(
    source: str | None = None,
    target: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
    include_negated: bool = True,
) -> sa.Select:
    """The query behind ``query_events`` (rows of ``EventRecord`` fields), ordered, no limit."""
    sources = sa.alias(e, "source_entity")
    targets = sa.alias(e, "target_entity")
    query = (
        sa.select(
            v.c.article_id,
            v.c.event_id,
            v.c.date,
            v.c.type,
            v.c.cameo,
            v.c.source_code,
            sa.func.coalesce(v.c.source_name, sources.c.name).label("source_name"),
            v.c.target_code,
            sa.func.coalesce(v.c.target_name, targets.c.name).label("target_name"),
            v.c.location_name.label("location"),
            v.c.negated,
            v.c.mode,
            v.c.confidence,
            v.c.evidence,
            a.c.date.label("article_date"),
            a.c.title,
        )
        .join(a, a.c.id == v.c.article_id)
        .outerjoin(
            sources,
            sa.and_(
                sources.c.article_id == v.c.article_id, sources.c.entity_id == v.c.source_entity
            ),
        )
        .outerjoin(
            targets,
            sa.and_(
                targets.c.article_id == v.c.article_id, targets.c.entity_id == v.c.target_entity
            ),
        )
    )
    if source:
        query = query.where(_code_filter(v.c.source_code, source))
    if target:
        query = query.where(_code_filter(v.c.target_code, target))
    if type:
        if type[:1].isdigit():
            query = query.where(v.c.cameo.startswith(type, autoescape=True))
        else:
            query = query.where(sa.func.upper(v.c.type) == type.upper())
    if article:
        query = query.where(v.c.article_id.startswith(article, autoescape=True))
    if not include_negated:
        query = query.where(v.c.negated.is_(False))
    return _dated(query, since, until).order_by(
        a.c.date.is_(None), a.c.date, a.c.pk, v.c.evidence_start, v.c.pk
    )


EVENTS_HEADER = ("date", "type", "cameo", "source", "target", "where", "evidence", "article")


def _actor(code: str | None, name: str | None) -> str:
    if code and name:
        return f"{code} ({name})"
    return code or name or "-"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def events_table_rows(
    records: Iterable[EventRecord], evidence_width: int = 60, header: bool = True
) -> list[tuple[str, ...]]:
    """Rows of strings for an events table (the header first): date, type (with ``not`` for a
    negated event and the mode), CAMEO code, source, target, place, evidence, article id."""
    rows: list[tuple[str, ...]] = [EVENTS_HEADER] if header else []
    for r in records:
        kind = ("not " if r.negated else "") + r.type + (f" [{r.mode}]" if r.mode else "")
        rows.append(
            (
                r.date or r.article_date or "-",
                kind,
                r.cameo,
                _actor(r.source_code, r.source_name),
                _actor(r.target_code, r.target_name),
                r.location or "-",
                _clip(r.evidence, evidence_width),
                r.article_id,
            )
        )
    return rows


# -- actors, articles, stats -------------------------------------------------------------------


def query_articles(
    store: Store,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_near_duplicates: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles (full-text ``search`` over title and text), oldest first, with their counts."""
    query = articles_query(store.dialect, search, since, until, include_near_duplicates)
    return _dicts(store, _limited(query, limit, offset))


def articles_query(
    dialect: str,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_near_duplicates: bool = False,
) -> sa.Select:
    """The query behind ``query_articles``, ordered, without limit (to page or count it)."""
    counts = {
        name: sa.select(sa.func.count())
        .where(t.c.article_id == a.c.id)
        .correlate(a)
        .scalar_subquery()
        .label(name)
        for name, t in (("quotes", q), ("events", v), ("entities", e))
    }
    query = sa.select(
        a.c.id,
        a.c.date,
        a.c.title,
        a.c.source,
        a.c.url,
        a.c.path,
        a.c.near_duplicate_of,
        *counts.values(),
    )
    if not include_near_duplicates:
        query = query.where(CANONICAL)
    if search:
        query = query.where(matches(dialect, a, search))
    return _dated(query, since, until).order_by(a.c.date.is_(None), a.c.date, a.c.pk)


def query_stats(store: Store) -> dict[str, Any]:
    """Counts of everything stored: inputs by status, articles, quotes by kind, events by type,
    entities by type, flags by kind, and the range of article dates."""

    def grouped(column: sa.ColumnElement[Any], where: Any = None) -> dict[str, int]:
        query = sa.select(column, sa.func.count()).group_by(column).order_by(column)
        if where is not None:
            query = query.where(where)
        with store.engine.connect() as conn:
            return {str(k): int(n) for k, n in conn.execute(query)}

    def scalar(query: sa.Select) -> Any:
        with store.engine.connect() as conn:
            return conn.execute(query).scalar()

    inputs = grouped(m.inputs.c.status)
    return {
        "database": str(store),
        "inputs": {s: inputs.get(s, 0) for s in m.INPUT_STATUSES} | {"total": sum(inputs.values())},
        "articles": scalar(sa.select(sa.func.count()).select_from(a).where(CANONICAL)),
        "near_duplicate_copies": scalar(
            sa.select(sa.func.count()).select_from(a).where(a.c.near_duplicate_of.is_not(None))
        ),
        "dates": {
            "first": scalar(sa.select(sa.func.min(a.c.date))),
            "last": scalar(sa.select(sa.func.max(a.c.date))),
            "undated": scalar(
                sa.select(sa.func.count()).select_from(a).where(CANONICAL, a.c.date.is_(None))
            ),
        },
        "quotes": _with_total(grouped(q.c.kind)),
        "speakers": scalar(sa.select(sa.func.count(sa.distinct(q.c.speaker_name)))),
        "entities": _with_total(grouped(e.c.type)),
        "mentions": scalar(sa.select(sa.func.count()).select_from(m.mentions)),
        "events": _with_total(grouped(v.c.type)),
        "flags": _with_total(grouped(m.flags.c.kind)),
    }


def _with_total(counts: dict[str, int]) -> dict[str, int]:
    return {"total": sum(counts.values()), **counts}
