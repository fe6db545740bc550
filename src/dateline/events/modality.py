"""Modality: negated, intended (plans, promises, agreements to act) or hypothetical events."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token


@lru_cache(maxsize=1)
def event_words() -> dict[str, list[str] | dict[str, str]]:
    """The event coder's word tables (``data/event_words.json``, whose ``_notes`` say what each
    is for), read once; each is the constant of the module its note names."""
    raw = resources.files("dateline").joinpath("data/event_words.json").read_text("utf-8")
    tables: dict[str, list[str] | dict[str, str]] = json.loads(raw)
    return {name: table for name, table in tables.items() if not name.startswith("_")}


def word_list(name: str) -> tuple[str, ...]:
    """One word list of ``event_words()``, in its order."""
    table = event_words()[name]
    if not isinstance(table, list):
        raise TypeError(f"event_words.json: {name} is not a list")
    return tuple(table)


def words(name: str) -> frozenset[str]:
    """One word list of ``event_words()`` as a set, for membership tests."""
    return frozenset(word_list(name))


# The tables are module constants, read once at import: the per-token rules below test plain
# frozenset membership.
INTENT_AUX = words("intent_aux")
HYPOTHETICAL_AUX = words("hypothetical_aux")
INTENT_HEADS = words("intent_heads")
HYPOTHETICAL_HEADS = words("hypothetical_heads")
NEGATING_HEADS = words("negating_heads")
"""Frames that say the act did not happen: "was unable to meet", "failed to agree"."""
REQUEST_HEADS = words("request_heads")
"""What someone is asked or told to do has not happened: "called on X to call out Russia"."""
COGNITION_HEADS = words("cognition_heads")
"""Belief and prediction verbs: their ccomp is a guess about the future, not an act told."""
REPORTED_FUTURE_AUX = words("reported_future_aux")
"""Backshifted ``will`` under a reporting verb: "said it would allow aid" is a promise."""
REPORTING_HEADS = words("reporting_heads")
CONDITIONAL_MARKS = words("conditional_marks")
FUTURE_MODIFIERS = words("future_modifiers")
NEGATORS = words("negators")
"""Words that negate a predicate even where the parse does not label them ``neg``."""


def lemma_of(token: Token) -> str:
    """The token's lemma in lower case (the lemmatizer's known slips are mended at the parse,
    ``dateline.nlp``'s ``lemma_fixes``)."""
    return token.lemma_.lower()


@dataclass(frozen=True)
class Modality:
    """How an event is told."""

    negated: bool = False
    mode: str | None = None
    """None for a reported fact, ``intent`` for a plan or promise, ``hypothetical`` otherwise."""


def _negated(token: Token) -> bool:
    """A negation on the predicate itself; "not only" and "… or not" negate nothing."""
    return any(
        c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ == "advmod" and not _only_follows(c))
        for c in token.children
    )


def _only_follows(word: Token) -> bool:
    """``not only``: a focus phrase, not a negation."""
    near = (*word.head.children, *word.children)
    return any(t.i == word.i + 1 and t.lower_ == "only" for t in near)


def _reported(token: Token) -> bool:
    """The clause is what a reporting verb says (``said it would``), with no condition on it."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children):
        return False
    if token.dep_ != "ccomp" or lemma_of(token.head) not in REPORTING_HEADS:
        return False
    return _own_act(token)


def _own_act(clause: Token) -> bool:
    """The reported clause tells the reporter's own act ("France said it would send", "he said
    he would resign"), not someone else's ("he said the money would be better spent")."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if subject.pos_ == "PRON":
        return True
    reporter = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return reporter is not None and reporter.lower_ == subject.lower_


def _asked_for(clause: Token, head_lemma: str) -> bool:
    """``called on X to quit``: what someone is asked to do (an xcomp, or a ``to`` clause the
    parse hung as an advcl) has not happened."""
    if head_lemma not in REQUEST_HEADS:
        return False
    if clause.dep_ == "xcomp":
        return True
    return clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def modality(token: Token) -> Modality:
    """Read negation and mode from the predicate, its auxiliaries and the clauses above it."""
    negated = _negated(token)
    mode: str | None = None
    for child in token.children:
        low = child.lower_
        if child.dep_ in ("aux", "auxpass") and low in HYPOTHETICAL_AUX:
            if low in REPORTED_FUTURE_AUX and _reported(token):
                mode = "intent"
                continue
            return Modality(negated, "hypothetical")
        if child.dep_ in ("aux", "auxpass") and low in INTENT_AUX:
            mode = "intent"
        if child.dep_ == "mark" and low in CONDITIONAL_MARKS:
            return Modality(negated, "hypothetical")
        if child.dep_ == "amod" and low in FUTURE_MODIFIERS:
            mode = "intent"
    if token.dep_ == "aux" and token.lower_ == "going":
        mode = "intent"
    # Climb the clauses that govern the predicate ("agreed to hold", "it is necessary to fight").
    current = token
    for _ in range(4):
        if current.dep_ not in (
            "xcomp",
            "ccomp",
            "acomp",
            "advcl",
            "pcomp",
            "prep",
            "pobj",
            "dobj",
        ):
            break
        head = current.head
        lemma = lemma_of(head)
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in current.children
        ):
            return Modality(negated, "hypothetical")
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in head.children):
            return Modality(negated, "hypothetical")  # "if people turn up asking for help"
        if _asked_for(current, lemma):
            return Modality(negated, "hypothetical")
        if current.dep_ == "ccomp" and lemma in COGNITION_HEADS:
            return Modality(negated, "hypothetical")  # "thinks women will back the plans"
        if lemma in HYPOTHETICAL_HEADS or any(
            c.lower_ in HYPOTHETICAL_HEADS for c in head.children if c.dep_ == "acomp"
        ):
            return Modality(negated, "hypothetical")
        if current.dep_ in ("dobj", "pobj", "prep"):
            # "will hold talks": the noun's event is told with its verb's auxiliaries
            inherited = modality(head) if head.pos_ in ("VERB", "AUX") else Modality()
            if inherited.mode == "hypothetical":
                return Modality(negated, "hypothetical")
            mode = mode or inherited.mode
            negated = negated or inherited.negated
            break
        if current.dep_ == "xcomp" and (
            lemma in NEGATING_HEADS
            or any(c.lower_ in NEGATING_HEADS for c in head.children if c.dep_ == "acomp")
        ):
            negated = not negated  # "was unable to meet": no meeting ("not unable": one)
        if current.dep_ == "xcomp" and lemma in INTENT_HEADS:
            mode = "intent"
            negated = negated or _negated(head)
        if current.dep_ == "xcomp" and any(
            c.lower_ in HYPOTHETICAL_AUX for c in head.children if c.dep_ == "aux"
        ):
            return Modality(negated, "hypothetical")
        if current.dep_ in ("ccomp", "advcl"):
            break
        current = head
    return Modality(negated, mode)
