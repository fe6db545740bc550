"""Language identification: which language an article is written in, offline.

The detector is py3langid (the maintained fork of langid.py, its naive Bayes model bundled in the
package, about 4.5 MB): nothing is downloaded. It is imported and its model loaded on the first
call only, so that starting the command line does not pay for it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

ANY_LANGUAGE_ENV = "DATELINE_ANY_LANGUAGE"
"""Set to 1 (``--any-language``), articles in any language are analysed, not refused."""

MIN_LETTERS = 40
"""Texts with fewer letters than this are not judged (a headline, a caption, a test string): the
detector is unreliable on a few words, so they are taken to be in the pipeline's language."""

MIN_CONFIDENCE = 0.9
"""A detection counts at or above this probability (the model's normalised score, which grows
with the length of the text), or when the expected language is ruled out
(``MAX_EXPECTED_PROBABILITY``). Otherwise the text is taken to be in the pipeline's language: an
English article full of foreign names must never be refused. (On 20,000 English paragraphs of
40 letters or more from the BBC and PolNeAR corpora, no other language scored above 0.81.)"""

MAX_EXPECTED_PROBABILITY = 1e-6
"""The expected (pipeline's) language is ruled out when the detector gives it at most this
probability, however the rest is shared out (Arabic and Moroccan Arabic, Chinese and Wu): a
Russian, Arabic or Chinese paragraph gives English about 1e-17 or less, while the least English-
looking English paragraph in those corpora (a list of Arab names) still gets 0.007."""

SAMPLE_CHARS = 20_000
"""Only the first this many characters are read: the detector walks the text in Python, and a
few paragraphs decide the language as well as a whole book does."""

NOT_LANGUAGES = frozenset({"zxx", "und"})
"""Detector labels that name no language (``zxx``: no linguistic content, such as markup or
numbers): such a text is not judged."""

_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid identifier with probabilities normalised, loaded once (about a second)."""
    from py3langid.langid import (  # type: ignore[import-untyped]  # no stubs
        MODEL_FILE,
        LanguageIdentifier,
    )

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def letter_count(text: str, limit: int = MIN_LETTERS) -> int:
    """How many letters ``text`` has, counting no further than ``limit``."""
    count = 0
    for _ in _LETTER.finditer(text):
        count += 1
        if count >= limit:
            break
    return count


def detect_language(text: str) -> tuple[str, float]:
    """The language of ``text`` as an ISO 639-1 code and the detector's confidence (0 to 1).

    A text of fewer than ``MIN_LETTERS`` letters, or one the detector finds no language in
    (``NOT_LANGUAGES``), is not judged: ``("", 0.0)``.
    """
    sample = text[:SAMPLE_CHARS]
    if letter_count(sample) < MIN_LETTERS:
        return "", 0.0
    language, confidence = _identifier().classify(sample)
    if language in NOT_LANGUAGES:
        return "", 0.0
    return str(language), float(confidence)


class Judgement(NamedTuple):
    """What ``judge_language`` decided: the language to record, the detector's confidence in
    it (0.0 when the text was not judged), and whether it is surely not the expected one."""

    language: str
    confidence: float
    other: bool = False


def judge_language(text: str, expected: str) -> Judgement:
    """Is ``text`` in the ``expected`` language (the spaCy pipeline's)?

    Another language is found when the detector is sure of it (``MIN_CONFIDENCE``) or when it
    rules ``expected`` out (``MAX_EXPECTED_PROBABILITY``); otherwise, and for a text too short
    to judge (``MIN_LETTERS``), the text is taken to be in ``expected``. A pipeline language the
    detector does not know (spaCy's multi-language ``xx``) is never ruled out: a sure detection
    is recorded, nothing is refused.
    """
    sample = text[:SAMPLE_CHARS]
    if letter_count(sample) < MIN_LETTERS:
        return Judgement(expected, 0.0)
    ranked = [(str(lang), float(p)) for lang, p in _identifier().rank(sample)]
    probabilities = dict(ranked)
    language, confidence = ranked[0]
    if language in NOT_LANGUAGES or language == expected:
        return Judgement(expected, probabilities.get(expected, 0.0))
    sure = confidence >= MIN_CONFIDENCE
    if expected not in probabilities:
        return Judgement(language, confidence) if sure else Judgement(expected, 0.0)
    if sure or probabilities[expected] <= MAX_EXPECTED_PROBABILITY:
        return Judgement(language, confidence, other=True)
    return Judgement(expected, probabilities[expected])
