"""Titles and appositions: "Russian Foreign Minister Sergey Lavrov" gives a role and a country."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from dateline import geo
from dateline.actors.cluster import Cluster
from dateline.actors.given_names import first_name_gender
from dateline.actors.lexicon import lexicon
from dateline.actors.mentions import WorkMention
from dateline.nlp import first_token_from, text_of

HONORIFIC_GENDER = {
    "mr.": "m",
    "mr": "m",
    "mrs.": "f",
    "mrs": "f",
    "ms.": "f",
    "ms": "f",
    "sir": "m",
    "madam": "f",
    "lord": "m",
    "lady": "f",
}
US_PARTY_STATE = re.compile(r"^\s*\((?:R|D|I)[-–][A-Z][\w.]{0,6}\)")
"""``Sen. Lindsey Graham (R-S.C.)``: a US party and state after the name."""


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    words: set[str] = set()
    for role in lexicon().roles:
        words.update(role.split())
    return frozenset(words)


def _demonym_country(token: Token) -> str | None:
    """The country of a capitalised adjective or name such as ``Russian`` or ``U.S.``; never a
    role word that spells a country code ("MP" is a member of parliament, not the Northern
    Mariana Islands)."""
    if not token.text[:1].isupper() or token.text.lower() in _role_words():
        return None
    return geo.country_code(token.text)


def _state_country(token: Token) -> str | None:
    place = geo.find_place(token.text) if token.text[:1].isupper() else None
    return place.country if place is not None and place.kind == "state" else None


def title_before(doc: Doc, start_char: int) -> tuple[int, list[Token]]:
    """The title words right before a name: role words, modifiers, demonyms, honorifics."""
    index = first_token_from(doc, start_char)
    words: list[Token] = []
    lex = lexicon()
    i = index - 1
    while i >= 0:
        tok = doc[i]
        low = tok.text.lower()
        if tok.is_punct or tok.is_space or "\n" in tok.whitespace_:
            break
        if (
            low in _role_words()
            or low in lex.modifiers
            or low in HONORIFIC_GENDER
            or _demonym_country(tok)
            or _state_country(tok)
        ):
            words.insert(0, tok)
            i -= 1
            continue
        if words and i >= 1 and tok.text[:1].isupper() and doc[i - 1].text[:1].isupper():
            place = geo.find_place(f"{doc[i - 1].text} {tok.text}")
            if place is not None and place.kind in ("state", "city", "country"):
                words[:0] = [doc[i - 1], tok]  # "New York Mayor": a two-word place
                i -= 2
                continue
        break
    return index, words


def _multiword_place(words: list[Token]) -> str | None:
    """``New Jersey Gov.``: a place of several capitalised words wins over its last word."""
    for size in (3, 2):
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if all(t.text[:1].isupper() for t in run):
                place = geo.find_place(" ".join(t.text for t in run))
                if place is not None and place.country:
                    return place.country
    return None


def _role_and_country(words: list[Token]) -> tuple[str | None, str | None, str | None]:
    """Role, country and gender from title words."""
    lex = lexicon()
    country = _multiword_place(words) or next(
        (c for c in (_demonym_country(t) or _state_country(t) for t in words) if c), None
    )
    gender = next(
        (HONORIFIC_GENDER[t.text.lower()] for t in words if t.text.lower() in HONORIFIC_GENDER),
        None,
    )
    plain = [t.text for t in words if not _demonym_country(t) and not _state_country(t)]
    role = lex.canonical_role(plain)
    return role, country, gender


def _appositive_role(doc: Doc, mention: WorkMention) -> tuple[str | None, str | None]:
    """``Bryan Pagliano, a former technology aide`` -> role ``aide``."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None, None
    for child in span.root.children:
        if child.dep_ != "appos" or child.pos_ not in ("NOUN",):
            continue
        words = [t for t in child.lefts if t.dep_ in ("amod", "compound")] + [child]
        role = lexicon().canonical_role([t.text for t in words if not _demonym_country(t)])
        country = next((c for c in map(_demonym_country, child.lefts) if c), None)
        if role:
            return role, country
    return None, None


def apply(doc: Doc, clusters: list[Cluster]) -> list[WorkMention]:
    """Give people roles, countries and gender from their titles (gender else from a first
    name); return the title mentions."""
    titles: list[WorkMention] = []
    by_id = {c.id: c for c in clusters}
    for cluster in clusters:
        if cluster.label != "PERSON":
            continue
        for m in list(cluster.mentions):
            if m.kind not in ("name", "possessive"):
                continue
            _, words = title_before(doc, m.start)
            role, country, gender = _role_and_country(words) if words else (None, None, None)
            if role == "counterpart":
                role = _counterpart_role(m, clusters)
            if words and (role or any(t.text.lower() in HONORIFIC_GENDER for t in words)):
                start, end = words[0].idx, words[-1].idx + len(words[-1].text)
                if role:
                    titles.append(
                        WorkMention(
                            start,
                            end,
                            text_of(doc)[start:end],
                            "PERSON",
                            "title",
                            m.sent,
                            m.subject,
                            cluster.id,
                            role,
                        )
                    )
            if not role:
                role, app_country = _appositive_role(doc, m)
                country = country or app_country
            if US_PARTY_STATE.match(text_of(doc)[m.end : m.end + 12]):
                country = country or "USA"
            cluster.role = cluster.role or role
            cluster.country = cluster.country or country
            cluster.gender = cluster.gender or gender
        cluster.gender = cluster.gender or first_name_gender(cluster.name)
    for t in titles:
        by_id[t.cluster].add(t)  # type: ignore[index]
    return titles


def _counterpart_role(mention: WorkMention, clusters: list[Cluster]) -> str | None:
    """ "his Turkish counterpart X": X holds the role of the person named just before."""
    best: tuple[int, str | None] = (-1, None)
    for c in clusters:
        if c.label != "PERSON" or not c.role or c.role == "counterpart":
            continue
        pos = c.last_before(mention.start)
        if pos > best[0]:
            best = (pos, c.role)
    return best[1]
