"""Per-article limits: a budget of time and memory for analysing one article.

The time budget is CPU seconds of the process analysing the article (user + system), so that a
busy machine, which stretches every article's wall-clock time, fails none that keeps within it.
A wall-clock backstop, ``WALL_BACKSTOP`` times the budget, still fails an article that uses
little CPU but never ends (blocked on I/O, a stopped worker). The reason names the clock:
``timed out after 60 s of CPU in parse``, ``timed out after 240 s (wall) in parse``.

The budget is enforced where the time is spent, one article at a time. In worker processes
(``WorkerPool``): a worker takes a batch but analyses its articles one by one, sending each
result as it is ready and the stage the article is in (``stage``); the driver gives each article
the whole budget from when its predecessor's result came (the first, from when the batch was
sent): it reads the worker's CPU time from ``/proc/PID/stat`` then and as it waits (where /proc
is absent, as on macOS, the budget is wall-clock seconds: ``timed out after 60 s in parse``), and
kills a worker whose article overruns: that article fails, its batch-mates' results are kept and
the articles after it go to the next worker, so nothing is analysed twice. A worker caps its
address space (RLIMIT_AS) at what it held when the article began plus the memory budget, and dies
with its parent (PR_SET_PDEATHSIG on Linux, a parent-pid watchdog elsewhere).
A worker that dies in an article without overrunning (killed from outside, or by the kernel's
OOM killer) gets that article once more on a fresh worker; it fails when it kills that one too.
In this process (``run_inline``: ``analyze``, ``ingest --workers 0``): each article runs under a
SIGALRM timer that looks every ``TICK_S`` at this process's CPU time, the wall clock and the
resident memory, and raises ``Overrun`` in the analysis when one is past its limit; best effort,
since the signal is only seen when the interpreter runs Python code again.

Either way only the guilty article fails, with its reason, and no other article is rerun.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from dateline.errors import DatelineError, InputError, one_line, show_traceback

if TYPE_CHECKING:  # multiprocessing and ctypes load where workers start: not for --help, quotes
    from multiprocessing.connection import Connection

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 60.0
"""CPU seconds an article may take (structure, parse and the stages after it)."""
WALL_BACKSTOP = 4.0
"""An article fails after this many times its budget in wall-clock seconds, however little CPU
it used (blocked on I/O, a stopped worker). Wide enough for a loaded machine: at a load of 5 on 2
cores a process gets about 0.4 of a core, so an article within its CPU budget takes at most 2.5
times the budget on the wall clock."""
DEFAULT_MAX_MEMORY_MB = 2048
"""Megabytes an article may add to the memory of the process analysing it."""
TICK_S = 0.25
"""How often the in-process guard looks at the CPU time, the clock and the resident memory."""
MIN_POLL_S = 0.01
"""The shortest wait of the pool's driver for a worker's CPU time (one clock tick of /proc)."""

OVER_LIMIT = re.compile(r": (timed out after |out of memory|the worker analysing it died)")
"""Failure reasons of an article that ran out of its budget (a rerun skips it unless asked)."""

Clock = Literal["cpu", "wall"]
"""Which clock an article ran out of: its CPU budget, or the wall-clock backstop."""

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Limits:
    """The budget of one article: CPU seconds and megabytes, 0 for no limit."""

    timeout: float = DEFAULT_TIMEOUT_S
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB

    @property
    def backstop(self) -> float:
        """Wall-clock seconds after which an article fails whatever its CPU time."""
        return self.timeout * WALL_BACKSTOP

    def timed_out(self, stage: str | None = None, clock: Clock | None = None) -> str:
        """The failure reason of an article that ran out of time (in ``stage``, when known): of
        its CPU budget (``timed out after 60 s of CPU``), of the wall-clock backstop (``timed
        out after 240 s (wall)``), or of a budget counted in wall-clock seconds (no ``clock``:
        without /proc, and the remote engines' per-batch budget: ``timed out after 60 s``)."""
        where = f" in {stage}" if stage else ""
        if clock == "cpu":
            return f"timed out after {self.timeout:g} s of CPU{where}"
        if clock == "wall":
            return f"timed out after {self.backstop:g} s (wall){where}"
        return f"timed out after {self.timeout:g} s{where}"

    def out_of_memory(self) -> str:
        """The failure reason of an article that ran out of memory."""
        return f"out of memory (over {self.max_memory_mb} MB)"


class _Budget:
    """The CPU seconds an article may take in this process (0: no limit): set by ``guard`` and by
    a worker at its start, read by the analysis to refuse an article bound to overrun."""

    seconds: float = 0.0


def article_budget() -> float:
    """CPU seconds the article being analysed in this process may take (0: no limit)."""
    return _Budget.seconds


OVERRUN_MARGIN = 1.25
"""An article is refused before its parse when the parse alone is estimated at this many times
the whole budget: it would run out of time whatever came after (a worker replaced, its CPU spent
for nothing); nearer the line it is tried. The stages after the parse add about a fifth to it, so
such an article fits its budget only if it parses a third faster a token than this process's
average (20,000 quoted words parse at 0.9 of it)."""
NO_ESTIMATE_ENV = "DATELINE_NO_PARSE_ESTIMATE"
"""Set to 1 to try every article however long its parse is estimated to take (the budget still
stops it)."""
DEFAULT_PARSE_S_PER_TOKEN = 0.00015
"""CPU seconds per token of the parse assumed before this process has measured its own: below
what ``en_core_web_sm`` takes on the machines measured (0.25-0.28 ms), so the first articles of
a process are judged leniently."""
MEASURED_TOKENS = 5_000
"""Tokens parsed in this process before its own rate replaces the assumed one."""
RATE_DOC_TOKENS = 1_000
"""Only texts this long are measured: a one-sentence item costs 0.56-0.65 ms a token, its fixed
cost spread over few tokens, where long texts parse at 0.25-0.34 ms."""


class ParseRate:
    """CPU seconds the parse has taken per token in this process, measured as it goes."""

    tokens: int = 0
    seconds: float = 0.0

    @classmethod
    def observe(cls, tokens: int, seconds: float) -> None:
        if tokens < RATE_DOC_TOKENS:
            return  # a short text's fixed cost would pass for a cost per token
        cls.tokens += tokens
        cls.seconds += max(seconds, 0.0)

    @classmethod
    def per_token(cls) -> float:
        if cls.tokens < MEASURED_TOKENS:
            return DEFAULT_PARSE_S_PER_TOKEN
        return cls.seconds / cls.tokens


def over_limit(reason: str | None) -> bool:
    """Whether a recorded failure reason says the article ran out of its budget."""
    return bool(reason and OVER_LIMIT.search(reason))


# -- the stage an article is in -------------------------------------------------------------


class _Progress:
    """The stage of the article being analysed in this process, and who else wants to know
    (a worker's driver)."""

    stage: str | None = None
    report: Callable[[str], None] | None = None


def stage(name: str) -> None:
    """Say that the article being analysed enters stage ``name`` (``structure``, ``parse``,
    ``quotes`` ...): an article that runs out of time is reported with the stage it was in."""
    _Progress.stage = name
    if _Progress.report is not None:
        _Progress.report(name)


def current_stage() -> str | None:
    """The stage the article being analysed in this process is in (None before the first)."""
    return _Progress.stage


# -- memory figures ------------------------------------------------------------------------------


def _status_kb(field_name: str) -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    return None


def peak_rss_mb() -> float:
    """This process's own peak resident memory in MB: ``VmHWM`` on Linux (``ru_maxrss`` there
    also counts the parent's peak at fork), else ``ru_maxrss`` (KB on Linux, bytes on macOS)."""
    peak_kb = _status_kb("VmHWM")
    if peak_kb is not None:
        return peak_kb / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def rss_mb() -> float | None:
    """This process's resident memory now, in MB (None where /proc is absent)."""
    kb = _status_kb("VmRSS")
    return None if kb is None else kb / 1024


# -- CPU time ------------------------------------------------------------------------------------


@functools.cache
def _clock_ticks() -> int:
    return os.sysconf("SC_CLK_TCK")


def process_cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system, all threads) that process ``pid`` has used: ``utime`` and
    ``stime`` of ``/proc/PID/stat``. None where /proc is absent or the process is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
        return (int(fields[11]) + int(fields[12])) / _clock_ticks()
    except (OSError, ValueError, IndexError):
        return None


