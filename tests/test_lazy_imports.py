"""What a one-article ``dateline analyze`` imports: neither the near-duplicate hashing
(datasketch, and scipy under it) nor the store's SQLAlchemy, which only an ingest needs, nor
the PETRARCH coder, which only ``--dictionaries`` needs. And what it leaves to the garbage
collector: the objects of its start-up (modules, the pipeline) frozen out of it
(``dateline.startup``), its default thresholds back for the articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "examples" / "tass-2016-12-01-lavrov-cavusoglu.txt"

IMPORTED = """
import gc, json, sys
before = gc.get_threshold()
from dateline.cli import app
try:
    app(sys.argv[1:], prog_name="dateline")
except SystemExit as exit:
    if exit.code:
        raise
collector = {"frozen": gc.get_freeze_count(), "restored": gc.get_threshold() == before}
print(json.dumps([sorted(sys.modules), collector]), file=sys.stderr)
"""


def test_analyze_imports_no_deduplication_no_store_and_no_petrarch() -> None:
    run = subprocess.run(
        [sys.executable, "-c", IMPORTED, "analyze", str(SEED), "--format", "summary"],
        capture_output=True,
        text=True,
        check=True,
    )
    modules, collector = json.loads(run.stderr.strip().splitlines()[-1])
    imported = set(modules)
    assert "spacy" in imported and "Lavrov" in run.stdout  # it did analyse the article
    assert not imported & {"datasketch", "scipy", "sqlalchemy", "alembic", "dateline.petrarch"}
    assert collector == {"frozen": collector["frozen"], "restored": True}
    assert collector["frozen"] > 100_000  # the pipeline's objects, once it was warm
