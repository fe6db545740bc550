"""Batch ingest: inputs -> analysis in worker processes -> the store, one transaction per batch.

The driver (this process) discovers inputs, skips what a previous run stored (input key and
content hash), drops exact duplicates before any parsing, and sends batches to ``--workers``
spawned processes that each load the spaCy pipeline once and return ready-to-write rows.
Results are written in input order, so the first copy of an article is always the one stored and
its near-duplicates (MinHash) are linked to it. A batch is committed whole or not at all: Ctrl-C,
a kill or a crash loses at most the batches in flight, and a rerun resumes from there.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import DatelineError
from dateline.ingest import RawDocument
from dateline.ingest.sources import SourceItem, Sources
from dateline.store import Record, Store, open_store
from dateline.store.dedup import signature
from dateline.store.rows import Row, article_row, child_rows

log = logging.getLogger(__name__)

BATCH_SIZE = 8
"""Articles per batch: one ``nlp.pipe`` call in a worker and one transaction in the store."""


# -- the worker side ---------------------------------------------------------------------------


@dataclass
class Task:
    """One article to analyse."""

    key: str
    raw: RawDocument
    source: str | None = None


@dataclass
class Analysed:
    """A worker's result for one task: rows to write, or the reason it failed."""

    key: str
    article: Row | None = None
    children: dict[str, list[Row]] | None = None
    minhash: bytes | None = None
    error: str | None = None


@dataclass
class BatchResult:
    """A worker's results for one batch, with the worker's id and peak memory."""

    results: list[Analysed]
    pid: int
    peak_rss_mb: float


def peak_rss_mb() -> float:
    """This process's own peak resident memory in MB: ``VmHWM`` on Linux (``ru_maxrss`` there
    also counts the parent's peak at fork), else ``ru_maxrss`` (KB on Linux, bytes on macOS)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def init_worker(model: str | None) -> None:
    """Worker start: leave Ctrl-C to the driver, load the spaCy pipeline once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from dateline import nlp

    nlp.load(model)


def _analyse(tasks: list[Task], published: str | None, model: str | None) -> list[Analysed]:
    from dateline.pipeline import analyze_raw

    results = []
    outcomes = analyze_raw([t.raw for t in tasks], published, model)
    for task, outcome in zip(tasks, outcomes, strict=True):
        if outcome.document is None:
            results.append(Analysed(task.key, error=outcome.error or f"{task.key}: failed"))
            continue
        document = outcome.document
        article = article_row(document, document.to_json(indent=None), task.source)
        results.append(
            Analysed(
                task.key,
                article=article,
                children=child_rows(document),
                minhash=signature(document.text),
            )
        )
    return results


def analyse_batch(tasks: list[Task], published: str | None, model: str | None) -> BatchResult:
    """Analyse a batch with one ``nlp.pipe``; if the batch as a whole breaks, each task alone."""
    try:
        results = _analyse(tasks, published, model)
    except Exception:
        results = []
        for task in tasks:
            try:
                results.extend(_analyse([task], published, model))
            except Exception as exc:  # one article's failure never stops a batch
                label = task.raw.path or task.key
                reason = f"{label}: analysis failed ({type(exc).__name__}: {exc})"
                results.append(Analysed(task.key, error=reason))
    return BatchResult(results, os.getpid(), peak_rss_mb())


# -- the driver side ---------------------------------------------------------------------------


@dataclass
class Summary:
    """What one ingest run did."""

    stored: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    unchanged: int = 0
    """Inputs a previous run already stored (same key, same content): not touched."""
    skipped: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    analysed: int = 0
    seconds: float = 0.0
    peak_rss_mb: dict[int, float] = field(default_factory=dict)
    interrupted: bool = False

    @property
    def rate(self) -> float:
        """Articles analysed per second of wall time."""
        return self.analysed / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        """The one-line summary: N stored, N duplicate, N near-duplicate, N failed."""
        text = (
            f"{self.stored} stored, {self.duplicate} duplicate, "
            f"{self.near_duplicate} near-duplicate, {self.failed} failed"
        )
        extra = []
        if self.unchanged:
            extra.append(f"{self.unchanged} already ingested")
        if self.skipped:
            extra.append(f"{len(self.skipped)} skipped (not an article type)")
        if extra:
            text += f" ({', '.join(extra)})"
        return text + f" in {self.seconds:.1f} s, {self.rate:.1f} articles/s"

    def count(self, record: Record) -> None:
        """Add one written record."""
        name = record.status.replace("-", "_")
        setattr(self, name, getattr(self, name) + 1)
        if record.status == "failed" and record.reason:
            self.failures.append(record.reason)


@dataclass
class Pending:
    """An input waiting for its batch to be written."""

    item: SourceItem
    action: str  # analyse | failed | duplicate
    article_id: str | None = None


