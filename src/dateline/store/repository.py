"""The store: open (migrating on open), write analysed inputs in one transaction per batch, and
read back what a rerun needs to skip stored work. A database fault (locked, server down) is
tried again when transient, then raised as a one-line ``DatabaseError``; a record the database
refuses is recorded as failed alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import URL

from dateline.store import models as m
from dateline.store.engine import create_engine, database_url, describe, migrate, retrying
from dateline.store.rows import Row

if TYPE_CHECKING:  # datasketch pulls in scipy: loaded when an ingest reads the store
    from dateline.store.dedup import NearDuplicates

DONE = ("stored", "duplicate", "near-duplicate")


@dataclass
class Record:
    """One input's outcome, ready to write: its ``inputs`` row and, when stored, its rows."""

    key: str
    sha256: str
    location: str
    kind: str
    status: str
    reason: str | None = None
    article_id: str | None = None
    article: Row | None = None
    children: dict[str, list[Row]] | None = None


def _near_duplicates() -> NearDuplicates:
    from dateline.store.dedup import NearDuplicates

    return NearDuplicates()


@dataclass
class IngestState:
    """What is already stored: finished inputs, contents by hash, article ids, first copies."""

    done: set[tuple[str, str]] = field(default_factory=set)
    failed: dict[tuple[str, str], str] = field(default_factory=dict)
    """Failed inputs (key, content hash) -> the recorded reason."""
    by_sha256: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    near: NearDuplicates = field(default_factory=_near_duplicates)


def utcnow() -> dt.datetime:
    """Now, in UTC, timezone-aware."""
    return dt.datetime.now(dt.UTC)


class Store:
    """A dateline database (SQLite file or PostgreSQL), migrated to the newest schema on open."""

    def __init__(
        self, url: str | URL | None = None, migrate_on_open: bool = True, create: bool = True
    ) -> None:
        self.url = url if isinstance(url, URL) else database_url(url)
        self.engine = create_engine(self.url, create)
        if migrate_on_open:
            try:
                migrate(self.engine)
            except BaseException:
                self.engine.dispose()
                raise

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def __str__(self) -> str:
        return describe(self.url)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what a rerun skips -----------------------------------------------------------------

    def ingest_state(self) -> IngestState:
        """Load what an ingest run needs to skip stored work and spot (near-)duplicates."""
        return retrying(self._ingest_state, self.url, "cannot read")

    def _ingest_state(self) -> IngestState:
        state = IngestState()
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(m.inputs.c.key, m.inputs.c.sha256).where(m.inputs.c.status.in_(DONE))
            )
            state.done = {(key, sha) for key, sha in rows}
            failed = conn.execute(
                sa.select(m.inputs.c.key, m.inputs.c.sha256, m.inputs.c.reason).where(
                    m.inputs.c.status == "failed"
                )
            )
            state.failed = {(key, sha): reason or "" for key, sha, reason in failed}
            articles = conn.execute(
                sa.select(
                    m.articles.c.id,
                    m.articles.c.source_sha256,
                    m.articles.c.near_duplicate_of,
                    m.articles.c.minhash,
                ).order_by(m.articles.c.pk)
            )
            for article_id, sha, near_of, minhash in articles:
                state.ids.add(article_id)
                state.by_sha256.setdefault(sha, article_id)
                if near_of is None and minhash is not None:
                    state.near.add(article_id, bytes(minhash))
        return state

    # -- writing ------------------------------------------------------------------------------

    def write(self, records: list[Record]) -> list[Record]:
        """Write a batch in one transaction; if it fails, write each record alone, so that one bad
        record fails alone and nothing stored before is touched. Returns the records as written."""
        if not records:
            return records
        try:
            self._transaction(records)
            return records
        except sa.exc.SQLAlchemyError:  # a record the database refuses: each alone
            pass
        for record in records:
            try:
                self._transaction([record])
            except sa.exc.SQLAlchemyError as exc:
                reason = getattr(exc, "orig", None) or exc
                if isinstance(exc, sa.exc.IntegrityError) and record.article is not None:
                    self._write_already_there(record)
                    continue
                record.status, record.reason = (
                    "failed",
                    f"{record.location}: cannot store ({reason})",
                )
                record.article = record.children = None
                record.article_id = None
                self._transaction([record])
        return records

    def _transaction(self, records: list[Record]) -> None:
        """Write records in one transaction, tried again on a transient fault (the failed try
        rolled back whole); a lasting fault of the database is a ``DatabaseError``."""

        def write() -> None:
            with self.engine.begin() as conn:
                self._write(conn, records)

        retrying(write, self.url, "cannot write")

    def _write_already_there(self, record: Record) -> None:
        """Another writer stored the same article meanwhile: the input is a duplicate."""
        record.status, record.article, record.children = "duplicate", None, None
        self._transaction([record])

    def _insert(self, table: sa.Table) -> Any:
        from sqlalchemy.dialects import postgresql, sqlite  # when writing: quick read-only start

        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    def _write(self, conn: sa.Connection, records: list[Record]) -> None:
        now = utcnow()
        articles = [
            {**r.article, "created_at": now}
            for r in records
            if r.article is not None and r.status in ("stored", "near-duplicate")
        ]
        if articles:
            conn.execute(sa.insert(m.articles), articles)
        for table in m.CHILD_TABLES:
            rows = [
                row
                for r in records
                if r.status == "stored" and r.children
                for row in r.children.get(table.name, ())
            ]
            if rows:
                conn.execute(sa.insert(table), rows)
        stmt = self._insert(m.inputs)
        stmt = stmt.on_conflict_do_update(
            index_elements=["key", "sha256"],
            set_={
                "status": stmt.excluded.status,
                "reason": stmt.excluded.reason,
                "article_id": stmt.excluded.article_id,
                "location": stmt.excluded.location,
                "attempts": m.inputs.c.attempts + 1,
                "updated_at": stmt.excluded.updated_at,
            },
            where=m.inputs.c.status == "failed",  # a stored input is never overwritten
        )
        conn.execute(
            stmt,
            [
                {
                    "key": r.key,
                    "sha256": r.sha256,
                    "location": r.location,
                    "kind": r.kind,
                    "status": r.status,
                    "reason": r.reason,
                    "article_id": r.article_id,
                    "attempts": 1,
                    "first_seen": now,
                    "updated_at": now,
                }
                for r in records
            ],
        )

    # -- reading ------------------------------------------------------------------------------

    def rows(self, query: sa.Select, chunk: int = 1000) -> Iterator[sa.Row]:
        """Stream the rows of a query."""
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=chunk).execute(query)
            yield from result


def open_store(url: str | URL | None = None, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the store at ``url`` (default ``dateline.db``).
    ``create=False`` (the commands that only read): a SQLite file that does not exist is a
    ``DatabaseError`` instead of a new empty database."""
    return Store(url, create=create)
