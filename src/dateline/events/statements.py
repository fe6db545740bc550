"""Events told by what people say: criticism of a named actor in a quote is ACCUSE (CAMEO 111).

News reports much of its conflict as speech: "This government has run out of solutions," Mr X
told MPs. No verb of the sentence names the act, but an analyst codes it: the speaker criticises
the government. A quote is read as criticism when a word of strongly negative valence (the VADER
lexicon, MIT, shipped with ``vaderSentiment``; plus ``criticism_words`` in ``event_words.json``)
stands un-negated in it; its targets are the actors the same sentence of the quote names, other
than the speaker.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.events import actors as actor_rules
from dateline.events import modality as mood_rules
from dateline.events import sides as side_rules
from dateline.events.actors import ActorResolver, Side
from dateline.events.modality import modality, words
from dateline.events.sides import side_of
from dateline.schema import ActorRef, Quote
from dateline.syntax import climb, governed_by

CRITICAL_VALENCE = -1.5
"""A word at or below this VADER valence (of -4 .. +4) criticises: "failure" -2.3, "unfair" -2.1."""
CRITICISM_WORDS = words("criticism_words")
"""Judging nouns and verbs ("failure", "shambles", "mislead"), and adjectives the VADER lexicon
lacks or scores mildly ("misdirected", "vindictive")."""
NOT_CRITICISM = words("not_criticism")
"""Negative words that describe a plight or a topic, not a judgement of anyone ("war", "crime")."""
TARGET_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos", "attr", "dative"}
"""Where in a clause a named actor is the one the criticism is about."""
ACTOR_TYPES = {"PERSON", "ORG", "NORP", "GPE"}
ABILITY_AUX = {"can", "ca", "could"}
"""Modals of ability: "can not be trusted" ("ca" is spaCy's first half of "can't")."""
NEGATED_PRAISE = words("negated_praise")
"""Words of trust or worth that judge badly when negated ("Labour cannot be trusted")."""
EXPERIENCER_ADJECTIVES = words("experiencer_adjectives")
"""Feelings: their subject feels them ("was suspicious of"), the one felt about is judged."""
NOTHING_WORDS = words("nothing_words")
COMPARING_TAGS = {"JJR", "JJS"}
"""Comparatives and superlatives measure ("the lowest inflation", "their worst defeat")."""
PHRASE_DEPS = {"prep", "pobj", "poss", "compound", "amod", "nmod", "appos", "conj", "acomp", "attr"}
"""Links inside one phrase: "the failure of the government", "Labour's shameful record"."""
SUBJECTS = {"nsubj", "nsubjpass"}
CLAUSE_STEPS = {"acomp", "attr", "dobj", "amod", "pobj", "prep", "oprd", "xcomp"}
"""Steps from a judging word up to the verb of its clause ("is wrong", "made a shambles of")."""


@lru_cache(maxsize=1)
def valence() -> dict[str, float]:
    """The VADER lexicon: word -> mean valence (-4 .. +4)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


def _negated(token: Token) -> bool:
    """``not wrong``, ``never failed``, ``nothing wrong``: a negation on the word or the word
    it qualifies."""
    if token.dep_ == "amod" and token.head.lower_ in NOTHING_WORDS:
        return True
    return any(c.dep_ == "neg" for c in (*token.children, *token.head.children))


def critical(token: Token) -> bool:
    """A word that judges someone badly, not negated: an adjective of negative valence ("unfair",
    "wrong"), a word of ``CRITICISM_WORDS`` ("failure", "con", "mislead"), or one of
    ``NEGATED_PRAISE`` negated ("cannot be trusted"). The VADER lexicon's
    nouns and verbs are mostly topics and acts ("weapons", "detained"), which other rules code."""
    low, lemma = token.lower_, token.lemma_.lower()
    if low in NOT_CRITICISM or lemma in NOT_CRITICISM or token.ent_type_:
        return False
    if low in NEGATED_PRAISE or lemma in NEGATED_PRAISE:
        return token.pos_ in ("ADJ", "VERB") and _negated(token)  # "cannot be trusted"
    if low in CRITICISM_WORDS or lemma in CRITICISM_WORDS:
        hit = token.pos_ in ("ADJ", "NOUN", "VERB")
    elif token.pos_ != "ADJ" or token.tag_ in COMPARING_TAGS:
        return False  # nouns and verbs of the VADER lexicon are topics and acts ("weapons")
    else:
        lex = valence()
        hit = min(lex.get(low, 0.0), lex.get(lemma, 0.0)) <= CRITICAL_VALENCE
    return hit and not _negated(token)


@dataclass
class Told:
    """One sentence of a quote that tells an event (criticism, a demand): the word that tells it
    and the actors it is about (none for a verdict on a thing: "the scheme is deeply flawed")."""

    quote: Quote
    trigger: Token
    targets: list[Side]


def _pieces(quote: Quote, sents: list[SpacySpan], ends: list[int]) -> Iterator[list[Token]]:
    """The tokens of the quote, sentence by sentence (``ends``: the sentences' end offsets)."""
    for sent in sents[bisect_right(ends, quote.start) :]:
        if sent.start_char >= quote.end:
            return
        yield [t for t in sent if quote.start <= t.idx < quote.end]


def _within_phrase(top: Token, token: Token) -> bool:
    """``token`` hangs from ``top`` by phrase-internal links only."""
    return governed_by(token, top, PHRASE_DEPS, 7)


def _names_part(noun: Token, target: Token) -> bool:
    """The noun is the target or a title or name joined to it ("peer Lord Archer")."""
    return governed_by(noun, target, ("compound", "appos"), 2)


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a judging word sits in (the word itself when it is the verb)."""
    for current in climb(token, CLAUSE_STEPS, 4):
        if current.pos_ in ("VERB", "AUX"):
            break
    return current


def linked(trigger: Token, target: Token) -> bool:
    """The judging word is about the actor: one phrase ("their failure"), or the actor is the
    subject of the clause that judges ("the Tories will con people", "Labour is wrong")."""
    if trigger.dep_ == "amod" and _names_part(trigger.head, target):
        return False  # "the criminal court", "disgraced peer Lord Archer": a description
    siblings = target.head.i == trigger.head.i and target.dep_ in ("poss", "compound")
    if trigger.dep_ == "amod" and siblings:
        return True  # "Labour's disastrous policy", "overbearing government initiatives"
    if trigger.pos_ == "VERB":
        if target.dep_ == "dobj" and target.head.i == trigger.i:
            return True  # "betrayed the voters"
    elif _within_phrase(trigger, target) or _within_phrase(target, trigger):
        return True
    verb = _clause_verb(trigger)
    subject = target
    while subject.dep_ == "conj" and subject.head.i != subject.i:
        subject = subject.head  # "the prime minister and Alastair Campbell"
    if trigger.lemma_.lower() in EXPERIENCER_ADJECTIVES or trigger.lower_ in EXPERIENCER_ADJECTIVES:
        return False  # "the US government was suspicious of ...": the subject feels it
    return subject.dep_ in SUBJECTS and subject.head.i == verb.i


def _targets(
    trigger: Token, tokens: list[Token], speaker: Side, actors: ActorResolver
) -> list[Side]:
    """Distinct named actors of the piece that the judging word is about, other than the speaker
    (and the speaker's "we")."""
    found: list[Side] = []
    for token in tokens:
        if token.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if token.dep_ not in TARGET_DEPS and not _modified_with(trigger, token):
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "as":
            continue  # "Tony Blair as prime minister": the role of a side already named
        if not linked(trigger, token):
            continue
        side = side_of(token, actors)
        if side is None or side.kind == "thing" or not _actor(side, actors, token):
            continue
        if _same_actor(side, speaker) or any(_same_actor(side, f) for f in found):
            continue
        found.append(side)
    return found


def _modified_with(trigger: Token, token: Token) -> bool:
    """The actor names what the judging word qualifies ("overbearing government initiatives")."""
    return token.dep_ == "compound" and trigger.dep_ == "amod" and token.head.i == trigger.head.i


def _actor(side: Side, actors: ActorResolver, token: Token) -> bool:
    """A named person, organisation, people or state, or a group noun with a sector (the
    government, MPs); not a bare place ("patients in Wales", "a burden to Britain")."""
    entity = actors.entities.get(side.actor.entity or "")
    if entity is not None:
        return entity.type in ACTOR_TYPES and not (entity.type == "GPE" and token.dep_ == "pobj")
    return side.kind == "group" and bool(side.actor.code) and side.actor.code != side.country


def _same_actor(a: Side, b: Side) -> bool:
    if a.actor.entity or b.actor.entity:
        return a.actor.entity == b.actor.entity
    return (a.actor.code, (a.actor.name or "").lower()) == (
        b.actor.code,
        (b.actor.name or "").lower(),
    )


def speaker_side(quote: Quote, actors: ActorResolver) -> Side | None:
    """The quote's speaker as an event side (an entity, else the noun phrase that names them)."""
    speaker = quote.speaker
    if speaker is None:
        return None
    entity = actors.entities.get(speaker.entity or "")
    if entity is not None:
        ref = ActorRef(entity=entity.id, code=entity.code, name=entity.name, span=speaker.mention)
        return Side(ref, entity.country)
    if speaker.mention is None:
        return None
    span = actors.doc.char_span(speaker.mention.start, speaker.mention.end, alignment_mode="expand")
    if span is None:
        return None
    side = actors.side(span.root)
    if side is not None:
        if side.actor.entity is None and side.actor.span is None:
            side.actor.span = speaker.mention.model_copy()  # "a committee of MPs": where named
        return side
    name = speaker.name or speaker.mention.text
    return Side(ActorRef(name=name, span=speaker.mention.model_copy()), None, kind="phrase")


def criticisms(
    quotes: list[Quote], actors: ActorResolver, is_act: Callable[[Token], bool]
) -> Iterator[tuple[Side, Told]]:
    """(speaker, criticism) for every sentence of a quote that judges a named actor badly;
    ``is_act``: words that name an act ("ban", "offensive"), never a judgement."""
    sents = list(actors.doc.sents)
    ends = [sent.end_char for sent in sents]
    for quote in quotes:
        if quote.fragment or quote.negated:
            continue
        speaker = speaker_side(quote, actors)
        if speaker is None:
            continue
        for tokens in _pieces(quote, sents, ends):
            found = _judgement(quote, tokens, speaker, actors, is_act)
            if found is not None:
                yield speaker, found


def _judgement(
    quote: Quote,
    tokens: list[Token],
    speaker: Side,
    actors: ActorResolver,
    is_act: Callable[[Token], bool],
) -> Told | None:
    """The first judging word of one sentence of a quote that is about a named actor; else a
    verdict on a thing ("it is misdirected", "a shambles") with no target, when the sentence
    names no actor at all."""
    verdict: Token | None = None
    for trigger in tokens:
        if not critical(trigger) or is_act(trigger) or _supposed(trigger):
            continue
        targets = _targets(trigger, tokens, speaker, actors)
        if targets:
            return Told(quote, trigger, targets)
        if verdict is None and _predicated(trigger):
            verdict = trigger
    if verdict is None or _names_actor(tokens, speaker, actors):
        return None
    return Told(quote, verdict, [])


def _supposed(trigger: Token) -> bool:
    """A judgement only supposed ("if you think they are racist"): its clause is hypothetical;
    "cannot be trusted" denies an ability as a verdict, supposed only under a condition."""
    verb = _clause_verb(trigger)
    denied = trigger.lower_ in NEGATED_PRAISE or trigger.lemma_.lower() in NEGATED_PRAISE
    if denied and any(c.dep_ == "aux" and c.lower_ in ABILITY_AUX for c in verb.children):
        return any(
            c.dep_ == "mark" and c.lower_ in mood_rules.CONDITIONAL_MARKS for c in verb.children
        )
    return modality(verb).mode == "hypothetical"


def _predicated(token: Token) -> bool:
    """A verdict said of something ("it is wrong", "a shambles", a passive "it was
    misdirected"), not a modifier."""
    passive = token.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in token.children)
    return (
        token.dep_ in ("acomp", "attr", "oprd", "ROOT")
        or (token.pos_ == "NOUN" and token.dep_ in ("dobj", "attr", "nsubj"))
        or passive  # "it was misdirected", "voters were misled"
    )


def _names_actor(tokens: list[Token], speaker: Side, actors: ActorResolver) -> bool:
    """The piece names an actor other than the speaker (a verdict might then be on them)."""
    for token in tokens:
        if token.pos_ in ("PROPN", "NOUN") and token.dep_ in TARGET_DEPS:
            side = actors.side(token)
            if side is not None and not _same_actor(side, speaker):
                return True
    return False


SUPPOSING_VERBS = words("supposing_verbs")
"""Verbs a deontic modal only supposes with ("this should mean ...")."""


def demands(quotes: list[Quote], actors: ActorResolver) -> Iterator[tuple[Side, Told]]:
    """(speaker, demand) for every sentence of a quote whose own clause says what someone or
    something should or must do ("the government should consider fines", "A national body should
    be set up, a committee of MPs has said"): the one named to do it is the target (the subject,
    or a passive's ``by`` agent), none for a thing; never the speaker's own ("we must act")."""
    sents = list(actors.doc.sents)
    ends = [sent.end_char for sent in sents]
    for quote in quotes:
        if quote.fragment or quote.negated or quote.hedged:
            continue
        speaker = speaker_side(quote, actors)
        if speaker is None:
            continue
        for tokens in _pieces(quote, sents, ends):
            found = _demand(quote, tokens, speaker, actors)
            if found is not None:
                yield speaker, found


def _demand(quote: Quote, tokens: list[Token], speaker: Side, actors: ActorResolver) -> Told | None:
    """The top verb of one sentence of a quote under a deontic modal, with whom it names."""
    inside = {t.i for t in tokens}
    for verb in tokens:
        if verb.pos_ not in ("VERB", "AUX") or (verb.head.i in inside and verb.head.i != verb.i):
            continue  # only the clause the quote says, not one inside it
        if not any(
            c.dep_ == "aux" and c.lower_ in side_rules.OBLIGATION_AUX for c in verb.children
        ):
            continue
        if _conditional(verb) or _supposing(verb):
            continue  # "if the report is right, ...", "there must have been", "should mean"
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None and subject.lower_ in actor_rules.FIRST_PERSON | NOTHING_WORDS:
            return None  # "we must act": the speaker's own resolve; "nobody should": no one's
        doer = _doer(verb, subject)
        if doer is None:
            return Told(quote, verb, [])
        side = side_of(doer, actors)
        if side is None or side.kind == "thing" or not _actor(side, actors, doer):
            return Told(quote, verb, [])
        if _same_actor(side, speaker):
            return None
        return Told(quote, verb, [side])
    return None


def _conditional(verb: Token) -> bool:
    """The clause, or the one it hangs on, is a condition ("if ..."; the modal itself makes
    ``modality`` call every such clause hypothetical)."""
    marks = mood_rules.CONDITIONAL_MARKS
    return any(
        c.dep_ == "mark" and c.lower_ in marks for t in (verb, verb.head) for c in t.children
    ) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for c in verb.children
    )


def _supposing(verb: Token) -> bool:
    """The modal supposes rather than demands: a perfect ("must have been", "should have
    known") or a verb of meaning or seeming ("this should mean")."""
    if verb.lemma_.lower() in SUPPOSING_VERBS:
        return True
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _doer(verb: Token, subject: Token | None) -> Token | None:
    """Who is to act: the active subject, or the ``by`` agent of a passive."""
    if subject is None:
        return None
    passive = subject.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children)
    if not passive:
        return subject
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