@dataclass
class _Batch:
    items: list[Pending]
    future: Future[BatchResult] | None = None
    done: BatchResult | None = None


class Ingest:
    """One ingest run into an open store."""

    def __init__(
        self,
        store: Store,
        workers: int = 1,
        published: str | None = None,
        model: str | None = None,
        batch_size: int = BATCH_SIZE,
        progress: bool = True,
    ) -> None:
        self.store = store
        self.workers = max(0, workers)
        self.published = published
        self.model = model
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.summary = Summary()
        self.state = store.ingest_state()
        self.pool: ProcessPoolExecutor | None = None
        self.queue: deque[_Batch] = deque()
        self.first_of: dict[str, str] = {}
        """Content hash -> key of the input sent for analysis in this run (exact duplicates)."""
        self.seen: set[tuple[str, str]] = set()
        self.bar = None

    # -- pool -----------------------------------------------------------------------------

    def _start_pool(self) -> None:
        if self.workers:
            self.pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker,
                initargs=(self.model,),
            )

    def _stop_pool(self, now: bool = False) -> None:
        if self.pool is None:
            return
        if now:
            processes = list((getattr(self.pool, "_processes", None) or {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                with contextlib.suppress(Exception):
                    process.terminate()
        else:
            self.pool.shutdown(wait=True)
        self.pool = None

    def _submit(self, tasks: list[Task]) -> tuple[Future[BatchResult] | None, BatchResult | None]:
        if not tasks:
            return None, BatchResult([], os.getpid(), 0.0)
        if self.pool is None:
            return None, analyse_batch(tasks, self.published, self.model)
        with _single_threaded_children():
            return self.pool.submit(analyse_batch, tasks, self.published, self.model), None

    def _result(self, batch: _Batch) -> BatchResult:
        if batch.done is not None:
            return batch.done
        assert batch.future is not None
        try:
            return batch.future.result()
        except BrokenProcessPool:
            return self._one_by_one(self._tasks(batch.items))

    def _one_by_one(self, tasks: list[Task]) -> BatchResult:
        """A worker died (killed, out of memory): find the input that kills it, alone."""
        log.warning("a worker process died; retrying its batch one article at a time")
        results: list[Analysed] = []
        for n, task in enumerate(tasks):
            self._stop_pool(now=True)
            self._start_pool()
            future, done = self._submit([task])
            try:
                results.extend((done or future.result()).results)  # type: ignore[union-attr]
            except BrokenProcessPool as exc:
                if n == 0 and not self.summary.analysed:
                    raise DatelineError(
                        "worker processes die on start (run from an importable main module, "
                        "or use --workers 0)"
                    ) from exc
                label = task.raw.path or task.key
                reason = f"{label}: the worker analysing it died (killed or out of memory)"
                results.append(Analysed(task.key, error=reason))
        self._stop_pool(now=True)
        self._start_pool()
        resubmit = list(self.queue)
        for waiting in resubmit:  # their futures died with the old pool
            if waiting.done is None and _broken(waiting.future):
                waiting.future, waiting.done = self._submit(self._tasks(waiting.items))
        return BatchResult(results, os.getpid(), 0.0)

    # -- the run --------------------------------------------------------------------------

    @staticmethod
    def _tasks(items: list[Pending]) -> list[Task]:
        return [
            Task(p.item.key, p.item.raw, p.item.source)
            for p in items
            if p.action == "analyse" and p.item.raw is not None
        ]

    def classify(self, item: SourceItem) -> Pending | None:
        """What to do with an input: nothing (already stored), record it, or analyse it."""
        ident = (item.key, item.sha256)
        if item.error is not None:
            return Pending(item, "failed")
        if ident in self.state.done or ident in self.seen:
            self.summary.unchanged += 1
            return None
        self.seen.add(ident)
        known = self.state.by_sha256.get(item.sha256)
        if known is not None:
            return Pending(item, "duplicate", known)
        if item.sha256 in self.first_of:
            return Pending(item, "duplicate")
        self.first_of[item.sha256] = item.key
        return Pending(item, "analyse")

    def run(self, sources: Iterable[SourceItem], total: int | None = None) -> Summary:
        """Ingest every input; returns the summary (also when interrupted)."""
        from tqdm import tqdm

        start = time.perf_counter()
        self.bar = tqdm(
            total=total,
            unit=" articles",
            file=sys.stderr,
            disable=not self.progress,
            dynamic_ncols=True,
            smoothing=0.1,
        )
        self._start_pool()
        try:
            with _sigterm_as_interrupt():
                self._feed(sources)
                while self.queue:
                    self._write(self.queue.popleft())
            self._stop_pool()
        except KeyboardInterrupt:
            self.summary.interrupted = True
            with contextlib.suppress(KeyboardInterrupt):
                self._flush_finished()
            self._stop_pool(now=True)
        except BaseException:
            self._stop_pool(now=True)
            raise
        finally:
            self.summary.seconds = time.perf_counter() - start
            self.bar.close()
        return self.summary

    def _flush_finished(self) -> None:
        """On interrupt: write the batches already analysed, in order, up to the first that is not."""
        while self.queue:
            head = self.queue[0]
            finished = head.done is not None or (
                head.future is not None
                and head.future.done()
                and not _broken(head.future)
                and not head.future.cancelled()
            )
            if not finished:
                return
            self._write(self.queue.popleft())

    def _feed(self, sources: Iterable[SourceItem]) -> None:
        items: list[Pending] = []
        analyse = 0
        in_flight = 2 * self.workers if self.workers else 1
        for item in sources:
            pending = self.classify(item)
            if pending is None:
                self.bar.update(1)
                continue
            items.append(pending)
            analyse += pending.action == "analyse"
            if analyse >= self.batch_size or len(items) >= 8 * self.batch_size:
                self._enqueue(items)
                items, analyse = [], 0
                while len(self.queue) >= in_flight or (self.queue and self.queue[0].done):
                    self._write(self.queue.popleft())
        if items:
            self._enqueue(items)

    def _enqueue(self, items: list[Pending]) -> None:
        future, done = self._submit(self._tasks(items))
        self.queue.append(_Batch(items, future, done))

    def _write(self, batch: _Batch) -> None:
        result = self._result(batch)
        if result.peak_rss_mb:
            peaks = self.summary.peak_rss_mb
            peaks[result.pid] = max(peaks.get(result.pid, 0.0), result.peak_rss_mb)
        by_key = {r.key: r for r in result.results}
        records = [self._record(p, by_key.get(p.item.key)) for p in batch.items]
        self.summary.analysed += len(result.results)
        for record in self.store.write(records):
            self.summary.count(record)
            if record.status == "failed" and record.article_id:
                self.state.ids.discard(record.article_id)
        self.bar.update(len(batch.items))
        self.bar.set_postfix(stored=self.summary.stored, failed=self.summary.failed, refresh=False)

    def _record(self, pending: Pending, analysed: Analysed | None) -> Record:
        item = pending.item
        record = Record(item.key, item.sha256, item.location, item.kind, "failed")
        if pending.action == "failed":
            record.reason = item.error
            return record
        if pending.action == "duplicate":
            article_id = pending.article_id or self.state.by_sha256.get(item.sha256)
            if article_id is None:
                first = self.first_of.get(item.sha256, "?")
                record.reason = f"{item.location}: same content as {first}, which failed"
                return record
            record.status, record.article_id = "duplicate", article_id
            return record
        if analysed is None or analysed.article is None:
            record.reason = (analysed.error if analysed else None) or f"{item.location}: failed"
            return record
        article = analysed.article
        article_id = article["id"]
        record.article_id = article_id
        if article_id in self.state.ids:  # different bytes, same analysed text
            record.status = "duplicate"
            return record
        article["minhash"] = analysed.minhash
        match = self.state.near.match(analysed.minhash) if analysed.minhash else None
        if match is not None:
            record.status = "near-duplicate"
            article["near_duplicate_of"], article["similarity"] = match
        else:
            record.status = "stored"
            record.children = analysed.children
            if analysed.minhash:
                self.state.near.add(article_id, analysed.minhash)
        record.article = article
        self.state.ids.add(article_id)
        self.state.by_sha256.setdefault(item.sha256, article_id)
        return record


def _broken(future: Future[BatchResult] | None) -> bool:
    return (
        future is not None
        and future.done()
        and not future.cancelled()
        and isinstance(future.exception(), BrokenProcessPool)
    )


THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextlib.contextmanager
def _single_threaded_children() -> Iterator[None]:
    """Workers started here run BLAS on one thread (unless the user set it): the processes are
    the parallelism, and threads on top of them only contend for the same cores."""
    added = [v for v in THREAD_VARIABLES if v not in os.environ]
    for variable in added:
        os.environ[variable] = "1"
    try:
        yield
    finally:
        for variable in added:
            os.environ.pop(variable, None)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """A kill (SIGTERM) stops the run like Ctrl-C: the batch being written rolls back whole."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def ingest(
    paths: Iterable[str | Path],
    url: str | None = None,
    workers: int = 1,
    published: str | None = None,
    published_from_metadata: bool = False,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: bool = False,
    store: Store | None = None,
) -> Summary:
    """Ingest files, directories, JSONL, feeds and WARC archives into the store at ``url``.

    ``workers=0`` analyses in this process (no worker processes)."""
    sources = Sources(paths, published_from_metadata)
    total = sources.estimate() if progress else None
    own = store is None
    store = store or open_store(url)
    try:
        summary = Ingest(store, workers, published, model, batch_size, progress).run(sources, total)
    finally:
        if own:
            store.close()
    summary.skipped = list(sources.skipped)
    return summary
