"""Label an article's blocks: boilerplate, headline, byline, standfirst, captions, dateline, body."""

from __future__ import annotations

import datetime as dt
import re
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


def structure_text(
    text: str, source: Source, published: str | None = None, title_given: bool = False
) -> Article:
    """Find the structure of plain article text; offsets index ``text`` unchanged."""
    article = Article(text=text, source=source, published=published)
    blocks = split_glued(split_blocks(text))
    roles: dict[int, Role] = {}

    for i, block in enumerate(blocks):
        if rules.is_navigation(block):
            roles[i] = Role.BOILERPLATE

    # Credits on their own line, then the caption line just above them.
    known_credits: list[str] = []
    credit_of: dict[int, Span] = {}
    for i, block in enumerate(blocks):
        if i in roles or not rules.is_credit_only(block) or i == 0:
            continue
        roles[i] = Role.CREDIT
        known_credits.append(_credit_name(block.text))
        prev = i - 1
        while prev >= 0 and roles.get(prev) is Role.BOILERPLATE:
            prev -= 1
        if prev >= 0 and prev not in roles and not blocks[prev].ends_sentence:
            roles[prev] = Role.CAPTION
            credit_of[prev] = block.span()

    headline_idx = next((i for i, b in enumerate(blocks) if i not in roles), None)
    if headline_idx is not None and (
        title_given or blocks[headline_idx].words <= rules.HEADLINE_MAX_WORDS
    ):
        roles[headline_idx] = Role.HEADLINE
        article.headline = blocks[headline_idx].span()

    # Captions with a credit glued on: "... Mevlut Cavusoglu Alexander Shcherbak/TASS".
    for i, block in enumerate(blocks):
        if i in roles:
            continue
        split = _credit_split(block, known_credits)
        if split is not None:
            idx, credit = split
            roles[i] = Role.CAPTION
            cstart = block.start + idx
            credit_of[i] = Span(text=text[cstart : block.end], start=cstart, end=block.end)

    for i, block in enumerate(blocks[: DATELINE_SEARCH_BLOCKS + 1]):
        if i not in roles and rules.is_byline(block):
            roles[i] = Role.BYLINE
            article.bylines.append(block.span())

    # The dateline opens the lead paragraph.
    pub = _published_date(published)
    lead_idx: int | None = None
    candidates = [i for i in range(len(blocks)) if i not in roles][:DATELINE_SEARCH_BLOCKS]
    for i in candidates:
        match = parse_dateline(blocks[i].text, blocks[i].start, pub)
        if match is not None:
            lead_idx = i
            article.dateline = Dateline(
                text=match.text,
                start=match.start,
                end=match.end,
                place=match.place,
                country=match.country,
                date=match.date,
                agency=match.agency,
            )
            break

    # Standfirst: the first free block between headline and lead (or a long unpunctuated one).
    start_search = (headline_idx + 1) if headline_idx is not None else 0
    for i in range(
        start_search, lead_idx if lead_idx is not None else min(len(blocks), start_search + 1)
    ):
        block = blocks[i]
        if i in roles:
            continue
        if block.words >= STANDFIRST_MIN_WORDS and (
            lead_idx is not None or not block.ends_sentence
        ):
            roles[i] = Role.STANDFIRST
            article.standfirst = block.span()
        break

    for i, role in roles.items():
        if role is Role.CAPTION:
            block = blocks[i]
            credit = credit_of.get(i)
            if credit is not None and credit.start > block.start:
                cap_end = block.start + len(text[block.start : credit.start].rstrip())
            else:
                cap_end = block.end
            article.captions.append(
                Caption(
                    text=text[block.start : cap_end],
                    start=block.start,
                    end=cap_end,
                    credit=_credit_name(credit.text) if credit else None,
                    credit_span=credit,
                )
            )
        elif role is Role.BOILERPLATE:
            article.boilerplate.append(blocks[i].span())
    article.captions.sort(key=lambda c: c.start)

    # Body: everything free from the lead on (or after the headline), with subheads between.
    body_from = lead_idx if lead_idx is not None else start_search
    free = [i for i in range(len(blocks)) if i not in roles]
    pre_body = [i for i in free if i < body_from]
    for i in pre_body:  # stray lines above the lead that are not prose are page furniture
        if blocks[i].ends_sentence and blocks[i].words >= STANDFIRST_MIN_WORDS:
            continue
        roles[i] = Role.BOILERPLATE
        article.boilerplate.append(blocks[i].span())
    body = [i for i in free if i not in roles]
    sections: list[Section] = [Section()]
    for n, i in enumerate(body):
        block = blocks[i]
        has_next = n + 1 < len(body)
        if i > body_from and has_next and rules.is_subhead(block):
            sections.append(Section(heading=block.span()))
            continue
        sections[-1].paragraphs.append(Offsets(start=block.start, end=block.end))
    article.sections = [s for s in sections if s.paragraphs or s.heading]
    article.boilerplate.sort(key=lambda s: s.start)
    return article
