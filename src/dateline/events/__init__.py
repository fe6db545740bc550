"""Events: who did what to whom, when and where — PLOVER types with CAMEO codes and evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Literal

import numpy
from spacy.attrs import POS
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from dateline.calibration import calibrated
from dateline.events import modality as mood_rules
from dateline.events import sides as side_rules
from dateline.events.actors import ActorResolver, Side, sector_of
from dateline.events.cameo import plover_type
from dateline.events.cameo import table as cameo_table
from dateline.events.features import evidence_features
from dateline.events.features import features as model_features
from dateline.events.lexicon import Lexicon, Predicate, build
from dateline.events.modality import Modality, lemma_of, words
from dateline.events.modality import modality as mood_of
from dateline.events.model import EventModel, default_model
from dateline.events.sides import complement, demand_sides, noun_sides, resolve, verb_sides
from dateline.events.statements import Told, critical, criticisms, demands, speaker_side
from dateline.events.when_where import article_date, event_date, event_location
from dateline.nlp import text_of
from dateline.schema import ActorRef, Entity, Event, Quote, Span
from dateline.spans import Coverage, Intervals
from dateline.structure import Article
from dateline.syntax import climb

__all__ = ["EventModel", "Lexicon", "build", "extract_events"]

MATERIAL_TYPES = {"COOPERATE", "AID"}
"""Types whose unnamed or uncoded target is completed from the article's main dyad."""
ONE_SIDED_TYPES = {"PROTEST", "MOBILIZE"}
UNTARGETED_TYPES = ONE_SIDED_TYPES | {"CONCEDE", "RETREAT"}
"""Types a table row codes with no target: "resigned", "apologised", "withdrew"."""


def _word_span(token: Token) -> Span:
    """The word itself, as the event's trigger."""
    return Span(text=token.text, start=token.idx, end=token.idx + len(token.text))


def _evidence(article: Article, token: Token) -> Span:
    """The sentence that says it, without surrounding white space."""
    sent = token.sent
    text = text_of(token.doc)
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    dl = article.dateline
    if dl is not None and start <= dl.start < end:
        start = dl.end  # the dateline is a label, not part of what the sentence says
        while start < end and text[start].isspace():
            start += 1
    return Span(text=text[start:end], start=start, end=end)


NAMED_THINGS = {"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT"}
VERBAL_ATTACK = ("ACCUSE", "111")
"""What an "attack" between two people is in news: criticism (CAMEO 111), not an assault."""


AMBIGUOUS_FORCE = words("ambiguous_force")
"""Predicates that are as often words as force: verbal unless a side is a state or armed group."""
ARMED_SECTORS = {"MIL", "REB", "COP", "SPY", "INS"}
VERBAL_TOPICS = words("verbal_topics")
"""What words attack: a thing target outside this list (a base, a camp, a convoy) was hit."""


def _armed_or_state(side: Side, actors: ActorResolver) -> bool:
    code = side.actor.code or ""
    if any(sector in code[3:] or code == sector for sector in ARMED_SECTORS):
        return True
    entity = actors.entities.get(side.actor.entity or "")
    if entity is not None:
        # a state or its people ("Russia", "Russian"), not a party or church coded as NORP
        state = entity.type in ("GPE", "NORP") and not code[3:]
        return state or entity.role in ("general", "commander")
    return bool(side.country) and code == side.country


def _armed_words(token: Token, side: Side) -> bool:
    """An uncoded phrase with a word of an armed sector in it ("an army camp", "police posts")."""
    span = side.actor.span
    if side.kind != "phrase" or span is None:
        return False
    named = token.doc.char_span(span.start, span.end, alignment_mode="expand")
    return named is not None and any(sector_of(word) in ARMED_SECTORS for word in named)


def _verbal(token: Token, source: Side, target: Side | None, actors: ActorResolver) -> bool:
    """ "X attacked Y" between people, parties or papers is criticism, not an assault."""
    if token.lemma_.lower() not in AMBIGUOUS_FORCE:
        return False
    if target is not None and target.kind == "thing" and not _topic(target):
        return False  # "attacked a military base": force
    if source.kind == "thing":
        return False  # "missiles struck the depot": a weapon does not speak
    sides = [s for s in (source, target) if s is not None]
    return not any(_armed_or_state(s, actors) or _armed_words(token, s) for s in sides)


