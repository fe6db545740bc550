"""The role lexicon (``data/roles.json``): role nouns, their CAMEO sectors, families and IGOs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources


@dataclass
class Lexicon:
    """Roles with sectors, descriptor families, title modifiers, IGO and organisation codes."""

    roles: dict[str, str | None]
    families: dict[str, frozenset[str]]
    modifiers: frozenset[str]
    igo: dict[str, str]
    org_sectors: dict[str, str]
    expand: dict[str, str]

    @cached_property
    def heads(self) -> frozenset[str]:
        """Last words of every role (``minister`` from ``foreign minister``)."""
        return frozenset(r.split()[-1] for r in self.roles) | frozenset(self.families)

    def sector(self, role: str | None) -> str | None:
        """The CAMEO sector of a role, trying shorter endings (``deputy X`` -> ``X``)."""
        if not role:
            return None
        words = role.lower().split()
        for i in range(len(words)):
            tail = " ".join(words[i:])
            if tail in self.roles:
                return self.roles[tail]
        return None

    def canonical_role(self, words: list[str]) -> str | None:
        """The longest lexicon role ending a title's words (``russian foreign minister``)."""
        lowered = [w.lower() for w in words]
        for i in range(len(lowered)):
            tail = " ".join(lowered[i:])
            if tail in self.roles:
                return self.expand.get(tail, tail)
        return None

    def compatible(self, descriptor_head: str, role: str | None) -> bool:
        """A descriptor (``the minister``, ``the diplomat``) can name someone with ``role``."""
        if not role:
            return False
        head = descriptor_head.lower()
        role = role.lower()
        if role == head or role.endswith(" " + head):
            return True
        return role in self.families.get(head, frozenset())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the packaged lexicon once."""
    raw = json.loads(resources.files("dateline").joinpath("data/roles.json").read_text("utf-8"))
    return Lexicon(
        roles=raw["roles"],
        families={k: frozenset(v) for k, v in raw["families"].items()},
        modifiers=frozenset(raw["modifiers"]),
        igo=raw["igo"],
        org_sectors=raw["org_sectors"],
        expand=raw["expand"],
    )


@lru_cache(maxsize=1)
def group_nouns() -> dict[str, str]:
    """Group nouns (``data/actor_nouns.json``: officials, police, allies) and their CAMEO sector
    (empty: no sector), for the event sides and the quote speakers."""
    raw = resources.files("dateline").joinpath("data/actor_nouns.json").read_text("utf-8")
    return dict(json.loads(raw)["nouns"])
