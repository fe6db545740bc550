"""Event actors: a token of the parse becomes an actor code through the actors stage's entities."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from dateline import geo
from dateline.actors.lexicon import lexicon
from dateline.events.modality import words
from dateline.nlp import text_of
from dateline.quotes.speaker import MentionIndex
from dateline.schema import ActorRef, Entity, Quote
from dateline.spans import Intervals
from dateline.syntax import phrase_of

FIRST_PERSON = words("first_person")
THING_PRONOUNS = words("thing_pronouns")
RELATIVE_PRONOUNS = words("relative_pronouns")


@dataclass
class Side:
    """One side of an event and how it was found."""

    actor: ActorRef
    country: str | None
    implicit: bool = False
    kind: str = "entity"
    """``entity`` (named), ``group`` (coded common noun), ``phrase`` (uncoded actor), ``thing``."""


INSTITUTION_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP"}
"""Common nouns that name an actor even without a name: the administration, the court."""


def sector_of(token: Token) -> str | None:
    """The CAMEO sector a common noun names (``company`` BUS, ``administration`` GOV)."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    return lex.org_sectors.get(lemma) or lex.sector(lemma) or sector_nouns().get(lemma)


@lru_cache(maxsize=1)
def sector_nouns() -> dict[str, str]:
    """Sectors of the nouns the role lexicon has none for (``data/actor_nouns.json``)."""
    raw = resources.files("dateline").joinpath("data/actor_nouns.json").read_text("utf-8")
    return json.loads(raw)["sector_nouns"]


def _ref(entity: Entity) -> ActorRef:
    return ActorRef(entity=entity.id, code=entity.code, name=entity.name)


class ActorResolver:
    """Resolve subjects and objects to actors: names, pronouns, "we" in a quote, demonyms."""

    def __init__(
        self, doc: Doc, entities: list[Entity], quotes: list[Quote], user_actors: dict[str, str]
    ):
        self.doc = doc
        self.entities = {e.id: e for e in entities}
        self.index = MentionIndex(entities)
        self.direct = Intervals(
            (q.start, q.end, q)
            for q in quotes
            if q.kind == "direct" and q.speaker and q.speaker.entity
        )
        self.user_actors = user_actors
        self.dyad = self._main_dyad(entities)

    def side(self, token: Token) -> Side | None:
        """The actor one token (the head of a noun phrase) names."""
        low = token.lower_
        if low in FIRST_PERSON:
            hits = self.direct.overlapping(token.idx, token.idx + 1)
            if not hits:
                return None
            quote = hits[0][2]
            entity = self.entities[quote.speaker.entity]  # type: ignore[union-attr,index]
            return Side(_ref(entity), entity.country)
        if low in THING_PRONOUNS:
            return self._previous_actor(token)
        if low in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self.side(token.head.head)  # "Christie, who has campaigned ...": Christie
        start, end = phrase_of(token)
        # Only the head and its modifiers name the actor: "the conflict in Syria" is no Syria.
        hit = self.index.at(token.left_edge.idx, token.idx + len(token.text), head=token.idx)
        if hit is not None and hit[0].type in ("PERSON", "ORG", "GPE", "NORP"):
            entity, mention = hit
            if entity.role == "photographer":
                return None
            if mention.start <= token.idx < mention.end or token.pos_ == "PROPN":
                return Side(_ref(entity), entity.country)
            if entity.type in ("GPE", "NORP", "LOC"):
                # "a New Jersey company", "Russian specialists": a group of that place
                return self._group(token, entity.country)
            owner = any(c.dep_ == "poss" and c.idx < mention.end and mention.start <= c.idx + len(c.text)
                        for c in token.children)  # fmt: skip
            if owner:
                # "Patriot Coal's executives" act for Patriot Coal
                return Side(ActorRef(entity=entity.id, code=entity.code, name=self._phrase(token)),
                            entity.country)  # fmt: skip
            return None
        head_phrase = text_of(self.doc)[token.left_edge.idx : token.idx + len(token.text)]
        key = head_phrase.lower().removeprefix("the ")
        if key in self.user_actors or "the " + key in self.user_actors:
            code = self.user_actors.get(key) or self.user_actors["the " + key]
            return Side(ActorRef(code=code, name=head_phrase), code[:3])
        for t in (token, *token.children):
            if t.dep_ in ("amod", "compound") or t is token:
                country = geo.country_code(t.text) if t.text[:1].isupper() else None
                if country:
                    return self._group(token, country) or Side(
                        ActorRef(code=country, name=text_of(self.doc)[start:end]), country
                    )
        if token.pos_ == "NOUN" and sector_of(token) in INSTITUTION_SECTORS:
            return self._group(token, None)
        return None

    def _phrase(self, token: Token) -> str:
        return text_of(self.doc)[token.left_edge.idx : token.idx + len(token.text)]

    def _group(self, token: Token, country: str | None) -> Side | None:
        """A common-noun actor (the company, the administration) coded by country and sector."""
        sector = sector_of(token)
        if sector is None and country is None:
            return None
        name = text_of(self.doc)[token.left_edge.idx : token.idx + len(token.text)]
        code = (country or "") + (sector or "")
        return Side(ActorRef(code=code, name=name), country, kind="group")

    def _previous_actor(self, token: Token) -> Side | None:
        """``Turkey has confirmed that it will ...``: the country or organisation named before."""
        for t in reversed(token.sent[: token.i - token.sent.start]):
            hit = self.index.at(t.idx, t.idx + len(t.text))
            if hit is not None and hit[0].type in ("GPE", "ORG") and hit[0].code:
                return Side(_ref(hit[0]), hit[0].country)
        return None

    def is_city(self, side: Side) -> bool:
        """A side that is a town or city named before a noun (``the Lausanne meeting``)."""
        name = side.actor.name or ""
        return (
            side.actor.entity is not None and geo.country_code(name) is None and geo.is_place(name)
        )

    def counterpart(self, country: str | None) -> Side | None:
        """The other side of the article's main dyad, for events that name only one side."""
        if country is None or country not in self.dyad or len(self.dyad) < 2:
            return None
        other = self.dyad[1] if self.dyad[0] == country else self.dyad[0]
        people = [
            e
            for e in self.entities.values()
            if e.type == "PERSON" and e.country == other and e.code
        ]
        if people:
            best = max(people, key=lambda e: len(e.mentions))
            return Side(_ref(best), other, implicit=True)
        return Side(ActorRef(code=other, name=other), other, implicit=True)

    @staticmethod
    def _main_dyad(entities: list[Entity]) -> list[str]:
        """The two countries the article is most about (by mentions of places and their people)."""
        weight: Counter[str] = Counter()
        for e in entities:
            if e.country and e.role != "photographer":
                weight[e.country] += len(e.mentions)
        return [c for c, _ in weight.most_common(2)]
