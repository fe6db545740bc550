"""Index-friendly speaker lookup: the words of every actor name and alias (``actor_words``), the
quotes by speaker entity and an actor's entities (``ix_quotes_speaker``,
``ix_entities_actor_speaker``), each actor's quote count (``actor_quotes``),
articles by id and date both ways (pages of quotes newest first without reading the articles),
and a
full-text index of the speaker name and mention of the quotes whose speaker is not linked to an
actor (SQLite FTS5 ``quote_speakers_fts``, filled by triggers; PostgreSQL GIN indexes on
``to_tsvector('simple', ...)``), so that ``quotes --speaker`` no longer scans the quotes table.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LINKED_TYPES = "('PERSON', 'ORG', 'GPE', 'LOC', 'NORP')"
"""Entity types that relinking links to a corpus actor (``store.actors.LINKED_TYPES``)."""
UNLINKED = (
    "(new.speaker_name IS NOT NULL OR new.speaker_mention IS NOT NULL) AND "
    "(new.speaker_entity IS NULL OR NOT EXISTS (SELECT 1 FROM entities WHERE "
    "entities.article_id = new.article_id AND entities.entity_id = new.speaker_entity AND "
    f"entities.type IN {LINKED_TYPES}))"
)
"""A quote whose speaker is no entity that gets a corpus actor: only these need the index (the
others are found through their actor)."""
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE quote_speakers_fts USING fts5(speaker_name, speaker_mention, "
    "tokenize='unicode61')",
    "CREATE TRIGGER quote_speakers_fts_insert AFTER INSERT ON quotes "
    f"WHEN {UNLINKED} BEGIN "
    "INSERT INTO quote_speakers_fts(rowid, speaker_name, speaker_mention) "
    "VALUES (new.pk, new.speaker_name, new.speaker_mention); END",
    "CREATE TRIGGER quote_speakers_fts_delete AFTER DELETE ON quotes BEGIN "
    "DELETE FROM quote_speakers_fts WHERE rowid = old.pk; END",
    "CREATE TRIGGER quote_speakers_fts_update AFTER UPDATE OF speaker_entity, speaker_name, "
    "speaker_mention ON quotes BEGIN "
    "DELETE FROM quote_speakers_fts WHERE rowid = old.pk; "
    "INSERT INTO quote_speakers_fts(rowid, speaker_name, speaker_mention) "
    f"SELECT new.pk, new.speaker_name, new.speaker_mention WHERE {UNLINKED}; END",
    "INSERT INTO quote_speakers_fts(rowid, speaker_name, speaker_mention) "
    "SELECT new.pk, new.speaker_name, new.speaker_mention FROM quotes AS new "
    f"WHERE {UNLINKED}",
]
SQLITE_FTS_DROP = [
    "DROP TRIGGER IF EXISTS quote_speakers_fts_update",
    "DROP TRIGGER IF EXISTS quote_speakers_fts_delete",
    "DROP TRIGGER IF EXISTS quote_speakers_fts_insert",
    "DROP TABLE IF EXISTS quote_speakers_fts",
]
POSTGRES_FTS = [
    "CREATE INDEX ix_quotes_speaker_name_tsv ON quotes "
    "USING gin (to_tsvector('simple'::regconfig, coalesce(speaker_name, '')))",
    "CREATE INDEX ix_quotes_speaker_mention_tsv ON quotes "
    "USING gin (to_tsvector('simple'::regconfig, coalesce(speaker_mention, '')))",
]
POSTGRES_FTS_DROP = [
    "DROP INDEX IF EXISTS ix_quotes_speaker_mention_tsv",
    "DROP INDEX IF EXISTS ix_quotes_speaker_name_tsv",
]


def upgrade() -> None:
    op.create_table(
        "actor_words",
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("actor_id", sa.String(length=16), nullable=False),
        sa.Column("word", sa.Text(), nullable=False),
    )
    op.create_index("ix_actor_words_word", "actor_words", ["word", "actor_id"])
    op.create_index("ix_quotes_speaker", "quotes", ["article_id", "speaker_entity"])
    op.create_index(
        "ix_entities_actor_speaker", "entities", ["actor_id", "article_id", "entity_id"]
    )
    op.create_index("ix_articles_id_date", "articles", ["id", "date"])
    op.create_index("ix_articles_date_id", "articles", ["date", "id"])
    op.create_table(
        "actor_quotes",
        sa.Column("actor_id", sa.String(length=16), primary_key=True),
        sa.Column("quotes", sa.Integer(), nullable=False),
    )
    bind = op.get_bind()
    names = bind.execute(
        sa.text("SELECT id, name FROM actors UNION SELECT actor_id, alias FROM actor_aliases")
    )
    words = sorted({(actor_id, w) for actor_id, name in names for w in name.lower().split()})
    if words:
        table = sa.table("actor_words", sa.column("actor_id"), sa.column("word"))
        bind.execute(sa.insert(table), [{"actor_id": a, "word": w} for a, w in words])
    bind.execute(
        sa.text(
            "INSERT INTO actor_quotes (actor_id, quotes) SELECT e.actor_id, count(*) FROM quotes q "
            "JOIN entities e ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity "
            "WHERE e.actor_id IS NOT NULL GROUP BY e.actor_id"
        )
    )
    statements = {"sqlite": SQLITE_FTS, "postgresql": POSTGRES_FTS}
    for statement in statements.get(bind.dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    drops = {"sqlite": SQLITE_FTS_DROP, "postgresql": POSTGRES_FTS_DROP}
    for statement in drops.get(op.get_bind().dialect.name, []):
        op.execute(statement)
    op.drop_table("actor_quotes")
    op.drop_index("ix_articles_date_id", "articles")
    op.drop_index("ix_articles_id_date", "articles")
    op.drop_index("ix_entities_actor_speaker", "entities")
    op.drop_index("ix_quotes_speaker", "quotes")
    op.drop_index("ix_actor_words_word", "actor_words")
    op.drop_table("actor_words")
