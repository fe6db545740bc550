"""The event model and its evaluation: training, the shipped JSON, the PLV and BBC scorers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, shared
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import DatelineError
from dateline.eval.events import load_span_gold
from dateline.eval.plv import Pair, PlvReport, load_pairs, plover_types, unmark
from dateline.events.cameo import plover_type, table
from dateline.events.model import NONE, default_model, fit, load
from dateline.pipeline import prepare

PLV_HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\n"


def plv_file(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    """A PLV-format TSV from (marked sentence, gold root) rows."""
    lines = [PLV_HEADER]
    for n, (marked, gold) in enumerate(rows):
        plain, _ = unmark(marked)
        lines.append(f"{n}\t{n}\t{plain}\t{marked}\tS\tT\t{gold}\n")
    path = tmp_path / "plv.tsv"
    path.write_text("".join(lines), "utf-8")
    return path


def test_marked_sentence_gives_plain_text_and_offsets() -> None:
    plain, spans = unmark("<s>Iran</s> condemned <t>the U.S.</t> and <t>the U.S.</t> again.")
    assert plain == "Iran condemned the U.S. and the U.S. again."
    assert [plain[s:e] for s, e in spans["s"]] == ["Iran"]
    assert [plain[s:e] for s, e in spans["t"]] == ["the U.S.", "the U.S."]


def test_yield_stands_for_concede_and_retreat() -> None:
    assert plover_types("YIELD") == {"CONCEDE", "RETREAT"}
    assert plover_types("ACCUSE") == {"ACCUSE"}


def test_a_file_without_plv_columns_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n", "utf-8")
    with pytest.raises(DatelineError, match="not a PLV file"):
        load_pairs(bad)


def test_plv_scorer_counts_type_recall_dyad_recall_and_type_precision(tmp_path: Path) -> None:
    path = plv_file(
        tmp_path,
        [
            ("<s>Russia</s> threatened to impose sanctions on <t>Georgia</t>.", "THREATEN"),
            ("<s>Japan</s> donated rice to <t>North Korea</t>.", "AID"),
        ],
    )
    pairs = load_pairs(path)
    report = PlvReport()
    for pair, prepared in zip(pairs, prepare([p.sentence for p in pairs]), strict=True):
        from dateline.events import extract_events

        events = extract_events(prepared.article, prepared.doc, prepared.entities, prepared.quotes)
        report.add_sentence([pair], events, prepared.entities)
    assert report.type_recall.total == 2 and report.type_recall.hits == 2
    assert report.dyad_recall.hits == 2
    assert report.type_precision.rate == 1.0
    assert "THREATEN" in report.format()


def test_a_wrong_dyad_counts_for_type_recall_but_not_dyad_recall() -> None:
    pair = Pair("Russia met Georgia.", "CONSULT", ((0, 6),), ((11, 18),))
    prepared = next(prepare([pair.sentence]))
    from dateline.events import extract_events

    events = extract_events(prepared.article, prepared.doc, prepared.entities, prepared.quotes)
    swapped = Pair(pair.sentence, "CONSULT", ((11, 18),), ((0, 6),))
    report = PlvReport()
    straight = [e.model_copy(update={"symmetric": False}) for e in events]
    report.add_sentence([swapped], straight, prepared.entities)
    assert (report.type_recall.hits, report.dyad_recall.hits) == (1, 0)


def test_eval_plv_command_scores_a_file_with_the_packaged_model(tmp_path: Path) -> None:
    path = plv_file(tmp_path, [("<s>Japan</s> donated rice to <t>North Korea</t>.", "AID")])
    result = CliRunner().invoke(app, ["eval", "plv", str(path), "--cv", "0"])
    assert result.exit_code == 0, result.output
    assert "type recall     1.000 (1/1)" in result.output
    assert "packaged model" in result.output


def test_eval_plv_command_refuses_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "plv", str(tmp_path / "none.tsv")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_fit_learns_a_separable_toy_problem_and_round_trips_as_json(tmp_path: Path) -> None:
    examples = [(["bias", "l=attack"], "ASSAULT")] * 5 + [(["bias", "l=say"], NONE)] * 5
    examples += [(["bias", "l=praise"], "SUPPORT")] * 5
    model = fit(examples, about="toy")
    assert model.best(["bias", "l=attack"])[0] == "ASSAULT"
    _label, p_type, p_none = model.best(["bias", "l=say"])
    assert p_none > p_type
    assert model.triggers == {"attack", "praise"}
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), "utf-8")
    again = load(path)
    assert again.classes == model.classes and again.about == "toy"
    assert again.best(["bias", "l=praise"])[0] == "SUPPORT"


def test_a_broken_model_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"classes": ["A"]}), "utf-8")
    with pytest.raises(DatelineError, match="not an event model"):
        load(path)


def test_the_shipped_model_says_what_it_was_trained_on() -> None:
    model = default_model()
    assert model is not None
    assert "PLV_train.tsv" in model.about and "scripts/train_event_model.py" in model.about
    assert set(model.classes) >= {NONE, "ASSAULT", "AGREE", "CONCEDE"}
    size = (ROOT / "src/dateline/data/event_model.json").stat().st_size
    assert size < 5_000_000


def test_cameo_dictionary_codes_verbs_by_pattern() -> None:
    doc = next(prepare(["Pakistan refused a request from India to cross its airspace."])).doc
    refused = next(t for t in doc if t.text == "refused")
    code = table().code(refused)
    assert code is not None and plover_type(code) == "REJECT"


def test_bbc_gold_is_offsets_only_and_well_formed() -> None:
    folder = shared("bbc", "politics-train")
    gold = load_span_gold()
    assert len(gold) == 40
    text_path = ROOT / "src/dateline/eval/data/events_bbc.tsv"
    assert all(len(line.split("\t")) == 9 for line in text_path.read_text().splitlines()
               if line and not line.startswith("#"))  # fmt: skip
    for (file, start, end), events in gold.items():
        text = (folder / file).read_text("utf-8")
        assert 0 <= start < end <= len(text)
        for event in events:
            for side in (event.source, event.target):
                assert side is None or start <= side[0] < side[1] <= end


@pytest.mark.slow
def test_plv_cross_validation_figures(capsys: pytest.CaptureFixture[str]) -> None:
    from dateline.eval.plv import evaluate

    report = evaluate(shared("plv", "PLV_train.tsv"), folds=5)
    print(report.format())
    assert report.type_recall.rate >= 0.6 and report.type_precision.rate >= 0.7


def test_fit_handles_two_classes_and_refuses_one() -> None:
    examples = [(["bias", "l=attack"], "ASSAULT")] * 4 + [(["bias", "l=say"], NONE)] * 4
    model = fit(examples)
    assert model.best(["bias", "l=attack"])[0] == "ASSAULT"
    assert model.probabilities(["bias", "l=say"])[NONE] > 0.5
    with pytest.raises(DatelineError, match="two classes"):
        fit([(["bias"], NONE)] * 3)


@pytest.mark.slow
def test_the_shipped_model_is_reproduced_by_the_training_script(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "model.json"
    script = ROOT / "scripts" / "train_event_model.py"
    plv = shared("plv", "PLV_train.tsv")
    news = shared("bbc", "politics-train")
    command = [sys.executable, str(script), str(plv), "--news", str(news), "--out", str(out)]
    subprocess.run(command, check=True)
    assert out.read_bytes() == (ROOT / "src/dateline/data/event_model.json").read_bytes()
    shipped = ROOT / "src/dateline/data/event_model.npz"
    assert out.with_suffix(".npz").read_bytes() == shipped.read_bytes()


NEWS = (
    "Headline\n\nThe Tories attacked the Labour plans on Monday. "
    "The minister visited a school in Leeds on Tuesday."
)


def _sentence(text: str, first: str, last: str) -> tuple[int, int]:
    return text.index(first), text.index(last) + len(last)


def _at(text: str, phrase: str) -> tuple[int, int]:
    return text.index(phrase), text.index(phrase) + len(phrase)


def test_news_gold_gives_its_events_word_as_an_example_and_the_rest_as_none() -> None:
    from dateline.eval.events import SpanEvent
    from dateline.eval.train_events import news_examples

    prepared = next(prepare([NEWS]))
    s1, e1 = _sentence(NEWS, "The Tories", "Monday.")
    s2, e2 = _sentence(NEWS, "The minister", "Tuesday.")
    event = SpanEvent("ACCUSE", False, _at(NEWS, "Tories"), _at(NEWS, "Labour"))
    examples = news_examples(prepared, [(s1, e1, [event]), (s2, e2, [])])
    labels = {next(f for f in feats if f.startswith("l=")): label for feats, label in examples}
    assert labels["l=attack"] == "ACCUSE"
    assert labels["l=visit"] == NONE


def test_a_news_event_with_no_side_named_gives_no_none_examples() -> None:
    from dateline.eval.events import SpanEvent
    from dateline.eval.train_events import news_examples

    prepared = next(prepare([NEWS]))
    s2, e2 = _sentence(NEWS, "The minister", "Tuesday.")
    unplaced = SpanEvent("CONSULT", False, None, None)
    assert news_examples(prepared, [(s2, e2, [unplaced])]) == []


def test_news_gold_files_may_not_code_one_sentence_twice(tmp_path: Path) -> None:
    from dateline.eval.events import load_span_golds

    gold = ROOT / "src/dateline/eval/data/events_bbc.tsv"
    with pytest.raises(DatelineError, match="coded in an earlier gold file"):
        load_span_golds([gold, gold])


def test_news_cross_validation_needs_the_bbc_gold() -> None:
    result = CliRunner().invoke(app, ["eval", "events", "--cv", "5"])
    assert result.exit_code == 2
    assert "--bbc" in result.output


def test_news_cross_validation_refuses_a_gold_file_of_ones_own(tmp_path: Path) -> None:
    gold = ROOT / "src/dateline/eval/data/events_bbc.tsv"
    args = ["eval", "events", str(tmp_path), "--bbc", "--cv", "5", "--gold", str(gold)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "give one or the other" in result.output


def test_plv_cross_validation_without_the_news_folder_says_so(tmp_path: Path) -> None:
    plv = tmp_path / "plv.tsv"
    plv.write_text("sentence\tmarked_sentence\tgold_root\nA b.\t<s>A</s> <t>b</t>.\tAGREE\n")
    args = ["eval", "plv", str(plv), "--news", str(tmp_path / "nowhere")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "--plv-only" in result.output
    both = ["eval", "plv", str(plv), "--news", str(tmp_path), "--plv-only"]
    assert CliRunner().invoke(app, both).exit_code == 2


def test_the_news_training_and_held_out_sets_share_no_sentence() -> None:
    from dateline.eval.events import load_span_golds
    from dateline.eval.train_events import news_gold_paths

    data = ROOT / "src/dateline/eval/data"
    training = load_span_golds(news_gold_paths())
    held_out = load_span_golds([data / "events_bbc_heldout3.tsv", data / "events_bbc_heldout4.tsv"])
    assert len(training) == 560 and len(held_out) == 120
    assert not set(training) & set(held_out)


def _gold_line(file: str, text: str, sentence: str, event: tuple[str, str, str] | None) -> str:
    start = text.index(sentence)
    span = f"{file}\t{start}\t{start + len(sentence)}"
    if event is None:
        return f"{span}\tNONE\t-\t-\t-\t-\t-"
    etype, source, target = event
    s, t = text.index(source, start), text.index(target, start)
    return f"{span}\t{etype}\tn\t{s}\t{s + len(source)}\t{t}\t{t + len(target)}"


NEWS_ARTICLES = {
    "a.txt": (
        "The Tories attacked the Labour plans.",
        ("ACCUSE", "Tories", "Labour"),
        "Rain fell.",
    ),
    "b.txt": (
        "France criticised Germany on Monday.",
        ("ACCUSE", "France", "Germany"),
        "Prices rose.",
    ),
    "c.txt": ("Russia met China in Beijing.", ("CONSULT", "Russia", "China"), "Snow fell."),
}


def test_news_cross_validation_deals_whole_articles_into_folds_and_scores_them(
    tmp_path: Path,
) -> None:
    from dateline.eval.news_cv import news_folds

    lines = []
    for name, (first, event, second) in NEWS_ARTICLES.items():
        text = f"Headline of {name}\n\n{first} {second}\n"
        (tmp_path / name).write_text(text, "utf-8")
        lines += [_gold_line(name, text, first, event), _gold_line(name, text, second, None)]
    gold = tmp_path / "gold.tsv"
    gold.write_text("\n".join(lines) + "\n", "utf-8")
    plv = tmp_path / "plv.tsv"
    plv.write_text(
        "sentence\tmarked_sentence\tgold_root\n"
        "Iran attacked Iraq.\t<s>Iran</s> attacked <t>Iraq</t>.\tASSAULT\n"
        "Chile met Peru.\t<s>Chile</s> met <t>Peru</t>.\tCONSULT\n",
        "utf-8",
    )
    data = news_folds(tmp_path, [gold], plv, folds=2)
    assert data.files == sorted(NEWS_ARTICLES)
    assert all(len(data.sentences[f]) == 2 for f in data.files)
    assert len(data.fold) == 3 and set(data.fold) <= {0, 1}
    report = data.report(data.models())
    assert (report.sentences, report.gold.total) == (6, 3)
    assert report.emitted.total == sum(1 for r in report.rows if r.startswith(("ok", "FP")))
    assert any(r.startswith("ok  c.txt") for r in report.rows)  # the table codes "met": CONSULT


def test_coder_settings_set_the_coders_constants_for_a_while_only() -> None:
    from dateline import events as coder
    from dateline.eval.train_events import coder_settings

    before = (coder.MODEL_THRESHOLD, coder.MODEL_OVERRULES_TABLE)
    with coder_settings({"MODEL_THRESHOLD": 0.9, "MODEL_OVERRULES_TABLE": True}):
        assert (coder.MODEL_THRESHOLD, coder.MODEL_OVERRULES_TABLE) == (0.9, True)
    assert before == (coder.MODEL_THRESHOLD, coder.MODEL_OVERRULES_TABLE)


def test_the_shipped_matrix_is_the_shipped_json(tmp_path: Path) -> None:
    """The package loads the ``.npz``; it holds the JSON's numbers, and either file loads."""
    import numpy as np

    from dateline.events.model import EventModel

    data = ROOT / "src/dateline/data"
    from_json = EventModel.from_json((data / "event_model.json").read_text("utf-8"))
    packaged = default_model()
    assert packaged is not None and packaged.features == from_json.features
    assert np.array_equal(packaged.matrix, from_json.matrix)
    assert (packaged.classes, packaged.about, packaged.triggers) == (
        from_json.classes,
        from_json.about,
        from_json.triggers,
    )
    assert packaged.to_json() == from_json.to_json()
    assert load(data / "event_model.npz").features == from_json.features
    broken = tmp_path / "model.npz"
    for data in (b"PK not a zip", b"PK\x03\x04garbage", b""):
        broken.write_bytes(data)
        with pytest.raises(DatelineError, match="not an event model"):
            load(broken)
