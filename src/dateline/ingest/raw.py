"""Raw documents: decoding, media-type sniffing and the input checks every article goes through."""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

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
    replaced_bytes: int = 0
    """Invalid bytes replaced by U+FFFD while decoding (the pipeline flags them)."""


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


BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""Byte-order marks and the codec each announces, longest first (the UTF-32-LE mark begins with
the UTF-16-LE one). A BOM is trusted over every other sign, and read before the binary check:
UTF-16 and UTF-32 text is full of NUL bytes."""

UTF8_MAX_INVALID_SHARE = 0.01
"""Text that fails strict UTF-8 is still read as UTF-8, its bad bytes replaced by U+FFFD one
place at a time, when the invalid bytes are at most this share (1%) of all bytes and valid
multi-byte UTF-8 characters are at least as many as the invalid sequences (see ``mostly_utf8``).
A damaged UTF-8 article has a handful of bad bytes among many good characters; a legacy
single-byte text has every non-ASCII byte invalid and (almost) no valid multi-byte sequence."""

WESTERN_ENCODING = "cp1252"
"""The legacy encoding tried first: Windows Western European (a superset of Latin-1 for
printable text; browsers read ``iso-8859-1`` labels as cp1252 too)."""

WESTERN_MAX_NON_ASCII_LETTER_SHARE = 0.3
"""In Western (Latin-script) text most letters are ASCII: accented letters are at most a few
percent even in French, Portuguese or Icelandic. Cyrillic, Greek or KOI8 bytes read as cp1252
turn almost every letter into an accented Latin one."""

WESTERN_MAX_NON_ASCII_RUN = 2
"""Longest run of consecutive non-ASCII letters a Western word has (``créé``); Cyrillic read as
cp1252 gives whole words of them (``Ïðåçèäåíò``)."""

WORD_INTERNAL_SYMBOLS = frozenset("’‘·\xad\xa0–—…")
"""Non-letter characters that may stand between two letters in Western text (``don’t``,
``l·l``, ``word—word``). Any other symbol glued inside a word (``Wa³êsa``: Polish cp1250 read as
cp1252, ``â€œ``: UTF-8 read as cp1252) means the cp1252 reading is wrong."""

_NON_ASCII_RUN = re.compile(r"[^\W\d_\x00-\x7f]{" + str(WESTERN_MAX_NON_ASCII_RUN + 1) + ",}")
_GLUED_SYMBOL = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f](?=[^\W\d_])")


_ESCAPED = re.compile(r"[\udc80-\udcff]")
_ASCII = re.compile(r"[\x00-\x7f]+")


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler ``dateline.count``: replace by U+FFFD and count the bad bytes."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _replaced.count += exc.end - exc.start
    return "\ufffd", exc.end


_replaced = threading.local()
codecs.register_error("dateline.count", _count_and_replace)


def decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    """Decode, replacing each invalid sequence by U+FFFD; the text and how many bytes were bad.

    UTF-8 is counted in C (``surrogateescape`` marks each bad byte); other codecs through the
    ``dateline.count`` error handler, called once per bad sequence.
    """
    if codecs.lookup(encoding).name == "utf-8":
        escaped = data.decode("utf-8", "surrogateescape")
        bad = len(escaped) - len(_ESCAPED.sub("", escaped))
        return data.decode("utf-8", "replace"), bad
    _replaced.count = 0
    text = data.decode(encoding, "dateline.count")
    return text, _replaced.count


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The codec a byte-order mark announces and the mark's length, or None without one."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def few_invalid(data: bytes, invalid: int) -> bool:
    """Whether ``invalid`` bad UTF-8 bytes are few enough to be damage, not another encoding:
    at most ``UTF8_MAX_INVALID_SHARE`` of ``data``. Stray bytes in ASCII text that no legacy
    reading explains (cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined) are replaced."""
    return invalid <= UTF8_MAX_INVALID_SHARE * len(data)


def mostly_utf8(data: bytes, text: str, invalid: int) -> bool:
    """Whether ``data`` is UTF-8 with a few bad bytes (``UTF8_MAX_INVALID_SHARE``) among at
    least as many good multi-byte characters.

    ``text`` is ``data`` decoded with ``decode_counting`` and ``invalid`` its count of bad bytes.
    """
    if not few_invalid(data, invalid):
        return False
    replacements = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return non_ascii - replacements >= replacements


def plausible_western(text: str) -> bool:
    """Whether a cp1252 reading looks like Western Latin-script text (see the ``WESTERN_*``
    and ``WORD_INTERNAL_SYMBOLS`` constants): few accented letters, never three in a row, no
    symbol glued inside a word."""
    letters = sum(map(str.isalpha, text))
    non_ascii_letters = sum(map(str.isalpha, _ASCII.sub("", text)))
    if non_ascii_letters > WESTERN_MAX_NON_ASCII_LETTER_SHARE * max(letters, 1):
        return False
    if _NON_ASCII_RUN.search(text):
        return False
    return all(m.group() in WORD_INTERNAL_SYMBOLS for m in _GLUED_SYMBOL.finditer(text))


class Decoded(NamedTuple):
    """Decoded text, the encoding it was read in, warnings, and how many bad bytes became U+FFFD."""

    text: str
    encoding: str
    warnings: list[str]
    replaced: int = 0


def _replaced_warning(label: str, count: int, encoding: str) -> str:
    """The one-line warning for ``count`` bad bytes replaced by U+FFFD."""
    plural = "s" if count != 1 else ""
    return f"{label}: {count} invalid byte{plural} in {encoding} text replaced with U+FFFD"


def decode_bytes(data: bytes, label: str = "input") -> Decoded:
    """Decode an input, keeping what is good.

    In order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; valid UTF-8 is kept as is;
    UTF-8 with a few bad bytes (``mostly_utf8``) keeps its good characters and the bad bytes
    become U+FFFD; Western text is read as cp1252 when that reading is plausible
    (``plausible_western``); a few stray bytes in otherwise ASCII/UTF-8 text are replaced; any
    other encoding (KOI8-R, cp1251, Shift-JIS ...) is detected by charset-normalizer. Every
    reading but plain UTF-8 comes with a warning.
    """
    bom = bom_encoding(data)
    if bom is not None:
        encoding, size = bom
        text, bad = decode_counting(data[size:], encoding)
        warnings = [_replaced_warning(label, bad, encoding)] if bad else []
        return _logged(Decoded(text, encoding, warnings, bad))
    try:
        return Decoded(data.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError:
        pass
    text, bad = decode_counting(data, "utf-8")
    as_utf8 = Decoded(text, "utf-8", [_replaced_warning(label, bad, "utf-8")], bad)
    if mostly_utf8(data, text, bad):
        return _logged(as_utf8)
    try:
        western: str | None = data.decode(WESTERN_ENCODING)
    except UnicodeDecodeError:
        western = None
    if western is not None and plausible_western(western):
        warning = f"{label}: not UTF-8, decoded as {WESTERN_ENCODING}"
        return _logged(Decoded(western, WESTERN_ENCODING, [warning]))
    if few_invalid(data, bad):
        return _logged(as_utf8)
    best = detect_charset(data).best()
    if best is not None:
        try:
            guessed = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            warning = f"{label}: not UTF-8, decoded as {best.encoding}"
            return _logged(Decoded(guessed, best.encoding, [warning]))
    return _logged(as_utf8)


def _logged(decoded: Decoded) -> Decoded:
    """Log a decoding's warnings and hand it back."""
    for warning in decoded.warnings:
        log.warning(warning)
    return decoded


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
    has_bom = bom_encoding(data) is not None
    if not has_bom and _looks_binary(data):
        raise InputError(f"{label}: binary file, not text or HTML")
    text, encoding, warnings, replaced = decode_bytes(data, label)
    if has_bom and _looks_binary(text[:65536].encode("utf-8", "replace")):
        raise InputError(f"{label}: binary file, not text or HTML")
    if not text.strip():
        raise InputError(f"{label}: empty input")
    return RawDocument(
        content=text,
        media_type=media_type or sniff_media_type(text[:2048].encode("utf-8", "replace"), path),
        sha256=hashlib.sha256(data).hexdigest(),
        path=path,
        url=url,
        published=published,
        title=title,
        encoding=encoding,
        warnings=warnings,
        replaced_bytes=replaced,
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
