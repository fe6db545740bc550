"""Pages of quotes, newest first, fast on big stores: the explorer's quote lists and search.

A page costs about what it shows, not what matched: on a million quotes, a word found in 700,000
of them or a person quoted 70,000 times is one page in milliseconds. SQLite gets one of two
plans, chosen by a cost model from the size of the match (the full-text count; the speaker's
quote count from ``actor_quotes``), with its join order and indexes fixed (``CROSS JOIN``,
``INDEXED BY``: without statistics SQLite would guess):

- *match*: take every match from the covering indexes (a speaker's entities, their quotes, the
  articles' dates), sort them, keep the page;
- *walk*: go through the articles newest first (``ix_articles_date_id``) and test each quote
  until the page is full: against a set of the word's matches built once, or, for a word in
  most quotes, by asking the full-text index about each quote; a speaker through the quote's
  own entity.

The page's pks come first, then its rows. The total is exact where an index gives it (words
alone: the full-text count, up to ``WORD_COUNT_CAP``; a speaker alone: ``actor_quotes``), else
counted up to ``COUNT_CAP`` (``exact`` false beyond). PostgreSQL plans for itself (match)."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import Join
from sqlalchemy.sql.visitors import InternalTraversal

from dateline.explorer.reads import Filters, fetch, quote_terms
from dateline.store import models as m
from dateline.store.actors import actor_ids_named
from dateline.store.queries import quotes_query
from dateline.store.repository import Store
from dateline.store.search import fts5_query, matches, speaker_quotes

a, q, e = m.articles, m.quotes, m.entities
COUNT_CAP = 1000
"""Totals that no index gives are counted up to this (``exact`` false beyond)."""
WORD_COUNT_CAP = 250_000
"""The full-text count stops here (about 10 ms on SQLite)."""
# Costs in microseconds, measured on 1,000,000 quotes (benchmarks/serve_latency.py).
VISIT = 3.5
"""Walking: one quote visited (and its speaker tested)."""
PROBE = 75.0
"""Walking: one quote looked up in the full-text index."""
SET = 1.3
"""Building the set of a word's matches, per microsecond its full-text count took (the same
doclists are read), plus ``SET_MATCH`` per match."""
SET_MATCH = 0.1
MATCH = 4.0
"""Match plan: one match taken from the indexes and sorted."""


class PlannedJoin(Join):
    """A join whose order (``cross``: SQLite keeps the left table outer) and indexes
    (``INDEXED BY``, by table name) are fixed on SQLite; a plain join elsewhere."""

    inherit_cache = True
    _traverse_internals: ClassVar[list[tuple[str, Any]]] = [  # type: ignore[misc]
        *Join._traverse_internals,
        ("cross", InternalTraversal.dp_boolean),
        ("indexes", InternalTraversal.dp_plain_dict),
    ]

    def __init__(
        self,
        left: Any,
        right: Any,
        onclause: Any,
        cross: bool = False,
        indexes: dict[str, str] | None = None,
    ) -> None:
        super().__init__(left, right, onclause)
        self.cross = cross
        self.indexes = indexes or {}


def _side(element: Any, compiler: Any, indexes: dict[str, str], **kw: Any) -> str:
    text = compiler.process(element, asfrom=True, **kw)
    index = indexes.get(getattr(element, "name", ""))
    return f"{text} INDEXED BY {index}" if index else text


@compiles(PlannedJoin, "sqlite")
def _planned_join(element: PlannedJoin, compiler: Any, **kw: Any) -> str:
    kw.pop("asfrom", None)
    left = _side(element.left, compiler, element.indexes, **kw)
    right = _side(element.right, compiler, element.indexes, **kw)
    on = compiler.process(element.onclause, **kw)
    return f"{left} {'CROSS JOIN' if element.cross else 'JOIN'} {right} ON {on}"


@compiles(PlannedJoin)
def _plain_join(element: PlannedJoin, compiler: Any, **kw: Any) -> str:
    return compiler.visit_join(element, **kw)


@dataclass
class QuotePage:
    """One page of quotes, how many there are (``exact`` false: at least) and the plan used."""

    rows: list[dict[str, Any]]
    total: int
    exact: bool
    plan: str


@dataclass
class _Query:
    """What one request asks, resolved: the word and speaker sets and their sizes."""

    f: Filters
    dialect: str
    ids: list[str] | None = None
    fallback: sa.Select | None = None
    words: int | None = None
    words_capped: bool = False
    words_us: float = 0.0
    """How long the full-text count took, in microseconds."""
    spoken: int | None = None

    @property
    def terms(self) -> list[sa.ColumnElement[bool]]:
        return quote_terms(replace(self.f, actor=None))

    @property
    def others(self) -> bool:
        return replace(self.f, q=None, speaker=None, actor=None) != Filters()


def _scalar(store: Store, query: Any) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)


def _fts(words: str, name: str = "quote_words") -> sa.TextualSelect:
    return (
        sa.text(f"SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :{name}")
        .bindparams(**{name: fts5_query(words)})
        .columns(sa.column("rowid", sa.Integer))
    )


def _resolve(store: Store, f: Filters) -> _Query:
    """The request's actors (by name and/or id), unlinked fallback, and match sizes."""
    r = _Query(f, store.dialect)
    if f.speaker:
        with store.engine.connect() as conn:
            r.ids = [row[0] for row in conn.execute(actor_ids_named(f.speaker))]
        if not f.actor:
            r.fallback = speaker_quotes(store.dialect, f.speaker)
    if f.actor:  # one actor's quotes (among those named so, with a speaker)
        r.ids = [f.actor] if r.ids is None or f.actor in r.ids else []
    if r.ids is not None:
        counted = sa.select(sa.func.coalesce(sa.func.sum(m.actor_quotes.c.quotes), 0)).where(
            m.actor_quotes.c.actor_id.in_(r.ids)
        )
        r.spoken = _scalar(store, counted)
        if r.fallback is not None:
            r.spoken += _scalar(
                store, sa.select(sa.func.count()).select_from(r.fallback.subquery())
            )
    if f.q and store.dialect == "sqlite":
        word_count = sa.text(
            "SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :w "
            "LIMIT :cap)"
        ).bindparams(w=fts5_query(f.q), cap=WORD_COUNT_CAP)
        start = time.perf_counter()
        r.words = _scalar(store, word_count)
        r.words_us = (time.perf_counter() - start) * 1e6
        r.words_capped = r.words >= WORD_COUNT_CAP
    return r


