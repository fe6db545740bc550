"""Batch ingest into the store, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest_pg import fresh_database, pg_server

from dateline.batch import ingest
from dateline.ingest.sources import Sources
from dateline.store import models as m
from dateline.store import open_store, query_articles, query_quotes, query_stats

ARTICLES = {
    "budget": (
        "Senate passes budget after a long night.\n\n"
        "WASHINGTON, March 3 (Reuters) - The Senate passed the budget on Tuesday after a long "
        "debate over spending on roads, schools and the army.\n\n"
        '"This is a good day for the country," Senator Jane Holloway told reporters.\n\n'
        "Holloway said the bill would cut the deficit within five years.\n"
    ),
    "harbour": (
        "Harbour workers strike over pay.\n\n"
        "LISBON, May 9 (Reuters) - Dock workers in the port walked out on Friday.\n\n"
        '"We will not go back until the offer improves," union leader Marco Teixeira said.\n\n'
        "The port authority said talks would resume next week.\n"
    ),
    "election": (
        "Mayor wins second term.\n\n"
        "BOSTON, Nov 8 (Reuters) - Mayor Alan Brooks won a second term on Tuesday night.\n\n"
        '"The voters have spoken and I am grateful," Brooks said in his victory speech.\n'
    ),
}


@pytest.fixture(scope="session")
def pg_server_url():
    """The PostgreSQL server for this session, or a skip saying why there is none."""
    with pg_server() as (url, reason):
        yield url, reason


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path, pg_server_url) -> str:
    """A fresh database: a SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    url, reason = pg_server_url
    if url is None:
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    return fresh_database(url)


