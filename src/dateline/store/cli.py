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

from dateline.errors import EXIT_SOME_FAILED, EXIT_USAGE, DatelineError
from dateline.ingest.language import ANY_LANGUAGE_ENV
from dateline.limits import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_S, Limits
from dateline.options import iso_date

if TYPE_CHECKING:
    from dateline.store import Store


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
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
    if allowed:
        os.environ[ANY_LANGUAGE_ENV] = "1"


TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0,
        metavar="SECONDS",
        help="Time budget of one article; an article that overruns it fails with the reason "
        "'timed out' and the run goes on (0: none).",
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


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    typer.echo(f"dateline: {message}", err=True)
    return typer.Exit(code)


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
        raise _fail(str(exc)) from exc
    except sa.exc.SQLAlchemyError as exc:
        raise _fail(problem(exc, database_url(db), "cannot open database")) from exc
    try:
        yield store
    except DatelineError as exc:
        raise _fail(str(exc)) from exc
    except sa.exc.SQLAlchemyError as exc:
        raise _fail(problem(exc, store.url)) from exc
    finally:
        store.close()


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width or width <= 0 else text[: width - 1] + "…"


def _emit_rows(rows: list[dict[str, Any]], fmt: ListFormat, columns: list[str]) -> None:
    if fmt is ListFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    else:
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or directories (recursive): .txt, .html, .jsonl, RSS/Atom, WARC."
        ),
    ],
    db: DbOption = None,
    workers: Annotated[
        int, typer.Option(min=0, help="Analysis processes (0: analyse in this process).")
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
        typer.Option(help="Publication date YYYY-MM-DD for every input.", callback=iso_date),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch/transaction.")] = 8,
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
) -> None:
    """Ingest articles into the database: every input recorded (stored, duplicate,
    near-duplicate, failed + reason); a rerun skips what is stored.

    Each article runs in a worker process under the --timeout and --max-memory budget: a worker
    that overruns is killed and replaced, the article is recorded as failed with the reason and
    the run goes on (--workers 0: in this process, the budget checked by a timer, best effort).

    Exit status: 0 all inputs stored; 1 some inputs failed (each named on stderr and recorded);
    2 usage or environment error (bad option, unreachable or locked database, missing spaCy
    pipeline); 130 interrupted (run the same command again to resume)."""
    from dateline.batch import Ingest
    from dateline.ingest.sources import Sources

    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s")
    allow_any_language(any_language)
    show = sys.stderr.isatty() if progress is None else progress
    sources = Sources(paths, published_from_metadata)
    total = sources.estimate() if show else None
    with _session(db, create=True) as store:
        run = Ingest(
            store,
            workers,
            published,
            model,
            batch_size,
            progress=show,
            limits=limits_of(timeout, max_memory),
            retry_failed=retry_failed,
        )
        summary = run.run(sources, total)
    summary.skipped = list(sources.skipped)
    for reason in summary.failures[:50]:
        typer.echo(f"dateline: {reason}", err=True)
    if len(summary.failures) > 50:
        typer.echo(
            f"dateline: ... and {len(summary.failures) - 50} more failed "
            "(all are in the inputs table)",
            err=True,
        )
    if summary.interrupted:
        typer.echo(f"interrupted: {summary.line()}; run the same command again to resume", err=True)
        raise typer.Exit(130)
    typer.echo(summary.line(), err=True)
    if summary.failed or summary.failed_before:
        raise typer.Exit(EXIT_SOME_FAILED)


