"""People and organisations across articles: one corpus actor per real person or organisation.

Within an article the actors stage already joins "Mr Blair" to "Tony Blair". Across articles
the store links each article's entities to corpus actors by these named rules, in order:

1. ``full name``: a person named with given name and surname (titles such as "Mr" dropped) is the
   actor of that full name; Phoenix's country-actors dictionary (``data/actor_kb.json``) gives
   the canonical spelling, aliases and the CAMEO code held on the article's date (Tony Blair in
   2005: GBRGOV).
2. ``surname``: a person named only by surname ("Mr Blair" in an article that never gives his
   first name) is the full-name actor with that surname, when exactly one fits (same country,
   or none known), or when one is named in ``SURNAME_DOMINANCE`` times as many articles as any
   other ("Tony Blair" over "Ian Blair"); otherwise it stays an actor of its own, never merged
   into a guess.
3. ``organisation``: an organisation by its name with the aliases of ``data/org_aliases.json``
   ("Tories", "Conservatives" -> "Conservative Party"), which also gives the code.
4. ``place``: a place by its name (Scotland, Wales, England and Northern Ireland stay apart even
   though all code GBR).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from dateline import geo
from dateline.actors.orgs import org_aliases
from dateline.names import HONORIFICS

SURNAME_DOMINANCE = 3
"""A surname alone goes to the full-name actor named in this many times more articles than the
next one with that surname."""
WORD = re.compile(r"[\w'’.-]+")


@dataclass
class EntityRow:
    """One article entity as the store holds it."""

    pk: int
    article_id: str
    name: str
    type: str
    country: str | None = None
    code: str | None = None
    role: str | None = None
    date: str | None = None


@dataclass
class CorpusActor:
    """A person, organisation or place across the corpus."""

    id: str
    key: str
    name: str
    type: str
    rule: str
    kb_code: str | None = None
    """The knowledge base's code on the latest dated article naming the actor."""
    undated_code: str | None = None
    """The knowledge base's open-ended code, for an actor named only in undated articles."""
    aliases: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    countries: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)

    def add(self, row: EntityRow) -> None:
        """Count one entity of an article as this actor."""
        self.aliases[row.name] += 1
        self.articles.add(row.article_id)
        for counter, value in (
            (self.countries, row.country),
            (self.roles, row.role),
            (self.codes, row.code),
        ):
            if value:
                counter[value] += 1

    @property
    def country(self) -> str | None:
        """The country most of its entities give, else the country of its code (GBRGOV: GBR)."""
        code = self.code
        from_code = code[:3] if code and geo.country_name(code[:3]) else None
        return _most(self.countries) or from_code

    @property
    def role(self) -> str | None:
        return _most(self.roles)

    @property
    def code(self) -> str | None:
        """The knowledge base's code on the latest article date, else the entities' majority
        (the articles' own reading of the role), else the knowledge base's open-ended code."""
        return self.kb_code or _most(self.codes) or self.undated_code


def _most(counter: Counter[str]) -> str | None:
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counter else None


@lru_cache(maxsize=1)
def knowledge_base() -> dict[str, Any]:
    """The packaged people of Phoenix's country-actors dictionary (loaded once)."""
    text = resources.files("dateline").joinpath("data/actor_kb.json").read_text("utf-8")
    return json.loads(text)


def name_words(name: str) -> list[str]:
    """A person's name as words, honorifics dropped."""
    words = WORD.findall(name)
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    return words


def kb_person(full_name: str) -> dict[str, Any] | None:
    """The knowledge base's entry for a full name (or one of its aliases)."""
    kb = knowledge_base()
    key = full_name.lower()
    key = kb["aliases"].get(key, key)
    return kb["people"].get(key)


