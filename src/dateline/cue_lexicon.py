"""The cue lexicon (``data/cues.json``): reporting verbs and the phrases that introduce speech."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
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
    claim_nouns: frozenset[str] = frozenset()
    """Nouns whose clause is the statement a cue verb reports ("denied claims that ...")."""
    object_cues: frozenset[str] = frozenset()
    """Statement verbs whose noun-phrase object is what was put forward ("cited comments")."""
    prep_content: frozenset[str] = frozenset()
    """``"call for"``: a cue lemma and the preposition whose phrase is what is asked for."""
    run_pronouns: frozenset[str] = frozenset()
    """Pronouns an unresolved speaker may be, taking the quote run's last named person."""
    source_nouns: frozenset[str] = frozenset()
    """Nouns that name a source of claims in a ``Poll: ...`` headline."""
    document_nouns: frozenset[str] = frozenset()
    """Writings that speak through a participle cue hung on them ("a BBC story claiming")."""
    relative_pronouns: frozenset[str] = frozenset()
    """Relative pronouns whose clause's named head speaks ("Smith, who says ...")."""
    empty_subjects: frozenset[str] = frozenset()
    """Passive subjects that name no speaker ("it was alleged ...")."""
    speaking_pronouns: frozenset[str] = frozenset()
    """Pronouns that can name a speaker ("it" for an organisation or a newspaper)."""
    disowning_verbs: frozenset[str] = frozenset()
    """Verbs (lemma, or lemma and particle) that turn down another's claim ("played down reports")."""
    handling_verbs: frozenset[str] = frozenset()
    """Object cues whose two-word object is as often handled as said ("noted the time")."""
    stance_adjectives: frozenset[str] = frozenset()
    """Adjectives of a view held, whose clause is the view ("are confident that ...")."""
    aside_cues: frozenset[str] = frozenset()
    """Cues that vouch for the clause they are set aside in with "as" ("As experts noted, ...")."""
    unnamed_sources: frozenset[str] = frozenset()
    """Indefinite pronouns of people that speak unnamed ("someone asked", "those close to him say")."""
    complementizers: frozenset[str] = frozenset()
    """Words trimmed from the start of a reported clause ("said that ...")."""
    lead_nouns: frozenset[str] = frozenset()
    """Nouns a colon may hang on before a quote of the clause's subject ("made this comment:")."""
    post_nominals: frozenset[str] = frozenset()
    """Letters after a name ("Peter Ainsworth MP, said"): the name before them is the subject."""
    causing_verbs: frozenset[str] = frozenset()
    """Verbs whose object a ``to`` infinitive cue makes speak ("prompted charities to say")."""
    unspoken: frozenset[str] = frozenset()
    """Cue lemmas beside the hedges that report a finding or a wish, not words ("showed")."""
    addressee_verbs: frozenset[str] = frozenset()
    """Cues whose object is who is told ("told the programme there was a danger")."""
    verdict_nouns: frozenset[str] = frozenset()
    """Judgements a quote before ``is the assessment of X`` is X's ("was the verdict of")."""
    making_verbs: frozenset[str] = frozenset()
    """Verbs whose subject makes the object a participle cue hangs on ("raised an appeal")."""
    naming_verbs: frozenset[str] = frozenset()
    """Direct-only cues that name their object ("branded the plan unworkable"): object and name."""

    def content_preps(self, lemma: str) -> frozenset[str]:
        """The prepositions whose phrase is a cue's content (``speak`` -> ``of``, ``about``)."""
        return frozenset(p.split()[1] for p in self.prep_content if p.split()[0] == lemma)


@lru_cache(maxsize=1)
def cues() -> Cues:
    """Load the packaged cue lexicon once: every field of ``Cues`` is a table of the file."""
    raw = json.loads(resources.files("dateline").joinpath("data/cues.json").read_text("utf-8"))
    return Cues(**{table.name: frozenset(raw[table.name]) for table in fields(Cues)})