# -- in this process: SIGALRM ----------------------------------------------------------------


class Overrun(BaseException):
    """Raised into the analysis by the in-process guard. A ``BaseException``, so that the
    ``except Exception`` of the code it interrupts does not swallow it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def guard(limits: Limits) -> Iterator[None]:
    """Raise ``Overrun`` in the block when it uses up the budget in this process's CPU seconds,
    runs past the wall-clock backstop or its resident memory grows past the memory budget. A
    no-op off the main thread or without ``setitimer``.

    The timer repeats every ``TICK_S`` until the block ends, so an ``Overrun`` that lands where
    Python cannot raise it (a garbage-collector callback, a ``__del__``: reported as unraisable
    and dropped) is raised again at the next tick, and a block that ends before that tick
    raises it as it ends. The block starts with no ``stage``; a time
    overrun names the stage it happened in. While the timer runs, ``article_budget`` tells the
    analysis the budget (so that it may refuse an article bound to overrun)."""
    _Progress.stage = None
    if not (limits.timeout or limits.max_memory_mb) or not _can_alarm():
        yield  # no timer (off the main thread): no budget known, none enforced
        return
    budget, outer = limits.timeout, _Budget.seconds
    _Budget.seconds = budget
    cpu_start, deadline = time.process_time(), time.monotonic() + limits.backstop
    base = rss_mb()
    ceiling = base + limits.max_memory_mb if base is not None and limits.max_memory_mb else None
    armed = True
    fired: list[str] = []  # the first overrun's reason, should it be dropped where it landed

    def _tick(signum: int, frame: object) -> None:
        if not armed:
            return
        reason = None
        if budget and time.process_time() - cpu_start >= budget:
            reason = limits.timed_out(_Progress.stage, "cpu")
        elif budget and time.monotonic() >= deadline:
            reason = limits.timed_out(_Progress.stage, "wall")
        elif ceiling is not None and (rss_mb() or 0.0) > ceiling:
            reason = limits.out_of_memory()
        if reason is not None:
            fired.append(reason)
            raise Overrun(reason)

    previous = signal.signal(signal.SIGALRM, _tick)
    signal.setitimer(signal.ITIMER_REAL, TICK_S, TICK_S)
    try:
        yield
        if fired:
            # every raise was dropped (in a gc callback, a __del__) or caught and the block ran
            # to its end before the next tick: it still overran
            raise Overrun(fired[0])
    finally:
        while True:  # a tick may land in the teardown itself: disarm, then stop and restore
            try:
                armed = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                _Budget.seconds = outer
                break
            except Overrun:
                continue  # the block is over: its result (or its own error) stands


def run_inline(
    items: list[T],
    fn: Callable[[list[T]], list[R]],
    failed: Callable[[T, str], R],
    limits: Limits,
) -> list[R]:
    """``fn([item])`` for each item in turn, in this process, each under ``guard`` with the whole
    budget; an item that overruns or breaks gets ``failed(item, reason)``, the others their
    results (none is run twice)."""
    return [_run_one(item, fn, failed, limits) for item in items]


def _run_one(
    item: T, fn: Callable[[list[T]], list[R]], failed: Callable[[T, str], R], limits: Limits
) -> R:
    try:
        with guard(limits):
            (result,) = fn([item])
        return result
    except Overrun as exc:
        problem = exc.reason
    except MemoryError:
        problem = limits.out_of_memory()
    except DatelineError as exc:
        if not isinstance(exc, InputError):
            raise  # the environment (a missing pipeline): every article would fail alike
        problem = str(exc)
    except Exception as exc:  # one article's failure never stops a run
        problem = f"analysis failed ({type(exc).__name__}: {one_line(str(exc))})"
        show_traceback(exc)  # with --debug, before the one-line reason
    return failed(item, problem)


# -- worker processes ----------------------------------------------------------------------------

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """End this process when its parent does, even on ``kill -9``: PR_SET_PDEATHSIG on Linux,
    and a thread that watches the parent's pid everywhere (also closes the race with a parent
    that died before the prctl)."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)

    def _watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=_watch, name="dateline-parent-watch", daemon=True).start()


