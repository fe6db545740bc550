"""The engines' worker side: load the pipeline once per worker process, analyse a batch under
the memory budget, report this process's peak memory.

Shipped by reference (the module is importable wherever ``dateline`` is installed): what travels
to a Ray actor or a Dask worker is a list of ``batch.Task`` (input key, ``RawDocument``, source
name) and what comes back is ``batch.Analysed`` (ready-to-write rows, built by the same
``batch.analyse_tasks`` as the local worker pool). A spaCy pipeline never travels: each worker
loads it itself, once (``prepare``).
"""

from __future__ import annotations

import os
from typing import Any

from dateline.batch import THREAD_VARIABLES, Task, analyse_tasks, init_ingest_worker
from dateline.errors import DatelineError
from dateline.limits import _run_job, peak_rss_mb

_PREPARED: set[str | None] = set()
"""The pipelines this process has loaded and warmed up."""

ENV_PREFIX = "DATELINE_"


def worker_env() -> dict[str, str]:
    """What a worker should see of this process's environment: ``DATELINE_*`` (model,
    ``--any-language``) and one-thread BLAS (the processes are the parallelism)."""
    env = {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}
    for variable in THREAD_VARIABLES:
        env[variable] = os.environ.get(variable, "1")
    return env


def prepare(model: str | None, env: dict[str, str]) -> None:
    """Load and warm up the pipeline in this process, once per model (idempotent)."""
    if model in _PREPARED:
        return
    os.environ.update(env)
    init_ingest_worker(model)
    _PREPARED.add(model)


def run_batch(
    tasks: list[Task],
    published: str | None,
    model: str | None,
    env: dict[str, str],
    max_memory_mb: int,
) -> tuple[int, tuple[Any, ...]]:
    """Analyse one batch here: ``(pid, reply)``, the reply as the local worker pool's
    (``("done", 0, results, peak_mb)``, ``("memory", 0)`` or ``("error", 0, message)``), or
    ``("broken", message)`` when the pipeline cannot be loaded."""
    try:
        prepare(model, env)
    except DatelineError as exc:  # a missing pipeline: every batch would fail alike
        return os.getpid(), ("broken", str(exc))
    reply = _run_job(0, analyse_tasks, (tasks, published, model), max_memory_mb)
    return os.getpid(), reply


def process_peak() -> tuple[int, float]:
    """This worker's pid and peak resident memory in MB."""
    return os.getpid(), peak_rss_mb()
