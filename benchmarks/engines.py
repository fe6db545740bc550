"""Engines compared on the same PolNeAR train texts, in one run: local processes, Dask, Ray.

For each engine (2 workers/actors) it runs ``dateline.engines.ingest`` into a fresh SQLite file
in a child process and measures, by sampling every process below that child with psutil
(driver, workers, nannies, Ray's raylet and GCS: all of it is the engine's cost):

- CPU seconds (user + system) of all those processes, per article, and wall time;
- start-up: the same run on one short article (cluster start, pipeline load, shutdown);
- memory: each worker's peak RSS (VmHWM, reported by the worker) and the other processes' peak;
- a worker killed (SIGKILL) mid-run: does the run complete, and are the counts of inputs,
  articles, entities, quotes and events the clean run's?

and prints a table with ratios against ``nlp.pipe`` alone (pipeline loaded, measured in this
process in the same run): ratio = spaCy-alone CPU / engine CPU, as in docs/benchmarks.md.
BLAS runs on one thread everywhere. Needs ``pip install -e '.[dask,ray]'`` (psutil comes with
them); an engine that is not installed is skipped.

    python benchmarks/engines.py -n 100
    python benchmarks/engines.py -n 200 --store-size   # bytes per article: SQLite, PG, Parquet
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"
SHORT = (
    "Council approves budget.\n\n"
    "LONDON, March 3 (Reuters) - The council approved the budget on Tuesday.\n\n"
    '"It is a good day," Mayor Jane Holloway said.\n'
)
WORKER_MARKS = {"local": b"spawn_main", "dask": b"spawn_main", "ray": b"ray::Analyser"}
"""How a worker process is told from the engine's other processes (command line)."""
KILL_AFTER_CPU_S = 8.0
"""A worker is killed once it has used this much CPU: pipeline loaded, a few batches done."""
TABLES = ("articles", "entities", "quotes", "events")


# -- the child: one ingest ---------------------------------------------------------------------


def child(engine: str, inputs: str, db: str) -> None:
    """Run one ingest and print its summary and the store's counts as JSON (last line)."""
    import sqlalchemy as sa

    from dateline.engines import ingest
    from dateline.store import open_store

    start = time.perf_counter()
    summary = ingest([inputs], db, engine=engine, workers=2)
    wall = time.perf_counter() - start
    with open_store(db) as store, store.engine.connect() as conn:
        counts = {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}
        statuses = dict(
            conn.execute(sa.text("SELECT status, count(*) FROM inputs GROUP BY status")).all()
        )
    result = {
        "wall": wall,
        "line": summary.line(),
        "failures": summary.failures[:5],
        "peaks": sorted(summary.peak_rss_mb.values()),
        "counts": counts,
        "statuses": statuses,
    }
    print(json.dumps(result))


# -- the parent: sampling the child's processes -------------------------------------------------


@dataclass
class Sample:
    """What the sampler saw of every process below the child."""

    cpu: dict[int, float] = field(default_factory=dict)
    rss: dict[int, float] = field(default_factory=dict)
    cmd: dict[int, bytes] = field(default_factory=dict)
    killed: list[int] = field(default_factory=list)


def mark_of(cmd: bytes) -> bytes | None:
    """The worker mark in a command line, if any."""
    return next((mark for mark in WORKER_MARKS.values() if mark in cmd), None)


def _watch(pid: int, sample: Sample, stop: threading.Event, kill_mark: bytes | None) -> None:
    import psutil

    root = psutil.Process(pid)
    while not stop.is_set():
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            procs = []
        for proc in procs:
            try:
                with proc.oneshot():
                    times = proc.cpu_times()
                    sample.cpu[proc.pid] = times.user + times.system
                    rss = proc.memory_info().rss / 2**20
                    sample.rss[proc.pid] = max(sample.rss.get(proc.pid, 0.0), rss)
                    if mark_of(sample.cmd.get(proc.pid, b"")) is None:  # Ray retitles
                        sample.cmd[proc.pid] = " ".join(proc.cmdline()).encode()
            except psutil.Error:
                continue
            if (
                kill_mark is not None
                and not sample.killed
                and kill_mark in sample.cmd.get(proc.pid, b"")
                and sample.cpu[proc.pid] >= KILL_AFTER_CPU_S
            ):
                os.kill(proc.pid, signal.SIGKILL)
                sample.killed.append(proc.pid)
        stop.wait(0.2)


