"""The Dask engine: a ``dask.distributed`` cluster whose workers load the spaCy pipeline once
(a worker plugin at start, and ``worker.prepare``'s per-process cache for workers that join
later), analysing batches submitted as tasks.

``address=None`` starts a ``LocalCluster`` of ``size`` worker processes with one thread each
(stopped on close); otherwise ``Client(address)`` joins an existing scheduler
(``tcp://host:8786``) and leaves it running. A worker that dies is restarted by its nanny and
the scheduler runs its batch again (``allowed-failures``: 1 retry); a batch that still fails is
run again one article at a time by ``RemotePool``.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import Any

from dateline.engines import worker
from dateline.engines.remote import RemoteJob, RemotePool, WorkerLost
from dateline.errors import DatelineError

log = logging.getLogger(__name__)

ALLOWED_FAILURES = 1
"""Worker deaths a batch may survive before the scheduler gives up on it (a local cluster)."""


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise DatelineError(
            "the dask engine needs dask.distributed: pip install 'dateline[dask]'"
        ) from exc
    return distributed


def preload_plugin(model: str | None, env: dict[str, str]) -> Any:
    """A worker plugin that loads the pipeline when a worker starts (and restarts)."""
    distributed = _distributed()
    prepare = worker.prepare

    class Preload(distributed.WorkerPlugin):  # type: ignore[name-defined,misc]
        name = "dateline-preload"

        def setup(self, worker: Any) -> None:  # distributed passes it by this name
            with contextlib.suppress(DatelineError):  # reported by the first batch ("broken")
                prepare(model, env)

    return Preload()


@dataclass
class DaskPool(RemotePool):
    """Batches analysed by Dask workers."""

    def connect(self) -> None:
        """Start or join the cluster and register the preloading plugin."""
        distributed = _distributed()
        import dask

        for name in ("distributed", "distributed.scheduler", "distributed.nanny"):
            logging.getLogger(name).setLevel(logging.ERROR)  # its INFO lines are not ours

        self.env = self.env or worker.worker_env()
        self.cluster = None
        if self.address:
            self.client = distributed.Client(self.address)
        else:
            with dask.config.set(
                {
                    "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                    "distributed.worker.daemon": False,
                    "distributed.logging.distributed": "error",
                }
            ):
                self.cluster = distributed.LocalCluster(
                    n_workers=self.size,
                    threads_per_worker=1,
                    processes=True,
                    memory_limit=0,  # the memory budget is RLIMIT_AS per batch, as locally
                    dashboard_address=None,
                    worker_dashboard_address=None,
                    scheduler_kwargs={"dashboard": False},
                    silence_logs=logging.ERROR,
                    env=self.env,
                )
            self.client = distributed.Client(self.cluster)
        self.client.register_plugin(preload_plugin(self.model, self.env))

    def start(self, job: RemoteJob) -> None:
        """Submit the batch as one task."""
        published, model = job.args
        job.future = self.client.submit(
            worker.run_batch,
            job.items,
            published,
            model,
            self.env,
            self.limits.max_memory_mb,
            pure=False,
        )

    def ready(self, job: RemoteJob) -> bool:
        """Whether the task finished (or failed)."""
        return bool(job.future.done())

    def result(self, job: RemoteJob, timeout: float | None) -> tuple[int, tuple[Any, ...]]:
        """The task's result."""
        distributed = _distributed()
        try:
            return job.future.result(timeout=timeout)
        except TimeoutError:
            raise
        except distributed.KilledWorker as exc:
            raise WorkerLost("KilledWorker") from exc

    def kill(self, job: RemoteJob) -> None:
        """Cancel the task and restart the worker running it (its nanny starts a new one)."""
        key = job.future.key
        running = [w for w, keys in self.client.processing().items() if key in keys]
        job.future.cancel()
        if running:
            with contextlib.suppress(Exception):
                self.client.restart_workers(running, timeout=120)

    def worker_peaks(self) -> dict[int, float]:
        """Peak resident memory (MB) of each worker, by pid."""
        return dict(self.client.run(worker.process_peak).values())

    def shutdown(self, now: bool) -> None:
        """Close the client, and the cluster when this pool started it."""
        with contextlib.suppress(Exception):
            self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()
            self.cluster = None
