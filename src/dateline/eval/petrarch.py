"""``dateline eval petrarch``: code PETRARCH2's unit-test records from their text and score them.

Each ``<Sentence>`` gives a date, a text and the expected ``<EventCoding>`` (source, target and
event code, ``noevents`` or an ``error`` such as a discard). A record passes when the set of
coded (source, target, code) triples equals the expected set, when a ``noevents`` record codes
nothing, and when an ``error`` record is refused for that reason. The ``<Parse>`` trees are not
used: the text is parsed with spaCy.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import DatelineError
from dateline.petrarch.dictionaries import Dictionaries, build

ENVIRONMENT_FILES = {
    "Verbfile": "verbs",
    "Actorfile": "actors",
    "Agentfile": "agents",
    "Discardfile": "discards",
}


@dataclass
class Record:
    """One unit-test sentence and what it should code."""

    id: str
    category: str
    date: dt.date | None
    text: str
    expected: set[tuple[str, str, str]] = field(default_factory=set)
    noevents: bool = False
    error: str | None = None


@dataclass
class Outcome:
    """A record's result."""

    record: Record
    coded: set[tuple[str, str, str]]
    error: str | None
    passed: bool


@dataclass
class Report:
    """Records passed per category, with the failures."""

    outcomes: list[Outcome]
    dictionaries: str

    @property
    def passed(self) -> int:
        return sum(o.passed for o in self.outcomes)

    def format(self, failures: bool = True) -> str:
        lines = [f"dictionaries: {self.dictionaries}"]
        by_category: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in self.outcomes:
            by_category[outcome.record.category].append(outcome)
        total = len(self.outcomes)
        lines.append(
            f"records passed: {self.passed}/{total} ({100 * self.passed / max(total, 1):.1f}%)"
        )
        for category in sorted(by_category):
            group = by_category[category]
            ok = sum(o.passed for o in group)
            lines.append(f"  {category:<10} {ok:>3}/{len(group):<3} ({100 * ok / len(group):.0f}%)")
        if failures:
            lines.append("failures:")
            for o in self.outcomes:
                if o.passed:
                    continue
                want = (
                    f"error={o.record.error}"
                    if o.record.error
                    else "no events"
                    if o.record.noevents
                    else _triples(o.record.expected)
                )
                got = f"error={o.error}" if o.error else _triples(o.coded) or "nothing"
                lines.append(f"  {o.record.id} [{o.record.category}] want {want}; got {got}")
        return "\n".join(lines)


def _triples(items: set[tuple[str, str, str]]) -> str:
    return " ".join(f"{s}/{t}/{c}" for s, t, c in sorted(items))


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime((value or "").strip(), "%Y%m%d").date()
    except ValueError:
        return None


def read_records(path: Path) -> tuple[dict[str, list[Path]], list[Record]]:
    """The suite's ``<Environment>`` dictionary files and its ``<Sentence>`` records."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DatelineError(f"{path}: cannot read the records ({exc})") from exc
    files: dict[str, list[Path]] = {}
    environment = root.find("Environment")
    if environment is not None:
        for tag, kind in ENVIRONMENT_FILES.items():
            for node in environment.findall(tag):
                if node.text and node.text.strip():
                    files.setdefault(kind, []).append(path.parent / node.text.strip())
    records: list[Record] = []
    for sentence in root.iter("Sentence"):
        text_node = sentence.find("Text")
        record = Record(
            id=sentence.get("id", "?"),
            category=sentence.get("category", "?").rstrip("Sx").upper() or "?",
            date=_date(sentence.get("date")),
            text=" ".join((text_node.text or "").split()) if text_node is not None else "",
        )
        for coding in sentence.findall("EventCoding"):
            if (coding.get("noevents") or "").lower() == "true":
                record.noevents = True
            elif coding.get("error"):
                record.error = coding.get("error")
            elif coding.get("eventcode"):
                record.expected.add(
                    (
                        coding.get("sourcecode", ""),
                        coding.get("targetcode", ""),
                        coding.get("eventcode", ""),
                    )
                )
        if not record.expected and record.error is None:
            record.noevents = True
        records.append(record)
    return files, records


def evaluate(
    records_path: Path, dictionaries: Dictionaries | None = None, model: str | None = None
) -> Report:
    """Code every record's text and compare with what it expects."""
    from dateline import nlp
    from dateline.petrarch.coder import SentenceCoder

    files, records = read_records(records_path)
    if dictionaries is None:
        missing = [k for k in ("verbs", "actors") if k not in files]
        if missing:
            raise DatelineError(
                f"{records_path}: <Environment> names no {' or '.join(missing)} file"
            )
        dictionaries = build(files)
    outcomes: list[Outcome] = []
    docs = nlp.pipe((r.text for r in records), model)
    for record, doc in zip(records, docs, strict=True):
        coded: set[tuple[str, str, str]] = set()
        error: str | None = None
        for sent in doc.sents:
            coder = SentenceCoder(sent, dictionaries, record.date)
            reason = coder.discard()
            if reason is not None:
                error = error if error == "storydiscard" else reason
                continue
            coded |= {(c.source.code, c.target.code, c.code) for c in coder.code()}
        if error == "storydiscard":
            coded = set()
        if record.error is not None:
            passed = error == record.error
        elif record.noevents:
            passed = not coded
        else:
            passed = coded == record.expected
        outcomes.append(Outcome(record, coded, error, passed))
    return Report(outcomes, dictionaries.summary())
