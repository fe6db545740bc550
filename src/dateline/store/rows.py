"""One analysed document as table rows (built in the worker processes, written by the driver)."""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # reading a store builds no pydantic models (start-up time)
    from dateline.schema import Document, Event

Row = dict[str, Any]
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def full_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` when ``value`` starts with a full date (not ``--12-01``), else None."""
    if value and FULL_DATE.match(value):
        return value[:10]
    return None


def article_row(document: Document, document_json: str, source_name: str | None = None) -> Row:
    """The ``articles`` row of a document (near-duplicate link and minhash are the driver's)."""
    source = document.source
    dateline = document.dateline
    return {
        "id": document.id,
        "sha256": hashlib.sha256(document.text.encode("utf-8")).hexdigest(),
        "source_sha256": source.sha256,
        "path": source.path,
        "url": source.url,
        "media_type": source.media_type,
        "source": source_name or source.sitename,
        "title": source.title or (document.headline.text if document.headline else None),
        "published": source.published,
        "date": full_date(source.published) or full_date(dateline.date if dateline else None),
        "language": document.language,
        "headline": document.headline.text if document.headline else None,
        "standfirst": document.standfirst.text if document.standfirst else None,
        "dateline_text": dateline.text if dateline else None,
        "dateline_place": dateline.place if dateline else None,
        "dateline_country": dateline.country if dateline else None,
        "dateline_date": dateline.date if dateline else None,
        "dateline_agency": dateline.agency if dateline else None,
        "text": document.text,
        "document": document_json,
        "near_duplicate_of": None,
        "similarity": None,
        "minhash": None,
    }


def _lead_end(document: Document) -> int | None:
    for section in document.sections:
        if section.paragraphs:
            return section.paragraphs[0].end
    return None


def event_row(article_id: str, event: Event, lead_end: int | None) -> Row:
    """The ``events`` row of one event; its full JSON goes to ``data`` so later fields survive."""
    source, target, location = event.source, event.target, event.location
    return {
        "article_id": article_id,
        "event_id": event.id,
        "type": event.type,
        "cameo": event.cameo,
        "source_entity": source.entity if source else None,
        "source_code": source.code if source else None,
        "source_name": source.name if source else None,
        "target_entity": target.entity if target else None,
        "target_code": target.code if target else None,
        "target_name": target.name if target else None,
        "date": event.date,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "evidence": event.evidence.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "negated": event.negated,
        "mode": event.mode,
        "quote_id": event.quote,
        "in_lead": lead_end is not None and event.evidence.start < lead_end,
        "confidence": event.confidence,
        "data": event.model_dump_json(by_alias=True),
    }


def child_rows(document: Document) -> dict[str, list[Row]]:
    """Rows of ``entities``, ``mentions``, ``quotes``, ``events`` and ``flags`` for a document."""
    aid = document.id
    names = {e.id: e.name for e in document.entities}
    entities = [
        {
            "article_id": aid,
            "entity_id": e.id,
            "name": e.name,
            "type": e.type,
            "country": e.country,
            "role": e.role,
            "code": e.code,
            "mention_count": len(e.mentions),
        }
        for e in document.entities
    ]
    mentions = [
        {
            "article_id": aid,
            "entity_id": e.id,
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "kind": m.kind,
        }
        for e in document.entities
        for m in e.mentions
    ]
    quotes = []
    for q in document.quotes:
        speaker = q.speaker
        mention = speaker.mention if speaker else None
        speaker_name = speaker.name if speaker else None
        if speaker_name is None and speaker is not None and speaker.entity in names:
            speaker_name = names[speaker.entity]
        quotes.append(
            {
                "article_id": aid,
                "quote_id": q.id,
                "kind": q.kind,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "cue": q.cue.text if q.cue else None,
                "cue_start": q.cue.start if q.cue else None,
                "cue_end": q.cue.end if q.cue else None,
                "speaker_entity": speaker.entity if speaker else None,
                "speaker_name": speaker_name,
                "speaker_mention": mention.text if mention else None,
                "speaker_start": mention.start if mention else None,
                "speaker_end": mention.end if mention else None,
                "confidence": q.confidence,
                "fragment": q.fragment,
                "negated": q.negated,
                "hedged": q.hedged,
            }
        )
    lead_end = _lead_end(document)
    events = [event_row(aid, v, lead_end) for v in document.events]
    flags = [
        {
            "article_id": aid,
            "kind": f.kind,
            "message": f.message,
            "start": f.start,
            "end": f.end,
            "suggestion": f.suggestion,
        }
        for f in document.flags
    ]
    return {
        "entities": entities,
        "mentions": mentions,
        "quotes": quotes,
        "events": events,
        "flags": flags,
    }
