"""The pipeline: wires the stages (ingest, structure, nlp, actors, quotes, events, checks)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Doc

from dateline import nlp
from dateline.actors import extract_actors
from dateline.checks import run_checks
from dateline.errors import DatelineError
from dateline.events import Lexicon, extract_events
from dateline.ingest import RawDocument, from_text
from dateline.petrarch import Dictionaries, code_entities, code_events
from dateline.quotes import extract_quotes
from dateline.schema import Document, Entity, Quote
from dateline.structure import Article, structure

CHUNK = 64
"""Inputs read, structured and parsed together; output starts after the first chunk."""


@dataclass
class Outcome:
    """One input's result: a document, or the one-line reason it failed."""

    label: str
    document: Document | None = None
    error: str | None = None


def document_id(text: str) -> str:
    """A stable id from a hash of the analysed text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Prepared:
    """An article analysed up to the events stage (what an event coder or its trainer reads)."""

    article: Article
    doc: Doc
    entities: list[Entity]
    quotes: list[Quote]


def prepare(texts: Iterable[str], model: str | None = None) -> Iterator[Prepared]:
    """Structure, parse, actors and quotes of texts given in memory, in order."""
    articles = [structure(from_text(text)) for text in texts]
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), model), strict=True):
        entities = extract_actors(article, doc)
        quotes, _ = extract_quotes(article, doc, entities)
        yield Prepared(article, doc, entities, quotes)


def assemble(
    article: Article,
    doc: Doc,
    lexicon: Lexicon | None = None,
    dictionaries: Dictionaries | None = None,
) -> Document:
    """Run the stages after the parse and build the output document."""
    entities = extract_actors(article, doc)
    quotes, quote_flags = extract_quotes(article, doc, entities)
    if dictionaries is None:
        events = extract_events(article, doc, entities, quotes, lexicon)
    else:
        # PETRARCH/Phoenix dictionaries replace the built-in lexicon and code the actors too.
        for entity in entities:
            entity.code = code_entities(article, [entity], dictionaries).get(entity.id, entity.code)
        events = code_events(article, doc, entities, dictionaries)
    flags = sorted(
        run_checks(article, doc, entities) + quote_flags, key=lambda f: (f.start, f.kind)
    )
    return Document(
        id=document_id(article.text),
        source=article.source,
        text=article.text,
        headline=article.headline,
        standfirst=article.standfirst,
        dateline=article.dateline,
        bylines=article.bylines,
        captions=article.captions,
        sections=article.sections,
        boilerplate=article.boilerplate,
        entities=entities,
        quotes=quotes,
        events=events,
        flags=flags,
    )


def analyze_raw(
    raws: Iterable[RawDocument | Outcome],
    published: str | None = None,
    model: str | None = None,
    lexicon: Lexicon | None = None,
    dictionaries: Dictionaries | None = None,
) -> Iterator[Outcome]:
    """Analyse raw documents in order, a chunk at a time; a failed one yields its reason."""
    stream = iter(raws)
    while chunk := list(islice(stream, CHUNK)):
        yield from _analyze_chunk(chunk, published, model, lexicon, dictionaries)


def _analyze_chunk(
    raws: list[RawDocument | Outcome],
    published: str | None,
    model: str | None,
    lexicon: Lexicon | None,
    dictionaries: Dictionaries | None,
) -> Iterator[Outcome]:
    pending: list[tuple[str, Article | None, str | None]] = []
    for raw in raws:
        if isinstance(raw, Outcome):
            pending.append((raw.label, None, raw.error))
            continue
        label = raw.path or raw.url or "input"
        try:
            pending.append((label, structure(raw, published), None))
        except DatelineError as exc:
            pending.append((label, None, str(exc)))
    articles = [a for _, a, _ in pending if a is not None]
    docs = nlp.pipe((a.text for a in articles), model)
    for label, article, error in pending:
        if article is None:
            yield Outcome(label, error=error)
            continue
        doc = next(docs)
        try:
            yield Outcome(label, document=assemble(article, doc, lexicon, dictionaries))
        except Exception as exc:  # one article's failure never stops a batch
            yield Outcome(label, error=f"{label}: analysis failed ({type(exc).__name__}: {exc})")


def analyze(
    text_or_html: str,
    published: str | None = None,
    source: str | None = None,
    model: str | None = None,
    lexicon: Lexicon | None = None,
    dictionaries: Dictionaries | None = None,
) -> Document:
    """Analyse one article given as text or HTML; raise ``DatelineError`` when it cannot be."""
    raw = from_text(text_or_html, path=source)
    outcome = next(analyze_raw([raw], published, model, lexicon, dictionaries))
    if outcome.document is None:
        raise DatelineError(outcome.error or "analysis failed")
    return outcome.document
