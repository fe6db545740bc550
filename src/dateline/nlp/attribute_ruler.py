"""spaCy's attribute ruler, answered from a cache: the same rules, the same annotations.

The pipeline's ``attribute_ruler`` (the tag map: POS and morphology from the fine-grained tag, plus
a few exceptions) runs a ``Matcher`` of 179 token patterns over every word of every article: about
a seventh of the whole parse's CPU time on news (2.3 of 16 CPU s on 150 PolNeAR train texts).
Almost all its patterns look at one word only (its tag, lower-case form, dependency label, whether
it is space), so what they set on a word is a function of those four values: that function is
worked out once per distinct combination, by the ruler's own patterns and attributes, and kept.
The few patterns of two words ("gon na", "let 's", an expletive and its verb) are matched in the
document directly. Rules are applied in the ruler's order (a later rule wins, as in spaCy), and the
values written are those spaCy's ``set_token_attrs`` writes.

A ruler with a pattern this module cannot read (an operator, a predicate other than equality,
``IN``, ``NOT_IN`` and ``REGEX``, an attribute other than ``TAG``, ``LOWER``, ``DEP`` and
``IS_SPACE``) is left in place as it is (``cached_ruler`` returns None).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.tokens import Doc
from spacy.vocab import Vocab

WORD_KEYS = (TAG, LOWER, DEP, IS_SPACE)
"""The values of a word its patterns may look at, in the order of a cache key."""
PATTERN_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
"""A pattern attribute and its place in ``WORD_KEYS``."""
WRITTEN = (POS, TAG, DEP, LEMMA, MORPH)
"""The attributes a rule may set (``cached_ruler`` refuses a ruler whose rules set others)."""

Test = Callable[[Any], bool]


class WordTest(NamedTuple):
    """One word of one pattern of one rule: the rule, the pattern, the word's place in it."""

    rule: int
    pattern: int
    position: int
    checks: tuple[tuple[int, Test], ...]
    """(place in the word's values, test) pairs: all must hold."""
    anchor: tuple[int, str | bool] | None
    """A value the word must have (place, value), to index the test by: its lower-case form
    where the pattern names one, else its tag; None for a test of other forms only."""


def _test(value: Any) -> Test | None:
    """A pattern value as a test of the word's value (a string, or a bool for IS_SPACE); None
    for a form this module does not read."""
    if isinstance(value, bool | str):
        return lambda seen: seen == value
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((operator, argument),) = value.items()
    if operator == "IN":
        members = frozenset(argument)
        return lambda seen: seen in members
    if operator == "NOT_IN":
        outside = frozenset(argument)
        return lambda seen: seen not in outside
    if operator == "REGEX":
        compiled = re.compile(argument)
        return lambda seen: bool(compiled.search(seen))
    return None


def _word_test(rule: int, pattern: int, position: int, spec: dict[str, Any]) -> WordTest | None:
    checks = []
    exact = {}
    for key, value in spec.items():
        test = _test(value)
        if key not in PATTERN_KEYS or test is None:
            return None
        checks.append((PATTERN_KEYS[key], test))
        if isinstance(value, str | bool):
            exact[PATTERN_KEYS[key]] = value
    anchor = min(exact.items(), key=lambda item: ANCHOR_ORDER.index(item[0]), default=None)
    return WordTest(rule, pattern, position, tuple(checks), anchor)


ANCHOR_ORDER = (1, 0, 2, 3)
"""The values a test is best indexed by, the most selective first: lower-case form, tag, ..."""


@dataclass
class Outcome:
    """What the rules do to words with one set of values."""

    single: tuple[int, ...]
    """The one-word rules that match, in rule order."""
    starts: tuple[tuple[int, int], ...]
    """(rule, pattern) of the longer patterns whose first word this is."""
    held: frozenset[tuple[int, int, int]]
    """(rule, pattern, position) of every pattern word this word satisfies."""
    row: tuple[int, ...]
    """The value the one-word rules set for each of ``WRITTEN`` (0 where they set none)."""
    mask: tuple[bool, ...]
    """Which of ``WRITTEN`` they set."""


