"""Exports of the store: JSONL documents, Parquet or CSV tables (one file per table, for DuckDB,
Spark, pandas), and a GDELT 2.0 style events file (tab-separated, the 61 GDELT columns in order,
those we cannot fill left empty).

Near-duplicate copies are left out unless asked for, so counts match ``dateline stats``.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa

from dateline.store import Store
from dateline.store import models as m

FORMATS = ("jsonl", "parquet", "csv", "gdelt")
CHUNK = 2000
LEFT_OUT = {"articles": {"document", "minhash"}}
"""Columns not exported as table columns (the document JSON is the JSONL export)."""
TABLES = (
    "articles", "entities", "mentions", "quotes", "events", "flags", "inputs", "actors",
    "actor_aliases",
)  # fmt: skip
"""Exported tables; ``entities.actor_id`` joins an entity to its corpus actor in ``actors``."""


def _canonical_articles(include_near_duplicates: bool) -> sa.Select:
    query = sa.select(m.articles.c.id)
    if not include_near_duplicates:
        query = query.where(m.articles.c.near_duplicate_of.is_(None))
    return query


def table_query(name: str, include_near_duplicates: bool = False) -> sa.Select:
    """The rows of one exported table, in insertion order."""
    table = m.metadata.tables[name]
    columns = [c for c in table.columns if c.name not in LEFT_OUT.get(name, set())]
    order = [table.c.pk] if "pk" in table.c else list(table.primary_key.columns)
    query = sa.select(*columns).order_by(*order)
    if name == "articles" and not include_near_duplicates:
        query = query.where(table.c.near_duplicate_of.is_(None))
    elif "article_id" in table.c and name != "inputs":
        query = query.where(table.c.article_id.in_(_canonical_articles(include_near_duplicates)))
    return query


def arrow_schema(name: str) -> Any:
    """The Arrow schema of an exported table, from the column types."""
    import pyarrow as pa

    fields = []
    for column in m.metadata.tables[name].columns:
        if column.name in LEFT_OUT.get(name, set()):
            continue
        kind = column.type
        if isinstance(kind, sa.Boolean):
            arrow = pa.bool_()
        elif isinstance(kind, sa.Integer):
            arrow = pa.int64()
        elif isinstance(kind, sa.Float):
            arrow = pa.float64()
        elif isinstance(kind, sa.DateTime):
            arrow = pa.timestamp("us", tz="UTC")
        else:
            arrow = pa.string()
        fields.append(pa.field(column.name, arrow, nullable=column.nullable or column.primary_key))
    return pa.schema(fields)


def _chunks(store: Store, query: sa.Select) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in store.rows(query, CHUNK):
        item = dict(row._mapping)
        for k, value in item.items():
            if isinstance(value, dt.datetime) and value.tzinfo is None:
                item[k] = value.replace(tzinfo=dt.UTC)  # SQLite gives UTC back without the zone
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def export_tables(
    store: Store, directory: Path, fmt: str = "parquet", include_near_duplicates: bool = False
) -> dict[str, int]:
    """Every table as ``DIR/<table>.parquet`` (or ``.csv``); returns the rows written per file."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name in TABLES:
        schema = arrow_schema(name)
        path = directory / f"{name}.{fmt}"
        tmp = path.with_name(path.name + ".part")
        writer = (
            pq.ParquetWriter(tmp, schema, compression="zstd")
            if fmt == "parquet"
            else pacsv.CSVWriter(tmp, schema)
        )
        rows = 0
        with writer:
            for chunk in _chunks(store, table_query(name, include_near_duplicates)):
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                rows += len(chunk)
            if rows == 0 and fmt == "parquet":
                writer.write_table(schema.empty_table())
        tmp.replace(path)
        counts[str(path)] = rows
    return counts


def export_jsonl(store: Store, out: IO[str], include_near_duplicates: bool = False) -> int:
    """One stored ``dateline/1`` document a line, in the order stored."""
    query = sa.select(m.articles.c.document).order_by(m.articles.c.pk)
    if not include_near_duplicates:
        query = query.where(m.articles.c.near_duplicate_of.is_(None))
    n = 0
    for (document,) in store.rows(query):
        out.write(document.rstrip("\n") + "\n")
        n += 1
    return n


GDELT_COLUMNS = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
"""The GDELT 2.0 event table columns, in file order (61)."""


