"""Time the quotes stage against ``nlp.pipe`` over the PolNeAR dev texts (target: <= 15%)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dateline import nlp
from dateline.actors import extract_actors
from dateline.ingest import read_path
from dateline.structure import structure

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"
REPEATS = 3
TARGET = 15.0


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeats`` timed runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    """Load the texts, time each phase, print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None, help="spaCy pipeline name")
    parser.add_argument("--split", type=Path, default=DEV, help="folder holding text/*.txt")
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args(argv)
    try:
        from dateline.quotes import extract_quotes
    except ImportError:
        print("dateline.quotes.extract_quotes does not exist yet: nothing to time")
        return 2
    paths = sorted((args.split / "text").glob("*.txt"))
    if not paths:
        print(f"no texts under {args.split / 'text'}")
        return 2
    articles = [structure(read_path(p)) for p in paths]
    texts = [a.text for a in articles]
    nlp.load(args.model)  # loading is not part of the timed parse
    pipe_s = best_of(args.repeats, lambda: list(nlp.pipe(texts, args.model)))
    docs = list(nlp.pipe(texts, args.model))
    pairs = list(zip(articles, docs, strict=True))
    actors_s = best_of(args.repeats, lambda: [extract_actors(a, d) for a, d in pairs])
    entities = [extract_actors(a, d) for a, d in pairs]
    quotes_s = best_of(
        args.repeats,
        lambda: [extract_quotes(a, d, e) for (a, d), e in zip(pairs, entities, strict=True)],
    )
    quotes_pct, actors_pct = 100 * quotes_s / pipe_s, 100 * actors_s / pipe_s
    print(f"model            {nlp.model_name(args.model)}")
    print(f"texts            {len(texts)}")
    print(f"characters       {sum(map(len, texts)):,}")
    print(f"nlp.pipe         {pipe_s:.3f} s (best of {args.repeats})")
    print(f"actors stage     {actors_s:.3f} s ({actors_pct:.1f}% of nlp.pipe)")
    print(f"quotes stage     {quotes_s:.3f} s ({quotes_pct:.1f}% of nlp.pipe)")
    verdict = "ok" if quotes_pct <= TARGET else "OVER TARGET"
    print(
        f"quotes stage adds {quotes_pct:.1f}% to nlp.pipe time, target <= {TARGET:.0f}% ({verdict})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
