"""The HTML pages: search with facets, an article highlighted at its offsets, an actor, a dyad,
the flag queue, the API docs. Rendered on the server (Jinja2, autoescaped); no script."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from dateline.explorer import detail, reads, views
from dateline.explorer.api import Id, Offset, Text, actor_detail
from dateline.explorer.charts import bar_chart
from dateline.explorer.highlight import Mark, highlight
from dateline.explorer.models import MAX_QUERY
from dateline.explorer.quotelist import quote_page
from dateline.schema import Document
from dateline.store import models as m

router = APIRouter(include_in_schema=False)
PER_SECTION = 20
"""Rows shown per section of the search page (the API pages through all)."""
PER_PAGE = 100
FACET_SAMPLE = 500
"""The speaker facet counts the newest quotes found, this many at most."""
Side = Annotated[str, Path(max_length=32, pattern=r"^[A-Za-z0-9]+$")]
Period = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2})?$")]
Code = Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z0-9]+$")]
FormDate = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]
"""A date field of the search form: empty when left blank (the form sends every field)."""


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A template rendered with ``context`` (autoescaped)."""
    template = request.app.state.templates.get_template(name)
    return HTMLResponse(template.render(request=request, **context), status_code=status_code)


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    """The error page: the status and the one-line message."""
    return render(request, "error.html", status, status=status, detail=detail)


def _store(request: Request) -> Any:
    return request.app.state.store


@router.get("/", response_class=HTMLResponse)
def search(
    request: Request,
    q: Text = None,
    speaker: Text = None,
    source: Text = None,
    since: FormDate = None,
    until: FormDate = None,
    type: Code = None,
    country: Code = None,
    kind: Literal["direct", "indirect", "mixed"] | None = None,
) -> HTMLResponse:
    """Articles, quotes and events matching the form, with facets and counts (the fields left
    blank are no filter)."""
    store = _store(request)
    f = reads.Filters(
        q=q or None,
        speaker=speaker or None,
        kind=kind,
        source=source or None,
        since=since or None,
        until=until or None,
        type=type,
        country=country,
    )
    found = {"articles": reads.articles(store, f), "events": reads.events(store, f)}
    rows = {name: reads.fetch(store, query, PER_SECTION) for name, query in found.items()}
    counts = {name: reads.count(store, query) for name, query in found.items()}
    sample = quote_page(store, f, FACET_SAMPLE)
    quoted = reads.with_actor_ids(store, sample.rows)
    rows["quotes"] = quoted[:PER_SECTION]
    counts["quotes"] = sample.total
    params = {
        k: v for k, v in request.query_params.items() if v and k in reads.Filters.__annotations__
    }
    facets = {
        "speaker": reads.speaker_facet(store, quoted),
        "source": reads.column_facet(store, found["articles"], "source"),
        "year": reads.year_facet(store, found["articles"]),
        "type": reads.column_facet(store, found["events"], "type"),
        "country": reads.country_facet(store, found["events"]),
    }
    return render(
        request,
        "search.html",
        form=params,
        rows=rows,
        counts=counts,
        facets=facets,
        link=lambda **changes: views.search_link(params, **changes),
        year_range=views.year_range,
        per_section=PER_SECTION,
        max_query=MAX_QUERY,
        quotes_exact=sample.exact,
        facet_sample=FACET_SAMPLE if sample.total > FACET_SAMPLE else None,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: Id) -> HTMLResponse:
    """The article's text with its quotes, speakers, entities, events and flags marked."""
    store = _store(request)
    stored = detail.document_json(store, article_id)
    if stored is None:
        return error_page(request, 404, f"{article_id}: no such article")
    doc = Document.model_validate_json(stored)
    actors = detail.entity_actors(store, article_id)
    body = highlight(doc.text, views.article_marks(doc, actors))
    names = {x.id: x.name for x in doc.entities}
    return render(
        request, "article.html", doc=doc, body=body, actors=actors, names=names,
        flag_anchor=views.flag_anchor,
    )  # fmt: skip


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(
    request: Request, actor_id: Id, period: Period = None, offset: Offset = 0
) -> HTMLResponse:
    """An actor: every quote (by page), quotes over time, who it is quoted with, its events."""
    store = _store(request)
    info = actor_detail(store, actor_id)
    series = [(p.period, p.count) for p in info.quotes_by_period]
    chart = bar_chart(views.actor_chart_bars(actor_id, series), f"Quotes of {info.name} over time")
    since, until = views.period_range(period) if period else (None, None)
    quotes = quote_page(
        store, reads.Filters(actor=actor_id, since=since, until=until), PER_PAGE, offset
    )
    events = {
        side: reads.fetch(
            store, reads.events(store, reads.Filters(**{f"actor_{side}": actor_id})), PER_PAGE
        )
        for side in ("source", "target")
    }
    return render(
        request,
        "actor.html",
        actor=info,
        chart=chart,
        period=period,
        quotes=quotes.rows,
        quote_count=quotes.total,
        offset=offset,
        per_page=PER_PAGE,
        events=events,
    )


