"""Human-readable views of a document."""

from __future__ import annotations

from collections import Counter

from dateline.schema import Document


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
                f"  {e.name}" + (f" ({role})" if role else "") + f": {len(e.mentions)} mentions"
            )
    kinds = Counter(e.type for e in doc.entities)
    places = [e.name for e in doc.entities if e.type in ("GPE", "LOC")]
    if places:
        lines.append("places:     " + ", ".join(places))
    paragraphs = sum(len(s.paragraphs) for s in doc.sections)
    lines.append(
        f"counts:     {paragraphs} paragraphs, "
        + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        + f", {len(doc.quotes)} quotes, {len(doc.events)} events, {len(doc.flags)} flags"
    )
    for flag in doc.flags:
        hint = f" -> {flag.suggestion}" if flag.suggestion else ""
        lines.append(f"flag:       {flag.kind} at {flag.start}: {flag.message}{hint}")
    return "\n".join(lines)
