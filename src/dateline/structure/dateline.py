"""Parse the wire-service dateline at the start of a paragraph ("MOSCOW, March 3 (Reuters) -")."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

import dateparser

from dateline import geo

__all__ = ["DATELINE_PATTERN", "DatelineMatch", "parse_dateline"]


@dataclass
class DatelineMatch:
    """A dateline found in the text, with offsets into the full text."""

    text: str
    start: int
    end: int
    place: str | None  # title-cased, e.g. "Alanya", "Los Angeles"
    country: str | None  # ISO 3166 alpha-3
    date: str | None  # "2016-12-01", or "--12-01" when the year is unknown
    agency: str | None  # as written: "TASS", "UPI", "Reuters", "AP"


# Month names and their wire abbreviations ("Sept.", "Dec"), longest alternatives first.
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b\.?"
)

# A dateline's date: month, day and an optional year ("December 1", "Sept. 28", "Oct. 4, 2016").
DATE = rf"{MONTH}\s*\d{{1,2}}\b(?:,?\s*\d{{4}}\b)?"

# The place in ALL CAPS, two letters or more and four words at most, so that longer capitalised
# headings are not taken for places ("ALANYA", "LOS ANGELES", "ST. LOUIS", "O'HARE").
PLACE = r"(?=(?:[^A-Za-z]*[A-Z]){2})[A-Z][A-Z.'’\-]*(?:[ ][A-Z][A-Z.'’\-]*){0,3}(?![A-Za-z])"

# A region after a comma, in capitalised words, never a date: "N.Y.", "W.Va.", "Ukraine".
REGION = rf"(?!{DATE})[A-Z][A-Za-z.'’\-]*(?:[ ][A-Z][A-Za-z.'’\-]*){{0,3}}"

# The agency credit: capitalised token(s) in parentheses or slashes ("(UPI)", "/TASS/").
AGENCY = r"[A-Z][A-Za-z&.'\-]*(?:[ ][A-Z][A-Za-z&.'\-]*){0,4}"

# The separator that ends a dateline: a dash of any kind, or a full stop after a "/TASS/" credit.
SEPARATOR = r"\s*(?:—|―|–|--)|\s+-(?=\s)|(?(agency)\s*\.(?!\w)|(?!))"

DATELINE_PATTERN = re.compile(
    rf"""
    (?P<lead>\s*)
    (?P<body>
        (?P<place>{PLACE})
        (?:\s*/(?P<country>[A-Z][A-Za-z .'\-]*[A-Za-z])/)?   # ALANYA /TURKEY/
        (?:\s*,\s*(?P<region>{REGION}))?                    # , N.Y.  |  , Ukraine
        (?:\s*,?\s*(?P<date>{DATE})\.?)?                    # , Sept. 28  |  , December 1.
        (?:\s*(?:\((?P<paren>{AGENCY})\)|/(?P<slash>{AGENCY})/)(?P<agency>))?
        (?P<sep>{SEPARATOR})
    )
    """,
    re.VERBOSE,
)

# A leap-year base so that "Feb. 29" without a year still reads as a month and a day.
_YEARLESS_BASE = datetime.datetime(2000, 12, 31)


def _dateparser_settings(base: datetime.datetime | None) -> dict[str, Any]:
    """dateparser settings: past dates only, both day and month required."""
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return settings


def _has_year(date_text: str) -> bool:
    """True when the date text spells out a four-digit year."""
    return re.search(r"\b\d{4}\b", date_text) is not None


def parse_date(date_text: str, published: datetime.date | None = None) -> str | None:
    """ISO date for a dateline date; "--MM-DD" when neither text nor publication gives a year."""
    if _has_year(date_text):
        base = None
    elif published is not None:
        base = datetime.datetime(published.year, published.month, published.day)
    else:
        base = _YEARLESS_BASE
    parsed = dateparser.parse(date_text, languages=["en"], settings=_dateparser_settings(base))
    if parsed is None:
        return None
    if base is _YEARLESS_BASE:
        return parsed.strftime("--%m-%d")
    return parsed.date().isoformat()


def _title(place: str) -> str:
    """Title-case an ALL-CAPS place ("LOS ANGELES" -> "Los Angeles")."""
    titled = " ".join(word.title() for word in place.split())
    return re.sub(r"(?<=['’])S\b", "s", titled)


def _region_country(region: str) -> str | None:
    """Country named by the part after the comma: a state ("N.Y.") means USA."""
    found = geo.find_place(region)
    if found is not None:
        return found.country
    return geo.country_code(region)


def _resolve_country(place: str, explicit: str | None, region: str | None) -> str | None:
    """Country of the dateline: explicit /COUNTRY/, then the region, then the place itself."""
    if explicit:
        code = geo.country_code(explicit) or geo.country_code(_title(explicit))
        if code:
            return code
    hint = _region_country(region) if region else None
    if hint:
        return hint
    found = geo.find_place(place)
    return found.country if found else None


def _is_credible_bare_place(place: str) -> bool:
    """Heuristic: a dateline without date, agency or known region needs a known place or word."""
    return geo.is_place(place) or any(geo.is_place(word) for word in place.split())


def parse_dateline(
    paragraph: str, offset: int = 0, published: datetime.date | None = None
) -> DatelineMatch | None:
    """The dateline at the start of a paragraph, with offsets shifted by `offset`; else None."""
    match = DATELINE_PATTERN.match(paragraph)
    if match is None:
        return None
    place = _title(match["place"])
    date_text = match["date"]
    region = match["region"]
    is_bare = not (match["country"] or date_text or match["agency"] is not None)
    if is_bare and not (region and geo.is_place(region)) and not _is_credible_bare_place(place):
        return None
    return DatelineMatch(
        text=match["body"],
        start=offset + match.start("body"),
        end=offset + match.end("body"),
        place=place,
        country=_resolve_country(place, match["country"], region),
        date=parse_date(date_text, published) if date_text else None,
        agency=match["paren"] or match["slash"],
    )
