"""Start-up of a command-line process: the garbage collector while it starts and when it ends.

Importing the modules and loading spaCy's pipeline, the lexicons and SQLAlchemy make a few hundred
thousand objects that live as long as the process, and hardly any garbage. Collected every 700
new objects (Python's default), they are walked again and again: a tenth of a one-article
``dateline analyze`` and of ``dateline quotes``. And the interpreter's last collection, on exit,
walks them once more (~0.25 CPU s after a pipeline load) only to free what the process's end
frees anyway. So ``starting`` wraps a command: the youngest generation is collected only every
``START_UP_THRESHOLD`` new objects until ``started`` (the pipeline loaded and warmed up:
the objects made so far are frozen out of every later collection, ``gc.freeze``, and the
default thresholds return) or the command's end; on exit, everything is frozen before the
interpreter's last collection. Outside ``starting`` (the library, tests) nothing changes.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager

START_UP_THRESHOLD = 100_000
"""New objects between two collections of the youngest generation while a command starts
(Python's default: 700). Garbage stays bounded: a collection still comes, just rarely."""

_saved: list[tuple[int, int, int]] = []
"""The thresholds to restore, while a command is starting (at most one entry)."""


@contextmanager
def starting() -> Iterator[None]:
    """Run a command with the collector relaxed until ``started`` or its end, and with no last
    collection of its objects on the process's exit."""
    if _saved:  # a command inside a command: the outer one decides
        yield
        return
    _saved.append(gc.get_threshold())
    gc.set_threshold(START_UP_THRESHOLD, *_saved[0][1:])
    atexit.register(gc.freeze)
    try:
        yield
    finally:
        gc.set_threshold(*_saved.pop())


def started() -> None:
    """The long-lived objects exist (the pipeline loaded): freeze them out of later collections
    and collect with the default thresholds again. Does nothing outside ``starting``."""
    if _saved:
        gc.freeze()
        gc.set_threshold(*_saved[0])
