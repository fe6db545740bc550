"""Input discovery for batch ingest: files and directories (recursively) of .txt/.html, JSONL
(one article a line), RSS/Atom feeds and WARC archives, as a stream of ``SourceItem`` records.

Every record carries a stable ``key`` (the absolute path; ``path:LINE`` for a JSONL line;
``path#ID`` for a feed entry or a WARC record) and the SHA-256 of its bytes, so that a rerun can
tell what it has already stored. A record is either a ``RawDocument`` or the one-line reason it
could not be read; one bad input never stops the stream.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest.raw import HTML_SUFFIXES, MAX_BYTES, RawDocument, from_bytes

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
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


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".jsonl.gz", ".ndjson.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Sources:
    """The inputs named on the command line, expanded; ``skipped`` counts files not taken."""

    def __init__(self, paths: Iterable[str | Path], published_from_metadata: bool = False):
        self.paths = [Path(p) for p in paths]
        self.published_from_metadata = published_from_metadata
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
        """How many inputs there are, counted cheaply (None when a feed or WARC is among them)."""
        total = 0
        for path, _ in self.files():
            suffix = _suffix(path)
            if suffix in WARC_SUFFIXES or suffix in FEED_SUFFIXES:
                return None
            if suffix in JSONL_SUFFIXES:
                try:
                    with _open_jsonl(path) as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
        self.skipped.clear()
        return total

    def __iter__(self) -> Iterator[SourceItem]:
        for path, _explicit in self.files():
            suffix = _suffix(path)
            if suffix in JSONL_SUFFIXES:
                yield from self.jsonl(path)
            elif suffix in WARC_SUFFIXES:
                yield from self.warc(path)
            elif suffix in FEED_SUFFIXES or (
                suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and self._sniff_feed(path)
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
            with path.open("rb") as fh:
                return bool(FEED_SNIFF.match(fh.read(2048)))
        except OSError:
            return False

    @staticmethod
    def _read(path: Path) -> bytes:
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if not path.is_file():
            raise InputError(f"{path}: not a file")
        try:
            return path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc

    def file(self, path: Path) -> SourceItem:
        """A .txt or .html file: one article."""
        key = str(path.resolve())
        item = SourceItem(key=key, location=str(path), kind="file")
        try:
            if path.is_file() and path.stat().st_size > MAX_BYTES:
                raise InputError(
                    f"{path}: too large ({path.stat().st_size / 1e6:.1f} MB, limit 20 MB)"
                )
            data = self._read(path)
            item.sha256 = _sha(data)
            item.raw = from_bytes(data, path=str(path), published=self._hint(path.name))
        except InputError as exc:
            item.error = str(exc)
        return item

    def jsonl(self, path: Path) -> Iterator[SourceItem]:
        """A JSONL file: one article a line (``text`` or ``html``, ``url``, ``title``,
        ``published``, ``source``); blank lines are not inputs."""
        base = str(path.resolve())
        try:
            fh = _open_jsonl(path)
        except OSError as exc:
            yield SourceItem(base, str(path), "jsonl", error=f"{path}: cannot read ({exc})")
            return
        number = 0
        with fh:
            try:
                for number, line in enumerate(fh, 1):
                    if line.strip():
                        yield self._jsonl_line(path, base, number, line)
            except (OSError, EOFError) as exc:  # a truncated .gz, a disk error
                yield SourceItem(
                    f"{base}:{number + 1}",
                    f"{path}:{number + 1}",
                    "jsonl",
                    error=f"{path}: unreadable after line {number} ({exc})",
                )

    def _jsonl_line(self, path: Path, base: str, number: int, line: bytes) -> SourceItem:
        label = f"{path}:{number}"
        item = SourceItem(f"{base}:{number}", label, "jsonl", sha256=_sha(line.strip()))
        try:
            if len(line) > 2 * MAX_BYTES:
                raise InputError(f"{label}: too large ({len(line) / 1e6:.1f} MB)")
            try:
                record = json.loads(line)
            except UnicodeDecodeError as exc:
                raise InputError(f"{label}: not UTF-8 text ({exc.reason})") from exc
            except ValueError as exc:
                raise InputError(f"{label}: invalid JSON ({exc})") from exc
            if not isinstance(record, dict):
                raise InputError(f"{label}: not a JSON object")
            html, text = record.get("html"), record.get("text")
            content, media_type = (html, "text/html") if html else (text, "text/plain")
            if content is None:
                raise InputError(f"{label}: no 'text' or 'html' field")
            if not isinstance(content, str):
                raise InputError(f"{label}: 'text'/'html' is not a string")
            url = record.get("url") if isinstance(record.get("url"), str) else None
            title = record.get("title") if isinstance(record.get("title"), str) else None
            source = record.get("source") if isinstance(record.get("source"), str) else None
            published = normalise_date(record.get("published")) or self._hint(url)
            item.source = source
            item.raw = from_bytes(
                content.encode("utf-8", "surrogatepass"),
                path=label,
                url=url,
                media_type=media_type,
                published=published,
                title=title,
            )
        except (InputError, UnicodeEncodeError) as exc:
            item.error = str(exc) if isinstance(exc, InputError) else f"{label}: invalid text"
        return item

    def feed(self, path: Path) -> Iterator[SourceItem]:
        """An RSS or Atom feed file: one article per entry (content, else summary)."""
        import feedparser

        base = str(path.resolve())
        try:
            data = self._read(path)
        except InputError as exc:
            yield SourceItem(base, str(path), "feed", error=str(exc))
            return
        parsed = feedparser.parse(data)
        if not parsed.entries:
            reason = parsed.get("bozo_exception") or "no entries"
            yield SourceItem(
                base,
                str(path),
                "feed",
                sha256=_sha(data),
                error=f"{path}: not a feed with entries ({reason})",
            )
            return
        feed_title = parsed.feed.get("title")
        for index, entry in enumerate(parsed.entries, 1):
            ident = entry.get("id") or entry.get("link") or str(index)
            label = f"{path}#{ident}"
            content = entry.get("content") or []
            body = content[0].get("value") if content else entry.get("summary", "")
            body_type = content[0].get("type", "text/html") if content else "text/html"
            title = entry.get("title") or ""
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

    def warc(self, path: Path) -> Iterator[SourceItem]:
        """A WARC (or .warc.gz) archive: one article per HTML response (status 200) or resource."""
        from warcio.archiveiterator import ArchiveIterator

        base = str(path.resolve())
        count = 0
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
                error=f"{path}: broken WARC after {count} records ({exc})",
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
            item.sha256 = _sha(data)
            item.raw = from_bytes(
                data, path=label, url=url, media_type="text/html", published=self._hint(url)
            )
        except InputError as exc:
            item.error = str(exc)
        except Exception as exc:  # a broken record (bad chunking, bad gzip) fails alone
            item.error = f"{label}: unreadable record ({type(exc).__name__}: {exc})"
        return item


def _open_jsonl(path: Path):
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _struct_date(value: object) -> str | None:
    try:
        return dt.date(value[0], value[1], value[2]).isoformat()  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return None


_BLOCK_END = re.compile(r"(?i)</(p|div|li|h[1-6]|blockquote|tr|section|article)\s*>|<br\s*/?>")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry), one block a paragraph."""
    import lxml.html

    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", fragment)
    try:
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except Exception:  # lxml refuses some broken fragments: keep the text without the tags
        text = re.sub(r"<[^>]+>", " ", fragment)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
