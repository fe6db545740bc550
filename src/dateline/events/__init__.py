"""Events: who did what to whom, when and where — PLOVER types with CAMEO codes and evidence."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline import geo
from dateline.events.actors import ActorResolver, Side
from dateline.events.lexicon import Lexicon, Predicate, build
from dateline.events.modality import modality
from dateline.events.when_where import article_date, event_date, event_location
from dateline.nlp import text_of
from dateline.quotes.speaker import subject_of
from dateline.schema import Entity, Event, Quote, Span
from dateline.structure import Article

__all__ = ["Lexicon", "build", "extract_events"]

MATERIAL_TYPES = {"COOPERATE", "AID"}
"""Types whose unnamed or uncoded target is completed from the article's main dyad."""
ONE_SIDED_TYPES = {"PROTEST", "MOBILIZE"}
SOURCE_HOLDERS = {"hold", "have", "attend", "host", "conduct", "begin", "start", "resume"}
"""Verbs whose subject is the source of their nominal event (``X held talks``)."""


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


def _passive_agent(token: Token) -> Token | None:
    for prep in token.children:
        if prep.dep_ == "agent":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [
        obj
        for prep in token.children
        if prep.dep_ in ("prep", "agent") and prep.lower_ in preps
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _verb_sides(
    token: Token, predicate: Predicate, actors: ActorResolver
) -> tuple[list[Side], list[Side]]:
    agent = _passive_agent(token)
    passive_subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if agent is not None:
        sources = actors.sides(agent)
        targets = actors.sides(passive_subject)
    else:
        sources = actors.sides(subject_of(token))
        obj = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
        targets = (
            actors.sides(obj) if predicate.objects is None and not predicate.object_is_topic else []
        )
    for obj in _prep_objects(token, predicate.target_preps):
        targets += actors.sides(obj)
    return sources, targets


def _noun_sides(
    token: Token, predicate: Predicate, actors: ActorResolver
) -> tuple[list[Side], list[Side]]:
    sources: list[Side] = []
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod"):
            # "the Lausanne meeting": a city before the noun says where, not who
            sources += [s for s in actors.sides(child) if not _is_city(s)]
    between = _prep_objects(token, frozenset({"between"}))
    if between:
        return actors.sides(between[0]), []
    sources += actors.sides(_passive_agent(token))
    if (
        not sources
        and token.dep_ in ("dobj", "pobj")
        and token.head.lemma_.lower() in SOURCE_HOLDERS
    ):
        sources = actors.sides(subject_of(token.head))
    targets: list[Side] = []
    for obj in _prep_objects(token, predicate.target_preps - {"between"}):
        targets += actors.sides(obj)
    return sources, targets


NAMED_THINGS = {"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT"}
VERBAL_ATTACK = ("ACCUSE", "111")
"""What an "attack" between two people is in news: criticism (CAMEO 111), not an assault."""


AMBIGUOUS_FORCE = {"attack", "fight", "battle", "strike", "hit", "target"}
"""Predicates that are as often words as force: verbal unless a side is a state or armed group."""
ARMED_SECTORS = {"MIL", "REB", "COP", "SPY", "INS"}


def _armed_or_state(side: Side, actors: ActorResolver) -> bool:
    code = side.actor.code or ""
    if any(sector in code[3:] or code == sector for sector in ARMED_SECTORS):
        return True
    entity = actors.entities.get(side.actor.entity or "")
    if entity is not None:
        return entity.type in ("GPE", "NORP") or entity.role in ("general", "commander")
    return bool(side.country) and code == side.country


def _verbal(token: Token, source: Side, target: Side | None, actors: ActorResolver) -> bool:
    """ "X attacked Y" between people, parties or papers is criticism, not an assault."""
    if token.lemma_.lower() not in AMBIGUOUS_FORCE:
        return False
    sides = [s for s in (source, target) if s is not None]
    return not any(_armed_or_state(s, actors) for s in sides)


def _is_city(side: Side) -> bool:
    name = side.actor.name or ""
    return side.actor.entity is not None and geo.country_code(name) is None and geo.is_place(name)


def _same(a: Side, b: Side) -> bool:
    if a.actor.entity and a.actor.entity == b.actor.entity:
        return True
    return a.actor.entity is None and b.actor.entity is None and a.actor.code == b.actor.code


def _quote_of(token: Token, quotes: list[Quote]) -> Quote | None:
    inside = [q for q in quotes if q.start <= token.idx < q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


def _dyads(
    sources: list[Side], targets: list[Side], predicate: Predicate
) -> list[tuple[Side, Side, bool]]:
    """Source-target pairs; coordinated subjects of a symmetric predicate face each other."""
    if not targets and predicate.symmetric and len(sources) >= 2:
        return [(sources[0], sources[1], True)]
    return [(s, t, predicate.symmetric) for s in sources for t in targets if not _same(s, t)]


def extract_events(
    article: Article,
    doc: Doc,
    entities: list[Entity],
    quotes: list[Quote],
    lexicon: Lexicon | None = None,
) -> list[Event]:
    """Code the events of an article from its parse, actors and quotes."""
    lexicon = lexicon or build()
    actors = ActorResolver(doc, entities, quotes, lexicon.actors)
    excluded = article.excluded_spans() + [(c.start, c.end) for c in article.captions]
    base = article_date(article)
    events: list[Event] = []
    seen: set[tuple] = set()
    for token in doc:
        predicate = lexicon.match(token)
        if predicate is None or any(s <= token.idx < e for s, e in excluded):
            continue
        if (token.ent_type_ in NAMED_THINGS and token.ent_iob_ != "B") or token.ent_type_ == "LAW":
            continue  # "the North American Free Trade Agreement" names a treaty, not an event
        mood = modality(token)
        if mood.mode == "hypothetical":
            continue
        cameo = predicate.cameo
        if mood.mode == "intent":
            if predicate.intent_cameo is None:
                continue
            cameo = predicate.intent_cameo
        sides = (_noun_sides if token.pos_ in ("NOUN", "PROPN") else _verb_sides)(
            token, predicate, actors
        )
        sources, targets = sides
        if not sources:
            continue
        if predicate.type in MATERIAL_TYPES or (predicate.symmetric and not targets):
            coded = [t for t in targets if t.actor.code]
            if not coded and not (predicate.symmetric and len(sources) >= 2):
                partner = actors.counterpart(sources[0].country)
                targets = [partner] if partner is not None else []
        pairs = _dyads(sources, targets, predicate)
        if not pairs and predicate.type in ONE_SIDED_TYPES:
            pairs = [(s, None, False) for s in sources]  # type: ignore[misc]
        quote = _quote_of(token, quotes)
        for source, target, symmetric in pairs:
            etype, ecode = predicate.type, cameo
            if etype == "ASSAULT" and _verbal(token, source, target, actors):
                etype, ecode = VERBAL_ATTACK  # "Trump attacked Clinton": words, not force
            codes = (
                source.country or source.actor.code,
                target.country or target.actor.code if target else None,
            )
            key_pair = frozenset(codes) if symmetric else codes
            date = event_date(token, base, mood.mode == "intent")
            key = (etype, ecode[:2], key_pair, date, mood.mode, mood.negated)
            if key in seen:
                continue  # the same event told twice (lead, quote, standfirst) is one event
            seen.add(key)
            confidence = 0.8 - (0.2 if target is not None and target.implicit else 0.0)
            confidence -= 0.1 if quote is not None else 0.0
            events.append(
                Event(
                    id="",
                    type=etype,
                    cameo=ecode,
                    source=source.actor,
                    target=target.actor if target is not None else None,
                    date=date,
                    location=event_location(token, article),
                    evidence=_evidence(article, token),
                    negated=mood.negated,
                    mode=mood.mode,
                    quote=quote.id if quote is not None else None,
                    symmetric=symmetric,
                    trigger=Span(text=token.text, start=token.idx, end=token.idx + len(token.text)),
                    confidence=round(confidence, 2),
                )
            )
    for n, event in enumerate(events, start=1):
        event.id = f"v{n}"
    return events
