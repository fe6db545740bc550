"""What the Ray and Dask engines share: a pool with the local ``WorkerPool``'s interface
(``submit`` a batch, ``wait`` for its results in order, ``close``, ``peaks``), so that
``batch.Ingest`` drives it unchanged: the driver still classifies inputs, drops exact duplicates,
writes batches in input order in one transaction each and counts every input.

The budget is per batch here, in wall-clock seconds (the local pool's is per article and in the
worker's CPU seconds, from the progress its workers report and /proc; an engine's worker reports
none and may run on another machine): a batch that overruns one article's time budget (counted
from when the driver starts waiting for it, which is after every earlier batch was written) has
its worker killed (``timed out after 60 s``, no clock named); a batch that breaks, runs out of
memory or loses its worker is run again one article at a time, and only an article that does so
alone fails, with the local pool's reasons.
A worker killed from outside is replaced by the engine (Ray restarts the actor, Dask's nanny the
worker) and its batch is retried by the engine first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from dateline.batch import Analysed, Task, failed_task
from dateline.errors import DatelineError
from dateline.limits import Job, Limits

log = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The engine gave up on a batch because its worker died (after its own retries)."""


@dataclass
class RemoteJob(Job[Task, Analysed]):
    """A batch handed to an engine: ``future`` is the engine's handle on the result."""

    future: Any = None
    pool: RemotePool | None = None
    where: Any = None
    """Which worker or actor runs it (to kill it on a timeout)."""

    @property
    def done(self) -> bool:
        """Whether the results are there (without waiting)."""
        if self.parts is not None:
            return all(part.done for part in self.parts)
        if self.results is not None:
            return True
        return self.pool is not None and self.future is not None and self.pool.ready(self)


@dataclass
class RemotePool:
    """The engine-independent part; subclasses implement ``start``, ``ready``, ``result``,
    ``kill`` and ``shutdown``."""

    size: int
    limits: Limits = field(default_factory=Limits)
    model: str | None = None
    address: str | None = None
    peaks: dict[int, float] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    connected: bool = False

    # -- what an engine implements -------------------------------------------------------------

    def connect(self) -> None:
        """Start or join the cluster and its workers (on the first batch: a rerun with nothing
        to analyse starts nothing)."""
        raise NotImplementedError

    def start(self, job: RemoteJob) -> None:
        """Hand ``job.items`` to a worker: set ``job.future`` (and ``job.where``)."""
        raise NotImplementedError

    def ready(self, job: RemoteJob) -> bool:
        """Whether the job's result is there."""
        raise NotImplementedError

    def result(self, job: RemoteJob, timeout: float | None) -> tuple[int, tuple[Any, ...]]:
        """``worker.run_batch``'s ``(pid, reply)``; ``TimeoutError`` past ``timeout`` seconds,
        ``WorkerLost`` when the worker died and the engine gave up."""
        raise NotImplementedError

    def kill(self, job: RemoteJob) -> None:
        """Stop the worker running ``job`` (it is replaced)."""
        raise NotImplementedError

    def shutdown(self, now: bool) -> None:
        """Release the engine (a cluster this pool started is stopped)."""
        raise NotImplementedError

    # -- the WorkerPool interface ----------------------------------------------------------------

    def submit(self, items: list[Task], *args: Any) -> RemoteJob:
        """Send a batch (args: published, model) to the engine."""
        if not self.connected:
            self.connect()
            self.connected = True
        job = RemoteJob(items, args, pool=self)
        self.start(job)
        return job

    def wait(self, job: Job[Task, Analysed]) -> list[Analysed]:
        """The batch's results, in item order (splitting it when it overran or broke)."""
        assert isinstance(job, RemoteJob)
        if job.parts is not None:
            for part in job.parts:
                self.wait(part)
            return job.outcome()
        if job.results is not None:
            return job.results
        timeout = self.limits.timeout or None  # one article's budget for the batch
        try:
            pid, reply = self.result(job, timeout)
        except TimeoutError:
            log.info("a batch of %d overran its time budget; killing its worker", len(job.items))
            self.kill(job)
            self._fail(job, self.limits.timed_out())
            return self.wait(job)
        except WorkerLost as exc:
            self._fail(job, f"the worker analysing it died ({exc})")
            return self.wait(job)
        kind = reply[0]
        if kind == "done":
            job.results = reply[2]
            self.peaks[pid] = max(self.peaks.get(pid, 0.0), reply[3])
        elif kind == "memory":
            self._fail(job, self.limits.out_of_memory())
        elif kind == "broken":
            raise DatelineError(reply[1])
        else:
            self._fail(job, f"analysis failed ({reply[2]})")
        return self.wait(job)

    def close(self, now: bool = False) -> None:
        """Stop the workers (and the cluster, when this pool started it)."""
        if self.connected:
            self.shutdown(now)
            self.connected = False

    def _fail(self, job: RemoteJob, reason: str) -> None:
        if len(job.items) == 1:
            job.results = [failed_task(job.items[0], reason)]
            return
        log.info("a batch of %d overran or broke (%s); one at a time now", len(job.items), reason)
        parts = [RemoteJob([item], job.args, pool=self) for item in job.items]
        job.parts = list(parts)
        for part in parts:
            self.start(part)
