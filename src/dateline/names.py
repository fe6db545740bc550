"""Conventions of people's names shared by the actors stage and the store (imports no spaCy)."""

from __future__ import annotations

HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "mr.", "mrs.", "ms.", "dr."}
)
"""Titles dropped from a person's name before linking ("Mr Blair" is "Blair")."""


def without_honorifics(words: list[str]) -> list[str]:
    """The words of a name after its leading honorifics (all of them, if nothing else is left)."""
    n = 0
    while n < len(words) - 1 and words[n].lower() in HONORIFICS:
        n += 1
    return words[n:]


TITLE_JOINERS = frozenset({"and", "&"})
"""Words inside a capitalised title: "the Trade and Industry Secretary", "Work and Pensions
Secretary Alan Johnson"."""
