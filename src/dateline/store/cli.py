"""Corpus commands: ``ingest``, ``quotes``, ``actors``, ``articles``, ``stats``, ``export``.

``register(app)`` adds them to the main ``dateline`` Typer app. A database fault ends a command
with one line on stderr and exit status 2; the commands that only read refuse a SQLite file that
does not exist instead of creating an empty one.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dateline.cli_errors import fail, report
from dateline.errors import EXIT_INTERRUPTED, EXIT_SOME_FAILED, DatelineError, show_traceback
from dateline.limits import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_TIMEOUT_S,
    NO_ESTIMATE_ENV,
    OVERRUN_MARGIN,
    Limits,
)
from dateline.options import Limit, Model, PlainHelp, Since, Until, iso_date

if TYPE_CHECKING:
    from dateline.ingest.tables import Columns
    from dateline.store import Store


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="DB",
        help="Database: a SQLite file path (default ./dateline.db, or $DATELINE_DB) or a "
        "postgresql://user:password@host/dbname URL.",
        show_default=False,
    ),
]


AnyLanguageOption = Annotated[
    bool,
    typer.Option(
        "--any-language",
        help="Analyse articles the language detector finds in another language than the "
        "pipeline's (refused by default, one line each).",
    ),
]


def allow_any_language(allowed: bool) -> None:
    """Let the pipeline analyse every language, here and in worker processes (they inherit
    ``DATELINE_ANY_LANGUAGE``)."""
    from dateline.ingest.language import ANY_LANGUAGE_ENV

    if allowed:
        os.environ[ANY_LANGUAGE_ENV] = "1"


TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0,
        metavar="SECONDS",
        help="Time budget of one article, in CPU seconds (a busy machine does not use it up), "
        "with a wall-clock backstop of 4 times as many seconds; an article that overruns either "
        "fails with the reason 'timed out' and the run goes on (0: none). An article whose "
        f"parse alone is estimated at over {OVERRUN_MARGIN:g} times the budget is refused before "
        f"it starts ('too long for the time budget'; {NO_ESTIMATE_ENV}=1 tries it anyway).",
    ),
]
MaxMemoryOption = Annotated[
    int,
    typer.Option(
        "--max-memory",
        min=0,
        metavar="MB",
        help="Memory budget of one article, in MB beyond the loaded pipeline; an article that "
        "needs more fails with the reason 'out of memory' (0: none).",
    ),
]


def limits_of(timeout: float, max_memory: int) -> Limits:
    """The per-article budget from the ``--timeout`` and ``--max-memory`` options."""
    return Limits(timeout, max_memory)


class ListFormat(StrEnum):
    """Output of the listing commands."""

    text = "text"
    jsonl = "jsonl"
    tsv = "tsv"


class ExportFormat(StrEnum):
    """Formats of ``dateline export``."""

    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"
    gdelt = "gdelt"


ListFormatOption = Annotated[
    ListFormat,
    typer.Option(
        "--format", "-f", metavar="FORMAT", help="text (a table), jsonl or tsv (all columns)."
    ),
]


@contextlib.contextmanager
def _session(db: str | None, create: bool = False) -> Iterator[Store]:
    """The open store for a command; a database fault (or a missing SQLite file, unless
    ``create``) ends the command with one line and exit status 2."""
    import sqlalchemy as sa

    from dateline.store import database_url, open_store
    from dateline.store.engine import problem

    try:
        store = open_store(db, create=create)
    except DatelineError as exc:
        raise fail(str(exc)) from exc
    except sa.exc.SQLAlchemyError as exc:
        show_traceback(exc)  # with --debug
        raise fail(problem(exc, database_url(db), "cannot open database")) from exc
    try:
        yield store
    except DatelineError as exc:
        raise fail(str(exc)) from exc
    except sa.exc.SQLAlchemyError as exc:
        show_traceback(exc)  # with --debug
        raise fail(problem(exc, store.url)) from exc
    finally:
        store.close()


def _clip(text: str | None, width: int) -> str:
    from dateline.terminal import clip

    return clip(text, width)


def _emit_rows(rows: list[dict[str, Any]], fmt: ListFormat, columns: list[str]) -> None:
    if fmt is ListFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    else:
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])


TextColumnOption = Annotated[
    str | None,
    typer.Option(
        "--text-column",
        "--text-key",
        metavar="NAME",
        help="CSV/TSV column or JSONL key holding the article text (default: one called text, "
        "body, content or article; html: HTML). A table without one is refused.",
    ),
]
TitleColumnOption = Annotated[
    str | None,
    typer.Option(
        "--title-column", metavar="NAME", help="CSV/TSV column or JSONL key of the title."
    ),
]
DateColumnOption = Annotated[
    str | None,
    typer.Option(
        "--date-column",
        metavar="NAME",
        help="CSV/TSV column or JSONL key of the publication date (ISO or RFC 822).",
    ),
]
IdColumnOption = Annotated[
    str | None,
    typer.Option(
        "--id-column",
        metavar="NAME",
        help="CSV/TSV column or JSONL key of a unique id: the input is then PATH#ID "
        "(default PATH#ROW for a row, PATH:LINE for a JSONL line).",
    ),
]


def columns_of(text: str | None, title: str | None, date: str | None, ident: str | None) -> Columns:
    """The ``Columns`` of the ``--text-column``, ``--title-column``, ``--date-column`` and
    ``--id-column`` options."""
    from dateline.ingest.tables import Columns

    return Columns(text or None, title or None, date or None, ident or None)


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Files or directories (recursive): .txt, .html, .jsonl, .csv/.tsv (one "
            "article a row), RSS/Atom, WARC; each also gzipped (.gz).",
        ),
    ],
    db: DbOption = None,
    workers: Annotated[
        int,
        typer.Option(min=0, metavar="N", help="Analysis processes (0: analyse in this process)."),
    ] = 1,
    published_from_metadata: Annotated[
        bool,
        typer.Option(
            "--published-from-metadata",
            help="Also take the publication date from a date in the file name or URL "
            "(cnn_2016-09-12_x.txt, /2016/09/12/) when the input gives none; it fixes the year "
            "of dates. JSONL and feed 'published' dates are always used.",
        ),
    ] = False,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Publication date YYYY-MM-DD for every input (default: each input's own).",
            callback=iso_date,
        ),
    ] = None,
    model: Model = None,
    batch_size: Annotated[
        int, typer.Option(min=1, metavar="N", help="Articles per batch and transaction.")
    ] = 8,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal)."),
    ] = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT_S,
    max_memory: MaxMemoryOption = DEFAULT_MAX_MEMORY_MB,
    any_language: AnyLanguageOption = False,
    retry_failed: Annotated[
        bool,
        typer.Option(
            "--retry-failed",
            help="Analyse again the inputs that ran out of time or memory in an earlier run "
            "(skipped otherwise; other failures are always tried again).",
        ),
    ] = False,
    text_column: TextColumnOption = None,
    title_column: TitleColumnOption = None,
    date_column: DateColumnOption = None,
    id_column: IdColumnOption = None,
    engine: Annotated[
        str,
        typer.Option(
            metavar="local|ray|dask",
            help="Where the analysis runs: local worker processes, a Dask or a Ray cluster "
            "(local with --workers N, or --address); see docs/SCALE.md.",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            metavar="ADDR",
            help="Address of an existing Dask (tcp://host:8786) or Ray (auto, ray://host:10001) "
            "cluster (default: start one here).",
        ),
    ] = None,
    parquet: Annotated[
        str | None,
        typer.Option(
            metavar="DIR",
            help="Also write the stored tables to DIR as Parquet partitioned by date "
            "(DIR/quotes/date=YYYY-MM-DD/part-0.parquet, ...), rewriting the dates this run stored.",
        ),
    ] = None,
) -> None:
    """Ingest articles into the database. Every input is recorded (stored, duplicate,
    near-duplicate, failed + reason); a rerun skips what is stored.

    Each article runs in a worker process under the --timeout and --max-memory budget: a worker
    that overruns is killed and replaced, the article is recorded as failed with the reason and
    the run goes on (--workers 0: in this process, the budget checked by a timer, best effort).

    Exit status: 0 all inputs stored; 1 some inputs failed (each named on stderr and recorded);
    2 usage or environment error (bad option, unreachable or locked database, missing spaCy
    pipeline); 130 interrupted (run the same command again to resume).

    \b
    Examples:
      dateline ingest articles/ feed.xml crawl.warc.gz --db corpus.db
      dateline ingest articles/ --db postgresql://user:pw@host/db --workers 2"""
    from dateline.engines import EngineIngest
    from dateline.ingest.sources import Sources

    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s")
    allow_any_language(any_language)
    show = sys.stderr.isatty() if progress is None else progress
    columns = columns_of(text_column, title_column, date_column, id_column)
    sources = Sources(paths, published_from_metadata, columns)
    total = sources.estimate() if show else None
    with _session(db, create=True) as store:
        run = EngineIngest(
            store,
            workers,
            published,
            model,
            batch_size,
            progress=show,
            limits=limits_of(timeout, max_memory),
            retry_failed=retry_failed,
            engine=engine,
            address=address,
        )
        summary = run.run(sources, total)
        if parquet and not summary.interrupted:
            from dateline.engines.lake import write_lake

            write_lake(store, parquet, run.dates if os.path.exists(parquet) else None)
    summary.skipped = list(sources.skipped)
    for reason in summary.failures[:50]:
        report(reason)
    if len(summary.failures) > 50:
        report(f"... and {len(summary.failures) - 50} more failed (all are in the inputs table)")
    if summary.interrupted:
        typer.echo(f"interrupted: {summary.line()}; run the same command again to resume", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    typer.echo(summary.line(), err=True)
    if summary.failed or summary.failed_before:
        raise typer.Exit(EXIT_SOME_FAILED)


QUOTE_COLUMNS = [
    "date",
    "article_id",
    "title",
    "speaker_name",
    "kind",
    "text",
    "cue",
    "start",
    "end",
    "url",
    "path",
]
"""The columns of ``dateline quotes --format jsonl|tsv`` (and ``context`` with --context)."""
SIDE_WIDTH = 40
"""Terminal columns of a side or place in the stored events table (longer: cut with …)."""
BOLD, RESET = "\x1b[1m", "\x1b[0m"
"""How a terminal shows the quote within its context."""


def quotes(
    db: DbOption = None,
    speaker: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Quotes by this speaker: a name or alias of the corpus actor, or words of the "
            "speaker's name, whole words (Brown finds Gordon Brown, not Browne).",
        ),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            metavar="WORDS",
            help='Full-text search of the quote: words, "a phrase", pre*, -not, a OR b.',
        ),
    ] = None,
    since: Since = None,
    until: Until = None,
    kind: Annotated[
        str | None, typer.Option(metavar="KIND", help="direct, indirect or mixed (default: all).")
    ] = None,
    article: Annotated[
        str | None, typer.Option(metavar="ID", help="Only this article (its id or the id's start).")
    ] = None,
    context: Annotated[
        bool,
        typer.Option(
            "--context",
            help="Show each quote in its sentence from the stored article, the quote [in "
            "brackets] (in bold on a terminal); jsonl/tsv get a 'context' column.",
        ),
    ] = False,
    limit: Limit = 100,
    format: ListFormatOption = ListFormat.text,
) -> None:
    """Quotes with speaker, article and date, oldest first.

    Exit status 2: the database is missing or unreachable, or the search is not understood.

    \b
    Examples:
      dateline quotes --db corpus.db --speaker Trump --search "tax returns" --since 2016-09-01
      dateline quotes --db corpus.db --speaker Lavrov --context --limit 5"""
    from dateline.store import query_quotes

    with _session(db) as store:
        rows = query_quotes(store, speaker, search, since, until, kind, article, limit or None)
        if context:
            _add_contexts(store, rows)
    if format is not ListFormat.text:
        for row in rows:
            if row.get("context"):
                row["context"] = row["context"].plain()
        _emit_rows(rows, format, QUOTE_COLUMNS + (["context"] if context else []))
        return
    for row in rows:
        _print_quote(row)
    if limit and len(rows) == limit:
        typer.echo(f"(first {limit}; --limit 0 for all)", err=True)
    elif not rows:
        typer.echo("no quotes found", err=True)


