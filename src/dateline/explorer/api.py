"""The JSON API under ``/api``: paged lists (also as CSV: ``?format=csv`` or ``.csv``), one
article's stored document, actors, counts, and analysis of a posted article (``/api/analyze``;
``/api/ingest`` stores it, only with the server's token)."""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel

from dateline.explorer import detail, reads
from dateline.explorer.app import ApiError
from dateline.explorer.articles import analyse, ingest, read_article
from dateline.explorer.models import (
    MAX_LIMIT,
    MAX_QUERY,
    ActorDetail,
    ActorItem,
    ArticleItem,
    CoActor,
    EventItem,
    IngestResult,
    Page,
    PeriodCount,
    Problem,
    QuoteItem,
    Stats,
)
from dateline.explorer.quotelist import quote_page
from dateline.schema import Document
from dateline.store.queries import query_stats
from dateline.store.repository import Store

router = APIRouter(prefix="/api", tags=["corpus"])
ingest_router = APIRouter(prefix="/api", tags=["ingest"])

DATE = r"^\d{4}-\d{2}-\d{2}$"
Text = Annotated[str | None, Query(max_length=MAX_QUERY, pattern=r"^[^\x00]*$")]
"""Search words or a name: no NUL (SQLite would cut the full-text query there)."""
Date = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD (article date)")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=10**9)]
Format = Annotated[Literal["json", "csv"] | None, Query(description="csv: the page as CSV")]
Id = Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "search words the database cannot parse"},
    422: {"model": Problem, "description": "a parameter out of range"},
}
CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}, "description": "CSV"}}


def _store(request: Request) -> Store:
    return request.app.state.store


def _csv(page: Page[Any], model: type[BaseModel]) -> Response:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = list(model.model_fields)
    writer.writerow(columns)
    for item in page.items:
        row = item.model_dump()
        writer.writerow(
            ["; ".join(map(str, v)) if isinstance(v, list) else "" if v is None else v
             for v in (row[c] for c in columns)]
        )  # fmt: skip
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"X-Total-Count": str(page.total)},
    )


def listing(path: str, model: type[BaseModel]) -> Callable[[Callable[..., Any]], Any]:
    """Register a list at ``path`` (JSON ``Page`` of ``model``) and at ``path.csv``."""

    def register(fn: Callable[..., Any]) -> Any:
        summary = (fn.__doc__ or "").strip().splitlines()[0].rstrip(".")
        router.get(
            path + ".csv",
            response_model=None,
            responses={**CSV, **ERRORS},
            summary=summary + " (CSV)",
        )(fn)
        page = Page[model]  # type: ignore[valid-type]
        return router.get(path, response_model=page, responses=ERRORS, summary=summary)(fn)

    return register


def _page(
    request: Request,
    model: type[BaseModel],
    total: int,
    rows: list[dict[str, Any]],
    limit: int,
    offset: int,
    fmt: str | None,
    exact: bool = True,
) -> Any:
    page = Page[model](  # type: ignore[valid-type]
        total=total,
        total_exact=exact,
        limit=limit,
        offset=offset,
        items=[model(**r) for r in rows],
    )
    if fmt == "csv" or request.url.path.endswith(".csv"):
        return _csv(page, model)
    return page


