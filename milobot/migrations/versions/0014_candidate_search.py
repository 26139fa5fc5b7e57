"""the candidate list's text search through an index on both databases: an FTS5 trigram table on SQLite
(milobot/db/list_triggers.py keeps it), and on PostgreSQL the pg_trgm index of 0003 made if it is missing

Revision ID: 0014
Revises: 0010
"""

import logging

import sqlalchemy as sa
from alembic import op

from milobot.db import list_triggers

revision = "0014"
down_revision = "0010"
branch_labels = None
depends_on = None
log = logging.getLogger("alembic.runtime.migration")


def _trigram_index(conn) -> None:
    # 0003 skips it when pg_trgm can't be had; a server that gained the contrib package since gets it now.
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
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        _trigram_index(conn)
    else:
        list_triggers.install(conn)  # creates and fills candidate_search


def downgrade() -> None:
    list_triggers.uninstall_search(op.get_bind())
