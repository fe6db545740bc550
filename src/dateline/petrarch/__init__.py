"""PETRARCH/TABARI dictionaries: load them as they are and code events from spaCy parses.

``load_dictionaries(path)`` reads a directory (files recognised by name: ``*actors*``,
``*agents*``, ``*discards*``, ``*verbs*`` or ``CAMEO*.txt``) or a config file listing them,
once per process; ``code_events(article, doc, entities, dictionaries)`` codes an article.
"""

from __future__ import annotations

from dateline.petrarch.api import code_entities, code_events, event_type
from dateline.petrarch.dictionaries import Dictionaries, build, load_dictionaries

__all__ = [
    "Dictionaries",
    "build",
    "code_entities",
    "code_events",
    "event_type",
    "load_dictionaries",
]
