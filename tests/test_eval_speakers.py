"""The BBC speaker gold and its scorer (issue 10's development set)."""

from __future__ import annotations

from pathlib import Path

from conftest import shared

import dateline
from dateline.eval.speakers import SpeakerReport, load_gold


def test_bbc_quote_gold_is_offsets_and_names_only_and_well_formed() -> None:
    folder = shared("bbc", "politics-train")
    gold = load_gold()
    assert len(gold) == 20 and sum(len(v) for v in gold.values()) == 266
    for file, attributions in gold.items():
        text = (folder / file).read_text("utf-8")
        for kind, attribution in attributions:
            assert kind in ("direct", "indirect", "mixed")
            (start, end), *_ = attribution.content
            assert 0 <= start < end <= len(text)
            assert attribution.source_text and attribution.source_text not in text[start:end]


def test_a_found_quote_with_the_right_speaker_scores_both(tmp_path: Path) -> None:
    text = 'Headline here\n\n"We will win," said Tony Blair on Monday.\n'
    doc = dateline.analyze(text)
    start = text.index("We")
    gold_file = tmp_path / "gold.tsv"
    speaker_at = text.index("Tony")
    gold_file.write_text(
        f"a.txt\t{start}\t{start + 11}\tdirect\t-\t-\tTony Blair\t{speaker_at}\t{speaker_at + 10}\n"
    )
    report = SpeakerReport()
    report.add(doc, load_gold(gold_file)["a.txt"])
    assert (report.found.hits, report.right.hits) == (1, 1)
    wrong = tmp_path / "wrong.tsv"
    wrong.write_text(f"a.txt\t{start}\t{start + 11}\tdirect\t-\t-\tGordon Brown\t-\t-\n")
    report = SpeakerReport()
    report.add(doc, load_gold(wrong)["a.txt"])
    assert (report.found.hits, report.right.hits) == (1, 0)


def test_of_two_quotes_covering_the_gold_alike_the_tightest_is_scored(tmp_path: Path) -> None:
    from dateline.schema import Quote, SpeakerRef

    text = 'Headline here\n\nAs planned, he said: "We will win the seat."\n'
    doc = dateline.analyze(text)
    start, end = text.index('"We'), text.index('."') + 2
    outer = text.index("he said")
    quotes = [
        Quote(id="q1", kind="mixed", text=text[outer:end], start=outer, end=end,
              speaker=SpeakerRef(name="A text")),
        Quote(id="q2", kind="direct", text=text[start:end], start=start, end=end,
              speaker=SpeakerRef(name="Tony Blair")),
    ]  # fmt: skip
    doc = doc.model_copy(update={"quotes": quotes})
    gold_file = tmp_path / "gold.tsv"
    gold_file.write_text(f"a.txt\t{start}\t{end}\tdirect\t-\t-\tTony Blair\t-\t-\n")
    report = SpeakerReport()
    report.add(doc, load_gold(gold_file)["a.txt"])
    assert (report.found.hits, report.right.hits) == (1, 1)


def test_a_follow_on_quote_is_scored_against_its_speakers_last_cue(tmp_path: Path) -> None:
    from dateline.schema import Quote, Span, SpeakerRef

    text = (
        'Headline here\n\n"We are ready," said a harbour spokeswoman. '
        '"The ferries will run." Mr Oakes said: "They will not."\n'
    )
    doc = dateline.analyze(text)
    named = text.index("a harbour")
    mention = Span(text="a harbour spokeswoman", start=named, end=named + 21)
    first, follow = text.index('"We'), text.index('"The')
    quotes = [
        Quote(id="q1", kind="direct", text=text[first:first + 15], start=first, end=first + 15,
              speaker=SpeakerRef(name="a harbour spokeswoman", mention=mention)),
        Quote(id="q2", kind="direct", text=text[follow:follow + 23], start=follow,
              end=follow + 23, speaker=SpeakerRef(name="a harbour spokeswoman", mention=mention)),
    ]  # fmt: skip
    doc = doc.model_copy(update={"quotes": quotes})
    name = "a harbour spokeswoman"
    rows = (
        f"a.txt\t{first}\t{first + 15}\tdirect\t-\t-\t{name}\t{named}\t{named + 21}\n"
        f"a.txt\t{follow}\t{follow + 23}\tdirect\t-\t-\t{name}\t-\t-\n"
    )
    gold_file = tmp_path / "gold.tsv"
    gold_file.write_text(rows)
    gold = load_gold(gold_file)["a.txt"]
    assert gold[1][1].source == [(named, named + 21)]  # the anchor: the cue that named her
    report = SpeakerReport()
    report.add(doc, gold)
    assert report.right.hits == 2
    # a follow-on whose speaker no earlier row names keeps no span, and a lower-case name alone
    # does not make it right
    other = tmp_path / "other.tsv"
    other.write_text(f"a.txt\t{follow}\t{follow + 23}\tdirect\t-\t-\t{name}\t-\t-\n")
    report = SpeakerReport()
    report.add(doc, load_gold(other)["a.txt"])
    assert report.right.hits == 0
