"""The Parquet lake: the store's tables partitioned by publication date, Hive style, for DuckDB
and Spark to read directly::

    DIR/articles/date=2016-09-12/part-0.parquet
    DIR/entities/date=2016-09-12/part-0.parquet   (also mentions, quotes, events, flags)
    DIR/quotes/date=__HIVE_DEFAULT_PARTITION__/part-0.parquet   (articles without a full date)

The partition key is ``articles.date`` (the publication date, else the dateline's). The store
stays the source of truth: a partition is rewritten whole from it (to a temporary file, then
renamed), so writing again is idempotent and a rerun of an ingest rewrites only the dates it
touched. Near-duplicate copies are left out, as in ``dateline export``. In the files the
partition column is left out of ``articles`` and ``events.date`` (the event's own date) is
``event_date``, so that no data column shadows the partition column; ``entities.actor_id`` is
left out (corpus actors are relinked across all dates after every ingest: ask the store).
A lake directory that does not exist yet is written whole from the store.

    duckdb -c "SELECT date, count(*) FROM read_parquet('DIR/quotes/*/*.parquet',
               hive_partitioning = true) GROUP BY date"
    spark.read.parquet("DIR/quotes")
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from dateline.exports import _chunks, arrow_schema, table_query
from dateline.store import Store
from dateline.store import models as m

LAKE_TABLES = ("articles", "entities", "mentions", "quotes", "events", "flags")
"""Tables written to the lake, each partitioned by its article's date."""
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
"""The partition of articles without a full date (Hive's name for a null value)."""
RENAMED: dict[str, dict[str, str | None]] = {
    "articles": {"date": None},
    "events": {"date": "event_date"},
    "entities": {"actor_id": None},
}
"""Columns left out (None) or renamed in the files: none is called ``date``, and the corpus actor
links (rewritten by every ingest's relink, for old articles too) stay in the store."""


def partition_name(date: str | None) -> str:
    """The directory name of a date's partition."""
    return f"date={date or NULL_PARTITION}"


def _dates(store: Store) -> set[str | None]:
    query = sa.select(m.articles.c.date).distinct().where(m.articles.c.near_duplicate_of.is_(None))
    return {row[0] for row in store.rows(query)}


def _query(name: str, date: str | None) -> sa.Select:
    a = m.articles
    on_date = a.c.date.is_(None) if date is None else a.c.date == date
    query = table_query(name)
    if name == "articles":
        return query.where(on_date)
    table = m.metadata.tables[name]
    return query.where(table.c.article_id.in_(sa.select(a.c.id).where(on_date)))


def _schema(name: str) -> tuple[Any, dict[str, str | None]]:
    import pyarrow as pa

    renames = RENAMED.get(name, {})
    fields = []
    for f in arrow_schema(name):
        if f.name in renames:
            if renames[f.name] is None:
                continue
            f = f.with_name(renames[f.name])
        fields.append(f)
    return pa.schema(fields), renames


def write_partition(store: Store, directory: Path, name: str, date: str | None) -> int:
    """Rewrite one table's partition of one date from the store; the rows written (a partition
    with none is removed)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema, renames = _schema(name)
    folder = directory / name / partition_name(date)
    path = folder / "part-0.parquet"
    rows = 0
    writer = None
    tmp = folder / ".part-0.parquet.tmp"
    for chunk in _chunks(store, _query(name, date)):
        for row in chunk:
            for old, new in renames.items():
                value = row.pop(old, None)
                if new is not None:
                    row[new] = value
        if writer is None:
            folder.mkdir(parents=True, exist_ok=True)
            writer = pq.ParquetWriter(tmp, schema, compression="zstd")
        writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
        rows += len(chunk)
    if writer is not None:
        writer.close()
        tmp.replace(path)
    for stale in folder.glob("part-*.parquet") if folder.exists() else ():
        if rows == 0 or stale != path:
            stale.unlink()
    if rows == 0 and folder.exists() and not any(folder.iterdir()):
        folder.rmdir()
    return rows


def write_lake(
    store: Store, directory: str | Path, dates: Iterable[str | None] | None = None
) -> dict[str, int]:
    """Rewrite the partitions of ``dates`` (default: every date in the store) of every lake
    table; returns the rows written per table."""
    directory = Path(directory)
    wanted = _dates(store) if dates is None else set(dates)
    counts = dict.fromkeys(LAKE_TABLES, 0)
    for date in sorted(wanted, key=lambda d: d or ""):
        for name in LAKE_TABLES:
            counts[name] += write_partition(store, directory, name, date)
    return counts