def _address_space() -> int | None:
    kb = _status_kb("VmSize")
    return None if kb is None else kb * 1024


@contextlib.contextmanager
def address_space_limit(megabytes: int) -> Iterator[None]:
    """Cap this process's address space (RLIMIT_AS) at what it holds now plus ``megabytes``:
    an allocation past it raises ``MemoryError``."""
    now = _address_space()
    if not megabytes or now is None or not hasattr(resource, "RLIMIT_AS"):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = now + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _run_job(job_id: int, fn: Callable[..., Any], args: tuple[Any, ...], mb: int) -> tuple:
    """``fn(*args)`` under the memory cap: ``("done", job_id, results, peak_mb)``,
    ``("memory", job_id)`` or ``("error", job_id, message)`` (the engines' workers run a whole
    batch so; the local pool's, one article at a time)."""
    try:
        with address_space_limit(mb):
            results = fn(*args)
    except MemoryError:
        return ("memory", job_id)
    except Exception as exc:
        show_traceback(exc)  # with --debug (the worker's stderr is the driver's)
        return ("error", job_id, f"{type(exc).__name__}: {one_line(str(exc))}")
    return ("done", job_id, results, peak_rss_mb())


def _run_items(conn: Connection, job_id: int, fn: Callable[..., Any], args: tuple, mb: int) -> bool:
    """A job in a worker: ``fn([item], *rest)`` for each item of ``args[0]`` in turn, each under
    its own memory cap, sending ``("item", job_id, result, peak_mb)`` (or the item's
    ``("error", ...)``) as soon as it is ready and ``("stage", job_id, name)`` as it goes.
    False after a ``MemoryError`` (the worker exits, to be replaced)."""
    items, rest = args[0], args[1:]
    _Progress.report = lambda name: conn.send(("stage", job_id, name))
    try:
        for item in items:
            _Progress.stage = None
            reply = _run_job(job_id, fn, ([item], *rest), mb)
            if reply[0] == "done":
                (result,) = reply[2]
                reply = ("item", job_id, result, reply[3])
            conn.send(reply)
            if reply[0] == "memory":
                return False
    finally:
        _Progress.report = None
    return True


