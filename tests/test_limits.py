"""Per-article limits: a slow or greedy article fails alone with its reason, the run goes on, a
rerun skips it; spaCy's max_length is a one-line refusal; workers die with their parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import shared
from typer.testing import CliRunner

from dateline import limits
from dateline.cli import app
from dateline.limits import (
    WALL_BACKSTOP,
    Limits,
    Overrun,
    WorkerPool,
    _Worker,
    current_stage,
    guard,
    over_limit,
    process_cpu_s,
    run_inline,
    stage,
)

ARTICLE = (
    "Council approves new bridge.\n\n"
    "SPRINGFIELD, May 2 (Reuters) - The city council approved a new bridge on Monday after a "
    "long debate over its cost.\n\n"
    '"This bridge will serve the town for a century," Mayor Ellen Park told reporters.\n'
)
QUOTED_WORDS = " ".join(f'"word{i}"' for i in range(10_000))
"""10,000 quotations of one word each: about 13 s of CPU, far past a 2 s budget on any machine
(runs of bare quote marks no longer are slow: the parser gets them tamed, ``nlp.tame``)."""


def slow_article() -> str:
    """An English article with 10,000 one-word quotations in the middle: slow to analyse."""
    return ARTICLE + "\n" + QUOTED_WORDS + "\n\nThe bridge opens next year, officials said.\n"


OTHERS = [
    ARTICLE,
    "Harbour workers strike over pay.\n\n"
    "LISBON, May 9 (Reuters) - Dock workers in the port walked out on Friday.\n\n"
    '"We will not go back until the offer improves," union leader Marco Teixeira said.\n',
    "Mayor wins second term.\n\n"
    "BOSTON, Nov 8 (Reuters) - Mayor Alan Brooks won a second term on Tuesday night.\n\n"
    '"The voters have spoken and I am grateful," Brooks said in his victory speech.\n',
]


@pytest.fixture(autouse=True)
def _no_parse_estimate(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests run the slow article into its budget: no refusal up front on the estimate of
    its parse (``tests/test_parse_estimate.py`` tests that), here or in spawned workers."""
    monkeypatch.setenv("DATELINE_NO_PARSE_ESTIMATE", "1")


