"""The pipeline: wires the stages (ingest, structure, nlp, actors, quotes, events, checks)."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from dateline import nlp
from dateline.actors import extract_actors
from dateline.checks import run_checks
from dateline.errors import DatelineError, InputError, show_traceback
from dateline.events import Lexicon, extract_events
from dateline.ingest import RawDocument, from_text
from dateline.ingest.language import ANY_LANGUAGE_ENV, judge_language
from dateline.limits import NO_ESTIMATE_ENV, OVERRUN_MARGIN, ParseRate, article_budget, stage
from dateline.quotes import extract_quotes
from dateline.schema import Document, Entity, Flag, Quote
from dateline.structure import Article, structure

if TYPE_CHECKING:  # the PETRARCH coder loads only with dictionaries (start-up time)
    from dateline.petrarch import Dictionaries

CHUNK = 64
"""Inputs read, structured and parsed together; output starts after the first chunk."""


@dataclass
class Outcome:
    """One input's result: a document, or the one-line reason it failed."""

    label: str
    document: Document | None = None
    error: str | None = None
    refused: bool = False
    """The input itself was refused (an ``InputError``: no article, another language)."""


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
    docs = nlp.pipe((a.text for a in articles), model, starts=(a.block_starts() for a in articles))
    for article, doc in zip(articles, docs, strict=True):
        entities = extract_actors(article, doc)
        quotes, _ = extract_quotes(article, doc, entities)
        yield Prepared(article, doc, entities, quotes)


def assemble(
    article: Article,
    doc: Doc,
    lexicon: Lexicon | None = None,
    dictionaries: Dictionaries | None = None,
) -> Document:
    """Run the stages after the parse and build the output document (each named to
    ``limits.stage``, for the reason of an article that runs out of time)."""
    stage("actors")
    entities = extract_actors(article, doc)
    stage("quotes")
    quotes, quote_flags = extract_quotes(article, doc, entities)
    stage("events")
    if dictionaries is None:
        events = extract_events(article, doc, entities, quotes, lexicon)
    else:
        # PETRARCH/Phoenix dictionaries replace the built-in lexicon and code the actors too.
        from dateline.petrarch import code_entities, code_events

        for entity in entities:
            entity.code = code_entities(article, [entity], dictionaries).get(entity.id, entity.code)
        events = code_events(article, doc, entities, dictionaries)
    stage("checks")
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


def article_language(
    article: Article, label: str, model: str | None = None, any_language: bool = False
) -> str:
    """The article's language (``judge_language``: the pipeline's when the detector is unsure
    or the text too short); an ``InputError`` when it is surely another language than the one
    the spaCy pipeline reads, unless ``any_language``."""
    expected = nlp.load(model).lang or "en"
    language, confidence, other = judge_language(article.text, expected)
    if other and not any_language:
        raise InputError(
            f"{label}: language is {language} ({confidence:.2f}), the pipeline "
            f"{nlp.model_name(model)} reads {expected}; pass --model with a {language} pipeline, "
            "or --any-language"
        )
    return language


def within_max_length(article: Article, label: str, model: str | None = None) -> None:
    """An ``InputError`` when the article's text is longer than the spaCy pipeline takes
    (``nlp.max_length``: spaCy's own refusal would be a traceback, E088)."""
    limit = nlp.load(model).max_length
    if len(article.text) > limit:
        raise InputError(
            f"{label}: too long to analyse ({len(article.text):,} characters of text; "
            f"the spaCy pipeline takes at most {limit:,})"
        )


SCREEN_SHARE = 0.5
"""The parse estimated from characters (cheap) under this share of the budget: no tokenizing."""
SCREEN_CHARS_PER_TOKEN = 3.0
"""Fewer characters per token than prose has (about 5) or runs of quoted words (3.8): the screen
overestimates the tokens, so it never skips a text that would count."""


def within_budget(article: Article, label: str, model: str | None = None) -> None:
    """An ``InputError`` when the parse alone would take more than ``OVERRUN_MARGIN`` times the
    article's CPU budget (``limits.article_budget``), estimated from its tokens and the rate
    this process has measured (``ParseRate``); nothing when there is no budget."""
    budget = article_budget()
    if not budget or os.environ.get(NO_ESTIMATE_ENV) == "1":
        return
    rate = ParseRate.per_token()
    if len(article.text) / SCREEN_CHARS_PER_TOKEN * rate < budget * SCREEN_SHARE:
        return
    tokens = len(nlp.load(model).tokenizer(article.text))
    estimate = tokens * rate
    if estimate > budget * OVERRUN_MARGIN:
        raise InputError(
            f"{label}: too long for the time budget (parsing {tokens:,} tokens would take about "
            f"{estimate:.0f} s of CPU, the budget is {budget:g} s; raise --timeout to analyse it)"
        )


