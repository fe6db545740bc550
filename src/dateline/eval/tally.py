"""One tally class for every score (as spaCy's ``PRFScore``): true positives, false positives and
false negatives, and the figures they make.

A recall-style figure ("found 0.865 (230/266)") counts each gold item with ``add(hit)``: a hit is
a true positive, a miss a false negative. Character overlaps set the three counts directly. A
speaker tally counts right speakers as true positives, wrong ones as false positives and missing
ones as false negatives, so ``precision`` is the share of given speakers that are right and
``accuracy`` the share right of all found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self


@dataclass
class Tally:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @classmethod
    def of_overlap(cls, tp: int, predicted: int, gold: int) -> Tally:
        """A tally from an overlap size and the sizes of the predicted and gold sets."""
        return cls(tp=tp, fp=predicted - tp, fn=gold - tp)

    def add(self, hit: bool) -> None:
        """Count one gold item: found (true positive) or missed (false negative)."""
        if hit:
            self.tp += 1
        else:
            self.fn += 1

    def __iadd__(self, other: Tally) -> Self:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.predicted + self.gold
        return 2 * self.tp / total if total else 0.0

    @property
    def accuracy(self) -> float:
        """True positives over everything counted (a missing answer counts as wrong)."""
        total = self.tp + self.fp + self.fn
        return self.tp / total if total else 0.0

    # A recall-style tally read as "hits of total".
    @property
    def hits(self) -> int:
        return self.tp

    @property
    def total(self) -> int:
        return self.gold

    @property
    def rate(self) -> float:
        return self.recall

    def __str__(self) -> str:
        return f"{self.rate:.3f} ({self.hits}/{self.total})"
