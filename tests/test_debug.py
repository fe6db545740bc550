"""``dateline --debug`` / ``DATELINE_DEBUG=1``: the traceback of an unexpected error on stderr.

By default an unexpected error is one line (``dateline: PATH: analysis failed (...)``); with
``--debug`` the full traceback comes first and the one line after it. Expected errors (an input
that cannot be read, a ``DatelineError``) stay one line either way.
"""

from __future__ import annotations

import pytest
from conftest import SEED
from typer.testing import CliRunner

from dateline import pipeline
from dateline.cli import app
from dateline.errors import DEBUG_ENV, EXIT_SOME_FAILED, debugging
from dateline.limits import Limits, run_inline


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("stage exploded")


@pytest.fixture(autouse=True)
def _debug_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Debug off at the start; ``--debug`` sets the variable, restored after each test."""
    monkeypatch.setenv(DEBUG_ENV, "0")


def _analyze(*options: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*options, "analyze", str(SEED)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("stage", ["assemble", "structure"])
def test_an_unexpected_error_is_one_line_by_default(monkeypatch, stage):
    monkeypatch.setattr(pipeline, stage, _boom)
    code, out, err = _analyze()
    assert code == EXIT_SOME_FAILED and out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("dateline: ") and "analysis failed (RuntimeError: stage exploded)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("stage", ["assemble", "structure"])
def test_debug_shows_the_traceback_then_the_one_line(monkeypatch, stage):
    monkeypatch.setattr(pipeline, stage, _boom)
    code, out, err = _analyze("--debug")
    assert code == EXIT_SOME_FAILED and out == ""
    assert "Traceback (most recent call last)" in err
    assert "RuntimeError: stage exploded" in err and "in _boom" in err
    assert err.count("Traceback (most recent call last)") == 1, err
    last = err.strip().splitlines()[-1]
    assert last.startswith("dateline: ") and "analysis failed (RuntimeError" in last


def test_the_environment_variable_turns_debug_on(monkeypatch):
    monkeypatch.setattr(pipeline, "assemble", _boom)
    monkeypatch.setenv(DEBUG_ENV, "1")
    _, _, err = _analyze()
    assert "Traceback (most recent call last)" in err


def test_an_expected_error_stays_one_line_with_debug(tmp_path):
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(app, ["--debug", "analyze", str(missing)])
    assert result.exit_code == EXIT_SOME_FAILED
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("dateline: ") and "no such file" in result.stderr


@pytest.mark.parametrize(("value", "on"), [("", False), ("0", False), ("1", True), ("yes", True)])
def test_debugging_reads_the_variable(monkeypatch, value, on):
    monkeypatch.setenv(DEBUG_ENV, value)
    assert debugging() is on


def test_a_batch_records_one_line_and_logs_the_traceback_only_with_debug(monkeypatch, capsys):
    def analyse(items: list[str]) -> list[str]:
        if "bad" in items:
            raise RuntimeError("bad item")
        return [f"ok {item}" for item in items]

    def failed(item: str, reason: str) -> str:
        return f"{item}: {reason}"

    for value in ("0", "1"):
        monkeypatch.setenv(DEBUG_ENV, value)
        results = run_inline(["a", "bad", "c"], analyse, failed, Limits(0, 0))
        assert results == ["ok a", "bad: analysis failed (RuntimeError: bad item)", "ok c"]
        err = capsys.readouterr().err
        assert err.count("Traceback (most recent call last)") == (value == "1"), err


def test_the_help_names_the_option():
    result = CliRunner().invoke(app, ["--help"], terminal_width=100)
    assert "--debug" in result.output and "DATELINE_DEBUG=1" in result.output