WEAPONS = words("weapons")
"""Head lemmas of thing subjects that do violence themselves: the source of an assault."""


def _weapon(side: Side, doc: Doc) -> bool:
    """A thing side headed by a weapon ("a car bomb", "the missiles fired by the army")."""
    span = side.actor.span
    if side.kind != "thing" or span is None:
        return False
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found is not None and found.root.lemma_.lower() in WEAPONS


def _topic(side: Side) -> bool:
    words = (side.actor.name or "").lower().split()
    return any(w.rstrip("s") in VERBAL_TOPICS or w in VERBAL_TOPICS for w in words)


def _same(a: Side, b: Side) -> bool:
    """One actor on both sides: the same entity, or the same code or words where neither is one."""
    if a.actor.entity or b.actor.entity:
        return a.actor.entity == b.actor.entity
    if a.actor.name and b.actor.name and {a.kind, b.kind} & {"phrase", "group"}:
        # "the opposition leader demanded that the interior minister resign": both GOV, two people
        return (a.actor.name or "").lower() == (b.actor.name or "").lower()
    if a.actor.code and b.actor.code:
        return a.actor.code == b.actor.code
    return (a.actor.name or "").lower() == (b.actor.name or "").lower()


def _quote_of(token: Token, quotes: Intervals[Quote]) -> Quote | None:
    inside = [q for _, _, q in quotes.overlapping(token.idx, token.idx + 1)]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


MUTUAL_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
"""Types whose coordinated subjects act on each other ("Canada and Mexico agreed")."""
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
THREAT_CODES = {
    "ACCUSE": "130", "REJECT": "130", "SANCTION": "132", "PROTEST": "133", "COERCE": "137",
    "ASSAULT": "138", "MOBILIZE": "138",
}  # fmt: skip
"""CAMEO's threat codes for hostile acts announced, not done."""
THREAT_BY_ROOT = {"14": "133", "15": "138", "16": "132", "17": "137", "18": "138", "19": "138"}
"""The threat code of an announced act by its own CAMEO root ("will impose sanctions": 132)."""
INTENT_TYPES = {"AGREE"}
"""Types whose CAMEO code is the intent code of the clause they govern (``agreed to aid``)."""
DEFAULT_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080", "COOPERATE": "050",
    "AID": "070", "RETREAT": "087", "REQUEST": "020", "ACCUSE": "110", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "180",
}  # fmt: skip
"""The CAMEO code of a type when neither table gives a more precise one."""


@dataclass
class Candidate:
    """A word that may tell an event: its parse, modality, sides and the model's features."""

    token: Token
    predicate: Predicate | None
    mood: Modality
    sources: list[Side]
    targets: list[Side]
    features: list[str]
    inner: Predicate | None = None
    """The table row of the clause a frame verb governs (``agreed to <hold talks>``)."""

    @property
    def row(self) -> Predicate | None:
        """The row that says how the sides behave: the word's own, else its clause's."""
        return self.predicate or self.inner


DESIRE_FRAMES = words("desire_frames")
"""Verbs that only frame the act they govern ("hoped to meet"): the act is the event, intended."""


def is_candidate(token: Token, lexicon: Lexicon) -> bool:
    """Verbs, and nouns the predicate table lists (``talks``, ``attack``); not desire frames."""
    if token.pos_ == "VERB":
        return not (lemma_of(token) in DESIRE_FRAMES and complement(token) is not None)
    return token.pos_ in ("NOUN", "PROPN") and lexicon.match(token) is not None


CANDIDATE_POS = (VERB, NOUN, PROPN)
"""The parts of speech ``is_candidate`` takes (every other word is none)."""


def _verbs_and_nouns(doc: Doc) -> list[int]:
    """Indices of the words of a part of speech in ``CANDIDATE_POS``, read off the document's
    array (no ``Token`` made for the other words)."""
    if not len(doc):
        return []
    found: list[int] = numpy.flatnonzero(numpy.isin(doc.to_array(POS), CANDIDATE_POS)).tolist()
    return found


