"""CAMEO.2.0's verb dictionary (shipped as ``data/cameo_verbs.json``): the CAMEO code of a verb.

A verb form belongs to one or more families; a family's patterns name words that must come before
or after the verb (``- * TALKS WITH [040]``). The code is the code of the longest pattern whose
words are all there (synsets match any member's first word), else the form's or family's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.attrs import HEAD, ORTH
from spacy.tokens import Doc, Token

from dateline.nlp import sentence_of

PLOVER_OF_ROOT = {
    "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "COOPERATE",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST",
    "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip
"""CAMEO root -> PLOVER type (01, public statements, is no PLOVER event)."""


UPPER_KEY = "dateline.events.upper"
HEADS_KEY = "dateline.events.heads"
CODES_KEY = "dateline.events.cameo_codes"
"""A document's verb codes, by token index: the event model asks for every verb of a sentence
once per candidate in it."""


@dataclass(frozen=True)
class CameoPattern:
    code: str
    before: tuple[str, ...]
    after: tuple[str, ...]


Compiled = tuple[int, str, frozenset[str], tuple[frozenset[str], ...], frozenset[str],
                 tuple[frozenset[str], ...]]  # fmt: skip
"""A pattern ready to test: size, code, and before and after its plain words and synsets."""
EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CameoTable:
    """Verb forms -> (family patterns, own code); synsets for pattern words."""

    forms: dict[str, list[tuple[str, tuple[CameoPattern, ...]]]]
    synsets: dict[str, frozenset[str]]
    compiled: dict[int, list[Compiled]] = field(default_factory=dict, compare=False, repr=False)
    """Each family's patterns, longest first (ties in the table's order), by ``id`` of the
    family's pattern tuple: compiled on first use."""

    def code(self, token: Token) -> str | None:
        """The CAMEO code the dictionary gives this verb in its sentence, if any (worked out once
        a token, kept in the document's ``user_data``)."""
        codes: dict[tuple[int, int], str | None] = token.doc.user_data.setdefault(CODES_KEY, {})
        key = (id(self), token.i)
        if key not in codes:
            codes[key] = self._code(token)
        return codes[key]

    def _code(self, token: Token) -> str | None:
        entries = self.forms.get(token.text.upper()) or self.forms.get(token.lemma_.upper())
        if not entries:
            return None
        words = _upper_words(token.doc)
        before: set[str] | None = None
        after: set[str] | None = None
        best: tuple[int, str] | None = None
        for own, patterns in entries:
            # The longest pattern that holds, the first of its length; in a family's own order a
            # longer one overrides and one no longer is skipped, which comes to the same.
            for size, found, plain_before, syns_before, plain_after, syns_after in self._compiled(
                patterns
            ):
                if best is not None and size <= best[0]:
                    break
                # a side holds when every plain word is there and a member of each synset
                if plain_before or syns_before:
                    if before is None:
                        before = set(words[sentence_of(token.doc, token.i)[0] : token.i])
                    if not plain_before <= before or (
                        syns_before and not all(not s.isdisjoint(before) for s in syns_before)
                    ):
                        continue
                if plain_after or syns_after:
                    if after is None:
                        after = {words[i] for i in _subtree_after(token)}
                    if not plain_after <= after or (
                        syns_after and not all(not s.isdisjoint(after) for s in syns_after)
                    ):
                        continue
                best = (size, found)
                break
            if best is None and own:
                best = (-1, own)
        code = best[1] if best is not None else None
        if code is None or not code[:2].isdigit():
            return None
        return code.partition(":")[0]

    def _compiled(self, patterns: tuple[CameoPattern, ...]) -> list[Compiled]:
        found = self.compiled.get(id(patterns))
        if found is None:
            found = self.compiled[id(patterns)] = sorted(
                (self._compile(p) for p in patterns), key=lambda c: -c[0]
            )
        return found

    def _compile(self, p: CameoPattern) -> Compiled:
        def plain(words: tuple[str, ...]) -> frozenset[str]:
            return frozenset(w for w in words if not w.startswith("&"))

        def syns(words: tuple[str, ...]) -> tuple[frozenset[str], ...]:
            return tuple(self.synsets.get(w, EMPTY) for w in words if w.startswith("&"))

        size = len(p.before) + len(p.after)
        return size, p.code, plain(p.before), syns(p.before), plain(p.after), syns(p.after)


def _upper_words(doc: Doc) -> list[str]:
    """The document's words in capitals, made once per document."""
    cached = doc.user_data.get(UPPER_KEY)
    if cached is None or len(cached) != len(doc):
        strings = doc.vocab.strings  # a token's text is its ORTH string: no Token objects made
        orths: list[int] = doc.to_array(ORTH).tolist()
        cached = doc.user_data[UPPER_KEY] = [strings[orth].upper() for orth in orths]
    return cached


def _heads(doc: Doc) -> list[int]:
    """Each token's head index, made once per document."""
    cached = doc.user_data.get(HEADS_KEY)
    if cached is None or len(cached) != len(doc):
        offsets: list[int] = doc.to_array(HEAD).astype("int64").tolist()  # stored unsigned
        cached = doc.user_data[HEADS_KEY] = [i + offset for i, offset in enumerate(offsets)]
    return cached


def _subtree_after(token: Token) -> list[int]:
    """Indices of the words of ``token.subtree`` after ``token``, from the head array (no
    ``Token`` made for each): the words of its sentence after it whose chain of heads reaches
    it before the sentence's root."""
    doc = token.doc
    heads = _heads(doc)
    top = token.i
    first, end = sentence_of(doc, top)
    below = {top: True}
    found = []
    for i in range(top + 1, end):
        path = []
        at = i
        while at not in below and first <= at < end and heads[at] != at:
            path.append(at)
            at = heads[at]
        inside = below.get(at, False)
        for step in path:
            below[step] = inside
        if inside:
            found.append(i)
    return found


def plover_type(cameo: str | None) -> str | None:
    """The PLOVER type of a CAMEO code."""
    return PLOVER_OF_ROOT.get(cameo[:2]) if cameo else None


@lru_cache(maxsize=1)
def table() -> CameoTable:
    """The packaged table, read once per process."""
    raw = json.loads(resources.files("dateline").joinpath("data/cameo_verbs.json").read_text())
    families = []
    for family in raw["families"]:
        patterns = tuple(CameoPattern(c, tuple(b), tuple(a)) for c, b, a in family["patterns"])
        families.append((family["code"], patterns))
    forms: dict[str, list[tuple[str, tuple[CameoPattern, ...]]]] = {}
    for word, entries in raw["forms"].items():
        for index, own in entries:
            code, patterns = families[index]
            forms.setdefault(word, []).append((own or code, patterns))
    synsets = {k: frozenset(v) for k, v in raw["synsets"].items()}
    return CameoTable(forms, synsets)
