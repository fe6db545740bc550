"""Opening a store: database URLs, engines with the right settings, migrations on open, and
database faults as one-line ``DatabaseError``s, retried first when they are transient.

SQLite waits ``BUSY_TIMEOUT_S`` for a lock; PostgreSQL gets a connect timeout, a statement
timeout and TCP keepalives unless the URL sets them (``?connect_timeout=30``,
``?options=-c%20statement_timeout%3D0``). A locked database or a refused or dropped connection
is tried ``ATTEMPTS`` times with a doubling pause; a timeout is not tried again.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from dateline.errors import DatabaseError, DatelineError, one_line

if TYPE_CHECKING:  # Alembic loads only when a database needs upgrading (start-up time)
    from alembic.config import Config

log = logging.getLogger(__name__)

DEFAULT_DB = "dateline.db"
"""The SQLite file used when no ``--db`` is given (in the working directory)."""
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

BUSY_TIMEOUT_S = 30.0
"""SQLite: how long a statement waits for another process's lock before 'database is locked'."""
CONNECT_TIMEOUT_S = 10
"""PostgreSQL: libpq ``connect_timeout``, unless the URL gives one."""
STATEMENT_TIMEOUT_S = 600
"""PostgreSQL: ``statement_timeout``, unless the URL gives ``options``."""
ATTEMPTS = 3
"""Tries of an operation that meets a transient fault (locked, refused, dropped connection)."""
BACKOFF_S = 1.0
"""The pause before the second try; it doubles before each next one."""
TRANSIENT = (
    "database is locked",
    "database is busy",
    "database table is locked",
    "connection refused",
    "could not connect",
    "server closed the connection",
    "terminating connection",
    "connection to server",
    "no connection to the server",
    "the database system is starting up",
    "the database system is shutting down",
    "ssl syscall error",
    "consuming input failed",
)
"""Faults worth another try: someone else holds the lock, the server restarts or is briefly
unreachable."""
NOT_TRANSIENT = ("timeout expired", "timed out", "canceling statement due to statement timeout")
"""Timeouts: they already waited as long as allowed."""

T = TypeVar("T")


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
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL (None for another backend or an in-memory database)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def postgres_connect_args(url: URL) -> dict[str, object]:
    """libpq settings the URL does not give: connect timeout, statement timeout, keepalives."""
    given = set(url.query)
    defaults: dict[str, object] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "options": f"-c statement_timeout={STATEMENT_TIMEOUT_S * 1000}",
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
    }
    return {key: value for key, value in defaults.items() if key not in given}


def create_engine(url: str | URL | None = None, create: bool = True) -> Engine:
    """An engine for the URL; SQLite gets WAL, foreign keys and a busy timeout, PostgreSQL
    ``postgres_connect_args``. ``create=False``: a SQLite file that does not exist is a
    ``DatabaseError``, not a new empty database."""
    parsed = url if isinstance(url, URL) else database_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(parsed)
        if path is not None and not create and not path.exists():
            raise DatabaseError(
                f"{path}: no such database (check --db or $DATELINE_DB; "
                "dateline ingest creates one)"
            )
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_S})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(parsed, pool_pre_ping=True, connect_args=postgres_connect_args(parsed))


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """The Alembic configuration of the packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


_REVISION = re.compile(r"""^(revision|down_revision)\s*=\s*["']([^"']+)["']""", re.M)
"""``revision = "0004"`` and ``down_revision = "0003"`` lines of a migration script."""


def packaged_heads() -> frozenset[str]:
    """The newest revision(s) of the packaged migrations, read from the scripts' text."""
    revisions, parents = set(), set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            parents.add(found.get("down_revision"))
    return frozenset(revisions - parents)


def at_head(engine: Engine) -> bool:
    """Whether the database is already at the newest packaged revision: one read, so that
    opening an up-to-date store imports no Alembic. Any doubt is False (Alembic decides)."""
    try:
        with engine.connect() as connection:
            versions = connection.execute(sa.text("SELECT version_num FROM alembic_version"))
            current = {row[0] for row in versions}
    except sa.exc.SQLAlchemyError:
        return False
    heads = packaged_heads()
    return bool(heads) and current == heads


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the database schema up to ``revision`` (the newest by default)."""
    if revision == "head" and at_head(engine):
        return
    from alembic import command

    def upgrade() -> None:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)

    retrying(upgrade, engine.url, "cannot open database")


def is_environmental(exc: BaseException) -> bool:
    """A fault of the database or the way to it (lock, connection, disk, timeout), not of the
    data written: the same statement may work later, and every other one fails alike now."""
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError)


def is_transient(exc: BaseException) -> bool:
    """An environmental fault worth another try (see ``TRANSIENT``)."""
    if not is_environmental(exc):
        return False
    text = str(getattr(exc, "orig", None) or exc).lower()
    if any(marker in text for marker in NOT_TRANSIENT):
        return False
    connection_lost = isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated
    return connection_lost or any(marker in text for marker in TRANSIENT)


def problem(exc: BaseException, url: URL, what: str = "database error") -> str:
    """One line for a database fault: the database, what failed, the driver's first line."""
    text = one_line(getattr(exc, "orig", None) or exc)
    if "fts5" in text.lower():
        return f"the search words are not understood by SQLite full-text search ({text})"
    return f"{describe(url)}: {what} ({text})"


def retrying(fn: Callable[[], T], url: URL, what: str = "database error") -> T:
    """``fn()``; a transient fault is tried again after a pause (``ATTEMPTS``, ``BACKOFF_S``),
    any environmental fault in the end is a one-line ``DatabaseError``. Other errors (a record
    the database refuses) pass through unchanged. ``fn`` must be one transaction."""
    delay = BACKOFF_S
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return fn()
        except sa.exc.SQLAlchemyError as exc:
            if not is_environmental(exc):
                raise
            if attempt == ATTEMPTS or not is_transient(exc):
                raise DatabaseError(problem(exc, url, what)) from exc
            log.warning("%s; trying again in %g s", problem(exc, url, what), delay)
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")
