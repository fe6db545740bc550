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


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", '"', "“", "”"})
"""Marks that end a phrase (a hyphen inside "co-operation" does not)."""
LEADING_MODIFIERS = frozenset({"advmod", "amod", "npadvmod"})
"""A verb's own modifiers that the parse may have taken from a clause's subject ("closer")."""


def clause_read_as_object(verb: Token) -> tuple[int, int] | None:
    """``insisted closer co-operation did not mean ...``: the parse made the subject of the
    clause a verb reports its object and the clause's verb a conjunct of the reporting verb (or
    an ``advcl`` with no subject and no conjunction). Such a finite verb after the object, with
    nothing between but the object, the verb's prepositional phrases and the clause's own
    subject, no comma and no ``and``, is that clause: its token range, from the object's first
    word (and any modifier of the verb between them), or None."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    clause = next((c for c in verb.children if c.i > obj.i and _misread_clause(c)), None)
    if clause is None:
        return None
    between = range(obj.left_edge.i, clause.i)
    allowed = {
        t.i for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "prep") for t in c.subtree
    } | {t.i for t in clause.subtree}
    doc = verb.doc
    if any(i not in allowed or doc[i].text in BREAKS for i in between):
        return None
    start = obj.left_edge.i
    while (
        start - 1 > verb.i
        and doc[start - 1].head.i == verb.i
        and (doc[start - 1].dep_ in LEADING_MODIFIERS)
    ):
        start -= 1
    return start, clause.right_edge.i + 1


def _misread_clause(token: Token) -> bool:
    """A finite conjunct with no ``and`` of its own, or a finite ``advcl`` with neither a
    subject nor a word that opens it ("because", "when")."""
    if not _finite(token) or any(c.dep_ == "cc" for c in token.children):
        return False
    if token.dep_ == "conj":
        return True
    return token.dep_ == "advcl" and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" or c.tag_ in ("WRB", "WDT")
        for c in token.children
    )


def _finite(verb: Token) -> bool:
    """The verb, or an auxiliary of it, is finite ("was", "did not mean", "would be")."""
    return (
        verb.tag_ in FINITE_TAGS
        or verb.tag_ == "MD"
        or any(
            c.dep_ in ("aux", "auxpass") and (c.tag_ in FINITE_TAGS or c.tag_ == "MD")
            for c in verb.children
        )
    )


def phrase_of(token: Token) -> tuple[int, int]:
    """Character bounds of a subject's noun phrase (left edge to the head, plus flat names)."""
    right = token
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nmod", "appos") or (
            child.dep_ == "prep" and child.i == right.i + 1
        ):
            right = child.right_edge
        else:
            break
    left = token.left_edge
    return left.idx, right.idx + len(right.text)


SUBJECT_LINKS = ("nsubj", "nsubjpass")


def last_main_subject(pronoun: Token) -> Token | None:
    """The subject a pronoun may go on from: the last subject before it of the main clause, or
    of a clause joined to it ("Officials declined to comment, but residents were furious. They
    said": the residents), in the pronoun's sentence, else in the sentence before; None where
    neither sentence has one before it."""
    sent = pronoun.sent
    sentences = [sent] + ([pronoun.doc[sent.start - 1].sent] if sent.start > 0 else [])
    for s in sentences:
        clauses = [s.root, *(c for c in s.root.children if c.dep_ in ("conj", "advcl"))]
        subjects = [
            c
            for verb in clauses
            for c in verb.children
            if c.dep_ in SUBJECT_LINKS and c.i < pronoun.i
        ]
        if subjects:
            return max(subjects, key=lambda t: t.i)
    return None
