"""Tests for country and place resolution."""

from __future__ import annotations

import pytest

from dateline.geo import Place, alpha3_from_alpha2, country_code, find_place, is_place


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RUS"),
        ("Syria", "SYR"),
        ("Iran", "IRN"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Vietnam", "VNM"),
        ("Moldova", "MDA"),
        ("Laos", "LAO"),
        ("Taiwan", "TWN"),
        ("Kosovo", "XKX"),
        ("Czech Republic", "CZE"),
        ("Palestine", "PSE"),
    ],
)
def test_country_code_reads_common_short_names(name: str, code: str) -> None:
    assert country_code(name) == code


def test_country_code_reads_official_names() -> None:
    assert country_code("Russian Federation") == "RUS"


def test_country_code_reads_all_caps_names() -> None:
    assert country_code("TURKEY") == "TUR"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
    ],
)
def test_country_code_reads_us_and_uk_variants(name: str, code: str) -> None:
    assert country_code(name) == code


def test_country_code_reads_iso_codes() -> None:
    assert (country_code("TR"), country_code("TUR")) == ("TUR", "TUR")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russian", "RUS"),
        ("Syrian", "SYR"),
        ("Ukrainian", "UKR"),
        ("Cuban", "CUB"),
        ("Nigerian", "NGA"),
        ("Italian", "ITA"),
        ("Jordanian", "JOR"),
        ("Palestinian", "PSE"),
    ],
)
def test_country_code_derives_regular_demonyms(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Turkish", "TUR"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Chinese", "CHN"),
        ("Israeli", "ISR"),
        ("Korean", "KOR"),
        ("South Korean", "KOR"),
        ("North Korean", "PRK"),
    ],
)
def test_country_code_reads_irregular_demonyms(name: str, code: str) -> None:
    assert country_code(name) == code


def test_country_code_reads_plural_demonyms() -> None:
    assert (country_code("Russians"), country_code("Americans")) == ("RUS", "USA")


@pytest.mark.parametrize("name", ["Kurdish", "European", "Soviet"])
def test_country_code_rejects_adjectives_of_no_single_country(name: str) -> None:
    assert country_code(name) is None


@pytest.mark.parametrize("name", ["us", "chad", ""])
def test_country_code_requires_an_initial_capital(name: str) -> None:
    assert country_code(name) is None


def test_country_code_rejects_ordinary_words() -> None:
    assert country_code("Minister") is None


def test_find_place_resolves_a_country() -> None:
    place = find_place("Russia")
    assert place is not None
    assert (place.country, place.kind) == ("RUS", "country")


def test_find_place_does_not_treat_demonyms_as_places() -> None:
    assert find_place("Russian") is None


def test_find_place_resolves_a_city_with_coordinates() -> None:
    place = find_place("Alanya")
    assert place is not None
    assert (place.name, place.country, place.kind) == ("Alanya", "TUR", "city")
    assert place.lat == pytest.approx(36.54, abs=0.1)
    assert place.lon == pytest.approx(32.0, abs=0.1)


def test_find_place_accepts_all_caps_input() -> None:
    assert find_place("ALANYA") == find_place("Alanya")


def test_find_place_prefers_the_most_populous_city() -> None:
    place = find_place("Moscow")
    assert place is not None and place.country == "RUS"


def test_find_place_honours_the_country_hint() -> None:
    place = find_place("Paris", country_hint="USA")
    assert place is not None
    assert (place.country, place.kind) == ("USA", "city")


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("N.Y.", "New York"),
        ("Mich.", "Michigan"),
        ("W.Va.", "West Virginia"),
        ("Calif.", "California"),
        ("Texas", "Texas"),
        ("NY", "New York"),
    ],
)
def test_find_place_resolves_us_states(name: str, state: str) -> None:
    assert find_place(name) == Place(name=state, country="USA", lat=None, lon=None, kind="state")


def test_find_place_prefers_a_big_us_city_over_its_state() -> None:
    place = find_place("Washington")
    assert place is not None
    assert (place.country, place.kind) == ("USA", "city")


def test_find_place_returns_none_for_unknown_names() -> None:
    assert find_place("Qwertyzxcv") is None


def test_is_place_matches_find_place() -> None:
    assert is_place("Beirut") and not is_place("Reuters")


def test_alpha3_from_alpha2_converts_codes() -> None:
    assert (alpha3_from_alpha2("TR"), alpha3_from_alpha2("us"), alpha3_from_alpha2("ZZ")) == (
        "TUR",
        "USA",
        None,
    )
