"""Is every stage after the parse linear in article length? Quotes, actors and events CPU time
for one article of 1k, 20k, 100k and 400k characters built from PolNeAR dev texts.

Each size is a single article: the dev texts joined paragraph by paragraph until the size is
reached, so the mix of quotes, names and pronouns per character stays the same. Printed per size:
CPU milliseconds of the parse and of each stage, and each stage's milliseconds per 1,000
characters as a ratio to the same figure at 20k (the baseline, measured in the same run). A linear
stage keeps that ratio near 1; a quadratic one grows it with the size (×20 at 400k).
CPU seconds come from ``resource.getrusage`` (this process; the stages run in-process).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
from collections.abc import Callable
from pathlib import Path

from dateline import nlp
from dateline.actors import extract_actors
from dateline.events import extract_events
from dateline.ingest import from_text
from dateline.quotes import extract_quotes
from dateline.structure import structure

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"
SIZES = (1_000, 20_000, 100_000, 400_000)
BASELINE = 20_000


def cpu() -> float:
    """CPU seconds (user + system) of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(run: Callable[[], object]) -> tuple[float, object]:
    """CPU milliseconds of one call and its result."""
    start = cpu()
    result = run()
    return 1000 * (cpu() - start), result


def build_text(paragraphs: list[str], size: int) -> str:
    """Paragraphs in order (cycling) until ``size`` characters, cut at a paragraph end."""
    out: list[str] = []
    length, i = 0, 0
    while length < size:
        paragraph = paragraphs[i % len(paragraphs)]
        out.append(paragraph)
        length += len(paragraph) + 2
        i += 1
    return "\n\n".join(out)


def dev_paragraphs(split: Path) -> list[str]:
    """Non-empty paragraphs of the dev texts, in file order."""
    paragraphs = []
    for path in sorted((split / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs.extend(p.strip() for p in text.split("\n") if p.strip())
    return paragraphs


def measure(text: str, model: str | None) -> dict[str, float]:
    """CPU ms of the parse, actors, quotes and events on one article."""
    article = structure(from_text(text))
    parse_ms, doc = timed(lambda: next(iter(nlp.pipe([article.text], model))))
    actors_ms, entities = timed(lambda: extract_actors(article, doc))
    quotes_ms, found = timed(lambda: extract_quotes(article, doc, entities))
    events_ms, _ = timed(lambda: extract_events(article, doc, entities, found[0]))
    return {"parse": parse_ms, "actors": actors_ms, "quotes": quotes_ms, "events": events_ms}


def main(argv: list[str] | None = None) -> int:
    """Time each size and print the table with per-character ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None, help="spaCy pipeline name")
    parser.add_argument("--split", type=Path, default=DEV, help="folder holding text/*.txt")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args(argv)
    paragraphs = dev_paragraphs(args.split)
    if not paragraphs:
        print(f"no texts under {args.split / 'text'}")
        return 2
    loaded = nlp.load(args.model)
    loaded.max_length = max(loaded.max_length, 2 * max(args.sizes))
    sizes = sorted(set(args.sizes) | {BASELINE})
    measure(build_text(paragraphs, 5_000), args.model)  # warm-up: lazy tables load once
    rows = {size: measure(build_text(paragraphs, size), args.model) for size in sizes}
    print(f"model {nlp.model_name(args.model)}; load average {os.getloadavg()[0]:.2f}; CPU ms")
    stages = ("parse", "actors", "quotes", "events")
    print(f"{'chars':>9} " + " ".join(f"{s:>9} {'/1k÷20k':>8}" for s in stages))
    base = {s: rows[BASELINE][s] / BASELINE for s in stages}
    for size in sizes:
        cells = []
        for stage in stages:
            ms = rows[size][stage]
            ratio = (ms / size) / base[stage] if base[stage] else float("nan")
            cells.append(f"{ms:9.0f} {ratio:8.2f}")
        print(f"{size:>9,} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
