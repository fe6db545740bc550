"""Fit the shipped confidence calibration: raw quote and event scores -> measured probabilities.

    python scripts/calibrate_confidence.py [--polnear ../shared/data/polnear/dev]
        [--plv ../shared/data/plv/PLV_train.tsv] [--news ../shared/data/bbc/politics-train]
        [--folds 5] [--out src/dateline/data/confidence.json]

Both stages run with their raw (hand-written) scores (``calibration.raw_confidences``); each
finding is marked right or wrong; a monotone map per kind is fitted by pooled adjacent violators
(isotonic regression, weighted by the number of findings at each raw score) and written with the
data and definitions it came from. Definitions:

- quote (PolNeAR dev, brat gold, the first annotator's file per article as ``eval.polnear``):
  a predicted quote is *right* when it shares a non-space character with the content of a gold
  attribution that has a source, and its speaker is that source (``eval.polnear.speaker_right``)
  for one of those attributions; *wrong* when it overlaps no gold content (a quote the gold does
  not have), has no speaker, or has the wrong one. A quote that overlaps only gold attributions
  without a source is left out: the gold does not say who spoke.
- event (PLV train, 5-fold cross-validation as ``eval.plv.evaluate``: a model trained per fold on
  the other folds and the hand-coded news, as the shipped model is, codes the held-out
  sentences): an event is *right* when its type is among its sentence's gold types (PLV type
  precision).

The reliability tables and Brier scores printed are in-sample: the map is fitted and scored on the
same findings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path

from dateline.calibration import Curve, raw_confidences

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "dev"
PLV = ROOT.parent / "shared" / "data" / "plv" / "PLV_train.tsv"
NEWS = ROOT.parent / "shared" / "data" / "bbc" / "politics-train"
OUT = ROOT / "src" / "dateline" / "data" / "confidence.json"

Finding = tuple[float, bool]

QUOTE_DEFINITION = (
    "right: the quote shares a non-space character with the content of a gold attribution that "
    "has a source, and its speaker is that source (dateline.eval.polnear.speaker_right) for one "
    "of them; wrong: it overlaps no gold content, has no speaker or the wrong one; left out: it "
    "overlaps only gold attributions without a source"
)
EVENT_DEFINITION = (
    "right: the event's type is among its sentence's gold types (PLV type precision); events "
    "coded by a model trained on the other folds and the hand-coded news"
)


def quote_findings(split: Path) -> tuple[list[Finding], dict[str, int]]:
    """(raw confidence, right) per predicted quote on a PolNeAR split."""
    from dateline.eval.polnear import _chars, pair_articles, parse_ann, speaker_right
    from dateline.ingest import read_path
    from dateline.pipeline import analyze_raw

    pairs = pair_articles(split)
    raws = [read_path(txt) for txt, _ in pairs]
    found: list[Finding] = []
    counts = {"articles": 0, "failed": 0, "left_out": 0}
    with raw_confidences():
        outcomes = list(analyze_raw(raws))
    for (_txt, ann), raw, outcome in zip(pairs, raws, outcomes, strict=True):
        document = outcome.document
        if document is None or document.text != raw.content:
            counts["failed"] += 1
            continue
        counts["articles"] += 1
        gold = parse_ann(ann.read_text(encoding="utf-8"), raw.content).attributions
        contents = [(g, _chars(document.text, g.content)) for g in gold]
        for quote in document.quotes:
            chars = _chars(document.text, [(quote.start, quote.end)])
            touched = [g for g, c in contents if c & chars]
            sourced = [g for g in touched if g.source]
            if touched and not sourced:
                counts["left_out"] += 1
                continue
            right = any(speaker_right(document, quote, g) for g in sourced)
            found.append((quote.confidence, right))
    return found, counts


def event_findings(path: Path, folds: int, news: Path) -> tuple[list[Finding], dict[str, int]]:
    """(raw confidence, right) per event coded on PLV with ``folds``-fold cross-validation."""
    from dateline.eval.news_cv import news_training
    from dateline.eval.plv import by_sentence, folds_of, load_pairs, plover_types
    from dateline.eval.train_events import examples_for, train
    from dateline.events import extract_events
    from dateline.pipeline import prepare

    grouped = by_sentence(load_pairs(path))
    sentences = list(grouped)
    with raw_confidences():
        prepared = list(prepare(sentences))
        extra = news_training(news)
        fold = folds_of(sentences, folds)
        models = [
            train(
                [
                    ex
                    for i, p in enumerate(prepared)
                    if fold[i] != k
                    for ex in examples_for(p, grouped[sentences[i]])
                ]
                + extra
            )
            for k in range(folds)
        ]
        found: list[Finding] = []
        for i, p in enumerate(prepared):
            gold = frozenset().union(*(plover_types(x.type) for x in grouped[sentences[i]]))
            events = extract_events(p.article, p.doc, p.entities, p.quotes, model=models[fold[i]])
            found += [(e.confidence, e.type in gold) for e in events]
    return found, {"sentences": len(sentences), "rows": sum(map(len, grouped.values()))}


def isotonic(findings: Sequence[Finding]) -> Curve:
    """Pooled adjacent violators over the distinct raw scores, weighted by their counts."""
    by_raw: dict[float, list[int]] = {}
    for score, ok in findings:
        tally = by_raw.setdefault(round(score, 4), [0, 0])
        tally[0] += int(ok)
        tally[1] += 1
    blocks: list[list[float]] = []  # [right, n, first raw, last raw]
    for score in sorted(by_raw):
        hits, count = by_raw[score]
        blocks.append([hits, count, score, score])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            merged = blocks.pop()
            blocks[-1][0] += merged[0]
            blocks[-1][1] += merged[1]
            blocks[-1][3] = merged[3]
    xs: list[float] = []
    ys: list[float] = []
    for right, n, first, last in blocks:
        ends = (first, last) if last > first else (first,)
        xs += ends
        ys += [round(right / n, 4)] * len(ends)
    return Curve(tuple(xs), tuple(ys))


def brier(findings: Sequence[Finding], curve: Curve | None = None) -> float:
    return sum(((curve(r) if curve else r) - y) ** 2 for r, y in findings) / max(len(findings), 1)


def reliability(findings: Sequence[Finding], curve: Curve, bins: int = 10) -> str:
    """Findings binned by raw score: n, mean raw, observed rate, mean calibrated."""
    rows = [f"{'raw bin':<12}{'n':>6}{'raw':>8}{'observed':>10}{'calibrated':>12}"]
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(r, y) for r, y in findings if lo <= r < hi or (b == bins - 1 and r == 1.0)]
        if not inside:
            continue
        n = len(inside)
        rows.append(
            f"[{lo:.1f}, {hi:.1f}{']' if b == bins - 1 else ')'}  {n:>6}"
            f"{sum(r for r, _ in inside) / n:>8.3f}{sum(y for _, y in inside) / n:>10.3f}"
            f"{sum(curve(r) for r, _ in inside) / n:>12.3f}"
        )
    return "\n".join(rows)


def summary(kind: str, findings: Sequence[Finding], curve: Curve) -> str:
    right = sum(y for _, y in findings)
    return "\n".join(
        [
            f"== {kind}: {len(findings)} findings, {right} right "
            f"({right / max(len(findings), 1):.3f})",
            reliability(findings, curve),
            f"Brier (in-sample) raw {brier(findings):.4f} -> calibrated {brier(findings, curve):.4f}",
            "",
        ]
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR)
    parser.add_argument("--plv", type=Path, default=PLV)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    quotes, quote_counts = quote_findings(args.polnear)
    events, event_counts = event_findings(args.plv, args.folds, args.news)
    kinds = {}
    for kind, findings, source, definition, counts in (
        ("quote", quotes, f"PolNeAR dev ({args.polnear.name})", QUOTE_DEFINITION, quote_counts),
        (
            "event",
            events,
            f"PLV train ({args.plv.name}, sha256 "
            f"{hashlib.sha256(args.plv.read_bytes()).hexdigest()[:12]}), "
            f"{args.folds}-fold cross-validation, each fold also trained on the hand-coded news",
            EVENT_DEFINITION,
            event_counts,
        ),
    ):
        curve = isotonic(findings)
        print(summary(kind, findings, curve))
        kinds[kind] = {
            "x": list(curve.x),
            "y": list(curve.y),
            "data": source,
            "definition": definition,
            "findings": len(findings),
            "right": sum(y for _, y in findings),
            "counts": counts,
            "brier_raw_in_sample": round(brier(findings), 4),
            "brier_calibrated_in_sample": round(brier(findings, curve), 4),
        }
    table = {
        "about": "Isotonic maps from the quote and event stages' raw scores to the measured rate "
        "at which such findings are right; fitted by scripts/calibrate_confidence.py "
        "(interpolated linearly between breakpoints, flat outside them).",
        "date": dt.date.today().isoformat(),
        "kinds": kinds,
    }
    args.out.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
