"""Score the event coder on PLV: human-coded PLOVER relations, one row per sentence and dyad.

Each distinct sentence is analysed as its own text, end to end: the coder finds the event, its
type and both sides itself (the marked dyad is never shown to it). Definitions, the same as the
issue that asked for them so the figures compare:

- *type recall*, per gold pair: an event of the gold root type is coded in that sentence;
- *dyad recall*, per gold pair: such an event's source and target match the gold spans (the
  side's span, or any mention of its entity, overlaps one of the gold spans; a side PLV leaves
  unmarked, "An actor" / "a recipient", is matched by whatever the event has there);
- *type precision*, per coded event: its type is among the sentence's gold types.

PLV's ``YIELD`` is PLOVER's older name for what PLOVER 2.0 splits into CONCEDE and RETREAT.
"""

from __future__ import annotations

import csv
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import InputError
from dateline.eval.tally import Tally
from dateline.petrarch import Dictionaries
from dateline.schema import ActorRef, Entity, Event

ALIASES = {"YIELD": frozenset({"CONCEDE", "RETREAT"})}
"""Gold labels that name more than one PLOVER 2.0 type."""
MARK = re.compile(r"</?([st])>")
COLUMNS = ("sentence", "marked_sentence", "gold_root")

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Pair:
    """One gold row: its sentence, the marked source and target spans, and the root type."""

    sentence: str
    type: str
    source: Spans
    target: Spans


def plover_types(gold: str) -> frozenset[str]:
    """The PLOVER 2.0 types a gold label stands for."""
    return ALIASES.get(gold, frozenset({gold}))


def unmark(marked: str) -> tuple[str, dict[str, Spans]]:
    """The plain sentence and the offsets of every ``<s>…</s>`` and ``<t>…</t>`` in it."""
    plain = ""
    found: dict[str, list[tuple[int, int]]] = {"s": [], "t": []}
    opened: dict[str, int] = {}
    pos = 0
    for match in MARK.finditer(marked):
        plain += marked[pos : match.start()]
        name = match.group(1)
        if match.group().startswith("</"):
            if name in opened:
                found[name].append((opened.pop(name), len(plain)))
        else:
            opened[name] = len(plain)
        pos = match.end()
    plain += marked[pos:]
    return plain, {k: tuple(v) for k, v in found.items()}


