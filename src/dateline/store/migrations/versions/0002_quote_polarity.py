"""Quotes keep their polarity: ``negated`` ("did not say") and ``hedged`` ("thinks", "may").

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): a copied table would lose the full-text triggers.
    for name in ("negated", "hedged"):
        op.add_column(
            "quotes", sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    for name in ("hedged", "negated"):
        op.drop_column("quotes", name)
