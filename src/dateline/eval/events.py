"""Score the event coder against hand-coded PolNeAR dev sentences (``eval/data/*.tsv``)."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol

from dateline import geo
from dateline.errors import InputError
from dateline.eval.plv import side_matches
from dateline.eval.tally import Tally
from dateline.events.actors import FIRST_PERSON
from dateline.ingest import read_path
from dateline.pipeline import analyze_raw
from dateline.schema import ActorRef, Document, Entity, Event, Quote

GOLD_NAME = "events_polnear_dev.tsv"


@dataclass(frozen=True)
class GoldEvent:
    """One hand-coded event of a sentence."""

    type: str
    source: str | None
    target: str | None


@dataclass
class Sentence:
    """A gold sentence: where it is and the events it reports (none for a no-event sentence)."""

    file: str
    start: int
    end: int
    events: list[GoldEvent] = field(default_factory=list)


@dataclass
class EventReport:
    """Precision of emitted events, recall of gold events, and the rows behind them."""

    sentences: int = 0
    emitted: Tally = field(default_factory=Tally)
    """Emitted events, each right (it matches a gold event of its sentence) or not."""
    gold: Tally = field(default_factory=Tally)
    """Gold events, each found (matched by an emitted event) or missed."""
    type_emitted: Tally = field(default_factory=Tally)
    """Emitted events whose type is among their sentence's gold types (sides ignored)."""
    type_gold: Tally = field(default_factory=Tally)
    """Gold events whose type some emitted event of their sentence has (sides ignored)."""
    rows: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of emitted events that match a gold event of their sentence."""
        return self.emitted.rate

    @property
    def recall(self) -> float:
        """Share of gold events matched by an emitted event."""
        return self.gold.rate

    def format(self) -> str:
        """A readable report with every emitted event and every missed gold event."""
        head = [
            f"sentences {self.sentences}, gold events {self.gold.total}, "
            f"emitted events {self.emitted.total}",
            f"precision {self.emitted}   recall {self.gold}",
        ]
        if self.type_emitted.total or self.type_gold.total:
            types = f"precision {self.type_emitted}   recall {self.type_gold}"
            head.append(f"type only (sides ignored): {types}")
        head.append("")
        return "\n".join(head + self.rows)


def load_gold(path: str | Path | None = None) -> list[Sentence]:
    """Gold sentences from the packaged TSV (or another file in the same format)."""
    if path is None:
        text = resources.files("dateline").joinpath(f"eval/data/{GOLD_NAME}").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    sentences: dict[tuple[str, int, int], Sentence] = {}
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for n, row in enumerate(csv.reader(rows, delimiter="\t"), 1):
        if len(row) != 6:
            raise InputError(f"gold line {n}: expected 6 tab-separated fields")
        file, start, end, etype, source, target = row
        key = (file, int(start), int(end))
        sentence = sentences.setdefault(key, Sentence(file, int(start), int(end)))
        if etype != "NONE":
            sentence.events.append(
                GoldEvent(
                    etype, None if source == "-" else source, None if target == "-" else target
                )
            )
    return list(sentences.values())


def _names(actor: ActorRef | None) -> str:
    return " ".join(x for x in (actor.name if actor else None, actor.code if actor else None) if x)


def _actor_matches(gold: str | None, actor: ActorRef | None) -> bool:
    """A gold label matches an actor whose name ends with the label's last word (or its code)."""
    if gold is None or actor is None:
        return gold is None
    country = geo.country_code(gold)
    if country and actor.code and actor.code.startswith(country):
        return True
    label = gold.lower().split()[-1].rstrip(".")
    names = _names(actor).lower().replace(".", "")
    return label.replace(".", "") in names.split() or gold.lower() in _names(actor).lower()


def matches(event: Event, gold: GoldEvent) -> bool:
    """Same PLOVER type and the same two sides (either way round for symmetric events)."""
    if event.type != gold.type:
        return False
    straight = _actor_matches(gold.source, event.source) and _actor_matches(
        gold.target, event.target
    )
    swapped = _actor_matches(gold.source, event.target) and _actor_matches(
        gold.target, event.source
    )
    return straight or (event.symmetric and swapped)


