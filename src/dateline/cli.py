"""The ``dateline`` command line."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import Annotated, Any

import typer

from dateline.errors import EXIT_SOME_FAILED, EXIT_USAGE, DatelineError, one_line
from dateline.eval.cli import eval_app
from dateline.events import Lexicon
from dateline.events import build as build_lexicon
from dateline.ingest import RawDocument, read_path, read_stdin
from dateline.limits import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_S, Limits, run_inline
from dateline.options import DictionaryPath, LexiconFiles, Model, Published
from dateline.petrarch import Dictionaries, load_dictionaries
from dateline.pipeline import Outcome, analyze_raw
from dateline.render import events_table, summary
from dateline.schema import Document
from dateline.store.cli import (
    AnyLanguageOption,
    MaxMemoryOption,
    TimeoutOption,
    allow_any_language,
    limits_of,
)
from dateline.store.cli import register as register_store_commands

BATCH = 8
"""Inputs ``analyze`` parses together under one time budget (an overrun: each alone)."""


class _App(typer.Typer):
    """The ``dateline`` app: a database or system fault that no command caught ends with one
    line and exit status 2, not a traceback."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        import sqlalchemy as sa

        try:
            return super().__call__(*args, **kwargs)
        except (DatelineError, sa.exc.SQLAlchemyError, OSError) as exc:
            detail = getattr(exc, "orig", None) or exc
            typer.echo(f"dateline: {one_line(detail)}", err=True)
            sys.exit(EXIT_USAGE)


app = _App(
    help="News articles in, structured evidence-linked knowledge out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

app.add_typer(eval_app, name="eval", help="Score dateline against annotated corpora.")
register_store_commands(app)


class Format(StrEnum):
    """Output formats of ``dateline analyze``."""

    json = "json"
    jsonl = "jsonl"
    summary = "summary"


def _fail(message: str) -> None:
    typer.echo(f"dateline: {message}", err=True)


def _read_all(paths: list[str]) -> Iterator[RawDocument | Outcome]:
    for path in paths:
        try:
            yield read_stdin() if path == "-" else read_path(path)
        except DatelineError as exc:
            yield Outcome(path, error=str(exc))


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html) or - for stdin.")],
    format: Annotated[
        Format | None, typer.Option("--format", "-f", help="json (one input), jsonl, summary.")
    ] = None,
    published: Published = None,
    model: Model = None,
    lexicon: LexiconFiles = None,
    dictionaries: DictionaryPath = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT_S,
    max_memory: MaxMemoryOption = DEFAULT_MAX_MEMORY_MB,
    any_language: AnyLanguageOption = False,
) -> None:
    """Analyse articles: one input gives one JSON document, several give JSONL in input order.

    Articles are analysed in this process under the --timeout and --max-memory budget (a timer
    checks it, best effort); an article that overruns it, or whose text is longer than the
    spaCy pipeline takes, fails with a one-line reason and the others are still analysed.

    Exit status: 0 all inputs analysed; 1 some inputs failed (each named on stderr); 2 usage or
    environment error (bad option, missing spaCy pipeline)."""
    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s")
    fmt = format or (Format.json if len(paths) == 1 else Format.jsonl)
    limits = limits_of(timeout, max_memory)
    allow_any_language(any_language)
    _run(paths, published, model, lexicon, dictionaries, lambda doc: _emit(doc, fmt), limits)


def _run(
    paths: list[str],
    published: str | None,
    model: str | None,
    lexicon: list[Path] | None,
    dictionaries: Path | None,
    emit: Callable[[Document], None],
    limits: Limits | None = None,
) -> None:
    """Analyse the inputs in order, emit each document, report each failure; exit 1 if any."""
    failed = 0
    try:
        lex = build_lexicon(lexicon or [])
        dicts = load_dictionaries(dictionaries) if dictionaries else None
        for outcome in _analysed(paths, published, model, lex, dicts, limits or Limits()):
            if outcome.document is None:
                failed += 1
                _fail(outcome.error or f"{outcome.label}: failed")
                continue
            emit(outcome.document)
    except DatelineError as exc:
        _fail(str(exc))
        raise typer.Exit(EXIT_USAGE) from exc
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _analysed(
    paths: list[str],
    published: str | None,
    model: str | None,
    lexicon: Lexicon | None,
    dictionaries: Dictionaries | None,
    limits: Limits,
) -> Iterator[Outcome]:
    """The outcomes in input order, ``BATCH`` inputs at a time under the budget."""

    from dateline.batch import init_worker  # not at the top: it imports the store

    def analyse(raws: list[RawDocument | Outcome]) -> list[Outcome]:
        return list(analyze_raw(raws, published, model, lexicon, dictionaries))

    stream = _read_all(paths)
    warm = False
    while batch := list(islice(stream, BATCH)):
        if not warm and any(not isinstance(raw, Outcome) for raw in batch):
            init_worker(model)  # the pipeline loads outside the first article's budget
            warm = True
        yield from run_inline(batch, analyse, _failed, limits)


def _failed(raw: RawDocument | Outcome, reason: str) -> Outcome:
    if isinstance(raw, Outcome):
        return raw
    label = raw.path or raw.url or "input"
    return Outcome(label, error=f"{label}: {reason}")


def _emit(document: Document, fmt: Format) -> None:
    if fmt is Format.json:
        sys.stdout.write(document.to_json(indent=2) + "\n")
    elif fmt is Format.jsonl:
        sys.stdout.write(document.to_json(indent=None) + "\n")
    else:
        sys.stdout.write(summary(document) + "\n")
    sys.stdout.flush()


@app.command()
def events(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files to analyse (.txt, .html, - for stdin).")
    ] = None,
    published: Published = None,
    model: Model = None,
    lexicon: LexiconFiles = None,
    dictionaries: DictionaryPath = None,
    db: Annotated[str | None, typer.Option(help="Database URL (default: ./dateline.db).")] = None,
    source: Annotated[
        str | None, typer.Option(help="Source actor code prefix (RUS, USAGOV).")
    ] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code prefix.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type (CONSULT, ...).")] = None,
) -> None:
    """Events as a table: of the given files, or (with no file) of the corpus in the database."""
    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s")
    if not paths:
        _stored_events(db, source, target, type)
        return

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
    db: str | None, source: str | None, target: str | None, type: str | None
) -> None:
    from dateline.store.cli import print_events

    print_events(db, source, target, type)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output document."""
    typer.echo(json.dumps(Document.model_json_schema(by_alias=True), indent=2))


def main() -> None:
    """Entry point that keeps tracebacks away from users."""
    app()


if __name__ == "__main__":
    main()
