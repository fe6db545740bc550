"""Engines: where ``dateline ingest`` analyses its batches.

- ``local`` (default): ``dateline.limits.WorkerPool``, spawned processes on this machine
  (``--workers N``; 0 analyses in this process). Nothing to install.
- ``dask`` (``pip install 'dateline[dask]'``): a ``dask.distributed`` cluster, local
  (``--workers N`` processes) or existing (``--address tcp://host:8786``).
- ``ray`` (``pip install 'dateline[ray]'``, experimental): Ray actors, on a local Ray instance
  or an existing cluster (``--address auto`` or ``ray://host:10001``).

Every engine only analyses: the batches' results (``batch.Analysed``: ready-to-write rows) come
back to this process, which writes them in input order through the same ``batch.Ingest`` as the
local engine, so duplicates, near-duplicates, statuses, resuming and the per-article budget work
the same. Measurements: docs/benchmarks.md ("Engines"); the plan for many machines: docs/SCALE.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dateline.batch import BATCH_SIZE, Ingest, Summary
from dateline.errors import DatelineError
from dateline.limits import Limits
from dateline.startup import started
from dateline.store import Record, Store, open_store

ENGINES = ("local", "ray", "dask")


def make_pool(
    engine: str,
    workers: int,
    limits: Limits,
    model: str | None = None,
    address: str | None = None,
) -> Any:
    """A pool with ``WorkerPool``'s interface for a remote engine (``ray`` or ``dask``)."""
    size = max(1, workers)
    if engine == "ray":
        from dateline.engines.ray_engine import RayPool

        return RayPool(size, limits, model, address)
    if engine == "dask":
        from dateline.engines.dask_engine import DaskPool

        return DaskPool(size, limits, model, address)
    raise DatelineError(f"unknown engine {engine!r} (one of {', '.join(ENGINES)})")


class EngineIngest(Ingest):
    """``batch.Ingest`` with its batches analysed by an engine, and the dates it stored
    remembered (the partitions of the Parquet lake to rewrite)."""

    def __init__(
        self, store: Store, *args: Any, engine: str = "local", address: str | None = None, **kw: Any
    ) -> None:
        super().__init__(store, *args, **kw)
        if engine not in ENGINES:
            raise DatelineError(f"unknown engine {engine!r} (one of {', '.join(ENGINES)})")
        if engine == "local" and address:
            raise DatelineError("--address needs --engine ray or dask")
        self.engine = engine
        self.address = address
        self.dates: set[str | None] = set()

    def _start_pool(self) -> None:
        if self.engine == "local":
            super()._start_pool()
            return
        self.pool = make_pool(self.engine, self.workers, self.limits, self.model, self.address)
        started()  # the driver's start-up is over (``dateline.startup``)

    def _record(self, pending: Any, analysed: Any) -> Record:
        record = super()._record(pending, analysed)
        if record.status == "stored" and record.article is not None:
            self.dates.add(record.article.get("date"))
        return record


def ingest(
    paths: Iterable[str | Path],
    url: str | None = None,
    engine: str = "local",
    address: str | None = None,
    parquet: str | Path | None = None,
    workers: int = 1,
    published: str | None = None,
    published_from_metadata: bool = False,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
    store: Store | None = None,
    limits: Limits | None = None,
    retry_failed: bool = False,
) -> Summary:
    """``batch.ingest`` on an engine; with ``parquet`` also rewrite the lake's partitions of the
    dates this run stored (``dateline.engines.lake``)."""
    from dateline.ingest.sources import Sources

    sources = Sources(paths, published_from_metadata)
    own = store is None
    store = store or open_store(url)
    try:
        run = EngineIngest(
            store,
            workers,
            published,
            model,
            batch_size,
            False,
            limits=limits,
            retry_failed=retry_failed,
            engine=engine,
            address=address,
        )
        summary = run.run(sources)
        if parquet is not None and not summary.interrupted:
            from dateline.engines.lake import write_lake

            fresh = not Path(parquet).exists()
            write_lake(store, parquet, None if fresh else run.dates)
    finally:
        if own:
            store.close()
    summary.skipped = list(sources.skipped)
    return summary
