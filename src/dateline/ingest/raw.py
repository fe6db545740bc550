"""Raw documents: decoding, media-type sniffing and the input checks every article goes through."""

from __future__ import annotations

import hashlib
import logging
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes as detect_charset

from dateline.errors import InputError

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
"""Inputs larger than this (20 MB) are refused: no news article is that big."""

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<article|<div|<p[ >])", re.I)
BINARY_CONTROL_RATIO = 0.05
"""Share of control characters (other than tab/newline/CR/FF) above which a text is binary."""


@dataclass
class RawDocument:
    """One input as read: decoded content, media type and what we know about where it came from."""

    content: str
    media_type: str
    sha256: str
    path: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)


def sniff_media_type(data: bytes, name: str | None = None) -> str:
    """``text/html`` for HTML by suffix or by its opening tags, else ``text/plain``."""
    if name and Path(name).suffix.lower() in HTML_SUFFIXES:
        return "text/html"
    return "text/html" if HTML_SNIFF.match(data[:2048]) else "text/plain"


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean binary (images, archives, PDFs)."""
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > BINARY_CONTROL_RATIO * max(len(sample), 1)


def decode_bytes(data: bytes, label: str = "input") -> tuple[str, str, list[str]]:
    """Decode UTF-8 as is; detect any other encoding (cp1252, latin-1) and warn about it."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    best = detect_charset(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "latin-1"
        text = data.decode(encoding)
    warning = f"{label}: not UTF-8, decoded as {encoding}"
    log.warning(warning)
    return text, encoding, [warning]


def from_bytes(
    data: bytes,
    *,
    path: str | None = None,
    url: str | None = None,
    media_type: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> RawDocument:
    """Check and decode one input's bytes; raise ``InputError`` with a one-line reason."""
    label = path or url or "input"
    if len(data) > MAX_BYTES:
        raise InputError(f"{label}: too large ({len(data) / 1e6:.1f} MB, limit 20 MB)")
    if not data.strip():
        raise InputError(f"{label}: empty input")
    if _looks_binary(data):
        raise InputError(f"{label}: binary file, not text or HTML")
    text, encoding, warnings = decode_bytes(data, label)
    return RawDocument(
        content=text,
        media_type=media_type or sniff_media_type(data, path),
        sha256=hashlib.sha256(data).hexdigest(),
        path=path,
        url=url,
        published=published,
        title=title,
        encoding=encoding,
        warnings=warnings,
    )


def from_text(text: str, **metadata: str | None) -> RawDocument:
    """Wrap a string already in memory (the library API)."""
    data = text.encode("utf-8")
    if not text.strip():
        raise InputError(f"{metadata.get('path') or 'input'}: empty input")
    media_type = metadata.pop("media_type", None) or sniff_media_type(data, metadata.get("path"))
    return RawDocument(
        content=text,
        media_type=media_type,
        sha256=hashlib.sha256(data).hexdigest(),
        **metadata,  # type: ignore[arg-type]
    )


def read_path(path: str | Path) -> RawDocument:
    """Read a file, refusing what is missing, not a file, too large, empty or binary."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if not p.is_file():
        raise InputError(f"{p}: not a file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{p}: too large ({size / 1e6:.1f} MB, limit 20 MB)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    return from_bytes(data, path=str(p))


def read_stdin() -> RawDocument:
    """Read one document from standard input (``-`` on the command line)."""
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    return from_bytes(data, path="-")
