"""Full-text search on both backends: SQLite FTS5 (porter stemming) and PostgreSQL tsvector.

The same words work on both: ``word``, ``"a phrase"``, ``prefix*``, ``-excluded``, ``a OR b``.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

_TOKEN = re.compile(r'-?"[^"]*"|\S+')


def fts5_query(words: str) -> str:
    """A safe FTS5 MATCH expression for what a user typed (every term quoted)."""
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for token in _TOKEN.findall(words):
        if token == "OR":
            pending_or = bool(positive)
            continue
        negate = token.startswith("-") and len(token) > 1
        token = token[1:] if negate else token
        prefix = token.endswith("*") and not token.startswith('"')
        bare = token.strip('"').rstrip("*") if not token.startswith('"') else token[1:-1]
        bare = bare.replace('"', '""').strip()
        if not bare:
            continue
        term = f'"{bare}"' + ("*" if prefix else "")
        if negate:
            negative.append(term)
        elif pending_or:
            positive[-1] = f"({positive[-1]} OR {term})"
            pending_or = False
        else:
            positive.append(term)
    if not positive:
        return '""'
    expression = " AND ".join(positive)
    for term in negative:
        expression = f"({expression}) NOT {term}"
    return expression


def postgres_query(words: str) -> str:
    """``websearch_to_tsquery`` takes the same syntax; ``prefix*`` becomes a plain word there."""
    return words.replace("*", " ")


def matches(dialect: str, table: sa.Table, words: str) -> sa.ColumnElement[bool]:
    """A WHERE clause: rows of ``table`` (articles or quotes) whose text matches ``words``."""
    name = table.name
    if dialect == "postgresql":
        query = sa.func.websearch_to_tsquery(
            sa.literal_column("'english'::regconfig"), postgres_query(words)
        )
        return sa.literal_column(f"{name}.tsv").op("@@")(query)
    fts = (
        sa.text(f"SELECT rowid FROM {name}_fts WHERE {name}_fts MATCH :q")
        .bindparams(q=fts5_query(words))
        .columns(sa.column("rowid", sa.Integer))
    )
    return table.c.pk.in_(fts)
