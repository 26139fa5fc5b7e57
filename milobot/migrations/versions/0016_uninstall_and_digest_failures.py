"""uninstalls and failed digests: when Slack said milobot was uninstalled from a workspace (scheduled
posting skips it until a re-install), and when a digest period last failed (`/milo digest list` shows it)

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

import milobot.db.types

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("workspaces") as batch:
        batch.add_column(sa.Column("uninstalled_at", milobot.db.types.UTCDateTime(), nullable=True))
    with op.batch_alter_table("digest_periods") as batch:
        batch.add_column(sa.Column("failed_at", milobot.db.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("digest_periods") as batch:
        batch.drop_column("failed_at")
    with op.batch_alter_table("workspaces") as batch:
        batch.drop_column("uninstalled_at")