def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    search: Annotated[
        str | None,
        typer.Option(help='Full-text search of the quote: words, "a phrase", pre*, -not, a OR b.'),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="From this article date.", callback=iso_date)
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Up to this article date.", callback=iso_date)
    ] = None,
    kind: Annotated[str | None, typer.Option(help="direct, indirect or mixed.")] = None,
    article: Annotated[str | None, typer.Option(help="Article id (or its start).")] = None,
    limit: Annotated[int, typer.Option(min=0, help="At most this many (0: all).")] = 100,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> None:
    """Quotes with speaker, article and date, oldest first.

    Exit status 2: the database is missing or unreachable, or the search is not understood."""
    from dateline.store import query_quotes

    with _session(db) as store:
        rows = query_quotes(store, speaker, search, since, until, kind, article, limit or None)
    if format is not ListFormat.text:
        columns = [
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
        _emit_rows(rows, format, columns)
        return
    for row in rows:
        who = row["speaker_name"] or (
            f"[{row['speaker_mention']}]" if row["speaker_mention"] else "?"
        )
        title = _clip(row["title"] or row["url"] or row["path"], 70)
        typer.echo(f"{row['date'] or '----------'}  {row['article_id']}  {title}")
        typer.echo(
            f"  {who} ({row['kind']}{', fragment' if row['fragment'] else ''}): "
            f"{_clip(row['text'], 300)}"
        )
    if limit and len(rows) == limit:
        typer.echo(f"(first {limit}; --limit 0 for all)", err=True)
    elif not rows:
        typer.echo("no quotes found", err=True)


def actors(
    db: DbOption = None,
    type: Annotated[str | None, typer.Option(help="PERSON, ORG, GPE, NORP, ...")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 country code.")] = None,
    name: Annotated[
        str | None, typer.Option(help="A name or alias, whole words (Blair finds Tony Blair).")
    ] = None,
    limit: Annotated[int, typer.Option(min=0, help="At most this many (0: all).")] = 50,
    relink: Annotated[
        bool, typer.Option("--relink", help="Link every stored entity to its actor again first.")
    ] = False,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> None:
    """People, organisations and places across the corpus, one actor each (linked at ingest:
    "Mr Blair" and "Tony Blair" are one actor, Ian Blair another), with aliases, code, articles
    and quotes, most reported first.

    Examples: dateline actors --db corpus.db --type PERSON; dateline actors --name Blair

    Exit status 2: the database is missing or unreachable."""
    from dateline.store import format_table
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
    typer.echo(format_table(table))


def articles(
    db: DbOption = None,
    search: Annotated[
        str | None, typer.Option(help="Full-text search of title and text (as for quotes).")
    ] = None,
    since: Annotated[str | None, typer.Option(callback=iso_date)] = None,
    until: Annotated[str | None, typer.Option(callback=iso_date)] = None,
    near_duplicates: Annotated[
        bool, typer.Option("--near-duplicates", help="Include near-duplicate copies.")
    ] = False,
    limit: Annotated[int, typer.Option(min=0, help="At most this many (0: all).")] = 100,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> None:
    """Stored articles with their counts, oldest first.

    Exit status 2: the database is missing or unreachable, or the search is not understood."""
    from dateline.store import format_table, query_articles

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
    typer.echo(format_table(table))


def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="As JSON.")] = False,
) -> None:
    """Counts: inputs by status, articles, quotes, speakers, entities, events, flags.

    Exit status 2: the database is missing or unreachable."""
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
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    db: DbOption = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            help="parquet/csv: a directory (default ./dateline-export), one file per table; "
            "jsonl/gdelt: a file (default standard output).",
        ),
    ] = None,
    near_duplicates: Annotated[
        bool, typer.Option("--near-duplicates", help="Include near-duplicate copies.")
    ] = False,
    header: Annotated[bool, typer.Option(help="gdelt: write a header line.")] = False,
) -> None:
    """Export: JSONL documents, Parquet or CSV tables, or GDELT 2.0 style events (TSV).

    Exit status 2: the database is missing or unreachable, or the output cannot be written."""
    from dateline.exports import export as run_export

    with _session(db) as store:
        try:
            counts = run_export(store, format.value, out, near_duplicates, header)
        except OSError as exc:
            where = exc.filename or out or "output"
            raise _fail(f"{where}: cannot write ({exc.strerror or exc})") from exc
    for path, rows in counts.items():
        typer.echo(f"{rows} rows -> {'stdout' if path == '-' else path}", err=True)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the ``dateline`` app."""
    app.command()(ingest)
    app.command()(quotes)
    app.command()(actors)
    app.command()(articles)
    app.command()(stats)
    app.command()(export)


def print_events(db: str | None, source: str | None, target: str | None, type: str | None) -> None:
    """``dateline events`` with no file: the stored events as a table."""
    from dateline.store.queries import events_table_rows, format_table, query_events

    with _session(db) as store:
        records = query_events(store, source=source, target=target, type=type)
    if not records:
        typer.echo(
            "no events stored" + (" matching the filters" if source or target or type else "")
        )
        return
    typer.echo(format_table(events_table_rows(records)))
