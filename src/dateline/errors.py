"""Errors that carry a one-line message meant for the user."""


class DatelineError(Exception):
    """Base class: ``str(error)`` is a complete one-line message."""


class InputError(DatelineError):
    """An input that cannot be analysed (missing, empty, binary, too large, no article)."""