def decoding_flag(article: Article, replaced: int) -> Flag:
    """The ``decoding`` flag: how many invalid input bytes were replaced by U+FFFD, anchored on
    the first U+FFFD in the text (at 0 when structuring dropped it)."""
    start = max(article.text.find("\ufffd"), 0)
    plural = "s" if replaced != 1 else ""
    return Flag(
        kind="decoding",
        message=f"{replaced} invalid byte{plural} in the input replaced with U+FFFD",
        start=start,
        end=start + 1 if article.text[start : start + 1] == "\ufffd" else start,
    )


def analyze_raw(
    raws: Iterable[RawDocument | Outcome],
    published: str | None = None,
    model: str | None = None,
    lexicon: Lexicon | None = None,
    dictionaries: Dictionaries | None = None,
    *,
    any_language: bool | None = None,
) -> Iterator[Outcome]:
    """Analyse raw documents in order, a chunk at a time; a failed one yields its reason.

    An article surely in another language than the pipeline's is refused unless
    ``any_language`` (see ``article_language``).
    """
    if any_language is None:
        any_language = os.environ.get(ANY_LANGUAGE_ENV) == "1"
    stream = iter(raws)
    while chunk := list(islice(stream, CHUNK)):
        yield from _analyze_chunk(chunk, published, model, lexicon, dictionaries, any_language)


@dataclass
class _Pending:
    label: str
    article: Article | None = None
    error: str | None = None
    refused: bool = False
    language: str = "en"
    replaced: int = 0


def _analyze_chunk(
    raws: list[RawDocument | Outcome],
    published: str | None,
    model: str | None,
    lexicon: Lexicon | None,
    dictionaries: Dictionaries | None,
    any_language: bool | None = None,
) -> Iterator[Outcome]:
    pending: list[_Pending] = []
    for raw in raws:
        if isinstance(raw, Outcome):
            pending.append(_Pending(raw.label, error=raw.error, refused=raw.refused))
            continue
        label = raw.path or raw.url or "input"
        stage("structure")
        try:
            article = structure(raw, published)
        except DatelineError as exc:
            pending.append(_Pending(label, error=str(exc), refused=isinstance(exc, InputError)))
            continue
        stage("language check")
        checked = "language identification"
        try:
            within_max_length(article, label, model)
            language = article_language(article, label, model, bool(any_language))
            checked = "the estimate of its parse"
            within_budget(article, label, model)
        except InputError as exc:
            pending.append(_Pending(label, error=str(exc), refused=True))
            continue
        except DatelineError:
            raise  # the spaCy pipeline is missing: every article would fail alike
        except Exception as exc:  # one article's failure never stops a batch
            show_traceback(exc, label)  # with --debug
            reason = f"{label}: {checked} failed ({type(exc).__name__}: {exc})"
            pending.append(_Pending(label, error=reason))
            continue
        pending.append(_Pending(label, article, language=language, replaced=raw.replaced_bytes))
    articles = [p.article for p in pending if p.article is not None]
    docs = nlp.pipe((a.text for a in articles), model, starts=(a.block_starts() for a in articles))
    for item in pending:
        label, analysed = item.label, item.article
        if analysed is None:
            yield Outcome(label, error=item.error, refused=item.refused)
            continue
        stage("parse")
        started = time.process_time()
        doc = next(docs)
        ParseRate.observe(len(doc), time.process_time() - started)
        try:
            document = assemble(analysed, doc, lexicon, dictionaries)
            document.language = item.language
            if item.replaced:
                document.flags = sorted(
                    [*document.flags, decoding_flag(analysed, item.replaced)],
                    key=lambda f: (f.start, f.kind),
                )
            yield Outcome(label, document=document)
        except Exception as exc:  # one article's failure never stops a batch
            show_traceback(exc, label)  # with --debug
            yield Outcome(label, error=f"{label}: analysis failed ({type(exc).__name__}: {exc})")


def analyze(
    text_or_html: str,
    published: str | None = None,
    source: str | None = None,
    model: str | None = None,
    lexicon: Lexicon | None = None,
    dictionaries: Dictionaries | None = None,
    *,
    any_language: bool = False,
) -> Document:
    """Analyse one article given as text or HTML; raise ``DatelineError`` when it cannot be
    (an ``InputError`` for an article in another language than the pipeline's, unless
    ``any_language``)."""
    raw = from_text(text_or_html, path=source)
    outcome = next(
        analyze_raw([raw], published, model, lexicon, dictionaries, any_language=any_language)
    )
    if outcome.document is None:
        error = InputError if outcome.refused else DatelineError
        raise error(outcome.error or "analysis failed")
    return outcome.document
