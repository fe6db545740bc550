"""The ``dateline/1`` output schema as pydantic models: the JSON output and the API come from here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "dateline/1"


class Model(BaseModel):
    """Base model: strict about unknown fields so the schema stays the contract."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A stretch of the analysed text: ``text[start:end] == span.text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Offsets(Model):
    """A stretch of the analysed text given by offsets only (paragraphs)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Source(Model):
    """Where the analysed text came from."""

    path: str | None = None
    url: str | None = None
    media_type: str = "text/plain"
    sha256: str
    encoding: str | None = None
    published: str | None = None
    title: str | None = None
    sitename: str | None = None
    author: str | None = None
    """The author a page's metadata names (HTML, through trafilatura), as given there."""
    language: str | None = None
    """The language a page declares (``<html lang="en-GB">``); ``Document.language`` is the
    language detected in the text."""


class Dateline(Span):
    """The wire dateline opening the body: place, country, date and agency."""

    place: str | None = None
    country: str | None = None
    date: str | None = None
    agency: str | None = None


class Caption(Span):
    """A photo caption and its credit."""

    credit: str | None = None
    credit_span: Span | None = None


class Section(Model):
    """A run of paragraphs under one subhead (the first section may have none)."""

    heading: Span | None = None
    paragraphs: list[Offsets] = Field(default_factory=list)


class Mention(Span):
    """One place where an entity is named, described or referred to."""

    kind: Literal["name", "title", "descriptor", "pronoun", "possessive"] = "name"


EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"]


class Entity(Model):
    """An actor or place: every mention of it in this article, with country, role and code."""

    id: str
    name: str
    type: EntityType
    country: str | None = None
    role: str | None = None
    code: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class SpeakerRef(Model):
    """Who said a quote: the entity and the mention that names them at the cue."""

    entity: str | None = None
    name: str | None = None
    mention: Span | None = None


class Quote(Span):
    """A direct, indirect or mixed quotation with its cue and speaker."""

    id: str
    kind: Literal["direct", "indirect", "mixed"]
    cue: Span | None = None
    speaker: SpeakerRef | None = None
    confidence: float = Field(ge=0.0, le=1.0, default=0.0)
    """The measured chance that this is a quote and its speaker is right: the stage's raw score
    mapped through the shipped isotonic calibration (``dateline/data/confidence.json``), fitted on
    PolNeAR dev, where a quote is right when it overlaps a sourced gold attribution's content and
    its speaker is that source. A rate over quotes scored alike there, not a guarantee for one."""
    fragment: bool = False
    """A quoted phrase inside the writer's own sentence (part of a mixed quote), not a whole quote."""
    negated: bool = False
    """The cue is negated: "He did not say that X" reports that X was *not* said (or believed)."""
    hedged: bool = False
    """The cue reports a belief or guess ("thinks", "suggested") or is itself uncertain ("may have
    said"): the content is not asserted as the speaker's firm claim."""


class ActorRef(Model):
    """One side of an event."""

    entity: str | None = None
    code: str | None = None
    name: str | None = None
    span: Span | None = None
    """Where the event's sentence names this side (the noun phrase's head and its modifiers)."""


class Location(Model):
    """Where an event happened."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Event(Model):
    """Who did what to whom: a PLOVER type with its CAMEO code and evidence."""

    id: str
    type: str
    cameo: str
    source: ActorRef | None = None
    target: ActorRef | None = None
    date: str | None = None
    location: Location | None = None
    evidence: Span
    negated: bool = False
    mode: str | None = None
    """None: reported as happened; "intent": planned, promised or agreed (CAMEO 03x)."""
    quote: str | None = None
    """The id of the quotation the event is told in, if any."""
    symmetric: bool = False
    """Both sides act alike (``Russia and Turkey exchanged information``): read it both ways."""
    trigger: Span | None = None
    """The predicate word that the event was coded from."""
    confidence: float = Field(ge=0.0, le=1.0, default=0.0)
    """The measured chance that the event's type is right: the coder's raw score mapped through
    the shipped isotonic calibration (``dateline/data/confidence.json``), fitted with 5-fold
    cross-validation on PLV train, where an event is right when its type is among its sentence's
    gold types. Says nothing of the sides, date or place; the PETRARCH coder's events (with
    dictionaries) keep its uncalibrated 0.6 / 0.5."""


class Flag(Model):
    """An editorial finding about the text itself (broken quotation mark, misspelled name)."""

    kind: str
    message: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    suggestion: str | None = None


class Document(Model):
    """One analysed article."""

    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    id: str
    source: Source
    text: str
    language: str = "en"
    headline: Span | None = None
    standfirst: Span | None = None
    dateline: Dateline | None = None
    bylines: list[Span] = Field(default_factory=list)
    captions: list[Caption] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    boilerplate: list[Span] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self, indent: int | None = 2) -> str:
        """Serialise with the ``schema`` key as the JSON contract names it."""
        return self.model_dump_json(by_alias=True, indent=indent)

    def spans(self) -> Iterator[Span]:
        """Every span in the document (headline, dateline, captions, mentions, quotes, ...)."""
        for span in (self.headline, self.standfirst, self.dateline):
            if span is not None:
                yield span
        yield from self.bylines
        yield from self.boilerplate
        for caption in self.captions:
            yield caption
            if caption.credit_span is not None:
                yield caption.credit_span
        for section in self.sections:
            if section.heading is not None:
                yield section.heading
        for entity in self.entities:
            yield from entity.mentions
        for quote in self.quotes:
            yield quote
            if quote.cue is not None:
                yield quote.cue
            if quote.speaker is not None and quote.speaker.mention is not None:
                yield quote.speaker.mention
        for event in self.events:
            yield event.evidence
            if event.trigger is not None:
                yield event.trigger
            for side in (event.source, event.target):
                if side is not None and side.span is not None:
                    yield side.span

    def offset_errors(self) -> list[str]:
        """Spans whose text is not ``text[start:end]`` (empty when the document is sound)."""
        return [
            f"{span.start}:{span.end} {span.text!r} != {self.text[span.start : span.end]!r}"
            for span in self.spans()
            if self.text[span.start : span.end] != span.text
        ]
