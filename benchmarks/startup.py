"""Start-up cost of the command line (issue 12): wall and CPU seconds, 5 runs each, min/median.

Measured in one run, so the figures compare: ``python -c pass`` (the interpreter alone) and
``trafilatura --help`` (a tool of the field, installed with dateline) as baselines, then
``dateline --help``, ``dateline quotes`` on a small store (two articles ingested first into a
temporary SQLite file) and a one-article ``dateline analyze``. CPU seconds are the children's
user + system time from ``resource.getrusage``, which a loaded machine disturbs far less than wall
time. Then the fixed costs of a one-article ``analyze``, stage by stage in a fresh interpreter
(CPU seconds, the minimum over the runs), and whether it imported the near-duplicate hashing
(datasketch, scipy) that only an ingest needs, or the language detector (py3langid), which an
article that plainly reads as English never needs (``ingest.language.looks_english``). It says too
whether dateline's own modules load from bytecode, as installed, or are compiled in every run (an
editable checkout under ``PYTHONDONTWRITEBYTECODE``: ~0.03 CPU s of ``quotes``, ~0.1 of
``analyze`` on the 2-core machine of 2026-11-28). Run from the repository root:

    python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEED = ROOT / "examples"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``runs`` runs of ``command`` (its output discarded)."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu0, wall0 = _children_cpu(), time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        walls.append(time.perf_counter() - wall0)
        cpus.append(_children_cpu() - cpu0)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[-300:]}")
    return walls, cpus


STAGES = r"""
import sys, time

def stage(name, run):
    start = time.process_time()
    run()
    print(f"{name}\t{time.process_time() - start:.4f}")

def city():
    from dateline import geo
    geo.find_place("Alanya")

def model():
    from dateline import nlp
    nlp.load(None)  # the cached call the pipeline makes

def dates():
    import dateparser
    dateparser.parse("December 1", languages=["en"])

def article():
    import dateline
    with open(sys.argv[1], encoding="utf-8") as text:
        dateline.analyze(text.read())

stage("import spacy", lambda: __import__("spacy"))
stage("import dateline.pipeline", lambda: __import__("dateline.pipeline"))
stage("import dateline.batch (the CLI's warm-up)", lambda: __import__("dateline.batch"))
stage("geo: first city lookup", city)
stage("spaCy model load", model)
stage("dateparser: first call", dates)
stage("the article itself (stages warm)", article)
heavy = sorted({"datasketch", "scipy", "sqlalchemy", "py3langid"} & set(sys.modules))
print("imported datasketch/scipy/sqlalchemy/py3langid\t" + (", ".join(heavy) or "none"))
"""
"""The fixed costs of ``dateline analyze``, stage by stage, each after the ones before it."""


def stages(article: Path, runs: int) -> None:
    """Print the CPU seconds of each stage of ``STAGES``, the minimum over ``runs`` runs."""
    seconds: dict[str, list[float]] = {}
    notes: dict[str, str] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", STAGES, str(article)], capture_output=True, text=True, check=True
        )
        for line in done.stdout.splitlines():
            name, _, value = line.partition("\t")
            try:
                cpu = float(value)
            except ValueError:
                notes[name] = value
            else:
                seconds.setdefault(name, []).append(cpu)
    print(f"\n{'analyze, stage by stage (in-process)':<44} {'CPU min':>8} {'median':>8}")
    for name, values in seconds.items():
        print(f"{name:<44} {min(values):>8.3f} {statistics.median(values):>8.3f}")
    total = sum(min(values) for values in seconds.values())
    print(f"{'sum of the minima':<44} {total:>8.3f}")
    for name, value in notes.items():
        print(f"{name}: {value}")


def bytecode_note() -> str:
    """Whether the runs load dateline's own modules from bytecode, as an installed package does,
    or compile them from source each time (no ``__pycache__`` beside an editable checkout when
    ``PYTHONDONTWRITEBYTECODE`` is set: ~20 modules for ``quotes``, ~60 for ``analyze``)."""
    import dateline.cli

    source = dateline.cli.__file__ or ""
    if Path(importlib.util.cache_from_source(source)).exists():
        return "dateline's modules: loaded from bytecode"
    why = " (PYTHONDONTWRITEBYTECODE is set)" if sys.flags.dont_write_bytecode else ""
    return f"dateline's modules: no bytecode cache{why}, compiled from source in every run"


def _article() -> Path:
    found = sorted(SEED.glob("*.txt"))
    if not found:
        raise SystemExit(f"{SEED}: no example article to analyse")
    return found[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dateline = str(BIN / "dateline")
    trafilatura = shutil.which("trafilatura", path=str(BIN)) or "trafilatura"
    article = _article()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "small.db"
        subprocess.run(
            [dateline, "ingest", str(article), str(article), "--db", str(store), "--workers", "0"],
            capture_output=True,
            check=True,
        )
        cases = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("trafilatura --help", [trafilatura, "--help"]),
            ("dateline --help", [dateline, "--help"]),
            ("dateline quotes --db small.db", [dateline, "quotes", "--db", str(store)]),
            ("dateline analyze one article", [dateline, "analyze", str(article)]),
        ]
        load = os.getloadavg()
        print(f"machine load {load[0]:.2f} (1 min), {load[1]:.2f} (5 min); {args.runs} runs each")
        print(bytecode_note())
        print(f"{'command':<32} {'wall min':>9} {'median':>8} {'CPU min':>8} {'median':>8}")
        base: float | None = None
        for name, command in cases:
            walls, cpus = measure(command, args.runs)
            cpu_min = min(cpus)
            if name == "trafilatura --help":
                base = cpu_min
            baseline_row = base is None or name == "trafilatura --help"
            ratio = "" if baseline_row else f"  {cpu_min / base:.1f}x trafilatura"
            print(
                f"{name:<32} {min(walls):>9.3f} {statistics.median(walls):>8.3f} "
                f"{cpu_min:>8.3f} {statistics.median(cpus):>8.3f}{ratio}"
            )
    print(
        "targets (issue 12): dateline --help and dateline quotes on a small store under 0.4 s; "
        "a one-article dateline analyze under 2 s (wall, idle machine)"
    )
    stages(article, args.runs)


if __name__ == "__main__":
    main()
