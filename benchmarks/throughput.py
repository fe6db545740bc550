"""Ingest throughput against spaCy alone, over the same PolNeAR train texts, in one run.

Prints the rate of ``nlp.pipe`` alone (pipeline loaded beforehand, not timed), the rate of
``dateline ingest`` into a fresh SQLite file with 1 and with 2 worker processes (timed end to end:
worker start, model load, reading, analysis, writing), the ratios, and each worker's peak RSS.
Both run BLAS on one thread (faster here than its default threads).
Targets: ingest / spaCy-alone >= 0.75 with 1 worker; 2 workers >= 1.6x one; <= 1.5 GB a worker.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # spaCy alone gets the same one-thread BLAS as workers

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"


def spacy_alone(paths: list[Path], model: str | None) -> float:
    """Seconds for ``nlp.pipe`` over the texts (pipeline already loaded)."""
    from dateline import nlp

    texts = [p.read_text("utf-8") for p in paths]
    nlp.load(model)
    list(nlp.pipe(texts[:8], model))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, model):
        pass
    return time.perf_counter() - start


def ingest_run(paths: list[Path], workers: int, model: str | None):
    """One ingest into a fresh SQLite file; returns the summary."""
    from dateline.batch import ingest

    with tempfile.TemporaryDirectory() as tmp:
        return ingest(paths, str(Path(tmp) / "bench.db"), workers=workers, model=model)


def main(argv: list[str] | None = None) -> int:
    """Run the three timings and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=Path, default=TRAIN, help="folder of .txt articles")
    parser.add_argument("-n", type=int, default=300, help="how many texts (first in name order)")
    parser.add_argument("--model", default=None, help="spaCy pipeline name")
    args = parser.parse_args(argv)
    paths = sorted(args.texts.glob("*.txt"))[: args.n]
    if not paths:
        print(f"no texts under {args.texts}")
        return 2
    chars = sum(len(p.read_text("utf-8")) for p in paths)
    print(f"texts            {len(paths)} ({chars:,} characters) from {args.texts}")
    spacy_s = spacy_alone(paths, args.model)
    spacy_rate = len(paths) / spacy_s
    print(f"spaCy alone      {spacy_s:7.1f} s  {spacy_rate:6.2f} articles/s  (nlp.pipe, loaded)")
    rates = {}
    for workers in (1, 2):
        summary = ingest_run(paths, workers, args.model)
        if summary.failed or summary.stored + summary.near_duplicate != len(paths):
            print(f"ingest --workers {workers}: {summary.line()}; {summary.failures[:2]}")
        rates[workers] = len(paths) / summary.seconds
        peaks = ", ".join(f"{v:.0f}" for v in sorted(summary.peak_rss_mb.values()))
        print(
            f"ingest {workers} worker{'s' if workers > 1 else ' '} {summary.seconds:7.1f} s  "
            f"{rates[workers]:6.2f} articles/s  (end to end; peak RSS per worker MB: {peaks})"
        )
        if workers == 1:
            ingest_peak = max(summary.peak_rss_mb.values(), default=0.0)
    ratio = rates[1] / spacy_rate
    scale = rates[2] / rates[1]
    print(f"ratio ingest(1 worker) / spaCy alone  {ratio:.2f}  (target >= 0.75)")
    print(f"speed-up 2 workers / 1 worker         {scale:.2f}  (target >= 1.6)")
    print(f"peak RSS of a worker                  {ingest_peak:.0f} MB  (target <= 1536 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