def _add_contexts(store: Store, rows: list[dict[str, Any]]) -> None:
    """Give each quote row its ``context`` (a ``Context``) from the stored article text."""
    from dateline.store.context import article_texts, sentence_around

    texts = article_texts(store, (row["article_id"] for row in rows))
    for row in rows:
        text = texts.get(row["article_id"])
        row["context"] = text and sentence_around(text, row["start"], row["end"])


def _print_quote(row: dict[str, Any]) -> None:
    """One quote as two lines: date, article and title; speaker, kind and the quote (in its
    sentence, highlighted, when the row has a context)."""
    who = row["speaker_name"] or (f"[{row['speaker_mention']}]" if row["speaker_mention"] else "?")
    title = _clip(row["title"] or row["url"] or row["path"], 70)
    typer.echo(f"{row['date'] or '----------'}  {row['article_id']}  {title}")
    said = row.get("context")
    if said is None:
        text = _clip(row["text"], 300)
    elif sys.stdout.isatty():
        text = said.marked(BOLD, RESET)
    else:
        text = said.marked()
    typer.echo(f"  {who} ({row['kind']}{', fragment' if row['fragment'] else ''}): {text}")


def actors(
    db: DbOption = None,
    type: Annotated[
        str | None,
        typer.Option(metavar="TYPE", help="PERSON, ORG, GPE, NORP, ... (default: all)."),
    ] = None,
    country: Annotated[
        str | None, typer.Option(metavar="CODE", help="ISO alpha-3 country code (RUS).")
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="A name or alias, whole words (Blair finds Tony Blair)."),
    ] = None,
    limit: Limit = 50,
    relink: Annotated[
        bool, typer.Option("--relink", help="Link every stored entity to its actor again first.")
    ] = False,
    format: ListFormatOption = ListFormat.text,
) -> None:
    """People, organisations and places across the corpus. Most reported first.

    One actor each (linked at ingest: "Mr Blair" and "Tony Blair" are one actor, Ian Blair
    another), with aliases, code, articles and quotes.

    Exit status 2: the database is missing or unreachable.

    \b
    Examples:
      dateline actors --db corpus.db --type PERSON --country GBR
      dateline actors --db corpus.db --name Blair"""
    from dateline.store.actors import corpus_actors
    from dateline.store.actors import relink as relink_store

    with _session(db) as store:
        if relink:
            relink_store(store)
        rows = corpus_actors(store, name, type, None if country else (limit or None))
    if country:
        rows = [r for r in rows if r["country"] == country.upper()][: limit or None]
    columns = ["name", "type", "country", "code", "role", "articles", "quotes", "aliases"]
    for r in rows:
        r["aliases"] = "; ".join(a for a in r["aliases"] if a != r["name"])
    if format is not ListFormat.text:
        _emit_rows(rows, format, columns)
        return
    table = [tuple(columns)] + [
        tuple("-" if r[c] in (None, "") else str(r[c]) for c in columns) for r in rows
    ]
    typer.echo(_table(table))