def candidate(
    token: Token,
    lexicon: Lexicon,
    actors: ActorResolver,
    always: bool = False,
    model: EventModel | None = None,
) -> Candidate:
    """Read one word's predicate, modality and sides, and the features the model scores
    (only where there is a source, which every event needs, unless ``always``). Given the
    ``model`` that will decide, a word it must turn down whatever its sides (``moot``) is read
    no further than its predicate, modality and clause: no sides, no features."""
    predicate = lexicon.match(token)
    mood = mood_of(token)
    if model is not None and not always and moot(token, predicate, mood, lexicon, model):
        inner = complement(token)
        return Candidate(
            token, predicate, mood, [], [], [], lexicon.match(inner) if inner is not None else None
        )
    if token.pos_ in ("NOUN", "PROPN"):
        preps = predicate.target_preps if predicate is not None else frozenset()
        sources, targets = noun_sides(token, preps, actors)
    else:
        objects = predicate is None or (predicate.objects is None and not predicate.object_is_topic)
        preps = predicate.target_preps if predicate is not None else frozenset()
        sources, targets = verb_sides(token, objects, preps, actors)
    acting = [s for s in sources if s.kind != "thing"]
    sources = acting or [s for s in sources if _weapon(s, token.doc)]  # "a car bomb killed"
    return Candidate(
        token,
        predicate,
        mood,
        sources,
        targets,
        model_features(token, lexicon, mood, sources, targets) if sources or always else [],
        lexicon.match(inner) if (inner := complement(token)) is not None else None,
    )


def _cameo(label: str, c: Candidate) -> str:
    """The most precise CAMEO code the evidence gives for the chosen type."""
    intent = c.mood.mode == "intent"
    inner_code = c.inner.intent_cameo if c.inner is not None else None
    if label in INTENT_TYPES and inner_code is not None and inner_code.startswith("03"):
        return inner_code  # "agreed to hold talks": intent to meet (036)
    if c.predicate is not None and c.predicate.type == label:
        if intent:
            return c.predicate.intent_cameo or c.predicate.cameo
        return c.predicate.cameo
    for token in (c.token, complement(c.token)):
        if token is None:
            continue
        code = cameo_table().code(token)
        if code is not None and plover_type(code) == label:
            return code
    return DEFAULT_CAMEO[label]


def _has_evidence(c: Candidate, model: EventModel) -> bool:
    """A table, CAMEO.2.0 or the model's training data knows the word (or its frame verb or
    its clause) as one that tells events."""
    return _evidence_in(c.features, model)


def _evidence_in(features: Iterable[str], model: EventModel) -> bool:
    """Whether features say the word tells events (``_has_evidence``): only the word's, its
    frame verb's and its clause's lemmas and table features count (``evidence_features``)."""
    for feature in features:
        name, _, value = feature.partition("=")
        if name in EVIDENCE_FEATURES and value != "None":
            return True
        if name == "h" and value in side_rules.REPORTING_VERBS:
            continue  # "said voters have ...": a report frames no act, whatever it reports
        if name in ("l", "h", "c") and value in model.triggers:
            return True
    return False


EVIDENCE_FEATURES = {"pred", "camtype", "hpred", "hcamtype", "cpred", "ccamtype"}
REQUIRE_EVIDENCE = True
MODEL_THRESHOLD = 0.3
UNTARGETED_THRESHOLD = 0.6
MODEL_OVERRULES_TABLE = False
"""Whether the model may overrule a matching table row's type (when it is at least
``TABLE_OVERRULED_AT`` sure and the row names no object). Off since the model also trains on
hand-coded news: it learns news' broad ACCUSE (44% of the news events) and, let overrule the table,
turned "the senator quit the party" and "asked the watchdog to stop the calls" into ACCUSE.
``scripts/tune_event_news.py`` prints the news cross-validation with it on and off."""
TABLE_OVERRULED_AT = 0.6
"""How sure the model must be to overrule a table row, when it may: 0.6, the value nested
cross-validation on PLV train chose in every outer fold (``scripts/tune_event_thresholds.py``,
2026-11-28, a model trained on PLV alone)."""
NONE_MARGIN = 1.0
"""An event type is coded only when its probability beats ``NONE_MARGIN`` times ``NONE``'s."""


