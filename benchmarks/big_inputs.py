"""Peak memory of ``dateline ingest`` on inputs far over the size limits, each in a subprocess.

Builds, in a temporary folder (streaming, never holding the content in memory):

- ``line``: a ``.jsonl.gz`` of about 1 MB holding one JSON line of ``--line-mb`` MB (1 GB by
  default, one letter repeated: it compresses 1000 to 1);
- ``feed``: an RSS file of ``--feed-mb`` MB whose one entry is a single run of text;
- ``feed-11mb``: an RSS file with one entry of 11 MB of text (over libxml2's 10 MB text node);
- ``feed-over-cap``: an RSS file of ``--over-cap-mb`` MB (250 MB), its one entry a run of text.

Each is ingested with ``--workers 0`` (reading and analysis in one process) into a fresh SQLite
file; the script prints the peak resident memory of that process (``wait4`` rusage), the wall
time, the exit status, and what the ``inputs`` table holds: status, reason, stored text length.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHUNK = 1024 * 1024
"""Bytes written at a time while generating the inputs."""

SENTENCE = "The minister said the plan would work and the vote would pass next week. "


def write_big_line(path: Path, megabytes: int) -> None:
    """A gzip JSONL file with one line ``{"text": "aaa..."}`` of ``megabytes`` MB."""
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b'{"text": "')
        block = b"a" * CHUNK
        for _ in range(megabytes):
            fh.write(block)
        fh.write(b'"}\n')


def write_feed(path: Path, entries: list[tuple[str, int]]) -> None:
    """An RSS feed; each entry ``(title, size)`` has ``size`` bytes of text in one node."""
    with path.open("wb") as fh:
        fh.write(b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Big</title>\n')
        for n, (title, size) in enumerate(entries, 1):
            fh.write(f"<item><title>{title}</title><guid>entry-{n}</guid>".encode())
            fh.write(b"<pubDate>Fri, 09 May 2014 10:00:00 GMT</pubDate><description>")
            block = (SENTENCE * (CHUNK // len(SENTENCE) + 1)).encode()[:CHUNK]
            left = size
            while left > 0:
                fh.write(block[: min(left, CHUNK)])
                left -= CHUNK
            fh.write(b"</description></item>\n")
        fh.write(b"</channel></rss>\n")


def measure(name: str, path: Path, folder: Path) -> None:
    """Ingest ``path`` in a subprocess; print peak RSS, time, exit status and the inputs."""
    db = folder / f"{name}.db"
    command = [sys.executable, "-m", "dateline.cli", "ingest", str(path), "--db", str(db)]
    command += ["--workers", "0", "--no-progress"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # wait4 gives the rusage of this one child; read its pipes afterwards (they are small)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    output = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    size = path.stat().st_size / 1e6
    print(f"== {name}: {path.name} ({size:.1f} MB on disk)")
    print(f"   peak RSS {usage.ru_maxrss / 1024:.0f} MB, {seconds:.1f} s, exit status {code}")
    for line in output.strip().splitlines()[-4:]:
        print(f"   stderr: {line[:200]}")
    if db.exists():
        with sqlite3.connect(db) as conn:
            rows = conn.execute(
                "SELECT i.key, i.status, i.reason, length(a.text) FROM inputs i "
                "LEFT JOIN articles a ON a.id = i.article_id ORDER BY i.pk"
            ).fetchall()
        for key, state, reason, length in rows:
            where = key.rsplit("/", 1)[-1]
            detail = reason if reason else f"text of {length} characters"
            print(f"   input {where}: {state}: {detail[:200]}")


def main(argv: list[str] | None = None) -> int:
    """Build the inputs asked for and measure each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--line-mb", type=int, default=1024, help="size of the one JSON line")
    parser.add_argument("--feed-mb", type=int, default=105, help="size of the one-entry feed")
    parser.add_argument(
        "--over-cap-mb", type=int, default=250, help="size of the feed over the cap"
    )
    parser.add_argument(
        "--only", nargs="*", default=None, help="line, feed, feed-11mb, feed-over-cap"
    )
    args = parser.parse_args(argv)
    wanted = set(args.only or ["line", "feed", "feed-11mb", "feed-over-cap"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "line" in wanted:
            path = folder / "one-line.jsonl.gz"
            write_big_line(path, args.line_mb)
            measure("line", path, folder)
            path.unlink()
        if "feed" in wanted:
            path = folder / "big.rss"
            write_feed(path, [("Huge entry 1", args.feed_mb * 1_000_000)])
            measure("feed", path, folder)
            path.unlink()
        if "feed-11mb" in wanted:
            path = folder / "eleven.rss"
            write_feed(path, [("Eleven MB entry", 11_000_000)])
            measure("feed-11mb", path, folder)
            path.unlink()
        if "feed-over-cap" in wanted:
            path = folder / "over-cap.rss"
            write_feed(path, [("Huge entry 2", args.over_cap_mb * 1_000_000)])
            measure("feed-over-cap", path, folder)
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
