"""Every entry of the cue lexicon is reachable: verbs are lemmas, each list is read."""

import json
from importlib import resources

import pytest

from dateline.quotes import reported
from dateline.quotes.cue_lexicon import Cues, cues


def test_every_list_of_cues_json_is_read() -> None:
    raw = json.loads(resources.files("dateline").joinpath("data/cues.json").read_text("utf-8"))
    lists = {k for k in raw if not k.startswith("_")}
    assert lists == set(Cues.__dataclass_fields__)
    for name in lists:
        assert getattr(cues(), name) == frozenset(raw[name])


def test_cue_verbs_are_lemmas() -> None:
    from dateline import nlp

    pipeline = nlp.load()
    for verb in sorted(cues().verbs):
        assert verb.isalpha(), verb
        doc = pipeline(f"They {verb} it.")
        assert doc[1].lemma_.lower() == verb or doc[1].pos_ != "VERB", verb


def _quoted(body: str, words: str) -> bool:
    import dateline

    doc = dateline.analyze(f"Headline about figures\n\n{body}\n")
    return any(words in q.text for q in doc.quotes)


def test_each_object_cue_reports_its_object(monkeypatch: pytest.MonkeyPatch) -> None:
    for verb in sorted(cues().object_cues):
        body = f"The ministers {verb} the new budget figures on Monday."
        assert _quoted(body, "budget figures"), verb
    lexicon = cues()
    monkeypatch.setattr(reported, "OBJECT_CUES", lexicon.object_cues - {"cite"})
    assert not _quoted("The ministers cite the new budget figures on Monday.", "budget figures")


@pytest.mark.parametrize("pair", sorted(cues().prep_content))
def test_each_content_preposition_gives_what_is_asked_for(pair: str) -> None:
    verb, prep = pair.split()
    body = f"The ministers {verb} {prep} new budget figures on Monday."
    assert _quoted(body, "budget figures"), pair
