"""Draw a seeded random sample of sentences from the BBC politics articles for hand-coding.

Each article (one line of UTF-8 text) is split into sentences with a simple regex rule:
a sentence ends at ``.``, ``!`` or ``?``, optionally followed by a closing quote mark,
when that is followed by whitespace and then an uppercase letter or an opening quote.
A period directly after a single capital initial (``J.``) never ends a sentence.
Each sentence span is stripped of surrounding whitespace; sentences shorter than 6
words are skipped.  All remaining (file, start, end) spans of all files (files sorted
by name) are pooled; spans listed in ``--exclude`` gold TSV files (non-comment lines
starting ``file<TAB>start<TAB>end``) are removed from the pool; then
``random.Random(seed).sample`` draws ``n`` of them, printed as TSV
``file<TAB>start<TAB>end`` sorted by file and start.  Offsets are Python ``str`` indices
into the decoded text.

Usage: python scripts/sample_event_sentences.py [--data DIR] [--n 40] [--seed 20261128]
       [--exclude GOLD.tsv ...]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "bbc" / "politics-train"

# "!" or "?", or a "." not preceded by a lone capital initial ("J."), then an optional closing
# quote, when followed by whitespace and an uppercase letter or an opening quote.
BOUNDARY = re.compile(r"""(?:[!?]|(?<!\b[A-Z])\.)["'\u201d\u2019]?(?=\s+[A-Z"'\u201c\u2018])""")
MIN_WORDS = 6

Span = tuple[str, int, int]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return whitespace-stripped (start, end) spans of the sentences of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in BOUNDARY.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    stripped: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            stripped.append((s, e))
    return stripped


def collect(data: Path) -> list[Span]:
    """All sentences of at least ``MIN_WORDS`` words across the sorted article files."""
    pool: list[Span] = []
    for path in sorted(data.glob("*.txt"), key=lambda p: p.name):
        text = path.read_text("utf-8")
        for s, e in split_sentences(text):
            if len(text[s:e].split()) >= MIN_WORDS:
                pool.append((path.name, s, e))
    return pool


def read_excluded(paths: list[Path]) -> set[Span]:
    """The (file, start, end) spans named by the non-comment lines of gold TSV ``paths``."""
    excluded: set[Span] = set()
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            excluded.add((fields[0], int(fields[1]), int(fields[2])))
    return excluded


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument(
        "--exclude",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="gold TSV whose sentences (file, start, end) are left out of the pool; repeatable",
    )
    args = parser.parse_args(argv)
    excluded = read_excluded(args.exclude)
    pool = [span for span in collect(args.data) if span not in excluded]
    rng = random.Random(args.seed)
    for name, s, e in sorted(rng.sample(pool, args.n)):
        print(f"{name}\t{s}\t{e}")


if __name__ == "__main__":
    main()
