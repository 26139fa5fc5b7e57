"""analytics: indexes so each analytics query is one range over an index holding the columns it reads,
per agent and per workspace; the day rollup (analytics_days) and the triggers that keep it true
(bench/analytics.py measures them at 1,000,000 interviews)

Revision ID: 0011
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

import milobot.db.types
from milobot.db import analytics_triggers

revision = "0011"
down_revision = "0003"
branch_labels = None
depends_on = None

# name -> (table, columns); kept in step with the Index() declarations at the end of milobot/db/models.py
INDEXES = {
    "ix_interviews_an_started": ("interviews", ["workspace_id", "agent_id", "started_at", "status"]),
    "ix_interviews_an_completed": (
        "interviews",
        ["workspace_id", "agent_id", "completed_at", "status", "started_at", "overall_score"],
    ),
    "ix_interviews_an_ws_started": ("interviews", ["workspace_id", "started_at", "status"]),
    "ix_interviews_an_ws_completed": (
        "interviews",
        ["workspace_id", "completed_at", "status", "started_at", "overall_score"],
    ),
    "ix_candidates_an_ws_added": ("candidates", ["workspace_id", "created_at", "source", "source_tag"]),
    "ix_candidates_an_decided": ("candidates", ["workspace_id", "decision", "decided_at", "agent_id"]),
    "ix_candidates_an_review": (
        "candidates",
        ["workspace_id", "rating_count", "status", "decision", "completed_at", "agent_id"],
    ),
    "ix_link_visits_an_agent": ("link_visits", ["workspace_id", "agent_id", "at", "source_tag"]),
    "ix_link_visits_an_ws": ("link_visits", ["workspace_id", "at", "source_tag"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    op.create_table(
        "analytics_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("starts_at", milobot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", milobot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workspace_id", "agent_id", "time_zone", "day"),
    )
    op.create_index("ix_analytics_days_span", "analytics_days", ["workspace_id", "starts_at", "ends_at"])
    analytics_triggers.install(op.get_bind())


def downgrade() -> None:
    analytics_triggers.uninstall(op.get_bind())
    op.drop_index("ix_analytics_days_span", table_name="analytics_days")
    op.drop_table("analytics_days")
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
