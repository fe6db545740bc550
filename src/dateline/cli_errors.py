"""How every ``dateline`` command reports an error: one line on stderr, then an exit status.

``fail(message, code)`` prints ``dateline: MESSAGE`` and returns the ``typer.Exit`` to raise
(``raise fail(...) from exc``); ``report(message)`` prints the line alone (one failed input of
several). Exit statuses: ``dateline.errors.EXIT_*``. Cheap to import: typer only.
"""

from __future__ import annotations

import typer

from dateline.errors import EXIT_USAGE


def report(message: str) -> None:
    """``dateline: MESSAGE`` on stderr (a one-line message)."""
    typer.echo(f"dateline: {message}", err=True)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Report ``message`` and return the ``typer.Exit`` with ``code`` for the caller to raise."""
    report(message)
    return typer.Exit(code)
