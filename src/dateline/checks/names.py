"""Misspelled names: a capitalised word one or two edits from a country or entity of the article."""

from __future__ import annotations

from collections import Counter

import pycountry
from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc

from dateline import geo
from dateline.schema import Entity, Flag
from dateline.structure import Article

MIN_LENGTH = 5
"""Shorter words are too often one edit from something else ("Iran"/"Iraq" both exist)."""
LONG_NAME = 8
"""Names this long may be two edits off; shorter ones only one."""


def _targets(doc: Doc, entities: list[Entity]) -> Counter[str]:
    """Names the article spells: entity names and their words, and the countries it mentions."""
    names: Counter[str] = Counter()
    for entity in entities:
        for m in entity.mentions:
            if m.kind == "name":
                for word in m.text.split():
                    if word[:1].isupper() and word.isalpha():
                        names[word] += 1
    for token in doc:
        if token.is_title and token.is_alpha and geo.country_code(token.text):
            names[token.text] += 1
    return names


def _plausible_variant(word: str, target: str) -> bool:
    """Not a variant of the same word (``Russia``/``Russian``, ``Trump``/``Trumps``)."""
    if word.startswith(target) or target.startswith(word):
        return False
    return word[0] == target[0]


def misspelled_names(article: Article, doc: Doc, entities: list[Entity]) -> list[Flag]:
    """Flag a capitalised word that nearly spells a name used elsewhere, and is no name itself."""
    targets = _targets(doc, entities)
    counts = Counter(t.text for t in doc if t.is_title)
    flags = []
    for token in doc:
        word = token.text
        if len(word) < MIN_LENGTH or not (token.is_title and token.is_alpha):
            continue
        if token.pos_ != "PROPN" or counts[word] > 1 or _excluded(article, token.idx):
            continue
        if geo.country_code(word) or geo.is_place(word) or _is_country_word(word):
            continue
        best = None
        for target, seen in targets.items():
            if target == word or (seen < 2 and not geo.country_code(target)):
                continue
            if len(target) < MIN_LENGTH or not _plausible_variant(word, target):
                continue
            allowed = 1 if len(target) < LONG_NAME else 2
            distance = Levenshtein.distance(word, target, score_cutoff=allowed)
            closer = best is None or distance < best[0]
            if distance <= allowed and counts[target] > counts[word] and closer:
                best = (distance, target)
        if best is None:
            continue
        start, end = token.idx, token.idx + len(word)
        flags.append(
            Flag(
                kind="misspelled-name",
                message=f"{word!r} looks like a misspelling of {best[1]!r}, named elsewhere",
                start=start,
                end=end,
                suggestion=best[1],
            )
        )
    return flags


def _is_country_word(word: str) -> bool:
    try:
        pycountry.countries.lookup(word)
    except LookupError:
        return False
    return True


def _excluded(article: Article, pos: int) -> bool:
    """Inside boilerplate or a photo credit."""
    return any(s <= pos < e for s, e in article.excluded_spans())
