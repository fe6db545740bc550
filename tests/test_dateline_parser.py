"""Tests for the in-body wire dateline parser."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from dateline.structure.dateline import DatelineMatch, parse_dateline

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def parse(paragraph: str, published: datetime.date | None = None) -> DatelineMatch:
    """parse_dateline that must find a dateline."""
    match = parse_dateline(paragraph, published=published)
    assert match is not None, paragraph
    return match


def test_slash_style_reads_place_country_date_and_agency() -> None:
    match = parse("ALANYA /TURKEY/, December 1./TASS/. Russia and Turkey agreed")
    assert match == DatelineMatch(
        text="ALANYA /TURKEY/, December 1./TASS/.",
        start=0,
        end=35,
        place="Alanya",
        country="TUR",
        date="--12-01",
        agency="TASS",
    )


def test_slash_style_takes_the_year_from_the_publication_date() -> None:
    match = parse("ALANYA /TURKEY/, December 1./TASS/. Russia", datetime.date(2016, 12, 1))
    assert match.date == "2016-12-01"


def test_date_read_in_january_falls_in_the_previous_december() -> None:
    match = parse("MOSCOW, December 31 (Reuters) - Text", datetime.date(2017, 1, 2))
    assert match.date == "2016-12-31"


def test_explicit_year_is_kept() -> None:
    match = parse("NEW YORK, Oct. 4, 2015 /PRNewswire/ -- Text", datetime.date(2016, 12, 1))
    assert match.date == "2015-10-04"


def test_upi_style_ends_at_the_dash() -> None:
    match = parse("LOS ANGELES, Sept. 28 (UPI) — In a preview")
    assert match.text == "LOS ANGELES, Sept. 28 (UPI) —"
    assert (match.place, match.country, match.date, match.agency) == (
        "Los Angeles",
        "USA",
        "--09-28",
        "UPI",
    )


def test_state_abbreviation_gives_usa() -> None:
    match = parse("HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party candidate")
    assert (match.text, match.place, match.country) == (
        "HEMPSTEAD, N.Y., Sept. 26 (UPI) —",
        "Hempstead",
        "USA",
    )


def test_reuters_style_with_hyphen() -> None:
    match = parse("MOSCOW, March 3 (Reuters) - Russia said")
    assert (match.text, match.country, match.date, match.agency) == (
        "MOSCOW, March 3 (Reuters) -",
        "RUS",
        "--03-03",
        "Reuters",
    )


def test_abbreviated_month_without_dot() -> None:
    match = parse("LONDON, Jan 5 (Reuters) - Britain said")
    assert (match.text, match.country, match.date) == (
        "LONDON, Jan 5 (Reuters) -",
        "GBR",
        "--01-05",
    )


def test_ap_style_without_date() -> None:
    match = parse("WASHINGTON (AP) — The Latest on the race")
    assert (match.text, match.place, match.country, match.date, match.agency) == (
        "WASHINGTON (AP) —",
        "Washington",
        "USA",
        None,
        "AP",
    )


def test_afp_style() -> None:
    match = parse("PARIS (AFP) - France said")
    assert (match.text, match.country, match.agency) == ("PARIS (AFP) -", "FRA", "AFP")


def test_country_after_comma() -> None:
    match = parse("KYIV, Ukraine — Officials said")
    assert (match.text, match.place, match.country, match.agency) == (
        "KYIV, Ukraine —",
        "Kyiv",
        "UKR",
        None,
    )


def test_country_after_comma_with_agency() -> None:
    match = parse("BEIRUT, Lebanon (AP) — Text")
    assert (match.text, match.country, match.agency) == ("BEIRUT, Lebanon (AP) —", "LBN", "AP")


def test_horizontal_bar_separator() -> None:
    assert parse("WASHINGTON ― The president").text == "WASHINGTON ―"


def test_double_hyphen_separator() -> None:
    assert parse("WASHINGTON -- President Obama said").text == "WASHINGTON --"


def test_en_dash_separator() -> None:
    assert parse("BRUSSELS – European leaders").text == "BRUSSELS –"


def test_multiword_place_unknown_to_the_gazetteer() -> None:
    match = parse("MIDWAY ATOLL - Seventy-four albatrosses")
    assert (match.text, match.place, match.country) == ("MIDWAY ATOLL -", "Midway Atoll", None)


def test_ap_state_abbreviation_with_hyphen_separator() -> None:
    match = parse("FAIRVIEW, W.Va. - The coal mine")
    assert (match.text, match.place, match.country) == ("FAIRVIEW, W.Va. -", "Fairview", "USA")


def test_pr_newswire_style() -> None:
    match = parse("NEW YORK, Oct. 4 /PRNewswire/ -- The company")
    assert (match.text, match.place, match.country, match.date, match.agency) == (
        "NEW YORK, Oct. 4 /PRNewswire/ --",
        "New York",
        "USA",
        "--10-04",
        "PRNewswire",
    )


@pytest.mark.parametrize(
    "paragraph",
    ["WASHINGTON is a city.", "US officials said", "The report (AP) said", "WASHINGTON."],
)
def test_ordinary_sentences_have_no_dateline(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


def test_hyphenated_capitals_without_separator_are_not_a_dateline() -> None:
    assert parse_dateline("WASHINGTON-BASED firms said") is None


@pytest.mark.parametrize("paragraph", ["EXCLUSIVE – Trump said", "FAREWELL— to all", "PSA— Read"])
def test_capitalised_label_unknown_to_the_gazetteer_is_not_a_dateline(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


def test_heading_longer_than_four_words_is_not_a_dateline() -> None:
    assert parse_dateline("NEW YORK AT ITS CORE— The city") is None


def test_capitalised_heading_with_comma_is_not_a_dateline() -> None:
    assert parse_dateline("DEMOGRAPHICS FAVOR CRUZ, BUT ECONOMY FAVORS TRUMP - Text") is None


def test_no_space_before_em_dash_is_accepted_for_known_places() -> None:
    assert parse("WASHINGTON—The Senate voted").text == "WASHINGTON—"


def test_possessive_place_is_title_cased_with_lowercase_s() -> None:
    assert parse("ST. JOHN'S, Canada — Text").place == "St. John's"


def test_offsets_point_into_the_full_text() -> None:
    prefix = "All news\n\nHeadline here\n"
    paragraph = "ALANYA /TURKEY/, December 1./TASS/. Russia and Turkey"
    full = prefix + paragraph
    match = parse_dateline(paragraph, offset=len(prefix))
    assert match is not None
    assert full[match.start : match.end] == match.text
    assert match.start == len(prefix)


def test_offsets_skip_leading_whitespace() -> None:
    prefix = "Headline\n"
    paragraph = "   WASHINGTON (AP) — The Latest"
    full = prefix + paragraph
    match = parse_dateline(paragraph, offset=len(prefix))
    assert match is not None
    assert full[match.start : match.end] == match.text == "WASHINGTON (AP) —"


def _polnear_wire_articles() -> list[Path]:
    """PolNeAR dev articles whose opening credits UPI or AP."""
    text_dir = DATA / "polnear" / "dev" / "text"
    if not text_dir.is_dir():
        pytest.skip(f"evaluation data not found at {text_dir}")
    return [
        path
        for path in sorted(text_dir.glob("*.txt"))
        if "(UPI)" in (head := path.read_text(encoding="utf-8")[:600]) or "(AP)" in head
    ]


def test_polnear_wire_articles_have_a_dateline_with_agency() -> None:
    articles = _polnear_wire_articles()
    assert articles
    for path in articles:
        text = path.read_text(encoding="utf-8")
        offset = 0
        found = None
        for paragraph in text.split("\n")[:6]:
            match = parse_dateline(paragraph, offset=offset)
            if match is not None and match.agency:
                found = match
                break
            offset += len(paragraph) + 1
        assert found is not None, path.name
        assert text[found.start : found.end] == found.text
        assert found.agency in {"UPI", "AP"}