def write_inputs(folder: Path, slow_at: int = 2, good: int = 3) -> Path:
    """``good`` ordinary articles and one slow one, named so that it sorts at ``slow_at``."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(OTHERS[:good]):
        (folder / f"a{n}.txt").write_text(text, "utf-8")
    (folder / f"a{slow_at - 1}x-slow.txt").write_text(slow_article(), "utf-8")
    return folder


# -- the budget in this process (analyze, ingest --workers 0) ------------------------------------


def test_a_slow_article_times_out_alone_and_a_rerun_skips_it(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in")
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    args = ["ingest", str(inputs), "--db", db, "--workers", "0", "--timeout", "2"]
    start = time.monotonic()
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "a1x-slow.txt: timed out after 2 s" in result.output
    assert "3 stored, 0 duplicate, 0 near-duplicate, 1 failed" in result.output
    assert "Traceback" not in result.output
    assert time.monotonic() - start < 30

    start = time.monotonic()
    again = runner.invoke(app, args)
    assert again.exit_code == 1, again.output
    assert "0 stored" in again.output and "3 already ingested" in again.output
    assert "1 failed before on the time or memory limit" in again.output
    assert time.monotonic() - start < 5

    retried = runner.invoke(app, [*args, "--retry-failed"])
    assert retried.exit_code == 1
    assert "0 stored, 0 duplicate, 0 near-duplicate, 1 failed" in retried.output
    assert "timed out after 2 s" in retried.output


def test_analyze_reports_a_slow_article_and_writes_the_others(tmp_path: Path) -> None:
    good, slow = tmp_path / "good.txt", tmp_path / "slow.txt"
    good.write_text(ARTICLE, "utf-8")
    slow.write_text(slow_article(), "utf-8")
    result = CliRunner().invoke(app, ["analyze", str(slow), str(good), "--timeout", "2"])
    assert result.exit_code == 1
    assert f"dateline: {slow}: timed out after 2 s" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1  # the good article, as JSONL


def test_analyze_refuses_a_text_longer_than_spacy_takes_in_one_line(tmp_path: Path) -> None:
    big, good = tmp_path / "big.txt", tmp_path / "good.txt"
    big.write_text("Word after word. " * 62_000, "utf-8")  # 1,054,000 characters
    good.write_text(ARTICLE, "utf-8")
    result = CliRunner().invoke(app, ["analyze", str(big), str(good)])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"dateline: {big}: too long to analyse")
    assert "1,000,000" in errors[0]
    assert len(result.stdout.strip().splitlines()) == 1


def test_the_budget_is_in_the_help_with_its_defaults() -> None:
    runner = CliRunner()
    for command in ("analyze", "ingest"):
        text = " ".join(runner.invoke(app, [command, "--help"]).output.split())
        assert "--timeout" in text and "--max-memory" in text
        assert "default: 60.0" in text and "default: 2048" in text
        assert "Exit status" in text


def _failed(item: str, reason: str) -> str:
    return f"{item}: {reason}"


def burn(seconds: float) -> None:
    """Use ``seconds`` of this process's CPU time (a busy loop)."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_run_inline_fails_only_the_item_that_overruns_and_runs_no_other_twice() -> None:
    calls: list[str] = []

    def work(items: list[str]) -> list[str]:
        calls.extend(items)
        for item in items:
            stage("parse")
            if item == "slow":
                burn(30)
            if item == "big":
                held = b"x" * (300 * 1024 * 1024)
                time.sleep(5)
                del held
        return [item.upper() for item in items]

    start = time.monotonic()
    out = run_inline(["a", "slow", "b"], work, _failed, Limits(timeout=0.5, max_memory_mb=0))
    assert out == ["A", "slow: timed out after 0.5 s of CPU in parse", "B"]
    assert calls == ["a", "slow", "b"]  # one at a time, each once
    out = run_inline(["big"], work, _failed, Limits(timeout=0, max_memory_mb=100))
    assert out == ["big: out of memory (over 100 MB)"]
    assert time.monotonic() - start < 10


def test_run_inline_counts_cpu_seconds_and_a_wall_clock_backstop() -> None:
    """A sleeping article (no CPU) outlives its budget but not the backstop and is analysed; one
    that burns CPU past the budget fails on CPU; one that sleeps past the backstop, on the wall."""

    def work(items: list[str]) -> list[str]:
        for item in items:
            stage("quotes")
            if item == "nap":
                time.sleep(0.4)  # past the 0.2 s budget and a tick, short of the 0.8 s backstop
            elif item == "burn":
                burn(30)
            elif item == "stuck":
                time.sleep(30)
        return [item.upper() for item in items]

    budget = Limits(timeout=0.2, max_memory_mb=0)
    assert budget.backstop == 0.2 * WALL_BACKSTOP
    start = time.monotonic()
    out = run_inline(["nap", "burn", "stuck"], work, _failed, budget)
    assert out == [
        "NAP",
        "burn: timed out after 0.2 s of CPU in quotes",
        "stuck: timed out after 0.8 s (wall) in quotes",
    ]
    assert time.monotonic() - start < 3


def test_reasons_of_an_overrun_are_told_from_other_failures() -> None:
    assert over_limit("a.txt: timed out after 60 s")
    assert over_limit("a.txt: timed out after 60 s in parse")
    assert over_limit("a.txt: timed out after 60 s of CPU in parse")
    assert over_limit("a.txt: timed out after 240 s (wall) in parse")
    assert over_limit("a.txt: out of memory (over 2048 MB)")
    assert over_limit("a.txt: the worker analysing it died (killed by SIGKILL; out of memory?)")
    assert not over_limit("a.txt: binary (not text)")
    assert not over_limit(None)


# -- worker processes ------------------------------------------------------------------------


def ready_worker() -> None:
    """The pool tests' initializer: the worker imports this module (to unpickle it) when it
    starts, not in its first article's budget."""


