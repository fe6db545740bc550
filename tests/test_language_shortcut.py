"""``looks_english``: an article for an English pipeline that plainly reads as English is not
given to the language detector (py3langid, 0.8 CPU s to load); anything else still is."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.ingest import language
from dateline.ingest.language import (
    ENGLISH_MIN_WORDS,
    function_words,
    judge_language,
    language_signals,
    looks_english,
)

ENGLISH = (
    "The foreign minister said on Monday that the talks in Geneva would continue next week.\n\n"
    "Both sides agreed to exchange lists of prisoners before the end of the month, he said, "
    "and observers would check that the agreement was carried out.\n"
)
FRENCH = (
    "Le ministre des affaires étrangères a déclaré lundi que les négociations de Genève "
    "reprendraient la semaine prochaine. Selon lui, les deux parties ont accepté d'échanger "
    "les listes de prisonniers avant la fin du mois, et des observateurs vérifieront l'accord.\n"
)
GERMAN = (
    "Der Außenminister sagte am Montag, die Gespräche in Genf würden in der kommenden Woche "
    "fortgesetzt. Beide Seiten hätten sich darauf geeinigt, die Listen der Gefangenen bis zum "
    "Ende des Monats auszutauschen, und Beobachter würden die Umsetzung prüfen.\n"
)
SPANISH = (
    "El ministro de Asuntos Exteriores dijo el lunes que las negociaciones en Ginebra "
    "continuarán la próxima semana. Ambas partes acordaron intercambiar las listas de "
    "prisioneros antes de fin de mes, y los observadores comprobarán el cumplimiento.\n"
)
DUTCH = (
    "De minister van Buitenlandse Zaken zei maandag dat de onderhandelingen in Genève volgende "
    "week worden voortgezet. Beide partijen hebben afgesproken om voor het einde van de maand "
    "lijsten van gevangenen uit te wisselen, en waarnemers zullen het akkoord controleren.\n"
)
ITALIAN = (
    "Il ministro degli Esteri ha detto lunedì che i negoziati di Ginevra continueranno la "
    "settimana prossima. Secondo lui, le due parti hanno deciso di scambiare le liste dei "
    "prigionieri entro la fine del mese, e gli osservatori verificheranno che l'accordo sia "
    "rispettato.\n"
)
RUSSIAN = (
    "Министр иностранных дел заявил в понедельник, что переговоры в Женеве продолжатся "
    "на следующей неделе. По его словам, обе стороны договорились обменяться списками пленных "
    "до конца месяца, а наблюдатели проверят выполнение соглашения.\n"
)


def test_every_word_of_both_lists_is_counted() -> None:
    lists = function_words()
    assert len(lists.english) >= 20 and len(lists.other) >= 20
    assert not lists.english & lists.other
    for word in lists.english:  # lower case, one word of letters
        assert language_signals(word)[:3] == (1, 1.0, 0.0), word
    for word in lists.other:
        assert language_signals(word)[:3] == (1, 0.0, 1.0), word


def test_english_is_recognised_without_the_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_detector() -> Any:
        raise AssertionError("the detector was asked")

    monkeypatch.setattr(language, "_identifier", no_detector)
    assert looks_english(ENGLISH)
    assert judge_language(ENGLISH, "en") == ("en", 0.0, False)


OTHERS = [FRENCH, GERMAN, SPANISH, DUTCH, ITALIAN, RUSSIAN]


@pytest.mark.parametrize("text", [*OTHERS, *(ENGLISH + other for other in OTHERS)])
def test_other_languages_and_mixtures_go_to_the_detector(text: str) -> None:
    assert language_signals(text).words >= ENGLISH_MIN_WORDS
    assert not looks_english(text)


def test_a_foreign_sentence_in_an_english_article_still_looks_english() -> None:
    assert looks_english(ENGLISH * 6 + "The motto reads «Liberté, égalité, fraternité».")


def test_too_few_words_go_to_the_detector() -> None:
    assert not looks_english("The minister said that the talks would go on.")


def test_only_an_english_pipeline_takes_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = []

    class Spy:
        def rank(self, text: str) -> list[tuple[str, float]]:
            asked.append(text)
            return [("en", 0.99), ("de", 0.01)]

    monkeypatch.setattr(language, "_identifier", Spy)
    assert judge_language(ENGLISH, "de") == ("en", 0.99, True)
    assert asked == [ENGLISH]
