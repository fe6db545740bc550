"""Label an article's blocks: boilerplate, headline, byline, standfirst, captions, dateline, body."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from dateline.schema import Caption, Dateline, Offsets, Section, Source, Span
from dateline.structure import rules
from dateline.structure.article import Article
from dateline.structure.blocks import Block, split_blocks
from dateline.structure.dateline import parse_dateline
from dateline.structure.glued import split_glued

DATELINE_SEARCH_BLOCKS = 12
"""The dateline opens one of the first blocks of the article; look no further than this."""
STANDFIRST_MIN_WORDS = 6


class Role(Enum):
    """What a block is."""

    BOILERPLATE = "boilerplate"
    HEADLINE = "headline"
    BYLINE = "byline"
    STANDFIRST = "standfirst"
    CAPTION = "caption"
    CREDIT = "credit"
    SUBHEAD = "subhead"
    PARAGRAPH = "paragraph"


def _published_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _credit_split(block: Block, known: list[str]) -> tuple[int, str] | None:
    """Where a glued credit starts in a caption line, preferring a credit seen on its own line."""
    match = rules.glued_credit(block)
    if match is None:
        return None
    tail = block.text[match.start("name") :]
    for name in known:
        if tail.endswith(name) or name in tail:
            idx = block.text.rfind(name)
            if idx > 0:
                return idx, block.text[idx:].strip()
    # No credit seen elsewhere: a photographer's name is usually two words.
    words = list(re.finditer(r"[A-Z][\w'’.-]+", match.group("name")))
    first = words[-2] if len(words) >= 2 else words[-1]
    idx = match.start("name") + first.start()
    if idx == 0:
        return None
    return idx, block.text[idx:].strip()


def _credit_name(text: str) -> str:
    """The credit with its © or "Photo:" lead-in removed."""
    return re.sub(r"^(?:©|\(c\)|Photo(?: by)?:?|Image:?)\s*", "", text.strip()).strip()


@dataclass
class Labelling:
    """One text's blocks and what the passes have found so far: each pass reads it and adds."""

    text: str
    blocks: list[Block]
    article: Article
    published: dt.date | None
    title_given: bool = False
    roles: dict[int, Role] = field(default_factory=dict)
    known_credits: list[str] = field(default_factory=list)
    credit_of: dict[int, Span] = field(default_factory=dict)
    headline_idx: int | None = None
    lead_idx: int | None = None

    def free(self) -> list[int]:
        """Indexes of the blocks no pass has labelled yet."""
        return [i for i in range(len(self.blocks)) if i not in self.roles]


def navigation(s: Labelling) -> None:
    """Site navigation and section labels are boilerplate."""
    for i, block in enumerate(s.blocks):
        if rules.is_navigation(block):
            s.roles[i] = Role.BOILERPLATE


def credits(s: Labelling) -> None:
    """Credits on their own line, then the caption line just above them."""
    for i, block in enumerate(s.blocks):
        if i in s.roles or not rules.is_credit_only(block) or i == 0:
            continue
        s.roles[i] = Role.CREDIT
        s.known_credits.append(_credit_name(block.text))
        prev = i - 1
        while prev >= 0 and s.roles.get(prev) is Role.BOILERPLATE:
            prev -= 1
        if prev >= 0 and prev not in s.roles and not s.blocks[prev].ends_sentence:
            s.roles[prev] = Role.CAPTION
            s.credit_of[prev] = block.span()


def headline(s: Labelling) -> None:
    """The first free block, when it is short enough (or the page gave a title)."""
    first = next(iter(s.free()), None)
    if first is not None and (s.title_given or s.blocks[first].words <= rules.HEADLINE_MAX_WORDS):
        s.roles[first] = Role.HEADLINE
        s.headline_idx = first
        s.article.headline = s.blocks[first].span()


def glued_credits(s: Labelling) -> None:
    """Captions with a credit glued on: "... Mevlut Cavusoglu Alexander Shcherbak/TASS"."""
    for i in s.free():
        split = _credit_split(s.blocks[i], s.known_credits)
        if split is not None:
            idx, _ = split
            s.roles[i] = Role.CAPTION
            block = s.blocks[i]
            cstart = block.start + idx
            s.credit_of[i] = Span(text=s.text[cstart : block.end], start=cstart, end=block.end)


