"""Misspelled names: a capitalised word one or two edits from a country or entity of the article."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy
import pycountry
from rapidfuzz.distance import Levenshtein
from spacy.attrs import IS_ALPHA, IS_TITLE, ORTH, POS
from spacy.symbols import PROPN
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
    words = _title_words(doc)
    for i in words.alpha:
        if geo.country_code(words.text[i]):
            names[words.text[i]] += 1
    return names


@dataclass
class _TitleWords:
    """A document's title-case words, read off its arrays (no ``Token`` made for each word)."""

    text: dict[int, str]
    """Token index -> text, for every title-case word."""
    alpha: list[int]
    """The indices of those made of letters only, in order."""
    propn: set[int]
    """The indices of those tagged as proper nouns."""


def _title_words(doc: Doc) -> _TitleWords:
    if not len(doc):
        return _TitleWords({}, [], set())
    table = doc.to_array([ORTH, IS_TITLE, IS_ALPHA, POS])
    strings = doc.vocab.strings
    titles = numpy.flatnonzero(table[:, 1])
    text = {int(i): strings[int(table[i, 0])] for i in titles}
    alpha = [int(i) for i in titles if table[i, 2]]
    propn = {int(i) for i in titles if table[i, 3] == PROPN}
    return _TitleWords(text, alpha, propn)


def _plausible_variant(word: str, target: str) -> bool:
    """Not a variant of the same word (``Russia``/``Russian``, ``Trump``/``Trumps``)."""
    if word.startswith(target) or target.startswith(word):
        return False
    return word[0] == target[0]


def misspelled_names(article: Article, doc: Doc, entities: list[Entity]) -> list[Flag]:
    """Flag a capitalised word that nearly spells a name used elsewhere, and is no name itself."""
    targets = _targets(doc, entities)
    words = _title_words(doc)
    counts = Counter(words.text.values())
    flags = []
    for i in words.alpha:
        word = words.text[i]
        if len(word) < MIN_LENGTH or i not in words.propn or counts[word] > 1:
            continue
        token = doc[i]
        if _excluded(article, token.idx):
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