def write_articles(folder: Path, names=ARTICLES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / f"wire_2016-03-0{len(paths) + 1}_{name}.txt"
        path.write_text(ARTICLES[name], "utf-8")
        paths.append(path)
    return paths


def counts(url: str) -> dict[str, int]:
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            return {
                t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
                for t in m.metadata.sorted_tables
            }
    finally:
        store.close()


def test_ingesting_a_folder_stores_every_article_and_a_rerun_adds_nothing(tmp_path, db_url):
    write_articles(tmp_path / "in")
    first = ingest([tmp_path / "in"], db_url, workers=0)
    assert (first.stored, first.failed) == (3, 0)
    before = counts(db_url)
    second = ingest([tmp_path / "in"], db_url, workers=0)
    assert (second.stored, second.duplicate, second.unchanged) == (0, 0, 3)
    assert counts(db_url) == before
    assert before["articles"] == 3 and before["inputs"] == 3 and before["quotes"] >= 3


def test_quotes_are_found_by_speaker_words_and_date(tmp_path, db_url):
    write_articles(tmp_path / "in")
    ingest([tmp_path / "in"], db_url, workers=0, published_from_metadata=True)
    store = open_store(db_url)
    try:
        by_speaker = query_quotes(store, speaker="holloway")
        assert by_speaker and all("Holloway" in q["speaker_name"] for q in by_speaker)
        assert by_speaker[0]["date"] == "2016-03-01"  # from the file name
        found = query_quotes(store, search="voters grateful")
        assert [q["speaker_name"] for q in found] == ["Alan Brooks"]
        assert (
            query_quotes(store, search='"good day"')[0]["article_id"] == by_speaker[0]["article_id"]
        )
        assert query_quotes(store, since="2016-03-02", speaker="holloway") == []
        assert [a["title"] for a in query_articles(store, search="dock")] == [
            "Harbour workers strike over pay."
        ]
        stats = query_stats(store)
        assert stats["articles"] == 3
        assert stats["quotes"]["total"] == len(query_quotes(store))
    finally:
        store.close()


def test_jsonl_bad_lines_are_recorded_as_failed_with_reasons(tmp_path, db_url):
    lines = [
        json.dumps(
            {
                "text": ARTICLES["budget"],
                "url": "https://example.org/a",
                "title": "Budget",
                "published": "2016-03-03",
                "source": "Wire",
            }
        ),
        "{this is not json",
        json.dumps({"text": "   ", "url": "https://example.org/empty"}),
        json.dumps({"text": "\x00\x01\x02PK\x03\x04" * 40}),
        json.dumps(
            {
                "html": f"<html><body><article><p>{ARTICLES['harbour']}</p></article>"
                "</body></html>",
                "url": "https://example.org/b",
            }
        ),
    ]
    feed = tmp_path / "articles.jsonl"
    feed.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe\x00garbage\n")
    summary = ingest([feed], db_url, workers=0)
    assert (summary.stored, summary.failed) == (2, 4)
    reasons = " | ".join(summary.failures)
    assert "articles.jsonl:2: invalid JSON" in reasons
    assert "articles.jsonl:3: empty input" in reasons
    assert "articles.jsonl:4: binary" in reasons
    assert "articles.jsonl:6: not UTF-8" in reasons
    store = open_store(db_url)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(
                sa.select(m.inputs.c.key, m.inputs.c.status, m.inputs.c.reason)
            ).all()
            article = conn.execute(
                sa.select(m.articles.c.source, m.articles.c.date, m.articles.c.url).order_by(
                    m.articles.c.pk
                )
            ).first()
        assert sorted(r.status for r in rows) == ["failed"] * 4 + ["stored"] * 2
        assert all(r.reason for r in rows if r.status == "failed")
        assert tuple(article) == ("Wire", "2016-03-03", "https://example.org/a")
    finally:
        store.close()
    again = ingest([feed], db_url, workers=0)  # failures are tried again, stored lines are not
    assert (again.stored, again.unchanged, again.failed) == (0, 2, 4)
    assert counts(db_url)["inputs"] == 6


def test_same_content_under_another_name_is_a_duplicate(tmp_path, db_url):
    paths = write_articles(tmp_path / "in", ["budget"])
    copy = tmp_path / "copy.txt"
    copy.write_bytes(paths[0].read_bytes())
    summary = ingest([paths[0], copy], db_url, workers=0)
    assert (summary.stored, summary.duplicate) == (1, 1)
    assert counts(db_url)["articles"] == 1


def test_a_wire_copy_is_linked_to_the_first_copy_and_not_counted_again(tmp_path, db_url):
    long_text = ARTICLES["budget"] + "".join(
        f"Paragraph {i}: the committee discussed line item number {i} of the appropriations "
        f"bill, which covers funding for program {i * 7} across several federal agencies.\n\n"
        for i in range(40)
    )
    (tmp_path / "a.txt").write_text(long_text, "utf-8")
    (tmp_path / "b.txt").write_text(
        "By Wire Staff\n\n" + long_text + "\nCopyright 2016.\n", "utf-8"
    )
    summary = ingest([tmp_path / "a.txt", tmp_path / "b.txt"], db_url, workers=0)
    assert (summary.stored, summary.near_duplicate) == (1, 1)
    store = open_store(db_url)
    try:
        stats = query_stats(store)
        assert (stats["articles"], stats["near_duplicate_copies"]) == (1, 1)
        assert stats["quotes"]["total"] == len(query_quotes(store))
        with store.engine.connect() as conn:
            first, copy = conn.execute(
                sa.select(m.articles.c.id, m.articles.c.near_duplicate_of).order_by(m.articles.c.pk)
            ).all()
        assert copy.near_duplicate_of == first.id
    finally:
        store.close()


def test_an_interrupted_run_resumes_without_redoing_stored_work(tmp_path, db_url):
    write_articles(tmp_path / "in")

    def interrupted():
        for n, item in enumerate(Sources([tmp_path / "in"])):
            if n == 2:
                raise KeyboardInterrupt
            yield item

    from dateline.batch import Ingest

    store = open_store(db_url)
    try:
        summary = Ingest(store, workers=0, batch_size=1, progress=False).run(interrupted())
    finally:
        store.close()
    assert summary.interrupted and summary.stored == 2
    rest = ingest([tmp_path / "in"], db_url, workers=0)
    assert (rest.stored, rest.unchanged) == (1, 2)
    assert counts(db_url)["articles"] == 3
