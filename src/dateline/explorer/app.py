"""The explorer's FastAPI application: the store, the security headers, the errors as one line,
the static files and the routes (``api.py``, ``pages.py``).

Safe by default: the store is opened read-only (SQLite ``PRAGMA query_only``, PostgreSQL
read-only transactions) unless an ingest token is given; every response carries a
Content-Security-Policy that allows no script, no frame, no foreign origin."""

from __future__ import annotations

import threading
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException

from dateline.errors import DatabaseError, DatelineError, one_line
from dateline.store.engine import problem
from dateline.store.repository import Store

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
"""No script at all (the pages have none), styles and images from this server only."""
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class ApiError(Exception):
    """An error answered with ``status`` and a one-line ``detail``."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


SQLITE_READING = ("PRAGMA cache_size = -65536", "PRAGMA mmap_size = 1073741824")
"""A server reads a lot: 64 MB of page cache per connection, the file mapped (up to 1 GB)."""


def configure(store: Store, writable: bool) -> None:
    """Set up every connection of the store for serving (new connections: the pool is reset):
    read-only unless ``writable`` (SQLite ``query_only``, PostgreSQL read-only transactions),
    SQLite with a larger cache and the file memory-mapped."""
    if store.dialect == "postgresql":
        statements: tuple[str, ...] = (
            () if writable else ("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",)
        )
    else:
        statements = SQLITE_READING + (() if writable else ("PRAGMA query_only = ON",))

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        for statement in statements:
            cursor.execute(statement)
        cursor.close()
        if store.dialect == "postgresql":
            dbapi_connection.commit()

    sa.event.listen(store.engine, "connect", on_connect)
    store.engine.dispose()


def templates() -> Environment:
    """The page templates, autoescaped (every ``{{ }}`` is HTML-escaped unless ``Markup``)."""
    env = Environment(
        loader=PackageLoader("dateline.explorer", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, detail: str) -> Response:
    if _wants_json(request):
        response: Response = JSONResponse({"detail": detail}, status_code=status)
    else:
        from dateline.explorer.pages import error_page

        response = error_page(request, status, detail)
    response.headers.update(SECURITY_HEADERS)  # also on a 500, answered outside the middleware
    return response


def _validation_detail(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body"))
    return one_line(f"{where}: {first.get('msg', 'invalid')}" if where else first.get("msg"))


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _error(request, exc.status, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422 if _wants_json(request) else 400, _validation_detail(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        response = _error(request, exc.status_code, detail)
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(sa.exc.SQLAlchemyError)
    async def database_fault(request: Request, exc: sa.exc.SQLAlchemyError) -> Response:
        store: Store = request.app.state.store
        text = problem(exc, store.url)
        status = 400 if "full-text search" in text else 503
        return _error(request, status, text)

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> Response:
        status = 400 if "full-text search" in str(exc) else 503
        return _error(request, status if isinstance(exc, DatabaseError) else 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        return _error(request, 500, f"internal error ({type(exc).__name__}: {one_line(exc)})")


def create_app(store: Store, ingest_token: str | None = None) -> FastAPI:
    """The explorer over an open store. ``ingest_token``: enables ``POST /api/ingest`` for
    requests that bear it (``Authorization: Bearer TOKEN``) and leaves the store writable;
    without it the store is read-only and that route does not exist."""
    from dateline.explorer import api, pages

    configure(store, writable=bool(ingest_token))
    app = FastAPI(
        title="dateline explorer",
        summary="Quotes, speakers, actors and events of a dateline corpus.",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = store
    app.state.ingest_token = ingest_token
    app.state.templates = templates()
    app.state.analysis_lock = threading.Lock()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    _install_errors(app)
    app.mount("/static", StaticFiles(packages=[("dateline.explorer", "static")]), name="static")
    app.include_router(api.router)
    if ingest_token:
        app.include_router(api.ingest_router)
    app.include_router(pages.router)
    return app
