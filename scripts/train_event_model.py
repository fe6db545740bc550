"""Train the event model shipped in the package (``src/dateline/data/event_model.json``).

Training data: PLV train (``../shared/data/plv/PLV_train.tsv``: human-coded PLOVER relations from
the ZSP paper's repository, snowood1/Zero-Shot-PLOVER; see that folder's README for its terms).
Deterministic: the same file and pipeline give the same weights. Run from the repository root:

    python scripts/train_event_model.py ../shared/data/plv/PLV_train.tsv
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from dateline.eval.plv import by_sentence, load_pairs
from dateline.eval.train_events import examples_for, train
from dateline.pipeline import prepare

OUT = Path(__file__).resolve().parents[1] / "src/dateline/data/event_model.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plv", type=Path, help="PLV_train.tsv")
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
    digest = hashlib.sha256(args.plv.read_bytes()).hexdigest()[:12]
    about = (
        f"Logistic regression over candidate features; trained by scripts/train_event_model.py "
        f"on {args.plv.name} (sha256 {digest}, {len(pairs)} rows, {len(examples)} candidates)."
    )
    model = train(examples, about=about)
    args.out.write_text(model.to_json() + "\n", "utf-8")
    print(f"{args.out}: {len(model.classes)} classes, {len(model.weights)} features; {about}")


if __name__ == "__main__":
    main()
