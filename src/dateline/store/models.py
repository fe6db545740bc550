"""The tables of the store (SQLAlchemy Core): one row per input, article, entity, mention, quote,
event and flag. The Alembic migrations in ``migrations/`` create exactly these."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

INPUT_STATUSES = ("stored", "duplicate", "near-duplicate", "failed")
"""``stored``: a new article; ``duplicate``: same content as a stored one; ``near-duplicate``:
stored, linked to the first copy; ``failed``: not stored, with the reason."""

Timestamp = sa.DateTime(timezone=True)

inputs = sa.Table(
    "inputs",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.Text, nullable=False, doc="stable input key: path, path:line, path#id"),
    sa.Column("sha256", sa.String(64), nullable=False, doc="hash of the input's bytes; '' unread"),
    sa.Column("location", sa.Text, nullable=False, doc="file path or URL"),
    sa.Column("kind", sa.String(16), nullable=False, doc="file | jsonl | csv | feed | warc"),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text),
    sa.Column("article_id", sa.String(64), doc="the article stored for it or duplicated by it"),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="1"),
    sa.Column("first_seen", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.UniqueConstraint("key", "sha256", name="uq_inputs_key_sha256"),
    sa.CheckConstraint(
        "status IN ('stored', 'duplicate', 'near-duplicate', 'failed')", name="ck_inputs_status"
    ),
)
sa.Index("ix_inputs_status", inputs.c.status)
sa.Index("ix_inputs_sha256", inputs.c.sha256)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(64), nullable=False, unique=True, doc="Document.id"),
    sa.Column("sha256", sa.String(64), nullable=False, doc="hash of the analysed text"),
    sa.Column("source_sha256", sa.String(64), nullable=False, doc="hash of the input's bytes"),
    sa.Column("path", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("media_type", sa.String(64)),
    sa.Column("source", sa.Text, doc="publisher or feed name (JSONL source, feed title)"),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(32), doc="publication date from metadata"),
    sa.Column("date", sa.String(10), doc="best full date: published, else the dateline's"),
    sa.Column("language", sa.String(8)),
    sa.Column("headline", sa.Text),
    sa.Column("standfirst", sa.Text),
    sa.Column("dateline_text", sa.Text),
    sa.Column("dateline_place", sa.Text),
    sa.Column("dateline_country", sa.String(3)),
    sa.Column("dateline_date", sa.String(10)),
    sa.Column("dateline_agency", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("document", sa.Text, nullable=False, doc="the full dateline/1 JSON document"),
    sa.Column("near_duplicate_of", sa.String(64), sa.ForeignKey("articles.id")),
    sa.Column("similarity", sa.Float, doc="estimated Jaccard similarity to near_duplicate_of"),
    sa.Column("minhash", sa.LargeBinary, doc="MinHash signature (uint64 little-endian)"),
    sa.Column("created_at", Timestamp, nullable=False),
)
sa.Index("ix_articles_source_sha256", articles.c.source_sha256)
sa.Index("ix_articles_date", articles.c.date)
sa.Index("ix_articles_near_duplicate_of", articles.c.near_duplicate_of)
sa.Index("ix_articles_id_date", articles.c.id, articles.c.date)
sa.Index("ix_articles_date_id", articles.c.date, articles.c.id)


def _child_table(name: str, *columns: sa.schema.SchemaItem) -> sa.Table:
    """A table of rows exploded from one article: a surrogate ``pk``, then ``article_id`` (deleted
    with its article), then ``columns``."""
    return sa.Table(
        name,
        metadata,
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            sa.String(64),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        *columns,
    )


entities = _child_table(
    "entities",
    sa.Column("entity_id", sa.String(32), nullable=False, doc="id within the article (e1)"),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("country", sa.String(3)),
    sa.Column("role", sa.Text),
    sa.Column("code", sa.String(32)),
    sa.Column("mention_count", sa.Integer, nullable=False),
    sa.Column("actor_id", sa.String(16), doc="the corpus actor (actors.id), set by relinking"),
)
sa.Index("ix_entities_article", entities.c.article_id)
sa.Index("ix_entities_name", entities.c.name)
sa.Index("ix_entities_actor", entities.c.actor_id)
sa.Index(
    "ix_entities_actor_speaker", entities.c.actor_id, entities.c.article_id, entities.c.entity_id
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("name", sa.Text, nullable=False, doc="canonical name"),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("rule", sa.String(16), nullable=False, doc="the linking rule (actors/corpus.py)"),
    sa.Column("country", sa.String(3)),
    sa.Column("role", sa.Text),
    sa.Column("code", sa.String(32)),
    sa.Column("articles", sa.Integer, nullable=False),
)
sa.Index("ix_actors_name", actors.c.name)

actor_aliases = sa.Table(
    "actor_aliases",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("actor_id", sa.String(16), nullable=False),
    sa.Column("alias", sa.Text, nullable=False),
    sa.Column("count", sa.Integer, nullable=False),
)
sa.Index("ix_actor_aliases_actor", actor_aliases.c.actor_id)
sa.Index("ix_actor_aliases_alias", actor_aliases.c.alias)

actor_words = sa.Table(
    "actor_words",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("actor_id", sa.String(16), nullable=False),
    sa.Column("word", sa.Text, nullable=False, doc="a lower-cased word of the name or an alias"),
)
sa.Index("ix_actor_words_word", actor_words.c.word, actor_words.c.actor_id)

actor_quotes = sa.Table(
    "actor_quotes",
    metadata,
    sa.Column("actor_id", sa.String(16), primary_key=True),
    sa.Column("quotes", sa.Integer, nullable=False, doc="quotes whose speaker is the actor"),
)

mentions = _child_table(
    "mentions",
    sa.Column("entity_id", sa.String(32), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
)
sa.Index("ix_mentions_article", mentions.c.article_id)

quotes = _child_table(
    "quotes",
    sa.Column("quote_id", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("cue", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("speaker_entity", sa.String(32)),
    sa.Column("speaker_name", sa.Text),
    sa.Column("speaker_mention", sa.Text),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("fragment", sa.Boolean, nullable=False),
    sa.Column("negated", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("hedged", sa.Boolean, nullable=False, server_default=sa.false()),
)
sa.Index("ix_quotes_article", quotes.c.article_id)
sa.Index("ix_quotes_speaker_name", quotes.c.speaker_name)
sa.Index("ix_quotes_speaker", quotes.c.article_id, quotes.c.speaker_entity)

events = _child_table(
    "events",
    sa.Column("event_id", sa.String(32), nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("cameo", sa.String(8), nullable=False),
    sa.Column("source_entity", sa.String(32)),
    sa.Column("source_code", sa.String(32)),
    sa.Column("source_name", sa.Text),
    sa.Column("target_entity", sa.String(32)),
    sa.Column("target_code", sa.String(32)),
    sa.Column("target_name", sa.Text),
    sa.Column("date", sa.String(10)),
    sa.Column("location_name", sa.Text),
    sa.Column("location_country", sa.String(3)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("negated", sa.Boolean, nullable=False),
    sa.Column("mode", sa.String(32)),
    sa.Column("quote_id", sa.String(32)),
    sa.Column("in_lead", sa.Boolean, nullable=False, doc="evidence in the first paragraph"),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("data", sa.Text, nullable=False, doc="the event's full JSON (fields added later)"),
)
sa.Index("ix_events_article", events.c.article_id)
sa.Index("ix_events_source_code", events.c.source_code)
sa.Index("ix_events_target_code", events.c.target_code)
sa.Index("ix_events_type", events.c.type)

flags = _child_table(
    "flags",
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("suggestion", sa.Text),
)
sa.Index("ix_flags_article", flags.c.article_id)

CHILD_TABLES = (entities, mentions, quotes, events, flags)
"""Tables holding one article's exploded document, in insertion order."""
