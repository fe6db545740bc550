"""Engines (local, Dask, Ray) and the Parquet lake: the same counts whatever the engine, a worker
killed mid-run loses and doubles nothing, the lake reads back in DuckDB and rewrites idempotently.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from dateline.batch import Analysed, Task, analyse_tasks, failed_task, init_worker
from dateline.cli import app
from dateline.engines import EngineIngest, ingest
from dateline.engines.lake import NULL_PARTITION, write_lake
from dateline.engines.remote import RemoteJob, RemotePool, WorkerLost
from dateline.ingest import from_text
from dateline.ingest.sources import Sources
from dateline.limits import Limits, WorkerPool
from dateline.store import models as m
from dateline.store import open_store

ARTICLES = {
    "wire_2016-03-01_budget.txt": (
        "Senate passes budget after a long night.\n\n"
        "WASHINGTON, March 3 (Reuters) - The Senate passed the budget on Tuesday after a long "
        "debate over spending on roads, schools and the army.\n\n"
        '"This is a good day for the country," Senator Jane Holloway told reporters.\n'
    ),
    "wire_2016-03-01_harbour.txt": (
        "Harbour workers strike over pay.\n\n"
        "LISBON, May 9 (Reuters) - Dock workers in the port walked out on Friday.\n\n"
        '"We will not go back until the offer improves," union leader Marco Teixeira said.\n'
    ),
    "wire_2016-03-02_election.txt": (
        "Mayor wins second term.\n\n"
        "BOSTON, Nov 8 (Reuters) - Mayor Alan Brooks won a second term on Tuesday night.\n\n"
        '"The voters have spoken and I am grateful," Brooks said in his victory speech.\n'
    ),
    "undated.txt": (
        "Talks resume.\n\n"
        "Negotiators met again in Geneva to discuss the ceasefire.\n\n"
        '"We are hopeful," said Anna Berg, the chief negotiator.\n'
    ),
}
TABLES = ("articles", "entities", "mentions", "quotes", "events", "flags")


def write_articles(folder: Path, names: list[str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or list(ARTICLES):
        (folder / name).write_text(ARTICLES[name], "utf-8")
    return folder


def store_counts(db: str) -> dict[str, int]:
    """Rows per table, and inputs per status."""
    with open_store(db) as store, store.engine.connect() as conn:
        counts = {
            t: conn.execute(sa.select(sa.func.count()).select_from(m.metadata.tables[t])).scalar()
            for t in TABLES
        }
        for status, n in conn.execute(
            sa.select(m.inputs.c.status, sa.func.count()).group_by(m.inputs.c.status)
        ):
            counts[f"inputs {status}"] = n
    return counts


def lake_counts(lake: Path) -> dict[str, int]:
    duckdb = pytest.importorskip("duckdb", reason="duckdb is in the dev extra")
    counts = {}
    for table in TABLES:
        if not any((lake / table).glob("*/*.parquet")):
            counts[table] = 0
            continue
        query = f"SELECT count(*) FROM read_parquet('{lake}/{table}/*/*.parquet', hive_partitioning = true)"
        counts[table] = duckdb.sql(query).fetchall()[0][0]
    return counts


def snapshot(lake: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(lake)): p.read_bytes() for p in sorted(lake.rglob("*")) if p.is_file()
    }


# -- the Parquet lake ----------------------------------------------------------------------------


def test_ingest_parquet_writes_a_date_partitioned_lake_that_duckdb_reads(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb is in the dev extra")
    inputs = write_articles(tmp_path / "in")
    db, lake = str(tmp_path / "t.db"), tmp_path / "lake"
    args = ["ingest", str(inputs), "--db", db, "--workers", "0", "--parquet", str(lake)]
    result = CliRunner().invoke(app, [*args, "--published-from-metadata"])
    assert result.exit_code == 0, result.output
    assert "4 stored" in result.output
    counts = store_counts(db)
    assert lake_counts(lake) == {t: counts[t] for t in TABLES}
    dates = {p.name for p in (lake / "articles").iterdir()}
    assert dates == {"date=2016-03-01", "date=2016-03-02", f"date={NULL_PARTITION}"}
    per_date = duckdb.sql(
        f"SELECT date, count(*) FROM read_parquet('{lake}/quotes/*/*.parquet', "
        "hive_partitioning = true) GROUP BY date ORDER BY date NULLS LAST"
    ).fetchall()
    assert [str(d) for d, _ in per_date][:2] == ["2016-03-01", "2016-03-02"]
    assert sum(n for _, n in per_date) == counts["quotes"]
    columns = duckdb.sql(
        f"DESCRIBE SELECT * FROM read_parquet('{lake}/events/*/*.parquet', hive_partitioning = true)"
    ).fetchall()
    assert {"event_date", "date"} <= {c[0] for c in columns}

    before = snapshot(lake)
    again = CliRunner().invoke(app, [*args, "--published-from-metadata"])
    assert again.exit_code == 0, again.output
    assert "4 already ingested" in again.output
    assert snapshot(lake) == before
    write_lake(open_store(db), lake)  # rewriting every partition from the store: the same files
    assert snapshot(lake) == before


def test_a_new_date_adds_its_partition_and_leaves_the_others(tmp_path: Path) -> None:
    db, lake = str(tmp_path / "t.db"), tmp_path / "lake"
    first = write_articles(tmp_path / "a", ["wire_2016-03-01_budget.txt"])
    ingest([first], db, workers=0, parquet=lake, published_from_metadata=True)
    old = snapshot(lake)
    second = write_articles(tmp_path / "b", ["wire_2016-03-02_election.txt"])
    ingest([second], db, workers=0, parquet=lake, published_from_metadata=True)
    new = snapshot(lake)
    assert {k: new[k] for k in old} == old
    assert any("date=2016-03-02" in k for k in new)
    counts = store_counts(db)
    assert lake_counts(lake) == {t: counts[t] for t in TABLES}


# -- the remote pool's rules, without an engine --------------------------------------------------


class FakePool(RemotePool):
    """Runs batches here; the first batch of ``lose`` items loses its worker, of ``hang`` items
    times out."""

    def __init__(self, lose: int = 0, hang: int = 0) -> None:
        super().__init__(2, Limits(timeout=5, max_memory_mb=0))
        self.lose, self.hang, self.killed = lose, hang, 0

    def connect(self) -> None:
        pass

    def start(self, job: RemoteJob) -> None:
        job.future = list(job.items)

    def ready(self, job: RemoteJob) -> bool:
        return True

    def result(self, job: RemoteJob, timeout: float | None):
        if len(job.items) == self.lose:
            self.lose = 0
            raise WorkerLost("killed")
        if len(job.items) == self.hang:
            self.hang = 0
            raise TimeoutError
        results = [Analysed(t.key, article={"id": t.key}) for t in job.items]
        return 1234, ("done", 0, results, 100.0)

    def kill(self, job: RemoteJob) -> None:
        self.killed += 1

    def shutdown(self, now: bool) -> None:
        pass


def _tasks(n: int) -> list[Task]:
    return [Task(f"k{i}", from_text(f"Text {i}.")) for i in range(n)]


def test_a_lost_worker_reruns_its_batch_one_article_at_a_time_and_loses_nothing() -> None:
    pool = FakePool(lose=3)
    results = pool.wait(pool.submit(_tasks(3), None, None))
    assert [r.key for r in results] == ["k0", "k1", "k2"]
    assert all(r.error is None for r in results)
    assert pool.peaks == {1234: 100.0}


def test_a_batch_that_overruns_kills_its_worker_and_only_the_article_alone_fails() -> None:
    pool = FakePool(hang=2)
    results = pool.wait(pool.submit(_tasks(2), None, None))
    assert pool.killed == 1 and all(r.error is None for r in results)
    alone = FakePool(hang=1)
    (result,) = alone.wait(alone.submit(_tasks(1), None, None))
    assert result.error == "k0: timed out after 5 s"


def test_an_unknown_engine_or_an_address_without_one_is_a_usage_error(tmp_path: Path) -> None:
    inputs = write_articles(tmp_path / "in", ["undated.txt"])
    db = str(tmp_path / "t.db")
    bad = CliRunner().invoke(app, ["ingest", str(inputs), "--db", db, "--engine", "spark"])
    assert bad.exit_code == 2 and "unknown engine 'spark'" in bad.output
    lonely = CliRunner().invoke(app, ["ingest", str(inputs), "--db", db, "--address", "x:1"])
    assert lonely.exit_code == 2 and "--address needs --engine ray or dask" in lonely.output


# -- a worker killed mid-run (local engine) ------------------------------------------------------

MARK_DIR = "DATELINE_TEST_MARK_DIR"


def marked_analyse(tasks: list[Task], published: str | None, model: str | None) -> list[Analysed]:
    """``analyse_tasks`` that first says which process runs the batch (a file named by its pid)
    and waits a little, so that the test can kill it in the middle of a batch."""
    folder = Path(os.environ[MARK_DIR])
    (folder / str(os.getpid())).write_text(",".join(t.key for t in tasks))
    time.sleep(0.5)
    return analyse_tasks(tasks, published, model)


class MarkedIngest(EngineIngest):
    def _start_pool(self) -> None:
        self.pool = WorkerPool(
            self.workers, marked_analyse, failed_task, self.limits, init_worker, (self.model,)
        )


@pytest.mark.skipif(not Path("/proc").exists(), reason="needs /proc (Linux)")
def test_a_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path, monkeypatch) -> None:
    inputs = write_articles(tmp_path / "in")
    clean_db = str(tmp_path / "clean.db")
    ingest([inputs], clean_db, workers=0, published_from_metadata=True)
    marks = tmp_path / "marks"
    marks.mkdir()
    monkeypatch.setenv(MARK_DIR, str(marks))
    killed: list[int] = []
    stop = threading.Event()

    def kill_the_first_busy_worker() -> None:
        while not stop.is_set():
            busy = sorted(marks.iterdir(), key=lambda p: p.stat().st_mtime_ns)
            if busy:
                pid = int(busy[0].name)
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            stop.wait(0.02)

    killer = threading.Thread(target=kill_the_first_busy_worker, daemon=True)
    killer.start()
    db = str(tmp_path / "killed.db")
    try:
        with open_store(db) as store:
            run = MarkedIngest(store, 2, None, None, 2, False, limits=Limits(timeout=60))
            summary = run.run(Sources([inputs], True))
    finally:
        stop.set()
        killer.join()
    assert killed, "no worker was seen in a batch"
    assert summary.failed == 0 and summary.stored == len(ARTICLES), summary.failures
    assert store_counts(db) == store_counts(clean_db)


# -- the engines: the same store as the local engine ---------------------------------------------


def _engine_run(engine: str, tmp_path: Path) -> None:
    inputs = write_articles(tmp_path / "in", list(ARTICLES)[:3])
    local_db, db = str(tmp_path / "local.db"), str(tmp_path / f"{engine}.db")
    ingest([inputs], local_db, workers=0, published_from_metadata=True)
    summary = ingest([inputs], db, engine=engine, workers=1, published_from_metadata=True)
    assert summary.stored == 3, summary.failures
    assert store_counts(db) == store_counts(local_db)
    assert summary.peak_rss_mb, "the worker's peak memory is reported"


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="dask.distributed is not installed (pip install -e '.[dask]')",
)
def test_the_dask_engine_stores_what_the_local_engine_stores(tmp_path: Path) -> None:
    _engine_run("dask", tmp_path)


@pytest.mark.slow  # a local Ray instance takes 15 s to start
@pytest.mark.skipif(
    importlib.util.find_spec("ray") is None,
    reason="Ray is not installed (pip install -e '.[ray]')",
)
def test_the_ray_engine_stores_what_the_local_engine_stores(tmp_path: Path) -> None:
    _engine_run("ray", tmp_path)
