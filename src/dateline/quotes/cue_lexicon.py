"""The cue lexicon (``data/cues.json``): reporting verbs and the phrases that introduce speech."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Cues:
    """Reporting-verb lemmas, the ones that only frame direct quotes, and phrase cues."""

    verbs: frozenset[str]
    direct_only: frozenset[str]
    words_nouns: frozenset[str]
    hedges: frozenset[str] = frozenset()
    hedge_modals: frozenset[str] = frozenset()
    noun_cues: frozenset[str] = frozenset()
    according_to: frozenset[str] = frozenset()
    """Words that open an ``according to X`` attribution."""


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Load the packaged cue lexicon once."""
    raw = json.loads(resources.files("dateline").joinpath("data/cues.json").read_text("utf-8"))
    return Cues(
        verbs=frozenset(raw["verbs"]),
        direct_only=frozenset(raw["direct_only"]),
        words_nouns=frozenset(raw["words_nouns"]),
        hedges=frozenset(raw["hedges"]),
        hedge_modals=frozenset(raw["hedge_modals"]),
        noun_cues=frozenset(raw["noun_cues"]),
        according_to=frozenset(raw["according_to"]),
    )
