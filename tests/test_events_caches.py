"""The events stage's speed-ups give what the plain computations gave: the dense model sum, the
compiled CAMEO patterns and the per-sentence word bag."""

from __future__ import annotations

import math
import random

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.events.cameo import CameoPattern, CameoTable
from dateline.events.features import SENTENCE_WORDS_KEY, _sentence_words
from dateline.events.model import EventModel
from dateline.pipeline import prepare


def _sparse(model: EventModel, features: list[str]) -> dict[str, float]:
    """The model's probabilities as the plain sparse sum works them out."""
    scores = list(model.intercepts)
    for feature in features:
        for index, weight in model.weights.get(feature, {}).items():
            scores[index] += weight
    exps = [math.exp(s - max(scores)) for s in scores]
    return {c: e / sum(exps) for c, e in zip(model.classes, exps, strict=True)}


def test_dense_model_sum_is_the_sparse_sum_bit_for_bit() -> None:
    rng = random.Random(7)
    names = [f"f{n}" for n in range(40)]
    model = EventModel.sparse(
        classes=("NONE", "AGREE", "ASSAULT"),
        weights={f: {i: rng.uniform(-3, 3) for i in range(3) if rng.random() < 0.6} for f in names},
        intercepts=(0.3, -1.1, 0.7),
    )
    for _ in range(200):
        features = list(dict.fromkeys(rng.choice([*names, "unknown"]) for _ in range(12)))
        assert model.probabilities(features) == _sparse(model, features)


def _met() -> Doc:
    words = ["Iran", "met", "Iraq", "for", "talks"]
    return Doc(Vocab(), words=words, heads=[1, 1, 1, 1, 3], deps=["nsubj", "ROOT", "dobj", "prep", "pobj"])  # fmt: skip


@pytest.mark.parametrize(
    ("patterns", "code"),
    [
        # the longest pattern that holds; of two as long, the first
        ((("041", (), ("TALKS",)), ("043", (), ("FOR", "TALKS")), ("044", (), ("&ROUND", "FOR"))), "043"),
        ((("044", (), ("&ROUND", "FOR")), ("043", (), ("FOR", "TALKS"))), "044"),
        # a longer one that fails is passed over; a synset matches any member
        ((("046", ("IRAN",), ("FOR", "PEACE")), ("042", ("IRAN",), ("&ROUND",))), "042"),
        # nothing holds: the form's own code
        ((("045", ("NOBODY",), ()), ("047", (), ("&NONE",))), "040"),
    ],
)  # fmt: skip
def test_compiled_cameo_patterns_pick_the_longest_first_of_its_length(
    patterns: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...], code: str
) -> None:
    family = tuple(CameoPattern(c, before, after) for c, before, after in patterns)
    table = CameoTable({"MET": [("040", family)]}, {"&ROUND": frozenset({"TALKS", "MEETING"})})
    doc = _met()
    assert table.code(doc[1]) == code
    assert table.code(_met()[1]) == code  # compiled once, the same answer for a new document


def test_sentence_words_are_read_once_a_sentence_the_predicate_among_them() -> None:
    doc = next(prepare(["Russia accused Iran of delays and threatened sanctions."])).doc
    accused, threatened = (next(t for t in doc if t.text == w) for w in ("accused", "threatened"))
    bag = _sentence_words(accused)
    assert "sw=accuse" in bag and "sw=threaten" in bag
    assert _sentence_words(threatened) is bag
    assert doc.user_data[SENTENCE_WORDS_KEY] == {accused.sent.start: bag}
