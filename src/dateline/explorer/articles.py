"""Posted articles: read the request body within a size limit, analyse it (``/api/analyze``) or
store it (``/api/ingest``), with the command line's one-line errors as 400/413/415/422."""

from __future__ import annotations

import threading

import sqlalchemy as sa
from fastapi import Request
from pydantic import ValidationError

from dateline.errors import DatelineError, InputError, one_line
from dateline.explorer.app import ApiError
from dateline.explorer.models import ArticleInput, IngestResult
from dateline.ingest import RawDocument
from dateline.ingest.raw import from_bytes
from dateline.schema import Document
from dateline.store import models as m
from dateline.store.repository import Store

MAX_BODY = 2_000_000
"""The largest request body taken, in bytes (an article, not an archive)."""
LABEL = "request"
"""How the messages name the posted article (the CLI names the file)."""
TYPES = {"application/json", "text/plain", "text/html", ""}


def _too_large(size: int) -> ApiError:
    return ApiError(413, f"{LABEL}: too large ({size / 1e6:.1f} MB, limit {MAX_BODY / 1e6:g} MB)")


async def read_body(request: Request) -> bytes:
    """The body, refused with 413 as soon as it is over ``MAX_BODY``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise _too_large(int(declared))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise _too_large(size)
        chunks.append(chunk)
    return b"".join(chunks)


async def read_article(request: Request, published: str | None) -> tuple[RawDocument, str | None]:
    """The posted article as a raw document (checked as a file would be), and its source name."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in TYPES:
        raise ApiError(415, f"{LABEL}: send application/json, text/plain or text/html, not {media}")
    data = await read_body(request)
    source = None
    meta: dict[str, str | None] = {"published": published}
    if media == "application/json":
        try:
            body = ArticleInput.model_validate_json(data)
        except ValidationError as exc:
            first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid JSON"}
            where = ".".join(str(p) for p in first.get("loc", ()))
            raise ApiError(
                400, one_line(f"{LABEL}: {where + ': ' if where else ''}{first['msg']}")
            ) from exc
        data = body.text.encode("utf-8")
        meta = {"published": body.published or published, "title": body.title, "url": body.url}
        source = body.source
    try:
        raw = from_bytes(
            data, path=LABEL, media_type="text/html" if media == "text/html" else None, **meta
        )
    except InputError as exc:
        raise ApiError(400 if "empty" in str(exc) else 422, str(exc)) from exc
    if meta.get("url"):
        raw.path = None  # the URL names it
    return raw, source


def analyse(lock: threading.Lock, raw: RawDocument) -> Document:
    """Analyse one raw document (one at a time: the pipeline is shared)."""
    from dateline.pipeline import analyze_raw

    with lock:
        try:
            outcome = next(analyze_raw([raw], raw.published))
        except DatelineError as exc:  # the spaCy pipeline is missing
            raise ApiError(503, str(exc)) from exc
    if outcome.document is None:
        raise ApiError(422, outcome.error or f"{LABEL}: analysis failed")
    return outcome.document


def ingest(
    lock: threading.Lock, store: Store, raw: RawDocument, source: str | None
) -> IngestResult:
    """Store one raw document as ``dateline ingest --workers 0`` would; its ``inputs`` row."""
    from dateline.batch import Ingest
    from dateline.ingest.sources import SourceItem

    key = f"api:{raw.url or raw.sha256}"
    item = SourceItem(key, raw.url or LABEL, "api", raw=raw, sha256=raw.sha256, source=source)
    with lock:
        try:
            summary = Ingest(store, workers=0, published=raw.published, progress=False).run([item])
        except DatelineError as exc:
            raise ApiError(503, str(exc)) from exc
    inputs = m.inputs
    query = sa.select(inputs.c.status, inputs.c.article_id, inputs.c.reason).where(
        inputs.c.key == key, inputs.c.sha256 == raw.sha256
    )
    with store.engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        raise ApiError(503, f"{LABEL}: not recorded")
    status = "unchanged" if summary.unchanged else row.status  # posted before, as it is
    return IngestResult(key=key, status=status, article_id=row.article_id, reason=row.reason)