def moot(
    token: Token, predicate: Predicate | None, mood: Modality, lexicon: Lexicon, model: EventModel
) -> bool:
    """Whether ``decide`` turns the word down whatever its sides and ``_demand`` too: a
    hypothetical one, or one that no table row codes and that has no evidence of telling events
    (``_has_evidence``, read off ``evidence_features``, the features that can hold it)."""
    if mood.mode == "hypothetical":
        return True
    return (
        predicate is None
        and REQUIRE_EVIDENCE
        and not _evidence_in(evidence_features(token, lexicon), model)
    )


def _decide_by_tables(c: Candidate) -> tuple[str, str, float] | None:
    """Without a model: the predicate table's row, else CAMEO.2.0's code, given a target."""
    row = c.predicate
    if row is not None:
        if c.mood.mode == "intent" and row.intent_cameo is None:
            return None
        return row.type, _cameo(row.type, c), 0.8
    code = cameo_table().code(c.token) if c.token.pos_ == "VERB" else None
    label = plover_type(code)
    if label is None or code is None or not any(t.kind != "thing" for t in c.targets):
        return None
    return label, code, 0.6


DECLINED_STATEMENTS = words("declined_statements")
"""Saying verbs: "refused to comment" rejects no one."""


def _declined_statement(c: Candidate) -> bool:
    """``declined to comment on the book``: a refusal to say something is no event."""
    inner = complement(c.token)
    return (
        c.row is not None
        and c.row.type == "REJECT"
        and inner is not None
        and (lemma_of(inner) in DECLINED_STATEMENTS)
    )


def _denial(c: Candidate) -> bool:
    """``denied that it had broken the rules``: a rejection of a claim, with no one as target."""
    return (
        c.row is not None
        and c.row.type == "REJECT"
        and any(child.dep_ == "ccomp" for child in c.token.children)
    )


def decide(c: Candidate, model: EventModel | None) -> tuple[str, str, float] | None:
    """(type, CAMEO code, confidence) of a candidate, or None when it tells no event; a
    weapon (the only source a thing may be) is the source of an assault and of nothing else."""
    decision = _decide(c, model)
    weapons_only = bool(c.sources) and all(s.kind == "thing" for s in c.sources)
    if decision is not None and decision[0] != "ASSAULT" and weapons_only:
        return None
    return decision


def _prediction(token: Token, actors: ActorResolver) -> bool:
    """ "MPs warned that the plans would cause damage": a clause, with no condition, about what
    things will do or be predicts; it threatens no one (PLOVER's threats are the source's acts:
    "warned that his government would expel him", "warned it would retaliate if ...")."""
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    if any(
        m.dep_ == "mark" and m.lower_ in mood_rules.CONDITIONAL_MARKS
        for part in clause.children
        if part.dep_ == "advcl"
        for m in part.children
    ):
        return False  # "warned of a reaction if Biden does not ...": a conditional threat
    said = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if said is None or any(c.dep_ == "aux" and c.i < said.i for c in clause.children):
        return False  # "should the region proceed": an inverted condition
    found = resolve(said, actors)
    if not found:  # "the Iraq war could be illegal": a named event or thing
        return said.pos_ in ("NOUN", "PROPN") and said.ent_type_ not in ACTOR_ENTITIES
    return all(_thing_said(said, side) for side in found)


ACTOR_ENTITIES = side_rules.ACTOR_ENTITIES


def _thing_said(said: Token, side: Side) -> bool:
    """A thing, or a common noun that names one of an actor's ("a Clinton victory", "the Iraq
    war"): the actor who modifies it is not the one said to act."""
    if side.kind == "thing":
        return True
    return (
        said.tag_ == "NN"  # singular: "protesters" are people
        and not said.conjuncts
        and side.kind in ("phrase", "group")  # coded from its modifier: "the Iraq war" IRQ
        and sector_of(said) is None
        and said.lemma_.lower() not in side_rules.group_nouns()
    )


