"""Code an analysed article with PETRARCH dictionaries: the same ``Event`` schema as the built-in coder."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from dateline.events.when_where import article_date, event_location
from dateline.nlp import text_of
from dateline.petrarch.coder import SentenceCoder, Side
from dateline.petrarch.dictionaries import Dictionaries
from dateline.petrarch.reader import Actor, Agent, words_of
from dateline.schema import ActorRef, Entity, Event, Span
from dateline.structure import Article

ROOT_TYPES = {
    "01": "STATEMENT", "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "COOPERATE",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": "INVESTIGATE", "10": "REQUEST",
    "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip
"""CAMEO root -> PLOVER-style type (the dictionaries give CAMEO codes only)."""


def event_type(cameo: str) -> str:
    """The type name of a CAMEO code (``OTHER`` for codes outside CAMEO's 20 roots)."""
    return ROOT_TYPES.get(cameo[:2], "OTHER") if cameo[:2].isdigit() else "OTHER"


def _phrase_code(dictionaries: Dictionaries, phrase: str, day: dt.date | None) -> tuple[str, str]:
    """(actor code, agent codes) found in a short phrase such as a name or a role."""
    words = list(words_of(phrase))
    actor = ""
    agents: list[Agent] = []
    i = 0
    while i < len(words):
        found = dictionaries.actors.longest(words, i)
        if found is not None and isinstance(found[1], Actor) and found[1].resolve(day):
            actor = actor or found[1].resolve(day)[0]
            i += found[0]
            continue
        found = dictionaries.agents.longest(words, i)
        if found is not None and isinstance(found[1], Agent):
            agents.append(found[1])
            i += found[0]
            continue
        i += 1
    return actor, "".join(a.code for a in agents if not a.prefix)


def code_entities(
    article: Article, entities: list[Entity], dictionaries: Dictionaries
) -> dict[str, str]:
    """Dictionary codes of the article's entities, resolved with the article date.

    A name the actors dictionary lists gets its code (``SERGEY_LAVROV_`` -> RUSGOV); a person
    it does not list gets the country found in its titles (or the actors stage's country) with
    the agents dictionary's code for its role (``foreign minister`` -> ~GOV).
    """
    day = article_date(article)
    codes: dict[str, str] = {}
    for entity in entities:
        texts = [entity.name] + [m.text for m in entity.mentions if m.kind == "name"]
        best = ""
        for text in texts:
            actor, agent = _phrase_code(dictionaries, text, day)
            if actor and len(actor) > len(best):
                best = actor
        if not best and entity.type == "PERSON" and entity.role:
            country = ""
            for mention in entity.mentions:
                if mention.kind in ("title", "descriptor"):
                    country = country or _phrase_code(dictionaries, mention.text, day)[0]
            if not country and entity.country:
                country = _phrase_code(dictionaries, entity.country, day)[0] or entity.country
            agent = _phrase_code(dictionaries, entity.role, day)[1]
            if country and agent:
                best = country + agent
        if best:
            codes[entity.id] = best
    return codes


def _entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    for entity in entities:
        for mention in entity.mentions:
            if mention.start < end and start < mention.end:
                return entity
    return None


def _actor(doc: Doc, side: Side, entities: list[Entity], codes: dict[str, str]) -> ActorRef:
    first, last = doc[side.start], doc[side.end - 1]
    start, end = first.idx, last.idx + len(last.text)
    entity = _entity_at(entities, start, end)
    code = side.code
    if entity is not None and entity.id in codes and len(codes[entity.id]) >= len(code):
        code = codes[entity.id]
    return ActorRef(
        entity=entity.id if entity is not None else None,
        code=code,
        name=text_of(doc)[start:end],
        span=Span(text=text_of(doc)[start:end], start=start, end=end),
    )


def code_events(
    article: Article, doc: Doc, entities: list[Entity], dictionaries: Dictionaries
) -> list[Event]:
    """Code the article's sentences with the dictionaries; discarded sentences code nothing."""
    day = article_date(article)
    text = text_of(doc)
    codes = code_entities(article, entities, dictionaries)
    excluded = article.excluded_spans() + [(c.start, c.end) for c in article.captions]
    events: list[Event] = []
    coders = [SentenceCoder(sent, dictionaries, day) for sent in doc.sents]
    if any(c.discard() == "storydiscard" for c in coders):
        return []
    seen: set[tuple[str | None, str | None, str, int]] = set()
    for coder in coders:
        sent = coder.sent
        if any(s <= sent.start_char < e for s, e in excluded) or coder.discard():
            continue
        for coded in coder.code():
            source = _actor(doc, coded.source, entities, codes)
            target = _actor(doc, coded.target, entities, codes)
            key = (source.code, target.code, coded.code, sent.start)
            if key in seen or source.code == target.code:
                continue
            seen.add(key)
            verb_first, verb_last = doc[coded.verb], doc[coded.verb_end - 1]
            start = sent.start_char
            end = sent.end_char
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            t_start, t_end = verb_first.idx, verb_last.idx + len(verb_last.text)
            events.append(
                Event(
                    id=f"v{len(events) + 1}",
                    type=event_type(coded.code),
                    cameo=coded.code,
                    source=source,
                    target=target,
                    date=day.isoformat() if day else None,
                    location=event_location(doc[coded.verb], article),
                    evidence=Span(text=text[start:end], start=start, end=end),
                    trigger=Span(text=text[t_start:t_end], start=t_start, end=t_end),
                    confidence=0.6 if coded.pattern else 0.5,
                )
            )
    return events
