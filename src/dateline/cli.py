"""The ``dateline`` command line."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dateline.cli_errors import fail, report
from dateline.errors import (
    DEBUG_ENV,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    DatelineError,
    one_line,
    show_traceback,
)
from dateline.eval.cli import eval_app
from dateline.limits import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_S, Limits
from dateline.options import (
    DictionaryPath,
    LexiconFiles,
    Model,
    PlainHelp,
    Published,
    Since,
    Until,
)
from dateline.startup import starting
from dateline.store.cli import (
    AnyLanguageOption,
    DateColumnOption,
    DbOption,
    IdColumnOption,
    MaxMemoryOption,
    TextColumnOption,
    TimeoutOption,
    TitleColumnOption,
    allow_any_language,
    columns_of,
    limits_of,
)
from dateline.store.cli import register as register_store_commands

if TYPE_CHECKING:  # imported by the commands that need them: `dateline --help` stays quick
    from dateline.events import Lexicon
    from dateline.ingest import RawDocument
    from dateline.ingest.tables import Columns
    from dateline.petrarch import Dictionaries
    from dateline.pipeline import Outcome
    from dateline.schema import Document

BATCH = 8
"""Inputs ``analyze`` parses together under one time budget (an overrun: each alone)."""


class _App(typer.Typer):
    """The ``dateline`` app: a database or system fault that no command caught ends with one
    line and exit status 2, not a traceback (with ``--debug``, after the traceback of a
    database or system fault; a ``DatelineError`` stays one line)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            with starting():  # the garbage collector waits while the command starts
                return super().__call__(*args, **kwargs)
        except Exception as exc:
            if not _is_fault(exc):
                raise
            if not isinstance(exc, DatelineError):
                show_traceback(exc)
            report(one_line(getattr(exc, "orig", None) or exc))
            sys.exit(EXIT_USAGE)


def _is_fault(exc: Exception) -> bool:
    """A dateline, database or system error (SQLAlchemy's only if a command loaded it)."""
    if isinstance(exc, DatelineError | OSError):
        return True
    sa_exc = sys.modules.get("sqlalchemy.exc")
    return sa_exc is not None and isinstance(exc, sa_exc.SQLAlchemyError)


app = _App(
    help="News articles in, structured evidence-linked knowledge out: quotes and their speakers, "
    "events, people, organisations and places, each tied to the characters of the article that "
    "support it. Run 'dateline COMMAND --help' for a command's options and examples.",
    epilog="\b\nExamples:\n"
    "  dateline analyze article.txt --published 2016-12-01 --format summary\n"
    "  dateline ingest articles/ --db corpus.db\n"
    "  dateline quotes --db corpus.db --speaker Lavrov --context\n"
    "  dateline --debug analyze article.txt   (the traceback of an unexpected error)",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,  # plain help: quick to print (no rich), copy-pasteable examples
)


@app.callback()
def _global_options(
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help="Print the full traceback of an unexpected error on stderr (per-article "
            "failures keep their one-line reason too); input and usage errors stay one line. "
            "Also: DATELINE_DEBUG=1.",
        ),
    ] = False,
) -> None:
    if debug:
        os.environ[DEBUG_ENV] = "1"  # read where errors are caught, and by worker processes


class Format(StrEnum):
    """Output formats of ``dateline analyze``."""

    json = "json"
    jsonl = "jsonl"
    summary = "summary"


def _read_all(paths: list[str], columns: Columns | None = None) -> Iterator[RawDocument | Outcome]:
    """Each input's articles in order (a directory, a JSONL, a table, a feed or a WARC gives
    several), or the reason one could not be read."""
    from dateline.ingest import read_stdin
    from dateline.ingest.sources import Sources
    from dateline.pipeline import Outcome

    for path in paths:
        if path == "-":
            try:
                yield read_stdin()
            except DatelineError as exc:
                yield Outcome(path, error=str(exc))
            continue
        for item in Sources([path], columns=columns):
            if item.raw is not None:
                yield item.raw
            else:
                yield Outcome(item.location, error=item.error or f"{item.location}: unreadable")