def _decide(c: Candidate, model: EventModel | None) -> tuple[str, str, float] | None:
    """(type, CAMEO code, confidence) of a candidate, or None when it tells no event.

    The predicate table is hand-made and frame-specific: where one of its rows matches, the word
    is an event (given a target, unless its type is one-sided), of the row's type unless the model
    is sure of another. Elsewhere the model decides, for words that a table, CAMEO.2.0 or the
    model's own training data (``model.triggers``) knows as event words.
    """
    if c.mood.mode == "hypothetical" or not c.sources:
        return None
    row = c.predicate
    if model is None:
        return _decide_by_tables(c)
    if row is None and REQUIRE_EVIDENCE and not _has_evidence(c, model):
        return None
    if _declined_statement(c):
        return None
    if row is None and (_reflexive(c.token) or _wished(c.token)):
        return None
    label, p_type, p_none = model.best(c.features)
    if row is not None:
        open_ended = row.symmetric or row.objects is not None  # "reopened the case": no one
        untargeted = row.type in UNTARGETED_TYPES | MATERIAL_TYPES or _denial(c)
        if not c.targets and not open_ended and not untargeted:
            return None
        if _met_a_thing(c):
            return None
        overruled = MODEL_OVERRULES_TABLE and row.objects is None and p_type >= TABLE_OVERRULED_AT
        if label != row.type and not overruled:
            return row.type, _cameo(row.type, c), 0.8
        return label, _cameo(label, c), round(max(p_type, 0.8), 2)
    if p_type <= NONE_MARGIN * p_none or p_type < MODEL_THRESHOLD:
        return None
    if not any(t.kind != "thing" for t in c.targets) and p_type < UNTARGETED_THRESHOLD:
        return None  # "pointed to the growing tourist inflow": no one on the other side
    return label, _cameo(label, c), round(p_type / (p_type + p_none), 2)


def _met_a_thing(c: Candidate) -> bool:
    """``seek to meet our targets``, ``meet the needs of``: the object of a meeting verb (a
    symmetric row whose object is the partner) is a partner; plural things there are goals."""
    row = c.row
    if row is None or row.type != "CONSULT" or c.token.pos_ != "VERB":
        return False
    if row.objects is not None or row.object_is_topic or not row.symmetric:
        return False  # "discuss plans": the object is the topic; "visited the plant"
    obj = next((t for t in c.token.children if t.dep_ == "dobj"), None)
    if obj is None or any(t.kind != "thing" and _same_token(t, obj) for t in c.targets):
        return False
    return (
        obj.tag_ == "NNS"  # "targets", "needs"; "met his counterpart" is a person
        and not obj.ent_type_
        and sector_of(obj) is None
        and obj.lemma_.lower() not in side_rules.group_nouns()
        and not obj.lower_.endswith(side_rules.AGENT_SUFFIXES)
    )


def _same_token(side: Side, token: Token) -> bool:
    """The side is named by the phrase the token heads (not only by a possessor before it)."""
    span = side.actor.span
    return span is not None and span.start <= token.idx < span.end


def _wished(token: Token) -> bool:
    """``hoped Mr Brown would be premier``: a desire frame over a clause wishes for what
    another may do or be; it asks nothing of them (for words no table row codes)."""
    return lemma_of(token) in DESIRE_FRAMES and any(c.dep_ == "ccomp" for c in token.children)


def _reflexive(token: Token) -> bool:
    """``surrounded himself with advisers``: an act on oneself is no event between two sides
    (for words no table row codes)."""
    return any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in token.children)


REFUSED_CONCESSION = ("REJECT", "124", False)
"""A concession said not to be made ("will not release the prisoners"): CAMEO 124, refuse to
yield, a rejection rather than a negated concession."""

DEMAND = ("REQUEST", "100", 0.6)
"""A reported obligation (``X said Y must go``): CAMEO 100, demand."""


def _demand(c: Candidate, actors: ActorResolver) -> tuple[str, str, float] | None:
    """The candidate reports that someone must act: a demand of them, with the sides it names."""
    if c.mood.negated or c.mood.mode == "hypothetical":
        return None
    sides = demand_sides(c.token, actors)
    if sides is None:
        return None
    c.sources, c.targets = [s for s in sides[0] if s.kind != "thing"], sides[1]
    return DEMAND if c.sources else None