@dataclass
class Run:
    """One measured ingest."""

    cpu: float
    wall: float
    result: dict
    sample: Sample


def measure(engine: str, inputs: Path, kill: bool = False) -> Run:
    """One ingest in a child process, every process below it sampled."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, __file__, "--child", engine, str(inputs), f"{tmp}/b.db"]
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        sample, stop = Sample(), threading.Event()
        mark = WORKER_MARKS[engine] if kill else None
        watcher = threading.Thread(target=_watch, args=(proc.pid, sample, stop, mark))
        watcher.start()
        out, err = proc.communicate()
        wall = time.perf_counter() - start
        stop.set()
        watcher.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{engine}: exit {proc.returncode}\n{err.decode()[-2000:]}")
    lines = out.decode().strip().splitlines()
    return Run(sum(sample.cpu.values()), wall, json.loads(lines[-1]), sample)


def spacy_alone(paths: list[Path]) -> float:
    """CPU seconds of ``nlp.pipe`` over the texts, pipeline loaded beforehand."""
    from dateline import nlp

    texts = [p.read_text("utf-8") for p in paths]
    nlp.load(None)
    list(nlp.pipe(texts[:4], None))
    before = resource.getrusage(resource.RUSAGE_SELF)
    for _ in nlp.pipe(texts, None):
        pass
    after = resource.getrusage(resource.RUSAGE_SELF)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def installed(engine: str) -> bool:
    """Whether the engine's package is importable."""
    return (
        engine == "local"
        or importlib.util.find_spec("ray" if engine == "ray" else "distributed") is not None
    )


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def store_size(paths: list[Path]) -> None:
    """Bytes per article in a SQLite store, a PostgreSQL store and the Parquet lake of the same
    texts, and the time of one relink of the corpus actors (docs/SCALE.md)."""
    import sqlalchemy as sa

    from dateline.engines import ingest
    from dateline.engines.lake import write_lake
    from dateline.store import open_store
    from dateline.store.actors import relink

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from conftest_pg import fresh_database, pg_server

    n = len(paths)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        for path in paths:
            (inputs / path.name).write_bytes(path.read_bytes())
        db = Path(tmp) / "s.db"
        summary = ingest([inputs], str(db), workers=2)
        with open_store(str(db)) as store:
            with store.engine.connect() as conn:
                entities = conn.execute(sa.text("SELECT count(*) FROM entities")).scalar()
                text = conn.execute(sa.text("SELECT sum(length(text)) FROM articles")).scalar()
                doc = conn.execute(sa.text("SELECT sum(length(document)) FROM articles")).scalar()
            start = time.perf_counter()
            relink(store)
            relink_s = time.perf_counter() - start
            write_lake(store, Path(tmp) / "lake")
        with open_store(str(db)) as store, store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(sa.text("VACUUM"))
        sqlite_bytes = db.stat().st_size
        lake_bytes = _dir_bytes(Path(tmp) / "lake")
        print(
            f"{summary.line()}; {entities} entities; text {text / n:,.0f} chars/article, "
            f"document JSON {doc / n:,.0f} chars/article"
        )
        print(f"relink of {entities} entities: {relink_s:.2f} s")
        print(
            f"SQLite file (vacuumed): {sqlite_bytes:,} bytes, {sqlite_bytes / n:,.0f} per article"
        )
        print(f"Parquet lake (zstd): {lake_bytes:,} bytes, {lake_bytes / n:,.0f} per article")
        with pg_server() as (server, reason):
            if server is None:
                print(f"PostgreSQL: skipped ({reason})")
                return
            url = fresh_database(server)
            with open_store(url) as store, store.engine.connect() as conn:
                empty = conn.execute(
                    sa.text("SELECT pg_database_size(current_database())")
                ).scalar()
            start = time.perf_counter()
            pg_summary = ingest([inputs], url, workers=2)
            pg_wall = time.perf_counter() - start
            with open_store(url) as store, store.engine.connect() as conn:
                conn.execute(sa.text("CHECKPOINT"))
                full = conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar()
                tables = conn.execute(
                    sa.text(
                        "SELECT relname, pg_total_relation_size(relid) FROM pg_catalog."
                        "pg_statio_user_tables ORDER BY 2 DESC LIMIT 6"
                    )
                ).all()
            grown = full - empty
            print(f"PostgreSQL: {pg_summary.line()}; {pg_wall:.1f} s")
            print(
                f"PostgreSQL database grew {grown:,} bytes, {grown / n:,.0f} per article; "
                + ", ".join(f"{t} {b / n:,.0f}" for t, b in tables)
            )


