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
from dateline.options import Model, PlainHelp

eval_app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)

GoldFile = Annotated[
    Path | None,
    typer.Option(metavar="FILE", help="Gold TSV (default: the packaged hand-coded gold)."),
]


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
    """Score the pipeline against annotated corpora. Figures: docs/benchmarks.md.

    \b
    Examples:
      dateline eval polnear ../shared/data/polnear/dev
      dateline eval events --bbc ../shared/data/bbc/politics-train"""


@eval_app.command(cls=PlainHelp)
def polnear(
    split_dir: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", help="A PolNeAR split folder holding text/ and attributions/."
        ),
    ],
    model: Model = None,
    limit: Annotated[
        int | None,
        typer.Option(min=1, metavar="N", help="Score only the first N articles (default: all)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Quote content P/R/F1 and speaker accuracy on a PolNeAR split.

    \b
    Examples:
      dateline eval polnear ../shared/data/polnear/dev
      dateline eval polnear ../shared/data/polnear/dev --limit 20 --json"""
    from dateline.eval.polnear import evaluate

    logging.basicConfig(level=logging.WARNING, format="dateline: %(message)s")
    with _one_line_errors():
        report = evaluate(split_dir, model=model, limit=limit)
    typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.format())


@eval_app.command(cls=PlainHelp)
def events(
    split_dir: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The articles' folder: PolNeAR dev (its text/), or the BBC folder with --bbc.",
        ),
    ] = Path("../shared/data/polnear/dev"),
    gold: GoldFile = None,
    bbc: Annotated[
        bool,
        typer.Option("--bbc", help="Score the 40 hand-coded BBC sentences (offset gold) in DIR."),
    ] = False,
    cv: Annotated[
        int,
        typer.Option(
            min=0,
            metavar="K",
            help="With --bbc: K-fold cross-validation over the articles of the news training "
            "gold, a model trained per fold on PLV and the other folds (default: 0, the packaged "
            "model).",
        ),
    ] = 0,
    plv: Annotated[
        Path,
        typer.Option(metavar="FILE", help="PLV train, which every fold's model trains on too."),
    ] = Path("../shared/data/plv/PLV_train.tsv"),
    model: Model = None,
) -> None:
    """Event precision and recall on hand-coded sentences. PolNeAR dev, or BBC with --bbc.

    \b
    Examples:
      dateline eval events ../shared/data/polnear/dev
      dateline eval events --bbc ../shared/data/bbc/politics-train
      dateline eval events --bbc ../shared/data/bbc/politics-train --cv 5"""
    from dateline.eval.events import evaluate, evaluate_spans

    with _one_line_errors():
        if cv and not bbc:
            raise DatelineError("--cv scores the BBC news gold: give --bbc too")
        if cv and gold is not None:
            raise DatelineError(
                "--cv cross-validates the packaged news training gold; --gold scores a file "
                "with the packaged model (give one or the other)"
            )
        if cv:
            from dateline.eval.news_cv import news_folds
            from dateline.eval.train_events import news_gold_paths

            data = news_folds(split_dir, news_gold_paths(), plv, cv, model)
            report = data.report(data.models())
        else:
            report = evaluate_spans(split_dir, gold) if bbc else evaluate(split_dir, gold)
    typer.echo(report.format())


@eval_app.command(cls=PlainHelp)
def petrarch(
    records: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="PETRARCH unit-test records (PETR.UnitTest.records.xml)."
        ),
    ],
    dictionaries: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Dictionary folder or config (default: the records' Environment section).",
        ),
    ] = None,
    model: Model = None,
    failures: Annotated[
        bool,
        typer.Option(
            "--failures/--no-failures", help="List the records that failed (default: list them)."
        ),
    ] = True,
) -> None:
    """PETRARCH2's unit suite: records passed per category. Sentences coded from their text.

    \b
    Examples:
      dateline eval petrarch PETR.UnitTest.records.xml
      dateline eval petrarch PETR.UnitTest.records.xml --dictionaries ../shared/data/phoenix"""
    from dateline.eval.petrarch import evaluate
    from dateline.petrarch import load_dictionaries

    logging.basicConfig(level=logging.ERROR, format="dateline: %(message)s")
    with _one_line_errors():
        loaded = load_dictionaries(dictionaries) if dictionaries is not None else None
        report = evaluate(records, loaded, model=model)
    typer.echo(report.format(failures=failures))


DEFAULT_NEWS = Path("../shared/data/bbc/politics-train")


@eval_app.command(cls=PlainHelp)
def plv(
    path: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="A PLV TSV (sentence, marked_sentence, gold_root)."),
    ],
    folds: Annotated[
        int,
        typer.Option(
            "--cv",
            min=0,
            metavar="K",
            help="Cross-validate: train and test a model per fold (0: use the packaged model).",
        ),
    ] = 5,
    tables_only: Annotated[
        bool, typer.Option("--tables-only", help="Code with the predicate tables, no model.")
    ] = False,
    dictionaries: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Code with the PETRARCH coder and these dictionaries (a baseline).",
        ),
    ] = None,
    model: Model = None,
    limit: Annotated[
        int | None,
        typer.Option(
            min=1,
            metavar="N",
            help="Only the first N sentences in file order (PLV is sorted by type; default: all).",
        ),
    ] = None,
    news: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="With --cv: the BBC folder of the hand-coded news that every fold's model "
            "trains on too, as the packaged model does (default: ../shared/data/bbc/politics-train"
            " when it exists; --plv-only: PLV alone).",
        ),
    ] = None,
    plv_only: Annotated[
        bool, typer.Option("--plv-only", help="With --cv: train each fold on PLV alone.")
    ] = False,
) -> None:
    """PLOVER coding on PLV rows. Type recall, type precision and dyad recall.

    \b
    Examples:
      dateline eval plv ../shared/data/plv/PLV_train.tsv
      dateline eval plv ../shared/data/plv/PLV_train.tsv --cv 0 --limit 200"""
    from dateline.eval.plv import evaluate
    from dateline.petrarch import load_dictionaries

    logging.basicConfig(level=logging.ERROR, format="dateline: %(message)s")
    with _one_line_errors():
        loaded = load_dictionaries(dictionaries) if dictionaries is not None else None
        folder = news or DEFAULT_NEWS
        if news is not None and plv_only:
            raise DatelineError("--news and --plv-only: give one or the other")
        training = folds > 1 and not tables_only and dictionaries is None
        if training and not plv_only and not folder.is_dir():
            raise DatelineError(
                f"{folder}: no such folder (the BBC articles of the news training gold); "
                "give --news DIR, or --plv-only to train each fold on PLV alone"
            )
        report = evaluate(
            path,
            folds=0 if tables_only else folds,
            model_name=model,
            use_model=not tables_only,
            limit=limit,
            dictionaries=loaded,
            news=folder if training and not plv_only else None,
        )
    typer.echo(report.format())


@eval_app.command(cls=PlainHelp)
def speakers(
    text_dir: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", help="The BBC articles' folder (../shared/data/bbc/politics-train)."
        ),
    ],
    gold: GoldFile = None,
) -> None:
    """Quotes found and speakers right on hand-coded BBC attributions.

    \b
    Examples:
      dateline eval speakers ../shared/data/bbc/politics-train
      dateline eval speakers ../shared/data/bbc/politics-train --gold my-gold.tsv"""
    from dateline.eval.speakers import evaluate

    logging.basicConfig(level=logging.ERROR, format="dateline: %(message)s")
    with _one_line_errors():
        report = evaluate(text_dir, gold)
    typer.echo(report.format())
