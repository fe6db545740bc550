"""Blocks: the text cut into stripped lines with their offsets, the unit the structure rules read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.schema import Span

TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")
WORD = re.compile(r"\w[\w'’.-]*")


@dataclass(frozen=True)
class Block:
    """One non-empty line of the text, stripped of surrounding white space."""

    text: str
    start: int
    end: int

    @property
    def words(self) -> int:
        """Number of words in the block."""
        return len(WORD.findall(self.text))

    @property
    def ends_sentence(self) -> bool:
        """The block ends like a sentence (full stop, question mark, closing quote ...)."""
        return bool(TERMINAL.search(self.text))

    def span(self) -> Span:
        """The block as a schema span."""
        return Span(text=self.text, start=self.start, end=self.end)


def split_blocks(text: str) -> list[Block]:
    """Every non-blank line, with offsets into ``text`` that survive stripping."""
    blocks = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        blocks.append(Block(stripped, start, start + len(stripped)))
    return blocks