def evaluate(split_dir: str | Path, gold_path: str | Path | None = None) -> EventReport:
    """Code the gold sentences' articles and compare the events whose evidence is in them."""
    gold = load_gold(gold_path)
    text_dir = Path(split_dir) / "text"
    files = sorted({s.file for s in gold})
    missing = [f for f in files if not (text_dir / f).is_file()]
    if missing:
        raise InputError(f"{text_dir}: {len(missing)} gold articles missing (e.g. {missing[0]})")
    documents = {}
    for outcome in analyze_raw(read_path(text_dir / f) for f in files):
        if outcome.document is None:
            raise InputError(outcome.error or "analysis failed")
        documents[Path(outcome.label).name] = outcome.document
    by_file: dict[str, list[Sentence]] = defaultdict(list)
    for s in gold:
        by_file[s.file].append(s)
    report = EventReport(sentences=len(gold))
    for file, sentences in sorted(by_file.items()):
        doc = documents[file]
        for s in sorted(sentences, key=lambda s: s.start):
            emitted = [
                e for e in doc.events if s.start <= e.evidence.start < s.end and not e.negated
            ]
            for e in emitted:
                ok = any(matches(e, g) for g in s.events)
                report.emitted.add(ok)
                side = f"{_names(e.source)} -> {_names(e.target) or '-'}"
                report.rows.append(
                    f"{'ok  ' if ok else 'FP  '}{file[:40]} {s.start}: {e.type} {e.cameo} {side}"
                )
            for g in s.events:
                found = any(matches(e, g) for e in emitted)
                report.gold.add(found)
                if not found:
                    report.rows.append(
                        f"miss {file[:40]} {s.start}: {g.type} {g.source} -> {g.target}"
                    )
    return report


BBC_GOLD = "events_bbc.tsv"


@dataclass(frozen=True)
class SpanEvent:
    """A hand-coded event whose sides are offsets into the article (None: unnamed)."""

    type: str
    negated: bool
    source: tuple[int, int] | None
    target: tuple[int, int] | None


def _offsets(start: str, end: str) -> tuple[int, int] | None:
    return None if start == "-" else (int(start), int(end))


def load_span_golds(paths: Sequence[str | Path]) -> dict[tuple[str, int, int], list[SpanEvent]]:
    """The sentences of several offset gold files together (a sentence coded twice: an error)."""
    gold: dict[tuple[str, int, int], list[SpanEvent]] = {}
    for path in paths:
        one = load_span_gold(path)
        twice = sorted(set(one) & set(gold))
        if twice:
            raise InputError(f"{path}: sentence {twice[0]} is coded in an earlier gold file too")
        gold.update(one)
    return gold


def load_span_gold(path: str | Path | None = None) -> dict[tuple[str, int, int], list[SpanEvent]]:
    """Sentences of the offset gold (``events_bbc.tsv``) with their events (none: no event)."""
    if path is None:
        text = resources.files("dateline").joinpath(f"eval/data/{BBC_GOLD}").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    gold: dict[tuple[str, int, int], list[SpanEvent]] = {}
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for n, row in enumerate(csv.reader(rows, delimiter="\t"), 1):
        if len(row) != 9:
            raise InputError(f"gold line {n}: expected 9 tab-separated fields")
        file, start, end, etype, negated, ss, se, ts, te = row
        events = gold.setdefault((file, int(start), int(end)), [])
        if etype != "NONE":
            events.append(SpanEvent(etype, negated == "y", _offsets(ss, se), _offsets(ts, te)))
    return gold


class Coded(Protocol):
    """What scoring reads of an analysed article: its text, entities and quotes (a
    ``Document``, or a ``Coding`` made during cross-validation)."""

    @property
    def text(self) -> str: ...
    @property
    def entities(self) -> Sequence[Entity]: ...
    @property
    def quotes(self) -> Sequence[Quote]: ...


