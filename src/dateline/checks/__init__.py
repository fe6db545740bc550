"""Checks: editorial flags about the text itself (misspelled names, broken quotation marks)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from dateline.checks.names import misspelled_names
from dateline.schema import Entity, Flag
from dateline.structure import Article

Check = Callable[[Article, Doc, list[Entity]], list[Flag]]

CHECKS: dict[str, Check] = {"misspelled-name": misspelled_names}
"""Registry of checks by the flag kind they emit."""


def run_checks(article: Article, doc: Doc, entities: list[Entity]) -> list[Flag]:
    """Run every registered check and return their flags in text order."""
    flags = [flag for check in CHECKS.values() for flag in check(article, doc, entities)]
    return sorted(flags, key=lambda f: (f.start, f.kind))
