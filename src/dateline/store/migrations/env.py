"""Alembic environment: run programmatically by ``dateline.store.engine.migrate`` on open.

The connection comes in ``config.attributes["connection"]``; nothing is read from alembic.ini.
"""

from __future__ import annotations

from alembic import context

from dateline.store.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through dateline.store
    raise RuntimeError("dateline migrations run through dateline.store.open_store(url)")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave the full-text search objects (FTS5 tables, tsvector columns) to the migrations."""
    if type_ == "table" and name and "_fts" in name:
        return False
    return not (type_ == "column" and name == "tsv")


context.configure(
    connection=connection,
    include_object=include_object,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
