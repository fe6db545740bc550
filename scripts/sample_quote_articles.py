"""Draw a seeded random sample of BBC politics articles for hand-coding quote attributions.

The ``*.txt`` file names in the data folder are sorted by name, the files named by the
non-comment lines of ``--exclude`` gold TSV files (first column) are removed, and
``random.Random(seed).sample(names, n)`` draws ``n`` of the rest; the drawn names are printed
sorted, one per line. (With no ``--exclude`` the draw is the one of 2026-11-29's gold.)

Usage: python scripts/sample_quote_articles.py [--data DIR] [--n 20] [--seed 20261129]
       [--exclude GOLD.tsv ...]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "bbc" / "politics-train"


def excluded(paths: list[Path]) -> set[str]:
    """The file names in the first column of the non-comment lines of gold TSV ``paths``."""
    return {
        line.split("\t", 1)[0]
        for path in paths
        for line in path.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }


def sample(data: Path, n: int, seed: int, exclude: set[str] | None = None) -> list[str]:
    """Return ``n`` article file names drawn with ``seed`` from ``data`` (less ``exclude``),
    sorted."""
    names = sorted(p.name for p in data.glob("*.txt") if p.name not in (exclude or set()))
    return sorted(random.Random(seed).sample(names, n))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    for name in sample(args.data, args.n, args.seed, excluded(args.exclude)):
        print(name)


if __name__ == "__main__":
    main()
