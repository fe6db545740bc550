"""The lists of the explorer: the store's queries (``store/queries.py``) with the explorer's extra
filters, counted and paged, and the facet counts of the search page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from dateline.store import models as m
from dateline.store.actors import actor_ids_named
from dateline.store.queries import articles_query, events_query, quotes_query
from dateline.store.repository import Store
from dateline.store.search import matches

a, q, v, e, x = m.articles, m.quotes, m.events, m.entities, m.actors
ACTOR_ID = re.compile(r"^a[0-9a-f]{12}$")
"""A corpus actor id (``actors/corpus.py``); anything else in a dyad is a code prefix."""


def is_actor_id(value: str) -> bool:
    """Whether ``value`` is a corpus actor id rather than an actor code (RUS, USAGOV)."""
    return bool(ACTOR_ID.match(value))


def count(store: Store, query: sa.Select) -> int:
    """How many rows ``query`` gives (its order and paging dropped)."""
    inner = query.order_by(None).limit(None).offset(None).subquery()
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(inner)).scalar() or 0)


def fetch(store: Store, query: sa.Select, limit: int | None = None, offset: int = 0) -> list[dict]:
    """The rows of ``query`` as dicts, one page of them when ``limit`` is given."""
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def code_prefix(column: Any, code: str) -> sa.ColumnElement[bool]:
    """``RUS`` matches RUS, RUSGOV, RUSMIL: an actor code by its prefix, any case."""
    return sa.func.upper(column).startswith(code.upper(), autoescape=True)


def entities_of_actor(actor_id: str) -> sa.Select:
    """(article_id, entity_id) of every entity linked to the corpus actor."""
    return sa.select(e.c.article_id, e.c.entity_id).where(e.c.actor_id == actor_id)


def side(code: Any, entity: Any, value: str) -> sa.ColumnElement[bool]:
    """An event side (source or target) that is the actor id ``value`` or has its code prefix."""
    if is_actor_id(value):
        return sa.tuple_(v.c.article_id, entity).in_(entities_of_actor(value))
    return code_prefix(code, value)


def involving(country: str) -> sa.ColumnElement[bool]:
    """Events with the country (a code prefix) on either side."""
    return sa.or_(code_prefix(v.c.source_code, country), code_prefix(v.c.target_code, country))


@dataclass
class Filters:
    """What the search page and the API lists filter on (all optional)."""

    q: str | None = None
    speaker: str | None = None
    kind: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    cameo: str | None = None
    country: str | None = None
    actor_source: str | None = None
    actor_target: str | None = None
    actor: str | None = None


def articles(store: Store, f: Filters) -> sa.Select:
    """Articles matching the words (title and text), source, dates and country (the dateline's
    country, or an event with the country on a side)."""
    query = articles_query(store.dialect, f.q, f.since, f.until)
    if f.source:
        query = query.where(a.c.source == f.source)
    if f.country:
        with_events = sa.select(v.c.article_id).where(involving(f.country))
        query = query.where(
            sa.or_(a.c.dateline_country == f.country.upper(), a.c.id.in_(with_events))
        )
    return query


def quote_terms(f: Filters) -> list[sa.ColumnElement[bool]]:
    """The filters on quotes other than the words and the speaker: article dates and source,
    kind, the speaker's country and corpus actor."""
    terms: list[sa.ColumnElement[bool]] = []
    if f.since:
        terms.append(a.c.date >= f.since)
    if f.until:
        terms.append(a.c.date <= f.until)
    if f.kind:
        terms.append(q.c.kind == f.kind)
    if f.source:
        terms.append(a.c.source == f.source)
    if f.country:
        speakers = sa.select(e.c.article_id, e.c.entity_id).where(e.c.country == f.country.upper())
        terms.append(sa.tuple_(q.c.article_id, q.c.speaker_entity).in_(speakers))
    if f.actor:
        terms.append(sa.tuple_(q.c.article_id, q.c.speaker_entity).in_(entities_of_actor(f.actor)))
    return terms


def quotes(store: Store, f: Filters) -> sa.Select:
    """Quotes matching the words, speaker (``store.queries``) and ``quote_terms``."""
    return quotes_query(store.dialect, f.speaker, f.q).where(*quote_terms(f))


def events(store: Store, f: Filters) -> sa.Select:
    """Events matching source/target (code prefixes or actor ids), PLOVER type, CAMEO prefix,
    dates, country on either side, and the words and source of their article."""
    query = events_query(type=f.type, since=f.since, until=f.until)
    if f.actor_source:
        query = query.where(side(v.c.source_code, v.c.source_entity, f.actor_source))
    if f.actor_target:
        query = query.where(side(v.c.target_code, v.c.target_entity, f.actor_target))
    if f.cameo:
        query = query.where(v.c.cameo.startswith(f.cameo, autoescape=True))
    if f.country:
        query = query.where(involving(f.country))
    if f.q:
        query = query.where(
            v.c.article_id.in_(sa.select(a.c.id).where(matches(store.dialect, a, f.q)))
        )
    if f.source:
        query = query.where(a.c.source == f.source)
    return query


