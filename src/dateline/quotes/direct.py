"""Direct quotes: the cue next to each quotation and its subject as the speaker."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.quotes.cue_lexicon import cues
from dateline.quotes.marks import QuoteSpan
from dateline.quotes.speaker import MentionIndex, speaker_for, subject_of
from dateline.schema import Span, SpeakerRef

AFTER_WINDOW = 10
"""A cue after a quote is within this many tokens of it (``"...," the minister went on to say``)."""
BEFORE_WINDOW = 14
"""A cue before a quote is within this many tokens of it (``Lavrov told reporters: "..."``)."""
SENTENCE_END = {".", "!", "?"}


@dataclass
class Attribution:
    """The cue and speaker found for a quotation."""

    cue: Span | None
    speaker: SpeakerRef | None
    confidence: float
    cue_token: int | None = None


def inside(pos: int, quotes: list[QuoteSpan]) -> bool:
    """Whether a character lies inside any quotation."""
    return any(q.start <= pos < q.end for q in quotes)


def is_cue(token: Token) -> bool:
    """A reporting verb (``said``, ``noted``, ``went on to say``) or ``according``."""
    lemma = token.lemma_.lower()
    if token.lower_ == "according":
        return True
    return token.pos_ in ("VERB", "AUX") and lemma in cues().verbs


def _cue_candidates(doc: Doc, quote: QuoteSpan, quotes: list[QuoteSpan], limit: tuple[int, int]):
    """Cue tokens after the quote (to the sentence end) and before it (back to a sentence end)."""
    after: list[Token] = []
    first = next((t for t in doc if t.idx >= quote.end), None)
    if first is not None:
        for tok in doc[first.i : first.i + AFTER_WINDOW]:
            if tok.idx >= limit[1] or inside(tok.idx, quotes):
                break
            after.append(tok)
            if tok.text in SENTENCE_END:
                break
    before: list[Token] = []
    last = next((t for t in reversed(doc) if t.idx + len(t.text) <= quote.start), None)
    if last is not None:
        i = last.i
        while i >= 0 and last.i - i < BEFORE_WINDOW:
            tok = doc[i]
            if tok.idx < limit[0] or inside(tok.idx, quotes) or tok.text in SENTENCE_END:
                break
            before.insert(0, tok)
            i -= 1
    return after, before


def attribute(
    doc: Doc,
    quote: QuoteSpan,
    quotes: list[QuoteSpan],
    paragraph: tuple[int, int],
    index: MentionIndex,
) -> Attribution:
    """Find the cue of one direct quote in its paragraph and resolve its speaker."""
    after, before = _cue_candidates(doc, quote, quotes, paragraph)
    for region in (after, list(reversed(before))):
        for tok in region:
            if not is_cue(tok):
                continue
            who = _according_to(tok) if tok.lower_ == "according" else subject_of(tok)
            cue = Span(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text))
            if who is None:
                return Attribution(cue, None, 0.3, tok.i)
            speaker, sure = speaker_for(doc, who, index)
            return Attribution(cue, speaker, 0.5 + 0.4 * sure if speaker else 0.3, tok.i)
    return Attribution(None, None, 0.0)


def _according_to(token: Token) -> Token | None:
    """``according to X``: X."""
    for prep in token.children:
        if prep.lower_ == "to":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return None
