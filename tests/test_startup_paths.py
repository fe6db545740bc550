"""Start-up paths of ``dateline analyze`` (issue 12): trafilatura (structure/html.py) is imported
only when an input is HTML, and then before the batch's time budget starts. And the garbage
collector while a command starts (``dateline.startup``)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from conftest import SEED

from dateline.startup import START_UP_THRESHOLD, started, starting

IMPORTED = """
import json, sys
from dateline.cli import app
try:
    app(sys.argv[1:], prog_name="dateline")
except SystemExit as exit:
    if exit.code not in (None, 0, 1):
        raise
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})), file=sys.stderr)
"""


def _imported(*args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    run = subprocess.run(
        [sys.executable, "-c", IMPORTED, *args], capture_output=True, text=True, timeout=300
    )
    return set(json.loads(run.stderr.strip().splitlines()[-1])), run


def test_text_input_does_not_import_trafilatura() -> None:
    imported, run = _imported("analyze", str(SEED), "--format", "summary")
    assert "Lavrov" in run.stdout  # it did analyse the article
    assert "trafilatura" not in imported


def test_html_input_imports_trafilatura(tmp_path: Path) -> None:
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    imported, run = _imported("analyze", str(page))
    assert "no article" in run.stderr  # the page went through trafilatura
    assert "trafilatura" in imported


BEFORE_BUDGET = """
import sys
import dateline.batch, dateline.limits
from dateline import cli
from dateline.limits import Limits

dateline.batch.init_worker = lambda model, dedup=False, html=True: None  # no pipeline needed
seen = []

def run_inline(batch, analyse, failed, limits):
    seen.append("dateline.structure.html" in sys.modules)
    return iter(())

dateline.limits.run_inline = run_inline
list(cli._analysed(sys.argv[1:], None, None, None, None, Limits()))
print(seen)
"""


def test_trafilatura_is_imported_before_the_budget_of_a_page(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<html><body><p>Storm hits coast.</p></body></html>")
    text = tmp_path / "b.txt"
    text.write_text("Storm hits coast.\n\nWASHINGTON (AP) - A storm hit the coast on Monday.\n")
    for paths, seen in (([text], "[False]"), ([page], "[True]"), ([text, page], "[True]")):
        run = subprocess.run(
            [sys.executable, "-c", BEFORE_BUDGET, *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        assert run.stdout.strip() == seen, run.stderr


def test_a_command_collects_rarely_while_it_starts_then_as_before() -> None:
    before = gc.get_threshold()
    with starting():
        assert gc.get_threshold() == (START_UP_THRESHOLD, *before[1:])
        with starting():  # a command inside a command: the outer one decides
            assert gc.get_threshold()[0] == START_UP_THRESHOLD
        assert gc.get_threshold()[0] == START_UP_THRESHOLD
    assert gc.get_threshold() == before


def test_once_started_its_objects_are_frozen_and_the_defaults_return() -> None:
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        with starting():
            started()
            assert gc.get_threshold() == before
            assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
    assert gc.get_threshold() == before


def test_outside_a_command_started_changes_nothing() -> None:
    state = gc.get_threshold(), gc.get_freeze_count()
    started()  # the library's init_worker, an ingest worker
    assert (gc.get_threshold(), gc.get_freeze_count()) == state


INGEST_WORKER = """
import sys
import dateline.batch as batch
from dateline.ingest import from_text

seen = []
batch.init_worker = lambda model, dedup=False, html=True: seen.append(html)  # no pipeline
batch._analyse = lambda tasks, published, model, signatures=False: []
batch.init_ingest_worker(None)
seen.append("dateline.structure.html" in sys.modules)
batch.analyse_tasks([batch.Task("a", from_text("Storm hits coast."))], None, None)
seen.append("dateline.structure.html" in sys.modules)
page = from_text("<html><body><p>Storm.</p></body></html>", path="a.html")
batch.analyse_tasks([batch.Task("b", page)], None, None)
seen.append((page.media_type, "dateline.structure.html" in sys.modules))
print(seen)
"""


def test_an_ingest_worker_imports_trafilatura_only_for_a_page() -> None:
    run = subprocess.run(
        [sys.executable, "-c", INGEST_WORKER], capture_output=True, text=True, timeout=300
    )
    assert run.stdout.strip() == "[False, False, False, ('text/html', True)]", run.stderr