def _plan(r: _Query, want: int, quotes: int) -> tuple[str, bool]:
    """("walk" or "match", whether a walk probes the full-text index per quote)."""
    sizes = [n for n in (r.words, r.spoken) if n is not None]
    if r.dialect != "sqlite":
        return "match", False
    if not sizes:
        return "walk", False
    expected = max(1.0, sizes[0] * (sizes[1] / quotes if len(sizes) == 2 else 1.0))
    visits = want * quotes / expected
    word_set = r.words_us * SET + (r.words or 0) * SET_MATCH
    probe_each = PROBE * max(1, len((r.f.q or "").split()))
    probe = r.words is not None and visits * probe_each < word_set
    walk = visits * VISIT + (min(word_set, visits * probe_each) if r.words is not None else 0)
    match = (r.spoken if r.spoken is not None else r.words or 0) * MATCH + (
        word_set if r.spoken is not None else 0
    )
    return ("walk", probe) if walk < match else ("match", False)


def _walk(r: _Query, probe: bool) -> sa.Select:
    join = PlannedJoin(
        a, q, q.c.article_id == a.c.id, cross=True, indexes={"articles": "ix_articles_date_id"}
    )
    query = sa.select(q.c.pk).select_from(join).where(*r.terms)
    if r.f.q and probe:
        query = query.where(
            sa.text(
                "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH :probe_words "
                "AND quotes_fts.rowid = quotes.pk)"
            ).bindparams(probe_words=fts5_query(r.f.q))
        )
    elif r.f.q:
        query = query.where((q.c.pk + 0).in_(_fts(r.f.q)))  # + 0: tested, not driving
    if r.ids is not None:
        linked = sa.exists().where(
            e.c.article_id == q.c.article_id,
            e.c.entity_id == q.c.speaker_entity,
            e.c.actor_id.concat("").in_(r.ids),  # through the quote's entity, not the actor's
        )
        query = query.where(
            linked if r.fallback is None else sa.or_(linked, (q.c.pk + 0).in_(r.fallback))
        )
    return query.order_by(a.c.date.desc(), a.c.id.desc(), q.c.pk)


