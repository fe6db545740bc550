"""Choose the event model's regularisation (``C``) and the coder's decision thresholds by
cross-validation on hand-coded news, PLV train in every fold's training.

The news training gold (``dateline.eval.train_events.NEWS_GOLD``: 560 BBC sentences of all 120
articles) is dealt into folds by article; for each setting a model is trained per fold on PLV
train and the other folds' articles, and the fold's articles are coded end to end and scored by
offsets (strict: type, negation and both sides). The held-out news sets
(``events_bbc_heldout3.tsv``, ``events_bbc_heldout4.tsv``) are never read. Prints each setting's
precision, recall and F1 and the best by F1. Run from the repository root:

    python scripts/tune_event_news.py ../shared/data/bbc/politics-train ../shared/data/plv/PLV_train.tsv
"""

from __future__ import annotations

import argparse
import itertools

from dateline.eval.news_cv import news_folds
from dateline.eval.train_events import coder_settings, news_gold_paths

CS = (1.0, 3.0, 10.0)
"""Inverse regularisation strengths of the logistic regression tried."""
GRID = {
    "MODEL_THRESHOLD": (0.2, 0.3, 0.4),
    "UNTARGETED_THRESHOLD": (0.3, 0.45, 0.6),
    "NONE_MARGIN": (0.5, 1.0),
}
"""The threshold settings tried, with the model never overruling a table row
(``MODEL_OVERRULES_TABLE`` off); the best setting is then scored with it on, at 0.6 and 0.8."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bbc", help="the BBC politics-train folder")
    parser.add_argument("plv", help="PLV_train.tsv")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    data = news_folds(args.bbc, news_gold_paths(), args.plv, args.folds)
    results = []
    for c in CS:
        models = data.models(c)
        for combo in itertools.product(*GRID.values()):
            values = dict(zip(GRID, combo, strict=True))
            with coder_settings(values):
                report = data.report(models)
            p, r = report.precision, report.recall
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            results.append((f1, c, values))
            shown = " ".join(f"{k}={v}" for k, v in values.items())
            print(f"C={c:<4} {shown}  P {report.emitted}  R {report.gold}  F1 {f1:.3f}", flush=True)
    f1, c, values = max(results, key=lambda x: x[0])
    print(f"best: C={c} {values} F1 {f1:.3f}")
    models = data.models(c)
    for at in (0.6, 0.8):
        overruling = {**values, "MODEL_OVERRULES_TABLE": True, "TABLE_OVERRULED_AT": at}
        with coder_settings(overruling):
            report = data.report(models)
        print(
            f"best with the model overruling the table at {at}: P {report.emitted}  R {report.gold}"
        )


if __name__ == "__main__":
    main()
