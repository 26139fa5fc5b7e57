"""operations: a lease on each import being extracted, so a replica that dies mid-way hands it over

Revision ID: 0008
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

import milobot.db.types

revision = "0008"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ingestion_batches") as batch:
        batch.add_column(sa.Column("extraction_claimed_by", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column("extraction_claimed_until", milobot.db.types.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("ingestion_batches") as batch:
        batch.drop_column("extraction_claimed_until")
        batch.drop_column("extraction_claimed_by")