def main(argv: list[str] | None = None) -> int:
    """Measure every installed engine and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=Path, default=TRAIN, help="folder of .txt articles")
    parser.add_argument("-n", type=int, default=100, help="how many texts (first in name order)")
    parser.add_argument("--engines", default="local,dask,ray", help="comma-separated")
    parser.add_argument("--no-kill", action="store_true", help="skip the killed-worker runs")
    parser.add_argument(
        "--child", nargs=3, metavar=("ENGINE", "INPUTS", "DB"), help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--store-size", action="store_true", help="measure bytes per article instead"
    )
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    paths = sorted(args.texts.glob("*.txt"))[: args.n]
    if not paths:
        print(f"no texts under {args.texts}")
        return 2
    if args.store_size:
        store_size(paths)
        return 0
    n = len(paths)
    with tempfile.TemporaryDirectory() as tmp:
        inputs, short = Path(tmp) / "in", Path(tmp) / "short"
        inputs.mkdir()
        short.mkdir()
        for path in paths:
            (inputs / path.name).write_bytes(path.read_bytes())
        (short / "short.txt").write_text(SHORT, "utf-8")
        print(f"texts {n} from {args.texts}; load average {os.getloadavg()[0]:.2f} at start")
        spacy_cpu = spacy_alone(paths)
        print(f"spaCy nlp.pipe alone: {spacy_cpu:.1f} CPU s ({spacy_cpu / n:.3f} per article)")
        rows = []
        for engine in args.engines.split(","):
            if not installed(engine):
                print(f"{engine}: not installed, skipped")
                continue
            boot = measure(engine, short)
            clean = measure(engine, inputs)
            killed = None if args.no_kill else measure(engine, inputs, kill=True)
            rows.append((engine, boot, clean, killed))
            print(f"{engine}: {clean.result['line']}", flush=True)
        print(f"load average {os.getloadavg()[0]:.2f} at end\n")
        print(table(n, spacy_cpu, rows))
    return 0


def table(n: int, spacy_cpu: float, rows: list) -> str:
    """The comparison as a Markdown table."""
    out = [
        "| engine (2 workers) | CPU s total | CPU s / article | ratio vs nlp.pipe | marginal CPU s / "
        "article | wall s | start-up CPU s / wall s | worker peak RSS MB | driver + engine processes "
        "peak RSS MB | worker killed mid-run |",
        "|---|---|---|---|---|---|---|---|---|---|",
        f"| nlp.pipe alone | {spacy_cpu:.1f} | {spacy_cpu / n:.3f} | 1.00 | | | | | | |",
    ]
    for engine, boot, clean, killed in rows:
        mark = WORKER_MARKS[engine]
        workers = {p for p, c in clean.sample.cmd.items() if mark in c}
        others = sum(v for p, v in clean.sample.rss.items() if p not in workers)
        peaks = "/".join(f"{v:.0f}" for v in clean.result["peaks"]) or "?"
        marginal = (clean.cpu - boot.cpu) / n
        if killed is None:
            verdict = "not run"
        else:
            same = killed.result["counts"] == clean.result["counts"] and (
                killed.result["statuses"] == clean.result["statuses"]
            )
            verdict = (
                f"{'killed' if killed.sample.killed else 'NOT killed'}; completed in "
                f"{killed.wall:.0f} s, {killed.cpu:.0f} CPU s; counts "
                f"{'equal' if same else 'DIFFER: ' + json.dumps(killed.result['counts'])}"
            )
        out.append(
            f"| {engine} | {clean.cpu:.1f} | {clean.cpu / n:.3f} | {spacy_cpu / clean.cpu:.2f} | "
            f"{marginal:.3f} | {clean.wall:.1f} | {boot.cpu:.1f} / {boot.wall:.1f} | {peaks} | "
            f"{others:.0f} | {verdict} |"
        )
    counts = rows[0][2].result["counts"] if rows else {}
    out.append(f"\nclean-run counts: {json.dumps(counts)}")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
