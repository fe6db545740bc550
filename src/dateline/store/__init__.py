"""The store: analysed articles in SQLite (default, a file) or PostgreSQL, with full-text search.

``open_store(url)`` opens and migrates a database; ``dateline.batch.ingest`` fills it;
``query_quotes``, ``query_events``, ``query_articles`` and ``query_stats``
read it back. See docs/STORE.md for the tables.

The names load on first use (module ``__getattr__``): importing ``dateline.store.cli`` for
``dateline --help`` does not import SQLAlchemy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.store.engine import DEFAULT_DB, database_url
    from dateline.store.queries import (
        EVENTS_HEADER,
        EventRecord,
        events_table_rows,
        query_articles,
        query_events,
        query_quotes,
        query_stats,
    )
    from dateline.store.repository import Record, Store, open_store
    from dateline.terminal import format_table

_HOMES = {
    "DEFAULT_DB": "engine",
    "database_url": "engine",
    "EVENTS_HEADER": "queries",
    "EventRecord": "queries",
    "events_table_rows": "queries",
    "format_table": "dateline.terminal",
    "query_articles": "queries",
    "query_events": "queries",
    "query_quotes": "queries",
    "query_stats": "queries",
    "Record": "repository",
    "Store": "repository",
    "open_store": "repository",
}
"""Each public name and the submodule that defines it (a full name: a module elsewhere)."""

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
    "query_articles",
    "query_events",
    "query_quotes",
    "query_stats",
]


def __getattr__(name: str) -> Any:
    """Import a public name's submodule when the name is first used."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home if "." in home else f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
