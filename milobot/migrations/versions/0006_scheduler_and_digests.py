"""scheduler and digests: each job's run record on its lock row, the digest's minute, and one claimed
row per digest period (unique per subscription and period, with a lease)

Revision ID: 0006
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

import milobot.db.types

revision = "0006"
down_revision = "0014"
branch_labels = None
depends_on = None

_UTC = milobot.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("scheduler_locks") as batch:
        batch.add_column(sa.Column("last_started_at", _UTC, nullable=True))
        batch.add_column(sa.Column("last_lateness_seconds", sa.Float(), nullable=True))
        batch.add_column(sa.Column("last_finished_at", _UTC, nullable=True))
        batch.add_column(sa.Column("last_error", sa.String(length=500), nullable=True))
        batch.add_column(sa.Column("runs", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("digest_subscriptions") as batch:
        batch.add_column(sa.Column("local_minute", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "digest_periods",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "workspace_id", sa.Integer(), sa.ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "subscription_id",
            sa.Integer(),
            sa.ForeignKey("digest_subscriptions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("due_at", _UTC, nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("holder", sa.String(length=64), nullable=True),
        sa.Column("lease_until", _UTC, nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("message_ts", sa.String(length=32), nullable=True),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.Column("claimed_at", _UTC, nullable=False),
        sa.Column("sent_at", _UTC, nullable=True),
        sa.UniqueConstraint("subscription_id", "period", name="uq_digest_periods_period"),
    )
    op.create_index("ix_digest_periods_workspace_id", "digest_periods", ["workspace_id"])
    op.create_index("ix_digest_periods_subscription_id", "digest_periods", ["subscription_id"])


def downgrade() -> None:
    op.drop_index("ix_digest_periods_subscription_id", table_name="digest_periods")
    op.drop_index("ix_digest_periods_workspace_id", table_name="digest_periods")
    op.drop_table("digest_periods")
    with op.batch_alter_table("digest_subscriptions") as batch:
        batch.drop_column("local_minute")
    with op.batch_alter_table("scheduler_locks") as batch:
        batch.drop_column("runs")
        batch.drop_column("last_error")
        batch.drop_column("last_finished_at")
        batch.drop_column("last_lateness_seconds")
        batch.drop_column("last_started_at")
