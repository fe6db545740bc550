"""Start-up cost of the command line (issue 12): wall and CPU seconds, 5 runs each, min/median.

Measured in one run, so the figures compare: ``python -c pass`` (the interpreter alone) and
``trafilatura --help`` (a tool of the field, installed with dateline) as baselines, then
``dateline --help``, ``dateline quotes`` on a small store (two articles ingested first into a
temporary SQLite file) and a one-article ``dateline analyze``. CPU seconds are the children's
user + system time from ``resource.getrusage``, which a loaded machine disturbs far less than wall
time. Run from the repository root:

    python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
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
    print("targets (issue 12): dateline --help and dateline quotes on a small store under 0.4 s")


if __name__ == "__main__":
    main()
