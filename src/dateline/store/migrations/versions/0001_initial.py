"""Initial tables: inputs, articles, entities, mentions, quotes, events, flags; full-text search.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
    "content_rowid='pk', tokenize='porter unicode61')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.pk, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.pk, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='pk', "
    "tokenize='porter unicode61')",
    "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.pk, new.text); END",
    "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.pk, old.text); END",
    "CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.pk, old.text); "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.pk, new.text); END",
]
SQLITE_FTS_DROP = [
    "DROP TRIGGER IF EXISTS quotes_fts_update",
    "DROP TRIGGER IF EXISTS quotes_fts_delete",
    "DROP TRIGGER IF EXISTS quotes_fts_insert",
    "DROP TABLE IF EXISTS quotes_fts",
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TABLE IF EXISTS articles_fts",
]
# tsvector is limited to 1 MB: index the first 250,000 characters of very long texts.
POSTGRES_FTS = [
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, left(coalesce(title, '') || ' ' || text, 250000))) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)",
    "ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, left(text, 250000))) STORED",
    "CREATE INDEX ix_quotes_tsv ON quotes USING gin (tsv)",
]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("media_type", sa.String(length=64), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=32), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("standfirst", sa.Text(), nullable=True),
        sa.Column("dateline_text", sa.Text(), nullable=True),
        sa.Column("dateline_place", sa.Text(), nullable=True),
        sa.Column("dateline_country", sa.String(length=3), nullable=True),
        sa.Column("dateline_date", sa.String(length=10), nullable=True),
        sa.Column("dateline_agency", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("near_duplicate_of", sa.String(length=64), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["near_duplicate_of"],
            ["articles.id"],
        ),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_articles_date", "articles", ["date"], unique=False)
    op.create_index(
        "ix_articles_near_duplicate_of", "articles", ["near_duplicate_of"], unique=False
    )
    op.create_index("ix_articles_source_sha256", "articles", ["source_sha256"], unique=False)
    op.create_table(
        "inputs",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("article_id", sa.String(length=64), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="1", nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('stored', 'duplicate', 'near-duplicate', 'failed')", name="ck_inputs_status"
        ),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("key", "sha256", name="uq_inputs_key_sha256"),
    )
    op.create_index("ix_inputs_sha256", "inputs", ["sha256"], unique=False)
    op.create_index("ix_inputs_status", "inputs", ["status"], unique=False)
    op.create_table(
        "entities",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_index("ix_entities_article", "entities", ["article_id"], unique=False)
    op.create_index("ix_entities_name", "entities", ["name"], unique=False)
    op.create_table(
        "events",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("cameo", sa.String(length=8), nullable=False),
        sa.Column("source_entity", sa.String(length=32), nullable=True),
        sa.Column("source_code", sa.String(length=32), nullable=True),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("target_entity", sa.String(length=32), nullable=True),
        sa.Column("target_code", sa.String(length=32), nullable=True),
        sa.Column("target_name", sa.Text(), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("location_name", sa.Text(), nullable=True),
        sa.Column("location_country", sa.String(length=3), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("mode", sa.String(length=32), nullable=True),
        sa.Column("quote_id", sa.String(length=32), nullable=True),
        sa.Column("in_lead", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_index("ix_events_article", "events", ["article_id"], unique=False)
    op.create_index("ix_events_source_code", "events", ["source_code"], unique=False)
    op.create_index("ix_events_target_code", "events", ["target_code"], unique=False)
    op.create_index("ix_events_type", "events", ["type"], unique=False)
    op.create_table(
        "flags",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("suggestion", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_index("ix_flags_article", "flags", ["article_id"], unique=False)
    op.create_table(
        "mentions",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_index("ix_mentions_article", "mentions", ["article_id"], unique=False)
    op.create_table(
        "quotes",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("quote_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("speaker_entity", sa.String(length=32), nullable=True),
        sa.Column("speaker_name", sa.Text(), nullable=True),
        sa.Column("speaker_mention", sa.Text(), nullable=True),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("fragment", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_index("ix_quotes_article", "quotes", ["article_id"], unique=False)
    op.create_index("ix_quotes_speaker_name", "quotes", ["speaker_name"], unique=False)

    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_FTS, "postgresql": POSTGRES_FTS}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_FTS_DROP:
            op.execute(statement)
    op.drop_index("ix_quotes_speaker_name", table_name="quotes")
    op.drop_index("ix_quotes_article", table_name="quotes")
    op.drop_table("quotes")
    op.drop_index("ix_mentions_article", table_name="mentions")
    op.drop_table("mentions")
    op.drop_index("ix_flags_article", table_name="flags")
    op.drop_table("flags")
    op.drop_index("ix_events_type", table_name="events")
    op.drop_index("ix_events_target_code", table_name="events")
    op.drop_index("ix_events_source_code", table_name="events")
    op.drop_index("ix_events_article", table_name="events")
    op.drop_table("events")
    op.drop_index("ix_entities_name", table_name="entities")
    op.drop_index("ix_entities_article", table_name="entities")
    op.drop_table("entities")
    op.drop_index("ix_inputs_status", table_name="inputs")
    op.drop_index("ix_inputs_sha256", table_name="inputs")
    op.drop_table("inputs")
    op.drop_index("ix_articles_source_sha256", table_name="articles")
    op.drop_index("ix_articles_near_duplicate_of", table_name="articles")
    op.drop_index("ix_articles_date", table_name="articles")
    op.drop_table("articles")
