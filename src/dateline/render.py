"""Human-readable views of a document."""

from __future__ import annotations

from collections import Counter

from dateline.schema import Document
from dateline.terminal import clip, counted, format_table

SIDE_WIDTH = 40
"""Terminal columns of an event's source or target in ``events_table`` (longer: cut with …)."""
EVIDENCE_WIDTH = 90


def summary(doc: Document) -> str:
    """A short view: headline, dateline, people with roles, counts."""
    lines = [f"# {doc.source.path or doc.id}"]
    if doc.headline:
        lines.append(f"headline:   {doc.headline.text}")
    if doc.standfirst:
        lines.append(f"standfirst: {doc.standfirst.text}")
    if doc.dateline:
        d = doc.dateline
        lines.append(f"dateline:   {d.text}  ->  {d.place} / {d.country} / {d.date} / {d.agency}")
    for caption in doc.captions:
        lines.append(f"caption:    {caption.text}  [credit: {caption.credit}]")
    headings = [s.heading.text for s in doc.sections if s.heading]
    if headings:
        lines.append("subheads:   " + " | ".join(headings))
    people = [e for e in doc.entities if e.type == "PERSON"]
    if people:
        lines.append("people:")
        for e in people:
            role = ", ".join(x for x in (e.role, e.country, e.code) if x)
            lines.append(
                f"  {e.name}"
                + (f" ({role})" if role else "")
                + f": {counted(len(e.mentions), 'mention')}"
            )
    kinds = Counter(e.type for e in doc.entities)
    places = [e.name for e in doc.entities if e.type in ("GPE", "LOC")]
    if places:
        lines.append("places:     " + ", ".join(places))
    paragraphs = sum(len(s.paragraphs) for s in doc.sections)
    lines.append(
        f"counts:     {counted(paragraphs, 'paragraph')}, "
        + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        + f", {counted(len(doc.quotes), 'quote')}, {counted(len(doc.events), 'event')}, "
        + counted(len(doc.flags), "flag")
    )
    speakers = Counter(
        (q.speaker.name or q.speaker.mention.text if q.speaker.mention else "?")
        if q.speaker
        else "(none)"
        for q in doc.quotes
    )
    if speakers:
        lines.append(
            "quoted:     " + ", ".join(f"{name} {n}" for name, n in speakers.most_common(8))
        )
    for ev in doc.events:
        target = ev.target.code or ev.target.name if ev.target else "-"
        mode = f" ({ev.mode})" if ev.mode else ""
        mode += " (negated)" if ev.negated else ""
        source = ev.source.code or ev.source.name if ev.source else "-"
        lines.append(f"event:      {ev.date or '-'} {source} {ev.type}/{ev.cameo}{mode} {target}")
    for flag in doc.flags:
        hint = f" -> {flag.suggestion}" if flag.suggestion else ""
        lines.append(f"flag:       {flag.kind} at {flag.start}: {flag.message}{hint}")
    return "\n".join(lines)


def _side(actor: object) -> str:
    if actor is None:
        return "-"
    code = getattr(actor, "code", None)
    name = getattr(actor, "name", None)
    return f"{code or '?'} ({name})" if name else code or "?"


def events_table(doc: Document, events: list | None = None) -> str:
    """Events as a readable table: date, source, type/code, target, evidence."""
    rows = doc.events if events is None else events
    title = doc.source.path or doc.id
    heading = f"# {title}: {counted(len(rows), 'event')}"
    if not rows:
        return heading
    table = [("date", "source", "type/cameo", "", "target", "evidence")]
    for e in rows:
        kind = f"{e.type}/{e.cameo}" + (" intent" if e.mode == "intent" else "")
        kind += " NOT" if e.negated else ""
        arrow = "<->" if e.symmetric else "->"
        table.append(
            (
                e.date or "-",
                clip(_side(e.source), SIDE_WIDTH),
                kind,
                arrow,
                clip(_side(e.target), SIDE_WIDTH),
                clip(e.evidence.text, EVIDENCE_WIDTH),
            )
        )
    return heading + "\n" + format_table(table)
