"""Feeds, WARC, events, exports, the CLI commands, migrations and worker processes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
import typer
from test_store_ingest import ARTICLES, write_articles
from typer.testing import CliRunner

from dateline.batch import ingest
from dateline.exports import GDELT_COLUMNS, export
from dateline.ingest.sources import Sources, date_in_name
from dateline.schema import ActorRef, Document, Event, Source, Span
from dateline.store import (
    Record,
    events_table_rows,
    open_store,
    query_events,
    query_stats,
)
from dateline.store import models as m
from dateline.store.cli import register
from dateline.store.engine import alembic_config
from dateline.store.rows import article_row, child_rows
from dateline.store.search import fts5_query

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Harbour workers strike over pay</title><link>https://example.org/harbour</link>
<guid>harbour-1</guid><pubDate>Fri, 09 May 2014 10:00:00 GMT</pubDate>
<description><![CDATA[<p>LISBON, May 9 (Reuters) - Dock workers walked out on Friday.</p>
<p>"We will not go back until the offer improves," union leader Marco Teixeira said.</p>]]>
</description></item>
<item><title>Empty</title><link>https://example.org/empty</link><guid>empty-1</guid></item>
</channel></rss>
"""


def test_an_rss_feed_gives_one_article_per_entry_with_its_date(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS, "utf-8")
    items = list(Sources([feed]))
    assert [i.key.rsplit("#", 1)[1] for i in items] == ["harbour-1", "empty-1"]
    assert items[0].raw.published == "2014-05-09" and items[0].source == "Example Wire"
    assert "union leader Marco Teixeira said" in items[0].raw.content
    assert "empty entry" in items[1].error
    summary = ingest([feed], str(tmp_path / "t.db"), workers=0)
    assert (summary.stored, summary.failed) == (1, 1)


