"""Draw a seeded random sample of BBC politics articles for hand-coding quote attributions.

The ``*.txt`` file names in the data folder are sorted by name and
``random.Random(seed).sample(names, n)`` draws ``n`` of them; the drawn names are printed
sorted, one per line.

Usage: python scripts/sample_quote_articles.py [--data DIR] [--n 20] [--seed 20261129]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "bbc" / "politics-train"


def sample(data: Path, n: int, seed: int) -> list[str]:
    """Return ``n`` article file names drawn with ``seed`` from ``data``, sorted."""
    names = sorted(p.name for p in data.glob("*.txt"))
    return sorted(random.Random(seed).sample(names, n))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20261129)
    args = parser.parse_args(argv)
    for name in sample(args.data, args.n, args.seed):
        print(name)


if __name__ == "__main__":
    main()
