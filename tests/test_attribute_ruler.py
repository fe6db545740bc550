"""The cached attribute ruler gives exactly the annotations of spaCy's own: on random documents
against made-up rulers (every pattern form it reads, later rules winning, longer patterns and
negative indices), and on news-like text against the shipped pipeline's 179 rules."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from dateline import nlp
from dateline.nlp.attribute_ruler import cached_ruler

WORDS = ["the", "it", "I", "gon", "na", "let", "'s", "is", "but", "x", "  ", "do", "Do"]
TAGS = ["NN", "VBZ", "DT", "CC", "PRP", "IN", "_SP", ""]
DEPS = ["nsubj", "dobj", "aux", "advmod", "ROOT", "det", ""]

RULES: list[dict] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "DT"}], [{"TAG": "CC"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"LOWER": "it", "TAG": "PRP"}]], "attrs": {"LEMMA": "it", "POS": "PRON"}},
    {
        "patterns": [[{"LOWER": {"IN": ["do", "is"]}, "DEP": {"IN": ["ROOT", "aux"]}}]],
        "attrs": {"POS": "VERB"},
    },
    {
        "patterns": [[{"TAG": {"NOT_IN": ["DT", ""]}, "DEP": {"NOT_IN": ["det", ""]}}]],
        "attrs": {"MORPH": "Case=Nom"},
    },
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {
        "patterns": [[{"DEP": "nsubj"}, {"LOWER": {"REGEX": "^i?s$"}}]],
        "attrs": {"POS": "AUX"},
        "index": -1,
    },
    {"patterns": [[{"LOWER": "but", "DEP": "advmod"}]], "attrs": {"POS": "ADV"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}},  # a later rule wins
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
]

COMPARED = [TAG, POS, MORPH, LEMMA, DEP]


def _ruler(rules: list[dict]):
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add_patterns(rules)
    return blank, ruler


def _random_doc(vocab, rng: random.Random) -> Doc:
    n = rng.randint(1, 12)
    words = [rng.choice(WORDS) for _ in range(n)]
    deps = [rng.choice(DEPS) for _ in range(n)]
    return Doc(
        vocab,
        words=words,
        tags=[rng.choice(TAGS) for _ in range(n)],
        deps=deps,
        heads=list(range(n)) if all(deps) else None,
    )


def _annotations(doc: Doc) -> list[tuple]:
    return [tuple(row) for row in doc.to_array(COMPARED).tolist()]


def test_cached_ruler_matches_spacys_on_random_documents() -> None:
    blank, ruler = _ruler(RULES)
    cached = cached_ruler(ruler)
    assert cached is not None
    rng = random.Random(7)
    for _ in range(400):
        doc = _random_doc(blank.vocab, rng)
        stock, fast = Doc(blank.vocab).from_bytes(doc.to_bytes()), doc
        assert _annotations(cached(fast)) == _annotations(ruler(stock)), [t.text for t in doc]


def test_a_later_rule_wins_and_a_longer_pattern_sets_its_target_word() -> None:
    blank, ruler = _ruler(RULES)
    cached = cached_ruler(ruler)
    assert cached is not None
    doc = Doc(blank.vocab, words=["gon", "na", "x"], tags=["NN", "NN", "NN"])
    cached(doc)
    assert [t.pos_ for t in doc] == ["PROPN", "PROPN", "PROPN"]
    assert [t.lemma_ for t in doc][:2] == ["go", "to"]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "x", "OP": "?"}],
        [{"LENGTH": {">=": 3}}],
        [{"ORTH": "x"}],
        [{"LOWER": {"FUZZY": "word"}}],
    ],
)
def test_a_pattern_form_it_cannot_read_leaves_spacys_ruler_in_place(pattern: list) -> None:
    _, ruler = _ruler([*RULES, {"patterns": [pattern], "attrs": {"POS": "X"}}])
    assert cached_ruler(ruler) is None


NEWS = (
    "Ministers gon na act, let's see, the mayor said.\n\n"
    "There is no plan. There were two. I told you it was done, and you gave it to me.\n"
    "But the council did not. She had a plan but it failed; they do have a vote.\n\n"
    '"It is what we do," said Ms Okafor, who ain\'t sure. We got ta move.  Done.'
)


def test_the_shipped_pipeline_gets_the_same_annotations_either_way() -> None:
    fast, stock = nlp.load(), nlp.load(stock_ruler=True)
    assert "dateline_attribute_ruler" in fast.pipe_names
    assert "attribute_ruler" in stock.pipe_names
    text = NEWS * 3
    doc, expected = fast(text), stock(text)
    assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc] == [
        (t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in expected
    ]
    assert doc[1].lemma_ == "go" and doc[2].lemma_ == "to"