@app.command(cls=PlainHelp)
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Files or directories: .txt, .html, .jsonl, .csv/.tsv (one article a row), "
            "RSS/Atom, WARC, each also gzipped (.gz); or - for standard input.",
        ),
    ],
    format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="json, jsonl or summary (default: json for one article file, jsonl for several articles: a directory, a table, a JSONL file).",
        ),
    ] = None,
    published: Published = None,
    model: Model = None,
    lexicon: LexiconFiles = None,
    dictionaries: DictionaryPath = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT_S,
    max_memory: MaxMemoryOption = DEFAULT_MAX_MEMORY_MB,
    any_language: AnyLanguageOption = False,
    text_column: TextColumnOption = None,
    title_column: TitleColumnOption = None,
    date_column: DateColumnOption = None,
    id_column: IdColumnOption = None,
) -> None:
    """Analyse articles into JSON documents. One input gives one, several give JSONL.

    Articles are analysed in this process under the --timeout and --max-memory budget (a timer
    checks it, best effort); an article that overruns it, or whose text is longer than the
    spaCy pipeline takes, fails with a one-line reason and the others are still analysed. With
    several inputs and a terminal, a progress bar runs on stderr.

    Exit status: 0 all inputs analysed; 1 some inputs failed (each named on stderr); 2 usage or
    environment error (bad option, missing spaCy pipeline).

    \b
    Examples:
      dateline analyze article.txt --published 2016-12-01 --format summary
      dateline analyze a.txt b.html c.txt > out.jsonl
      dateline analyze - < article.txt"""
    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s")
    from dateline.ingest.sources import one_article

    single = len(paths) == 1 and (paths[0] == "-" or one_article(paths[0]))
    fmt = format or (Format.json if single else Format.jsonl)
    limits = limits_of(timeout, max_memory)
    allow_any_language(any_language)
    columns = columns_of(text_column, title_column, date_column, id_column)
    emit = lambda doc: _emit(doc, fmt)  # noqa: E731
    _run(paths, published, model, lexicon, dictionaries, emit, limits, columns)


def _run(
    paths: list[str],
    published: str | None,
    model: str | None,
    lexicon: list[Path] | None,
    dictionaries: Path | None,
    emit: Callable[[Document], None],
    limits: Limits | None = None,
    columns: Columns | None = None,
) -> None:
    """Analyse the inputs in order, emit each document, report each failure; exit 1 if any."""
    from dateline.events import build as build_lexicon

    failed = 0
    bar = _progress(paths)
    try:
        lex = build_lexicon(lexicon or [])
        dicts = None
        if dictionaries:  # the PETRARCH coder loads only with --dictionaries
            from dateline.petrarch import load_dictionaries

            dicts = load_dictionaries(dictionaries)
        analysed = _analysed(paths, published, model, lex, dicts, limits or Limits(), columns)
        for outcome in analysed:
            bar.update(1)
            with bar.external_write_mode(file=sys.stderr):
                if outcome.document is None:
                    failed += 1
                    report(outcome.error or f"{outcome.label}: failed")
                else:
                    emit(outcome.document)
    except DatelineError as exc:
        raise fail(str(exc)) from exc
    finally:
        bar.close()
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _progress(paths: list[str]) -> Any:
    """A progress bar on stderr in the style of ingest's, shown only when stderr is a terminal
    and there are several inputs (a folder counts as several); else a silent one."""
    from tqdm import tqdm  # type: ignore[import-untyped]  # no stubs

    from dateline.ingest.sources import one_article

    folders = any(path != "-" and not one_article(path) for path in paths)
    return tqdm(
        total=None if folders else len(paths),
        unit=" articles",
        file=sys.stderr,
        disable=not (sys.stderr.isatty() and (folders or len(paths) > 1)),
        dynamic_ncols=True,
        smoothing=0.1,
    )


