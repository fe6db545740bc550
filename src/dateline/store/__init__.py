"""The store: analysed articles in SQLite (default, a file) or PostgreSQL, with full-text search.

``open_store(url)`` opens and migrates a database; ``dateline.batch.ingest`` fills it;
``query_quotes``, ``query_events``, ``query_actors``, ``query_articles`` and ``query_stats``
read it back. See docs/STORE.md for the tables.
"""

from dateline.store.engine import DEFAULT_DB, database_url
from dateline.store.queries import (
    EVENTS_HEADER,
    EventRecord,
    events_table_rows,
    format_table,
    query_actors,
    query_articles,
    query_events,
    query_quotes,
    query_stats,
)
from dateline.store.repository import Record, Store, open_store

__all__ = [
    "DEFAULT_DB",
    "EVENTS_HEADER",
    "EventRecord",
    "Record",
    "Store",
    "database_url",
    "events_table_rows",
    "format_table",
    "open_store",
    "query_actors",
    "query_articles",
    "query_events",
    "query_quotes",
    "query_stats",
]
