"""Errors that carry a one-line message meant for the user, the exit statuses, and the debug
switch that shows the traceback of an unexpected error."""

import contextlib
import os
import sys
from collections.abc import Iterator

EXIT_OK = 0
"""Every input analysed (``analyze``) or stored (``ingest``)."""
EXIT_SOME_FAILED = 1
"""Some inputs failed (each named on stderr, and recorded in the store by ``ingest``)."""
EXIT_USAGE = 2
"""A usage or environment error: bad option, missing or unreachable database, missing pipeline."""
EXIT_INTERRUPTED = 130
"""Ctrl-C or a kill (SIGTERM): ``ingest`` resumes where it stopped when run again."""


class DatelineError(Exception):
    """Base class: ``str(error)`` is a complete one-line message."""


class InputError(DatelineError):
    """An input that cannot be analysed (missing, empty, binary, too large, no article)."""


class DatabaseError(DatelineError):
    """The database cannot be opened, reached or used (missing file, locked, server down)."""


def one_line(text: object, width: int = 300) -> str:
    """The first non-blank line of a message, clipped: what a user sees of a foreign error."""
    line = next((s.strip() for s in str(text).splitlines() if s.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


DEBUG_ENV = "DATELINE_DEBUG"
"""Set to 1 (``dateline --debug`` sets it, worker processes inherit it): an unexpected error
also prints its full traceback on stderr. Expected errors (``DatelineError``) stay one line."""


_muted = 0
"""Depth of ``tracebacks_muted`` blocks (the warm-up analysis, whose failure is no one's)."""


def debugging() -> bool:
    """Whether tracebacks of unexpected errors are shown (``$DATELINE_DEBUG`` set, not 0)."""
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no", "off")


@contextlib.contextmanager
def tracebacks_muted() -> Iterator[None]:
    """No ``show_traceback`` output in the block, even when debugging."""
    global _muted
    _muted += 1
    try:
        yield
    finally:
        _muted -= 1


def show_traceback(exc: BaseException, context: str | None = None) -> None:
    """The full traceback of an unexpected error on stderr, when ``debugging()``; the one-line
    reason is reported as always by the caller."""
    if _muted or not debugging():
        return
    import traceback

    if context:
        sys.stderr.write(f"dateline: traceback of {context}:\n")
    traceback.print_exception(exc, file=sys.stderr)
    sys.stderr.flush()
