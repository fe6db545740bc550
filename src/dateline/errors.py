"""Errors that carry a one-line message meant for the user, and the exit statuses."""

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