ACCUSING_CALLS = words("accusing_calls")
"""Measures against someone that, called for, accuse them (``sanctions``, ``an inquiry``)."""
MEASURE_PREPS = words("measure_preps")
"""Prepositions naming whom such a measure is against (``sanctions on``, ``an inquiry into``)."""
ENDING_VERBS = words("ending_verbs")
"""Verbs that end a measure ("sanctions to be lifted"): a call for that accuses no one."""
CALLED_FOR = frozenset({"for"})
"""The preposition of what a call asks for ("called for sanctions")."""
ACCUSING_CALL = ("ACCUSE", "110")
"""A call for a measure against someone: CAMEO 110, disapprove (PLV's coders: ACCUSE)."""


def _actor_word(token: Token) -> bool:
    """The word itself names an actor: a name, or a group or institution noun."""
    return (
        token.pos_ == "PROPN"
        or token.ent_type_ in ACTOR_ENTITIES
        or sector_of(token) is not None
        or token.lemma_.lower() in side_rules.group_nouns()
    )


def _accused_by_call(c: Candidate, actors: ActorResolver) -> list[Side]:
    """``called for sanctions against Moscow``, ``demanded an inquiry into the minister's
    conduct``: a request for a measure against someone accuses them, and they are the target
    (not the measure, nor the unnamed one asked to take it). Empty when no actor is named."""
    objects = [t for t in c.token.children if t.dep_ == "dobj"]
    called = objects + side_rules.prep_objects(c.token, CALLED_FOR)
    for measure in called:
        if lemma_of(measure) not in ACCUSING_CALLS and measure.lower_ not in ACCUSING_CALLS:
            continue
        if any(o is not measure and resolve(o, actors) for o in objects):
            return []  # "asked Norland for sanctions on X": a request of Norland
        if any(lemma_of(t) in ENDING_VERBS for t in (*measure.subtree, *c.token.children)):
            return []  # "called for sanctions on X to be lifted": no call against X
        against = side_rules.prep_objects(measure, MEASURE_PREPS)
        if not all(_actor_word(o) for o in against):
            return []  # "an inquiry into Ms Y's treatment": whose it is may be the victim
        found = [s for o in against for s in resolve(o, actors) if s.kind != "thing"]
        if found:
            return found
    return []


def _intended(label: str, code: str) -> tuple[str, str]:
    """PLOVER's reading of an announced act: a cooperative one is AGREE (CAMEO 03x, "will hold
    talks" 036), a hostile one THREATEN (CAMEO 13x, "will impose sanctions" 132)."""
    if label in THREAT_CODES:
        return "THREATEN", THREAT_BY_ROOT.get(code[:2], THREAT_CODES[label])
    if label in COOPERATIVE_TYPES:
        return "AGREE", code if code.startswith("03") else "030"
    return label, code


def _pairs(c: Candidate, label: str, actors: ActorResolver) -> list[tuple[Side, Side | None, bool]]:
    """Source-target pairs; a missing partner of material or symmetric events from the article."""
    row = c.row
    symmetric = row.symmetric if row is not None else False
    material = label in MATERIAL_TYPES or (row is not None and row.type in MATERIAL_TYPES)
    sources, targets = c.sources, c.targets
    if material or (symmetric and not [t for t in targets if t.kind != "thing"]):
        coded = [t for t in targets if t.actor.code]
        if not coded and not (symmetric and len(sources) >= 2):
            partner = actors.counterpart(sources[0].country)
            targets = [partner] if partner is not None else targets
    mutual = symmetric or label in MUTUAL_TYPES
    if mutual and len(sources) >= 2 and all(t.kind == "thing" for t in targets):
        return [(sources[0], sources[1], True)]  # "India and Pakistan agreed to a cease-fire"
    pairs: list[tuple[Side, Side | None, bool]] = [
        (s, t, symmetric) for s in sources for t in targets if not _same(s, t)
    ]
    if not pairs:
        pairs = [(s, None, False) for s in sources]
    return pairs


