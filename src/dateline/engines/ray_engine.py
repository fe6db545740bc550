"""The Ray engine: ``size`` Ray actors, each loading the spaCy pipeline once in its constructor
(a pipeline does not travel through Ray's object store), analysing batches sent round-robin.

``address=None`` starts a local Ray instance with ``size`` CPUs (stopped on close); otherwise
``ray.init(address=...)`` joins an existing cluster (``auto``, ``ray://host:10001``,
``host:6379``) and leaves it running. Actors restart when their process dies
(``max_restarts=-1``) and Ray retries the batch they held once (``max_task_retries=1``); a batch
that still fails is run again one article at a time by ``RemotePool``.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from dataclasses import dataclass, field
from typing import Any

from dateline.engines import worker
from dateline.engines.remote import RemoteJob, RemotePool, WorkerLost
from dateline.errors import DatelineError

log = logging.getLogger(__name__)

OBJECT_STORE_MB = 256
"""Object store of a local Ray instance: batches of text and rows are small."""


class Analyser:
    """One actor: the pipeline loaded once, then batches (``worker.run_batch``)."""

    def __init__(self, model: str | None, env: dict[str, str]) -> None:
        with contextlib.suppress(DatelineError):  # reported by the first batch ("broken")
            worker.prepare(model, env)

    def run(self, *args: Any) -> tuple[int, tuple[Any, ...]]:
        """Analyse one batch."""
        return worker.run_batch(*args)

    def peak(self) -> tuple[int, float]:
        """This actor's pid and peak resident memory (MB)."""
        return worker.process_peak()


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise DatelineError("the ray engine needs Ray: pip install 'dateline[ray]'") from exc
    return ray


@dataclass
class RayPool(RemotePool):
    """Batches analysed by Ray actors."""

    actors: list[Any] = field(default_factory=list)
    owned: bool = False

    def connect(self) -> None:
        """Start or join Ray and create the actors."""
        ray = _ray()
        self.env = self.env or worker.worker_env()
        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, logging_level=logging.ERROR, log_to_driver=False)
            else:
                ray.init(
                    num_cpus=self.size,
                    include_dashboard=False,
                    logging_level=logging.ERROR,
                    log_to_driver=False,
                    object_store_memory=OBJECT_STORE_MB * 1024 * 1024,
                    runtime_env={"env_vars": self.env},
                )
            self.owned = True
        remote = ray.remote(Analyser).options(num_cpus=1, max_restarts=-1, max_task_retries=1)
        self.actors = [remote.remote(self.model, self.env) for _ in range(self.size)]
        self.turn = itertools.cycle(range(self.size))

    def start(self, job: RemoteJob) -> None:
        """Send the batch to the next actor."""
        index = next(self.turn)
        job.where = index
        published, model = job.args
        job.future = self.actors[index].run.remote(
            job.items, published, model, self.env, self.limits.max_memory_mb
        )

    def ready(self, job: RemoteJob) -> bool:
        """Whether the actor has answered."""
        done, _ = _ray().wait([job.future], timeout=0)
        return bool(done)

    def result(self, job: RemoteJob, timeout: float | None) -> tuple[int, tuple[Any, ...]]:
        """The actor's answer."""
        ray = _ray()
        try:
            return ray.get(job.future, timeout=timeout)
        except ray.exceptions.GetTimeoutError as exc:
            raise TimeoutError from exc
        except (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError) as exc:
            raise WorkerLost(type(exc).__name__) from exc

    def kill(self, job: RemoteJob) -> None:
        """Kill the actor running the job; Ray restarts it (the pipeline loads again)."""
        _ray().kill(self.actors[job.where], no_restart=False)

    def worker_peaks(self) -> dict[int, float]:
        """Peak resident memory (MB) of each live actor, by pid."""
        ray = _ray()
        return dict(ray.get([a.peak.remote() for a in self.actors]))

    def shutdown(self, now: bool) -> None:
        """Stop the actors, and Ray when this pool started it."""
        ray = _ray()
        for actor in self.actors:
            with contextlib.suppress(Exception):
                ray.kill(actor, no_restart=True)
        self.actors = []
        if self.owned:
            ray.shutdown()
            self.owned = False
