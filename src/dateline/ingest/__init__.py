"""Ingest: turn a path, bytes or a string into a ``RawDocument`` with its media type and metadata."""

from dateline.ingest.raw import (
    MAX_BYTES,
    RawDocument,
    decode_bytes,
    from_bytes,
    from_text,
    read_path,
    read_stdin,
    sniff_media_type,
)

__all__ = [
    "MAX_BYTES",
    "RawDocument",
    "decode_bytes",
    "from_bytes",
    "from_text",
    "read_path",
    "read_stdin",
    "sniff_media_type",
]
