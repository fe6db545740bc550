"""Inputs as people hold them: directories, .gz of every kind, CSV/TSV and JSONL with named
columns, for ``analyze`` and ``ingest``; and sizes checked while reading, before memory is spent
(a giant JSONL line, a feed entry over the limit, a feed over its cap, a truncated WARC)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hostile_corpus import ARTICLE, build_rss, build_warc
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest import sources, tables
from dateline.ingest.sources import Sources
from dateline.ingest.tables import Columns, bounded_lines, csv_rows

STORIES = [
    ("n1", "Bridge approved", "2016-05-02", ARTICLE),
    (
        "n2",
        "Harbour strike",
        "2016-05-09",
        "LISBON, May 9 (Reuters) - Dock workers in the port walked out on Friday.\n\n"
        '"We will not go back until the offer improves," union leader Marco Teixeira said.\n',
    ),
    (
        "n3",
        "Mayor re-elected",
        "2016-11-08",
        "BOSTON, Nov 8 (Reuters) - Mayor Alan Brooks won a second term on Tuesday night.\n\n"
        '"The voters have spoken and I am grateful," Brooks said in his victory speech.\n',
    ),
]


def write_csv(path: Path, header: list[str], rows: list[tuple[str, ...]], delimiter=",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def stored(db: Path) -> list[tuple[str, str, str | None, str | None]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT i.key, i.status, a.title, a.published FROM inputs i "
            "LEFT JOIN articles a ON a.id = i.article_id ORDER BY i.pk"
        ).fetchall()


# -- the command line ----------------------------------------------------------------------------


def test_ingest_takes_a_csv_row_by_row_with_named_columns(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "news.csv", ["nid", "headline", "day", "story"], STORIES)
    db = tmp_path / "t.db"
    args = ["ingest", str(table), "--db", str(db), "--workers", "0", "--text-column", "story"]
    args += ["--title-column", "headline", "--date-column", "day", "--id-column", "nid"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "3 stored, 0 duplicate, 0 near-duplicate, 0 failed" in result.output
    rows = stored(db)
    base = str(table.resolve())
    assert [r[0] for r in rows] == [f"{base}#n1", f"{base}#n2", f"{base}#n3"]
    assert [(r[2], r[3]) for r in rows] == [(s[1], s[2]) for s in STORIES]


def test_a_table_without_a_text_column_is_refused_in_one_line_naming_its_columns(
    tmp_path: Path,
) -> None:
    table = write_csv(tmp_path / "test.csv", ["nid", "headline", "story"], STORIES)
    db = tmp_path / "t.db"
    result = CliRunner().invoke(app, ["ingest", str(table), "--db", str(db), "--workers", "0"])
    assert result.exit_code == 1, result.output
    assert "0 stored, 0 duplicate, 0 near-duplicate, 1 failed" in result.output
    assert "test.csv: no text column" in result.output
    assert "'nid', 'headline', 'story'" in result.output and "--text-column" in result.output
    named = CliRunner().invoke(
        app, ["ingest", str(table), "--db", str(db), "--workers", "0", "--text-key", "nope"]
    )
    assert "no column 'nope' (--text-column)" in named.output


def test_analyze_takes_a_directory_gz_csv_and_jsonl_and_writes_jsonl_in_order(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    page = f"<html><body><article><p>{STORIES[1][3]}</p></article></body></html>"
    (folder / "b.html.gz").write_bytes(gzip.compress(page.encode()))
    write_csv(folder / "c.tsv", ["id", "body"], [(s[0], s[3]) for s in STORIES[2:]], "\t")
    (folder / "d.jsonl.gz").write_bytes(
        gzip.compress(
            (json.dumps({"content": STORIES[2][3].replace("Boston", "Salem")}) + "\n").encode()
        )
    )
    (folder / "notes.md").write_text("not an article type", "utf-8")
    result = CliRunner().invoke(app, ["analyze", str(folder)])
    assert result.exit_code == 0, result.output
    documents = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    paths = [d["source"]["path"] for d in documents]
    assert paths == [
        str(folder / "a.txt"),
        str(folder / "b.html.gz"),
        f"{folder / 'c.tsv'}#1",
        f"{folder / 'd.jsonl.gz'}:1",
    ]
    assert "Marco Teixeira" in documents[1]["text"]

    one = CliRunner().invoke(app, ["analyze", str(folder / "b.html.gz")])
    assert one.exit_code == 0, one.output
    assert json.loads(one.stdout)["source"]["path"] == str(folder / "b.html.gz")


# -- reading, bounded ----------------------------------------------------------------------------


def test_a_line_over_the_limit_is_skipped_in_chunks_and_the_next_is_read() -> None:
    data = b'{"text": "a"}\n' + b"x" * 5000 + b"\n" + b'{"text": "b"}\n' + b"y" * 300
    lines = list(bounded_lines(io.BytesIO(data), limit=100))
    assert [(line.number, line.data is None, line.size) for line in lines] == [
        (1, False, 14),
        (2, True, 5001),
        (3, False, 14),
        (4, True, 300),
    ]


def test_a_row_over_the_limit_fails_alone_even_across_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "text,title\n"
        "one,1\n"
        f'"{"a" * 500}",2\n'
        f'"{("b" * 40 + chr(10)) * 20}",3\n'
        '"quoted ""x"",\nacross lines",4\n'
        "last,5\n"
    )
    monkeypatch.setattr(tables, "CSV_FIELD_LIMIT", 300)
    try:
        header, rows = csv_rows(io.StringIO(text, newline=""), ",", limit=200)
        got = list(rows)
    finally:
        csv.field_size_limit(tables.MAX_BYTES)
    assert header == ["text", "title"]
    assert [(r.number, r.fields and r.fields["title"]) for r in got] == [
        (1, "1"),
        (2, None),
        (3, None),
        (4, "4"),
        (5, "5"),
    ]
    assert got[1].error == "row too large (505 characters, limit 200)"
    assert got[2].error == "row too large (a field over 300 characters)"
    assert got[3].fields == {"text": 'quoted "x",\nacross lines', "title": "4"}


def test_a_feed_entry_over_the_limit_is_cut_out_before_parsing_and_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 5000)
    feed = tmp_path / "wire.rss"
    feed.write_bytes(
        build_rss(
            [
                ("g1", "Small", f"<p>{ARTICLE}</p>"),
                ("g2", "Huge", "<p>" + "word " * 3000 + "</p>"),
                ("g3", "After", "<p>LISBON - Dock workers walked out.</p>"),
            ]
        )
    )
    items = list(Sources([feed]))
    assert [i.key.rsplit("#", 1)[1] for i in items] == ["g1", "g2", "g3"]
    assert items[1].error and "wire.rss#g2: entry too large" in items[1].error
    assert items[2].raw is not None and "Dock workers" in items[2].raw.content


def test_a_feed_over_its_cap_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_FEED_BYTES", 1000)
    feed = tmp_path / "wire.rss.gz"
    feed.write_bytes(gzip.compress(build_rss([("g1", "Small", "<p>" + "w " * 2000 + "</p>")])))
    [item] = list(Sources([feed]))
    assert item.error and "wire.rss.gz: feed too large (over limit" in item.error


def test_a_text_node_over_10_mb_in_a_feed_entry_keeps_its_text() -> None:
    text = sources.html_to_text("<p>" + "word " * 2_200_000 + "</p>")
    assert len(text) > 10_000_000


def test_a_truncated_warc_record_fails_with_its_reason(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()
    warc = build_warc(
        [
            ("https://example.org/a", page, "text/html", "200 OK"),
            ("https://example.org/b", page.replace(b"bridge", b"tunnel"), "text/html", "200 OK"),
        ],
        gzipped=False,
    )
    path = tmp_path / "cut.warc"
    path.write_bytes(warc[: len(warc) - 40])
    items = list(Sources([path]))
    assert items[0].raw is not None
    assert items[1].error and "record cut short" in items[1].error
    (tmp_path / "head.warc").write_bytes(warc[:200])
    [empty] = list(Sources([tmp_path / "head.warc"]))
    assert empty.error and "no HTML response or resource records" in empty.error


def test_a_jsonl_gz_with_a_giant_line_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """A 150 MB line (150 KB of gzip) fails alone; reading it grows the process by less than
    the 40 MB line limit plus buffers, where holding it whole took three times its size."""
    path = tmp_path / "giant.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b'{"text": "')
        for _ in range(150):
            fh.write(b"a" * 1024 * 1024)
        fh.write(b'"}\n' + json.dumps({"text": ARTICLE}).encode() + b"\n")
    script = textwrap.dedent(
        f"""
        import resource
        from dateline.ingest.sources import Sources
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        items = list(Sources([{str(path)!r}]))
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print((after - before) // 1024, len(items), items[0].error, items[1].raw is not None)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    grown, count, *rest = out.stdout.split(" ", 2)
    assert count == "2", out.stdout + out.stderr
    assert "line 1 too large (157.3 MB, limit 40 MB)" in rest[0] and rest[0].endswith("True\n")
    assert int(grown) < 100, f"grew {grown} MB"


def test_columns_are_guessed_only_from_obvious_names(tmp_path: Path) -> None:
    table = write_csv(tmp_path / "t.csv", ["ID", "Headline", "Date", "Body"], STORIES)
    items = list(Sources([table]))
    assert [i.raw.title for i in items if i.raw] == [s[1] for s in STORIES]
    assert [i.raw.published for i in items if i.raw] == [s[2] for s in STORIES]
    keyed = list(Sources([table], columns=Columns(id="ID")))
    assert [i.key.rsplit("#", 1)[1] for i in keyed] == ["n1", "n2", "n3"]
