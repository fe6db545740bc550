"""The predicate lexicon: verbs and nouns that mean an event, as data (CSV or YAML), not if-chains."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from dateline.errors import DatelineError

COLUMNS = ["lemma", "pos", "objects", "type", "cameo", "intent_cameo", "symmetric", "target_preps"]
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


@dataclass(frozen=True)
class Predicate:
    """One way of saying an event: a lemma (with required objects) and the code it gets."""

    lemma: str
    pos: str
    objects: frozenset[str] | None
    type: str
    cameo: str
    intent_cameo: str | None
    symmetric: bool
    target_preps: frozenset[str]
    object_is_topic: bool = False
    """``discuss the conflict``: the direct object is what it is about, not the other side."""

    def matches(self, token: Token) -> bool:
        """The token is this predicate (and has one of the required objects, if any)."""
        if self.objects is None:
            return True
        return any(
            (c.dep_ in ("dobj", "nsubjpass", "attr") and c.lemma_.lower() in self.objects)
            or (c.dep_ in ("dobj",) and c.lower_ in self.objects)
            for c in token.children
        )


@dataclass
class Lexicon:
    """Predicates by (lemma, part of speech) and user actors by name."""

    predicates: dict[tuple[str, str], list[Predicate]] = field(default_factory=dict)
    actors: dict[str, str] = field(default_factory=dict)
    phrasal: set[str] = field(default_factory=set)
    """The verbs of phrasal rows ("call" of "call off"): only their particles are looked up."""

    def add(self, predicate: Predicate) -> None:
        """Register a predicate; later ones with objects are tried before catch-alls."""
        entries = self.predicates.setdefault((predicate.lemma, predicate.pos), [])
        entries.append(predicate)
        entries.sort(key=lambda p: p.objects is None)
        if " " in predicate.lemma:
            self.phrasal.add(predicate.lemma.split()[0])

    def match(self, token: Token) -> Predicate | None:
        """The predicate a token expresses, if any."""
        pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB" if token.pos_ == "VERB" else ""
        if not pos:
            return None
        lemmas = [token.lemma_.lower(), token.lower_]
        if lemmas[0] in self.phrasal or lemmas[1] in self.phrasal:
            particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
            if particle is not None:
                # "called off the strike", "backed down": the phrasal verb's own row first
                lemmas = [f"{lemma} {particle}" for lemma in lemmas] + lemmas
        for lemma in lemmas:
            for predicate in self.predicates.get((lemma, pos), []):
                if predicate.matches(token):
                    return predicate
        return None

    def for_document(self) -> Lexicon:
        """This lexicon (its tables shared, not copied) remembering its match for each token of
        one document: for one ``extract_events`` call, which asks about a word many times."""
        return DocumentLexicon(self.predicates, self.actors, self.phrasal)

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with another one's entries added (user lexicons extend the default)."""
        out = Lexicon(dict(self.predicates), dict(self.actors), set(self.phrasal))
        out.predicates = {k: list(v) for k, v in self.predicates.items()}
        for entries in other.predicates.values():
            for p in entries:
                out.add(p)
        out.actors.update(other.actors)
        return out


@dataclass
class DocumentLexicon(Lexicon):
    """A lexicon's view for one document (``Lexicon.for_document``): each token's match worked
    out once, by token index, so that it must only be asked about tokens of that document."""

    matches: dict[int, Predicate | None] = field(default_factory=dict)

    def match(self, token: Token) -> Predicate | None:
        """The predicate a token expresses, if any (remembered)."""
        if token.i in self.matches:
            return self.matches[token.i]
        found = self.matches[token.i] = super().match(token)
        return found


def _row(values: dict[str, str], where: str) -> Predicate:
    missing = [c for c in ("lemma", "pos", "type", "cameo") if not (values.get(c) or "").strip()]
    if missing:
        raise DatelineError(f"{where}: missing {', '.join(missing)}")
    ptype = values["type"].strip().upper()
    if ptype not in PLOVER_TYPES:
        raise DatelineError(f"{where}: unknown PLOVER type {ptype!r}")
    cameo = str(values["cameo"]).strip()
    if not cameo.isdigit():
        raise DatelineError(f"{where}: CAMEO code must be digits, not {cameo!r}")
    objects = (values.get("objects") or "*").strip()
    intent = str(values.get("intent_cameo") or "0").strip()
    return Predicate(
        lemma=values["lemma"].strip().lower(),
        pos=values["pos"].strip().upper(),
        objects=None if objects in ("*", "~", "") else frozenset(objects.lower().split("|")),
        object_is_topic=objects == "~",
        type=ptype,
        cameo=cameo,
        intent_cameo=None if intent in ("0", "") else intent,
        symmetric=str(values.get("symmetric") or "n").strip().lower() in ("y", "yes", "true", "1"),
        target_preps=frozenset(
            p for p in (values.get("target_preps") or "").lower().split("|") if p
        ),
    )


def parse_csv(text: str, source: str) -> Lexicon:
    """Predicates from CSV (the columns of ``data/predicates.csv``; ``#`` lines are comments)."""
    lexicon = Lexicon()
    lines = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    for n, line in lines:
        values = next(csv.reader(io.StringIO(line)))
        if len(values) != len(COLUMNS):
            raise DatelineError(
                f"{source}:{n}: expected {len(COLUMNS)} columns, found {len(values)}"
            )
        lexicon.add(_row(dict(zip(COLUMNS, values, strict=True)), f"{source}:{n}"))
    return lexicon


def parse_yaml(text: str, source: str) -> Lexicon:
    """``predicates:`` (a list of rows with the CSV's keys) and ``actors:`` (name: CODE)."""
    import yaml

    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise DatelineError(f"{source}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise DatelineError(f"{source}: expected a mapping with 'predicates' and/or 'actors'")
    lexicon = Lexicon()
    for n, row in enumerate(data.get("predicates") or [], 1):
        if not isinstance(row, dict):
            raise DatelineError(f"{source}: predicate {n} is not a mapping")
        lexicon.add(_row({k: str(v) for k, v in row.items()}, f"{source}: predicate {n}"))
    actors = data.get("actors") or {}
    if not isinstance(actors, dict):
        raise DatelineError(f"{source}: 'actors' must map names to codes")
    lexicon.actors = {str(k).lower(): str(v).upper() for k, v in actors.items()}
    return lexicon


def load_file(path: str | Path) -> Lexicon:
    """A user lexicon file: ``.csv`` predicates, ``.yaml``/``.yml`` predicates and actors."""
    p = Path(path)
    if not p.is_file():
        raise DatelineError(f"{p}: no such lexicon file")
    text = p.read_text("utf-8")
    if p.suffix.lower() in (".yaml", ".yml"):
        return parse_yaml(text, str(p))
    if p.suffix.lower() == ".csv":
        return parse_csv(text, str(p))
    raise DatelineError(f"{p}: lexicon files are .csv, .yaml or .yml")


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged predicate lexicon."""
    text = resources.files("dateline").joinpath("data/predicates.csv").read_text("utf-8")
    return parse_csv(text, "data/predicates.csv")


def build(paths: Iterable[str | Path] = ()) -> Lexicon:
    """The default lexicon extended by user files."""
    lexicon = default_lexicon()
    for path in paths:
        lexicon = lexicon.merged(load_file(path))
    return lexicon
