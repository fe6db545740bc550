"""The event model: a multinomial logistic regression over candidate features, shipped as JSON.

``scripts/train_event_model.py`` trains it (scikit-learn, the ``train`` extra) on PLV train and
writes ``data/event_model.json``; at run time scoring is a sparse dot product in plain Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from dateline.errors import DatelineError

NONE = "NONE"
"""The class of a candidate that is no event."""
MODEL_FILE = "data/event_model.json"


@dataclass(frozen=True)
class EventModel:
    """Class names, per-feature weights (sparse: class index -> weight) and intercepts."""

    classes: tuple[str, ...]
    weights: dict[str, dict[int, float]]
    intercepts: tuple[float, ...]
    about: str = ""
    triggers: frozenset[str] = frozenset()
    """Lemmas that told an event in the training data."""

    @cached_property
    def _dense(self) -> tuple[dict[str, int], np.ndarray]:
        """Each feature's row of a dense weight matrix whose row 0 is the intercepts."""
        rows = {feature: n for n, feature in enumerate(self.weights, start=1)}
        matrix = np.zeros((len(rows) + 1, len(self.classes)))
        matrix[0] = self.intercepts
        for feature, n in rows.items():
            for index, weight in self.weights[feature].items():
                matrix[n, index] = weight
        return rows, matrix

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        """P(class | features), softmax of the summed weights (summed in the features' order,
        from the intercept, as the sparse sum would: a zero weight adds nothing)."""
        rows, matrix = self._dense
        found = [0] + [n for f in features if (n := rows.get(f)) is not None]
        scores: list[float] = matrix[found].sum(axis=0).tolist()
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def best(self, features: Sequence[str]) -> tuple[str, float, float]:
        """(the likeliest event type, its probability, the probability of no event)."""
        probs = self.probabilities(features)
        label = max((c for c in self.classes if c != NONE), key=probs.__getitem__)
        return label, probs[label], probs.get(NONE, 0.0)

    def to_json(self) -> str:
        """The model as the JSON the package ships."""
        return json.dumps(
            {
                "about": self.about,
                "classes": list(self.classes),
                "intercepts": [round(x, 5) for x in self.intercepts],
                "triggers": sorted(self.triggers),
                "weights": {
                    f: {str(i): round(w, 5) for i, w in ws.items()}
                    for f, ws in sorted(self.weights.items())
                },
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str, where: str = "event model") -> EventModel:
        """Read a model written by ``to_json``."""
        try:
            raw = json.loads(text)
            return cls(
                classes=tuple(raw["classes"]),
                weights={
                    f: {int(i): float(w) for i, w in ws.items()} for f, ws in raw["weights"].items()
                },
                intercepts=tuple(float(x) for x in raw["intercepts"]),
                about=raw.get("about", ""),
                triggers=frozenset(raw.get("triggers", [])),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise DatelineError(f"{where}: not an event model ({exc})") from exc


def load(path: str | Path) -> EventModel:
    """A model file of one's own (``--event-model``)."""
    p = Path(path)
    if not p.is_file():
        raise DatelineError(f"{p}: no such event model file")
    return EventModel.from_json(p.read_text("utf-8"), str(p))


@lru_cache(maxsize=1)
def default_model() -> EventModel | None:
    """The packaged model (None when the package was built without one)."""
    resource = resources.files("dateline").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    return EventModel.from_json(resource.read_text("utf-8"), MODEL_FILE)


Example = tuple[Sequence[str], str]
"""Features and label of one candidate."""


def fit(examples: Sequence[Example], c: float = 1.0, about: str = "") -> EventModel:
    """Train on (features, label) pairs with scikit-learn's logistic regression."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - the train extra is missing
        raise DatelineError("training needs scikit-learn: pip install 'dateline[train]'") from exc
    vectorizer = DictVectorizer()
    labels = [label for _, label in examples]
    if len(set(labels)) < 2:
        raise DatelineError("training needs examples of at least two classes")
    matrix = vectorizer.fit_transform([dict.fromkeys(feats, 1.0) for feats, _ in examples])
    classifier = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    classifier.fit(matrix, labels)
    coef, intercept = classifier.coef_, classifier.intercept_
    if len(classifier.classes_) == 2:
        # scikit-learn keeps one row for two classes: the second class's log-odds
        coef = [-coef[0] / 2, coef[0] / 2]
        intercept = [-intercept[0] / 2, intercept[0] / 2]
    names = vectorizer.get_feature_names_out()
    weights: dict[str, dict[int, float]] = {}
    for k, name in enumerate(names):
        column = {i: float(coef[i][k]) for i in range(len(classifier.classes_))}
        kept = {i: w for i, w in column.items() if abs(w) >= 1e-3}
        if kept:
            weights[str(name)] = kept
    return EventModel(
        classes=tuple(str(c) for c in classifier.classes_),
        weights=weights,
        intercepts=tuple(float(x) for x in intercept),
        about=about,
        triggers=frozenset(
            f[2:] for feats, label in examples if label != NONE for f in feats if f[:2] == "l="
        ),
    )
