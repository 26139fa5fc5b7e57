"""Run alembic migrations from code: `milobot migrate`, and `serve` on SQLite at start."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from milobot.db import analytics_triggers, list_triggers

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


async def upgrade_to_head(engine: AsyncEngine) -> None:
    def _run(sync_conn: Connection) -> None:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = sync_conn
        command.upgrade(cfg, "head")
        # Again after every upgrade: a later migration that rebuilds a table on SQLite drops its triggers.
        list_triggers.install(sync_conn)
        analytics_triggers.install(sync_conn)

    async with engine.begin() as conn:
        await conn.run_sync(_run)
