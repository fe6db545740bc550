"""Reading inputs of many articles with bounded memory: JSONL lines and CSV/TSV rows.

Every read is bounded before memory is spent: a JSONL line is read with ``readline(limit)`` and
a line over the limit is skipped in chunks to the next newline, never held whole; a CSV/TSV is
decoded as a stream and fed to the ``csv`` module one physical line (at most ``MAX_BYTES``
characters) at a time, and a row that is too large or unreadable is skipped to where the next
row begins (the quote count tells where a row ends), so the rows after it are still read.

``Columns`` names the fields (``--text-column``, ``--title-column``, ``--date-column``,
``--id-column``); without them the obvious names are guessed (``TEXT_NAMES`` ...).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any

from dateline.ingest.raw import MAX_BYTES, bom_encoding, decode_bytes

MAX_LINE_BYTES = 2 * MAX_BYTES
"""A JSONL line over this (40 MB) is refused without being read whole: twice the article limit,
since JSON escapes (``\\n``, ``\\"``, ``\\u0439``) make a line longer than the text it holds."""

SKIP_CHUNK = 1024 * 1024
"""Bytes (or characters) read at a time while skipping the rest of a line that is too large."""

CSV_FIELD_LIMIT = MAX_BYTES
"""The ``csv`` module's field size limit (characters), raised from its default of 128 KB to the
article limit: a longer field fails its row alone."""

ENCODING_SAMPLE = 64 * 1024
"""Bytes at the start of a CSV/TSV from which its encoding is decided (BOM, UTF-8, cp1252 ...)."""

TEXT_NAMES = ("text", "body", "content", "article")
"""Field names taken as the article text when none is named (case-insensitive in a CSV header)."""
HTML_NAMES = ("html",)
"""Field names taken as the article's HTML when none is named (preferred over a text field)."""
TITLE_NAMES = ("title", "headline")
"""Field names taken as the title when none is named."""
DATE_NAMES = ("published", "date", "pubdate", "published_at")
"""Field names taken as the publication date when none is named."""
URL_NAMES = ("url", "link")
"""Field names taken as the article's URL."""
SOURCE_NAMES = ("source", "publisher")
"""Field names taken as the publisher."""

MAX_LISTED_COLUMNS = 20
"""Columns named in the refusal of a table without a text column (the rest are counted)."""

CSV_SEMICOLON_HINT = ";"
"""A ``.csv`` whose header line has this and no comma is read with it as the delimiter (the
spreadsheet export of locales that write decimal commas)."""


@dataclass(frozen=True)
class Columns:
    """Field names given on the command line; None: guessed from the obvious names."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    id: str | None = None


@dataclass
class Line:
    """One physical line of a JSONL file: its bytes, or None when it is over the limit."""

    number: int
    data: bytes | None
    size: int
    sha256: str = ""


def bounded_lines(fh: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[Line]:
    """The lines of a binary stream, numbered from 1; a line over ``limit`` bytes comes as
    ``data=None`` with its size and hash, read past in ``SKIP_CHUNK`` pieces."""
    number = 0
    while True:
        data = fh.readline(limit + 1)
        if not data:
            return
        number += 1
        if len(data) <= limit or data.endswith(b"\n"):
            yield Line(number, data, len(data))
            continue
        digest = hashlib.sha256(data)
        size = len(data)
        del data
        while True:
            chunk = fh.readline(SKIP_CHUNK)
            if not chunk:
                break
            digest.update(chunk)
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
        yield Line(number, None, size, digest.hexdigest())


def count_lines(fh: IO[bytes]) -> int:
    """Lines that hold something other than white space, counted in chunks (any line length)."""
    count = 0
    filled = False
    while chunk := fh.read(SKIP_CHUNK):
        parts = chunk.split(b"\n")
        for part in parts[:-1]:
            if filled or part.strip():
                count += 1
            filled = False
        filled = filled or bool(parts[-1].strip())
    return count + filled


def pick(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` whose value in ``record`` is a non-blank string."""
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def first_present(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` that ``record`` has (whatever its value)."""
    return next((name for name in names if name in record), None)


# -- CSV / TSV -------------------------------------------------------------------------------


class RowTooLarge(Exception):
    """A physical line of a CSV/TSV over the limit: its row fails, the next one is read."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class PhysicalLines:
    """Lines of a text stream for ``csv.reader``, each at most ``limit`` characters.

    It counts the quote characters since the row began (``quotes``): a row ends at the first
    line end where that count is even, which is how a row that failed is skipped to its end."""

    def __init__(self, fh: IO[str], limit: int = MAX_BYTES, quotechar: str = '"') -> None:
        self.fh = fh
        self.limit = limit
        self.quotechar = quotechar
        self.quotes = 0

    def __iter__(self) -> PhysicalLines:
        return self

    def __next__(self) -> str:
        line = self.fh.readline(self.limit + 1)
        if not line:
            raise StopIteration
        self.quotes += line.count(self.quotechar)
        if len(line) > self.limit and not line.endswith(("\n", "\r")):
            size = len(line)
            del line
            raise RowTooLarge(size + self.skip_row(at_line_end=False))
        return line

    def skip_row(self, at_line_end: bool = True) -> int:
        """Read on, ``SKIP_CHUNK`` characters at a time, to the end of the current row: a line
        end after an even number of quote characters. Returns the characters skipped."""
        skipped = 0
        while not (at_line_end and self.quotes % 2 == 0):
            chunk = self.fh.readline(SKIP_CHUNK)
            if not chunk:
                break
            skipped += len(chunk)
            self.quotes += chunk.count(self.quotechar)
            at_line_end = chunk.endswith(("\n", "\r"))
        return skipped


def stream_encoding(head: bytes, label: str) -> str:
    """The codec to stream a table in, from its first bytes: the one a BOM announces (read
    past it), else the one ``decode_bytes`` settles on (it warns about a legacy one)."""
    bom = bom_encoding(head)
    if bom is not None:
        family = bom[0].split("-")
        return "utf-8-sig" if family[1] == "8" else f"{family[0]}-{family[1]}"
    cut = head.rfind(b"\n")
    sample = head[: cut + 1] if cut > 0 else head
    encoding = decode_bytes(sample, label).encoding
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"


def text_stream(binary: IO[bytes], encoding: str) -> IO[str]:
    """A text stream over a table's bytes in ``encoding``; bad bytes become U+FFFD."""
    return io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")


def delimiter_for(suffix: str, header_line: str) -> str:
    """Tab for ``.tsv``/``.tab``; for ``.csv`` a comma, or ``;`` when the header has only those."""
    if suffix in (".tsv", ".tab"):
        return "\t"
    if "," not in header_line and CSV_SEMICOLON_HINT in header_line:
        return CSV_SEMICOLON_HINT
    return ","


@dataclass
class Row:
    """One data row of a table: its number (from 1 after the header) and fields, or the reason
    it could not be read."""

    number: int
    fields: dict[str, str] | None = None
    error: str | None = None


def csv_rows(
    fh: IO[str], delimiter: str, limit: int = MAX_BYTES
) -> tuple[list[str] | None, Iterator[Row]]:
    """The header and the data rows of a CSV/TSV text stream, each physical line at most
    ``limit`` characters and each field at most ``CSV_FIELD_LIMIT``; blank rows are not rows."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    lines = PhysicalLines(fh, limit)
    reader = csv.reader(lines, delimiter=delimiter)
    header = _next_record(reader, lines)
    if not isinstance(header, list):
        return None, iter(())

    def rows() -> Iterator[Row]:
        number = 0
        while True:
            record = _next_record(reader, lines)
            if record is None:
                return
            number += 1
            if isinstance(record, str):
                yield Row(number, error=record)
                continue
            yield Row(number, dict(zip(header, record, strict=False)))

    return header, rows()


def _next_record(reader: Any, lines: PhysicalLines) -> list[str] | str | None:
    """The next non-blank record, the reason it could not be read, or None at the end."""
    while True:
        lines.quotes = 0
        try:
            record = next(reader)
        except StopIteration:
            return None
        except RowTooLarge as exc:
            return f"row too large ({exc.size:,} characters, limit {lines.limit:,})"
        except csv.Error as exc:
            lines.skip_row()
            if "field limit" in str(exc):
                return f"row too large (a field over {csv.field_size_limit():,} characters)"
            return f"unreadable row ({exc})"
        if any(field.strip() for field in record):
            return record


def column_names(header: list[str]) -> str:
    """The header's column names for a message, clipped."""
    names = [name if len(name) <= 40 else name[:39] + "…" for name in header]
    shown = ", ".join(repr(name) for name in names[:MAX_LISTED_COLUMNS])
    more = len(names) - MAX_LISTED_COLUMNS
    return shown + (f" and {more} more" if more > 0 else "")


def match_column(header: list[str], names: tuple[str, ...]) -> str | None:
    """The header's column that is one of ``names`` (case-insensitive), in their order."""
    lowered = {name.strip().lower(): name for name in reversed(header)}
    return next((lowered[name] for name in names if name in lowered), None)
