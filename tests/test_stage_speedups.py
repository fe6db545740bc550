"""The stages' shortcuts give what the plain computations give: words read off the document's
arrays instead of a ``Token`` each, candidates turned down before their sides are read, matches
and permutations worked out once."""

from __future__ import annotations

import random

import pytest
from datasketch import MinHash
from spacy.attrs import TAG

from dateline.actors.refer import DESCRIPTOR_TAGS, _tagged
from dateline.checks.names import _title_words
from dateline.events import _demand, _verbs_and_nouns, candidate, decide, is_candidate, moot
from dateline.events.actors import ActorResolver
from dateline.events.cameo import _subtree_after
from dateline.events.lexicon import build
from dateline.events.model import default_model
from dateline.marks import DOUBLE_CLOSE, DOUBLE_EITHER, DOUBLE_OPEN, double_marks
from dateline.pipeline import Prepared, prepare
from dateline.quotes.reported import _may_report_at, may_report
from dateline.store import dedup

TEXT = (
    "Russia warned it would retaliate.\n\n"
    'Said Ellis: "We will not back down." According to the minister, the talks failed.\n\n'
    "The Turkish foreign minister, who met him in Ankara, said he hoped to visit Moscow, "
    "but he was criticised for refusing to condemn the attacks.\n\n"
    "Officials accused the rebels of shelling the town, which the rebels denied."
)


@pytest.fixture(scope="module")
def sample() -> Prepared:
    return next(prepare([TEXT]))


def _plain_double_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the double marks are and how wide, a character at a time."""
    found = []
    i = start
    while i < end:
        two, one = text[i : i + 2], text[i]
        if two in ("``", "''"):
            found.append((i, 2))
            i += 2
        elif one in DOUBLE_OPEN or one in DOUBLE_CLOSE or one in DOUBLE_EITHER:
            found.append((i, 1))
            i += 1
        else:
            i += 1
    return found


def test_double_marks_are_found_where_a_scan_a_character_at_a_time_finds_them() -> None:
    rng = random.Random(3)
    alphabet = list("ab '`\"“”„«»‘’\n.,(")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        marks = [(m.pos, m.width) for m in double_marks(text, start, end)]
        assert marks == _plain_double_marks(text, start, end), (text, start, end)


def test_subtree_after_is_the_subtree_after_the_word(sample: Prepared) -> None:
    for token in sample.doc:
        assert _subtree_after(token) == sorted(t.i for t in token.subtree if t.i > token.i)


def test_verbs_and_nouns_are_every_word_that_may_be_a_candidate(sample: Prepared) -> None:
    lexicon = build()
    kept = set(_verbs_and_nouns(sample.doc))
    assert all(t.i in kept for t in sample.doc if is_candidate(t, lexicon))


def test_a_moot_word_is_one_decide_turns_down_with_its_sides_read(sample: Prepared) -> None:
    lexicon, model = build().for_document(), default_model()
    assert model is not None
    actors = ActorResolver(sample.doc, sample.entities, sample.quotes, lexicon.actors)
    seen = 0
    for token in sample.doc:
        if not is_candidate(token, lexicon):
            continue
        full = candidate(token, lexicon, actors)
        if moot(token, full.predicate, full.mood, lexicon, model):
            seen += 1
            assert decide(full, model) is None, token.text
            assert _demand(full, actors) is None, token.text
            bare = candidate(token, lexicon, actors, model=model)
            assert (bare.sources, bare.features, bare.inner) == ([], [], full.inner)
    assert seen


def test_a_document_lexicon_matches_as_the_lexicon_does(sample: Prepared) -> None:
    lexicon = build()
    remembering = lexicon.for_document()
    for _ in range(2):
        assert [remembering.match(t) for t in sample.doc] == [lexicon.match(t) for t in sample.doc]


def test_reporting_words_are_found_off_the_arrays_as_word_by_word(sample: Prepared) -> None:
    found = _may_report_at(sample.doc)
    assert found == {t.i for t in sample.doc if may_report(t)}
    assert any(sample.doc[i].text == "Said" for i in found)


def test_words_read_off_the_arrays_are_the_tokens_own(sample: Prepared) -> None:
    doc = sample.doc
    words = _title_words(doc)
    assert words.text == {t.i: t.text for t in doc if t.is_title}
    assert words.alpha == [t.i for t in doc if t.is_title and t.is_alpha]
    assert words.propn == {t.i for t in doc if t.is_title and t.pos_ == "PROPN"}
    assert _tagged(doc, TAG, DESCRIPTOR_TAGS) == [t.i for t in doc if t.tag_ in DESCRIPTOR_TAGS]


def test_signatures_with_permutations_drawn_once_are_the_plain_ones() -> None:
    text = "The council approved the budget on Tuesday after a long debate in the chamber."
    plain = MinHash(num_perm=dedup.NUM_PERM, scheme=dedup.SCHEME)
    plain.update_batch(list(dedup.shingles(text)))
    assert dedup.signature(text) == plain.hashvalues.astype("<u8").tobytes()
    assert dedup.signature(text) == dedup.signature(text)
