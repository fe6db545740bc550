"""Ingest throughput against spaCy alone, over the same PolNeAR train texts, in one run.

Prints, for ``nlp.pipe`` alone (pipeline loaded beforehand, not counted; the baseline runs the
pipeline with spaCy's own attribute ruler, and a second row dateline's parse, whose cached ruler
gives the same annotations for less: ``dateline.nlp.attribute_ruler``), ``dateline ingest`` into
a fresh SQLite file with 1 and with 2 worker processes, and the Dask engine (``--engine dask``)
with 2 workers (timed end to end: worker start, model load, reading, analysis, writing): wall
seconds and CPU seconds, the CPU being ``resource.getrusage`` of this process (RUSAGE_SELF: the
driver, or spaCy alone) plus its children (RUSAGE_CHILDREN: the worker processes, counted once
they have exited and been reaped, which every engine does when it closes; a child still alive
after a run is listed, with the CPU it has used, so that nothing is silently left out). Ratios
are spaCy's CPU seconds over the run's CPU seconds (1.0: no cost on top of the parse), and the
wall speed-up of 2 workers over 1. The machine load (``os.getloadavg``) is printed at the start
and the end: wall time is only meaningful on an idle machine, CPU time much less disturbed.
Both run BLAS on one thread (faster here than its default threads).
Targets (issue 14): ingest CPU ratio >= 0.85 with 1 worker; <= 1.5 GB a worker.

    python benchmarks/throughput.py [-n 300] [--no-dask]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # spaCy alone gets the same one-thread BLAS as workers

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass
class Cost:
    """Wall and CPU seconds of one run; the CPU split into this process and its children."""

    wall: float
    own_cpu: float
    children_cpu: float
    summary: Any = None

    @property
    def cpu(self) -> float:
        """CPU seconds of this process and its (reaped) children together."""
        return self.own_cpu + self.children_cpu


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def measured(run: Callable[[], Any]) -> Cost:
    """Run ``run()`` and return its wall and CPU seconds (self + reaped children)."""
    own0, children0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = run()
    wall = time.perf_counter() - start
    own = _cpu(resource.RUSAGE_SELF) - own0
    children = _cpu(resource.RUSAGE_CHILDREN) - children0
    return Cost(wall, own, children, result)


def living_children() -> list[tuple[int, float, str]]:
    """This process's children still alive (not reaped, so not in RUSAGE_CHILDREN): pid, CPU
    seconds used so far, command line. Linux only (/proc); empty elsewhere."""
    found = []
    me = str(os.getpid())
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            if fields[1] != me:  # field 4, ppid (after pid, comm and state)
                continue
            cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()[:80]
        except (OSError, IndexError, ValueError):
            continue
        found.append((int(entry.name), cpu, command))
    return found


def spacy_alone(texts: list[str], model: str | None, stock_ruler: bool = True) -> Cost:
    """``nlp.pipe`` over the texts (pipeline already loaded and warmed up, not counted): with
    spaCy's own attribute ruler (the baseline), or with dateline's cached one (its own parse)."""
    from dateline import nlp

    nlp.load(model, stock_ruler)
    list(nlp.pipe(texts[:8], model, stock_ruler=stock_ruler))  # warm up

    def run() -> None:
        for _ in nlp.pipe(texts, model, stock_ruler=stock_ruler):
            pass

    return measured(run)


def ingest_run(paths: list[Path], workers: int, model: str | None, engine: str = "local") -> Cost:
    """One ingest into a fresh SQLite file, end to end (the store's opening included)."""
    with tempfile.TemporaryDirectory() as tmp:
        url = str(Path(tmp) / "bench.db")
        if engine == "local":
            from dateline.batch import ingest

            return measured(lambda: ingest(paths, url, workers=workers, model=model))
        from dateline.engines import ingest as engine_ingest

        return measured(
            lambda: engine_ingest(paths, url, engine=engine, workers=workers, model=model)
        )


def dask_missing() -> str | None:
    """Why the Dask row cannot run (None: it can)."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        return f"dask.distributed is not installed ({exc}); pip install 'dateline[dask]'"
    return None


def load_line() -> str:
    """The machine load, 1 and 5 minutes."""
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def row(name: str, cost: Cost, articles: int, spacy_cpu: float | None, note: str = "") -> str:
    """One line of the table."""
    ratio = f"{spacy_cpu / cost.cpu:6.2f}" if spacy_cpu else "     -"
    return (
        f"{name:<22} {cost.wall:7.1f} {cost.cpu:7.1f} {cost.own_cpu:7.1f} "
        f"{cost.children_cpu:8.1f} {cost.cpu / articles:8.3f} {ratio}  {note}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the timings and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=TRAIN, help="folder of .txt articles")
    parser.add_argument("-n", type=int, default=300, help="how many texts (first in name order)")
    parser.add_argument("--model", default=None, help="spaCy pipeline name")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask engine's row")
    args = parser.parse_args(argv)
    paths = sorted(args.texts.glob("*.txt"))[: args.n]
    if not paths:
        print(f"no texts under {args.texts}")
        return 2
    texts = [p.read_text("utf-8") for p in paths]
    n = len(paths)
    print(f"machine load at start  {load_line()}")
    print(f"texts  {n} ({sum(map(len, texts)):,} characters) from {args.texts}")
    print(
        f"{'':<22} {'wall s':>7} {'CPU s':>7} {'self':>7} {'children':>8} {'CPU/art':>8} "
        f"{'ratio':>6}  (ratio: spaCy CPU / this CPU)"
    )
    spacy = spacy_alone(texts, args.model)
    print(row("spaCy nlp.pipe alone", spacy, n, None, "(loaded beforehand, not counted)"))
    own = spacy_alone(texts, args.model, stock_ruler=False)
    print(
        row(
            "  the same, cached ruler", own, n, spacy.cpu, "(dateline's parse: nlp.attribute_ruler)"
        )
    )
    runs: dict[str, Cost] = {}
    plan = [("ingest 1 worker", 1, "local"), ("ingest 2 workers", 2, "local")]
    missing = "skipped (--no-dask)" if args.no_dask else dask_missing()
    if missing is None:
        plan.append(("dask 2 workers", 2, "dask"))
    for name, workers, engine in plan:
        cost = ingest_run(paths, workers, args.model, engine)
        summary = cost.summary
        runs[name] = cost
        peaks = ", ".join(f"{v:.0f}" for v in sorted(summary.peak_rss_mb.values()))
        print(row(name, cost, n, spacy.cpu, f"peak RSS/worker MB: {peaks}"))
        if summary.failed or summary.stored + summary.near_duplicate != n:
            print(f"  (not all stored: {summary.line()}; {summary.failures[:2]})")
        for pid, cpu, command in living_children():
            print(f"  child {pid} still running, not counted above: {cpu:.2f} CPU s ({command})")
    if missing is not None:
        print(f"dask 2 workers         {missing}")
    one = runs["ingest 1 worker"]
    print(
        f"ratio ingest(1 worker) / spaCy alone, CPU   {spacy.cpu / one.cpu:.2f}  (target >= 0.85)"
        f"; wall {spacy.wall / one.wall:.2f}"
    )
    print(
        f"ratio ingest(1 worker) / dateline's parse alone, CPU   {own.cpu / one.cpu:.2f}"
        "  (what the stages, workers and store add to the parse)"
    )
    for name in ("ingest 2 workers", "dask 2 workers"):
        if name in runs:
            print(
                f"{name}: wall speed-up over 1 worker {one.wall / runs[name].wall:.2f}, "
                f"CPU ratio {spacy.cpu / runs[name].cpu:.2f}"
            )
    peak = max(one.summary.peak_rss_mb.values(), default=0.0)
    print(f"peak RSS of a worker (1 worker)             {peak:.0f} MB  (target <= 1536 MB)")
    print(f"machine load at end    {load_line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