def _table(rows: list[tuple[str, ...]]) -> str:
    from dateline.terminal import format_table

    return format_table(rows)


def articles(
    db: DbOption = None,
    search: Annotated[
        str | None,
        typer.Option(metavar="WORDS", help="Full-text search of title and text (as for quotes)."),
    ] = None,
    since: Since = None,
    until: Until = None,
    near_duplicates: Annotated[
        bool, typer.Option("--near-duplicates", help="Include near-duplicate copies.")
    ] = False,
    limit: Limit = 100,
    format: ListFormatOption = ListFormat.text,
) -> None:
    """Stored articles with their counts, oldest first.

    Exit status 2: the database is missing or unreachable, or the search is not understood.

    \b
    Examples:
      dateline articles --db corpus.db --since 2016-09-01 --until 2016-09-30
      dateline articles --db corpus.db --search "Aleppo ceasefire" -f tsv > articles.tsv"""
    from dateline.store import query_articles

    with _session(db) as store:
        rows = query_articles(store, search, since, until, near_duplicates, limit or None)
    columns = ["id", "date", "quotes", "events", "entities", "title"]
    if format is not ListFormat.text:
        _emit_rows(rows, format, [*columns, "source", "url", "path", "near_duplicate_of"])
        return
    table = [tuple(columns)] + [
        (
            r["id"],
            r["date"] or "-",
            str(r["quotes"]),
            str(r["events"]),
            str(r["entities"]),
            _clip(r["title"] or r["url"] or r["path"], 80),
        )
        for r in rows
    ]
    typer.echo(_table(table))


