"""What a one-article ``dateline analyze`` imports: neither the near-duplicate hashing
(datasketch, and scipy under it) nor the store's SQLAlchemy, which only an ingest needs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "examples" / "tass-2016-12-01-lavrov-cavusoglu.txt"

IMPORTED = """
import json, sys
from dateline.cli import app
try:
    app(sys.argv[1:], prog_name="dateline")
except SystemExit as exit:
    if exit.code:
        raise
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})), file=sys.stderr)
"""


def test_analyze_imports_no_deduplication_and_no_store() -> None:
    run = subprocess.run(
        [sys.executable, "-c", IMPORTED, "analyze", str(SEED), "--format", "summary"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = set(json.loads(run.stderr.strip().splitlines()[-1]))
    assert "spacy" in imported and "Lavrov" in run.stdout  # it did analyse the article
    assert not imported & {"datasketch", "scipy", "sqlalchemy", "alembic"}
