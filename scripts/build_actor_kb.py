"""Build ``src/dateline/data/actor_kb.json`` from Phoenix's actor dictionaries (MIT).

The knowledge base the store links people with: every named individual of the Phoenix
country-actors dictionary (CountryInfo: heads of state and government, ministers, party leaders,
with the CAMEO code each held and when), keyed by the lower-cased full name, with the dictionary's
synonyms as aliases. Country and organisation entries (a bare three-letter code, or a code with no
person-like name) are left out: the actors stage codes those itself. Run from the repository
root:

    python scripts/build_actor_kb.py ../shared/data/phoenix/Phoenix.Countries.actors.txt
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dateline.petrarch.reader import Actor, read_actors

OUT = Path(__file__).resolve().parents[1] / "src/dateline/data/actor_kb.json"
NAME_WORDS = (2, 4)
"""A person's full name has two to four words (``TONY_BLAIR_``, ``DAVID_WILLIAM_DONALD_CAMERON_``)."""
TITLE_WORDS = {"PRIME", "MINISTER", "PRESIDENT", "KING", "QUEEN", "SECRETARY", "GENERAL", "SHEIKH"}
"""Synonyms that start with an office are titles, not names."""


def _name(words: tuple[str, ...]) -> str:
    return " ".join(w.capitalize() if w.isalpha() else w.title() for w in words)


def _is_person(actor: Actor, words: tuple[str, ...]) -> bool:
    """A person: a name of two to four words and a code longer than a bare country."""
    low, high = NAME_WORDS
    return low <= len(words) <= high and any(len(c.code) > 3 for c in actor.codes)


def _codes(actor: Actor) -> list[list[str | None]]:
    return [
        [c.code, c.start.isoformat() if c.start else None, c.end.isoformat() if c.end else None]
        for c in actor.codes
    ]


def build(path: Path) -> dict:
    """``people``: full name -> canonical name and dated codes; ``aliases``: synonym -> name."""
    problems: list[str] = []
    people: dict[str, dict] = {}
    aliases: dict[str, str] = {}
    seen: dict[int, str] = {}
    for words, actor in read_actors(path, problems=problems):
        words = tuple(w for w in words if w)
        if id(actor) in seen:  # a synonym line of the entry above
            if words and words[0] not in TITLE_WORDS and len(words) >= NAME_WORDS[0]:
                aliases.setdefault(" ".join(words).lower(), seen[id(actor)])
            continue
        if not _is_person(actor, words):
            continue
        key = " ".join(words).lower()
        seen[id(actor)] = key
        people.setdefault(key, {"name": _name(words), "codes": _codes(actor)})
    aliases = {a: k for a, k in aliases.items() if a not in people}
    return {
        "_about": "People of Phoenix.Countries.actors.txt (CountryInfo, Open Event Data Alliance, "
        "MIT; see LICENSE.petrarch2): full name -> canonical name and CAMEO codes with the dates "
        "each held ([code, from, to]); aliases: the dictionary's synonyms. Built by "
        "scripts/build_actor_kb.py.",
        "people": dict(sorted(people.items())),
        "aliases": dict(sorted(aliases.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("actors", type=Path, help="Phoenix.Countries.actors.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table = build(args.actors)
    args.out.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(table['people'])} people, {len(table['aliases'])} aliases -> {args.out}")


if __name__ == "__main__":
    main()
