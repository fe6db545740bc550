"""A small corpus for the explorer tests: the seed TASS story and three invented wire stories
(one with a ``<script>`` in its text), ingested once per test session into a SQLite file."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "tass-2016-12-01-lavrov-cavusoglu.txt"
SCRIPT = "<script>document.title='pwned'</script>"
IMG = "<img src=x onerror=\"document.title='pwned'\">"

ARTICLES = [
    {
        "text": SEED.read_text("utf-8"),
        "published": "2016-12-01",
        "source": "TASS",
        "url": "https://example.org/tass/lavrov-cavusoglu",
    },
    {
        "text": "Senate passes budget after a long night\n\n"
        "WASHINGTON, March 3 (Reuters) - The Senate passed the budget on Tuesday after a long "
        f"debate over roads, schools and the army. {SCRIPT} {IMG}\n\n"
        '"This is a good day for the country," Senator Jane Holloway told reporters.\n\n'
        "Holloway said the bill would cut the deficit within five years.\n",
        "published": "2017-03-03",
        "source": "Reuters",
        "url": "https://example.org/reuters/budget",
    },
    {
        "text": "Lavrov and Cavusoglu meet again in Moscow\n\n"
        "MOSCOW, March 10 (Reuters) - Russian Foreign Minister Sergey Lavrov met Turkish Foreign "
        "Minister Mevlut Cavusoglu in Moscow on Friday.\n\n"
        '"We discussed the situation in Syria and the trade between our countries," Lavrov said '
        "after the talks.\n\n"
        "Russia criticised Turkey over the delays in the gas pipeline project. Lavrov accused "
        "Turkey of slowing the work.\n\n"
        "Cavusoglu said Turkey would sign a new trade agreement with Russia next month.\n",
        "published": "2017-03-10",
        "source": "Reuters",
        "url": "https://example.org/reuters/lavrov-moscow",
    },
    {
        "text": "Harbour workers strike over pay\n\n"
        "LISBON, May 9 (Reuters) - Dock workers in the port walked out on Friday.\n\n"
        '"We will not go back until the offer improves," union leader Marco Teixeira said.\n\n'
        "The port authority said talks would resume next week.\n",
        "published": "2017-05-09",
        "source": "Reuters",
        "url": "https://example.org/reuters/harbour",
    },
]


_BUILT: list[Path] = []
"""The store built first in this test session: later builds copy it."""


def build(folder: Path) -> Path:
    """Ingest the articles (in this process) into ``folder/explorer.db``, or copy the store an
    earlier call built in this session; its path."""
    from dateline.batch import ingest

    folder.mkdir(parents=True, exist_ok=True)
    if _BUILT and _BUILT[0].exists():
        copy = folder / "explorer.db"
        with closing(sqlite3.connect(_BUILT[0])) as source, closing(sqlite3.connect(copy)) as to:
            source.backup(to)  # the write-ahead log's pages included
        return copy
    items = folder / "items.jsonl"
    items.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "explorer.db"
    summary = ingest([items], f"sqlite:///{db}", workers=0)
    assert summary.stored == len(ARTICLES), summary.line()
    _BUILT.append(db)
    return db


POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
"""PolNeAR's dev texts (84 news articles of 2016), when ../shared/data is beside the project."""
ALERT = "<script>alert(1)</script>"
ALERT_ARTICLE = {
    "text": "Council debates the harbour plan\n\n"
    f"LISBON, June 2 (Reuters) - The city council debated the harbour plan on Monday. {ALERT}\n\n"
    '"The plan is ready," Mayor Ana Costa said.\n',
    "published": "2017-06-02",
    "source": "Reuters",
    "url": "https://example.org/reuters/alert",
}


def polnear_files(count: int | None = None) -> list[Path]:
    """``count`` PolNeAR dev texts spread over the sources (all of them when None)."""
    files = sorted(POLNEAR_DEV.glob("*.txt"))
    if count is None or count >= len(files):
        return files
    step = len(files) / count
    return [files[int(i * step)] for i in range(count)]


def polnear_item(path: Path) -> dict[str, str]:
    """A PolNeAR text as a JSONL item: published on the date in its name (``src_YYYY-MM-DD_..``)."""
    source, date = path.stem.split("_")[:2]
    return {"text": path.read_text("utf-8"), "published": date, "source": source}


def build_with_polnear(folder: Path, count: int | None = None) -> Path:
    """The seed, the ``alert(1)`` article and ``count`` PolNeAR dev texts (all when None),
    ingested into ``folder/explorer.db``; its path."""
    from dateline.batch import ingest

    folder.mkdir(parents=True, exist_ok=True)
    articles = [ARTICLES[0], ALERT_ARTICLE, *map(polnear_item, polnear_files(count))]
    items = folder / "items.jsonl"
    items.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    db = folder / "explorer.db"
    summary = ingest([items], f"sqlite:///{db}", workers=0)
    assert summary.stored == len(articles), summary.line()
    return db
