"""candidate list exports: each Export CSV uploaded to Slack and the candidates it listed, so that erasing
one of them deletes the upload (services/csv_exports.py)

Revision ID: 0015
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

import milobot.db.types

revision = "0015"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "candidate_exports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "workspace_id", sa.Integer(), sa.ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.String(32), nullable=False),
        sa.Column("agent_id", sa.Integer(), sa.ForeignKey("agents.id", ondelete="SET NULL"), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=True),
        sa.Column("slack_file_id", sa.String(32), nullable=True),
        sa.Column("erased", sa.Boolean(), nullable=False),
        sa.Column("created_at", milobot.db.types.UTCDateTime(), nullable=False),
        sa.Column("uploaded_at", milobot.db.types.UTCDateTime(), nullable=True),
        sa.UniqueConstraint("outbox_id", name="uq_candidate_exports_outbox_id"),
    )
    op.create_index("ix_candidate_exports_workspace_id", "candidate_exports", ["workspace_id"])
    op.create_table(
        "candidate_export_rows",
        sa.Column(
            "export_id",
            sa.Integer(),
            sa.ForeignKey("candidate_exports.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("candidate_id", sa.Integer(), primary_key=True, autoincrement=False),
        # No foreign key: the export's own row cascades from the workspace, and these from it.
        sa.Column("workspace_id", sa.Integer(), nullable=False),
    )
    op.create_index(
        "ix_candidate_export_rows_candidate", "candidate_export_rows", ["workspace_id", "candidate_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_candidate_export_rows_candidate", table_name="candidate_export_rows")
    op.drop_table("candidate_export_rows")
    op.drop_index("ix_candidate_exports_workspace_id", table_name="candidate_exports")
    op.drop_table("candidate_exports")