@listing("/articles", ArticleItem)
def list_articles(
    request: Request,
    q: Text = None,
    source: Text = None,
    since: Date = None,
    until: Date = None,
    country: Annotated[str | None, Query(max_length=32)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = None,
) -> Any:
    """Articles, oldest first: full-text words over title and text, source, dates."""
    store = _store(request)
    query = reads.articles(
        store, reads.Filters(q=q, source=source, since=since, until=until, country=country)
    )
    rows = reads.fetch(store, query, limit, offset)
    return _page(request, ArticleItem, reads.count(store, query), rows, limit, offset, format)


@router.get(
    "/articles/{article_id}",
    response_model=Document,
    responses={404: {"model": Problem}, 422: ERRORS[422]},
    summary="One article: its stored dateline/1 document",
)
def get_article(request: Request, article_id: Id) -> Any:
    """The whole analysed document as stored (schema ``dateline/1``)."""
    document = detail.document_json(_store(request), article_id)
    if document is None:
        raise ApiError(404, f"{article_id}: no such article")
    return Response(document, media_type="application/json")


@listing("/quotes", QuoteItem)
def list_quotes(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    kind: Literal["direct", "indirect", "mixed"] | None = None,
    since: Date = None,
    until: Date = None,
    source: Text = None,
    actor: Annotated[str | None, Query(max_length=16, description="a corpus actor id")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = None,
) -> Any:
    """Quotes, newest first: full-text words, speaker (any name or alias, whole words), kind."""
    store = _store(request)
    filters = reads.Filters(
        q=q, speaker=speaker, kind=kind, since=since, until=until, source=source, actor=actor
    )
    found = quote_page(store, filters, limit, offset)
    rows = reads.with_actor_ids(store, found.rows)
    return _page(request, QuoteItem, found.total, rows, limit, offset, format, found.exact)


@listing("/events", EventItem)
def list_events(
    request: Request,
    source: Annotated[
        str | None, Query(max_length=32, description="code prefix or actor id")
    ] = None,
    target: Annotated[
        str | None, Query(max_length=32, description="code prefix or actor id")
    ] = None,
    type: Annotated[
        str | None, Query(max_length=32, description="PLOVER type or CAMEO prefix")
    ] = None,
    cameo: Annotated[str | None, Query(max_length=8, pattern=r"^\d+$")] = None,
    since: Date = None,
    until: Date = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = None,
) -> Any:
    """Events, oldest first: source and target (code prefixes or actor ids), type, CAMEO."""
    store = _store(request)
    filters = reads.Filters(
        actor_source=source, actor_target=target, type=type, cameo=cameo, since=since, until=until
    )
    query = reads.events(store, filters)
    rows = reads.fetch(store, query, limit, offset)
    return _page(request, EventItem, reads.count(store, query), rows, limit, offset, format)


@listing("/actors", ActorItem)
def list_actors(
    request: Request,
    q: Text = None,
    type: Annotated[str | None, Query(max_length=16)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = None,
) -> Any:
    """Corpus actors, most reported first: a name or alias (whole words), type."""
    store = _store(request)
    query = reads.actors(q, type)
    rows = reads.with_aliases_and_quotes(store, reads.fetch(store, query, limit, offset))
    return _page(request, ActorItem, reads.count(store, query), rows, limit, offset, format)


def actor_detail(store: Store, actor_id: str) -> ActorDetail:
    """An actor with its quotes by period, the actors quoted with it and its event counts."""
    row = detail.actor(store, actor_id)
    if row is None:
        raise ApiError(404, f"{actor_id}: no such actor")
    (row,) = reads.with_aliases_and_quotes(store, [row])
    months = detail.periods(detail.quotes_by_month(store, actor_id))
    as_source = reads.count(store, reads.events(store, reads.Filters(actor_source=actor_id)))
    as_target = reads.count(store, reads.events(store, reads.Filters(actor_target=actor_id)))
    return ActorDetail(
        **row,
        quotes_by_period=[PeriodCount(period=p, count=n) for p, n in months],
        quoted_with=[CoActor(**r) for r in detail.quoted_with(store, actor_id)],
        events_as_source=as_source,
        events_as_target=as_target,
    )


@router.get(
    "/actors/{actor_id}",
    response_model=ActorDetail,
    responses={404: {"model": Problem}, 422: ERRORS[422]},
    summary="One actor, its quotes over time and who it is quoted with",
)
def get_actor(request: Request, actor_id: Id) -> ActorDetail:
    """A corpus actor with aliases, quotes by month (or year), co-quoted actors, event counts."""
    return actor_detail(_store(request), actor_id)


@router.get("/stats", response_model=Stats, summary="Counts of everything stored")
def stats(request: Request) -> Stats:
    """Inputs by status, articles, quotes by kind, speakers, entities, events, flags, dates."""
    return Stats(**query_stats(_store(request)))


ARTICLE_BODY = {
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/ArticleInput"}},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    },
    "required": True,
}
POST_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "empty or malformed request"},
    413: {"model": Problem, "description": "larger than the limit"},
    415: {"model": Problem, "description": "not JSON, text or HTML"},
    422: {"model": Problem, "description": "refused: binary, no article, another language"},
}


@router.post(
    "/analyze",
    response_model=Document,
    responses=POST_ERRORS,
    openapi_extra={"requestBody": ARTICLE_BODY},
    summary="Analyse a posted article without storing it",
)
async def analyze(
    request: Request,
    published: Annotated[str | None, Query(pattern=DATE)] = None,
) -> Any:
    """The dateline/1 document of the article posted (JSON ``ArticleInput``, or the text or HTML
    itself); nothing is stored. Errors are the command line's one-line messages."""
    raw, _source = await read_article(request, published)
    document = await run_in_threadpool(analyse, request.app.state.analysis_lock, raw)
    return Response(document.to_json(indent=None), media_type="application/json")


@ingest_router.post(
    "/ingest",
    response_model=IngestResult,
    responses={**POST_ERRORS, 403: {"model": Problem, "description": "no or wrong token"}},
    openapi_extra={"requestBody": ARTICLE_BODY},
    summary="Analyse and store a posted article (needs the server's token)",
)
async def ingest_article(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    published: Annotated[str | None, Query(pattern=DATE)] = None,
) -> Any:
    """Store the posted article as ``dateline ingest`` would (duplicates recognised); only with
    ``Authorization: Bearer TOKEN``, the token given to ``dateline serve --allow-ingest``."""
    token: str = request.app.state.ingest_token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not authorization or not secrets.compare_digest(given.encode(), token.encode()):
        raise ApiError(403, "ingest needs the server's token (Authorization: Bearer TOKEN)")
    raw, source = await read_article(request, published)
    store = _store(request)
    result = await run_in_threadpool(ingest, request.app.state.analysis_lock, store, raw, source)
    status = {"stored": 201, "failed": 422}.get(result.status, 200)
    return Response(result.model_dump_json(), status_code=status, media_type="application/json")
