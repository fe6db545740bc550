"""CPU time of the events stage against the parse on 200 PolNeAR train texts (target <= 0.15).

CPU seconds (``resource.getrusage``, this process and its children), not wall time: the machine
is shared. Both are measured in the same run, best of ``--repeats``; the one-off loading of the
packaged tables and model is timed apart.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dateline import nlp
from dateline.actors import extract_actors
from dateline.events import extract_events
from dateline.ingest import read_path
from dateline.quotes import extract_quotes
from dateline.structure import structure

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train"
TARGET = 0.15


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def best_cpu(repeats: int, run: Callable[[], object]) -> float:
    """The least CPU time of ``repeats`` runs."""
    spent = []
    for _ in range(repeats):
        start = cpu_seconds()
        run()
        spent.append(cpu_seconds() - start)
    return min(spent)


def main(argv: list[str] | None = None) -> int:
    """Parse, analyse and code the texts; print CPU seconds and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy pipeline name")
    parser.add_argument("--split", type=Path, default=TRAIN, help="folder holding text/*.txt")
    parser.add_argument("--texts", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    paths = sorted((args.split / "text").glob("*.txt"))[: args.texts]
    if not paths:
        print(f"no texts under {args.split / 'text'}")
        return 2
    articles = [structure(read_path(p)) for p in paths]
    texts = [a.text for a in articles]
    nlp.load(args.model)
    docs = list(nlp.pipe(texts, args.model))
    entities = [extract_actors(a, d) for a, d in zip(articles, docs, strict=True)]
    quotes = [extract_quotes(a, d, e)[0] for a, d, e in zip(articles, docs, entities, strict=True)]
    start = cpu_seconds()
    extract_events(articles[0], docs[0], entities[0], quotes[0])  # loads tables and model once
    load_s = cpu_seconds() - start
    parse_s = best_cpu(args.repeats, lambda: list(nlp.pipe(texts, args.model)))
    events_s = best_cpu(
        args.repeats,
        lambda: [
            extract_events(a, d, e, q)
            for a, d, e, q in zip(articles, docs, entities, quotes, strict=True)
        ],
    )
    ratio = events_s / parse_s
    load1, load5, _ = os.getloadavg()
    print(f"model            {nlp.model_name(args.model)}")
    print(f"texts            {len(texts)} ({sum(map(len, texts)):,} characters)")
    print(f"machine load     {load1:.2f} (1 min), {load5:.2f} (5 min) on {os.cpu_count()} cores")
    print(f"tables + model   {load_s:.3f} CPU s, once per process")
    print(f"parse (nlp.pipe) {parse_s:.3f} CPU s (best of {args.repeats})")
    print(f"events stage     {events_s:.3f} CPU s (best of {args.repeats})")
    verdict = "ok" if ratio <= TARGET else "OVER TARGET"
    print(f"events / parse   {ratio:.3f}, target <= {TARGET:.2f} ({verdict})")
    print(f"wall clock now   {time.strftime('%Y-%m-%d %H:%M:%S')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