@dataclass(frozen=True)
class Coding:
    """An article's text, entities and quotes, as scoring reads them (``Coded``), for events
    coded apart from a ``Document`` (by a model of one cross-validation fold)."""

    text: str
    entities: list[Entity]
    quotes: list[Quote]


def _side_at(gold: tuple[int, int] | None, actor: ActorRef | None, doc: Coded) -> bool:
    """The actor is named at the gold span, or the gold marks "I"/"we" inside a quote whose
    speaker the actor is (the gold's span for the speaker, who is named elsewhere)."""
    if side_matches((gold,) if gold is not None else (), actor, list(doc.entities)):
        return True
    if gold is None or actor is None or actor.entity is None:
        return False
    if doc.text[gold[0] : gold[1]].lower() not in FIRST_PERSON:
        return False
    return any(
        q.start <= gold[0] < q.end and q.speaker is not None and q.speaker.entity == actor.entity
        for q in doc.quotes
    )


def span_matches(event: Event, gold: SpanEvent, doc: Coded) -> bool:
    """Same type and negation, and each side named where the gold marks it (if it marks it)."""
    if event.type != gold.type or event.negated != gold.negated:
        return False
    straight = _side_at(gold.source, event.source, doc) and _side_at(gold.target, event.target, doc)
    swapped = event.symmetric and (
        _side_at(gold.source, event.target, doc) and _side_at(gold.target, event.source, doc)
    )
    return straight or swapped


def gold_articles(folder: Path, files: Sequence[str]) -> list[Path]:
    """The gold's article files in ``folder``; one line naming what is missing, if any."""
    missing = [f for f in files if not (folder / f).is_file()]
    if missing:
        raise InputError(f"{folder}: {len(missing)} gold articles missing (e.g. {missing[0]})")
    return [folder / f for f in files]


def _analysed(folder: Path, files: Sequence[str]) -> dict[str, Document]:
    paths = gold_articles(folder, files)
    documents: dict[str, Document] = {}
    for outcome in analyze_raw(read_path(path) for path in paths):
        if outcome.document is None:
            raise InputError(outcome.error or "analysis failed")
        documents[Path(outcome.label).name] = outcome.document
    return documents


def evaluate_spans(text_dir: str | Path, gold_path: str | Path | None = None) -> EventReport:
    """Code the gold sentences' articles (as files, end to end) and score events by offsets."""
    gold = load_span_gold(gold_path)
    documents = _analysed(Path(text_dir), sorted({f for f, _, _ in gold}))
    report = EventReport(sentences=len(gold))
    for (file, start, end), events in sorted(gold.items()):
        doc = documents[file]
        score_sentence(report, (file, start, end), events, doc.events, doc)
    return report


def score_sentence(
    report: EventReport,
    where: tuple[str, int, int],
    events: list[SpanEvent],
    coded: Sequence[Event],
    doc: Coded,
) -> None:
    """Count one gold sentence: each event coded in it right or not, each gold event found or not."""
    file, start, end = where
    emitted = [e for e in coded if start <= e.evidence.start < end or
               (e.trigger is not None and start <= e.trigger.start < end)]  # fmt: skip
    for e in emitted:
        ok = any(span_matches(e, g, doc) for g in events)
        report.emitted.add(ok)
        report.type_emitted.add(any(e.type == g.type for g in events))
        side = f"{_names(e.source)} -> {_names(e.target) or '-'}"
        neg = " (negated)" if e.negated else ""
        report.rows.append(f"{'ok  ' if ok else 'FP  '}{file} {start}: {e.type}{neg} {side}")
    for g in events:
        found = any(span_matches(e, g, doc) for e in emitted)
        report.gold.add(found)
        report.type_gold.add(any(e.type == g.type and e.negated == g.negated for e in emitted))
        if not found:
            src = doc.text[g.source[0] : g.source[1]] if g.source else "-"
            tgt = doc.text[g.target[0] : g.target[1]] if g.target else "-"
            report.rows.append(f"miss {file} {start}: {g.type} {src} -> {tgt}")
