"""Corpus actors: one row per person, organisation or place across articles, with aliases, and
each article entity linked to its actor (``entities.actor_id``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=16), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("rule", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("articles", sa.Integer(), nullable=False),
    )
    op.create_index("ix_actors_name", "actors", ["name"])
    op.create_table(
        "actor_aliases",
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("actor_id", sa.String(length=16), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
    )
    op.create_index("ix_actor_aliases_actor", "actor_aliases", ["actor_id"])
    op.create_index("ix_actor_aliases_alias", "actor_aliases", ["alias"])
    op.add_column("entities", sa.Column("actor_id", sa.String(length=16), nullable=True))
    op.create_index("ix_entities_actor", "entities", ["actor_id"])


def downgrade() -> None:
    op.drop_index("ix_entities_actor", "entities")
    op.drop_column("entities", "actor_id")
    op.drop_table("actor_aliases")
    op.drop_table("actors")
