"""Soak test: ingest many articles with hostile ones mixed in, then the same without them.

Builds ``--articles`` inputs (2,000 by default) in a temporary folder: PolNeAR train and dev
texts, cycled, each with a sentence of its own appended (so that no two are the same bytes),
and ``--hostile-share`` (5%) of hostile single-article inputs from ``tests/hostile_corpus.py``
in between (each made unique too), among them 20,000 quoted words that run into the
``--timeout``. Both runs use ``--workers`` processes (2) and write to a fresh SQLite file.

Prints for each run: inputs, wall time, articles/s, CPU seconds (this process and its workers,
``getrusage``), the load average, peak RSS of each worker, counts by status, and whether
stored + duplicate + near-duplicate + failed = inputs; then the throughput of the ordinary
articles with the hostile ones mixed in over that without them (target: at least 0.9).
``--articles 200`` makes a quick check.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile_corpus import ARTICLE, single_article_cases, write_corpus  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
TIMEOUT_QUOTED_WORDS = 20_000
"""Quoted words in the hostile input meant to run into the time budget: each is a quotation of
its own, about 24 s of CPU for 20,000 (runs of bare quote marks no longer are: the parser gets
them tamed, ``dateline.nlp.tame``)."""
TARGET_RATIO = 0.9
"""Throughput of the ordinary articles with hostile ones mixed in, over that without them."""


def polnear_texts() -> list[Path]:
    """The PolNeAR train and dev texts, in name order."""
    paths = []
    for split in ("train", "dev"):
        paths += sorted((POLNEAR / split / "text").glob("*.txt"))
    return paths


def unique(data: bytes, n: int) -> bytes:
    """``data`` made different from every other input: a sentence (or bytes) of its own."""
    if data.startswith(b"\x1f\x8b"):
        return data + f"#{n}".encode()  # gzip: trailing bytes (an error after the content)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data + f"\n\nSoak note {n}.\n".encode("utf-16-le")
    return data + f"\n\nSoak note {n}: the figures were checked again by desk {n}.\n".encode()


def build(folder: Path, articles: int, share: float) -> tuple[list[Path], list[Path]]:
    """Write the inputs; the ordinary and the hostile files."""
    texts = polnear_texts()
    if not texts:
        raise SystemExit(f"no PolNeAR texts under {POLNEAR}")
    corpus = folder.parent / "hostile-corpus"
    hostile_cases = single_article_cases(write_corpus(corpus))
    kinds = [(c.file, (corpus / c.file).read_bytes()) for c in hostile_cases]
    words = " ".join(f'"word{i}"' for i in range(TIMEOUT_QUOTED_WORDS))
    slow = (ARTICLE + words + "\n\nThe end, officials said.\n").encode()
    kinds.insert(0, ("timeout-quoted-words.txt", slow))
    every = round(1 / share) if share > 0 else 0
    folder.mkdir(parents=True)
    good: list[Path] = []
    bad: list[Path] = []
    for n in range(articles):
        if every and n % every == every // 2:
            name, data = kinds[len(bad) % len(kinds)]
            path = folder / f"{n:05d}-hostile-{name}"
            path.write_bytes(unique(data, n))
            bad.append(path)
        else:
            source = texts[len(good) % len(texts)]
            path = folder / f"{n:05d}-{source.name}"
            path.write_bytes(unique(source.read_bytes(), n))
            good.append(path)
    return good, bad


def cpu_seconds() -> float:
    """User + system CPU of this process and its reaped children so far."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def run(name: str, paths: list[Path], folder: Path, workers: int, timeout: float) -> dict:
    """One ingest into a fresh SQLite file; prints its figures and returns them."""
    from dateline.batch import ingest
    from dateline.limits import Limits

    db = folder / f"{name}.db"
    load_before = os.getloadavg()
    cpu_before = cpu_seconds()
    start = time.perf_counter()
    summary = ingest(paths, str(db), workers=workers, limits=Limits(timeout=timeout))
    wall = time.perf_counter() - start
    cpu = cpu_seconds() - cpu_before
    load_after = os.getloadavg()
    accounted = summary.stored + summary.duplicate + summary.near_duplicate + summary.failed
    peaks = ", ".join(f"{mb:.0f}" for mb in sorted(summary.peak_rss_mb.values())) or "-"
    print(f"== {name}: {len(paths)} inputs, --workers {workers}, --timeout {timeout:g}")
    print(f"   wall {wall:.1f} s, {len(paths) / wall:.2f} articles/s, CPU {cpu:.1f} s")
    print(
        f"   load average {load_before[0]:.2f} before, {load_after[0]:.2f} after "
        f"({os.cpu_count()} CPUs)"
    )
    print(f"   peak RSS per worker (MB): {peaks} ({len(summary.peak_rss_mb)} worker processes)")
    print(f"   {summary.line()}")
    verdict = "ok" if accounted == len(paths) else "MISMATCH"
    print(
        f"   stored {summary.stored} + duplicate {summary.duplicate} + near-duplicate "
        f"{summary.near_duplicate} + failed {summary.failed} = {accounted} of {len(paths)} "
        f"inputs: {verdict}"
    )
    reasons: dict[str, int] = {}
    for reason in summary.failures:
        kind = reason.split(": ", 1)[-1].split(" (")[0][:60]
        reasons[kind] = reasons.get(kind, 0) + 1
    for kind, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"   failed {count:4d}  {kind}")
    return {"wall": wall, "cpu": cpu, "ok": accounted == len(paths)}


def main(argv: list[str] | None = None) -> int:
    """Build the inputs, run with and without the hostile ones, compare."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000, help="inputs in all")
    parser.add_argument("--hostile-share", type=float, default=0.05, help="share of hostile ones")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds an article may take")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dateline-soak-") as tmp:
        folder = Path(tmp)
        good, bad = build(folder / "inputs", args.articles, args.hostile_share)
        print(f"inputs: {len(good)} PolNeAR articles (made unique) + {len(bad)} hostile")
        mixed = run("mixed", sorted(good + bad), folder, args.workers, args.timeout)
        plain = run("ordinary only", good, folder, args.workers, args.timeout)
    ratio = plain["wall"] / mixed["wall"]
    cpu_ratio = plain["cpu"] / mixed["cpu"] if mixed["cpu"] else 0.0
    print(
        f"throughput of the {len(good)} ordinary articles, mixed / alone: {ratio:.2f} by wall "
        f"time, {cpu_ratio:.2f} by CPU time (target >= {TARGET_RATIO})"
    )
    return 0 if mixed["ok"] and plain["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
