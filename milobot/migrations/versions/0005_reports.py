"""reports: the report-link revocation epoch per candidate, the browser an interview was taken in, and
Package ZIP requests

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

import milobot.db.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("report_epoch", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_agent", sa.String(length=500), nullable=True))
    op.create_table(
        "report_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.String(length=32), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("candidate_ids", sa.JSON(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("lease_until", milobot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("dm_channel", sa.String(length=32), nullable=True),
        sa.Column("message_ts", sa.String(length=32), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("created_at", milobot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", milobot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["agent_id"], ["agents.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("report_packages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_packages_workspace_id"), ["workspace_id"], unique=False)
        batch_op.create_index("ix_report_packages_status", ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("report_packages", schema=None) as batch_op:
        batch_op.drop_index("ix_report_packages_status")
        batch_op.drop_index(batch_op.f("ix_report_packages_workspace_id"))
    op.drop_table("report_packages")
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_column("user_agent")
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.drop_column("report_epoch")