def work_in_worker(items: list[str], marks: str | None = None) -> list[str]:
    """A worker function for the pool tests: 'slow' burns CPU and never ends, 'nap' sleeps
    0.6 s, 'stuck' sleeps forever (all in their 'parse'), 'big' wants 400 MB, 'die' dies. With
    ``marks``, each call leaves a file there: ``ITEM.PID``."""
    for item in items:
        if marks:
            (Path(marks) / f"{item}.{os.getpid()}").touch()
        stage("structure")
        if item in ("slow", "nap", "stuck"):
            stage("parse")
            if item == "slow":
                burn(60)
            else:
                time.sleep(0.6 if item == "nap" else 60)
        elif item == "big":
            held = b"x" * (400 * 1024 * 1024)
            del held
        elif item == "die":
            os._exit(3)
    return [item.upper() for item in items]


def test_a_worker_that_overruns_is_killed_and_replaced_and_only_the_guilty_item_fails(
    tmp_path: Path,
) -> None:
    """Each article has the whole budget: the slow one fails with its stage, its batch-mates
    are analysed once (those before it by the killed worker, those after by its successor);
    memory is capped per article; an article whose worker dies gets one more worker."""
    marks = tmp_path / "marks"
    marks.mkdir()
    pool: WorkerPool[str, str] = WorkerPool(
        1,
        work_in_worker,
        _failed,
        Limits(timeout=0.5, max_memory_mb=100),
        initializer=ready_worker,
    )
    try:
        batch = pool.submit(["a", "slow", "b", "c"], str(marks))
        greedy = pool.submit(["d", "big", "e"], str(marks))
        dying = pool.submit(["die", "f"], str(marks))
        assert pool.wait(batch) == ["A", "slow: timed out after 0.5 s of CPU in parse", "B", "C"]
        assert pool.wait(greedy) == ["D", "big: out of memory (over 100 MB)", "E"]
        assert pool.wait(dying) == ["die: the worker analysing it died (exit status 3)", "F"]
    finally:
        pool.close()
    assert not pool.workers
    runs: dict[str, set[str]] = {}
    for mark in marks.iterdir():
        item, pid = mark.name.split(".")
        runs.setdefault(item, set()).add(pid)
    assert {item: len(pids) for item, pids in runs.items()} == {
        "a": 1,
        "slow": 1,
        "b": 1,
        "c": 1,
        "d": 1,
        "big": 1,
        "e": 1,
        "die": 2,
        "f": 1,
    }
    assert runs["a"] == runs["slow"] != runs["b"] == runs["c"]  # the rest went to a new worker
    assert len(pool.peaks) == 4  # one worker lost each to the overrun, the memory and the death


def test_a_worker_budget_is_cpu_seconds_with_a_wall_clock_backstop() -> None:
    """A load that slows the clock fails no article: one that sleeps past its 0.3 s budget, but
    not past the 1.2 s backstop, is analysed; one that burns 0.3 s of CPU fails on CPU; one that
    sleeps past the backstop fails on the wall clock."""
    pool: WorkerPool[str, str] = WorkerPool(
        2, work_in_worker, _failed, Limits(timeout=0.3, max_memory_mb=0), ready_worker
    )
    try:
        napping = pool.submit(["nap", "slow"])
        stuck = pool.submit(["a", "stuck"])
        start = time.monotonic()
        assert pool.wait(napping) == ["NAP", "slow: timed out after 0.3 s of CPU in parse"]
        assert pool.wait(stuck) == ["A", "stuck: timed out after 1.2 s (wall) in parse"]
        assert time.monotonic() - start < 10  # with the workers' start; not 60 s
    finally:
        pool.close()


def _driver_view(pool: WorkerPool[str, str]) -> _Worker:
    """A worker as the pool's driver sees it, for this very process (nothing is spawned)."""
    worker = _Worker(SimpleNamespace(pid=os.getpid()), None)  # type: ignore[arg-type]
    pool._next_article(worker)
    worker.stage = "parse"
    return worker


