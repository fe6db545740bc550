"""The shipped confidence calibration: monotone maps within [0, 1], applied by both stages."""

from __future__ import annotations

import json
from importlib import resources
from itertools import pairwise

import pytest

from dateline import analyze
from dateline.calibration import KINDS, Curve, calibrated, load_table, raw_confidences, table

ARTICLE = (
    "Talks collapse over border dispute\n\n"
    "GENEVA (Reuters) - Ukraine accused Russia on Monday of shelling civilian areas near the "
    "border, and Foreign Minister Dmytro Kuleba condemned the attacks.\n\n"
    '"We will not accept this," Kuleba told reporters after the meeting. '
    "The Kremlin denied the charges and said its forces had hit only military targets."
)
GRID = [n / 100 for n in range(101)]


def test_shipped_table_loads_with_a_curve_per_kind() -> None:
    raw = json.loads(resources.files("dateline").joinpath("data/confidence.json").read_text())
    curves = table()
    assert set(curves) == set(KINDS)
    for kind in KINDS:
        entry = raw["kinds"][kind]
        assert entry["findings"] > 0 and entry["data"] and entry["definition"]
        assert curves[kind] == Curve(tuple(entry["x"]), tuple(entry["y"]))


@pytest.mark.parametrize("kind", KINDS)
def test_map_is_monotone_and_within_0_1(kind) -> None:
    values = [calibrated(kind, x) for x in GRID]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert all(b >= a for a, b in pairwise(values))


def test_curve_interpolates_and_is_flat_outside_its_breakpoints() -> None:
    curve = Curve((0.2, 0.6), (0.1, 0.5))
    assert curve(0.0) == 0.1 and curve(1.0) == 0.5
    assert curve(0.4) == pytest.approx(0.3)
    with pytest.raises(ValueError):
        Curve((0.2, 0.6), (0.5, 0.1))
    with pytest.raises(ValueError):
        Curve((0.2,), (1.5,))
    assert load_table({"kinds": {"quote": {"x": [0.5], "y": [0.7]}}})["quote"](0.9) == 0.7


def test_raw_scores_inside_raw_confidences() -> None:
    with raw_confidences():
        assert calibrated("quote", 0.37) == 0.37
        assert calibrated("event", 1.4) == 1.0


def test_analysed_quotes_and_events_carry_calibrated_confidences() -> None:
    with raw_confidences():
        raw = analyze(ARTICLE)
    doc = analyze(ARTICLE)
    assert doc.quotes and doc.events
    assert [q.text for q in doc.quotes] == [q.text for q in raw.quotes]
    assert [e.type for e in doc.events] == [e.type for e in raw.events]
    for q, r in zip(doc.quotes, raw.quotes, strict=True):
        assert q.confidence == round(table()["quote"](r.confidence), 2)
    for e, r in zip(doc.events, raw.events, strict=True):
        assert e.confidence == round(table()["event"](r.confidence), 2)
