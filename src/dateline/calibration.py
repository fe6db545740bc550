"""Calibrated confidences: the shipped map from a stage's raw score to a measured probability.

The quote and event stages score their findings with hand-written formulas (``0.5 + 0.4 * sure``
for a cued quote, 0.8 for an event a table row codes, ...). Those scores order the cases but are
no probabilities; ``data/confidence.json`` holds, per kind, a monotone (isotonic) map from the raw
score to the rate at which such findings were right, measured by
``scripts/calibrate_confidence.py``:

- ``quote``: the quote overlaps a gold attribution's content and its speaker is that
  attribution's source (``eval.polnear.speaker_right``), on PolNeAR dev;
- ``event``: the event's type is among its sentence's gold types (PLV type precision), on PLV
  train with 5-fold cross-validation.

Between breakpoints the map is interpolated linearly; outside them it is flat.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any, Literal

Kind = Literal["quote", "event"]
KINDS: tuple[Kind, ...] = ("quote", "event")
TABLE = "data/confidence.json"

_RAW: ContextVar[bool] = ContextVar("dateline_raw_confidence", default=False)


@dataclass(frozen=True)
class Curve:
    """A monotone map given by breakpoints: raw scores ``x`` (increasing) and probabilities ``y``
    (non-decreasing, within [0, 1])."""

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __post_init__(self) -> None:
        if not self.x or len(self.x) != len(self.y):
            raise ValueError("a curve needs as many probabilities as breakpoints, at least one")
        if any(b <= a for a, b in pairwise(self.x)):
            raise ValueError("breakpoints must increase")
        if any(b < a for a, b in pairwise(self.y)):
            raise ValueError("probabilities must not decrease")
        if not all(0.0 <= y <= 1.0 for y in self.y):
            raise ValueError("probabilities must lie within [0, 1]")

    def __call__(self, raw: float) -> float:
        x, y = self.x, self.y
        if raw <= x[0]:
            return y[0]
        if raw >= x[-1]:
            return y[-1]
        i = bisect_right(x, raw)
        x0, x1, y0, y1 = x[i - 1], x[i], y[i - 1], y[i]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0)


def load_table(data: dict[str, Any]) -> dict[str, Curve]:
    """The curves of a calibration table (the parsed ``confidence.json``)."""
    kinds = data.get("kinds", {})
    return {
        kind: Curve(tuple(map(float, kinds[kind]["x"])), tuple(map(float, kinds[kind]["y"])))
        for kind in KINDS
        if kind in kinds
    }


@lru_cache(maxsize=1)
def table() -> dict[str, Curve]:
    """The shipped curves, read once per process."""
    text = resources.files("dateline").joinpath(TABLE).read_text(encoding="utf-8")
    return load_table(json.loads(text))


def calibrated(kind: Kind, raw: float) -> float:
    """The calibrated probability of a raw score, rounded to 2 places (the raw score, clipped to
    [0, 1], inside ``raw_confidences()`` or when the table has no curve for the kind)."""
    raw = max(0.0, min(1.0, raw))
    curve = None if _RAW.get() else table().get(kind)
    return round(curve(raw) if curve is not None else raw, 2)


@contextmanager
def raw_confidences() -> Iterator[None]:
    """Within this block the stages export their raw scores (what calibration is fitted on)."""
    token = _RAW.set(True)
    try:
        yield
    finally:
        _RAW.reset(token)
