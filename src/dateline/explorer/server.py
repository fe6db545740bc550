"""Run the explorer under uvicorn: open the store, build the app, listen until Ctrl-C."""

from __future__ import annotations

import ipaddress

import typer

from dateline.cli_errors import fail
from dateline.errors import DatelineError, show_traceback

MIN_TOKEN = 16
"""The shortest ``--allow-ingest`` token taken."""


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the store at ``db`` on ``host:port``; ``token`` enables ``POST /api/ingest``."""
    try:
        import uvicorn

        from dateline.explorer.app import create_app
    except ImportError as exc:
        raise fail(
            f"the explorer needs {exc.name or 'its packages'}: pip install 'dateline[explorer]'"
        ) from exc
    import sqlalchemy as sa

    from dateline.store import database_url, open_store
    from dateline.store.engine import problem

    if token is not None and len(token) < MIN_TOKEN:
        raise fail(f"--allow-ingest: the token must have at least {MIN_TOKEN} characters")
    try:
        store = open_store(db, create=False)
    except DatelineError as exc:
        raise fail(str(exc)) from exc
    except sa.exc.SQLAlchemyError as exc:
        show_traceback(exc)  # with --debug
        raise fail(problem(exc, database_url(db), "cannot open database")) from exc
    app = create_app(store, token)
    mode = "ingest allowed with the token" if token else "read-only"
    typer.echo(
        f"dateline: serving {store} at http://{host}:{port}/ ({mode}; Ctrl-C stops)", err=True
    )
    if not _is_loopback(host):
        typer.echo(f"dateline: listening on {host}: reachable from other machines", err=True)
    try:
        config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False)
        server = uvicorn.Server(config)
        try:
            server.run()
        except SystemExit:  # uvicorn exits when it cannot bind
            if server.started:
                raise
        if not server.started:
            raise fail(f"cannot listen on {host}:{port} (in use, or not an address here)")
    finally:
        store.close()
