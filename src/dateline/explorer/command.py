"""``dateline serve``: the explorer's command. Only typer is imported here (the command line
imports this module at start-up); the server and FastAPI load when the command runs."""

from __future__ import annotations

from typing import Annotated

import typer

from dateline.store.cli import DbOption


def serve(
    db: DbOption = None,
    host: Annotated[
        str,
        typer.Option(
            metavar="HOST", help="Address to listen on (the default answers this machine only)."
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=1, max=65535, metavar="PORT", help="Port to listen on.")
    ] = 8000,
    allow_ingest: Annotated[
        str | None,
        typer.Option(
            "--allow-ingest",
            metavar="TOKEN",
            envvar="DATELINE_INGEST_TOKEN",
            show_envvar=True,
            help="Enable POST /api/ingest for requests bearing this token "
            "(Authorization: Bearer TOKEN, at least 16 characters); the store stays "
            "read-only without it.",
        ),
    ] = None,
) -> None:
    """Serve the corpus: a JSON API (/api, described at /docs and /openapi.json) and pages
    (search, articles, actors, dyads, the review queue), read-only, on localhost by default.

    Exit status 2: the database is missing or unreachable, the port is taken, or the explorer's
    packages are not installed (pip install 'dateline[explorer]').

    \b
    Examples:
      dateline serve --db corpus.db
      dateline serve --db corpus.db --port 8080 --allow-ingest "$TOKEN"
    """
    from dateline.explorer.server import run
    from dateline.startup import started

    started()  # a server runs for days: the collector's default thresholds from here on
    run(db, host, port, allow_ingest)
