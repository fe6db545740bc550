"""The ``dateline`` command line."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer

from dateline.errors import DatelineError
from dateline.eval.cli import eval_app
from dateline.ingest import RawDocument, read_path, read_stdin
from dateline.pipeline import Outcome, analyze_raw
from dateline.render import summary
from dateline.schema import Document

app = typer.Typer(
    help="News articles in, structured evidence-linked knowledge out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

app.add_typer(eval_app, name="eval", help="Score dateline against annotated corpora.")


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


def _valid_date(value: str | None) -> str | None:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html) or - for stdin.")],
    format: Annotated[
        Format | None, typer.Option("--format", "-f", help="json (one input), jsonl, summary.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date YYYY-MM-DD: fixes the year of dates.", callback=_valid_date
        ),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name.")] = None,
) -> None:
    """Analyse articles: one input gives one JSON document, several give JSONL in input order."""
    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s")
    fmt = format or (Format.json if len(paths) == 1 else Format.jsonl)
    failed = 0
    try:
        for outcome in analyze_raw(_read_all(paths), published, model):
            if outcome.document is None:
                failed += 1
                _fail(outcome.error or f"{outcome.label}: failed")
                continue
            _emit(outcome.document, fmt)
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
def schema() -> None:
    """Print the JSON Schema of the output document."""
    typer.echo(json.dumps(Document.model_json_schema(by_alias=True), indent=2))


def main() -> None:
    """Entry point that keeps tracebacks away from users."""
    app()


if __name__ == "__main__":
    main()
