"""Ingest: what is read, what is refused, and how text that is not UTF-8 is decoded."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import MAX_BYTES, from_bytes, read_path


def test_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "absent.txt")


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a file"):
        read_path(tmp_path)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n")
    with pytest.raises(InputError, match="empty"):
        read_path(path)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    with pytest.raises(InputError, match="binary"):
        read_path(path)


def test_file_over_20_mb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(InputError, match="too large"):
        read_path(path)


def test_utf8_is_kept_unchanged(tmp_path: Path) -> None:
    text = "MOSCOW, March 3 (Reuters) - Ça va,\r\n  “quoted”  \n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    raw = read_path(path)
    assert raw.content == text
    assert raw.encoding == "utf-8"
    assert raw.warnings == []


def test_cp1252_is_detected_and_warned_about() -> None:
    text = "The minister said: “We shall not retreat,” in Zürich on Monday. " * 4
    raw = from_bytes(text.encode("cp1252"), path="old.txt")
    assert raw.content == text
    assert raw.encoding != "utf-8"
    assert raw.warnings and "not UTF-8" in raw.warnings[0]


def test_html_is_sniffed_by_content() -> None:
    raw = from_bytes(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", path="page")
    assert raw.media_type == "text/html"


def test_sha256_identifies_the_bytes() -> None:
    a = from_bytes(b"Some article text.")
    b = from_bytes(b"Some article text.")
    assert a.sha256 == b.sha256 and len(a.sha256) == 64
