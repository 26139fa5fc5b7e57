"""candidate review: one rating per person per candidate, decisions with undo, nudges, note edits,
and the indexes a reaction and a profile's history look things up by

Revision ID: 0004
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

import milobot.db.types

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

OLD_RATING_COLUMNS = ["candidate_id", "slack_user_id", "kind"]


def _old_rating_constraint(bind) -> str | None:
    for uc in sa.inspect(bind).get_unique_constraints("ratings"):
        if list(uc["column_names"]) == OLD_RATING_COLUMNS:
            return uc["name"]
    return None


def upgrade() -> None:
    bind = op.get_bind()
    # One rating per person per candidate from now on: where someone had both stars and thumbs, the
    # one given last stays (the rule is "the latest wins").
    op.execute(
        sa.text(
            "DELETE FROM ratings WHERE EXISTS (SELECT 1 FROM ratings newer "
            "WHERE newer.candidate_id = ratings.candidate_id AND newer.slack_user_id = ratings.slack_user_id "
            "AND (newer.updated_at > ratings.updated_at "
            "OR (newer.updated_at = ratings.updated_at AND newer.id > ratings.id)))"
        )
    )
    name = _old_rating_constraint(bind)
    if bind.dialect.name == "sqlite":
        # SQLite's unique constraint has no name; batch mode rebuilds the table, and the naming
        # convention gives the reflected constraint a name to drop it by.
        convention = {"uq": "uq_%(table_name)s_%(column_0_N_name)s"}
        with op.batch_alter_table("ratings", naming_convention=convention, recreate="always") as batch_op:
            batch_op.drop_constraint("uq_ratings_candidate_id_slack_user_id_kind", type_="unique")
            batch_op.create_unique_constraint("uq_ratings_candidate_user", ["candidate_id", "slack_user_id"])
    else:
        if name:
            op.drop_constraint(name, "ratings", type_="unique")
        op.create_unique_constraint("uq_ratings_candidate_user", "ratings", ["candidate_id", "slack_user_id"])

    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("decided_at", milobot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("decision_reason", sa.Text(), nullable=True))

    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("edited_at", milobot.db.types.UTCDateTime(timezone=True), nullable=True)
        )

    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index("ix_interviews_card", ["card_ts", "card_channel"], unique=False)

    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_target", ["target_type", "target_id"], unique=False)

    op.create_table(
        "candidate_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=32), nullable=False),
        sa.Column("decided_at", milobot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("previous_decision", sa.String(length=16), nullable=False),
        sa.Column("previous_by", sa.String(length=32), nullable=True),
        sa.Column("previous_at", milobot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("previous_reason", sa.Text(), nullable=True),
        sa.Column("undone_by", sa.String(length=32), nullable=True),
        sa.Column("undone_at", milobot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("candidate_decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_candidate_decisions_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_candidate_decisions_workspace_id"), ["workspace_id"], unique=False
        )

    op.create_table(
        "nudges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("sent_by", sa.String(length=32), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("bulk", sa.Boolean(), nullable=False),
        sa.Column("sent_at", milobot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_nudges_candidate_id"), ["candidate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_nudges_workspace_id"), ["workspace_id"], unique=False)


def downgrade() -> None:
    op.drop_table("nudges")
    op.drop_table("candidate_decisions")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_target")
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index("ix_interviews_card")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_column("edited_at")
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.drop_column("decision_reason")
        batch_op.drop_column("decided_at")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_constraint("uq_ratings_candidate_user", type_="unique")
        batch_op.create_unique_constraint(None, OLD_RATING_COLUMNS)
