"""Input discovery for batch ingest: files and directories (recursively) of .txt/.html, JSONL
(one article a line), CSV/TSV (one article a row), RSS/Atom feeds and WARC archives, each also
gzipped (``.gz``), as a stream of ``SourceItem`` records.

Every record carries a stable ``key`` (the absolute path; ``path:LINE`` for a JSONL line;
``path#ROW`` for a CSV/TSV row; ``path#ID`` for a feed entry, a WARC record, or a JSONL line or
row with an ``--id-column``) and the SHA-256 of its bytes, so that a rerun can tell what it has
already stored. A record is either a ``RawDocument`` or the one-line reason it could not be read;
one bad input never stops the stream.

Sizes are checked while reading, before memory is spent: a single file is read up to the article
limit (``MAX_BYTES``) and no further, also when gzipped; JSONL and CSV/TSV are streamed a line at
a time with a bounded ``readline`` (``dateline.ingest.tables``); a feed is read whole only under
``MAX_FEED_BYTES`` and its entries over the article limit are cut out before it is parsed; a WARC
is streamed record by record, each read up to the article limit, under ``MAX_WARC_BYTES``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import hashlib
import html as htmllib
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dateline.errors import InputError, one_line
from dateline.ingest.raw import (
    HTML_SUFFIXES,
    MAX_BYTES,
    RawDocument,
    bom_encoding,
    from_bytes,
)
from dateline.ingest.raw import _looks_binary as looks_binary
from dateline.ingest.tables import (
    DATE_NAMES,
    ENCODING_SAMPLE,
    HTML_NAMES,
    MAX_LINE_BYTES,
    SOURCE_NAMES,
    TEXT_NAMES,
    TITLE_NAMES,
    URL_NAMES,
    Columns,
    bounded_lines,
    column_names,
    count_lines,
    csv_rows,
    delimiter_for,
    match_column,
    stream_encoding,
    text_stream,
)

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv", ".tab"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
WARC_SUFFIXES = {".warc"}
GZIP_SUFFIX = ".gz"
"""Any supported file may be gzipped: ``page.html.gz``, ``rows.csv.gz``, ``feed.rss.gz``."""
SUPPORTED = (
    TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | TABLE_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
)
MAX_FEED_BYTES = 200 * 1000 * 1000
"""A feed file over this (200 MB, uncompressed) is refused in one line: a feed is parsed whole
(feedparser), at several times its size in memory. A news feed is kilobytes; an archive of a
year of a site's entries tens of megabytes."""
MAX_WARC_BYTES = 8 * 1000 * 1000 * 1000
"""A WARC file over this (8 GB on disk) is refused in one line. A WARC is streamed record by
record (each read up to ``MAX_BYTES``), so this bounds the time one file takes, not memory; a
crawl segment (Common Crawl: about 1 GB compressed) is well under it."""
OVERSIZED_ENTRY = "urn:dateline:oversized-entry:"
"""The id given to the stub that replaces a feed entry over ``MAX_BYTES`` before parsing."""
ENTRY_START = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?(item|entry))[\s>/]")
"""The opening tag of an RSS ``item`` or Atom ``entry`` (with a namespace prefix or not)."""
ENTRY_ID = re.compile(
    rb"<(?:[\w.-]+:)?(?:guid|id)\b[^>]*>\s*(?:<!\[CDATA\[)?([^<\s][^<]{0,1000}?)\s*(?:\]\]>)?</"
    rb"|<link\b[^>]*?href=[\"']([^\"']{1,1000})|<link>\s*([^<\s][^<]{0,1000}?)\s*</link>"
)
"""The id (or else link) of a feed entry, looked for at its start: the name a failed oversized
entry is recorded under, as feedparser would name it."""
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
"""Half of a UTF-16 surrogate pair, which a JSON escape (``\\ud800``) can give alone: not a
character, so not encodable; replaced by U+FFFD and counted like an invalid byte."""
ENTRY_ID_WINDOW = 64 * 1024
"""Bytes at the start of an oversized feed entry searched for its id."""
FEED_SNIFF = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)
DATE_IN_NAME = re.compile(
    r"(?<!\d)((?:19|20)\d{2})([-_/.])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)
"""A ``YYYY-MM-DD`` (or ``_``, ``/``, ``.`` separated) date in a file name or URL path."""
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class SourceItem:
    """One input of a batch: a raw document or the reason it could not be read."""

    key: str
    location: str
    kind: str
    raw: RawDocument | None = None
    error: str | None = None
    sha256: str = ""
    source: str | None = None
    """The publisher or feed name, where the input names one."""


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/time or an RFC 822 date (feeds); None if unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def date_in_name(name: str | None) -> str | None:
    """The date a file name or URL carries (``cnn_2016-09-12_x.txt``, ``/2016/09/12/``)."""
    if not name:
        return None
    for match in DATE_IN_NAME.finditer(name):
        try:
            return dt.date(int(match[1]), int(match[3]), int(match[4])).isoformat()
        except ValueError:
            continue
    return None


def _gzipped(path: Path) -> bool:
    return path.name.lower().endswith(GZIP_SUFFIX)


def _suffix(path: Path) -> str:
    """The suffix that tells the kind of input, under a ``.gz`` (``a.html.gz``: ``.html``)."""
    name = path.name.lower()
    if name.endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    return Path(name).suffix


def _open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed as they are read when it is gzipped."""
    return gzip.open(path, "rb") if _gzipped(path) else path.open("rb")  # type: ignore[return-value]


READ_ERRORS = (OSError, EOFError, zlib.error)
"""What reading a file or a gzip stream raises: a disk error, a truncated or corrupt .gz."""


def _read_problem(path: Path, exc: BaseException) -> str:
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        return f"{path}: not a readable gzip file ({str(exc) or type(exc).__name__})"
    strerror = getattr(exc, "strerror", None)
    return f"{path}: cannot read ({strerror or exc})"


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _limit(size: int) -> str:
    """A limit as the messages of ``dateline.ingest.raw`` put it (``MAX_BYTES``: "20 MB")."""
    megabytes = size / 2**20 if size % 2**20 == 0 else size / 1e6
    return f"limit {megabytes:.0f} MB"


def one_article(path: str | Path) -> bool:
    """Whether ``path`` is one article (a text or HTML file, gzipped or not), not a directory,
    a JSONL, a table, a feed or a WARC of many: ``analyze`` writes one JSON document for it."""
    p = Path(path)
    if p.is_dir() or _kind(p) != "file":
        return False
    return _suffix(p) in TEXT_SUFFIXES | HTML_SUFFIXES or not Sources._sniff_feed(p)


def _kind(path: Path) -> str:
    """file, jsonl, table, warc or feed, by suffix (a feed is also sniffed later)."""
    suffix = _suffix(path)
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TABLE_SUFFIXES:
        return "table"
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return "file"


@dataclass(frozen=True)
class Fields:
    """The field names of a JSONL record or a table's columns that hold each part of an article
    (None: absent)."""

    text: str | None
    html: str | None
    title: str | None
    date: str | None
    url: str | None
    source: str | None
    id: str | None
    named: bool
    """Whether the text field was named (``--text-column``): its media type is sniffed."""


def resolve_fields(names: list[str], columns: Columns) -> Fields:
    """Which of ``names`` hold what: the columns named, else the obvious names (``TEXT_NAMES``
    ..., case-insensitive). A named field that is absent stays named (a JSONL line may lack
    it)."""
    return Fields(
        text=columns.text or match_column(names, TEXT_NAMES),
        html=None if columns.text else match_column(names, HTML_NAMES),
        title=columns.title or match_column(names, TITLE_NAMES),
        date=columns.date or match_column(names, DATE_NAMES),
        url=match_column(names, URL_NAMES),
        source=match_column(names, SOURCE_NAMES),
        id=columns.id,
        named=bool(columns.text),
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Sources:
    """The inputs named on the command line, expanded; ``skipped`` counts files not taken."""

    def __init__(
        self,
        paths: Iterable[str | Path],
        published_from_metadata: bool = False,
        columns: Columns | None = None,
    ):
        self.paths = [Path(p) for p in paths]
        self.published_from_metadata = published_from_metadata
        self.columns = columns or Columns()
        """The fields of JSONL records and table columns (``--text-column`` ...)."""
        self.skipped: list[str] = []

    def files(self) -> Iterator[tuple[Path, bool]]:
        """Every file to read, with whether it was named explicitly; directories in name order."""
        for path in self.paths:
            if not path.is_dir():
                yield path, True
                continue
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    file = Path(root) / name
                    if name.startswith(".") or _suffix(file) not in SUPPORTED:
                        self.skipped.append(str(file))
                        continue
                    yield file, False

    def estimate(self) -> int | None:
        """How many inputs there are, counted cheaply (None when a feed, a WARC or a table is
        among them). JSONL lines are counted in chunks, whatever their length."""
        total = 0
        for path, _ in self.files():
            kind = _kind(path)
            if kind in ("warc", "feed", "table"):
                self.skipped.clear()
                return None
            if kind == "jsonl":
                try:
                    with _open_binary(path) as fh:
                        total += count_lines(fh)
                except READ_ERRORS:
                    total += 1
            else:
                total += 1
        self.skipped.clear()
        return total

    def __iter__(self) -> Iterator[SourceItem]:
        for path, _explicit in self.files():
            kind = _kind(path)
            if kind == "jsonl":
                yield from self.jsonl(path)
            elif kind == "table":
                yield from self.table(path)
            elif kind == "warc":
                yield from self.warc(path)
            elif kind == "feed" or (
                _suffix(path) not in TEXT_SUFFIXES | HTML_SUFFIXES and self._sniff_feed(path)
            ):
                yield from self.feed(path)
            else:
                yield self.file(path)

    # -- one kind each ---------------------------------------------------------------------

    def _hint(self, *names: str | None) -> str | None:
        if not self.published_from_metadata:
            return None
        return next((d for d in map(date_in_name, names) if d), None)

    @staticmethod
    def _sniff_feed(path: Path) -> bool:
        try:
            with _open_binary(path) as fh:
                return bool(FEED_SNIFF.match(fh.read(2048)))
        except READ_ERRORS:
            return False

    @staticmethod
    def _read(path: Path, limit: int = MAX_BYTES, what: str = "") -> bytes:
        """The file's bytes (decompressed when gzipped), refused in one line when missing, not
        a file, unreadable, or over ``limit``: never more than ``limit + 1`` bytes are read."""
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if not path.is_file():
            raise InputError(f"{path}: not a file")
        cap = _limit(limit)
        if not _gzipped(path) and path.stat().st_size > limit:
            size = _megabytes(path.stat().st_size)
            raise InputError(f"{path}: {what}too large ({size}, {cap})")
        try:
            with _open_binary(path) as fh:
                data = fh.read(limit + 1)
        except READ_ERRORS as exc:
            raise InputError(_read_problem(path, exc)) from exc
        if len(data) > limit:
            raise InputError(f"{path}: {what}too large (over {cap} uncompressed)")
        return data

    def file(self, path: Path) -> SourceItem:
        """A .txt or .html file (or any file named on the command line), gzipped or not: one
        article."""
        key = str(path.resolve())
        item = SourceItem(key=key, location=str(path), kind="file")
        try:
            data = self._read(path)
            item.sha256 = _sha(data)
            media_type = "text/html" if _suffix(path) in HTML_SUFFIXES else None
            item.raw = from_bytes(
                data, path=str(path), media_type=media_type, published=self._hint(path.name)
            )
        except InputError as exc:
            item.error = str(exc)
        return item

    def jsonl(self, path: Path) -> Iterator[SourceItem]:
        """A JSONL file (gzipped or not): one article a line (the text in ``text``, ``body``,
        ``content``, ``article`` or ``--text-key``, or HTML in ``html``; ``url``, ``title``,
        ``published``, ``source``); blank lines are not inputs. Read a line at a time: a line
        over ``MAX_LINE_BYTES`` fails alone, skipped without being held in memory."""
        base = str(path.resolve())
        try:
            fh = _open_binary(path)
        except READ_ERRORS as exc:
            yield SourceItem(base, str(path), "jsonl", error=_read_problem(path, exc))
            return
        number = 0
        ids: set[str] = set()
        with fh:
            try:
                for line in bounded_lines(fh, MAX_LINE_BYTES):
                    number = line.number
                    if line.data is None:
                        yield SourceItem(
                            f"{base}:{number}",
                            f"{path}:{number}",
                            "jsonl",
                            sha256=line.sha256,
                            error=f"{path}: line {number} too large ({_megabytes(line.size)}, "
                            f"{_limit(MAX_LINE_BYTES)})",
                        )
                    elif line.data.strip():
                        yield self._jsonl_line(path, base, number, line.data, ids)
            except READ_ERRORS as exc:  # a truncated .gz, a disk error
                yield SourceItem(
                    f"{base}:{number + 1}",
                    f"{path}:{number + 1}",
                    "jsonl",
                    error=f"{_read_problem(path, exc)}, after line {number}",
                )

    def _jsonl_line(
        self, path: Path, base: str, number: int, line: bytes, ids: set[str]
    ) -> SourceItem:
        label = f"{path}:{number}"
        item = SourceItem(f"{base}:{number}", label, "jsonl", sha256=_sha(line.strip()))
        try:
            try:
                record = json.loads(line)
            except UnicodeDecodeError as exc:
                raise InputError(f"{label}: not UTF-8 text ({exc.reason})") from exc
            except (ValueError, RecursionError) as exc:
                raise InputError(f"{label}: invalid JSON ({exc})") from exc
            if not isinstance(record, dict):
                raise InputError(f"{label}: not a JSON object")
            fields = resolve_fields(list(record), self.columns)
            ident = _ident(record, fields, number, ids)
            if ident is not None:
                item.key, item.location = f"{base}#{ident}", f"{path}#{ident}"
            self._article(item, record, fields, "--text-key")
        except InputError as exc:
            item.error = str(exc)
        return item

    def _article(
        self, item: SourceItem, record: Mapping[str, Any], fields: Fields, option: str
    ) -> None:
        """Fill ``item.raw`` from a JSONL record or a table row; raise ``InputError``."""
        label = item.location
        content: Any
        media_type: str | None
        html = record.get(fields.html) if fields.html else None
        if isinstance(html, str) and html.strip():
            content, media_type = html, "text/html"
        elif fields.text is not None:
            content = record.get(fields.text, "" if item.kind == "csv" else None)
            media_type = None if fields.named else "text/plain"
            if content is None and fields.named:
                raise InputError(f"{label}: no '{fields.text}' field")
        else:
            looked = ", ".join(HTML_NAMES + TEXT_NAMES)
            raise InputError(f"{label}: no text field (looked for {looked}; name it with {option})")
        if content is None:
            content = ""
        if not isinstance(content, str):
            raise InputError(f"{label}: '{fields.text}' is not a string")
        url = _string(record, fields.url)
        published = normalise_date(record.get(fields.date) if fields.date else None)
        item.source = _string(record, fields.source)
        content, surrogates = LONE_SURROGATE.subn("\ufffd", content)
        item.raw = from_bytes(
            content.encode("utf-8"),
            path=label,
            url=url,
            media_type=media_type,
            published=published or self._hint(url),
            title=_string(record, fields.title),
        )
        if surrogates:  # JSON escapes of half a UTF-16 pair: no character, flagged as replaced
            item.raw.replaced_bytes += surrogates
            item.raw.warnings.append(
                f"{label}: {surrogates} lone surrogate escape(s) replaced with U+FFFD"
            )

    def table(self, path: Path) -> Iterator[SourceItem]:
        """A CSV or TSV file (gzipped or not): one article a row, its text in the column named
        by ``--text-column`` or else one called text, body, content or article (``html``: HTML);
        title, date, URL, source and id columns likewise. Without a text column the file is
        refused in one line naming its columns. Streamed a physical line at a time; a row too
        large or unreadable fails alone (``dateline.ingest.tables``)."""
        base = str(path.resolve())
        try:
            with _open_binary(path) as fh:
                head = fh.read(ENCODING_SAMPLE)
        except READ_ERRORS as exc:
            yield SourceItem(base, str(path), "csv", error=_read_problem(path, exc))
            return
        if not head.strip():
            yield SourceItem(base, str(path), "csv", error=f"{path}: empty input")
            return
        if bom_encoding(head) is None and looks_binary(head):
            yield SourceItem(base, str(path), "csv", error=f"{path}: binary file, not a table")
            return
        encoding = stream_encoding(head, str(path))
        first_line = head.decode(encoding, "replace").lstrip("\ufeff").split("\n", 1)[0]
        try:
            fh = _open_binary(path)
        except READ_ERRORS as exc:
            yield SourceItem(base, str(path), "csv", error=_read_problem(path, exc))
            return
        number = 0
        with text_stream(fh, encoding) as stream:
            try:
                header, rows = csv_rows(stream, delimiter_for(_suffix(path), first_line))
                if not header:
                    yield SourceItem(base, str(path), "csv", error=f"{path}: empty input")
                    return
                header = [name.lstrip("\ufeff").strip() for name in header]
                fields = resolve_fields(header, self.columns)
                problem = _missing_columns(header, fields, self.columns)
                if problem:
                    yield SourceItem(base, str(path), "csv", error=f"{path}: {problem}")
                    return
                ids: set[str] = set()
                for row in rows:
                    number = row.number
                    yield self._row(path, base, row.number, row.fields, row.error, fields, ids)
            except READ_ERRORS as exc:
                yield SourceItem(
                    f"{base}#{number + 1}",
                    f"{path}#{number + 1}",
                    "csv",
                    error=f"{_read_problem(path, exc)}, after row {number}",
                )

    def _row(
        self,
        path: Path,
        base: str,
        number: int,
        record: dict[str, str] | None,
        error: str | None,
        fields: Fields,
        ids: set[str],
    ) -> SourceItem:
        item = SourceItem(f"{base}#{number}", f"{path}#{number}", "csv")
        if record is None:
            item.error = f"{path}: row {number}: {error}"
            return item
        item.sha256 = _sha(json.dumps(record, ensure_ascii=False).encode("utf-8", "replace"))
        ident = _ident(record, fields, number, ids)
        if ident is not None:
            item.key, item.location = f"{base}#{ident}", f"{path}#{ident}"
        try:
            self._article(item, record, fields, "--text-column")
        except InputError as exc:
            item.error = str(exc)
        return item

    def feed(self, path: Path) -> Iterator[SourceItem]:
        """An RSS or Atom feed file (gzipped or not), refused over ``MAX_FEED_BYTES``: one
        article per entry (content, else summary). An entry over ``MAX_BYTES`` is cut out before
        the feed is parsed and recorded as failed."""
        import feedparser

        base = str(path.resolve())
        try:
            data = self._read(path, MAX_FEED_BYTES, "feed ")
        except InputError as exc:
            yield SourceItem(base, str(path), "feed", error=str(exc))
            return
        sha = _sha(data)
        data, oversized = cut_oversized_entries(data)
        parsed = feedparser.parse(data)
        if not parsed.entries:
            reason = parsed.get("bozo_exception") or "no entries"
            yield SourceItem(
                base,
                str(path),
                "feed",
                sha256=sha,
                error=f"{path}: not a feed with entries ({reason})",
            )
            return
        del data
        feed_title = parsed.feed.get("title")
        for index, entry in enumerate(parsed.entries, 1):
            ident = entry.get("id") or entry.get("link") or str(index)
            if ident in oversized:
                yield _oversized_entry(path, base, *oversized.pop(ident))
                continue
            label = f"{path}#{ident}"
            content = entry.get("content") or []
            body = content[0].get("value") if content else entry.get("summary", "")
            body_type = content[0].get("type", "text/html") if content else "text/html"
            title = entry.get("title") or ""
            size = len((body or "").encode("utf-8", "replace"))
            if size > MAX_BYTES:
                yield _oversized_entry(path, base, ident, size)
                continue
            text = html_to_text(body or "") if "html" in body_type else (body or "")
            text = f"{title}\n\n{text.strip()}\n" if title else f"{text.strip()}\n"
            data_entry = text.encode("utf-8")
            item = SourceItem(
                f"{base}#{ident}", label, "feed", sha256=_sha(data_entry), source=feed_title
            )
            published = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
            try:
                if not (body or "").strip():
                    raise InputError(f"{label}: empty entry")
                item.raw = from_bytes(
                    data_entry,
                    path=label,
                    url=entry.get("link"),
                    media_type="text/plain",
                    published=published or self._hint(entry.get("link")),
                    title=title or None,
                )
            except InputError as exc:
                item.error = str(exc)
            yield item
        for ident, size in oversized.values():  # stubs the parser lost: still accounted for
            yield _oversized_entry(path, base, ident, size)

    def warc(self, path: Path) -> Iterator[SourceItem]:
        """A WARC (or .warc.gz) archive: one article per HTML response (status 200) or resource.
        Streamed record by record; a file over ``MAX_WARC_BYTES`` is refused in one line."""
        from warcio.archiveiterator import ArchiveIterator

        base = str(path.resolve())
        count = 0
        if path.is_file() and path.stat().st_size > MAX_WARC_BYTES:
            size, cap = _megabytes(path.stat().st_size), f"{MAX_WARC_BYTES / 1e9:.0f} GB"
            yield SourceItem(
                base, str(path), "warc", error=f"{path}: too large ({size}, limit {cap})"
            )
            return
        try:
            with path.open("rb") as fh:
                for record in ArchiveIterator(fh):
                    item = self._warc_record(path, base, record)
                    if item is not None:
                        count += 1
                        yield item
        except OSError as exc:
            yield SourceItem(base, str(path), "warc", error=f"{path}: cannot read ({exc})")
        except Exception as exc:  # warcio raises several kinds on a broken archive
            yield SourceItem(
                f"{base}#broken-after-{count}",
                str(path),
                "warc",
                error=f"{path}: broken WARC after {count} records "
                f"({type(exc).__name__}: {one_line(exc, 200)})",
            )
            return
        if count == 0:  # a WARC cut short in its first record reads as empty: say so
            yield SourceItem(
                base, str(path), "warc", error=f"{path}: no HTML response or resource records"
            )

    def _warc_record(self, path: Path, base: str, record) -> SourceItem | None:
        if record.rec_type not in ("response", "resource"):
            return None
        url = record.rec_headers.get_header("WARC-Target-URI")
        record_id = record.rec_headers.get_header("WARC-Record-ID") or url
        if record.rec_type == "response":
            if record.http_headers is None:
                return None
            status = record.http_headers.get_statuscode()
            content_type = record.http_headers.get_header("Content-Type") or ""
            if status != "200":
                self.skipped.append(f"{path}#{record_id} (HTTP {status})")
                return None
        else:
            content_type = record.rec_headers.get_header("Content-Type") or ""
        if not any(t in content_type.lower() for t in HTML_TYPES):
            self.skipped.append(f"{path}#{record_id} ({content_type or 'no type'})")
            return None
        label = f"{path}#{record_id}"
        item = SourceItem(f"{base}#{record_id}", url or label, "warc")
        try:
            data = record.content_stream().read(MAX_BYTES + 1)
            if len(data) <= MAX_BYTES and _cut_short(record):
                raise InputError(f"{label}: record cut short (the WARC is truncated)")
            item.sha256 = _sha(data)
            item.raw = from_bytes(
                data, path=label, url=url, media_type="text/html", published=self._hint(url)
            )
        except InputError as exc:
            item.error = str(exc)
        except Exception as exc:  # a broken record (bad chunking, bad gzip) fails alone
            item.error = f"{label}: unreadable record ({type(exc).__name__}: {exc})"
        return item


def _cut_short(record: Any) -> bool:
    """Whether a WARC record whose content was read to its end lacks bytes its length promised
    and the file has no more: warcio returns what there is of a truncated record, silently."""
    missing = getattr(record.raw_stream, "limit", 0)
    if not isinstance(missing, int) or missing <= 0:
        return False
    return not record.raw_stream.read(min(missing, 4096))


def _string(record: Mapping[str, Any], name: str | None) -> str | None:
    value = record.get(name) if name else None
    return value if isinstance(value, str) and value.strip() else None


def _ident(record: Mapping[str, Any], fields: Fields, number: int, ids: set[str]) -> str | None:
    """The record's ``--id-column`` value for its key (None: none given, or empty); a value
    seen before in the file gets ``:LINE``/``:ROW`` appended, so that keys stay unique."""
    if not fields.id:
        return None
    value = record.get(fields.id)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    ident = " ".join(str(value).split())[:200]
    if not ident:
        return None
    if ident in ids:
        return f"{ident}:{number}"
    ids.add(ident)
    return ident


def _missing_columns(header: list[str], fields: Fields, columns: Columns) -> str | None:
    """Why a table's columns cannot be read (a named column absent, no text column), or None."""
    for option, name in (
        ("--text-column", columns.text),
        ("--title-column", columns.title),
        ("--date-column", columns.date),
        ("--id-column", columns.id),
    ):
        if name and name not in header:
            return f"no column {name!r} ({option}); its columns: {column_names(header)}"
    if fields.text is None and fields.html is None:
        return (
            f"no text column (text, body, content or article); its columns: "
            f"{column_names(header)}; name one with --text-column"
        )
    return None


def cut_oversized_entries(data: bytes) -> tuple[bytes, dict[str, tuple[str, int]]]:
    """The feed with each entry over ``MAX_BYTES`` replaced by a stub, and the stubs' ids with
    the entry's own id and size: the parser never holds such an entry. An entry runs from its
    opening tag to the next entry's (or the end of the feed)."""
    starts = [(m.start(), m.group(1)) for m in ENTRY_START.finditer(data)]
    ends = [start for start, _ in starts[1:]] + [len(data)]
    if not any(end - start > MAX_BYTES for (start, _), end in zip(starts, ends, strict=False)):
        return data, {}
    pieces: list[bytes] = []
    stubs: dict[str, tuple[str, int]] = {}
    done = 0
    for index, ((start, tag), end) in enumerate(zip(starts, ends, strict=True), 1):
        if end - start <= MAX_BYTES:
            continue
        close = data.rfind(b"</" + tag, max(start, end - ENTRY_ID_WINDOW), end)
        stop = data.find(b">", close) + 1 if close >= 0 else end
        stop = stop if 0 < stop <= end else end
        found = ENTRY_ID.search(data, start, min(end, start + ENTRY_ID_WINDOW))
        ident = next((g for g in found.groups() if g), b"") if found else b""
        name = htmllib.unescape(ident.decode("utf-8", "replace").strip()) or str(index)
        marker = f"{OVERSIZED_ENTRY}{index}"
        id_tag = b"guid" if tag.endswith(b"item") else b"id"
        pieces += [
            data[done:start],
            b"<%s><%s>%s</%s></%s>" % (tag, id_tag, marker.encode(), id_tag, tag),
        ]
        stubs[marker] = (name, end - start)
        done = stop
    pieces.append(data[done:])
    return b"".join(pieces), stubs


def _oversized_entry(path: Path, base: str, ident: str, size: int) -> SourceItem:
    return SourceItem(
        f"{base}#{ident}",
        f"{path}#{ident}",
        "feed",
        error=f"{path}#{ident}: entry too large ({_megabytes(size)}, {_limit(MAX_BYTES)})",
    )


def _struct_date(value: object) -> str | None:
    try:
        return dt.date(value[0], value[1], value[2]).isoformat()  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return None


_BLOCK_END = re.compile(r"(?i)</(p|div|li|h[1-6]|blockquote|tr|section|article)\s*>|<br\s*/?>")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry), one block a paragraph. Parsed with
    libxml2's ``huge_tree`` (a text node over 10 MB, nesting deeper than 256); when the parser
    still loses the text, the fragment without its tags."""
    import lxml.html

    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", fragment)
    try:
        parser = lxml.html.HTMLParser(huge_tree=True)
        text = lxml.html.fromstring(f"<div>{marked}</div>", parser=parser).text_content()
    except Exception:  # lxml refuses some broken fragments: keep the text without the tags
        text = ""
    if not text.strip():
        text = htmllib.unescape(re.sub(r"<[^>]+>", " ", marked))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