def _match(r: _Query) -> sa.Select:
    """All matches from covering indexes: through the speaker's entities when there is a
    speaker (and the unlinked speakers named so), else through the word's matches."""
    sqlite = r.dialect == "sqlite"
    indexes = {"articles": "ix_articles_id_date"} if sqlite else {}
    parts = []
    if r.ids is not None:
        entity_index = {"entities": "ix_entities_actor_speaker"} if sqlite else {}
        spoken = PlannedJoin(
            e, q, sa.and_(q.c.article_id == e.c.article_id, q.c.speaker_entity == e.c.entity_id),
            indexes=entity_index,
        )  # fmt: skip
        joined = PlannedJoin(spoken, a, a.c.id == e.c.article_id, indexes=indexes)
        parts.append(
            sa.select(q.c.pk, a.c.date, a.c.id).select_from(joined).where(e.c.actor_id.in_(r.ids))
        )
        if r.fallback is not None:
            plain = PlannedJoin(q, a, a.c.id == q.c.article_id, indexes=indexes)
            parts.append(
                sa.select(q.c.pk, a.c.date, a.c.id).select_from(plain).where(q.c.pk.in_(r.fallback))
            )
    else:
        plain = PlannedJoin(q, a, a.c.id == q.c.article_id, indexes=indexes)
        parts.append(sa.select(q.c.pk, a.c.date, a.c.id).select_from(plain))
    if r.f.q:
        words = q.c.pk.in_(_fts(r.f.q)) if sqlite else matches(r.dialect, q, r.f.q)
        parts = [p.where(words) for p in parts]
    parts = [p.where(*r.terms) for p in parts]
    found = (parts[0] if len(parts) == 1 else sa.union_all(*parts)).subquery()
    date = found.c.date.desc()
    return sa.select(found.c.pk).order_by(
        date.nulls_last() if r.dialect == "postgresql" else date, found.c.id.desc(), found.c.pk
    )


def quote_page(store: Store, f: Filters, limit: int, offset: int = 0) -> QuotePage:
    """One page of the quotes matching ``f``, newest first, with the total."""
    r = _resolve(store, f)
    exact_total = None
    if not r.others and (r.words is None) != (r.spoken is None):
        if r.spoken is not None:
            exact_total = r.spoken
        elif not r.words_capped:
            exact_total = r.words
    if exact_total == 0 or r.spoken == 0 or r.words == 0:
        return QuotePage([], 0, True, "none")
    quotes = _scalar(store, sa.select(sa.func.max(q.c.pk))) or 1  # about how many, no count
    plan, probe = _plan(r, offset + limit, quotes)
    selection = _walk(r, probe) if plan == "walk" else _match(r)
    pks = [row["pk"] for row in fetch(store, selection, limit, offset)]
    rows = _rows(store, pks)
    if exact_total is not None:
        return QuotePage(rows, exact_total, True, plan)
    if r.words_capped and not r.others and r.spoken is None:
        return QuotePage(rows, WORD_COUNT_CAP, False, plan)
    counted = (_walk(r, probe) if plan == "walk" else _match(r)).order_by(None)
    n = _scalar(
        store, sa.select(sa.func.count()).select_from(counted.limit(COUNT_CAP + 1).subquery())
    )
    total = max(min(n, COUNT_CAP), offset + len(rows))
    return QuotePage(rows, total, n <= COUNT_CAP, plan)


def _rows(store: Store, pks: list[int]) -> list[dict[str, Any]]:
    """The full rows of the quotes ``pks``, in that order."""
    if not pks:
        return []
    base = quotes_query(store.dialect).order_by(None).where(q.c.pk.in_(pks))
    by_pk = {r["_pk"]: r for r in fetch(store, base.add_columns(q.c.pk.label("_pk")))}
    return [{k: v for k, v in by_pk[pk].items() if k != "_pk"} for pk in pks if pk in by_pk]