@dataclass
class CachedAttributeRuler:
    """A drop-in for an ``AttributeRuler`` whose patterns ``cached_ruler`` could read."""

    vocab: Vocab
    tests: list[WordTest]
    """In rule order."""
    lengths: list[list[int]]
    """Each rule's patterns' lengths in words."""
    attrs: list[dict[int, int]]
    """Each rule's attributes as spaCy normalised them (``AttributeRuler.attrs``)."""
    indices: list[int]
    """Each rule's target word in a longer match (may be negative: from the end)."""
    outcomes: dict[tuple[int, ...], Outcome] = field(default_factory=dict)
    anchored: dict[tuple[int, str | bool], list[WordTest]] = field(default_factory=dict)
    unanchored: list[WordTest] = field(default_factory=list)

    def __post_init__(self) -> None:
        for test in self.tests:
            if test.anchor is None:
                self.unanchored.append(test)
            else:
                self.anchored.setdefault(test.anchor, []).append(test)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = doc.to_array(list(WORD_KEYS)).tolist()
        found = [self._outcome(tuple(key)) for key in keys]
        rows = numpy.array([o.row for o in found], dtype=numpy.uint64)
        mask = numpy.array([o.mask for o in found], dtype=bool)
        for target, rules in self._longer_matches(found).items():
            values = _fold(self.attrs, sorted(set(found[target].single) | set(rules)))
            rows[target], mask[target] = _row(values)
        if mask.any():
            written = doc.to_array(list(WRITTEN))
            merged: Any = numpy.where(mask, rows, written)
            doc.from_array(list(WRITTEN), merged)
        return doc

    def _outcome(self, key: tuple[int, ...]) -> Outcome:
        outcome = self.outcomes.get(key)
        if outcome is None:
            outcome = self.outcomes[key] = self._judge(key)
        return outcome

    def _judge(self, key: tuple[int, ...]) -> Outcome:
        strings = self.vocab.strings
        seen: tuple[str | bool, ...] = (
            strings[key[0]],
            strings[key[1]],
            strings[key[2]] if key[2] else "",
            bool(key[3]),
        )
        candidates = [*self.unanchored]
        for place, value in enumerate(seen):
            candidates += self.anchored.get((place, value), ())
        held = [t for t in candidates if all(test(seen[place]) for place, test in t.checks)]
        single = tuple(sorted({t.rule for t in held if self.lengths[t.rule][t.pattern] == 1}))
        starts = tuple(
            (t.rule, t.pattern)
            for t in held
            if t.position == 0 and self.lengths[t.rule][t.pattern] > 1
        )
        row, mask = _row(_fold(self.attrs, single))
        return Outcome(single, starts, frozenset(t[:3] for t in held), row, mask)

    def _longer_matches(self, found: list[Outcome]) -> dict[int, list[int]]:
        """Word index -> the rules of longer patterns that match with that word as target."""
        extra: dict[int, list[int]] = {}
        for start, outcome in enumerate(found):
            for rule, pattern in outcome.starts:
                length = self.lengths[rule][pattern]
                if start + length > len(found):
                    continue
                if all((rule, pattern, j) in found[start + j].held for j in range(1, length)):
                    index = self.indices[rule]
                    target = start + (index if index >= 0 else length + index)
                    extra.setdefault(target, []).append(rule)
        return extra


def _row(values: dict[int, int]) -> tuple[tuple[int, ...], tuple[bool, ...]]:
    return tuple(values.get(a, 0) for a in WRITTEN), tuple(a in values for a in WRITTEN)


def _fold(attrs: list[dict[int, int]], rules: Iterable[int]) -> dict[int, int]:
    values: dict[int, int] = {}
    for rule in rules:
        values.update(attrs[rule])
    return values


def cached_ruler(ruler: Any) -> CachedAttributeRuler | None:
    """The cached stand-in for ``ruler``, or None when one of its patterns or attributes is of a
    form it does not read (then the ruler stays as it is)."""
    tests: list[WordTest] = []
    lengths: list[list[int]] = []
    for rule, entry in enumerate(ruler.patterns):
        if any(attr not in WRITTEN for attr in ruler.attrs[rule]):
            return None
        lengths.append([len(pattern) for pattern in entry["patterns"]])
        for number, pattern in enumerate(entry["patterns"]):
            for position, spec in enumerate(pattern):
                test = _word_test(rule, number, position, spec)
                if test is None:
                    return None
                tests.append(test)
    return CachedAttributeRuler(ruler.vocab, tests, lengths, list(ruler.attrs), list(ruler.indices))
