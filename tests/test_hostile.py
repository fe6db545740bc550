"""No article can stall, crash or garble a run: the hostile corpus (``hostile_corpus.py``)
through ``dateline ingest``, and text from Hypothesis through ``dateline.analyze``.

The ingest run must end (exit status 0 or 1, no traceback) within a bound, account for every
input (stored + duplicate + near-duplicate + failed = the inputs the folder holds, and every file
of the corpus among them), fail what must fail with its reason and keep the text of what must be
stored.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_corpus import Case, write_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dateline
from dateline.errors import DatelineError
from dateline.ingest.sources import Sources
from dateline.limits import Limits, Overrun, guard

ARTICLE_TIMEOUT_S = 10
"""The per-article ``--timeout`` of the runs."""
SMALL_RUN_BOUND_S = 150
"""The small corpus must be ingested within this (about 30 s here, with the model load)."""
FULL_RUN_BOUND_S = 1500
"""The full corpus (each slow case runs into the budget, a worker is killed each time)."""
SUMMARY = re.compile(r"(\d+) stored, (\d+) duplicate, (\d+) near-duplicate, (\d+) failed")
ANALYSED = {"stored", "duplicate", "near-duplicate"}
"""Statuses of an input whose article was analysed (a duplicate points to the stored copy)."""


def ingest(folder: Path, db: Path, workers: int, bound: float) -> tuple[str, int, float]:
    """``dateline ingest`` of the folder in a subprocess: its stderr, exit status and seconds."""
    command = [sys.executable, "-m", "dateline.cli", "ingest", str(folder), "--db", str(db)]
    command += ["--workers", str(workers), "--timeout", str(ARTICLE_TIMEOUT_S)]
    command += ["--batch-size", "1", "--no-progress"]
    start = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=bound)
    return done.stderr, done.returncode, time.monotonic() - start


def recorded(db: Path) -> dict[str, tuple[str, str | None, str | None]]:
    """Every row of the inputs table: key -> (status, reason, text of its article)."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT i.key, i.status, i.reason, a.text FROM inputs i "
            "LEFT JOIN articles a ON a.id = i.article_id"
        ).fetchall()
    return {key: (status, reason, text) for key, status, reason, text in rows}


def check_run(folder: Path, cases: list[Case], db: Path, stderr: str, code: int) -> None:
    """Every input accounted for, the known fates met, nothing garbled or leaked."""
    assert code in (0, 1), stderr[-3000:]
    assert "Traceback" not in stderr, stderr[-3000:]
    found = SUMMARY.search(stderr)
    assert found, stderr[-3000:]
    reported = sum(int(n) for n in found.groups())
    rows = recorded(db)
    inputs = sum(1 for _ in Sources([folder]))
    assert reported == len(rows) == inputs, (reported, len(rows), inputs)

    keys = list(rows)
    for case in cases:
        base = str(folder / case.file)
        assert any(key.startswith(base) for key in keys), f"{case.file}: not among the inputs"
        if case.expect is None:
            continue
        key = str(folder / case.key)
        assert key in rows, f"{case.key}: no such input ({case.note})"
        status, reason, text = rows[key]
        if case.expect == "failed":
            assert status == "failed", f"{case.key} ({case.note}): {status}"
            assert reason and "\n" not in reason
            if case.reason:
                assert case.reason.lower() in reason.lower(), f"{case.key}: {reason}"
        else:
            assert status in ANALYSED, f"{case.key} ({case.note}): {status}, {reason}"
            if case.contains:
                assert text and case.contains in text, f"{case.key}: {text and text[:300]!r}"
    assert not any(text and "root:x:0" in text for _, _, text in rows.values())


@pytest.mark.timeout(SMALL_RUN_BOUND_S + 60, method="thread")
def test_the_hostile_corpus_is_ingested_and_every_input_accounted_for(tmp_path: Path) -> None:
    folder = tmp_path.resolve() / "hostile"
    cases = write_corpus(folder)
    db = tmp_path / "hostile.db"
    stderr, code, seconds = ingest(folder, db, workers=0, bound=SMALL_RUN_BOUND_S)
    check_run(folder, cases, db, stderr, code)
    assert code == 1  # the corpus holds inputs that must fail
    assert seconds < SMALL_RUN_BOUND_S


