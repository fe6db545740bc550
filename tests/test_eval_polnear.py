"""PolNeAR evaluation: the brat parser, article pairing, character scoring and speaker accuracy."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Literal

import pytest
from typer.testing import CliRunner

from dateline.eval.cli import eval_app
from dateline.eval.polnear import (
    GoldAttribution,
    is_direct,
    load_gold,
    pair_articles,
    parse_ann,
    score,
    score_many,
)
from dateline.schema import Document, Entity, Mention, Quote, Source, Span, SpeakerRef

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"

TEXT = 'Smith said "We win." Jones said that taxes rise.\n'


def at(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the n-th occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def span(text: str, start: int, end: int) -> Span:
    """A schema span over ``text``."""
    return Span(text=text[start:end], start=start, end=end)


def quote(
    start: int,
    end: int,
    kind: Literal["direct", "indirect", "mixed"] = "direct",
    speaker: SpeakerRef | None = None,
    qid: str = "q1",
) -> Quote:
    """A predicted quote over TEXT."""
    return Quote(id=qid, kind=kind, text=TEXT[start:end], start=start, end=end, speaker=speaker)


def said_by(name: str, occurrence: int = 0, entity: str | None = None) -> SpeakerRef:
    """A speaker named by its mention at the n-th occurrence of ``name`` in TEXT."""
    return SpeakerRef(entity=entity, name=name, mention=span(TEXT, *at(TEXT, name, occurrence)))


def document(*quotes: Quote, entities: list[Entity] | None = None) -> Document:
    """A hand-built analysed document over TEXT."""
    return Document(
        id="t", source=Source(sha256="0"), text=TEXT, quotes=list(quotes), entities=entities or []
    )


def gold() -> list[GoldAttribution]:
    """Smith's direct quote and Jones's reported one."""
    return [
        GoldAttribution(
            content=[at(TEXT, '"We win."')],
            source=[at(TEXT, "Smith")],
            cue=[at(TEXT, "said")],
            direct=True,
            source_text="Smith",
        ),
        GoldAttribution(
            content=[at(TEXT, "that taxes rise")],
            source=[at(TEXT, "Jones")],
            cue=[at(TEXT, "said", 1)],
            direct=False,
            source_text="Jones",
        ),
    ]


def perfect() -> Document:
    """Both gold attributions predicted exactly, with the right speakers."""
    return document(
        quote(*at(TEXT, '"We win."'), speaker=said_by("Smith")),
        quote(*at(TEXT, "that taxes rise"), "indirect", said_by("Jones"), "q2"),
    )


ARTICLE = 'Senator Ann Lee said "We will," and, pausing, "win." Critics said that she is wrong.\n'


def ann_for(text: str) -> str:
    """A small .ann over ARTICLE: a discontinuous direct quote, a reported one, junk lines."""
    (q1s, q1e), (q2s, q2e) = at(text, '"We will,"'), at(text, '"win."')
    src, cue = at(text, "Senator Ann Lee"), at(text, "said")
    c2, s2, k2 = at(text, "that she is wrong"), at(text, "Critics"), at(text, "said", 1)
    return "\n".join(
        [
            f"T1\tSource {src[0]} {src[1]}\tSenator Ann Lee",
            f"T2\tCue {cue[0]} {cue[1]}\tsaid",
            f'T3\tContent {q1s} {q1e};{q2s} {q2e}\t"We will," "win."',
            f"T4\tAttribution {cue[0]} {cue[1]}\tsaid",
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
            f"T5\tSource {s2[0]} {s2[1]}\tCritics",
            f"T6\tCue {k2[0]} {k2[1]}\tsaid",
            f"T7\tContent {c2[0]} {c2[1]}\tthat she is wrong",
            "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
            "T9\tContent twelve 40\tbroken offsets",
            "a stray continuation of a multi-line span text",
            "#1\tAnnotatorNotes T1\ta note, not a malformed line",
            "",
        ]
    )


def test_parse_ann_reads_discontinuous_content_as_several_spans() -> None:
    parsed = parse_ann(ann_for(ARTICLE), ARTICLE)
    first = parsed.attributions[0]
    assert first.content == [at(ARTICLE, '"We will,"'), at(ARTICLE, '"win."')]
    assert first.source == [at(ARTICLE, "Senator Ann Lee")]
    assert first.cue == [at(ARTICLE, "said")]
    assert first.source_text == "Senator Ann Lee"


def test_parse_ann_marks_content_opening_with_a_quotation_mark_as_direct() -> None:
    direct = [a.direct for a in parse_ann(ann_for(ARTICLE), ARTICLE).attributions]
    assert direct == [True, False]


def test_parse_ann_counts_malformed_lines_and_dangling_references() -> None:
    parsed = parse_ann(ann_for(ARTICLE), ARTICLE)
    assert len(parsed.attributions) == 2
    assert parsed.skipped == 2  # the broken T9 and the stray line; E2's Attribution:T8 is unused


def test_parse_ann_skips_spans_beyond_the_text() -> None:
    parsed = parse_ann("T1\tContent 0 999\tx\nE1\tContent:T1\n", "short")
    assert parsed.attributions == []
    assert parsed.skipped == 2


def test_load_gold_warns_about_skipped_lines(tmp_path: Path, caplog) -> None:
    ann = tmp_path / "a_0001.ann"
    ann.write_text(ann_for(ARTICLE), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert len(load_gold(ann, ARTICLE)) == 2
    assert "skipped 2" in caplog.text


def test_two_single_quotes_open_a_direct_quote() -> None:
    text = "''Yes,'' he said."
    parsed = parse_ann("T1\tContent 0 8\t''Yes,''\nE1\tContent:T1\n", text)
    assert parsed.attributions[0].direct


def _direct(text: str, span: str) -> bool:
    start = text.index(span)
    return is_direct(text, [(start, start + len(span))])


def test_a_span_opening_just_inside_the_mark_is_direct() -> None:
    text = (
        'Transcript:\n\n"HOST: Will you run? she asked.\n\n"GUEST: No.\n\nHe said "we won" today.'
    )
    assert _direct(text, "Will you run?")  # a transcript turn, its label left out
    assert _direct(text, "No.")
    assert _direct(text, "we won")  # the mark itself left out
    assert not _direct(text, "today.")


def test_a_span_cutting_a_double_apostrophe_in_half_is_direct() -> None:
    text = "Then: ''We can win,'' said Ms Lee. It was 'hers' now."
    assert _direct(text, "'We can win,''")
    assert not _direct(text, "'hers'")  # a single mark opens no direct quote


def test_a_closing_mark_before_a_span_makes_it_no_quote() -> None:
    text = 'He said "no."\n\nThe mayor left. She called it "a disgrace" and walked out.'
    assert not _direct(text, "The mayor left.")
    assert not _direct(text, 'a disgrace" and walked out.')  # a fragment inside a longer span


def split(tmp_path: Path) -> Path:
    """A one-article PolNeAR-style split annotated by two annotators."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "text" / "lonely.txt").write_text("No annotation.\n", encoding="utf-8")
    (tmp_path / "attributions" / "art_zz99.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "art_ab12.ann").write_text(ann_for(ARTICLE), encoding="utf-8")
    return tmp_path


def test_pair_articles_takes_the_alphabetically_first_annotator(tmp_path: Path) -> None:
    root = split(tmp_path)
    assert pair_articles(root) == [
        (root / "text" / "art.txt", root / "attributions" / "art_ab12.ann")
    ]


def test_load_gold_finds_the_text_beside_the_split(tmp_path: Path) -> None:
    root = split(tmp_path)
    assert len(load_gold(root / "attributions" / "art_ab12.ann")) == 2


def test_perfect_prediction_scores_one() -> None:
    report = score(perfect(), gold())
    assert (report.direct.precision, report.direct.recall, report.direct.f1) == (1.0, 1.0, 1.0)
    assert (report.content.precision, report.content.recall, report.content.f1) == (1.0, 1.0, 1.0)
    assert report.speaker.found == report.speaker.right == 2
    assert report.speaker.accuracy == 1.0
    assert report.speaker_direct.accuracy == 1.0
    assert (report.gold_all, report.gold_direct) == (2, 1)
    assert report.predicted == {"direct": 1, "indirect": 1, "mixed": 0}


def test_wrong_speaker_lowers_accuracy_and_counts_a_wrong_name() -> None:
    doc = document(
        quote(*at(TEXT, '"We win."'), speaker=said_by("Smith")),
        quote(*at(TEXT, "that taxes rise"), "indirect", said_by("Smith"), "q2"),
    )
    report = score(doc, gold())
    assert report.speaker.accuracy == 0.5
    assert (report.speaker.wrong_name, report.speaker.no_speaker) == (1, 0)
    assert report.content.f1 == 1.0


def test_missing_speaker_counts_as_no_speaker_not_wrong_name() -> None:
    doc = document(
        quote(*at(TEXT, '"We win."'), speaker=said_by("Smith")),
        quote(*at(TEXT, "that taxes rise"), "indirect", None, "q2"),
    )
    report = score(doc, gold())
    assert report.speaker.accuracy == 0.5
    assert (report.speaker.wrong_name, report.speaker.no_speaker) == (0, 1)


def test_speaker_is_right_through_its_entitys_mentions() -> None:
    smith = Entity(
        id="e1",
        name="John Smith",
        type="PERSON",
        mentions=[Mention(**span(TEXT, 0, 5).model_dump())],
    )
    elsewhere = SpeakerRef(entity="e1", name="he", mention=span(TEXT, *at(TEXT, "We")))
    doc = document(quote(*at(TEXT, '"We win."'), speaker=elsewhere), entities=[smith])
    assert score(doc, gold()[:1]).speaker.right == 1


def test_speaker_is_right_by_the_last_word_of_its_name() -> None:
    doc = document(quote(*at(TEXT, '"We win."'), speaker=SpeakerRef(name="John Smith")))
    assert score(doc, gold()[:1]).speaker.right == 1


def test_half_overlapping_quote_scores_by_characters() -> None:
    # predicted 'win." Jones': 10 non-space chars, 5 of them in the gold '"We win."' (8)
    start, end = at(TEXT, '"We win."')[0] + 4, at(TEXT, "Jones")[1]
    report = score(document(quote(start, end, speaker=said_by("Smith"))), gold()[:1])
    assert (report.direct.tp, report.direct.predicted, report.direct.gold) == (5, 10, 8)
    assert report.direct.precision == pytest.approx(1 / 2)
    assert report.direct.recall == pytest.approx(5 / 8)
    assert report.direct.f1 == pytest.approx(5 / 9)  # 2PR/(P+R) = (5/8)/(9/8)
    assert report.speaker.found == 1  # 5/8 of the content is covered: at least half


def test_quote_covering_less_than_half_is_not_found() -> None:
    start = at(TEXT, '"We win."')[0]
    report = score(document(quote(start, start + 3, speaker=said_by("Smith"))), gold()[:1])
    assert report.speaker.found == 0
    assert report.direct.recall == pytest.approx(3 / 8)


def test_indirect_prediction_counts_for_all_content_not_direct() -> None:
    doc = document(quote(*at(TEXT, '"We win."'), "indirect", said_by("Smith")))
    report = score(doc, gold())
    assert report.direct.predicted == 0 and report.direct.recall == 0.0
    assert report.content.tp == 8 and report.content.gold == 8 + 13


def test_score_many_sums_character_counts() -> None:
    empty = document()
    report = score_many([(perfect(), gold()), (empty, gold())])
    assert report.articles == 2
    assert report.content.precision == 1.0
    assert report.content.recall == pytest.approx(0.5)
    assert report.speaker.found == 2
    assert json.loads(json.dumps(report.to_dict()))["content"]["recall"] == pytest.approx(0.5)
    assert "all attributions" in report.format()


def test_cli_scores_a_split(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_app, ["polnear", str(split(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["articles"], report["gold_all"], report["gold_direct"]) == (1, 2, 1)


def test_cli_refuses_a_folder_that_is_not_a_split(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_app, ["polnear", str(tmp_path)])
    assert result.exit_code == 2


def test_real_dev_split_pairs_and_parses() -> None:
    if not DEV.exists():
        pytest.skip(f"{DEV} is absent (../shared/data not beside the project)")
    pairs = pair_articles(DEV)
    assert len(pairs) == 84
    assert all(ann.stem.rsplit("_", 1)[0] == txt.stem for txt, ann in pairs)
    golds = [load_gold(ann, txt.read_text(encoding="utf-8")) for txt, ann in pairs]
    assert sum(len(g) for g in golds) > 2000
    assert 300 < sum(a.direct for g in golds for a in g) < 600
    assert all(a.content for g in golds for a in g)
