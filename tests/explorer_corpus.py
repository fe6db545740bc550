"""A small corpus for the explorer tests: the seed TASS story and three invented wire stories
(one with a ``<script>`` in its text), ingested once per test session into a SQLite file."""

from __future__ import annotations

import json
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


def build(folder: Path) -> Path:
    """Ingest the articles (in this process) into ``folder/explorer.db``; its path."""
    from dateline.batch import ingest

    folder.mkdir(parents=True, exist_ok=True)
    items = folder / "items.jsonl"
    items.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "explorer.db"
    summary = ingest([items], f"sqlite:///{db}", workers=0)
    assert summary.stored == len(ARTICLES), summary.line()
    return db
