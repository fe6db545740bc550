"""Quotes found and speakers right on hand-coded BBC attributions (``eval/data/quotes_bbc.tsv``).

The gold gives each attribution's content span, kind, cue span, the speaker's canonical name and
the span that names the speaker at the cue (``-`` for a follow-on quote). Definitions:

- *found*: one coded quote covers at least half of the gold content's non-space characters;
- *speaker right*, over **all** gold attributions (a missed quote or a missing speaker counts as
  wrong): the found quote's speaker mention or entity overlaps the gold speaker span, or its name
  ends with the same word as the gold name (PolNeAR's rule, ``eval/polnear.speaker_right``). A
  follow-on quote has no span of its own: it is scored against the span of the last earlier
  attribution in the article with the same gold speaker (its anchor, see ``_anchor_follow_ons``);
  before this, a follow-on whose gold name ends in a lower-case word ("a council spokeswoman")
  could never be scored right;
- *content* P/R/F1 over non-space characters, as for PolNeAR.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from dateline.errors import InputError
from dateline.eval.polnear import FOUND_COVERAGE, GoldAttribution, _chars, _prf, speaker_right
from dateline.eval.tally import Tally
from dateline.schema import Document

GOLD_NAME = "quotes_bbc.tsv"
COLUMNS = 9


def _span(start: str, end: str) -> list[tuple[int, int]]:
    return [] if start == "-" else [(int(start), int(end))]


def load_gold(path: str | Path | None = None) -> dict[str, list[tuple[str, GoldAttribution]]]:
    """Gold attributions by file, each with its kind."""
    if path is None:
        text = resources.files("dateline").joinpath(f"eval/data/{GOLD_NAME}").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    gold: dict[str, list[tuple[str, GoldAttribution]]] = {}
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for n, row in enumerate(csv.reader(rows, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
        if len(row) != COLUMNS:
            raise InputError(f"gold line {n}: expected {COLUMNS} tab-separated fields")
        file, cs, ce, kind, qs, qe, speaker, ss, se = row
        attribution = GoldAttribution(
            content=[(int(cs), int(ce))],
            source=_span(ss, se),
            cue=_span(qs, qe),
            direct=kind == "direct",
            source_text=speaker,
        )
        gold.setdefault(file, []).append((kind, attribution))
    return {file: _anchor_follow_ons(rows) for file, rows in gold.items()}


def _anchor_follow_ons(
    rows: list[tuple[str, GoldAttribution]],
) -> list[tuple[str, GoldAttribution]]:
    """The rows, each follow-on (no speaker span) given the span of the last earlier row in text
    order with the same speaker name and a span: the cue that named its speaker."""
    anchors: dict[int, list[tuple[int, int]]] = {}
    last_span: dict[str, list[tuple[int, int]]] = {}
    for n, (_, attribution) in sorted(enumerate(rows), key=lambda row: row[1][1].content[0]):
        if attribution.source:
            last_span[attribution.source_text] = attribution.source
        elif attribution.source_text in last_span:
            anchors[n] = last_span[attribution.source_text]
    return [
        (kind, replace(attribution, source=anchors[n]) if n in anchors else attribution)
        for n, (kind, attribution) in enumerate(rows)
    ]


@dataclass
class SpeakerReport:
    """Found and speaker-right tallies, overall and by kind, and character content scores."""

    articles: int = 0
    found: Tally = field(default_factory=Tally)
    right: Tally = field(default_factory=Tally)
    by_kind: dict[str, tuple[Tally, Tally]] = field(default_factory=dict)
    content: Tally = field(default_factory=Tally)
    outcomes: Counter[str] = field(default_factory=Counter)

    def add(self, document: Document, gold: list[tuple[str, GoldAttribution]]) -> None:
        """Score one article."""
        self.articles += 1
        text = document.text
        quotes = [(q, _chars(text, [(q.start, q.end)])) for q in document.quotes]
        for kind, attribution in gold:
            content = _chars(text, attribution.content)
            # the quote covering most of the content; of equals, the tightest (as eval/polnear)
            best = max(quotes, key=lambda qc: (len(qc[1] & content), -len(qc[1])), default=None)
            found = best is not None and len(best[1] & content) >= FOUND_COVERAGE * len(content)
            right = found and best is not None and speaker_right(document, best[0], attribution)
            if not found:
                self.outcomes["missed"] += 1
            elif best is not None and best[0].speaker is None:
                self.outcomes["found, no speaker"] += 1
            else:
                self.outcomes["found, speaker right" if right else "found, speaker wrong"] += 1
            self.found.add(found)
            self.right.add(right)
            tallies = self.by_kind.setdefault(kind, (Tally(), Tally()))
            tallies[0].add(found)
            tallies[1].add(right)
        self.content += _prf(
            text,
            ((q.start, q.end) for q in document.quotes),
            (s for _, a in gold for s in a.content),
        )

    def format(self) -> str:
        """The figures and the breakdown by kind."""
        lines = [
            f"articles {self.articles}, gold attributions {self.found.total}",
            f"found                      {self.found}",
            f"speaker right (of all)     {self.right}",
            f"content P/R/F1 (chars)     {self.content.precision:.3f} {self.content.recall:.3f} "
            f"{self.content.f1:.3f}",
            "",
            f"{'kind':<10}{'gold':>6}{'found':>8}{'speaker':>9}",
        ]
        for kind, (found, right) in sorted(self.by_kind.items()):
            lines.append(f"{kind:<10}{found.total:>6}{found.rate:>8.3f}{right.rate:>9.3f}")
        lines += ["", *(f"{k}: {n}" for k, n in sorted(self.outcomes.items()))]
        return "\n".join(lines)


def evaluate(text_dir: str | Path, gold_path: str | Path | None = None) -> SpeakerReport:
    """Analyse the gold articles (as files, end to end) and score their quotes."""
    from dateline.ingest import read_path
    from dateline.pipeline import analyze_raw

    gold = load_gold(gold_path)
    folder = Path(text_dir)
    files = sorted(gold)
    missing = [f for f in files if not (folder / f).is_file()]
    if missing:
        raise InputError(f"{folder}: {len(missing)} gold articles missing (e.g. {missing[0]})")
    report = SpeakerReport()
    for file, outcome in zip(files, analyze_raw(read_path(folder / f) for f in files), strict=True):
        if outcome.document is None:
            raise InputError(outcome.error or f"{file}: analysis failed")
        report.add(outcome.document, gold[file])
    return report
