"""Database and network faults end a command with one line and exit status 2, never a traceback;
transient faults are tried again first; reading commands never create a database."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest_pg import fresh_database, throwaway_server
from typer.testing import CliRunner

from dateline.batch import Ingest, ingest
from dateline.cli import app
from dateline.errors import DatabaseError
from dateline.ingest.sources import Sources
from dateline.store import Record, engine, open_store
from dateline.store import models as m
from dateline.store.engine import database_url, postgres_connect_args
from dateline.store.search import fts5_query

ARTICLES = {
    "budget.txt": (
        "Senate passes budget after a long night.\n\n"
        "WASHINGTON, March 3 (Reuters) - The Senate passed the budget on Tuesday after a long "
        "debate over spending on roads, schools and the army.\n\n"
        '"This is a good day for the country," Senator Jane Holloway told reporters.\n'
    ),
    "harbour.txt": (
        "Harbour workers strike over pay.\n\n"
        "LISBON, May 9 (Reuters) - Dock workers in the port walked out on Friday.\n\n"
        '"We will not go back until the offer improves," union leader Marco Teixeira said.\n'
    ),
    "election.txt": (
        "Mayor wins second term.\n\n"
        "BOSTON, Nov 8 (Reuters) - Mayor Alan Brooks won a second term on Tuesday night.\n\n"
        '"The voters have spoken and I am grateful," Brooks said in his victory speech.\n'
    ),
}


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short waits: a lock is given up after 0.3 s, retries pause 0.05 s."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_S", 0.3)
    monkeypatch.setattr(engine, "BACKOFF_S", 0.05)


def write_articles(folder: Path, names: list[str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or list(ARTICLES):
        (folder / name).write_text(ARTICLES[name], "utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store with the three articles."""
    root = tmp_path_factory.mktemp("corpus")
    db = str(root / "corpus.db")
    summary = ingest([write_articles(root / "in")], db, workers=0)
    assert summary.stored == 3
    return db


def one_line_error(output: str) -> str:
    """The output's single line, which must be a ``dateline:`` message (no traceback)."""
    lines = output.strip().splitlines()
    assert "Traceback" not in output
    assert len(lines) == 1, output
    assert lines[0].startswith("dateline: ")
    return lines[0]


