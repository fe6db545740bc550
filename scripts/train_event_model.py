"""Train the event model shipped in the package (``src/dateline/data/event_model.json`` and the
``.npz`` beside it, the same numbers as one matrix, which the package loads).

Training data:
- PLV train (``../shared/data/plv/PLV_train.tsv``: human-coded PLOVER relations from the ZSP
  paper's repository, snowood1/Zero-Shot-PLOVER; see that folder's README for its terms);
- dateline's own hand-coded news (``dateline.eval.train_events.NEWS_GOLD``: 560 sentences of the
  BBC politics articles in ``../shared/data/bbc/politics-train``, coded by this project, offsets
  only; the articles themselves are from the BBC News dataset of Greene and Cunningham, 2006, for
  research use). The held-out news sets (``events_bbc_heldout3.tsv``,
  ``events_bbc_heldout4.tsv``) are never read.

Deterministic: the same files and pipeline give the same weights. Run from the repository root:

    python scripts/train_event_model.py ../shared/data/plv/PLV_train.tsv
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from dateline.eval.news_cv import news_training
from dateline.eval.plv import by_sentence, load_pairs
from dateline.eval.train_events import NEWS_GOLD, examples_for, train
from dateline.events.model import EventModel
from dateline.pipeline import prepare

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/dateline/data/event_model.json"
NEWS = ROOT.parent / "shared/data/bbc/politics-train"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plv", type=Path, help="PLV_train.tsv")
    parser.add_argument("--news", type=Path, default=NEWS, help="the BBC politics-train folder")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: dateline's)")
    args = parser.parse_args()
    pairs = load_pairs(args.plv)
    grouped = by_sentence(pairs)
    sentences = list(grouped)
    examples = [
        ex
        for prepared, sentence in zip(prepare(sentences, args.model), sentences, strict=True)
        for ex in examples_for(prepared, grouped[sentence])
    ]
    news = news_training(args.news, args.model)
    digest = hashlib.sha256(args.plv.read_bytes()).hexdigest()[:12]
    gold = ", ".join(NEWS_GOLD)
    about = (
        f"Logistic regression over candidate features; trained by scripts/train_event_model.py "
        f"on {args.plv.name} (sha256 {digest}, {len(pairs)} rows, {len(examples)} candidates) "
        f"and dateline's hand-coded BBC news ({gold}: {len(news)} candidates)."
    )
    text = train(examples + news, about=about).to_json()
    args.out.write_text(text + "\n", "utf-8")
    # the run-time copy: the JSON's own (rounded) numbers as one matrix, quick to load
    model = EventModel.from_json(text)
    args.out.with_suffix(".npz").write_bytes(model.to_npz())
    print(
        f"{args.out} (+ .npz): {len(model.classes)} classes, {len(model.features)} features; {about}"
    )


if __name__ == "__main__":
    main()