def worker_main(
    conn: Connection,
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
    max_memory_mb: int,
    parent_pid: int,
    timeout: float = 0.0,
) -> None:
    """A worker: die with the parent, leave Ctrl-C to it, initialise, then run jobs (one article
    at a time, ``_run_items``) until told to stop (None) or the pipe closes. After a
    ``MemoryError`` it exits, to be replaced; an initializer that raises a ``DatelineError`` (a
    missing pipeline) is reported, not shown as a traceback."""
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _Budget.seconds = timeout
    if initializer is not None:
        try:
            initializer(*initargs)
        except DatelineError as exc:
            conn.send(("broken", str(exc)))
            return
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job_id, fn, args = message
        if not _run_items(conn, job_id, fn, args, max_memory_mb):
            return


@dataclass
class Job(Generic[T, R]):
    """A batch of items. The local pool fills ``partial`` an item at a time (a worker that is
    lost hands the rest of the batch on); a remote engine's pool splits the batch into ``parts``
    of one item each when it overruns."""

    items: list[T]
    args: tuple[Any, ...]
    ident: int = 0
    results: list[R] | None = None
    parts: list[Job[T, R]] | None = None
    partial: list[R] = field(default_factory=list)
    """The results of the first items, in order, while the batch is not done."""
    died_in: int | None = None
    """The item a worker died in (without overrunning): it gets one more worker."""

    @property
    def done(self) -> bool:
        """Whether every item has a result."""
        if self.parts is not None:
            return all(part.done for part in self.parts)
        return self.results is not None

    @property
    def current(self) -> T:
        """The first item without a result."""
        return self.items[len(self.partial)]

    def settle(self, result: R) -> bool:
        """Record the result of the current item; whether the batch is done."""
        self.partial.append(result)
        if len(self.partial) == len(self.items):
            self.results = self.partial
        return self.results is not None

    def outcome(self) -> list[R]:
        """The results, in the order of the items."""
        if self.parts is not None:
            return [r for part in self.parts for r in part.outcome()]
        assert self.results is not None
        return self.results


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    job: Job | None = None
    deadline: float | None = None
    """When the article it analyses runs out of wall-clock time: the backstop (without /proc,
    the budget)."""
    cpu_start: float | None = None
    """The worker's CPU seconds when that article began (None: not measured, no /proc)."""
    stage: str | None = None
    """The stage that article is in, as the worker last said."""
    retiring: bool = False
    """It ran out of memory and exits: no more batches for it."""