def _reported_verdict(
    c: Candidate, label: str, quote: Quote | None, actors: ActorResolver
) -> list[tuple[Side, Side | None, bool]] | None:
    """``He said ministers had not delivered cleaner hospitals``: an ACCUSE the model reads off
    the verb of a reported clause that names no act on anyone (no table row, no actor as its
    object, not announced) is the speaker's verdict on the clause's subject, as the news gold
    codes it and as the model's training examples place it (``train_events.gold_token`` steps
    from the report to the clause it governs). Its pairs: the speaker against each actor of the
    clause's subject other than the speaker; ``[]`` (no event: a verdict on a thing is left to
    ``statements.criticisms``) when there is none, or the quote or the clause is denied (a
    denied failure and a denied fault read alike); None when the rule does not apply
    (``Goldsmith warned Blair``, ``the Lib Dems will oppose the measure``, ``the unions had
    lambasted the bill``: the clause's own actor acts, or accuses)."""
    if label != "ACCUSE" or c.row is not None or quote is None or quote.speaker is None:
        return None
    if c.mood.mode == "intent" or any(t.kind != "thing" for t in c.targets) or _accuses(c.token):
        return None
    speaker = speaker_side(quote, actors)
    if speaker is None or quote.negated or c.mood.negated:
        return []  # "said the government was not making a mistake": no verdict to code
    judged = [s for s in c.sources if s.kind != "thing" and not _same(s, speaker)]
    return [(speaker, s, False) for s in judged]


def _accuses(token: Token) -> bool:
    """The word is itself an accusation: CAMEO.2.0 codes it as one (``lambasted`` 111) or it is
    a judging word (``statements.critical``)."""
    code = cameo_table().code(token) if token.pos_ == "VERB" else None
    return plover_type(code) == "ACCUSE" or critical(token)


FRAME_CHAIN = ("xcomp", "dobj", "pobj", "prep", "acomp")


def _governed_by(token: Token, coded: set[int]) -> bool:
    """The word sits in the clause of a frame verb already coded (``agreed to hold talks``)."""
    return any(head.i in coded for head in islice(climb(token, FRAME_CHAIN, 4), 1, None))


def extract_events(
    article: Article,
    doc: Doc,
    entities: list[Entity],
    quotes: list[Quote],
    lexicon: Lexicon | None = None,
    model: EventModel | Literal["default"] | None = "default",
) -> list[Event]:
    """Code the events of an article from its parse, actors and quotes.

    ``model``: the event model that types candidates (default: the packaged one); ``None`` codes
    from the predicate table alone.
    """
    lexicon = (lexicon or build()).for_document()
    chosen = default_model() if model == "default" else model
    actors = ActorResolver(doc, entities, quotes, lexicon.actors)
    excluded = Coverage(article.excluded_spans() + [(c.start, c.end) for c in article.captions])
    quoted = Intervals((q.start, q.end, q) for q in quotes)
    base = article_date(article)
    events: list[Event] = []
    seen: set[tuple] = set()
    coded: set[int] = set()
    for i in _verbs_and_nouns(doc):
        token = doc[i]
        if not is_candidate(token, lexicon) or excluded.covers(token.idx):
            continue
        if (token.ent_type_ in NAMED_THINGS and token.ent_iob_ != "B") or token.ent_type_ == "LAW":
            continue  # "the North American Free Trade Agreement" names a treaty, not an event
        if _governed_by(token, coded):
            continue  # "refused to back the bill": the frame verb told the event
        c = candidate(token, lexicon, actors, model=chosen)
        decision = decide(c, chosen) or _demand(c, actors)
        if decision is None or (decision[0] == "THREATEN" and _prediction(token, actors)):
            continue
        label, code, confidence = decision
        if label == "REQUEST" and (accused := _accused_by_call(c, actors)):
            (label, code), c.targets = ACCUSING_CALL, accused
        quote = _quote_of(token, quoted)
        verdict = _reported_verdict(c, label, quote, actors)
        if verdict == []:
            continue
        mode = c.mood.mode if verdict is None else None  # a verdict is said, not intended
        if label in INTENT_TYPES and c.inner is not None:
            mode = "intent"  # "agreed to hold talks": promised, not yet done
        negated = c.mood.negated and verdict is None
        if mode == "intent" and not negated:
            label, code = _intended(label, code)
        if negated and label == "CONCEDE":
            label, code, negated = REFUSED_CONCESSION  # "will not lift the embargo"
        coded.add(token.i)
        for source, target, symmetric in verdict or _pairs(c, label, actors):
            etype, ecode = label, code
            if etype == "ASSAULT" and _verbal(token, source, target, actors):
                etype, ecode = VERBAL_ATTACK  # "Trump attacked Clinton": words, not force
            codes = (
                source.country or source.actor.code or source.actor.name,
                (target.country or target.actor.code or target.actor.name) if target else None,
            )
            key_pair = frozenset(codes) if symmetric else codes
            date = event_date(token, base, mode == "intent")
            key = (ecode[:2], key_pair, date, mode, negated)
            if key in seen:
                continue  # the same event told twice (lead, quote, standfirst) is one event
            seen.add(key)
            sure = confidence - (0.2 if target is not None and target.implicit else 0.0)
            sure -= 0.1 if quote is not None else 0.0
            events.append(
                Event(
                    id="",
                    type=etype,
                    cameo=ecode,
                    source=source.actor.model_copy(deep=True),
                    target=target.actor.model_copy(deep=True) if target is not None else None,
                    date=date,
                    location=event_location(token, article),
                    evidence=_evidence(article, token),
                    negated=negated,
                    mode=mode,
                    quote=quote.id if quote is not None else None,
                    symmetric=symmetric,
                    trigger=_word_span(token),
                    confidence=round(max(0.05, min(1.0, sure)), 2),
                )
            )
    judged = criticisms(quotes, actors, lambda t: lexicon.match(t) is not None)
    events += _said(article, judged, events, excluded, CRITICISM)
    events += _said(article, demands(quotes, actors), events, excluded, DEMAND)
    for n, event in enumerate(events, start=1):
        event.id = f"v{n}"
        event.confidence = calibrated("event", event.confidence)  # raw score -> measured rate
    return events


