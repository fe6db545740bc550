"""What the pages show, built from the store's rows: an article's marks, links that change one
search parameter, the charts of an actor and of a dyad, the API docs from the OpenAPI spec."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from dateline.explorer.charts import Bar, Segment
from dateline.explorer.highlight import Mark
from dateline.schema import Document


def flag_anchor(kind: str, start: int, end: int) -> str:
    """The id of a flag's spot in the article view (the review queue links to it)."""
    return f"flag-{kind}-{start}-{end}"


def article_marks(doc: Document, actors: dict[str, str]) -> list[Mark]:
    """Every mention, quote, cue, speaker, event (evidence and trigger) and flag of the article
    as marks: evidence outermost, then quotes, cues, flags, mentions, triggers."""
    names = {x.id: x.name for x in doc.entities}
    marks: list[Mark] = []
    for ev in doc.events:
        sides = " → ".join(
            (s.code or s.name or names.get(s.entity or "", "?")) if s else "?"
            for s in (ev.source, ev.target)
        )
        negated = "not " if ev.negated else ""
        title = f"{negated}{ev.type} ({ev.cameo}): {sides}"
        marks.append(
            Mark(
                ev.evidence.start,
                ev.evidence.end,
                "span",
                "evidence",
                f"ev-{ev.id}",
                title=title,
                depth=0,
            )
        )
        if ev.trigger:
            marks.append(
                Mark(ev.trigger.start, ev.trigger.end, "span", "trigger", title=title, depth=6)
            )
    for qt in doc.quotes:
        who = (qt.speaker.name or names.get(qt.speaker.entity or "")) if qt.speaker else None
        title = f"{qt.kind} quote, {who or 'speaker unknown'}"
        marks.append(
            Mark(qt.start, qt.end, "mark", f"quote {qt.kind}", f"q-{qt.id}", title=title, depth=1)
        )
        if qt.cue:
            marks.append(
                Mark(qt.cue.start, qt.cue.end, "span", "cue", title=f"cue of {qt.id}", depth=2)
            )
        if qt.speaker and qt.speaker.mention:
            sm = qt.speaker.mention
            marks.append(
                Mark(sm.start, sm.end, "span", "speaker", title=f"speaker of {qt.id}", depth=4)
            )
    for fl in doc.flags:
        anchor = flag_anchor(fl.kind, fl.start, fl.end)
        marks.append(
            Mark(fl.start, fl.end, "span", f"flag {fl.kind}", anchor, title=fl.message, depth=3)
        )
    for ent in doc.entities:
        code = f", {ent.code}" if ent.code else ""
        for mention in ent.mentions:
            marks.append(
                Mark(
                    mention.start,
                    mention.end,
                    "a",
                    f"ent {ent.type.lower()}" + (" linked" if ent.id in actors else ""),
                    href=f"#ent-{ent.id}",
                    title=f"{ent.name} ({ent.type}{code})",
                    depth=5,
                )
            )
    return marks


def search_link(params: dict[str, str], **changes: str | None) -> str:
    """The search page with ``params`` changed (None removes one; paging restarts)."""
    merged = {k: v for k, v in params.items() if k != "offset" and v}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return "/?" + urlencode(merged) if merged else "/"


def year_range(year: str) -> dict[str, str]:
    """``since``/``until`` covering a year."""
    return {"since": f"{year}-01-01", "until": f"{year}-12-31"}


def period_range(period: str) -> tuple[str, str]:
    """The first and last date of a ``YYYY`` or ``YYYY-MM`` period (as text bounds)."""
    if len(period) == 4:
        return f"{period}-01-01", f"{period}-12-31"
    return f"{period}-01", f"{period}-31"


def actor_chart_bars(actor_id: str, series: list[tuple[str, int]]) -> list[Bar]:
    """One bar per period of the actor's quotes, linking to that period's quotes."""
    return [
        Bar(
            label,
            [
                Segment(
                    n, 0, f"/actors/{quote(actor_id)}?period={label}#quotes", f"{label}: {n} quotes"
                )
            ],
        )
        for label, n in series
    ]


def dyad_chart_bars(
    a: str, b: str, labels: list[str], by: dict[str, dict[str, int]], types: list[str]
) -> list[Bar]:
    """One bar per period, stacked by PLOVER type; each segment links to its evidence."""
    base = f"/dyads/{quote(a)}/{quote(b)}"
    return [
        Bar(
            label,
            [
                Segment(
                    by.get(label, {}).get(t, 0),
                    i,
                    f"{base}?{urlencode({'type': t, 'period': label})}#evidence",
                    f"{label} {t}: {by.get(label, {}).get(t, 0)} events",
                )
                for i, t in enumerate(types)
            ],
        )
        for label in labels
    ]


def api_operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The operations of an OpenAPI spec for the docs page: method, path, summary, text,
    parameters and response codes."""
    out = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            params = [
                {
                    "name": p.get("name"),
                    "in": p.get("in"),
                    "required": p.get("required", False),
                    "schema": _schema_text(p.get("schema", {})),
                    "description": p.get("description")
                    or p.get("schema", {}).get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            body = op.get("requestBody", {}).get("content", {})
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": params,
                    "body": sorted(body),
                    "responses": sorted(op.get("responses", {})),
                }
            )
    return out


def _schema_text(schema: dict[str, Any]) -> str:
    options = schema.get("anyOf") or [schema]
    parts = []
    for option in options:
        kind = option.get("type", "")
        if kind == "null":
            continue
        if "enum" in option:
            kind = " | ".join(map(str, option["enum"]))
        limits = [
            f"{label} {option[key]}"
            for key, label in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", "≤ chars"))
            if key in option
        ]
        if "pattern" in option:
            limits.append(f"pattern {option['pattern']}")
        parts.append(kind + (f" ({', '.join(limits)})" if limits else ""))
    return " or ".join(p for p in parts if p)
