"""The ``Article``: text plus its editorial structure, the value the structure stage hands on."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from dateline.marks import QuoteSpan, Stray, find_quotes
from dateline.schema import Caption, Dateline, Offsets, Section, Source, Span


@dataclass
class Article:
    """An article's analysed text and the parts found in it; all offsets index ``text``."""

    text: str
    source: Source
    published: str | None = None
    headline: Span | None = None
    standfirst: Span | None = None
    dateline: Dateline | None = None
    bylines: list[Span] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def body_paragraphs(self) -> list[tuple[int, int]]:
        """Offsets of the body paragraphs in reading order."""
        return [(p.start, p.end) for s in self.sections for p in s.paragraphs]

    def block_starts(self) -> list[int]:
        """Where each block of the page starts (headline, standfirst, bylines, captions, subheads,
        paragraphs): a sentence starts there whether or not the text has a line break."""
        spans: list[Span | Caption | Offsets] = [*self.bylines, *self.captions]
        spans += [s for s in (self.headline, self.standfirst) if s is not None]
        for section in self.sections:
            spans += [section.heading] if section.heading is not None else []
            spans += section.paragraphs
        return sorted({s.start for s in spans})

    def excluded_spans(self) -> list[tuple[int, int]]:
        """Offsets that are not article prose: boilerplate and caption credits."""
        spans = [(b.start, b.end) for b in self.boilerplate]
        spans += [(c.credit_span.start, c.credit_span.end) for c in self.captions if c.credit_span]
        return spans

    def quote_paragraphs(self) -> tuple[list[tuple[int, int]], list[int]]:
        """The spans whose quotation marks pair among themselves (headline, standfirst, body
        paragraphs, each body paragraph from after the dateline) and the section each belongs
        to (-2 headline, -1 standfirst): what ``marks.find_quotes`` reads."""
        spans: list[tuple[int, int]] = []
        section_of: list[int] = []
        for n, part in enumerate((self.headline, self.standfirst)):
            if part is not None:
                spans.append((part.start, part.end))
                section_of.append(-2 + n)
        dl = self.dateline
        for s, section in enumerate(self.sections):
            for p in section.paragraphs:
                start = p.start
                if dl is not None and p.start <= dl.start < p.end:
                    start = max(start, dl.end)  # the dateline is no part of what anyone said
                    while start < p.end and self.text[start].isspace():
                        start += 1
                spans.append((start, p.end))
                section_of.append(s)
        return spans, section_of

    @cached_property
    def quotations(self) -> tuple[list[QuoteSpan], list[Stray]]:
        """The quotation marks of ``quote_paragraphs`` paired (``marks.find_quotes``), once for
        the stages that read them (actors keep pronouns out of them, quotes attribute them)."""
        return find_quotes(self.text, *self.quote_paragraphs())
