"""Schemathesis over the explorer's OpenAPI: every operation (``POST /api/ingest`` aside: it
writes, and needs a token) fed generated requests in-process through ASGI, valid ones and, where
there are parameters, invalid ones; no 5xx, and every response matches the schema it is
documented with (the errors included: ``Problem``, not FastAPI's default 422)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the explorer's packages: pip install -e '.[explorer]'")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
from explorer_corpus import build  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

from dateline.explorer.app import create_app  # noqa: E402
from dateline.store import open_store  # noqa: E402

MAX_EXAMPLES = 10
CHECKS = [not_a_server_error, response_schema_conformance]
SLOW = {"/api/analyze"}
"""Analysed with spaCy on every request: fewer examples."""


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    db = build(tmp_path_factory.mktemp("schema"))
    store = open_store(str(db), create=False)
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(store))
    store.close()


def test_no_operation_answers_500_or_off_its_schema(schema):
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    tested = []
    for operation in operations:
        if operation.path == "/api/ingest":
            continue
        slow = operation.path in SLOW
        modes = [GenerationMode.POSITIVE]
        if operation.path_parameters or (operation.query and not slow):
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=3 if slow else MAX_EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            def check(case):
                case.call_and_validate(checks=CHECKS)

            check()
        tested.append(f"{operation.method.upper()} {operation.path}")
    assert "GET /api/quotes" in tested and "POST /api/analyze" in tested