def test_a_warc_gives_its_html_responses(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    page = (
        "<html><head><title>Mayor wins second term</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in ARTICLES["election"].split("\n\n")[1:])
        + "</article></body></html>"
    ).encode()
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body, ctype, status in [
            ("https://example.org/2016/11/08/mayor", page, "text/html; charset=utf-8", "200 OK"),
            ("https://example.org/logo.png", b"\x89PNG\r\n", "image/png", "200 OK"),
            ("https://example.org/missing", b"<html>gone</html>", "text/html", "404 Not Found"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )
    sources = Sources([path], published_from_metadata=True)
    items = list(sources)
    assert len(items) == 1 and len(sources.skipped) == 2
    assert items[0].raw.url == "https://example.org/2016/11/08/mayor"
    assert items[0].raw.published == "2016-11-08"
    assert ingest([path], str(tmp_path / "t.db"), workers=0).stored == 1


def test_dates_in_file_names_and_urls():
    assert date_in_name("cnn_2016-09-12_story.txt") == "2016-09-12"
    assert date_in_name("https://x.org/2016/09/12/story") == "2016-09-12"
    assert date_in_name("report-2016-13-45.txt") is None


def test_search_words_become_safe_fts5_queries():
    assert fts5_query("tax returns") == '"tax" AND "returns"'
    assert fts5_query('"tax returns" -audit') == '("tax returns") NOT "audit"'
    assert fts5_query("trade OR tariff") == '("trade" OR "tariff")'
    assert fts5_query('elect* quo"te') == '"elect"* AND "quo""te"'


def _document_with_event() -> Document:
    text = "Russia and Turkey held talks in Ankara on Monday."
    document = Document(
        id="ev0000000000001",
        source=Source(path="x.txt", sha256="0" * 64, published="2016-12-01"),
        text=text,
        events=[
            Event(
                id="v1",
                type="CONSULT",
                cameo="040",
                source=ActorRef(code="RUSGOV", name="Russia"),
                target=ActorRef(code="TURGOV", name="Turkey"),
                date="2016-11-28",
                evidence=Span(text=text[:-1], start=0, end=len(text) - 1),
            ),
            Event(
                id="v2",
                type="ASSAULT",
                cameo="190",
                source=ActorRef(code="SYRREB"),
                evidence=Span(text="talks", start=21, end=26),
                negated=True,
            ),
        ],
    )
    return document


def test_events_are_stored_queried_tabled_and_exported_as_gdelt(tmp_path):
    store = open_store(str(tmp_path / "t.db"))
    try:
        document = _document_with_event()
        article = article_row(document, document.to_json(None))
        store.write(
            [
                Record(
                    "k",
                    "0" * 64,
                    "x.txt",
                    "file",
                    "stored",
                    article_id=document.id,
                    article=article,
                    children=child_rows(document),
                )
            ]
        )
        assert [e.event_id for e in query_events(store, source="RUS")] == ["v1"]
        assert [e.event_id for e in query_events(store, type="assault")] == ["v2"]
        assert [e.event_id for e in query_events(store, type="04")] == ["v1"]
        assert query_events(store, target="SYR") == []
        rows = events_table_rows(query_events(store))
        assert rows[0][:3] == ("date", "type", "cameo")
        assert rows[1][3] == "RUSGOV (Russia)" and rows[2][1] == "not ASSAULT"
        out = tmp_path / "events.tsv"
        assert export(store, "gdelt", out) == {str(out): 1}  # the negated one is left out
        fields = out.read_text().rstrip("\n").split("\t")
        assert len(fields) == len(GDELT_COLUMNS) == 61
        row = dict(zip(GDELT_COLUMNS, fields, strict=True))
        assert (
            row["Day"],
            row["Actor1Code"],
            row["Actor1CountryCode"],
            row["Actor1Type1Code"],
        ) == ("20161128", "RUSGOV", "RUS", "GOV")
        assert (row["EventCode"], row["EventRootCode"], row["QuadClass"]) == ("040", "04", "1")
        assert row["GoldsteinScale"] == "" and row["SOURCEURL"] == "x.txt"
    finally:
        store.close()


def test_parquet_export_reads_back_in_duckdb_with_the_same_counts(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    write_articles(tmp_path / "in")
    db = str(tmp_path / "t.db")
    ingest([tmp_path / "in"], db, workers=0)
    store = open_store(db)
    try:
        written = export(store, "parquet", tmp_path / "pq")
        stats = query_stats(store)
        export(store, "csv", tmp_path / "csv")
        jsonl = tmp_path / "docs.jsonl"
        export(store, "jsonl", jsonl)
    finally:
        store.close()
    for path, rows in written.items():
        assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall()[0][0] == rows
    pq, csv = tmp_path / "pq", tmp_path / "csv"
    quotes = duckdb.sql(f"SELECT count(*) FROM '{pq / 'quotes.parquet'}'").fetchall()[0][0]
    assert quotes == stats["quotes"]["total"]
    events = duckdb.sql(f"SELECT * FROM '{pq / 'events.parquet'}'")
    assert "cameo" in events.columns
    csv_rows = duckdb.sql(f"SELECT count(*) FROM '{csv / 'articles.csv'}'").fetchall()[0][0]
    assert csv_rows == stats["articles"] == 3
    docs = [Document.model_validate(json.loads(line)) for line in jsonl.read_text().splitlines()]
    assert len(docs) == 3 and all(not d.offset_errors() for d in docs)


def test_the_migrations_create_exactly_the_tables_of_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    store = open_store(str(tmp_path / "t.db"))
    try:
        with store.engine.connect() as conn:
            env = alembic_config(conn)
            assert env.get_main_option("script_location")
            context = MigrationContext.configure(
                conn, opts={"include_object": lambda o, n, t, r, c: not (n or "").count("_fts")}
            )
            assert compare_metadata(context, m.metadata) == []
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        store.close()


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_the_cli_ingests_reports_and_says_when_some_failed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_articles(tmp_path / "in")
    (tmp_path / "in" / "blob.txt").write_bytes(b"\x00\x01binary" * 50)
    runner = CliRunner()
    result = runner.invoke(_app(), ["ingest", "in", "--workers", "0", "--published-from-metadata"])
    assert result.exit_code == 1, result.output
    assert "3 stored, 0 duplicate, 0 near-duplicate, 1 failed" in result.output
    assert "blob.txt: binary" in result.output
    assert (tmp_path / "dateline.db").exists()  # the default database
    result = runner.invoke(_app(), ["quotes", "--speaker", "Brooks"])
    assert result.exit_code == 0 and "Alan Brooks (direct)" in result.output
    assert "2016-03-03" in result.output
    result = runner.invoke(_app(), ["stats"])
    assert "articles   3" in result.output and "1 failed" in result.output
    result = runner.invoke(_app(), ["actors", "--type", "PERSON"])
    assert "Jane Holloway" in result.output
    result = runner.invoke(_app(), ["export", "--format", "jsonl"])
    assert result.exit_code == 0 and len(result.stdout.strip().splitlines()) == 3
    result = runner.invoke(_app(), ["ingest", "in", "--workers", "0"])
    assert "0 stored" in result.output and "3 already ingested" in result.output


def test_two_worker_processes_store_the_same_as_one(tmp_path):
    write_articles(tmp_path / "in")
    summary = ingest([tmp_path / "in"], str(tmp_path / "t.db"), workers=2, batch_size=1)
    assert (summary.stored, summary.failed) == (3, 0)
    assert summary.peak_rss_mb and max(summary.peak_rss_mb.values()) < 1500


@pytest.mark.slow
def test_polnear_dev_ingests_once(tmp_path):
    dev = SHARED / "polnear" / "dev" / "text"
    if not dev.exists():
        pytest.skip(f"{dev} is absent (../shared/data not beside the project)")
    db = str(tmp_path / "dev.db")
    first = ingest([dev], db, workers=2)
    assert (first.stored, first.failed) == (84, 0)
    assert ingest([dev], db, workers=2).unchanged == 84