def test_the_driver_reads_a_worker_cpu_and_without_proc_falls_back_to_the_wall_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pool: WorkerPool[str, str] = WorkerPool(1, work_in_worker, _failed, Limits(0.2, 0))
    if process_cpu_s(os.getpid()) is not None:
        assert abs((process_cpu_s(os.getpid()) or 0.0) - time.process_time()) < 0.1
        worker = _driver_view(pool)
        assert worker.cpu_start is not None and pool._overrun(worker) is None
        burn(0.25)
        assert pool._overrun(worker) == "timed out after 0.2 s of CPU in parse"
    monkeypatch.setattr(limits, "process_cpu_s", lambda pid: None)  # as on macOS
    worker = _driver_view(pool)
    assert worker.cpu_start is None and worker.deadline is not None
    assert worker.deadline - time.monotonic() <= 0.2  # the budget itself, on the wall clock
    assert pool._overrun(worker) is None
    worker.deadline = time.monotonic()
    assert pool._overrun(worker) == "timed out after 0.2 s in parse"


def test_ingest_with_a_worker_records_the_slow_article_and_goes_on(tmp_path: Path) -> None:
    inputs = write_inputs(tmp_path / "in", slow_at=1, good=2)
    db = str(tmp_path / "t.db")
    args = ["ingest", str(inputs), "--db", db, "--workers", "1"]  # one batch of 3
    result = CliRunner().invoke(app, [*args, "--timeout", "2"])
    assert result.exit_code == 1, result.output
    assert "a0x-slow.txt: timed out after 2 s of CPU in parse" in result.output
    assert "2 stored, 0 duplicate, 0 near-duplicate, 1 failed" in result.output


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _dateline_command() -> list[str]:
    script = Path(sys.executable).parent / "dateline"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from dateline.cli import main; main()"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_kill_9_of_ingest_leaves_no_worker_behind(tmp_path: Path) -> None:
    texts = sorted(shared("polnear", "dev", "text").glob("*.txt"))[:6]
    folder = tmp_path / "in"
    folder.mkdir()
    for path in texts:
        (folder / path.name).write_bytes(path.read_bytes())
    command = [*_dateline_command(), "ingest", str(folder), "--workers", "2"]
    proc = subprocess.Popen(
        [*command, "--db", str(tmp_path / "t.db")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            children = _children(proc.pid)
            workers = [c for c in children if b"spawn_main" in _cmdline(c)]
            if len(workers) >= 2:
                break
            time.sleep(0.1)
        assert proc.poll() is None, "ingest ended before its workers were seen"
        time.sleep(1.0)  # the workers are loading spaCy
        children |= _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(c) for c in children):
            time.sleep(0.2)
        survivors = [c for c in children if _alive(c)]
        assert not survivors, f"processes outlived the killed parent: {survivors}"
    finally:
        for pid in [proc.pid, *children]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_an_overrun_swallowed_once_is_raised_again_at_the_next_tick() -> None:
    """An alarm landing in a gc callback is dropped by Python; the repeating timer raises again
    (here the wall-clock backstop: the loop sleeps)."""
    swallowed = 0
    started = time.monotonic()
    with pytest.raises(Overrun, match=r"timed out after 0\.4 s \(wall\)"), guard(Limits(0.1, 0)):
        while time.monotonic() - started < 5:
            try:
                time.sleep(0.01)
            except Overrun:
                swallowed += 1  # as a gc callback would: reported, not propagated
                if swallowed > 1:
                    raise
    assert swallowed == 2
    assert time.monotonic() - started < 2


def test_a_block_that_ends_before_the_next_tick_after_a_swallowed_overrun_still_overran() -> None:
    """The raise was dropped (a gc callback) and the block finished before the timer ticked
    again: it still used up its budget, and the guard says so as it ends."""
    started = time.process_time()
    with pytest.raises(Overrun, match=r"timed out after 0\.1 s"), guard(Limits(0.1, 0)):
        try:
            while time.process_time() - started < 5:
                pass
        except Overrun:
            pass  # as a gc callback would: reported, not propagated; the block then ends


def test_the_stage_is_reset_by_the_guard_and_named_in_the_reason() -> None:
    stage("quotes")
    assert current_stage() == "quotes"
    with guard(Limits(0, 0)):
        assert current_stage() is None
    assert Limits(timeout=3).timed_out("parse") == "timed out after 3 s in parse"
    assert Limits(timeout=3).timed_out() == "timed out after 3 s"
    assert Limits(timeout=3).timed_out("parse", "cpu") == "timed out after 3 s of CPU in parse"
    assert Limits(timeout=3).timed_out("parse", "wall") == "timed out after 12 s (wall) in parse"
