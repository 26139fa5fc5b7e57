"""reviewer reminders: one claim row per reviewer per local day, and per candidate whose agent's creator
was told it waits unrated

Revision ID: 0012
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

import milobot.db.types

revision = "0012"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_reminders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "workspace_id", sa.Integer(), sa.ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(80), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("sent_at", milobot.db.types.UTCDateTime(), nullable=False),
        sa.UniqueConstraint("workspace_id", "kind", "subject", name="uq_review_reminders_claim"),
    )
    op.create_index("ix_review_reminders_workspace_id", "review_reminders", ["workspace_id"])


def downgrade() -> None:
    op.drop_index("ix_review_reminders_workspace_id", table_name="review_reminders")
    op.drop_table("review_reminders")
