"""The ``dateline`` command line."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dateline.errors import DatelineError
from dateline.eval.cli import eval_app
from dateline.events import build as build_lexicon
from dateline.ingest import RawDocument, read_path, read_stdin
from dateline.options import DictionaryPath, LexiconFiles, Model, Published
from dateline.petrarch import load_dictionaries
from dateline.pipeline import Outcome, analyze_raw
from dateline.render import events_table, summary
from dateline.schema import Document
from dateline.store.cli import register as register_store_commands

app = typer.Typer(
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
) -> None:
    """Analyse articles: one input gives one JSON document, several give JSONL in input order."""
    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s")
    fmt = format or (Format.json if len(paths) == 1 else Format.jsonl)
    _run(paths, published, model, lexicon, dictionaries, lambda doc: _emit(doc, fmt))


def _run(
    paths: list[str],
    published: str | None,
    model: str | None,
    lexicon: list[Path] | None,
    dictionaries: Path | None,
    emit: Callable[[Document], None],
) -> None:
    """Analyse the inputs in order, emit each document, report each failure; exit 1 if any."""
    failed = 0
    try:
        lex = build_lexicon(lexicon or [])
        dicts = load_dictionaries(dictionaries) if dictionaries else None
        for outcome in analyze_raw(_read_all(paths), published, model, lex, dicts):
            if outcome.document is None:
                failed += 1
                _fail(outcome.error or f"{outcome.label}: failed")
                continue
            emit(outcome.document)
    except DatelineError as exc:
        _fail(str(exc))
        raise typer.Exit(2) from exc
    if failed:
        raise typer.Exit(1)


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
