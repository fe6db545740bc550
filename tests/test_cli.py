"""The ``dateline`` command line, run as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import SEED

CLI = [sys.executable, "-m", "dateline.cli"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=300)


def test_one_input_gives_one_json_document() -> None:
    out = run("analyze", str(SEED), "--published", "2016-12-01")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["schema"] == "dateline/1"
    assert doc["dateline"]["date"] == "2016-12-01"


def test_several_inputs_give_jsonl_in_order(tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("Storm hits coast.\n\nWASHINGTON (AP) — A storm hit the coast on Monday.\n")
    out = run("analyze", str(other), str(SEED))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(other), str(SEED)]


def test_bad_inputs_are_reported_and_the_rest_analysed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    out = run("analyze", str(empty), str(tmp_path / "missing.txt"), str(binary), str(SEED))
    assert out.returncode == 1
    errors = out.stderr.decode().strip().splitlines()
    assert len(errors) == 3
    assert all(line.startswith("dateline: ") for line in errors)
    assert "empty" in errors[0] and "no such file" in errors[1] and "binary" in errors[2]
    docs = out.stdout.decode().splitlines()
    assert len(docs) == 1 and json.loads(docs[0])["headline"]["text"].startswith("Top diplomat")


def test_html_without_article_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    out = run("analyze", str(page))
    assert out.returncode == 1
    assert out.stderr.decode().strip().count("\n") == 0
    assert "no article" in out.stderr.decode()


def test_stdin_is_read_with_a_dash() -> None:
    out = run("analyze", "-", "--format", "summary", stdin=SEED.read_bytes())
    assert out.returncode == 0, out.stderr
    assert "dateline:   ALANYA /TURKEY/" in out.stdout.decode()


def test_summary_names_people_and_roles() -> None:
    out = run("analyze", str(SEED), "--format", "summary", "--published", "2016-12-01")
    text = out.stdout.decode()
    assert "Sergey Lavrov (foreign minister, RUS, RUSGOV)" in text
    assert "Alanya / TUR / 2016-12-01 / TASS" in text


def test_bad_published_date_is_refused() -> None:
    out = run("analyze", str(SEED), "--published", "yesterday")
    assert out.returncode != 0
    assert "YYYY-MM-DD" in out.stderr.decode()


def test_unknown_model_is_a_clear_error() -> None:
    out = run("analyze", str(SEED), "--model", "no_such_pipeline")
    assert out.returncode == 2
    assert "no_such_pipeline" in out.stderr.decode() and "Traceback" not in out.stderr.decode()


def test_schema_command_prints_json_schema() -> None:
    out = run("schema")
    schema = json.loads(out.stdout)
    assert "quotes" in schema["properties"] and "entities" in schema["properties"]


def test_events_command_prints_a_table_for_a_file() -> None:
    out = run("events", str(SEED), "--published", "2016-12-01", "--type", "CONSULT")
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    assert "CONSULT/040" in text and "RUSGOV" in text and "TURGOV" in text
    assert "COOPERATE" not in text