# -- a database file that is not there ---------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["quotes"],
        ["actors"],
        ["articles", "--search", "budget"],
        ["events"],
        ["export", "--format", "jsonl"],
    ],
)
def test_reading_commands_refuse_a_missing_database_and_create_none(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "typo.db"
    result = CliRunner().invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 2
    line = one_line_error(result.output)
    assert str(missing) in line and "no such database" in line
    assert not missing.exists()


def test_ingest_still_creates_its_database(tmp_path: Path) -> None:
    db = tmp_path / "new" / "fresh.db"
    inputs = write_articles(tmp_path / "in", ["budget.txt"])
    result = CliRunner().invoke(app, ["ingest", str(inputs), "--db", str(db), "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert db.exists()


# -- full-text search ----------------------------------------------------------------------------


def test_a_search_of_120_terms_works_on_sqlite(corpus: str) -> None:
    words = " OR ".join([*(f"nothing{i}" for i in range(119)), "grateful"])
    result = CliRunner().invoke(app, ["quotes", "--db", corpus, "--search", words])
    assert result.exit_code == 0, result.output
    assert "Alan Brooks" in result.output
    excluded = "mayor " + " ".join(f"-nothing{i}" for i in range(120))
    result = CliRunner().invoke(app, ["articles", "--db", corpus, "--search", excluded])
    assert result.exit_code == 0, result.output
    assert "Mayor wins second term." in result.output
    assert fts5_query("a OR b OR c -d -e") == '(("a" OR "b" OR "c")) NOT ("d" OR "e")'


def test_a_search_sqlite_cannot_parse_is_one_line_and_exit_2(
    corpus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    nested = "(" * 120 + '"budget"' + ")" * 120  # what the old query builder made of 120 ORs
    monkeypatch.setattr("dateline.store.search.fts5_query", lambda words: nested)
    for command in ("quotes", "articles"):
        result = CliRunner().invoke(app, [command, "--db", corpus, "--search", "budget"])
        assert result.exit_code == 2
        line = one_line_error(result.output)
        assert "full-text search" in line and "fts5" in line


# -- SQLite locked -------------------------------------------------------------------------------


@contextlib.contextmanager
def locked(db: str) -> Iterator[None]:
    """Another process's write transaction holding the database's write lock."""
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("DELETE FROM flags WHERE 0")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_locked_database_is_tried_again_then_one_line_and_exit_2(
    tmp_path: Path, corpus: str, quick_retries: None
) -> None:
    db = tmp_path / "locked.db"
    db.write_bytes(Path(corpus).read_bytes())
    inputs = write_articles(tmp_path / "in", ["budget.txt"])
    (inputs / "budget.txt").write_text(ARTICLES["budget.txt"] + "\nMore news.\n", "utf-8")
    start = time.monotonic()
    with locked(str(db)):
        result = CliRunner().invoke(app, ["ingest", str(inputs), "--db", str(db), "--workers", "0"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert lines[-1] == f"dateline: {db}: cannot write (database is locked)"
    assert all("trying again" in line for line in lines[:-1])  # the retries, when logged
    assert time.monotonic() - start < 15


def test_a_lock_released_in_time_costs_nothing(
    tmp_path: Path, corpus: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_S", 0.2)
    monkeypatch.setattr(engine, "BACKOFF_S", 0.5)
    db = tmp_path / "briefly.db"
    db.write_bytes(Path(corpus).read_bytes())
    store = open_store(str(db))
    holder = sqlite3.connect(str(db), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("DELETE FROM flags WHERE 0")
    threading.Timer(0.4, lambda: holder.execute("ROLLBACK")).start()
    record = Record("late.txt", "0" * 64, "late.txt", "file", "failed", reason="late.txt: x")
    try:
        store.write([record])
        with store.engine.connect() as conn:
            keys = conn.execute(sa.select(m.inputs.c.key)).scalars().all()
    finally:
        store.close()
        time.sleep(0.3)
        holder.close()
    assert "late.txt" in keys
    assert any("database is locked); trying again" in r.getMessage() for r in caplog.records)


# -- PostgreSQL ----------------------------------------------------------------------------------


@contextlib.contextmanager
def silent_server() -> Iterator[int]:
    """A TCP port that accepts connections and never answers (a hung host)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=2)
        for conn in accepted:
            conn.close()
        listener.close()


def test_postgres_gets_a_connect_and_a_statement_timeout_by_default() -> None:
    given = postgres_connect_args(database_url("postgresql://u@db.example/news"))
    assert given["connect_timeout"] == engine.CONNECT_TIMEOUT_S
    assert given["options"] == f"-c statement_timeout={engine.STATEMENT_TIMEOUT_S * 1000}"
    url = "postgresql://u@db.example/news?connect_timeout=30&options=-c%20statement_timeout%3D0"
    assert "connect_timeout" not in postgres_connect_args(database_url(url))
    assert "options" not in postgres_connect_args(database_url(url))


def test_a_postgres_host_that_never_answers_is_one_line_within_the_connect_timeout() -> None:
    with silent_server() as port:
        start = time.monotonic()
        url = f"postgresql://u@127.0.0.1:{port}/news?connect_timeout=2"
        result = CliRunner().invoke(app, ["stats", "--db", url])
        elapsed = time.monotonic() - start
    assert result.exit_code == 2
    line = one_line_error(result.output)
    assert "cannot open database" in line and "timeout" in line
    assert elapsed < 2 + 3  # one try: a timeout is not tried again


def test_a_postgres_server_that_is_down_is_tried_again_then_one_line(quick_retries: None) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    start = time.monotonic()
    result = CliRunner().invoke(app, ["stats", "--db", f"postgresql://u@127.0.0.1:{port}/news"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert "Traceback" not in result.output
    assert all("trying again" in line for line in lines[:-1])  # the retries, when logged
    assert "cannot open database" in lines[-1] and "refused" in lines[-1].lower()
    assert time.monotonic() - start < 10


def _stop_server(url: str) -> None:
    """Stop the PostgreSQL server at ``url`` at once (SIGQUIT to the postmaster)."""
    admin = sa.create_engine(url)
    with admin.connect() as conn:
        data = conn.execute(sa.text("SHOW data_directory")).scalar()
    admin.dispose()
    pid = int(Path(str(data), "postmaster.pid").read_text().split()[0])
    os.kill(pid, signal.SIGQUIT)
    for _ in range(100):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 0)
            time.sleep(0.1)
            continue
        return


def test_a_postgres_server_stopped_mid_ingest_ends_the_run_with_one_line(
    tmp_path: Path, quick_retries: None
) -> None:
    with throwaway_server() as (server, reason):
        if server is None:
            pytest.skip(f"no throwaway PostgreSQL server: {reason}")
        db = fresh_database(server)
        inputs = write_articles(tmp_path / "in")

        def stopping() -> Iterator:
            for n, item in enumerate(Sources([inputs])):
                if n == 1:
                    _stop_server(server)
                yield item

        store = open_store(db)
        try:
            with pytest.raises(DatabaseError) as caught:
                Ingest(store, workers=0, batch_size=1, progress=False).run(stopping())
        finally:
            store.close()
    message = str(caught.value)
    assert "\n" not in message and "cannot write" in message
