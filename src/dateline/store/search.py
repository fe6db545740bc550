"""Full-text search on both backends: SQLite FTS5 (porter stemming) and PostgreSQL tsvector.

The same words work on both: ``word``, ``"a phrase"``, ``prefix*``, ``-excluded``, ``a OR b``.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

_TOKEN = re.compile(r'-?"[^"]*"|\S+')


def fts5_query(words: str) -> str:
    """A safe FTS5 MATCH expression for what a user typed (every term quoted). The expression is
    flat (``a AND (b OR c OR d) NOT (e OR f)``): however many terms, FTS5's parser stack, which
    nested parentheses overflow at about 100 levels, stays shallow."""
    groups: list[list[str]] = []
    negative: list[str] = []
    pending_or = False
    for token in _TOKEN.findall(words):
        if token == "OR":
            pending_or = bool(groups)
            continue
        term, negate = _fts5_term(token)
        if term is None:
            continue
        if negate:
            negative.append(term)
        elif pending_or:
            groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
    if not groups:
        return '""'
    expression = " AND ".join(g[0] if len(g) == 1 else f"({' OR '.join(g)})" for g in groups)
    if not negative:
        return expression
    excluded = negative[0] if len(negative) == 1 else f"({' OR '.join(negative)})"
    return f"({expression}) NOT {excluded}"


def _fts5_term(token: str) -> tuple[str | None, bool]:
    """One typed token as a quoted FTS5 term (None if nothing is left), and whether it is
    excluded (``-word``)."""
    negate = token.startswith("-") and len(token) > 1
    token = token[1:] if negate else token
    prefix = token.endswith("*") and not token.startswith('"')
    bare = token.strip('"').rstrip("*") if not token.startswith('"') else token[1:-1]
    bare = bare.replace('"', '""').strip()
    if not bare:
        return None, negate
    return f'"{bare}"' + ("*" if prefix else ""), negate


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
