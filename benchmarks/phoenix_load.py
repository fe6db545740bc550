"""Load the full Phoenix dictionaries and print the time and peak memory it takes.

Usage: .venv/bin/python benchmarks/phoenix_load.py [DIR]   (default ../shared/data/phoenix)
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from dateline.petrarch import build
from dateline.petrarch.dictionaries import files_in


def main() -> None:
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "phoenix"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    if not folder.is_dir():
        sys.exit(f"no Phoenix dictionaries at {folder}")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    dictionaries = build(files_in(folder))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    lines = sum(
        len(p.read_text(encoding="utf-8", errors="replace").splitlines())
        for paths in dictionaries.files.values()
        for p in paths
    )
    print(f"files: {sum(len(v) for v in dictionaries.files.values())} ({lines} lines)")
    print(f"loaded: {dictionaries.summary()}")
    print(f"skipped malformed lines: {len(dictionaries.problems)}")
    print(f"load time: {seconds:.2f} s")
    print(f"peak RSS: {peak / 1024:.0f} MiB (before loading: {before / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
