"""An article whose parse alone would take far more than its time budget is refused up front, in
one line, without spending the budget (nor, in a worker, the worker)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_corpus import ARTICLE
from typer.testing import CliRunner

from dateline import limits
from dateline.cli import app
from dateline.limits import Limits, ParseRate, article_budget, guard

QUOTED_WORDS = " ".join(f'"word{i}"' for i in range(10_000))
"""30,000 tokens: about 7 s of parse at 0.25 ms a token, 4.5 s at the rate assumed before a
process has measured its own (0.15 ms), both over 1.25 times a 2 s budget."""


@pytest.fixture(autouse=True)
def _fresh_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(limits.NO_ESTIMATE_ENV, raising=False)
    monkeypatch.setattr(ParseRate, "tokens", 0)
    monkeypatch.setattr(ParseRate, "seconds", 0.0)


def test_analyze_refuses_an_article_whose_parse_would_overrun_and_writes_the_others(
    tmp_path: Path,
) -> None:
    slow, good = tmp_path / "slow.txt", tmp_path / "good.txt"
    slow.write_text(ARTICLE + "\n" + QUOTED_WORDS + "\n", "utf-8")
    good.write_text(ARTICLE, "utf-8")
    result = CliRunner().invoke(app, ["analyze", str(slow), str(good), "--timeout", "2"])
    assert result.exit_code == 1
    (error,) = result.stderr.strip().splitlines()
    assert error.startswith(f"dateline: {slow}: too long for the time budget (parsing 30,0")
    assert "the budget is 2 s; raise --timeout to analyse it" in error
    assert len(result.stdout.strip().splitlines()) == 1  # the good article
    assert ParseRate.tokens < 1_000  # refused before its parse: only the good article parsed


def test_the_estimate_can_be_turned_off_and_a_big_budget_tries_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text(ARTICLE + "\n" + QUOTED_WORDS[:20_000] + "\n", "utf-8")
    tried = CliRunner().invoke(app, ["analyze", str(slow), "--timeout", "600"])
    assert tried.exit_code == 0, tried.stderr
    monkeypatch.setenv(limits.NO_ESTIMATE_ENV, "1")
    result = CliRunner().invoke(app, ["analyze", str(slow), "--timeout", "0.5"])
    assert "too long for the time budget" not in result.stderr
    assert "timed out after 0.5 s" in result.stderr  # tried, and stopped by the budget


def test_the_parse_rate_is_this_process_own_once_measured_on_long_texts() -> None:
    assert ParseRate.per_token() == limits.DEFAULT_PARSE_S_PER_TOKEN
    ParseRate.observe(limits.RATE_DOC_TOKENS - 1, 10.0)  # a short text: its fixed cost misleads
    assert ParseRate.tokens == 0
    ParseRate.observe(limits.MEASURED_TOKENS - limits.RATE_DOC_TOKENS, 4.0)
    assert ParseRate.per_token() == limits.DEFAULT_PARSE_S_PER_TOKEN  # too little evidence
    ParseRate.observe(limits.RATE_DOC_TOKENS, 1.0)
    assert ParseRate.per_token() == pytest.approx(5.0 / limits.MEASURED_TOKENS)


def test_the_budget_is_known_inside_guard_only() -> None:
    assert article_budget() == 0
    with guard(Limits(timeout=7, max_memory_mb=0)):
        assert article_budget() == 7
    assert article_budget() == 0


def test_ingest_workers_refuse_it_without_a_worker_killed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    (folder / "b-slow.txt").write_text(ARTICLE + "\n" + QUOTED_WORDS + "\n", "utf-8")
    db = str(tmp_path / "t.db")
    args = ["ingest", str(folder), "--db", db, "--workers", "1", "--timeout", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "b-slow.txt: too long for the time budget" in result.output
    assert "1 stored, 0 duplicate, 0 near-duplicate, 1 failed" in result.output


def test_a_failing_estimate_fails_the_article_alone_with_its_own_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dateline import pipeline
    from dateline.ingest import from_text

    def broken(*args: object) -> None:
        raise RuntimeError("tokenizer broke")

    monkeypatch.setattr(pipeline, "within_budget", broken)
    (outcome,) = pipeline.analyze_raw([from_text(ARTICLE, path="a.txt")])
    assert (
        outcome.error == "a.txt: the estimate of its parse failed (RuntimeError: tokenizer broke)"
    )
