"""The explorer's single views: an actor with its quotes over time and the actors quoted beside
it, a dyad's events over time, an article's document and links, the flag queue."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import sqlalchemy as sa

from dateline.explorer.reads import entities_of_actor
from dateline.store import models as m
from dateline.store.repository import Store

a, q, v, e, x, f = m.articles, m.quotes, m.events, m.entities, m.actors, m.flags
YEARLY_AFTER = 48
"""A series spanning more months than this is shown by year."""


def _speaker_of(actor_id: str) -> sa.ColumnElement[bool]:
    return sa.tuple_(q.c.article_id, q.c.speaker_entity).in_(entities_of_actor(actor_id))


def actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    """The actor's row, or None."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(x).where(x.c.id == actor_id)).first()
    return dict(row._mapping) if row else None


def quotes_by_month(store: Store, actor_id: str) -> list[tuple[str, int]]:
    """(YYYY-MM, quotes) of the actor's dated quotes, in order."""
    month = sa.func.substr(a.c.date, 1, 7).label("month")
    query = (
        sa.select(month, sa.func.count())
        .select_from(q.join(a, a.c.id == q.c.article_id))
        .where(_speaker_of(actor_id), a.c.date.is_not(None))
        .group_by(month)
        .order_by(month)
    )
    with store.engine.connect() as conn:
        return [(str(p), int(n)) for p, n in conn.execute(query)]


def quoted_with(store: Store, actor_id: str, limit: int = 20) -> list[dict[str, Any]]:
    """Other actors quoted in the articles that quote this one, by articles shared."""
    own = sa.select(q.c.article_id).where(_speaker_of(actor_id))
    shared = sa.func.count(sa.distinct(q.c.article_id)).label("articles")
    query = (
        sa.select(x.c.id, x.c.name, shared)
        .select_from(
            q.join(
                e, sa.and_(e.c.article_id == q.c.article_id, e.c.entity_id == q.c.speaker_entity)
            ).join(x, x.c.id == e.c.actor_id)
        )
        .where(q.c.article_id.in_(own), x.c.id != actor_id)
        .group_by(x.c.id, x.c.name)
        .order_by(shared.desc(), x.c.name)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def periods(months: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A continuous series: every month from the first to the last (zero where none), or every
    year when that spans more than ``YEARLY_AFTER`` months."""
    valid = [(p, n) for p, n in months if len(p) == 7 and p[:4].isdigit() and p[5:].isdigit()]
    if not valid:
        return []
    counts = Counter(dict(valid))
    first, last = valid[0][0], valid[-1][0]
    y0, m0, y1, m1 = int(first[:4]), int(first[5:]), int(last[:4]), int(last[5:])
    span = (y1 - y0) * 12 + (m1 - m0) + 1
    if span > YEARLY_AFTER:
        years: Counter[str] = Counter()
        for p, n in valid:
            years[p[:4]] += n
        return [(str(y), years[str(y)]) for y in range(y0, y1 + 1)]
    out = []
    for i in range(span):
        year, month = divmod(m0 - 1 + i, 12)
        label = f"{y0 + year:04d}-{month + 1:02d}"
        out.append((label, counts[label]))
    return out


def series_by_type(rows: list[tuple[str, str, int]]) -> tuple[list[str], dict[str, dict[str, int]]]:
    """(period, type, count) rows as continuous periods and counts by type in each period."""
    total: Counter[str] = Counter()
    for period, _type, n in rows:
        total[period] += n
    labels = [p for p, _ in periods(sorted(total.items()))]
    yearly = bool(labels) and len(labels[0]) == 4
    by: dict[str, dict[str, int]] = defaultdict(dict)
    for period, type_, n in rows:
        key = period[:4] if yearly else period
        by[key][type_] = by[key].get(type_, 0) + n
    return labels, dict(by)


def dyad_series(store: Store, found: sa.Select) -> list[tuple[str, str, int]]:
    """(YYYY-MM, PLOVER type, events) of the events found, by their article's date."""
    sub = found.order_by(None).subquery()
    month = sa.func.substr(sub.c.article_date, 1, 7).label("month")
    query = (
        sa.select(month, sub.c.type, sa.func.count())
        .where(sub.c.article_date.is_not(None))
        .group_by(month, sub.c.type)
        .order_by(month, sub.c.type)
    )
    with store.engine.connect() as conn:
        return [(str(p), str(t), int(n)) for p, t, n in conn.execute(query)]


def document_json(store: Store, article_id: str) -> str | None:
    """The stored dateline/1 document of an article, as JSON text."""
    with store.engine.connect() as conn:
        return conn.execute(sa.select(a.c.document).where(a.c.id == article_id)).scalar()


def entity_actors(store: Store, article_id: str) -> dict[str, str]:
    """Entity id -> corpus actor id, for one article."""
    query = sa.select(e.c.entity_id, e.c.actor_id).where(
        e.c.article_id == article_id, e.c.actor_id.is_not(None)
    )
    with store.engine.connect() as conn:
        return {entity: actor_id for entity, actor_id in conn.execute(query)}


CONTEXT = 60
"""Characters shown each side of a flag in the review queue."""


def flags(kind: str | None = None) -> sa.Select:
    """The review queue: flags with their article and the text around them, oldest first."""
    begin = sa.case((f.c.start > CONTEXT, f.c.start - CONTEXT), else_=0)
    query = (
        sa.select(
            f.c.pk,
            f.c.article_id,
            f.c.kind,
            f.c.message,
            f.c.start,
            f.c.end,
            f.c.suggestion,
            a.c.title,
            a.c.date,
            begin.label("context_start"),
            sa.func.substr(a.c.text, begin + 1, f.c.end - begin + CONTEXT).label("context"),
        )
        .join(a, a.c.id == f.c.article_id)
        .order_by(a.c.date.is_(None), a.c.date, a.c.pk, f.c.start, f.c.pk)
    )
    return query.where(f.c.kind == kind) if kind else query


def flag_kinds(store: Store) -> list[tuple[str, int]]:
    """Flag kinds and how many of each."""
    query = sa.select(f.c.kind, sa.func.count()).group_by(f.c.kind).order_by(f.c.kind)
    with store.engine.connect() as conn:
        return [(str(k), int(n)) for k, n in conn.execute(query)]
