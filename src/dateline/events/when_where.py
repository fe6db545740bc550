"""When and where: dates from the sentence or the article, places from the sentence or dateline."""

from __future__ import annotations

import datetime as dt
import re

import dateparser
from spacy.tokens import Token

from dateline import geo
from dateline.events.modality import words
from dateline.schema import Location
from dateline.structure import Article

WEEKDAY_OR_RELATIVE = re.compile(
    r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"(?:a|one|two|three|\d+)\s+(?:day|week|month|year)s?\s+ago|last\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
LOCATION_PREPS = words("location_preps")


def article_date(article: Article) -> dt.date | None:
    """The date the article reports from: its dateline's date, else its publication date."""
    for value in ((article.dateline.date if article.dateline else None), article.published):
        if value and not value.startswith("--"):
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def event_date(predicate: Token, base: dt.date | None, intent: bool) -> str | None:
    """The day the sentence gives for the event (``on Thursday``, ``a month ago``) or the base."""
    if base is None:
        return None
    if not intent:
        clause = predicate.head if predicate.dep_ in ("dobj", "pobj", "pcomp") else predicate
        subtree = {t.i for t in clause.subtree}
        for ent in predicate.sent.ents:
            if ent.label_ != "DATE" or not ({t.i for t in ent} & subtree):
                continue
            match = WEEKDAY_OR_RELATIVE.search(ent.text)
            if not match:
                continue
            settings = {
                "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)),
                "PREFER_DATES_FROM": "past",
            }
            parsed = dateparser.parse(match.group(0).removeprefix("on ").strip(), settings=settings)
            if parsed is not None and parsed.date() <= base:
                return parsed.date().isoformat()
    return base.isoformat()


def event_location(predicate: Token, article: Article) -> Location | None:
    """A place attached to the predicate (``in Lausanne``, ``the Lausanne meeting``) or the dateline's."""
    candidates = [c for c in predicate.children if c.dep_ == "compound"]
    for prep in predicate.children:
        if prep.dep_ == "prep" and prep.lower_ in LOCATION_PREPS:
            candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for token in candidates:
        if token.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "ORG") or token.pos_ == "PROPN":
            place = geo.find_place(token.text)
            if place is not None and place.kind in ("city", "country", "state"):
                return Location(
                    name=place.name, country=place.country, lat=place.lat, lon=place.lon
                )
    dl = article.dateline
    if dl is not None and dl.place:
        place = geo.find_place(dl.place, dl.country)
        if place is not None:
            return Location(
                name=dl.place, country=dl.country or place.country, lat=place.lat, lon=place.lon
            )
        return Location(name=dl.place, country=dl.country)
    return None
