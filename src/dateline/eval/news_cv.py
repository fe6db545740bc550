"""Cross-validation of the event model on hand-coded news, and the news training examples.

The offset gold's articles are parsed once (``news_articles``); ``news_folds`` deals them into
folds by article, so no fold is scored by a model that saw its article's other sentences coded;
each fold's model trains on PLV train and the other folds' news (``eval/train_events.py``), codes
the fold's articles end to end (``NewsFolds.report``), and ``eval/events.py`` scores them by
offsets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError
from dateline.eval.events import (
    Coding,
    EventReport,
    SpanEvent,
    gold_articles,
    load_span_golds,
    score_sentence,
)
from dateline.eval.plv import by_sentence, folds_of, load_pairs
from dateline.eval.train_events import (
    C,
    examples_for,
    news_examples,
    news_gold_paths,
    train,
)
from dateline.events import extract_events
from dateline.events.model import EventModel, Example
from dateline.ingest import read_path
from dateline.pipeline import Prepared, prepare

NewsSentences = dict[str, list[tuple[int, int, list[SpanEvent]]]]
"""Each article file's gold sentences in order: span and events."""


@dataclass
class NewsFolds:
    """The news gold's articles parsed once, their training examples, PLV's, and a fold per
    article: what cross-validation on news trains and scores (``dateline eval events --cv``, and the
    threshold search of ``scripts/tune_event_news.py``)."""

    files: list[str]
    articles: list[Prepared]
    sentences: NewsSentences
    news: list[list[Example]]
    plv: list[Example]
    fold: list[int]
    folds: int

    def models(self, c: float | None = None) -> list[EventModel]:
        """A model per fold, trained on PLV and the other folds' articles."""
        return [
            train(
                self.plv
                + [ex for i, exs in enumerate(self.news) if self.fold[i] != k for ex in exs],
                c=C if c is None else c,
            )
            for k in range(self.folds)
        ]

    def report(self, models: Sequence[EventModel]) -> EventReport:
        """Every article coded by its fold's model and scored."""
        report = EventReport(sentences=sum(len(v) for v in self.sentences.values()))
        for i, p in enumerate(self.articles):
            model = models[self.fold[i]]
            coded = extract_events(p.article, p.doc, p.entities, p.quotes, model=model)
            view = Coding(p.article.text, p.entities, p.quotes)
            for start, end, events in self.sentences[self.files[i]]:
                score_sentence(report, (self.files[i], start, end), events, coded, view)
        return report


def news_articles(
    text_dir: str | Path, gold_paths: Sequence[str | Path], model_name: str | None = None
) -> tuple[list[str], list[Prepared], NewsSentences]:
    """The offset gold's article files, each read as ``dateline analyze`` reads a file and
    prepared (parsed, actors, quotes) once, and each file's gold sentences in order."""
    gold = load_span_golds(gold_paths)
    files = sorted({f for f, _, _ in gold})
    paths = gold_articles(Path(text_dir), files)
    articles = list(prepare([read_path(path).content for path in paths], model_name))
    by_file: dict[str, list[tuple[int, int, list[SpanEvent]]]] = defaultdict(list)
    for (file, start, end), events in sorted(gold.items()):
        by_file[file].append((start, end, events))
    return files, articles, dict(by_file)


def news_folds(
    text_dir: str | Path,
    gold_paths: Sequence[str | Path],
    plv_path: str | Path,
    folds: int = 5,
    model_name: str | None = None,
) -> NewsFolds:
    """Parse the news gold's articles and PLV's sentences and deal the articles into folds
    (every gold sentence of one article in one fold: no fold is scored by a model that saw
    its article's other sentences coded)."""
    if folds < 2:
        raise InputError("cross-validation needs at least 2 folds")
    files, articles, by_file = news_articles(text_dir, gold_paths, model_name)
    grouped = by_sentence(load_pairs(plv_path))
    sentences = list(grouped)
    plv = [
        ex
        for p, s in zip(prepare(sentences, model_name), sentences, strict=True)
        for ex in examples_for(p, grouped[s])
    ]
    return NewsFolds(
        files=files,
        articles=articles,
        sentences=by_file,
        news=[news_examples(p, by_file[f]) for f, p in zip(files, articles, strict=True)],
        plv=plv,
        fold=folds_of(files, folds),
        folds=folds,
    )


def news_training(text_dir: str | Path, model_name: str | None = None) -> list[Example]:
    """The event model's examples from the packaged news training gold (``NEWS_GOLD``), its
    articles read from ``text_dir`` (the BBC politics-train folder)."""
    files, articles, by_file = news_articles(text_dir, news_gold_paths(), model_name)
    return [
        ex
        for file, prepared in zip(files, articles, strict=True)
        for ex in news_examples(prepared, by_file[file])
    ]