def _side_name(store: Any, value: str) -> str:
    if reads.is_actor_id(value):
        row = detail.actor(store, value)
        return row["name"] if row else value
    return value.upper()


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad(
    request: Request, a: Side, b: Side, type: Code = None, period: Period = None, offset: Offset = 0
) -> HTMLResponse:
    """Events from ``a`` to ``b`` (country codes or actor ids) by PLOVER type over time; each
    bar links to its evidence sentences."""
    store = _store(request)
    found = reads.events(store, reads.Filters(actor_source=a, actor_target=b))
    labels, by = detail.series_by_type(detail.dyad_series(store, found))
    types = sorted({t for counts in by.values() for t in counts})
    bars = views.dyad_chart_bars(a, b, labels, by, types)
    title = f"Events {_side_name(store, a)} → {_side_name(store, b)} by type"
    evidence = found
    if type:
        evidence = evidence.where(m.events.c.type == type.upper())
    if period:
        evidence = evidence.where(m.articles.c.date.startswith(period))
    return render(
        request,
        "dyad.html",
        a=a,
        b=b,
        names=(_side_name(store, a), _side_name(store, b)),
        chart=bar_chart(bars, title),
        types=types,
        type=type,
        period=period,
        evidence=reads.fetch(store, evidence, PER_PAGE, offset),
        evidence_count=reads.count(store, evidence),
        offset=offset,
        per_page=PER_PAGE,
    )


@router.get("/flags", response_class=HTMLResponse)
def flags(request: Request, kind: Code = None, offset: Offset = 0) -> HTMLResponse:
    """The review queue: stray quotation marks, misspelt names, each linking to its spot."""
    store = _store(request)
    kind = kind.replace("_", "-") if kind else None
    found = detail.flags(kind)
    rows = reads.fetch(store, found, PER_PAGE, offset)
    for row in rows:
        at = row["start"] - row["context_start"]
        mark = Mark(at, at + row["end"] - row["start"], "mark", "flag")
        row["snippet"] = highlight(row["context"] or "", [mark])
        row["anchor"] = views.flag_anchor(row["kind"], row["start"], row["end"])
    return render(
        request,
        "flags.html",
        rows=rows,
        total=reads.count(store, found),
        kinds=detail.flag_kinds(store),
        kind=kind,
        offset=offset,
        per_page=PER_PAGE,
    )


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API, from its OpenAPI description (served at /openapi.json), without any script."""
    spec = request.app.openapi()
    return render(request, "docs.html", spec=spec, operations=views.api_operations(spec))


@router.get("/favicon.ico")
def favicon() -> Response:
    """The icon browsers ask for."""
    from importlib.resources import files

    data = files("dateline.explorer").joinpath("static/favicon.svg").read_bytes()
    return Response(data, media_type="image/svg+xml")
