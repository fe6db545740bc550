"""Walks over a dependency parse shared by the stages that read one (quotes, events, the CAMEO
coder): climbing from a word to the heads that govern it, and the ``by`` agent of a passive.

Every walk is bounded (a misparse can chain hundreds of links) and compares tokens by position:
spaCy makes a new ``Token`` object on each access, so ``token.head is token`` is never true, not
even at the root.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from spacy.tokens import Token

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
"""Tags of a finite verb that can head a clause of its own (not a participle or infinitive)."""


def is_root(token: Token) -> bool:
    """The token heads its sentence (spaCy's root is its own head)."""
    return token.head.i == token.i


def climb(token: Token, links: Container[str], steps: int) -> Iterator[Token]:
    """``token``, then each head above it while the link climbed (the lower token's ``dep_``) is
    one of ``links``: at most ``steps`` climbs, never past the root."""
    yield token
    for _ in range(steps):
        if token.dep_ not in links or is_root(token):
            return
        token = token.head
        yield token


def governed_by(token: Token, top: Token, links: Container[str], steps: int) -> bool:
    """``top`` is ``token`` or a head reached from it by ``links`` in at most ``steps`` climbs."""
    return any(t.i == top.i for t in climb(token, links, steps))


def first_child(token: Token, links: Container[str]) -> Token | None:
    """The first child of ``token`` attached by one of ``links``."""
    return next((c for c in token.children if c.dep_ in links), None)


def passive_agent(verb: Token) -> Token | None:
    """The object of a passive verb's ``by`` phrase (``was written by Springsteen``)."""
    agent = first_child(verb, ("agent",))
    return None if agent is None else first_child(agent, ("pobj",))