def quad_class(cameo: str) -> str:
    """GDELT QuadClass from the CAMEO root: 1 verbal cooperation (01-05), 2 material cooperation
    (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
    try:
        root = int(cameo[:2])
    except ValueError:
        return ""
    if 1 <= root <= 5:
        return "1"
    if 6 <= root <= 8:
        return "2"
    if 9 <= root <= 13:
        return "3"
    if 14 <= root <= 20:
        return "4"
    return ""


def _actor_fields(code: str | None, name: str | None, country: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    code = (code or "").upper()
    if code.startswith("IGO"):
        country_code, group, types = "", code[3:6], ["IGO"]
    else:
        country_code = country or (code[:3] if len(code) >= 3 else "")
        group = ""
        rest = code[3:] if code[:3] == country_code else ""
        types = [rest[i : i + 3] for i in range(0, len(rest), 3)][:3]
    types += [""] * (3 - len(types))
    return [code, (name or "").upper(), country_code, group, "", "", "", *types]


def _gdelt_day(*dates: str | None) -> dt.date | None:
    for value in dates:
        if value and len(value) >= 10 and value[:4].isdigit():
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """One stored event as the 61 GDELT fields."""
    day = _gdelt_day(row["date"], row["article_date"])
    if day:
        start = dt.date(day.year, 1, 1)
        fraction = f"{day.year + ((day - start).days + 1) / 365:.4f}"
        dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), fraction]
    else:
        dates = ["", "", "", ""]
    cameo = row["cameo"] or ""
    lat, lon = row["lat"], row["lon"]
    if row["location_name"]:
        geo_type = "4" if lat is not None else ("1" if row["location_country"] else "")
        action_geo = [
            geo_type,
            row["location_name"],
            "",
            "",
            "",
            "" if lat is None else f"{lat:.4f}",
            "" if lon is None else f"{lon:.4f}",
            "",
        ]
    else:
        action_geo = [""] * 8
    added = row["created_at"]
    fields = [
        str(row["pk"]),
        *dates,
        *_actor_fields(row["source_code"], row["source_name"], row["source_country"]),
        *_actor_fields(row["target_code"], row["target_name"], row["target_country"]),
        "1" if row["in_lead"] else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        quad_class(cameo),
        "",  # GoldsteinScale: no table of it here
        "1",
        "1",
        "1",
        "",  # AvgTone: not computed
        *([""] * 8),  # Actor1Geo
        *([""] * 8),  # Actor2Geo
        *action_geo,
        added.strftime("%Y%m%d%H%M%S") if added else "",
        row["url"] or row["path"] or "",
    ]
    return [f.replace("\t", " ").replace("\n", " ") for f in fields]


def gdelt_query(include_near_duplicates: bool = False) -> sa.Select:
    """Stored events (not negated ones: GDELT codes what happened) with their article."""
    v, a = m.events, m.articles
    src, tgt = sa.alias(m.entities, "src"), sa.alias(m.entities, "tgt")
    query = (
        sa.select(
            v.c.pk,
            v.c.date,
            v.c.cameo,
            v.c.source_code,
            v.c.target_code,
            v.c.in_lead,
            v.c.location_name,
            v.c.location_country,
            v.c.lat,
            v.c.lon,
            sa.func.coalesce(v.c.source_name, src.c.name).label("source_name"),
            sa.func.coalesce(v.c.target_name, tgt.c.name).label("target_name"),
            src.c.country.label("source_country"),
            tgt.c.country.label("target_country"),
            a.c.date.label("article_date"),
            a.c.url,
            a.c.path,
            a.c.created_at,
        )
        .join(a, a.c.id == v.c.article_id)
        .outerjoin(
            src, sa.and_(src.c.article_id == v.c.article_id, src.c.entity_id == v.c.source_entity)
        )
        .outerjoin(
            tgt, sa.and_(tgt.c.article_id == v.c.article_id, tgt.c.entity_id == v.c.target_entity)
        )
        .where(v.c.negated.is_(False))
        .order_by(v.c.pk)
    )
    if not include_near_duplicates:
        query = query.where(a.c.near_duplicate_of.is_(None))
    return query


def export_gdelt(
    store: Store, out: IO[str], include_near_duplicates: bool = False, header: bool = False
) -> int:
    """Events as a GDELT 2.0 events file (no header line unless asked, like GDELT's own)."""
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    n = 0
    for row in store.rows(gdelt_query(include_near_duplicates)):
        out.write("\t".join(gdelt_row(dict(row._mapping))) + "\n")
        n += 1
    return n


def export(
    store: Store,
    fmt: str,
    out: str | Path | None = None,
    include_near_duplicates: bool = False,
    header: bool = False,
) -> dict[str, int]:
    """Export in ``fmt``; ``out`` is a directory for parquet/csv (default ``dateline-export``)
    and a file for jsonl/gdelt (default standard output). Returns rows written per file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt in ("parquet", "csv"):
        return export_tables(store, Path(out or "dateline-export"), fmt, include_near_duplicates)
    writer = export_jsonl if fmt == "jsonl" else export_gdelt
    kwargs: dict[str, Any] = {"include_near_duplicates": include_near_duplicates}
    if fmt == "gdelt":
        kwargs["header"] = header
    if out is None or str(out) == "-":
        return {"-": writer(store, sys.stdout, **kwargs)}
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        n = writer(store, fh, **kwargs)
    tmp.replace(path)
    return {str(path): n}
