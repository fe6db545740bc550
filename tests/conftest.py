"""Shared fixtures: the seed article analysed once, and the data folder beside the project."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dateline
from dateline.schema import Document, Entity

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SEED = ROOT / "examples" / "tass-2016-12-01-lavrov-cavusoglu.txt"


def shared(*parts: str) -> Path:
    """A path under ../shared/data, skipping the test when that data is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/data not beside the project)")
    return path


@pytest.fixture(scope="session")
def seed() -> Document:
    """The seed TASS article, analysed with its publication date."""
    return dateline.analyze(SEED.read_text("utf-8"), published="2016-12-01", source=str(SEED))


def entity_named(doc: Document, name: str) -> Entity:
    """The one entity whose name contains ``name``."""
    found = [e for e in doc.entities if name in e.name]
    assert len(found) == 1, f"{name}: {[e.name for e in found]}"
    return found[0]


def entity_at(doc: Document, text: str, occurrence: int = 0) -> Entity | None:
    """The entity holding the mention of ``text`` at its n-th occurrence in the document."""
    starts = [m.start() for m in re.finditer(rf"\b{re.escape(text)}\b", doc.text)]
    start = starts[occurrence]
    for entity in doc.entities:
        for m in entity.mentions:
            if m.start == start and m.end == start + len(text):
                return entity
    return None
