"""Every entry of the cue lexicon is reachable: verbs are lemmas, each list is read."""

import json
from importlib import resources

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
