"""``dateline eval``: score the pipeline against annotated corpora."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from dateline.errors import DatelineError

eval_app = typer.Typer(
    help="Score the pipeline against annotated corpora.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """A ``DatelineError`` becomes one line on stderr and exit status 2."""
    try:
        yield
    except DatelineError as exc:
        typer.echo(f"dateline: {exc}", err=True)
        raise typer.Exit(2) from exc


@eval_app.callback()
def main() -> None:
    """Score the pipeline against annotated corpora."""


@eval_app.command()
def polnear(
    split_dir: Annotated[
        Path, typer.Argument(help="A PolNeAR split folder holding text/ and attributions/.")
    ],
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name.")] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Score only the first N articles.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Quote content P/R/F1 and speaker accuracy on a PolNeAR split."""
    from dateline.eval.polnear import evaluate

    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s")
    with _one_line_errors():
        report = evaluate(split_dir, model=model, limit=limit)
    typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format())


@eval_app.command()
def events(
    split_dir: Annotated[
        Path,
        typer.Argument(
            help="The articles' folder: PolNeAR dev (its text/), or the BBC folder with --bbc."
        ),
    ] = Path("../shared/data/polnear/dev"),
    gold: Annotated[
        Path | None, typer.Option(help="Gold TSV (default: the packaged hand-coded sentences).")
    ] = None,
    bbc: Annotated[
        bool,
        typer.Option(
            "--bbc", help="Score the 40 hand-coded BBC sentences (offset gold) in SPLIT_DIR."
        ),
    ] = False,
) -> None:
    """Precision and recall of coded events on hand-coded sentences (PolNeAR dev or BBC)."""
    from dateline.eval.events import evaluate, evaluate_spans

    with _one_line_errors():
        report = evaluate_spans(split_dir, gold) if bbc else evaluate(split_dir, gold)
    typer.echo(report.format())


@eval_app.command()
def petrarch(
    records: Annotated[
        Path, typer.Argument(help="PETRARCH unit-test records (PETR.UnitTest.records.xml).")
    ],
    dictionaries: Annotated[
        Path | None,
        typer.Option(help="Dictionary directory or config (default: the records' <Environment>)."),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name.")] = None,
    failures: Annotated[bool, typer.Option(help="List the records that failed.")] = True,
) -> None:
    """Code PETRARCH2's unit-test sentences from their text; records passed per category."""
    from dateline.eval.petrarch import evaluate
    from dateline.petrarch import load_dictionaries

    logging.basicConfig(level=logging.ERROR, format="dateline: %(message)s")
    with _one_line_errors():
        loaded = load_dictionaries(dictionaries) if dictionaries is not None else None
        report = evaluate(records, loaded, model=model)
    typer.echo(report.format(failures=failures))


@eval_app.command()
def plv(
    path: Annotated[Path, typer.Argument(help="A PLV TSV (sentence, marked_sentence, gold_root).")],
    folds: Annotated[
        int,
        typer.Option(
            "--cv",
            min=0,
            help="Cross-validate: train and test a model per fold (0: use the packaged model).",
        ),
    ] = 5,
    tables_only: Annotated[
        bool, typer.Option("--tables-only", help="Code with the predicate tables, no model.")
    ] = False,
    dictionaries: Annotated[
        Path | None,
        typer.Option(help="Code with the PETRARCH coder and these dictionaries (a baseline)."),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name.")] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            min=1, help="Only the first N sentences in file order (PLV is sorted by type)."
        ),
    ] = None,
) -> None:
    """Type recall, type precision and dyad recall of coded events on PLV rows."""
    from dateline.eval.plv import evaluate
    from dateline.petrarch import load_dictionaries

    logging.basicConfig(level=logging.ERROR, format="dateline: %(message)s")
    with _one_line_errors():
        loaded = load_dictionaries(dictionaries) if dictionaries is not None else None
        report = evaluate(
            path,
            folds=0 if tables_only else folds,
            model_name=model,
            use_model=not tables_only,
            limit=limit,
            dictionaries=loaded,
        )
    typer.echo(report.format())


@eval_app.command()
def speakers(
    text_dir: Annotated[
        Path, typer.Argument(help="The BBC articles' folder (../shared/data/bbc/politics-train).")
    ],
    gold: Annotated[
        Path | None, typer.Option(help="Gold TSV (default: the packaged BBC attributions).")
    ] = None,
) -> None:
    """Quotes found and speakers right on hand-coded BBC attributions."""
    from dateline.eval.speakers import evaluate

    logging.basicConfig(level=logging.ERROR, format="dateline: %(message)s")
    with _one_line_errors():
        report = evaluate(text_dir, gold)
    typer.echo(report.format())
