"""A headline glued to the body with no separator, as CSV datasets hand articles out.

``Labour seeks to quell feud talk Labour's leadership put on a show of unity ...``: the first line
is a whole flattened article whose opening words are the headline. The body starts at a
capitalised word; the candidates are scored by named signals and the best one is taken when it
reaches ``GLUED_MIN_SCORE``. One signal alone (a lower-case word before a capital) is what any
sentence with a name in it looks like, so at least two are needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.structure.blocks import Block

GLUED_MIN_BLOCK_WORDS = 60
"""Only a first line this long can be a flattened article (a headline line is far shorter)."""
GLUED_HEADLINE_WORDS = (2, 12)
"""Headline lengths tried, in words."""
GLUED_TYPICAL_WORDS = 5
GLUED_LENGTH_PENALTY = 0.2
"""Score lost per word of distance from the typical headline length (one word either way is
typical too)."""
GLUED_MIN_SCORE = 2.0
REPEAT_WINDOW = 6
"""Words of the body's opening searched for a name the headline used (``Boateng ... Paul
Boateng``): a lead re-introduces the headline's subject in full."""

CLOSING_MARKS = "'’\"”"
SENTENCE_MARKS = "?!"
OPENING_MARKS = "'‘\"“"
HEADLINE_NEVER_ENDS_WITH = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "but",
        "as",
        "than",
        "that",
        "his",
        "her",
        "its",
        "their",
    ]
)
"""A headline does not end in a function word: ``said on | Tuesday`` is one sentence."""
SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "there",
        "it",
        "its",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "as",
        "some",
        "many",
        "most",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "more",
        "new",
        "former",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
    ]
)
"""Capitalised words that open a sentence rather than continue a name."""
SIGNAL_WEIGHTS = {
    "question or exclamation": 2.5,
    "closing mark": 2.0,
    "common word capitalised": 1.0,
    "lower-case before": 1.0,
    "sentence opener": 1.0,
    "headline name repeated": 1.5,
    "inverted cue": 1.5,
    "quoted utterance opens": 2.0,
}
INVERTED_CUES = frozenset(
    ["says", "say", "warns", "claims", "admits", "insists", "urges", "tells", "vows", "denies"]
)
"""Verbs of the headline form ``Claim, says minister``: the speaker's one to three words after
the cue end the headline."""
INVERTED_SPEAKER_WORDS = 3
WORD = re.compile(r"\S+")
LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")


@dataclass(frozen=True)
class Cut:
    """Where the headline ends and the body starts, within the block's text."""

    headline_end: int
    body_start: int
    score: float


def _core(word: str) -> str:
    """A word without surrounding marks and possessive, lower-cased."""
    word = word.strip("'‘’\"“”.,:;?!()-–—")
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return word.lower()


def _starts_capitalised(word: str) -> bool:
    stripped = word.lstrip(OPENING_MARKS)
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _signals(words: list[str], k: int, lower: set[str]) -> list[str]:
    """The named signals that the body starts at word ``k`` (``lower``: the words the block
    writes in lower case, so a capitalised one among them opens a sentence, not a name)."""
    before, first = words[k - 1], words[k]
    found = []
    if before[-1] in SENTENCE_MARKS:
        found.append("question or exclamation")
    elif before[-1] in CLOSING_MARKS:
        found.append("closing mark")
    elif before[0].islower():
        found.append("lower-case before")
    if _core(first) in SENTENCE_OPENERS:
        found.append("sentence opener")
    elif _core(first) in lower:
        found.append("common word capitalised")
    if _after_inverted_cue(words, k):
        found.append("inverted cue")
    if _opens_utterance(words, k):
        found.append("quoted utterance opens")
    headline = {_core(w) for w in words[:k] if w[:1].isupper() and len(_core(w)) > 2}
    if any(_core(w) in headline for w in words[k : k + REPEAT_WINDOW]):
        found.append("headline name repeated")
    return found


UTTERANCE_MIN_WORDS = 3
"""Words of a quotation that open the body as a quoted utterance, not a quoted name or title."""
LEADS_INTO_A_QUOTE = frozenset(["said", "says", "say", "told", "tells", "added", "asked", "warned"])
"""Words after which a quotation goes on the same sentence (``Mr Lee said "We ...``)."""


def _opens_utterance(words: list[str], k: int) -> bool:
    """Word ``k`` opens a quotation of a few words that ends inside its marks on a comma or a
    sentence end (``Howard's unfinished business "He's not finished yet," whispered ...``): a
    quoted utterance opening the body, not a name (``called "Britain Forward"``), and not after a
    word that leads into it (``said "We``, ``told reporters: "We``)."""
    before = words[k - 1]
    if (
        not words[k].startswith(('"', "“"))
        or before[-1] in ",:"
        or _core(before) in LEADS_INTO_A_QUOTE
    ):
        return False
    for end in range(k, min(len(words), k + 12)):
        if words[end].rstrip(".,;:")[-1:] in ('"', "”") or words[end][-1:] in ('"', "”"):
            inner = words[end].rstrip('"”')
            return end - k + 1 >= UTTERANCE_MIN_WORDS and inner[-1:] in ",.?!"
    return False


def _after_inverted_cue(words: list[str], k: int) -> bool:
    """Words ``k - j .. k - 1`` (one to three) follow ``, says``: the headline form
    ``CSA 'could close', says minister``."""
    for j in range(1, INVERTED_SPEAKER_WORDS + 1):
        cue = k - j - 1
        if cue < 1:
            return False
        if _core(words[cue]) in INVERTED_CUES and words[cue - 1].rstrip(CLOSING_MARKS).endswith(
            ","
        ):
            return True
    return False


def glued_headline(block: Block) -> Cut | None:
    """The best headline cut of a flattened first line, or None when none is convincing."""
    if block.words < GLUED_MIN_BLOCK_WORDS:
        return None
    matches = list(WORD.finditer(block.text[:400]))
    words = [m.group() for m in matches]
    lower = {w for w in LOWER_WORD.findall(block.text) if w[0].islower()}
    best: Cut | None = None
    low, high = GLUED_HEADLINE_WORDS
    for k in range(low, min(high, len(words) - 1) + 1):
        before = words[k - 1]
        if before.endswith("."):
            break  # a sentence ended: the body started before here, or the text opens with prose
        if not _starts_capitalised(words[k]) or _core(before) in HEADLINE_NEVER_ENDS_WITH:
            continue
        score = sum(SIGNAL_WEIGHTS[s] for s in _signals(words, k, lower))
        score -= GLUED_LENGTH_PENALTY * max(0, abs(k - GLUED_TYPICAL_WORDS) - 1)
        if score >= GLUED_MIN_SCORE and (best is None or score > best.score):
            best = Cut(matches[k - 1].end(), matches[k].start(), score)
    return best


def split_glued(blocks: list[Block]) -> list[Block]:
    """The blocks with a glued headline cut off the first one."""
    if not blocks:
        return blocks
    cut = glued_headline(blocks[0])
    if cut is None:
        return blocks
    first = blocks[0]
    headline = Block(first.text[: cut.headline_end], first.start, first.start + cut.headline_end)
    body = Block(first.text[cut.body_start :], first.start + cut.body_start, first.end)
    return [headline, body, *blocks[1:]]
