"""Latency of the explorer (``dateline serve``): quote search, speaker lookup and the article
page, on a synthetic SQLite store.

Builds a store of ``--quotes`` quotes (default 1,000,000; five a article) through the real
schema (``open_store``: migrations, FTS triggers) with rows inserted directly in big
transactions: Zipf-distributed words in the quotes and Zipf-distributed speakers (the most
quoted person has about 9% of the quotes, as a president would), each speaker an entity of its
article linked to a corpus actor with its aliases. Then times, in this process,

- ``search``: ``GET /api/quotes?q=...`` (one page of 50 and the total) through FastAPI's
  TestClient, for single words of every frequency band, two-word queries and phrases;
- ``speaker``: ``GET /api/quotes?speaker=...`` for full names and surnames, half of the people
  drawn by how often they are quoted, half uniformly;

and the same through ``dateline.store.query_quotes`` (one page, no total); then

- ``article page``: ``GET /articles/{id}`` (the HTML page: the stored document parsed, the text
  highlighted, the template rendered). The synthetic articles have no analysed document, so the
  seed (examples/) and a few PolNeAR dev texts, when ../shared/data is there, are analysed
  first and their documents written into ``--pages`` of the synthetic articles (the store is
  changed: a reused one keeps them);

printing p50/p95/max in ms and the CPU seconds. Targets: p95 < 50 ms for the searches and
lookups, < 100 ms for the article page, at 1,000,000 quotes.

    .venv/bin/python benchmarks/serve_latency.py --quotes 100000
    .venv/bin/python benchmarks/serve_latency.py --db /tmp/bench.db   # built once, then reused
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

QUOTES_PER_ARTICLE = 5
VOCABULARY = 20_000
SOURCES = [f"Source {n}" for n in range(20)]
COUNTRIES = ["USA", "GBR", "RUS", "TUR", "FRA", "DEU", "CHN", "IND", "BRA", "ZAF"]
CHUNK = 50_000
QUOTE_COUNTS = (  # what relinking writes (store/actors.py)
    "INSERT INTO actor_quotes (actor_id, quotes) SELECT e.actor_id, count(*) FROM quotes q "
    "JOIN entities e ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity "
    "WHERE e.actor_id IS NOT NULL GROUP BY e.actor_id"
)
TARGET_MS = 50.0
PAGE_TARGET_MS = 100.0
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "tass-2016-12-01-lavrov-cavusoglu.txt"
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
POLNEAR_PAGES = 8


def _words(rng: random.Random, n: int, syllables: range) -> list[str]:
    """``n`` distinct pronounceable made-up words."""
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    out: set[str] = set()
    while len(out) < n:
        k = rng.choice(syllables)
        out.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(k)))
    words = sorted(out)
    rng.shuffle(words)
    return words


def _zipf_cumulative(n: int, s: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1.0 / (r**s) for r in range(1, n + 1)))


class Corpus:
    """The synthetic people, words and the rows to insert."""

    def __init__(self, quotes: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.quotes = quotes
        self.vocabulary = _words(self.rng, VOCABULARY, range(2, 5))
        self.word_weights = _zipf_cumulative(VOCABULARY)
        people = max(200, quotes // 20)
        surnames = _words(self.rng, people // 3 + 1, range(2, 4))
        firsts = _words(self.rng, 300, range(2, 3))
        names: set[tuple[str, str]] = set()
        while len(names) < people:
            names.add((self.rng.choice(firsts).title(), self.rng.choice(surnames).title()))
        self.people = sorted(
            names, key=lambda n: self.rng.random()
        )  # rank order: most quoted first
        self.people_weights = _zipf_cumulative(people)
        self.ids = [
            "a" + hashlib.sha256(f"person:{f} {s}".lower().encode()).hexdigest()[:12]
            for f, s in self.people
        ]
        self.countries = [self.rng.choice(COUNTRIES) for _ in self.people]
        self.articles_of: Counter[int] = Counter()

    def quote_text(self) -> str:
        k = self.rng.randint(6, 20)
        return " ".join(self.vocabulary[i] for i in self._sample(self.word_weights, k))

    def _sample(self, weights: list[float], k: int) -> list[int]:
        return self.rng.choices(range(len(weights)), cum_weights=weights, k=k)

    def articles(self) -> Iterator[tuple[dict, list[dict], list[dict]]]:
        """(article row, entity rows, quote rows) per article."""
        n_articles = max(1, self.quotes // QUOTES_PER_ARTICLE)
        for n in range(n_articles):
            article_id = hashlib.sha256(f"article {n}".encode()).hexdigest()[:16]
            year, month, day = (
                self.rng.randint(2010, 2020),
                self.rng.randint(1, 12),
                self.rng.randint(1, 28),
            )
            speakers = self._sample(self.people_weights, QUOTES_PER_ARTICLE)
            entities: dict[int, str] = {}
            quotes = []
            for k, person in enumerate(speakers):
                first, surname = self.people[person]
                text = self.quote_text()
                if self.rng.random() < 0.1:  # an unnamed speaker ("officials said")
                    speaker = (None, None, self.rng.choice(["officials", "a spokesman", "aides"]))
                else:
                    entity = entities.setdefault(person, f"e{len(entities) + 1}")
                    full = f"{first} {surname}"
                    mention = self.rng.choices([full, surname, "he"], weights=[5, 3, 2])[0]
                    speaker = (entity, full, mention)
                quotes.append(
                    {
                        "article_id": article_id, "quote_id": f"q{k + 1}", "kind": "direct",
                        "text": text, "start": k * 200, "end": k * 200 + len(text),
                        "speaker_entity": speaker[0], "speaker_name": speaker[1],
                        "speaker_mention": speaker[2], "confidence": 0.9, "fragment": 0,
                        "negated": 0, "hedged": 0,
                    }
                )  # fmt: skip
            entity_rows = []
            for person, entity in entities.items():
                self.articles_of[person] += 1
                entity_rows.append(
                    {
                        "article_id": article_id, "entity_id": entity,
                        "name": " ".join(self.people[person]), "type": "PERSON",
                        "country": self.countries[person], "mention_count": 2,
                        "actor_id": self.ids[person],
                    }
                )  # fmt: skip
            text = "\n\n".join(q["text"] for q in quotes)
            article = {
                "id": article_id, "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "source_sha256": article_id * 4, "source": self.rng.choice(SOURCES),
                "title": self.quote_text()[:80], "published": f"{year}-{month:02d}-{day:02d}",
                "date": f"{year}-{month:02d}-{day:02d}", "language": "en", "text": text,
                "document": "{}", "created_at": "2026-01-01 00:00:00",
            }  # fmt: skip
            yield article, entity_rows, quotes

    def actor_rows(self) -> tuple[list[tuple], list[tuple], list[tuple]]:
        actors, aliases, words = [], [], set()
        for person, count in self.articles_of.items():
            first, surname = self.people[person]
            full = f"{first} {surname}"
            actor_id = self.ids[person]
            actors.append(
                (actor_id, full, "PERSON", "full name", self.countries[person], None, None, count)
            )
            for alias in (full, surname, f"Mr {surname}"):
                aliases.append((actor_id, alias, count))
                words.update((actor_id, w) for w in alias.lower().split())
        return actors, aliases, sorted(words)


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if rows:
        columns = list(rows[0])
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join(':' + c for c in columns)})"
        )
        conn.executemany(sql, rows)


def build(path: Path, quotes: int, seed: int) -> Corpus:
    """Create the store at ``path`` (schema through ``open_store``) and fill it."""
    from dateline.store import open_store

    open_store(str(path)).close()
    corpus = Corpus(quotes, seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    batch: dict[str, list[dict]] = defaultdict(list)
    done = 0
    for article, entities, quote_rows in corpus.articles():
        batch["articles"].append(article)
        batch["entities"].extend(entities)
        batch["quotes"].extend(quote_rows)
        if len(batch["quotes"]) >= CHUNK:
            with conn:
                for table in ("articles", "entities", "quotes"):
                    _insert(conn, table, batch[table])
            done += len(batch["quotes"])
            batch.clear()
            print(f"\r  {done:,} quotes", end="", file=sys.stderr, flush=True)
    with conn:
        for table in ("articles", "entities", "quotes"):
            _insert(conn, table, batch[table])
        actors, aliases, words = corpus.actor_rows()
        conn.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)", actors)
        conn.executemany(
            "INSERT INTO actor_aliases (actor_id, alias, count) VALUES (?, ?, ?)", aliases
        )
        conn.executemany("INSERT INTO actor_words (actor_id, word) VALUES (?, ?)", words)
        conn.execute(QUOTE_COUNTS)
    conn.close()
    print(file=sys.stderr)
    return corpus


STOP_WORDS = 20
"""The most frequent words (like "the", in most quotes) are left out of two-word queries."""


def search_queries(path: Path, n: int) -> list[str]:
    """Queries made from the stored quotes, a quarter each: a word of a random quote (so the
    commonest words come up as often as they are used, "the" included), a rarer word (in 20 to
    2,000 quotes), two words and a two-word phrase of a random quote (no stop words)."""
    rng = random.Random(1)
    conn = sqlite3.connect(path)
    top = conn.execute("SELECT max(pk) FROM quotes").fetchone()[0]

    def random_quote() -> list[str]:
        while True:
            row = conn.execute("SELECT text FROM quotes WHERE pk = ?", (rng.randint(1, top),))
            found = row.fetchone()
            if found:
                return found[0].split()

    counts = Counter(w for _ in range(3000) for w in set(random_quote()))
    stop = {w for w, _ in counts.most_common(STOP_WORDS)}
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, quotes_fts, 'row')")
    rare = [t for (t,) in conn.execute("SELECT term FROM temp.vocab WHERE doc BETWEEN 20 AND 2000")]
    out: list[str] = []
    while len(out) < n:
        words = random_quote()
        kind = len(out) % 4
        content = [i for i, w in enumerate(words) if w not in stop]
        pairs = [i for i in content if i + 1 < len(words) and words[i + 1] not in stop]
        if kind == 0:
            out.append(rng.choice(words))
        elif kind == 1:
            out.append(rng.choice(rare))
        elif kind == 2 and len(content) >= 2:
            i, j = rng.sample(content, 2)
            out.append(f"{words[i]} {words[j]}")
        elif kind == 3 and pairs:
            i = rng.choice(pairs)
            out.append(f'"{words[i]} {words[i + 1]}"')
    conn.close()
    return out


def speaker_queries(path: Path, n: int) -> list[str]:
    """Full names and surnames of stored actors: half drawn by how often they are quoted (the
    most quoted come up most), half uniformly."""
    rng = random.Random(2)
    conn = sqlite3.connect(path)
    people = conn.execute(
        "SELECT a.name, q.quotes FROM actors a JOIN actor_quotes q ON q.actor_id = a.id"
    ).fetchall()
    conn.close()
    out = []
    for i in range(n):
        if i % 2:
            name = rng.choices(people, weights=[q for _, q in people])[0][0]
        else:
            name = rng.choice(people)[0]
        out.append(name if i % 4 < 2 else name.split()[-1])
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def real_documents() -> list[str]:
    """The seed and a few PolNeAR dev texts (when present), analysed: dateline/1 JSON."""
    from dateline.ingest.raw import from_bytes
    from dateline.pipeline import analyze_raw

    files = [(SEED, "2016-12-01")]
    polnear = sorted(POLNEAR_DEV.glob("*.txt"))[
        :: max(1, len(list(POLNEAR_DEV.glob("*.txt"))) // POLNEAR_PAGES)
    ]
    files += [(f, f.stem.split("_")[1]) for f in polnear[:POLNEAR_PAGES]]
    raws = [from_bytes(f.read_bytes(), path=str(f), published=day) for f, day in files]
    out = [o.document.to_json(indent=None) for o in analyze_raw(raws) if o.document is not None]
    return out


def with_documents(path: Path, pages: int, seed: int) -> list[str]:
    """``pages`` article ids (drawn at random) whose stored document is a real one: written
    there now unless an earlier run did."""
    import json

    conn = sqlite3.connect(path)
    rng = random.Random(seed)
    done = [
        i
        for (i,) in conn.execute("SELECT id FROM articles WHERE document != '{}' LIMIT ?", (pages,))
    ]
    if len(done) >= pages:
        conn.close()
        return done
    top = conn.execute("SELECT max(pk) FROM articles").fetchone()[0]
    picked: list[str] = []
    while len(picked) < pages:
        row = conn.execute(
            "SELECT id FROM articles WHERE pk = ?", (rng.randint(1, top),)
        ).fetchone()
        if row and row[0] not in picked:
            picked.append(row[0])
    documents = real_documents()
    with conn:
        for n, article_id in enumerate(picked):
            doc = json.loads(documents[n % len(documents)])
            doc["id"] = article_id
            conn.execute(
                "UPDATE articles SET document = ? WHERE id = ?", (json.dumps(doc), article_id)
            )
    conn.close()
    print(f"{pages} articles given real documents ({len(documents)} analysed texts)")
    return picked


def timed(
    label: str, run: Callable[[str], object], queries: list[str], target: float = TARGET_MS
) -> dict[str, float]:
    """Run every query; print and return the wall-clock p50/p95/max (ms), the CPU p95 (ms: on a
    busy machine the wall clock also counts other processes) and the CPU seconds in all."""
    run(queries[0])  # warm the caches once
    wall, cpu = [], []
    for query in queries:
        start, start_cpu = time.perf_counter(), time.process_time()
        run(query)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    result = {
        "p50": statistics.median(wall),
        "p95": _p95(wall),
        "max": max(wall),
        "cpu_p95": _p95(cpu),
        "cpu_s": sum(cpu) / 1000,
    }
    verdict = "ok" if result["p95"] < target else f"over {target:g} ms"
    print(
        f"{label:<34} p50 {result['p50']:6.1f}  p95 {result['p95']:6.1f}  max {result['max']:6.1f} ms"
        f"  cpu p95 {result['cpu_p95']:5.1f} ms, {result['cpu_s']:5.2f} s for {len(queries)}"
        f"  [{verdict}]"
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind")
    parser.add_argument("--db", type=Path, default=None, help="store path (built if absent)")
    parser.add_argument("--keep", action="store_true", help="keep the store built")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--pages", type=int, default=100, help="article pages to time")
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from dateline.explorer.app import create_app
    from dateline.store import open_store, query_quotes

    tmp = None
    path = args.db
    if path is None and args.keep:
        path = Path(tempfile.mkdtemp()) / "bench.db"
    elif path is None:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "bench.db"
    if path.exists():
        print(f"store: {path} (reused)")
    else:
        start, cpu = time.perf_counter(), time.process_time()
        build(path, args.quotes, args.seed)
        print(
            f"store: {path}, {args.quotes:,} quotes, built in {time.perf_counter() - start:.0f} s "
            f"({time.process_time() - cpu:.0f} s CPU), {path.stat().st_size / 1e6:.0f} MB"
        )
    pages = with_documents(path, args.pages, args.seed) if args.pages else []
    store = open_store(str(path), create=False)
    try:
        client = TestClient(create_app(store)).__enter__()  # one event loop for all requests
        searches = search_queries(path, args.queries)
        speakers = speaker_queries(path, args.queries)

        def api(param: str) -> Callable[[str], object]:
            def run(value: str) -> object:
                response = client.get("/api/quotes", params={param: value, "limit": 50})
                assert response.status_code == 200, response.text
                return response.json()["total"]

            return run

        print(f"{len(searches)} searches, {len(speakers)} speaker lookups, page of 50")
        timed("API quote search (page + total)", api("q"), searches)
        timed("API speaker lookup (page + total)", api("speaker"), speakers)
        timed(
            "query_quotes search (page)",
            lambda s: query_quotes(store, search=s, limit=50),
            searches,
        )
        timed(
            "query_quotes speaker (page)",
            lambda s: query_quotes(store, speaker=s, limit=50),
            speakers,
        )
        if pages:

            def page(article_id: str) -> object:
                response = client.get(f"/articles/{article_id}")
                assert response.status_code == 200, response.text[:500]
                return len(response.content)

            print(f"{len(pages)} article pages (HTML, the text highlighted)")
            timed("article page GET /articles/{id}", page, pages, PAGE_TARGET_MS)
    finally:
        store.close()
        if tmp is not None and not args.keep:
            tmp.cleanup()
        elif args.keep or args.db:
            print(f"kept {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
