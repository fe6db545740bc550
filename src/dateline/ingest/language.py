"""Language identification: which language an article is written in, offline.

The detector is py3langid (the maintained fork of langid.py, its naive Bayes model bundled in the
package, about 4.5 MB): nothing is downloaded. It is imported and its model loaded on the first
call only, so that starting the command line does not pay for it; and an article for an English
pipeline that plainly reads as English (``looks_english``) never calls it at all (its model
costs about 0.8 CPU s to load, and 4 ms an article).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
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
_WORD = re.compile(r"[^\W\d_]+")

ENGLISH_SHARE = 0.12
"""``looks_english``: at least this share of the words are English function words
(``data/english_words.json``, ``english``: none of them a common word of another Latin-script
language). English news runs at about 0.20 (median over the PolNeAR train, BBC politics-train and
seed texts, 962 articles: 10 under 0.12, the lowest 0.056; those are still given to the
detector); any text without English scores 0."""
OTHER_SHARE = 0.025
"""``looks_english``: at most this share of the words are function words of other Latin-script
languages (``data/english_words.json``, ``other``). The same 962 English articles: median 0, the
highest 0.017 (an article on Marine Le Pen); a French, Spanish, Italian or Dutch paragraph 0.10
to 0.30, half of one mixed with English 0.05 or more (the detector calls such a mixture French
or German, but a text a quarter of it French, German or Spanish English)."""
ASCII_SHARE = 0.98
"""``looks_english``: at least this share of the letters are ASCII. The same 962 English
articles: the lowest 0.991. Guards against other scripts: the detector calls an English text a
third of it Russian Russian; one a twentieth of it Russian, Arabic or Chinese (ASCII share
about 0.96), still English."""
ENGLISH_MIN_WORDS = 20
"""``looks_english`` judges a text of at least this many words (fewer: the detector decides)."""


class FunctionWords(NamedTuple):
    """The two lists of ``data/english_words.json``."""

    english: frozenset[str]
    other: frozenset[str]


@lru_cache(maxsize=1)
def function_words() -> FunctionWords:
    """English function words, and those of other Latin-script languages."""
    data = json.loads(
        resources.files("dateline").joinpath("data/english_words.json").read_text("utf-8")
    )
    return FunctionWords(frozenset(data["english"]), frozenset(data["other"]))


class Signals(NamedTuple):
    """What ``language_signals`` counted in a text."""

    words: int
    english: float
    """Share of the words that are English function words."""
    other: float
    """Share of the words that are other languages' function words."""
    ascii: float
    """Share of the letters that are ASCII."""


def language_signals(text: str) -> Signals:
    """Words (runs of letters, lower-cased) and the shares ``looks_english`` reads."""
    words = _WORD.findall(text.lower())
    if not words:
        return Signals(0, 0.0, 0.0, 0.0)
    lists = function_words()
    english = sum(word in lists.english for word in words)
    other = sum(word in lists.other for word in words)
    letters = sum(map(len, words))
    foreign = sum(not c.isascii() for word in words if not word.isascii() for c in word)
    count = len(words)
    return Signals(count, english / count, other / count, 1.0 - foreign / letters)


def looks_english(text: str) -> bool:
    """Whether the text is surely English without asking the detector: at least
    ``ENGLISH_MIN_WORDS`` words, ``ENGLISH_SHARE`` of them English function words, at most
    ``OTHER_SHARE`` other languages' function words, and ``ASCII_SHARE`` of its letters ASCII."""
    signals = language_signals(text)
    return (
        signals.words >= ENGLISH_MIN_WORDS
        and signals.english >= ENGLISH_SHARE
        and signals.other <= OTHER_SHARE
        and signals.ascii >= ASCII_SHARE
    )


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
    is recorded, nothing is refused. For an English pipeline, a text that ``looks_english``
    is English without the detector (confidence 0.0: not judged by it).
    """
    sample = text[:SAMPLE_CHARS]
    if letter_count(sample) < MIN_LETTERS:
        return Judgement(expected, 0.0)
    if expected == "en" and looks_english(sample):
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
