"""Opening a store: database URLs, engines with the right settings, migrations on open."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import URL, Engine, make_url

from dateline.errors import DatelineError

DEFAULT_DB = "dateline.db"
"""The SQLite file used when no ``--db`` is given (in the working directory)."""
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(url: str | None = None) -> URL:
    """The SQLAlchemy URL for ``--db``: a path or ``sqlite:///...`` is SQLite, ``postgresql://``
    uses psycopg 3; none means ``$DATELINE_DB`` or ``dateline.db`` in the working directory."""
    url = url or os.environ.get("DATELINE_DB") or DEFAULT_DB
    if "://" not in url:
        return make_url(f"sqlite:///{Path(url).expanduser().resolve()}")
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as exc:
        raise DatelineError(f"{url}: not a database URL") from exc
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return parsed
    raise DatelineError(f"{url}: unsupported database (use a SQLite path or postgresql://...)")


def describe(url: URL) -> str:
    """The URL for messages, password hidden."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_engine(url: str | URL | None = None) -> Engine:
    """An engine for the URL; SQLite gets WAL, foreign keys and a busy timeout."""
    parsed = url if isinstance(url, URL) else database_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(parsed, pool_pre_ping=True)


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """The Alembic configuration of the packaged migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the database schema up to ``revision`` (the newest by default)."""
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
    except sa.exc.OperationalError as exc:
        raise DatelineError(f"{describe(engine.url)}: cannot open database ({exc.orig})") from exc