@dataclass
class WorkerPool(Generic[T, R]):
    """Worker processes that run ``fn(items, *args) -> results`` (one result per item; called
    with one item at a time) under the budget; ``failed(item, reason)`` makes the result of an
    item that could not be analysed."""

    size: int
    fn: Callable[..., list[R]]
    failed: Callable[[T, str], R]
    limits: Limits = field(default_factory=Limits)
    initializer: Callable[..., None] | None = None
    initargs: tuple[Any, ...] = ()
    spawning: Callable[[], contextlib.AbstractContextManager[Any]] = contextlib.nullcontext
    """Entered around each process start (environment variables the workers should see)."""
    peaks: dict[int, float] = field(default_factory=dict)
    """Peak resident memory (MB) of each worker, by pid."""

    def __post_init__(self) -> None:
        import multiprocessing

        self.context = multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        self.waiting: deque[Job[T, R]] = deque()
        self.counter = 0
        self.failed_starts = 0
        """Workers in a row that died before they were ready."""

    # -- the interface -------------------------------------------------------------------------

    def submit(self, items: list[T], *args: Any) -> Job[T, R]:
        """Queue a batch; the workers (started with the first batch, replaced as they die) take
        batches in the order they were submitted."""
        job: Job[T, R] = Job(items, args)
        self.waiting.append(job)
        self._dispatch()
        return job

    def wait(self, job: Job[T, R]) -> list[R]:
        """Run the pool until ``job`` is done; return its results."""
        while not job.done:
            self._step()
        return job.outcome()

    def close(self, now: bool = False) -> None:
        """Stop the workers: let idle ones finish (``now``: kill them all)."""
        for worker in self.workers:
            if not now and worker.ready and worker.job is None:
                with contextlib.suppress(OSError, ValueError):
                    worker.conn.send(None)
        for worker in self.workers:
            if not now and worker.ready and worker.job is None:
                worker.process.join(timeout=10)
            self._kill(worker)
        self.workers.clear()

    # -- the machinery -------------------------------------------------------------------------

    def _spawn(self) -> None:
        ours, theirs = self.context.Pipe()
        budget = (self.limits.max_memory_mb, os.getpid(), self.limits.timeout)
        args = (theirs, self.initializer, self.initargs, *budget)
        process = self.context.Process(target=worker_main, args=args, daemon=True)
        with self.spawning():
            process.start()
        theirs.close()
        self.workers.append(_Worker(process, ours))

    def _kill(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join(timeout=5)
        with contextlib.suppress(OSError):
            worker.conn.close()

    def _dispatch(self) -> None:
        while self.waiting and len(self.workers) < self.size:
            self._spawn()
        for worker in self.workers:
            if not self.waiting:
                return
            if worker.ready and worker.job is None:
                self._send(worker, self.waiting.popleft())

    def _send(self, worker: _Worker, job: Job[T, R]) -> None:
        """Hand a worker the items of ``job`` that have no result yet; the first gets the whole
        time budget from now."""
        self.counter += 1
        job.ident = self.counter
        worker.job = job
        self._next_article(worker)
        rest = job.items[len(job.partial) :]
        try:
            worker.conn.send((job.ident, self.fn, (rest, *job.args)))
        except (OSError, ValueError):  # it died idle: not this batch's fault, send it again
            worker.job, worker.deadline, worker.cpu_start = None, None, None
            self.waiting.appendleft(job)

    def _next_article(self, worker: _Worker) -> None:
        """The worker starts an article: a fresh time budget from its CPU time now (and the
        backstop on the wall clock), no stage yet. Now is when the driver hears of it, so the
        CPU a worker spends on an article before that is not counted: a lenient error."""
        worker.stage, worker.deadline, worker.cpu_start = None, None, None
        budget = self.limits.timeout
        if not budget:
            return
        worker.cpu_start = process_cpu_s(worker.process.pid)
        wall = self.limits.backstop if worker.cpu_start is not None else budget
        worker.deadline = time.monotonic() + wall

    def _cpu_used(self, worker: _Worker) -> float | None:
        """CPU seconds the worker's current article has used (None: not measured)."""
        if worker.cpu_start is None:
            return None
        now = process_cpu_s(worker.process.pid)
        return None if now is None else now - worker.cpu_start

    def _overrun(self, worker: _Worker) -> str | None:
        """The failure reason of the worker's current article if it is out of time."""
        if worker.deadline is None:
            return None
        used = self._cpu_used(worker)
        if used is not None and used >= self.limits.timeout:
            return self.limits.timed_out(worker.stage, "cpu")
        if time.monotonic() >= worker.deadline:
            clock: Clock | None = "wall" if worker.cpu_start is not None else None
            return self.limits.timed_out(worker.stage, clock)
        return None

    def _step(self) -> None:
        from multiprocessing.connection import wait

        self._dispatch()
        waits = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        wait(waits, timeout=self._time_left())
        for worker in list(self.workers):
            alive = worker.process.is_alive()  # before reading: a dying worker's last words
            self._read(worker)  # are in the pipe by now, and are read before it counts as lost
            if not alive:
                self._lost(worker, self._death(worker), overran=False)
            elif self._overrun(worker) is not None:
                self._read(worker)  # the article may have just finished: look once more
                if (reason := self._overrun(worker)) is not None:
                    self._lost(worker, reason, overran=True)
        self._dispatch()

    def _time_left(self) -> float:
        """How long to wait for the workers: at most a second, and no longer than the first
        wall-clock deadline or the CPU budget left (a process uses CPU no faster than the
        clock, with one thread)."""
        now, left = time.monotonic(), 1.0
        for worker in self.workers:
            if worker.deadline is None:
                continue
            left = min(left, max(0.0, worker.deadline - now))
            used = self._cpu_used(worker)
            if used is not None:
                left = min(left, max(MIN_POLL_S, self.limits.timeout - used))
        return left

    def _read(self, worker: _Worker) -> None:
        try:
            while worker.conn.poll():
                self._handle(worker, worker.conn.recv())
        except (EOFError, OSError):
            pass  # the process is dead or dying: the sentinel tells

    def _handle(self, worker: _Worker, message: tuple) -> None:
        kind = message[0]
        if kind == "ready":
            worker.ready, self.failed_starts = True, 0
            return
        if kind == "broken":  # every worker would fail alike
            raise DatelineError(message[1])
        job = worker.job
        if job is None or message[1] != job.ident:
            return
        if kind == "stage":
            worker.stage = message[2]
            return
        if kind == "item":
            self.peaks[worker.process.pid] = max(
                self.peaks.get(worker.process.pid, 0.0), message[3]
            )
            self._settle(worker, job, message[2])
        elif kind == "memory":
            worker.ready, worker.retiring = False, True
            self._settle(worker, job, self.failed(job.current, self.limits.out_of_memory()))
            self._hand_on(worker)
        elif kind == "error":
            self._settle(worker, job, self.failed(job.current, f"analysis failed ({message[2]})"))

    def _settle(self, worker: _Worker, job: Job[T, R], result: R) -> None:
        """The worker's current article has its result: on to the next, or the batch is done."""
        if job.settle(result):
            worker.job, worker.deadline, worker.cpu_start, worker.stage = None, None, None, None
        else:
            self._next_article(worker)

    def _hand_on(self, worker: _Worker) -> None:
        """The worker takes no more of its batch: the rest goes first to the next worker."""
        job = worker.job
        worker.job, worker.deadline, worker.cpu_start, worker.stage = None, None, None, None
        if job is not None and not job.done:
            self.waiting.appendleft(job)

    def _death(self, worker: _Worker) -> str:
        code = worker.process.exitcode
        if code is not None and code < 0:
            with contextlib.suppress(ValueError):
                how = f"killed by {signal.Signals(-code).name}"
                return f"the worker analysing it died ({how}; out of memory?)"
        return f"the worker analysing it died (exit status {code})"

    def _lost(self, worker: _Worker, reason: str, overran: bool) -> None:
        """A worker died or overran: kill it; the article it was in fails (an overrun, or a
        second death in the same article: a first one gets another worker), the rest of its
        batch goes to the next worker; a new one replaces it."""
        self._kill(worker)
        self.workers.remove(worker)
        job = worker.job
        if job is None:
            if not worker.ready and not worker.retiring:
                self._failed_start()
            return
        index = len(job.partial)
        log.debug("worker %s lost in item %d of a batch: %s", worker.process.pid, index, reason)
        if overran or job.died_in == index:
            self._settle(worker, job, self.failed(job.current, reason))
        else:
            job.died_in = index
        self._hand_on(worker)

    def _failed_start(self) -> None:
        self.failed_starts += 1
        if self.failed_starts >= 3:
            raise DatelineError(
                "worker processes die on start (run from an importable main module, "
                "or use --workers 0)"
            )


@dataclass
class InlinePool(Generic[T, R]):
    """The same interface as ``WorkerPool``, analysing in this process (``--workers 0``) one
    article at a time under ``guard`` (``run_inline``): a batch runs when it is waited for; the
    initializer runs (outside the budget) before the first."""

    fn: Callable[..., list[R]]
    failed: Callable[[T, str], R]
    limits: Limits = field(default_factory=Limits)
    initializer: Callable[..., None] | None = None
    initargs: tuple[Any, ...] = ()
    peaks: dict[int, float] = field(default_factory=dict)

    def submit(self, items: list[T], *args: Any) -> Job[T, R]:
        """A batch to run when waited for."""
        return Job(items, args)

    def wait(self, job: Job[T, R]) -> list[R]:
        """Run the batch now (unless it ran) and return its results."""
        if self.initializer is not None:
            self.initializer(*self.initargs)
            self.initializer = None
        if not job.done:
            job.results = run_inline(
                job.items, lambda items: self.fn(items, *job.args), self.failed, self.limits
            )
        return job.outcome()

    def close(self, now: bool = False) -> None:
        """Nothing to stop."""