def _analysed(
    paths: list[str],
    published: str | None,
    model: str | None,
    lexicon: Lexicon | None,
    dictionaries: Dictionaries | None,
    limits: Limits,
    columns: Columns | None = None,
) -> Iterator[Outcome]:
    """The outcomes in input order, ``BATCH`` inputs at a time under the budget."""

    from dateline.batch import import_html_for, init_worker  # not at the top: it imports the store
    from dateline.limits import run_inline
    from dateline.pipeline import Outcome, analyze_raw

    def analyse(raws: list[RawDocument | Outcome]) -> list[Outcome]:
        return list(analyze_raw(raws, published, model, lexicon, dictionaries))

    stream = _read_all(paths, columns)
    warm = False
    while batch := list(islice(stream, BATCH)):
        if not warm and any(not isinstance(raw, Outcome) for raw in batch):
            init_worker(model, html=False)  # the pipeline loads outside the first article's budget
            warm = True
        import_html_for(raw for raw in batch if not isinstance(raw, Outcome))
        yield from run_inline(batch, analyse, _failed, limits)


def _failed(raw: RawDocument | Outcome, reason: str) -> Outcome:
    from dateline.pipeline import Outcome

    if isinstance(raw, Outcome):
        return raw
    label = raw.path or raw.url or "input"
    return Outcome(label, error=f"{label}: {reason}")


def _emit(document: Document, fmt: Format) -> None:
    from dateline.render import summary

    if fmt is Format.json:
        sys.stdout.write(document.to_json(indent=2) + "\n")
    elif fmt is Format.jsonl:
        sys.stdout.write(document.to_json(indent=None) + "\n")
    else:
        sys.stdout.write(summary(document) + "\n")
    sys.stdout.flush()


@app.command(cls=PlainHelp)
def events(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="FILE...",
            help="Files to analyse (.txt, .html, - for standard input); none: the stored events.",
            show_default=False,
        ),
    ] = None,
    published: Published = None,
    model: Model = None,
    lexicon: LexiconFiles = None,
    dictionaries: DictionaryPath = None,
    db: DbOption = None,
    source: Annotated[
        str | None,
        typer.Option(metavar="CODE", help="Source actor code prefix (RUS matches RUSGOV)."),
    ] = None,
    target: Annotated[
        str | None, typer.Option(metavar="CODE", help="Target actor code prefix.")
    ] = None,
    type: Annotated[
        str | None,
        typer.Option(
            "--type",
            metavar="TYPE",
            help="PLOVER type (CONSULT, ACCUSE, ...); stored events also take a CAMEO code "
            "prefix (04).",
        ),
    ] = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Events as a table: who did what to whom. Of the given files, or of the stored corpus.

    With files, they are analysed as by 'dateline analyze' (and --db, --since, --until are not
    used); with none, the events stored in the database are listed, oldest article first.

    \b
    Examples:
      dateline events article.txt --published 2016-12-01
      dateline events --db corpus.db --source RUS --type CONSULT --since 2016-09-01"""
    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s")
    if not paths:
        _stored_events(db, source, target, type, since, until)
        return

    from dateline.render import events_table

    def emit(doc: Document) -> None:
        rows = [
            e
            for e in doc.events
            if _code_ok(e.source, source)
            and _code_ok(e.target, target)
            and (not type or e.type == type.upper())
        ]
        sys.stdout.write(events_table(doc, rows) + "\n")

    _run(paths, published, model, lexicon, dictionaries, emit)


def _code_ok(actor: object, prefix: str | None) -> bool:
    if not prefix:
        return True
    code = getattr(actor, "code", None) or ""
    return code.upper().startswith(prefix.upper())


def _stored_events(
    db: str | None,
    source: str | None,
    target: str | None,
    type: str | None,
    since: str | None = None,
    until: str | None = None,
) -> None:
    from dateline.store.cli import print_events

    print_events(db, source, target, type, since, until)


@app.command(cls=PlainHelp)
def schema() -> None:
    """Print the JSON Schema of the output document. The schema is dateline/1.

    \b
    Examples:
      dateline schema > dateline.schema.json
      dateline schema | head -20"""
    from dateline.schema import Document

    typer.echo(json.dumps(Document.model_json_schema(by_alias=True), indent=2))


register_store_commands(app)
app.add_typer(eval_app, name="eval")


def main() -> None:
    """Entry point that keeps tracebacks away from users."""
    app()


if __name__ == "__main__":
    main()
