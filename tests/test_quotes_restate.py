"""Reported statements inside reported statements, governed clauses and possessive subjects."""

from __future__ import annotations

import dateline
from dateline.schema import Document, Quote

LEAD = "Headline about talks\n\n"


def analyze(body: str) -> Document:
    return dateline.analyze(LEAD + body + "\n")


def reported(doc: Document) -> list[Quote]:
    return [q for q in doc.quotes if q.kind != "direct"]


def test_outer_statement_ends_before_a_set_off_inner_one_by_the_same_speaker() -> None:
    doc = analyze(
        "Attorney General Maria Lopez spoke in Denver on Friday. Lopez said the long hours of "
        "public service often remove the obstacles that young lawyers meet in private firms, "
        "though she noted companies are starting to ask for diverse teams."
    )
    outer, inner = reported(doc)
    assert outer.text.startswith("the long hours") and outer.text.endswith("in private firms")
    assert outer.cue is not None and outer.cue.text == "said"
    assert inner.text == "companies are starting to ask for diverse teams"
    assert inner.cue is not None and inner.cue.text == "noted"
    assert outer.speaker and inner.speaker and outer.speaker.entity == inner.speaker.entity


def test_outer_statement_that_only_restates_the_inner_one_is_dropped() -> None:
    doc = analyze(
        "Governor Ellen Marsh toured the plant. Marsh said she believed the factory would reopen."
    )
    (q,) = reported(doc)
    assert q.text == "the factory would reopen"


def test_a_clause_governed_by_a_cue_does_not_report_its_governor() -> None:
    doc = analyze(
        "Former aide Tomas Brandt refused to testify. His lawyer said he would not answer."
    )
    (q,) = reported(doc)
    assert q.text == "he would not answer"
    assert q.cue is not None and q.cue.text == "said"


def test_possessor_of_the_subject_is_not_the_speaker() -> None:
    doc = analyze(
        "Former aide Tomas Brandt refused to testify. His lawyer said he would not answer."
    )
    (q,) = reported(doc)
    assert q.speaker is not None and q.speaker.entity is None
    assert q.speaker.name == "His lawyer"


def test_a_name_after_the_possessor_still_speaks() -> None:
    doc = analyze(
        "Senator Ruth Okafor campaigned in Ohio. Okafor's running mate Daniel Voss said the race "
        "was close."
    )
    (q,) = reported(doc)
    assert q.speaker is not None and q.speaker.name == "Daniel Voss"


def test_trailing_cue_set_off_by_a_comma_reports_the_clause_before() -> None:
    doc = analyze(
        "Mayor Alan Pike visited the port. The new budget will cut two bridges, Pike said."
    )
    (q,) = reported(doc)
    assert q.text == "The new budget will cut two bridges"
    assert q.speaker is not None and q.speaker.name == "Alan Pike"
