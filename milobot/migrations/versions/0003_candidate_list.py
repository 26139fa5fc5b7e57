"""the candidate list: read-model columns on candidates kept by triggers, the folded search text, the
indexes the list's filters and sorts need, and which saved view each person's list opens with

Revision ID: 0003
Revises: 0007
"""

import logging

import sqlalchemy as sa
from alembic import op

import milobot.db.types
from milobot.db import list_triggers
from milobot.db.search_text import search_key

revision = "0003"
down_revision = "0007"
branch_labels = None
depends_on = None
log = logging.getLogger("alembic.runtime.migration")

_LIST_INDEXES = {
    "ix_candidates_list_added": ["workspace_id", "agent_id", "created_at", "id"],
    # key, then date added: ties (and those without the key) come in date order from the index itself
    "ix_candidates_list_completed": ["workspace_id", "agent_id", "completed_at", "created_at", "id"],
    "ix_candidates_list_score": ["workspace_id", "agent_id", "score", "created_at", "id"],
    "ix_candidates_list_rating": ["workspace_id", "agent_id", "rating_avg", "created_at", "id"],
    "ix_candidates_list_decision": ["workspace_id", "agent_id", "decision", "created_at", "id"],
    "ix_candidates_list_source": ["workspace_id", "agent_id", "source", "source_tag", "created_at", "id"],
    "ix_candidates_list_search": ["workspace_id", "agent_id", "search_text", "created_at", "id"],
    # Covering: counts and few-match pages read every filter from the index alone.
    "ix_candidates_list_filters": [
        "workspace_id",
        "agent_id",
        "status",
        "decision",
        "source",
        "source_tag",
        "score",
        "rating_avg",
        "completed_at",
        "created_at",
        "search_text",
        "id",  # PostgreSQL's indexes don't hold the row's id by themselves (SQLite's rowid is always there)
    ],
}


def _backfill_search_text(conn) -> None:
    # Folded in Python (see milobot/db/search_text.py), in batches so a big table never sits in memory.
    candidates = sa.table(
        "candidates", sa.column("id"), sa.column("name"), sa.column("email"), sa.column("search_text")
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(candidates.c.id, candidates.c.name, candidates.c.email)
            .where(candidates.c.id > last)
            .order_by(candidates.c.id)
            .limit(2000)
        ).all()
        if not rows:
            return
        conn.execute(
            candidates.update()
            .where(candidates.c.id == sa.bindparam("cid"))
            .values(search_text=sa.bindparam("key")),
            [{"cid": r.id, "key": search_key(r.name, r.email)} for r in rows],
        )
        last = rows[-1].id


def _trigram_index(conn) -> None:
    """PostgreSQL: "name or e-mail contains" through a trigram index when pg_trgm can be had (a trusted
    extension since PostgreSQL 13, shipped in the contrib package); without it the search reads the
    search index, as on SQLite."""
    try:
        with conn.begin_nested():
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError as exc:
        log.warning("pg_trgm unavailable (%s); the candidate search scans its index instead", exc.orig)
        return
    conn.execute(
        sa.text(
            "CREATE INDEX IF NOT EXISTS ix_candidates_list_trigram ON candidates "
            "USING gin (search_text gin_trgm_ops)"
        )
    )


def upgrade() -> None:
    # Plain ADD COLUMN works on SQLite too; no table copy, so the other tables' triggers stay put.
    op.add_column("candidates", sa.Column("score", sa.Float(), nullable=True))
    op.add_column(
        "candidates", sa.Column("completed_at", milobot.db.types.UTCDateTime(timezone=True), nullable=True)
    )
    op.add_column("candidates", sa.Column("rating_count", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("candidates", sa.Column("rating_avg", sa.Float(), nullable=True))
    op.add_column("candidates", sa.Column("search_text", sa.String(length=700), nullable=True))
    for name, columns in _LIST_INDEXES.items():
        op.create_index(name, "candidates", columns)
    # Redundant beside them (and ix_candidates_agent_email leads with agent_id too); PostgreSQL preferred
    # walking it, narrow as it is, and filtering every candidate of the agent.
    op.drop_index("ix_candidates_agent_id", table_name="candidates")
    op.create_index("ix_ratings_rater", "ratings", ["workspace_id", "slack_user_id", "candidate_id"])
    op.create_table(
        "candidate_list_prefs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("slack_user_id", sa.String(length=32), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("view_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", milobot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["agent_id"], ["agents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["view_id"], ["saved_views.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workspace_id", "slack_user_id", "agent_id"),
    )
    op.create_index("ix_candidate_list_prefs_workspace_id", "candidate_list_prefs", ["workspace_id"])
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        _trigram_index(conn)
    list_triggers.install(conn)
    list_triggers.backfill(conn)
    _backfill_search_text(conn)


def downgrade() -> None:
    list_triggers.uninstall(op.get_bind())
    op.execute("DROP INDEX IF EXISTS ix_candidates_list_trigram")
    op.drop_index("ix_candidate_list_prefs_workspace_id", table_name="candidate_list_prefs")
    op.drop_table("candidate_list_prefs")
    op.drop_index("ix_ratings_rater", table_name="ratings")
    op.create_index("ix_candidates_agent_id", "candidates", ["agent_id"])
    for name in _LIST_INDEXES:
        op.drop_index(name, table_name="candidates")
    with op.batch_alter_table("candidates") as batch:
        for column in ("search_text", "rating_avg", "rating_count", "completed_at", "score"):
            batch.drop_column(column)
