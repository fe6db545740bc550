"""The event model: a multinomial logistic regression over candidate features.

``scripts/train_event_model.py`` trains it (scikit-learn, the ``train`` extra) on PLV train and
hand-coded news and writes it twice: ``data/event_model.json`` (the readable, reviewable form:
sparse weights by feature name) and ``data/event_model.npz`` (the same numbers as one dense
matrix, which loads in milliseconds instead of the ~0.14 CPU s of parsing the JSON into
dictionaries: a cost every worker and every one-article ``analyze`` paid). At run time scoring
sums the matrix rows of the candidate's features.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from dateline.errors import DatelineError

NONE = "NONE"
"""The class of a candidate that is no event."""
MODEL_FILE = "data/event_model.json"
MATRIX_FILE = "data/event_model.npz"


@dataclass(frozen=True, eq=False)
class EventModel:
    """Class names and a dense weight matrix: row 0 the intercepts, row ``n`` the weights of
    ``features[n - 1]``, one column per class."""

    classes: tuple[str, ...]
    features: tuple[str, ...]
    matrix: np.ndarray
    about: str = ""
    triggers: frozenset[str] = frozenset()
    """Lemmas that told an event in the training data."""

    @classmethod
    def sparse(
        cls,
        classes: Sequence[str],
        weights: Mapping[str, Mapping[int, float]],
        intercepts: Sequence[float],
        about: str = "",
        triggers: frozenset[str] = frozenset(),
    ) -> EventModel:
        """A model from per-feature weights (sparse: class index -> weight) and intercepts."""
        matrix = np.zeros((len(weights) + 1, len(classes)))
        matrix[0] = intercepts
        for n, feature in enumerate(weights, start=1):
            for index, weight in weights[feature].items():
                matrix[n, index] = weight
        return cls(tuple(classes), tuple(weights), matrix, about, triggers)

    @cached_property
    def rows(self) -> dict[str, int]:
        """Each feature's row of ``matrix``."""
        return {feature: n for n, feature in enumerate(self.features, start=1)}

    @property
    def intercepts(self) -> tuple[float, ...]:
        return tuple(float(x) for x in self.matrix[0])

    @cached_property
    def weights(self) -> dict[str, dict[int, float]]:
        """Per-feature weights, zeros left out (the JSON form)."""
        return {
            feature: {i: float(w) for i, w in enumerate(self.matrix[n]) if w != 0.0}
            for feature, n in self.rows.items()
        }

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        """P(class | features), softmax of the summed weights (summed in the features' order,
        from the intercept, as the sparse sum would: a zero weight adds nothing)."""
        rows = self.rows
        found = [0] + [n for f in features if (n := rows.get(f)) is not None]
        scores: list[float] = self.matrix[found].sum(axis=0).tolist()
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
            return cls.sparse(
                classes=tuple(raw["classes"]),
                weights={
                    f: {int(i): float(w) for i, w in ws.items()} for f, ws in raw["weights"].items()
                },
                intercepts=tuple(float(x) for x in raw["intercepts"]),
                about=raw.get("about", ""),
                triggers=frozenset(raw.get("triggers", [])),
            )
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise DatelineError(f"{where}: not an event model ({exc})") from exc

    def to_npz(self) -> bytes:
        """The model as the ``.npz`` the package ships beside the JSON."""
        out = io.BytesIO()
        np.savez_compressed(
            out,
            classes=np.array("\n".join(self.classes)),
            features=np.array("\n".join(self.features)),
            matrix=self.matrix,
            about=np.array(self.about),
            triggers=np.array("\n".join(sorted(self.triggers))),
        )
        return out.getvalue()

    @classmethod
    def from_npz(cls, data: bytes, where: str = "event model") -> EventModel:
        """Read a model written by ``to_npz`` (arrays only: no pickled objects are loaded)."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as z:
                classes = tuple(str(z["classes"]).split("\n"))
                features = str(z["features"])
                matrix = np.asarray(z["matrix"], dtype=np.float64)
                about, triggers = str(z["about"]), str(z["triggers"])
        except (ValueError, KeyError, OSError, EOFError, zipfile.BadZipFile) as exc:
            raise DatelineError(f"{where}: not an event model ({exc})") from exc
        names = tuple(features.split("\n")) if features else ()
        if matrix.shape != (len(names) + 1, len(classes)):
            raise DatelineError(f"{where}: not an event model (matrix shape {matrix.shape})")
        return cls(classes, names, matrix, about, frozenset(triggers.split("\n")) - {""})


def load(path: str | Path) -> EventModel:
    """A model file of one's own, for ``extract_events(..., model=load(path))`` (no command
    takes one): the JSON, or its ``.npz``."""
    p = Path(path)
    if not p.is_file():
        raise DatelineError(f"{p}: no such event model file")
    if p.suffix == ".npz":
        return EventModel.from_npz(p.read_bytes(), str(p))
    return EventModel.from_json(p.read_text("utf-8"), str(p))


@lru_cache(maxsize=1)
def default_model() -> EventModel | None:
    """The packaged model (None when the package was built without one): its ``.npz``, else its
    JSON."""
    data = resources.files("dateline")
    if data.joinpath(MATRIX_FILE).is_file():
        return EventModel.from_npz(data.joinpath(MATRIX_FILE).read_bytes(), MATRIX_FILE)
    if data.joinpath(MODEL_FILE).is_file():
        return EventModel.from_json(data.joinpath(MODEL_FILE).read_text("utf-8"), MODEL_FILE)
    return None


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
    return EventModel.sparse(
        classes=tuple(str(c) for c in classifier.classes_),
        weights=weights,
        intercepts=tuple(float(x) for x in intercept),
        about=about,
        triggers=frozenset(
            f[2:] for feats, label in examples if label != NONE for f in feats if f[:2] == "l="
        ),
    )
