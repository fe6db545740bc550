"""Batch ingest: inputs -> analysis in worker processes -> the store, one transaction per batch.

The driver (this process) discovers inputs, skips what a previous run stored (input key and
content hash), drops exact duplicates before any parsing, and sends batches to ``--workers``
spawned processes that each load the spaCy pipeline once and return ready-to-write rows.
Results are written in input order, so the first copy of an article is always the one stored and
its near-duplicates (MinHash) are linked to it. A batch is committed whole or not at all: Ctrl-C,
a kill or a crash loses at most the batches in flight, and a rerun resumes from there.

Every article has a budget of time and memory (``dateline.limits``): a worker analyses its batch
one article at a time, and one whose article overruns is killed and replaced; that article is
recorded as failed with the reason (and the stage it was in), the articles before it keep their
results and those after it go to the next worker, so no article is analysed twice. A rerun skips
such articles unless asked to retry them (``retry_failed``); other failures (unreadable input,
...) are cheap and tried again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.errors import one_line, show_traceback, tracebacks_muted
from dateline.ingest import RawDocument
from dateline.ingest.sources import SourceItem, Sources
from dateline.limits import InlinePool, Job, Limits, WorkerPool, over_limit, stage
from dateline.startup import started
from dateline.store.rows import Row, article_row, child_rows

if TYPE_CHECKING:  # the store imports SQLAlchemy, and dedup datasketch (and scipy): both load
    # only in an ingest, never in `dateline analyze` (which warms up through init_worker)
    from dateline.store import Record, Store

log = logging.getLogger(__name__)

BATCH_SIZE = 8
"""Articles per batch: one message to a worker (which analyses them one at a time: ``nlp.pipe``
over 8 articles is no faster, 0.98x CPU on 64 PolNeAR texts) and one transaction in the store."""


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
    """The near-duplicate signature, when the worker made it (else the driver does)."""
    error: str | None = None


WARM_UP = (
    "Council approves budget.\n\n"
    "LONDON, March 3 (Reuters) - The council approved the budget on Tuesday.\n\n"
    '"It is a good day," Mayor Jane Holloway said.\n'
)
"""Analysed once before the first article, so that no article pays for loading the pipeline
and the stages (dates, lexicons) out of its time budget."""


def init_worker(model: str | None, dedup: bool = False, html: bool = True) -> None:
    """Before the first article (in a worker, or in this process): load the spaCy pipeline once
    and warm the stages up; with ``dedup`` (an ingest's workers) the MinHash signatures too, whose
    datasketch and scipy imports ``dateline analyze`` never needs; with ``html`` the HTML
    extraction (trafilatura), which ``dateline analyze`` imports itself, before a batch with a
    page in it (``cli._analysed``), so that a text input never loads it."""
    from dateline import nlp
    from dateline.ingest import from_text

    if html:
        import dateline.structure.html  # noqa: F401
    nlp.load(model)
    with contextlib.suppress(Exception), tracebacks_muted():
        _analyse([Task("warm-up", from_text(WARM_UP))], None, model, signatures=dedup)
    started()  # the command line's start-up is over (``dateline.startup``)


def init_ingest_worker(model: str | None) -> None:
    """``init_worker`` for an ingest. The near-duplicate signatures are the driver's
    (``Ingest._signature``), so a worker never imports datasketch and scipy (0.5 CPU s each);
    the HTML extraction (trafilatura, 0.4 CPU s) is imported with the first page a worker gets
    (``analyse_tasks``, within that article's budget), so a worker fed only text never loads it."""
    init_worker(model, html=False)


def import_html_for(raws: Iterable[RawDocument]) -> None:
    """Import the HTML extraction (trafilatura) before analysing a page, and only then
    (``init_ingest_worker``, ``dateline analyze``)."""
    if any(raw.media_type == "text/html" for raw in raws):
        import dateline.structure.html  # noqa: F401


def _analyse(
    tasks: list[Task], published: str | None, model: str | None, signatures: bool = False
) -> list[Analysed]:
    from dateline.pipeline import analyze_raw

    if signatures:
        from dateline.store.dedup import signature  # datasketch and scipy: an ingest only

    results = []
    outcomes = analyze_raw([t.raw for t in tasks], published, model)
    for task, outcome in zip(tasks, outcomes, strict=True):
        if outcome.document is None:
            results.append(Analysed(task.key, error=outcome.error or f"{task.key}: failed"))
            continue
        document = outcome.document
        stage("output")
        article = article_row(document, document.to_json(indent=None), task.source)
        results.append(
            Analysed(
                task.key,
                article=article,
                children=child_rows(document),
                minhash=signature(document.text) if signatures else None,
            )
        )
    return results


def analyse_tasks(tasks: list[Task], published: str | None, model: str | None) -> list[Analysed]:
    """Analyse a batch with one ``nlp.pipe``; if the batch as a whole breaks, each task alone."""
    import_html_for(task.raw for task in tasks)
    try:
        return _analyse(tasks, published, model)
    except Exception:
        results = []
        for task in tasks:
            try:
                results.extend(_analyse([task], published, model))
            except Exception as exc:  # one article's failure never stops a batch
                show_traceback(exc, task.raw.path or task.key)  # with --debug
                reason = f"analysis failed ({type(exc).__name__}: {one_line(str(exc))})"
                results.append(failed_task(task, reason))
        return results


def failed_task(task: Task, reason: str) -> Analysed:
    """The result of a task that could not be analysed: ``path: reason``."""
    return Analysed(task.key, error=f"{task.raw.path or task.key}: {reason}")


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
    failed_before: int = 0
    """Inputs that ran out of their budget in a previous run: skipped (unless retried)."""
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
        if self.failed_before:
            extra.append(
                f"{self.failed_before} failed before on the time or memory limit, "
                "not retried without --retry-failed"
            )
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
    job: Job[Task, Analysed] | None = None
    """The analysis of its articles (None: nothing to analyse)."""

    @property
    def finished(self) -> bool:
        """Whether its analysis is done (it can be written without waiting)."""
        return self.job is None or self.job.done


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
        limits: Limits | None = None,
        retry_failed: bool = False,
    ) -> None:
        self.store = store
        self.workers = max(0, workers)
        self.published = published
        self.model = model
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.limits = limits or Limits()
        self.retry_failed = retry_failed
        self.summary = Summary()
        self.state = store.ingest_state()
        self.pool: WorkerPool[Task, Analysed] | InlinePool[Task, Analysed] | None = None
        self.queue: deque[_Batch] = deque()
        self.first_of: dict[str, str] = {}
        """Content hash -> key of the input sent for analysis in this run (exact duplicates)."""
        self.seen: set[tuple[str, str]] = set()
        self.bar: Any = None

    # -- pool -----------------------------------------------------------------------------

    def _start_pool(self) -> None:
        if self.workers:
            self.pool = WorkerPool(
                self.workers,
                analyse_tasks,
                failed_task,
                self.limits,
                initializer=init_ingest_worker,
                initargs=(self.model,),
                spawning=_single_threaded_children,
            )
            started()  # the driver's start-up is over: default collections from here on
        else:
            self.pool = InlinePool(
                analyse_tasks, failed_task, self.limits, init_ingest_worker, (self.model,)
            )

    def _stop_pool(self, now: bool = False) -> None:
        if self.pool is not None:
            self.pool.close(now)
            self.pool = None

    def _submit(self, tasks: list[Task]) -> Job[Task, Analysed] | None:
        if not tasks:
            return None
        assert self.pool is not None
        return self.pool.submit(tasks, self.published, self.model)

    def _result(self, batch: _Batch) -> list[Analysed]:
        if batch.job is None:
            return []
        assert self.pool is not None
        results = self.pool.wait(batch.job)
        self.summary.peak_rss_mb.update(self.pool.peaks)
        return results

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
        if not self.retry_failed and over_limit(self.state.failed.get(ident)):
            self.summary.failed_before += 1
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
        if self.summary.stored and not self.summary.interrupted:
            from dateline.store.actors import relink

            relink(self.store)  # one actor per person across the corpus, old articles included
        return self.summary

    def _flush_finished(self) -> None:
        """On interrupt: write the batches already analysed, in order, up to the first that is not."""
        while self.queue and self.queue[0].finished:
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
                while len(self.queue) >= in_flight or (self.queue and self.queue[0].finished):
                    self._write(self.queue.popleft())
        if items:
            self._enqueue(items)

    def _enqueue(self, items: list[Pending]) -> None:
        self.queue.append(_Batch(items, self._submit(self._tasks(items))))

    def _write(self, batch: _Batch) -> None:
        results = self._result(batch)
        by_key = {r.key: r for r in results}
        records = [self._record(p, by_key.get(p.item.key)) for p in batch.items]
        self.summary.analysed += len(results)
        for record in self.store.write(records):
            self.summary.count(record)
            if record.status == "failed" and record.article_id:
                self.state.ids.discard(record.article_id)
        self.bar.update(len(batch.items))
        self.bar.set_postfix(stored=self.summary.stored, failed=self.summary.failed, refresh=False)

    def _record(self, pending: Pending, analysed: Analysed | None) -> Record:
        from dateline.store import Record

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
            self.state.by_sha256.setdefault(item.sha256, article_id)  # later exact copies too
            return record
        minhash = analysed.minhash or _signature(article)
        article["minhash"] = minhash
        match = self.state.near.match(minhash) if minhash else None
        if match is not None:
            record.status = "near-duplicate"
            article["near_duplicate_of"], article["similarity"] = match
        else:
            record.status = "stored"
            record.children = analysed.children
            if minhash:
                self.state.near.add(article_id, minhash)
        record.article = article
        self.state.ids.add(article_id)
        self.state.by_sha256.setdefault(item.sha256, article_id)
        return record


def _signature(article: Row) -> bytes:
    """The MinHash signature of an article row's text, made here in the driver (which holds the
    near-duplicate index, so imports datasketch anyway) rather than in every worker."""
    from dateline.store.dedup import signature

    return signature(article["text"])


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
    limits: Limits | None = None,
    retry_failed: bool = False,
) -> Summary:
    """Ingest files, directories, JSONL, feeds and WARC archives into the store at ``url``.

    ``workers=0`` analyses in this process (no worker processes; the time limit is then a
    SIGALRM timer, best effort). ``limits``: the budget of each article (default 60 s, 2 GB);
    ``retry_failed``: analyse again inputs that overran it in a previous run."""
    sources = Sources(paths, published_from_metadata)
    total = sources.estimate() if progress else None
    own = store is None
    if store is None:
        from dateline.store import open_store

        store = open_store(url)
    try:
        run = Ingest(
            store,
            workers,
            published,
            model,
            batch_size,
            progress,
            limits=limits,
            retry_failed=retry_failed,
        )
        summary = run.run(sources, total)
    finally:
        if own:
            store.close()
    summary.skipped = list(sources.skipped)
    return summary
