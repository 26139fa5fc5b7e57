"""effects once: event claims that complete, card-post claims that expire, outbox ordering keys

Revision ID: 0009
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

import milobot.db.types

# Written as 0002 beside the security half's 0002 (issue 8 was split in two); renamed when main was
# merged, and placed after main's head (0005) so the chain stays linear. The lead may renumber it.
revision = "0009"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("processed_events") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column("completed_at", milobot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
    # Every event recorded before this migration was handled under the old rule (claimed = done).
    op.execute("UPDATE processed_events SET completed_at = received_at WHERE completed_at IS NULL")
    with op.batch_alter_table("interviews") as batch:
        batch.add_column(
            sa.Column("card_claimed_until", milobot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("ordering_key", sa.String(length=200), nullable=True))
        batch.create_index("ix_outbox_ordering_key", ["ordering_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_ordering_key")
        batch.drop_column("ordering_key")
    with op.batch_alter_table("interviews") as batch:
        batch.drop_column("card_claimed_until")
    with op.batch_alter_table("processed_events") as batch:
        batch.drop_column("completed_at")
        batch.drop_column("claimed_by")
