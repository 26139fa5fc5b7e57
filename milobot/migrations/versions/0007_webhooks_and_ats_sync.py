"""webhooks and ATS sync: secret rotation and disabling on webhooks, delivery times, ATS connection
status and inbound ids, agent-to-job links, ATS ids of candidates, write-backs, notices, inbound events

Revision ID: 0007
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

import milobot.db.types

revision = "0007"
down_revision = "0008"
branch_labels = None
depends_on = None

UTC = milobot.db.types.UTCDateTime(timezone=True)


def _ws() -> sa.Column:
    return sa.Column(
        "workspace_id", sa.Integer(), sa.ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False
    )


def _conn() -> sa.Column:
    return sa.Column(
        "connection_id", sa.Integer(), sa.ForeignKey("ats_connections.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    with op.batch_alter_table("webhooks") as batch:
        batch.add_column(sa.Column("previous_secret", sa.String(200), nullable=True))
        batch.add_column(sa.Column("previous_secret_expires_at", UTC, nullable=True))
        batch.add_column(sa.Column("disabled_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("disabled_at", UTC, nullable=True))
        batch.create_index("ix_webhooks_agent_id", ["agent_id"])
    with op.batch_alter_table("webhook_deliveries") as batch:
        batch.add_column(sa.Column("last_attempt_at", UTC, nullable=True))
    with op.batch_alter_table("ats_connections") as batch:
        batch.add_column(sa.Column("public_id", sa.String(40), nullable=True))
        batch.add_column(sa.Column("status", sa.String(16), nullable=False, server_default="ok"))
        batch.add_column(sa.Column("status_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("inbound_secret", sa.String(500), nullable=True))
        batch.add_column(sa.Column("created_by", sa.String(32), nullable=True))
        batch.add_column(sa.Column("updated_at", UTC, nullable=True))
        batch.create_unique_constraint("uq_ats_connections_public_id", ["public_id"])

    op.create_table(
        "ats_agent_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ws(),
        _conn(),
        sa.Column("agent_id", sa.Integer(), sa.ForeignKey("agents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("job_id", sa.String(64), nullable=False),
        sa.Column("job_name", sa.String(300), nullable=True),
        sa.Column("stage_name", sa.String(200), nullable=True),
        sa.Column("stage_id", sa.String(64), nullable=True),
        sa.Column("created_by", sa.String(32), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.UniqueConstraint("agent_id", name="uq_ats_agent_links_agent_id"),
    )
    op.create_index("ix_ats_agent_links_workspace_id", "ats_agent_links", ["workspace_id"])
    op.create_index("ix_ats_agent_links_connection_id", "ats_agent_links", ["connection_id"])

    op.create_table(
        "ats_candidates",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ws(),
        _conn(),
        sa.Column(
            "candidate_id", sa.Integer(), sa.ForeignKey("candidates.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("ats_candidate_id", sa.String(64), nullable=False),
        sa.Column("ats_application_id", sa.String(64), nullable=True),
        sa.Column("profile_url", sa.String(500), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.UniqueConstraint("connection_id", "candidate_id", name="uq_ats_candidates_connection_candidate"),
    )
    op.create_index("ix_ats_candidates_workspace_id", "ats_candidates", ["workspace_id"])
    op.create_index("ix_ats_candidates_connection_id", "ats_candidates", ["connection_id"])
    op.create_index("ix_ats_candidates_candidate_id", "ats_candidates", ["candidate_id"])
    op.create_index("ix_ats_candidates_ats_application_id", "ats_candidates", ["ats_application_id"])

    op.create_table(
        "ats_notices",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ws(),
        sa.Column("agent_id", sa.Integer(), sa.ForeignKey("agents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=True),
        sa.Column("ts", sa.String(32), nullable=True),
        sa.Column("opened_at", UTC, nullable=False),
        sa.Column("queued", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_ats_notices_workspace_id", "ats_notices", ["workspace_id"])
    op.create_index("ix_ats_notices_agent_id", "ats_notices", ["agent_id"])

    op.create_table(
        "ats_syncs",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ws(),
        _conn(),
        sa.Column("agent_id", sa.Integer(), sa.ForeignKey("agents.id", ondelete="CASCADE"), nullable=False),
        sa.Column(
            "candidate_id", sa.Integer(), sa.ForeignKey("candidates.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "interview_id", sa.Integer(), sa.ForeignKey("interviews.id", ondelete="CASCADE"), nullable=True
        ),
        sa.Column("trigger", sa.String(32), nullable=False),
        sa.Column("dedupe_key", sa.String(200), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.String(64), nullable=True),
        sa.Column("note_started_at", UTC, nullable=True),
        sa.Column("attachment_id", sa.String(64), nullable=True),
        sa.Column("attachment_started_at", UTC, nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("error_status", sa.Integer(), nullable=True),
        sa.Column(
            "notice_id", sa.Integer(), sa.ForeignKey("ats_notices.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("requested_by", sa.String(32), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=True),
        sa.UniqueConstraint("dedupe_key", name="uq_ats_syncs_dedupe_key"),
    )
    for column in ("workspace_id", "connection_id", "agent_id", "candidate_id", "notice_id"):
        op.create_index(f"ix_ats_syncs_{column}", "ats_syncs", [column])

    op.create_table(
        "ats_inbound_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        _ws(),
        _conn(),
        sa.Column("dedupe_key", sa.String(200), nullable=False),
        sa.Column("event", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.UniqueConstraint("connection_id", "dedupe_key", name="uq_ats_inbound_events_connection_key"),
    )
    op.create_index("ix_ats_inbound_events_workspace_id", "ats_inbound_events", ["workspace_id"])
    op.create_index("ix_ats_inbound_events_connection_id", "ats_inbound_events", ["connection_id"])


def downgrade() -> None:
    op.drop_table("ats_inbound_events")
    op.drop_table("ats_syncs")
    op.drop_table("ats_notices")
    op.drop_table("ats_candidates")
    op.drop_table("ats_agent_links")
    with op.batch_alter_table("ats_connections") as batch:
        batch.drop_constraint("uq_ats_connections_public_id", type_="unique")
        for column in ("updated_at", "created_by", "inbound_secret", "status_reason", "status", "public_id"):
            batch.drop_column(column)
    with op.batch_alter_table("webhook_deliveries") as batch:
        batch.drop_column("last_attempt_at")
    with op.batch_alter_table("webhooks") as batch:
        batch.drop_index("ix_webhooks_agent_id")
        for column in ("disabled_at", "disabled_reason", "previous_secret_expires_at", "previous_secret"):
            batch.drop_column(column)
