"""Training examples for the event model from PLV rows, and the training itself.

Each PLV row marks a source and a target; the word that tells their event is the lowest word of
the parse that governs both (descending to the verb when that word is not a verb or noun). That
word's candidate is an example of the row's type; every other candidate of the sentence that
has a source is an example of no event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from dateline.eval.plv import Pair
from dateline.events import candidate, is_candidate
from dateline.events.actors import ActorResolver
from dateline.events.lexicon import build
from dateline.events.model import NONE, EventModel, Example, fit
from dateline.pipeline import Prepared

REPORTING = {"say", "tell", "announce", "declare", "state", "add", "report", "claim", "confirm"}
LABELS = {"YIELD": "CONCEDE"}
"""PLV labels under their PLOVER 2.0 name."""
C = 3.0
"""Inverse regularisation strength of the logistic regression, fixed for every fold: the value
plain 5-fold CV on PLV train picks among 1, 3, 10 (``scripts/tune_event_thresholds.py``), and the
one of the three that keeps the news tuning sets' precision (docs/benchmarks.md)."""


def span_head(doc: Doc, start: int, end: int) -> Token | None:
    """The word of a character span whose parent lies outside it."""
    inside = [t for t in doc if start <= t.idx < end]
    for token in inside:
        if token.head is token or not (start <= token.head.idx < end):
            return token
    return None


def _ancestors(token: Token) -> list[Token]:
    return [token, *token.ancestors]


def gold_token(doc: Doc, pair: Pair) -> Token | None:
    """The word that tells the row's event: the lowest common governor of both sides."""
    heads = [
        h
        for spans in (pair.source, pair.target)
        if spans
        for h in [span_head(doc, *spans[0])]
        if h is not None
    ]
    if not heads:
        return None
    if len(heads) == 1:
        token = heads[0].head
    else:
        above = {t.i for t in _ancestors(heads[1])}
        token = next((t for t in _ancestors(heads[0]) if t.i in above), heads[0].head)
        if token.i in (heads[0].i, heads[1].i):
            token = token.head if token.head is not token else token
    if token.pos_ not in ("VERB", "NOUN", "PROPN"):
        verbs = [t for t in token.subtree if t.pos_ == "VERB" and t.i > token.i]
        token = verbs[0] if verbs else token
    if token.lemma_.lower() in REPORTING:
        # "X said Y will lay down arms": the reported clause tells the event, not the report
        told = next((c for c in token.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
        token = told or token
    return token


def examples_for(prepared: Prepared, pairs: Sequence[Pair]) -> list[Example]:
    """(features, label) for every candidate of one sentence."""
    lexicon = build()
    doc = prepared.doc
    actors = ActorResolver(doc, prepared.entities, prepared.quotes, lexicon.actors)
    gold: dict[int, str] = {}
    for pair in pairs:
        token = gold_token(doc, pair)
        if token is not None:
            gold.setdefault(token.i, LABELS.get(pair.type, pair.type))
    out: list[Example] = []
    for token in doc:
        if token.i not in gold and not is_candidate(token, lexicon):
            continue
        c = candidate(token, lexicon, actors, always=token.i in gold)
        if token.i in gold or c.sources:
            out.append((c.features, gold.get(token.i, NONE)))
    return out


def train(examples: Iterable[Example], about: str = "") -> EventModel:
    """Fit the model on examples."""
    return fit(list(examples), c=C, about=about)
