"""Known organisations (``data/org_aliases.json``): names and aliases -> canonical name and code.

One loader for the per-article actors stage (a party spaCy missed or tagged as a person is still
the party, with its code) and the corpus linker (``actors/corpus.py``: "Tories" and
"Conservatives" are one actor).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")


@lru_cache(maxsize=1)
def _table() -> list[dict[str, object]]:
    raw = json.loads(
        resources.files("dateline").joinpath("data/org_aliases.json").read_text("utf-8")
    )
    organisations: list[dict[str, object]] = raw["organisations"]
    return organisations


@lru_cache(maxsize=1)
def org_aliases() -> dict[str, dict[str, str]]:
    """Organisation name or alias (lower case) -> canonical name and code."""
    table: dict[str, dict[str, str]] = {}
    for org in _table():
        name, code = str(org["name"]), str(org.get("code", ""))
        for alias in [name, *_aliases(org)]:
            table[alias.lower()] = {"name": name, "code": code}
    return table


@lru_cache(maxsize=1)
def written_aliases() -> tuple[str, ...]:
    """The names and aliases as written, a leading "the" dropped ("Lib Dems", "Labour")."""
    names = (a for org in _table() for a in [str(org["name"]), *_aliases(org)])
    return tuple(dict.fromkeys(LEADING_THE.sub("", a) for a in names))


def _aliases(org: dict[str, object]) -> list[str]:
    aliases = org.get("aliases", [])
    return [str(a) for a in aliases] if isinstance(aliases, list) else []