def bylines(s: Labelling) -> None:
    """``By First Last`` among the top blocks."""
    for i, block in enumerate(s.blocks[: DATELINE_SEARCH_BLOCKS + 1]):
        if i not in s.roles and rules.is_byline(block):
            s.roles[i] = Role.BYLINE
            s.article.bylines.append(block.span())


def dateline(s: Labelling) -> None:
    """The dateline opens the lead paragraph: the first of the top free blocks that parses."""
    for i in s.free()[:DATELINE_SEARCH_BLOCKS]:
        match = parse_dateline(s.blocks[i].text, s.blocks[i].start, s.published)
        if match is not None:
            s.lead_idx = i
            s.article.dateline = Dateline(
                text=match.text,
                start=match.start,
                end=match.end,
                place=match.place,
                country=match.country,
                date=match.date,
                agency=match.agency,
            )
            return


def standfirst(s: Labelling) -> None:
    """The first free block between headline and lead (or a long unpunctuated one); bylines
    right under the headline ("Headline / By X / standfirst") are passed over."""
    start = _after_headline(s)
    while s.roles.get(start) is Role.BYLINE:
        start += 1
    stop = s.lead_idx if s.lead_idx is not None else min(len(s.blocks), start + 1)
    for i in range(start, stop):
        if i in s.roles:
            continue
        block = s.blocks[i]
        if block.words >= STANDFIRST_MIN_WORDS and (
            s.lead_idx is not None or not block.ends_sentence
        ):
            s.roles[i] = Role.STANDFIRST
            s.article.standfirst = block.span()
        return


def captions_and_boilerplate(s: Labelling) -> None:
    """Captions (cut before a glued credit) and boilerplate spans into the article."""
    for i, role in s.roles.items():
        if role is Role.CAPTION:
            s.article.captions.append(_caption(s, i))
        elif role is Role.BOILERPLATE:
            s.article.boilerplate.append(s.blocks[i].span())
    s.article.captions.sort(key=lambda c: c.start)


def body(s: Labelling) -> None:
    """Everything free from the lead on (or after the headline), with subheads cutting sections;
    stray lines above the lead that are not prose are page furniture."""
    body_from = s.lead_idx if s.lead_idx is not None else _after_headline(s)
    for i in [i for i in s.free() if i < body_from]:
        block = s.blocks[i]
        if block.ends_sentence and block.words >= STANDFIRST_MIN_WORDS:
            continue
        s.roles[i] = Role.BOILERPLATE
        s.article.boilerplate.append(block.span())
    paragraphs = s.free()
    sections: list[Section] = [Section()]
    for n, i in enumerate(paragraphs):
        block = s.blocks[i]
        if i > body_from and n + 1 < len(paragraphs) and rules.is_subhead(block):
            sections.append(Section(heading=block.span()))
            continue
        sections[-1].paragraphs.append(Offsets(start=block.start, end=block.end))
    s.article.sections = [x for x in sections if x.paragraphs or x.heading]
    s.article.boilerplate.sort(key=lambda x: x.start)


def _after_headline(s: Labelling) -> int:
    return s.headline_idx + 1 if s.headline_idx is not None else 0


def _caption(s: Labelling, i: int) -> Caption:
    block = s.blocks[i]
    credit = s.credit_of.get(i)
    if credit is not None and credit.start > block.start:
        end = block.start + len(s.text[block.start : credit.start].rstrip())
    else:
        end = block.end
    return Caption(
        text=s.text[block.start : end],
        start=block.start,
        end=end,
        credit=_credit_name(credit.text) if credit else None,
        credit_span=credit,
    )


Pass = Callable[[Labelling], None]

PASSES: tuple[Pass, ...] = (
    navigation,
    credits,
    headline,
    glued_credits,
    bylines,
    dateline,
    standfirst,
    captions_and_boilerplate,
    body,
)
"""The labelling passes, in order: each labels only blocks the ones before it left free."""


def structure_text(
    text: str, source: Source, published: str | None = None, title_given: bool = False
) -> Article:
    """Find the structure of plain article text; offsets index ``text`` unchanged."""
    article = Article(text=text, source=source, published=published)
    blocks = split_glued(split_blocks(text))
    state = Labelling(text, blocks, article, _published_date(published), title_given)
    for step in PASSES:
        step(state)
    return article