def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="As JSON.")] = False,
) -> None:
    """Counts of what is stored. Inputs by status, articles, quotes, speakers, entities,
    events, flags.

    Exit status 2: the database is missing or unreachable.

    \b
    Examples:
      dateline stats --db corpus.db
      dateline stats --db postgresql://user:pw@host/db --json"""
    from dateline.store import query_stats

    with _session(db) as store:
        counts = query_stats(store)
    if as_json:
        typer.echo(json.dumps(counts, indent=2))
        return
    typer.echo(f"database   {counts['database']}")
    for key, value in counts.items():
        if key == "database":
            continue
        if isinstance(value, dict):
            parts = ", ".join(f"{v} {k}" for k, v in value.items() if k != "total")
            total = value.get("total")
            head = f"{total}" if total is not None else ""
            if key == "dates":
                head, parts = (
                    f"{value['first'] or '-'} .. {value['last'] or '-'}",
                    f"{value['undated']} undated",
                )
            typer.echo(f"{key:<10} {head}{' (' + parts + ')' if parts else ''}")
        else:
            typer.echo(f"{key.replace('_', ' '):<10} {value}")


def export(
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="jsonl, parquet, csv or gdelt."),
    ],
    db: DbOption = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="parquet/csv: a directory (default ./dateline-export), one file per table; "
            "jsonl/gdelt: a file (default standard output).",
        ),
    ] = None,
    near_duplicates: Annotated[
        bool, typer.Option("--near-duplicates", help="Include near-duplicate copies.")
    ] = False,
    header: Annotated[
        bool, typer.Option("--header", help="gdelt: write a header line (default: none).")
    ] = False,
) -> None:
    """Export the store as JSONL, Parquet, CSV or GDELT events. JSONL documents, Parquet or
    CSV tables, or GDELT 2.0 style events (TSV).

    Exit status 2: the database is missing or unreachable, or the output cannot be written.

    \b
    Examples:
      dateline export --db corpus.db --format parquet --out export/
      dateline export --db corpus.db --format gdelt --header > events.tsv"""
    from dateline.exports import export as run_export
    from dateline.terminal import counted

    with _session(db) as store:
        try:
            counts = run_export(store, format.value, out, near_duplicates, header)
        except OSError as exc:
            where = exc.filename or out or "output"
            raise fail(f"{where}: cannot write ({exc.strerror or exc})") from exc
    for path, rows in counts.items():
        typer.echo(f"{counted(rows, 'row')} -> {'stdout' if path == '-' else path}", err=True)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the ``dateline`` app."""
    from dateline.explorer.command import serve  # typer only: the server loads when it runs

    for command in (ingest, quotes, actors, articles, stats, export, serve):
        app.command(cls=PlainHelp)(command)


def print_events(
    db: str | None,
    source: str | None,
    target: str | None,
    type: str | None,
    since: str | None = None,
    until: str | None = None,
) -> None:
    """``dateline events`` with no file: the stored events as a table."""
    from dateline.store.queries import events_table_rows, query_events

    with _session(db) as store:
        records = query_events(
            store, source=source, target=target, type=type, since=since, until=until
        )
    if not records:
        filtered = source or target or type or since or until
        typer.echo("no events stored" + (" matching the filters" if filtered else ""))
        return
    from dateline.terminal import clip

    rows = events_table_rows(records)
    sides = [i for i, name in enumerate(rows[0]) if name in ("source", "target", "where")]
    cut = [tuple(clip(c, SIDE_WIDTH) if i in sides else c for i, c in enumerate(r)) for r in rows]
    typer.echo(_table(cut))
