"""Given names that say a person's gender (``data/first_names.json``, built by
``scripts/build_first_names.py`` from nomquamgender's table, MIT): the gender of a full name, and
whether a recognised "organisation" is a person's name ("Vincent Cable says")."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> "f" or "m" (``data/first_names.json``, built by
    ``scripts/build_first_names.py`` from nomquamgender's table, MIT)."""
    raw = json.loads(resources.files("dateline").joinpath("data/first_names.json").read_text())
    return {name: gender for gender in ("f", "m") for name in raw[gender]}


def first_name_gender(name: str) -> str | None:
    """The gender a full name's first name says ("Elizabeth Warren": "f"), if it says one; a
    single word says none (a surname: "Warren")."""
    words = name.split()
    if len(words) < 2:
        return None
    return first_names().get(words[0].lower())
