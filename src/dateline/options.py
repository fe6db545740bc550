"""Command-line options shared by several ``dateline`` commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer


def iso_date(value: str | None) -> str | None:
    """Check a ``YYYY-MM-DD`` option; a bad one is a usage error, not a traceback."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


Published = Annotated[
    str | None,
    typer.Option(help="Publication date YYYY-MM-DD: fixes the year of dates.", callback=iso_date),
]
Model = Annotated[str | None, typer.Option(help="spaCy pipeline name.")]
LexiconFiles = Annotated[
    list[Path] | None, typer.Option(help="Extra event lexicon (.csv/.yaml); repeatable.")
]
DictionaryPath = Annotated[
    Path | None,
    typer.Option(help="PETRARCH/Phoenix dictionaries: a folder or a config listing files."),
]
