"""Named heuristics that label blocks: navigation, bylines, captions, credits, subheads."""

from __future__ import annotations

import re

from dateline.structure.blocks import Block

NAVIGATION = re.compile(
    r"^(all news|latest news|news feed|home|menu|search|share( this)?( article)?|tweet|email|print|"
    r"read more|read also|see also|related( articles| news| stories)?|more on this topic|"
    r"advertisement|sponsored( content)?|subscribe( now)?|sign in|log ?in|comments?|"
    r"follow us( on \w+)?|back to top|top stories|most read|trending|skip to (main )?content|"
    r"abstract|full text|letters?|correction appended|photo|video|image|"
    r"(facebook|twitter|whatsapp|telegram|linkedin|reddit)( ?[|/·•] ?\w+)*)\.?$",
    re.IGNORECASE,
)
"""Site navigation and section labels that are never article prose."""

CREDIT = re.compile(
    r"(?P<credit>(?:©|\(c\)|Photo(?: by)?:?|Image:?)?\s*"
    r"(?P<name>(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’.-]+)\s*/\s*(?P<agency>[A-Z][\w&.-]{1,30}))\s*$"
)
"""A photo credit ``[©] First Last/AGENCY`` at the end of a line."""

CREDIT_ONLY = re.compile(
    r"^(?:©|\(c\)|Photo(?: by)?:?|Image:?)\s*[\w'’. -]+(?:/[\w&. -]+)?$|"
    r"^(?:©|\(c\))?\s*(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’.-]+\s*/\s*[A-Z][\w&.-]{1,30}$|"
    r"^(?:Getty|AP|Reuters|AFP|EPA)(?: Images)?(?:/[\w ]+)?\.?$",
)
"""A line that is nothing but a photo credit."""

BYLINE = re.compile(
    r"^(?:By|BY|Written by|Reporting by)\s+(?P<names>[A-Z][\w'’. -]+(?:,? and [A-Z][\w'’. -]+)?)"
)
"""A byline: ``By First Last``."""

SUBHEAD_MAX_WORDS = 10
HEADLINE_MAX_WORDS = 40


def is_navigation(block: Block) -> bool:
    """Short navigation or section-label lines such as "All news"."""
    return block.words <= 6 and bool(NAVIGATION.match(block.text))


def is_credit_only(block: Block) -> bool:
    """A line holding only a photo credit (``© Alexander Shcherbak/TASS``)."""
    return block.words <= 8 and bool(CREDIT_ONLY.match(block.text))


def glued_credit(block: Block) -> re.Match[str] | None:
    """A credit stuck to the end of a caption line, without punctuation between them."""
    if block.ends_sentence and not block.text.rstrip().endswith("/"):
        tail = block.text.rstrip()
        if not re.search(r"/\s*[A-Z][\w&.-]+$", tail):
            return None
    match = CREDIT.search(block.text)
    if match is None or match.start("credit") == 0:
        return None
    return match


def is_byline(block: Block) -> bool:
    """``By First Last`` lines near the top."""
    return block.words <= 12 and bool(BYLINE.match(block.text))


def is_subhead(block: Block) -> bool:
    """A short line without closing punctuation between body paragraphs."""
    text = block.text
    return (
        1 <= block.words <= SUBHEAD_MAX_WORDS
        and not block.ends_sentence
        and text[:1].isupper()
        and not any(mark in text for mark in '"“”«»')
        and not text.endswith(",")
    )