def actors(name: str | None = None, type: str | None = None) -> sa.Select:
    """Corpus actors named ``name`` (whole words of the name or an alias), most reported first."""
    query = sa.select(x).order_by(x.c.articles.desc(), x.c.name, x.c.id)
    if name:
        query = query.where(x.c.id.in_(actor_ids_named(name)))
    if type:
        query = query.where(x.c.type == type.upper())
    return query


def with_aliases_and_quotes(store: Store, rows: list[dict]) -> list[dict]:
    """Add each actor's aliases (most used first) and quote count to the rows."""
    ids = [r["id"] for r in rows]
    aliases: dict[str, list[str]] = {}
    quoted: dict[str, int] = {}
    if ids:
        al = m.actor_aliases
        with store.engine.connect() as conn:
            for actor_id, alias in conn.execute(
                sa.select(al.c.actor_id, al.c.alias)
                .where(al.c.actor_id.in_(ids))
                .order_by(al.c.actor_id, al.c.count.desc(), al.c.alias)
            ):
                aliases.setdefault(actor_id, []).append(alias)
            spoken = (
                sa.select(e.c.actor_id, sa.func.count())
                .join(
                    q,
                    sa.and_(q.c.article_id == e.c.article_id, q.c.speaker_entity == e.c.entity_id),
                )
                .where(e.c.actor_id.in_(ids))
                .group_by(e.c.actor_id)
            )
            quoted = {actor_id: int(n) for actor_id, n in conn.execute(spoken)}
    return [
        r | {"aliases": aliases.get(r["id"], []), "quotes": quoted.get(r["id"], 0)} for r in rows
    ]


def with_actor_ids(store: Store, rows: list[dict]) -> list[dict]:
    """Add the speaker's corpus actor (``actor_id``) to quote rows."""
    articles_ids = sorted({r["article_id"] for r in rows if r.get("speaker_entity")})
    links: dict[tuple[str, str], str] = {}
    if articles_ids:
        query = sa.select(e.c.article_id, e.c.entity_id, e.c.actor_id).where(
            e.c.article_id.in_(articles_ids)
        )
        with store.engine.connect() as conn:
            links = {(art, ent): actor for art, ent, actor in conn.execute(query) if actor}
    return [
        r | {"actor_id": links.get((r["article_id"], r.get("speaker_entity") or ""))} for r in rows
    ]


# -- facets ------------------------------------------------------------------------------------

Facet = list[tuple[str, str, int]]
"""(value to filter on, label, count), most frequent first."""


def _grouped(store: Store, query: sa.Select, limit: int) -> list[tuple[Any, ...]]:
    with store.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query.limit(limit))]


def speaker_facet(store: Store, quotes_found: list[dict], limit: int = 10) -> Facet:
    """The corpus actors most quoted among the quote rows (with ``actor_id``) found."""
    counts: dict[str, int] = {}
    for row in quotes_found:
        if row.get("actor_id"):
            counts[row["actor_id"]] = counts.get(row["actor_id"], 0) + 1
    if not counts:
        return []
    with store.engine.connect() as conn:
        query = sa.select(x.c.id, x.c.name).where(x.c.id.in_(list(counts)))
        names = {actor_id: name for actor_id, name in conn.execute(query)}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], names.get(kv[0], "")))[:limit]
    return [(names[i], names[i], n) for i, n in ranked if i in names]


def column_facet(store: Store, found: sa.Select, column: str, limit: int = 10) -> Facet:
    """The commonest values of one column of the rows found (source, type)."""
    sub = found.order_by(None).subquery()
    n = sa.func.count().label("n")
    col = sub.c[column]
    query = sa.select(col, n).where(col.is_not(None)).group_by(col).order_by(n.desc(), col)
    return [(str(value), str(value), int(c)) for value, c in _grouped(store, query, limit)]


def year_facet(store: Store, found: sa.Select, column: str = "date", limit: int = 12) -> Facet:
    """Rows found by year (newest first)."""
    sub = found.order_by(None).subquery()
    year = sa.func.substr(sub.c[column], 1, 4).label("year")
    query = (
        sa.select(year, sa.func.count())
        .where(sub.c[column].is_not(None))
        .group_by(year)
        .order_by(year.desc())
    )
    return [(str(y), str(y), int(c)) for y, c in _grouped(store, query, limit)]


def country_facet(store: Store, events_found: sa.Select, limit: int = 10) -> Facet:
    """Countries (the first three letters of actor codes) on either side of the events found."""
    sub = events_found.order_by(None).subquery()
    sides = sa.union_all(
        *(
            sa.select(sa.func.upper(sa.func.substr(column, 1, 3)).label("country")).where(
                sa.func.length(column) >= 3
            )
            for column in (sub.c.source_code, sub.c.target_code)
        )
    ).subquery()
    n = sa.func.count().label("n")
    query = (
        sa.select(sides.c.country, n).group_by(sides.c.country).order_by(n.desc(), sides.c.country)
    )
    return [(str(c), str(c), int(k)) for c, k in _grouped(store, query, limit)]