@pytest.mark.slow
@pytest.mark.timeout(FULL_RUN_BOUND_S + 120, method="thread")
def test_the_full_size_hostile_corpus_runs_into_the_budget_not_forever(tmp_path: Path) -> None:
    folder = tmp_path.resolve() / "hostile"
    cases = write_corpus(folder, full=True)
    db = tmp_path / "hostile.db"
    stderr, code, seconds = ingest(folder, db, workers=1, bound=FULL_RUN_BOUND_S)
    check_run(folder, cases, db, stderr, code)
    rows = recorded(db)
    for name in ("quote-run.txt", "bracket-run.txt"):  # tamed for the tokenizer: linear now
        status, reason, _ = rows[str(folder / name)]
        assert status in ANALYSED, (name, status, reason)
    status, reason, _ = rows[str(folder / "quoted-words.txt")]  # 40,000 quotes: about 60 s
    assert status == "failed" and reason and "timed out" in reason, reason
    assert seconds < FULL_RUN_BOUND_S


# -- any text through dateline.analyze ---------------------------------------------------------

ANALYZE_BUDGET_S = 5.0
"""Seconds one generated text may take in ``dateline.analyze`` (longer: ``Overrun``)."""
PREFIX = (
    "Council approves budget.\n\nLONDON, March 3 (Reuters) - The council approved the budget on "
    'Tuesday.\n\n"It is a good day," Mayor Jane Holloway said.\n\n'
)
"""An English start, so that the language check lets most generated texts through."""
WORDS = [
    "said",
    "says",
    "told",
    "Mr",
    "Mrs.",
    "Dr.",
    "Obama",
    "Jane Holloway",
    "the minister",
    "LONDON",
    "(Reuters)",
    "-",
    "according to",
    "he",
    "she",
    "they",
    "that",
    "http://example.org/a?b=c",
    "@user",
    "#tag",
    "2016-09-12",
    "Sept. 12",
    "$4.5bn",
    "U.S.",
    "I",
]
MARKS = [*"\"'“”‘’«»„()[]{}<>—–-.,;:!?…*/\\&%", "\n", "\n\n", "\t", "\u00a0", "\u200b"]
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(MARKS),
    st.lists(st.sampled_from(MARKS), max_size=30).map("".join),
    st.text(max_size=12),
)
TEXTS = st.tuples(
    st.booleans(),
    st.lists(st.tuples(PIECES, st.sampled_from(["", " ", " ", "\n"])), max_size=300),
).map(lambda t: (PREFIX if t[0] else "") + "".join(a + b for a, b in t[1]))


@pytest.fixture(scope="module")
def warm() -> None:
    """The pipeline loaded and warmed up outside any example's budget."""
    from dateline.batch import init_worker

    init_worker(None)


@pytest.mark.timeout(240, method="thread")
@settings(
    max_examples=40,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=TEXTS)
def test_any_text_is_analysed_or_refused_in_one_line(warm: None, text: str) -> None:
    try:
        with guard(Limits(timeout=ANALYZE_BUDGET_S, max_memory_mb=0)):
            document = dateline.analyze(text, any_language=True)
    except Overrun as exc:
        assert "timed out" in exc.reason
        return
    except DatelineError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for span in document.spans():
        assert document.text[span.start : span.end] == span.text, span


# -- runs of marks: tamed for spaCy's tokenizer ------------------------------------------------


@pytest.mark.parametrize("run", ['"' * 30_000, "(" * 30_000, "([{" * 10_000, "“”" * 15_000])
def test_a_long_run_of_marks_costs_the_tokenizer_two_tokens(run: str) -> None:
    from dateline import nlp

    text = f"The minister said {run} and left."
    tamed = nlp.tame(text)
    assert len(tamed) == len(text)  # every offset holds
    assert tamed.replace(" ", "") != text.replace(" ", "")
    tokens = nlp.load().tokenizer(tamed)
    assert len(tokens) <= 10, [t.text[:10] for t in tokens]


def test_ordinary_punctuation_is_left_as_it_is() -> None:
    from dateline import nlp

    text = 'He said: "No!" -- and (then) left... ***** =====.'
    assert nlp.tame(text) == text
