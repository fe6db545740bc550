"""dateline: news articles in, structured evidence-linked knowledge out."""

from dateline.errors import DatelineError, InputError
from dateline.pipeline import analyze
from dateline.schema import Document

__all__ = ["DatelineError", "Document", "InputError", "analyze"]
__version__ = "0.1.0"