def load_pairs(path: str | Path) -> list[Pair]:
    """PLV rows (a TSV with ``sentence``, ``marked_sentence`` and ``gold_root`` columns)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    with p.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    if not rows or any(c not in rows[0] for c in COLUMNS):
        raise InputError(f"{p}: not a PLV file (needs columns {', '.join(COLUMNS)})")
    pairs = []
    for n, row in enumerate(rows, 2):
        plain, spans = unmark(row["marked_sentence"])
        if plain != row["sentence"]:
            raise InputError(f"{p}:{n}: marked sentence does not match the sentence")
        pairs.append(Pair(plain, row["gold_root"].strip().upper(), spans["s"], spans["t"]))
    return pairs


def _overlaps(spans: Spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def side_matches(gold: Spans, actor: ActorRef | None, entities: list[Entity]) -> bool:
    """The actor is named where the gold marks the side (always true for an unmarked side)."""
    if not gold:
        return True
    if actor is None:
        return False
    if actor.span is not None and _overlaps(gold, actor.span.start, actor.span.end):
        return True
    entity = next((e for e in entities if e.id == actor.entity), None) if actor.entity else None
    return entity is not None and any(_overlaps(gold, m.start, m.end) for m in entity.mentions)


def dyad_matches(pair: Pair, event: Event, entities: list[Entity]) -> bool:
    """Source and target both where the gold marks them (either way round if symmetric)."""
    straight = side_matches(pair.source, event.source, entities) and side_matches(
        pair.target, event.target, entities
    )
    swapped = event.symmetric and (
        side_matches(pair.source, event.target, entities)
        and side_matches(pair.target, event.source, entities)
    )
    return straight or swapped


@dataclass
class PlvReport:
    """Type recall, dyad recall and type precision overall and per PLOVER type."""

    sentences: int = 0
    type_recall: Tally = field(default_factory=Tally)
    dyad_recall: Tally = field(default_factory=Tally)
    type_precision: Tally = field(default_factory=Tally)
    recall_by: dict[str, Tally] = field(default_factory=dict)
    precision_by: dict[str, Tally] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    note: str = ""

    def add_sentence(self, pairs: list[Pair], events: list[Event], entities: list[Entity]) -> None:
        """Score the events coded for one sentence against its gold pairs."""
        self.sentences += 1
        gold_types = frozenset().union(*(plover_types(p.type) for p in pairs))
        for pair in pairs:
            wanted = plover_types(pair.type)
            typed = [e for e in events if e.type in wanted]
            self.type_recall.add(bool(typed))
            self.dyad_recall.add(any(dyad_matches(pair, e, entities) for e in typed))
            self.recall_by.setdefault(pair.type, Tally()).add(bool(typed))
            if not typed:
                self.confusion[(pair.type, events[0].type if events else "-")] += 1
        for event in events:
            label = "YIELD" if event.type in ALIASES["YIELD"] else event.type
            self.type_precision.add(event.type in gold_types)
            self.precision_by.setdefault(label, Tally()).add(event.type in gold_types)

    def f1(self, label: str) -> float:
        """Per-type F1 of type recall and type precision."""
        r = self.recall_by.get(label, Tally()).rate
        p = self.precision_by.get(label, Tally()).rate
        return 2 * p * r / (p + r) if p + r else 0.0

    def format(self) -> str:
        """The headline figures and the per-type table."""
        labels = sorted(set(self.recall_by) | set(self.precision_by))
        lines = [
            f"sentences {self.sentences}, gold pairs {self.type_recall.total}, "
            f"coded events {self.type_precision.total}" + (f"  [{self.note}]" if self.note else ""),
            f"type recall     {self.type_recall}",
            f"type precision  {self.type_precision}",
            f"dyad recall     {self.dyad_recall}",
            "",
            f"{'type':<10} {'gold':>5} {'recall':>7} {'coded':>6} {'prec':>6} {'F1':>6}",
        ]
        for label in labels:
            r = self.recall_by.get(label, Tally())
            p = self.precision_by.get(label, Tally())
            lines.append(
                f"{label:<10} {r.total:>5} {r.rate:>7.3f} {p.total:>6} {p.rate:>6.3f} "
                f"{self.f1(label):>6.3f}"
            )
        gold_labels = [x for x in labels if self.recall_by.get(x)]
        macro = sum(self.f1(x) for x in gold_labels) / len(gold_labels) if gold_labels else 0.0
        lines.append(f"macro F1 over the {len(gold_labels)} gold types: {macro:.3f}")
        return "\n".join(lines)


def by_sentence(pairs: list[Pair]) -> dict[str, list[Pair]]:
    """Gold rows grouped by their sentence, in file order."""
    grouped: dict[str, list[Pair]] = {}
    for pair in pairs:
        grouped.setdefault(pair.sentence, []).append(pair)
    return grouped


def folds_of(sentences: list[str], k: int, seed: int = 0) -> list[int]:
    """A fold number per sentence: a seeded shuffle dealt round (every row of a sentence
    stays in one fold)."""
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    fold = [0] * len(sentences)
    for rank, index in enumerate(order):
        fold[index] = rank % k
    return fold


def evaluate(
    path: str | Path,
    folds: int = 0,
    model_name: str | None = None,
    use_model: bool = True,
    limit: int | None = None,
    dictionaries: Dictionaries | None = None,
    news: Path | None = None,
) -> PlvReport:
    """Code every sentence and score it; ``folds`` > 1 trains and tests a model per fold (on
    the other folds, and on the hand-coded news of the BBC folder ``news`` when given, as the
    packaged model is trained).

    With ``folds`` 0 the packaged model codes (or, with ``use_model`` False, the tables alone;
    with ``dictionaries``, the PETRARCH coder with those dictionaries).
    """
    from dateline.eval.news_cv import news_training
    from dateline.eval.train_events import examples_for, train
    from dateline.events import extract_events
    from dateline.events.model import EventModel
    from dateline.petrarch import code_events
    from dateline.pipeline import prepare

    grouped = by_sentence(load_pairs(path))
    sentences = list(grouped)[:limit]
    prepared = list(prepare(sentences, model_name))
    fold = folds_of(sentences, folds) if folds > 1 else [0] * len(sentences)
    if folds == 1:
        raise InputError("cross-validation needs at least 2 folds (or 0 for the packaged model)")
    if dictionaries is not None:
        folds = 0
    models: list[EventModel] = []
    if folds > 1:
        extra = news_training(news, model_name) if news is not None else []
        for k in range(folds):
            examples = [
                ex
                for i, p in enumerate(prepared)
                if fold[i] != k
                for ex in examples_for(p, grouped[sentences[i]])
            ]
            models.append(train(examples + extra))
    report = PlvReport()
    for i, p in enumerate(prepared):
        model: EventModel | str | None = (
            models[fold[i]] if folds > 1 else ("default" if use_model else None)
        )
        if dictionaries is not None:
            events = code_events(p.article, p.doc, p.entities, dictionaries)
        else:
            events = extract_events(
                p.article,
                p.doc,
                p.entities,
                p.quotes,
                model=model,  # type: ignore[arg-type]
            )
        report.add_sentence(grouped[sentences[i]], events, p.entities)
    report.note = (
        "PETRARCH coder with the given dictionaries"
        if dictionaries is not None
        else f"{folds}-fold cross-validation, a model trained per fold on the other folds"
        + (" and the hand-coded news" if news is not None else " (PLV alone)")
        if folds > 1
        else "packaged model (trained on PLV train: not a held-out figure on that file)"
        if use_model
        else "tables only, no model"
    )
    return report