def code_on(entry: dict[str, Any], date: str | None) -> str | None:
    """The CAMEO code a knowledge-base person held on ``date`` (else the open-ended one)."""
    day = _day(date)
    if day is not None:
        for code, start, end in entry["codes"]:
            if (start or end) and (start is None or start <= day) and (end is None or day <= end):
                return str(code)
    return next((str(c) for c, s, e in entry["codes"] if s is None and e is None), None)


def _day(date: str | None) -> str | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).isoformat()
    except ValueError:
        return None


def _actor_id(key: str) -> str:
    return "a" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


class Linker:
    """Links entity rows to corpus actors by the module's rules; deterministic for a corpus."""

    def __init__(self) -> None:
        self.actors: dict[str, CorpusActor] = {}
        self.link: dict[int, str] = {}

    def run(self, rows: Iterable[EntityRow]) -> Linker:
        """Link every row: full names, organisations and places first, then surnames alone."""
        surnames: list[EntityRow] = []
        for row in sorted(rows, key=lambda r: (r.date or "", r.pk)):
            if row.type in ("PERSON", "NORP") and row.name.lower() in org_aliases():
                row.type = "ORG"  # "Labour" tagged as a person, "Tories" as a group: a party
            if row.type == "PERSON" and len(name_words(row.name)) == 1:
                surnames.append(row)
            else:
                self._direct(row)
        by_surname: dict[str, list[CorpusActor]] = defaultdict(list)
        for actor in self.actors.values():
            if actor.type == "PERSON" and actor.rule == "full name":
                by_surname[actor.name.split()[-1].lower()].append(actor)
        for row in surnames:
            self._surname(row, by_surname)
        return self

    def _attach(self, row: EntityRow, key: str, name: str, rule: str) -> CorpusActor:
        actor = self.actors.get(key)
        if actor is None:
            actor = self.actors[key] = CorpusActor(_actor_id(key), key, name, row.type, rule)
        actor.add(row)
        self.link[row.pk] = actor.id
        return actor

    def _direct(self, row: EntityRow) -> None:
        if row.type == "PERSON":
            full = " ".join(name_words(row.name)) or row.name
            entry = kb_person(full)
            name = entry["name"] if entry else full
            actor = self._attach(row, f"person:{name.lower()}", name, "full name")
            if entry is not None and row.date:  # rows come in date order: the latest date's
                actor.kb_code = code_on(entry, row.date) or actor.kb_code  # code stays
            elif entry is not None:
                actor.undated_code = code_on(entry, None)
        elif row.type == "ORG":
            known = org_aliases().get(row.name.lower())
            name = known["name"] if known else row.name
            actor = self._attach(row, f"org:{name.lower()}", name, "organisation")
            if known and known["code"]:
                actor.kb_code = known["code"]
        else:
            self._attach(row, f"{row.type.lower()}:{row.name.lower()}", row.name, "place")

    def _surname(self, row: EntityRow, by_surname: dict[str, list[CorpusActor]]) -> None:
        surname = name_words(row.name)[0]
        fits = [
            a
            for a in by_surname.get(surname.lower(), [])
            if row.country is None or a.country in (None, row.country)
        ]
        chosen = _dominant(fits)
        if chosen is not None:
            chosen.add(row)
            self.link[row.pk] = chosen.id
            return
        self._attach(row, f"person:{surname.lower()}", surname, "surname")


def _dominant(fits: list[CorpusActor]) -> CorpusActor | None:
    """The one candidate, or the one named in far more articles than any other."""
    if len(fits) == 1:
        return fits[0]
    ranked = sorted(fits, key=lambda a: (-len(a.articles), a.key))
    if len(ranked) >= 2 and len(ranked[0].articles) >= SURNAME_DOMINANCE * len(ranked[1].articles):
        return ranked[0]
    return None


def link_rows(rows: Iterable[EntityRow]) -> tuple[list[CorpusActor], dict[int, str]]:
    """Corpus actors and, for each entity row's pk, the id of its actor."""
    linker = Linker().run(rows)
    return sorted(linker.actors.values(), key=lambda a: a.id), linker.link
