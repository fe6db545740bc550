"""Full-text search on both backends: SQLite FTS5 (porter stemming) and PostgreSQL tsvector.

The same words work on both: ``word``, ``"a phrase"``, ``prefix*``, ``-excluded``, ``a OR b``.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa

from dateline.store import models as m
from dateline.store.textmatch import whole_words

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


def fts5_phrase(words: str) -> str:
    """``words`` as one quoted FTS5 phrase: the words in a row, whatever they hold."""
    return '"' + " ".join(words.split()).replace('"', '""') + '"'


def speaker_quotes(dialect: str, name: str) -> sa.Select:
    """Pks of the quotes whose speaker is not linked to a corpus actor (no speaker entity, or one
    of a type never linked) and whose speaker name or mention holds ``name`` as whole words (as
    ``textmatch.whole_words``): the quotes that a lookup through the actors cannot find. Found
    through the speaker full-text index (SQLite FTS5 ``quote_speakers_fts``, which holds only
    such quotes; PostgreSQL GIN on ``to_tsvector('simple', ...)``) rather than a scan: the index
    narrows the quotes down, the whole-word test decides."""
    from dateline.store.actors import LINKED_TYPES  # the types relinking gives an actor

    quotes, entities = sa.alias(m.quotes, "speaker_quote"), m.entities
    columns = (quotes.c.speaker_name, quotes.c.speaker_mention)
    named = sa.or_(*(whole_words(column, name) for column in columns))
    linked = sa.exists().where(
        entities.c.article_id == quotes.c.article_id,
        entities.c.entity_id == quotes.c.speaker_entity,
        entities.c.type.in_(LINKED_TYPES),
    )
    unlinked = sa.or_(quotes.c.speaker_entity.is_(None), ~linked)
    if dialect == "postgresql":
        config: Any = sa.literal_column("'simple'::regconfig")
        query = sa.func.plainto_tsquery(config, name)
        indexed = sa.or_(
            *(
                sa.func.to_tsvector(config, sa.func.coalesce(column, sa.literal_column("''"))).op(
                    "@@"
                )(query)
                for column in columns
            )
        )
    else:
        fts = (
            sa.text(
                "SELECT rowid FROM quote_speakers_fts WHERE quote_speakers_fts MATCH :speaker_words"
            )
            .bindparams(speaker_words=fts5_phrase(name))
            .columns(sa.column("rowid", sa.Integer))
        )
        indexed = quotes.c.pk.in_(fts)
    return sa.select(quotes.c.pk).where(indexed, unlinked, named)


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