CRITICISM = ("ACCUSE", "111", 0.5)
"""What a quote that judges an actor or a thing badly codes: criticise or denounce."""
DEMAND = ("REQUEST", "10", 0.45)
"""What a quote that says what someone or something should do codes: make a demand."""


def _told_of(events: list[Event]) -> set[tuple[int, str]]:
    """(sentence start, target) of the events coded already: one act, one event; and (sentence
    start, the source's verdict key) for each, so a verdict by that source adds nothing."""
    told = {(e.evidence.start, _actor_key(e.target)) for e in events if e.target is not None}
    return told | {(e.evidence.start, _verdict_key(e.source)) for e in events}


def _verdict_key(speaker: ActorRef | None) -> str:
    """A verdict's key: one speaker's verdict adds nothing to a sentence that codes an act of
    theirs ("The Tories dismissed the plan, while the Lib Dems said it was misdirected": two)."""
    return "verdict " + (_actor_key(speaker) if speaker is not None else "")


def _actor_key(actor: ActorRef) -> str:
    return actor.entity or actor.code or (actor.name or "").lower()


def _said(
    article: Article,
    statements: Iterable[tuple[Side, Told]],
    coded: list[Event],
    excluded: Coverage,
    kind: tuple[str, str, float],
) -> list[Event]:
    """Events told by what people say (``statements``): ACCUSE from quotes that judge a named
    actor badly ("This government has failed"), REQUEST from quotes that say what someone
    should do ("the government should consider fines"); one per sentence and target, none where
    an event of the sentence has that target already."""
    told = _told_of(coded)
    found: list[Event] = []
    label, code, confidence = kind
    for speaker, said in statements:
        if excluded.covers(said.trigger.idx):
            continue
        evidence = _evidence(article, said.trigger)
        targets: list[Side | None] = list(said.targets) or [None]
        for target in targets:
            key = (
                evidence.start,
                _actor_key(target.actor) if target is not None else _verdict_key(speaker.actor),
            )
            if key in told:
                continue
            told.add(key)
            found.append(
                Event(
                    id="",
                    type=label,
                    cameo=code,
                    source=speaker.actor.model_copy(deep=True),
                    target=target.actor.model_copy(deep=True) if target is not None else None,
                    date=None,
                    evidence=evidence,
                    quote=said.quote.id,
                    trigger=_word_span(said.trigger),
                    confidence=confidence,
                )
            )
    return found
