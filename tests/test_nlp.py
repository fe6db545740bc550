"""The parse stage's own components: line breaks end sentences, known lemma slips mended."""

from __future__ import annotations

import pytest

import dateline
from dateline import nlp
from dateline.events.modality import modality


@pytest.mark.parametrize("form", sorted(nlp.lemma_fixes()))
def test_each_lemma_fix_is_applied_after_the_lemmatizer(form: str) -> None:
    doc = nlp.parse(f"The union {form} the council would listen.")
    assert doc[2].lemma_ == nlp.lemma_fixes()[form]


def test_the_pipeline_runs_the_fix_after_its_lemmatizer() -> None:
    names = nlp.load().pipe_names
    assert names.index("dateline_lemma_fixes") == names.index("lemmatizer") + 1


def test_a_hoped_for_meeting_is_intent_and_a_hope_is_a_reported_belief() -> None:
    doc = nlp.parse("France hoped to meet Germany.")
    assert modality(doc[3]).mode == "intent"
    analysed = dateline.analyze(
        "Headline\n\nThe vote is on Friday. Mr Carr hoped the apology would be made in the House.\n"
    )
    assert [q.text for q in analysed.quotes] == ["the apology would be made in the House"]


def test_the_pipeline_is_loaded_once_however_it_is_asked_for() -> None:
    default = nlp.load()
    assert nlp.load(None) is default
    assert nlp.load(nlp.model_name()) is default
    assert nlp.load(None, False) is default
    assert nlp.load(stock_ruler=False) is default
    assert nlp.load(stock_ruler=True) is not default
